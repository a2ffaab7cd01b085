"""The store's unit of work, its chunked reads, and the importer's single look-up per text."""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import pytest

from briefing_app.core.engines import ArticleStore, SearchEngine
from briefing_app.core.extract.records import Extraction
from briefing_app.core.query import WhooshSearch
from briefing_app.core.records import Article
from briefing_app.core.store import Library
from briefing_app.core.workspace import Workspace


def _article(n: int, **kw) -> Article:
    kw.setdefault("path", f"/data/{n}.txt")
    return Article(body=f"Report number {n} on the drills near Tapa.", title=f"Report {n}", **kw)


def _fill(lib: Library, count: int) -> list[int]:
    with lib.transaction():
        return [
            lib.upsert_article(_article(n), f"h{n}", Extraction(), 1).article_id
            for n in range(count)
        ]


def test_reads_by_id_cross_the_chunk_size_and_leave_out_unknown_ids(tmp_path):
    lib = Library(tmp_path)
    ids = _fill(lib, 1203)  # more than two chunks of 500
    asked = [*ids, 99_999]
    assert sorted(lib.get_articles(asked)) == ids
    assert len(lib.bodies(asked)) == 1203
    lib.mark_indexed(ids)
    assert lib.count_unindexed() == 0
    lib.mark_indexed(ids[:1001], indexed=False)
    assert lib.count_unindexed() == 1001


def test_a_unit_of_work_commits_all_or_nothing_and_nests(tmp_path):
    lib = Library(tmp_path)
    with pytest.raises(RuntimeError):
        with lib.transaction():
            lib.upsert_article(_article(1), "h1", Extraction(), 1)
            with lib.transaction():  # joins the outer unit of work
                lib.remember_file("/data/1.txt", 10, 20)
                lib.save_briefing("b", {"title": "b"})
            raise RuntimeError("crash after the inner block")
    assert lib.count() == 0
    assert not lib.file_unchanged("/data/1.txt", 10, 20)
    assert lib.briefing_names() == []
    with lib.transaction():
        lib.upsert_article(_article(1), "h1", Extraction(), 1)
    assert lib.count() == 1


def test_store_new_of_a_text_stored_meanwhile_elsewhere_is_a_duplicate(tmp_path):
    lib = Library(tmp_path)
    other = Library(tmp_path)  # another process's connection to the same file
    assert lib.held_articles(["h1"]) == {}
    first = other.upsert_article(_article(1), "h1", Extraction(), 1)
    late = lib.store_new(_article(2, path="/elsewhere/copy.txt"), "h1", Extraction(), 1)
    assert (late.article_id, late.status) == (first.article_id, "duplicate")
    assert lib.count() == 1
    other.close()


def test_an_import_looks_each_text_up_once(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):
        (folder / f"{n}.txt").write_text(f"title: Piece {n}\n\nDrills number {n} near Tapa.\n")
    records = [{"id": f"r{n}", "title": "Same", "body": "One text, three records."} for n in "abc"]
    (folder / "bulk.jsonl").write_text("\n".join(json.dumps(r) for r in records))
    asked: list[str] = []
    original = Library.held_articles

    def counting(self, hashes):
        asked.extend(hashes)
        return original(self, hashes)

    def no_second_look(*args, **kwargs):
        raise AssertionError("a text looked up again at store time")

    monkeypatch.setattr(Library, "held_articles", counting)
    monkeypatch.setattr(Library, "upsert_article", no_second_look)
    with Workspace.open(tmp_path / "lib", seed_if_empty=False) as ws:
        report = ws.import_paths([folder])
        assert (report.imported, report.duplicates) == (4, 2)
        assert len(asked) == len(set(asked)) == 4  # the repeated text is asked for once
        asked.clear()
        (folder / "0.txt").touch()  # read again: its text is held, so no extraction either
        (folder / "0.txt").write_text("title: Piece 0\n\nDrills number 0 near Tapa.\n")
        again = ws.import_paths([folder])
        assert again.unchanged == 4 and len(asked) == 1


@pytest.mark.parametrize(
    ("contract", "engine"), [(ArticleStore, Library), (SearchEngine, WhooshSearch)]
)
def test_the_embedded_engines_offer_every_method_of_their_contract(contract, engine):
    """mypy checks the signatures where the Workspace is built; this names a method a contract
    gained and the SQLite or Whoosh engine lacks."""
    wanted = {
        name
        for name, member in inspect.getmembers(contract, inspect.isfunction)
        if not name.startswith("_")
    }
    assert wanted - set(dir(engine)) == set()
    assert wanted  # the contract is not empty


def test_the_workspace_is_built_on_the_contracts(tmp_path: Path):
    hints = inspect.signature(Workspace.__init__).parameters
    assert hints["library"].annotation == "ArticleStore"
    assert hints["index"].annotation == "SearchEngine"
