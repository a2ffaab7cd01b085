"""Searching: the query language, filters, sorting, paging, facets, snippets and suggestions."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_app.core.index import IndexDoc, SearchIndex
from briefing_app.core.query import QueryError, match_terms, search

DOCS = [
    IndexDoc(
        1,
        "Oil prices climb after pipeline outage",
        "Crude oil prices rose on Monday after a pipeline outage in the north. "
        "Traders said the price of Brent could climb further.",
        "Reuters",
        "2016-03-05",
        "LONDON",
        people=[],
        places=["London"],
        countries=["United Kingdom"],
        orgs=["OPEC"],
    ),
    IndexDoc(
        2,
        "Central bank holds interest rates",
        "The central bank kept interest rates unchanged, citing weak growth. "
        "Rates have not moved since the spring.",
        "Associated Press",
        "2015-07-01",
        None,
        people=["Janet Yellen"],
        places=[],
        countries=["United States"],
        orgs=["Federal Reserve"],
    ),
    IndexDoc(
        3,
        "Battalion arrives in Estonia",
        "A multinational battalion arrived in Tapa. The secretary of state praised the deployment.",
        "Reuters",
        "2017-04-20",
        "TAPA",
        people=["Rex Tillerson"],
        places=["Tapa"],
        countries=["Estonia", "United States"],
        orgs=["NATO"],
        starred=True,
    ),
    IndexDoc(
        4,
        "Harvest outlook",
        "Farmers expect a record wheat harvest while corn stocks decline.",
        "Farm Journal",
        "2014-09-10",
        None,
        people=[],
        places=[],
        countries=["Canada"],
        orgs=[],
        read=True,
    ),
    IndexDoc(
        5,
        "Markup in a quotation",
        "The report quoted <script>alert('x')</script> & other markup; oil was mentioned once.",
        "Reuters",
        None,
        None,
        people=[],
        places=[],
        countries=["Latvia"],
        orgs=[],
    ),
    IndexDoc(
        6,
        "Secretary visits Riga",
        "The secretary met officers in Riga to discuss the state of defence spending.",
        "Reuters Breakingviews",
        "2016-11-30",
        "RIGA",
        people=[],
        places=["Riga"],
        countries=["Latvia", "United States"],
        orgs=["NATO"],
    ),
    IndexDoc(
        7,
        "Gold reserves",
        "The central bank bought gold for its reserves.",
        "Associated Press",
        "2016-01-15",
        None,
        people=[],
        places=[],
        countries=["United States"],
        orgs=[],
    ),
]
BODIES = {doc.id: doc.body for doc in DOCS}


def text_for(ids: list[int]) -> dict[int, str]:
    return {i: BODIES[i] for i in ids}


@pytest.fixture(scope="module")
def ix(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    index = SearchIndex(Path(tmp_path_factory.mktemp("search")) / "index")
    index.rebuild(DOCS)
    return index


def found(ix: SearchIndex, q: str, **kw) -> set[int]:
    return set(search(ix, q, page_size=100, **kw).all_ids)


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        # words, AND by default, inflected forms
        ("oil", {1, 5}),
        ("oil prices", {1}),
        ("price", {1}),  # also finds "prices"
        ("banks", {2, 7}),  # and the other way round
        ("climbing", {1}),
        ("reserve", {7}),
        ("secretaries", {3, 6}),
        ("deployments", {3}),
        ("bank", {2, 7}),
        # phrases need adjacent words, stop words included
        ('"interest rates"', {2}),
        ('"secretary of state"', {3}),
        ('"rates interest"', set()),
        # operators and grouping
        ("wheat OR gold", {4, 7}),
        ("bank NOT gold", {2}),
        ("bank AND NOT gold", {2}),
        ("(wheat OR gold) AND reserves", {7}),
        ("(wheat OR gold) reserves", {7}),
        # wildcards and fuzzy terms
        ("pipe*", {1}),
        ("harv*", {4}),
        ("prices*", {1}),
        ("battalon~", {3}),
        ("raserves~2", {7}),
        # fields
        ("title:bank", {2}),
        ("TITLE:bank", {2}),
        ("source:reuters", {1, 3, 5, 6}),
        ('source:"associated press"', {2, 7}),
        ('person:"janet yellen"', {2}),
        ('country:"united states"', {2, 3, 6, 7}),
        ('country:"United States"', {2, 3, 6, 7}),
        ("country:estonia", {3}),
        ("country:Estonia", {3}),
        ("place:Riga", {6}),
        ("org:nato", {3, 6}),
        ("dateline:riga", {6}),
        ("starred:true", {3}),
        # dates
        ("date:[2015 to 2016]", {1, 2, 6, 7}),
        ("date:[2015-01-01 to 2016-06-30]", {1, 2, 7}),
        ("date:2017", {3}),
        ("date:2016-03", {1}),
        ("year:2016", {1, 6, 7}),
        ("year:[2014 to 2015]", {2, 4}),
        ("gold year:2016", {7}),
    ],
)
def test_query_language(ix: SearchIndex, q: str, expected: set[int]) -> None:
    assert found(ix, q) == expected


def test_filters_are_anded_and_exact(ix: SearchIndex) -> None:
    # "Reuters" must not take in "Reuters Breakingviews".
    assert found(ix, "", filters={"source": ["Reuters"]}) == {1, 3, 5}
    assert found(ix, "", filters={"source": ["reuters breakingviews"]}) == {6}
    assert found(ix, "", filters={"country": ["Latvia"], "org": ["NATO"]}) == {6}
    assert found(ix, "", filters={"country": ["Latvia", "United States"]}) == {6}
    assert found(ix, "", filters={"person": ["Rex Tillerson"]}) == {3}
    assert found(ix, "", filters={"place": ["tapa"]}) == {3}
    assert found(ix, "", filters={"read": ["true"]}) == {4}
    assert found(ix, "", filters={"read": ["false"]}) == {1, 2, 3, 5, 6, 7}
    assert found(ix, "", filters={"starred": ["true"]}) == {3}
    assert found(ix, "bank", filters={"source": ["Associated Press"]}) == {2, 7}
    assert found(ix, "", since="2016", until="2016-12-31") == {1, 6, 7}
    assert found(ix, "", since="2016-06") == {3, 6}
    assert found(ix, "", until="2014-12-31") == {4}


def test_bad_filter_is_query_error(ix: SearchIndex) -> None:
    with pytest.raises(QueryError, match="Cannot filter on 'colour'"):
        search(ix, "", filters={"colour": ["red"]})
    with pytest.raises(QueryError, match="true or false"):
        search(ix, "", filters={"read": ["maybe"]})
    with pytest.raises(QueryError, match="not a start date"):
        search(ix, "", since="last week")


def test_empty_query_lists_everything_newest_first_undated_last(ix: SearchIndex) -> None:
    result = search(ix, "")
    assert result.total == 7
    assert result.all_ids == [3, 6, 1, 7, 2, 4, 5]
    assert [h.id for h in result.hits] == result.all_ids
    assert search(ix, "", sort="date_asc").all_ids == [4, 2, 7, 1, 6, 3, 5]


def test_sort_by_date_and_relevance(ix: SearchIndex) -> None:
    assert search(ix, "bank", sort="date").all_ids == [7, 2]
    assert search(ix, "bank", sort="date_asc").all_ids == [2, 7]
    relevance = search(ix, "oil")
    # Title match (boosted) and two mentions beat one mention in passing.
    assert relevance.all_ids == [1, 5]
    assert relevance.hits[0].score > relevance.hits[1].score > 0
    with pytest.raises(QueryError, match="Unknown sort"):
        search(ix, "oil", sort="alphabetical")


def test_paging(ix: SearchIndex) -> None:
    everything = search(ix, "").all_ids
    page2 = search(ix, "", page=2, page_size=3)
    assert page2.total == 7
    assert [h.id for h in page2.hits] == everything[3:6]
    assert page2.all_ids == everything
    assert (page2.page, page2.page_size) == (2, 3)
    assert [h.id for h in search(ix, "", page=3, page_size=3).hits] == everything[6:]
    assert search(ix, "", page=9, page_size=3).hits == []


def test_hit_fields(ix: SearchIndex) -> None:
    hit = search(ix, "pipeline").hits[0]
    assert (hit.id, hit.title, hit.date, hit.source) == (
        1,
        "Oil prices climb after pipeline outage",
        "2016-03-05",
        "Reuters",
    )
    assert search(ix, "markup").hits[0].date is None


def test_facets_count_all_hits_with_display_names(ix: SearchIndex) -> None:
    result = search(ix, "", page_size=1)
    facets = result.facets
    assert set(facets) == {"people", "countries", "places", "orgs", "sources", "years"}
    assert facets["countries"][0] == ("United States", 4)
    assert ("Latvia", 2) in facets["countries"]
    assert facets["sources"][0] == ("Reuters", 3)
    assert ("Associated Press", 2) in facets["sources"]
    assert facets["years"][0] == ("2016", 3)
    assert facets["orgs"][0] == ("NATO", 2)
    assert ("Janet Yellen", 1) in facets["people"]
    narrowed = search(ix, "bank").facets
    assert narrowed["countries"] == [("United States", 2)]
    assert narrowed["years"] == [("2015", 1), ("2016", 1)]
    assert [len(v) for v in search(ix, "", facet_limit=1).facets.values()] == [1] * 6


def test_snippet_marks_matches_and_escapes(ix: SearchIndex) -> None:
    hit = search(ix, "pipeline", text_for=text_for).hits[0]
    assert '<b class="match">pipeline</b>' in hit.snippet
    markup = search(ix, "markup", text_for=text_for).hits[0].snippet
    assert "<script>" not in markup
    assert "&lt;script&gt;" in markup
    assert '<b class="match">markup</b>' in markup
    assert "&amp;" in markup
    # Inflected forms found by the query are marked too.
    inflected = search(ix, "price", text_for=text_for).hits[0].snippet
    assert '<b class="match">prices</b>' in inflected
    assert '<b class="match">price</b>' in inflected
    # Words from a title: query and a body: query are both marked.
    both = search(ix, "title:pipeline AND body:traders", text_for=text_for).hits[0].snippet
    assert '<b class="match">pipeline</b>' in both
    assert '<b class="match">Traders</b>' in both


def test_snippet_without_match_in_body_is_the_opening(ix: SearchIndex) -> None:
    # "outlook" is only in the title.
    hit = search(ix, "title:outlook", text_for=text_for).hits[0]
    assert hit.snippet == "Farmers expect a record wheat harvest while corn stocks decline."
    opening = search(ix, "", filters={"country": ["Latvia"]}, sort="date", text_for=text_for)
    assert opening.hits[-1].snippet.startswith("The report quoted &lt;script&gt;")
    assert "<b" not in opening.hits[-1].snippet


def test_suggestion_for_misspelling(ix: SearchIndex) -> None:
    result = search(ix, "batallion")
    assert result.total == 0
    assert result.suggestion == "battalion"
    assert search(ix, result.suggestion).total == 1
    assert search(ix, "title:  harvst").suggestion == "title:harvest"
    assert search(ix, "oil").suggestion is None  # enough hits, no suggestion
    assert search(ix, "zzqqxx").suggestion is None  # nothing close: no suggestion


@pytest.mark.parametrize(
    ("q", "message"),
    [
        ('"oil prices', "Unbalanced quotation mark"),
        ("(oil OR gas", "Unbalanced parenthesis"),
        ("oil OR gas)", "Unbalanced parenthesis"),
        ("()", "Empty parentheses"),
        ("oil AND", "'AND' at the end"),
        ("OR oil", "'OR' needs a word before it"),
        ("oil AND OR gas", "two operators in a row"),
        ("oil NOT", "'NOT' at the end"),
        ("NOT NOT oil", "two operators in a row"),
        ("date:[2015 to", "'date:[2015 to' is not a complete date range"),
        ("date:[2015 to 2016", "is not a complete date range"),
        ("date:[2015-13-01 to 2016]", "'2015-13-01' is not a date"),
        ("date:[soon to later]", "is not a date"),
        ("date:[2015 2016]", "is not a range"),
        ("year:next", "'next' is not a year"),
        ("year:[2014 to then]", "'then' is not a year"),
        ("[2014 to 2016]", "needs a field"),
        ("oil ]", "Unbalanced bracket"),
        ("title:", "'title:' needs a word"),
        ("title: )", "'title:' needs a word"),
        ("title:  ", "'title:' needs a word"),
        ("contry:Estonia", "Unknown field 'contry:'"),
        ("starred:perhaps", "starred:true"),
    ],
)
def test_query_errors_are_readable(ix: SearchIndex, q: str, message: str) -> None:
    with pytest.raises(QueryError) as caught:
        search(ix, q)
    assert message in str(caught.value)


def test_colon_followed_by_space_or_digit_is_not_a_field(ix: SearchIndex) -> None:
    # Pasted text and times: "Estonia: battalion", "10:30" are words, not field queries.
    assert found(ix, "Tapa: battalion") == {3}
    assert search(ix, "10:30").total == 0


def test_result_metadata(ix: SearchIndex) -> None:
    result = search(ix, "oil")
    assert result.query == "oil"
    assert 0 <= result.elapsed < 5


_QUERY_CHARS = st.sampled_from(
    list("abcdeoilgs \"()[]{}:*~?^-+!,.'/\\\t")
    + ["AND", "OR", "NOT", "date:", "year:", " to "]
    + ["title:", "country:", "2016", "-13-", "ANDNOT"]
)


@settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.one_of(st.text(max_size=40), st.lists(_QUERY_CHARS, max_size=14).map("".join)))
def test_random_queries_raise_only_query_error(ix: SearchIndex, q: str) -> None:
    try:
        result = search(ix, q, text_for=text_for)
    except QueryError as exc:
        assert str(exc)
    else:
        assert result.total == len(result.all_ids)
        assert all("<script" not in hit.snippet for hit in result.hits)


def test_space_after_a_field_name_is_allowed(ix: SearchIndex) -> None:
    assert found(ix, "title: bank") == {2}


def test_match_terms_for_the_reader(ix: SearchIndex) -> None:
    assert match_terms(ix, "price") == ["price", "prices"]
    assert match_terms(ix, "pipe* OR gold") == ["gold", "pipeline"]
    assert match_terms(ix, "") == []
    assert match_terms(ix, '"unbalanced') == []
