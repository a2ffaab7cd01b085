"""Reading a written date ("23 April 2014", "Apr. 23, 2014", RFC 2822, ISO) as "YYYY-MM-DD".

Only complete dates count: a bare year ("2014") or a month and year ("April 2014") gives None,
because the library sorts and filters by day and a guessed day would be a made-up fact.
All-numeric dates with the day and month in doubt ("04/05/2014") also give None; "23/04/2014"
and "04/23/2014" are read because only one order makes sense. A time or time zone after the
date is ignored: the date is the one the text states, not converted to another zone.
"""

from __future__ import annotations

import datetime
import re

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
# "Sept." is the one common abbreviation longer than three letters.
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"

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
        found = _iso(match.group(1), match.group(2), match.group(3))
        if found:
            return found
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            month = groups.get("mnum") or _MONTHS[groups["month"][:3].lower()]
            found = _iso(groups["year"], month, groups["day"])
            if found:
                return found
    for first, second, year in _NUMERIC.findall(text):
        a, b = int(first), int(second)
        if a > 12 >= b:
            found = _iso(year, b, a)
        elif b > 12 >= a:
            found = _iso(year, a, b)
        else:
            continue
        if found:
            return found
    return None


def _iso(year: str | int, month: str | int, day: str | int) -> str | None:
    try:
        return datetime.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None
