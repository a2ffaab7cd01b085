"""An article as reader HTML: escaped plain text with entities, figures and search terms marked.

The body is plain text, so every character goes through html.escape; nothing from the
article is ever passed to Qt as markup. Overlapping marks (a country inside a troop figure,
three figures over one span) are cut into segments, each styled by everything covering it.
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing_app.core.paragraphs import is_table_row, paragraph_spans, reflow
from briefing_app.ui.models import figure_summary
from briefing_app.ui.theme import Highlights

if TYPE_CHECKING:
    from briefing_app.core.workspace import ArticleView

# Space between paragraphs in the reader, in pixels: about half a line at the default size.
PARAGRAPH_GAP_PX = 9

ENTITY_KINDS = {"PERSON": "person", "GPE": "place", "ORG": "organisation", "NORP": "nationality"}

_MATCH_RE = re.compile(r'<b class="match">(.*?)</b>', re.S)
# Query syntax that is not a word to look for: operators, field prefixes, ranges.
_OPERATORS = {"and", "or", "not", "andnot", "andmaybe", "to"}
_QUERY_WORD_RE = re.compile(r"(?:\w+:)?(\"[^\"]*\"|[\w*~.'’-]+)")


@dataclass
class Mark:
    start: int
    end: int
    kind: str  # an entity label, "troops", "figure" or "match"
    tip: str


def search_terms(query: str, snippet: str = "") -> list[str]:
    """Words to mark in the reader: the ones search marked in the hit's snippet (so inflected
    forms and fuzzy matches are included), plus the query's own words."""
    terms = {html.unescape(m).lower() for m in _MATCH_RE.findall(snippet)}
    negate = False
    for match in _QUERY_WORD_RE.finditer(query or ""):
        field, word = match.group(0).partition(":")[0], match.group(1)
        if word in ("NOT", "ANDNOT"):
            negate = True  # the next word is one the article does not contain
            continue
        if negate or (":" in match.group(0) and field.lower() not in ("title", "body")):
            negate = False
            continue
        for part in re.findall(r"[\w*]+(?:[.'’]\w+)*", word.strip('"')):
            part = part.lower().rstrip("~")
            if part and part not in _OPERATORS and part.strip("*"):
                terms.add(part)
    return sorted(terms)


def _term_marks(body: str, terms: list[str]) -> list[Mark]:
    marks = []
    for term in terms:
        if term.endswith("*"):
            pattern = r"\b" + re.escape(term.rstrip("*")) + r"\w*"
        else:
            pattern = r"\b" + re.escape(term) + r"\b"
        for m in re.finditer(pattern, body, re.IGNORECASE):
            marks.append(Mark(m.start(), m.end(), "match", f"Search term “{term}”"))
    return marks


def article_marks(view: ArticleView, terms: list[str]) -> list[Mark]:
    marks = []
    for e in view.entities:
        tip = f"{e.canonical} — {ENTITY_KINDS.get(e.label, e.label)}"
        if e.text != e.canonical:
            tip += f" (written “{e.text}”)"
        marks.append(Mark(e.start, e.end, e.label, tip))
    for stored in view.figures:
        headline, detail = figure_summary(stored)
        f = stored.figure
        kind = "troops" if f.kind == "troops" else "figure"
        marks.append(Mark(f.start, f.end, kind, f"{f.kind.capitalize()}: {headline}\n{detail}"))
    marks.extend(_term_marks(view.article.body, terms))
    return [m for m in marks if 0 <= m.start < m.end <= len(view.article.body)]


def display_body(body: str) -> str:
    """The body with control characters made visible-safe, keeping every offset unchanged."""
    out = []
    for ch in body:
        if ch == "\r":
            out.append(" ")  # "\r\n" stays two characters: a space and the line break
        elif ch not in "\n\t" and unicodedata.category(ch) == "Cc":
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def _segment_style(kinds: set[str], colors: Highlights) -> str:
    style = []
    entity = next((k for k in ("PERSON", "GPE", "ORG", "NORP") if k in kinds), None)
    if entity:
        style.append(f"color:{getattr(colors, entity)}; font-weight:600")
    if "troops" in kinds:
        style.append(f"background-color:{colors.troops_bg}; font-weight:700")
        style.append(f"border-bottom: 2px solid {colors.troops_border}")
    elif "figure" in kinds:
        style.append(f"background-color:{colors.figure_bg}")
    if "match" in kinds:
        if "troops" in kinds:
            style.append("text-decoration: underline")
        else:
            style.append(f"background-color:{colors.match_bg}")
    return "; ".join(style)


def _marked(text: str, start: int, end: int, inside: list[Mark], colors: Highlights) -> str:
    """text[start:end] escaped, cut where the marks over it begin and end, each piece styled
    by the marks covering it."""
    cuts = sorted({start, end} | {c for m in inside for c in (m.start, m.end) if start < c < end})
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = html.escape(text[a:b], quote=False)
        kinds = {m.kind for m in inside if m.start <= a and m.end >= b}
        if kinds:
            out.append(f'<span style="{_segment_style(kinds, colors)}">{piece}</span>')
        else:
            out.append(piece)
    return "".join(out)


def body_html(
    body: str, marks: list[Mark], hidden: set[str], colors: Highlights, gap: int = PARAGRAPH_GAP_PX
) -> str:
    """The body as paragraphs, one <p> each: hard-wrapped lines joined (reflow keeps every
    offset), paragraphs set apart, table rows in a fixed-width font with their columns."""
    shown = sorted((m for m in marks if m.kind not in hidden), key=lambda m: m.start)
    starts = [m.start for m in shown]
    longest = max((m.end - m.start for m in shown), default=0)
    text = reflow(body)
    spans = paragraph_spans(body)
    out = []
    for n, (start, end) in enumerate(spans):
        # Only the marks that can reach this paragraph: a long article has thousands.
        near = shown[bisect_left(starts, start - longest) : bisect_left(starts, end)]
        inside = [m for m in near if m.end > start]
        table = is_table_row(text[start:end])
        next_table = n + 1 < len(spans) and is_table_row(text[slice(*spans[n + 1])])
        style = [
            "white-space:pre-wrap",
            "margin-top:0",
            # A table's rows stay together; paragraphs are set apart by half a line.
            f"margin-bottom:{0 if table and next_table else gap}px",
        ]
        style.append("font-family:monospace" if table else "line-height:135%")
        out.append(f'<p style="{"; ".join(style)}">{_marked(text, start, end, inside, colors)}</p>')
    return "\n".join(out)


def article_html(
    view: ArticleView,
    marks: list[Mark],
    hidden: set[str],
    colors: Highlights,
    gap: int = PARAGRAPH_GAP_PX,
    *,
    can_edit: bool = True,
) -> str:
    """The article's title, details and body; `gap` is the space between paragraphs in px.
    Without a date it says "undated" (as the results, chart and terminal do), and to whom may
    edit, how to give one."""
    a = view.article
    esc = html.escape
    undated = "Undated — set a date with Edit details" if can_edit else "Undated"
    meta = " · ".join(esc(p) for p in (a.date or undated, a.source, a.dateline, a.author) if p)
    lines = [
        f'<h2 style="margin-top:4px; margin-bottom:6px">{esc(a.title)}</h2>',
        f'<p style="color:{colors.muted}; margin:0">{meta}</p>',
    ]
    if a.url:
        # Shown as text, never as a link: the reader loads nothing and opens nothing.
        lines.append(f'<p style="color:{colors.muted}; margin:0">{esc(a.url)}</p>')
    if a.original_missing:
        lines.append(
            f'<p style="color:{colors.muted}; margin:0"><i>The original file is no longer on disk.</i></p>'
        )
    lines.append('<hr style="margin-top:8px; margin-bottom:8px">')
    # The body comes last so its position in the document can be found from the end.
    lines.append(body_html(display_body(a.body), marks, hidden, colors, gap))
    return "\n".join(lines)
