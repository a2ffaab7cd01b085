"""End to end: the real command line in a subprocess against a temporary library."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def briefing(library: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(REPO / "main.py"), "--library", str(library), *args],
        capture_output=True,
        text=True,
        input=stdin,
        cwd=REPO,
        timeout=120,
    )


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    lib = tmp_path_factory.mktemp("cli") / "library"
    done = briefing(lib, "stats")
    assert done.returncode == 0, done.stderr
    return lib


def test_first_use_seeds_the_library(library):
    done = briefing(library, "stats", "--json")
    assert json.loads(done.stdout)["articles"] == 3


def test_search_json_has_marked_snippets(library):
    done = briefing(library, "search", "troops AND Lithuania", "--json")
    payload = json.loads(done.stdout)
    assert payload["total"] >= 2
    assert all('<b class="match">' in h["snippet"] for h in payload["hits"])


def test_search_text_and_malformed_query(library):
    done = briefing(library, "search", "Stoltenberg")
    assert done.returncode == 0 and "1 articles match" in done.stdout
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
