""" "Did you mean": a query with a misspelt word replaced by the nearest word the index holds."""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Callable

from whoosh import query as wq
from whoosh.searching import Searcher

from briefing_app.core.index.whoosh_index import SearchIndex
from briefing_app.core.query.ranking import count_hits
from briefing_app.core.query.results import QueryError
from briefing_app.core.query.syntax import make_parser, parse_query, prepare

log = logging.getLogger(__name__)


_LONGEST_SUGGESTED_WORD = 40


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


def did_you_mean(
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
        text = prepare(text)
        simple = make_parser(index, ("body",)).parse(text)
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
            if count_hits(searcher, parse_query(index, suggestion), flt) > total:
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
