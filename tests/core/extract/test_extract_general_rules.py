"""General rules added after scoring unseen articles, each in sentences written for these tests."""

from __future__ import annotations

import pytest

from briefing_app.core.extract import extract


def troops(text: str, year: int | None = None) -> list[tuple]:
    return [
        (f.contributor, f.low, f.high)
        for f in extract(text, year=year).figures
        if f.kind == "troops"
    ]


def ents(text: str) -> set[tuple[str, str]]:
    return {(e.label, e.text) for e in extract(text).entities}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Blue helmets are peacekeepers: a UN (multinational) figure unless a nation is named.
        ("The first 80 Blue Helmets reached the town on Monday.", ("multinational", 80, 80)),
        # "of a <nationality> company": the unit names the sender.
        (
            "Some 90 blue berets of a Nepalese company landed at the airport.",
            ("Nepal", 90, 90),
        ),
        # "come mainly from the X contingent": who the soldiers are drawn from.
        (
            "The AU said a further 500 soldiers will come mainly from the Ghanaian contingent.",
            ("Ghana", 500, 500),
        ),
        # "members of the Danish army".
        ("Some 150 members of the Danish army flew to Latvia.", ("Denmark", 150, 150)),
        # "more than 300 other Danes": a modifier between the number and the nationality.
        (
            "The soldiers will join more than 300 other Danes already on the ground.",
            ("Denmark", 300, 300),
        ),
        # "led by Chad with contributions from several countries": a multinational total.
        (
            "Some 1,800 personnel are expected for the mission, led by Chad with contributions from several countries.",
            ("multinational", 1800, 1800),
        ),
        # "U. S." with a space is the United States.
        ("About 600 U. S. Marines arrived in Darwin.", ("United States", 600, 600)),
    ],
)
def test_contributor_rules(text, expected):
    assert expected in troops(text)


def test_place_left_is_a_host_not_the_sender():
    text = "Irish troops have served there for years. The 300 soldiers will leave Lebanon in May."
    figs = [f for f in extract(text).figures if f.kind == "troops"]
    assert [(f.contributor, f.low, f.host) for f in figs] == [("Ireland", 300, "Lebanon")]


def test_host_named_in_the_sentence_is_not_the_sender():
    text = "France leads Romania's battlegroup with about 700 soldiers based in Romania."
    assert troops(text) == [("France", 700, 700)]


def test_total_after_a_list_of_nations_is_multinational():
    text = (
        "The Dutch took over alongside Belgian, Czech and Norwegian forces, totaling almost 1,500."
    )
    assert ("multinational", 1500, 1500) in troops(text)


def test_total_broken_down_by_nation():
    text = "The drill involves 9,000 troops, including 6,000 Kazakh and 3,000 Uzbek soldiers."
    assert troops(text) == [
        ("multinational", 9000, 9000),
        ("Kazakhstan", 6000, 6000),
        ("Uzbekistan", 3000, 3000),
    ]


def test_share_of_them_keeps_the_sender():
    text = "Russia sent 4,000 troops to the exercise, with 1,500 of them going to the border area."
    assert troops(text) == [("Russia", 4000, 4000), ("Russia", 1500, 1500)]


def test_another_n_carries_the_noun_over():
    text = (
        "An advance team of 40 Chilean soldiers landed on Friday, with another 160 due next week."
    )
    assert troops(text) == [("Chile", 40, 40), ("Chile", 160, 160)]


def test_strength_from_to_gives_two_figures():
    text = "The UNMISS strength was raised from 12,000 to 17,000 after the fighting."
    assert troops(text) == [("multinational", 12000, 12000), ("multinational", 17000, 17000)]


def test_there_were_n_after_a_troop_sentence():
    text = "The number of Turkish soldiers at the base is unclear; last year there were 150."
    assert ("Turkey", 150, 150) in troops(text)


def test_small_members_of_a_task_force_are_not_troops():
    assert troops("She was one of four members of a task force on debt relief.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Two bodies joined by "and" stay two organisations.
        (
            "Officers of the Kenya Defence Forces and Kenya Police Service left Nairobi.",
            {("ORG", "Kenya Defence Forces"), ("ORG", "Kenya Police Service")},
        ),
        # A mission named for the country it serves in.
        (
            "The African Union Mission in Sudan said the road was open.",
            {("ORG", "African Union Mission in Sudan")},
        ),
        # A unit with a number after its head word.
        ("Combat Logistics Battalion 7 will follow.", {("ORG", "Combat Logistics Battalion 7")}),
        # An ordinal unit is not a person even when a word in it is a given name.
        (
            "Troops of the 22nd Marine Expeditionary Unit landed.",
            {("ORG", "22nd Marine Expeditionary Unit")},
        ),
        # A date after a name is not part of it.
        ("The plan was backed by Jens Stoltenberg on Monday.", {("PERSON", "Jens Stoltenberg")}),
        # A short surname ending a sentence is not an abbreviation.
        ("The convoy was led by Colonel John Nash.", {("PERSON", "John Nash")}),
        # Arabic names with particles.
        ("Talks with Bashar al-Assad stalled.", {("PERSON", "Bashar al-Assad")}),
        (
            "He met Abdallah bin Nasser bin Khalifa al-Thani in Doha.",
            {("PERSON", "Abdallah bin Nasser bin Khalifa al-Thani")},
        ),
        # A given name opening a three-word name.
        ("Photo: Karl Heinz Brandt/AP", {("PERSON", "Karl Heinz Brandt")}),
        # A surname on its own before "spoke".
        ("Okafor spoke with reporters after the briefing.", {("PERSON", "Okafor")}),
        # An unknown name listed with a known place is a place.
        ("The recruits come from Kigali and Nyagatare.", {("GPE", "Nyagatare")}),
        # "the villages of X and Y".
        (
            "Fighting reached the villages of Kambo and Tullo overnight.",
            {("GPE", "Kambo"), ("GPE", "Tullo")},
        ),
        # "in X, in the north of Y".
        ("The battalion arrived in Lodwar, in the north of Kenya.", {("GPE", "Lodwar")}),
        # Spaced initials.
        ("U. S. officials said on Monday.", {("GPE", "U. S.")}),
    ],
)
def test_entity_rules(text, expected):
    assert expected <= ents(text)


def test_no_acronym_from_inside_a_word():
    assert ("ORG", "FP") not in ents("The eFP battle group is changed every six months.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A kind of troops between the number and the noun.
        (
            "India moved an additional 2,000 paramilitary troops to the valley.",
            [("India", 2000, 2000)],
        ),
        # Peacekeepers of a state named before them are that state's.
        ("Nepal is a big contributor, with 5,000 peacekeepers.", [("Nepal", 5000, 5000)]),
        # "M are from X": a share and its sender.
        (
            "Of the 9,000 troops, 3,000 are from Rwanda.",
            [("Rwanda", 3000, 3000)],
        ),
        # Two states as the subject: a joint figure.
        (
            "Thailand and the United States held drills involving 8,000 troops.",
            [("multinational", 8000, 8000)],
        ),
        # "while X has N": another state, another figure.
        (
            "Spain has 600 troops in Latvia, while Italy has 250.",
            [("Spain", 600, 600), ("Italy", 250, 250)],
        ),
        # A total broken down a few words later.
        (
            "A total of 3,500 personnel will be deployed, including 2,000 from Burundi and 1,500 from Djibouti.",
            [("multinational", 3500, 3500), ("Burundi", 2000, 2000), ("Djibouti", 1500, 1500)],
        ),
    ],
)
def test_more_contributor_rules(text, expected):
    got = troops(text)
    for item in expected:
        assert item in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "N <military body> members".
        ("Some 60 Kenya Defence Forces members flew to Goma.", [("Kenya", 60, 60)]),
        # "members of the Federal Police".
        (
            "The minister said 30 members of the Australian Federal Police would leave at once.",
            [("Australia", 30, 30)],
        ),
        # A national force known by its own name.
        (
            "The first troops left on Monday: about 90 personnel of the 400-member GSDF unit.",
            [("Japan", 90, 90), ("Japan", 400, 400)],
        ),
        # Police counted beside soldiers, and modifiers such as "further" and "engineer".
        (
            "Canberra will send 60 soldiers and a further 40 police to the islands.",
            [("Australia", 60, 60), ("Australia", 40, 40)],
        ),
        (
            "Roughly 300 Japanese military engineer troops remain in the town.",
            [("Japan", 300, 300)],
        ),
        ("Another 25 defence force personnel will fly out on Friday.", [(None, 25, 25)]),
    ],
)
def test_bodies_and_nouns(text, expected):
    got = troops(text)
    for item in expected:
        assert item in got


@pytest.mark.parametrize(
    "text",
    [
        # Casualties listed after "dead including" are not a deployment.
        "The clashes left 80 people dead including three Indian peacekeepers.",
        # Union and club members are not troops.
        "About 2,500 union members walked out at the plant.",
        "The dispute between the two NATO members deepened.",
        # Workers and police at home without any soldiering word.
        "The plant employs 5,000 men and women.",
        "Some 400 police guarded the stadium on Saturday.",
    ],
)
def test_not_troops(text):
    assert troops(text) == []


def test_equipment_code_is_not_an_organisation():
    assert not any(
        e.text == "M1A2" for e in extract("M1A2 Abrams tanks were loaded in Bremerhaven.").entities
    )


def test_helpers_named_after_from_do_not_make_a_figure_multinational():
    text = "The Danes will cut their troop levels by 100 from the current 700, citing support from Norway and Sweden."
    assert ("Denmark", 700, 700) in troops(text)


def test_alliance_as_a_modifier_yields_to_the_state():
    text = "Portugal, bound by NATO rules, currently has a total of 240 soldiers there."
    assert troops(text) == [("Portugal", 240, 240)]


def test_adverb_before_the_nationality():
    assert troops("Around 120 heavily armed Malian troops waited at the bridge.") == [
        ("Mali", 120, 120)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Haveeru newspaper said the ship had left.", ("ORG", "Haveeru")),
        ("Minister Jan Peter Balkenende spoke first.", ("PERSON", "Jan Peter Balkenende")),
    ],
)
def test_more_entity_rules(text, expected):
    assert expected in ents(text)


def test_peacekeepers_without_a_un_body_follow_the_article():
    text = "Russia began deploying its troops on Wednesday. More than 400 peacekeepers have arrived, a Russian general said."
    assert ("Russia", 400, 400) in troops(text)


def test_force_named_for_its_parent_army():
    text = "The 500 peacekeepers, mainly coming from the 54th Group of the PLA Army, left for Juba."
    assert troops(text) == [("China", 500, 500)]


def test_from_about_to_about_gives_two_figures():
    text = "The decision cuts US troops in Spain from roughly 3,000 to about 2,000 next year."
    got = troops(text)
    assert ("United States", 3000, 3000) in got and ("United States", 2000, 2000) in got


def test_possessive_after_a_full_name_is_dropped():
    assert ("PERSON", "Donald Trump") in ents("It matched Donald Trump’s idea of a smaller force.")


def test_opening_word_before_a_list_is_not_a_place():
    assert ("GPE", "Besides") not in ents("Besides, Armenia and Azerbaijan will swap prisoners.")


@pytest.mark.parametrize(
    "text",
    [
        "The peacekeepers' flight left the airport at about 12:41am on Monday.",
        "Published : Sunday, 6 December, 2020 at 12:00 AM, the troops list was updated.",
    ],
)
def test_clock_times_are_not_troop_figures(text):
    assert troops(text) == []


def test_alliance_after_a_possessive_is_a_modifier():
    text = "Norway is extending its NATO commitment and will raise the number of troops there to 300 from 250."
    got = troops(text)
    assert ("Norway", 300, 300) in got and ("Norway", 250, 250) in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A list of senders, each with its number after a comma or a semicolon.
        (
            "Hungary would send 200 troops, Slovenia 100 and Croatia 50.",
            [("Hungary", 200, 200), ("Slovenia", 100, 100), ("Croatia", 50, 50)],
        ),
        (
            "Australia will send 2,000 troops; New Zealand will send 300.",
            [("Australia", 2000, 2000), ("New Zealand", 300, 300)],
        ),
        # Shares of a figure, their noun left out, each opening its own clause.
        (
            "Of the 36,000 US troops in Germany, 6,400 will return home and 5,600 will move "
            "to other NATO countries.",
            [
                ("United States", 36000, 36000),
                ("United States", 6400, 6400),
                ("United States", 5600, 5600),
            ],
        ),
        # The state that leads, not the alliance its battlegroup is named for, contributes.
        (
            "Canada leads a 1,000-strong NATO battlegroup in Latvia, contributing 540 soldiers.",
            [("NATO", 1000, 1000), ("Canada", 540, 540)],
        ),
        # Named formations belong to one state.
        (
            "The 173rd Airborne Brigade sent 600 paratroopers to the Baltic states.",
            [("United States", 600, 600)],
        ),
        (
            "A further 400 troops from the Royal Welsh will join them in March.",
            [("United Kingdom", 400, 400)],
        ),
    ],
)
def test_lists_shares_and_formations(text, expected):
    assert troops(text) == expected


def test_a_date_after_a_comma_is_not_a_state_with_a_figure():
    text = (
        "A brigade of 3,500 US troops moved through Germany on its way to Poland , April 25, 2016"
    )
    assert troops(text) == [("United States", 3500, 3500)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Possession names the owner, even with a place left after the figure.
        (
            "The withdrawal of Japan's 600-strong force from Iraq began on Sunday.",
            [("Japan", 600, 600)],
        ),
        # The subject of an absolute clause is not a host for "with".
        (
            "With Spain planning to withdraw its 1400 soldiers, London is weighing its options.",
            [("Spain", 1400, 1400)],
        ),
        # A state inside an aside is not the subject of the main clause.
        (
            "Poland, which supported the U.S.-led invasion in 2003, has some 900 troops in Iraq.",
            [("Poland", 900, 900)],
        ),
        # A dateline's city beside its country is not a second sender.
        (
            "TEL AVIV, Israel - The cabinet authorized the army to call up 30,000 reserve soldiers.",
            [("Israel", 30000, 30000)],
        ),
        # "reduce its force of 146,000 by 8,000": the change, as well as the force.
        (
            "Washington plans to reduce its force of around 146,000 in Iraq by 8,000 next year.",
            [("United States", 146000, 146000), ("United States", 8000, 8000)],
        ),
        # "from the 7,000 sent into Gambia": the earlier strength, its noun left out.
        (
            "The multinational force will be cut to 500 troops from the 7,000 sent into Gambia.",
            [("multinational", 500, 500), ("multinational", 7000, 7000)],
        ),
        # "a 1,280 man force": the hyphen left out.
        (
            "They are part of a 1,280 man force from Tanzania set to deploy in the coming days.",
            [("Tanzania", 1280, 1280)],
        ),
        # Deaths set off by a dash, and armoured personnel carriers, are not troop figures.
        ("The army suffered a third of its deaths – 1,335 troops – in Anbar province.", []),
        (
            "Russia sent 1,960 military personnel and 90 armoured personnel carriers to Karabakh.",
            [("Russia", 1960, 1960)],
        ),
        # Thousands grouped with a space, a comma and a space, or an apostrophe.
        (
            "The UN will add 5, 500 peacekeeping troops; Mali had 2 583 UN troops; Spain has "
            "1'400 soldiers in Iraq.",
            [("multinational", 5500, 5500), ("multinational", 2583, 2583), ("Spain", 1400, 1400)],
        ),
    ],
)
def test_owners_asides_and_formats(text, expected):
    assert troops(text) == expected


def test_a_place_that_only_receives_troops_yields_to_the_article_sender():
    text = (
        "Japan sent troops to Iraq in 2004 to help rebuild the country. "
        "Japanese troops have been based in Samawa since then. "
        "Officials confirmed that the withdrawal of the 600-strong force from Iraq had begun. "
        "The mission of the Japanese soldiers in Iraq ends in July."
    )
    assert troops(text) == [("Japan", 600, 600)]


def test_a_box_of_contingents_needs_no_heading():
    text = (
        "Georgia will double its force in Iraq, officials said.\n\n"
        "Nato signal\n\n"
        "US -132,000\nUK - 7,100\nPoland - 900\nGeorgia - 800-850\n"
        "Sources: Brookings Institution; media reports"
    )
    assert troops(text) == [
        ("United States", 132000, 132000),
        ("United Kingdom", 7100, 7100),
        ("Poland", 900, 900),
        ("Georgia", 800, 850),
    ]


def test_democratic_republic_of_congo_without_the():
    found = {
        (e.text, e.canonical)
        for e in extract("Troops came from Democratic Republic of Congo.").entities
    }
    assert ("Democratic Republic of Congo", "Democratic Republic of the Congo") in found


def test_a_mission_named_for_the_un_is_the_uns():
    text = (
        "Kenya has sent police to Haiti before. "
        "The United Nations Mission in South Sudan has about 12,000 troops."
    )
    assert troops(text) == [("multinational", 12000, 12000)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Troops being trained are not the trainer's force.
        (
            "At least 150 Turkish soldiers were deployed. The Turkish army said it has trained "
            "more than 2,500 peshmerga fighters and 1,250 Arab troops in northern Iraq.",
            [("Turkey", 150, 150)],
        ),
        # "made up of soldiers from 21 countries", after a comma: a multinational total.
        (
            "Indonesian troops arrived to boost the UN force there to almost 10,000, made up of "
            "soldiers from 21 different countries.",
            [("multinational", 10000, 10000)],
        ),
        # The unit's own name holds the nation.
        (
            "UNIFIL now has 9,700 troops after the arrival of 129 soldiers of the Indonesian "
            "Battalion.",
            [("multinational", 9700, 9700), ("Indonesia", 129, 129)],
        ),
        # An ownerless figure leans on the first figure of the sentence before, its subject.
        (
            "UNIFIL now has 9,700 troops after the arrival of 129 soldiers of the Indonesian "
            "Battalion. Around 8,000 troops are deployed south of the Litani River.",
            [
                ("multinational", 9700, 9700),
                ("Indonesia", 129, 129),
                ("multinational", 8000, 8000),
            ],
        ),
        # Serving under a mission, with no state named but the place: the mission's.
        (
            "Uganda will pull 281 soldiers out. There are currently more than 20,000 soldiers "
            "serving in Somalia under AMISOM.",
            [("Uganda", 281, 281), ("multinational", 20000, 20000)],
        ),
    ],
)
def test_trainees_totals_units_and_missions(text, expected):
    assert troops(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Two nationalities sharing one noun: a mixed force.
        (
            "Around 230 German and Belgian soldiers are currently in Rukla.",
            [("multinational", 230, 230)],
        ),
        # Medics and engineers of a sized force are troops too.
        (
            "South Korea sent troops to Irbil. The 2,800-member force includes 295 medics and "
            "engineers.",
            [("South Korea", 2800, 2800), ("South Korea", 295, 295)],
        ),
        # "to over 100,000 for the first time": a level, with words after it.
        (
            "The buildup has brought US troop numbers in Europe to over 100,000 for the first "
            "time since 2005.",
            [("United States", 100000, 100000)],
        ),
    ],
)
def test_mixed_forces_medics_and_levels(text, expected):
    assert troops(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A sentence may open with "Troops".
        (
            "Troops from Chad, numbering 2,000, arrived in Mali in January.",
            [("Chad", 2000, 2000)],
        ),
        # A capital asked to act speaks for its state.
        (
            "Warsaw wants Washington to station a permanent force of 10,000 troops in Poland.",
            [("United States", 10000, 10000)],
        ),
        # A list of senders with commas between each state and its number.
        (
            "Nigeria has deployed 200 soldiers; Ghana, 150; and Senegal, 100.",
            [("Nigeria", 200, 200), ("Ghana", 150, 150), ("Senegal", 100, 100)],
        ),
        # "will bring 500 home": a share of the force just named.
        (
            "Uruguay, which has 1,100 peacekeepers in Congo, will bring 500 home.",
            [("Uruguay", 1100, 1100), ("Uruguay", 500, 500)],
        ),
    ],
)
def test_openings_capitals_lists_and_returns(text, expected):
    assert troops(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Peacekeepers who join a mission, in an article about one state's battalion.
        (
            "Nepal has sent another battalion to Lebanon. The 850 peacekeepers will join "
            "UNIFIL, the UN force in the south of the country.",
            [("Nepal", 850, 850)],
        ),
        # Deployed "under the United Nations" by the army the article is about.
        (
            "The Army said 243 troops had been deployed to Mali under the United Nations. "
            "The Sri Lanka Army has deployed contingents there since 2017.",
            [("Sri Lanka", 243, 243)],
        ),
        # "The 500 will replace ...": the noun left to the sentence before.
        (
            "Ghana will send a further 500 soldiers to South Sudan. The 500 will replace "
            "troops returning home.",
            [("Ghana", 500, 500), ("Ghana", 500, 500)],
        ),
    ],
)
def test_national_contingents_in_missions(text, expected):
    assert troops(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Another 100 will ...": the noun is the sentence before's.
        (
            "Defence Minister Peter Dutton said 200 Australian Defence Force personnel would be "
            "deployed. Another 100 will be on standby in Darwin.",
            [("Australia", 200, 200), ("Australia", 100, 100)],
        ),
        # "which has 68,000": a second state's figure with its noun left out.
        (
            "Britain currently has around 9,500 troops in Afghanistan, the second-largest "
            "foreign force after the United States, which has 68,000.",
            [("United Kingdom", 9500, 9500), ("United States", 68000, 68000)],
        ),
        # "led by France with 500 and Germany with 300".
        (
            "In all, some 1,200 soldiers from six EU nations will be deployed, led by France "
            "with 500 and Germany with 300.",
            [("multinational", 1200, 1200), ("France", 500, 500), ("Germany", 300, 300)],
        ),
        # "2,000 of them would arrive": a share of the sentence before's figure...
        (
            "Kazakhstan has ordered 5,000 troops to the border. The Kazakh defence ministry "
            "said 2,000 of them would arrive by Friday.",
            [("Kazakhstan", 5000, 5000), ("Kazakhstan", 2000, 2000)],
        ),
        # ... but not "1,700 of them filed asylum applications", people of another kind.
        (
            "About 2,100 troops are at the border. The caravan stands at about 3,500 people "
            "after 1,700 of them filed asylum applications.",
            [(None, 2100, 2100)],
        ),
    ],
)
def test_ellipses_after_a_troop_sentence(text, expected):
    assert troops(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A state that acts opens its own clause; it does not join the host before it.
        ("In Iraq, the United States has about 2,500 troops.", [("United States", 2500, 2500)]),
        # A nation's personnel are its forces, security words or not.
        (
            "Djibouti is home to about 4,000 US personnel at Camp Lemonnier.",
            [("United States", 4000, 4000)],
        ),
    ],
)
def test_hosts_before_the_sender(text, expected):
    assert troops(text) == expected


def test_a_place_after_a_hyphenated_adjective_is_still_a_host():
    text = (
        "Poland had already said it would boost its troop strength in strife-ridden "
        "Afghanistan to 1000 troops."
    )
    assert troops(text) == [("Poland", 1000, 1000)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A troop noun in quotation marks.
        (
            'The 30 US commandos are the first of some 160 Special Forces "trainers" to deploy.',
            [("United States", 30, 30), ("United States", 160, 160)],
        ),
        # "to have at least 4,000 deployed": a level after "have".
        (
            "US governors sent troops to the border, aiming to have at least 4,000 deployed.",
            [("United States", 4000, 4000)],
        ),
        # "down from 400 that had been there".
        (
            "There are about 40 Indian soldiers in Doklam, down from 400 that had been there.",
            [("India", 40, 40), ("India", 400, 400)],
        ),
        # A plural nationality after a sentence about troops.
        (
            "US troops will join a 60,000-member NATO force. A team of about 10 Americans "
            "arrived in Tuzla.",
            [("NATO", 60000, 60000), ("United States", 10, 10)],
        ),
    ],
)
def test_quoted_nouns_levels_and_nationalities(text, expected):
    assert troops(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "M23 forces": a group's name, not a count.
        ("Talks opened with the M23 forces that hold the area near Goma.", []),
        # "South American" is a continent's adjective, not the United States.
        (
            "Uruguay will bring its soldiers home. The peacekeeping troops from the South "
            "American country, numbering between 190 and 200, will return on July 3.",
            [("Uruguay", 190, 200)],
        ),
        # "1,300- member", with a stray space.
        (
            "They come from the 1,300- member Thai contingent in East Timor.",
            [("Thailand", 1300, 1300)],
        ),
        # A sized peacekeeping mission is many states' force.
        (
            "India is the second largest troop contributor to the 18,300-strong peacekeeping "
            "mission in South Sudan.",
            [("multinational", 18300, 18300)],
        ),
    ],
)
def test_names_regions_and_missions(text, expected):
    assert troops(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the force" of an article about a UN mission is the whole mission, even after a
        # sentence about one nation's battalion.
        (
            "The UN mission in Mali lost a Togolese officer. Senegal's battalion is the biggest "
            "in the force, which is close to its authorised strength of 15,000 troops.",
            [("multinational", 15000, 15000)],
        ),
        (
            "Peacekeepers of MINUSMA patrol Gao. Raising the force to 16,500 troops is hard, "
            "Ghana said.",
            [("multinational", 16500, 16500)],
        ),
        # "the total force" is the whole force wherever it is written.
        (
            "Fiji flew in 120 soldiers. The total force of 1,800 troops will land on Monday.",
            [("Fiji", 120, 120), ("multinational", 1800, 1800)],
        ),
    ],
)
def test_the_size_of_the_whole_force_is_multinational(text, expected):
    assert troops(text) == expected


def test_the_force_of_one_country_stays_its_own_without_a_mission():
    # No multinational mission in the article: "the force" may be one country's army.
    text = "Kenya's army is growing fast. Nairobi will raise the force to 30,000 troops."
    assert troops(text) == [("Kenya", 30000, 30000)]


def test_a_nation_named_after_the_force_word_keeps_its_figure():
    text = (
        "The UN mission in Mali lost a Togolese officer. "
        "In the force, the Chadian contingent of 1,400 troops is the largest."
    )
    assert troops(text) == [("Chad", 1400, 1400)]


def test_every_item_of_a_list_of_nationalities_ending_in_a_troop_noun():
    text = (
        "The mission counts 9,000 troops, including 4,100 Turkish, 1,200 Polish, "
        "300 Danes and 95 Estonian service-members."
    )
    assert troops(text) == [
        ("multinational", 9000, 9000),
        ("Turkey", 4100, 4100),
        ("Poland", 1200, 1200),
        ("Denmark", 300, 300),
        ("Estonia", 95, 95),
    ]


def test_numbers_with_capitalised_words_but_no_troop_noun_are_no_list():
    text = "The 9,000 troops met 4,100 Turkish, 1,200 Polish and 300 Danish delegates in Oslo."
    assert [t[1] for t in troops(text)] == [9000]


def test_figures_closed_by_respectively_pair_off_with_the_states_before_them():
    text = (
        "Ghana leads the force with 900 soldiers, ahead of Togo and Benin, which "
        "send 450 and 300 troops respectively."
    )
    assert troops(text) == [("Ghana", 900, 900), ("Togo", 450, 450), ("Benin", 300, 300)]


def test_respectively_with_lists_of_unequal_length_pairs_nothing():
    text = "Togo and Benin send 450 troops, and Niger 210 more, respectively speaking."
    assert ("Benin", 450, 450) not in troops(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chad sent a battalion last year. Some 9,000 soldiers are now authorised to take "
            "part in MINUSMA.",
            ("multinational", 9000, 9000),
        ),
        (
            "Chad sent a battalion last year. Fewer than 8,000 of the 11,000 troops first part "
            "of AMISOM are still in Somalia.",
            ("multinational", 8000, 8000),
        ),
        # A state named before the figure is still its sender.
        (
            "Chad will send 1,000 soldiers to take part in MINUSMA.",
            ("Chad", 1000, 1000),
        ),
    ],
)
def test_troops_a_mission_is_made_of_are_the_mission_s(text, expected):
    assert troops(text)[0] == expected


def test_a_state_opening_a_with_clause_of_sending_is_the_sender_not_a_host():
    text = "Kenya will send 900 soldiers to Somalia, with Djibouti providing 400 troops."
    figures = [
        (f.contributor, f.low, f.host)
        for f in extract(text, year=2020).figures
        if f.kind == "troops"
    ]
    assert figures == [("Kenya", 900, "Somalia"), ("Djibouti", 400, "Somalia")]


def test_a_nation_s_army_before_a_unit_word_names_the_unit_s_nation():
    text = (
        "Forty Malawian soldiers landed in Beira. The Malawian troops will serve with a "
        "Zambian army battalion of about 800 men based in the port."
    )
    assert troops(text)[-1] == ("Zambia", 800, 800)


def test_a_count_of_votes_is_no_troop_figure():
    text = (
        "The Council voted on the UN force. By a vote of 12 in favour to 3 against, it raised "
        "the ceiling to 9,000 troops."
    )
    assert [t[1] for t in troops(text)] == [9000]


def test_a_share_of_a_figure_needs_no_article_before_the_whole():
    text = "Britain will move about 600 of 2,500 soldiers based in Cyprus to Jordan."
    assert troops(text) == [("United Kingdom", 600, 600), ("United Kingdom", 2500, 2500)]


def test_each_country_of_the_sentence_before_gets_the_figure():
    text = (
        "Rwanda and Malawi said they would reinforce the mission. "
        "Each country has promised another 500 troops."
    )
    assert troops(text) == [("Rwanda", 500, 500), ("Malawi", 500, 500)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A state sending UN peacekeepers sends its own contingent.
        ("Senegal intends to send 800 more UN peacekeepers to Mali.", ("Senegal", 800, 800)),
        # Without a sending state, UN peacekeepers stay the UN's.
        ("About 800 more UN peacekeepers will reach Mali in May.", ("multinational", 800, 800)),
        # A body named between the state and the figure is the one that sends.
        (
            "Senegal urged the UN to deploy 8,000 UN peacekeepers to Mali.",
            ("multinational", 8000, 8000),
        ),
    ],
)
def test_un_peacekeepers_sent_by_a_state_are_its_contingent(text, expected):
    assert troops(text) == [expected]


def test_a_share_out_of_troops_just_named_comes_from_the_state_named_after_it():
    text = (
        "Britain will lead a drill of 9,000 troops in Estonia. Out of these troops, 4,000 will "
        "come from Poland, while the rest are British troops."
    )
    assert ("Poland", 4000, 4000) in troops(text)


def test_a_unit_acronym_in_brackets_stays_inside_the_figure():
    text = "Brazil is sending 2,000 Federal Police (PF) officers and soldiers to the border."
    assert troops(text) == [("Brazil", 2000, 2000)]


def test_the_parts_of_a_figure_after_a_dash_are_its_owner_s():
    text = (
        "Officials said 5,000 French troops were in the Sahel — 2,100 in Mali, 1,400 based "
        "in Niger and 900 training local forces."
    )
    assert troops(text) == [
        ("France", 5000, 5000),
        ("France", 2100, 2100),
        ("France", 1400, 1400),
        ("France", 900, 900),
    ]


def test_numbers_after_a_figure_with_no_dash_are_no_parts():
    text = "Officials said 5,000 French troops were in the Sahel, and 40 in prison were freed."
    assert [t[1] for t in troops(text)] == [5000]


def test_a_number_after_a_currency_sign_is_money_not_troops():
    text = "The ministry paid $4,000 soldiers' bonuses to 300 Irish soldiers."
    assert troops(text) == [("Ireland", 300, 300)]
