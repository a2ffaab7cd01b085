"""Searching the index: the query language, filters, sorting, snippets, facets and suggestions."""

from __future__ import annotations

import html
import logging
import re
import time
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from whoosh import highlight, qparser
from whoosh import query as wq
from whoosh.analysis import Token
from whoosh.lang import porter
from whoosh.reading import IndexReader
from whoosh.searching import Searcher
from whoosh.util.times import datetime_to_long

from briefing_app.core.index import (
    ENTITY_FIELDS,
    FACET_CODES,
    FACET_SEP,
    TEXT_ANALYZER,
    IndexDamaged,
    SearchIndex,
)

log = logging.getLogger(__name__)

SORTS = ("relevance", "date", "date_asc")
FACET_KEYS = ("people", "countries", "places", "orgs", "sources", "years")

# Fields a person may name in a query; the rest of the schema is internal.
QUERY_FIELDS = (
    "title",
    "body",
    "source",
    "person",
    "place",
    "country",
    "org",
    "dateline",
    "date",
    "year",
    "read",
    "starred",
)
FILTER_FIELDS = (
    "source",
    "person",
    "place",
    "country",
    "org",
    "dateline",
    "year",
    "read",
    "starred",
)

_BINARY_OPS = ("AND", "OR", "ANDNOT", "ANDMAYBE")
_SNIPPET_CHARS = 200
_LONGEST_SUGGESTED_WORD = 40
_OPENING_CHARS = 240
# A DATETIME column holds this (2**64 - 1) for a document without a date; anything above the
# largest real date counts as undated.
_UNDATED = datetime_to_long(datetime(9999, 12, 31))
_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class QueryError(ValueError):
    """A query that cannot be understood; the message is meant for the person who typed it."""


@dataclass
class Hit:
    id: int
    title: str
    date: str | None
    source: str | None
    score: float
    snippet: str  # HTML-safe: matched words in <b class="match">…</b>, the rest escaped


@dataclass
class SearchResult:
    query: str
    total: int
    hits: list[Hit]
    page: int
    page_size: int
    facets: dict[str, list[tuple[str, int]]]  # over all hits, not just the page
    suggestion: str | None
    elapsed: float  # seconds
    all_ids: list[int] = field(default_factory=list)  # every hit, in result order


# Checking the query text. Whoosh's parser never refuses anything: a stray quote or bracket
# becomes a literal word and an operator at the end is silently dropped, so the person would
# get puzzling results. We look for those mistakes first and say what is wrong.

_TOKEN_RE = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<field>(?P<fname>[A-Za-z_]\w*):(?!/))
  | (?P<phrase>"[^"]*")
  | (?P<quote>")
  | (?P<open>\()
  | (?P<close>\))
  | (?P<range>[\[{][^\[\]{}]*[\]}])
  | (?P<rangeopen>[\[{])
  | (?P<rangeclose>[\]}])
  | (?P<word>[^\s()"\[\]{}]+)
    """,
    re.VERBOSE,
)

_RANGE_BODY_RE = re.compile(r"^\s*(?P<start>\S+?)?\s*\bto\b\s*(?P<end>\S+)?\s*$", re.IGNORECASE)


def _date_ok(text: str) -> bool:
    if not _DATE_RE.match(text):
        return False
    parts = [int(p) for p in text.split("-")]
    try:
        datetime(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return 1 <= parts[0]


def _check_value(fname: str, value: str, shown: str) -> None:
    if fname == "date" and not _date_ok(value):
        raise QueryError(
            f"'{shown}': '{value}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD "
            "(e.g. date:2016 or date:[2015-01-01 to 2016-06-30])"
        )
    if fname == "year" and not re.fullmatch(r"\d{1,4}", value):
        raise QueryError(f"'{shown}': '{value}' is not a year (e.g. year:2016)")
    if fname in ("read", "starred") and value.lower() not in ("true", "false", "yes", "no"):
        raise QueryError(f"'{shown}': write {fname}:true or {fname}:false")


def _prepare(text: str) -> str:
    """Check the query for mistakes Whoosh would hide and return it ready for the parser."""
    tokens = [
        (m.lastgroup, m.group(), m.group("fname"), m.start()) for m in _TOKEN_RE.finditer(text)
    ]
    out: list[str] = []
    significant: list[tuple[str, str]] = []  # (kind, text) without whitespace
    depth = 0
    i = 0
    while i < len(tokens):
        kind, tok, fname, offset = tokens[i]
        if kind == "field":
            name = fname.lower()
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if name not in QUERY_FIELDS:
                if nxt is None or nxt[0] == "ws":
                    # Pasted prose ("Estonia: troops arrive"): the word, not a field.
                    out.append(fname + " ")
                    significant.append(("word", fname))
                    i += 1
                    continue
                raise QueryError(
                    f"Unknown field '{fname}:'. Fields are: " + ", ".join(QUERY_FIELDS) + "."
                )
            # "title: oil" means title:oil, as Whoosh reads it.
            while nxt is not None and nxt[0] == "ws" and i + 2 < len(tokens):
                del tokens[i + 1]
                nxt = tokens[i + 1]
            if nxt is None or nxt[0] in ("ws", "close", "rangeclose"):
                raise QueryError(f"'{fname}:' needs a word or a \"phrase\" after it.")
            shown = text[offset:].strip()
            if nxt[0] == "rangeopen":
                noun = "date range" if name == "date" else "range"
                raise QueryError(f"'{shown}' is not a complete {noun}")
            if nxt[0] == "range":
                inner = nxt[1][1:-1]
                m = _RANGE_BODY_RE.match(inner)
                shown = f"{name}:{nxt[1]}"
                if not m or not (m.group("start") or m.group("end")):
                    raise QueryError(f"'{shown}' is not a range; write it as {name}:[2015 to 2017]")
                for value in (m.group("start"), m.group("end")):
                    if value:
                        _check_value(name, value, shown)
            elif nxt[0] == "word":
                value = re.sub(r"[~^].*$", "", nxt[1])
                _check_value(name, value, f"{name}:{nxt[1]}")
            elif nxt[0] in ("phrase", "open") and name in ("date", "year", "read", "starred"):
                if nxt[0] == "phrase":
                    _check_value(name, nxt[1].strip('"').strip(), f"{name}:{nxt[1]}")
            out.append(name + ":")
            significant.append(("field", name))
            i += 1
            continue
        if kind == "quote":
            raise QueryError('Unbalanced quotation mark in the query: every " needs a closing ".')
        if kind == "open":
            depth += 1
        elif kind == "close":
            depth -= 1
            if depth < 0:
                raise QueryError("Unbalanced parenthesis in the query: a ')' has no '(' before it.")
            if significant and significant[-1][0] == "open":
                raise QueryError("Empty parentheses '()' in the query.")
        elif kind == "rangeopen":
            rest = text[offset:].strip()
            raise QueryError(f"'{rest}' is not a complete range")
        elif kind == "rangeclose":
            raise QueryError(f"Unbalanced bracket in the query: a '{tok}' has no opening bracket.")
        elif kind == "range" and not (significant and significant[-1][0] == "field"):
            raise QueryError(
                f"The range '{tok}' needs a field before it, e.g. date:[2015 to 2017] or "
                "year:[2014 to 2016]."
            )
        if kind != "ws":
            significant.append((kind, tok))
        out.append(tok)
        i += 1
    if depth > 0:
        raise QueryError("Unbalanced parenthesis in the query: a '(' is never closed.")
    _check_operators(significant)
    return "".join(out)


def _check_operators(tokens: list[tuple[str, str]]) -> None:
    def is_op(tok: tuple[str, str]) -> bool:
        return tok[0] == "word" and tok[1] in (*_BINARY_OPS, "NOT")

    for n, tok in enumerate(tokens):
        if not is_op(tok):
            continue
        op = tok[1]
        prev = tokens[n - 1] if n > 0 else None
        nxt = tokens[n + 1] if n + 1 < len(tokens) else None
        if nxt is None or nxt[0] == "close":
            raise QueryError(f"'{op}' at the end of the query needs a word after it.")
        if prev is not None and prev[0] == "field":
            raise QueryError(f"'{prev[1]}:' needs a word after it, not '{op}'.")
        if op == "NOT":
            if is_op(nxt):
                raise QueryError(f"'NOT {nxt[1]}': two operators in a row.")
            continue
        if prev is None or prev[0] == "open":
            raise QueryError(f"'{op}' needs a word before it.")
        if is_op(prev):
            raise QueryError(f"'{prev[1]} {op}': two operators in a row.")
        if is_op(nxt) and nxt[1] != "NOT":
            raise QueryError(f"'{op} {nxt[1]}': two operators in a row.")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return porter.stem(word)


class _Inflections(wq.Variations):
    """A word and every indexed form that stems like it: "price" also finds "prices", "priced"
    and "pricing", "ally" finds "allies".

    The text fields are indexed unstemmed (see index.TEXT_ANALYZER) so that phrases and
    wildcards stay exact; this does the stemmer's job at query time instead. Whoosh's own
    Variations relies on a word list that misses common forms ("bank" never finds "banks").
    """

    def _btexts(self, ixreader: IndexReader) -> Iterator[bytes]:
        word = self.text
        stem = _stem(word)
        # Porter only rewrites the end of a word, at most its last letter of the stem
        # ("ally" -> "alli"), so every form with this stem starts with the stem minus one letter.
        prefix = stem[:-1] if len(stem) >= 4 else stem
        if not word.startswith(prefix):
            prefix = word[: len(prefix)]
        if (self.fieldname, word) in ixreader:
            yield word.encode("utf-8")
        for btext in ixreader.expand_prefix(self.fieldname, prefix):
            text = btext.decode("utf-8")
            if text != word and _stem(text) == stem:
                yield btext


def _term_class(fieldname: str, text: str, boost: float = 1.0) -> wq.Query:
    if fieldname in ("title", "body"):
        return _Inflections(fieldname, text, boost=boost)
    return wq.Term(fieldname, text, boost=boost)


def _parser(index: SearchIndex, fields: tuple[str, ...] = ("title", "body")) -> qparser.QueryParser:
    parser = qparser.MultifieldParser(list(fields), index.schema, termclass=_term_class)
    # Apostrophes belong to words here ("Russia's", "O'Brien"), not to 'quoted phrases'.
    parser.remove_plugin_class(qparser.SingleQuotePlugin)
    parser.add_plugin(qparser.FuzzyTermPlugin())
    return parser


def _errors(q: wq.Query) -> list[str]:
    found = []
    for sub in q.leaves() if not q.is_leaf() else [q]:
        error = getattr(sub, "error", None)
        if error:
            found.append(str(error))
    error = getattr(q, "error", None)
    if error:
        found.append(str(error))
    return found


def parse_query(index: SearchIndex, text: str) -> wq.Query:
    """The Whoosh query for text; raises QueryError with a readable message."""
    text = text.strip()
    if not text:
        return wq.Every()
    prepared = _prepare(text)
    try:
        q = _parser(index).parse(prepared)
    except Exception as exc:  # the parser has many ways to fail on odd input
        raise QueryError(f"Could not understand the query: {exc}") from exc
    errors = _errors(q)
    if errors:
        raise QueryError(f"Could not understand the query: {errors[0]}")
    if q is wq.NullQuery:
        raise QueryError("The query has no words to search for.")
    return q


def _date_bound(value: str, what: str) -> str:
    if not _date_ok(value.strip()):
        raise QueryError(f"'{value}' is not a {what} date; write YYYY, YYYY-MM or YYYY-MM-DD.")
    return value.strip()


def _filter_query(
    index: SearchIndex,
    since: str | None,
    until: str | None,
    filters: dict[str, list[str]] | None,
) -> wq.Query | None:
    parts: list[wq.Query] = []
    if since or until:
        start = _date_bound(since, "start") if since else None
        end = _date_bound(until, "end") if until else None
        parts.append(index.schema["date"].parse_range("date", start, end, False, False))
    for name, values in (filters or {}).items():
        if name not in FILTER_FIELDS:
            raise QueryError(f"Cannot filter on '{name}'. Filters are: {', '.join(FILTER_FIELDS)}.")
        for value in values:
            parts.append(_filter_term(index, name, str(value)))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else wq.And(parts)


def _filter_term(index: SearchIndex, name: str, value: str) -> wq.Query:
    clean = " ".join(value.replace(",", " ").split()).lower()
    if name == "source":
        return wq.Term("source_exact", clean)
    if name in ENTITY_FIELDS:
        return wq.Term(name, clean)
    if name in ("read", "starred"):
        if clean not in ("true", "false", "yes", "no", "1", "0"):
            raise QueryError(f"The {name} filter takes true or false, not '{value}'.")
        return wq.Term(name, clean in ("true", "yes", "1"))
    if name == "year":
        if not clean.isdigit():
            raise QueryError(f"'{value}' is not a year.")
        return index.schema["year"].parse_query("year", clean)
    words = list(index.schema["dateline"].process_text(value, mode="query"))
    if not words:
        raise QueryError(f"'{value}' is not a dateline.")
    return wq.Phrase("dateline", words) if len(words) > 1 else wq.Term("dateline", words[0])


class _MatchFormatter(highlight.Formatter):
    """Wraps matches in <b class="match"> and escapes everything else."""

    between = " … "

    def _text(self, text: str) -> str:
        return html.escape(text)

    def format_token(self, text: str, token: Token, replace: bool = False) -> str:
        return '<b class="match">' + html.escape(highlight.get_text(text, token, replace)) + "</b>"


def _opening(body: str) -> str:
    body = " ".join(body.split())
    if len(body) <= _OPENING_CHARS:
        return html.escape(body)
    cut = body.rfind(" ", 0, _OPENING_CHARS)
    return html.escape(body[: cut if cut > 0 else _OPENING_CHARS]) + " …"


def _snippet(body: str, terms: frozenset[str]) -> str:
    if terms and body:
        fragmenter = highlight.ContextFragmenter(maxchars=_SNIPPET_CHARS, surround=60)
        marked = highlight.highlight(
            body, terms, TEXT_ANALYZER, fragmenter, _MatchFormatter(), top=2
        )
        if marked:
            return " ".join(marked.split())
    return _opening(body)


def _highlight_terms(q: wq.Query, reader: IndexReader) -> frozenset[str]:
    # Leaf by leaf rather than Query.existing_terms(), which reuses its `fieldname` argument
    # as a loop variable and so skips every leaf after the first whose field differs.
    words = set()
    for leaf in q.leaves() if not q.is_leaf() else [q]:
        if leaf.field() not in ("title", "body"):
            continue
        for fieldname, text in leaf.expanded_terms(reader, phrases=True):
            if fieldname in ("title", "body") and (fieldname, text) in reader:
                words.add(text.decode("utf-8") if isinstance(text, bytes) else text)
    return frozenset(words)


def match_terms(index: SearchIndex, query: str) -> list[str]:
    """The indexed words (lowercase) that query matches in titles and bodies, with the forms
    that inflection, wildcards and fuzzy terms expand to; for marking them in the reader.
    An empty or malformed query gives []."""
    try:
        q = parse_query(index, query)
    except QueryError:
        return []
    if isinstance(q, wq.Every):
        return []
    with index.searcher() as searcher:
        return sorted(_highlight_terms(q, searcher.reader()))


def _count_facets(values: list[str], limit: int) -> dict[str, list[tuple[str, int]]]:
    # One column string per hit, all facet values in it with a one-letter prefix: joining
    # and splitting once is far faster than walking the hits' stored fields.
    counts = Counter("\x1e".join(v for v in values if v).split(FACET_SEP)) if values else Counter()
    by_key: dict[str, list[tuple[str, int]]] = {key: [] for key in FACET_KEYS}
    code_to_key = {code: key for key, code in FACET_CODES.items()}
    for item, n in counts.items():
        key = code_to_key.get(item[:1])
        if key:
            by_key[key].append((item[1:], n))
    return {
        key: sorted(items, key=lambda kv: (-kv[1], kv[0].casefold()))[:limit]
        for key, items in by_key.items()
    }


def _column_values(
    reader: IndexReader, name: str, docnums: list[int], translate: bool = True
) -> list:
    # Per segment, not through MultiReader.column_reader: that one drops the segments that
    # lack the column (no document there had a value) and then maps docnums to the wrong one.
    leaves = reader.leaf_readers()
    offsets = [offset for _, offset in leaves]
    cols = [leaf.column_reader(name, translate=translate) for leaf, _ in leaves]
    if len(docnums) > reader.doc_count_all() // 8:
        # Many hits: reading whole columns in one pass beats random access.
        every: list = []
        for col in cols:
            every.extend(col)
        return [every[d] for d in docnums]
    out = []
    for d in docnums:
        i = bisect_right(offsets, d) - 1
        out.append(cols[i][d - offsets[i]])
    return out


def _hits_in_order(
    searcher: Searcher, q: wq.Query, flt: wq.Query | None, sort: str
) -> list[tuple[int, float]]:
    scored = sort == "relevance"
    results = searcher.search(q, filter=flt, limit=None, scored=scored)
    pairs = [(docnum, float(score or 0.0)) for score, docnum in results.top_n]
    if sort == "relevance":
        return pairs
    dates = _column_values(searcher.reader(), "date", [d for d, _ in pairs], translate=False)
    sign = -1 if sort == "date" else 1
    keyed = sorted(
        zip(dates, pairs, strict=True),
        key=lambda item: (item[0] >= _UNDATED, sign * item[0], item[1][0]),
    )
    return [pair for _, pair in keyed]


def _count(searcher: Searcher, q: wq.Query, flt: wq.Query | None) -> int:
    return len(searcher.search(q, filter=flt, limit=1, scored=False))


def _suggest(
    index: SearchIndex, searcher: Searcher, text: str, flt: wq.Query | None, total: int
) -> str | None:
    # Correct against one field's words (body and title share the analyzer): with both fields
    # in the query every word would appear twice and the corrections would collide.
    try:
        # Positions in the parsed query refer to the prepared text, so correct that text.
        text = _prepare(text)
        simple = _parser(index, ("body",)).parse(text)
    except Exception:  # a suggestion is a nicety; never let it break a search
        log.debug("no suggestion: the query did not parse for spelling", exc_info=True)
        return None
    # Whoosh's correction builds an edit-distance automaton whose cost grows with the square of
    # a word's length; no misspelt word is this long, so a pasted blob gets no suggestion.
    if any(len(word) > _LONGEST_SUGGESTED_WORD for word in text.split()):
        return None
    # Whoosh ranks every candidate within maxdist by frequency alone, so "wheet" would become
    # the common "week" (two edits) rather than "wheat" (one): try one edit first.
    for maxdist in (1, 2):
        try:
            corrected = searcher.correct_query(simple, text, prefix=1, maxdist=maxdist)
        except Exception:  # as above: a failed suggestion is logged, the search goes on
            log.warning("spelling suggestion failed for %r", text, exc_info=True)
            return None
        suggestion = corrected.string
        if not suggestion or suggestion.strip() == text.strip():
            continue
        try:
            if _count(searcher, parse_query(index, suggestion), flt) > total:
                return suggestion
        except QueryError:
            continue
    return None


def search(
    index: SearchIndex,
    query: str,
    *,
    sort: str = "relevance",
    page: int = 1,
    page_size: int = 20,
    since: str | None = None,
    until: str | None = None,
    filters: dict[str, list[str]] | None = None,
    text_for: Callable[[list[int]], dict[int, str]] | None = None,
    facet_limit: int = 10,
) -> SearchResult:
    """Run query against index and return one page of hits with facets over all hits.

    An empty query lists every article, newest first unless sort says otherwise. Raises
    QueryError for a query, filter or date that cannot be understood.
    """
    started = time.perf_counter()
    if sort not in SORTS:
        raise QueryError(f"Unknown sort '{sort}'; use one of {', '.join(SORTS)}.")
    page = max(1, int(page))
    page_size = max(1, int(page_size))
    text = query.strip()
    q = parse_query(index, text)
    if not text and sort == "relevance":
        sort = "date"
    flt = _filter_query(index, since, until, filters)

    with index.searcher() as searcher:
        reader = searcher.reader()
        try:
            ordered = _hits_in_order(searcher, q, flt, sort)
        except (OSError, EOFError) as exc:
            raise IndexDamaged(f"The search index cannot be read ({exc}); rebuild it.") from exc
        except Exception as exc:  # Whoosh raises assorted errors for odd but parseable queries
            log.info("query %r could not be run", text, exc_info=True)
            raise QueryError(f"The query could not be run: {exc}") from exc
        docnums = [d for d, _ in ordered]
        all_ids = [int(i) for i in _column_values(reader, "id", docnums)]
        facets = _count_facets(_column_values(reader, "facets", docnums), facet_limit)

        first = (page - 1) * page_size
        page_items = ordered[first : first + page_size]
        page_ids = all_ids[first : first + page_size]
        bodies = text_for(page_ids) if text_for and page_ids else {}
        terms = _highlight_terms(q, reader) if text else frozenset()
        hits = []
        for (docnum, score), doc_id in zip(page_items, page_ids, strict=True):
            stored = reader.stored_fields(docnum)
            date = stored.get("date")
            hits.append(
                Hit(
                    id=doc_id,
                    title=stored.get("title", ""),
                    date=date.strftime("%Y-%m-%d") if date else None,
                    source=stored.get("source"),
                    score=score,
                    snippet=_snippet(bodies.get(doc_id, ""), terms),
                )
            )
        suggestion = None
        if text and len(ordered) < 3:
            suggestion = _suggest(index, searcher, text, flt, len(ordered))

    return SearchResult(
        query=query,
        total=len(ordered),
        hits=hits,
        page=page,
        page_size=page_size,
        facets=facets,
        suggestion=suggestion,
        elapsed=time.perf_counter() - started,
        all_ids=all_ids,
    )
