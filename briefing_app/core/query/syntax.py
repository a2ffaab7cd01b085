"""The query language: checking what the user typed, and parsing it and the filters into a Whoosh query."""

from __future__ import annotations

import re
from datetime import datetime

from whoosh import qparser
from whoosh import query as wq

from briefing_app.core.index.schema import ENTITY_FIELDS
from briefing_app.core.index.whoosh_index import SearchIndex
from briefing_app.core.query.expansion import Inflections, bounded_query
from briefing_app.core.query.results import QueryError

SORTS = ("relevance", "date", "date_asc")


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


_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


TOKEN_RE = re.compile(
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

RANGE_BODY_RE = re.compile(r"^\s*(?P<start>\S+?)?\s*\bto\b\s*(?P<end>\S+)?\s*$", re.IGNORECASE)


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


def prepare(text: str) -> str:
    """Check the query for mistakes Whoosh would hide and return it ready for the parser."""
    tokens = [
        (m.lastgroup, m.group(), m.group("fname"), m.start()) for m in TOKEN_RE.finditer(text)
    ]
    out: list[str] = []
    significant: list[tuple[str, str]] = []  # (kind, text) without whitespace
    depth = 0
    i = 0
    while i < len(tokens):
        kind, tok, fname, offset = tokens[i]
        assert kind is not None  # every alternative of TOKEN_RE is a named group
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
                m = RANGE_BODY_RE.match(inner)
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


def _term_class(fieldname: str, text: str, boost: float = 1.0) -> wq.Query:
    if fieldname in ("title", "body"):
        return Inflections(fieldname, text, boost=boost)
    return wq.Term(fieldname, text, boost=boost)


class _WildcardRuns(qparser.WildcardPlugin):
    """Whoosh's wildcards, with a run of them (`a??b`, `?*quix`) one mark: Whoosh's own
    plugin glues a word only to the mark beside it, so `a??b` became `a??` AND `b`."""

    expr = f"(?P<text>[*{qparser.WildcardPlugin.qmarks}]+)"


def make_parser(
    index: SearchIndex, fields: tuple[str, ...] = ("title", "body")
) -> qparser.QueryParser:
    parser = qparser.MultifieldParser(list(fields), index.schema, termclass=_term_class)
    # Apostrophes belong to words here ("Russia's", "O'Brien"), not to 'quoted phrases'.
    parser.remove_plugin_class(qparser.SingleQuotePlugin)
    parser.remove_plugin_class(qparser.WildcardPlugin)
    parser.add_plugin(_WildcardRuns())
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
    prepared = prepare(text)
    try:
        q = make_parser(index).parse(prepared)
    except Exception as exc:  # the parser has many ways to fail on odd input
        raise QueryError(f"Could not understand the query: {exc}") from exc
    errors = _errors(q)
    if errors:
        raise QueryError(f"Could not understand the query: {errors[0]}")
    if q is wq.NullQuery:
        raise QueryError("The query has no words to search for.")
    return q.accept(bounded_query)


def date_bound(value: str, what: str) -> str:
    if not _date_ok(value.strip()):
        raise QueryError(f"'{value}' is not a {what} date; write YYYY, YYYY-MM or YYYY-MM-DD.")
    return value.strip()


def filter_query(
    index: SearchIndex,
    since: str | None,
    until: str | None,
    filters: dict[str, list[str]] | None,
) -> wq.Query | None:
    parts: list[wq.Query] = []
    if since or until:
        start = date_bound(since, "start") if since else None
        end = date_bound(until, "end") if until else None
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
