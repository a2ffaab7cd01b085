"""The briefing's chart is the window's chart: listed as an item, drawn with the same kinds,
countries, scale and colours, and every article behind a drawn bar cited in Sources."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from briefing_app.core import briefing as bf
from briefing_app.core.briefing import Briefing, BriefingItem, ChartConfig
from briefing_app.core.briefing import chart as briefing_chart
from briefing_app.core.briefing.export import export_document, to_html, to_markdown
from briefing_app.core.country_colours import country_colour
from briefing_app.core.figures import KINDS
from briefing_app.core.workspace import Workspace


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    ws = Workspace.open(tmp_path_factory.mktemp("chart-pdf") / "library")
    yield ws
    ws.close()


def window_chart(**changes) -> dict:
    """What the chart panel's "Add to briefing" sends (see ChartPanel.briefing_config)."""
    config = {
        "by": "contributor",
        "combine": "largest",
        "scope": "library",
        "style": "bars",
        "scale": "log",
        "kinds": list(KINDS),
        "countries": None,
        "article_ids": None,
    }
    config.update(changes)
    return config


@pytest.fixture(scope="module")
def document(workspace):
    articles = {a.path.rsplit("/", 1)[-1][:3]: a for a in workspace.library.iter_articles()}
    brief = Briefing(
        title="Chart check",
        items=[
            BriefingItem.article(articles["002"].id, articles["002"].title),
            BriefingItem.chart_of(ChartConfig.from_dict(window_chart())),
            BriefingItem.chart_of(
                ChartConfig.from_dict(
                    window_chart(
                        scale="linear",
                        kinds=["deployment", "presence"],
                        countries=["United Kingdom", "Norway"],
                    )
                )
            ),  # fmt: skip
        ],
    )
    return bf.resolve(workspace, brief)


@pytest.fixture(scope="module")
def pdf_text(document, tmp_path_factory):
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication([])
    path = tmp_path_factory.mktemp("pdf") / "chart.pdf"
    export_document(document, path)
    reader = PdfReader(path)
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def test_the_chart_keeps_the_windows_settings(document):
    first, second = document.charts
    assert first.config.scale == "log" and first.config.kinds == KINDS
    assert second.config.countries == ["United Kingdom", "Norway"]
    assert sorted(second.table.countries()) == ["Norway", "United Kingdom"]
    drawing = briefing_chart.draw(first.table, 450, first.config.style, first.config.scale)
    texts = [s.text for s in drawing.shapes if isinstance(s, briefing_chart.Text)]
    assert "troops (log scale)" in texts and "Russia" in texts
    fills = {s.fill for s in drawing.shapes if isinstance(s, briefing_chart.Rect)}
    for country in first.table.countries():
        assert country_colour(country) in fills  # the window's colour for that country


def test_charts_are_items_and_counted_on_the_title_page(pdf_text, document):
    assert [i.item.kind for i in document.items] == ["article", "chart", "chart"]
    title_page, contents = pdf_text[0], pdf_text[1]
    assert "3 items" in title_page
    assert flat("2. Chart 1: Troops by contributor") in flat(contents)
    assert flat("3. Chart 2: Troops by contributor") in flat(contents)


def test_every_article_behind_a_drawn_bar_is_a_numbered_source(pdf_text, document, workspace):
    text = " ".join(pdf_text)
    chart = document.charts[0]
    behind = {a for row in chart.table.rows for a in row.article_ids}
    assert len(behind) == 3 and {s.article_id for s in chart.sources} == behind
    sources = text[text.rindex("Sources") :]
    for source in document.sources:
        assert flat(f"[{source.number}]") in flat(sources)
        assert flat(source.title[:40]) in flat(sources)
    # Russia's 100,000 (an exercise, drawn because the chart asks for every kind) has its citation.
    russia = chart.table.cell("Russia", 2014)
    cite = document.source_for(russia.reports[0].article_id).number
    assert flat(f"Russia 2014 100,000 100,000 exercise [{cite}]") in flat(text)
    assert "troops (log scale)" in text
    # A disputed cell lists its spread and each report with its citation.
    us = chart.table.cell("United States", None)
    assert us.disputed
    assert flat("United States undated 1,000 600–1,000") in flat(text)


def test_kinds_left_out_are_named_under_the_chart(pdf_text):
    text = flat(" ".join(pdf_text))
    assert flat("Chart 2.") in text
    assert (
        flat("Kinds not drawn, left out: 1 request (up to 360), 1 exercise (up to 100,000)") in text
    )


def test_html_and_markdown_carry_the_chart_items_and_citations(document):
    page = to_html(document)
    assert page.count("<svg") == 2 and "Chart 2." in page
    markdown = to_markdown(document)
    assert "### 2. Chart 1: Troops by contributor" in markdown
    assert re.search(r"\| Russia \| 2014 \| 100,000 \| 100,000 exercise \[\d\] \|", markdown)


def test_the_drawing_reads_at_any_size():
    """Bars with whiskers for a few countries; a matrix with every number for many."""
    from briefing_app.core.extract.records import Figure
    from briefing_app.core.figures import FigureReport, build_table

    def report(n: int, country: str, value: float, year: int = 2016) -> FigureReport:
        figure = Figure("troops", "x", 0, 1, low=value, high=value, contributor=country, year=year)
        return FigureReport(n, f"Article {n}", None, None, f"k{n}", figure)

    few = build_table(
        [report(1, "Estonia", 800), report(2, "Estonia", 1200), report(3, "Mali", 90)]
    )
    drawing = briefing_chart.draw(few, 450, "bars", "log")
    texts = [s.text for s in drawing.shapes if isinstance(s, briefing_chart.Text)]
    assert drawing.kind == "bars" and "1,200 (2016) reports 800–1,200" in texts
    assert "troops (log scale)" in texts and "10" in texts and "10,000" in texts
    many = build_table(
        [report(n, f"Country {n}", 100 + n, 2000 + y) for n in range(40) for y in range(3)]
    )
    drawing = briefing_chart.draw(many, 450, "bars")
    texts = [s.text for s in drawing.shapes if isinstance(s, briefing_chart.Text)]
    assert drawing.kind == "matrix" and not drawing.omitted
    assert all(f"Country {n}" in texts for n in range(40)) and "139" in texts
    assert briefing_chart.compact(12500) == "12k" and briefing_chart.compact(1200) == "1.2k"
