"""Every attribution rule, with a sentence of its own: the rule must be the one that decides.

owner_rules.py and host_rules.py are ordered lists of named rules. Each case here names a rule,
gives a short text written for this test (not taken from any article), the number of the
figure it decides and what it must answer; attribution_trace says which rules decided, so a
case fails when an earlier rule takes the sentence or the rule stops reading it. A rule added
without a case fails test_every_rule_has_a_sentence.
"""

from __future__ import annotations

import pytest

from briefing_app.core.extract import host_rules, owner_rules
from briefing_app.core.extract.troops import attribution_trace

# rule -> (text, the figure's number as written, its owner)
OWNER_CASES: dict[str, tuple[str, str, str | None]] = {
    "list_of_hosts_goes_on": (
        "Germany hosts 35,000 US troops, Japan 54,000 and South Korea 28,500.",
        "54,000",
        "United States",
    ),
    "share_of_figure_before": (
        "Russia sent 4,000 troops to the exercise, with 1,500 of them going to the border area.",
        "1,500",
        "Russia",
    ),
    "each_of_states_before": (
        "Rwanda and Malawi said they would back the mission. "
        "Each country has promised another 500 troops.",
        "500",
        "Rwanda",
    ),
    "respectively": (
        "Ghana leads the force with 900 soldiers, ahead of Togo and Benin, which send 450 and "
        "300 troops respectively.",
        "300",
        "Benin",
    ),
    "share_of_whole_force": (
        "Ghana joined the mission in 2012 and keeps about 800 troops in the 9,000-strong force "
        "under UN command.",
        "9,000",
        "multinational",
    ),
    "several_nations_inside": (
        "Around 230 German and Belgian soldiers are currently in Rukla.",
        "230",
        "multinational",
    ),
    "mission_troops_of_sending_state": (
        "Senegal intends to send 800 more UN peacekeepers to Mali.",
        "800",
        "Senegal",
    ),
    "state_keeping_place_troops": (
        "France to keep 2,500 Mali troops beyond the summer, officials said.",
        "2,500",
        "France",
    ),
    "named_inside": ("Estonia hosts 800 British troops.", "800", "United Kingdom"),
    "whole_force_size": (
        "The total force of 1,800 troops will land on Monday.",
        "1,800",
        "multinational",
    ),
    "possessive_owner": (
        "The withdrawal of Japan's 600-strong force from Iraq began on Sunday.",
        "600",
        "Japan",
    ),
    "pronoun_owner": (
        "UNMISS has 850 Indian peacekeepers among its 12,000 troops.",
        "12,000",
        "multinational",
    ),
    "sender_in_relative_clause": (
        "NATO leaders met in Brussels on Tuesday. Danish officials called it crucial to the "
        "5,000-member force the alliance plans to send this summer.",
        "5,000",
        "NATO",
    ),
    "state_of_ellipsis": (
        "Hungary would send 200 troops, Slovenia 100 and Croatia 50.",
        "100",
        "Slovenia",
    ),
    "many_countries_after": (
        "Some 1,800 personnel are expected for the mission, led by Chad with contributions "
        "from several countries.",
        "1,800",
        "multinational",
    ),
    "breakdown_by_nation": (
        "The drill involves 9,000 troops, including 6,000 Kazakh and 3,000 Uzbek soldiers.",
        "9,000",
        "multinational",
    ),
    "multinational_word_in_figure": (
        "About 800 allied soldiers arrived in Tallinn on Friday.",
        "800",
        "multinational",
    ),
    "unit_of_nation_after": (
        "Some 90 blue berets of a Nepalese company landed at the airport.",
        "90",
        "Nepal",
    ),
    "troops_from_state": ("Of the 9,000 troops, 3,000 are from Rwanda.", "3,000", "Rwanda"),
    "un_peacekeepers": (
        "The first 80 Blue Helmets reached the town on Monday.",
        "80",
        "multinational",
    ),
    "unit_of_body_after": (
        "They are part of a 1,280 man force from Tanzania set to deploy in the coming days.",
        "1,280",
        "Tanzania",
    ),
    "peacekeeping_mission_strength": (
        "India is the second largest troop contributor to the 18,300-strong peacekeeping "
        "mission in South Sudan.",
        "18,300",
        "multinational",
    ),
    "strong_unit_named_after": (
        "The 1,250-strong Dutch contingent will stay in Lithuania.",
        "1,250",
        "Netherlands",
    ),
    "multinational_word_before": (
        "The multinational force will be cut to 500 troops from the 7,000 sent into Gambia.",
        "500",
        "multinational",
    ),
    "parties_to_a_deal": (
        "The United States will deploy more Marines to Guam. American troops have been sent "
        "to Okinawa for decades. Tokyo and Washington agreed to relocate about 8,000 Marines.",
        "8,000",
        "United States",
    ),
    "states_listed_before": (
        "Thailand and the United States held drills involving 8,000 troops.",
        "8,000",
        "multinational",
    ),
    "each_state_listed_before": (
        "Spain, Italy and Portugal will each contribute roughly 300 soldiers to the force.",
        "300",
        "Spain",
    ),
    "nearest_state_before": ("Fiji flew in 120 soldiers.", "120", "Fiji"),
    "troops_take_part_in_mission": (
        "Some 9,000 soldiers are now authorised to take part in MINUSMA.",
        "9,000",
        "multinational",
    ),
    "article_sender_unnamed": (
        "Ireland will send 300 soldiers to Lebanon this year. Irish troops have served there "
        "since 1978. The 300 soldiers will leave Lebanon in May.",
        "300 soldiers will",
        "Ireland",
    ),
    "serves_under_body": (
        "There are currently more than 20,000 soldiers serving in Somalia under AMISOM.",
        "20,000",
        "multinational",
    ),
    "pronoun_subject_before": (
        "Canada leads the battle group in Latvia. It will send 450 more soldiers next spring.",
        "450",
        "Canada",
    ),
    "joint_sentence_before": (
        "Belarus and Russia began a joint exercise on Thursday. The drills will involve "
        "12,700 troops.",
        "12,700",
        "multinational",
    ),
    "figure_before_in_sentence": (
        "South Korea will send troops to Iraq. South Korean soldiers will guard Irbil. "
        "The 2,800-member force includes 295 medics and engineers.",
        "295",
        "South Korea",
    ),
    "owner_of_sentence_before": (
        "UNIFIL now has 9,700 troops after 129 Indonesians arrived. Around 8,000 troops are "
        "deployed in the south.",
        "8,000",
        "multinational",
    ),
    "article_sender": (
        "Chile will deploy troops to the mission. Chilean soldiers reached the capital on "
        "Monday.\n\nThe 64 peacekeepers landed in Bangui and will stay for a year.",
        "64",
        "Chile",
    ),
    "state_named_after": ("Of the 9,000 troops, 3,000 are from Rwanda.", "9,000", "Rwanda"),
    "most_named_so_far": (
        "Sweden will lead the new battalion. Its first 120 troops will arrive in Finland in May.",
        "120",
        "Sweden",
    ),
    "most_named_in_article": (
        "About 300 troops arrived on Monday. Sweden welcomed them.",
        "300",
        "Sweden",
    ),
    "place_not_sender": (
        "Japan sent 600 soldiers to Iraq in 2004. Japan will withdraw its soldiers this year. "
        "Officials confirmed that the withdrawal of the 600-strong force from Iraq had begun.",
        "600-strong",
        "Japan",
    ),
    "generic_size": ("A typical brigade can have about 4,000 troops.", "4,000", None),
}
# rule -> (text, the figure's number as written, its host)
HOST_CASES: dict[str, tuple[str, str, str | None]] = {
    "listed_host": (
        "Germany hosts 35,000 US troops, Japan 54,000 and South Korea 28,500.",
        "54,000",
        "Japan",
    ),
    "place_in_sentence": ("Estonia hosts 800 British troops.", "800", "Estonia"),
    "article_host": (
        "U.S. troops are in Iraq to train local forces. More U.S. soldiers arrived in Iraq "
        "last year. Washington says 2,500 troops will stay.",
        "2,500",
        "Iraq",
    ),
    "host_of_figure_before": (
        "NATO will send 4,000 troops to Poland and the Baltic states. The United States, "
        "Germany and Britain are set to lead battalions of about 1,000 troops each.",
        "1,000",
        "Poland and Baltic states",
    ),
}
# A candidate dropped before any owner rule reads it: no figure at all.
DROP_CASES: dict[str, tuple[str, str]] = {
    "ellipsis_names_nobody": ("Poland sent 300 troops to Lithuania, April 25.", "25"),
}


def _decided(text: str, number: str):
    """(figure, owner rules, host rule) of the first figure whose words start with number's
    digits, found at number's place in text."""
    at = text.index(number)
    trace = [t for t in attribution_trace(text) if t[0].start <= at < t[0].end]
    assert trace, f"no troop figure at {number!r} in {text!r}"
    return trace[0]


@pytest.mark.parametrize("rule", sorted(OWNER_CASES))
def test_owner_rule_decides_its_sentence(rule):
    text, number, owner = OWNER_CASES[rule]
    figure, owner_rules_fired, _ = _decided(text, number)
    assert rule in owner_rules_fired
    assert figure.contributor == owner


@pytest.mark.parametrize("rule", sorted(HOST_CASES))
def test_host_rule_decides_its_sentence(rule):
    text, number, host = HOST_CASES[rule]
    figure, _, host_rule = _decided(text, number)
    assert host_rule == rule
    assert figure.host == host


@pytest.mark.parametrize("rule", sorted(DROP_CASES))
def test_drop_rule_leaves_no_figure(rule):
    text, number = DROP_CASES[rule]
    at = text.index(number)
    assert not [f for f, _, _ in attribution_trace(text) if f.start <= at < f.end]
    # without the rule the number would be a figure: the case exercises it
    keep = owner_rules.ellipsis_names_nobody
    try:
        owner_rules.ellipsis_names_nobody = lambda sc: False
        assert [f for f, _, _ in attribution_trace(text) if f.start <= at < f.end]
    finally:
        owner_rules.ellipsis_names_nobody = keep


def test_every_rule_has_a_sentence():
    owner_lists = owner_rules.SENTENCE_RULES + owner_rules.CLAUSE_RULES + owner_rules.FALLBACK_RULES
    named = {r.__name__ for r in owner_lists} | {"place_not_sender", "generic_size"}
    assert named == set(OWNER_CASES)
    assert {r.__name__ for r in host_rules.HOST_RULES} == set(HOST_CASES)
    assert set(DROP_CASES) == {"ellipsis_names_nobody"}


def test_rules_are_listed_once_and_documented():
    for rules in (
        owner_rules.SENTENCE_RULES,
        owner_rules.CLAUSE_RULES,
        owner_rules.FALLBACK_RULES,
        host_rules.HOST_RULES,
    ):
        assert len({r.__name__ for r in rules}) == len(rules)
        assert all(r.__doc__ and r.__doc__.strip() for r in rules)
