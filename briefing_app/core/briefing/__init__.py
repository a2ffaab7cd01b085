"""Briefings: what a user collects to brief someone, kept in the library and exported.

The flow runs one way through the modules here: `model` (the records and their JSON) →
`shelf` (stored briefings, through the Workspace) and `document` (a briefing joined with the
library) → `render/` (the words and sections every format shares, then HTML, Markdown and the
PDF) → `export` (the one entry point that writes a file). `chart` draws the troop chart as
plain primitives for every format, and `chart_file` writes it as an SVG or PNG of its own.

This package's names below are the briefing API the window and the command line use.
"""

from briefing_app.core.briefing.document import (
    BriefingDocument,
    IndexEntry,
    ResolvedChart,
    ResolvedItem,
    Source,
    chart_table,
    resolve,
)
from briefing_app.core.briefing.model import (
    CHART_SCALES,
    CHART_STYLES,
    DEFAULT_MARKING,
    ITEM_KINDS,
    PAGE_SIZES,
    UNTITLED,
    Briefing,
    BriefingError,
    BriefingItem,
    ChartConfig,
    label,
)
from briefing_app.core.briefing.phrases import display_date, figure_summary, troops_text
from briefing_app.core.briefing.render.user_markdown import demote_headings, markdown_to_html
from briefing_app.core.briefing.shelf import (
    delete,
    find,
    load,
    names,
    rename,
    save,
    unused_name,
)

__all__ = [
    "CHART_SCALES",
    "CHART_STYLES",
    "DEFAULT_MARKING",
    "ITEM_KINDS",
    "PAGE_SIZES",
    "UNTITLED",
    "Briefing",
    "BriefingDocument",
    "BriefingError",
    "BriefingItem",
    "ChartConfig",
    "IndexEntry",
    "ResolvedChart",
    "ResolvedItem",
    "Source",
    "chart_table",
    "delete",
    "demote_headings",
    "display_date",
    "figure_summary",
    "find",
    "label",
    "load",
    "markdown_to_html",
    "names",
    "rename",
    "resolve",
    "save",
    "troops_text",
    "unused_name",
]
