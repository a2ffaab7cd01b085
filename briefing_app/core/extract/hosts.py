"""Where troops are or go, as a place on a map: a country, or a named region spanning several.

Articles name the place as a reporter knows it: a city, a base town, a province, a US state
("Swidwin", "Darwin", "Okinawa", "Ohio"). The chart groups hosts by country, so a place with a
country resolves to it (the shipped gazetteer first, then GeoNames' cities and US states in
world_places.tsv); a region that spans countries ("Baltic states", "Sahel") stays itself. The
place as written is kept beside the host for the reader.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from .context import Mention, list_members
from .gazetteer import Gazetteer


@dataclass(frozen=True)
class Host:
    name: str  # a canonical country or region, or a list of them ("Estonia and Poland")
    place: str | None  # the places as written when they are not the host itself ("Swidwin")


def resolve_place(
    text: str, canonical: str, gaz: Gazetteer, article_countries: AbstractSet[str]
) -> str:
    """The country a place is in, or the place itself when it is a country or a region."""
    if canonical in gaz.countries:
        return canonical
    name = gaz.names.get(text) or gaz.names.get(canonical)
    if name is not None and name.kind in ("capital", "region", "country"):
        # A capital or an ISO 3166-2 state or province is its country's; a region with no
        # country (one spanning several, or a contested area) is a host of its own.
        return name.country or name.canonical
    candidates = list(gaz.world_places.get(text) or gaz.world_places.get(canonical) or ())
    if name is not None and name.country and name.country not in candidates:
        # A base or small town GeoNames' cities leave out ("Camp Humphreys", Estonia's Tapa).
        candidates.append(name.country)
    if candidates:
        # "Tripoli" is Lebanon's in an article about Lebanon, else the largest city's country.
        named = [c for c in candidates if c in article_countries]
        return (named or candidates)[0]
    return canonical


# "said in Washington", "told reporters in Brussels", "on a visit to Kabul": where someone
# spoke or met, not where troops are.
_SPOKEN_AT = re.compile(
    r"\b(?:said|says|say|told\s+(?:\w+\s+){0,2}?|speaking|spoke|announced|added|visit\w*|"
    r"meeting|met|talks|summit|conference|interview\w*|stopover)\s+(?:\w+\s+){0,3}?"
    r"(?:in|at|to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "its eastern border with Russia", "troops bordering Belarus": the other side of a border.
_ACROSS = re.compile(
    r"\b(?:borders?\s+with|bordering|frontier\s+with|against|facing)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "at U.S. Camp Virginia in Kuwait", "the Russia-Ukraine war": a name used as a modifier.
_MODIFIER_AFTER = re.compile(
    r"(?:-[A-Z]\w+)?\s*(?:-|–)?\s*(?:[Cc]amp|[Bb]ases?|[Ee]mbassy|[Aa]ircraft|war|conflict|"
    r"forces|troops|soldiers|military|officials|border\s+(?:crossing|guards))\b"
)
# "withdraw 1,000 soldiers from Somalia", "the pullout of 600 troops from Iraq": the place left
# is where the troops are until they go.
# A relocation ("redeployed from South Sudan") is hosted where it goes, not where it leaves.
_LEAVES = re.compile(
    r"\b(?:withdr[ae]w\w*|pull\w*|recall\w*|evacuat\w*|remov\w*|bring\w*\s+home|"
    r"brought\s+home|leav\w*|exit\w*|return\w*|cut\w*|reduc\w*|drawdown|draw\w*\s+down)\b",
    re.IGNORECASE,
)
# "with Downing Street saying it will number 4,000": a place that speaks is a government.
_SPEAKS_AFTER = re.compile(r"\s+(?:saying|said|says|told|announced|stated|insisted)\b")
# "redeployed from the U.N.'s mission in South Sudan": where troops come from.
_ORIGIN_BEFORE = re.compile(
    r"\bfrom\s+(?:the\s+)?(?:[\w’'.-]+\s+){0,4}?(?:in|at)\s+(?:\w+\s+)?$", re.IGNORECASE
)
# "from Germany to Poland": a relocation's destination is its host.
_TO_NEXT = re.compile(r"[^.;:\n]*?\b(?:to|into|toward|towards)\s+(?:the\s+)?$")
_NUMBER_AFTER = re.compile(r"\s*[:–-]?\s*\d")
_FROM_AFTER = re.compile(r"^[^.;:()]{0,50}?\bfrom\s+(?:the\s+)?$")


def host_of(
    text: str,
    s: int,
    span: tuple[int, int],
    ms: list[Mention],
    gaz: Gazetteer,
    article_countries: set[str],
) -> Host | None:
    """The host of a figure over span, from its sentence (starting at s): the first place
    named after the figure as where troops are or go, else the last before it, with the list
    it stands in ("in Estonia, Latvia and Lithuania"); for troops leaving, the place they
    leave when no other is named."""
    start, end = span
    hosts = [m for m in ms if m.host and m.entity.label == "GPE" and where_troops_are(text, s, m)]
    after = [m for m in hosts if m.entity.start >= start]
    left = _place_left(text, s, span, ms)
    if left is not None and not any(
        0 <= m.entity.start - left.entity.end <= 40
        and _TO_NEXT.match(text, left.entity.end, m.entity.start)
        for m in after
    ):
        return _host_from(text, s, left, ms, gaz, article_countries, lambda m: m.from_)
    if not hosts:
        return None
    first = after[0] if after else hosts[-1]
    return _host_from(text, s, first, ms, gaz, article_countries, lambda m: m.host)


def where_troops_are(text: str, s: int, m: Mention) -> bool:
    """Whether a place named as a host is where troops are, not where someone spoke, the far
    side of a border, where troops come from or a name used as a modifier."""
    before = text[max(s, m.entity.start - 60) : m.entity.start]
    if _SPOKEN_AT.search(before) or _ACROSS.search(before) or _ORIGIN_BEFORE.search(before):
        return False
    if _SPEAKS_AFTER.match(text, m.entity.end):
        return False
    # "Uganda has 6,223 troops in AMISOM, Burundi 5,432": a sender in a list of contingents.
    if _NUMBER_AFTER.match(text, m.entity.end):
        return False
    return _MODIFIER_AFTER.match(text, m.entity.end) is None


def _place_left(text: str, s: int, span: tuple[int, int], ms: list[Mention]) -> Mention | None:
    """The place named just after a figure of troops leaving it ("1,200 troops from Iraq")."""
    start, end = span
    if not _LEAVES.search(text, max(s, start - 60), start):
        return None
    for m in ms:
        if m.entity.start >= end and m.from_ and m.entity.label == "GPE":
            if _FROM_AFTER.match(text[end : m.entity.start]) and where_troops_are(text, s, m):
                return m
            return None
    return None


def _host_from(
    text: str,
    s: int,
    first: Mention,
    ms: list[Mention],
    gaz: Gazetteer,
    article_countries: set[str],
    same_role: Callable[[Mention], bool],
) -> Host:
    members = [
        m
        for m in list_members(ms, ms.index(first), text)
        if same_role(m) and (m is first or where_troops_are(text, s, m))
    ]
    members = [m for m in members if m.entity.label == "GPE"] or [first]
    names: list[str] = []
    written: list[str] = []
    for m in members:
        resolved = resolve_place(m.entity.text, m.entity.canonical, gaz, article_countries)
        if resolved not in names:
            names.append(resolved)
        if resolved != m.entity.canonical:
            written.append(m.entity.text)
    return Host(join_names(names), ", ".join(written) or None)


def join_names(names: list[str]) -> str:
    """ "Estonia", "Estonia and Poland", "Estonia, Latvia and Lithuania"."""
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def area_of(m: Mention, gaz: Gazetteer) -> str | None:
    """Where a mission named by a mention serves ("UNMISS": South Sudan), if it is one."""
    name = gaz.names.get(m.entity.text) or gaz.names.get(m.entity.canonical)
    return name.area if name is not None and name.label == "ORG" else None
