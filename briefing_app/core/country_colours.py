"""One colour and one hatching per country, derived from its canonical name alone.

Every view (the window's bars, lines and matrix, the PDF, the SVG and PNG exports, the command
line) asks here, so a country looks the same wherever it is drawn and in every run, whatever
else is in the library. The ten countries that contribute most often in defence news have fixed
places in the palette, so they never share a colour; any other name is hashed (SHA-1, stable
across runs and machines, unlike Python's `hash`) to a palette colour, a shade of it and a
hatching. Two rarer countries can share a colour; they then differ in shade or hatching, and
every view labels its bars with their country besides.

The hatchings tell the ten palette places apart on black-and-white paper too: each place has its
own pattern (none, diagonal either way, horizontal, vertical, two crossings, dots …).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

# Tableau 10: distinct on white and on near-black, and for the common forms of colour blindness.
PALETTE = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
)
# One hatching per palette place: angles in degrees of parallel lines; () is a plain fill,
# "dots" a dotted fill. Ten different patterns, so black-and-white prints keep them apart.
HATCHES: tuple[tuple[float, ...] | str, ...] = (
    (),
    (45,),
    (-45,),
    (0,),
    (90,),
    (45, -45),
    (0, 90),
    "dots",
    (30,),
    (-60,),
)
# Countries that are in most libraries of this kind, in fixed palette places.
FIXED = {
    "United States": 0,
    "Russia": 1,
    "United Kingdom": 2,
    "Germany": 3,
    "France": 4,
    "Canada": 5,
    "Poland": 6,
    "NATO": 7,
    "Ukraine": 8,
    "Italy": 9,
}
SHADES = (1.0, 0.78, 1.22)  # lightness factors for hashed names, so neighbours rarely match


@dataclass(frozen=True)
class CountryStyle:
    """How one country is drawn: a fill colour, its grey for print, and a hatching."""

    colour: str  # "#rrggbb"
    hatch: tuple[float, ...] | str  # see HATCHES
    slot: int  # palette place 0-9

    @property
    def grey(self) -> float:
        """The colour's lightness as a grey level (0 black … 1 white), as a mono printer sees it."""
        r, g, b = _rgb(self.colour)
        return round((0.299 * r + 0.587 * g + 0.114 * b) / 255, 3)


def country_style(name: str) -> CountryStyle:
    """The style of `name` (a canonical country name, or NATO, multinational …)."""
    if name in FIXED:
        slot = FIXED[name]
        return CountryStyle(PALETTE[slot], HATCHES[slot], slot)
    digest = int.from_bytes(hashlib.sha1(name.casefold().encode("utf-8")).digest()[:8], "big")
    slot = digest % len(PALETTE)
    shade = SHADES[(digest // len(PALETTE)) % len(SHADES)]
    # Never the slot's own hatching, which its fixed country wears: a hashed country always
    # differs from the fixed one of the same colour on black-and-white paper.
    turn = 1 + (digest // (len(PALETTE) * len(SHADES))) % (len(HATCHES) - 1)
    hatch = HATCHES[(slot + turn) % len(HATCHES)]
    return CountryStyle(_shaded(PALETTE[slot], shade), hatch, slot)


def country_colour(name: str) -> str:
    return country_style(name).colour


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _shaded(colour: str, factor: float) -> str:
    r, g, b = _rgb(colour)
    if factor >= 1:  # lighter: towards white
        mix = factor - 1
        r, g, b = (round(c + (255 - c) * mix) for c in (r, g, b))
    else:  # darker: towards black
        r, g, b = (round(c * factor) for c in (r, g, b))
    return f"#{r:02x}{g:02x}{b:02x}"


__all__ = ["FIXED", "HATCHES", "PALETTE", "CountryStyle", "country_colour", "country_style"]
