"""Sentence splitting bounds the text each figure pattern scans, whatever the file holds."""

from __future__ import annotations

from briefing_app.core.extract import extract
from briefing_app.core.extract.sentences import MAX_SENTENCE, split_sentences


def test_text_without_full_stops_is_cut_into_bounded_sentences():
    text = " ".join(["1,000 troops and some 2,500 soldiers of Estonia"] * 2000)
    spans = split_sentences(text)
    assert spans and all(end - start <= MAX_SENTENCE for start, end in spans)
    # Nothing is lost between the pieces: together they cover every word.
    assert sum(len(text[s:e].split()) for s, e in spans) == len(text.split())


def test_one_enormous_token_is_cut_too():
    spans = split_sentences("x" * 10_000)
    assert [e - s for s, e in spans] == [MAX_SENTENCE] * 6 + [1_000]


def test_figures_are_still_found_in_a_long_run_on_text():
    text = ("In 2016 Germany sent 450 soldiers to Lithuania and " * 200).strip()
    figures = [f for f in extract(text).figures if f.kind == "troops"]
    assert len(figures) >= 150
    assert all(text[f.start : f.end] == f.text for f in figures)


def test_rows_of_a_box_end_at_their_line_but_wrapped_prose_and_indents_keep_their_rules():
    box = "US -132,000\nUK - 7,100\nPoland - 900"
    assert [box[a:b] for a, b in split_sentences(box)] == [
        "US -132,000",
        "UK - 7,100",
        "Poland - 900",
    ]
    wrapped = (
        "Wire copy wraps here after 1,000 soldiers were sent to the border with 300\nMore text."
    )
    assert len(split_sentences(wrapped)) == 1
    indented = "The army said it had sent a further 300 troops to the area in 2019\n   A new one."
    assert [indented[a:b] for a, b in split_sentences(indented)] == [
        "The army said it had sent a further 300 troops to the area in 2019",
        "A new one.",
    ]
