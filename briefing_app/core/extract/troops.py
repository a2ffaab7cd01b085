"""Troop figures: how many soldiers a country or alliance deploys, keeps, requests or withdraws.

The patterns of troop_spans.py find candidates; owner_rules.py and host_rules.py say whose
they are and where, each an ordered list of named rules; this module walks the sentences,
keeps what one sentence leaves for the next (Memory) and counts what the whole article says
(Article)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Set as AbstractSet

from .context import Mention, figure_year, list_members, mentions
from .entities import find_entities
from .gazetteer import Gazetteer
from .gazetteer import load as load_gazetteer
from .host_rules import host as host_by_rules
from .hosts import Host, area_of, resolve_place, where_troops_are
from .numbers import NUMBER, is_year_like, parse_number
from .owner_rules import SENDS_AFTER, generic_size, owners
from .records import Entity, Figure
from .scene import Article, Memory, Scene
from .sentences import split_sentences
from .troop_spans import (
    STRICT_TROOP_WORD,
    Candidate,
    Pattern,
    find_candidates,
    find_level_candidates,
    hint_positions,
)

# (figure, the owner rules that decided in order, the host rule) for each figure, when a
# caller asks (attribution_trace).
Trace = list[tuple[Figure, tuple[str, ...], str | None]]

_KINDS = [
    ("withdrawal", r"withdr[ae]w|pull(?:ed|ing|s)?\s+(?:out|back)|pullout|drawdown|draw\s+down|"
     r"reduc|cut|leave|left|exit|bring\s+home|brought\s+home|down\s+to|demanded\s+the\s+withdrawal"),
    ("request", r"\bask|request|seek|sought|call(?:ed|ing|s)?\s+for|need|urge|want|propos"),
    ("exercise", r"exercise|drill|war\s+games|manoeuvres|maneuvers|muster"),
    ("ceiling", r"\bcap\b|ceiling|limit|maximum|no\s+more\s+than"),
    ("relocation", r"relocat|redeploy|move[ds]?\b|transfer|shift"),
    ("presence", r"station|based|there\s+are|currently|already|remain|consist|compris|\bhas\b|"
     r"\bhave\b|total|hosts|presence|level|number\s+of"),
    ("deployment", r"deploy|send|sent|dispatch|arriv|add|reinforc|pledg|commit|join|contribut"),
]  # fmt: skip
_KIND_RES = [(k, re.compile(p, re.IGNORECASE)) for k, p in _KINDS]
_JOINT = re.compile(r"\b(?:joint|jointly|together|combined)\b", re.IGNORECASE)
# "British troops", "the Brazilian contingent": a nationality that says whose the troops are.
_TROOP_NOUN_AFTER = re.compile(
    r"\s+(?:[a-z-]+\s+)?(?:troops|soldiers|forces|military|army|contingent|peacekeepers|marines|"
    r"personnel|police|battalion|brigade|servicemen|service\s+members)\b",
    re.IGNORECASE,
)


def find_troop_figures(
    text: str,
    sentences: list[tuple[int, int]],
    entities: list[Entity],
    gaz: Gazetteer,
    year: int | None,
    trace: Trace | None = None,
) -> list[Figure]:
    """Troop figures of an article; trace, when given, receives the rules that named each
    figure's owner and host."""
    figures: list[Figure] = []
    hints = hint_positions(text)
    if not hints:
        return figures
    article = _article(text, sentences, entities, gaz)
    memory = Memory()
    ent_i = 0
    prev_had_troops = False
    since_troops = 99  # sentences since the last one about troops
    table_rows = _table_rows(text, sentences, gaz)
    for s, e in sentences:
        sent_ents = []
        while ent_i < len(entities) and entities[ent_i].start < s:
            ent_i += 1
        j = ent_i
        while j < len(entities) and entities[j].end <= e:
            sent_ents.append(entities[j])
            j += 1
        ms = mentions(text, s, sent_ents, gaz, article.aliases)
        demonyms = {m.entity.text for m in ms if m.entity.label == "NORP"}
        k = bisect.bisect_left(hints, s)
        if prev_had_troops or (k < len(hints) and hints[k] < e):
            force_org = any(m.who and m.entity.label == "ORG" for m in ms)
            found = find_candidates(text, s, e, prev_had_troops, demonyms, force_org)
        else:
            found = []
        if not found and since_troops <= 2:
            found = find_level_candidates(text, s, e)
        if not found and (prev_had_troops or s in table_rows) and len(ms) == 1 and ms[0].country:
            found = _table_row(text, s, e, ms[0])
        sentence = text[s:e]
        sent_whos: list[str] = []  # owners of this sentence's figures so far
        hosts_list = _hosts_list(text, found, ms)
        generic = bool(found) and generic_size(text, s, e)
        others = [(c.start, c.end) for c in found]
        for cand in found:
            scene = Scene(article, memory, s, e, cand, ms, found, sent_whos, hosts_list)
            attributed = owners(scene, generic)
            if attributed is None:
                continue
            whos, owner_rules = attributed
            host, host_rule = host_by_rules(scene)
            fig_year = figure_year(text, s, e, cand.start, cand.end, year, others)
            kind = _kind(text, s, e, cand)
            # A figure whose sender is unknown is kept, with no sender.
            senders: list[str | None] = list(whos) if whos else [None]
            for who in senders:
                figure = Figure(
                    kind="troops",
                    text=text[cand.start : cand.end],
                    start=cand.start,
                    end=cand.end,
                    low=cand.low,
                    high=cand.high,
                    qualifier=cand.qual,
                    contributor=who,
                    host=host.name if host else None,
                    host_place=host.place if host else None,
                    troop_kind=kind,
                    year=fig_year,
                    sentence=sentence,
                    vague=cand.vague,
                )
                figures.append(figure)
                if trace is not None:
                    trace.append((figure, owner_rules, host_rule))
            if whos:
                sent_whos.append(whos[-1])
            if host:
                memory.last_host = host
        _remember(text, s, e, ms, sent_whos, memory)
        # A bare number may lean on the sentence before only when that one held a figure:
        # "market forces" in a sentence is no reason to read the next one's numbers as troops.
        prev_had_troops = bool(found) or STRICT_TROOP_WORD.search(text, s, e) is not None
        since_troops = 0 if prev_had_troops else since_troops + 1
    return figures


def attribution_trace(text: str, year: int | None = None) -> Trace:
    """Each troop figure of text with the names of the rules that gave its owner and its host
    (before canonical names are folded): what the rule tests and the rule counts read."""
    gaz = load_gazetteer()
    sentences = split_sentences(text)
    entities = find_entities(text, {s for s, _ in sentences}, gaz)
    trace: Trace = []
    find_troop_figures(text, sentences, entities, gaz, year, trace)
    return trace


def _remember(
    text: str, s: int, e: int, ms: list[Mention], sent_whos: list[str], memory: Memory
) -> None:
    """What a sentence leaves for the next: its first figure's owner, its subject, a joint
    venture, the states it lists, the names it counts."""
    if sent_whos:
        # A later figure with no owner of its own leans on the sentence before, whose first
        # figure is its subject: "UNIFIL now has 9,700 troops after 129 Indonesians
        # arrived. Around 8,000 troops are deployed ..." speaks of the whole force.
        memory.last_who = sent_whos[0]
    for m in ms:
        if m.who and not m.host:
            memory.counts[m.who] = memory.counts.get(m.who, 0) + _weight(text, m)
    first = next((m for m in ms if m.who and not m.host), None)
    if first is not None:
        memory.prev_subject = first.who
    joint = None
    if first is not None and _JOINT.search(text, s, e):
        # "Belarus and Russia began their joint exercise": the next figure is both's.
        members = list_members(ms, ms.index(first), text)
        if len({m.who for m in members if m.who}) > 1:
            joint = "multinational"
    memory.joint = joint
    memory.prev_list = _states_listed(text, ms)


def _article(
    text: str, sentences: list[tuple[int, int]], entities: list[Entity], gaz: Gazetteer
) -> Article:
    aliases = _acronym_aliases(text, sentences, entities, gaz)
    countries = {e.canonical for e in entities if e.canonical in gaz.countries}
    places: dict[str, int] = {}
    counts, deployers, host_counts = _article_counts(
        text, sentences, entities, gaz, aliases, places, countries
    )
    deployer = _dominant(deployers)
    return Article(
        text=text,
        aliases=aliases,
        gaz=gaz,
        countries=countries,
        counts=counts,
        deployers=deployers,
        host_counts=host_counts,
        deployer=deployer,
        host=_article_host(places, deployer, gaz),
        has_nato="NATO" in text,
        # A UN, AU or regional mission named in the article: "the force" may be all of it.
        has_mission="multinational" in counts,
    )


_HOSTS_AFTER = re.compile(
    r"\s+(?:currently\s+|now\s+|still\s+)?(?:hosts|hosted|(?:is|are|was|were)\s+hosting|"
    r"(?:has|have)\s+hosted)\b"
)


def _hosts_list(text: str, found: list[Candidate], ms: list[Mention]) -> bool:
    """Whether the sentence opens with a state hosting its first figure's troops."""
    if not found:
        return False
    return any(
        m.host and m.country and _HOSTS_AFTER.match(text, m.entity.end)
        for m in ms
        if m.entity.end <= found[0].start
    )


def _article_host(places: dict[str, int], deployer: list[str], gaz: Gazetteer) -> Host | None:
    """ "8,600 U.S. troops in the country": a sentence that names no place leans on the place
    the article names most as where troops are, when one stands out: named twice, or the only
    one. The article's sender named as a place ("Uruguay's troops in Haiti return to Uruguay")
    is where they come home to, so it yields to any other place."""
    if deployer and len(places) > 1:
        places = {k: v for k, v in places.items() if k != deployer[0]}
    main = _dominant(places)
    if not main:
        return None
    if places[main[0]] >= 2:
        return Host(main[0], None)
    # Named once, it must at least be on the map: a town no list knows ("Rukla") is not.
    name = gaz.names.get(main[0])
    on_map = main[0] in gaz.countries or (name is not None and name.kind == "region")
    return Host(main[0], None) if len(places) == 1 and on_map else None


def _states_listed(text: str, ms: list[Mention]) -> list[str]:
    """The states a sentence lists together as actors ("Uganda and Burundi said ..."), if any."""
    for k, m in enumerate(ms):
        if m.country and not m.host:
            members = [x.who for x in list_members(ms, k, text) if x.country and not x.host]
            if len(set(members)) > 1:
                return list(dict.fromkeys(members))
    return []


# "• Burundi 5,432" under "AU troops in Somalia:": a table of contingents, one state a line.
_ROW = re.compile(
    rf"[\s•*·–-]*(?:the\s+)?(?P<name>[A-Z][\w .’'-]*?)\s*[:–-]?\s*(?P<n1>{NUMBER})"
    rf"(?:\s*[-–]\s*(?P<n2>{NUMBER}))?\s*$"
)


def _table_rows(text: str, sentences: list[tuple[int, int]], gaz: Gazetteer) -> set[int]:
    """Starts of lines in a run of three or more that each hold only a state and a number: a
    box of contingents ("UK - 7,100", "Poland - 900") needs no heading to be read as one."""
    rows: set[int] = set()
    run: list[int] = []
    for s, e in sentences + [(len(text), len(text))]:
        row = _ROW.fullmatch(text, s, e) if e - s <= 80 else None
        name = gaz.names.get(row.group("name").strip()) if row else None
        if name is not None and name.kind == "country":
            run.append(s)
            continue
        if len(run) >= 3:
            rows.update(run)
        run = []
    return rows


def _table_row(text: str, s: int, e: int, m: Mention) -> list[Candidate]:
    """A line that is only a state and a number, after a line about troops."""
    if e - s > 80:
        return []
    row = _ROW.fullmatch(text, s, e)
    if row is None or not (s <= m.entity.start and m.entity.end <= row.start("n1")):
        return []
    if text[s : m.entity.start].strip(" \t\n•*·–-") not in ("", "the", "The"):
        return []
    low = parse_number(row.group("n1"))
    if low is None or low < 10 or low != int(low) or is_year_like(row.group("n1")):
        return []
    high = parse_number(row.group("n2")) if row.group("n2") else low
    if high is None or high < low:
        high = low
    n0, n1 = row.start("n1"), row.end("n2") if row.group("n2") else row.end("n1")
    return [Candidate(n0, n1, n0, n1, low, high, None, None, False, Pattern.ROW, n1)]


def _acronym_aliases(
    text: str, sentences: list[tuple[int, int]], entities: list[Entity], gaz: Gazetteer
) -> dict[str, str]:
    """Acronyms of the article's national forces: "RDF" for "Rwanda Defence Forces"."""
    bodies: dict[str, str] = {}
    acronyms = {e.text for e in entities if e.label == "ORG" and _ACRONYM.fullmatch(e.text)}
    if not acronyms:
        return bodies
    for ent in entities:
        if ent.label != "ORG" or " " not in ent.text:
            continue
        initials = "".join(w[0] for w in ent.text.split() if w[:1].isupper())
        if initials not in acronyms or initials in bodies:
            continue
        ms = mentions(text, ent.start, [ent], gaz)
        if ms and ms[0].who and ms[0].who not in ("multinational", "NATO"):
            bodies[initials] = ms[0].who
    return bodies


_ACRONYM = re.compile(r"[A-Z]{2,6}")


def _article_counts(
    text: str,
    sentences: list[tuple[int, int]],
    entities: list[Entity],
    gaz: Gazetteer,
    aliases: dict[str, str] | None = None,
    places: dict[str, int] | None = None,
    article_countries: AbstractSet[str] = frozenset(),
) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    """How often the article names each state or alliance other than as a place troops go to,
    how often it shows each state as the one whose troops they are (see _deploys), and how
    often it names each state as a place troops are in or go to. places, when given, counts
    every place named as where troops are or go, resolved to its country or region."""
    counts: dict[str, int] = {}
    deployers: dict[str, int] = {}
    hosts: dict[str, int] = {}
    i = 0
    for s, e in sentences:
        sent = []
        while i < len(entities) and entities[i].start < e:
            if entities[i].start >= s:
                sent.append(entities[i])
            i += 1
        for m in mentions(text, s, sent, gaz, aliases):
            if m.who and m.host and m.country:
                hosts[m.who] = hosts.get(m.who, 0) + 1
            if (
                places is not None
                and m.host
                and m.entity.label == "GPE"
                and where_troops_are(text, s, m)
            ):
                where = resolve_place(m.entity.text, m.entity.canonical, gaz, article_countries)
                places[where] = places.get(where, 0) + 1
            area = area_of(m, gaz)
            if places is not None and area:
                places[area] = places.get(area, 0) + 1
            if m.who and not m.host:
                counts[m.who] = counts.get(m.who, 0) + _weight(text, m)
                if m.country and _deploys(text, s, m):
                    deployers[m.who] = deployers.get(m.who, 0) + 1
    return counts, deployers, hosts


_TROOPS_FROM_BEFORE = re.compile(
    r"\b(?:troops|soldiers|personnel|peacekeepers|contingent|police\w*|officers)\s+from\s+(?:the\s+)?$"
)


def _deploys(text: str, s: int, m: Mention) -> bool:
    """Whether a mention shows its state as the owner of troops: "Cambodian soldiers",
    "the Bangladesh Police", "troops from Spain", "Rwanda will deploy"."""
    ent = m.entity
    if ent.label == "ORG":
        return True  # a national army or police force
    if _TROOP_NOUN_AFTER.match(text, ent.end):
        return True
    if m.from_ and _TROOPS_FROM_BEFORE.search(text, max(s, ent.start - 30), ent.start):
        return True
    return SENDS_AFTER.match(text, ent.end, min(len(text), ent.end + 60)) is not None


def _dominant(deployers: dict[str, int]) -> list[str]:
    """The state the article most clearly shows as the sender, when one stands out."""
    if not deployers:
        return []
    ranked = sorted(deployers.values(), reverse=True)
    best = max(deployers, key=deployers.__getitem__)
    if len(ranked) == 1 or ranked[0] >= 2 * ranked[1]:
        return [best]
    return []


def _weight(text: str, m: Mention) -> int:
    """How much a mention says about whose troops the article counts: "Brazilian soldiers" more."""
    return 3 if m.country and _TROOP_NOUN_AFTER.match(text, m.entity.end) else 1


def _kind(text: str, s: int, e: int, cand: Candidate) -> str:
    window = text[max(s, cand.start - 80) : min(e, cand.end + 40)]
    for kind, rx in _KIND_RES:
        if rx.search(window):
            return kind
    return "deployment"
