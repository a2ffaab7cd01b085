"""Dates as articles write them: month names, the years an article can be about, the year of
a date, and reading a written date ("23 April 2014", "Apr. 23, 2014", RFC 2822, ISO) as ISO.

The one home of these ideas for the readers, extraction, the store and both faces.

Only complete dates count as dates: a bare year ("2014") or a month and year ("April 2014")
gives None, because the library sorts and filters by day and a guessed day would be a made-up
fact. All-numeric dates with the day and month in doubt ("04/05/2014") also give None;
"23/04/2014" and "04/23/2014" are read because only one order makes sense. A time or time zone
after the date is ignored: the date is the one the text states, not converted to another zone.
"""

from __future__ import annotations

import datetime
import re

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# As news copy abbreviates them, with or without a full stop. "Sept" is the one longer than
# three letters; May has none.
MONTH_ABBREVIATIONS = (
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
)  # fmt: skip
# Every way a month is written, capitalised as in running text: names, then abbreviations,
# each abbreviation with and without its full stop.
MONTH_WORDS = (
    *MONTH_NAMES,
    *(f"{abbreviation}." for abbreviation in MONTH_ABBREVIATIONS),
    *MONTH_ABBREVIATIONS,
)
# A month in a regular expression, capitalised as written; compile with re.IGNORECASE to read
# "apr" or "APRIL" too. The full stop after an abbreviation is part of the match.
MONTH_PATTERN = (
    "(?:"
    + "|".join(MONTH_NAMES)
    + "|(?:"
    + "|".join(sorted(MONTH_ABBREVIATIONS, key=len, reverse=True))
    + r")\.?)"
)
_MONTH_NUMBERS = {name[:3].lower(): number for number, name in enumerate(MONTH_NAMES, start=1)}

# The years an article or a figure can be about: a four-digit number outside them ("1,850
# troops", "3,000") is a count, not a year. The correction dialog offers the same range.
FIRST_YEAR = 1900
LAST_YEAR = 2099
YEAR_PATTERN = r"(?:19|20)\d\d"  # FIRST_YEAR to LAST_YEAR, as a regular expression


def month_number(word: str) -> int:
    """1 to 12 for a month as written in MONTH_WORDS, in any case ("Sept." is 9)."""
    return _MONTH_NUMBERS[word[:3].lower()]


def is_plausible_year(year: int) -> bool:
    """Whether `year` lies in FIRST_YEAR to LAST_YEAR."""
    return FIRST_YEAR <= year <= LAST_YEAR


def year_of(date: str | None) -> int | None:
    """The year an ISO date starts with ("2014-04-23" and "2014-04" give 2014), or None."""
    if date and len(date) >= 4 and date[:4].isdecimal():
        return int(date[:4])
    return None


_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
# A full stop after a whole name too ("April. 23, 2014"), as the readers have always taken it.
_MONTH = rf"(?P<month>{MONTH_PATTERN})\.?"

# Most dates in the files are already ISO; checking that first keeps bulk imports fast.
_ISO = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])")
_PATTERNS = (
    # 2014-04-23, 2014/04/23, 2014.04.23 (also inside longer text, e.g. with a time)
    re.compile(r"(?<!\d)" + _YEAR + r"[-/.](?P<mnum>\d{1,2})[-/.](?P<day>\d{1,2})(?!\d)"),
    # 23 April 2014, 23rd of April, 2014, Wed, 23 Apr 2014 10:00:00 +0000 (RFC 2822)
    re.compile(
        r"(?<!\d)" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR + r"(?!\d)", re.IGNORECASE
    ),
    # April 23, 2014 / Apr. 23 2014 / Wednesday, April 23, 2014
    re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"(?!\d)", re.IGNORECASE),
)
# 23/04/2014 or 04/23/2014: read only when one of the first two numbers cannot be a month.
_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)")


def parse_date(text: str) -> str | None:
    """The first complete date written in `text` as ISO "YYYY-MM-DD", or None."""
    if not text:
        return None
    match = _ISO.match(text)
    if match:
        found = iso_date(match.group(1), match.group(2), match.group(3))
        if found:
            return found
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            month = groups.get("mnum") or month_number(groups["month"])
            found = iso_date(groups["year"], month, groups["day"])
            if found:
                return found
    for first, second, year in _NUMERIC.findall(text):
        a, b = int(first), int(second)
        if a > 12 >= b:
            found = iso_date(year, b, a)
        elif b > 12 >= a:
            found = iso_date(year, a, b)
        else:
            continue
        if found:
            return found
    return None


def iso_date(year: str | int, month: str | int, day: str | int) -> str | None:
    """ "YYYY-MM-DD" for a day that exists, else None (no 30 February)."""
    try:
        return datetime.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None
