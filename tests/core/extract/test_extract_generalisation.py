"""General rules for the kinds of error issue 13 found on unseen articles from outside Europe.

Each rule is checked on sentences written for these tests, never taken from a labelled article.
"""

from __future__ import annotations

import pytest

from briefing_app.core.extract import extract


def troops(text: str) -> list[tuple]:
    return [
        (f.contributor, f.low, f.host)
        for f in extract(text, year=2020).figures
        if f.kind == "troops"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The state that hosts a force is its host, not its owner.
        (
            "The Comoros is hosting 500 soldiers of the AU force.",
            [("multinational", 500, "Comoros")],
        ),
        (
            "Somalia has been hosting 20,000 African Union troops since 2007.",
            [("multinational", 20000, "Somalia")],
        ),
        # "X, where N troops ...": the place the clause is about.
        (
            "Mali, where 13,000 UN peacekeepers are deployed, asked them to leave.",
            [("multinational", 13000, "Mali")],
        ),
        # The region a mission patrols is its host, resolved to its country.
        (
            "The AU mission patrols Darfur, where it has 7,000 troops.",
            [("multinational", 7000, "Sudan")],
        ),
    ],
)
def test_the_host_is_not_named_as_the_owner(text, expected):
    assert troops(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A nation's contingent of a UN mission is that nation's.
        (
            "The Indian contingent of the UN mission numbers 850.",
            [("India", 850, None)],
        ),
        (
            "The Rwandan battalion in the UN force numbers 800.",
            [("Rwanda", 800, None)],
        ),
        # "its 12,000 troops" are the subject's, not the nation named just before.
        (
            "UNMISS has 850 Indian peacekeepers among its 12,000 troops.",
            [("India", 850, "South Sudan"), ("multinational", 12000, "South Sudan")],
        ),
    ],
)
def test_a_national_contingent_in_a_un_mission_is_the_nation_s(text, expected):
    assert troops(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A list that goes on naming hosts of the same troops.
        (
            "Germany hosts 35,000 US troops, Japan 54,000 and South Korea 28,500.",
            [
                ("United States", 35000, "Germany"),
                ("United States", 54000, "Japan"),
                ("United States", 28500, "South Korea"),
            ],
        ),
        # A list of places, each with its share of the same sender's troops.
        (
            "About 3,000 US troops are in Poland, 1,000 in Lithuania and 500 in Estonia.",
            [
                ("United States", 3000, "Poland"),
                ("United States", 1000, "Lithuania"),
                ("United States", 500, "Estonia"),
            ],
        ),
    ],
)
def test_a_list_of_personnel_by_host_country_is_one_sender_s(text, expected):
    assert troops(text) == expected


def test_a_list_of_senders_is_still_read_as_senders():
    text = "Uganda has 6,223 troops in Somalia, Burundi 5,432 and Kenya 3,664."
    assert [t[0] for t in troops(text)] == ["Uganda", "Burundi", "Kenya"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A force level with no troop noun, in a sentence that follows one about troops.
        (
            "The AU has 22,000 troops in Somalia. Its strength could drop to 13,500 by June.",
            [("multinational", 22000, "Somalia"), ("multinational", 13500, "Somalia")],
        ),
        (
            "The UN has 12,000 peacekeepers in Mali. The figure would fall to 9,000.",
            [("multinational", 12000, "Mali"), ("multinational", 9000, "Mali")],
        ),
    ],
)
def test_force_levels_with_no_troop_noun(text, expected):
    assert troops(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Oil prices could drop to 13,500 yen. Sales fell to 4,000 units.",
        "The company cut its workforce to 13,500, with 900 in Ohio and 400 in Texas.",
        "Exports rose to 2,500 tonnes, 900 to Japan and 1,000 to Korea.",
    ],
)
def test_ordinary_news_gains_no_troop_figures(text):
    assert troops(text) == []
