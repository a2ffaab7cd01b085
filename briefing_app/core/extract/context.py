"""Who and where around a figure: contributor, host and year from the entities of a sentence."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefing_app.core.dates import YEAR_PATTERN

from .gazetteer import Gazetteer, word_list
from .records import Entity

# A place after one of these words is where troops are or go, not who sends them.
_HOST_PREP = re.compile(
    r"\b(?:in|to|into|at|across|near|along|inside|on|toward|towards|within|throughout|for|"
    r"outside|over|against|with|around|about|between|border|neighbou?ring|via|through|off|"
    r"deterrent to|bordering|leave|leaving|left|quit|exit|exiting|join|joins|joined|joining)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-?eastern|"
    r"north-?western|south-?eastern|south-?western|neighbou?ring|war-torn|rural|"
    # "in strife-ridden Afghanistan", "to conflict-hit Mali"
    r"[a-z]+-(?:ridden|torn|hit|wracked|racked|stricken|ravaged|affected|plagued))\s+)?$",
    re.IGNORECASE,
)
_ABSOLUTE_WITH = re.compile(r"[\s\"“‘']*With\s+(?:the\s+)?")
_WITH_BEFORE = re.compile(r"\b[Ww]ith\s+(?:the\s+)?$")
_SENDING_AFTER = re.compile(
    r"\s+(?:also\s+|now\s+|still\s+|each\s+)?(?:contributing|providing|sending|supplying|"
    r"deploying|pledging|committing|offering|adding|keeping|stationing)\b"
)
# Named as the adversary or as the one hosting, not as the one sending.
_NOT_SENDER_BEFORE = re.compile(
    r"\b(?:counter|deter|confront|against|threat\s+(?:from|of)|aggression\s+(?:by|from)|"
    r"provocations\s+from|rival|invasion\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_NOT_SENDER_AFTER = re.compile(
    r"^(?:\s+and\s+[A-Z][\w ]{0,30})?\s+(?:have\s+|has\s+)?(?:already\s+)?"
    r"(?:offered\s+to\s+host|agreed\s+to\s+host|will\s+host|hosts|hosted|to\s+host|"
    # "The Comoros is hosting 500 soldiers of the AU force": the host, not the sender.
    r"(?:is|are|was|were|has\s+been|have\s+been)\s+(?:currently\s+|now\s+|still\s+)?hosting|"
    r"currently\s+hosts|plays\s+host\s+to|is\s+home\s+to)\b"
    # "Mali, where 13,000 UN peacekeepers are deployed": the place the clause is about.
    r"|^,\s+where\b"
)
_MILITARY_ORG = re.compile(
    r"\b(?:Force|Forces|Army|Navy|Command|Guard|Guards|Corps|Marines|Ministry|Brigade|"
    r"Battalion|Division|Regiment|Fleet|Police|Gendarmerie|army|navy|military)\b"
)
# "Royal Brunei Armed Forces", "Royal Thai Navy": the nation follows the honorific.
_HONORIFIC = word_list("honorifics")
# "the Royal Irish Regiment", "the Royal Welsh": British regiments named for a home nation.
_BRITISH_REGIMENTAL = word_list("british_regimental")
# A list ends where a name starts speaking or acting: "deterrent to Russia, Lithuania said";
# "In Iraq, the United States has 2,500 troops" does not make the United States a second place
# troops are in.
_OPENS_CLAUSE = re.compile(
    r"\s+(?:said|says|told|announced|added|stated|has|have|had|keeps|kept|sent|sends|plans|"
    r"planned|wants|will|would|is|are|was|were|deployed|deploys|maintains|stations|stationed)\b"
)
_OWNS_FORCE = re.compile(
    r"[’']s\s+(?:[a-z-]+\s+){0,2}?(?:mission|contingent|troops|soldiers|forces|army|military|"
    r"battalion|brigade|battle\s?group|deployment|peacekeepers|personnel)\b"
)
_FROM_PREP = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)
_LIST_GAP = re.compile(r"^(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*,?\s+as well as\s+)(?:the\s+)?$")
_YEAR = re.compile(rf"(?<![\d,.$€£-])\b({YEAR_PATTERN})\b(?!\d|,\d|\s*(?:troops|soldiers))")
_RELATIVE_YEAR = re.compile(r"\b(since\s+)?(last|next|this)\s+year\b", re.IGNORECASE)


@dataclass
class Mention:
    """An entity in a sentence that can stand for a country or alliance."""

    entity: Entity
    who: str  # the contributor it stands for: a country, "NATO", "multinational"
    host: bool  # named as a place troops are in or go to
    from_: bool  # "from Germany"
    country: bool  # a country, a nationality or a capital acting as the state


def mentions(
    text: str,
    sent_start: int,
    entities: list[Entity],
    gaz: Gazetteer,
    aliases: dict[str, str] | None = None,
) -> list[Mention]:
    """Entities of one sentence that can be contributors or hosts, with their role.

    aliases maps acronyms of national forces named in the article to their state ("RDF")."""
    out: list[Mention] = []
    prev: Mention | None = None
    for ent in entities:
        name = gaz.names.get(ent.text) or gaz.names.get(ent.canonical)
        who = None
        country = False
        if ent.label == "NORP" or (ent.label == "GPE" and ent.canonical in gaz.countries):
            who = ent.canonical
            country = True
        elif ent.label == "ORG" and name is not None and name.contributor:
            who = name.contributor
        elif ent.label == "ORG" and _MILITARY_ORG.search(ent.text):
            # "Australian Defence Force", "Philippine Navy", "U. S. Marines": the nation the
            # name opens with, in one word or several.
            words = ent.text.split()
            while len(words) > 2 and words[0] in _HONORIFIC and words[1] not in _BRITISH_REGIMENTAL:
                words = words[1:]
            first = None
            for k in range(1, len(words)):
                first = gaz.names.get(" ".join(words[:k]))
                if first is not None:
                    break
            if first is not None and first.label in ("NORP", "GPE") and first.country:
                who = first.country
                country = True
            elif first is not None and first.contributor:
                who = first.contributor  # "the PLA Army": a force named for its parent
        elif ent.label == "ORG" and (body := _alliance_prefix(ent.text, gaz)):
            who = body  # "United Nations Mission in the Central African Republic and Chad"
        elif ent.label == "GPE":
            who = None  # a city or region: a possible host only
        if who is None and aliases and ent.text in aliases:
            who = aliases[ent.text]
            country = True
        before = text[max(sent_start, ent.start - 40) : ent.start]
        # "With Spain planning to withdraw its soldiers": the subject of an absolute clause.
        absolute = (
            ent.start - sent_start <= 10 and _ABSOLUTE_WITH.fullmatch(before) is not None
        ) or (
            # "..., with Egypt contributing 1,100 troops": the sender of a clause of its own.
            _WITH_BEFORE.search(before) is not None
            and _SENDING_AFTER.match(text, ent.end) is not None
        )
        host = (not absolute and _HOST_PREP.search(before) is not None) or bool(
            _NOT_SENDER_AFTER.match(text[ent.end : ent.end + 60])
        )
        if host and _OWNS_FORCE.match(text, ent.end):
            host = False  # "to Canada's training mission": the owner of the mission, not a place
        if who and _NOT_SENDER_BEFORE.search(before):
            who = None
        from_ = _FROM_PREP.search(before) is not None
        opens_clause = _OPENS_CLAUSE.match(text, ent.end) is not None
        if (
            prev is not None
            and not opens_clause
            and _LIST_GAP.match(text[prev.entity.end : ent.start])
        ):
            # A list inherits the role of its first member: "in Estonia, Lithuania and Poland".
            host = host or prev.host
            from_ = from_ or prev.from_
        mention = Mention(ent, who or "", host, from_, country)
        out.append(mention)
        prev = mention
    return out


def _alliance_prefix(name: str, gaz: Gazetteer) -> str | None:
    """NATO or multinational when an organisation's name opens with such a body's name."""
    words = name.split()
    for k in range(len(words) - 1, 0, -1):
        known = gaz.names.get(" ".join(words[:k]))
        if known is not None and known.label == "ORG":
            return known.contributor if known.contributor in ("NATO", "multinational") else None
    return None


def list_members(ms: list[Mention], index: int, text: str) -> list[Mention]:
    """The mentions forming a list with ms[index] ("The United States, Germany and Britain")."""
    lo = hi = index
    while lo > 0 and _LIST_GAP.match(text[ms[lo - 1].entity.end : ms[lo].entity.start]):
        lo -= 1
    while hi + 1 < len(ms) and _LIST_GAP.match(text[ms[hi].entity.end : ms[hi + 1].entity.start]):
        hi += 1
    return ms[lo : hi + 1]


def _distance(a0: int, a1: int, b0: int, b1: int) -> int:
    return a0 - b1 if a0 >= b1 else b0 - a1 if b0 >= a1 else 0


def figure_year(
    text: str,
    s: int,
    e: int,
    start: int,
    end: int,
    year: int | None,
    others: Sequence[tuple[int, int]] = (),
) -> int | None:
    """The year the sentence ties a figure at [start, end) to, else the article's year.

    others are the other figures of the sentence: a year nearer to one of them is theirs
    ("400 Marines until December, then 1,000 from January 2021").
    """
    best = None
    best_dist = 10**9
    for m in _YEAR.finditer(text, s, e):
        before = text[max(s, m.start() - 7) : m.start()].lower()
        if "since" in before:
            continue  # "since 2004" dates a mission's start, not the figure
        dist = _distance(m.start(), m.end(), start, end)
        if any(
            _distance(m.start(), m.end(), a, b) < dist for a, b in others if (a, b) != (start, end)
        ):
            continue
        if dist < best_dist:
            best, best_dist = int(m.group(1)), dist
    if best is not None:
        return best
    if year is not None:
        for rel in _RELATIVE_YEAR.finditer(text, s, e):
            # "last year" dates the figure only when it stands next to it, with no other number
            # between: "5,100 soldiers, down from 5,500 last year" dates the 5,500.
            lo, hi = (end, rel.start()) if rel.start() >= end else (rel.end(), start)
            if rel.group(1) or hi - lo > 40 or any(c.isdigit() for c in text[lo:hi]):
                continue
            return year + {"last": -1, "next": 1, "this": 0}[rel.group(2).lower()]
    return year
