"""Entities: labels, canonical names, datelines and offsets, on sentences written for these tests."""

from __future__ import annotations

import pytest

from briefing_app.core.extract import EXTRACTOR_VERSION, extract, facet_values


def ents(text: str) -> list[tuple[str, str, str]]:
    return [(e.label, e.text, e.canonical) for e in extract(text).entities]


@pytest.mark.parametrize(
    ("written", "label", "canonical"),
    [
        ("US", "GPE", "United States"),
        ("U.S.", "GPE", "United States"),
        ("America", "GPE", "United States"),
        ("American", "NORP", "United States"),
        ("UK", "GPE", "United Kingdom"),
        ("Britain", "GPE", "United Kingdom"),
        ("British", "NORP", "United Kingdom"),
        ("German", "NORP", "Germany"),
    ],
)
def test_canonical_country_names(written, label, canonical):
    text = f"Officials said the {written} position had not changed."
    assert (label, written, canonical) in ents(text)


def test_capital_as_state_and_as_city():
    assert ("GPE", "Moscow", "Russia") in ents("Moscow said the drills were routine.")
    assert ("GPE", "Washington", "United States") in ents("Washington has sent more aid.")
    assert ("GPE", "Moscow", "Moscow") in ents("The talks were held in Moscow last week.")


def test_people_titles_and_surnames():
    text = (
        "Defence Minister Anna Kowalska met NATO Secretary General Mark Rutte in Warsaw. "
        "Kowalska said the plan was ready. Rutte agreed."
    )
    found = ents(text)
    assert ("PERSON", "Anna Kowalska", "Anna Kowalska") in found
    assert ("PERSON", "Mark Rutte", "Mark Rutte") in found
    assert ("PERSON", "Kowalska", "Anna Kowalska") in found
    assert ("PERSON", "Rutte", "Mark Rutte") in found
    assert ("ORG", "NATO", "NATO") in found
    assert ("GPE", "Warsaw", "Warsaw") in found


def test_organisations():
    text = (
        "The 173rd Airborne Brigade joined the exercise, the Pentagon told Reuters. "
        "The UN Security Council and the Ministry of Defence were briefed, as was the "
        "Latvian Institute of Strategic Studies."
    )
    orgs = {t for label, t, _ in ents(text) if label == "ORG"}
    assert {"173rd Airborne Brigade", "Pentagon", "Reuters", "UN Security Council"} <= orgs
    assert "Ministry of Defence" in orgs
    assert (
        "Institute of Strategic Studies" in orgs or "Latvian Institute of Strategic Studies" in orgs
    )


def test_regions_and_dateline():
    text = "RIGA — Troops from the Baltic states trained in Crimea's shadow and near Kaliningrad in Eastern Europe."
    places = {t for label, t, _ in ents(text) if label == "GPE"}
    assert {"RIGA", "Baltic states", "Crimea", "Kaliningrad", "Eastern Europe"} <= places


def test_sentence_initial_words_are_not_entities():
    found = ents(
        "Meanwhile the talks continued. However officials were silent. Asked about it, nobody replied."
    )
    assert found == []


def test_offsets_and_facets():
    text = "Lithuanian President Gitanas Nauseda said British and US troops would stay in Vilnius."
    r = extract(text)
    for e in r.entities:
        assert text[e.start : e.end] == e.text
    facets = facet_values(r)
    assert facets["people"] == ["Gitanas Nauseda"]
    assert set(facets["countries"]) == {"Lithuania", "United Kingdom", "United States"}
    assert "Vilnius" in facets["places"]


def test_empty_and_version():
    assert extract("").entities == [] and extract("").figures == []
    assert isinstance(EXTRACTOR_VERSION, int) and EXTRACTOR_VERSION >= 1


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Prime Minister Theresa May met Donald Tusk in May.", ["Theresa May", "Donald Tusk"]),
        (
            "Chancellor Angela Merkel and President Emmanuel Macron met in Aachen.",
            ["Angela Merkel", "Emmanuel Macron"],
        ),
        ("Zelenskiy said Kyiv needed more air defence systems.", ["Zelenskiy"]),
        ("Senate Minority Leader Chuck Schumer also spoke.", ["Chuck Schumer"]),
        ("By Jane Doe\n\nThe talks ended on Friday.", ["Jane Doe"]),
    ],
)
def test_people_in_context(text, people):
    assert [t for label, t, _ in ents(text) if label == "PERSON"] == people


def test_shouted_section_headings_are_not_organisations():
    text = (
        "The mission began.\n\nWHY IT'S IMPORTANT\n\nMore text.\n\nKEY QUOTE\n\nThe UNHCR said so."
    )
    assert [(label, t) for label, t, _ in ents(text)] == [("ORG", "UNHCR")]


def test_unknown_places_in_a_place_slot():
    text = "The soldiers are based in Tapolca, near the town of Sumeg in Veszprem county."
    places = {t for label, t, _ in ents(text) if label == "GPE"}
    assert {"Tapolca", "Sumeg", "Veszprem"} <= places
