"""Country colours: derived from the name alone, so every view and run agrees."""

from __future__ import annotations

import subprocess
import sys

from briefing_app.core.country_colours import (
    FIXED,
    HATCHES,
    MIN_DELTA_E,
    PALETTE,
    country_style,
    delta_e,
    hatch_family,
)


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


def test_hashed_colours_stay_clear_of_every_fixed_colour_and_its_hatching_family():
    # India, Norway and Slovenia were #f5a75a with a 30° hatching beside Russia's #f28e2b at 45°.
    names = ["India", "Norway", "Slovenia", "Mali", "Estonia", "multinational"]
    names += [f"Country {n}" for n in range(200)]
    for name in names:
        style = country_style(name)
        assert min(delta_e(style.colour, fixed) for fixed in PALETTE) >= MIN_DELTA_E, name
        assert hatch_family(style.hatch) != hatch_family(HATCHES[style.slot]), name
    assert delta_e("#f5a75a", country_style("Russia").colour) < MIN_DELTA_E  # the old, too near
    assert hatch_family((30,)) == hatch_family((45,)) != hatch_family((-45,))
    # Still one colour per name, and not one colour for a whole palette place.
    assert country_style("India") == country_style("India")
    assert len({country_style(f"Country {n}").colour for n in range(200)}) > 20
