"""The SQLite library: storing, deduplicating, updating, edits and corrections that survive."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from briefing_app.core.extract.records import Entity, Extraction, Figure
from briefing_app.core.library import Library, LibraryError, figure_key
from briefing_app.core.records import Article


def _article(body: str = "Estonia hosts 800 British troops.", **kw) -> Article:
    kw.setdefault("title", "British troops in Estonia")
    kw.setdefault("path", "/data/a.txt")
    return Article(body=body, **kw)


def _extraction() -> Extraction:
    return Extraction(
        entities=[
            Entity("Estonia", "GPE", "Estonia", 0, 7),
            Entity("British", "NORP", "United Kingdom", 18, 25),
        ],
        figures=[
            Figure(
                "troops",
                "800 British troops",
                14,
                32,
                low=800,
                high=800,
                contributor="United Kingdom",
                host="Estonia",
                troop_kind="presence",
                year=2017,
            )
        ],
    )


def _store(lib: Library, article: Article, digest: str):
    with lib.transaction() as tx:
        return lib.upsert_article(tx, article, digest, _extraction(), 1)


def test_insert_then_same_text_is_unchanged_or_a_duplicate(tmp_path):
    lib = Library(tmp_path)
    first = _store(lib, _article(), "h1")
    again = _store(lib, _article(), "h1")
    copy = _store(lib, _article(path="/elsewhere/copy.txt"), "h1")
    assert first.status == "imported"
    assert again.status == "unchanged" and again.article_id == first.article_id
    assert copy.status == "duplicate" and copy.article_id == first.article_id
    assert lib.count() == 1


def test_changed_file_updates_in_place_and_keeps_edits(tmp_path):
    lib = Library(tmp_path)
    first = _store(lib, _article(), "h1")
    lib.edit_article(first.article_id, {"date": "2017-02-01"})
    lib.set_flag(first.article_id, "starred", True)
    changed = _store(lib, _article(body="Estonia hosts 900 British troops."), "h2")
    assert changed.status == "updated" and changed.article_id == first.article_id
    stored = lib.get_article(first.article_id)
    assert stored.body.startswith("Estonia hosts 900")
    assert stored.date == "2017-02-01" and stored.edited == {"date": "2017-02-01"}
    assert stored.starred is True
    assert lib.count() == 1


def test_edits_override_imported_values_and_can_be_reverted(tmp_path):
    lib = Library(tmp_path)
    aid = _store(lib, _article(source="Wire"), "h1").article_id
    lib.edit_article(aid, {"title": "My title", "source": "ERR"})
    stored = lib.get_article(aid)
    assert (stored.title, stored.source) == ("My title", "ERR")
    assert stored.imported["title"] == "British troops in Estonia"
    lib.revert_edit(aid, "title")
    assert lib.get_article(aid).title == "British troops in Estonia"
    with pytest.raises(ValueError):
        lib.edit_article(aid, {"body": "no"})


def test_figure_correction_survives_reextraction(tmp_path):
    lib = Library(tmp_path)
    aid = _store(lib, _article(), "h1").article_id
    key = figure_key(_extraction().figures[0])
    lib.correct_figure(aid, key, {"low": 850, "high": 850, "year": 2018})
    with lib.transaction() as tx:
        lib.store_extraction(tx, aid, _extraction(), 2)
    [stored] = lib.figures(aid)
    assert stored.corrected and (stored.figure.low, stored.figure.year) == (850, 2018)
    assert stored.original.low == 800
    lib.correct_figure(aid, key, {}, rejected=True)
    assert lib.figures(aid)[0].rejected
    lib.clear_correction(aid, key)
    assert not lib.figures(aid)[0].corrected


def test_transaction_rolls_back_everything_on_error(tmp_path):
    lib = Library(tmp_path)
    with pytest.raises(RuntimeError):
        with lib.transaction() as tx:
            lib.upsert_article(tx, _article(), "h1", _extraction(), 1)
            raise RuntimeError("crash in the middle")
    assert lib.count() == 0
    assert lib.stats()["entities"] == 0


def test_unchanged_files_are_remembered(tmp_path):
    lib = Library(tmp_path)
    with lib.transaction() as tx:
        lib.remember_file(tx, "/data/a.txt", 10, 123)
    assert lib.file_unchanged("/data/a.txt", 10, 123)
    assert not lib.file_unchanged("/data/a.txt", 11, 123)
    assert not lib.file_unchanged("/data/b.txt", 10, 123)


def test_not_a_library_gives_a_readable_error(tmp_path):
    (tmp_path / "library.sqlite3").write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(LibraryError, match="not a readable library"):
        Library(tmp_path)


def test_wal_mode_and_connections_per_thread(tmp_path):
    lib = Library(tmp_path)
    _store(lib, _article(), "h1")
    mode = sqlite3.connect(lib.path).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    seen = []
    worker = threading.Thread(target=lambda: seen.append(lib.count()))
    worker.start()
    worker.join()
    assert seen == [1]


def test_briefings_round_trip_atomically(tmp_path):
    lib = Library(tmp_path)
    lib.save_briefing("Baltic", {"title": "Baltic", "items": [1, 2]})
    lib.save_briefing("Baltic", {"title": "Baltic", "items": [2]})
    assert lib.briefing_names() == ["Baltic"]
    assert lib.load_briefing("Baltic")["items"] == [2]
    reopened = Library(tmp_path)
    assert reopened.load_briefing("Baltic")["items"] == [2]
