"""Candidate owners and hosts of each troop figure, with the features a trained model ranks them by.

The rules (troops.py) give every troop figure one contributor and one host. Here each figure gets
a short list of alternatives drawn from the article: the rules' answer, every state, alliance or
mission named in its sentence and the two before it, and the states the article names most. Each
candidate is described by plain numbers (where it stands from the number, in which grammatical
form, how often the article names it, whether the rules chose it, ...) so that
attribution_model.py can score it with weights learnt from the labelled articles.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field

from .context import Mention, mentions
from .gazetteer import Gazetteer
from .hosts import resolve_place
from .records import Entity, Figure

MULTI = ("NATO", "multinational")
# How many sentences before the figure's own are searched for candidates.
_LOOKBACK = 2
# The states the article names most that join every figure's candidates.
_TOP_OF_ARTICLE = 3

_TROOP_NOUN = re.compile(
    r"\s+(?:[a-z-]+\s+)?(?:troops|soldiers|forces|military|army|contingent|peacekeepers|"
    r"marines|personnel|battalion|brigade|servicemen|units?)\b",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"[’']s?\b")
_PREPOSITION = re.compile(r"\b(in|to|into|from|by|with|of|for|under|against)\s+(?:the\s+)?$", re.I)
_SEND_VERB = re.compile(
    r"\s+(?:[\w’'-]+\s+){0,4}?(?:send|sends|sending|sent|deploy\w*|dispatch\w*|contribut\w*|"
    r"pledg\w*|commit\w*|keep\w*|kept|station\w*|maintain\w*|withdr[ae]w\w*|pull\w*)\b",
    re.IGNORECASE,
)
_HOST_VERB = re.compile(r"\s+(?:\w+\s+){0,2}?(?:hosts?|hosting|hosted|home\s+to)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;:()]|,\s+(?:which|who|where|while|but)\b|\.\s")

# The names of the owner features, in the order of the weights file.
_OWNER_BASE: tuple[str, ...] = (
    "bias_multi",
    "is_country",
    "rules_choice",
    "rules_none",
    "in_sentence",
    "in_phrase",
    "before",
    "before_near",
    "before_log_dist",
    "nearest_before",
    "after",
    "after_log_dist",
    "first_after",
    "possessive",
    "adjective",
    "troop_noun_after",
    "send_verb_after",
    "host_verb_after",
    "host_role",
    "only_host_role",
    "from_role",
    "prep_in_to",
    "prep_from",
    "prep_by_with",
    "prep_of_under",
    "clause_break",
    "subject",
    "prev_sentence",
    "prev_subject",
    "article_log_count",
    "article_top",
    "article_first",
    "article_sender_share",
    "article_host_share",
    "rules_share",
    "is_figure_host",
    "mission_in_sentence",
    "multi_no_state_in_sentence",
)
# Features that say more when the candidate is the rules' own answer: "the rules chose a state
# the article names as where troops are" is the typical error of the rules on unseen articles.
_CROSSED: tuple[str, ...] = (
    "bias_multi",
    "in_sentence",
    "in_phrase",
    "before_near",
    "nearest_before",
    "after",
    "possessive",
    "host_role",
    "only_host_role",
    "from_role",
    "prep_in_to",
    "prep_from",
    "subject",
    "article_sender_share",
    "article_host_share",
    "is_figure_host",
    "multi_no_state_in_sentence",
)
_CROSSED_AT = tuple(_OWNER_BASE.index(n) for n in _CROSSED)
_RULES_AT = _OWNER_BASE.index("rules_choice")
OWNER_FEATURES: tuple[str, ...] = _OWNER_BASE + tuple(f"rules_choice*{n}" for n in _CROSSED)

HOST_FEATURES: tuple[str, ...] = (
    "rules_choice",
    "rules_none",
    "in_sentence",
    "after",
    "after_log_dist",
    "first_after",
    "before",
    "before_log_dist",
    "host_role",
    "prep_in_to",
    "prep_from",
    "is_owner",
    "prev_sentence",
    "article_log_host",
    "article_host_top",
    "article_log_count",
    "mission_area",
    "is_region",
    "rules_list",
    "rules_place",
)


@dataclass
class Candidates:
    """The alternatives for one troop figure: names and one feature row each."""

    figure: int  # index into the figures list
    names: list[str]
    rows: list[list[float]]
    hosts: list[str] = field(default_factory=list)
    host_rows: list[list[float]] = field(default_factory=list)


@dataclass
class _Named:
    """One mention of a candidate in a sentence, reduced to what the features need."""

    who: str
    start: int
    end: int
    label: str
    host: bool
    from_: bool
    country: bool


@dataclass
class _Article:
    text: str
    sentences: list[tuple[int, int]]
    starts: list[int]
    named: list[list[_Named]]  # per sentence
    places: list[list[tuple[str, int, int, bool]]]  # per sentence: resolved place, span, host role
    counts: dict[str, int]
    senders: dict[str, int]
    hosted: dict[str, int]
    place_counts: dict[str, int]
    first: str | None
    top: list[str]
    rules: dict[str, int]
    areas: list[list[str]]  # per sentence: mission areas named


def candidates(
    text: str,
    sentences: list[tuple[int, int]],
    entities: list[Entity],
    figures: list[Figure],
    gaz: Gazetteer,
) -> list[Candidates]:
    """Owner and host candidates of every troop figure the rules gave one contributor or none.

    A phrase the rules read as several figures ("Britain and Canada would each send 800") keeps
    the rules' answer: it is a list, not a choice."""
    troops = [i for i, f in enumerate(figures) if f.kind == "troops" and f.low is not None]
    if not troops:
        return []
    spans: dict[tuple[int, int], int] = {}
    for i in troops:
        key = (figures[i].start, figures[i].end)
        spans[key] = spans.get(key, 0) + 1
    art = _article(text, sentences, entities, figures, gaz)
    out = []
    for i in troops:
        fig = figures[i]
        if spans[(fig.start, fig.end)] > 1:
            continue
        k = max(0, bisect.bisect_right(art.starts, fig.start) - 1)
        names, rows = _owner_rows(art, k, fig)
        hosts, host_rows = _host_rows(art, k, fig, gaz)
        out.append(Candidates(i, names, rows, hosts, host_rows))
    return out


def _article(
    text: str,
    sentences: list[tuple[int, int]],
    entities: list[Entity],
    figures: list[Figure],
    gaz: Gazetteer,
) -> _Article:
    named: list[list[_Named]] = []
    places: list[list[tuple[str, int, int, bool]]] = []
    areas: list[list[str]] = []
    counts: dict[str, int] = {}
    senders: dict[str, int] = {}
    hosted: dict[str, int] = {}
    place_counts: dict[str, int] = {}
    first = None
    countries = {e.canonical for e in entities if e.canonical in gaz.countries}
    j = 0
    for s, e in sentences:
        while j < len(entities) and entities[j].start < s:
            j += 1
        sent: list[Entity] = []
        while j < len(entities) and entities[j].end <= e:
            sent.append(entities[j])
            j += 1
        ms = mentions(text, s, sent, gaz)
        row: list[_Named] = []
        prow: list[tuple[str, int, int, bool]] = []
        arow: list[str] = []
        for m in ms:
            ent = m.entity
            if m.who:
                row.append(_Named(m.who, ent.start, ent.end, ent.label, m.host, m.from_, m.country))
                counts[m.who] = counts.get(m.who, 0) + 1
                first = first or m.who
                if m.host:
                    hosted[m.who] = hosted.get(m.who, 0) + 1
                elif _sends(text, m):
                    senders[m.who] = senders.get(m.who, 0) + 1
            if ent.label == "GPE":
                where = resolve_place(ent.text, ent.canonical, gaz, countries)
                prow.append((where, ent.start, ent.end, m.host))
                if m.host:
                    place_counts[where] = place_counts.get(where, 0) + 1
            name = gaz.names.get(ent.text) or gaz.names.get(ent.canonical)
            if name is not None and name.label == "ORG" and name.area:
                arow.append(name.area)
        named.append(row)
        places.append(prow)
        areas.append(arow)
    rules: dict[str, int] = {}
    for f in figures:
        if f.kind == "troops" and f.contributor:
            rules[f.contributor] = rules.get(f.contributor, 0) + 1
    top = sorted(counts, key=lambda w: (-counts[w], w))[:_TOP_OF_ARTICLE]
    return _Article(
        text, sentences, [s for s, _ in sentences], named, places, counts, senders, hosted,
        place_counts, first, top, rules, areas,
    )  # fmt: skip


def _sends(text: str, m: Mention) -> bool:
    """Whether a mention shows its state owning troops ("British troops", "Chad will deploy")."""
    end = m.entity.end
    return bool(_TROOP_NOUN.match(text, end) or _SEND_VERB.match(text, end, end + 60))


def _owner_rows(art: _Article, k: int, fig: Figure) -> tuple[list[str], list[list[float]]]:
    text = art.text
    s, e = art.sentences[k]
    sent = art.named[k]
    prev = [n for kk in range(max(0, k - _LOOKBACK), k) for n in art.named[kk]]
    names: list[str] = []
    for who in (
        ([fig.contributor] if fig.contributor else [])
        + [n.who for n in sent]
        + [n.who for n in prev]
        + art.top
        + ["multinational"]
    ):
        if who and who not in names and not (who == "NATO" and "multinational" in names):
            names.append(who)
    before = [n for n in sent if n.end <= fig.start]
    after = [n for n in sent if n.start >= fig.end]
    nearest = before[-1].who if before else None
    first_after = after[0].who if after else None
    subject = next((n.who for n in sent if not n.host and not n.from_), None)
    prev_subject = None
    if k > 0:
        prev_subject = next((n.who for n in art.named[k - 1] if not n.host and not n.from_), None)
    states_in_sentence = any(n.country for n in sent)
    mission_here = any(n.who in MULTI for n in sent)
    rules_total = max(1, sum(art.rules.values()))
    sender_total = max(1, sum(art.senders.values()))
    host_total = max(1, sum(art.hosted.values()))
    rows = []
    for who in names:
        mine = [n for n in sent if n.who == who]
        mine_before = [n for n in mine if n.end <= fig.start]
        mine_after = [n for n in mine if n.start >= fig.end]
        inside = [n for n in mine if fig.start <= n.start and n.end <= fig.end]
        nearby = inside or mine_before[-1:] or mine_after[:1]
        closest = nearby[0] if nearby else None
        dist_before = fig.start - mine_before[-1].end if mine_before else 0
        dist_after = mine_after[0].start - fig.end if mine_after else 0
        prep = ""
        poss = adjective = troop_noun = send_verb = host_verb = brk = 0.0
        if closest is not None:
            lead = _PREPOSITION.search(text, max(s, closest.start - 12), closest.start)
            prep = lead.group(1).lower() if lead else ""
            poss = float(bool(_POSSESSIVE.match(text, closest.end)))
            adjective = float(closest.label == "NORP")
            troop_noun = float(bool(_TROOP_NOUN.match(text, closest.end)))
            send_verb = float(bool(_SEND_VERB.match(text, closest.end, min(e, closest.end + 60))))
            host_verb = float(bool(_HOST_VERB.match(text, closest.end, min(e, closest.end + 30))))
            lo, hi = (
                (closest.end, fig.start) if closest.end <= fig.start else (fig.end, closest.start)
            )
            brk = float(bool(_CLAUSE_BREAK.search(text, lo, hi)))
        is_multi = who in MULTI
        rows.append(
            [
                float(is_multi),
                float(any(n.country for n in mine) or who in art.senders),
                float(who == fig.contributor),
                float(fig.contributor is None),
                float(bool(mine)),
                float(bool(inside)),
                float(bool(mine_before)),
                float(bool(mine_before) and dist_before <= 30),
                math.log1p(dist_before) / 5 if mine_before else 0.0,
                float(who == nearest),
                float(bool(mine_after)),
                math.log1p(dist_after) / 5 if mine_after else 0.0,
                float(who == first_after),
                poss,
                adjective,
                troop_noun,
                send_verb,
                host_verb,
                float(any(n.host for n in mine)),
                float(bool(mine) and all(n.host for n in mine)),
                float(any(n.from_ for n in mine)),
                float(prep in ("in", "to", "into")),
                float(prep == "from"),
                float(prep in ("by", "with")),
                float(prep in ("of", "under", "for")),
                brk,
                float(who == subject),
                float(any(n.who == who for n in prev)),
                float(who == prev_subject),
                math.log1p(art.counts.get(who, 0)) / 3,
                float(bool(art.top) and who == art.top[0]),
                float(who == art.first),
                art.senders.get(who, 0) / sender_total,
                art.hosted.get(who, 0) / host_total,
                art.rules.get(who, 0) / rules_total,
                float(bool(fig.host) and who == fig.host),
                float(is_multi and mission_here),
                float(is_multi and not states_in_sentence),
            ]
        )
    for row in rows:
        row += [row[_RULES_AT] * row[i] for i in _CROSSED_AT]
    return names, rows


def _host_rows(
    art: _Article, k: int, fig: Figure, gaz: Gazetteer
) -> tuple[list[str], list[list[float]]]:
    s, _e = art.sentences[k]
    text = art.text
    sent = art.places[k]
    prev = [p for kk in range(max(0, k - _LOOKBACK), k) for p in art.places[kk]]
    top_hosts = sorted(art.place_counts, key=lambda w: (-art.place_counts[w], w))[:2]
    names: list[str] = []
    for where in (
        ([fig.host] if fig.host else [])
        + [p[0] for p in sent]
        + art.areas[k]
        + [p[0] for p in prev]
        + top_hosts
    ):
        if where and where not in names:
            names.append(where)
    first_after = next((p[0] for p in sent if p[1] >= fig.end), None)
    rows = []
    for where in names:
        mine = [p for p in sent if p[0] == where]
        mine_before = [p for p in mine if p[2] <= fig.start]
        mine_after = [p for p in mine if p[1] >= fig.end]
        closest = mine_after[0] if mine_after else (mine_before[-1] if mine_before else None)
        prep = ""
        if closest is not None:
            lead = _PREPOSITION.search(text, max(s, closest[1] - 12), closest[1])
            prep = lead.group(1).lower() if lead else ""
        name = gaz.names.get(where)
        rows.append(
            [
                float(where == fig.host),
                float(fig.host is None),
                float(bool(mine)),
                float(bool(mine_after)),
                math.log1p(mine_after[0][1] - fig.end) / 5 if mine_after else 0.0,
                float(where == first_after),
                float(bool(mine_before)),
                math.log1p(fig.start - mine_before[-1][2]) / 5 if mine_before else 0.0,
                float(any(p[3] for p in mine)),
                float(prep in ("in", "to", "into")),
                float(prep == "from"),
                float(where == fig.contributor),
                float(any(p[0] == where for p in prev)),
                math.log1p(art.place_counts.get(where, 0)) / 3,
                float(bool(top_hosts) and where == top_hosts[0]),
                math.log1p(art.counts.get(where, 0)) / 3,
                float(where in art.areas[k]),
                float(name is not None and name.kind == "region"),
                float(where == fig.host and (" and " in where or "," in where)),
                float(where == fig.host and bool(fig.host_place)),
            ]
        )
    return names, rows
