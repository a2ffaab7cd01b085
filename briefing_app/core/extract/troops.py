"""Troop figures: how many soldiers a country or alliance deploys, keeps, requests or withdraws."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from .context import Mention, figure_year, list_members, mentions
from .gazetteer import Gazetteer
from .hosts import Host, host_of, resolve_place, where_troops_are
from .numbers import NUMBER, is_year_like, parse_number
from .records import Entity, Figure
from .troop_spans import STRICT_TROOP_WORD, find_candidates, find_level_candidates, hint_positions

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
# "withdraw 1,000 soldiers from the AU force": "from" names the place left, not the sender.
_LEAVING = re.compile(
    r"\b(?:withdr[ae]w\w*|pull\w*|recall\w*|evacuat\w*|remov\w*)\b", re.IGNORECASE
)
# "troops promised by a handful of countries": many senders, one multinational figure.
_MANY_COUNTRIES = re.compile(
    r"^[\s,]*(?:\w+\s+){0,5}?(?:by|from)\s+(?:a\s+handful\s+of|several|various|many|other|some|"
    r"a\s+dozen|a\s+number\s+of|\d+|[a-z]+)\s+(?:\w+\s+)?(?:countries|nations|states|allies|"
    r"member\s+states|contributors|militaries|armies|armed\s+forces)\b"
)
_REL_SENDER = re.compile(
    r"\s+(?:force\s+|contingent\s+|troops\s+)?(?:that\s+|which\s+)?(?:the\s+)?"
    r"(?P<who>alliance|[A-Z][\w.’'-]*(?:\s[A-Z][\w.’'-]*)?)\s+(?:\w+\s+){0,2}?"
    r"(?:plans?|intends?|wants?|agreed|promised|pledged|is|are|was|were|has|have|had|will|would)\s+"
    r"(?:\w+\s+)?(?:to\s+)?(?:send|deploy|dispatch|contribute|commit)\b"
)
# "12,500 troops authorized by the UN Security Council": a mission's mandated strength.
_MANDATED = re.compile(
    r"\s*(?:[\w-]+\s+){0,3}?(?:authori[sz]ed|mandated|approved)\s+(?:\w+\s+)?by\s+the\s+"
    r"(?:UN\s+|U\.N\.\s+|United\s+Nations\s+)?Security\s+Council\b"
)
# "led by Kenya with contributions from a number of countries": a multinational total.
_CONTRIBUTED = re.compile(
    r"\b(?:contributions?|contingents|troops|units)\s+from\s+(?:a\s+handful\s+of|several|various|"
    r"many|a\s+number\s+of|a\s+dozen|\d+|[a-z]+|other)\s+(?:other\s+)?(?:countries|nations|states)\b"
)
# "12,700 troops, including 7,200 Belarusian and 5,500 Russian": a total split by nation.
_BREAKDOWN = re.compile(
    r"^(?:\s+[a-z]+){0,4}?,?\s+(?:including|comprising|of\s+(?:whom|which)|made\s+up\s+of)\b"
)
# "1,000 soldiers come exclusively from the Burundian contingent": who they are drawn from.
_FROM_GAP = re.compile(
    r"\s*(?:each\s+)?(?:(?:will\s+|to\s+|would\s+|should\s+|must\s+)?(?:be\s+)?(?:come|comes|came|coming|"
    r"drawn|taken|sent|provided|contributed)\s+(?:\w+ly\s+)?)?from\s+(?:the\s+)?$"
)
# "149 Blue Helmets of a Beninese battalion": the unit names the nation.
_OF_UNIT = re.compile(r"\s*of\s+(?:the|a|an|its|their)\s+$")
_UNIT_WORD = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?(?:battalion|brigade|contingent|regiment|company|unit|army|"
    r"forces|detachment|battle\s?group|division)\b",
    re.IGNORECASE,
)
_PEACEKEEPERS = re.compile(r"peacekeepers|[Bb]lue\s+(?:[Hh]elmets|[Bb]erets)")
_GENERIC_SIZE = re.compile(
    r"\b(?:a|an|each)\s+(?:standard|typical|average|full|regular|normal|single)?\s*(?:brigade|"
    r"battalion|division|regiment|company|platoon|battle\s?group|squad)\s+(?:could|can|would|"
    r"typically|usually|normally|generally|may|should|must|is\s+supposed\s+to|is\s+meant\s+to|"
    r"is\s+expected\s+to)?\s*(?:have|has|comprises?|numbers?|consists?\s+of|"
    r"includes?|is\s+made\s+up\s+of)\b"
    # "the normal battalion capacity of 680": the size of a kind of unit, not of a force.
    r"|\b(?:standard|typical|average|normal|usual|regular)\s+(?:brigade|battalion|division|"
    r"regiment|company|platoon|battle\s?group|squad)\s+(?:capacity|size|strength)\b",
    re.IGNORECASE,
)
_MULTI_WORD = re.compile(r"\b(?:multinational|multi-national|European|allied|international)\b")
# "citing support from France and Australia": helpers, not the unit's members.
_HELP_FROM = re.compile(
    r"\b(?:support|help|aid|assistance|backing|pressure|criticism|calls?|requests?|threats?|"
    r"opposition|protests?)\s+from\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_AGREED = re.compile(r"\b(?:agreed|agree|agrees|signed|reached|negotiated|struck|settled)\b")
_EACH_BETWEEN = re.compile(r"\beach\b(?![^,;]{0,40}?\bof\b)")
_JOINT = re.compile(r"\b(?:joint|jointly|together|combined)\b", re.IGNORECASE)
_PRONOUN_SUBJECT = re.compile(
    r"\b(?:It|it|They|they|its|their|[Tt]he\s+(?:country|nation|kingdom|republic|government))\b"
)
# "British troops", "the Brazilian contingent": a nationality that says whose the troops are.
_TROOP_NOUN_AFTER = re.compile(
    r"\s+(?:[a-z-]+\s+)?(?:troops|soldiers|forces|military|army|contingent|peacekeepers|marines|"
    r"personnel|police|battalion|brigade|servicemen|service\s+members)\b",
    re.IGNORECASE,
)
# "a 1,000-person contingent of the Rwanda Defence Force".
_UNIT_OF = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?(?:contingent|force|battalion|brigade|unit|detachment|battle\s?group|"
    r"company|team)\s+(?:of|from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def find_troop_figures(
    text: str,
    sentences: list[tuple[int, int]],
    entities: list[Entity],
    gaz: Gazetteer,
    year: int | None,
) -> list[Figure]:
    figures: list[Figure] = []
    ent_i = 0
    last_who: str | None = None
    last_host: Host | None = None
    prev_subject: str | None = None
    sentence_before_joint: str | None = None
    prev_had_troops = False
    prev_list: list[str] = []  # the states the sentence before lists together
    since_troops = 99  # sentences since the last one about troops
    counts: dict[str, int] = {}
    aliases = _acronym_aliases(text, sentences, entities, gaz)
    article_countries = {e.canonical for e in entities if e.canonical in gaz.countries}
    host_places: dict[str, int] = {}
    article_counts, deployers, host_counts = _article_counts(
        text, sentences, entities, gaz, aliases, host_places, article_countries
    )
    deployer = _dominant(deployers)
    article_host = _article_host(host_places, deployer, gaz)
    article_has_nato = "NATO" in text
    # A UN, AU or regional mission named in the article: "the force" may be all of it.
    article_has_mission = "multinational" in article_counts
    hints = hint_positions(text)
    if not hints:
        return figures
    table_rows = _table_rows(text, sentences, gaz)
    for s, e in sentences:
        sent_ents = []
        while ent_i < len(entities) and entities[ent_i].start < s:
            ent_i += 1
        j = ent_i
        while j < len(entities) and entities[j].end <= e:
            sent_ents.append(entities[j])
            j += 1
        ms = mentions(text, s, sent_ents, gaz, aliases)
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
        sent_whos: list[str] = []  # contributors of this sentence's figures so far
        hosts_list = _hosts_list(text, found, ms)
        for cand in found:
            listed_host = None
            if cand["pattern"] == "row":
                whos = [ms[0].who]
            elif hosts_list and cand["pattern"] == "ellipsis_state" and sent_whos:
                # "Germany hosts 35,000 US troops, Japan 54,000 and South Korea 28,500": the
                # list goes on naming hosts of the same troops, not senders of their own.
                whos = [sent_whos[0]]
                listed_host = _listed_host(cand, ms, gaz, article_countries)
            elif cand["pattern"] == "of_them" and sent_whos:
                whos = [sent_whos[-1]]  # "3,000 of them": a share of the figure before
            elif prev_list and _each_of_them(text, s, cand, ms):
                whos = prev_list  # "Uganda and Burundi ... Each country has pledged 2,000"
            elif respective := _respectively(text, e, cand, found, ms):
                whos = respective  # "Djibouti and Kenya, with 1,520 and 1,410, respectively"
            elif sent_whos and (whole := _whole_force(text, s, cand, ms)):
                whos = whole  # "has 6,000 troops in the 22,000-strong force": the whole mission
            else:
                whos = _contributors(
                    text, s, e, cand, ms, article_has_nato, deployer, article_has_mission
                )
                if (
                    deployer
                    and deployers[deployer[0]] >= 2
                    and len(whos) == 1
                    and whos[0] != deployer[0]
                    and host_counts.get(whos[0], 0) >= 1
                    and whos[0] not in deployers
                    and not _named_with_figure(text, cand, ms, whos[0])
                    and not _subject_of(ms, whos[0], cand["start"])
                ):
                    # "the withdrawal of the 600-strong force from Iraq", in an article that
                    # shows Japan sending troops and Iraq only receiving them: a place is not
                    # the sender because it is the nearest name.
                    whos = list(deployer)
                if cand["pattern"] == "ellipsis_state" and not any(
                    m.entity.start == cand["who_start"] for m in ms
                ):
                    continue  # "Poland, April 25": the word before the number names nobody
            generic = _GENERIC_SIZE.search(text, s, e) is not None
            if generic:
                whos = []  # "a standard brigade could have 3,000 troops": nobody's troops
            if not whos:
                if _PRONOUN_SUBJECT.search(text, s, cand["start"]) and prev_subject:
                    whos = [prev_subject]
                elif sentence_before_joint:
                    # "Belarus and Russia began a joint exercise. It will feature 12,700 troops."
                    whos = [sentence_before_joint]
                elif sent_whos:
                    whos = [sent_whos[-1]]
                elif last_who:
                    whos = [last_who]
                else:
                    # The state the article shows sending troops outweighs a name that merely
                    # follows the figure ("42 peacekeepers arrived in Abeche, capital of Chad").
                    whos = (
                        deployer
                        or _later_state(cand, ms)
                        or _salient(counts)
                        or _salient(article_counts)
                    )
            host = (
                listed_host
                or host_of(text, s, (cand["start"], cand["end"]), ms, gaz, article_countries)
                or _mission_area(ms, gaz)
                or article_host
                or last_host
            )
            others = [(c["start"], c["end"]) for c in found]
            fig_year = figure_year(text, s, e, cand["start"], cand["end"], year, others)
            kind = _kind(text, s, e, cand)
            if generic:
                whos = []
            # A figure whose sender is unknown is kept, with no sender.
            senders: list[str | None] = list(whos) if whos else [None]
            for who in senders:
                figures.append(
                    Figure(
                        kind="troops",
                        text=text[cand["start"] : cand["end"]],
                        start=cand["start"],
                        end=cand["end"],
                        low=cand["low"],
                        high=cand["high"],
                        qualifier=cand["qual"],
                        contributor=who,
                        host=host.name if host else None,
                        host_place=host.place if host else None,
                        troop_kind=kind,
                        year=fig_year,
                        sentence=sentence,
                        vague=cand["vague"],
                    )
                )
            if whos:
                sent_whos.append(whos[-1])
            if host:
                last_host = host
        if sent_whos:
            # A later figure with no owner of its own leans on the sentence before, whose first
            # figure is its subject: "UNIFIL now has 9,700 troops after 129 Indonesians
            # arrived. Around 8,000 troops are deployed ..." speaks of the whole force.
            last_who = sent_whos[0]
        for m in ms:
            if m.who and not m.host:
                counts[m.who] = counts.get(m.who, 0) + _weight(text, m)
        first = next((m for m in ms if m.who and not m.host), None)
        subject = first.who if first is not None else None
        if subject:
            prev_subject = subject
        joint = None
        if first is not None and _JOINT.search(text, s, e):
            # "Belarus and Russia began their joint exercise": the next figure is both's.
            members = list_members(ms, ms.index(first), text)
            if len({m.who for m in members if m.who}) > 1:
                joint = "multinational"
        sentence_before_joint = joint
        prev_list = _states_listed(text, ms)
        # A bare number may lean on the sentence before only when that one held a figure:
        # "market forces" in a sentence is no reason to read the next one's numbers as troops.
        prev_had_troops = bool(found) or STRICT_TROOP_WORD.search(text, s, e) is not None
        since_troops = 0 if prev_had_troops else since_troops + 1
    return figures


_HOSTS_AFTER = re.compile(
    r"\s+(?:currently\s+|now\s+|still\s+)?(?:hosts|hosted|(?:is|are|was|were)\s+hosting|"
    r"(?:has|have)\s+hosted)\b"
)


def _hosts_list(text: str, found: list[dict], ms: list[Mention]) -> bool:
    """Whether the sentence opens with a state hosting its first figure's troops."""
    if not found:
        return False
    return any(
        m.host and m.country and _HOSTS_AFTER.match(text, m.entity.end)
        for m in ms
        if m.entity.end <= found[0]["start"]
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


def _area_of(m: Mention, gaz: Gazetteer) -> str | None:
    """Where a mission named by a mention serves ("UNMISS": South Sudan), if it is one."""
    name = gaz.names.get(m.entity.text) or gaz.names.get(m.entity.canonical)
    return name.area if name is not None and name.label == "ORG" else None


def _mission_area(ms: list[Mention], gaz: Gazetteer) -> Host | None:
    """ "1,200 troops serve with UNIFIL": a sentence naming no place is hosted where the
    mission it names serves (resources/gazetteer/orgs.tsv, column area)."""
    for m in ms:
        area = _area_of(m, gaz)
        if area:
            return Host(area, None)
    return None


def _listed_host(
    cand: dict, ms: list[Mention], gaz: Gazetteer, article_countries: set[str]
) -> Host | None:
    named = [m for m in ms if m.entity.start == cand["who_start"]]
    if not named or not named[0].country:
        return None
    ent = named[0].entity
    return Host(resolve_place(ent.text, ent.canonical, gaz, article_countries), None)


def _contributors(
    text: str,
    s: int,
    e: int,
    cand: dict,
    ms: list[Mention],
    has_nato: bool,
    deployer: Sequence[str] = (),
    has_mission: bool = False,
) -> list[str]:
    start, end = cand["start"], cand["match_end"]
    # 1. Inside the phrase: "600 British soldiers", "U.S. troops", "UN peacekeepers".
    inside = _inside(cand, ms)
    if inside and len({m.who for m in inside if m.country}) > 1:
        return ["multinational"]  # "230 German and Belgian soldiers"
    if inside and all(m.who == "multinational" for m in inside):
        sender = _sending_state(text, s, start, ms)
        if sender is not None:
            return [sender.who]  # "Chad will deploy 1,000 UN peacekeepers": Chad's contingent
    if inside:
        place_sender = _sender_of_place_troops(text, s, start, inside[0], ms)
        return [place_sender or inside[0].who]
    if _force_total(text, s, start, ms, has_mission):
        return ["multinational"]
    owner = _possessor(text, start, ms)
    if owner is not None:
        return [owner.who]
    subject = _pronoun_owner(text, s, start, ms)
    if subject is not None:
        return [subject.who]
    phrase = text[start:end]
    # "the 6,000-member force the alliance plans to send": the subject of the sending verb.
    rel = _REL_SENDER.match(text, end, min(e, end + 80))
    if rel and cand["pattern"] in ("strong", "force", "figure"):
        if rel.group("who").lower() == "alliance" and has_nato:
            return ["NATO"]
        named = [m for m in ms if m.who and m.entity.start == rel.start("who")]
        if named:
            return [named[0].who]
    if cand["pattern"] == "ellipsis_state":
        named = [
            m
            for m in ms
            if m.who and m.entity.start >= cand["who_start"] and m.entity.end <= cand["num_start"]
        ]
        return [named[-1].who] if named else []
    if (
        _MANY_COUNTRIES.match(text[end : min(e, end + 60)])
        or _CONTRIBUTED.search(text, end, min(e, end + 120))
        or _MANDATED.match(text, end, min(e, end + 80))
    ):
        return ["multinational"]
    breakdown = _BREAKDOWN.match(text[end : min(e, end + 50)])
    if breakdown:
        split_at = end + breakdown.end()
        parts = {m.who for m in ms if m.entity.start >= split_at and m.who and m.country}
        if len(parts) >= 2:
            return ["multinational"]
    if cand["pattern"] == "figure" and _MULTI_WORD.search(phrase):
        return ["multinational"]
    # "an ECOWAS force of 7,000", "the German contingent of 500".
    if cand["pattern"] == "force":
        near = [m for m in ms if m.who and m.entity.end <= start and start - m.entity.end <= 30]
        if near and not re.search(r"[,;.]", text[near[-1].entity.end : start]):
            nation = _contingent_of_body(text, near[-1], ms)
            return [nation.who if nation else near[-1].who]
    # 2. "troops from Germany", "100 each from Poland and Slovenia".
    after = [m for m in ms if m.entity.start >= end and m.who]
    leaving = _LEAVING.search(text[max(s, start - 50) : start]) is not None
    if (
        after
        and after[0].country
        and _OF_UNIT.match(text[end : after[0].entity.start])
        and (
            _UNIT_WORD.match(text[after[0].entity.end : min(e, after[0].entity.end + 30)])
            # "129 soldiers of the Indonesian Battalion": the unit's name holds the nation.
            or after[0].entity.label == "ORG"
            and _UNIT_WORD.search(after[0].entity.text.split()[-1])
        )
    ):
        return [after[0].who]
    if not leaving and (
        after
        and _FROM_GAP.match(text[end : after[0].entity.start])
        or (cand["pattern"] == "from" and after and after[0].entity.start - end < 6)
    ):
        first = ms.index(after[0])
        members = [m for m in list_members(ms, first, text) if m.who]
        if cand["each"]:
            return [m.who for m in members]
        if cand["pattern"] != "from" and len({m.who for m in members if m.who}) > 1:
            return ["multinational"]  # "17,000 troops from Uganda, Burundi and Kenya"
        return [after[0].who]
    if (
        _PEACEKEEPERS.search(phrase)
        and not any(m.country and not m.host and m.entity.end <= start for m in ms)
        and (
            re.search(r"\b(?:UN|U\.N\.)\b|[Bb]lue", phrase)
            # "The 850 peacekeepers will join UNIFIL" in an article about Nepal's battalion
            # are Nepal's: the mission is what they join.
            or any(m.who == "multinational" for m in ms)
            and not deployer
        )
    ):
        # "6,000 UN peacekeepers" are the UN's; "Bangladesh ... with 6,000 peacekeepers" are not,
        # nor are "400 peacekeepers" in a sentence that names no UN body.
        return ["multinational"]
    if after and _UNIT_OF.match(text[end : after[0].entity.start]):
        return [after[0].who]
    # "the 18,300-strong peacekeeping mission": a mission of many states, none named in it.
    if cand["pattern"] == "strong" and _PEACE_MISSION.match(text, end):
        return ["multinational"]
    # 3. "a 1,100-strong NATO battle group", "the 400-strong UK contingent".
    if cand["pattern"] == "strong" and after and after[0].entity.start - end < 4:
        return [after[0].who]
    if re.search(r"\b(?:multinational|multi-national)\b", text[max(s, start - 40) : end]):
        return ["multinational"]
    # A unit made of troops "from Germany, the US, Poland and the Netherlands" is multinational.
    if cand["pattern"] in ("strong", "force", "bare"):
        sources = {
            m.who
            for m in ms
            if m.from_
            and m.who
            and not _HELP_FROM.search(text, max(s, m.entity.start - 30), m.entity.start)
        }
        if len(sources) >= 2:
            return ["multinational"]
    # 4. The nearest state or alliance before the figure that is not a place troops go to;
    # an alliance used as a modifier ("a permanent NATO mission") yields to a state.
    before = [m for m in ms if m.entity.end <= start and m.who and not m.host]
    # "Poland, which supported the U.S.-led invasion, has 900 troops": an aside is not the subject.
    asides = [a.span() for a in _ASIDE.finditer(text, s, start)]
    if asides:
        outside = [m for m in before if not any(a <= m.entity.start < b for a, b in asides)]
        before = outside or before
    if _LEAVING.search(text, s, start):
        # "withdraw 500 troops from Iraq and 2,000 from Afghanistan": places left, not senders.
        before = [m for m in before if not m.from_]
    # "The UK leads Estonia's battlegroup with 850 soldiers stationed in Estonia": a state the
    # sentence names as the host is not the sender when another state is named before it.
    hosted = {m.who for m in ms if m.host and m.who}
    if len(before) > 1 and before[-1].who in hosted:
        others = [m for m in before if m.who not in hosted]
        if others:
            before = others
    if before:
        nearest = before[-1]
        if _is_modifier(text, nearest) and any(m.country for m in before[:-1]):
            nearest = [m for m in before[:-1] if m.country][-1]
        # "alongside French, Danish and Icelandic forces, totaling almost 1,200"; "The
        # Philippines and the United States held drills involving 17,000 troops".
        members = [m for m in list_members(ms, ms.index(nearest), text) if not m.host]
        if (
            len(members) > 1
            and _AGREED.search(text, nearest.entity.end, start)
            and any(m.who in deployer for m in members)
        ):
            # "Tokyo and Washington agreed to relocate 9,000 Marines": parties to a deal, of
            # whom the article shows one as the owner of the troops.
            return list(deployer)
        # "Britain, Canada and Germany would each send 800 soldiers": one figure per member.
        each = cand["each"] or _EACH_BETWEEN.search(text, nearest.entity.end, start) is not None
        if len({m.who for m in members if m.who}) > 1 and not each:
            return ["multinational"]
        if each:
            members = list_members(ms, ms.index(nearest), text)
            if len(members) > 1:
                return [m.who for m in members if m.who]
        return [nearest.who]
    if has_nato and re.search(r"\bthe alliance\b|\ballied\b", text[s:e], re.IGNORECASE):
        return ["NATO"]
    # "There are 20,000 soldiers serving in Somalia under AMISOM": with no state before it, a
    # figure serving under an alliance or a mission is that body's.
    if any(m.country and not m.host for m in ms):
        return []
    joined = _JOINS_MISSION.match(text, end, min(e, end + 80))
    if joined and any(
        m.entity.start == joined.end() and m.who in ("NATO", "multinational") for m in ms
    ):
        # "12,000 personnel have been authorised to take part in AUSSOM": no state named
        # before them, the troops a mission is made of are the mission's.
        return [next(m.who for m in ms if m.entity.start == joined.end())]
    if deployer and not _EXISTENTIAL.search(text, s, start):
        return []  # "243 troops had been deployed under the UN": the article's sender's
    bodies = [
        m
        for m in ms
        if m.entity.start >= end
        and m.who in ("NATO", "multinational")
        and _SERVES_UNDER.search(text, max(end, m.entity.start - 40), m.entity.start)
    ]
    if bodies:
        return [bodies[0].who]
    return []


# "increasing the force to 20,500 troops", "the total force of 2,000 troops", "the
# multinational force, which is due to number 5,000": the strength of the whole force.
_FORCE_WORD = re.compile(
    r"\b(?:the|its|total|whole|entire|overall|combined|multinational|international|regional|"
    r"peacekeeping|intervention)\s+(?:[\w-]+\s+){0,2}?(?:force|mission|operation)\b"
    r"(?P<rest>[^.;:!?]*)$",
    re.IGNORECASE,
)
_WHOLE = re.compile(
    r"\b(?:total|whole|entire|overall|combined|multinational|international)\b", re.IGNORECASE
)
_PART_OF = re.compile(
    r"\b(?:contingent|battalion|brigade|company|unit|detachment|share|part)\s+(?:of|in|within)\s+$",
    re.IGNORECASE,
)
_FORCE_SIZE_CUE = re.compile(
    r"^\s*(?:of|to|at|strength\s+of|numbers?|,\s+which\s+[^,]*?(?:strength\s+of|to\s+number|"
    r"numbers?|of|at|to))\s+(?:[a-z]+\s+){0,2}$",
    re.IGNORECASE,
)


def _force_total(text: str, s: int, start: int, ms: list[Mention], has_mission: bool) -> bool:
    """Whether the figure is the size of "the force" named just before it, with no country
    named from there on: the mission's strength, not a contingent's. A plain "the force" is
    a whole mission's only in an article that names a multinational one (else it may be one
    country's army); "the total force" always is."""
    m = _FORCE_WORD.search(text, max(s, start - 90), start)
    if m is None or not _FORCE_SIZE_CUE.match(m.group("rest")):
        return False
    if _PART_OF.search(text, max(s, m.start() - 30), m.start()):
        return False  # "the Indian contingent of the UN mission numbers 850": a part of it
    if not (has_mission or _WHOLE.search(m.group(0))):
        return False
    return not any(x.country and m.start() <= x.entity.start < start for x in ms)


_JOINS_MISSION = re.compile(
    r"[^.;:]{0,60}?\b(?:(?:participate|serve|serving|take\s+part|taking\s+part)\s+in|"
    r"part\s+of)\s+(?:the\s+)?"
)
_LIST_OF_NUMBERS_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)$")
_RESPECTIVELY = re.compile(r"[^.;:]{0,40}?,?\s+respectively\b")


_EACH_STATE = re.compile(
    r"\b[Ee]ach\s+(?:of\s+the\s+\w+\s+)?(?:country|nation|state|government|army|contributor)\b"
)


def _each_of_them(text: str, s: int, cand: dict, ms: list[Mention]) -> bool:
    """Whether the figure's sentence gives it to "each country" and names no state before it."""
    if not _EACH_STATE.search(text, s, cand["start"]):
        return False
    return not any(m.country and m.entity.start < cand["start"] for m in ms)


def _states_listed(text: str, ms: list[Mention]) -> list[str]:
    """The states a sentence lists together as actors ("Uganda and Burundi said ..."), if any."""
    for k, m in enumerate(ms):
        if m.country and not m.host:
            members = [x.who for x in list_members(ms, k, text) if x.country and not x.host]
            if len(set(members)) > 1:
                return list(dict.fromkeys(members))
    return []


def _respectively(text: str, e: int, cand: dict, found: list[dict], ms: list[Mention]) -> list[str]:
    """ "Djibouti and Kenya, contributing 1,520 and 1,410 personnel, respectively": the
    figures of a list closed by "respectively" pair off, in order, with the list of states
    named last before them."""
    i = found.index(cand)
    lo = hi = i
    while lo > 0 and _LIST_OF_NUMBERS_GAP.match(text[found[lo - 1]["end"] : found[lo]["start"]]):
        lo -= 1
    while hi + 1 < len(found) and _LIST_OF_NUMBERS_GAP.match(
        text[found[hi]["end"] : found[hi + 1]["start"]]
    ):
        hi += 1
    if hi == lo or not _RESPECTIVELY.match(text, found[hi]["end"], e):
        return []
    before = [k for k, m in enumerate(ms) if m.who and m.entity.end <= found[lo]["start"]]
    if not before:
        return []
    members = [m for m in list_members(ms, before[-1], text) if m.who]
    if len(members) != hi - lo + 1:
        return []
    return [members[i - lo].who]


_EXISTENTIAL = re.compile(r"\b[Tt]here\s+(?:are|were|is|was|remain|remained)\b")
_PEACE_MISSION = re.compile(
    r"\s+(?:(?:UN|U\.N\.|United\s+Nations)\s+)?peace-?keeping\s+(?:mission|force|operation)\b",
    re.IGNORECASE,
)
_SERVES_UNDER = re.compile(
    r"\bunder\s+(?:the\s+)?(?:(?:command|control|flag|banner|auspices)\s+of\s+(?:the\s+)?)?$"
)
_POSSESSIVE_GAP = re.compile(
    r"[’']s?\s+(?:(?:remaining|current|entire|whole|total|own|new|additional|extra|planned|"
    r"existing|present|full|estimated|last|first|latest)\s+){0,2}"
)
_ASIDE = re.compile(r",\s+(?:which|who|whose)\b[^,;:()]{3,120},")


def _inside(cand: dict, ms: list[Mention]) -> list[Mention]:
    """Senders named within the figure's own words: "600 British soldiers"."""
    return [
        m
        for m in ms
        if cand["start"] <= m.entity.start and m.entity.end <= cand["match_end"] and m.who
    ]


def _possessor(text: str, start: int, ms: list[Mention]) -> Mention | None:
    """The state whose figure it is by possession: "Japan's 600-strong force"."""
    for m in reversed(ms):
        if m.who and m.entity.end <= start and start - m.entity.end <= 30:
            if _POSSESSIVE_GAP.fullmatch(text, m.entity.end, start):
                return m
            return None
    return None


# "the Indian contingent of the UN mission": a nation's unit within a multinational body.
_CONTINGENT_OF = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:contingent|battalion|brigade|company|unit|detachment|troops|"
    r"peacekeepers|forces|soldiers)\s+(?:of|in|with|within|serving\s+with)\s+(?:the\s+|a\s+)?$"
)
# "UNMISS has 850 Indian peacekeepers among its 12,000 troops": "its" is the subject's.
_POSSESSIVE_PRONOUN = re.compile(r"\b(?:its|their)\s+(?:[\w-]+\s+){0,2}$")


def _contingent_of_body(text: str, body: Mention, ms: list[Mention]) -> Mention | None:
    """The nation whose unit of an alliance or mission a figure counts, if so named."""
    if body.who not in ("multinational", "NATO"):
        return None
    at = ms.index(body)
    if at == 0:
        return None
    nation = ms[at - 1]
    if not nation.country or nation.host or not nation.who:
        return None
    if _CONTINGENT_OF.fullmatch(text, nation.entity.end, body.entity.start) is None:
        return None
    return nation


def _pronoun_owner(text: str, s: int, start: int, ms: list[Mention]) -> Mention | None:
    """The sentence's subject, when the figure is introduced by "its" or "their"."""
    if not _POSSESSIVE_PRONOUN.search(text, max(s, start - 30), start):
        return None
    before = [m for m in ms if m.who and not m.host and not m.from_ and m.entity.end <= start]
    if not before or before[0].entity.start - s > 40:
        return None
    return before[0]


def _subject_of(ms: list[Mention], who: str, start: int) -> bool:
    """Whether who is the first state the sentence names before the figure other than as a
    place troops are in, go to or come from."""
    first = next(
        (m for m in ms if m.who and not m.host and not m.from_ and m.entity.end <= start), None
    )
    return first is not None and first.who == who


def _named_with_figure(text: str, cand: dict, ms: list[Mention], who: str) -> bool:
    """Whether the figure's own words name who ("600 Iraqi troops", "Iraq's 600 soldiers")."""
    if any(m.who == who for m in _inside(cand, ms)):
        return True
    # "12,000 will come from the United States": the figure's own verb names its source.
    after = [m for m in ms if m.entity.start >= cand["match_end"] and m.who]
    if (
        after
        and after[0].who == who
        and _FROM_GAP.match(text[cand["match_end"] : after[0].entity.start])
    ):
        return True
    owner = _possessor(text, cand["start"], ms)
    return owner is not None and owner.who == who


# "6,000 troops in the 22,000-strong force": the force a national share belongs to.
_IN_WHOLE = re.compile(
    r"\b(?:in|of|into|within|joined?|joining)\s+(?:the|a|an|its)\s+(?:[\w-]+\s+)?$"
)


def _whole_force(text: str, s: int, cand: dict, ms: list[Mention]) -> list[str]:
    """The alliance or mission a sized force belongs to, when a share of it came just before."""
    if cand["pattern"] not in ("strong", "force"):
        return []
    if not _IN_WHOLE.search(text, max(s, cand["start"] - 30), cand["start"]):
        return []
    bodies = [m.who for m in ms if m.who in ("multinational", "NATO")]
    return bodies[:1]


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


def _table_row(text: str, s: int, e: int, m: Mention) -> list[dict]:
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
    return [
        {
            "start": n0, "end": n1, "num_start": n0, "num_end": n1, "low": low, "high": high,
            "qual": None, "vague": None, "each": False, "pattern": "row", "match_end": n1,
        }
    ]  # fmt: skip


# "US to keep 9,800 Afghanistan troops": the state that keeps, sends or pulls them.
_KEEPS = re.compile(
    r"^\s+(?:[\w’'-]+\s+){0,4}?(?:keep|keeps|keeping|kept|leave|leaves|leaving|station\w*|maintain\w*|"
    r"send|sends|sending|sent|deploy\w*|withdr[ae]w\w*|pull\w*|cut\w*|reduc\w*)\s+"
    r"(?:[\w’'-]+\s+){0,2}?$"
)


def _sender_of_place_troops(
    text: str, s: int, start: int, inside: Mention, ms: list[Mention]
) -> str | None:
    """A country's name (not its demonym) before "troops" may name where they serve: the
    state that keeps or sends them, named just before, is theirs."""
    if inside.entity.label != "GPE":
        return None
    before = [m for m in ms if m.entity.end <= start and m.who and m.country and not m.host]
    if not before or before[-1].who == inside.who:
        return None
    if _KEEPS.match(text[before[-1].entity.end : start]):
        return before[-1].who
    return None


def _sending_state(text: str, s: int, start: int, ms: list[Mention]) -> Mention | None:
    """The state named last before the figure when it is the subject of a sending verb that
    reaches the figure with no other body named between ("Chad planned to deploy 1,000")."""
    before = [m for m in ms if m.entity.end <= start and m.who]
    if not before or not before[-1].country or before[-1].host:
        return None
    nearest = before[-1]
    gap = text[nearest.entity.end : start]
    verb = _SENDS_AFTER.match(gap)
    if verb is None or len(gap[verb.end() :].split()) > 3:
        return None
    return nearest


def _is_modifier(text: str, m: Mention) -> bool:
    ent = m.entity
    if ent.label != "ORG":
        return False
    if m.country and _UNIT_WORD.match(text[ent.end : ent.end + 40]):
        return False  # "a Kenyan army contingent": a nation's army names its unit's nation
    before = text[max(0, ent.start - 30) : ent.start]
    # "a permanent NATO mission", "bounded by NATO charters": the alliance names a thing.
    return bool(
        re.search(
            r"\b(?:a|an|the|by|under|of|with|its|their|his|her|our)\s+(?:[a-z\d,.-]+\s+)?$", before
        )
    ) and bool(re.match(r"\s+[a-z]", text[ent.end : ent.end + 3]))


def _later_state(cand: dict, ms: list[Mention]) -> list[str]:
    """A state named after the figure ("..., Hungary's defence minister said")."""
    later = [m for m in ms if m.entity.start >= cand["match_end"] and m.who and not m.host]
    states = [m for m in later if m.country]
    return [(states or later)[0].who] if later else []


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
            area = _area_of(m, gaz)
            if places is not None and area:
                places[area] = places.get(area, 0) + 1
            if m.who and not m.host:
                counts[m.who] = counts.get(m.who, 0) + _weight(text, m)
                if m.country and _deploys(text, s, m):
                    deployers[m.who] = deployers.get(m.who, 0) + 1
    return counts, deployers, hosts


# "Rwanda will deploy", "Britain said it would send": a state as the subject of sending.
_SENDS_AFTER = re.compile(
    r"\s+(?:[\w’'-]+\s+){0,4}?(?:send|sends|sending|sent|deploy|deploys|deploying|deployed|"
    r"dispatch\w*|contribut\w*|pledg\w*|withdr[ae]w\w*|pull\w*)\b"
)
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
    return _SENDS_AFTER.match(text, ent.end, min(len(text), ent.end + 60)) is not None


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


def _salient(counts: dict[str, int]) -> list[str]:
    """The state or alliance the article has named most often so far, if any."""
    if not counts:
        return []
    return [max(counts, key=counts.__getitem__)]


def _kind(text: str, s: int, e: int, cand: dict) -> str:
    window = text[max(s, cand["start"] - 80) : min(e, cand["end"] + 40)]
    for kind, rx in _KIND_RES:
        if rx.search(window):
            return kind
    return "deployment"
