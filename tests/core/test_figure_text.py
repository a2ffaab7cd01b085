"""One wording for a troop figure: the terminal, the briefings and the window say it the same way."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.cli import main
from briefing_app.core import briefing as bf
from briefing_app.core.briefing.export import to_markdown
from briefing_app.core.extract.records import Figure
from briefing_app.core.figure_text import (
    review_state,
    troop_count,
    troop_route,
    troop_text,
)
from briefing_app.core.workspace import Workspace
from briefing_app.ui.models import figure_summary

SWIDWIN = "date 2017-05-02 About 1,000 US troops are stationed in Swidwin, Poland, officials said."


def troops(**fields: object) -> Figure:
    return Figure("troops", "", 0, 0, **fields)


def test_a_whole_figure_on_one_line():
    figure = troops(
        low=1000,
        high=1000,
        qualifier="about",
        contributor="United States",
        host="Poland",
        host_place="Swidwin",
        troop_kind="presence",
        year=2017,
    )
    assert troop_text(figure) == "United States → Poland (Swidwin): about 1,000 (presence, 2017)"


def test_what_is_not_known_is_said_so():
    figure = troops(host="Lithuania", vague="several thousand", qualifier="several thousand")
    assert troop_text(figure) == "unknown → Lithuania: several thousand (undated)"
    assert troop_count(troops()) == "unspecified number"
    # A place is only shown beside a host it names.
    assert troop_route(troops(host_place="Swidwin")) == "unknown → unknown"


def test_counts_as_a_reader_says_them():
    assert troop_count(troops(low=50, high=60)) == "50–60"
    assert troop_count(troops(low=360, high=360, qualifier="exact")) == "360"
    assert troop_count(troops(low=None, high=4000, qualifier="up to")) == "up to 4,000"


def test_a_rejection_outranks_the_correction_it_is():
    assert review_state(corrected=True, rejected=True) == "rejected"
    assert review_state(corrected=True, rejected=False) == "corrected"
    assert review_state(corrected=False, rejected=False) == ""


@pytest.fixture
def swidwin(tmp_path: Path) -> tuple[Path, int]:
    folder = tmp_path / "lib"
    with Workspace.open(folder, seed_if_empty=False) as ws:
        ws.import_text(SWIDWIN, title="Swidwin")
        [hit] = ws.search("Swidwin").hits
    return folder, hit.id


def test_terminal_briefing_and_window_use_the_same_words(swidwin, capsys):
    folder, article_id = swidwin
    said = "United States → Poland (Swidwin): About 1,000 (presence, 2017)"

    assert main(["--library", str(folder), "show", str(article_id)]) == 0
    assert f"  1. {said}\n" in capsys.readouterr().out

    with Workspace.open(folder, seed_if_empty=False) as ws:
        [stored] = [f for f in ws.article(article_id).figures if f.figure.kind == "troops"]
        brief = bf.Briefing(title="B", items=[bf.BriefingItem.figure(article_id, stored.key)])
        document = bf.resolve(ws, brief)
        assert document.items[0].heading == f"Troop figure: {said}"
        assert f"Troop figure: {said}" in to_markdown(document)

        headline, detail = figure_summary(stored)
        assert (headline, detail) == (
            "United States → Poland (Swidwin)",
            "About 1,000 · presence · 2017",
        )

        ws.correct_figure(article_id, stored.key, count=1200)
        [stored] = [f for f in ws.article(article_id).figures if f.figure.kind == "troops"]
        assert figure_summary(stored)[1] == "1,200 · presence · 2017 · corrected"
