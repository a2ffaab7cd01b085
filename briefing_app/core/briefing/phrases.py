"""How a briefing says a date, a troop count and a troop figure, in every format and the window.

Plain words with no knowledge of the document, so that the resolved items (their headings and
citations) and every renderer say them the same way.
"""

from __future__ import annotations

import datetime as _dt

from briefing_app.core.dates import MONTH_NAMES
from briefing_app.core.extract.records import Figure
from briefing_app.core.figure_text import troop_count, troop_text


def display_date(iso: str | None) -> str:
    """ "2016-06-14" as "14 June 2016"; anything else as written."""
    if not iso:
        return ""
    try:
        day = _dt.date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    # The month's name from the one table, not strftime's %B: Qt sets the C locale from the
    # environment, and a German desktop would otherwise print "14 Juni 2016".
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def troops_text(figure: Figure) -> str:
    """The count as a reader says it: "about 1,000", "50–60", "several thousand"."""
    return troop_count(figure)


def figure_summary(figure: Figure) -> str:
    """ "Germany → Poland (Swidwin): about 360 (deployment, 2022)"."""
    return troop_text(figure)


__all__ = ["display_date", "figure_summary", "troops_text"]
