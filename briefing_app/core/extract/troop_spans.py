"""Where troop figures sit in a sentence: the number patterns, and what rules a number out."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import Enum

import ahocorasick

from .gazetteer import word_list
from .numbers import NUMBER, is_year_like, parse_number


class Pattern(Enum):
    """Which pattern found a candidate: attribution rules read it."""

    FIGURE = "figure"  # "600 British soldiers": a number and a troop noun
    STRONG = "strong"  # "a 1,100-strong battle group", "a 600-member contingent"
    FORCE = "force"  # "a force of 7,000", "numbering 5,000"
    BARE = "bare"  # "to 8,600": a number whose noun is the sentence's or the one before
    FROM = "from"  # "100 each from Poland", "4,000 are from Pakistan"
    RELATIVE = "relative"  # "of which 600 are deployed"
    DEMONYM = "demonym"  # "with 140 Swedes"
    MORE = "more"  # "1,200 more"
    ELLIPSIS = "ellipsis"  # "and 300 were in Cameroon", ", 900 in Syria"
    ELLIPSIS_STATE = "ellipsis_state"  # "and Benin at least 1,500": another state's figure
    ELLIPSIS_MORE = "ellipsis_more"  # "with another 120 expected"
    OF_THEM = "of_them"  # "3,000 of them": a share of the figure before
    STRENGTH = "strength"  # "expanded from 2,000 to 7,000", "reduced by 1,000"
    ADJ_ELLIPSIS = "adj_ellipsis"  # "7,200 Belarusian and 5,500 Russian troops"
    SHARE = "share"  # "45-hundred of the 28-thousand-500 troops"
    ROW = "row"  # "Burundi 5,432": a line of a table of contingents


@dataclass
class Candidate:
    """A number a pattern reads as troops, before attribution: offsets index the article."""

    start: int  # the figure's words, from its qualifier ("about") to its noun
    end: int
    num_start: int  # the number itself
    num_end: int
    low: float | None
    high: float | None
    qual: str | None
    vague: str | None  # "several thousand", for figures with no number
    each: bool  # "100 each from Poland and Slovenia"
    pattern: Pattern
    match_end: int  # where the pattern's match ends, past the figure's words
    who_start: int | None = None  # ELLIPSIS_STATE: where the state it names starts


_QUAL = (
    r"(?i:(?:just|well|some|slightly|probably|likely)\s+)?(?i:"
    r"(?:about|around|approximately|approx\.|roughly|some|nearly|almost|close\s+to|up\s+to|"
    r"as\s+many\s+as|as\s+few\s+as|as\s+low\s+as|more\s+than|over|at\s+least|at\s+most|"
    r"fewer\s+than|less\s+than|under|an\s+estimated|estimated|a\s+total\s+of|a\s+further|"
    r"another|only|anywhere\s+from|between|from|likely|a\s+maximum\s+of|maximum\s+of|"
    r"a\s+minimum\s+of|upwards\s+of|in\s+excess\s+of|below|above|almost|an\s+additional|"
    r"additional|surpass|exceed))"
)
_AMOUNT = rf"(?P<n1>{NUMBER})(?:\s*(?:-|–|to|and)\s*(?P<n2>{NUMBER}))?"
_VAGUE = (
    r"(?P<vague>(?i:(?:several|a\s+few|tens\s+of)\s+(?:thousands?|hundreds?|dozens?)(?:\s+of)?|"
    r"thousands\s+of|hundreds\s+of|dozens\s+of|several\s+dozen|thousands|hundreds|dozens|"
    r"several|large\s+numbers\s+of))"
)
_NOUN = (
    r"(?P<noun>troops|soldiers|men|engineers|medics|instructors|members|police|personnel|servicemen|servicewomen|servicemembers|"
    r"service[\s-]members|service[\s-]personnel|[Mm]arines|peacekeepers|forces|paratroopers|"
    r"sailors|airmen|commandos|reservists|conscripts|guardsmen|trainers|officers|troopers|"
    r"military\s+advisers|infantrymen|special\s+forces|boots\s+on\s+the\s+ground|"
    r"[Gg]uard\s+members|[Gg]uardsmen|[Bb]lue\s+[Hh]elmets|[Bb]lue\s+[Bb]erets|policemen|gendarmes)\b"
)
# Words that may stand between a number and the troop noun: "360 extra German soldiers".
_MOD_WORD = (
    r"(?:[A-Z][\w.’'-]*|and(?=\s+[A-Z])|heavily|lightly|well|fully|additional|extra|more|new|fresh|active-duty|active|regular|reserve|"
    r"combat|ground|land|elite|special|foreign|allied|international|multinational|military|"
    r"armed|uniformed|infantry|defen[cs]e|senior|rotational|coalition|peacekeeping|"
    r"government|federal|army|navy|police|naval|air|airborne|marine|support|American|"
    r"border|national|guard|security|non-combat|combat-ready|trained|other|U\.S\.|paramilitary|"
    r"mechani[sz]ed|motori[sz]ed|armou?red|mountain|medical|logistics|engineering|volunteer|"
    r"contract|professional|light|heavy|crack|partner|western|local|standby|rapid-reaction|further|"
    r"engineer|force|forces|total|"
    # "10,000 National Guard (GN) troops": the unit's acronym in brackets.
    r"\([A-Z]{2,6}\))"
)
_OF_POSS = r"(?:of\s+(?:its|their|his|her|our|the|these|those)\s+)?"

FIGURE_RE = re.compile(
    rf"(?:\b(?P<qual>{_QUAL})\s+)?(?:{_AMOUNT}|{_VAGUE})\s+{_OF_POSS}"
    rf"(?P<mods>(?:{_MOD_WORD}\s+){{0,3}})[\"“‘]?{_NOUN}(?P<each>\s+each)?",
)
STRONG_RE = re.compile(
    rf"(?:\b(?P<qual>{_QUAL})\s+)?(?P<n1>{NUMBER})"
    # "a 600- to 700-strong force": a range whose first number leaves its hyphen hanging.
    rf"(?:-?\s+(?:to|or)\s+(?P<n2>{NUMBER}))?"
    r"(?:(?:\s*-\s*|\s+)(?P<noun>strong)|-\s?(?P<unit>person|man|member|soldier|troop|size|sized)|"
    # "a 1,280 man force": the hyphen left out.
    r"\s(?P<unit2>man|member)(?=\s+(?:force|contingent|battalion|brigade|unit|team|detachment)\b))\b"
)
# What a "-strong" or "-member" figure must be about to count as troops.
_UNIT_AFTER = re.compile(
    r"^[\s,“”\"'’]*(?:[\w.’'()-]+\s+){0,4}?(?:force|forces|contingent|battle\s?group|batt?all?ion|brigade|police|"
    r"regiment|division|company|platoon|squad|detachment|garrison|unit|troops|soldiers|army|"
    r"marines|peacekeeping|military|task\s+force|team\s+of\s+(?:soldiers|troops))\b",
    re.IGNORECASE,
)
_NOT_TROOPS_AFTER = re.compile(
    r"^\s*(?:\w+\s+){0,2}?(?:workforce|work\s+force|labou?r\s+force|staff|"
    r"membership|union|opponent|crowd|board|commission|committee|panel|liabilit|sales|"
    r"research|marketing|engineering|delegation|orchestra|choir|workers|employees)",
    re.IGNORECASE,
)
FORCE_RE = re.compile(
    r"\b(?:(?<!work\s)(?<!sales\s)(?<!labor\s)(?<!labour\s)(?:force|forces|contingent|deployment|battalion|brigade|mission|presence|battlegroup|"
    r"battle\s+group|detachment|garrison|troop\s+levels?|troop\s+size|troop\s+numbers?)\s+of|"
    r"numbering|totall?ing|numbers|comprising|comprises|consists\s+of|consisting\s+of)"
    rf",?\s+(?:(?P<qual>{_QUAL})\s+)?(?P<n1>{NUMBER})"
    rf"(?:\s*(?:-|–|to|and)\s*(?P<n2>{NUMBER}))?"
    # "a contingent of 100 well-trained, ... Army personnel": the troop noun comes later.
    r"(?:(?=(?:\s+[\w-]+,?){1,6}?\s+(?:[A-Z]\w+\s+)?(?:troops|soldiers|personnel|peacekeepers)\b)|"
    r"(?!\s*(?:-|–)?\s*(?:%|per\b|(?!(?:and|or|but|in|by|from|to|with|within|who|which|that|ready|"
    r"each|on|at|for|this|next|last|troops|soldiers|personnel|strong|men|as|across|along|"
    r"under|over|based|stationed|deployed|will|would|are|were|is|was)\b)[a-z])))"
)
# After a figure: "645 U.S. service members were in Niger and 300 were in Cameroon".
ELLIPSIS_RE = re.compile(
    rf"\band\s+(?:(?P<qual>{_QUAL})\s+)?(?P<n1>{NUMBER})\s+(?:(?:(?:were|are|was|is|will\s+be|"
    r"remain|remained|had\s+been|have\s+been)\s+(?:already\s+)?(?:in|at|on|deployed|stationed|based|"
    r"sent)\b)|(?:in|to)\s+(?:the\s+)?(?=[A-Z]))"
)
# "2,500 troops in Iraq, 900 in Syria and 1,000 in Jordan": a list of places, one figure each.
ELLIPSIS_LIST_RE = re.compile(
    rf",\s+(?:(?P<qual>{_QUAL})\s+)?(?P<n1>{NUMBER})\s+(?:in|to|at)\s+(?:the\s+)?(?=[A-Z])"
)
# "they have pledged 400 troops and Benin at least 1,500": another state, another figure.
ELLIPSIS_STATE_RE = re.compile(
    r"(?:\band|,?\s+while|,?\s+whereas|;|,)\s+(?:the\s+)?(?P<who>[A-Z][\w.’'-]*(?:\s[A-Z][\w.’'-]*)?),?\s+"
    r"(?:(?:will|would|is\s+to|plans\s+to|is\s+sending|has\s+sent|has\s+pledged)\s+)?"
    r"(?:(?:has|have|had|sent|sends|send|keeps|keep|contributes|contributed|contribute|provides|"
    r"provided|provide|deploys|deployed|deploy|pledged|pledge|offered|offer)\s+)?"
    rf"(?:(?P<qual>{_QUAL})\s+)?"
    # "Hungary would send 200 troops, Slovenia 100 and Croatia 50": a list of senders.
    rf"(?P<n1>{NUMBER})(?=\s*(?:[.,;:)\"”’]|$)|\s+(?:and|while)\s)"
)
# "5,600 will be repositioned ..., while some 6,400 would come back"; "half of them—6,400—set
# to return": a second share of the figure just found, its noun left out.
ELLIPSIS_SHARE_RE = re.compile(
    rf"(?:,?\s+while|,?\s+whereas|;|,?\s+and|,)\s+(?:the\s+(?:other|remaining)\s+)?(?:(?P<qual>{_QUAL})\s+)?"
    rf"(?P<n1>{NUMBER})\s+(?=(?:would|will|are|were|is|was|could|should|may|might)\s+(?:\w+\s+)?"
    r"(?:come|return|go|be|remain|stay|move|head|leave|relocate|redeploy)\b)"
)
DASH_SHARE_RE = re.compile(
    rf"[—–]\s*(?P<n1>{NUMBER})\s*[—–]\s*(?=(?:set|due|expected|scheduled|to|will|would)\b)"
)
# "10,000 troops in Afghanistan — 6,839 in the NATO mission and 3,161 fighting al-Qaeda": the
# parts of a figure, set off by a dash after it.
DASH_PARTS_RE = re.compile(
    rf"(?:[—–]\s*|,\s*(?:and\s+)?|\band\s+)(?P<n1>{NUMBER})\s+(?=(?:in|with|under|within|"
    r"fighting|serving|deployed|based|stationed|training|conducting|assigned|on|at)\b)"
)
# "We're going down to 8,600": a new troop level, in a sentence that leans on one about troops.
LEVEL_RE = re.compile(
    r"\b(?:down|reduc\w*|cut|lower\w*|drop\w*|draw\w*\s+down)\b(?:\s+[\w’']+){0,7}?\s+to\s+"
    rf"(?:(?P<qual>{_QUAL})\s+)?(?P<n1>{NUMBER})"
    r"(?=\s*(?:[.,;:!?)\"”’—]|$|\s(?:and|then|by|in|troops|soldiers)\b))"
)
_SHARE_BEFORE = re.compile(
    rf"(?:\b(?P<qual>{_QUAL})\s+)?(?P<n1>{NUMBER})\s+of\s+(?:(?:the|these|those|its|their)\s+)?$"
)
# "Over 120 members of the Defence Forces": people of a named military body.
MEMBERS_RE = re.compile(
    rf"(?:\b(?P<qual>{_QUAL})\s+)?(?P<n1>{NUMBER})\s+(?P<noun>members|personnel|men\s+and\s+women)\s+"
    r"of\s+(?:(?:the|its|their|his|her|our|a|an)\s+|(?=[A-Z]))(?:[\w’'-]+\s+){0,3}?"
    r"(?:[Aa]rmed\s+[Ff]orces|[Dd]efen[cs]e\s+[Ff]orces|[Mm]ilitary|[Aa]rmy|[Nn]avy|[Mm]arines|"
    r"[Mm]arine\s+[Cc]orps|[Nn]ational\s+[Gg]uard|[Bb]attalion|[Bb]rigade|[Rr]egiment|[Dd]ivision|"
    r"contingent|[Bb]attle\s?[Gg]roup|[Ff]orces|[Gg]uard|troops|soldiers|(?:Federal|National)\s+Police|Police\s+(?:Service|Force)|"
    r"Gendarmerie|Coast\s+Guard|[A-Z]\w+\s+Force)\b"
)
# "an advance party of about 20 soldiers ..., with another 120 expected": the noun carries over.
ELLIPSIS_MORE_RE = re.compile(
    rf"\b(?:another|a\s+further|an\s+additional|a\s+second\s+group\s+of)\s+(?P<n1>{NUMBER})"
    r"(?=\s*(?:[.,;:)\"”’]|$)|\s+(?:are|were|is|was|will|would|expected|due|set|scheduled|"
    r"arriv\w*|follow\w*|later|soon|in|on|by|to|at|from|next|this|last)\b)"
)
# "7,200 Belarusian and around 5,500 Russian troops": the first nationality shares the noun.
_ADJ_ITEM = rf"(?:{_QUAL}\s+)?{NUMBER}\s+[A-Z][a-z]+"
_ADJ_LIST_GAP = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)"
# "including 6,839 American, 885 Georgian, 400 Australians and 222 Czech service members":
# every item of a list of nationalities that ends in a troop noun.
ADJ_ELLIPSIS_RE = re.compile(
    rf"(?:\b(?P<qual>{_QUAL})\s+)?(?P<n1>{NUMBER})\s+(?P<dem>[A-Z][a-z]+){_ADJ_LIST_GAP}"
    rf"(?=(?:{_ADJ_ITEM}{_ADJ_LIST_GAP}){{0,12}}{_ADJ_ITEM}\s+{_NOUN})"
)
# "Out of the said troops, 12,000 will come from ...": a share of troops just named.
OUT_OF_RE = re.compile(
    r"\b[Oo]ut\s+of\s+(?:the|these|those|them|all)\b[^,.;]{0,30},\s+"
    rf"(?:(?P<qual>{_QUAL})\s+)?(?P<n1>{NUMBER})\b(?!\s*(?:%|percent|per\b))"
)
# "with up to 3,000 of them deployed to Belarus": a share of the figure just before.
OF_THEM_RE = re.compile(
    rf"(?:\b(?P<qual>{_QUAL})\s+)?(?P<n1>{NUMBER})\s+of\s+(?:them|those|these)\b"
)
# "AU soldiers' numbers reduced by 1,000": a change in a force's size.
CHANGE_BY_RE = re.compile(
    r"\b(?:numbers?|strength|troop\s+levels?|presence|force\s+levels?|force)\s+(?:\w+\s+){0,4}?"
    r"(?:reduced|cut|increased|raised|boosted|trimmed|lowered|expanded|grow|grown|shrink|shrunk)\s+by\s+"
    rf"(?:(?P<qual>{_QUAL})\s+)?(?P<n1>{NUMBER})\b(?!\s*(?:%|percent|per\b))"
)
# "plans to reduce its force of around 146,000 in Iraq by 8,000": the verb before the force.
CHANGE_VERB_BY_RE = re.compile(
    r"\b(?:reduc\w*|cut\w*|increas\w*|boost\w*|trim\w*|lower\w*|expand\w*|augment\w*|"
    r"bolster\w*|shrink\w*|draw\w*\s+down)\s+(?:[\w’',-]+\s+){1,8}?by\s+"
    rf"(?:(?P<qual>{_QUAL})\s+)?(?P<n1>{NUMBER})\b"
    r"(?!\s*(?:%|percent|per\b|points?\b|tonnes|tons|barrels|dollars|euros|million|billion))"
)
# "The UNIFIL strength has been expanded from 2,000 to 7,000": a force's size before and after.
STRENGTH_RE = re.compile(
    r"\b(?:strength|troop\s+levels?|troop\s+numbers?|force\s+levels?|manpower|troops|soldiers|"
    r"forces|personnel|presence)\b[^.;:]{0,40}?"
    rf"\b(?P<qual>from)\s+(?:{_QUAL}\s+)?(?P<n1>{NUMBER})\s+to\s+[\"“]?(?:{_QUAL}\s+)?(?P<n2>{NUMBER})\b"
    r"(?!\s*(?:%|percent|per\b))"
)
# "3,500 personnel of which 600 are deployed": a share of a force named just before.
RELATIVE_RE = re.compile(
    rf"\b(?:of\s+)?(?:which|whom)\s+(?:(?P<qual>{_QUAL})\s+)?(?P<n1>{NUMBER})\s+(?=are|were|have|had|will|would)\b"
)
# "Of the 12,000 troops, 4,000 are from Pakistan": a share and its sender.
SHARE_FROM_RE = re.compile(
    rf"(?:\b(?P<qual>{_QUAL})\s+)?(?P<n1>{NUMBER})\s+(?:are|were|come|came|will\s+be|would\s+be)\s+"
    r"(?:\w+ly\s+)?from\s+(?:the\s+)?(?=[A-Z])"
)
FROM_RE = re.compile(
    rf"(?:\b(?P<qual>{_QUAL})\s+)?(?P<n1>{NUMBER})(?P<each>\s+each)?\s+from\s+(?:the\s+)?(?=[A-Z])"
)
BARE_RE = re.compile(
    r"\b(?:to|at|of|from|reach|reached|reaches|reaching|be|is|was|remain|remains|stands\s+at|hosts|"
    r"host|number|numbered|total|totals|totaled|totalled|surpass|exceed|top|but|hit|grew\s+to|now|"
    r"sending|deploying|dispatching|bring|brings|bringing|has|have|had|with|"
    r"there\s+(?:were|are|remain|remained))\s+(?:the\s+(?:(?:originally|initially)\s+)?(?:(?:current|present|existing|previous|planned|original)\s+)?)?"
    rf"(?:(?P<qual>{_QUAL})\s+)?(?P<n1>{NUMBER})(?:\s*(?:-|–|to|and|or)\s*(?:{_QUAL}\s+)?(?P<n2>{NUMBER}))?"
    r"(?=\s*(?:[.,;:!?)\"”’—]|\s[–-]\s|$|\s(?:after|before|by|in|this|next|last|from|and|then|now|so|or|members|"
    r"until|during|within|under|as|but|while|when|if|soon|each|by|sent|deployed|stationed|based|for|"
    r"home|back|that|who|"
    r"already|still|currently|there)\b))"
)
# "The 500 will replace troops returning home": a figure whose noun is the sentence before's.
THE_NUMBER_RE = re.compile(
    rf"\b(?:[Tt]he|Another|A\s+further|An\s+additional)\s+(?P<n1>{NUMBER})\s+"
    r"(?=(?:will|would|are|were|have|had|arrived|left|"
    r"include|includes|included|comprise|comprises)\b)"
)
_MODAL_AFTER = re.compile(r"\s+(?:would|will|are|were|have|had|is|was|could|should|may|might)\b")
# "with 140 Swedes": a number and a plural nationality in a sentence about troops.
DEMONYM_RE = re.compile(
    rf"(?:\b(?P<qual>{_QUAL})\s+)?(?P<n1>{NUMBER})\s+(?:(?:other|more|fellow|additional|extra)\s+)?"
    r"(?P<noun>[A-Z][a-z]+(?:s|es|men))\b(?!\s+[a-z]+s\b)"
)
_TROOP_WORD = re.compile(
    r"\b(?:[Tt]roops?|[Ss]oldiers|forces|personnel|[Mm]arines|[Pp]eacekeepers|deployment|"
    r"servicemen|service\s+members|battalion|brigade|battle\s?group|contingent(?!\s+liabilit)|"
    r"(?<!air\s)(?<!labor\s)(?<!labour\s)(?<!police\s)(?<!use\sof\s)(?<!work)(?<!work\s)"
    r"(?<!sales\s)(?<!market\s)force)\b"
)
_CASUALTY_AFTER = re.compile(
    r"^\s*(?:\w+\s+){0,3}?(?:were|have\s+been|had\s+been|was|are|being|been|who\s+were)?\s*"
    r"(?:killed|dead|died|wounded|injured|missing|captured|kidnapped|hurt|slain|taken\s+prisoner|"
    r"lost\s+their\s+lives|perished|arrested|detained)\b"
)
_CASUALTY_BEFORE = re.compile(
    r"\b(?:killing|killed|wounding|wounded|injuring|injured|deaths\s+of|death\s+of|killing\s+of|"
    r"loss\s+of|funerals?\s+of|remains\s+of|murder\s+of|"
    r"bodies\s+of|lost|losing|kill|captured|capturing|detained|detaining|arrested|abducted|"
    r"kidnapped|seized|holding|freed|released|evacuated|rescued|(?:dead|killed|wounded|injured|"
    r"casualties|victims)\s+(?:including|among\s+them|among\s+whom))\s+(?:at\s+least\s+|some\s+|about\s+)?$|"
    r"\b(?:deaths|dead|casualties|fatalities|losses)\s*[–—:(-]\s*$"
)
STRICT_TROOP_WORD = re.compile(
    r"\b(?:[Tt]roops?|[Ss]oldiers|[Ss]ervicemen|[Ss]ervice\s+members|[Pp]eacekeepers)\b"
)
# "Ottawa plans to add 1,200 more": a figure whose noun is the previous sentence's.
MORE_RE = re.compile(rf"(?:\b(?P<qual>{_QUAL})\s+)?(?P<n1>{NUMBER})\s+more\b(?!\s+than)")
# A casualty verb belongs to the figure only inside its own clause: "send 300 troops to South
# Sudan, where thousands of people were killed" speaks of other people.
_CLAUSE_END = re.compile(r"(?<![A-Z])[.;:](?=\s)|\d|,\s+(?:where|when|after|since|because|as)\b")
_CASUALTY_LATER = re.compile(
    r"\b(?:were|was|have\s+been|had\s+been|are|being)\s+(?:\w+\s+)?(?:killed|wounded|injured|"
    r"attacked|ambushed|captured|kidnapped|burned|hurt|charged|arrested)\b|\b(?:died|dead)\b"
)
_SCORE_BEFORE = re.compile(r"(?<!from\s)(?<![\d,])\d[\d,]*\s+to\s+$")
# "By a vote of 13 in favour to none against": a count of votes, not of troops.
_VOTES = re.compile(r"\b(?:vote|votes|ballot|tally)\s+of\s+$", re.IGNORECASE)
_VOTES_AFTER = re.compile(
    r"\s+(?:votes?\b|in\s+favou?r\b|against\b|abstentions?\b|to\s+(?:\d+|none|one|two)\b)"
)
_UNIT_NAME = re.compile(r"\b(?:Battalion|Brigade|Regiment|Division|Squadron)\b")
# "about 4,300 troops in the Sahel, including 2,400 in Mali": a share, its noun left out.
INCLUDING_RE = re.compile(
    rf"\bincluding\s+(?:(?P<qual>{_QUAL})\s+)?(?P<n1>{NUMBER})\s+(?=(?:in|at|on|from)\s+(?:the\s+)?[A-Z])"
)
_TRAINEES_BEFORE = re.compile(
    r"\b(?:train|trains|training|trained)\s+(?!(?:mission|team|contingent|force|operation|camp|"
    r"centre|center|programme|program|exercise|unit|role|and)\b)[^.;:!?]{0,70}$",
    re.IGNORECASE,
)
_STATE_ABBREVIATIONS = word_list("state_abbreviations")
_CARRIERS_AFTER = re.compile(r"\s+carriers?\b", re.IGNORECASE)
_RANGE_ON = re.compile(rf"\s*(?:-|–|to|and|or)\s*{NUMBER}")
_CLOCK_AFTER = re.compile(r"[:.]\d{2}(?!\d)|\s*(?:[ap]\.?m\.?|AM|PM|GMT|UTC|hrs|hours)\b")
_MONEY_OR_UNIT_BEFORE = re.compile(r"[$€£¥]\s*$|\b(?:US|USD|EUR|No\.|number)\s*$")
# Cheap test before the expensive patterns: most sentences say nothing about troops.
_NOUN_HINT = re.compile(_NOUN)
_SECURITY = re.compile(
    r"\b(?:military|army|navy|troops|soldiers|defen[cs]e|peacekeep\w*|police|armed|uniformed|"
    r"security|mission|deploy\w*|UN|U\.N\.|NATO|EUFOR|marines|forces|exercises?|drills?|"
    r"allies|allied|nations|defen[cs]e|war|combat)\b",
    re.IGNORECASE,
)
_BODY_WORD = re.compile(
    r"\b(?:Force|Forces|Army|Navy|Guard|Marines?|Police|Gendarmerie|Corps|military|army|navy|"
    r"contingent|battalion|unit)\b"
)
# For nouns that are troops only beside soldiering words ("825 men from the infantry brigade").
_STRICT_MILITARY = re.compile(
    r"\b(?:troops|soldiers|army|military|infantry|brigade|battalion|regiment|contingent|marines|"
    r"peacekeep\w*|garrison|militia|rebels?|forces|(?<=member\s)force|(?<=strong\s)force)\b",
    re.IGNORECASE,
)
_STRONG_HINT = re.compile(
    r"\sstrong|-\s?(?:strong|person|man|member|soldier|troop|size)|\d\s(?:man|member)\s"
)
# Words that make a sentence worth the costly patterns, found in one Aho-Corasick pass:
# most sentences of most articles say nothing about troops.
_HINT_WORDS = word_list("troop_hint_words")
_HINTS = ahocorasick.Automaton()
for _word in sorted(_HINT_WORDS):
    _HINTS.add_word(_word, len(_word))
_HINTS.make_automaton()


def hint_positions(text: str) -> list[int]:
    """Sorted offsets of words that make a sentence worth scanning for troop figures."""
    return sorted(end - length + 1 for end, length in _HINTS.iter(text.lower()))


def find_candidates(
    text: str,
    s: int,
    e: int,
    prev_had_troops: bool,
    demonyms: set[str],
    force_org: bool = False,
    level_only: bool = False,
) -> list[Candidate]:
    """Troop figure candidates in the sentence text[s:e], with offsets and values.

    prev_had_troops lets a bare number lean on the sentence before ("It needs to be a
    thousand"); demonyms are the sentence's nationality words ("with 140 Swedes");
    force_org says the sentence names an army or an alliance ("The UNIFIL strength ...").
    """
    out: list[Candidate] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match, pattern: Pattern) -> None:
        num_start = m.start("n1") if m.groupdict().get("n1") else m.start("vague")
        num_end = (
            m.end("n2")
            if m.groupdict().get("n2")
            else m.end("n1")
            if m.groupdict().get("n1")
            else m.end("vague")
        )
        if any(a < num_end and num_start < b for a, b in taken):
            return
        if num_start > s and text[num_start - 1].isalpha():
            return  # "M23 forces", "F16 jets": a name or a model, not a count
        n1 = m.groupdict().get("n1")
        split_second = None
        low = high = None
        vague = None
        if n1:
            if is_year_like(n1) and pattern is not Pattern.FIGURE:
                return
            low = parse_number(n1)
            if low is None:
                return
            high = low
            n2 = m.groupdict().get("n2")
            if n2:
                second = parse_number(n2)
                joiner = text[m.end("n1") : m.start("n2")].strip()
                qual = (m.group("qual") or "").lower()
                if (
                    qual == "from"
                    and joiner.split()[:1] == ["to"]
                    or (second is not None and second <= low)
                ):
                    # "cut from 200,000 to 170,000 soldiers": two figures, before and after.
                    split_second = second
                elif second is not None and (joiner != "and" or qual == "between"):
                    high = second
            if (
                low < 1
                or (pattern in _SMALL_NUMBER_PATTERNS and low < 10)
                or low > 5_000_000
                or low != int(low)
            ):
                return
        else:
            vague = m.group("vague")
        qual_start = m.start("qual") if m.groupdict().get("qual") else num_start
        before = text[max(s, qual_start - 25) : qual_start]
        after = text[m.end() : min(e, m.end() + 60)]
        if _CASUALTY_BEFORE.search(before) or _CASUALTY_AFTER.match(after):
            return
        if pattern in (Pattern.FIGURE, Pattern.BARE) and _TRAINEES_BEFORE.search(
            text, max(s, qual_start - 80), qual_start
        ):
            return  # "training 2,500 peshmerga and 1,250 Arab troops": trainees, not a force
        clause = _CLAUSE_END.split(text[m.end() : min(e, m.end() + 90)], maxsplit=1)[0]
        if _CASUALTY_LATER.search(clause):
            return  # "40 soldiers and guerrillas including an adviser died"
        if pattern is Pattern.BARE and (
            _VOTES.search(text, max(s, num_start - 20), num_start)
            or _VOTES_AFTER.match(text, num_end)
        ):
            return
        if pattern is Pattern.BARE and _SCORE_BEFORE.search(
            text, max(s, num_start - 20), num_start
        ):
            return  # "a motion was defeated 127 to 23": a vote or a score, not a level
        if pattern in (Pattern.FORCE, Pattern.BARE) and _RANGE_ON.match(after):
            return  # "a battle group of six to eight warships": the count is of something else
        if _MONEY_OR_UNIT_BEFORE.search(text[max(s, num_start - 4) : num_start]):
            return
        if _CLOCK_AFTER.match(text, num_end):
            return  # "at 12:41am", "12:00 AM": a time of day
        start = m.start("qual") if m.groupdict().get("qual") else num_start
        taken.append((num_start, num_end))
        qual = m.groupdict().get("qual")
        if qual and qual.lower() in ("from", "another", "additional", "an additional"):
            qual = None
        if vague:
            qual = vague
        out.append(
            Candidate(
                start=start,
                end=m.end("noun") if m.groupdict().get("noun") else num_end,
                num_start=num_start,
                num_end=num_end,
                low=low,
                high=high,
                qual=qual,
                vague=vague,
                each=bool(m.groupdict().get("each")),
                pattern=pattern,
                match_end=m.end(),
                who_start=m.start("who") if m.groupdict().get("who") else None,
            )
        )
        if split_second is not None:
            first = out[-1]
            first.end = first.num_end = m.end("n1")
            first.high = low
            first.qual = None
            out.append(
                replace(
                    first,
                    start=m.start("n2"),
                    end=m.end("noun") if m.groupdict().get("noun") else m.end("n2"),
                    num_start=m.start("n2"),
                    num_end=m.end("n2"),
                    low=split_second,
                    high=split_second,
                )
            )

    if level_only:
        for m in LEVEL_RE.finditer(text, s, e):
            add(m, Pattern.BARE)
        return out
    noun_hint = _NOUN_HINT.search(text, s, e) is not None
    for m in FIGURE_RE.finditer(text, s, e) if noun_hint else ():
        if _CARRIERS_AFTER.match(text, m.end()):
            continue  # "90 armoured personnel carriers": vehicles
        if (
            m.group("noun") in ("officers", "personnel", "trainers")
            and not prev_had_troops
            and not _SECURITY.search(text, s, e)
            # "4,000 US personnel": a nation's personnel are its forces.
            and not any(w in demonyms or w in _STATE_ABBREVIATIONS for w in m.group("mods").split())
        ):
            continue  # company officers and support personnel are not troops
        if (
            _UNIT_NAME.search(m.group("mods") or "")
            and (parse_number(m.group("n1") or "") or 100) < 100
        ):
            continue  # "5 Infantry Battalion troops": a unit's number, not a head count
        if m.group("noun") == "members" and (
            not _BODY_WORD.search(m.group("mods") or "")
            or (parse_number(m.group("n1") or "") or 0) < 10
        ):
            continue  # "43 Australian Defence Force members", not "four board members"
        if m.group("noun") in ("men", "engineers", "medics", "instructors", "police") and not (
            _STRICT_MILITARY.search(text, s, e)
            or prev_had_troops
            and re.search(r"\bmilitary|army|marines", m.group(0), re.IGNORECASE)
        ):
            continue  # "5,000 men" at a plant, "200 engineers" at a firm
        if (
            m.group("noun") in ("men", "engineers", "medics", "instructors", "police")
            and (parse_number(m.group("n1") or "") or 0) < 10
        ):
            continue  # "four other military men": people, not a force
        add(m, Pattern.FIGURE)
    for m in STRONG_RE.finditer(text, s, e) if _STRONG_HINT.search(text, s, e) else ():
        after = text[m.end() : min(e, m.end() + 60)]
        if _NOT_TROOPS_AFTER.match(after):
            continue
        # "1,100-strong NATO battle group" and "was 1,700 strong" are troops; "a seven-member
        # panel" is not, unless a military unit follows.
        if (m.group("unit") or m.group("unit2")) and not _UNIT_AFTER.match(after):
            continue
        if m.group("noun") and not (_UNIT_AFTER.match(after) or _TROOP_WORD.search(text, s, e)):
            continue
        add(m, Pattern.STRONG)
    for m in (
        MEMBERS_RE.finditer(text, s, e) if "members" in text[s:e] or "men and" in text[s:e] else ()
    ):
        add(m, Pattern.FIGURE)
    if out:
        for m in ADJ_ELLIPSIS_RE.finditer(text, s, e):
            if m.group("dem") in demonyms:
                add(m, Pattern.ADJ_ELLIPSIS)
    troop_sentence = bool(out) or _TROOP_WORD.search(text, s, e) is not None
    if troop_sentence or prev_had_troops or force_org:
        for m in STRENGTH_RE.finditer(text, s, e):
            add(m, Pattern.STRENGTH)
        for m in CHANGE_BY_RE.finditer(text, s, e):
            add(m, Pattern.STRENGTH)
    if troop_sentence:
        for m in FORCE_RE.finditer(text, s, e):
            add(m, Pattern.FORCE)
        for m in OUT_OF_RE.finditer(text, s, e):
            add(m, Pattern.BARE)
        for m in FROM_RE.finditer(text, s, e):
            add(m, Pattern.FROM)
        for m in SHARE_FROM_RE.finditer(text, s, e):
            add(m, Pattern.FROM)
        for m in RELATIVE_RE.finditer(text, s, e):
            add(m, Pattern.RELATIVE)
        if out:
            for m in CHANGE_VERB_BY_RE.finditer(text, s, e):
                add(m, Pattern.STRENGTH)
    if troop_sentence or prev_had_troops:
        for m in DEMONYM_RE.finditer(text, s, e):
            if m.group("noun") in demonyms:
                add(m, Pattern.DEMONYM)
    if troop_sentence or prev_had_troops:
        for m in BARE_RE.finditer(text, s, e):
            add(m, Pattern.BARE)
        for m in THE_NUMBER_RE.finditer(text, s, e):
            add(m, Pattern.BARE)
        for m in MORE_RE.finditer(text, s, e):
            add(m, Pattern.MORE)
    if prev_had_troops and not out:
        # "The ministry said 2,000 of them would arrive by Friday."
        for m in OF_THEM_RE.finditer(text, s, e):
            if _MODAL_AFTER.match(text, m.end()):
                add(m, Pattern.BARE)
    if out or troop_sentence:
        for m in ELLIPSIS_RE.finditer(text, s, e):
            add(m, Pattern.ELLIPSIS)
    if out:
        for m in ELLIPSIS_LIST_RE.finditer(text, s, e):
            if m.start() >= out[0].end:
                add(m, Pattern.ELLIPSIS)
        for m in ELLIPSIS_STATE_RE.finditer(text, s, e):
            add(m, Pattern.ELLIPSIS_STATE)
        for m in ELLIPSIS_MORE_RE.finditer(text, s, e):
            add(m, Pattern.ELLIPSIS_MORE)
        for m in OF_THEM_RE.finditer(text, s, e):
            add(m, Pattern.OF_THEM)
        for m in ELLIPSIS_SHARE_RE.finditer(text, s, e):
            add(m, Pattern.OF_THEM)
        for m in DASH_SHARE_RE.finditer(text, s, e):
            add(m, Pattern.OF_THEM)
        for m in DASH_PARTS_RE.finditer(text, s, e):
            if m.start() >= out[0].end and re.search(r"[—–]", text[out[0].end : m.end()]):
                add(m, Pattern.OF_THEM)
        for m in INCLUDING_RE.finditer(text, s, e):
            add(m, Pattern.OF_THEM)
    # "45-hundred of the 28-thousand-500 troops": a share of a figure just found.
    for cand in list(out):
        share = _SHARE_BEFORE.search(text, max(s, cand.start - 40), cand.start)
        if share:
            add(share, Pattern.SHARE)
    out.sort(key=lambda c: c.start)
    return out


def find_level_candidates(text: str, s: int, e: int) -> list[Candidate]:
    """Troop levels in a sentence with no troop word that follows one about troops."""
    if not _LEVEL_HINT.search(text, s, e):
        return []
    return find_candidates(text, s, e, False, set(), level_only=True)


# Patterns that read a bare number, too often a small count of something else below ten.
_SMALL_NUMBER_PATTERNS = (Pattern.BARE, Pattern.ELLIPSIS_MORE, Pattern.OF_THEM, Pattern.MORE)
_LEVEL_HINT = re.compile(r"\b(?:down|reduc|cut|lower|drop)", re.IGNORECASE)
