"""JSON articles: arrays, single objects, JSON Lines, compressed JSON Lines, bad records."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from briefing_app.core.articles import Article, Skipped, read_path

DATA = Path(__file__).resolve().parent.parent / "data" / "import"


def test_jsonl_sample_skips_bad_records_and_continues() -> None:
    results = list(read_path(DATA / "records.jsonl"))
    path = str((DATA / "records.jsonl").resolve())
    kinds = [(type(result).__name__, getattr(result, "origin", None)) for result in results]
    assert kinds == [
        ("Article", "rec-1"),
        ("Article", "line 2"),
        ("Skipped", None),
        ("Skipped", None),
        ("Skipped", None),
        ("Article", "rec-6"),
    ]
    first, second, malformed, bodiless, not_object, last = results
    assert first.title == "Ministers meet in Oslo"
    assert first.date == "2020-01-15"
    assert first.source == "Example Wire"
    assert first.url == "https://example.org/1"
    assert first.dateline == "OSLO"
    assert first.path == path
    assert second.body == "The second record uses the text key instead of body."
    assert second.date == "2020-01-16"
    assert malformed == Skipped(f"{path}#line 3", "malformed JSON on line 3")
    assert bodiless == Skipped(f"{path}#line 4", "no article text")
    assert not_object == Skipped(f"{path}#line 5", "not a JSON object on line 5")
    assert last.body == "Reading continues after the bad lines above."


def test_json_array_sample() -> None:
    first, second, third = read_path(DATA / "array.json")
    assert isinstance(first, Article) and first.origin == "7"
    assert first.date == "2015-09-11"
    assert isinstance(second, Article) and second.origin == "item 2"
    assert second.date == "2015-09-12"
    assert second.extra == {"places": "norway, sweden"}
    assert isinstance(third, Skipped)
    assert third.path.endswith("array.json#item 3")
    assert third.reason == "no article text"


def test_json_single_object_without_title(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"body": "ANKARA — Turkey said on Monday it would help."}))
    (article,) = read_path(path)
    assert isinstance(article, Article)
    assert article.title == "Turkey said on Monday it would help"
    assert article.dateline == "ANKARA"
    assert article.date is None


def test_malformed_json_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('[\n{"body": "a"},\n{"body": oops}\n]')
    (result,) = read_path(path)
    assert result == Skipped(str(path), "malformed JSON on line 3")


def test_json_scalar(tmp_path: Path) -> None:
    path = tmp_path / "number.json"
    path.write_text("42")
    (result,) = read_path(path)
    assert isinstance(result, Skipped)
    assert result.reason == "not a JSON object or array of objects"


def _write_gz(path: Path, lines: list[str]) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        stream.write("\n".join(lines) + "\n")


def test_jsonl_gz(tmp_path: Path) -> None:
    path = tmp_path / "bulk.jsonl.gz"
    _write_gz(
        path,
        [json.dumps({"id": f"n-{i}", "title": f"T{i}", "body": f"Body {i}."}) for i in range(5)],
    )
    results = list(read_path(path))
    assert [result.origin for result in results] == [f"n-{i}" for i in range(5)]
    assert all(result.path == str(path) for result in results)


def test_damaged_gzip_keeps_what_came_before(tmp_path: Path) -> None:
    whole = tmp_path / "whole.jsonl.gz"
    _write_gz(whole, [json.dumps({"body": f"Body number {i} " * 20}) for i in range(200)])
    damaged = tmp_path / "damaged.jsonl.gz"
    damaged.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    results = list(read_path(damaged))
    assert isinstance(results[-1], Skipped)
    assert results[-1].reason == "damaged gzip file: the end is missing or corrupt"
    assert all(isinstance(result, Article) for result in results[:-1])
    assert len(results) > 1


def test_not_really_gzip(tmp_path: Path) -> None:
    path = tmp_path / "fake.jsonl.gz"
    path.write_text('{"body": "plain text, not compressed"}\n')
    (result,) = read_path(path)
    assert result == Skipped(str(path), "not a gzip file")


def test_jsonl_with_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "windows.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"body": "One."}\r\n{"body": "Two.\\r\\nLines."}\r\n')
    first, second = read_path(path)
    assert first.body == "One."
    assert second.body == "Two.\nLines."
    assert (first.origin, second.origin) == ("line 1", "line 2")


def test_jsonl_in_utf16(tmp_path: Path) -> None:
    path = tmp_path / "utf16.jsonl"
    path.write_bytes('{"body": "Ünïcode one."}\n{"body": "Two."}\n'.encode("utf-16"))
    first, second = read_path(path)
    assert first.body == "Ünïcode one."
    assert second.body == "Two."


def test_jsonl_in_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.jsonl"
    path.write_bytes(b'{"body": "\x93Quoted\x94 text."}\n')
    (article,) = read_path(path)
    assert article.body == "“Quoted” text."


def test_record_fields_by_other_names(tmp_path: Path) -> None:
    path = tmp_path / "other.jsonl"
    record = {
        "guid": "g-1",
        "headline": "Other names",
        "published": "Wed, 23 Apr 2014 10:00:00 +0000",
        "publisher": "Wire",
        "link": "https://example.org",
        "authors": ["A. One", "B. Two"],
        "content": ["First paragraph.", "Second paragraph."],
    }
    path.write_text(json.dumps(record) + "\n")
    (article,) = read_path(path)
    assert article.origin == "g-1"
    assert article.title == "Other names"
    assert article.date == "2014-04-23"
    assert article.source == "Wire"
    assert article.url == "https://example.org"
    assert article.author == "A. One, B. Two"
    assert article.body == "First paragraph.\n\nSecond paragraph."


def test_numeric_id_zero_is_an_id(tmp_path: Path) -> None:
    path = tmp_path / "zero.jsonl"
    path.write_text('{"id": 0, "body": "Text."}\n')
    (article,) = read_path(path)
    assert article.origin == "0"


def test_damaged_utf16_jsonl_skips_only_the_damaged_record(tmp_path: Path) -> None:
    path = tmp_path / "odd.jsonl"
    path.write_bytes('{"body": "Fine."}\n{"body": "Cut'.encode("utf-16") + b"\x00")
    first, second = read_path(path)
    assert isinstance(first, Article) and first.body == "Fine."
    assert second == Skipped(f"{path}#line 2", "malformed JSON on line 2")
