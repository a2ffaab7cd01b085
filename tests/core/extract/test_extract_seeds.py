"""The three seed articles shipped in seeds/: their troop figures and entities, pinned."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.articles import read_path
from briefing_app.core.dates import year_of
from briefing_app.core.extract import extract, facet_values

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


def _body(name: str) -> tuple[str, int | None]:
    """A seed's text and year, read from its file as an import reads it."""
    [article] = read_path(next(SEEDS.glob(f"{name}_*.txt")))
    return article.body, year_of(article.date)


@pytest.fixture(scope="module")
def seeds():
    out = {}
    for name in ("000", "001", "002"):
        body, year = _body(name)
        out[name] = (body, extract(body, year=year))
    return out


def _troops(result):
    return [
        (f.contributor, f.low, f.high, f.qualifier, f.year)
        for f in result.figures
        if f.kind == "troops" and f.low is not None
    ]


def _texts(result, label):
    return {e.text for e in result.entities if e.label == label}


def test_seed_000_troops(seeds):
    _, r = seeds["000"]
    troops = _troops(r)
    assert ("United States", 600, 600, "around", None) in troops
    vague = [f for f in r.figures if f.kind == "troops" and f.vague]
    assert [(f.vague, f.low, f.high, f.contributor) for f in vague] == [
        ("several thousand", None, None, "NATO")
    ]
    assert vague[0].troop_kind == "request"


def test_seed_001_troops_one_per_country(seeds):
    _, r = seeds["001"]
    troops = _troops(r)
    assert ("multinational", 4000, 4000, None, None) in troops
    for country in ("United States", "Germany", "United Kingdom"):
        assert (country, 1000, 1000, "about", None) in troops
    russia = [f for f in r.figures if f.kind == "troops" and f.contributor == "Russia"]
    assert [(f.low, f.year, f.troop_kind) for f in russia] == [(100000, 2014, "exercise")]


def test_seed_002_troops(seeds):
    _, r = seeds["002"]
    # NATO-led multinational units: either name is right, as the scorer also says.
    troops = {("NATO" if c == "multinational" else c, lo, hi) for c, lo, hi, _, _ in _troops(r)}
    assert {
        ("NATO", 1100, 1100),
        ("Germany", 360, 360),
        ("Norway", 50, 60),
        ("United Kingdom", 800, 800),
        ("NATO", 6000, 6000),
        ("NATO", 1000, 1000),
    } <= troops
    assert all(f.year == 2017 for f in r.figures if f.kind == "troops")


def test_seed_entities(seeds):
    _, r0 = seeds["000"]
    assert {
        "Jens Stoltenberg",
        "Mindaugas Neimontas",
        "Philip Breedlove",
        "Francois Hollande",
    } <= _texts(r0, "PERSON")
    assert {"VILNIUS", "Baltic states", "Antalya", "Minsk", "Baltic Sea", "Moscow"} <= _texts(
        r0, "GPE"
    )
    assert {"NATO", "AFP", "Institute of International Relations and Political Science"} <= _texts(
        r0, "ORG"
    )
    _, r1 = seeds["001"]
    assert {"Crimea", "Kaliningrad", "Baltics", "Brussels"} <= _texts(r1, "GPE")
    assert {"Reuters", "Kongsberg Gruppen", "Raytheon"} <= _texts(r1, "ORG")
    assert {"Ben Hodges", "Jakob Sogard Larsen", "Linas Linkevicius"} <= _texts(r1, "PERSON")
    _, r2 = seeds["002"]
    assert {"Christine Lambrecht", "Boris Johnson", "Ben Wallace"} <= _texts(r2, "PERSON")
    assert {"UN Security Council", "Joint Expeditionary Force", "JEF"} <= _texts(r2, "ORG")
    assert {"Czech Republic", "UK", "Crimea"} <= _texts(r2, "GPE")


def test_surname_mentions_resolve_to_full_name(seeds):
    _, r = seeds["000"]
    later = [e for e in r.entities if e.text == "Stoltenberg"]
    assert later and all(e.canonical == "Jens Stoltenberg" and e.label == "PERSON" for e in later)


def test_offsets_index_the_text(seeds):
    for body, r in seeds.values():
        for ent in r.entities:
            assert body[ent.start : ent.end] == ent.text
        for fig in r.figures:
            assert body[fig.start : fig.end] == fig.text
            if fig.sentence:
                assert fig.text in fig.sentence


def test_other_figures_in_seed(seeds):
    _, r = seeds["001"]
    jets = [f for f in r.figures if f.kind == "equipment"]
    assert any(f.low == 4 and "F-16 fighter jets" in f.unit for f in jets)
    assert any(f.low == 4 and "Eurofighter Typhoon fighter jets" in f.unit for f in jets)


def test_facets(seeds):
    _, r = seeds["002"]
    facets = facet_values(r)
    assert set(facets) == {"people", "places", "countries", "orgs"}
    assert "United Kingdom" in facets["countries"]  # from "UK" and "British"
    assert "Germany" in facets["countries"]  # from "German" only as a nationality? and the GPE
    assert "Christine Lambrecht" in facets["people"]
    assert "NATO" in facets["orgs"]
    assert "Crimea" in facets["places"] and "Crimea" not in facets["countries"]
