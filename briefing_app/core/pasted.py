"""Articles from pasted or dropped text: the readers the window's paste dialog uses, without Qt.

The window hands over what the clipboard holds (HTML, plain text, the links it carries); nothing
is fetched: HTML is read as a string.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from briefing_app.core.dates import parse_date
from briefing_app.core.formats.html import read_html_article
from briefing_app.core.formats.leads import dateline_of
from briefing_app.core.formats.plaintext import read_text_article
from briefing_app.core.records import Article


def article_from_clipboard(html: str | None, text: str | None, links: list[str]) -> Article | None:
    """The article in pasted data: its HTML when that has a body, else its plain text; None when
    neither holds any. A web link carried with the data becomes the article's URL, and the
    link's host its source when the text names none."""
    article = None
    if html and html.strip():
        article = read_html_article(html)
        if not article.body.strip():
            article = None
    if article is None and text and text.strip():
        article = read_text_article(text)
    if article is None or not article.body.strip():
        return None
    web = [link for link in links if urlsplit(link).scheme in ("http", "https")]
    if web and not article.url:
        article.url = web[0]
    if article.url and not article.source:
        host = urlsplit(article.url).hostname or ""
        article.source = host.removeprefix("www.") or None
    return article


def article_as_checked(
    read: Article, *, body: str, title: str, date_written: str, source: str
) -> Article:
    """The article the user confirmed: the fields as they left them in the dialog, the rest
    (URL, author, extra fields) as read. An empty title is made from the first sentence."""
    body = body.strip()
    article = Article(
        body=body,
        title=" ".join(title.split()),
        date=parse_date(date_written.strip()) if date_written.strip() else None,
        source=source.strip() or None,
        url=read.url,
        dateline=dateline_of(body),
        author=read.author,
        extra=dict(read.extra),
    )
    if not article.title:
        article.title = read_text_article(body).title
    return article
