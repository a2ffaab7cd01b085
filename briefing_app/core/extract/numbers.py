"""Numbers as reporters write them: "1,100", "1100", "Three thousand", "28-thousand-500", "1.5 million".

We parse number words ourselves rather than with text2num's alpha2digit because that rewrites
the text and loses the offsets every figure must keep.
"""

from __future__ import annotations

import math
import re

from briefing_app.core.dates import MONTH_WORDS, is_plausible_year

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "a": 1, "an": 1,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

_unit_alt = "|".join(sorted((k for k in _UNITS if len(k) > 2), key=len, reverse=True))
_tens_alt = "|".join(_TENS)
_scale_alt = "|".join(_SCALES) + "|dozen"
# Thousands may be grouped with a no-break or thin space ("3\u00a0300", South African and
# European style), which a page decoded as cp1252 turns into "3Â 300".
_GROUP = "(?:\u00c2?[\u00a0\u202f\u2009]|\u00c2 )"
# Looser groupings some outlets print: a plain space ("2 583"), a comma and a space ("5, 500"),
# an apostrophe ("1'400", Swiss style). Not after a month ("May 25 300 troops" is a date).
_LOOSE_GROUP = "(?: |, |['’])"
_NOT_AFTER_MONTH = "".join(f"(?<!{re.escape(m)} )" for m in MONTH_WORDS)
_DIGITS = (
    rf"\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|(?<![\d,.])\d{{1,3}}(?:{_GROUP}\d{{3}})+(?!\d)|"
    rf"{_NOT_AFTER_MONTH}(?<![\d,.’'] )(?<![\d,.’'])\d{{1,3}}(?:{_LOOSE_GROUP}\d{{3}})+(?![\d,.’']*\d)|"
    r"\d+(?:\.\d+)?"
)
_WORD_ATOM = rf"(?:(?:{_tens_alt})(?:[\s-](?:{_unit_alt}))?|{_unit_alt})"
_WORDNUM = (
    rf"(?:{_WORD_ATOM}|an?(?=(?:\s+|-)(?:{_scale_alt})))"
    rf"(?:(?:\s+|-)(?:and\s+)?(?:{_scale_alt}|{_WORD_ATOM}))*"
)
# Digits with an optional scale word, including the broadcast form "28-thousand-500".
_DIGITNUM = rf"(?:{_DIGITS})(?:[\s-](?:{_scale_alt})(?:-\d{{1,3}})?)?"

NUMBER = rf"(?i:{_DIGITNUM}|\b{_WORDNUM})(?![\d,]*\d)(?!\.\d)"
NUMBER_RE = re.compile(rf"\b{NUMBER}\b", re.IGNORECASE)

_SPLIT = re.compile(r"[\s-]+")
_GROUP_RE = re.compile(rf"(?<=\d)(?:{_GROUP}|{_LOOSE_GROUP})(?=\d{{3}}(?!\d))")


def parse_number(text: str) -> float | None:
    """The value of one number expression, or None when it is not a number on its own ("a")."""
    text = _GROUP_RE.sub("", text)
    total = 0.0
    current = 0.0
    seen = False
    last = ""  # kind of the previous word: "five two" is not one number
    for token in _SPLIT.split(text.lower().strip()):
        if not token or token == "and":
            continue
        kind = "unit" if token in _UNITS else "tens" if token in _TENS else "other"
        if kind == "unit" and last == "unit" or kind == "tens" and last in ("unit", "tens"):
            return None
        last = kind
        if token[0].isdigit():
            try:
                current += float(token.replace(",", ""))
            except ValueError:
                return None
            seen = True
        elif token in _UNITS:
            current += _UNITS[token]
            seen = seen or token not in ("a", "an")
        elif token in _TENS:
            current += _TENS[token]
            seen = True
        elif token == "dozen":
            current = (current or 1) * 12
            seen = True
        elif token == "hundred":
            current = (current or 1) * 100
            seen = True
        elif token in _SCALES:
            total += (current or 1) * _SCALES[token]
            current = 0.0
            seen = True
        else:
            return None
    if not seen:
        return None
    value = total + current
    if not math.isfinite(value) or value >= 1e15:
        return None  # a serial number or a run of digits, not a count of anything
    return float(int(value)) if value == int(value) else value


def is_year_like(text: str) -> bool:
    """A bare four-digit number that reads as a year (dates.FIRST_YEAR to LAST_YEAR), not "2,014"."""
    return len(text) == 4 and text.isdigit() and is_plausible_year(int(text))
