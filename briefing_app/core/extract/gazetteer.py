"""The shipped name lists (resources/gazetteer) loaded once into lookups and an Aho-Corasick automaton."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from pathlib import Path

import ahocorasick

GAZETTEER_DIR = Path(__file__).resolve().parents[3] / "resources" / "gazetteer"


@dataclass(frozen=True)
class Name:
    """One gazetteer entry as it can appear in text."""

    label: str  # GPE | ORG | NORP
    canonical: str
    kind: str  # country | capital | region | city | org | demonym
    country: str | None = None  # the country it belongs to or stands for, if any
    contributor: str | None = None  # for organisations: whom their troops count for
    area: str | None = None  # for a mission: the country or region its troops serve in


@dataclass
class Gazetteer:
    names: dict[str, Name] = field(default_factory=dict)
    countries: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    title_words: set[str] = field(default_factory=set)  # capitalised words inside titles
    first_names: set[str] = field(default_factory=set)
    # GeoNames cities and US states -> their countries, most populous first (hosts.py)
    world_places: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # case-folded canonical name -> its one spelling (see _fold_spellings)
    spellings: dict[str, str] = field(default_factory=dict)
    automaton: ahocorasick.Automaton | None = None

    def add(self, text: str, name: Name, *, upper: bool = True) -> None:
        # First writer wins: countries load before cities, so "Georgia" stays a country.
        self.names.setdefault(text, name)
        # Datelines shout the place: "VILNIUS —".
        if upper and name.label == "GPE" and len(text) > 3:
            self.names.setdefault(text.upper(), name)


def _rows(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def _resource_dir() -> Path:
    # A PyInstaller bundle keeps resources/ beside the unpacked package (see briefing_app.paths).
    try:
        from briefing_app.paths import resources_dir

        bundled = resources_dir() / "gazetteer"
        if bundled.is_dir():
            return bundled
    except ImportError:  # pragma: no cover - paths is part of the package
        pass
    return GAZETTEER_DIR


def _fold_spellings(gaz: Gazetteer) -> None:
    """One canonical spelling per name whatever its case: "Baltic States" is "Baltic states".

    The first spelling loaded wins (countries, then organisations, capitals and places in
    file order), so the pane, the facets and the briefing index never list a place twice."""
    spelling: dict[str, str] = {}
    for name in gaz.names.values():
        spelling.setdefault(name.canonical.casefold(), name.canonical)
    for text, name in gaz.names.items():
        canonical = spelling[name.canonical.casefold()]
        if canonical != name.canonical:
            gaz.names[text] = replace(name, canonical=canonical)
    gaz.spellings = spelling


@cache
def word_list(name: str) -> frozenset[str]:
    """A word list of resources/gazetteer/words/<name>.txt: one entry a line, "#" comments; an
    entry in double quotes keeps its spaces ("-man ")."""
    out = set()
    for line in (
        (_resource_dir() / "words" / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    ):
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        out.add(entry[1:-1] if len(entry) > 1 and entry[0] == entry[-1] == '"' else entry)
    return frozenset(out)


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteer, read from disk the first time and shared afterwards."""
    root = _resource_dir()
    gaz = Gazetteer()
    capitals: list[tuple[str, str]] = []
    for row in _rows(root / "countries.tsv"):
        row += [""] * (4 - len(row))
        canonical, aliases, demonyms, caps = row[:4]
        gaz.countries.add(canonical)
        country_name = Name("GPE", canonical, "country", canonical)
        gaz.add(canonical, country_name)
        for alias in filter(None, aliases.split(",")):
            if alias.lower().startswith("the "):
                continue
            gaz.add(alias, country_name, upper=len(alias) > 4)
        for demonym in filter(None, demonyms.split(",")):
            gaz.add(demonym, Name("NORP", canonical, "demonym", canonical), upper=False)
        capitals += [(cap, canonical) for cap in filter(None, caps.split(","))]
    for org in _rows(root / "orgs.tsv"):
        org += [""] * (4 - len(org))
        text, canonical, contributor, area = org[:4]
        gaz.add(
            text, Name("ORG", canonical or text, "org", None, contributor or None, area or None)
        )
    for cap, country in capitals:
        gaz.add(cap, Name("GPE", cap, "capital", country))
    for row in _rows(root / "places.tsv"):
        text = row[0]
        place_country = row[1] if len(row) > 1 and row[1] else None
        gaz.add(text, Name("GPE", text, "city" if place_country else "region", place_country))
    for row in _rows(root / "regions.tsv"):
        gaz.add(row[0], Name("GPE", row[0], "region", row[1] if len(row) > 1 else None))
    gaz.titles = {row[0] for row in _rows(root / "titles.txt")}
    gaz.title_words = {w for t in gaz.titles for w in t.split() if w[:1].isupper()}
    for row in _rows(root / "first_names.txt"):
        gaz.first_names.update(row[0].split())
    for row in _rows(root / "world_places.tsv"):
        gaz.world_places[row[0]] = tuple(row[1].split(","))

    # "U. S.", "U. N.": initials some outlets space out.
    for text, name in list(gaz.names.items()):
        if re.fullmatch(r"(?:[A-Z]\.){2,}", text):
            gaz.add(" ".join(text[i : i + 2] for i in range(0, len(text), 2)), name)

    _fold_spellings(gaz)
    automaton = ahocorasick.Automaton()
    for text, name in gaz.names.items():
        automaton.add_word(text, (len(text), name))
    automaton.make_automaton()
    gaz.automaton = automaton
    return gaz
