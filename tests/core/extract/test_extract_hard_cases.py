"""Hard cases of troop reporting, each in sentences written for these tests."""

from __future__ import annotations

import pytest

from briefing_app.core.extract import extract


def troops(text: str, year: int | None = None) -> list[tuple]:
    return [
        (f.contributor, f.low, f.high)
        for f in extract(text, year=year).figures
        if f.kind == "troops"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three thousand Polish soldiers will take part in the drills.", ("Poland", 3000, 3000)),
        ("Canada will send two hundred soldiers to Latvia.", ("Canada", 200, 200)),
        ("Spain has pledged one thousand troops to the mission in Lebanon.", ("Spain", 1000, 1000)),
        ("Italy said it would add forty-five hundred troops to the force.", ("Italy", 4500, 4500)),
        ("Romania now hosts twenty-two hundred NATO troops.", ("NATO", 2200, 2200)),
    ],
)
def test_spelled_out_numbers(text, expected):
    assert expected in troops(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Officials said 45-hundred of the 28-thousand-500 American troops in Japan would rotate out.",
            [("United States", 4500, 4500), ("United States", 28500, 28500)],
        ),
        (
            "The ministry put the garrison at 12-thousand Turkish soldiers.",
            [("Turkey", 12000, 12000)],
        ),
        ("Some 3-thousand-200 Indian troops serve with the mission.", [("India", 3200, 3200)]),
    ],
)
def test_broadcast_style(text, expected):
    assert troops(text) == expected


@pytest.mark.parametrize(
    ("text", "value", "who"),
    [
        ("A 1100-strong Spanish battalion arrived in Latvia on Monday.", 1100, "Spain"),
        ("The 1,250-strong Dutch contingent will stay in Lithuania.", 1250, "Netherlands"),
        ("Greece sent a 300-strong unit to the island.", 300, "Greece"),
        ("By spring the Canadian battlegroup was 1,900 strong, officials said.", 1900, "Canada"),
        ("Belgium will deploy a 150-member company of paratroopers to Romania.", 150, "Belgium"),
    ],
)
def test_strong_units(text, value, who):
    assert (who, value, value) in troops(text)


def test_strong_without_troops_is_not_a_figure():
    assert troops("The 4,000-strong workforce will shrink by 1990.") == []
    assert troops("A seven-member panel will review the merger.") == []


def test_several_countries_each():
    text = "France, Italy and Spain are expected to lead battlegroups of roughly 900 troops each."
    assert troops(text) == [("France", 900, 900), ("Italy", 900, 900), ("Spain", 900, 900)]
    text = "The force includes 300 soldiers from Austria and 100 each from Croatia and Hungary."
    assert troops(text) == [("Austria", 300, 300), ("Croatia", 100, 100), ("Hungary", 100, 100)]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "Canada is expanding its mission in Latvia. It will send 450 more soldiers next spring.",
            "Canada",
        ),
        (
            "Sweden has agreed to join the force. Its first 120 troops will arrive in Finland in May.",
            "Sweden",
        ),
        (
            "Germany announced new plans on Tuesday. The brigade, based in Lithuania, will number about 4,800 soldiers.",
            "Germany",
        ),
    ],
)
def test_contributor_from_an_earlier_sentence(text, who):
    assert [t[0] for t in troops(text)] == [who]


@pytest.mark.parametrize(
    ("text", "who", "value"),
    [
        ("Washington said it was sending a force of 600 to Poland.", "United States", 600),
        ("Moscow has massed 90,000 troops near the border, Kyiv says.", "Russia", 90000),
        ("London will keep about 900 soldiers in Estonia.", "United Kingdom", 900),
        ("Paris has said it will pull 2,000 troops out of the region.", "France", 2000),
    ],
)
def test_capital_metonyms(text, who, value):
    assert (who, value, value) in troops(text)


@pytest.mark.parametrize(
    "text",
    [
        "Two Malian soldiers were killed and 15 wounded in the attack, the army said.",
        "The blast killed 12 soldiers near the base.",
        "At least 40 soldiers have been wounded since January.",
        "The clashes left 25 soldiers dead.",
        "The town of 40,000 people lies near the border.",
    ],
)
def test_casualty_and_population_counts_are_not_troop_figures(text):
    assert [t for t in troops(text) if t[1] is not None] == []


def test_casualties_beside_a_deployment():
    text = "Chad has 1,400 troops in the region, and 11 soldiers were killed there last month."
    assert troops(text) == [("Chad", 1400, 1400)]


@pytest.mark.parametrize(
    ("text", "vague"),
    [
        ("Several thousand troops are expected to arrive.", "Several thousand"),
        ("Hundreds of soldiers took part.", "Hundreds of"),
        ("Thousands of troops massed near the border.", "Thousands of"),
        ("Kenya will send a few hundred police officers.", "a few hundred"),
    ],
)
def test_vague_amounts(text, vague):
    figs = [f for f in extract(text).figures if f.kind == "troops"]
    assert [(f.low, f.high, f.vague) for f in figs] == [(None, None, vague)]


@pytest.mark.parametrize(
    ("text", "low", "high", "qualifier"),
    [
        ("Norway is adding 50-60 soldiers to the group.", 50, 60, None),
        ("The battalion will have between 150 and 200 soldiers.", 150, 200, "between"),
        ("Portugal said it would send up to 220 troops.", 220, 220, "up to"),
        ("Ireland keeps just over 330 troops in Lebanon.", 330, 330, "just over"),
        ("Peru said at least 75 soldiers would go.", 75, 75, "at least"),
        ("Brazil has around 250 troops in the mission.", 250, 250, "around"),
        ("Nepal sends more than 5,000 peacekeepers a year.", 5000, 5000, "more than"),
    ],
)
def test_ranges_and_qualifiers(text, low, high, qualifier):
    figs = [f for f in extract(text).figures if f.kind == "troops"]
    assert [(f.low, f.high, f.qualifier) for f in figs] == [(low, high, qualifier)]


def test_year_from_sentence_else_article():
    f = [f for f in extract("In 2019 Britain kept 900 troops in Estonia.", year=2024).figures]
    assert f[0].year == 2019
    f = [f for f in extract("Britain keeps 900 troops in Estonia.", year=2024).figures]
    assert f[0].year == 2024
    f = [f for f in extract("Britain keeps 900 troops in Estonia.").figures]
    assert f[0].year is None
    text = "Russia held a drill in 2014 which mustered 100,000 troops, an officer said."
    fig = [f for f in extract(text, year=2016).figures if f.kind == "troops"][0]
    assert (fig.year, fig.troop_kind) == (2014, "exercise")


def test_host_and_kind():
    fig = extract("Denmark will withdraw 150 soldiers from Mali this year.").figures[0]
    assert fig.troop_kind == "withdrawal"
    fig = extract("Italy will deploy 250 troops to Latvia.").figures[0]
    assert (fig.contributor, fig.host, fig.troop_kind) == ("Italy", "Latvia", "deployment")
    fig = extract("There are 800 British troops stationed in Estonia.").figures[0]
    assert (fig.contributor, fig.host, fig.troop_kind) == ("United Kingdom", "Estonia", "presence")


def test_money_percent_equipment_dates():
    r = extract(
        "The deal is worth US$268 million, or 12 percent of the budget, and covers "
        "four Portuguese F-16 fighter jets delivered on July 11, 2017."
    )
    by_kind = {f.kind: f for f in r.figures}
    money = by_kind["money"]
    assert (money.low, money.high, money.unit) == (268_000_000, 268_000_000, "USD")
    assert by_kind["percent"].low == 12
    eq = by_kind["equipment"]
    assert eq.low == 4 and eq.unit.endswith("F-16 fighter jets")
    assert by_kind["date"].value == "2017-07-11"
    assert extract("The talks resume in May 2018.").figures[0].value is None
    assert all(f.contributor is None for f in r.figures)


def test_year_belongs_to_the_nearest_figure():
    text = (
        "There will be about 300 Marines in Norway until December, "
        "followed by a second rotation of about 900 from January 2021."
    )
    figs = [f for f in extract(text, year=2020).figures if f.kind == "troops"]
    assert [(f.low, f.year) for f in figs] == [(300, 2020), (900, 2021)]


def test_elliptical_second_figure():
    text = "The letter said 650 U.S. service members were in Chad and 250 were in Cameroon."
    assert troops(text) == [("United States", 650, 650), ("United States", 250, 250)]
    text = "Together, they have pledged 300 troops and Ghana at least 700."
    assert ("Ghana", 700, 700) in troops(text)


def test_change_from_one_figure_to_another():
    text = "The government will cut the army from 90,000 to 75,000 soldiers by 2030."
    figs = [f for f in extract(text, year=2024).figures if f.kind == "troops"]
    # The old figure is today's; the target year belongs to the new one.
    assert [(f.low, f.high, f.year) for f in figs] == [(90000, 90000, 2024), (75000, 75000, 2030)]


def test_generic_unit_size_has_no_contributor():
    text = "Poland asked for a brigade. A typical brigade can have about 4,000 troops."
    figs = [f for f in extract(text).figures if f.kind == "troops"]
    assert [(f.low, f.contributor) for f in figs] == [(4000, None)]


def test_withdrawal_from_a_multinational_force_keeps_the_sender():
    text = "Burundi will withdraw 1,000 soldiers from the African Union force in Somalia."
    assert troops(text) == [("Burundi", 1000, 1000)]
    text = "The mission has about 17,000 troops from Uganda, Kenya and Ethiopia."
    assert troops(text) == [("multinational", 17000, 17000)]
