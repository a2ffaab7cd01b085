"""Country colours: derived from the name alone, so every view and run agrees."""

from __future__ import annotations

import subprocess
import sys

from briefing_app.core.country_colours import FIXED, HATCHES, PALETTE, country_style


def test_a_country_has_one_style_whatever_else_is_drawn():
    assert country_style("Germany") == country_style("Germany")
    assert country_style("Germany").colour == PALETTE[FIXED["Germany"]]
    # A hashed name is stable across processes (Python's own hash is salted per run).
    code = (
        "from briefing_app.core.country_colours import country_style; print(country_style('Mali'))"
    )
    runs = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout
        for _ in range(2)
    }
    assert len(runs) == 1 and str(country_style("Mali")) in runs.pop()


def test_the_ten_fixed_countries_differ_in_colour_and_in_hatching():
    styles = [country_style(name) for name in FIXED]
    assert len({s.colour for s in styles}) == 10
    assert len({s.hatch for s in styles}) == 10  # told apart on black-and-white paper too
    assert len(set(HATCHES)) == len(HATCHES) == len(PALETTE)


def test_sixty_countries_never_share_colour_and_hatching_with_a_fixed_one():
    fixed = {(s.colour, s.hatch) for s in map(country_style, FIXED)}
    others = [f"Country {n}" for n in range(60)] + ["Mali", "Estonia", "Lithuania", "Latvia"]
    assert all(
        (country_style(n).colour, country_style(n).hatch) not in fixed
        for n in others
        if n not in FIXED
    )
