"""Exporting a briefing made from the seeds: PDF read back with pypdf, HTML, Markdown, atomic writes."""

from __future__ import annotations

import errno
import os
import re

import pytest
from pypdf import PdfReader

from briefing_app.core import briefing as bf
from briefing_app.core.briefing import Briefing, BriefingItem, ChartConfig
from briefing_app.core.briefing import chart as briefing_chart
from briefing_app.core.briefing.export import (
    ExportError,
    export_document,
    format_for,
    to_html,
    to_markdown,
)
from briefing_app.core.figures import KINDS
from briefing_app.core.workspace import Workspace

MARKING = "NATO RESTRICTED"
SUMMARY = """The Baltic states asked NATO in 2015 for a **brigade-size presence**; by 2017 the alliance \
had four battlegroups of about 1,000 troops each in Estonia, Latvia, Lithuania and Poland.

- **Request (2015):** a brigade of roughly 3,000 troops, a battalion in each Baltic state.
- **Decision (2016):** a force of 4,000, led by the United States, Germany and the United Kingdom.
- **Reinforcement (2017):** Germany offers more troops for Lithuania; the UK adds 800 in Estonia.

| Host | Lead nation | Reported strength |
|---|---|---|
| Lithuania | Germany | about 1,100 |
| Estonia | United Kingdom | +800 announced |

*Assessment:* allies remain divided on permanence; see the \
[NATO fact sheet](https://www.nato.int/cps/en/natohq/topics_136388.htm)."""


def seed_briefing(workspace: Workspace) -> Briefing:
    """The sample briefing made from the three seed articles (also docs/briefing-sample.pdf)."""
    articles = {a.path.rsplit("/", 1)[-1][:3]: a for a in workspace.library.iter_articles()}
    first, second, third = articles["000"], articles["001"], articles["002"]

    def passage(article, text: str) -> BriefingItem:
        start = article.body.index(text)
        return BriefingItem.passage(article.id, text, start, start + len(text), article.title)

    german = next(
        f for f in workspace.article(third.id).figures if f.figure.contributor == "Germany"
    )
    brief = Briefing(
        title="Baltic reinforcement: NATO's forward presence, 2015–2017",
        author="Eastern Europe Desk, Policy Unit",
        date="2017-07-14",
        marking=MARKING,
        summary=SUMMARY,
        notes="Figures are as reported by the press and have not been checked against national"
        " returns. Ranges are drawn at their midpoint.",
        items=[
            passage(
                first,
                "The Baltic states will formally ask NATO to deploy several thousand troops as a"
                " deterrent to Russia, Lithuania said Thursday, but the alliance gave no assurance"
                " that the request would be accepted.",
            ),
            passage(
                second,
                "NATO defence ministers are set to agree this week on a new multinational force of"
                " 4,000 troops for the Baltics and Poland. The United States, Germany and Britain"
                " are set to lead battalions of about 1,000 troops each. Canada may lead a fourth.",
            ),
            BriefingItem.figure(third.id, german.key, third.title),
            BriefingItem.article(third.id, third.title),
            BriefingItem.chart_of(
                ChartConfig(article_ids=[first.id, second.id, third.id], kinds=KINDS, scale="log")
            ),
        ],
    )
    brief.items[
        1
    ].note = "Planned total, **not** yet deployed; national shares were confirmed later."
    brief.items[2].note = "Announced on 11 July 2017 at Rukla, on top of the existing battlegroup."
    brief.items[4].note = "Russia's 2014 snap exercise (100,000) is shown for scale."
    return brief


def has(text: str, needle: str) -> bool:
    """Whether `needle` is in PDF text, ignoring the spaces extractors add between font runs."""
    return re.sub(r"\s+", "", needle) in re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    ws = Workspace.open(tmp_path_factory.mktemp("export") / "library")
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def document(workspace):
    return bf.resolve(workspace, seed_briefing(workspace))


@pytest.fixture(scope="module")
def pdf_pages(document, tmp_path_factory):
    from PySide6.QtWidgets import QApplication

    # A widgets application, as pytest-qt would make, so later UI tests can share it.
    _app = QApplication.instance() or QApplication([])
    path = tmp_path_factory.mktemp("pdf") / "briefing.pdf"
    export_document(document, path)
    reader = PdfReader(path)
    return reader, [" ".join(page.extract_text().split()) for page in reader.pages]


def test_pdf_has_title_marking_summary_and_page_numbers(pdf_pages, document):
    reader, pages = pdf_pages
    assert 6 <= len(pages) <= 12
    assert reader.metadata.title == document.briefing.title
    assert "Baltic reinforcement: NATO's forward presence" in pages[0]
    assert "Eastern Europe Desk" in pages[0]
    assert "14 July 2017" in pages[0]
    for page in pages:
        assert page.count(MARKING) >= 2, "marking in header and footer of every page"
    for n, page in enumerate(pages[1:], start=2):
        assert f"Page {n} of {len(pages)}" in page
    text = " ".join(pages)
    assert has(text, "for a brigade-size presence; by 2017 the alliance")
    assert has(text, "Request (2015): a brigade of roughly 3,000 troops")
    assert has(text, "Lithuania Germany about 1,100")  # the summary's own table
    assert has(text, "NATO fact sheet (https://www.nato.int/cps/en/natohq/topics_136388.htm)")
    assert has(text, "Ranges are drawn at their midpoint.")
    width, height = (float(x) for x in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)


def test_pdf_contents_page_numbers_point_at_the_sections(pdf_pages):
    _reader, pages = pdf_pages
    contents = pages[1]
    assert contents.startswith(MARKING) or "Contents" in contents
    for section in ("Executive summary", "Key figures", "Items", "Index", "Sources"):
        number = int(re.search(rf"{section} (\d+)", contents).group(1))
        assert section in pages[number - 1], f"{section} is not on page {number}"


def test_pdf_figures_table_has_every_troop_figure_of_the_items(pdf_pages, document):
    _reader, pages = pdf_pages
    figures_page = next(p for p in pages if "Key figures" in p and "Contributor" in p)
    assert len(document.key_figures) >= 5
    for report in document.key_figures:
        assert bf.troops_text(report.figure) in figures_page
        assert report.figure.contributor in figures_page
    assert "Chart 1." in " ".join(pages)


def test_pdf_items_cite_their_sources_and_chart_is_vector(pdf_pages, document):
    reader, pages = pdf_pages
    text = " ".join(pages)
    assert has(text, "Planned total, not yet deployed; national shares")
    assert has(text, "“NATO defence ministers are set to agree")
    for source in document.sources:
        assert source.title in text
    assert "Sources" in pages[-1] and "[3]" in pages[-1]
    index_page = next(p for p in pages if "People, places and organisations" in p)
    assert "Lambrecht" in index_page
    # The chart is drawn, not pasted as a picture, and its labels are text.
    assert all(not page.images for page in reader.pages)
    chart = document.charts[0]
    for year in chart.table.years():
        assert str(year) in text


def _index_rows(pages: list[str], document) -> dict[str, list[int]]:  # noqa: ANN001
    """Each index entry's Pages column, read back from the PDF's text."""
    index_text = next(p for p in pages if "People, places and organisations" in p)
    rows = {}
    for entry in document.index:
        items = ", ".join(str(n) for n in entry.items)
        found = re.search(
            rf"{re.escape(entry.name)} {entry.label} {re.escape(items)} (\d+(?:, \d+)*)",
            index_text,
        )
        assert found, f"{entry.name} is not in the index"
        rows[entry.name] = [int(n) for n in found.group(1).split(", ")]
    return rows


def test_pdf_index_gives_the_pages_where_each_name_is_printed(pdf_pages, document):
    _reader, pages = pdf_pages
    rows = _index_rows(pages, document)
    items = {item.number: item for item in document.items}
    for entry in document.index:
        folded = entry.name.casefold()
        forms = {entry.name} | {
            e.text
            for n in entry.items
            for e in items[n].entities
            if e.canonical.casefold() == folded
        }
        for page in rows[entry.name]:
            assert any(has(pages[page - 1], form) for form in forms), (
                f"the index puts {entry.name} on page {page}, where it is not printed"
            )
    # The whole article (item 4) runs onto a second page: names printed only there say so.
    article = next(i for i in document.items if i.item.kind == "article")
    spans = {
        page
        for entry in document.index
        if entry.items == [article.number]
        for page in rows[entry.name]
    }
    assert len(spans) == 2, "the article item should run over two pages"
    later = max(spans)
    assert any(rows[e.name] == [later] for e in document.index if e.items == [article.number])


def test_pdf_letter_size(document, tmp_path, pdf_pages):
    path = export_document(document, tmp_path / "letter.pdf", page_size="Letter")
    box = PdfReader(path).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_html_is_self_contained(document):
    page = to_html(document)
    assert page.count(MARKING) == 2 and "<h1>Baltic reinforcement: NATO" in page
    assert "<strong>brigade-size presence</strong>" in page
    assert "<svg" in page and "<img" not in page and "<script" not in page
    # Nothing is loaded from elsewhere; links stay links, shown with their address.
    assert "src=" not in page and "<link" not in page and "@import" not in page
    assert "(https://www.nato.int/cps/en/natohq/topics_136388.htm)" in page
    for report in document.key_figures:
        assert bf.troops_text(report.figure) in page
    for source in document.sources:
        assert source.title.replace("'", "&#x27;") in page
    assert 'id="item-1"' in page and "Lambrecht" in page


def test_markdown_export(document):
    text = to_markdown(document)
    assert text.startswith(f"**{MARKING}**") and "# Baltic reinforcement: NATO" in text
    assert "| Contributor | Host | Troops | Kind | Year | Source |" in text
    for report in document.key_figures:
        assert bf.troops_text(report.figure) in text
    assert "> NATO defence ministers" in text
    assert "## Sources" in text and "## Index" in text


def test_format_from_suffix():
    assert (
        format_for("a.PDF") == "pdf"
        and format_for("a.htm") == "html"
        and format_for("a.md") == "md"
    )
    assert format_for("a.txt", "html") == "html"
    with pytest.raises(ExportError, match="suffix|format"):
        format_for("a.txt")


def test_full_disk_leaves_the_old_file_and_no_temporary(document, tmp_path, monkeypatch):
    target = tmp_path / "briefing.html"
    target.write_text("previous export")

    def full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("briefing_app.core.briefing.files.os.fsync", full)
    with pytest.raises(ExportError, match="disk is full"):
        export_document(document, target)
    assert target.read_text() == "previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["briefing.html"]


def test_export_gets_ordinary_file_permissions(document, tmp_path):
    umask = os.umask(0o022)
    os.umask(umask)
    path = export_document(document, tmp_path / "b.md")
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask


def test_missing_folder_is_a_readable_error(document, tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        export_document(document, tmp_path / "nowhere" / "b.md")


def test_a_folder_that_exists_but_refuses_files_is_not_called_missing(
    document, tmp_path, monkeypatch
):
    # /proc on Linux answers ENOENT for new files although the folder is there.
    def refuse(*_args, **_kwargs):
        raise FileNotFoundError(errno.ENOENT, "No such file or directory")

    monkeypatch.setattr("briefing_app.core.briefing.files._create_temporary", refuse)
    with pytest.raises(ExportError, match="files cannot be created in") as caught:
        export_document(document, tmp_path / "b.md")
    assert "does not exist" not in str(caught.value)


def test_permission_denied_is_a_readable_error(document, tmp_path, monkeypatch):
    # Root may write anywhere, so the refusal a normal user gets is simulated at the source.
    def refuse(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("briefing_app.core.briefing.files._create_temporary", refuse)
    with pytest.raises(ExportError, match="permission to write in") as caught:
        export_document(document, tmp_path / "b.pdf")
    assert "Nothing was written" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write anywhere")
def test_unwritable_folder_gives_export_error_and_no_file(document, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportError, match="permission"):
            export_document(document, folder / "b.md")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_chart_geometry_is_readable_in_black_and_white(document):
    drawing = briefing_chart.draw(document.charts[0].table, 450)
    texts = [s.text for s in drawing.shapes if isinstance(s, briefing_chart.Text)]
    for country in document.charts[0].table.countries():
        assert country in texts
    assert briefing_chart.nice_ticks(930) == [0, 200, 400, 600, 800, 1000]
    rect = briefing_chart.Rect(10, 10, 40, 9)
    for line in briefing_chart.hatch_lines(rect, 45, 2.5):
        for x, y in ((line.x1, line.y1), (line.x2, line.y2)):
            assert 10 - 1e-6 <= x <= 50 + 1e-6 and 10 - 1e-6 <= y <= 19 + 1e-6


def test_hard_wrapped_article_is_exported_as_paragraphs_not_lines(tmp_path):
    wire = (
        "title: Bahia cocoa review\n\n"
        "Showers continued throughout the week in\n"
        "the Bahia cocoa zone, alleviating the drought since early\n"
        "January and improving prospects for the coming temporao,\n"
        "although normal humidity levels have not been restored,\n"
        "Comissaria Smith said in its weekly review.\n"
        "    The dry period means the temporao will be late this year.\n"
    )
    (tmp_path / "wire.txt").write_text(wire, encoding="utf-8")
    ws = Workspace.open(tmp_path / "library", seed_if_empty=False)
    try:
        ws.import_paths([tmp_path / "wire.txt"])
        (article,) = ws.library.iter_articles()
        document = bf.resolve(
            ws, Briefing(title="Cocoa", items=[BriefingItem.article(article.id, article.title)])
        )
        joined = (
            "Showers continued throughout the week in the Bahia cocoa zone, alleviating the"
            " drought since early January and improving prospects for the coming temporao,"
            " although normal humidity levels have not been restored, Comissaria Smith said in"
            " its weekly review."
        )
        markdown = to_markdown(document)
        assert f"\n{joined}\n\nThe dry period means the temporao will be late this year.\n" in (
            markdown
        )
        assert f"<p>{joined}</p>" in to_html(document)
    finally:
        ws.close()
