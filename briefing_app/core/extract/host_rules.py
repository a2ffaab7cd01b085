"""Where a figure's troops are or go: an ordered list of named rules, as for owners.

A rule takes a Scene and answers with a Host or passes with None; the first to answer wins.
"""

from __future__ import annotations

from collections.abc import Callable

from .hosts import Host, host_of, resolve_place
from .scene import Scene
from .troop_spans import Pattern

HostRule = Callable[[Scene], Host | None]


def listed_host(sc: Scene) -> Host | None:
    """ "Germany hosts 35,000 US troops, Japan 54,000 and South Korea 28,500": each state of
    the list hosts its figure."""
    c = sc.cand
    if not (sc.hosts_list and c.pattern is Pattern.ELLIPSIS_STATE and sc.sent_whos):
        return None
    named = [m for m in sc.ms if m.entity.start == c.who_start]
    if not named or not named[0].country:
        return None
    ent = named[0].entity
    return Host(resolve_place(ent.text, ent.canonical, sc.article.gaz, sc.article.countries), None)


def place_in_sentence(sc: Scene) -> Host | None:
    """ "300 troops will go to Estonia, Latvia and Lithuania", "withdraw 1,000 soldiers from
    Somalia": the place the sentence names as where the troops are, go or leave."""
    c = sc.cand
    return host_of(sc.text, sc.s, (c.start, c.end), sc.ms, sc.article.gaz, sc.article.countries)


def article_host(sc: Scene) -> Host | None:
    """ "8,600 U.S. troops in the country": the place the article names most as where troops
    are, when one stands out."""
    return sc.article.host


def host_of_figure_before(sc: Scene) -> Host | None:
    """ "Poland sent 300 troops to Iraq. Another 200 will follow": the last figure's host."""
    return sc.memory.last_host


HOST_RULES: tuple[HostRule, ...] = (
    listed_host,
    place_in_sentence,
    article_host,
    host_of_figure_before,
)


def host(sc: Scene) -> tuple[Host | None, str | None]:
    """The figure's host and the rule that named it."""
    for rule in HOST_RULES:
        found = rule(sc)
        if found:
            return found, rule.__name__
    return None, None
