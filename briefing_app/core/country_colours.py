"""One colour and one hatching per country, derived from its canonical name alone.

Every view (the window's bars, lines and matrix, the PDF, the SVG and PNG exports, the command
line) asks here, so a country looks the same wherever it is drawn and in every run, whatever
else is in the library. The ten countries that contribute most often in defence news have fixed
places in the palette, so they never share a colour; any other name is hashed (SHA-1, stable
across runs and machines, unlike Python's `hash`) to a palette colour, a shade of it and a
hatching. Two rarer countries can share a colour; they then differ in shade or hatching, and
every view labels its bars with their country besides. A hashed colour is never close to a
fixed one (CIELAB ΔE at least MIN_DELTA_E), nor its hatching of the same family as the fixed
country of its colour.

The hatchings tell the ten palette places apart on black-and-white paper too: each place has its
own pattern (none, diagonal either way, horizontal, vertical, two crossings, dots …).
"""

from __future__ import annotations

import hashlib
import math
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
# Lightness factors for hashed names: darker, lighter, darkest. Never the palette colour itself,
# which its fixed country wears: a hashed colour this close to any fixed country's (CIELAB
# ΔE*76 under MIN_DELTA_E; #f5a75a beside Russia's #f28e2b is 18) reads as that country, so
# the next shade is taken instead. The darkest clears every palette colour, so one always does.
SHADES = (0.6, 1.55, 0.5)
MIN_DELTA_E = 20.0


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
    first = (digest // len(PALETTE)) % len(SHADES)
    colour = next(
        c
        for c in (_shaded(PALETTE[slot], shade) for shade in SHADES[first:] + SHADES[:first])
        if min(delta_e(c, fixed) for fixed in PALETTE) >= MIN_DELTA_E
    )
    # Never a hatching of the family its fixed country wears (45° and 30° read alike): a
    # hashed country always differs from the fixed one of the same colour on paper.
    turn = 1 + (digest // (len(PALETTE) * len(SHADES))) % (len(HATCHES) - 1)
    hatch = next(
        HATCHES[(slot + t) % len(HATCHES)]
        for t in range(turn, turn + len(HATCHES))
        if hatch_family(HATCHES[(slot + t) % len(HATCHES)]) != hatch_family(HATCHES[slot])
    )
    return CountryStyle(colour, hatch, slot)


def hatch_family(hatch: tuple[float, ...] | str) -> str:
    """What a hatching looks like at a glance: plain, dots, crossed, horizontal, vertical,
    rising or falling diagonal (30°, 45° and 60° are all one rising diagonal to the eye)."""
    if isinstance(hatch, str):
        return hatch
    if not hatch:
        return "plain"
    if len(hatch) > 1:
        return "crossed"
    angle = hatch[0] % 180
    if angle == 0:
        return "horizontal"
    if angle == 90:
        return "vertical"
    return "rising" if angle < 90 else "falling"


def delta_e(one: str, other: str) -> float:
    """The CIELAB distance (ΔE*76) of two "#rrggbb" colours: about 2 is barely seen, 20 is
    plainly another colour."""
    return math.dist(_lab(one), _lab(other))


def _lab(colour: str) -> tuple[float, float, float]:
    def linear(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(v) for v in _rgb(colour))
    # sRGB to XYZ under D65, relative to the white point.
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


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


__all__ = [
    "FIXED",
    "HATCHES",
    "MIN_DELTA_E",
    "PALETTE",
    "CountryStyle",
    "country_colour",
    "country_style",
    "delta_e",
    "hatch_family",
]
