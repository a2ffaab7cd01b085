"""The program's query language translated to PostgreSQL: `tsquery` for words, SQL for the rest.

The query is first checked by the same code the local library uses (`query.syntax.prepare`), so a
mistake gets the same readable message on either engine. What is left is parsed here into a tree
(OR below AND below NOT) and compiled: a part that is words only becomes one `tsquery` over the
weighted title-and-body vector (title: weight A, body: weight B); fields, entities, dates, years
and reading state become SQL conditions. Every value travels as a parameter; words are quoted
as `tsquery` lexemes, so no input can change the SQL or the `tsquery`'s structure.

A wildcard at the end of a word (`ukrain*`) is the server's own prefix match. Anywhere else
(`*ation`, `un*ed`, `wom?n`) the server has nothing of its own: the tsvector holds stems, and a
stem does not say which words were written. So the pattern is looked up, as a LIKE pattern with
the user's own `%`, `_` and backslash escaped, in the lexicon of written words, and becomes an OR
of the most used words it fits, as the local index does with its word list. The short `source:`
and `dateline:` columns have no lexicon; there the same pattern is tried on the column's words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from briefing_app.core.index.schema import ENTITY_FIELDS
from briefing_app.core.query.results import QueryError
from briefing_app.core.query.syntax import (
    FILTER_FIELDS,
    RANGE_BODY_RE,
    TOKEN_RE,
    date_bound,
    prepare,
)

# Fields whose words are searched in the weighted title-and-body vector, by weight.
_WEIGHTS = {None: "", "title": "A", "body": "B"}
_WORDS_COLUMNS = {"source": "a.shown_source", "dateline": "a.dateline"}
_FUZZY_RE = re.compile(r"^(?P<word>[^~]+)~(?P<edits>\d?)$")
_OPERATORS = ("AND", "OR", "NOT", "ANDNOT", "ANDMAYBE")

# word -> the indexed words within so many edits of it (most used first), from the lexicon
Expander = Callable[[str, int], list[str]]
# LIKE pattern -> the indexed words it fits (the most used, at most MAX_EXPANSION), from the lexicon
Fitter = Callable[[str], list[str]]


@dataclass
class Sql:
    """A condition on the articles row `a`, with its parameters in order."""

    text: str
    params: list[object] = field(default_factory=list)


@dataclass
class Translation:
    where: Sql  # the hits' condition
    rank: str | None  # a tsquery of every word the hits are ranked and highlighted by


@dataclass
class _Node:
    kind: str  # "and" | "or" | "not" | "word" | "phrase" | "range"
    children: list[_Node] = field(default_factory=list)
    text: str = ""
    field: str | None = None


def lexeme(word: str) -> str:
    """`word` as one quoted tsquery operand: quotes and backslashes cannot break out of it."""
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def like_pattern(word: str) -> str:
    """A wildcard word as a LIKE pattern (`*` any letters, `?` one): LIKE's own `%`, `_` and
    `\\` in what the user typed stand for themselves."""
    escaped = re.sub(r"([\\%_])", r"\\\1", re.sub(r"\*+", "*", word.lower()))
    return escaped.replace("*", "%").replace("?", "_")


def translate(text: str, expand: Expander | None = None, fit: Fitter | None = None) -> Translation:
    """The SQL condition and ranking tsquery for a query; raises QueryError for a bad query."""
    # PostgreSQL refuses NUL in any text; pasted binary junk is a space like any other.
    text = text.replace("\x00", " ").strip()
    if not text:
        return Translation(Sql("TRUE"), None)
    prepared = prepare(text)
    tokens = [
        (m.lastgroup or "", m.group(), (m.group("fname") or "").lower())
        for m in TOKEN_RE.finditer(prepared)
        if m.lastgroup != "ws"
    ]
    parser = _Parser(tokens)
    tree = parser.parse()
    if tree is None:
        raise QueryError("The query has no words to search for.")
    compiler = _Compiler(expand, fit)
    compiled = compiler.compile(tree)
    return Translation(_as_sql(compiled), " | ".join(compiler.positive) or None)


class _Parser:
    def __init__(self, tokens: list[tuple[str, str, str]]) -> None:
        self.tokens = tokens
        self.i = 0

    def _peek(self) -> tuple[str, str, str] | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def _is_op(self, name: str) -> bool:
        tok = self._peek()
        return tok is not None and tok[0] == "word" and tok[1] == name

    def parse(self) -> _Node | None:
        node = self._or(None)
        if self._peek() is not None:  # prepare balances brackets; this is a safety net
            raise QueryError(f"Could not understand the query near '{self._peek()[1]}'.")  # type: ignore[index]
        return node

    def _or(self, fname: str | None) -> _Node | None:
        parts = [self._and(fname)]
        while self._is_op("OR"):
            self.i += 1
            parts.append(self._and(fname))
        kept = [p for p in parts if p is not None]
        if not kept:
            return None
        return kept[0] if len(kept) == 1 else _Node("or", kept)

    def _and(self, fname: str | None) -> _Node | None:
        parts: list[_Node] = []
        while True:
            tok = self._peek()
            if tok is None or tok[0] == "close" or self._is_op("OR"):
                break
            if self._is_op("AND"):
                self.i += 1
                continue
            if self._is_op("ANDNOT"):
                self.i += 1
                right = self._unary(fname)
                if right is not None:
                    parts.append(_Node("not", [right]))
                continue
            if self._is_op("ANDMAYBE"):
                # "a ANDMAYBE b": b only ranks, it never narrows the hits.
                self.i += 1
                self._unary(fname)
                continue
            node = self._unary(fname)
            if node is not None:
                parts.append(node)
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else _Node("and", parts)

    def _unary(self, fname: str | None) -> _Node | None:
        if self._is_op("NOT"):
            self.i += 1
            inner = self._unary(fname)
            return _Node("not", [inner]) if inner is not None else None
        return self._atom(fname)

    def _atom(self, fname: str | None) -> _Node | None:
        tok = self._peek()
        assert tok is not None
        kind, text, name = tok
        self.i += 1
        if kind == "open":
            inner = self._or(fname)
            if self._peek() is not None and self._peek()[0] == "close":  # type: ignore[index]
                self.i += 1
            return inner
        if kind == "field":
            return self._atom(name)
        if kind == "phrase":
            return _Node("phrase", text=text[1:-1], field=fname)
        if kind == "range":
            return _Node("range", text=text, field=fname)
        return _Node("word", text=text, field=fname)


class _Compiler:
    def __init__(self, expand: Expander | None, fit: Fitter | None = None) -> None:
        self.expand = expand
        self.fit = fit
        self.positive: list[str] = []  # tsqueries of the words not under a NOT

    def compile(self, node: _Node, negated: bool = False) -> str | Sql:
        """A tsquery string (words only) or an SQL condition."""
        if node.kind in ("and", "or"):
            parts = [self.compile(c, negated) for c in node.children]
            if all(isinstance(p, str) for p in parts):
                glue = " & " if node.kind == "and" else " | "
                return "(" + glue.join(str(p) for p in parts) + ")"
            sqls = [_as_sql(p) for p in parts]
            glue = " AND " if node.kind == "and" else " OR "
            return Sql(
                "(" + glue.join(s.text for s in sqls) + ")",
                [v for s in sqls for v in s.params],
            )
        if node.kind == "not":
            inner = self.compile(node.children[0], not negated)
            if isinstance(inner, str):
                return f"!{inner}"
            return Sql(f"NOT {inner.text}", inner.params)
        compiled = self._leaf(node)
        if isinstance(compiled, str) and not negated:
            self.positive.append(compiled)
        return compiled

    def _leaf(self, node: _Node) -> str | Sql:
        name = node.field
        value = re.sub(r"\^[\d.]*$", "", node.text)  # a boost ranks; it does not match
        if not value.strip():
            return Sql("TRUE")  # a lone boost mark ("^"): nothing to look for, nothing refused
        if name in _WEIGHTS:
            return self._words(node.kind, value, _WEIGHTS[name])
        if name in _WORDS_COLUMNS:
            column = _WORDS_COLUMNS[name]
            if node.kind == "word" and _is_pattern(value):
                # A LIKE, not a regular expression: no pattern is too long or complex for it.
                return Sql(
                    f"EXISTS (SELECT 1 FROM regexp_split_to_table(lower(coalesce({column}, '')),"
                    " '\\W+') AS w WHERE w LIKE %s)",
                    [like_pattern(value)],
                )
            query = self._words(node.kind, value, "")
            if isinstance(query, Sql):
                return query
            return Sql(
                f"(to_tsvector('briefing', coalesce({column}, '')) @@ to_tsquery('briefing', %s))",
                [query],
            )
        if name in ENTITY_FIELDS:
            return _entity(ENTITY_FIELDS[name], value)
        if name == "date":
            if node.kind == "range":
                start, end = _range(node.text)
                return _date_range(start, end)
            return Sql("(left(a.shown_date, %s) = %s)", [len(value.strip()), value.strip()])
        if name == "year":
            if node.kind == "range":
                start, end = _range(node.text)
                return Sql(
                    "(a.year BETWEEN %s AND %s)",
                    [int(start) if start else 0, int(end) if end else 9999],
                )
            return Sql("(a.year = %s)", [int(value)])
        if name in ("read", "starred"):
            return _flag(name, value.lower() in ("true", "yes"))
        raise QueryError(f"Unknown field '{name}:'.")  # prepare has refused it already

    def _words(self, kind: str, value: str, weight: str) -> str | Sql:
        if kind == "range":
            raise QueryError(f"'{value}': a range needs date: or year: before it.")
        if kind == "phrase":
            words = value.split()
            if not words:
                raise QueryError('An empty phrase "" has nothing to search for.')
            return (
                "("
                + " <-> ".join(lexeme(w) + (":" + weight if weight else "") for w in words)
                + ")"
            )
        fuzzy = _FUZZY_RE.match(value)
        if fuzzy:
            word = fuzzy.group("word")
            edits = int(fuzzy.group("edits") or 1)
            near = self.expand(word.lower(), edits) if self.expand else []
            alternatives = dict.fromkeys([word.lower(), *near])
            marked = ":" + weight if weight else ""
            return "(" + " | ".join(lexeme(w) + marked for w in alternatives) + ")"
        if _is_pattern(value):
            return self._pattern(value, weight)
        return lexeme(value) + (":" + weight if weight else "")

    def _pattern(self, value: str, weight: str) -> str | Sql:
        stem = value.rstrip("*")
        if not stem:
            return Sql("TRUE")  # `*` alone: any word at all, as locally
        if not _is_pattern(stem):
            return f"{lexeme(stem)}:*{weight}"
        words = self.fit(like_pattern(value)) if self.fit else []
        if not words:
            return Sql("FALSE")  # no word fits: like a word no article holds
        marked = ":" + weight if weight else ""
        return "(" + " | ".join(lexeme(w) + marked for w in words) + ")"


def _is_pattern(word: str) -> bool:
    return "*" in word or "?" in word


def _as_sql(part: str | Sql) -> Sql:
    if isinstance(part, Sql):
        return part
    return Sql("(a.tsv @@ to_tsquery('briefing', %s))", [part])


def _range(text: str) -> tuple[str | None, str | None]:
    m = RANGE_BODY_RE.match(text[1:-1])
    assert m is not None  # prepare checked the range's shape
    return m.group("start"), m.group("end")


def _date_range(start: str | None, end: str | None) -> Sql:
    # Dates are text YYYY[-MM[-DD]]: "to 2016" runs to the end of 2016, as locally.
    parts: list[str] = []
    params: list[object] = []
    if start:
        parts.append("a.shown_date >= %s")
        params.append(start)
    if end:
        parts.append("left(a.shown_date, %s) <= %s")
        params += [len(end), end]
    return Sql("(" + " AND ".join(parts) + ")", list(params))


def _entity(facet: str, value: str) -> Sql:
    clean = " ".join(value.replace(",", " ").split()).lower()
    if clean.endswith("*"):
        pattern = re.sub(r"([\\%_])", r"\\\1", clean.rstrip("*")) + "%"
        test = "lower(f.value) LIKE %s"
        clean = pattern
    else:
        test = "lower(f.value) = %s"
    return Sql(
        "EXISTS (SELECT 1 FROM article_facets f WHERE f.article_id = a.id"
        f" AND f.facet = %s AND {test})",
        [facet, clean],
    )


def _flag(name: str, wanted: bool) -> Sql:
    column = "read" if name == "read" else "starred"
    test = (
        "EXISTS (SELECT 1 FROM reading_state r WHERE r.article_id = a.id"
        f" AND r.user_name = current_user AND r.{column})"
    )
    return Sql(f"({test})" if wanted else f"(NOT {test})")


def filters_sql(since: str | None, until: str | None, filters: dict[str, list[str]] | None) -> Sql:
    """The condition for the window's date bounds and facet filters (same errors as locally)."""
    parts: list[Sql] = []
    if since or until:
        parts.append(
            _date_range(
                date_bound(since, "start") if since else None,
                date_bound(until, "end") if until else None,
            )
        )
    for name, values in (filters or {}).items():
        if name not in FILTER_FIELDS:
            raise QueryError(f"Cannot filter on '{name}'. Filters are: {', '.join(FILTER_FIELDS)}.")
        for raw in values:
            value = str(raw).replace("\x00", " ")
            clean = " ".join(value.replace(",", " ").split()).lower()
            if name == "source":
                parts.append(Sql("(lower(a.shown_source) = %s)", [clean]))
            elif name in ENTITY_FIELDS:
                parts.append(_entity(ENTITY_FIELDS[name], clean.rstrip("*")))
            elif name in ("read", "starred"):
                if clean not in ("true", "false", "yes", "no", "1", "0"):
                    raise QueryError(f"The {name} filter takes true or false, not '{value}'.")
                parts.append(_flag(name, clean in ("true", "yes", "1")))
            elif name == "year":
                if not clean.isdigit():
                    raise QueryError(f"'{value}' is not a year.")
                parts.append(Sql("(a.year = %s)", [int(clean)]))
            else:
                words = value.split()
                if not words:
                    raise QueryError(f"'{value}' is not a dateline.")
                parts.append(
                    Sql(
                        "(to_tsvector('briefing', coalesce(a.dateline, ''))"
                        " @@ to_tsquery('briefing', %s))",
                        [" <-> ".join(lexeme(w) for w in words)],
                    )
                )
    if not parts:
        return Sql("TRUE")
    return Sql(" AND ".join(p.text for p in parts), [v for p in parts for v in p.params])
