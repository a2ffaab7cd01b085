"""Watched folders without Qt: new, modified and deleted files, unplugged folders, the command."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing_app.core import watch
from briefing_app.core.workspace import Workspace

TEXT = "title: Patrol ships\ndate: 2023-03-06\n\nHELSINKI — Finland will buy four patrol ships.\n"


@pytest.fixture
def workspace(library_dir: Path):
    with Workspace.open(library_dir, seed_if_empty=False) as opened:
        yield opened


def _touch_later(path: Path, text: str) -> None:
    # A rewrite in the same clock tick could keep the old mtime; move it on explicitly.
    before = path.stat().st_mtime_ns
    path.write_text(text)
    os.utime(path, ns=(before + 2_000_000_000, before + 2_000_000_000))


def test_new_modified_and_deleted_files(workspace: Workspace, tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    watch.add_folder(workspace, folder)
    assert watch.watched_folders(workspace) == [folder.resolve()]
    article = folder / "ships.txt"
    article.write_text(TEXT)
    (folder / "notes.xyz").write_text("not an article format")

    report = watch.scan_and_import(workspace)
    assert (report.imported, report.updated, report.skipped) == (1, 0, [])
    [first_id] = report.article_ids
    assert workspace.search('"four patrol ships"').total == 1

    assert watch.changed_files(workspace, [folder]) == []
    again = watch.scan_and_import(workspace)
    assert (again.imported, again.updated, again.changed) == (0, 0, False)

    _touch_later(article, TEXT.replace("four", "six"))
    assert watch.changed_files(workspace, [folder]) == [article]
    updated = watch.scan_and_import(workspace)
    assert (updated.imported, updated.updated, updated.article_ids) == (0, 1, [first_id])
    assert workspace.search('"six patrol ships"').total == 1

    article.unlink()
    gone = watch.scan_and_import(workspace)
    assert gone.missing == [str(article.resolve())]
    stored = workspace.library.get_article(first_id)
    assert stored is not None and stored.original_missing
    assert workspace.search('"six patrol ships"').total == 1  # the article stays
    assert watch.scan_and_import(workspace).missing == []  # reported once

    article.write_text(TEXT.replace("four", "six"))
    back = watch.scan_and_import(workspace)
    assert back.unchanged == 1
    assert not workspace.library.get_article(first_id).original_missing


def test_unplugged_folder_is_not_declared_missing(workspace: Workspace, tmp_path: Path) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT)
    watch.add_folder(workspace, folder)
    [article_id] = watch.scan_and_import(workspace).article_ids
    folder.rename(tmp_path / "elsewhere")
    report = watch.scan_and_import(workspace)
    assert report.missing == [] and report.unavailable == [str(folder.resolve())]
    assert not workspace.library.get_article(article_id).original_missing


def test_add_and_remove(workspace: Workspace, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="is not a folder"):
        watch.add_folder(workspace, tmp_path / "nothing")
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    watch.set_folders(workspace, [a, b])
    assert watch.watched_folders(workspace) == [a.resolve(), b.resolve()]
    assert watch.remove_folder(workspace, a)
    assert not watch.remove_folder(workspace, a)
    assert watch.watched_folders(workspace) == [b.resolve()]


def test_watch_command(
    library_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefing_app.cli import main

    folder = tmp_path / "drop"
    folder.mkdir()
    lib = ["--library", str(library_dir)]
    assert main([*lib, "watch", "add", str(folder)]) == 0
    assert main([*lib, "watch", "list"]) == 0
    assert str(folder.resolve()) in capsys.readouterr().out
    (folder / "ships.txt").write_text(TEXT)
    assert main([*lib, "watch", "run", "--once"]) == 0
    out = capsys.readouterr().out
    assert "imported [" in out and "Patrol ships" in out and "ships.txt" in out
    assert main([*lib, "watch", "remove", str(folder)]) == 0
    assert main([*lib, "watch", "remove", str(folder)]) == 1
    assert main([*lib, "watch", "run", "--once"]) == 1
    assert "no watched folders" in capsys.readouterr().err


def test_run_loop_stops_cleanly_on_ctrl_c(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    from briefing_app.cli import watch_command

    watch.add_folder(workspace, tmp_path)
    calls = []

    def interrupted(*args, **kwargs):
        calls.append(1)
        raise KeyboardInterrupt

    monkeypatch.setattr(watch, "scan_and_import", interrupted)
    assert watch_command.run_loop(workspace, interval=0.2) == 0
    assert calls == [1]
    assert "Stopped watching" in capsys.readouterr().out
