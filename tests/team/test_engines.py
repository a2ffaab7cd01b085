"""The door behaves the same on both engines: each test runs on a local library (SQLite and
Whoosh) and on a team library (a throwaway PostgreSQL cluster)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing_app.core import briefing as bf
from briefing_app.core.briefing.export import export_briefing
from briefing_app.core.figure_text import troop_count
from briefing_app.core.workspace import MAX_EXPANSION, QueryError, Workspace

ARTICLE_A = """title: Danish battalion heads for Latvia
date: 2023-03-14
source: Test Wire

COPENHAGEN — Denmark will send a battalion of about 800 soldiers to Latvia in 2024, the defence
ministry said on Tuesday. The Danish troops join the NATO battlegroup near Riga.
"""

ARTICLE_B = """title: Czech troops for Slovakia
date: 2022-03-01
source: Other Wire

PRAGUE — The Czech Republic will lead a battlegroup in Slovakia, the government said. About 600
soldiers from Germany and the Netherlands will take part.
"""

ARTICLE_C = """title: Pipeline talks resume in Vienna
date: 2016-06-14
source: Test Wire

VIENNA — Negotiators met again about the gas pipeline; no soldiers were mentioned.
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "incoming"
    path.mkdir()
    for name, text in (("a.txt", ARTICLE_A), ("b.txt", ARTICLE_B), ("c.txt", ARTICLE_C)):
        (path / name).write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def ws(engine_workspace: Workspace, folder: Path) -> Workspace:
    report = engine_workspace.import_paths([folder])
    assert report.imported == 3, report.summary()
    return engine_workspace


def _titles(ws: Workspace, query: str, **options: object) -> list[str]:
    return sorted(h.title for h in ws.search(query, **options).hits)  # type: ignore[arg-type]


def test_import_again_and_a_copy_elsewhere_add_nothing(ws: Workspace, folder: Path, tmp_path):
    again = ws.import_paths([folder])
    assert (again.imported, again.unchanged_files) == (0, 3)
    copy = tmp_path / "copy.txt"
    copy.write_text(ARTICLE_A, encoding="utf-8")
    report = ws.import_paths([copy])
    assert (report.imported, report.duplicates) == (0, 1)
    assert ws.stats()["articles"] == 3


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        (
            "soldiers",
            [
                "Czech troops for Slovakia",
                "Danish battalion heads for Latvia",
                "Pipeline talks resume in Vienna",
            ],
        ),
        ("battalion", ["Danish battalion heads for Latvia"]),
        ('"gas pipeline"', ["Pipeline talks resume in Vienna"]),
        ("title:troops", ["Czech troops for Slovakia"]),
        (
            "soldiers NOT Slovakia",
            ["Danish battalion heads for Latvia", "Pipeline talks resume in Vienna"],
        ),
        ("Riga OR Prague", ["Czech troops for Slovakia", "Danish battalion heads for Latvia"]),
        ("slovak*", ["Czech troops for Slovakia"]),
        ("year:2016", ["Pipeline talks resume in Vienna"]),
        (
            "soldiers year:[2022 to 2023]",
            ["Czech troops for Slovakia", "Danish battalion heads for Latvia"],
        ),
        ("date:2023-03", ["Danish battalion heads for Latvia"]),
        ("country:Germany", ["Czech troops for Slovakia"]),
        ("source:other", ["Czech troops for Slovakia"]),
        ("(battalion OR pipeline) AND NOT Vienna", ["Danish battalion heads for Latvia"]),
    ],
)
def test_the_query_language_finds_the_same_articles(ws: Workspace, query: str, titles):
    assert _titles(ws, query) == titles


ALL_THREE = [
    "Czech troops for Slovakia",
    "Danish battalion heads for Latvia",
    "Pipeline talks resume in Vienna",
]


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        # A wildcard before, inside or instead of letters: the most used words it fits.
        ("*akia", ["Czech troops for Slovakia"]),
        ("*ia", ["Czech troops for Slovakia", "Danish battalion heads for Latvia"]),
        ("*ation", []),
        ("*ation OR pipeline", ["Pipeline talks resume in Vienna"]),
        ("battal?on", ["Danish battalion heads for Latvia"]),
        ("d?nish", ["Danish battalion heads for Latvia"]),
        ("Cz?ch", ["Czech troops for Slovakia"]),
        ("sold?ers", ALL_THREE),
        ("s*ers", ALL_THREE),
        ("SOLD*RS^2", ALL_THREE),
        ("neg*ors", ["Pipeline talks resume in Vienna"]),
        ("b??tle*", ["Czech troops for Slovakia", "Danish battalion heads for Latvia"]),
        ("*", ALL_THREE),
        ("???", ALL_THREE),
        ("zzz*q", []),
        ("NOT *akia", ["Danish battalion heads for Latvia", "Pipeline talks resume in Vienna"]),
        (
            "soldiers AND NOT *enna",
            ["Czech troops for Slovakia", "Danish battalion heads for Latvia"],
        ),
        # In a field: the title's words, or the source's and the dateline's.
        ("title:*ia", ["Czech troops for Slovakia", "Danish battalion heads for Latvia"]),
        ("title:*enna", ["Pipeline talks resume in Vienna"]),
        ("title:Sl??akia", ["Czech troops for Slovakia"]),
        (
            "title:(*akia OR pipe*)",
            ["Czech troops for Slovakia", "Pipeline talks resume in Vienna"],
        ),
        ("body:*aslavia OR body:*ague", ["Czech troops for Slovakia"]),
        ("source:o*er", ["Czech troops for Slovakia"]),
        ("source:w?re", ALL_THREE),
        ("dateline:pr?gue", ["Czech troops for Slovakia"]),
        (
            "dateline:c*n OR dateline:*enna",
            ["Danish battalion heads for Latvia", "Pipeline talks resume in Vienna"],
        ),
        # LIKE's own % and _ and a backslash stand for themselves: no word holds them.
        ("s%er?", []),
        ("sol_ier?", []),
        ("so\\ldier?", []),  # an unescaped \l would be a plain l: "soldiers"
        ("*%*", []),
        ("\\*?", []),
        ("_*", []),
    ],
)
def test_wildcards_anywhere_in_a_word_find_the_same_articles(ws: Workspace, query: str, titles):
    assert _titles(ws, query) == titles
    assert ws.summarize(query).total == len(titles)


def test_wildcard_matches_are_marked_in_the_snippet(ws: Workspace):
    [hit] = ws.search("*attalion").hits
    assert '<b class="match">battalion</b>' in hit.snippet


def _code(k: int) -> str:
    return chr(ord("a") + k // 26) + chr(ord("a") + k % 26)


@pytest.fixture
def many_words(engine_workspace: Workspace, tmp_path: Path) -> Workspace:
    """Sixty words "aaquix" ... "chquix" (word k in k + 2 articles, so the most used are the
    highest k) and, for each word, a marker article that holds only that one of them."""
    path = tmp_path / "many.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for k in range(60):
            marker = {"id": f"m{k}", "title": f"Marker {k}", "body": f"Only {_code(k)}quix here."}
            words = " ".join(f"{_code(n)}quix" for n in range(k, 60))
            filler = {"id": f"f{k}", "title": f"Filler {k}", "body": f"Many words: {words}."}
            out.write(json.dumps(marker) + "\n" + json.dumps(filler) + "\n")
    report = engine_workspace.import_paths([path])
    assert report.imported == 120, report.summary()
    return engine_workspace


def _markers(ws: Workspace, query: str) -> set[int]:
    hits = ws.search(query, page_size=500).hits
    return {int(h.title.split()[1]) for h in hits if h.title.startswith("Marker")}


def test_a_wildcard_stands_for_at_most_its_most_used_words(many_words: Workspace):
    kept = set(range(60 - MAX_EXPANSION, 60))
    # Sixty words fit: both engines keep the fifty most used, and say so in the help.
    assert _markers(many_words, "*quix") == kept
    assert _markers(many_words, "??quix") == kept
    assert _markers(many_words, "*q?ix") == kept
    assert _markers(many_words, "a?qu*x") == set(range(26))  # fewer fit: every one is kept
    assert _markers(many_words, "c*quix") == {52, 53, 54, 55, 56, 57, 58, 59}
    fillers_and_markers = 60 + len(kept)
    assert many_words.summarize("*quix").total == fillers_and_markers


def test_filters_sorting_and_paging(ws: Workspace):
    newest = ws.search("soldiers", sort="date")
    assert [h.date for h in newest.hits] == ["2023-03-14", "2022-03-01", "2016-06-14"]
    oldest = ws.search("soldiers", sort="date_asc", page=1, page_size=2)
    assert [h.date for h in oldest.hits] == ["2016-06-14", "2022-03-01"] and oldest.more
    assert oldest.total == 3 and len(oldest.all_ids) == 3
    assert _titles(ws, "soldiers", since="2022-01-01", until="2022-12-31") == [
        "Czech troops for Slovakia"
    ]
    assert _titles(ws, "", filters={"source": ["Test Wire"]}) == [
        "Danish battalion heads for Latvia",
        "Pipeline talks resume in Vienna",
    ]


def test_snippets_mark_the_matched_words_and_escape_the_rest(ws: Workspace):
    [hit] = ws.search("battalion").hits
    assert '<b class="match">battalion</b>' in hit.snippet
    assert "<" not in hit.snippet.replace('<b class="match">', "").replace("</b>", "")


def test_facets_count_over_every_hit(ws: Workspace):
    result = ws.search("soldiers")
    assert result.facets is not None
    assert ("Test Wire", 2) in result.facets["sources"]
    assert dict(result.facets["years"]) == {"2016": 1, "2022": 1, "2023": 1}
    summary = ws.summarize("soldiers")
    assert summary.total == 3 and sorted(summary.all_ids) == sorted(result.all_ids)


def test_did_you_mean_for_a_misspelt_word(ws: Workspace):
    result = ws.search("battalian")
    assert result.total == 0
    assert result.suggestion == "battalion"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('"troops', "Unbalanced quotation mark"),
        ("(troops", "is never closed"),
        ("troops AND", "needs a word after it"),
        ("colour:red", "Unknown field 'colour:'"),
        ("date:[2015 to", "not a complete"),
        ("year:abc", "is not a year"),
    ],
)
def test_bad_queries_get_the_same_readable_message(ws: Workspace, query: str, message: str):
    with pytest.raises(QueryError, match=message.replace("(", r"\(")):
        ws.search(query)


def test_edit_is_read_and_searched_and_reverts(ws: Workspace):
    [hit] = ws.search("battalion").hits
    ws.edit_article(hit.id, title="Danish soldiers to Latvia", date="2021-05-02")
    view = ws.article(hit.id)
    assert view is not None
    assert (view.article.title, view.article.date) == ("Danish soldiers to Latvia", "2021-05-02")
    assert view.article.imported["title"] == "Danish battalion heads for Latvia"
    assert _titles(ws, "title:soldiers") == ["Danish soldiers to Latvia"]
    assert _titles(ws, "year:2021") == ["Danish soldiers to Latvia"]
    ws.revert_edit(hit.id, "title")
    assert _titles(ws, "title:battalion") == ["Danish battalion heads for Latvia"]


def test_a_corrected_figure_is_read_back_and_cleared(ws: Workspace):
    [hit] = ws.search("battalion").hits
    view = ws.article(hit.id)
    assert view is not None
    troops = [f for f in view.figures if f.figure.kind == "troops"]
    assert troops, "extraction found the battalion's 800 soldiers"
    key = troops[0].key
    ws.correct_figure(hit.id, key, count=850)
    corrected = next(f for f in ws.article(hit.id).figures if f.key == key)  # type: ignore[union-attr]
    assert corrected.corrected and (corrected.figure.low, corrected.figure.high) == (850, 850)
    assert corrected.original.low != 850
    ws.clear_correction(hit.id, key)
    again = next(f for f in ws.article(hit.id).figures if f.key == key)  # type: ignore[union-attr]
    assert not again.corrected


def _battalion(ws: Workspace):  # noqa: ANN202
    [hit] = ws.search("battalion").hits
    view = ws.article(hit.id)
    assert view is not None
    return hit.id, next(f for f in view.figures if f.figure.kind == "troops")


def test_a_corrected_count_is_the_persons_number_without_the_articles_qualifier(
    ws: Workspace, tmp_path: Path
):
    article_id, stored = _battalion(ws)
    assert troop_count(stored.figure) == "about 800"
    ws.correct_figure(article_id, stored.key, year=2025)  # the count stays the article's
    assert troop_count(_battalion(ws)[1].figure) == "about 800"

    ws.correct_figure(article_id, stored.key, count=1000)
    corrected = _battalion(ws)[1]
    assert troop_count(corrected.figure) == "1,000"
    assert corrected.original.qualifier == "about"  # what the article said is kept beside it
    brief = bf.Briefing(title="B", items=[bf.BriefingItem.figure(article_id, stored.key)])
    markdown = export_briefing(ws, brief, tmp_path / "b.md").read_text(encoding="utf-8")
    html = export_briefing(ws, brief, tmp_path / "b.html").read_text(encoding="utf-8")
    for text in (markdown, html):
        assert "1,000" in text and "about 1,000" not in text.lower()

    ws.correct_figure(article_id, stored.key, low=900, high=1200)  # a range of the person's own
    assert troop_count(_battalion(ws)[1].figure) == "900–1,200"
    ws.clear_correction(article_id, stored.key)
    assert troop_count(_battalion(ws)[1].figure) == "about 800"


def test_reading_state_and_stars(ws: Workspace):
    [hit] = ws.search("battalion").hits
    ws.open_article(hit.id)
    ws.set_starred(hit.id, True)
    assert _titles(ws, "read:true") == ["Danish battalion heads for Latvia"]
    assert _titles(ws, "", filters={"starred": ["true"]}) == ["Danish battalion heads for Latvia"]
    view = ws.article(hit.id)
    assert view is not None and view.article.read and view.article.starred


def test_briefings_are_stored_listed_renamed_and_deleted(ws: Workspace):
    ws.store_briefing("Baltic", {"title": "Baltic", "items": [1]})
    ws.store_briefing("Balkans", {"title": "Balkans", "items": []})
    assert sorted(ws.briefing_names()) == ["Balkans", "Baltic"]
    assert ws.stored_briefing("Baltic") == {"title": "Baltic", "items": [1]}
    ws.rename_briefing("Baltic", "Baltic states")
    ws.delete_briefing("Balkans")
    assert ws.briefing_names() == ["Baltic states"]
    assert ws.stored_briefing("Balkans") is None


def test_watched_folders_and_figures_table(ws: Workspace, folder: Path):
    ws.watch_folder(str(folder))
    assert ws.watched_folders() == [str(folder)]
    assert ws.unwatch_folder(str(folder)) and not ws.watched_folders()
    table = ws.figures_table(query="battalion")
    assert table is not None
    assert any(r.figure.low == 800 for r in ws.figure_reports())


def test_an_empty_library_answers_every_search_with_nothing(engine_workspace):  # noqa: ANN001
    """A library nothing was ever indexed into (an empty folder imported) is searched like any
    other: Whoosh has no columns in an index never written to, and must not be asked for them."""
    ws = engine_workspace
    for query in ("", "troops", "year:2022", "country:germany"):
        assert ws.search(query).total == 0, query
        summary = ws.summarize(query)
        assert summary.total == 0 and summary.all_ids == []
