"""Libraries of generated articles for chart tests, screenshots and benchmarks: N countries over Y years.

Each country gets one article with a sentence per year ("In 2003, Brazil deployed 1,200 troops
to Haiti."), the numbers growing with the country's rank, so the largest country is known.
Real extraction reads them, as it reads any import.
"""

from __future__ import annotations

from pathlib import Path

COUNTRIES = [
    "Germany", "France", "United Kingdom", "Poland", "Canada", "Italy", "Spain", "Norway",
    "Denmark", "Netherlands", "Belgium", "Portugal", "Sweden", "Finland", "Estonia", "Latvia",
    "Lithuania", "Romania", "Bulgaria", "Greece", "Turkey", "Hungary", "Slovakia", "Slovenia",
    "Croatia", "Albania", "Austria", "Ireland", "Iceland", "Luxembourg", "Brazil", "Argentina",
    "Chile", "Uruguay", "Peru", "Colombia", "Mexico", "India", "Pakistan", "Bangladesh",
    "Nepal", "Indonesia", "Malaysia", "Thailand", "Vietnam", "Japan", "South Korea",
    "Australia", "New Zealand", "Egypt", "Morocco", "Tunisia", "Ghana", "Nigeria", "Senegal",
    "Kenya", "Ethiopia", "Rwanda", "Tanzania", "Zambia",
]  # fmt: skip
HOST = "Haiti"


def troops(rank: int, year_index: int) -> int:
    """Larger for earlier countries: rank 0 is always the largest contributor."""
    return (len(COUNTRIES) - rank) * 100 + year_index * 10


def write_articles(folder: Path, countries: int, years: int, first_year: int = 1995) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for rank, country in enumerate(COUNTRIES[:countries]):
        sentences = [
            f"In {first_year + y}, {country} deployed {troops(rank, y):,} troops to {HOST}."
            for y in range(years)
        ]
        (folder / f"{rank:02d}.txt").write_text(
            f"title: {country} in the mission\ndate: {first_year + years}-01-01\n"
            f"source: Test Wire\n\n" + "\n\n".join(sentences) + "\n",
            encoding="utf-8",
        )
    return folder


def build_library(root: Path, countries: int, years: int):  # noqa: ANN201 - a Workspace
    from briefing_app.core.workspace import Workspace

    articles = write_articles(root / "articles", countries, years)
    workspace = Workspace.open(root / "library", seed_if_empty=False, repair=False)
    workspace.import_paths([articles])
    return workspace
