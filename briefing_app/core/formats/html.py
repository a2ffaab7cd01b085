"""Saved web pages (.html, .htm): the article text, title, date and site name, nothing fetched.

trafilatura does the extraction (it drops navigation, scripts, styles and footers). It is
given the page as a string and no URL, so it has nothing to download; images, links and
iframes are never followed. When it finds no text, a plain lxml pass over the page is used.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

import lxml.html
from lxml import etree

from briefing_app.core.dates import parse_date
from briefing_app.core.formats.decoding import FileProblem, decode_bytes
from briefing_app.core.formats.fields import build_article
from briefing_app.core.records import Article, Skipped

log = logging.getLogger(__name__)

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
# Elements whose text is never article text.
_NOT_TEXT = tuple(
    "script style noscript template iframe object embed svg nav header footer aside form"
    " button select head".split()
)
# Elements that end a paragraph when the page is read without trafilatura.
_BLOCKS = tuple(
    "p div section article main li ul ol h1 h2 h3 h4 h5 h6 blockquote pre table tr br"
    " figure figcaption dd dt".split()
)
# Meta tags that hold the publication date, by property, name or itemprop (lower case).
_DATE_META = tuple(
    "article:published_time og:published_time datepublished date pubdate publishdate"
    " dc.date dc.date.issued dcterms.created".split()
)


def declared_charset(data: bytes) -> str | None:
    """The charset a `<meta>` tag near the top of the page declares, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def read_html_article(html: str, *, path: str | None = None) -> Article:
    """An Article from the text of a web page; the body may be empty when it holds no text."""
    try:
        meta, body = _with_trafilatura(html)
    except Exception:  # noqa: BLE001 - a page that trips trafilatura still has text lxml can read
        # Logged with the traceback: a broken trafilatura must not pass as pages without text.
        log.warning("trafilatura failed on %s; reading the page with lxml", path, exc_info=True)
        meta, body = {}, ""
    if not body.strip():
        meta, body = _with_lxml(html)
    return build_article(body, meta, path=path)


def _with_trafilatura(html: str) -> tuple[dict[str, str], str]:
    # Imported here: it takes a noticeable part of a second and most imports are plain text.
    import trafilatura
    from trafilatura.settings import Document

    document = trafilatura.bare_extraction(
        html,
        url=None,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        include_links=False,
        # No guessing from copyright lines or URLs: a wrong date is worse than none.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    # None when nothing was extracted; a dict only with the deprecated as_dict=True.
    if not isinstance(document, Document):
        return {}, ""
    meta = {
        "title": document.title or "",
        "date": document.date or "",
        "source": document.sitename or "",
        "author": document.author or "",
        "url": document.url or "",
    }
    lines = [line.strip() for line in (document.text or "").split("\n")]
    lines = [line for line in lines if line]
    # trafilatura keeps the page's headline as the first line; the title is stored apart.
    if lines and meta["title"] and lines[0] == meta["title"].strip():
        lines = lines[1:]
    return meta, "\n\n".join(lines)


def _with_lxml(html: str) -> tuple[dict[str, str], str]:
    # lxml refuses a str that still declares its encoding; the text is decoded already.
    html = _XML_DECLARATION.sub("", html, count=1)
    try:
        root = lxml.html.fromstring(html)
    except (ValueError, etree.ParserError):
        return {}, ""
    meta = {"title": _title(root), "date": _date(root), "source": _meta(root, "og:site_name")}
    for element in list(root.iter(*_NOT_TEXT)):
        parent = element.getparent()
        if parent is not None:
            element.drop_tree()
    for element in root.iter(*_BLOCKS):
        element.tail = "\n\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    if meta["title"] and body.startswith(meta["title"]):
        body = body[len(meta["title"]) :].strip()
    return meta, body


def _meta(root: lxml.html.HtmlElement, *names: str) -> str:
    wanted = {name.lower() for name in names}
    for element in root.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop") or ""
        if key.lower() in wanted and element.get("content"):
            return element.get("content").strip()
    return ""


def _title(root: lxml.html.HtmlElement) -> str:
    title = _meta(root, "og:title")
    if not title:
        found = root.find(".//title")
        title = found.text_content().strip() if found is not None else ""
    if not title:
        found = root.find(".//h1")
        title = found.text_content().strip() if found is not None else ""
    return " ".join(title.split())


def _date(root: lxml.html.HtmlElement) -> str:
    written = _meta(root, *_DATE_META)
    if not written:
        found = root.find(".//time[@datetime]")
        written = found.get("datetime") if found is not None else ""
    return written if parse_date(written) else ""


def read_html(path: Path) -> Iterator[Article | Skipped]:
    data = path.read_bytes()
    article = read_html_article(decode_bytes(data, declared=declared_charset(data)), path=str(path))
    if not article.body:
        raise FileProblem("no article text")
    yield article


READERS = {".html": read_html, ".htm": read_html, ".xhtml": read_html}
