"""Word-processor articles: Word (.docx), OpenDocument (.odt) and Rich Text (.rtf), with the stdlib.

.docx and .odt are zip archives of XML: paragraphs, headings and tables are read in document
order (a table row becomes one line, its cells joined with " | "). The title comes from the
document's properties when they hold a real one, else from its first heading; the date from a
date line at the top of the text, else from the properties. .rtf is read by a small parser
that keeps the text and the \\info title and skips fonts, pictures and other destinations.
Old binary Word files (.doc) are not read: they are not registered, so they are "format not
supported".
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Literal, overload
from xml.etree import ElementTree

from briefing_app.core.formats.decoding import FileProblem
from briefing_app.core.formats.fields import build_article
from briefing_app.core.formats.pdf import date_in_opening, meaningful_title
from briefing_app.core.records import Article, Skipped

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_DCTERMS = "{http://purl.org/dc/terms/}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
# An OLE compound file: an old .doc, or a .docx protected with a password.
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# A part larger than this is not an article; refusing it keeps a zip bomb from filling memory.
_MAX_PART_BYTES = 100 * 1024 * 1024
CELL_SEPARATOR = " | "


# -- shared -------------------------------------------------------------------------------------


def _open_zip(path: Path, kind: str) -> zipfile.ZipFile:
    with path.open("rb") as handle:
        magic = handle.read(8)
    if magic == _OLE_MAGIC:
        raise FileProblem(f"encrypted or old-format {kind} file (save it as .docx or .odt)")
    try:
        return zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise FileProblem(f"damaged {kind} file: not a zip archive") from None


@overload
def _xml(
    archive: zipfile.ZipFile, name: str, kind: str, *, required: Literal[True]
) -> ElementTree.Element: ...
@overload
def _xml(
    archive: zipfile.ZipFile, name: str, kind: str, *, required: bool
) -> ElementTree.Element | None: ...
def _xml(
    archive: zipfile.ZipFile, name: str, kind: str, *, required: bool
) -> ElementTree.Element | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        if required:
            raise FileProblem(f"not a {kind} document (no {name})") from None
        return None
    if info.file_size > _MAX_PART_BYTES:
        raise FileProblem(f"damaged {kind} file: {name} is implausibly large")
    try:
        return ElementTree.fromstring(archive.read(info))
    except RuntimeError:  # zipfile's "password required"
        raise FileProblem(f"encrypted {kind} file") from None
    except (ElementTree.ParseError, zipfile.BadZipFile, zlib.error, EOFError, ValueError) as error:
        raise FileProblem(f"damaged {kind} file: {name}: {error}") from None


def _article(blocks: list[tuple[str, bool]], title: str, date: str, *, path: str | None) -> Article:
    """Build the Article from (text, is_heading) blocks in order and the properties."""
    # Whitespace collapsed within each line; a table keeps one line per row.
    blocks = [
        ("\n".join(" ".join(row.split()) for row in text.split("\n")), h) for text, h in blocks
    ]
    blocks = [(text.strip(), heading) for text, heading in blocks if text.strip()]
    if not meaningful_title(title, path):
        title = ""
        first_heading = next((i for i, (_, heading) in enumerate(blocks[:5]) if heading), None)
        if first_heading is not None:
            title = blocks.pop(first_heading)[0]
    elif blocks and blocks[0][1] and blocks[0][0] == " ".join(title.split()):
        blocks.pop(0)
    paragraphs = [text for text, _ in blocks]
    meta = {"title": title, "date": date_in_opening(paragraphs) or date}
    return build_article("\n\n".join(paragraphs), meta, path=path)


def _first_text(root: ElementTree.Element | None, tag: str) -> str:
    if root is None:
        return ""
    found = root.find(f".//{tag}")
    return (found.text or "").strip() if found is not None else ""


def _readable(article: Article) -> Iterator[Article | Skipped]:
    if not article.body:
        raise FileProblem("no article text")
    yield article


# -- Word (.docx) -------------------------------------------------------------------------------


def read_docx(path: Path) -> Iterator[Article | Skipped]:
    with _open_zip(path, "Word") as archive:
        document = _xml(archive, "word/document.xml", "Word", required=True)
        styles = _xml(archive, "word/styles.xml", "Word", required=False)
        core = _xml(archive, "docProps/core.xml", "Word", required=False)
    heading_styles = _docx_heading_styles(styles)
    body = document.find(f"{_W}body")
    blocks = list(_docx_blocks(body, heading_styles)) if body is not None else []
    title = _first_text(core, f"{_DC}title")
    date = _first_text(core, f"{_DCTERMS}created")
    yield from _readable(_article(blocks, title, date, path=str(path)))


def _docx_heading_styles(styles: ElementTree.Element | None) -> set[str]:
    """Style ids whose names are "Title" or "heading N" (ids are translated in some Words)."""
    ids = {"Title", "Heading1", "Heading2", "Heading3"}
    if styles is None:
        return ids
    for style in styles.iter(f"{_W}style"):
        name = style.find(f"{_W}name")
        value = (name.get(f"{_W}val") or "").lower() if name is not None else ""
        if value == "title" or value.startswith("heading"):
            ids.add(style.get(f"{_W}styleId") or "")
    return ids


def _docx_blocks(
    container: ElementTree.Element, heading_styles: set[str]
) -> Iterator[tuple[str, bool]]:
    for element in container:
        if element.tag == f"{_W}p":
            yield _docx_paragraph(element), _docx_is_heading(element, heading_styles)
        elif element.tag == f"{_W}tbl":
            yield _docx_table(element), False
        elif element.tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"):
            # Content controls wrap ordinary paragraphs.
            yield from _docx_blocks(element, heading_styles)


def _docx_is_heading(paragraph: ElementTree.Element, heading_styles: set[str]) -> bool:
    properties = paragraph.find(f"{_W}pPr")
    if properties is None:
        return False
    style = properties.find(f"{_W}pStyle")
    if style is not None and style.get(f"{_W}val") in heading_styles:
        return True
    level = properties.find(f"{_W}outlineLvl")
    return level is not None and level.get(f"{_W}val") in ("0", "1")


def _docx_paragraph(paragraph: ElementTree.Element) -> str:
    parts: list[str] = []
    for element in paragraph.iter():
        tag = element.tag
        if tag == f"{_W}t":
            parts.append(element.text or "")
        elif tag in (f"{_W}tab", f"{_W}br", f"{_W}cr"):
            parts.append(" ")
        elif tag == f"{_W}noBreakHyphen":
            parts.append("-")
        # w:delText (deleted in tracked changes) and w:instrText (field codes) are left out.
    return "".join(parts)


def _table_text(
    table: ElementTree.Element,
    row_tag: str,
    cell_tag: str,
    paragraph_tag: str,
    paragraph_text: Callable[[ElementTree.Element], str],
) -> str:
    """A table as text, one line a row, cells joined by CELL_SEPARATOR (Word and ODF alike)."""
    rows = []
    for row in table.iter(row_tag):
        cells = [
            " ".join(" ".join(paragraph_text(p).split()) for p in cell.iter(paragraph_tag)).strip()
            for cell in row.findall(cell_tag)
        ]
        if any(cells):
            rows.append(CELL_SEPARATOR.join(cells))
    return "\n".join(rows)


def _docx_table(table: ElementTree.Element) -> str:
    return _table_text(table, f"{_W}tr", f"{_W}tc", f"{_W}p", _docx_paragraph)


# -- OpenDocument (.odt) ------------------------------------------------------------------------


def read_odt(path: Path) -> Iterator[Article | Skipped]:
    with _open_zip(path, "OpenDocument") as archive:
        content = _xml(archive, "content.xml", "OpenDocument", required=True)
        meta = _xml(archive, "meta.xml", "OpenDocument", required=False)
    text = content.find(f"{_OFFICE}body/{_OFFICE}text")
    blocks = list(_odt_blocks(text)) if text is not None else []
    title = _first_text(meta, f"{_DC}title")
    date = _first_text(meta, f"{_META}creation-date") or _first_text(meta, f"{_DC}date")
    yield from _readable(_article(blocks, title, date, path=str(path)))


def _odt_blocks(container: ElementTree.Element) -> Iterator[tuple[str, bool]]:
    for element in container:
        if element.tag == f"{_TEXT}p":
            yield _odt_text(element), False
        elif element.tag == f"{_TEXT}h":
            yield _odt_text(element), element.get(f"{_TEXT}outline-level", "1") in ("1", "2")
        elif element.tag == f"{_TABLE}table":
            yield _odt_table(element), False
        elif element.tag in (f"{_TEXT}list", f"{_TEXT}list-item", f"{_TEXT}section"):
            yield from _odt_blocks(element)


def _odt_text(element: ElementTree.Element) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.tag == f"{_TEXT}s":
            parts.append(" " * int(child.get(f"{_TEXT}c", "1") or 1))
        elif child.tag in (f"{_TEXT}tab", f"{_TEXT}line-break"):
            parts.append(" ")
        elif child.tag not in (f"{_TEXT}note", f"{_OFFICE}annotation"):
            parts.append(_odt_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _odt_table(table: ElementTree.Element) -> str:
    return _table_text(table, f"{_TABLE}table-row", f"{_TABLE}table-cell", f"{_TEXT}p", _odt_text)


# -- Rich Text (.rtf) ---------------------------------------------------------------------------

_RTF_TOKEN = re.compile(
    rb"\\([a-zA-Z]+)(-?\d+)? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z])|([{}])|[\r\n]+|([^\\{}\r\n]+)"
)
# Destinations whose text is not the article's.
_RTF_SKIP = frozenset(
    b"fonttbl colortbl stylesheet pict object header headerl headerr headerf footer footerl"
    b" footerr footerf footnote fldinst themedata colorschememapping datastore latentstyles"
    b" rsidtbl generator listtable listoverridetable xmlnstbl mmathPr info filetbl revtbl"
    b" pgdsctbl listtext bkmkstart bkmkend nonshppict shppict".split()
)
_RTF_CHARS = {
    b"par": "\n",
    b"line": "\n",
    b"sect": "\n",
    b"page": "\n",
    b"row": "\n",
    b"cell": CELL_SEPARATOR,
    b"tab": " ",
    b"emdash": "—",
    b"endash": "–",
    b"bullet": "•",
    b"lquote": "‘",
    b"rquote": "’",
    b"ldblquote": "“",
    b"rdblquote": "”",
    b"emspace": " ",
    b"enspace": " ",
}
_RTF_SYMBOLS = {b"~": "\u00a0", b"_": "-", b"-": "", b"{": "{", b"}": "}", b"\\": "\\"}


def rtf_to_text(data: bytes) -> tuple[str, str, str]:
    """(text, \\info title, \\creatim date as ISO or "") of an RTF document."""
    if not data.lstrip().startswith(b"{\\rtf"):
        raise FileProblem("damaged RTF file: no {\\rtf header")
    codepage = re.search(rb"\\ansicpg(\d+)", data[:2048])
    encoding = f"cp{int(codepage.group(1))}" if codepage else "cp1252"
    out: list[str] = []
    title: list[str] = []
    created: dict[bytes, int] = {}
    # Per group: (skipping, in title, characters to drop after \uN).
    stack: list[tuple[bool, bool, int]] = []
    skipping, in_title, unicode_skip = False, False, 1
    pending_skip = 0
    group_start = False
    time_kind = b""
    for match in _RTF_TOKEN.finditer(data):
        word, argument, hex_byte, symbol, brace, text = match.groups()
        if brace == b"{":
            stack.append((skipping, in_title, unicode_skip))
            group_start = True
            continue
        if brace == b"}":
            if stack:
                skipping, in_title, unicode_skip = stack.pop()
            group_start = False
            continue
        starts_group, group_start = group_start, False
        if symbol == b"*" and starts_group:
            skipping = True  # an "ignorable destination" this reader does not know
            continue
        if word is not None:
            if word == b"info":
                skipping = True
            elif word == b"title":
                in_title, skipping = True, False
            elif word in (b"creatim", b"revtim", b"printim", b"buptim"):
                time_kind = word
            elif word in (b"yr", b"mo", b"dy") and time_kind == b"creatim" and argument:
                created.setdefault(word, int(argument))
            elif word in _RTF_SKIP and starts_group:
                skipping = True
            elif word == b"uc" and argument:
                unicode_skip = int(argument)
            elif word == b"u" and argument and not skipping:
                code = int(argument) % 65536
                (title if in_title else out).append(chr(code))
                pending_skip = unicode_skip
            elif word in _RTF_CHARS and not skipping:
                out.append(_RTF_CHARS[word])
            continue
        if skipping and not in_title:
            continue
        if hex_byte is not None:
            if pending_skip:
                pending_skip -= 1
                continue
            piece = bytes([int(hex_byte, 16)]).decode(encoding, errors="replace")
        elif symbol is not None:
            piece = _RTF_SYMBOLS.get(symbol, "")
        elif text is not None:
            piece = text.decode(encoding, errors="replace")
            if pending_skip:
                dropped = min(pending_skip, len(piece))
                piece, pending_skip = piece[dropped:], pending_skip - dropped
        else:
            continue
        (title if in_title else out).append(piece)
    date = ""
    if all(key in created for key in (b"yr", b"mo", b"dy")):
        date = f"{created[b'yr']:04d}-{created[b'mo']:02d}-{created[b'dy']:02d}"
    return "".join(out), "".join(title).strip(), date


def read_rtf(path: Path) -> Iterator[Article | Skipped]:
    text, title, date = rtf_to_text(path.read_bytes())
    blocks = [(line, False) for line in text.split("\n") if line.strip()]
    yield from _readable(_article(blocks, title, date, path=str(path)))


READERS = {".docx": read_docx, ".odt": read_odt, ".rtf": read_rtf}
