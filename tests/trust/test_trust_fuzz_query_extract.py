"""Random strings at the query parser and at extraction.

Workspace.search may refuse a query, but only with search.QueryError (a message for the
person who typed it): remove parse_query's `except Exception -> QueryError` and the odd
inputs below raise Whoosh's own errors instead. extract() never raises and every entity and
figure points at the text it claims: shift an offset by one anywhere in extraction and
`text[start:end] == .text` fails.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st
from trust_support import budget, count

from briefing_app.core.extract import extract
from briefing_app.core.query import QueryError
from briefing_app.core.workspace import Workspace

_any_text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=200)

_QUERY_TOKENS = (
    'NATO troops Latvia "NATO troops" "unclosed ( ) (( )) [ ] { } [2015 to 2017] {2015 TO} '
    "AND OR NOT ANDNOT ANDMAYBE and or not * ? ~ ~2 ^ ^3 ^^ : :: title: body: year: date: "
    "source: person: place: country: org: read: starred: dateline: foo: year:2016 year:abc "
    "date:2016-13-45 date:[2015 to] date:[to 2017] country:Estonia read:maybe starred:true "
    "- + -NATO +troops \\ \\\\ ' ` <b> &amp; % $ 10,000 ÷ Москва القدس 中文 emoji🙂 \x00 \t "
    "TO to * *x x* *x* ?x x?y a\u0301 İ ß ﬁ"
).split(" ")
_query_like = st.lists(st.sampled_from(_QUERY_TOKENS), max_size=12).map(" ".join)

_EXTRACT_TOKENS = (
    "The United States will send 3,000 troops to Poland in 2017 , NATO said . "
    "about some 1.5 million $ 2bn 40% 30 percent tanks F-35 jets soldiers Marines "
    "Germany Britain Estonia Latvia Lithuania Russia Ukraine U.S. U.K. Mr. Dr. Gen. J. "
    "thousand hundred forty-five three dozen several between and to - – — up to nearly "
    '1,000-strong 10 000 ١٢٣ ٣ Москва Киев Україна 2016-06-14 14 June 2016 June , ( ) " “ ” '
    "\n \n\n \t ! ? ; : ' ’ … 0 00 000 9999999999999999999 1e9 ½"
).split(" ")
_article_like = st.lists(st.sampled_from(_EXTRACT_TOKENS), max_size=80).map(" ".join)


@pytest.fixture(scope="module")
def ws(tmp_path_factory):
    # Seeded with the built-in articles so queries run against a real, non-empty index.
    workspace = Workspace.open(tmp_path_factory.mktemp("query") / "lib")
    yield workspace
    workspace.close()


def _search_only_raises_query_error(ws: Workspace, query: str) -> None:
    try:
        result = ws.search(query)
    except QueryError as exc:
        assert str(exc).strip(), "a QueryError must say what is wrong"
        count("query: refused with QueryError")
        return
    assert result.total >= 0
    assert len(result.hits) <= result.total
    count("query: answered")


def test_random_unicode_queries(ws):
    @budget(250)
    @given(query=_any_text)
    def run(query):
        count("query: total")
        _search_only_raises_query_error(ws, query)

    run()


def test_query_language_soup(ws):
    @budget(350)
    @given(query=_query_like)
    def run(query):
        count("query: total")
        _search_only_raises_query_error(ws, query)

    run()


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "(",
        ")",
        "title:",
        "AND",
        "NOT",
        "year:[2015 to",
        "a" * 1000,
        "x" * 10 + "*",
        "*",
        "?",
        "date:",
        "\x00",
        "((((((((((((((((((((a))))))))))))))))))))",
        "NOT NOT a",
    ],
)
def test_known_awkward_queries(ws, query):
    _search_only_raises_query_error(ws, query)


def _check_offsets(text: str) -> None:
    result = extract(text, year=2017)  # removing any try/except in extract cannot hide a raise
    for entity in result.entities:
        assert 0 <= entity.start <= entity.end <= len(text)
        assert text[entity.start : entity.end] == entity.text, entity
    for figure in result.figures:
        assert 0 <= figure.start <= figure.end <= len(text)
        assert text[figure.start : figure.end] == figure.text, figure


@budget(300)
@given(text=_any_text)
def test_extract_random_unicode(text):
    count("extract: total")
    count("extract: random unicode")
    _check_offsets(text)


@budget(400)
@given(text=_article_like)
def test_extract_article_like_soup(text):
    count("extract: total")
    count("extract: article-like token soup")
    _check_offsets(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n" * 1000,
        "a" * 100_000,
        "3,000 troops " * 300,
        "Москва " * 5000,
        "U.S. " * 3000,
        "1" * 5000,
        "é" * 50_000,
    ],
)
def test_extract_awkward_texts(text):
    _check_offsets(text)


def test_extract_long_run_of_dots_is_fast():
    started = time.monotonic()
    _check_offsets("Contents" + "." * 10_000 + " page three\n\nNATO sent 1,000 troops to Latvia.")
    assert time.monotonic() - started < 5.0  # linear: milliseconds; the quadratic bug took minutes


def test_search_for_a_very_long_word_is_fast(ws):
    started = time.monotonic()
    _search_only_raises_query_error(ws, "a" * 8000)
    assert time.monotonic() - started < 5.0  # linear: milliseconds; the quadratic bug took minutes


@pytest.mark.parametrize("digit", ["1", "\u0663"])
def test_extract_long_run_of_digits_is_fast(digit):
    started = time.monotonic()
    _check_offsets("Serial " + digit * 20_000 + " and 1,000 NATO troops in Latvia.")
    assert time.monotonic() - started < 5.0  # linear: milliseconds; the quadratic bug took minutes
