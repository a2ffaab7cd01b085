"""PDF articles (.pdf): the text layer rebuilt as a person reads it, title and date from the text.

PDFium (through pypdfium2) gives the characters of each page with their boxes and font sizes.
From those lines this module drops the running headers and footers a browser or a site prints
on every page ("Defence Wire — saved on 4 March 2024", the page URL, "Page 2 of 5"), joins
lines into paragraphs, joins a paragraph that runs over a page break, and joins a word that
was hyphenated at a line end while real hyphens ("1,000-strong") stay. Scanned pages (no text
layer), PDFs that need a password and damaged files become readable reasons. Nothing is
fetched: links and remote resources in a PDF are never followed.
"""

from __future__ import annotations

import re
import statistics
import threading
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from briefing_app.core.dates import parse_date
from briefing_app.core.formats.decoding import FileProblem
from briefing_app.core.formats.fields import build_article
from briefing_app.core.records import Article, Skipped

NO_TEXT_LAYER = "no text layer (scanned image?)"
ENCRYPTED = "encrypted PDF"

# PDFium is not thread-safe; the window's import worker and the folder watcher may both read.
_PDFIUM_LOCK = threading.Lock()

# Running headers and footers sit among the first and last few lines of a page.
_EDGE_LINES = 3
# Page numbers as printed: "3", "- 3 -", "Page 2 of 5", "2/5", "p. 4", "Seite 2 von 5".
_PAGE_NUMBER = re.compile(
    r"(?:[-–—]\s*)?(?:(?:page|p\.|pg\.?|seite|page no\.?)\s*)?\d{1,4}"
    r"(?:\s*(?:/|of|von|de|sur)\s*\d{1,4})?(?:\s*[-–—])?",
    re.IGNORECASE,
)
_URL_ONLY = re.compile(r"(?:https?://|www\.)\S+(?:\s+\d{1,4}\s*/\s*\d{1,4})?", re.IGNORECASE)
# Words that mark a line as the reader's own note ("saved on …"), not the article's date.
_NOT_PUBLICATION = re.compile(r"\b(?:saved|printed|downloaded|accessed|retrieved)\b", re.I)
_SENTENCE_END = tuple('.!?:"”’)')
_BULLET = tuple("•▪◦●-–—*")
# PDFium marks a hyphen it judged to be a line-end hyphenation with one of these.
_SOFT_HYPHENS = "\ufffe\x02\xad"
_LINE_END = re.compile(f"[\r\n{_SOFT_HYPHENS}]")
_WORD = re.compile(r"[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*")
_DASHES = re.compile(r"\s(?:—|–|--|-)\s")
_FILE_NAME = re.compile(
    r".*\.(?:docx?|odt|rtf|pdf|txt|html?|pages|indd|qxd|tex|ps|pptx?|xlsx?)", re.IGNORECASE
)
_TOOL_PREFIX = re.compile(
    r"(?:microsoft\s+(?:word|powerpoint|excel)|word|writer|powerpoint)\s*-\s*", re.IGNORECASE
)
_PLACEHOLDER_TITLES = frozenset(
    "untitled|untitled document|document|document1|title|no title|new document|slide 1"
    "|print|printable version|pdf".split("|")
)


@dataclass
class Line:
    """One printed line: its text and where it sits (points from the page's top-left)."""

    text: str
    size: float  # font size in points
    top: float
    bottom: float
    left: float
    right: float
    hyphenated: bool = False  # PDFium judged the line-end hyphen to be a hyphenation


@dataclass
class Layout:
    """What a PDF holds for reading: its pages' lines and its title metadata."""

    pages: list[list[Line]]
    page_width: float
    title: str = ""


def meaningful_title(title: str, path: str | None = None) -> bool:
    """False for titles that tools write by themselves: "Untitled", a file name,
    "Microsoft Word - report.docx", "scan_0001"."""
    text = " ".join((title or "").split())
    lowered = text.lower()
    if len(text) < 3 or lowered in _PLACEHOLDER_TITLES or lowered.startswith("untitled"):
        return False
    if _TOOL_PREFIX.match(text) or _FILE_NAME.fullmatch(text):
        return False
    if path and lowered == Path(path).stem.lower():
        return False
    # One token with underscores or digits only is a file or scanner name, not a headline.
    return not (" " not in text and ("_" in text or text.isdigit()))


def read_layout(data: bytes) -> Layout:
    """The lines of every page of the PDF in `data`. Raises FileProblem with the reason."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    if b"%PDF-" not in data[:1024]:
        raise FileProblem("damaged PDF: no PDF header")
    # A PDF ends with "%%EOF"; without it the file was cut short and pages may be lost.
    # PDFium would patch such a file up silently and the article would lose its end.
    if b"%%EOF" not in data[-2048:]:
        raise FileProblem("damaged PDF: the file is cut short (no end-of-file marker)")
    with _PDFIUM_LOCK:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as error:
            if error.err_code == pdfium_c.FPDF_ERR_PASSWORD:
                raise FileProblem(ENCRYPTED) from None
            if error.err_code == pdfium_c.FPDF_ERR_SECURITY:
                raise FileProblem(f"{ENCRYPTED} (unsupported security scheme)") from None
            raise FileProblem(f"damaged PDF: {_pdfium_detail(error)}") from None
        try:
            title = document.get_metadata_value("Title") or ""
            pages: list[list[Line]] = []
            width = 0.0
            for number in range(len(document)):
                try:
                    page = document[number]
                except pdfium.PdfiumError:
                    raise FileProblem(f"damaged PDF: page {number + 1} cannot be read") from None
                try:
                    page_width, page_height = page.get_size()
                    width = max(width, page_width)
                    textpage = page.get_textpage()
                    try:
                        pages.append(_page_lines(textpage, page_height, pdfium_c))
                    finally:
                        textpage.close()
                finally:
                    page.close()
        finally:
            document.close()
    return Layout(pages, width, title)


def _pdfium_detail(error: Exception) -> str:
    text = str(error)
    match = re.search(r"\(PDFium: (.*?)\)", text)
    return (match.group(1) if match else text).lower() or "unreadable"


def _page_lines(textpage, page_height: float, pdfium_c) -> list[Line]:
    count = textpage.count_chars()
    if count <= 0:
        return []
    text = textpage.get_text_range()
    if len(text) != count:
        # Characters outside the BMP come as surrogate pairs; fall back to one per index.
        text = "".join(
            chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i) or 0x20) for i in range(count)
        )
    lines: list[Line] = []
    start = 0
    for match in _LINE_END.finditer(text + "\n"):
        index = match.start()
        line = _make_line(textpage, text, start, index, page_height, pdfium_c)
        if line is not None:
            line.hyphenated = match.group() in _SOFT_HYPHENS
            lines.append(line)
        start = index + 1
    return lines


def _make_line(
    textpage, text: str, start: int, end: int, page_height: float, pdfium_c
) -> Line | None:
    first = start
    while first < end and text[first].isspace():
        first += 1
    last = end - 1
    while last > first and text[last].isspace():
        last -= 1
    if first >= end:
        return None
    left, bottom, _, top = textpage.get_charbox(first, loose=True)
    right = textpage.get_charbox(last, loose=True)[2]
    size = pdfium_c.FPDFText_GetFontSize(textpage.raw, first)
    if size < 2:
        # Some generators scale a 1-point font by the text matrix; the box tells the size.
        size = (top - bottom) / 1.15
    return Line(
        text=text[first : last + 1],
        size=round(size, 1),
        top=page_height - top,
        bottom=page_height - bottom,
        left=left,
        right=right,
    )


def article_from_layout(layout: Layout, *, path: str | None = None) -> Article:
    """The article a person reads in `layout`; its body is empty when there is no text layer."""
    pages = [[_normalised(line) for line in page] for page in layout.pages]
    pages = [[line for line in page if line.text] for page in pages]
    pages = drop_running_lines(pages)
    heading, pages = split_heading(pages)
    paragraphs = join_paragraphs(pages, layout.page_width)
    title = layout.title if meaningful_title(layout.title, path) else heading
    if heading and title != heading:
        # The heading is kept as the opening paragraph when the metadata title differs.
        paragraphs.insert(0, heading)
    meta = {"title": title, "date": date_in_opening(paragraphs) or ""}
    return build_article("\n\n".join(paragraphs), meta, path=path)


def _normalised(line: Line) -> Line:
    # NFKC turns ligatures ("ﬂ") and compatibility forms into the letters a search expects.
    text = " ".join(unicodedata.normalize("NFKC", line.text).split())
    text = text.replace("\ufffe", "").replace("\x02", "")
    return Line(text, line.size, line.top, line.bottom, line.left, line.right, line.hyphenated)


def _running_key(line: Line) -> tuple[str, int]:
    # Page numbers inside a header vary; its size does not. The size keeps the first page's
    # large heading apart from a small running header that repeats its words.
    return re.sub(r"\d+", "#", line.text.lower()), round(line.size)


def drop_running_lines(pages: list[list[Line]]) -> list[list[Line]]:
    """Pages without the lines repeated at the top or bottom of most pages, page numbers and
    bare URLs printed at a page's edge."""
    edges = [_edge_indexes(page) for page in pages]
    seen: Counter[tuple[str, int]] = Counter()
    for page, indexes in zip(pages, edges, strict=True):
        seen.update({_running_key(page[i]) for i in indexes})
    needed = max(2, (len(pages) + 1) // 2)
    kept_pages = []
    for page, indexes in zip(pages, edges, strict=True):
        dropped = {
            i
            for i in indexes
            if seen[_running_key(page[i])] >= needed
            or _PAGE_NUMBER.fullmatch(page[i].text)
            or _URL_ONLY.fullmatch(page[i].text)
        }
        kept_pages.append([line for i, line in enumerate(page) if i not in dropped])
    return kept_pages


def _edge_indexes(page: Sequence[Line]) -> set[int]:
    by_position = sorted(range(len(page)), key=lambda i: page[i].top)
    return set(by_position[:_EDGE_LINES]) | set(by_position[-_EDGE_LINES:])


def body_size(pages: Sequence[Sequence[Line]]) -> float:
    """The font size most of the text is set in."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page:
            sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def split_heading(pages: list[list[Line]]) -> tuple[str, list[list[Line]]]:
    """(heading, pages without it): the largest text at the top of the first page, its
    wrapped lines joined; ("", pages) when nothing there is larger than the body text."""
    first = next((i for i, page in enumerate(pages) if page), None)
    if first is None:
        return "", pages
    page = pages[first]
    normal = body_size(pages)
    top = page[:8]
    largest = max(line.size for line in top)
    if largest < normal * 1.15:
        return "", pages
    start = next(i for i, line in enumerate(top) if abs(line.size - largest) < 0.6)
    end = start
    while end < len(page) and abs(page[end].size - largest) < 0.6:
        end += 1
    heading = _join_lines(page[start:end], set())
    rest = [*pages[:first], page[:start] + page[end:], *pages[first + 1 :]]
    return heading, rest


def join_paragraphs(pages: Sequence[Sequence[Line]], page_width: float) -> list[str]:
    """The text as paragraphs: lines joined, a paragraph running over a page break joined too.

    A new paragraph starts after a larger gap than the page's usual line spacing, at a change
    of font size, at a bullet, and after a short line that ends a sentence.
    """
    hyphenated_words = _hyphenated_words(pages)
    paragraphs: list[list[Line]] = []
    previous: Line | None = None
    # Line spacing is measured over the whole document: a page with a few lines says little.
    every_line = [line for page in pages for line in page]
    gap = _usual_gap(every_line)
    right_edge = _right_edge(every_line, page_width)
    for page in pages:
        for index, line in enumerate(page):
            if previous is None:
                paragraphs.append([line])
            elif _starts_paragraph(
                previous, line, same_page=index > 0, gap=gap, right_edge=right_edge
            ):
                paragraphs.append([line])
            else:
                paragraphs[-1].append(line)
            previous = line
    return [text for text in (_join_lines(p, hyphenated_words) for p in paragraphs) if text]


def _usual_gap(page: Sequence[Line]) -> float:
    gaps = [
        below.top - above.bottom
        for above, below in pairwise(page)
        if abs(above.size - below.size) < 0.6 and 0 <= below.top - above.top < 3 * above.size
    ]
    if len(gaps) < 3:
        # Too few lines to measure: assume ordinary single spacing.
        sizes = [line.size for line in page]
        return 0.2 * statistics.median(sizes) if sizes else 0.0
    return statistics.median(gaps)


def _right_edge(page: Sequence[Line], page_width: float) -> float:
    rights = sorted(line.right for line in page)
    return rights[int(len(rights) * 0.9)] if rights else page_width


def _starts_paragraph(
    previous: Line, line: Line, *, same_page: bool, gap: float, right_edge: float
) -> bool:
    if line.text.startswith(_BULLET) and len(line.text) > 1 and line.text[1] == " ":
        return True
    short = previous.right < right_edge - max(previous.size * 4, 30)
    if short and previous.text.endswith(_SENTENCE_END) and not previous.hyphenated:
        return True
    if not same_page:
        # A page break alone is no paragraph break: the sentence runs on.
        return False
    if abs(previous.size - line.size) >= max(1.0, previous.size * 0.15):
        return True
    spacing = line.top - previous.bottom
    return spacing > gap + 0.4 * max(line.size, previous.size) or spacing < -previous.size


def _hyphenated_words(pages: Sequence[Sequence[Line]]) -> set[str]:
    """Hyphenated words written whole within a line somewhere in the document."""
    words: set[str] = set()
    for page in pages:
        for line in page:
            words.update(w.lower() for w in _WORD.findall(line.text) if "-" in w)
    return words


def _join_lines(lines: Sequence[Line], hyphenated_words: set[str]) -> str:
    text = ""
    for index, line in enumerate(lines):
        if not text:
            text = line.text
        elif text.endswith("-") or lines[index - 1].hyphenated:
            text = _join_hyphen(text.rstrip("-"), line.text, hyphenated_words)
        else:
            text = f"{text} {line.text}"
    return text


def _join_hyphen(left: str, right: str, hyphenated_words: set[str]) -> str:
    """ "deploy" + "ment" → "deployment"; "1,000" + "strong" → "1,000-strong"."""
    head = re.search(r"[\w'’]+$", left)
    tail = re.match(r"[\w'’]+", right)
    if head is None or tail is None or head.group()[-1].isdigit() or not right[0].islower():
        return f"{left}-{right}" if head is not None else f"{left}- {right}"
    # A word written with its hyphen elsewhere in the text keeps it here too.
    if f"{head.group()}-{tail.group()}".lower() in hyphenated_words:
        return f"{left}-{right}"
    return left + right


def date_in_opening(paragraphs: Sequence[str]) -> str | None:
    """The date of a date line ("3 March 2024", "Published March 3, 2024") or of a dateline
    ("VILNIUS, March 3, 2024 —") among the first paragraphs, as ISO; None if there is none."""
    for paragraph in paragraphs[:4]:
        if _NOT_PUBLICATION.search(paragraph) or _URL_ONLY.search(paragraph):
            continue
        if len(paragraph) <= 80:
            found = parse_date(paragraph)
        else:
            dash = _DASHES.search(paragraph[:80])
            found = parse_date(paragraph[: dash.start()]) if dash else None
        if found:
            return found
    return None


def read_pdf(path: Path) -> Iterator[Article | Skipped]:
    layout = read_layout(path.read_bytes())
    if not any(line.text.strip() for page in layout.pages for line in page):
        raise FileProblem(NO_TEXT_LAYER)
    article = article_from_layout(layout, path=str(path))
    if not article.body:
        raise FileProblem("no article text")
    yield article


READERS = {".pdf": read_pdf}
