"""The Workspace: import into the library, search, edits and corrections, index repair."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from briefing_app.core.extract import EXTRACTOR_VERSION
from briefing_app.core.extract.records import Extraction
from briefing_app.core.ingest import ImportReport
from briefing_app.core.workspace import Workspace

SEED_DATED = "002_d272d1f2ebf88e73.txt"

ARTICLE_A = """title: Danish battalion heads for Latvia
date: 2023-03-14
source: Test Wire

COPENHAGEN — Denmark will send a battalion of about 800 soldiers to Latvia in 2024, the defence ministry said on Tuesday.
"""

ARTICLE_B = """title: Czech troops for Slovakia
date: 2022-03-01

PRAGUE — The Czech Republic will lead a battlegroup in Slovakia, the government said.
"""


@pytest.fixture
def ws(library_dir):
    workspace = Workspace.open(library_dir)
    yield workspace
    workspace.close()


@pytest.fixture
def folder(tmp_path):
    path = tmp_path / "incoming"
    path.mkdir()
    (path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (path / "sub").mkdir()
    (path / "sub" / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    return path


def _titles(result):
    return [h.title for h in result.hits]


def test_empty_library_is_seeded_with_the_built_in_corpus(ws):
    assert ws.library.count() == 3
    assert any("built-in" in n for n in ws.notices)
    result = ws.search("")
    assert result.total == 3
    dated = [h for h in result.hits if h.date]
    assert [h.date for h in dated] == ["2017-07-11"]


def test_the_samples_are_offered_once_and_only_when_asked(library_dir, tmp_path):
    with Workspace.open(tmp_path / "scripted", seed_if_empty=False) as scripted:
        assert scripted.library.count() == 0 and not scripted.notices
    with Workspace.open(library_dir) as ws:
        assert ws.library.count() == 3
        for hit in ws.search("").hits:
            ws.library.delete_article(hit.id)
    # A user who emptied the library does not get the samples back.
    with Workspace.open(library_dir) as ws:
        assert ws.library.count() == 0
        assert not any("sample" in n for n in ws.notices)


def test_articles_extracted_by_an_older_engine_are_extracted_again_on_open(library_dir):
    with Workspace.open(library_dir) as ws:
        [hit] = ws.search("Antalya").hits
        ws.library.store_extraction(hit.id, Extraction(), EXTRACTOR_VERSION - 1)
        assert ws.article(hit.id).figures == []
    with Workspace.open(library_dir) as ws:
        assert ws.maintenance_needed() is None
        troops = [f.figure for f in ws.article(hit.id).figures if f.figure.kind == "troops"]
        assert any(f.low == 600 and f.contributor == "United States" for f in troops)


def test_seed_search_and_troop_figures(ws):
    hits = ws.search("Lambrecht").hits
    assert len(hits) == 1 and "German" in hits[0].title
    reports = ws.figure_reports()
    assert any(r.figure.contributor == "United States" and r.value == 600 for r in reports)
    table = ws.figures_table()
    # Undated seeds: the largest United States report ("about 1,000 troops each") wins the cell.
    undated = table.cell("United States", None)
    assert undated.value == 1000 and len(undated.reports) == 2
    assert table.cell("United States", None) in table.undated()


def test_import_folder_twice_does_no_work_the_second_time(ws, folder):
    first = ws.import_paths([folder])
    assert (first.imported, first.updated, len(first.skipped)) == (2, 0, 0)
    second = ws.import_paths([folder])
    assert (second.imported, second.updated) == (0, 0)
    assert second.unchanged_files == 2 and second.unchanged == 2
    assert ws.library.count() == 5


def test_changed_file_is_updated_not_duplicated(ws, folder):
    ws.import_paths([folder])
    target = folder / "a.txt"
    target.write_text(ARTICLE_A.replace("800", "900"), encoding="utf-8")
    os.utime(target, ns=(1, 1))
    report = ws.import_paths([target])
    assert (report.imported, report.updated) == (0, 1)
    assert ws.library.count() == 5
    [hit] = ws.search("title:Danish").hits
    assert "900" in ws.article(hit.id).article.body


def test_same_text_in_two_files_is_one_article(ws, folder, tmp_path):
    ws.import_paths([folder])
    copy = tmp_path / "copy.txt"
    shutil.copy(folder / "a.txt", copy)
    report = ws.import_paths([copy])
    assert (report.imported, report.unchanged, report.duplicates) == (0, 0, 1)
    assert ws.library.count() == 5


def test_bad_files_are_skipped_with_reasons_and_the_batch_goes_on(ws, folder):
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 20)
    report = ws.import_paths([folder])
    assert report.imported == 2
    reasons = {Path(s.path).name: s.reason for s in report.skipped}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]


def test_deleting_the_original_loses_nothing(ws, folder):
    ws.import_paths([folder])
    (folder / "a.txt").unlink()
    [hit] = ws.search("title:Danish").hits
    assert "battalion" in ws.article(hit.id).article.body


def test_deleted_index_is_rebuilt_with_a_message(library_dir, folder):
    with Workspace.open(library_dir) as ws:
        ws.import_paths([folder])
    shutil.rmtree(library_dir / "index")
    with Workspace.open(library_dir) as ws:
        assert ws.notices == ["The search index is missing; rebuilding it from the library."]
        assert ws.search("").total == 5
        assert _titles(ws.search("title:Danish")) == ["Danish battalion heads for Latvia"]


def test_an_index_an_older_version_wrote_is_rebuilt_and_said_so(library_dir, folder):
    with Workspace.open(library_dir) as ws:
        ws.import_paths([folder])
    state_file = library_dir / "index" / "briefing-index.json"
    state = json.loads(state_file.read_text("utf-8"))
    state_file.write_text(json.dumps(dict(state, analyzer="an older analyzer")), "utf-8")
    with Workspace.open(library_dir) as ws:
        assert ws.notices == [
            "The search index was written by an older version; rebuilding it from the library."
        ]
        assert _titles(ws.search("title:Danish")) == ["Danish battalion heads for Latvia"]


def test_damaged_index_is_rebuilt(library_dir, folder):
    with Workspace.open(library_dir) as ws:
        ws.import_paths([folder])
    for segment in (library_dir / "index").glob("MAIN_*"):  # compound or side-by-side files
        segment.write_bytes(b"")
    for toc in (library_dir / "index").glob("*.toc"):
        toc.write_bytes(toc.read_bytes()[:10])
    with Workspace.open(library_dir) as ws:
        assert ws.search("title:Danish").total == 1
        assert any("damaged" in n and "rebuilding" in n for n in ws.notices)


def test_edits_persist_update_search_and_figure_years(library_dir):
    with Workspace.open(library_dir) as ws:
        [hit] = ws.search("Antalya").hits
        ws.edit_article(hit.id, date="14 May 2015", title="Baltic states ask NATO for troops")
        assert _titles(ws.search("title:ask")) == ["Baltic states ask NATO for troops"]
        years = {r.year for r in ws.figures_table().rows if r.country == "United States"}
        assert 2015 in years
        with pytest.raises(ValueError, match="not a date"):
            ws.edit_article(hit.id, date="sometime")
    with Workspace.open(library_dir) as ws:
        article = ws.article(hit.id).article
        assert (article.date, article.title) == ("2015-05-14", "Baltic states ask NATO for troops")
        assert ws.search("date:[2015 to 2015]").total == 1


def test_figure_correction_changes_the_table_and_survives_reimport(library_dir, seeds_dir):
    with Workspace.open(library_dir) as ws:
        [hit] = ws.search("Antalya").hits
        fig = next(f for f in ws.article(hit.id).figures if f.figure.low == 600)
        ws.correct_figure(hit.id, fig.key, count=650, year=2015)
        ws.import_paths([seeds_dir])
    with Workspace.open(library_dir) as ws:
        row = ws.figures_table().cell("United States", 2015)
        assert row is not None and row.value == 650 and row.reports[0].corrected
        ws.correct_figure(hit.id, fig.key, rejected=True)
        assert ws.figures_table().cell("United States", 2015) is None


def test_reading_state_and_filters(ws):
    [hit] = ws.search("Antalya").hits
    ws.open_article(hit.id)
    ws.set_starred(hit.id, True)
    assert [h.id for h in ws.search("", filters={"starred": ["true"]}).hits] == [hit.id]
    assert ws.search("", filters={"read": ["false"]}).total == 2


def test_cancel_stops_between_batches_and_keeps_what_was_done(ws, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(3):
        (folder / f"{i}.txt").write_text(f"title: Piece {i}\n\nArticle number {i} about drills.\n")
    calls = []
    report = ws.import_paths([folder], cancelled=lambda: calls.append(1) or len(calls) > 1)
    assert report.cancelled
    assert 0 < report.imported < 3
    assert ws.search("drills").total == report.imported


def test_import_text_from_standard_input(ws):
    report = ws.import_text("title: Pasted\n\nA pasted report on Norwegian drills.\n")
    assert report.imported == 1
    assert _titles(ws.search("Norwegian")) == ["Pasted"]
    assert ws.import_text("   ").skipped[0].reason == "empty text"


def test_large_imports_extract_in_a_second_process(ws, tmp_path, monkeypatch):
    import json

    from briefing_app.core.ingest import pipeline

    monkeypatch.setattr(pipeline, "POOL_THRESHOLD", 10)
    monkeypatch.setattr(pipeline, "BATCH_SIZE", 7)
    bulk = tmp_path / "bulk.jsonl"
    records = [
        {
            "id": f"r{i}",
            "title": f"Report {i}",
            "date": f"2019-05-0{1 + i % 9}",
            "body": f"Estonia said on Monday that {100 + i} British troops arrived in Tapa.",
        }
        for i in range(40)
    ]
    bulk.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    report = ws.import_paths([bulk])
    assert report.imported == 40 and not report.skipped
    assert ws.search("Tapa").total == 40
    values = sorted(r.value for r in ws.figure_reports() if r.article_title.startswith("Report"))
    assert values == list(range(100, 140))
    assert ws.import_paths([bulk]).unchanged_files == 1


def test_cancel_during_a_large_import_stops_before_storing_what_was_only_read(
    ws, tmp_path, monkeypatch
):
    import json

    from briefing_app.core.ingest import pipeline

    # A bulk file is read far faster than it is extracted: all of it is read and queued before
    # the first batch is stored. A cancel then must not wait for the whole queue.
    monkeypatch.setattr(pipeline, "POOL_THRESHOLD", 10)
    monkeypatch.setattr(pipeline, "BATCH_SIZE", 5)
    bulk = tmp_path / "bulk.jsonl"
    bulk.write_text(
        "\n".join(
            json.dumps({"id": f"r{i}", "title": f"Item {i}", "body": f"Report {i} on drills."})
            for i in range(40)
        ),
        encoding="utf-8",
    )
    stored = []
    original = pipeline.ImportPipeline._store

    def store(self, batch, *args, **kwargs):
        stored.append(len(batch))
        return original(self, batch, *args, **kwargs)

    monkeypatch.setattr(pipeline.ImportPipeline, "_store", store)
    report = ws.import_paths([bulk], cancelled=lambda: len(stored) >= 1)
    assert report.cancelled
    assert report.imported == 5 and stored == [5]
    assert ws.search("drills").total == 5
    # The file was not finished, so importing again completes it.
    again = ws.import_paths([bulk])
    assert again.imported == 35 and not again.cancelled


def test_the_import_summary_counts_one_as_one():
    one = ImportReport(imported=1, duplicates=1, unchanged_files=1).summary()
    assert "1 duplicate," in one and "(1 unchanged file not read again)" in one
    many = ImportReport(duplicates=2, unchanged_files=3).summary()
    assert "2 duplicates," in many and "(3 unchanged files not read again)" in many
