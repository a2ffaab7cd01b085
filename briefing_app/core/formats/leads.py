"""An article's opening: the dateline ("VILNIUS —") and a title made from the first sentence."""

from __future__ import annotations

import re

from briefing_app.core.abbreviations import is_abbreviation

TITLE_MAX_CHARS = 90
_BYLINE_MAX_WORDS = 8
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")

# A dateline is a place in capitals ("VILNIUS", "PORT-AU-PRINCE", "ST. LOUIS"), perhaps a
# region as written ("FORT CAMPBELL, Ky."), a date ("MOSCOW, October 6.") and an agency
# ("(Reuters)", "/TASS/."), then a dash. Requiring capitals keeps ordinary sentences out.
_PLACE = r"[A-Z][A-Z'’.]*(?:[ -][A-Z][A-Z'’.]*){0,4}"
_REGION = r"(?:,\s+[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?)"
_DATE = r"(?:,\s+[A-Z][a-z]+\.?\s+\d{1,2}\.?)"
_AGENCY = r"(?:\s*\([A-Z][A-Za-z .&-]{1,30}\))"
_DASH = r"(?:\s*(?:—|–|--)\s*|\s+-\s+)"
_SLASHED_AGENCY = r"(?:\s+/[A-Z][A-Za-z-]{1,20}/\.?\s+)"
_DATELINE = re.compile(
    rf"(?P<place>{_PLACE}{_REGION}?){_DATE}?{_AGENCY}?(?:{_SLASHED_AGENCY}|{_DASH})"
)
# A place needs at least two capital letters in a row, so "A -" or "I: " are not datelines.
_TWO_CAPITALS = re.compile(r"[A-Z]{2}")

_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?=\s+[\"'“‘(]?[A-Z0-9])")


def split_dateline(text: str) -> tuple[str | None, str]:
    """("VILNIUS", rest of the text) when `text` opens with a dateline, else (None, text)."""
    stripped = text.lstrip()
    match = _DATELINE.match(stripped)
    if not match or not _TWO_CAPITALS.search(match.group("place")):
        return None, text
    rest = stripped[match.end() :]
    if not rest or not rest[0].isalnum() and rest[0] not in "\"'“‘(":
        return None, text
    return match.group("place").strip(), rest


def opening_paragraph(body: str) -> str:
    """The paragraph the story opens with, its lines joined so wrapped text reads as one line.

    Up to two short leading paragraphs without a sentence end ("Ray Howze", "Kerry Picket
    Political Reporter") are bylines or kickers and are passed over when more text follows.
    """
    # The opening is enough: a title is at most 90 characters and a byline a few words, so
    # each paragraph is cut at 600 characters; normalising a whole long body would be wasted.
    paragraphs = [" ".join(p[:600].split()) for p in _PARAGRAPH_BREAK.split(body[:3000].strip())]
    paragraphs = [p for p in paragraphs if p]
    for index, paragraph in enumerate(paragraphs[:3]):
        is_byline = len(paragraph.split()) < _BYLINE_MAX_WORDS and paragraph[-1] not in '.!?:"”'
        if not is_byline or index == len(paragraphs) - 1 or index == 2:
            return paragraph
    return paragraphs[0] if paragraphs else ""


def dateline_of(body: str) -> str | None:
    """The dateline place the story opens with ("VILNIUS"), or None."""
    return split_dateline(opening_paragraph(body))[0]


def first_sentence(text: str) -> str:
    """The opening sentence of `text` (all of it when no sentence end is found)."""
    for match in _SENTENCE_END.finditer(text):
        end = match.start()
        word = text[:end].rsplit(None, 1)[-1].lower().lstrip("\"'“‘(")
        # "U.S." and initials such as "J." are abbreviations, not ends of sentences.
        if text[end] == "." and (is_abbreviation(word) or len(word) == 1 or "." in word):
            continue
        return text[: match.end()]
    return text


def shorten(text: str, limit: int = TITLE_MAX_CHARS) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with "…" when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-–—") + "…"


def title_from_body(body: str) -> tuple[str, str | None]:
    """(title, dateline) made from the opening of `body`: the first sentence without its
    dateline and final full stop, shortened for lists."""
    dateline, rest = split_dateline(opening_paragraph(body))
    sentence = first_sentence(rest).strip()
    if sentence.endswith(".") and not sentence.endswith(".."):
        sentence = sentence[:-1]
    return shorten(sentence), dateline
