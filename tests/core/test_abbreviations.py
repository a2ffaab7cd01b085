"""One list of abbreviations: the sentence splitter, the title of an untitled article and the
names of people read "Gen." and "U.S." alike, and a state's abbreviation only in a name."""

from __future__ import annotations

import pytest

from briefing_app.core.abbreviations import (
    ABBREVIATIONS,
    STATE_ABBREVIATIONS,
    is_abbreviation,
    is_name_abbreviation,
)
from briefing_app.core.extract import extract
from briefing_app.core.extract.sentences import split_sentences
from briefing_app.core.formats.leads import first_sentence


@pytest.mark.parametrize("word", sorted(ABBREVIATIONS))
def test_no_abbreviation_ends_a_sentence_or_a_title(word: str) -> None:
    text = f"The minister met {word}. Nowak on Monday. Troops left."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        f"The minister met {word}. Nowak on Monday.",
        "Troops left.",
    ]
    assert first_sentence(text) == f"The minister met {word}. Nowak on Monday."


@pytest.mark.parametrize("word", ["ill", "Ill", "troops", "Poland"])
def test_an_ordinary_word_or_a_state_in_prose_ends_a_sentence(word: str) -> None:
    text = f"He said the men were {word}. Nowak left."
    assert len(split_sentences(text)) == 2
    assert first_sentence(text) == f"He said the men were {word}."


def test_case_counts_in_names_only() -> None:
    assert is_abbreviation("GEN.") and is_abbreviation("u.s") and is_abbreviation("Sept")
    assert is_name_abbreviation("Gen.") and is_name_abbreviation("Ky.")
    assert not is_name_abbreviation("GEN.") and not is_name_abbreviation("Gen")
    assert not is_name_abbreviation("Est.")  # "est." is an abbreviation, not part of a name
    assert not STATE_ABBREVIATIONS & {w for w in ABBREVIATIONS}


def test_a_rank_keeps_its_person_whole() -> None:
    people = {
        e.canonical
        for e in extract("Lt. Gen. Ben Hodges, who commands U.S. Army Europe, spoke.").entities
        if e.label == "PERSON"
    }
    assert "Ben Hodges" in people
