"""What extraction found, in the store: entities and figures per article, and the user's
corrections, applied over every later extraction of the same figure."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence

from briefing_app.core.extract.records import Entity, Extraction, Figure
from briefing_app.core.figure_keys import keys_in_order, overlapping
from briefing_app.core.store.connection import Connection, now_iso
from briefing_app.core.store.records import CORRECTABLE_FIELDS, FieldsByName, StoredFigure


class ExtractionTables(Connection):
    """The `entities`, `figures` and `figure_corrections` tables."""

    def store_extraction(self, article_id: int, extraction: Extraction, version: int) -> None:
        """Replace the article's entities and figures; it is then due for indexing again."""
        with self._writing() as tx:
            tx.execute("DELETE FROM entities WHERE article_id = ?", (article_id,))
            tx.execute("DELETE FROM figures WHERE article_id = ?", (article_id,))
            tx.executemany(
                'INSERT INTO entities (article_id, text, label, canonical, start, "end")'
                " VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (article_id, e.text, e.label, e.canonical, e.start, e.end)
                    for e in extraction.entities
                ],
            )
            tx.executemany(
                "INSERT INTO figures (article_id, seq, kind, data) VALUES (?, ?, ?, ?)",
                [
                    (article_id, seq, f.kind, json.dumps(f.to_dict(), ensure_ascii=False))
                    for seq, f in enumerate(extraction.figures)
                ],
            )
            tx.execute(
                "UPDATE articles SET extractor_version = ?, indexed = 0 WHERE id = ?",
                (version, article_id),
            )

    def entities(self, article_id: int) -> list[Entity]:
        rows = self._conn.execute(
            'SELECT text, label, canonical, start, "end" FROM entities WHERE article_id = ?'
            " ORDER BY start",
            (article_id,),
        ).fetchall()
        return [Entity(*row) for row in rows]

    def entities_for(self, article_ids: Sequence[int]) -> dict[int, list[Entity]]:
        out: dict[int, list[Entity]] = {}
        for row in self._rows_in(
            'SELECT article_id, text, label, canonical, start, "end" FROM entities'
            " WHERE article_id IN ({ids}) ORDER BY article_id, start",
            article_ids,
        ):
            out.setdefault(row[0], []).append(Entity(*tuple(row)[1:]))
        return out

    def entity_values(self, article_ids: Sequence[int]) -> dict[int, list[tuple[str, str]]]:
        """(label, canonical) pairs per article, for the index's entity fields."""
        out: dict[int, list[tuple[str, str]]] = {}
        for row in self._rows_in(
            "SELECT DISTINCT article_id, label, canonical FROM entities WHERE article_id IN ({ids})",
            article_ids,
        ):
            out.setdefault(row[0], []).append((row[1], row[2]))
        return out

    def figures(self, article_id: int) -> list[StoredFigure]:
        return self.figures_for([article_id]).get(article_id, [])

    def figures_for(
        self, article_ids: Sequence[int] | None = None, *, kind: str | None = None
    ) -> dict[int, list[StoredFigure]]:
        """Figures with corrections applied (rejected ones included, flagged), per article."""
        kind_sql = " AND kind = ?" if kind else ""
        kind_arg = (kind,) if kind else ()
        if article_ids is None:
            rows = self._conn.execute(
                f"SELECT article_id, seq, data FROM figures WHERE 1=1{kind_sql}"
                " ORDER BY article_id, seq",
                kind_arg,
            ).fetchall()
            correction_rows = self._conn.execute("SELECT * FROM figure_corrections").fetchall()
        else:
            rows = self._rows_in(
                "SELECT article_id, seq, data FROM figures WHERE article_id IN ({ids})"
                f"{kind_sql} ORDER BY article_id, seq",
                article_ids,
                after=kind_arg,
            )
            correction_rows = self._rows_in(
                "SELECT * FROM figure_corrections WHERE article_id IN ({ids})", article_ids
            )
        corrections: dict[int, dict[str, sqlite3.Row]] = {}
        for c in correction_rows:
            corrections.setdefault(c["article_id"], {})[c["figure_key"]] = c
        by_id: dict[int, list[sqlite3.Row]] = {}
        for row in rows:
            by_id.setdefault(row["article_id"], []).append(row)
        return {
            article_id: apply_corrections(article_id, article_rows, corrections.get(article_id, {}))
            for article_id, article_rows in by_id.items()
        }

    def correct_figure(
        self, article_id: int, key: str, changes: dict[str, object], *, rejected: bool = False
    ) -> None:
        """Store a correction; it is applied over every later extraction of the same figure."""
        unknown = set(changes) - set(CORRECTABLE_FIELDS)
        if unknown:
            raise ValueError(f"cannot correct {', '.join(sorted(unknown))}")
        with self._writing() as tx:
            row = tx.execute(
                "SELECT changes FROM figure_corrections WHERE article_id = ? AND figure_key = ?",
                (article_id, key),
            ).fetchone()
            merged = json.loads(row[0]) if row else {}
            merged.update(changes)
            tx.execute(
                "INSERT OR REPLACE INTO figure_corrections"
                " (article_id, figure_key, changes, rejected, corrected_at) VALUES (?, ?, ?, ?, ?)",
                (article_id, key, json.dumps(merged), int(rejected), now_iso()),
            )

    def clear_correction(self, article_id: int, key: str) -> None:
        with self._writing() as tx:
            tx.execute(
                "DELETE FROM figure_corrections WHERE article_id = ? AND figure_key = ?",
                (article_id, key),
            )


def apply_corrections(
    article_id: int, rows: Sequence[FieldsByName], own: Mapping[str, FieldsByName]
) -> list[StoredFigure]:
    """An article's figures (rows in extraction order) with its corrections applied.

    A correction names the figure by kind and span (figure_keys); one whose span no figure has
    any more (a new engine widened or narrowed it) applies to the figure that overlaps it most,
    and that figure then carries the correction's key, so briefing items still find it."""
    originals = [Figure(**json.loads(row["data"])) for row in rows]
    keys = keys_in_order(originals)
    taken = {i for i, key in enumerate(keys) if key in own}
    for key in own.keys() - set(keys):
        i = overlapping(key, originals, taken)
        if i is not None:
            keys[i] = key
            taken.add(i)
    stored_figures = []
    for row, original, key in zip(rows, originals, keys, strict=True):
        figure = Figure(**json.loads(row["data"]))
        stored = StoredFigure(article_id, key, figure, original)
        correction = own.get(key)
        if correction is not None:
            for name, value in json.loads(correction["changes"]).items():
                if name in CORRECTABLE_FIELDS:
                    setattr(figure, name, value)
            drop_qualifier_of_a_new_count(figure, original)
            stored.corrected = True
            stored.rejected = bool(correction["rejected"])
        stored_figures.append(stored)
    return stored_figures


def drop_qualifier_of_a_new_count(figure: Figure, original: Figure) -> None:
    """A count the person corrected is their number, exactly as they gave it (one or a range):
    the original's "about", "between" or "several thousand" described the article's number, and
    kept beside the new one it would read "between 1,000". A correction that leaves the count as
    it was (the year, say) keeps the article's wording."""
    if (figure.low, figure.high) != (original.low, original.high):
        figure.qualifier = None
        figure.vague = None
