"""Hosts are places on a map: a country or a named region, with the place as written beside it."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.extract import extract
from briefing_app.core.extract.gazetteer import GAZETTEER_DIR, load


def hosts(text: str) -> list[tuple]:
    return [
        (f.contributor, f.low, f.host, f.host_place)
        for f in extract(text, year=2020).figures
        if f.kind == "troops"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A town resolves to its country from GeoNames; the town stays as the place written.
        (
            "About 1,000 US troops are stationed in Swidwin, Poland.",
            ("United States", 1000, "Poland", "Swidwin"),
        ),
        (
            "The 3,500 American soldiers will be based in Zagan.",
            ("United States", 3500, "Poland", "Zagan"),
        ),
        (
            "Australia sent 200 soldiers to Honiara on Friday.",
            ("Australia", 200, "Solomon Islands", "Honiara"),
        ),
        # A US state is its country's; an ISO province is its country's.
        (
            "Some 400 Canadian troops trained in Ohio last month.",
            ("Canada", 400, "United States", "Ohio"),
        ),
        (
            "Britain has 650 soldiers in Helmand.",
            ("United Kingdom", 650, "Afghanistan", "Helmand"),
        ),
        # A country named as such carries no separate place.
        (
            "Germany will send 500 soldiers to Lithuania.",
            ("Germany", 500, "Lithuania", None),
        ),
        # A region spanning countries, and a contested area, are hosts of their own.
        (
            "NATO will send 4,000 troops to the Baltic states.",
            ("NATO", 4000, "Baltic states", None),
        ),
        (
            "Russia keeps about 2,000 peacekeepers in Nagorno-Karabakh.",
            ("Russia", 2000, "Nagorno-Karabakh", None),
        ),
        # A list of countries, canonical and joined.
        (
            "NATO has 4,000 troops in Latvia, Lithuania and Estonia.",
            ("NATO", 4000, "Latvia, Lithuania and Estonia", None),
        ),
    ],
)
def test_places_resolve_to_their_country_or_region(text, expected):
    assert hosts(text) == [expected]


def test_a_city_shared_by_countries_takes_the_one_the_article_names():
    texas = "The United States held drills. Some 300 Guard troops camped in Odessa."
    black_sea = "Britain held drills. Some 300 Royal Marines camped in Odessa."
    assert hosts(texas)[0][2:] == ("United States", "Odessa")
    assert hosts(black_sea)[0][2:] == ("Ukraine", "Odessa")  # the largest Odessa


@pytest.mark.parametrize(
    ("text", "host"),
    [
        # Where someone spoke is not where the troops are.
        (
            "Poland will raise its contingent in Afghanistan to 1,000 troops, the minister said"
            " in Washington.",
            "Afghanistan",
        ),
        (
            "Japan keeps 600 soldiers in Iraq, the premier told reporters in Ohio.",
            "Iraq",
        ),
        # The far side of a border is not the host.
        (
            "Some 130 British soldiers are arriving in Estonia, near its eastern border with"
            " Russia.",
            "Estonia",
        ),
        # Troops leaving are in the place they leave, unless the sentence names where they go.
        ("The U.S. will pull 1,200 troops from Iraq in September.", "Iraq"),
        ("Some 1,000 soldiers will move from Germany to Poland.", "Poland"),
        # A country's name used as a modifier of a camp names no host.
        ("About 1,280 Korean troops are based at U.S. Camp Virginia in Kuwait.", "Kuwait"),
        # Where troops come from is not their host when they are redeployed.
        ("Some 300 troops were redeployed from the UN mission in South Sudan.", None),
    ],
)
def test_places_that_are_not_where_troops_are(text, host):
    assert [h[2] for h in hosts(text)] == [host]


def test_a_sender_in_a_list_of_contingents_is_not_a_host():
    text = "Uganda has 6,223 troops in Somalia, Burundi 5,432 and Kenya 3,664."
    assert [(h[0], h[2]) for h in hosts(text)] == [
        ("Uganda", "Somalia"),
        ("Burundi", "Somalia"),
        ("Kenya", "Somalia"),
    ]


def test_a_sentence_naming_no_place_takes_the_article_s_main_host():
    text = (
        "Ukraine's allies met in Ramstein. Troops in Afghanistan face a hard winter. "
        "More troops will go to Afghanistan soon. "
        "The U.S. has 8,600 troops in the country."
    )
    assert [(h[1], h[2]) for h in hosts(text)] == [(8600, "Afghanistan")]


def test_a_sentence_naming_a_mission_and_no_place_is_hosted_in_the_mission_area():
    # The mission's area comes from resources/gazetteer/orgs.tsv; no place is named at all.
    text = "Ghana will add 350 soldiers to UNIFIL next spring."
    assert [(h[0], h[1], h[2]) for h in hosts(text)] == [("Ghana", 350, "Lebanon")]
    assert load().names["MONUSCO"].area == "Democratic Republic of the Congo"
    assert load().names["NATO"].area is None  # an alliance serves in no one place


def test_a_place_named_once_is_the_article_s_host_but_not_the_sender_s_home():
    # Peru is the sender and is named as where troops return; Lebanon, named once, is the
    # only other place, so it hosts the figure of a sentence that names none.
    text = (
        "Peru deployed its soldiers in Lebanon in 2008 and will bring them back to Peru. "
        "At its height, Peru had 400 troops taking part."
    )
    assert [(h[0], h[1], h[2]) for h in hosts(text)] == [("Peru", 400, "Lebanon")]


def test_a_place_named_once_among_others_is_no_article_host():
    text = (
        "Talks in Geneva and a summit in Nairobi came to nothing. "
        "At its height, Peru had 400 troops taking part."
    )
    assert [(h[1], h[2]) for h in hosts(text)] == [(400, None)]


def test_gazetteer_of_world_places_is_generated_from_geonames():
    table = GAZETTEER_DIR / "world_places.tsv"
    header = table.read_text(encoding="utf-8").splitlines()[0]
    assert "tools/build_places.py" in header and "GeoNames" in header and "CC BY 4.0" in header
    gaz = load()
    assert gaz.world_places["Darwin"][0] == "Australia"
    assert gaz.world_places["Ohio"] == ("United States",)
    assert Path(GAZETTEER_DIR / "README.md").read_text(encoding="utf-8").count("world_places") >= 1


def test_briefing_extract_json_gives_the_country_and_the_place_as_written(tmp_path):
    import json
    import subprocess
    import sys

    repo = Path(__file__).resolve().parents[3]
    article = tmp_path / "swidwin.txt"
    article.write_text(
        "title: Swidwin\ndate: 2017-05-02\n\nAbout 1,000 US troops are stationed in Swidwin.\n",
        encoding="utf-8",
    )
    run = [sys.executable, str(repo / "main.py"), "extract", str(article)]
    done = subprocess.run([*run, "--json"], capture_output=True, text=True, cwd=repo, timeout=120)
    [doc] = json.loads(done.stdout)
    [fig] = [f for f in doc["figures"] if f["kind"] == "troops"]
    assert (fig["contributor"], fig["host"], fig["host_place"]) == (
        "United States",
        "Poland",
        "Swidwin",
    )
    text = subprocess.run(run, capture_output=True, text=True, cwd=repo, timeout=120).stdout
    assert "United States → Poland (Swidwin): About 1,000" in text


def test_troops_leaving_one_place_for_another_are_hosted_where_they_go():
    # The place left is the host only when the sentence names no destination after it.
    text = "Spain will withdraw 600 soldiers from Lebanon to Cyprus in June."
    assert [(h[0], h[1], h[2]) for h in hosts(text)] == [("Spain", 600, "Cyprus")]
    text = "Spain will withdraw 600 soldiers from Lebanon in June."
    assert [(h[0], h[1], h[2]) for h in hosts(text)] == [("Spain", 600, "Lebanon")]
