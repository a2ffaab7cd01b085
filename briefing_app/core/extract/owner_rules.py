"""Whose troops a figure counts: ordered lists of named rules, each reading one kind of sentence.

A rule takes a Scene and answers with the figure's owners (a list: one state, an alliance,
"multinational", one per member of a list, or none) or passes with None. The first rule to
answer wins, so a list's order is the logic; each rule's docstring quotes the sentence it
reads, and tests/core/extract/test_extract_rules.py holds a sentence for every rule.

    owners(scene) -> (owners, rule name), or None when the candidate names nobody at all
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .context import Mention
from .scene import Scene
from .troop_spans import Pattern

Owners = list[str]
Rule = Callable[[Scene], Owners | None]
BODIES = ("multinational", "NATO")

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
_UN_OR_BLUE = re.compile(r"\b(?:UN|U\.N\.)\b|[Bb]lue")
_MULTI_WORD = re.compile(r"\b(?:multinational|multi-national|European|allied|international)\b")
_MULTINATIONAL = re.compile(r"\b(?:multinational|multi-national)\b")
_AGREED = re.compile(r"\b(?:agreed|agree|agrees|signed|reached|negotiated|struck|settled)\b")
_EACH_BETWEEN = re.compile(r"\beach\b(?![^,;]{0,40}?\bof\b)")
_PRONOUN_SUBJECT = re.compile(
    r"\b(?:It|it|They|they|its|their|[Tt]he\s+(?:country|nation|kingdom|republic|government))\b"
)
# "a 1,000-person contingent of the Rwanda Defence Force".
_UNIT_OF = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?(?:contingent|force|battalion|brigade|unit|detachment|battle\s?group|"
    r"company|team)\s+(?:of|from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "UNMISS has 850 Indian peacekeepers among its 12,000 troops": "its" is the subject's.
_POSSESSIVE_PRONOUN = re.compile(r"\b(?:its|their)\s+(?:[\w-]+\s+){0,2}$")
# "6,000 troops in the 22,000-strong force": the force a national share belongs to.
_IN_WHOLE = re.compile(
    r"\b(?:in|of|into|within|joined?|joining)\s+(?:the|a|an|its)\s+(?:[\w-]+\s+)?$"
)
# "US to keep 9,800 Afghanistan troops": the state that keeps, sends or pulls them.
_KEEPS = re.compile(
    r"^\s+(?:[\w’'-]+\s+){0,4}?(?:keep|keeps|keeping|kept|leave|leaves|leaving|station\w*|maintain\w*|"
    r"send|sends|sending|sent|deploy\w*|withdr[ae]w\w*|pull\w*|cut\w*|reduc\w*)\s+"
    r"(?:[\w’'-]+\s+){0,2}?$"
)
# "Rwanda will deploy", "Britain said it would send": a state as the subject of sending.
SENDS_AFTER = re.compile(
    r"\s+(?:[\w’'-]+\s+){0,4}?(?:send|sends|sending|sent|deploy|deploys|deploying|deployed|"
    r"dispatch\w*|contribut\w*|pledg\w*|withdr[ae]w\w*|pull\w*)\b"
)
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
_JOINS_MISSION = re.compile(
    r"[^.;:]{0,60}?\b(?:(?:participate|serve|serving|take\s+part|taking\s+part)\s+in|"
    r"part\s+of)\s+(?:the\s+)?"
)
_LIST_OF_NUMBERS_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)$")
_RESPECTIVELY = re.compile(r"[^.;:]{0,40}?,?\s+respectively\b")
_EACH_STATE = re.compile(
    r"\b[Ee]ach\s+(?:of\s+the\s+\w+\s+)?(?:country|nation|state|government|army|contributor)\b"
)
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
# "a permanent NATO mission", "bounded by NATO charters": the alliance names a thing.
_MODIFIER_BEFORE = re.compile(
    r"\b(?:a|an|the|by|under|of|with|its|their|his|her|our)\s+(?:[a-z\d,.-]+\s+)?$"
)
_LOWER_WORD_AFTER = re.compile(r"\s+[a-z]")
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


def generic_size(text: str, s: int, e: int) -> bool:
    """Whether the sentence gives the size of a kind of unit, nobody's troops: "a standard
    brigade could have 3,000 troops"."""
    return _GENERIC_SIZE.search(text, s, e) is not None


# --- Rules that read the sentence's other figures ------------------------------------------


def list_of_hosts_goes_on(sc: Scene) -> Owners | None:
    """ "Germany hosts 35,000 US troops, Japan 54,000 and South Korea 28,500": the list goes on
    naming hosts of the same troops, not senders of their own."""
    if sc.hosts_list and sc.cand.pattern is Pattern.ELLIPSIS_STATE and sc.sent_whos:
        return [sc.sent_whos[0]]
    return None


def share_of_figure_before(sc: Scene) -> Owners | None:
    """ "1,500 troops, with up to 3,000 of them deployed": a share of the figure before."""
    if sc.cand.pattern is Pattern.OF_THEM and sc.sent_whos:
        return [sc.sent_whos[-1]]
    return None


def each_of_states_before(sc: Scene) -> Owners | None:
    """ "Uganda and Burundi said ... Each country has pledged 2,000": one figure each."""
    if not sc.memory.prev_list or not _EACH_STATE.search(sc.text, sc.s, sc.cand.start):
        return None
    if any(m.country and m.entity.start < sc.cand.start for m in sc.ms):
        return None
    return sc.memory.prev_list


def respectively(sc: Scene) -> Owners | None:
    """ "Djibouti and Kenya, contributing 1,520 and 1,410 personnel, respectively": the
    figures of a list closed by "respectively" pair off, in order, with the states named last
    before them."""
    text, found = sc.text, sc.found
    i = found.index(sc.cand)
    lo = hi = i
    while lo > 0 and _LIST_OF_NUMBERS_GAP.match(text[found[lo - 1].end : found[lo].start]):
        lo -= 1
    while hi + 1 < len(found) and _LIST_OF_NUMBERS_GAP.match(
        text[found[hi].end : found[hi + 1].start]
    ):
        hi += 1
    if hi == lo or not _RESPECTIVELY.match(text, found[hi].end, sc.e):
        return None
    before = [k for k, m in enumerate(sc.ms) if m.who and m.entity.end <= found[lo].start]
    if not before:
        return None
    members = [m for m in sc.members_of(sc.ms[before[-1]]) if m.who]
    if len(members) != hi - lo + 1:
        return None
    return [members[i - lo].who]


def share_of_whole_force(sc: Scene) -> Owners | None:
    """ "Ghana keeps 800 troops in the 9,000-strong force": after a national share, the whole
    mission's size is the mission's."""
    c = sc.cand
    if not sc.sent_whos or c.pattern not in (Pattern.STRONG, Pattern.FORCE):
        return None
    if not _IN_WHOLE.search(sc.text, max(sc.s, c.start - 30), c.start):
        return None
    bodies = [m.who for m in sc.ms if m.who in BODIES]
    return bodies[:1] or None


SENTENCE_RULES: tuple[Rule, ...] = (
    list_of_hosts_goes_on,
    share_of_figure_before,
    each_of_states_before,
    respectively,
    share_of_whole_force,
)


# --- Rules that read the figure's own words and its clause ----------------------------------


def several_nations_inside(sc: Scene) -> Owners | None:
    """ "230 German and Belgian soldiers": one figure of several nations."""
    return ["multinational"] if len({m.who for m in sc.inside if m.country}) > 1 else None


def mission_troops_of_sending_state(sc: Scene) -> Owners | None:
    """ "Chad will deploy 1,000 UN peacekeepers": Chad's contingent of a mission."""
    if not sc.inside or not all(m.who == "multinational" for m in sc.inside):
        return None
    before = [m for m in sc.ms if m.entity.end <= sc.cand.start and m.who]
    if not before or not before[-1].country or before[-1].host:
        return None
    gap = sc.text[before[-1].entity.end : sc.cand.start]
    verb = SENDS_AFTER.match(gap)
    if verb is None or len(gap[verb.end() :].split()) > 3:
        return None
    return [before[-1].who]


def state_keeping_place_troops(sc: Scene) -> Owners | None:
    """ "US to keep 9,800 Afghanistan troops": a country's name (not its demonym) before
    "troops" names where they serve; the state that keeps or sends them is theirs."""
    if not sc.inside or sc.inside[0].entity.label != "GPE":
        return None
    before = [
        m for m in sc.ms if m.entity.end <= sc.cand.start and m.who and m.country and not m.host
    ]
    if not before or before[-1].who == sc.inside[0].who:
        return None
    if _KEEPS.match(sc.text[before[-1].entity.end : sc.cand.start]):
        return [before[-1].who]
    return None


def named_inside(sc: Scene) -> Owners | None:
    """ "600 British soldiers", "U.S. troops", "UN peacekeepers": the figure's own words."""
    return [sc.inside[0].who] if sc.inside else None


def whole_force_size(sc: Scene) -> Owners | None:
    """ "increasing the force to 20,500 troops": the size of "the force" named just before,
    with no country named from there on, is a whole mission's. A plain "the force" is one only
    in an article that names a multinational one (else it may be one country's army); "the
    total force" always is."""
    text, start = sc.text, sc.cand.start
    m = _FORCE_WORD.search(text, max(sc.s, start - 90), start)
    if m is None or not _FORCE_SIZE_CUE.match(m.group("rest")):
        return None
    if _PART_OF.search(text, max(sc.s, m.start() - 30), m.start()):
        return None  # "the Indian contingent of the UN mission numbers 850": a part of it
    if not (sc.article.has_mission or _WHOLE.search(m.group(0))):
        return None
    if any(x.country and m.start() <= x.entity.start < start for x in sc.ms):
        return None
    return ["multinational"]


def possessor(text: str, start: int, ms: list[Mention]) -> Mention | None:
    """The state whose figure it is by possession: "Japan's 600-strong force"."""
    for m in reversed(ms):
        if m.who and m.entity.end <= start and start - m.entity.end <= 30:
            if _POSSESSIVE_GAP.fullmatch(text, m.entity.end, start):
                return m
            return None
    return None


def possessive_owner(sc: Scene) -> Owners | None:
    """ "Japan's 600-strong force", "Britain's remaining 850 soldiers"."""
    owner = possessor(sc.text, sc.cand.start, sc.ms)
    return [owner.who] if owner is not None else None


def pronoun_owner(sc: Scene) -> Owners | None:
    """ "UNMISS has 850 Indian peacekeepers among its 12,000 troops": "its" or "their" is the
    sentence's subject's."""
    start = sc.cand.start
    if not _POSSESSIVE_PRONOUN.search(sc.text, max(sc.s, start - 30), start):
        return None
    before = [m for m in sc.ms if m.who and not m.host and not m.from_ and m.entity.end <= start]
    if not before or before[0].entity.start - sc.s > 40:
        return None
    return [before[0].who]


def sender_in_relative_clause(sc: Scene) -> Owners | None:
    """ "the 6,000-member force the alliance plans to send": the subject of the sending verb."""
    c = sc.cand
    if c.pattern not in (Pattern.STRONG, Pattern.FORCE, Pattern.FIGURE):
        return None
    rel = _REL_SENDER.match(sc.text, c.match_end, min(sc.e, c.match_end + 80))
    if rel is None:
        return None
    if rel.group("who").lower() == "alliance" and sc.article.has_nato:
        return ["NATO"]
    named = [m for m in sc.ms if m.who and m.entity.start == rel.start("who")]
    return [named[0].who] if named else None


def state_of_ellipsis(sc: Scene) -> Owners | None:
    """ "they have pledged 400 troops and Benin at least 1,500": the state the ellipsis names."""
    c = sc.cand
    if c.pattern is not Pattern.ELLIPSIS_STATE:
        return None
    named = [
        m
        for m in sc.ms
        if m.who and m.entity.start >= c.who_start and m.entity.end <= c.num_start  # type: ignore[operator]
    ]
    return [named[-1].who] if named else []


def many_countries_after(sc: Scene) -> Owners | None:
    """ "troops promised by a handful of countries", "contributions from a number of
    countries", "12,500 troops authorized by the UN Security Council": many senders."""
    text, e, end = sc.text, sc.e, sc.cand.match_end
    if (
        _MANY_COUNTRIES.match(text[end : min(e, end + 60)])
        or _CONTRIBUTED.search(text, end, min(e, end + 120))
        or _MANDATED.match(text, end, min(e, end + 80))
    ):
        return ["multinational"]
    return None


def breakdown_by_nation(sc: Scene) -> Owners | None:
    """ "12,700 troops, including 7,200 Belarusian and 5,500 Russian": a total split by nation."""
    end = sc.cand.match_end
    breakdown = _BREAKDOWN.match(sc.text[end : min(sc.e, end + 50)])
    if breakdown is None:
        return None
    split_at = end + breakdown.end()
    parts = {m.who for m in sc.ms if m.entity.start >= split_at and m.who and m.country}
    return ["multinational"] if len(parts) >= 2 else None


def multinational_word_in_figure(sc: Scene) -> Owners | None:
    """ "5,000 European troops", "4,000 international soldiers": no one nation's."""
    c = sc.cand
    if c.pattern is Pattern.FIGURE and _MULTI_WORD.search(sc.text[c.start : c.match_end]):
        return ["multinational"]
    return None


def unit_of_nation_after(sc: Scene) -> Owners | None:
    """ "149 Blue Helmets of a Beninese battalion", "129 soldiers of the Indonesian
    Battalion": the unit after the figure names the nation."""
    after, text, end = sc.after, sc.text, sc.cand.match_end
    if not after or not after[0].country or not _OF_UNIT.match(text[end : after[0].entity.start]):
        return None
    ent = after[0].entity
    if _UNIT_WORD.match(text[ent.end : min(sc.e, ent.end + 30)]) or (
        ent.label == "ORG" and _UNIT_WORD.search(ent.text.split()[-1])
    ):
        return [after[0].who]
    return None


def troops_from_state(sc: Scene) -> Owners | None:
    """ "troops from Germany", "100 each from Poland and Slovenia", "17,000 troops from
    Uganda, Burundi and Kenya"; not troops withdrawn from a place."""
    c, after, text = sc.cand, sc.after, sc.text
    if not after or _LEAVING.search(text[max(sc.s, c.start - 50) : c.start]):
        return None
    if not (
        _FROM_GAP.match(text[c.match_end : after[0].entity.start])
        or (c.pattern is Pattern.FROM and after[0].entity.start - c.match_end < 6)
    ):
        return None
    members = [m for m in sc.members_of(after[0]) if m.who]
    if c.each:
        return [m.who for m in members]
    if c.pattern is not Pattern.FROM and len({m.who for m in members}) > 1:
        return ["multinational"]
    return [after[0].who]


def un_peacekeepers(sc: Scene) -> Owners | None:
    """ "6,000 UN peacekeepers", "The 850 peacekeepers will join UNIFIL" in an article with no
    sender: the mission's; not "Bangladesh ... with 6,000 peacekeepers"."""
    c = sc.cand
    phrase = sc.text[c.start : c.match_end]
    if not _PEACEKEEPERS.search(phrase):
        return None
    if any(m.country and not m.host and m.entity.end <= c.start for m in sc.ms):
        return None
    if _UN_OR_BLUE.search(phrase) or (
        any(m.who == "multinational" for m in sc.ms) and not sc.article.deployer
    ):
        return ["multinational"]
    return None


def unit_of_body_after(sc: Scene) -> Owners | None:
    """ "a 1,000-person contingent of the Rwanda Defence Force": the body the unit is of."""
    after = sc.after
    if after and _UNIT_OF.match(sc.text[sc.cand.match_end : after[0].entity.start]):
        return [after[0].who]
    return None


def peacekeeping_mission_strength(sc: Scene) -> Owners | None:
    """ "the 18,300-strong peacekeeping mission": a mission of many states, none named in it."""
    c = sc.cand
    if c.pattern is Pattern.STRONG and _PEACE_MISSION.match(sc.text, c.match_end):
        return ["multinational"]
    return None


def strong_unit_named_after(sc: Scene) -> Owners | None:
    """ "a 1,100-strong NATO battle group", "the 400-strong UK contingent"."""
    c, after = sc.cand, sc.after
    if c.pattern is Pattern.STRONG and after and after[0].entity.start - c.match_end < 4:
        return [after[0].who]
    return None


def multinational_word_before(sc: Scene) -> Owners | None:
    """ "a multinational brigade of 4,000 troops": the word just before the figure says so."""
    if _MULTINATIONAL.search(sc.text[max(sc.s, sc.cand.start - 40) : sc.cand.match_end]):
        return ["multinational"]
    return None


def _nearest_before(sc: Scene) -> tuple[Mention, list[Mention]] | None:
    """The nearest state or alliance before the figure that is not a place troops go to, and
    the list it stands in; an aside, a place left and a named host yield to another name, an
    alliance used as a modifier ("a permanent NATO mission") to a state."""
    if "nearest" not in sc.memo:
        sc.memo["nearest"] = _find_nearest_before(sc)
    return sc.memo["nearest"]


def _find_nearest_before(sc: Scene) -> tuple[Mention, list[Mention]] | None:
    text, s, start, ms = sc.text, sc.s, sc.cand.start, sc.ms
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
        before = [m for m in before if m.who not in hosted] or before
    if not before:
        return None
    nearest = before[-1]
    if _is_modifier(text, nearest) and any(m.country for m in before[:-1]):
        nearest = [m for m in before[:-1] if m.country][-1]
    return nearest, [m for m in sc.members_of(nearest) if not m.host]


def _is_modifier(text: str, m: Mention) -> bool:
    ent = m.entity
    if ent.label != "ORG":
        return False
    if m.country and _UNIT_WORD.match(text[ent.end : ent.end + 40]):
        return False  # "a Kenyan army contingent": a nation's army names its unit's nation
    return bool(_MODIFIER_BEFORE.search(text[max(0, ent.start - 30) : ent.start])) and bool(
        _LOWER_WORD_AFTER.match(text[ent.end : ent.end + 3])
    )


def _each(sc: Scene, nearest: Mention) -> bool:
    return (
        sc.cand.each or _EACH_BETWEEN.search(sc.text, nearest.entity.end, sc.cand.start) is not None
    )


def parties_to_a_deal(sc: Scene) -> Owners | None:
    """ "Tokyo and Washington agreed to relocate 9,000 Marines": of the parties to a deal, the
    one the article shows as the owner of troops."""
    near = _nearest_before(sc)
    if (
        near is None
        or len(near[1]) < 2
        or not _AGREED.search(sc.text, near[0].entity.end, sc.cand.start)
    ):
        return None
    deployer = sc.article.deployer
    return list(deployer) if any(m.who in deployer for m in near[1]) else None


def states_listed_before(sc: Scene) -> Owners | None:
    """ "alongside French, Danish and Icelandic forces, totaling almost 1,200"; "The
    Philippines and the United States held drills involving 17,000 troops"."""
    near = _nearest_before(sc)
    if near is None or len({m.who for m in near[1] if m.who}) < 2 or _each(sc, near[0]):
        return None
    return ["multinational"]


def each_state_listed_before(sc: Scene) -> Owners | None:
    """ "Britain, Canada and Germany would each send 800 soldiers": one figure per member."""
    near = _nearest_before(sc)
    if near is None or not _each(sc, near[0]):
        return None
    members = sc.members_of(near[0])
    return [m.who for m in members if m.who] if len(members) > 1 else None


def nearest_state_before(sc: Scene) -> Owners | None:
    """ "Poland has 900 troops in Iraq": the nearest state or alliance named before."""
    near = _nearest_before(sc)
    return [near[0].who] if near is not None else None


def troops_take_part_in_mission(sc: Scene) -> Owners | None:
    """ "12,000 personnel have been authorised to take part in AUSSOM": with no state named,
    the troops a mission is made of are the mission's."""
    end = sc.cand.match_end
    joined = _JOINS_MISSION.match(sc.text, end, min(sc.e, end + 80))
    if joined is None:
        return None
    bodies = [m.who for m in sc.ms if m.entity.start == joined.end() and m.who in BODIES]
    return bodies[:1] or None


def article_sender_unnamed(sc: Scene) -> Owners | None:
    """ "243 troops had been deployed under the UN" in an article about one sender: theirs,
    through the fallbacks; "There are 20,000 soldiers serving under AMISOM" is the mission's."""
    if sc.article.deployer and not _EXISTENTIAL.search(sc.text, sc.s, sc.cand.start):
        return []
    return None


def serves_under_body(sc: Scene) -> Owners | None:
    """ "There are 20,000 soldiers serving in Somalia under AMISOM": the body they serve under."""
    end = sc.cand.match_end
    bodies = [
        m
        for m in sc.ms
        if m.entity.start >= end
        and m.who in BODIES
        and _SERVES_UNDER.search(sc.text, max(end, m.entity.start - 40), m.entity.start)
    ]
    return [bodies[0].who] if bodies else None


CLAUSE_RULES: tuple[Rule, ...] = (
    several_nations_inside,
    mission_troops_of_sending_state,
    state_keeping_place_troops,
    named_inside,
    whole_force_size,
    possessive_owner,
    pronoun_owner,
    sender_in_relative_clause,
    state_of_ellipsis,
    many_countries_after,
    breakdown_by_nation,
    multinational_word_in_figure,
    unit_of_nation_after,
    troops_from_state,
    un_peacekeepers,
    unit_of_body_after,
    peacekeeping_mission_strength,
    strong_unit_named_after,
    multinational_word_before,
    parties_to_a_deal,
    states_listed_before,
    each_state_listed_before,
    nearest_state_before,
    troops_take_part_in_mission,
    article_sender_unnamed,
    serves_under_body,
)


# --- Fallbacks: a figure whose sentence gave it no owner -------------------------------------


def pronoun_subject_before(sc: Scene) -> Owners | None:
    """ "Poland has troops in Iraq. It will send 300 more": "it" is the last subject."""
    if sc.memory.prev_subject and _PRONOUN_SUBJECT.search(sc.text, sc.s, sc.cand.start):
        return [sc.memory.prev_subject]
    return None


def joint_sentence_before(sc: Scene) -> Owners | None:
    """ "Belarus and Russia began a joint exercise. It will feature 12,700 troops."."""
    return [sc.memory.joint] if sc.memory.joint else None


def figure_before_in_sentence(sc: Scene) -> Owners | None:
    """ "Poland sent 300 troops in May and 200 more in June": the sentence's figure before."""
    return [sc.sent_whos[-1]] if sc.sent_whos else None


def owner_of_sentence_before(sc: Scene) -> Owners | None:
    """ "UNIFIL now has 9,700 troops ... Around 8,000 troops are deployed": the owner of the
    first figure of the sentence before that held one."""
    return [sc.memory.last_who] if sc.memory.last_who else None


def article_sender(sc: Scene) -> Owners | None:
    """ "42 peacekeepers arrived in Abeche, capital of Chad" in an article showing Chile send
    troops: the article's sender outweighs a name that merely follows the figure."""
    return list(sc.article.deployer) or None


def state_named_after(sc: Scene) -> Owners | None:
    """ "The army will send 300 troops, Hungary's defence minister said": a state after."""
    later = [m for m in sc.ms if m.entity.start >= sc.cand.match_end and m.who and not m.host]
    states = [m for m in later if m.country]
    return [(states or later)[0].who] if later else None


def most_named_so_far(sc: Scene) -> Owners | None:
    """A figure in a sentence naming nobody: the state or alliance named most so far."""
    counts = sc.memory.counts
    return [max(counts, key=counts.__getitem__)] if counts else None


def most_named_in_article(sc: Scene) -> Owners | None:
    """The first figure of an article, naming nobody: the state named most in the article."""
    counts = sc.article.counts
    return [max(counts, key=counts.__getitem__)] if counts else None


FALLBACK_RULES: tuple[Rule, ...] = (
    pronoun_subject_before,
    joint_sentence_before,
    figure_before_in_sentence,
    owner_of_sentence_before,
    article_sender,
    state_named_after,
    most_named_so_far,
    most_named_in_article,
)


def _first(rules: tuple[Rule, ...], sc: Scene) -> tuple[Owners, str | None]:
    for rule in rules:
        answer = rule(sc)
        if answer is not None:
            return answer, rule.__name__
    return [], None


def ellipsis_names_nobody(sc: Scene) -> bool:
    """ "Poland, April 25": the word before an ellipsis' number names nobody, so it is no figure."""
    c = sc.cand
    return c.pattern is Pattern.ELLIPSIS_STATE and not any(
        m.entity.start == c.who_start for m in sc.ms
    )


def owners(sc: Scene, generic: bool) -> tuple[Owners, tuple[str, ...]] | None:
    """The figure's owners and the rules that decided, in the order they did; None drops the
    candidate (ellipsis_names_nobody). generic says the sentence gives the size of a kind of
    unit (generic_size): nobody's troops, whatever a rule answered."""
    whos, rule = _first(SENTENCE_RULES, sc)
    path: tuple[str, ...] = (rule,) if rule else ()
    if rule is None:
        if ellipsis_names_nobody(sc):
            return None
        whos, rule = _first(CLAUSE_RULES, sc)
        path = (rule,) if rule else ()
        if place_not_sender(sc, whos):
            whos, path = list(sc.article.deployer), (*path, "place_not_sender")
    if generic:
        return [], (*path, "generic_size")
    if not whos:
        whos, rule = _first(FALLBACK_RULES, sc)
        path += (rule,) if rule else ()
    return whos, path


def place_not_sender(sc: Scene, whos: Owners) -> bool:
    """ "the withdrawal of the 600-strong force from Iraq", in an article that shows Japan
    sending troops and Iraq only receiving them: a place is not the sender because it is the
    nearest name."""
    art = sc.article
    if not art.deployer or art.deployers[art.deployer[0]] < 2 or len(whos) != 1:
        return False
    who = whos[0]
    if who == art.deployer[0] or art.host_counts.get(who, 0) < 1 or who in art.deployers:
        return False
    return not _named_with_figure(sc, who) and not _subject_of(sc.ms, who, sc.cand.start)


def _subject_of(ms: list[Mention], who: str, start: int) -> bool:
    """Whether who is the first state the sentence names before the figure other than as a
    place troops are in, go to or come from."""
    first = next(
        (m for m in ms if m.who and not m.host and not m.from_ and m.entity.end <= start), None
    )
    return first is not None and first.who == who


def _named_with_figure(sc: Scene, who: str) -> bool:
    """Whether the figure's own words name who ("600 Iraqi troops", "Iraq's 600 soldiers")."""
    if any(m.who == who for m in sc.inside):
        return True
    # "12,000 will come from the United States": the figure's own verb names its source.
    after, end = sc.after, sc.cand.match_end
    if after and after[0].who == who and _FROM_GAP.match(sc.text[end : after[0].entity.start]):
        return True
    owner = possessor(sc.text, sc.cand.start, sc.ms)
    return owner is not None and owner.who == who
