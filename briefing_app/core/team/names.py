"""The facet names a unit of work changes, written to the team library once, as it commits.

Each article carries its names (the people, places, countries and organisations extraction found,
and its shown source and year) as rows of `article_names` pointing at `facet_names`; the server
keeps each name's library-wide count in step (schema.py, version 2). A batch of 500 articles
writes its names in a few statements at its end, not one row at a time: fewer round trips.

Every transaction that changes names takes one lock first (`lock_counts`) and holds it until it
commits: the counts of common names (a wire's source, this year) are shared by every batch, and
an edit that moves an article from one source to another changes two counts in two statements;
without the lock an editor and an importer could each hold one count the other waits for. Two
importers wait for each other there anyway, on those shared counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import psycopg

EXTRACTED_FACETS = ("people", "places", "countries", "orgs")
SHOWN_FACETS = ("sources", "years")


@dataclass
class PendingNames:
    """What a unit of work changed that the names must follow, until it commits."""

    # Articles stored new: their words go into the lexicon, their source and year become names.
    fresh: list[int] = field(default_factory=list)
    # Extracted names per article: the latest extraction wins and replaces what was held.
    extracted: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    # Articles whose shown source or year may have changed (an edit, a new version of the file).
    shown: set[int] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.fresh or self.extracted or self.shown)


def lock_counts(tx: psycopg.Connection) -> None:
    """Wait for, and hold until the transaction ends, the right to change facet names."""
    tx.execute("SELECT pg_advisory_xact_lock(hashtext('briefing-reader facet counts'))")


def write_names(tx: psycopg.Connection, pending: PendingNames) -> None:
    """Replace the names of the articles `pending` lists (in the caller's transaction)."""
    lock_counts(tx)
    fresh = set(pending.fresh)
    replaced = sorted(i for i in pending.extracted if i not in fresh)
    shown = sorted(pending.shown)
    if replaced or shown:
        tx.execute(
            "DELETE FROM article_names an USING facet_names n WHERE an.name_id = n.id AND ("
            " (an.article_id = ANY(%s) AND n.facet = ANY(%s))"
            " OR (an.article_id = ANY(%s) AND n.facet = ANY(%s)))",
            (replaced, list(EXTRACTED_FACETS), shown, list(SHOWN_FACETS)),
        )
    rows = [(i, f, v) for i, names in pending.extracted.items() for f, v in names]
    ids = [r[0] for r in rows]
    facets = [r[1] for r in rows]
    values = [r[2] for r in rows]
    with_shown = sorted(fresh.union(shown))
    if not rows and not with_shown:
        return
    # New names first, in name order; a name another importer is adding right now is waited
    # for (ON CONFLICT), then found by the next statement.
    tx.execute(
        "INSERT INTO facet_names (facet, value) SELECT facet, value FROM ("
        " SELECT facet, value FROM unnest(%s::text[], %s::text[]) AS v(facet, value)"
        " UNION SELECT 'sources', shown_source FROM articles"
        "  WHERE id = ANY(%s) AND shown_source IS NOT NULL"
        " UNION SELECT 'years', year::text FROM articles WHERE id = ANY(%s) AND year IS NOT NULL"
        ") wanted ORDER BY facet, value ON CONFLICT DO NOTHING",
        (facets, values, with_shown, with_shown),
    )
    tx.execute(
        "INSERT INTO article_names (article_id, name_id)"
        " SELECT v.article_id, n.id"
        "  FROM unnest(%s::bigint[], %s::text[], %s::text[]) AS v(article_id, facet, value)"
        "  JOIN facet_names n ON n.facet = v.facet AND n.value = v.value"
        " UNION SELECT a.id, n.id FROM articles a"
        "  JOIN facet_names n ON n.facet = 'sources' AND n.value = a.shown_source"
        "  WHERE a.id = ANY(%s)"
        " UNION SELECT a.id, n.id FROM articles a"
        "  JOIN facet_names n ON n.facet = 'years' AND n.value = a.year::text"
        "  WHERE a.id = ANY(%s)"
        " ON CONFLICT DO NOTHING",
        (ids, facets, values, with_shown, with_shown),
    )
