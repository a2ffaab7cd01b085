"""Reading files into articles: finding files, the reasons for skipping, hashing, the registry."""

from __future__ import annotations

import os
import re
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shared_data import shared_path

from briefing_app.core.articles import (
    MAX_FILE_BYTES,
    READERS,
    SUPPORTED_SUFFIXES,
    Article,
    Skipped,
    content_hash,
    iter_files,
    read_path,
    read_text_article,
    size_text,
)

DATA = Path(__file__).resolve().parent.parent / "data" / "import"


def only(results: list[Article | Skipped]) -> Article | Skipped:
    assert len(results) == 1, results
    return results[0]


def read_one(path: Path, **options: int) -> Article | Skipped:
    return only(list(read_path(path, **options)))


def reason_for(path: Path, **options: int) -> str:
    result = read_one(path, **options)
    assert isinstance(result, Skipped), result
    assert result.path == str(path.resolve())
    return result.reason


# --- the registry -----------------------------------------------------------------------


def test_supported_suffixes_are_the_registry_keys() -> None:
    assert SUPPORTED_SUFFIXES == tuple(READERS)
    for suffix in (".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".jsonl.gz"):
        assert suffix in SUPPORTED_SUFFIXES


def test_a_new_format_is_one_registry_entry(tmp_path: Path, monkeypatch) -> None:
    def read_eml(path: Path):
        yield Article(body=path.read_text(), title="mail", path=str(path))

    monkeypatch.setitem(READERS, ".eml", read_eml)
    (tmp_path / "message.eml").write_text("Hello from a mail reader")
    (tmp_path / "ignored.xyz").write_text("nothing")
    files = list(iter_files([tmp_path]))
    assert files == [tmp_path / "message.eml"]
    article = read_one(files[0])
    assert isinstance(article, Article)
    assert article.body == "Hello from a mail reader"


# --- finding files ----------------------------------------------------------------------


def test_iter_files_walks_folders_sorted_skipping_hidden_and_unknown(tmp_path: Path) -> None:
    for name in (
        "b.txt",
        "a.md",
        "c.jsonl.gz",
        "notes.doc",  # unknown: silently ignored inside a folder
        ".hidden.txt",
        ".git/config.txt",
        "sub/z.html",
        "sub/deeper/a.json",
        "sub/.secret/x.txt",
        "a_dir/first.txt",
    ):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    found = [path.relative_to(tmp_path).as_posix() for path in iter_files([tmp_path])]
    assert found == [
        "a.md",
        "a_dir/first.txt",
        "b.txt",
        "c.jsonl.gz",
        "sub/deeper/a.json",
        "sub/z.html",
    ]


def test_iter_files_yields_named_files_of_any_type_once(tmp_path: Path) -> None:
    named = tmp_path / "report.docx"
    named.write_text("x")
    text = tmp_path / "a.txt"
    text.write_text("x")
    missing = tmp_path / "missing.txt"
    assert list(iter_files([named, str(text), text, tmp_path, missing])) == [
        named,
        text,
        missing,
    ]


def test_iter_files_keeps_the_order_paths_were_given(tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "one" / "a.txt").write_text("x")
    (tmp_path / "two" / "a.txt").write_text("x")
    found = list(iter_files([tmp_path / "two", tmp_path / "one"]))
    assert found == [tmp_path / "two" / "a.txt", tmp_path / "one" / "a.txt"]


def test_sample_folder_reads_every_format() -> None:
    results = [result for path in iter_files([DATA]) for result in read_path(path)]
    articles = [result for result in results if isinstance(result, Article)]
    assert {Path(article.path).suffix for article in articles} == {
        ".txt",
        ".md",
        ".html",
        ".json",
        ".jsonl",
    }
    assert all(os.path.isabs(article.path) for article in articles)
    assert all(article.body and article.title for article in articles)


# --- every kind of bad file -------------------------------------------------------------


def test_unknown_type_named_explicitly_is_not_supported(tmp_path: Path) -> None:
    path = tmp_path / "report.doc"
    path.write_bytes(b"PK\x03\x04 zipped")
    assert reason_for(path) == "format not supported"


def test_missing_file(tmp_path: Path) -> None:
    assert reason_for(tmp_path / "gone.txt") == "unreadable: file not found"


def test_folder_given_to_read_path(tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    assert reason_for(folder) == "a folder, not a file"


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \r\n"])
def test_empty_and_blank_files(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert reason_for(path) == "empty file"


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".json", ".jsonl"])
def test_binary_files(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"image{suffix}"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert reason_for(path) == "binary file"


def test_control_characters_without_nul_are_binary(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8, 65, 66]) * 100)
    assert reason_for(path) == "binary file"


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 100)
    assert reason_for(path, max_bytes=100) == "larger than 100 bytes"
    assert MAX_FILE_BYTES == 50 * 1024 * 1024


def test_limits_are_described_in_readable_units() -> None:
    assert size_text(MAX_FILE_BYTES) == "50 MB"
    assert size_text(1536) == "1.5 KB"
    assert size_text(3 * 1024**3) == "3 GB"


def test_streamed_bulk_files_have_no_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    path.write_text('{"title": "t", "body": "Some body text here."}\n' * 20)
    results = list(read_path(path, max_bytes=100))
    assert len(results) == 20
    assert all(isinstance(result, Article) for result in results)


def test_text_that_is_no_known_encoding(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    # 0x81 and 0x8D are neither UTF-8 here nor defined in cp1252.
    path.write_bytes(b"Troops \x81\x8d arrived in the city on Monday.")
    assert reason_for(path) == "not UTF-8, UTF-16 or cp1252 text"


def test_header_without_text(tmp_path: Path) -> None:
    path = tmp_path / "header_only.txt"
    path.write_text("title: Nothing follows\ndate: 2020-01-01\n\n\n")
    assert reason_for(path) == "no article text"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read any file")
def test_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("secret")
    path.chmod(0)
    try:
        assert reason_for(path) == "unreadable: permission denied"
    finally:
        path.chmod(0o600)


def test_os_errors_inside_a_reader_become_reasons(tmp_path: Path, monkeypatch) -> None:
    def locked(path: Path):
        raise PermissionError(13, "Permission denied", str(path))
        yield  # pragma: no cover - makes this a generator like real readers

    monkeypatch.setitem(READERS, ".txt", locked)
    path = tmp_path / "a.txt"
    path.write_text("text")
    assert reason_for(path) == "unreadable: permission denied"


def test_a_crashing_reader_does_not_stop_the_batch(tmp_path: Path, monkeypatch) -> None:
    def broken(path: Path):
        yield Article(body="first", path=str(path))
        raise RuntimeError("parser bug")

    monkeypatch.setitem(READERS, ".txt", broken)
    path = tmp_path / "a.txt"
    path.write_text("text")
    first, second = read_path(path)
    assert isinstance(first, Article)
    assert isinstance(second, Skipped)
    assert second.reason == "could not be read: RuntimeError: parser bug"


# --- encodings --------------------------------------------------------------------------


def test_cp1252_smart_quotes(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    path.write_bytes(
        b"title: Minister\x92s visit\n\n\x93We are ready,\x94 the minister said \x96 twice.\r\n"
    )
    article = read_one(path)
    assert isinstance(article, Article)
    assert article.title == "Minister’s visit"
    assert article.body == "“We are ready,” the minister said – twice."


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes("date: 2014-04-23\r\n\r\nKYIV — Ünïcode text arrives.\r\n".encode("utf-16"))
    article = read_one(path)
    assert isinstance(article, Article)
    assert article.date == "2014-04-23"
    assert article.body == "KYIV — Ünïcode text arrives."
    assert article.dateline == "KYIV"


def test_utf8_bom_does_not_hide_the_header(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbftitle: With a BOM\n\nText after the BOM header.")
    article = read_one(path)
    assert isinstance(article, Article)
    assert article.title == "With a BOM"
    assert "\ufeff" not in article.body


def test_line_endings_become_newlines(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"First line.\r\nSecond line.\rThird line.\r\n\r\nNext paragraph.")
    article = read_one(path)
    assert isinstance(article, Article)
    assert article.body == "First line.\nSecond line.\nThird line.\n\nNext paragraph."


# --- pasted text and hashing ------------------------------------------------------------


def test_read_text_article_parses_like_a_text_file() -> None:
    article = read_text_article("source: Pasted Wire\ndate: 2 May 2019\n\nBERLIN — Pasted text.")
    assert article.path is None
    assert article.source == "Pasted Wire"
    assert article.date == "2019-05-02"
    assert article.dateline == "BERLIN"
    assert article.title == "Pasted text"
    assert read_text_article("x", path="/tmp/a.txt").path == "/tmp/a.txt"


def test_content_hash_ignores_whitespace_and_unicode_form_but_not_case() -> None:
    base = content_hash(Article(body="Café  troops\narrive.", title="One"))
    assert base == content_hash(Article(body=" Cafe\u0301 troops arrive.\r\n", title="Two"))
    assert base != content_hash(Article(body="café troops arrive."))
    assert base != content_hash(Article(body="Café troops arrive!"))
    assert re.fullmatch(r"[0-9a-f]{64}", base)  # a SHA-256 in hex, as the library stores it


# --- the Reuters corpus -----------------------------------------------------------------


@pytest.mark.slow
def test_reuters_corpus_reads_fast_and_whole() -> None:
    corpus = shared_path("corpora", "reuters21578.jsonl.gz")
    start = time.perf_counter()
    results = list(read_path(corpus))
    elapsed = time.perf_counter() - start
    articles = [result for result in results if isinstance(result, Article)]
    assert len(articles) == 19_043
    assert len(results) == 19_043
    assert len({article.origin for article in articles}) == 19_043
    first = articles[0]
    assert first.origin == "reuters-1"
    assert first.title == "Bahia Cocoa Review"
    assert first.date == "1987-02-26"
    assert first.source == "Reuters"
    assert first.body.startswith("Showers continued throughout the week")
    # The brief asks for more than 5,000 articles a second for the reading alone.
    assert len(articles) / elapsed > 5_000, f"{len(articles) / elapsed:.0f} articles/s"


@settings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=400), suffix=st.sampled_from(SUPPORTED_SUFFIXES))
def test_any_bytes_give_results_never_an_exception(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        results = list(read_path(path))
    assert results
    for result in results:
        assert isinstance(result, (Article, Skipped))
        if isinstance(result, Skipped):
            assert result.reason and not result.reason.startswith("could not be read")


def test_a_file_named_through_a_link_has_one_identity(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("Text of the article.")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    assert list(iter_files([real, link])) == [real]
    (article,) = read_path(link)
    assert article.path == str(real.resolve())


@pytest.mark.parametrize("suffix", [".jsonl", ".ndjson"])
def test_a_file_of_only_no_break_spaces_is_reported_empty(tmp_path: Path, suffix: str) -> None:
    # Found by the fuzz test above: a lone b"\xa0" gave no result at all, not even a skip.
    path = tmp_path / f"spaces{suffix}"
    path.write_bytes(b"\xa0\n\xa0")
    results = list(read_path(path))
    assert [type(r) for r in results] == [Skipped]
    assert "empty" in results[0].reason
