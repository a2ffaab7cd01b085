"""Words that stand for many (prefix*, wild?card, fuzzy~, inflections), expanded to the most used few."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from heapq import nlargest

from whoosh import query as wq
from whoosh.lang import porter
from whoosh.reading import IndexReader
from whoosh.searching import Searcher
from whoosh.support.levenshtein import distance

from briefing_app.core.index.whoosh_index import SearchIndex
from briefing_app.core.query.caches import EXPANSIONS, commit_key


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
    each segment's word list; expand_once() sets `words` from the whole index first (and keeps
    them for the commit), so each segment only looks the chosen words up.
    """

    words: tuple[bytes, ...] | None = None

    def _btexts(self, ixreader: IndexReader) -> Iterator[bytes] | tuple[bytes, ...]:
        if self.words is not None:
            return self.words
        return iter(self._expand(ixreader))

    def _expand(self, ixreader: IndexReader) -> list[bytes]:
        raise NotImplementedError


class BoundedPrefix(_Bounded, wq.Prefix):
    """`word*`: the MAX_EXPANSION most used indexed words that start with word."""

    def _expand(self, ixreader: IndexReader) -> list[bytes]:
        return _most_used_with_prefix(ixreader, self.fieldname, self.text)


class BoundedWildcard(_Bounded, wq.Wildcard):
    """`wo?d*s`: the MAX_EXPANSION most used indexed words that fit the pattern."""

    def _expand(self, ixreader: IndexReader) -> list[bytes]:
        return _most_used(ixreader, self.fieldname, wq.Wildcard._btexts(self, ixreader))


class BoundedFuzzy(_Bounded, wq.FuzzyTerm):
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


class Inflections(_Bounded, wq.Variations):
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


def expand_once(index: SearchIndex, searcher: Searcher, q: wq.Query) -> None:
    """Fix the words of every bounded leaf of q from the whole index (see _Bounded)."""
    commit = commit_key(index, searcher)
    for leaf in q.leaves() if not q.is_leaf() else [q]:
        if isinstance(leaf, _Bounded):
            key = (*commit, repr(leaf))

            def expand(leaf: _Bounded = leaf) -> tuple[bytes, ...]:
                return tuple(leaf._expand(searcher.reader()))

            leaf.words = EXPANSIONS.get(key, expand)


def bounded_query(node: wq.Query) -> wq.Query:
    # type() rather than isinstance: only Whoosh's own classes are replaced (Inflections
    # already expands only to a word's inflections).
    kind = type(node)
    if kind is wq.FuzzyTerm:
        return BoundedFuzzy(
            node.fieldname,
            node.text,
            boost=node.boost,
            maxdist=node.maxdist,
            prefixlength=node.prefixlength,
            constantscore=node.constantscore,
        )
    if kind is wq.Prefix:
        return BoundedPrefix(
            node.fieldname, node.text, boost=node.boost, constantscore=node.constantscore
        )
    if kind is wq.Wildcard:
        return BoundedWildcard(
            node.fieldname, node.text, boost=node.boost, constantscore=node.constantscore
        )
    return node
