"""People, places, organisations and nationalities: gazetteer matches plus capitalised-sequence rules."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from briefing_app.core.abbreviations import is_name_abbreviation
from briefing_app.core.dates import MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_NAMES

from .gazetteer import Gazetteer, Name, word_list
from .records import Entity

# A capitalised token: words, initials ("J.T."), acronyms ("U.S."), apostrophes and hyphens
# inside names ("O’Shaughnessy", "Rankine-Galloway"), and unit ordinals ("173rd").
_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}|(?<!\d)\d++(?:st|nd|rd|th)\b|[A-Z][\w’'.&]*(?:-[\w’']+)*|(?:al|el)-[A-Z][\w’']+|"
    r"[a-z]+|\S",
)
_RUN_TOKEN = r"(?:[A-Z]\.){2,}|(?<!\d)\d++(?:st|nd|rd|th)\b|[A-Z][\w’'.&]*(?:-[\w’']+)*|(?:al|el|Al|El)-[A-Z][\w’']+"
_RUN = re.compile(
    rf"(?<![a-z])(?:{_RUN_TOKEN})(?:(?:[ \n](?:of|for|and|on|the|de|du|des|la|le|al|el|von|van|der|bin|ibn|da|di))"
    rf"{{0,2}}[ \n](?:{_RUN_TOKEN}))*"
)
_CAP = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]|(?:al|el)-[A-Z]")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)$")
# Words that join the parts of an organisation's name.
_CONNECTORS = word_list("connectors")
_NAME_PARTICLES = word_list("name_particles")
_JOINERS = _CONNECTORS | _NAME_PARTICLES
# The last word of an organisation's name says what it is.
_ORG_HEADS = word_list("org_heads")
# "African Union Mission in Somalia", "Combat Logistics Battalion 5": the name runs on.
_UNIT_HEADS = word_list("unit_heads")
_ORG_TAIL = re.compile(
    r"(?: (?P<num>\d{1,3})\b(?![,.]\d| ?%)| in (?:the )?(?P<place>[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,2})\b)"
)
# Capitalised words that start sentences or name times, never entities on their own.
# Stop words from the data file; days and months from the one month table (core/dates.py).
_STOP = word_list("stop_words") | {*WEEKDAY_NAMES, *MONTH_NAMES, *MONTH_ABBREVIATIONS}
# Capitalised words that describe an organisation and may open its name ("Defense Ministry").
_DESCRIPTIVE = word_list("descriptive_words")
_ORG_BREAK = _STOP - _DESCRIPTIVE
# "the town of Roszke", "based in Chrudim": an unknown word in a place's slot.
_PLACE_SLOT = re.compile(
    r"(?:\b(?:towns?|city|cities|villages?|port|regions?|provinces?|districts?|capital|suburb|area|"
    r"county|municipality|settlement|oblast)\s+of|\bbased\s+in|\bstationed\s+in|\bnear\s+the\s+"
    r"(?:town|city|village)\s+of|\b(?:troops|soldiers|forces|stationed|deployed|arrived|arrival|"
    r"headquartered|garrisoned|base|based)\s+(?:in|to|at|near))\s+$",
    re.IGNORECASE,
)
# A byline on the first line: "Ray Howze", "By Jane Doe", "Kerry Picket Political Reporter".
_BYLINE = re.compile(
    r"\A\s*(?:By\s+)?(?P<name>[A-Z][a-z]+(?:\s[A-Z]\.)?(?:\s[A-Z][a-z’'-]+){1,2}?)"
    r"(?:\s*,?\s+(?:[A-Z][a-z]+\s+)?(?:Reporter|Writer|Correspondent|Editor|Staff))?[ \t]*\n"
)
_PART_OF_PLACE = re.compile(
    r",?\s+(?:in\s+)?the\s+(?:far\s+)?(?:north|south|east|west|centre|center|northern|southern|"
    r"eastern|western|central|north-?east|north-?west|south-?east|south-?west)\w*\s+(?:part\s+)?of\b"
)
_LIST_JOIN_BEFORE = re.compile(r"(?:,\s*|\s+and\s+|\s+or\s+|/)$")
_LIST_JOIN_AFTER = re.compile(r"(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+|/)")
_MEDIA_AFTER = re.compile(
    r" (?:newspaper|daily|weekly|news\s+(?:portal|agency|website|site|outlet)|broadcaster|"
    r"television|TV|radio|magazine|tabloid|website)\b"
)
_TIME_WORDS = word_list("time_words") | {*WEEKDAY_NAMES, *MONTH_NAMES}
_REGION_AFTER = re.compile(r" (?:province|region|district|governorate|oblast|prefecture|county)\b")
_NOT_PEOPLE = word_list("not_people")
_COMPANY_TAILS = "|".join(sorted(word_list("company_tails")))
# Upper-case words that name things other than organisations.
_NOT_ORG_ACRONYMS = word_list("not_org_acronyms")
_SAID_AFTER = re.compile(r",? (?:said|says|told|added|wrote|tweeted|spoke)\b")
_SPEECH = re.compile(
    r"\s*(?:,\s*(?:who|a|an|the)\b|(?:said|says|told|added|stated|noted|wrote|explained|"
    r"insisted|warned|announced|argued|stressed|emphasi[sz]ed|claimed|denied|confirmed)\b)"
)
_STATE_VERB = re.compile(
    r"(?:['’]s\b|\s+(?:has|have|had|is|was|will|would|could|should|may|might|must|said|says|"
    r"says|sent|sends|is sending|was sending|announced|accused|denied|warned|rejected|"
    r"insisted|agreed|plans|planned|decided|wants|wanted|responded|refused|claimed|"
    r"recalled|expelled|deployed|withdrew|considers|sees|hopes|does|did|also|and\s+\w+\s+(?:have|say|said)|"
    # "Warsaw wants Washington to station troops": the capital as the one asked to act.
    r"to\s+(?:send|deploy|station|withdraw|keep|pull|cut|reduce|increase|boost|base|move|"
    r"provide|contribute|commit|dispatch|reinforce))\b)"
)
_EQUIPMENT_CODE = re.compile(r"[A-Z]{1,3}-\d|[A-Z]\d+[A-Z]+\d")  # "F-16", "M1A2"


_TITLE_WORDS = word_list("title_words")


def _title_before(text: str, start: int) -> bool:
    """Whether the word just before start is a title or role ("spokesman Christopher Logan")."""
    window = text[max(0, start - 20) : start]
    if not window.endswith(" "):
        return False
    words = window.split()
    return (
        bool(words)
        and words[-1].lower().rstrip(",") in _TITLE_WORDS
        and not window.rstrip().endswith(",")
    )


@dataclass
class _Token:
    text: str
    start: int
    end: int
    cap: bool


def find_entities(text: str, sentence_starts: set[int], gaz: Gazetteer) -> list[Entity]:
    """All entities in text, ordered by offset, with canonical names resolved."""
    gaz_spans = _gazetteer_matches(text, gaz)
    covered: dict[int, tuple[int, int, Name]] = {}
    for start, end, name in gaz_spans:
        covered[start] = (start, end, name)

    entities: list[Entity] = []
    people_pending: list[tuple[int, int]] = []  # single capitalised words to resolve later
    for seq in _cap_sequences(text):
        entities.extend(
            _classify_sequence(text, seq, covered, sentence_starts, gaz, people_pending)
        )

    # Later surname-only mentions resolve to the full name seen anywhere in the article.
    surnames: dict[str, str] = {}
    for ent in entities:
        if ent.label == "PERSON" and " " in ent.canonical:
            parts = ent.canonical.split()
            surnames.setdefault(parts[-1], ent.canonical)
            if len(parts) >= 3:
                surnames.setdefault(" ".join(parts[-2:]), ent.canonical)
    for ent in entities:
        if ent.label == "PERSON" and ent.canonical in surnames:
            ent.canonical = surnames[ent.canonical]  # "Stoltenberg said" found on its own
    for start, end in people_pending:
        word = text[start:end]
        key = word[:-2] if word.endswith(("'s", "’s")) else word
        full = surnames.get(key)
        if full:
            entities.append(Entity(key, "PERSON", full, start, start + len(key)))
    # "Dublin and Dundalk", "Rudninkai and Rukla": an unknown name listed with a place is one.
    places = [e for e in entities if e.label == "GPE"]
    place_ends = {e.end for e in places}
    place_starts = {e.start for e in places}
    resolved = {e.start for e in entities}
    for start, end in people_pending:
        if start in resolved or not _name_word(text[start:end].split()[0]):
            continue
        if start in sentence_starts:
            continue  # "Besides, Armenia and Azerbaijan ...": an opening word, not a place
        gap_before = _LIST_JOIN_BEFORE.search(text, max(0, start - 6), start)
        gap_after = _LIST_JOIN_AFTER.match(text, end)
        if (gap_before and gap_before.start() in place_ends) or (
            gap_after and gap_after.end() in place_starts
        ):
            entities.append(Entity(text[start:end], "GPE", text[start:end], start, end))
    byline = _BYLINE.match(text)
    if byline:
        b0, b1 = byline.span("name")
        entities = [e for e in entities if e.end <= b0 or e.start >= b1]
        entities.append(Entity(byline.group("name"), "PERSON", byline.group("name"), b0, b1))
    # Gazetteer names outside capitalised runs ("dpa", "Baltic states" after a lower-case word).
    taken = sorted((e.start, e.end) for e in entities)
    for start, end, name in gaz_spans:
        k = bisect.bisect_right(taken, (start, 10**9))
        if k and taken[k - 1][1] > start:
            continue
        if k < len(taken) and taken[k][0] < end:
            continue
        entities.append(_gaz_entity(text, start, end, name))
    entities.sort(key=lambda e: e.start)
    return _dedupe(entities)


def _gazetteer_matches(text: str, gaz: Gazetteer) -> list[tuple[int, int, Name]]:
    found = []
    automaton = gaz.automaton
    if automaton is None:  # gazetteer.load() builds every gazetteer the program uses with one
        raise ValueError("the gazetteer has no automaton: build it with gazetteer.load()")
    for end_index, (length, name) in automaton.iter(text):
        end = end_index + 1
        start = end - length
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_"):
            continue
        if end < len(text) and (text[end].isalnum() or text[end] == "$"):
            continue
        # "U.S" inside "U.S." must not match a shorter alias; a full stop after "U.S." is fine.
        if end < len(text) and text[end] == "." and name.canonical and text[start:end] == "U.S":
            continue
        found.append((start, end, name))
    # Leftmost-longest, non-overlapping.
    found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    chosen = []
    last_end = -1
    for start, end, name in found:
        if start >= last_end:
            chosen.append((start, end, name))
            last_end = end
    return chosen


def _cap_sequences(text: str) -> list[list[_Token]]:
    """Runs of capitalised tokens, allowing connectors and particles between them."""
    seqs: list[list[_Token]] = []
    # The regex engine skips lowercase prose quickly; only candidate runs are tokenised here.
    for run in _RUN.finditer(text):
        _split_run(text, run.start(), run.end(), seqs)
    return seqs


def _split_run(text: str, run_start: int, run_end: int, seqs: list[list[_Token]]) -> None:
    current: list[_Token] = []
    pending: list[_Token] = []  # connectors waiting for a capitalised word
    pos = run_start
    for m in _TOKEN.finditer(text, run_start, run_end):
        tok_text = m.group()
        gap = text[pos : m.start()]
        pos = m.end()
        cap = bool(_CAP.match(tok_text)) or bool(_ORDINAL.match(tok_text))
        if gap not in ("", " ", "\n"):
            if current:
                seqs.append(current)
            current, pending = [], []
        if cap and tok_text[-1] not in ".,;:" or cap and _looks_abbrev(tok_text):
            if pending:
                current.extend(pending)
                pending = []
            current.append(_Token(tok_text, m.start(), m.end(), True))
        elif current and tok_text in _JOINERS and len(pending) < 2:
            pending.append(_Token(tok_text, m.start(), m.end(), False))
        elif cap and tok_text.endswith((".", ",", ";", ":")):
            # "Poland." ends the run with the word itself, without its punctuation.
            word = tok_text.rstrip(".,;:")
            if word:
                if pending:
                    current.extend(pending)
                    pending = []
                current.append(_Token(word, m.start(), m.start() + len(word), True))
            if current:
                seqs.append(current)
            current, pending = [], []
        else:
            if current:
                seqs.append(current)
            current, pending = [], []
    if current:
        seqs.append(current)


def _looks_abbrev(tok: str) -> bool:
    # "U.S.", "J.T.", "Gen." keep their full stops; "Poland." does not.
    # "Nash." and "Wing." at the end of a sentence are words, not abbreviations.
    return bool(re.fullmatch(r"(?:[A-Z]\.)+", tok)) or is_name_abbreviation(tok)


def _classify_sequence(
    text: str,
    seq: list[_Token],
    covered: dict[int, tuple[int, int, Name]],
    sentence_starts: set[int],
    gaz: Gazetteer,
    people_pending: list[tuple[int, int]],
) -> list[Entity]:
    org = _org_span(text, seq, gaz)
    if org is not None and any(
        covered[t.start][2].label == "ORG" and covered[t.start][1] >= org[0].end
        for t in seq
        if t.start in covered and t.start <= org[0].start
    ):
        org = None  # the gazetteer knows the longer name: "U.S. Forces Korea"
    if org is not None:
        ent, lo, hi = org
        left = seq[:lo]
        while left and not left[-1].cap:
            left = left[:-1]
        if left and any(t.cap and _is_head(t.text) for t in left):
            out = _classify_sequence(text, left, covered, sentence_starts, gaz, people_pending)
        else:
            out = _classify_plain(text, left, covered, sentence_starts, gaz, people_pending)
        out.append(ent)
        out += _classify_plain(text, seq[hi + 1 :], covered, sentence_starts, gaz, people_pending)
        return out
    return _classify_plain(text, seq, covered, sentence_starts, gaz, people_pending)


def _classify_plain(
    text: str,
    seq: list[_Token],
    covered: dict[int, tuple[int, int, Name]],
    sentence_starts: set[int],
    gaz: Gazetteer,
    people_pending: list[tuple[int, int]],
) -> list[Entity]:
    out: list[Entity] = []
    if not seq:
        return out
    # Split the run into gazetteer pieces and the rest.
    i = 0
    n = len(seq)
    segment: list[_Token] = []
    title_seen = _title_before(text, seq[0].start)
    while i < n:
        tok = seq[i]
        hit = covered.get(tok.start)
        if hit is None and tok.text.endswith(".") and tok.start in covered:
            hit = covered[tok.start]
        if hit is not None:
            if segment:
                out.extend(
                    _residual(text, segment, sentence_starts, gaz, title_seen, people_pending)
                )
                segment = []
            start, end, name = hit
            out.append(_gaz_entity(text, start, end, name))
            # Skip the tokens this match covers (a match may end inside a hyphenated token).
            while i < n and seq[i].start < end:
                if seq[i].end > end and seq[i].text[end - seq[i].start :].startswith("-"):
                    # "U.S.-Mexico": the part after the hyphen may be a name of its own.
                    rest_start = end + 1
                    sub = covered.get(rest_start)
                    if sub:
                        out.append(_gaz_entity(text, *sub))
                i += 1
            title_seen = name.label in ("NORP", "GPE", "ORG") and title_seen
            continue
        if tok.text in gaz.titles or tok.text.rstrip(".") + "." in gaz.titles:
            while segment and not segment[-1].cap:
                segment = segment[:-1]  # "Angela Merkel and President ..."
            if segment and not _is_name_like(segment):
                segment = []
            if segment:
                out.extend(
                    _residual(text, segment, sentence_starts, gaz, title_seen, people_pending)
                )
                segment = []
            title_seen = True
            i += 1
            continue
        segment.append(tok)
        i += 1
    if segment:
        out.extend(_residual(text, segment, sentence_starts, gaz, title_seen, people_pending))
    return out


def _gaz_entity(text: str, start: int, end: int, name: Name) -> Entity:
    canonical = name.canonical
    if name.kind == "capital" and name.label == "GPE" and _STATE_VERB.match(text, end):
        # "Washington said", "Moscow's decision": the capital speaks for the state.
        canonical = name.country or canonical
    elif name.kind == "capital" and name.label == "GPE":
        canonical = text[start:end] if not text[start:end].isupper() else name.canonical
    return Entity(text[start:end], name.label, canonical, start, end)


def _org_span(text: str, seq: list[_Token], gaz: Gazetteer) -> tuple[Entity, int, int] | None:
    """The organisation inside a run, found by its head word ("Czech Army", "Institute of ...").

    Returns the entity and the indices of its first and last token in seq.
    """
    last = len(seq) - 1
    while last >= 0 and not seq[last].cap:
        last -= 1
    if last < 0:
        return None
    if last == 0:
        # "Czech army": a nationality and a lower-case service.
        nxt = re.match(r" (army|navy)\b", text[seq[0].end : seq[0].end + 6])
        name = gaz.names.get(seq[0].text)
        if nxt and name is not None and name.label == "NORP":
            end = seq[0].end + nxt.end()
            span = text[seq[0].start : end]
            return Entity(span, "ORG", span, seq[0].start, end), 0, 0
        return None
    heads = [i for i in range(last + 1) if seq[i].cap and _is_head(seq[i].text)]
    if not heads:
        return None
    h = heads[-1]
    if h < last and seq[h + 1].text in ("of", "for", "on"):
        h = last  # "Institute of International Relations": the name runs on after "of"
        while h > heads[-1] and (seq[h].text in _TIME_WORDS or not seq[h].cap):
            h -= 1  # "U.S. Marines on Tuesday": a day is not part of the name
    if h == heads[-1]:
        # "U.S. Forces Korea", "Marine Corps Forces Europe-Africa": a command named for its region.
        while (
            h < last
            and seq[h + 1].cap
            and all(
                (gaz.names.get(part) is not None and gaz.names[part].label == "GPE")
                for part in seq[h + 1].text.split("-")
            )
        ):
            h += 1
    lo = heads[-1]
    while lo > 0:
        prev = seq[lo - 1]
        if prev.cap:
            if prev.text in _ORG_BREAK or prev.text in gaz.titles or _is_possessive(prev.text):
                break
            if "-" in prev.text and prev.text.rsplit("-", 1)[1].islower():
                break  # "NATO-led", "Kabul-based"
            lo -= 1
        elif (
            lo >= 2
            and seq[lo - 2].cap
            and _is_head(seq[lo - 2].text)
            and not (
                seq[lo - 1].text == "and"
                and (gaz.names.get(seq[lo].text) is not None or seq[lo].text == seq[0].text)
            )
        ):
            # "Customs and Border Protection": a connector after a head joins, but
            # "Rwanda National Police and Rwanda Defence Force" are two bodies.
            lo -= 1
        else:
            break
    if lo == h and not _ORDINAL.match(seq[lo].text):
        return None  # "Army" alone says nothing
    start, end = seq[lo].start, seq[h].end
    if _is_possessive(seq[h].text):
        end -= 2  # "the Defence Ministry's board"
    elif h == last:
        tail = _ORG_TAIL.match(text, end)
        if tail and tail.group("num") and seq[h].text in _UNIT_HEADS:
            end = tail.end()
        elif tail and tail.group("place") and seq[h].text in ("Mission", "Command"):
            place = gaz.names.get(tail.group("place"))
            if place is not None and place.label == "GPE":
                end = tail.end()
    span = text[start:end]
    known = gaz.names.get(span)
    if known is not None and known.label != "ORG":
        return None
    return Entity(span, "ORG", known.canonical if known else span, start, end), lo, h


def _is_head(word: str) -> bool:
    if _is_possessive(word):
        word = word[:-2]
    return word in _ORG_HEADS or word.split("-")[0] in _ORG_HEADS


def _is_possessive(word: str) -> bool:
    return word.endswith(("'s", "’s"))


def _is_name_like(segment: list[_Token]) -> bool:
    return all(t.cap or t.text in _NAME_PARTICLES for t in segment)


def _residual(
    text: str,
    segment: list[_Token],
    sentence_starts: set[int],
    gaz: Gazetteer,
    title_seen: bool,
    people_pending: list[tuple[int, int]],
) -> list[Entity]:
    """Classify capitalised words no gazetteer knew: people, acronyms, datelines."""
    # Drop leading sentence-opening words and trailing connectors.
    while segment and (
        segment[0].text in _STOP
        and not (segment[0].text in gaz.first_names and len(segment) > 1 and segment[1].cap)
        or not segment[0].cap
    ):
        segment = segment[1:]
    while segment and (
        not segment[-1].cap
        or segment[-1].text in _STOP
        and not (len(segment) > 1 and segment[-2].text in gaz.first_names)
    ):
        segment = segment[:-1]  # "Jens Stoltenberg on March": the date is not the name
    if not segment:
        return []
    if any(t.text == "and" for t in segment):
        # "Rudninkai and Rukla": two names, each classified on its own.
        out: list[Entity] = []
        part: list[_Token] = []
        for t in segment + [_Token("and", -1, -1, False)]:
            if t.text == "and":
                if part:
                    out += _residual(text, part, sentence_starts, gaz, title_seen, people_pending)
                part = []
            else:
                part.append(t)
        return out
    stops = [
        i
        for i, t in enumerate(segment)
        # "Theresa May": a stop word after a given name is a surname.
        if t.text in _STOP
        and not (i and segment[i - 1].text in gaz.first_names)
        # "Jan Peter Balkenende": a given name that is also a month's abbreviation.
        and not (t.text in gaz.first_names and i + 1 < len(segment) and segment[i + 1].cap)
    ]
    if stops:
        # Split on stop words ("Thursday Stoltenberg"): keep the last piece.
        idx = max(stops)
        segment = segment[idx + 1 :]
        while segment and not segment[0].cap:
            segment = segment[1:]
        if not segment:
            return []
    start, end = segment[0].start, segment[-1].end
    span = text[start:end]
    words = [t.text for t in segment]
    if any(_EQUIPMENT_CODE.match(w) for w in words):
        return []
    if len(segment) == 1:
        word = words[0]
        if word.endswith(("'s", "’s")):
            word = word[:-2]
            end = start + len(word)
        if word in _NOT_ORG_ACRONYMS:
            return []
        if _is_acronym(word):
            if start == _line_start(text, start) and _is_dateline(text, end):
                return [Entity(word, "GPE", word.title(), start, end)]
            if _in_shouted_line(text, start, end):
                return []  # "KEY QUOTE", "CONTEXT": section headings, not organisations
            return [Entity(word, "ORG", word, start, end)]
        if word.isupper() and len(word) > 3 and _is_dateline(text, end):
            return [Entity(word, "GPE", word.title(), start, end)]
        if _PLACE_SLOT.search(text, max(0, start - 30), start) and _name_word(word):
            return [Entity(word, "GPE", word, start, end)]
        if _name_word(word) and _MEDIA_AFTER.match(text, end):
            return [Entity(word, "ORG", word, start, end)]  # "the Mihaaru newspaper"
        if (
            _name_word(word)
            and text[max(0, start - 3) : start] == "in "
            and _PART_OF_PLACE.match(text, end)
        ):
            return [Entity(word, "GPE", word, start, end)]  # "in Kalemie, in the north of"
        if _REGION_AFTER.match(text, end) and start not in sentence_starts:
            return [Entity(word, "GPE", word, start, end)]
        if (
            _name_word(word)
            and word not in _ORG_HEADS
            and word not in _NOT_PEOPLE
            and not word.endswith("s")
            and _SAID_AFTER.match(text, end)
            and not _reads_as_company(text, word)
        ):
            return [Entity(word, "PERSON", word, start, end)]  # "Zelenskiy said", "Shoigu told"
        if (
            title_seen
            and word[0].isupper()
            and word[1:].islower()
            and start not in sentence_starts
            and word not in _ORG_HEADS
        ):
            # "President Macron": a title and one name.
            return [Entity(word, "PERSON", word, start, end)]
        people_pending.append((start, end))
        return []
    # "Chancellor of the Exchequer Nigel Lawson": the rest of a title is not the name.
    while len(segment) > 2 and title_seen and segment[0].text in gaz.title_words:
        segment = segment[1:]
        words = words[1:]
        start = segment[0].start
        span = text[start:end]
    # Several capitalised words: a person when a first name, a title or speech says so.
    # "Karl Jakob Toplaan": a given name opening the run starts the name there.
    start_k = 0 if words[0] in gaz.first_names else 1
    for k in range(start_k, len(words) - 1):
        rest = words[k + 1 :]
        if (
            words[k] in gaz.first_names
            and all(_name_word(w) or w in _NAME_PARTICLES for w in rest)
            # "Abdallah bin Nasser bin Khalifa al-Thani": each particle brings a name along.
            and sum(w not in _NAME_PARTICLES for w in rest)
            <= 2 + sum(w in _NAME_PARTICLES for w in rest)
        ):
            # "Minority Leader Chuck Schumer", "1st Class Charles Keating": the name starts here.
            sub = segment[k:]
            sub_end = sub[-1].end - (2 if _is_possessive(sub[-1].text) else 0)
            name = text[sub[0].start : sub_end]
            return [Entity(name, "PERSON", name, sub[0].start, sub_end)]
    first = words[0]
    name_like = all(_name_word(w) or w in _NAME_PARTICLES for w in words) and len(words) <= 4
    if not name_like:
        # "Channel TV2": keep the acronyms the run holds.
        return [
            Entity(t.text, "ORG", t.text, t.start, t.end)
            for t in segment
            if _is_acronym(t.text)
            and t.text not in _NOT_ORG_ACRONYMS
            and not _EQUIPMENT_CODE.match(t.text)
            and not _in_shouted_line(text, t.start, t.end)
        ]
    if words[-1].endswith(("'s", "’s")):
        end -= 2
        span = text[start:end]
    is_person = not _ORDINAL.match(first) and (
        first in gaz.first_names
        or title_seen
        or (
            len(words) <= 3
            and _SPEECH.match(text, end) is not None
            and start not in sentence_starts
        )
    )
    if is_person:
        return [Entity(span, "PERSON", span, start, end)]
    if _REGION_AFTER.match(text, end):
        return [Entity(span, "GPE", span, start, end)]  # "Cabo Delgado province"
    people_pending.append((start, end))  # perhaps a surname seen in full elsewhere
    return []


def _name_word(word: str) -> bool:
    core = word[:-2] if word.endswith(("'s", "’s")) else word
    if re.fullmatch(r"(?:[A-Z]\.)+", core):
        return True  # an initial
    if re.fullmatch(r"(?:al|el)-[A-Z][a-zà-ÿ’']+", core):
        return True  # "al-Assad"
    return (
        bool(re.fullmatch(r"[A-Z][a-zà-ÿ’'A-Z]*[a-zà-ÿ](?:-[A-Z][a-zà-ÿ’']+)?", core))
        and not core.isupper()
    )


# Each call scans the article; past this length (a book, not an article) the check is skipped
# so that extraction stays linear in the text.
_COMPANY_SCAN_LIMIT = 50_000


def _reads_as_company(text: str, word: str) -> bool:
    """Whether the article writes word as a company or an institution ("the Fed", "Kodak Co")."""
    if len(text) > _COMPANY_SCAN_LIMIT:
        return False
    return (
        re.search(
            rf"\b(?:the|The)\s+{re.escape(word)}\b|\b{re.escape(word)}\s+(?:{_COMPANY_TAILS})\b",
            text,
        )
        is not None
    )


def _in_shouted_line(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return not any(c.islower() for c in line) and (
        len(line.split()) > 1 or line.strip() == text[start:end]
    )


def _is_acronym(word: str) -> bool:
    if "'" in word or "’" in word:
        return False
    core = word.replace(".", "")
    return 2 <= len(core) <= 8 and (core.isupper() or re.fullmatch(r"[A-Z]+\d*", core) is not None)


def _line_start(text: str, pos: int) -> int:
    i = pos
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    return i if i == 0 or text[i - 1] == "\n" else -1


def _is_dateline(text: str, end: int) -> bool:
    # "VILNIUS —", "SARAJEVO –", "PORT-AU-PRINCE (Reuters)", "MOSCOW, Oct 6"
    return re.match(r"\s*(?:[—–-]|\(|,\s*[A-Z][a-z]{2})", text[end : end + 12]) is not None


def _dedupe(entities: list[Entity]) -> list[Entity]:
    out: list[Entity] = []
    last_end = -1
    for ent in entities:
        if ent.start >= last_end and ent.end > ent.start:
            out.append(ent)
            last_end = ent.end
    return out
