"""The page first, the count after: search(facets=False) and summarize() agree with a full
search; fuzzy and wildcard words are bounded; caches follow commits; did-you-mean casing."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh import qparser

from briefing_app.core.index import IndexDoc, SearchIndex
from briefing_app.core.query import MAX_EXPANSION, parse_query, search, summarize

COUNTRIES = ["Estonia", "Latvia", "Lithuania", "Poland", "Norway"]


def _doc(n: int, title: str, body: str, date: str | None) -> IndexDoc:
    return IndexDoc(
        n,
        title,
        body,
        "Reuters" if n % 2 else "Associated Press",
        date,
        None,
        people=["Jens Stoltenberg"] if n % 3 == 0 else [],
        places=[],
        countries=[COUNTRIES[n % len(COUNTRIES)]],
        orgs=["NATO"] if n % 4 == 0 else [],
    )


# 60 articles: every one says "troops"; bank/banks/banking and gold/golf/good spread among them;
# some undated; several share a date so that ties must keep document order.
DOCS = [
    _doc(
        n,
        f"Report {n} on {'bank' if n % 2 else 'gold'}",
        f"Troops were counted. The {'banks' if n % 3 else 'banking'} story "
        f"{'and gold' if n % 5 == 0 else 'and golf' if n % 7 == 0 else 'was good'}. "
        f"Jens Stoltenberg spoke. Wheat prices rose.",
        None if n % 11 == 0 else f"2016-{1 + n % 12:02d}-{1 + n % 3:02d}",
    )
    for n in range(1, 61)
]
BODIES = {d.id: d.body for d in DOCS}


def text_for(ids: list[int]) -> dict[int, str]:
    return {i: BODIES[i] for i in ids if i in BODIES}


@pytest.fixture
def ix(tmp_path: Path) -> SearchIndex:
    index = SearchIndex(tmp_path / "index")
    # Three commits, so the index has several segments as a real library does.
    for start in range(0, len(DOCS), 20):
        index.write(DOCS[start : start + 20])
    return index


QUERIES = ["troops", "bank*", "gold~", "bank OR gold", "troops AND NOT gold", "", "year:2016"]


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("sort", ["relevance", "date", "date_asc"])
def test_page_alone_is_the_page_of_the_full_search(ix: SearchIndex, query: str, sort: str) -> None:
    full = search(ix, query, sort=sort, page_size=100)
    ordered = full.all_ids
    assert full.total == len(ordered)
    for page in (1, 2, 3):
        alone = search(ix, query, sort=sort, page=page, page_size=7, facets=False)
        assert [h.id for h in alone.hits] == ordered[(page - 1) * 7 : page * 7]
        assert alone.more == (page * 7 < len(ordered))
        assert alone.facets is None and alone.all_ids == []
        # The count, when the page step gives one, is the real one.
        assert alone.total in (None, len(ordered))


@pytest.mark.parametrize("query", QUERIES)
def test_summary_counts_every_hit_and_its_facets(ix: SearchIndex, query: str) -> None:
    full = search(ix, query, page_size=1)
    summary = summarize(ix, query)
    assert summary.total == full.total
    assert sorted(summary.all_ids) == sorted(full.all_ids)
    assert summary.facets == full.facets
    # Facets count over every hit, not the page: every article says "troops", and the page of
    # one hit names one country.
    if query in ("troops", ""):
        assert len(summary.facets["countries"]) == len(COUNTRIES)


def test_filters_apply_to_page_and_summary_alike(ix: SearchIndex) -> None:
    kwargs = {"filters": {"country": ["Latvia"], "source": ["Reuters"]}, "since": "2016-03"}
    full = search(ix, "troops", page_size=100, **kwargs)
    page = search(ix, "troops", page_size=100, facets=False, **kwargs)
    assert [h.id for h in page.hits] == full.all_ids
    assert 0 < full.total < len(DOCS)
    assert summarize(ix, "troops", **kwargs).total == full.total
    assert {n for n, _ in full.facets["countries"]} == {"Latvia"}


def test_newest_first_breaks_ties_by_document_and_puts_undated_last(ix: SearchIndex) -> None:
    hits = search(ix, "", sort="date", page_size=100, facets=False).hits
    dated = [h for h in hits if h.date]
    assert [h.date for h in dated] == sorted((h.date for h in dated), reverse=True)
    assert all(h.date is None for h in hits[len(dated) :])
    assert len(hits) - len(dated) == len([d for d in DOCS if d.date is None])
    for a, b in zip(dated, dated[1:], strict=False):
        if a.date == b.date:
            assert a.id < b.id


def test_a_commit_changes_the_date_order_and_the_counts(ix: SearchIndex) -> None:
    assert search(ix, "", sort="date", facets=False).hits[0].id != 61
    before = summarize(ix, "troops").total
    ix.write([_doc(61, "Latest", "Troops arrived today.", "2020-01-01")])
    assert search(ix, "", sort="date", facets=False).hits[0].id == 61
    assert summarize(ix, "troops").total == before + 1
    ix.write([], delete_ids=[61])
    assert search(ix, "", sort="date", facets=False).hits[0].id != 61
    assert summarize(ix, "troops").total == before


def _holds(doc: IndexDoc, word: str) -> bool:
    return word in f"{doc.title} {doc.body}".lower().replace(".", " ").split()


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("bank*", ["bank"]),
        ("gold~", ["gold"]),
        ("ban* OR gol*", []),
        ("golf~ OR bank~", ["golf", "bank"]),
    ],
)
def test_wildcard_and_fuzzy_rank_the_exact_word_first_then_as_whoosh_does(
    ix: SearchIndex, query: str, words: list[str]
) -> None:
    # Queries of only such words are ranked from posting sets: the articles with a word as typed
    # first, then in Whoosh's own order (which scores "golf" as "gold").
    q = parse_query(ix, query)
    with ix.searcher() as searcher:
        whoosh_order = [
            int(searcher.stored_fields(d)["id"]) for _, d in searcher.search(q, limit=None).top_n
        ]
    docs = {d.id: d for d in DOCS}
    exact = {i for i in whoosh_order if any(_holds(docs[i], w) for w in words)}
    assert 0 < len(exact) < len(whoosh_order) or not words
    expected = sorted(whoosh_order, key=lambda i: i not in exact)
    hits = search(ix, query, page_size=100, facets=False).hits
    assert [h.id for h in hits] == expected
    # The scores shown fall as the list goes down.
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_a_fuzzy_word_ranks_the_exact_word_above_its_variants(tmp_path: Path) -> None:
    # Articles 1-4 say only "golf", "good" or "goldfish", often; article 5 says "gold" once.
    index = SearchIndex(tmp_path / "fuzzy")
    variants = [
        IndexDoc(n, "Weather", "golf good goldfish golf good goldfish " * 3, None, None, None)
        for n in range(1, 5)
    ]
    index.write([*variants, IndexDoc(5, "Markets", "Prices of gold rose.", None, None, None)])
    for query in ("gold~", "gold~2", "title:gold~ OR body:gold~", "gold*"):
        page = search(index, query, facets=False).hits
        assert [h.id for h in page] == [5, 1, 2, 3, 4], query
        assert page[0].score > page[1].score
        assert search(index, query).all_ids == [5, 1, 2, 3, 4], query


@pytest.fixture
def many_words(tmp_path: Path) -> SearchIndex:
    # zz00 … zz59: word k appears in k + 1 articles, so the most used are the highest numbers.
    index = SearchIndex(tmp_path / "many")
    docs = [
        IndexDoc(k * 100 + j, f"w {k}", f"zz{k:02d} text", None, None, None)
        for k in range(60)
        for j in range(k + 1)
    ]
    index.write(docs)
    return index


def test_a_wildcard_keeps_only_its_most_used_words(many_words: SearchIndex) -> None:
    found = {h.id // 100 for h in search(many_words, "zz*", page_size=5000, facets=False).hits}
    assert found == set(range(60 - MAX_EXPANSION, 60))
    # A pattern with ? is bounded the same way; one that fits fewer words keeps them all.
    assert {h.id // 100 for h in search(many_words, "zz?*", page_size=5000).hits} == found
    assert {h.id // 100 for h in search(many_words, "zz?1", page_size=5000).hits} == {
        1,
        11,
        21,
        31,
        41,
        51,
    }
    # What the wildcard finds, the count agrees with.
    assert summarize(many_words, "zz*").total == sum(k + 1 for k in range(60 - MAX_EXPANSION, 60))


def test_fuzzy_words_share_the_first_letter_and_stop_at_two_edits(tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "index")
    words = ["gold", "golf", "gull", "grip", "hold", "goldsmiths"]
    index.write([IndexDoc(n, "t", word, None, None, None) for n, word in enumerate(words)])

    def found(query: str) -> set[str]:
        return {words[h.id] for h in search(index, query, page_size=10).hits}

    # "hold" is one edit from "gold" but begins with another letter.
    assert found("gold~") == {"gold", "golf"}
    assert found("gold~2") == {"gold", "golf", "gull"}
    # ~9 asks for nine edits and gets two: "grip" is three away, "goldsmiths" six.
    assert found("gold~9") == {"gold", "golf", "gull"}


def test_did_you_mean_is_written_as_the_articles_write_it(tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "index")
    docs = [
        IndexDoc(
            1, "NATO CHIEF SPEAKS", "Secretary General Jens Stoltenberg spoke.", None, None, None
        ),
        IndexDoc(
            2,
            "Alliance",
            "Stoltenberg said troops would stay. Later Stoltenberg left.",
            None,
            None,
            None,
        ),
        IndexDoc(
            3,
            "WHEAT HARVEST",
            "Wheat is up. The wheat crop grew and wheat exports rose.",
            None,
            None,
            None,
        ),
        IndexDoc(4, "Grain", "Farmers sold wheat.", None, None, None),
    ]
    index.write(docs)
    bodies = {d.id: d.body for d in docs}

    def texts(ids: list[int]) -> dict[int, str]:
        return {i: bodies[i] for i in ids}

    assert search(index, "Stoltenbrg", text_for=texts).suggestion == "Stoltenberg"
    assert summarize(index, "stoltenbrg", text_for=texts).suggestion == "Stoltenberg"
    # Capitals at a sentence's start or in an all-capitals title do not count.
    assert search(index, "wheet", text_for=texts).suggestion == "wheat"
    # Operators and the words already right stay as typed.
    assert search(index, "Stoltenbrg AND troops", text_for=texts).suggestion == (
        "Stoltenberg AND troops"
    )


def test_each_thread_keeps_its_searcher_until_a_commit(ix: SearchIndex) -> None:
    first = ix.current_searcher()
    assert ix.current_searcher() is first
    ix.write([_doc(99, "New", "Troops again.", None)])
    second = ix.current_searcher()
    assert second is not first and first.is_closed
    assert "99" in {f["id"] for f in second.all_stored_fields()}


def test_bare_whoosh_parser_reads_the_same_index() -> None:
    # The benchmark's bare Whoosh search uses Whoosh's own parser; it must accept our schema.
    from briefing_app.core.index import make_schema

    parser = qparser.MultifieldParser(["title", "body"], make_schema())
    parser.add_plugin(qparser.FuzzyTermPlugin())
    assert parser.parse("gold~ AND bank*") is not None
