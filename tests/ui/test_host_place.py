"""The place as written beside a figure's host: in the reader's tooltip and the highlight pane."""

from __future__ import annotations

from briefing_app.core.workspace import Workspace
from briefing_app.ui.highlights_html import article_marks
from briefing_app.ui.models import highlight_items

TEXT = "date 2017-05-02 About 1,000 US troops are stationed in Swidwin, Poland, officials said."


def test_tooltip_and_pane_show_the_country_and_the_place_as_written(tmp_path):
    with Workspace.open(tmp_path / "lib", seed_if_empty=False) as ws:
        ws.import_text(TEXT, title="Swidwin")
        [hit] = ws.search("Swidwin").hits
        view = ws.article(hit.id)
        [fig] = [s for s in view.figures if s.figure.kind == "troops"]
        assert (fig.figure.host, fig.figure.host_place) == ("Poland", "Swidwin")

        tips = [m.tip for m in article_marks(view, []) if m.kind == "troops"]
        assert tips and tips[0].startswith("Troops: United States → Poland (Swidwin)")
        [troops] = [g for g in highlight_items(view) if g.key == "troops"]
        assert [i.label for i in troops.children] == ["United States → Poland (Swidwin)"]


def test_a_country_named_as_such_shows_no_place_beside_it(tmp_path):
    with Workspace.open(tmp_path / "lib", seed_if_empty=False) as ws:
        ws.import_text("date 2017-05-02 Germany will send 500 soldiers to Lithuania.", title="L")
        [hit] = ws.search("Lithuania").hits
        [troops] = [g for g in highlight_items(ws.article(hit.id)) if g.key == "troops"]
        assert [i.label for i in troops.children] == ["Germany → Lithuania"]
