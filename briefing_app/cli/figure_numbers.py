"""Troop figures as the command line numbers them: 1, 2, … in the order of the article's text.

`briefing show ID` prints the numbers, `briefing figure ID N` and `briefing briefing add --figure
ID N` take them; the figure's identity behind a number comes from the Workspace, never from here.
"""

from __future__ import annotations

from briefing_app.core.figure_text import review_state, troop_text
from briefing_app.core.workspace import ArticleView, StoredFigure, Workspace


def troop_figures(view: ArticleView) -> list[StoredFigure]:
    """An article's troop figures as `show` numbers them: all of them, rejected ones included."""
    return [f for f in view.figures if f.figure.kind == "troops"]


def figure_by_number(
    workspace: Workspace, article_id: int, number: int
) -> tuple[tuple[ArticleView, StoredFigure] | None, str | None]:
    """(view, stored figure) for `show`'s figure `number`, or a message saying what is wrong."""
    view = workspace.article(article_id)
    if view is None:
        return None, f"no article {article_id}"
    figures = troop_figures(view)
    if not 1 <= number <= len(figures):
        if not figures:
            return None, f"article {article_id} has no troop figures"
        return None, (
            f"article {article_id} has troop figures 1–{len(figures)}, not {number}"
            f" (see: briefing show {article_id})"
        )
    return (view, figures[number - 1]), None


def describe_numbered(number: int, stored: StoredFigure) -> str:
    """ "2. Germany → Lithuania: about 360 (deployment, 2022) (corrected)"."""
    state = review_state(corrected=stored.corrected, rejected=stored.rejected)
    return f"{number}. {troop_text(stored.figure)}" + (f" ({state})" if state else "")
