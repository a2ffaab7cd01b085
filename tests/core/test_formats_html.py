"""Saved web pages: text without scripts or navigation, metadata, and nothing ever fetched."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from briefing_app.core.articles import Article, Skipped, read_path
from briefing_app.core.formats import html

DATA = Path(__file__).resolve().parent.parent / "data" / "import"
LEAKS = ("MUST-NOT-APPEAR", "trackingScript", "hidden-style-rule", "console.log", "tracker.png")


@pytest.fixture
def no_network(monkeypatch) -> list[tuple]:
    """Records (and blocks) any attempt to open a connection or resolve a name."""
    attempts: list[tuple] = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network use in a test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def test_html_sample(no_network: list[tuple]) -> None:
    (article,) = read_path(DATA / "page.html")
    assert isinstance(article, Article)
    assert article.title == "Battalion arrives for exercise"
    assert article.date == "2016-06-14"
    assert article.source == "Example Herald"
    assert article.dateline == "VILNIUS"
    assert article.body.startswith("VILNIUS — A battalion of about 1,000 soldiers")
    assert "Local officials welcomed the soldiers" in article.body
    assert "\n\n" in article.body  # paragraphs stay apart
    for leak in LEAKS:
        assert leak not in article.body
    assert no_network == []


def test_lxml_fallback_when_trafilatura_finds_nothing(monkeypatch, no_network) -> None:
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *args, **kwargs: None)
    (article,) = read_path(DATA / "page.html")
    assert isinstance(article, Article)
    assert article.title == "Battalion arrives for exercise"
    assert article.date == "2016-06-14"
    assert article.source == "Example Herald"
    assert article.body.startswith("VILNIUS — A battalion")
    for leak in (*LEAKS, "Home"):
        assert leak not in article.body
    assert no_network == []


def test_lxml_fallback_when_trafilatura_fails(monkeypatch) -> None:
    import trafilatura

    def broken(*args, **kwargs):
        raise ValueError("odd page")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    article = html.read_html_article("<html><body><p>OSLO — Text of the page.</p></body></html>")
    assert article.body == "OSLO — Text of the page."
    assert article.dateline == "OSLO"


def test_declared_windows_charset(tmp_path: Path) -> None:
    path = tmp_path / "old.htm"
    path.write_bytes(
        b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        b"<title>Old page</title></head><body><p>\x93Quoted\x94 words from an old page that "
        b"was saved long ago, with enough text to count as an article.</p></body></html>"
    )
    (article,) = read_path(path)
    assert isinstance(article, Article)
    assert "“Quoted” words" in article.body


def test_page_without_text(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><script>var x = 1;</script></head><body></body></html>")
    (result,) = read_path(path)
    assert isinstance(result, Skipped)
    assert result.reason == "no article text"


def test_copyright_year_is_not_a_date() -> None:
    article = html.read_html_article(
        "<html><head><title>Undated</title></head><body><article><p>Troops moved north "
        "this week in a long column, residents said, as the exercise began in earnest.</p>"
        "</article><footer>© 2023 Example</footer></body></html>"
    )
    assert article.date is None


def test_lxml_fallback_reads_xhtml_with_an_xml_declaration(monkeypatch) -> None:
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *args, **kwargs: None)
    article = html.read_html_article(
        '<?xml version="1.0" encoding="utf-8"?>\n<html><head><title>X page</title></head>'
        "<body><p>OSLO — Text of the page.</p><script>HIDDEN()</script></body></html>"
    )
    assert article.title == "X page"
    assert article.body == "OSLO — Text of the page."


PAGE = """<html><head><title>Allies reinforce Lithuania</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Allies reinforce Lithuania</h1>
<p>VILNIUS — Germany will station a brigade of about 4,800 soldiers in Lithuania by 2027,
the defence ministry in Berlin said on Monday after talks with Lithuanian officials.</p>
<p>The brigade will be the first permanent German deployment abroad since the Second World
War, and its headquarters will open in Vilnius later this year, officials added.</p>
</article></body></html>"""


def test_pages_are_read_by_trafilatura_itself():
    # With an older trafilatura (1.x) the call raised and every page fell back to lxml in silence.
    meta, body = html._with_trafilatura(PAGE)
    assert meta["title"] == "Allies reinforce Lithuania"
    assert "4,800 soldiers" in body and "Home" not in body


def test_a_trafilatura_failure_falls_back_and_leaves_a_trace(monkeypatch, caplog):
    def broken(_page):
        raise TypeError("bare_extraction() got an unexpected keyword argument 'with_metadata'")

    monkeypatch.setattr(html, "_with_trafilatura", broken)
    with caplog.at_level("WARNING", logger="briefing_app.core.formats.html"):
        article = html.read_html_article(PAGE, path="/tmp/page.html")
    assert "4,800 soldiers" in article.body  # the lxml pass still reads the page
    [record] = caplog.records
    assert "/tmp/page.html" in record.getMessage() and "with_metadata" in record.exc_text
