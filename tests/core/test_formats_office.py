"""Word (.docx), OpenDocument (.odt) and RTF articles, written by hand as the tools write them."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from briefing_app.core.formats import office
from briefing_app.core.formats.decoding import FileProblem

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _p(text: str, style: str | None = None) -> str:
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    # Two runs with a tab between, as Word splits text at formatting changes.
    half = len(text) // 2
    return (
        f'<w:p>{props}<w:r><w:t xml:space="preserve">{text[:half]}</w:t></w:r>'
        f"<w:r><w:t>{text[half:]}</w:t></w:r></w:p>"
    )


def write_docx(path: Path, body: str, *, title: str = "", created: str = "") -> Path:
    core = (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{title}</dc:title><dc:creator>desk</dc:creator>"
        + (
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>'
            if created
            else ""
        )
        + "</cp:coreProperties>"
    )
    styles = (
        f'<w:styles xmlns:w="{W}"><w:style w:type="paragraph" w:styleId="berschrift1">'
        '<w:name w:val="heading 1"/></w:style></w:styles>'
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        archive.writestr(
            "word/document.xml", f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
        )
        archive.writestr("word/styles.xml", styles)
        archive.writestr("docProps/core.xml", core)
    return path


TABLE = (
    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Country</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:p><w:r><w:t>Troops</w:t></w:r></w:p></w:tc></w:tr>"
    "<w:tr><w:tc><w:p><w:r><w:t>Estonia</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:p><w:r><w:t>1,000</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
)


def test_docx_heading_paragraphs_table_in_order(tmp_path: Path) -> None:
    body = (
        _p("Baltic states ask for more air defence", "berschrift1")
        + _p("12 May 2023")
        + _p("TALLINN — Estonia asked its allies for more air defence on Friday.")
        + TABLE
        + _p("The request follows a summit in Vilnius.")
    )
    path = write_docx(
        tmp_path / "memo.docx",
        body,
        title="Microsoft Word - memo.docx",
        created="2020-01-01T09:00:00Z",
    )
    [article] = office.read_docx(path)
    assert article.title == "Baltic states ask for more air defence"
    assert article.date == "2023-05-12"  # the date line, not the file's creation date
    assert article.body == (
        "12 May 2023\n\n"
        "TALLINN — Estonia asked its allies for more air defence on Friday.\n\n"
        "Country | Troops\nEstonia | 1,000\n\n"
        "The request follows a summit in Vilnius."
    )
    assert article.dateline == "TALLINN"


def test_docx_core_properties_give_title_and_date(tmp_path: Path) -> None:
    body = _p("Estonia asked its allies for more air defence on Friday.")
    path = write_docx(
        tmp_path / "a.docx", body, title="Air defence request", created="2023-05-13T08:00:00Z"
    )
    [article] = office.read_docx(path)
    assert (article.title, article.date) == ("Air defence request", "2023-05-13")


def test_docx_problems_are_reasons(tmp_path: Path) -> None:
    not_zip = tmp_path / "bad.docx"
    not_zip.write_bytes(b"PK\x03\x04 broken")
    with pytest.raises(FileProblem, match="^damaged Word file"):
        list(office.read_docx(not_zip))
    locked = tmp_path / "locked.docx"
    locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(FileProblem, match="^encrypted or old-format Word file"):
        list(office.read_docx(locked))
    empty = write_docx(tmp_path / "empty.docx", _p(" "))
    with pytest.raises(FileProblem, match="no article text"):
        list(office.read_docx(empty))


def test_odt(tmp_path: Path) -> None:
    content = (
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0">'
        "<office:body><office:text>"
        '<text:h text:outline-level="1">Finland joins the exercise</text:h>'
        '<text:p>HELSINKI — Finnish troops<text:s text:c="2"/>joined <text:span>the drill</text:span>.</text:p>'
        "<table:table><table:table-row><table:table-cell><text:p>Finland</text:p></table:table-cell>"
        "<table:table-cell><text:p>600</text:p></table:table-cell></table:table-row></table:table>"
        "<text:list><text:list-item><text:p>Tanks arrived.</text:p></text:list-item></text:list>"
        "</office:text></office:body></office:document-content>"
    )
    meta = (
        '<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta>'
        "<meta:creation-date>2022-06-01T10:00:00</meta:creation-date>"
        "</office:meta></office:document-meta>"
    )
    path = tmp_path / "drill.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
        archive.writestr("meta.xml", meta)
    [article] = office.read_odt(path)
    assert article.title == "Finland joins the exercise"
    assert article.date == "2022-06-01"
    assert (
        article.body
        == "HELSINKI — Finnish troops joined the drill.\n\nFinland | 600\n\nTanks arrived."
    )


def test_rtf(tmp_path: Path) -> None:
    path = tmp_path / "note.rtf"
    path.write_bytes(
        rb"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Times New Roman;}}{\colortbl;\red0\green0\blue0;}"
        rb"{\info{\title Troops leave Mali}{\creatim\yr2021\mo4\dy9\hr10}{\revtim\yr2022\mo1\dy1}}"
        rb"{\*\generator Writer;}\f0 BAMAKO \emdash  The last French troops left Mali on Monday.\par"
        b"\r\n"
        rb"Caf\'e9 owners in Gao said the \u8220?base\u8221? was empty.\par}"
    )
    [article] = office.read_rtf(path)
    assert article.title == "Troops leave Mali"
    assert article.date == "2021-04-09"
    assert article.body == (
        "BAMAKO — The last French troops left Mali on Monday.\n\n"
        "Café owners in Gao said the “base” was empty."
    )
    assert "Times New Roman" not in article.body and "Writer" not in article.body


def test_registered() -> None:
    assert set(office.READERS) == {".docx", ".odt", ".rtf"}
