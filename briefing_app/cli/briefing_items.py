"""`briefing briefing add`: articles, passages and troop figures into a stored briefing.

What the window's *Add to briefing* does from the results, the reader's selection and the
*In this article* pane. Items are added in the order given, all or none: one bad item (an
unknown article, a quote not in the text) adds nothing.
"""

from __future__ import annotations

import argparse
import sys

from briefing_app.cli.exit_codes import EXIT_OK, fail
from briefing_app.cli.figure_numbers import figure_by_number
from briefing_app.core import briefing as briefings
from briefing_app.core.briefing import Briefing, BriefingItem
from briefing_app.core.figure_text import troop_text
from briefing_app.core.wording import counted
from briefing_app.core.workspace import Workspace


def run_add(workspace: Workspace, name: str, brief: Briefing, args: argparse.Namespace) -> int:
    if not any(option != "note" for option, _ in args.items or []):
        return fail("give --article, --passage, --span or --figure")
    added: list[BriefingItem] = []
    for option, values in args.items:
        if option == "note":  # the note belongs to the item given just before it
            if not added:
                return fail("--note follows the item it is for (e.g. --article 3 --note TEXT)")
            added[-1].note = values
            continue
        item, problem = _item(workspace, option, values)
        if item is None:
            print(f"briefing: --{option} {' '.join(map(str, values))}: {problem}", file=sys.stderr)
            return fail("nothing was added")
        added.append(item)
    brief.items.extend(added)
    briefings.save(workspace, name, brief)
    print(f"Added {counted(len(added), 'item')} to “{name}” (it now has {len(brief.items)}):")
    for item in added:
        print(f"  {item.kind}: {_describe(workspace, item)}")
    return EXIT_OK


def _item(
    workspace: Workspace, option: str, values: str | list[str]
) -> tuple[BriefingItem | None, str | None]:
    """(BriefingItem, None), or (None, what is wrong)."""
    values = values if isinstance(values, list) else [values]
    try:
        article_id = int(values[0])
    except ValueError:
        return None, f"'{values[0]}' is not an article id"
    view = workspace.article(article_id)
    if view is None:
        return None, f"no article {article_id}"
    article = view.article
    if option == "article":
        return BriefingItem.article(article_id, article.title), None
    if option == "passage":
        text = values[1].strip()
        start = article.body.find(text) if text else -1
        if start < 0:
            return None, f"that text is not in article {article_id} (quote it exactly)"
        return BriefingItem.passage(article_id, text, start, start + len(text), article.title), None
    if option == "span":
        try:
            start, end = int(values[1]), int(values[2])
        except ValueError:
            return None, "START and END are character offsets (whole numbers)"
        if not 0 <= start < end <= len(article.body):
            return None, f"article {article_id}'s text runs from 0 to {len(article.body)}"
        text = article.body[start:end]
        return BriefingItem.passage(article_id, text, start, end, article.title), None
    try:
        number = int(values[1])
    except ValueError:
        return None, f"'{values[1]}' is not a figure number"
    found, problem = figure_by_number(workspace, article_id, number)
    if found is None:
        return None, problem
    return BriefingItem.figure(article_id, found[1].key, article.title), None


def _describe(workspace: Workspace, item: BriefingItem) -> str:
    if item.kind == "passage":
        quote = item.text if len(item.text) <= 70 else item.text[:69] + "…"
        return f"“{quote}” ({item.label})"
    if item.kind == "figure" and item.article_id is not None:
        view = workspace.article(item.article_id)
        figures = view.figures if view is not None else []
        stored = next((f for f in figures if f.key == item.figure_key), None)
        if stored is not None:
            return f"{troop_text(stored.figure)} ({item.label})"
    return item.label
