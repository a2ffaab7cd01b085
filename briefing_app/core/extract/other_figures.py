"""Figures other than troops: money, percentages, equipment counts and dates."""

from __future__ import annotations

import re

from briefing_app.core.dates import MONTH_PATTERN, YEAR_PATTERN, parse_date

from .numbers import NUMBER, parse_number
from .records import Figure

_CURRENCY_SYMBOLS = {
    "US$": "USD", "$": "USD", "USD": "USD", "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP",
    "¥": "JPY", "A$": "AUD", "C$": "CAD", "NZ$": "NZD", "HK$": "HKD",
}  # fmt: skip
_CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP",
    "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "rubles": "RUB", "roubles": "RUB",
    "rupees": "INR", "kroner": "NOK", "kronor": "SEK", "zlotys": "PLN", "francs": "CHF",
    "hryvnias": "UAH", "shekels": "ILS",
}  # fmt: skip
_SCALE = r"(?:\s*(?P<scale>million|billion|trillion|mln|bln|bn|m|k)\b)?"
MONEY_SYMBOL_RE = re.compile(
    r"(?P<cur>US\$|A\$|C\$|NZ\$|HK\$|\$|€|£|¥|\b(?:USD|EUR|GBP)\s?)\s?(?P<num>\d[\d,]*(?:\.\d+)?)"
    + _SCALE
)
MONEY_WORD_RE = re.compile(
    rf"\b(?P<num>{NUMBER}){_SCALE}\s+(?:(?:US|U\.S\.|Canadian|Australian)\s+)?"
    rf"(?P<word>{'|'.join(_CURRENCY_WORDS)})\b"
)
PERCENT_RE = re.compile(
    r"(?=\d)\b(?P<num>\d+(?:\.\d+)?)\s?(?:%|percent\b|per\s+cent\b|pct\b|percentage\s+points?\b)"
)
_EQUIPMENT_NOUNS = (
    r"(?:fighter\s+jets|fighter\s+planes|fighters|jets|aircraft|warplanes|planes|bombers|"
    r"helicopters|choppers|drones|tanks|armou?red\s+vehicles|vehicles|warships|ships|frigates|"
    r"destroyers|submarines|carriers|vessels|missiles|missile\s+systems|rockets|launchers|"
    r"howitzers|artillery\s+pieces|guns|air\s+defen[cs]e\s+systems|systems|batteries|"
    r"interceptors|rifles|rounds|shells|radars|boats|patrol\s+boats|trucks)"
)
EQUIPMENT_RE = re.compile(
    rf"\b(?P<num>{NUMBER})\s+(?P<mods>(?:[A-Z][\w-]*\s+|(?:new|additional|more|extra|"
    rf"modern|advanced|old|used|military|combat|attack|transport|armed|main|battle|"
    r"supply|naval|cruise|ballistic|anti-tank|anti-aircraft|surface-to-air|air-to-air|"
    rf"long-range|short-range|medium-range|unmanned|heavy|light|\w+-\d+)\s+){{0,4}})"
    rf"(?P<noun>{_EQUIPMENT_NOUNS})\b"
)
_MONEY_HINT = re.compile(r"[$€£¥]|\b(?:USD|EUR|GBP)\b")
_MONEY_WORD_HINT = re.compile(rf"\b(?:{'|'.join(_CURRENCY_WORDS)})\b")
_EQUIPMENT_HINT = re.compile(rf"\b{_EQUIPMENT_NOUNS}\b")
# A date in running text: ISO, day and month with or without a year, or month and year.
DATE_RE = re.compile(
    rf"(?=[0-9A-Z])\b(?:(?P<iso>{YEAR_PATTERN}-[01]\d-[0-3]\d)"
    rf"|(?P<m1>{MONTH_PATTERN})\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?P<y1>{YEAR_PATTERN}))?"
    rf"|(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<m2>{MONTH_PATTERN})(?:,?\s+(?P<y2>{YEAR_PATTERN}))?"
    rf"|(?P<m3>{MONTH_PATTERN})\s+(?P<y3>{YEAR_PATTERN}))\b"
)
_SCALES = {"million": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9, "bln": 1e9, "bn": 1e9,
           "trillion": 1e12, "k": 1e3}  # fmt: skip


def find_other_figures(text: str) -> list[Figure]:
    figures: list[Figure] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return not any(x < b and a < y for x, y in taken)

    for m in MONEY_SYMBOL_RE.finditer(text) if _MONEY_HINT.search(text) else ():
        value = _scaled(m.group("num"), m.group("scale"))
        if value is None:
            continue
        unit = _CURRENCY_SYMBOLS.get(m.group("cur").strip(), "USD")
        figures.append(_fig("money", text, m, value, unit))
        taken.append(m.span())
    for m in MONEY_WORD_RE.finditer(text) if _MONEY_WORD_HINT.search(text) else ():
        if not free(*m.span()):
            continue
        value = _scaled(m.group("num"), m.group("scale"))
        if value is None:
            continue
        figures.append(_fig("money", text, m, value, _CURRENCY_WORDS[m.group("word")]))
        taken.append(m.span())
    for m in PERCENT_RE.finditer(text):
        if free(*m.span()):
            figures.append(_fig("percent", text, m, float(m.group("num")), "%"))
            taken.append(m.span())
    for m in _equipment_matches(text):
        value = parse_number(m.group("num"))
        if value is None or not free(*m.span()):
            continue
        unit = (m.group("mods") + m.group("noun")).strip()
        figures.append(_fig("equipment", text, m, value, unit))
        taken.append(m.span())
    for m in DATE_RE.finditer(text):
        if not free(*m.span()):
            continue
        fig = _date(m)
        if fig is not None:
            figures.append(fig)
            taken.append(m.span())
    figures.sort(key=lambda f: f.start)
    return figures


def _equipment_matches(text: str):
    # The number pattern is costly to try at every offset: look only before equipment nouns.
    last = 0
    for noun in _EQUIPMENT_HINT.finditer(text):
        window_start = max(last, noun.start() - 120)
        for m in EQUIPMENT_RE.finditer(text, window_start, noun.end()):
            if m.end() == noun.end():
                yield m
        last = noun.end()


def _scaled(num: str, scale: str | None) -> float | None:
    value = parse_number(num)
    if value is None:
        return None
    if scale:
        value *= _SCALES[scale.lower()]
    return float(int(value)) if value == int(value) else value


def _fig(kind: str, text: str, m: re.Match, value: float, unit: str) -> Figure:
    return Figure(
        kind=kind, text=m.group(), start=m.start(), end=m.end(), low=value, high=value, unit=unit
    )


def _date(m: re.Match) -> Figure | None:
    """A date figure; its value is the ISO date when the text gives the day, month and year."""
    g = m.groupdict()
    day = int(g["d1"] or g["d2"] or 0)
    if day > 31:
        return None
    value = None
    if g["iso"] or (day and (g["y1"] or g["y2"])):
        # A complete date, read as the importers read one; month and year alone is none.
        value = parse_date(m.group())
        if value is None:
            return None  # no such day ("30 February 2014")
    return Figure(kind="date", text=m.group(), start=m.start(), end=m.end(), value=value)
