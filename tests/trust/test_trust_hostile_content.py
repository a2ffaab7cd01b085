"""Hostile content: imported HTML loses its active parts, nothing ever reaches for the network,
and very long words and right-to-left text go through import, extraction and search.

Network: every socket connection attempt made by Python code is recorded and refused, and a
local server counts any connection that arrives by any route (Qt's own networking included);
an article full of remote images, stylesheets and iframes pointing at that server is imported,
extracted, searched, edited, exported and shown. If an importer handed trafilatura the page's
URL, or the reader loaded resources, the server would see a connection and the test fails.
"""

from __future__ import annotations

import json
import socket
import threading
import time

import pytest
from trust_support import count

from briefing_app.core import articles
from briefing_app.core.extract import extract
from briefing_app.core.workspace import Workspace


class _Trap:
    """A local TCP server that records every connection made to it."""

    def __init__(self) -> None:
        self.server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(16)
        self.server.settimeout(0.1)
        self.port = self.server.getsockname()[1]
        self.hits = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.server.accept()
            except (TimeoutError, OSError):
                continue
            self.hits += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        self.server.close()


@pytest.fixture
def trap():
    t = _Trap()
    yield t
    t.close()


@pytest.fixture
def no_network(monkeypatch, trap):
    """Refuse and record every outgoing connection from Python (the trap's own socket excepted)."""
    attempts: list[object] = []
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def connect(self, address):
        attempts.append(address)
        raise OSError("network access attempted in an offline reader")

    def connect_ex(self, address):
        attempts.append(address)
        return 111

    def create_connection(address, *args, **kwargs):
        attempts.append(address)
        raise OSError("network access attempted in an offline reader")

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    yield attempts
    monkeypatch.setattr(socket.socket, "connect", real_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", real_connect_ex)


def _hostile_page(port: int) -> str:
    remote = f"http://127.0.0.1:{port}"
    return f"""<!DOCTYPE html>
<html><head>
<title>Allied jets deploy to Lithuania</title>
<meta property="og:url" content="{remote}/canonical">
<link rel="stylesheet" href="{remote}/style.css">
<link rel="preload" href="{remote}/font.woff2">
<style>body {{ background: url({remote}/bg.png); }} .secretstyle {{ color: red }}</style>
<script src="{remote}/tracker.js"></script>
<script>window.evilscript = fetch("{remote}/beacon"); alert("owned");</script>
<base href="{remote}/">
</head>
<body onload="alert('onloadhandler')">
<article>
<h1>Allied jets deploy to Lithuania</h1>
<p onclick="alert('clickhandler')">VILNIUS — Four allied fighter jets and about 150 airmen arrived at Šiauliai air base
on Monday to police Baltic airspace, the Lithuanian defence ministry said.</p>
<img src="{remote}/photo.jpg" onerror="alert('onerrorhandler')" alt="">
<iframe src="{remote}/frame.html"></iframe>
<object data="{remote}/movie.swf"></object>
<embed src="{remote}/embed.swf">
<svg onload="alert('svghandler')"><script>svgscript()</script></svg>
<noscript><img src="{remote}/pixel.gif"></noscript>
<p>The rotation will last four months, officials said, and Poland will host a further 200 troops.</p>
<a href="javascript:alert('jslink')">more</a>
</article>
</body></html>
"""


_ACTIVE = (
    "alert(",
    "evilscript",
    "fetch(",
    "secretstyle",
    "background:",
    "onloadhandler",
    "clickhandler",
    "onerrorhandler",
    "svghandler",
    "svgscript",
    "frame.html",
    "movie.swf",
    "tracker.js",
    "javascript:",
    "<script",
    "<iframe",
    "<style",
)


def test_html_import_drops_scripts_styles_iframes_and_handlers(tmp_path, trap):
    page = tmp_path / "page.html"
    page.write_text(_hostile_page(trap.port), encoding="utf-8")
    items = list(articles.read_path(page))
    assert len(items) == 1 and isinstance(items[0], articles.Article), items
    article = items[0]
    assert "Šiauliai" in article.body and "200 troops" in article.body
    for active in _ACTIVE:
        # Fails if the HTML reader keeps script/style/iframe/object text or attribute values.
        assert active not in article.body, active
        assert active not in article.title, active
    assert trap.hits == 0


def test_nothing_reaches_the_network(tmp_path, trap, no_network):
    remote = f"http://127.0.0.1:{trap.port}"
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    (incoming / "page.html").write_text(_hostile_page(trap.port), encoding="utf-8")
    (incoming / "note.txt").write_text(
        f'title: Image in text\nurl: {remote}/article\n\nRIGA — <img src="{remote}/a.png"> '
        f"NATO troops in Latvia, see {remote}/more.\n",
        encoding="utf-8",
    )
    (incoming / "note.md").write_text(
        f"# Markdown with images\n\n![map]({remote}/map.png)\n\n"
        f'<img src="{remote}/b.png"> German troops in Lithuania.\n',
        encoding="utf-8",
    )
    (incoming / "feed.jsonl").write_text(
        json.dumps(
            {
                "title": "Feed item",
                "url": f"{remote}/x",
                "body": f'<iframe src="{remote}/f"></iframe> Estonia hosts British troops.',
            }
        )
        + "\n",
        encoding="utf-8",
    )
    with Workspace.open(tmp_path / "lib") as ws:
        report = ws.import_paths([incoming])
        assert report.imported == 4, report.skipped
        for query in ("troops", "Šiauliai", "img", "title:Markdown"):
            ws.search(query)
        for article_id in ws.search("", page_size=50).all_ids:
            view = ws.open_article(article_id)
            extract(view.article.body)
        some = ws.search("Image in text").all_ids[0]
        ws.edit_article(some, title="Edited")
        from briefing_app.core.briefing import Briefing, BriefingItem, export

        briefing = Briefing(
            title="Offline",
            summary=f"![x]({remote}/summary.png)",
            items=[BriefingItem.article(some)],
        )
        for suffix in (".html", ".md"):
            export.export_briefing(ws, briefing, tmp_path / f"out{suffix}")
    time.sleep(0.2)
    count("network: articles with remote references imported", 4)
    assert no_network == [], f"connection attempts: {no_network}"
    assert trap.hits == 0


def test_exported_html_loads_nothing_remote(tmp_path, trap):
    """The exported briefing is self-contained: no src/href that a browser would fetch."""
    from briefing_app.core.briefing import Briefing, BriefingItem, export

    remote = f"http://127.0.0.1:{trap.port}"
    note = tmp_path / "note.txt"
    note.write_text(f'title: T\n\nRIGA — <img src="{remote}/a.png"> NATO troops.\n', "utf-8")
    with Workspace.open(tmp_path / "lib") as ws:
        ws.import_paths([note])
        some = ws.search("NATO troops RIGA").all_ids[0]
        briefing = Briefing(
            title="T", summary=f"![x]({remote}/s.png)", items=[BriefingItem.article(some)]
        )
        out = export.export_briefing(ws, briefing, tmp_path / "b.html")
    fetched = _fetchable_urls(out.read_text(encoding="utf-8"))
    # Fails if export turned the article's or the summary's image markup into real elements.
    assert not [u for u in fetched if "127.0.0.1" in u], fetched


def _fetchable_urls(html: str) -> list[str]:
    """URLs a browser would load when opening the page (not links it would only follow)."""
    from html.parser import HTMLParser

    found: list[str] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag, attrs):
            for name, value in attrs:
                if value and (
                    name in ("src", "srcset", "data", "poster", "background")
                    or (tag == "link" and name == "href")
                    or (name == "style" and "url(" in value)
                ):
                    found.append(value)

        def handle_data(self, data):
            if "url(" in data or "@import" in data:
                found.append(data)

    Collect().feed(html)
    return found


LONG_WORD = "Ж" + "x" * 99_998 + "Ж"
RTL = (
    "القوات الأمريكية وصلت إلى بولندا، وقال حلف الناتو إن 3000 جندي سيبقون هناك. "
    'צה"ל הודיע כי 1,000 חיילים הוצבו בגבול. '
)


def test_very_long_word_and_right_to_left_text(tmp_path):
    text = (
        "title: Long word and RTL\ndate: 2017-07-11\n\n"
        f"WARSAW — {LONG_WORD} NATO said 3,000 troops would stay in Poland. {RTL}"
        f"\u202eevil\u202c and \u200f marks and zerowidth\u200bjoined.\n"
    )
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    items = list(articles.read_path(path))
    assert len(items) == 1 and isinstance(items[0], articles.Article), items
    body = items[0].body
    result = extract(body, year=2017)
    for thing in [*result.entities, *result.figures]:
        assert body[thing.start : thing.end] == thing.text
    with Workspace.open(tmp_path / "lib") as ws:
        report = ws.import_paths([path])
        assert report.imported == 1, report.skipped
        (article_id,) = report.article_ids
        for query in ("Poland", "الناتو", "חיילים", "zerowidth"):
            assert article_id in ws.search(query).all_ids, query
        stored = ws.article(article_id)
        assert stored.article.body == body
        for entity in stored.entities:
            assert body[entity.start : entity.end] == entity.text


def test_reader_loads_nothing_remote(tmp_path, trap, qtbot):
    """The window's reader shows an article with remote images as text and opens no connection."""
    # Imported, not skipped on failure: a reader module that cannot load is a failure to see.
    from briefing_app.ui import reader as reader_module

    remote = f"http://127.0.0.1:{trap.port}"
    note = tmp_path / "note.txt"
    note.write_text(
        f'title: Remote image\n\nRIGA — <img src="{remote}/a.png"> <link rel="stylesheet" '
        f'href="{remote}/s.css"> NATO troops in Latvia. <iframe src="{remote}/f"></iframe>\n',
        encoding="utf-8",
    )
    with Workspace.open(tmp_path / "lib") as ws:
        report = ws.import_paths([note])
        view = ws.article(report.article_ids[0])
        reader = reader_module.ReaderView()
        qtbot.addWidget(reader)
        reader.resize(800, 600)
        reader.show()
        reader.show_article(view, ["troops"])
        qtbot.wait(500)  # give any loader time to try
        shown = reader.toPlainText()
        # The markup is shown as the text it is, not interpreted.
        assert "<img" in shown and "NATO troops" in shown
        assert reader.document().resource(1, reader_module.QUrl(f"{remote}/a.png")) in (None, "")
        reader.close()
    assert trap.hits == 0
