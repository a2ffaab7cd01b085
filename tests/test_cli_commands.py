"""The window's features on the command line: star and read state, figure corrections, briefing
items, and a stored briefing found by its name or its title. The real program in a subprocess."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_support import REPO, run_cli

QUOTE = "Lambrecht said that these proposed reinforcements"
run = run_cli


def show(library: Path, article_id: int) -> dict:
    done = run(library, "show", str(article_id), "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture
def library(tmp_path) -> Path:
    lib = tmp_path / "library"
    assert run(lib, "import", str(REPO / "seeds")).returncode == 0
    return lib


@pytest.fixture
def lambrecht(library) -> int:
    hits = json.loads(run(library, "search", "Lambrecht", "--json").stdout)["hits"]
    return hits[0]["id"]


def test_star_and_read_state_from_the_command_line(library, lambrecht):
    assert show(library, lambrecht)["starred"] is False
    done = run(library, "star", str(lambrecht))
    assert done.returncode == 0 and f"Starred: {lambrecht}" in done.stdout
    assert show(library, lambrecht)["starred"] is True
    # The index follows at once: the starred filter finds it.
    found = json.loads(run(library, "search", "starred:yes", "--json").stdout)
    assert [h["id"] for h in found["hits"]] == [lambrecht]
    assert run(library, "unstar", str(lambrecht)).returncode == 0
    assert show(library, lambrecht)["starred"] is False

    assert run(library, "mark-read", str(lambrecht)).returncode == 0
    assert show(library, lambrecht)["read"] is True
    assert "read" in run(library, "show", str(lambrecht)).stdout.splitlines()[2]
    assert run(library, "mark-unread", str(lambrecht)).returncode == 0
    assert show(library, lambrecht)["read"] is False

    done = run(library, "star", str(lambrecht), "9999")
    assert done.returncode == 1 and "no article 9999" in done.stderr
    assert show(library, lambrecht)["starred"] is True  # the good id was still starred


def test_correct_reject_and_revert_a_troop_figure(library, lambrecht):
    listed = run(library, "show", str(lambrecht)).stdout
    assert f"briefing figure {lambrecht} N" in listed
    first = [f for f in show(library, lambrecht)["figures"] if f["number"] == 1][0]

    done = run(library, "figure", str(lambrecht), "1", "--count", "1250", "--year", "2018")
    assert done.returncode == 0, done.stderr
    assert "1,250" in done.stdout and "(corrected)" in done.stdout
    corrected = [f for f in show(library, lambrecht)["figures"] if f["number"] == 1][0]
    assert (corrected["low"], corrected["high"], corrected["year"]) == (1250, 1250, 2018)
    assert corrected["corrected"] and corrected["key"] == first["key"]
    table = json.loads(run(library, "figures", "--json").stdout)
    assert any(r["value"] == 1250 and r["year"] == 2018 for r in table)

    assert run(library, "figure", str(lambrecht), "1", "--reject").returncode == 0
    assert [f for f in show(library, lambrecht)["figures"] if f["number"] == 1][0]["rejected"]
    table = json.loads(run(library, "figures", "--json").stdout)
    assert not any(r["value"] == 1250 for r in table)  # a rejected figure leaves the chart

    assert run(library, "figure", str(lambrecht), "1", "--revert").returncode == 0
    reverted = [f for f in show(library, lambrecht)["figures"] if f["number"] == 1][0]
    assert not reverted["corrected"] and not reverted["rejected"]
    assert (reverted["low"], reverted["year"]) == (first["low"], first["year"])

    done = run(library, "figure", str(lambrecht), "99", "--reject")
    assert done.returncode == 1 and "not 99" in done.stderr
    done = run(library, "figure", str(lambrecht), "1", "--reject", "--count", "3")
    assert done.returncode == 2


def test_add_articles_passages_and_figures_to_a_stored_briefing(library, lambrecht):
    assert (
        run(library, "briefing", "new", "baltic", "--title", "Baltic reinforcement").returncode == 0
    )
    figure_one = [f for f in show(library, lambrecht)["figures"] if f["number"] == 1][0]
    done = run(
        library, "briefing", "add", "Baltic reinforcement",
        "--article", str(lambrecht), "--passage", str(lambrecht), QUOTE,
        "--figure", str(lambrecht), "1", "--note", "Check with the desk",
        "--span", str(lambrecht), "0", "25",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Added 4 items" in done.stdout
    stored = json.loads(run(library, "briefing", "show", "baltic", "--json").stdout)
    kinds = [i["kind"] for i in stored["items"]]
    assert kinds == ["article", "passage", "figure", "passage"]  # in the order given
    passage = stored["items"][1]
    body = show(library, lambrecht)["body"]
    assert body[passage["start"] : passage["end"]] == QUOTE
    assert stored["items"][2]["figure_key"] == figure_one["key"]
    assert stored["items"][3]["text"] == body[:25]
    # A note belongs to the item given just before it, not to every item of the command.
    assert [i.get("note", "") for i in stored["items"]] == ["", "", "Check with the desk", ""]

    # A note before any item has nothing to belong to: nothing is added.
    done = run(library, "briefing", "add", "baltic", "--note", "orphan",
               "--article", str(lambrecht))  # fmt: skip
    assert done.returncode == 1 and "--note follows the item it is for" in done.stderr
    done = run(library, "briefing", "add", "baltic", "--article", str(lambrecht))
    assert done.returncode == 0 and "Added 1 item to" in done.stdout
    stored = json.loads(run(library, "briefing", "show", "baltic", "--json").stdout)
    assert len(stored["items"]) == 5

    # One bad item adds nothing.
    done = run(library, "briefing", "add", "baltic", "--article", str(lambrecht),
               "--passage", str(lambrecht), "words not in the article")  # fmt: skip
    assert done.returncode == 1 and "nothing was added" in done.stderr
    stored = json.loads(run(library, "briefing", "show", "baltic", "--json").stdout)
    assert len(stored["items"]) == 5
    assert run(library, "briefing", "add", "no such briefing", "--article", "1").returncode == 1


def test_a_stored_briefing_is_found_by_its_name_or_its_title(library, lambrecht, tmp_path):
    assert (
        run(library, "briefing", "new", "Briefing", "--title", "Baltic reinforcement").returncode
        == 0
    )
    assert run(library, "briefing", "add", "Briefing", "--article", str(lambrecht)).returncode == 0
    listed = run(library, "briefing", "list").stdout
    assert "Briefing — Baltic reinforcement  (1 item)" in listed
    for wanted in ("Briefing", "Baltic reinforcement", "baltic REINFORCEMENT"):
        out = tmp_path / "b.md"
        done = run(library, "export", "--briefing", wanted, "--out", str(out))
        assert done.returncode == 0, (wanted, done.stderr)
        assert out.read_text(encoding="utf-8").startswith(
            "**UNCLASSIFIED**\n\n# Baltic reinforcement"
        )
    # A title two briefings share is ambiguous: the names are listed.
    assert (
        run(library, "briefing", "new", "Other", "--title", "Baltic reinforcement").returncode == 0
    )
    done = run(
        library, "export", "--briefing", "Baltic reinforcement", "--out", str(tmp_path / "x.md")
    )
    assert done.returncode == 1 and "“Briefing”" in done.stderr and "“Other”" in done.stderr
    done = run(library, "export", "--briefing", "Nothing like it", "--out", str(tmp_path / "x.md"))
    assert done.returncode == 1 and "stored: Other, Briefing" in done.stderr
