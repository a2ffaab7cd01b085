"""A troop figure in words, said the same way by the window, the briefings and the terminal.

"Germany → Poland (Swidwin): about 360 (deployment, 2022)": who sends troops where (with the place
as written when the host was named through it), how many as a reader says it, then the kind and
the year. The window lays the same pieces out on two lines; nothing else words a troop figure.
"""

from __future__ import annotations

from briefing_app.core.extract.records import Figure
from briefing_app.core.figures import year_label

UNKNOWN_COUNTRY = "unknown"
NO_COUNT = "unspecified number"


def troop_route(figure: Figure) -> str:
    """ "Germany → Poland (Swidwin)": contributor and host, the place as written beside the host."""
    route = f"{figure.contributor or UNKNOWN_COUNTRY} → {figure.host or UNKNOWN_COUNTRY}"
    if figure.host and figure.host_place:
        route += f" ({figure.host_place})"
    return route


def troop_count(figure: Figure) -> str:
    """The count as a reader says it: "about 1,000", "50–60", "several thousand"."""
    if figure.low is None and figure.high is None:
        count = figure.vague or NO_COUNT
    elif figure.low is None or figure.high is None or figure.low == figure.high:
        count = f"{(figure.low if figure.low is not None else figure.high):,.0f}"
    else:
        count = f"{figure.low:,.0f}–{figure.high:,.0f}"
    qualifier = figure.qualifier or ""
    if qualifier == "exact" or qualifier in count:  # "several thousand" is its own qualifier
        qualifier = ""
    return f"{qualifier} {count}".strip()


def troop_details(figure: Figure) -> list[str]:
    """ "deployment", "2022": the kind when extraction found one, and the year or "undated"."""
    kind = [figure.troop_kind] if figure.troop_kind else []
    return [*kind, year_label(figure.year)]


def troop_text(figure: Figure) -> str:
    """The whole figure on one line: "Germany → Poland (Swidwin): about 360 (deployment, 2022)"."""
    return f"{troop_route(figure)}: {troop_count(figure)} ({', '.join(troop_details(figure))})"


def review_state(*, corrected: bool, rejected: bool) -> str:
    """ "rejected", "corrected" or "": what the user did to a figure (a rejection wins)."""
    return "rejected" if rejected else "corrected" if corrected else ""


__all__ = ["review_state", "troop_count", "troop_details", "troop_route", "troop_text"]
