"""How a briefing says a date, a troop count and a troop figure, in every format and the window.

Plain words with no knowledge of the document, so that the resolved items (their headings and
citations) and every renderer say them the same way.
"""

from __future__ import annotations

import datetime as _dt

from briefing_app.core.extract.records import Figure


def display_date(iso: str | None) -> str:
    """ "2016-06-14" as "14 June 2016"; anything else as written."""
    if not iso:
        return ""
    try:
        day = _dt.date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return f"{day.day} {day:%B %Y}"


def troops_text(figure: Figure) -> str:
    """The count as a reader says it: "about 1,000", "50–60", "several thousand"."""
    if figure.low is None and figure.high is None:
        count = figure.vague or "unspecified number"
    elif figure.low is None or figure.high is None or figure.low == figure.high:
        count = f"{(figure.low if figure.low is not None else figure.high):,.0f}"
    else:
        count = f"{figure.low:,.0f}–{figure.high:,.0f}"
    qualifier = figure.qualifier or ""
    if qualifier == "exact" or qualifier in count:  # "several thousand" is its own qualifier
        qualifier = ""
    return f"{qualifier} {count}".strip()


def figure_summary(figure: Figure) -> str:
    """ "Germany → Lithuania: about 360 (deployment, 2022)"."""
    route = f"{figure.contributor or 'unknown'} → {figure.host or 'unknown'}"
    detail = ", ".join(str(x) for x in (figure.troop_kind, figure.year) if x)
    return f"{route}: {troops_text(figure)}" + (f" ({detail})" if detail else "")


__all__ = ["display_date", "figure_summary", "troops_text"]
