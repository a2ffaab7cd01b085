"""PDF articles: paragraphs, running headers and footers, page breaks, titles, dates, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.formats import pdf
from briefing_app.core.formats.decoding import FileProblem

HEADER = "Defence Wire — saved on 4 March 2024 — https://defencewire.example/news/1"
# (font size, text, extra space above) per line, per page; written with QPdfWriter below.
PAGES = [
    [
        (22, "Alliance sends a thousand more troops", 0),
        (22, "to the eastern flank", 0),
        (10, "VILNIUS, March 3, 2024 — The alliance agreed on Sunday to the deploy-", 14),
        (10, "ment of a 1,000-strong battalion near the border, a step that followed", 0),
        (10, "months of decision-making in Brussels about the ﬂank and its defence.", 0),
        (10, "Ministers met twice.", 0),
        (10, "The second paragraph explains that officials in the capital said the", 12),
        (10, "troops would train with local units and that the Lithuanian army said the", 0),
    ],
    [
        (10, "multinational brigade would remain until the end of the decade, while", 0),
        (10, "others were less sure about the cost of the effort.", 0),
        (10, "A third paragraph notes the weather.", 12),
    ],
    [
        (10, "An annex on the last page lists the units and their home bases.", 0),
    ],
]


def write_pdf(path: Path, pages=PAGES, *, title: str = "", header: str = HEADER) -> Path:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QFont, QPageSize, QPainter, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(72)
    writer.setTitle(title)
    painter = QPainter(writer)
    for number, lines in enumerate(pages, start=1):
        if number > 1:
            writer.newPage()
        small = QFont("DejaVu Sans")
        small.setPointSizeF(8)
        painter.setFont(small)
        if header:
            painter.drawText(QPointF(50, 30), header)
        painter.drawText(QPointF(270, 815), f"Page {number} of {len(pages)}")
        y = 60.0
        for size, text, space in lines:
            font = QFont("DejaVu Sans")
            font.setPointSizeF(size)
            painter.setFont(font)
            y += size * 1.3 + space
            painter.drawText(QPointF(50, y), text)
    painter.end()
    return path


@pytest.fixture
def article_pdf(qapp, tmp_path: Path) -> Path:
    return write_pdf(tmp_path / "alliance.pdf")


def read(path: Path):
    return list(pdf.read_pdf(path))


def test_article_is_rebuilt_as_read(article_pdf: Path) -> None:
    [article] = read(article_pdf)
    assert article.title == "Alliance sends a thousand more troops to the eastern flank"
    assert article.date == "2024-03-03"  # the dateline, not "saved on 4 March" nor the PDF's date
    paragraphs = article.body.split("\n\n")
    assert len(paragraphs) == 4, paragraphs
    assert paragraphs[0].startswith("VILNIUS, March 3, 2024 — The alliance agreed")
    assert paragraphs[0].endswith("Ministers met twice.")
    assert "to the deployment of a 1,000-strong battalion" in article.body
    assert "months of decision-making in Brussels about the flank" in article.body
    assert "ﬂ" not in article.body


def test_running_header_footer_and_page_numbers_are_dropped(article_pdf: Path) -> None:
    [article] = read(article_pdf)
    for printed in ("Defence Wire", "saved on", "defencewire.example", "Page 1", "of 3"):
        assert printed not in article.body and printed not in article.title


def test_sentence_runs_over_the_page_break(article_pdf: Path) -> None:
    [article] = read(article_pdf)
    assert "the Lithuanian army said the multinational brigade would remain" in article.body
    # The last page's sentence is a paragraph of its own, not glued to the weather note.
    assert article.body.endswith(
        "notes the weather.\n\nAn annex on the last page lists the units and their home bases."
    )


def test_meaningful_title_metadata_wins_tool_titles_do_not(qapp, tmp_path: Path) -> None:
    [given] = read(write_pdf(tmp_path / "a.pdf", title="Alliance deploys battalion"))
    assert given.title == "Alliance deploys battalion"
    # The heading is not lost when the metadata names the article differently.
    assert given.body.startswith("Alliance sends a thousand more troops to the eastern flank\n\n")
    for junk in ("Microsoft Word - memo.docx", "Untitled", "b", "scan_0001"):
        [article] = read(write_pdf(tmp_path / "b.pdf", title=junk))
        assert article.title == "Alliance sends a thousand more troops to the eastern flank"


def test_one_page_without_heading_takes_the_first_sentence(qapp, tmp_path: Path) -> None:
    pages = [
        [
            (10, "Published 12 May 2023", 0),
            (10, "Troops arrived in Tapa on Friday. More came later.", 12),
        ]
    ]
    [article] = read(write_pdf(tmp_path / "one.pdf", pages, header=""))
    assert article.title == "Troops arrived in Tapa on Friday"
    assert article.date == "2023-05-12"
    assert "Page 1 of 1" not in article.body


def test_hyphen_rules() -> None:
    words = {"well-known"}
    assert pdf._join_hyphen("the deploy", "ment of", words) == "the deployment of"
    assert pdf._join_hyphen("a 1,000", "strong force", words) == "a 1,000-strong force"
    assert pdf._join_hyphen("a well", "known fact", words) == "a well-known fact"
    assert pdf._join_hyphen("Franco", "German", words) == "Franco-German"


def test_scanned_pdf_has_no_text_layer(qapp, tmp_path: Path) -> None:
    from PySide6.QtGui import QColor, QImage, QPainter, QPdfWriter

    path = tmp_path / "scan.pdf"
    writer = QPdfWriter(str(path))
    painter = QPainter(writer)
    image = QImage(200, 100, QImage.Format.Format_RGB32)
    image.fill(QColor("gray"))
    painter.drawImage(0, 0, image)
    painter.end()
    with pytest.raises(FileProblem, match=r"no text layer \(scanned image\?\)"):
        read(path)


def _encrypt(source: Path, target: Path, user_password: str) -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="RC4-128")
    with target.open("wb") as handle:
        writer.write(handle)
    return target


def test_encrypted_with_empty_password_imports(article_pdf: Path, tmp_path: Path) -> None:
    [article] = read(_encrypt(article_pdf, tmp_path / "open.pdf", ""))
    assert article.title == "Alliance sends a thousand more troops to the eastern flank"


def test_password_protected_pdf_is_skipped(article_pdf: Path, tmp_path: Path) -> None:
    with pytest.raises(FileProblem) as caught:
        read(_encrypt(article_pdf, tmp_path / "locked.pdf", "secret"))
    assert caught.value.reason == "encrypted PDF"


def test_damaged_pdfs_say_so(article_pdf: Path, tmp_path: Path) -> None:
    data = article_pdf.read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(FileProblem, match="^damaged PDF: "):
        read(cut)
    garbage = tmp_path / "garbage.pdf"
    garbage.write_bytes(b"%PDF-1.4\n" + b"\x00\x01 nothing here " * 50 + b"\n%%EOF\n")
    with pytest.raises(FileProblem, match="^damaged PDF: "):
        read(garbage)


def test_meaningful_title() -> None:
    assert pdf.meaningful_title("NATO to boost eastern flank")
    assert not pdf.meaningful_title("Microsoft Word - brief.docx")
    assert not pdf.meaningful_title("report-final.pdf")
    assert not pdf.meaningful_title("alliance", "/tmp/alliance.pdf")


def test_import_and_phrase_search_across_page_break(article_pdf: Path, library_dir: Path) -> None:
    from briefing_app.core.workspace import Workspace

    with Workspace.open(library_dir, seed_if_empty=False) as workspace:
        report = workspace.import_paths([article_pdf])
        assert report.imported == 1, report.skipped
        assert workspace.search('"army said the multinational brigade"').total == 1
        assert workspace.search('"saved on"').total == 0


def test_ligatures_and_compatibility_characters_are_normalised() -> None:
    line = pdf.Line("deﬁance on the ﬂank, ５ ships", 10, 0, 12, 0, 100)
    assert pdf._normalised(line).text == "defiance on the flank, 5 ships"


def test_heading_survives_a_running_header_with_the_same_words(qapp, tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "same.pdf", header="Alliance sends a thousand more troops")
    [article] = read(path)
    assert article.title == "Alliance sends a thousand more troops to the eastern flank"
    assert "Alliance sends" not in article.body
