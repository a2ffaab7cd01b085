"""The user's own headings stay inside the section they are printed in, in every export format."""

from __future__ import annotations

import re

import pytest

from briefing_app.core import briefing as bf
from briefing_app.core.briefing import Briefing, BriefingItem, demote_headings
from briefing_app.core.briefing.export import to_html, to_markdown
from briefing_app.core.briefing.render.pdf_markup import PdfMarkup
from briefing_app.core.workspace import Workspace

SUMMARY = "# Key points\n\nAllies add troops.\n\n## Risks\n\nNone named.\n"


def test_atx_headings_move_down_and_stop_at_six():
    assert demote_headings("# A\n\n## B\n\n##### C\n", 2) == "### A\n\n#### B\n\n###### C\n"
    assert demote_headings("   # Indented a little", 1) == "   ## Indented a little"
    assert demote_headings("#hashtag, not a heading", 2) == "#hashtag, not a heading"
    assert demote_headings("# A", 0) == "# A"


def test_underlined_headings_become_hash_headings():
    assert demote_headings("Key points\n==========\n\nText.", 2) == "### Key points\n\nText."
    assert demote_headings("Risks\n-----\n", 2) == "#### Risks\n"
    # A rule after a blank line, and a list item above dashes, are not headings.
    assert demote_headings("Text.\n\n---\n", 2) == "Text.\n\n---\n"
    assert demote_headings("- item\n---\n", 2) == "- item\n---\n"


def test_fenced_code_is_left_alone():
    text = "```\n# a comment in code\n```\n# Heading"
    assert demote_headings(text, 2) == "```\n# a comment in code\n```\n### Heading"


@pytest.fixture(scope="module")
def document(tmp_path_factory):
    with Workspace.open(tmp_path_factory.mktemp("headings") / "lib") as workspace:
        article = next(workspace.library.iter_articles())
        item = BriefingItem.article(article.id, article.title)
        item.note = "# Why it matters\n\nIt is the first."
        brief = Briefing(
            title="Baltic reinforcement", summary=SUMMARY, notes="# Caveats", items=[item]
        )
        yield bf.resolve(workspace, brief)


def test_markdown_export_keeps_the_key_points_inside_the_summary(document):
    text = to_markdown(document)
    summary = text[text.index("## Executive summary") :]
    assert summary.index("### Key points") < summary.index("#### Risks") < summary.index("## Items")
    assert not re.search(r"^# Key points", text, re.M)
    assert "## Notes\n\n### Caveats" in text


def test_html_export_keeps_the_key_points_inside_the_summary(document):
    page = to_html(document)
    assert "<h3>Key points</h3>" in page and "<h4>Risks</h4>" in page
    assert "<h3>Caveats</h3>" in page
    assert "<h4>Why it matters</h4>" in page  # an item's note sits under the item's <h3>
    assert "<h1>Key points" not in page and "<h2>Risks" not in page


def test_pdf_markup_puts_the_users_headings_below_sections_and_items(document):
    markup = PdfMarkup(document, "Caladea", "Carlito", {}).build()
    assert re.search(r"<h4 [^>]*>Key points</h4>", markup)
    assert re.search(r"<h5 [^>]*>Risks</h5>", markup)
    assert re.search(r"<h4 [^>]*>Why it matters</h4>", markup)
