"""Hard-wrapped text read as paragraphs: wraps joined, real breaks kept, every offset unmoved."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

from briefing_app.core.articles import read_path
from briefing_app.core.extract import extract
from briefing_app.core.paragraphs import (
    is_table_row,
    paragraph_spans,
    paragraphs,
    reflow,
    wrap_width,
)
from tests.shared_data import shared_path

# Wire copy as filed: wrapped near 65 columns, paragraphs indented, the dateline taken off
# (so the first line stops short mid-sentence), a table, and a short closing line.
WIRE = """\
Showers continued throughout the week in
the Bahia cocoa zone, alleviating the drought since early
January and improving prospects for the coming temporao,
although normal humidity levels have not been restored,
Comissaria Smith said in its weekly review.
    The dry period means the temporao will be late this year.
    Arrivals for the week ended February 22 were 155,221 bags
of 60 kilos making a cumulative total for the season of 5.93
mln against 5.81 at the same stage last year.
         Natl   Loan           Release   Call
 Wheat   2.55   2.40       IV     4.65     --
 Corn    1.35   1.92       IV     3.15   3.15
    Final figures for the period are expected to be published
by the Brazilian Cocoa Trade Commission after carnival.
"""


def test_wrapped_lines_join_into_paragraphs_and_real_breaks_stay() -> None:
    assert paragraphs(WIRE) == [
        "Showers continued throughout the week in the Bahia cocoa zone, alleviating the"
        " drought since early January and improving prospects for the coming temporao,"
        " although normal humidity levels have not been restored, Comissaria Smith said in"
        " its weekly review.",
        "The dry period means the temporao will be late this year.",
        "Arrivals for the week ended February 22 were 155,221 bags of 60 kilos making a"
        " cumulative total for the season of 5.93 mln against 5.81 at the same stage last year.",
        "Natl Loan Release Call",
        "Wheat 2.55 2.40 IV 4.65 --",
        "Corn 1.35 1.92 IV 3.15 3.15",
        "Final figures for the period are expected to be published by the Brazilian Cocoa"
        " Trade Commission after carnival.",
    ]
    # The table keeps its columns, the indent of each paragraph stays as written.
    flowed = reflow(WIRE)
    assert "\n Wheat   2.55   2.40       IV     4.65     --\n" in flowed
    assert "\n    The dry period" in flowed


def test_reflow_changes_only_wrap_newlines_into_spaces() -> None:
    flowed = reflow(WIRE)
    assert len(flowed) == len(WIRE)
    changed = [i for i, (a, b) in enumerate(zip(WIRE, flowed, strict=True)) if a != b]
    assert changed and all(WIRE[i] == "\n" and flowed[i] == " " for i in changed)


def test_offsets_of_extracted_figures_hold_in_the_reflowed_text() -> None:
    text = (
        "The United States has deployed around\n"
        "600 troops in the Baltic states and Poland on a rotational\n"
        "basis, a spokesman for the alliance said in Brussels.\n"
        "    Germany will send 1,000 soldiers to Lithuania next\n"
        "year, the defence ministry said.\n"
    )
    flowed = reflow(text)
    assert flowed != text
    found = extract(text, year=2016)
    assert found.figures and found.entities
    for record in [*found.figures, *found.entities]:
        assert " ".join(flowed[record.start : record.end].split()) == " ".join(
            text[record.start : record.end].split()
        )


def test_blank_line_paragraphs_wrapped_inside_are_joined() -> None:
    text = (
        "BANGKOK, Sept 24 (Reuters) - A senior Thai Defence Ministry official\n"
        "said on Friday Thailand was alarmed by television pictures showing\n"
        "Australian soldiers pointing guns at the heads of militia suspects. \n"
        "\n"
        'Asked if he considered this provocative, he replied: "yes." \n'
        "\n"
        "The renewed criticism from Thailand, which Australia last week named as\n"
        "deputy commander of the force, is a fresh headache for the commander. \n"
    )
    assert [p[:30] for p in paragraphs(text)] == [
        "BANGKOK, Sept 24 (Reuters) - A",
        "Asked if he considered this pr",
        "The renewed criticism from Tha",
    ]


def test_a_short_line_ending_a_sentence_ends_its_paragraph() -> None:
    text = (
        "NATO defence ministers are set to agree this week on a new force\n"
        "of 4,000 troops for the Baltic states and for Poland, officials said.\n"
        "It will be ready next year.\n"
        "The United States, Germany and Britain are set to lead battalions\n"
        "of about 1,000 troops each, and Canada has said it will lead one.\n"
    )
    # A full line ending a sentence may as well be wrapped: only the short one is a break.
    found = paragraphs(text)
    assert len(found) == 2
    assert found[0].endswith("officials said. It will be ready next year.")
    assert found[1].startswith("The United States")


def test_text_that_is_not_hard_wrapped_is_left_alone() -> None:
    one_line_paragraphs = (
        "VILNIUS--Leaders in the Baltic countries and Poland fear the force NATO plans to deploy"
        " on their territory is too small and symbolic to deter an attack by Russia.\n"
        "They will this week press other ministers of the western military alliance to help"
        " them build an air defence system against Russian aircraft and missiles.\n"
        "Asked about the likelihood of Russian aggression, the minister told Reuters: no.\n"
    )
    a_list = (
        "NATO allies and their troop numbers in Estonia:\n"
        "United Kingdom: 800 troops in the Tapa base area\n"
        "France: 300 troops with armoured vehicles and tanks\n"
        "Denmark: 200 troops\n"
    )
    markdown = "## Background\nThe alliance agreed the force in 2016.\n- Estonia\n- Latvia\n"
    for text in (one_line_paragraphs, a_list, markdown, "", "one line", "a\n\nb"):
        assert reflow(text) == text
    assert wrap_width(one_line_paragraphs.split("\n")) is None
    assert len(paragraphs(one_line_paragraphs)) == 3
    assert len(paragraphs(a_list)) == 4


def test_paragraph_spans_point_into_the_text() -> None:
    flowed = reflow(WIRE)
    for start, end in paragraph_spans(WIRE):
        assert flowed[start:end].strip() and "\n" not in flowed[start:end]
        assert not flowed[end - 1].isspace()


def test_seeds_keep_their_paragraphs(seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        (article,) = read_path(path)
        body = article.body
        assert reflow(body) == body  # one paragraph a line already
        assert len(paragraphs(body)) == len([line for line in body.split("\n") if line.strip()])


def test_reuters_articles_read_as_paragraphs_with_figures_in_step() -> None:
    corpus = shared_path("corpora", "reuters21578.jsonl.gz")
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        docs = [json.loads(line) for _, line in zip(range(400), lines, strict=False)]
    total_lines = total_paragraphs = 0
    for doc in docs:
        body = doc["body"].strip()
        flowed = reflow(body)
        assert len(flowed) == len(body)
        assert all(a == b or (a, b) == ("\n", " ") for a, b in zip(body, flowed, strict=True))
        total_lines += len([line for line in body.split("\n") if line.strip()])
        total_paragraphs += len(paragraphs(body))
        # No paragraph ends mid-sentence and a wrapped line is never left on its own.
        for span_start, span_end in paragraph_spans(body):
            assert "\n" not in flowed[span_start:span_end]
    # Wire copy is wrapped at ~65 columns with three to five lines a paragraph.
    assert total_paragraphs < total_lines / 2.5
    first = docs[0]["body"].strip()
    assert paragraphs(first)[0].startswith("Showers continued throughout the week in the Bahia")
    assert paragraphs(first)[0].endswith("Comissaria Smith said in its weekly review.")
    for record in extract(first, year=1987).entities:
        assert reflow(first)[record.start : record.end].replace(" ", "") == first[
            record.start : record.end
        ].replace("\n", "").replace(" ", "")


def test_no_paragraph_of_reuters_copy_is_a_single_wrapped_line() -> None:
    corpus = shared_path("corpora", "reuters21578.jsonl.gz")
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        docs = [json.loads(line) for _, line in zip(range(2000), lines, strict=False)]
    # A paragraph that ends without sentence punctuation and is followed by one starting in
    # lower case is a wrapped line left on its own.
    broken = 0
    for doc in docs:
        found = paragraphs(doc["body"])
        for here, after in zip(found, found[1:], strict=False):
            if after[:1].islower() and not re.search(r"[.!?:;\"')]$", here):
                broken += 1
    assert broken <= 5


def test_table_rows_are_told_from_prose_with_a_double_space() -> None:
    assert is_table_row(" HEATING   16.1  5.7 2.5  2.5  49.7")
    assert is_table_row(" UNLEADED  10.8  4.0 7.0  7.0  64.4")  # two-space columns
    assert is_table_row("Troops\t4,000")
    assert not is_table_row("Trade users  accounted for 72.5 pct of short")  # one stray gap
    assert not is_table_row("entered after January 19, 1984.  X-1986 rates.")  # after a stop
    assert not is_table_row("    The dry period means the temporao will be late this year.")
