"""Searching the index: the query language, filters, sorting, snippets, facets and suggestions."""

from __future__ import annotations

import html
import logging
import re
import threading
import time
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from heapq import nlargest, nsmallest
from typing import Generic, TypeVar

from whoosh import highlight, qparser
from whoosh import query as wq
from whoosh.analysis import Token
from whoosh.lang import porter
from whoosh.reading import IndexReader
from whoosh.searching import Searcher
from whoosh.support.levenshtein import distance
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

_T = TypeVar("_T")
_V = TypeVar("_V")  # what one _DerivedCache holds

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
class HitSummary:
    """What the whole hit set says, beyond one page: its size, its facets, its articles."""

    total: int
    facets: dict[str, list[tuple[str, int]]]
    all_ids: list[int]  # every hit, in document order (search() gives them in result order)
    suggestion: str | None = None  # "did you mean", for a query with fewer than 3 hits


@dataclass
class SearchResult:
    query: str
    total: int | None  # None: not counted yet (a page searched with facets=False)
    hits: list[Hit]
    page: int
    page_size: int
    facets: dict[str, list[tuple[str, int]]] | None  # over all hits; None: not counted yet
    suggestion: str | None
    elapsed: float  # seconds
    all_ids: list[int] = field(default_factory=list)  # every hit, in result order
    more: bool = False  # a further page exists

    def add_summary(self, summary: HitSummary) -> None:
        """Complete a page searched with facets=False with what summarize() counted."""
        self.total = summary.total
        self.facets = summary.facets
        self.all_ids = summary.all_ids
        self.more = self.page * self.page_size < summary.total
        self.suggestion = summary.suggestion


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
        assert kind is not None  # every alternative of _TOKEN_RE is a named group
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


# A fuzzy or wildcard word stands for every indexed word it could be; left unbounded, `gold~`
# or `b*` becomes an OR of thousands of words and a search takes seconds. Each keeps the words
# that most articles use (the help says so) and a fuzzy word at most this many edits.
MAX_EXPANSION = 50
MAX_FUZZY_EDITS = 2


def _most_used(ixreader: IndexReader, fieldname: str, btexts: Iterator[bytes]) -> list[bytes]:
    frequency = ixreader.doc_frequency
    return nlargest(MAX_EXPANSION, btexts, key=lambda b: frequency(fieldname, b))


def _most_used_with_prefix(ixreader: IndexReader, fieldname: str, prefix: str) -> list[bytes]:
    # Segment by segment and summed here: the whole-index word list merges the segments' lists
    # term by term in Python, several times slower.
    frequency: Counter[bytes] = Counter()
    for leaf, _ in ixreader.leaf_readers():
        if fieldname in leaf.schema and leaf.has_column is not None:
            for btext, info in leaf.iter_prefix(fieldname, prefix):
                frequency[btext] += info.doc_frequency()
    return [btext for btext, _ in frequency.most_common(MAX_EXPANSION)]


class _Bounded:
    """A multi-word query whose words are looked up once, on the whole index.

    Whoosh expands a Prefix, Wildcard or FuzzyTerm again in every segment it searches, walking
    each segment's word list; _expand_once() sets `words` from the whole index first (and keeps
    them for the commit), so each segment only looks the chosen words up.
    """

    words: tuple[bytes, ...] | None = None

    def _btexts(self, ixreader: IndexReader) -> Iterator[bytes] | tuple[bytes, ...]:
        if self.words is not None:
            return self.words
        return iter(self._expand(ixreader))

    def _expand(self, ixreader: IndexReader) -> list[bytes]:
        raise NotImplementedError


class _BoundedPrefix(_Bounded, wq.Prefix):
    """`word*`: the MAX_EXPANSION most used indexed words that start with word."""

    def _expand(self, ixreader: IndexReader) -> list[bytes]:
        return _most_used_with_prefix(ixreader, self.fieldname, self.text)


class _BoundedWildcard(_Bounded, wq.Wildcard):
    """`wo?d*s`: the MAX_EXPANSION most used indexed words that fit the pattern."""

    def _expand(self, ixreader: IndexReader) -> list[bytes]:
        return _most_used(ixreader, self.fieldname, wq.Wildcard._btexts(self, ixreader))


class _BoundedFuzzy(_Bounded, wq.FuzzyTerm):
    """`word~`: the MAX_EXPANSION most used indexed words within the edit distance (at most
    MAX_FUZZY_EDITS) that begin with the same letter.

    Whoosh's parser asks for no shared prefix, which measures the distance to every word in
    the index; most misspellings keep the first letter. A word whose length differs by more
    than the distance cannot be within it, so those are skipped before measuring.
    """

    def _expand(self, ixreader: IndexReader) -> list[bytes]:
        text = self.text
        maxdist = min(int(self.maxdist), MAX_FUZZY_EDITS)
        prefix = max(int(self.prefixlength), 1)
        shortest, longest = len(text) - maxdist, len(text) + maxdist

        def near() -> Iterator[bytes]:
            for btext in ixreader.expand_prefix(self.fieldname, text[:prefix]):
                if len(btext) < shortest:  # UTF-8 never has fewer bytes than letters
                    continue
                word = btext.decode("utf-8")
                if shortest <= len(word) <= longest and distance(word, text, maxdist) <= maxdist:
                    yield btext

        return _most_used(ixreader, self.fieldname, near())


class _Inflections(_Bounded, wq.Variations):
    """A word and every indexed form that stems like it: "price" also finds "prices", "priced"
    and "pricing", "ally" finds "allies".

    The text fields are indexed unstemmed (see index.TEXT_ANALYZER) so that phrases and
    wildcards stay exact; this does the stemmer's job at query time instead. Whoosh's own
    Variations relies on a word list that misses common forms ("bank" never finds "banks").
    Unlike the fuzzy and wildcard words it keeps every form, and scores as Whoosh scores words.
    """

    def _expand(self, ixreader: IndexReader) -> list[bytes]:
        word = self.text
        stem = _stem(word)
        # Porter only rewrites the end of a word, at most its last letter of the stem
        # ("ally" -> "alli"), so every form with this stem starts with the stem minus one letter.
        prefix = stem[:-1] if len(stem) >= 4 else stem
        if not word.startswith(prefix):
            prefix = word[: len(prefix)]
        forms: dict[bytes, None] = {}
        if (self.fieldname, word) in ixreader:
            forms[word.encode("utf-8")] = None
        # Segment by segment: the whole-index word list merges the segments' lists in Python.
        for leaf, _ in ixreader.leaf_readers():
            for btext in leaf.expand_prefix(self.fieldname, prefix):
                if btext not in forms and _stem(btext.decode("utf-8")) == stem:
                    forms[btext] = None
        return list(forms)


_EXPANSIONS: _DerivedCache[tuple[bytes, ...]]  # defined with the other caches below


def _expand_once(index: SearchIndex, searcher: Searcher, q: wq.Query) -> None:
    """Fix the words of every bounded leaf of q from the whole index (see _Bounded)."""
    commit = _commit_key(index, searcher)
    for leaf in q.leaves() if not q.is_leaf() else [q]:
        if isinstance(leaf, _Bounded):
            key = (*commit, repr(leaf))

            def expand(leaf: _Bounded = leaf) -> tuple[bytes, ...]:
                return tuple(leaf._expand(searcher.reader()))

            leaf.words = _EXPANSIONS.get(key, expand)


def _bounded(node: wq.Query) -> wq.Query:
    # type() rather than isinstance: only Whoosh's own classes are replaced (_Inflections
    # already expands only to a word's inflections).
    kind = type(node)
    if kind is wq.FuzzyTerm:
        return _BoundedFuzzy(
            node.fieldname,
            node.text,
            boost=node.boost,
            maxdist=node.maxdist,
            prefixlength=node.prefixlength,
            constantscore=node.constantscore,
        )
    if kind is wq.Prefix:
        return _BoundedPrefix(
            node.fieldname, node.text, boost=node.boost, constantscore=node.constantscore
        )
    if kind is wq.Wildcard:
        return _BoundedWildcard(
            node.fieldname, node.text, boost=node.boost, constantscore=node.constantscore
        )
    return node


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
    return q.accept(_bounded)


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


# A fragment of a snippet begins and ends on a word as written, so that neither "32-thousand"
# nor "32 thousand" troops is cut into "32 …": first out to the spaces around the word (at most
# this many letters: a pasted blob without spaces stays cut), then over a number's magnitude.
_LONGEST_WRITTEN_WORD = 40
_MAGNITUDE = r"(?:hundred|thousand|million|billion|trillion)s?"
_MAGNITUDE_AFTER_RE = re.compile(rf"\s+{_MAGNITUDE}\b", re.IGNORECASE)
_MAGNITUDE_FIRST_RE = re.compile(rf"{_MAGNITUDE}\b", re.IGNORECASE)
_NUMBER_LAST_RE = re.compile(rf"(?:\d|\b{_MAGNITUDE})$", re.IGNORECASE)
_NUMBER_BEFORE_RE = re.compile(rf"(?:\d|\b{_MAGNITUDE})\s+$", re.IGNORECASE)


def _word_start(text: str, start: int) -> int:
    floor = max(0, start - _LONGEST_WRITTEN_WORD)
    while start > floor and not text[start - 1].isspace():
        start -= 1
    return start


def _word_end(text: str, end: int) -> int:
    ceiling = min(len(text), end + _LONGEST_WRITTEN_WORD)
    while end < ceiling and not text[end].isspace():
        end += 1
    return end


def _fragment_start(text: str, start: int) -> int:
    start = _word_start(text, start)
    # "32 | thousand": take the number in too (and "one hundred | thousand": both words).
    while _MAGNITUDE_FIRST_RE.match(text, start):
        before = _NUMBER_BEFORE_RE.search(text, max(0, start - _LONGEST_WRITTEN_WORD), start)
        if before is None:
            break
        start = _word_start(text, before.start() + 1)
    return start


def _fragment_end(text: str, end: int) -> int:
    end = _word_end(text, end)
    while _NUMBER_LAST_RE.search(text, max(0, end - _LONGEST_WRITTEN_WORD), end):
        after = _MAGNITUDE_AFTER_RE.match(text, end)
        if after is None:
            break
        end = _word_end(text, after.end())
    return end


class _WholeWordFragmenter(highlight.ContextFragmenter):
    """Whoosh's context fragments, widened to words as written (see _fragment_start): Whoosh
    cuts at the analyzer's tokens, and "32-thousand" or "32,000" is two of them."""

    def fragment_tokens(self, text: str, tokens: Iterator[Token]) -> Iterator[highlight.Fragment]:
        for fragment in super().fragment_tokens(text, tokens):
            fragment.startchar = _fragment_start(text, fragment.startchar)
            fragment.endchar = _fragment_end(text, fragment.endchar)
            yield fragment


class _MatchFormatter(highlight.Formatter):
    """Wraps matches in <b class="match"> and escapes everything else."""

    between = " … "

    def _text(self, text: str) -> str:
        return html.escape(text)

    def format(self, fragments: list[highlight.Fragment], replace: bool = False) -> str:
        # Widened fragments may meet: one passage, not "32-thousand … thousand American".
        joined: list[highlight.Fragment] = []
        for fragment in sorted(fragments, key=lambda f: f.startchar):
            last = joined[-1] if joined else None
            if last is not None and not fragment.text[last.endchar : fragment.startchar].strip():
                last.endchar = max(last.endchar, fragment.endchar)
                last.matches = [*last.matches, *fragment.matches]
            else:
                joined.append(fragment)
        return super().format(joined, replace=replace)

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
        fragmenter = _WholeWordFragmenter(maxchars=_SNIPPET_CHARS, surround=60)
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

    def work(searcher: Searcher) -> list[str]:
        _expand_once(index, searcher, q)
        return sorted(_highlight_terms(q, searcher.reader()))

    return _read(index, work)


_FACET_SLICE = 2000  # documents' facet strings counted per C call


def _count_facets(values: list[str], limit: int) -> dict[str, list[tuple[str, int]]]:
    # One column string per hit, all facet values in it with a one-letter prefix: joining
    # and splitting is far faster than walking the hits' stored fields. In slices: one join,
    # split and count over a large library is a single C call of 100 ms or more that holds the
    # GIL, and the window's GUI thread would wait that long.
    counts: Counter[str] = Counter()
    for start in range(0, len(values), _FACET_SLICE):
        chunk = values[start : start + _FACET_SLICE]
        counts.update(FACET_SEP.join(v for v in chunk if v).split(FACET_SEP))
    counts.pop("", None)
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


def _whole_column(reader: IndexReader, name: str, translate: bool = True) -> list:
    # Per segment, not through MultiReader.column_reader: that one drops the segments that
    # lack the column (no document there had a value) and then maps docnums to the wrong one.
    every: list = []
    for leaf, _ in reader.leaf_readers():
        every.extend(leaf.column_reader(name, translate=translate))
    return every


def _column_values(
    reader: IndexReader, name: str, docnums: list[int], translate: bool = True
) -> list:
    if len(docnums) > reader.doc_count_all() // 8:
        # Many hits: reading whole columns in one pass beats random access.
        every = _whole_column(reader, name, translate)
        return [every[d] for d in docnums]
    leaves = reader.leaf_readers()
    offsets = [offset for _, offset in leaves]
    cols = [leaf.column_reader(name, translate=translate) for leaf, _ in leaves]
    out = []
    for d in docnums:
        i = bisect_right(offsets, d) - 1
        out.append(cols[i][d - offsets[i]])
    return out


class _DerivedCache(Generic[_V]):
    """Values computed from one commit of one index (the date order, hit summaries), dropped
    when the index changes. Whoosh numbers commits (generations); a new searcher on the same
    commit finds what an earlier one computed."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._lock = threading.Lock()
        self._entries: dict[tuple, _V] = {}

    def get(self, key: tuple, make: Callable[[], _V]) -> _V:
        with self._lock:
            if key in self._entries:
                value = self._entries.pop(key)
                self._entries[key] = value  # most recently used last
                return value
        value = make()  # outside the lock: two threads may both compute it, harmlessly
        with self._lock:
            self._entries[key] = value
            while len(self._entries) > self._size:
                del self._entries[next(iter(self._entries))]
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


_DATE_ORDERS: _DerivedCache[list[int]] = _DerivedCache(size=4)
_SUMMARIES: _DerivedCache[HitSummary] = _DerivedCache(size=16)
_EXPANSIONS = _DerivedCache(size=64)


def _commit_key(index: SearchIndex, searcher: Searcher) -> tuple:
    reader = searcher.reader()
    return (str(index.folder), id(index), reader.generation(), reader.doc_count_all())


def _date_order(index: SearchIndex, searcher: Searcher, newest_first: bool) -> list[int]:
    """Every document number, ordered by date (newest or oldest first), undated ones last,
    ties in document order. Computed once per commit: a date-sorted page then walks this
    order and stops after a page of hits, instead of reading and sorting every hit's date."""

    def make() -> list[int]:
        dates = _whole_column(searcher.reader(), "date", translate=False)
        dated = [d for d, value in enumerate(dates) if value < _UNDATED]
        undated = [d for d, value in enumerate(dates) if value >= _UNDATED]
        # sorted() is stable, so equal dates keep document order in both directions.
        sign = -1 if newest_first else 1
        dated.sort(key=lambda d: sign * dates[d])
        return dated + undated

    return _DATE_ORDERS.get((*_commit_key(index, searcher), newest_first), make)


def _hit_set(searcher: Searcher, q: wq.Query, flt: wq.Query | None) -> set[int] | None:
    """The document numbers q matches within flt; None for every document (empty query, no
    filter), which the caller walks without building a set."""
    if isinstance(q, wq.Every) and flt is None:
        return None
    if isinstance(q, wq.Every):
        return set(searcher.docs_for_query(flt))
    hits = _docs(searcher, q)
    if flt is not None and hits:
        hits.intersection_update(searcher.docs_for_query(flt))
    return hits


_VARIANT_KINDS = (_BoundedPrefix, _BoundedWildcard, _BoundedFuzzy)


def _variant_leaves(q: wq.Query) -> list[wq.Query] | None:
    """The leaves when q is only fuzzy or wildcard words (`bank*`, `gold~`: one leaf per field,
    OR'd), else None."""
    leaves = (
        [q] if isinstance(q, _VARIANT_KINDS) else list(q.subqueries) if type(q) is wq.Or else []
    )
    if leaves and all(isinstance(leaf, _VARIANT_KINDS) for leaf in leaves):
        return leaves
    return None


def _bounded_leaves(q: wq.Query) -> list[wq.Query] | None:
    """The leaves when q is only fuzzy or wildcard words that each stand for several indexed
    words, else None.

    Whoosh scores such a leaf without its weighting model: a document scores the sum of the
    frequencies of the leaf's words in it (times the boost). A leaf of one word is scored as
    that word (BM25), so a query with one is left to Whoosh (see _variant_page).
    """
    leaves = _variant_leaves(q)
    if leaves and all(leaf.constantscore and len(leaf.words or ()) > 1 for leaf in leaves):
        return leaves
    return None


def _leaf_weights(searcher: Searcher, leaf: wq.Query) -> dict[int, float]:
    """Each matching document's summed word frequencies: the leaf's Whoosh score over boost.

    Posting lists read whole, without Whoosh's union matcher weighing every document against
    every other word's list: for words that cover most of the library, several times faster.
    """
    weights: dict[int, float] = {}
    get = weights.get
    for segment, offset in searcher.reader().leaf_readers():
        for btext in leaf.words or ():
            if (leaf.fieldname, btext) not in segment:
                continue
            m = segment.postings(leaf.fieldname, btext)
            while m.is_active():
                docnum = m.id() + offset
                weights[docnum] = get(docnum, 0.0) + m.weight()
                m.next()
    return weights


def _docs(searcher: Searcher, q: wq.Query) -> set[int]:
    leaves = _bounded_leaves(q)
    if leaves is None:
        return set(searcher.docs_for_query(q))
    docs: set[int] = set()
    for leaf in leaves:
        docs.update(_leaf_weights(searcher, leaf))
    return docs


def _constant_page(
    searcher: Searcher, leaves: list[wq.Query], flt: wq.Query | None, first: int, count: int | None
) -> tuple[list[tuple[int, float]], int]:
    """The relevance order of a query of fuzzy or wildcard words (see _bounded_leaves): Whoosh's
    scores computed from whole posting lists, ranked by _exact_first."""
    scores: dict[int, float] = {}
    for leaf in leaves:
        boost = float(leaf.boost)
        for docnum, weight in _leaf_weights(searcher, leaf).items():
            scores[docnum] = scores.get(docnum, 0.0) + weight * boost
    if flt is not None:
        allowed = set(searcher.docs_for_query(flt))
        scores = {d: v for d, v in scores.items() if d in allowed}
    return _exact_first(searcher, leaves, scores, first, count), len(scores)


def _variant_page(
    searcher: Searcher,
    q: wq.Query,
    leaves: list[wq.Query],
    flt: wq.Query | None,
    first: int,
    count: int | None,
) -> tuple[list[tuple[int, float]], int]:
    """As _constant_page, for fuzzy or wildcard words Whoosh scores itself (a field where the
    word has no variant): every hit is scored, since an exact one may score lowest."""
    scores = dict(_relevance_page(searcher, q, flt, 0, None)[0])
    return _exact_first(searcher, leaves, scores, first, count), len(scores)


def _exact_first(
    searcher: Searcher,
    leaves: list[wq.Query],
    scores: dict[int, float],
    first: int,
    count: int | None,
) -> list[tuple[int, float]]:
    """count hits from the first'th (all when None): the articles with a word as typed first
    (`gold` for `gold~` or `gold*`), then by score, ties in document order (Whoosh's order).

    Whoosh scores "cold" as it scores "gold", so the exact word could sink below pages of its
    variants. An exact article's score is raised above every other's, so the scores shown
    fall as the list goes down.
    """
    exact: set[int] = set()
    for leaf in leaves:
        exact.update(_exact_docs(searcher, leaf))
    ranked = list(scores.items())
    key = lambda pair: (pair[0] not in exact, -pair[1], pair[0])  # noqa: E731
    if count is None:
        ranked.sort(key=key)
    else:
        ranked = nsmallest(first + count, ranked, key=key)
    top = max(scores.values(), default=0.0)
    return [(d, score + top if d in exact else score) for d, score in ranked[first:]]


def _exact_docs(searcher: Searcher, leaf: wq.Query) -> Iterator[int]:
    """The documents that hold leaf's word as typed (none for a pattern such as `wo?d`)."""
    btext = leaf.text.encode("utf-8")
    for segment, offset in searcher.reader().leaf_readers():
        if (leaf.fieldname, btext) in segment:
            for docnum in segment.postings(leaf.fieldname, btext).all_ids():
                yield docnum + offset


def _live(searcher: Searcher) -> Callable[[int], bool]:
    reader = searcher.reader()
    if not reader.has_deletions():
        return lambda _docnum: True
    return lambda docnum: not reader.is_deleted(docnum)


def _date_page(
    index: SearchIndex,
    searcher: Searcher,
    q: wq.Query,
    flt: wq.Query | None,
    sort: str,
    first: int,
    count: int | None,
) -> tuple[list[tuple[int, float]], int]:
    """count hits from the first'th in date order (all of them when count is None), and the
    total number of hits."""
    hits = _hit_set(searcher, q, flt)
    order = _date_order(index, searcher, newest_first=sort == "date")
    wanted = (lambda d: d in hits) if hits is not None else _live(searcher)
    stop = None if count is None else first + count
    page: list[tuple[int, float]] = []
    seen = 0
    for docnum in order:
        if not wanted(docnum):
            continue
        if seen >= first:
            page.append((docnum, 0.0))
        seen += 1
        if stop is not None and seen >= stop:
            break
    total = len(hits) if hits is not None else searcher.reader().doc_count()
    return page, total


def _relevance_page(
    searcher: Searcher, q: wq.Query, flt: wq.Query | None, first: int, count: int | None
) -> tuple[list[tuple[int, float]], int | None]:
    """count hits from the first'th by score (all when count is None), and the total when
    Whoosh knew it without a second pass (it skips blocks of low scores once the page is full,
    so it cannot count them), else None."""
    limit = None if count is None else first + count
    results = searcher.search(q, filter=flt, limit=limit)
    pairs = [(docnum, float(score or 0.0)) for score, docnum in results.top_n]
    total: int | None = None
    if limit is None or len(pairs) < limit:
        total = len(pairs)  # the page never filled, so nothing was skipped: every hit is here
    elif results.has_exact_length():
        total = len(results)
    return pairs[first:], total


def _count(searcher: Searcher, q: wq.Query, flt: wq.Query | None) -> int:
    return len(searcher.search(q, filter=flt, limit=1, scored=False))


def _as_written(
    searcher: Searcher, word: str, text_for: Callable[[list[int]], dict[int, str]] | None
) -> str:
    """word (lowercase, as indexed) in the casing the library's articles give it most often:
    "stoltenberg" is offered as "Stoltenberg", "wheat" stays "wheat". Bodies first (wire
    titles are often in capitals), then titles."""
    found = searcher.search(wq.Or([wq.Term("body", word), wq.Term("title", word)]), limit=5)
    docnums = [docnum for _, docnum in found.top_n]
    stored = [searcher.reader().stored_fields(d) for d in docnums]
    ids = [int(fields["id"]) for fields in stored]
    texts = list((text_for(ids) if text_for and ids else {}).values())
    pattern = re.compile(rf"(?<![\w'’.]){re.escape(word)}(?![\w'’])", re.IGNORECASE)
    for group in (texts, [fields.get("title", "") for fields in stored]):
        # A sentence's first word is capitalised whatever it is, so it does not count.
        forms = Counter(
            m.group()
            for text in group
            for m in pattern.finditer(text)
            if not _SENTENCE_START_RE.search(text, max(0, m.start() - 12), m.start())
        )
        if forms:
            # The most common form; on a tie the lowercase one.
            return max(forms.items(), key=lambda kv: (kv[1], kv[0] == word))[0]
    return word


_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:]\s+|\n\s*)\W*$")


def _suggest(
    index: SearchIndex,
    searcher: Searcher,
    text: str,
    flt: wq.Query | None,
    total: int,
    text_for: Callable[[list[int]], dict[int, str]] | None = None,
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
                return _cased(searcher, text, suggestion, text_for)
        except QueryError:
            continue
    return None


def _cased(
    searcher: Searcher,
    typed: str,
    suggestion: str,
    text_for: Callable[[list[int]], dict[int, str]] | None,
) -> str:
    """The suggestion with each corrected word as the articles write it."""
    typed_words = {w.casefold() for w in _WORD_RE.findall(typed)}

    def recase(m: re.Match) -> str:
        word = m.group()
        if word.casefold() in typed_words or word in ("AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"):
            return word
        try:
            return _as_written(searcher, word.lower(), text_for)
        except Exception:  # the casing is a nicety; the lowercase word is still right
            log.debug("no casing for %r", word, exc_info=True)
            return word

    # A field name ("title:") matches the pattern's first branch and stays as it is.
    return _WORD_RE.sub(lambda m: m.group() if m.group().endswith(":") else recase(m), suggestion)


_WORD_RE = re.compile(r"[A-Za-z_]\w*:|\w+(?:[.'’]\w+)*")


def _checked(sort: str, page: int, page_size: int) -> tuple[str, int, int]:
    if sort not in SORTS:
        raise QueryError(f"Unknown sort '{sort}'; use one of {', '.join(SORTS)}.")
    return sort, max(1, int(page)), max(1, int(page_size))


_RACED_COMMIT_RETRIES = 3


def _read(index: SearchIndex, work: Callable[[Searcher], _T]) -> _T:
    """work(searcher) on this thread's searcher; read errors become IndexDamaged, and odd
    queries QueryError.

    A commit during the work may have merged away segments whose files the searcher had not
    opened yet; Whoosh reads a missing file as empty, so such a result cannot be trusted and
    the work runs again on the new commit. Whoosh deletes files only after writing the new
    table of contents, so a searcher still current at the end read a whole commit.
    """
    for attempt in range(_RACED_COMMIT_RETRIES + 1):
        searcher = index.current_searcher()
        last = attempt == _RACED_COMMIT_RETRIES
        try:
            value = work(searcher)
        except QueryError:
            raise
        except Exception as exc:
            if not last and not _current(searcher):
                continue  # raced a commit: again, on the new one
            if isinstance(exc, (OSError, EOFError)):
                index.forget_searcher()
                raise IndexDamaged(f"The search index cannot be read ({exc}); rebuild it.") from exc
            # Whoosh raises assorted errors for odd but parseable queries.
            log.info("query could not be run", exc_info=True)
            raise QueryError(f"The query could not be run: {exc}") from exc
        if last or _current(searcher):
            return value
    raise AssertionError("unreachable")


def _current(searcher: Searcher) -> bool:
    try:
        return searcher.up_to_date()
    except Exception:  # the index folder is gone or unreadable: not current
        return False


def summarize(
    index: SearchIndex,
    query: str,
    *,
    since: str | None = None,
    until: str | None = None,
    filters: dict[str, list[str]] | None = None,
    facet_limit: int = 10,
    text_for: Callable[[list[int]], dict[int, str]] | None = None,
) -> HitSummary:
    """The number of hits, the facets over all of them, their ids and, with fewer than three,
    a "did you mean": what a window may show a moment after the page (search(...,
    facets=False)). Raises QueryError like search()."""
    text = query.strip()
    q = parse_query(index, text)
    flt = _filter_query(index, since, until, filters)

    def work(searcher: Searcher) -> HitSummary:
        _expand_once(index, searcher, q)
        key = (*_commit_key(index, searcher), text, repr(flt), facet_limit)

        def make() -> HitSummary:
            summary = _summary(searcher, q, flt, facet_limit)
            if text and summary.total < 3:
                summary.suggestion = _suggest(index, searcher, text, flt, summary.total, text_for)
            return summary

        return _SUMMARIES.get(key, make)

    return _read(index, work)


def _summary(searcher: Searcher, q: wq.Query, flt: wq.Query | None, facet_limit: int) -> HitSummary:
    reader = searcher.reader()
    hits = _hit_set(searcher, q, flt)
    if hits is None:
        live = _live(searcher)
        docnums = [d for d in range(reader.doc_count_all()) if live(d)]
    else:
        docnums = sorted(hits)
    ids = [int(i) for i in _column_values(reader, "id", docnums)]
    facets = _count_facets(_column_values(reader, "facets", docnums), facet_limit)
    return HitSummary(total=len(docnums), facets=facets, all_ids=ids)


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
    facets: bool = True,
) -> SearchResult:
    """Run query against index and return one page of hits with facets over all hits.

    An empty query lists every article, newest first unless sort says otherwise. With
    facets=False only the page is computed: facets stay None, all_ids empty, and total is
    None when counting would cost a second pass (summarize() gives them). Raises QueryError
    for a query, filter or date that cannot be understood.
    """
    started = time.perf_counter()
    sort, page, page_size = _checked(sort, page, page_size)
    text = query.strip()
    q = parse_query(index, text)
    if not text and sort == "relevance":
        sort = "date"
    flt = _filter_query(index, since, until, filters)
    first = (page - 1) * page_size

    def work(searcher: Searcher) -> tuple:
        reader = searcher.reader()
        _expand_once(index, searcher, q)
        # Every hit in order only when all ids are asked for (facets=True); otherwise the page
        # and one more hit, which says whether a next page exists.
        count: int | None
        total: int | None  # None: not counted on a page searched with facets=False
        start, count = (0, None) if facets else (first, page_size + 1)
        leaves = _bounded_leaves(q)
        variants = _variant_leaves(q)
        if sort == "relevance" and leaves is not None:
            ordered, total = _constant_page(searcher, leaves, flt, start, count)
        elif sort == "relevance" and variants is not None:
            ordered, total = _variant_page(searcher, q, variants, flt, start, count)
        elif sort == "relevance":
            ordered, total = _relevance_page(searcher, q, flt, start, count)
        else:
            ordered, total = _date_page(index, searcher, q, flt, sort, start, count)
        every_docnum = [d for d, _ in ordered] if facets else []
        if facets:
            ordered = ordered[first:]
        more = len(ordered) > page_size
        page_items = ordered[:page_size]
        stored = [reader.stored_fields(docnum) for docnum, _ in page_items]
        page_ids = [int(fields["id"]) for fields in stored]
        bodies = text_for(page_ids) if text_for and page_ids else {}
        terms = _highlight_terms(q, reader) if text else frozenset()
        hits = []
        for (_docnum, score), fields, doc_id in zip(page_items, stored, page_ids, strict=True):
            date = fields.get("date")
            hits.append(
                Hit(
                    id=doc_id,
                    title=fields.get("title", ""),
                    date=date.strftime("%Y-%m-%d") if date else None,
                    source=fields.get("source"),
                    score=score,
                    snippet=_snippet(bodies.get(doc_id, ""), terms),
                )
            )
        all_ids: list[int] = []
        facet_counts = None
        if facets:
            all_ids = [int(i) for i in _column_values(reader, "id", every_docnum)]
            summary = summarize(
                index,
                text,
                since=since,
                until=until,
                filters=filters,
                facet_limit=facet_limit,
                text_for=text_for,
            )
            facet_counts, total, suggestion = summary.facets, summary.total, summary.suggestion
            more = first + page_size < total
        else:
            suggestion = None
        return total, hits, facet_counts, suggestion, all_ids, more

    total, hits, facet_counts, suggestion, all_ids, more = _read(index, work)
    return SearchResult(
        query=query,
        total=total,
        hits=hits,
        page=page,
        page_size=page_size,
        facets=facet_counts,
        suggestion=suggestion,
        elapsed=time.perf_counter() - started,
        all_ids=all_ids,
        more=more,
    )
