"""The SQLite library: storing, deduplicating, updating, edits and corrections that survive."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from briefing_app.core import briefing as briefings
from briefing_app.core import workspace as workspace_module
from briefing_app.core.extract import EXTRACTOR_VERSION, extract
from briefing_app.core.extract.records import Entity, Extraction, Figure
from briefing_app.core.figure_keys import figure_key, keys_in_order
from briefing_app.core.records import Article
from briefing_app.core.store import SCHEMA_VERSION, Library, LibraryError, migrations
from briefing_app.core.workspace import Workspace


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
    return lib.upsert_article(article, digest, _extraction(), 1)


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
    lib.store_extraction(aid, _extraction(), 2)
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
        with lib.transaction():
            lib.upsert_article(_article(), "h1", _extraction(), 1)
            raise RuntimeError("crash in the middle")
    assert lib.count() == 0
    assert lib.stats()["entities"] == 0


def test_unchanged_files_are_remembered(tmp_path):
    lib = Library(tmp_path)
    lib.remember_file("/data/a.txt", 10, 123)
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


# -- figure identity and schema migrations ---------------------------------------------------------

V1_SQL = Path(__file__).parent / "data" / "library_v1.sql"


def _v1_library(folder: Path) -> Path:
    """A library file exactly as main at 738cafc wrote it (see data/make_library_v1.py)."""
    folder.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(folder / "library.sqlite3")
    conn.executescript(V1_SQL.read_text(encoding="utf-8"))
    conn.close()
    return folder


def _other_contributor(body: str, *, year: int | None = None) -> Extraction:
    """The engine changed its mind: every troop figure now goes to another contributor."""
    result = extract(body, year=year)
    for f in result.figures:
        if f.kind == "troops":
            f.contributor = "Atlantis"
    return result


def test_figure_key_is_kind_and_span_numbered_within_a_span():
    figs = [
        Figure("troops", "800 soldiers", 10, 22, contributor="United Kingdom"),
        Figure("troops", "800 soldiers", 10, 22, contributor="Canada"),
        Figure("money", "$5m", 30, 33),
    ]
    assert keys_in_order(figs) == ["troops:10:22:0", "troops:10:22:1", "money:30:33:0"]
    assert figure_key(figs[1]) == "troops:10:22:0"  # nothing from the values goes in


def test_correction_and_briefing_survive_an_engine_that_changes_the_contributor(
    tmp_path, monkeypatch
):
    ws = Workspace.open(tmp_path / "lib")
    [shared_span] = [
        r for r in ws.figure_reports() if r.figure.contributor == "Germany" and r.figure.low == 1000
    ]
    uk = next(r for r in ws.figure_reports() if r.figure.contributor == "United Kingdom")
    ws.correct_figure(shared_span.article_id, shared_span.key, count=1200, host="Poland")
    doc = briefings.Briefing(title="b")
    doc.items = [briefings.BriefingItem.figure(shared_span.article_id, shared_span.key)]
    briefings.save(ws, "b", doc)
    before = [(r.key, r.figure.contributor) for r in ws.figure_reports()]

    monkeypatch.setattr(workspace_module, "extract", _other_contributor)
    monkeypatch.setattr(workspace_module, "EXTRACTOR_VERSION", 99)
    ws.run_maintenance()
    after = {r.key: r for r in ws.figure_reports()}
    assert {r.figure.contributor for r in after.values()} >= {"Atlantis"}  # the engine did change
    assert [k for k, _ in before] == list(after)  # every figure kept its identity
    corrected = after[shared_span.key]
    assert corrected.corrected and corrected.figure.low == 1200
    assert corrected.figure.host == "Poland"
    assert not after[uk.key].corrected
    resolved = briefings.resolve(ws, briefings.load(ws, "b"))
    assert resolved.items[0].figure is not None
    assert resolved.items[0].figure.figure.low == 1200
    ws.close()


def test_correction_follows_its_figure_when_the_span_moves(tmp_path):
    lib = Library(tmp_path)
    aid = _store(lib, _article(), "h1").article_id
    lib.correct_figure(aid, "troops:14:32:0", {"year": 2019})
    wider = _extraction()
    wider.figures[0].start = 10  # a new engine takes "about" into the figure
    lib.store_extraction(aid, wider, 2)
    [stored] = lib.figures(aid)
    assert stored.corrected and stored.figure.year == 2019
    assert stored.key == "troops:14:32:0"  # the key the correction and any briefing hold


def test_library_written_by_main_738cafc_opens_with_everything_intact(tmp_path):
    folder = _v1_library(tmp_path / "old")
    old = sqlite3.connect(folder / "library.sqlite3")
    assert old.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone() == ("1",)
    old.close()

    ws = Workspace.open(folder)  # migrates the schema, then re-extracts with this engine
    lib = ws.library
    assert lib.get_meta("schema_version") == str(SCHEMA_VERSION)
    assert lib.count() == 3
    assert lib.stale_extraction_ids(EXTRACTOR_VERSION) == []
    first = lib.get_article(1)
    assert (first.title, first.date, first.read) == ("Russia's western drills", "2017-07-11", True)
    assert lib.get_article(2).date == "2017-02-03"
    assert lib.get_article(3).starred and not lib.get_article(3).read

    figures = lib.figures_for()
    each = [f for f in figures[2] if (f.figure.start, f.figure.end) == (1171, 1189)]
    assert [f.key for f in each] == [
        "troops:1171:1189:0",
        "troops:1171:1189:1",
        "troops:1171:1189:2",
    ]
    assert [f.corrected for f in each] == [False, True, False]  # Germany's, the second of three
    assert each[1].figure.low == each[1].figure.high == 1200
    [distractor] = [f for f in figures[1] if f.figure.start == 959]
    assert distractor.rejected
    [estonia] = [f for f in figures[3] if f.figure.start == 1236]
    assert (estonia.figure.host, estonia.figure.year) == ("Estonia (Tapa)", 2018)
    assert lib.stats()["corrections"] == 3

    doc = briefings.load(ws, "Baltic deterrence")
    assert [i.figure_key for i in doc.items] == [
        None,
        "troops:1171:1189:2",
        "troops:1171:1189:1",
        "troops:1236:1256:0",
    ]
    resolved = briefings.resolve(ws, doc)
    assert all(item.figure is not None for item in resolved.items[1:])
    assert resolved.items[2].figure.figure.low == 1200
    assert resolved.items[3].figure.figure.year == 2018
    assert ws.search("Lithuania").total >= 1
    ws.close()


def test_migration_cut_short_resumes(tmp_path, monkeypatch):
    folder = _v1_library(tmp_path / "old")

    def crash(tx):
        raise RuntimeError("power cut")

    monkeypatch.setitem(migrations.STEPS, 2, crash)
    with pytest.raises(RuntimeError):
        Library(folder)
    conn = sqlite3.connect(folder / "library.sqlite3")
    assert conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone() == ("1",)
    assert conn.execute("SELECT COUNT(*) FROM figure_corrections").fetchone() == (3,)
    conn.close()
    monkeypatch.undo()
    lib = Library(folder)
    assert lib.get_meta("schema_version") == str(SCHEMA_VERSION)
    assert lib.stats()["corrections"] == 3
