"""Pasted text becomes an article without Qt: the readers behind the window's paste dialog."""

from __future__ import annotations

from briefing_app.core.pasted import article_as_checked, article_from_clipboard


def test_html_with_a_body_wins_and_a_web_link_gives_url_and_source() -> None:
    html = "<html><head><title>Troops arrive</title></head><body><p>Some 300 Danish troops arrived in Estonia on Monday, officials said.</p></body></html>"
    article = article_from_clipboard(
        html, "plain copy", ["file:///tmp/x.html", "https://www.example.org/news/1"]
    )
    assert article is not None
    assert "300 Danish troops" in article.body
    assert article.url == "https://www.example.org/news/1"
    assert article.source == "example.org"


def test_plain_text_is_read_when_the_html_has_no_body() -> None:
    article = article_from_clipboard("<html><body> </body></html>", "Troops left Mali today.", [])
    assert article is not None and article.body.startswith("Troops left Mali")
    assert article.url is None and article.source is None


def test_nothing_to_read_gives_none() -> None:
    assert article_from_clipboard(None, "   ", []) is None
    assert article_from_clipboard("", None, []) is None


def test_the_checked_article_takes_the_users_fields_and_keeps_the_url() -> None:
    read = article_from_clipboard(None, "Text.", ["https://example.org/a"])
    assert read is not None
    article = article_as_checked(
        read,
        body="  NATO sent 4,000 troops to Poland.  ",
        title="  A   title ",
        date_written="3 March 2024",
        source="  Wire ",
    )
    assert article.body == "NATO sent 4,000 troops to Poland."
    assert (article.title, article.date, article.source) == ("A title", "2024-03-03", "Wire")
    assert article.url == "https://example.org/a"
    untitled = article_as_checked(
        read, body="NATO sent troops. More.", title="", date_written="", source=""
    )
    assert untitled.title and untitled.date is None and untitled.source is None
