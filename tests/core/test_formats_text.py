"""Plain-text and Markdown articles: header blocks, the seeds' inline date, titles, datelines."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.core.articles import Article, read_path
from briefing_app.core.formats.leads import TITLE_MAX_CHARS, shorten, split_dateline
from briefing_app.core.formats.markdown import read_markdown_article
from briefing_app.core.formats.plaintext import read_text_article, split_header

DATA = Path(__file__).resolve().parent.parent / "data" / "import"


def article_of(path: Path) -> Article:
    (result,) = read_path(path)
    assert isinstance(result, Article), result
    return result


# --- the seeds --------------------------------------------------------------------------


def test_seed_with_inline_date(seeds_dir: Path) -> None:
    article = article_of(seeds_dir / "002_d272d1f2ebf88e73.txt")
    assert article.date == "2017-07-11"
    assert article.body.startswith("German Defense Minister Christine Lambrecht said")
    assert "2017-07-11" not in article.body[:40]
    assert article.title.startswith("German Defense Minister Christine Lambrecht")
    assert len(article.title) <= TITLE_MAX_CHARS
    assert article.path == str((seeds_dir / "002_d272d1f2ebf88e73.txt").resolve())


@pytest.mark.parametrize(
    ("name", "title_start", "body_start"),
    [
        ("000_78e490d38a5d9baf.txt", "The Baltic states will formally ask NATO", "VILNIUS — The"),
        ("001_93b4ffd4163a6660.txt", "Leaders in the Baltic countries", "VILNIUS--Leaders"),
    ],
)
def test_seeds_without_date_keep_dateline_out_of_title(
    seeds_dir: Path, name: str, title_start: str, body_start: str
) -> None:
    article = article_of(seeds_dir / name)
    assert article.date is None  # never the file's time, never today
    assert article.dateline == "VILNIUS"
    assert article.title.startswith(title_start)
    assert "VILNIUS" not in article.title
    assert article.title.endswith("…") and len(article.title) <= TITLE_MAX_CHARS
    # The body keeps the dateline as written, for extraction.
    assert article.body.startswith(body_start)


# --- header blocks ----------------------------------------------------------------------


def test_header_block_sample() -> None:
    article = article_of(DATA / "header.txt")
    assert article.title == "Garrison town prepares for allied rotation"
    assert article.date == "2021-03-12"
    assert article.source == "Northern Ledger"
    assert article.url == "https://example.org/news/garrison-rotation"
    assert article.author == "Test Writer"
    assert article.dateline == "TALLINN"
    assert article.body.startswith("TALLINN — About 800 allied soldiers")
    assert article.body.endswith("would last six months.")
    assert "Title:" not in article.body


def test_inline_date_sample() -> None:
    article = article_of(DATA / "inline_date.txt")
    assert article.date == "2019-03-01"
    assert article.body.startswith("Officials in the port city")
    assert article.title == (
        "Officials in the port city said on Friday that a further 300 sailors would join the…"
    )


def test_no_header_sample_with_agency_dateline() -> None:
    article = article_of(DATA / "no_header.txt")
    assert article.date is None
    assert article.dateline == "RIGA"
    assert article.title.startswith("Latvia's parliament on Thursday approved")
    assert article.body.startswith("RIGA (Reuters) - Latvia's")


def test_header_keys_are_case_insensitive_and_unknown_keys_kept() -> None:
    meta, body = split_header("TITLE: Big\nDate: 2020-02-02\nSection: World\n\nText.")
    assert meta == {"title": "Big", "date": "2020-02-02", "section": "World"}
    assert body.strip() == "Text."
    article = read_text_article("TITLE: Big\nSection: World\n\nText.")
    assert article.title == "Big"
    assert article.extra == {"section": "World"}


def test_text_with_a_colon_is_not_a_header() -> None:
    text = "Update: the ministry said troops would stay.\n\nMore text."
    assert split_header(text) == ({}, text)
    article = read_text_article("WASHINGTON: The Pentagon said on Monday it would act.")
    assert article.title == "WASHINGTON: The Pentagon said on Monday it would act"


def test_header_followed_directly_by_text_keeps_only_known_keys() -> None:
    meta, body = split_header("date: 2020-02-02\nWASHINGTON: The Pentagon said so.")
    assert meta == {"date": "2020-02-02"}
    assert body == "WASHINGTON: The Pentagon said so."


def test_unreadable_date_is_kept_as_written() -> None:
    article = read_text_article("date: spring 2014\n\nSome text.")
    assert article.date is None
    assert article.extra["date_text"] == "spring 2014"


def test_partial_date_gives_none() -> None:
    assert read_text_article("date: April 2014\n\nSome text.").date is None


def test_byline_paragraph_is_not_the_title() -> None:
    article = read_text_article(
        "title: Given\n\nJane Example\n\nFORT HOOD, Texas — Soldiers left on Monday."
    )
    assert article.dateline == "FORT HOOD, Texas"
    untitled = read_text_article("Jane Example\n\nFORT HOOD, Texas — Soldiers left on Monday.")
    assert untitled.title == "Soldiers left on Monday"


# --- datelines and titles ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place", "rest"),
    [
        ("VILNIUS — The Baltic", "VILNIUS", "The Baltic"),
        ("VILNIUS--Leaders in", "VILNIUS", "Leaders in"),
        ("WASHINGTON (Reuters) - The US", "WASHINGTON", "The US"),
        ("PORT-AU-PRINCE (Reuters) – The force", "PORT-AU-PRINCE", "The force"),
        ("FORT CAMPBELL, Ky. — Last week", "FORT CAMPBELL, Ky.", "Last week"),
        ("MOSCOW, October 6. /TASS/. The first", "MOSCOW", "The first"),
        ("KYIV, Ukraine (AP) — Russia", "KYIV, Ukraine", "Russia"),
        ("ST. LOUIS — Troops", "ST. LOUIS", "Troops"),
    ],
)
def test_datelines(text: str, place: str, rest: str) -> None:
    assert split_dateline(text) == (place, rest)


@pytest.mark.parametrize(
    "text",
    [
        "NATO said - not a dateline",
        "The U.S. Army said so.",
        "A - b",
        "US-China talks resumed.",
        "NATO: The alliance met.",
    ],
)
def test_not_datelines(text: str) -> None:
    assert split_dateline(text) == (None, text)


def test_title_is_the_first_sentence_without_abbreviation_breaks() -> None:
    article = read_text_article("The U.S. Army sent Gen. Smith to Poland. He arrived Monday.")
    assert article.title == "The U.S. Army sent Gen. Smith to Poland"


def test_shorten_cuts_at_a_word_boundary() -> None:
    long = "word " * 40
    short = shorten(long)
    assert len(short) <= TITLE_MAX_CHARS
    assert short.endswith("word…")
    assert shorten("Short title") == "Short title"


# --- Markdown ---------------------------------------------------------------------------


def test_markdown_front_matter_sample() -> None:
    article = article_of(DATA / "front_matter.md")
    assert article.title == "Field hospital opens near the border"
    assert article.date == "2022-11-05"
    assert article.source == "Example Wire"
    assert article.extra == {"tags": "medicine, logistics"}
    assert article.dateline == "WARSAW"
    assert article.body.startswith("WARSAW — A field hospital")
    assert "---" not in article.body and "# Field" not in article.body


def test_markdown_heading_sample() -> None:
    article = article_of(DATA / "heading.md")
    assert article.title == "Navy tests new patrol boat"
    assert article.date == "2018-04-02"
    assert (
        article.body
        == "The navy tested a new patrol boat off the coast on Monday, the ministry said."
    )


def test_markdown_without_heading_or_front_matter() -> None:
    article = read_markdown_article("Plain **Markdown** text here. Second sentence.")
    assert article.title == "Plain **Markdown** text here"
    assert article.body == "Plain **Markdown** text here. Second sentence."


def test_markdown_heading_differing_from_front_matter_title_stays_in_body() -> None:
    article = read_markdown_article("---\ntitle: Given\n---\n# Other heading\n\nText.")
    assert article.title == "Given"
    assert article.body.startswith("# Other heading")


def test_markdown_setext_heading() -> None:
    article = read_markdown_article("The heading\n===========\n\nText.")
    assert article.title == "The heading"
    assert article.body == "Text."


def test_devset_headers_match_the_labels() -> None:
    """The shared dev articles (read in place) give the title, date, source and url labelled."""
    import json

    from shared_data import shared_path

    folder = shared_path("devset")
    labels = json.loads((folder / "real.json").read_text(encoding="utf-8"))
    for label in labels:
        article = article_of(folder / label["file"])
        assert article.date == label["date"], label["file"]
        assert article.source == label["source"], label["file"]
        assert article.url == label["url"], label["file"]
        if label.get("title"):
            assert article.title == label["title"], label["file"]
        else:
            assert article.title and len(article.title) <= TITLE_MAX_CHARS
        assert not article.body.lower().startswith(("date:", "source:", "title:", "url:"))


def test_cyrillic_text_in_cp1251_is_detected_not_misread(tmp_path):
    from briefing_app.core import articles

    text = "Министр обороны заявил, что в Литве будут размещены дополнительные войска НАТО."
    path = tmp_path / "ru.txt"
    path.write_bytes(text.encode("cp1251"))
    [article] = list(articles.read_path(path))
    assert article.body.startswith("Министр обороны")


# --- page furniture ------------------------------------------------------------------------


def test_seed_000_loses_the_sites_navigation_at_its_end(seeds_dir: Path) -> None:
    article = article_of(seeds_dir / "000_78e490d38a5d9baf.txt")
    assert "More In Home" not in article.body
    assert article.body.endswith("to test NATO's commitment to collective defense.")


def test_navigation_lines_at_start_and_end_are_dropped() -> None:
    text = (
        "Skip to content\n"
        "Home » World » Europe\n"
        "\n"
        "VILNIUS — NATO will send 1,000 troops to Lithuania, officials said on Monday.\n"
        "\n"
        "Related\n"
        "The battalion will be led by Germany.\n"
        "\n"
        "Share this article\n"
        "Facebook Twitter Email\n"
        "Advertisement\n"
        "More In Home\n"
    )
    article = read_text_article(text)
    assert article.body == (
        "VILNIUS — NATO will send 1,000 troops to Lithuania, officials said on Monday.\n"
        "\n"
        "Related\n"  # inside the story: kept
        "The battalion will be led by Germany."
    )
    assert article.title == "NATO will send 1,000 troops to Lithuania, officials said on Monday"


@pytest.mark.parametrize(
    "last_line",
    [
        "Read more about the deployment in our report.",
        "More in the coming weeks, he said.",
        "The soldiers are coming home",
        "Related: Germany to lead the Lithuanian battalion",
        "More from the minister's interview with Reuters on Monday about the plan",
        "Share prices fell",
    ],
)
def test_a_line_of_the_story_is_never_taken_for_navigation(last_line: str) -> None:
    text = f"NATO will send 1,000 troops to Lithuania, officials said.\n{last_line}\n"
    assert read_text_article(text).body.endswith(last_line)


def test_a_text_that_is_only_navigation_is_empty() -> None:
    assert read_text_article("Advertisement\n\nShare this\n").body == ""
