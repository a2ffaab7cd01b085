"""One canonical spelling per name whatever its case, in the pane, the facets and the index."""

from __future__ import annotations

from briefing_app.core.briefing.document import BriefingItem, ResolvedItem, _index
from briefing_app.core.extract import extract
from briefing_app.core.extract.folding import fold_canonicals
from briefing_app.core.extract.gazetteer import load
from briefing_app.core.extract.records import Entity


def test_gazetteer_names_differing_only_in_case_share_one_canonical_spelling():
    gaz = load()
    assert gaz.names["Baltic States"].canonical == gaz.names["Baltic states"].canonical
    spellings = {}
    for name in gaz.names.values():
        spellings.setdefault(name.canonical.casefold(), set()).add(name.canonical)
    assert all(len(s) == 1 for s in spellings.values())


def test_an_article_writing_a_place_two_ways_lists_it_once():
    text = (
        "NATO sent troops to the Baltic States. About 600 US soldiers are now in the Baltic states."
    )
    result = extract(text, year=2017)
    baltic = {e.canonical for e in result.entities if "baltic" in e.text.lower()}
    assert baltic == {"Baltic states"}
    assert [f.host for f in result.figures if f.kind == "troops"] == ["Baltic states"]


def test_names_the_gazetteer_does_not_know_take_their_first_unshouted_spelling():
    entities = [
        Entity("ATLANTIC RESOLVE TASK FORCE", "ORG", "ATLANTIC RESOLVE TASK FORCE", 0, 27),
        Entity("Atlantic Resolve Task force", "ORG", "Atlantic Resolve Task force", 30, 57),
        Entity("Atlantic Resolve Task Force", "ORG", "Atlantic Resolve Task Force", 60, 87),
        Entity("UNAMSIL", "ORG", "UNAMSIL", 90, 97),
    ]
    fold_canonicals(entities, [], load())
    assert [e.canonical for e in entities] == ["Atlantic Resolve Task force"] * 3 + ["UNAMSIL"]
    # Alone, a shout is title-cased; an acronym in capitals is not a shout and keeps its form.
    alone = [Entity("NORTH SEA GROUP", "ORG", "NORTH SEA GROUP", 0, 15)]
    fold_canonicals(alone, [], load())
    assert alone[0].canonical == "North Sea Group"


def test_the_briefing_index_lists_a_name_once_across_articles():
    def item(number: int, canonical: str) -> ResolvedItem:
        resolved = ResolvedItem(number, BriefingItem.article(number), None, "")
        resolved.entities = [Entity(canonical, "GPE", canonical, 0, len(canonical))]
        return resolved

    entries = _index([item(1, "Baltic states"), item(2, "Baltic States")])
    assert [(e.name, e.items) for e in entries] == [("Baltic states", [1, 2])]
