"""One spelling per canonical name, whatever the case it was written in.

"Baltic states" and "Baltic States", "ABC News" and "Abc News" would otherwise be two entries
in the pane, the facets, the chart and the briefing index. The gazetteer's spelling wins; a
name it does not know takes its first spelling in the article that is not shouted in capitals
in several capitalised words, else its title-cased form.
"""

from __future__ import annotations

from .gazetteer import Gazetteer
from .records import Entity, Figure


def fold_canonicals(entities: list[Entity], figures: list[Figure], gaz: Gazetteer) -> None:
    """Rewrite, in place, every entity's canonical name and every figure's contributor and
    host to one spelling per case-folded name."""
    spelling: dict[str, str] = {}
    for ent in entities:
        key = ent.canonical.casefold()
        if key in gaz.spellings:
            spelling.setdefault(key, gaz.spellings[key])
        elif not _shouted(ent.canonical):
            spelling.setdefault(key, ent.canonical)
    for ent in entities:
        ent.canonical = _spell(ent.canonical, spelling, gaz)
    for fig in figures:
        if fig.contributor:
            fig.contributor = _spell(fig.contributor, spelling, gaz)
        if fig.host:
            fig.host = _spell(fig.host, spelling, gaz)


def _shouted(name: str) -> bool:
    """Several words in capitals ("NORTH ATLANTIC COUNCIL"); one word in capitals is more
    often an acronym ("UNIFIL", "AMISOM") than a shout, and keeps its spelling."""
    letters = [c for c in name if c.isalpha()]
    return " " in name.strip() and len(letters) > 4 and all(c.isupper() for c in letters)


def _spell(name: str, spelling: dict[str, str], gaz: Gazetteer) -> str:
    key = name.casefold()
    if key in spelling:
        return spelling[key]
    if key in gaz.spellings:
        return gaz.spellings[key]
    return name.title() if _shouted(name) else name
