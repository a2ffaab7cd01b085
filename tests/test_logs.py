"""The log: a rotating file that keeps the traceback of every error the program recovered from."""

from __future__ import annotations

import logging

import pytest

from briefing_app import logs


@pytest.fixture(autouse=True)
def _restore_logging():
    yield
    logs.stop()


def test_a_recovered_error_leaves_its_traceback_in_the_file(tmp_path):
    path = tmp_path / "data" / "briefing.log"
    assert logs.configure(path=path) == path
    try:
        raise ValueError("a page trafilatura could not read")
    except ValueError:
        logging.getLogger("briefing_app.core.formats.html").warning("fell back", exc_info=True)
    logging.getLogger("briefing_app.cli").debug("only with --verbose")
    text = path.read_text(encoding="utf-8")
    assert "WARNING briefing_app.core.formats.html: fell back" in text
    assert "ValueError: a page trafilatura could not read" in text
    assert "only with --verbose" not in text


def test_the_file_rotates_and_stays_small(tmp_path, monkeypatch):
    monkeypatch.setattr(logs, "LOG_BYTES", 2000)
    path = tmp_path / "briefing.log"
    logs.configure(path=path)
    for n in range(200):
        logging.getLogger("briefing_app").warning("line %d of the log", n)
    assert path.stat().st_size <= 2000
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "briefing.log",
        "briefing.log.1",
        "briefing.log.2",
        "briefing.log.3",
    ]


def test_an_unwritable_folder_keeps_warnings_on_stderr(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert logs.configure(path=blocker / "briefing.log") is None
    logging.getLogger("briefing_app.core").warning("still seen")
    err = capsys.readouterr().err
    assert "cannot write the log" in err and "still seen" in err


def test_without_the_file_nothing_is_written_and_warnings_reach_stderr(tmp_path, capsys):
    path = tmp_path / "data" / "briefing.log"
    assert logs.configure(path=path, to_file=False) is None
    logging.getLogger("briefing_app.selftest").warning("seen on stderr")
    assert not (tmp_path / "data").exists()
    assert "seen on stderr" in capsys.readouterr().err
