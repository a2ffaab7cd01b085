"""The briefing model: JSON round trip, offline Markdown, storage in the library, resolution."""

from __future__ import annotations

import pytest

from briefing_app.core import briefing as bf
from briefing_app.core.briefing import Briefing, BriefingError, BriefingItem, ChartConfig
from briefing_app.core.briefing.model import SCHEMA_VERSION
from briefing_app.core.workspace import Workspace


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    ws = Workspace.open(tmp_path_factory.mktemp("briefing") / "library")
    yield ws
    ws.close()


def seed_article(workspace: Workspace, needle: str):
    for article in workspace.library.iter_articles():
        if needle in article.body:
            return article
    raise AssertionError(f"no seed article contains {needle!r}")


def full_briefing() -> Briefing:
    return Briefing(
        title="Baltic reinforcement",
        author="Desk",
        date="2017-07-14",
        marking="NATO RESTRICTED",
        summary="# Summary\n\n- one\n- two",
        notes="Closing *notes*",
        page_size="Letter",
        items=[
            BriefingItem.article(3, "A title"),
            BriefingItem.passage(2, "quoted text", 10, 21, "Another"),
            BriefingItem.figure(1, "troops:1:2:NATO"),
            BriefingItem.chart_of(
                ChartConfig(by="host", combine="sum", query="troops", style="lines")
            ),
            BriefingItem.chart_of(ChartConfig(article_ids=[1, 2])),
            BriefingItem.chart_of(ChartConfig()),
        ],
    )


def test_json_round_trip_keeps_everything():
    original = full_briefing()
    original.items[1].note = "a **note**"
    document = original.to_dict()
    assert document["schema"] == SCHEMA_VERSION
    assert document["items"][3]["chart"]["scope"] == {"query": "troops"}
    assert document["items"][5]["chart"]["scope"] == "library"
    import json

    again = Briefing.from_dict(json.loads(json.dumps(document)))
    assert again == original
    assert [i.chart.scope for i in again.items[3:]] == ["query", "articles", "library"]


def test_newer_schema_is_refused_with_a_reason():
    document = full_briefing().to_dict()
    document["schema"] = SCHEMA_VERSION + 1
    with pytest.raises(BriefingError, match="newer"):
        Briefing.from_dict(document)


def test_chart_config_accepts_a_flat_widget_config():
    config = ChartConfig.from_dict(
        {"by": "host", "query": "Estonia", "style": "lines", "combine": "nonsense"}
    )
    assert (config.by, config.query, config.style, config.combine) == (
        "host",
        "Estonia",
        "lines",
        "largest",
    )
    assert ChartConfig.from_dict({"scope": "troops AND Estonia"}).query == "troops AND Estonia"
    # What the chart panel sends: its "results" scope carries the result ids.
    panel = {
        "by": "contributor",
        "combine": "latest",
        "scope": "results",
        "style": "bars",
        "article_ids": [3, 1],
    }
    assert ChartConfig.from_dict(panel).article_ids == [3, 1]
    assert ChartConfig.from_dict(panel).scope == "articles"
    whole = {**panel, "scope": "library", "article_ids": None}
    assert ChartConfig.from_dict(whole).scope == "library"


def test_markdown_links_are_text_with_url_and_nothing_is_fetched():
    out = bf.markdown_to_html(
        "See [the fact sheet](https://nato.int/x) ![map](http://evil.example/p.png)\n\n"
        "<img src='http://evil.example/q.png'> <script>alert(1)</script>\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n1. one\n2. two"
    )
    assert "the fact sheet" in out and "(https://nato.int/x)" in out
    assert "<a " not in out and "<img" not in out and "<script" not in out
    assert "[image: map]" in out
    assert "<table>" in out and "<ol>" in out
    clickable = bf.markdown_to_html("[x](https://nato.int/x)", clickable_links=True)
    assert '<a href="https://nato.int/x">x</a> (https://nato.int/x)' in clickable


def test_save_load_rename_delete(workspace):
    brief = full_briefing()
    bf.save(workspace, "Baltic", brief)
    assert bf.load(workspace, "Baltic") == brief
    bf.save(workspace, "Other", Briefing(title="Other"))
    with pytest.raises(BriefingError, match="already"):
        bf.rename(workspace, "Baltic", "Other")
    bf.rename(workspace, "Baltic", "Baltic 2016")
    assert bf.load(workspace, "Baltic") is None
    assert bf.load(workspace, "Baltic 2016").title == "Baltic reinforcement"
    assert bf.unused_name(workspace, "Other") == "Other 2"
    bf.delete(workspace, "Other")
    assert "Other" not in bf.names(workspace)


def test_resolve_collects_figures_entities_and_sources(workspace):
    german = seed_article(workspace, "Lambrecht")
    leaders = seed_article(workspace, "multinational force of 4,000")
    quote = "NATO defence ministers are set to agree this week on a new multinational force of 4,000 troops for the Baltics and Poland."
    start = leaders.body.index(quote)
    figure = next(
        f for f in workspace.article(german.id).figures if f.figure.contributor == "Norway"
    )
    brief = Briefing(
        items=[
            BriefingItem.passage(leaders.id, quote, start, start + len(quote)),
            BriefingItem.figure(german.id, figure.key),
            BriefingItem.chart_of(ChartConfig(article_ids=[german.id])),
            BriefingItem.article(99999, "Deleted article"),
        ]
    )
    doc = bf.resolve(workspace, brief)
    # The chart is an item like the others, numbered in its place.
    assert [i.number for i in doc.items] == [1, 2, 3, 4]
    passage, fig, chart, gone = doc.items
    assert chart.chart is doc.charts[0] and chart.heading.startswith("Chart 1: Troops by")
    # Only the figure inside the quoted span, not the article's other figures.
    assert [r.figure.low for r in passage.figures] == [4000]
    assert fig.figure is not None and fig.figure.figure.low == 50 and fig.figure.figure.high == 60
    assert fig.quote == figure.figure.sentence
    assert gone.article is None and gone.title == "Deleted article" and gone.source is None
    assert [s.article_id for s in doc.sources] == [leaders.id, german.id]
    assert len(doc.key_figures) == 2
    assert len(doc.charts) == 1 and doc.charts[0].table.rows
    # Every article behind a drawn bar is a numbered source (here the German one, already cited).
    assert [s.article_id for s in doc.charts[0].sources] == [german.id]
    names = {e.name: e.items for e in doc.index}
    assert names.get("Poland") == [1] and 2 in names.get("Norway", [])


def test_resolve_moves_a_passage_whose_offsets_went_stale(workspace):
    german = seed_article(workspace, "Lambrecht")
    quote = "Norway also announced that it was adding 50-60 soldiers to the group."
    doc = bf.resolve(
        workspace, Briefing(items=[BriefingItem.passage(german.id, quote, 0, len(quote))])
    )
    assert [r.figure.contributor for r in doc.items[0].figures] == ["Norway"]


def test_wording():
    from briefing_app.core.extract.records import Figure

    assert bf.display_date("2016-06-14") == "14 June 2016"
    assert bf.troops_text(Figure("troops", "", 0, 0, low=50, high=60)) == "50–60"
    assert (
        bf.troops_text(Figure("troops", "", 0, 0, low=1000, high=1000, qualifier="about"))
        == "about 1,000"
    )
    vague = Figure("troops", "", 0, 0, qualifier="several thousand", vague="several thousand")
    assert bf.troops_text(vague) == "several thousand"
