"""The whole extraction output on the labelled sets, as offsets, numbers and names.

Every change to the engine shows as a diff of these files, read in review. They hold no article
text beyond the seeds': entities as (label, name as written, canonical, start, end), figures as
their parsed values and offsets, never a figure's words or its sentence.

Regenerate after a deliberate change (one command, from the repository root):

    .venv/bin/python tests/core/extract/golden/golden.py

Sets: the repository's seeds; ../shared/devset/real.json's articles; the articles of
benchmarks/labels/extra.json whose texts are in ../shared/extra_articles; the articles of
benchmarks/labels/blind12.json whose texts are in ../dev_sets (bench_extraction.TEXT_DIRS). A set
whose texts are absent is left as it is (and its test skips).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[3]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO))

from briefing_app.core.extract import EXTRACTOR_VERSION, extract  # noqa: E402
from tests.shared_data import load_benchmark  # noqa: E402

# Fields of a figure kept in the golden files: values and offsets, never the article's words.
FIGURE_FIELDS = (
    "kind", "start", "end", "low", "high", "qualifier", "contributor", "host", "host_place",
    "troop_kind", "year", "unit", "value", "vague",
)  # fmt: skip


def _bench():
    return load_benchmark("bench_extraction")


def articles(name: str) -> list[tuple[str, str, int | None]] | None:
    """(file name, body, year) of each article of a set, or None when its texts are absent.

    Read as the benchmark reads them: by the program's own importer."""
    bench = _bench()
    if name == "seeds":
        paths = sorted((REPO / "seeds").glob("*.txt"))
    else:
        labels_file = {
            "real": SHARED / "devset" / "real.json",
            "extra": REPO / "benchmarks" / "labels" / "extra.json",
            "blind12": REPO / "benchmarks" / "labels" / "blind12.json",
        }[name]
        if not labels_file.exists():
            return None
        paths = [path for _, path in bench.labelled_texts(labels_file)]
    out = []
    for path in paths:
        article = bench.read_article(path)
        out.append((path.name, article.body, bench.article_year(article)))
    return out or None


def output(name: str) -> dict | None:
    """The engine's output on a set in golden form, or None when its texts are absent."""
    found = articles(name)
    if found is None:
        return None
    result = {"extractor_version": EXTRACTOR_VERSION, "articles": {}}
    for file, body, year in found:
        r = extract(body, year=year)
        result["articles"][file] = {
            "entities": [[e.label, e.text, e.canonical, e.start, e.end] for e in r.entities],
            "figures": [{k: getattr(f, k) for k in FIGURE_FIELDS} for f in r.figures],
        }
    return result


def dumps(data: dict) -> str:
    """JSON with one line per entity and per figure, so a review diff shows each change alone."""
    lines = ["{", f'  "extractor_version": {data["extractor_version"]},', '  "articles": {']
    names = list(data["articles"])
    for i, file in enumerate(names):
        art = data["articles"][file]
        lines.append(f"    {json.dumps(file)}: {{")
        for key in ("entities", "figures"):
            rows = [json.dumps(row, ensure_ascii=False) for row in art[key]]
            lines.append(f'      "{key}": [')
            lines += [f"        {row}," for row in rows[:-1]] + [f"        {r}" for r in rows[-1:]]
            lines.append("      ]," if key == "entities" else "      ]")
        lines.append("    }," if i < len(names) - 1 else "    }")
    lines += ["  }", "}"]
    return "\n".join(lines) + "\n"


SETS = ("seeds", "real", "extra", "blind12")


def path(name: str) -> Path:
    return HERE / f"{name}.json"


def main() -> int:
    for name in SETS:
        data = output(name)
        if data is None:
            print(f"{name}: texts absent (../shared), left as it is")
            continue
        path(name).write_text(dumps(data), encoding="utf-8")
        print(f"{name}: {len(data['articles'])} articles -> {path(name).relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
