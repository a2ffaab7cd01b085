"""Facet values for the library's search filters: people, places, countries and organisations."""

from __future__ import annotations

from .gazetteer import load
from .records import Extraction


def facet_values(extraction: Extraction) -> dict[str, list[str]]:
    """Canonical names by facet, each list sorted and without duplicates.

    "places" holds every place; "countries" the places that are countries plus the country of
    each nationality word ("British" counts for the United Kingdom).
    """
    gaz = load()
    people: set[str] = set()
    places: set[str] = set()
    countries: set[str] = set()
    orgs: set[str] = set()
    for ent in extraction.entities:
        if ent.label == "PERSON":
            people.add(ent.canonical)
        elif ent.label == "GPE":
            places.add(ent.canonical)
            if ent.canonical in gaz.countries:
                countries.add(ent.canonical)
        elif ent.label == "NORP" and ent.canonical in gaz.countries:
            countries.add(ent.canonical)
        elif ent.label == "ORG":
            orgs.add(ent.canonical)
    return {
        "people": sorted(people),
        "places": sorted(places),
        "countries": sorted(countries),
        "orgs": sorted(orgs),
    }
