"""End to end: the real command line in a subprocess against a temporary library."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import REPO, cli_env, run_cli


def briefing(library: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return run_cli(library, *args, stdin=stdin)


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    lib = tmp_path_factory.mktemp("cli") / "library"
    done = briefing(lib, "import", str(REPO / "seeds"))
    assert done.returncode == 0, done.stderr
    return lib


def test_the_command_line_never_adds_the_built_in_articles(tmp_path):
    (tmp_path / "own.txt").write_text("title: Our own\n\nDanish troops trained in Latvia.\n")
    done = briefing(tmp_path / "lib", "import", str(tmp_path / "own.txt"))
    assert done.returncode == 0, done.stderr
    stats = json.loads(briefing(tmp_path / "lib", "stats", "--json").stdout)
    assert stats["articles"] == 1
    assert "sample" not in done.stderr


def test_an_empty_library_has_no_dates_and_says_so_with_a_dash(tmp_path):
    (tmp_path / "empty").mkdir()
    done = briefing(tmp_path / "lib", "import", str(tmp_path / "empty"))
    assert done.returncode == 0, done.stderr
    lines = briefing(tmp_path / "lib", "stats").stdout.splitlines()
    assert [line.split()[-1] for line in lines if "date" in line.split()[:2]] == ["—", "—"]
    assert "None" not in "\n".join(lines)
    # Scripts still get JSON's null.
    stats = json.loads(briefing(tmp_path / "lib", "stats", "--json").stdout)
    assert stats["first_date"] is None


def test_search_json_has_marked_snippets(library):
    done = briefing(library, "search", "troops AND Lithuania", "--json")
    payload = json.loads(done.stdout)
    assert payload["total"] >= 2
    assert all('<b class="match">' in h["snippet"] for h in payload["hits"])


def test_search_text_and_malformed_query(library):
    done = briefing(library, "search", "Stoltenberg")
    assert done.returncode == 0 and "1 article matches (" in done.stdout
    bad = briefing(library, "search", '(troops AND "Estonia')
    assert bad.returncode == 2
    assert "Traceback" not in bad.stderr and bad.stderr.strip()


def test_show_prints_the_article_and_its_troop_figures(library):
    hit = json.loads(briefing(library, "search", "Antalya", "--json").stdout)["hits"][0]
    done = briefing(library, "show", str(hit["id"]))
    assert "Stoltenberg" in done.stdout
    assert "United States" in done.stdout and "600" in done.stdout


def test_import_summary_and_reimport_does_nothing(library, tmp_path):
    (tmp_path / "x.txt").write_text("title: Exercise\n\nPolish troops joined the drill.\n")
    (tmp_path / "junk.txt").write_bytes(b"\x00\x01\x02" * 100)
    first = briefing(library, "import", str(tmp_path))
    assert "1 imported" in first.stdout and "binary" in first.stdout
    again = briefing(library, "import", str(tmp_path))
    assert "0 imported, 0 updated" in again.stdout
    (tmp_path / "copy.txt").write_text("title: Exercise\n\nPolish troops joined the drill.\n")
    copied = briefing(library, "import", str(tmp_path / "copy.txt"))
    assert "1 duplicate of an article already in the library was not added" in copied.stdout


def test_import_from_standard_input(library):
    done = briefing(
        library, "import", "-", stdin="title: From stdin\n\nA note on Finnish drills.\n"
    )
    assert "1 imported" in done.stdout
    hits = json.loads(briefing(library, "search", "Finnish", "--json").stdout)["hits"]
    assert [h["title"] for h in hits] == ["From stdin"]


def test_figures_csv_and_json(library):
    csv_out = briefing(library, "figures", "--csv").stdout.splitlines()
    assert csv_out[0].startswith("contributor,year,troops")
    assert any(line.startswith("United States,") for line in csv_out)
    rows = json.loads(briefing(library, "figures", "--by", "host", "--json").stdout)
    assert any(r["country"] and r["value"] > 0 for r in rows)


def test_extract_json_for_the_seeds():
    seeds = sorted(str(p) for p in (REPO / "seeds").glob("*.txt"))
    done = subprocess.run(
        [sys.executable, str(REPO / "main.py"), "extract", *seeds, "--json"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    docs = json.loads(done.stdout)
    assert [d["date"] for d in docs] == [None, None, "2017-07-11"]
    first = docs[0]
    assert {"path", "title", "date", "entities", "figures"} <= set(first)
    troops = [f for f in first["figures"] if f["kind"] == "troops"]
    assert any(f["low"] == 600 and f["contributor"] == "United States" for f in troops)
    for entity in first["entities"]:
        assert set(entity) >= {"text", "label", "canonical", "start", "end"}


def test_reindex_and_edit(library):
    hit = json.loads(briefing(library, "search", "Antalya", "--json").stdout)["hits"][0]
    assert briefing(library, "edit", str(hit["id"]), "--date", "2015-05-14").returncode == 0
    assert "Indexed" in briefing(library, "reindex").stdout
    found = json.loads(briefing(library, "search", "year:2015", "--json").stdout)
    assert [h["id"] for h in found["hits"]] == [hit["id"]]


def test_import_of_nothing_readable_fails_and_counts_the_failures(library, tmp_path):
    done = briefing(library, "import", "/no/such/file.txt")
    assert done.returncode == 1
    assert "no such file" in done.stderr and "nothing given could be read" in done.stderr
    junk = tmp_path / "junk.txt"
    junk.write_bytes(b"\x00\x01\x02" * 100)
    assert briefing(library, "import", str(junk)).returncode == 1
    # Some paths read, some not: the import succeeds and says how many failed.
    good = tmp_path / "good.txt"
    good.write_text("title: Partial\n\nSwedish troops trained on Gotland.\n")
    done = briefing(library, "import", str(good), "/no/such/a.txt", "/no/such/b.txt")
    assert done.returncode == 0, done.stderr
    assert "2 of 3 paths given could not be found" in done.stderr
    assert "1 imported" in done.stdout


def test_output_into_a_closed_pipe_ends_quietly(library, tmp_path):
    long_text = tmp_path / "long.txt"
    sentence = "Estonian troops and NATO allies trained near Tapa through the winter. "
    long_text.write_text("title: A very long report\n\n" + (sentence * 40 + "\n\n") * 60)
    assert briefing(library, "import", str(long_text)).returncode == 0
    found = json.loads(briefing(library, "search", "title:long", "--json").stdout)
    article_id = str(found["hits"][0]["id"])
    # More output than a pipe holds (64 KiB): the writer meets the closed pipe mid-way.
    command = [sys.executable, str(REPO / "main.py"), "--library", str(library), "show", article_id]
    proc = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=REPO,
        env=cli_env(library),
    )
    assert proc.stdout.readline().strip() == b"A very long report"
    proc.stdout.close()  # what `| head -1` does after its line
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr


def test_an_unknown_option_shows_the_usage_of_its_command(library):
    done = briefing(library, "search", "troops", "--bogus")
    assert done.returncode == 2
    assert "usage: briefing search" in done.stderr and "--bogus" in done.stderr
    done = briefing(library, "briefing", "list", "--bogus")
    assert done.returncode == 2 and "usage: briefing briefing list" in done.stderr


def test_sort_words_are_the_windows_and_the_old_ones_still_work(library):
    def dates(*args: str) -> list:
        hits = json.loads(briefing(library, "search", "", "--json", *args).stdout)["hits"]
        return [h["date"] for h in hits if h["date"]]

    newest = dates("--sort", "newest")
    assert len(newest) >= 2 and newest == sorted(newest, reverse=True)
    assert dates("--sort", "oldest") == sorted(newest)
    assert dates("--sort", "date") == newest and dates("--sort", "date_asc") == sorted(newest)
    done = briefing(library, "search", "x", "--sort", "sideways")
    assert done.returncode == 2 and "newest" in done.stderr


def test_a_limited_search_says_where_the_next_page_is(library):
    total = json.loads(briefing(library, "search", "troops", "--json").stdout)["total"]
    assert total >= 3
    done = briefing(library, "search", "troops", "--limit", "2")
    assert f"{total} articles match" in done.stdout
    assert "showing 1–2, next: --page 2" in done.stdout
    last = -(-total // 2)
    done = briefing(library, "search", "troops", "--limit", "2", "--page", str(last))
    assert f"showing {2 * last - 1}–{total}" in done.stdout
    assert "next:" not in done.stdout


def test_verbose_logs_to_stderr_and_the_log_file_always(library):
    done = briefing(library, "--verbose", "stats")
    assert done.returncode == 0 and "DEBUG" in done.stderr
    assert "DEBUG" not in briefing(library, "stats").stderr
    log_file = library.parent / "BriefingReader" / "briefing.log"
    assert "briefing_app.cli" in log_file.read_text(encoding="utf-8")


def test_a_limit_or_page_below_one_is_a_usage_error(library):
    for option, value in (("--limit", "0"), ("--limit", "-5"), ("--page", "0")):
        done = briefing(library, "search", "troops", option, value)
        assert done.returncode == 2 and "give 1 or more" in done.stderr, (option, value)


def test_show_prints_wire_copy_as_paragraphs(library, tmp_path):
    lines = [
        "Army units moved north on Monday towards the border, while the",
        "government in the capital said that talks with the rebels would",
        "resume later in the week if the ceasefire held along the front,",
        "a spokesman for the defence ministry told reporters.",
        "    A second paragraph starts with an indented first line as wire",
        "copy does, and it runs on for a little while after that.",
    ]
    wire = tmp_path / "wire.txt"
    wire.write_text("title: Wire\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    assert briefing(library, "import", str(wire)).returncode == 0
    found = json.loads(briefing(library, "search", "title:Wire", "--json").stdout)
    shown = briefing(library, "show", str(found["hits"][0]["id"])).stdout
    paras = [" ".join(p.split()) for p in shown.split("\n\n")[1:] if p.strip()]
    # The wrapped lines are paragraphs again, each filled to the terminal's width.
    assert paras[0] == " ".join(lines[:4])
    assert paras[1] == " ".join(" ".join(lines[4:]).split())


def test_watch_list_says_when_no_folder_is_watched(library):
    done = briefing(library, "watch", "list")
    assert done.returncode == 0 and "No folders are watched" in done.stdout


def test_a_mistyped_library_is_an_error_not_a_new_empty_library(tmp_path):
    missing = tmp_path / "no-such-library"
    done = briefing(missing, "stats")
    assert done.returncode == 1 and f"there is no library at {missing}" in done.stderr
    assert not missing.exists()
