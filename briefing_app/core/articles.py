"""Reading article files of every supported format into Article records, or Skipped reasons.

The one entry point for importers: `iter_files` finds the files, `read_path` reads one, and
`READERS` maps a suffix to the reader in `briefing_app.core.formats` that handles it. A new
format is a module in `formats/` with its own `READERS` dict, merged in below.

What a reader sets (the library can rely on it):
- `body`: the article text after any header or front matter, outer whitespace stripped,
  line endings "\\n". It keeps the dateline as written ("VILNIUS — The Baltic ...") so that
  extraction sees the text as published.
- `dateline`: the dateline place ("VILNIUS"), or None.
- `title`: the file's title, else the first sentence without dateline or final full stop,
  cut at a word boundary to 90 characters with "…". Never contains the dateline.
- `date`: ISO "YYYY-MM-DD" from the file's metadata only (never the file's time, never
  today), or None. A date that could not be read stays in `extra["date_text"]`.
- `path`: the absolute path with links resolved (`Path.resolve()`); `origin`: a record's
  id, else "line N" (JSON Lines) or "item N" (JSON arrays), None for single-article files.
"""

from __future__ import annotations

import hashlib
import logging
import stat
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from briefing_app.core.dates import parse_date
from briefing_app.core.formats import html, jsonrecords, mail, markdown, office, pdf, plaintext
from briefing_app.core.formats.decoding import FileProblem
from briefing_app.core.formats.plaintext import read_text_article
from briefing_app.core.records import Article, Skipped

log = logging.getLogger(__name__)

__all__ = [
    "MAX_FILE_BYTES",
    "READERS",
    "STREAMED_SUFFIXES",
    "SUPPORTED_SUFFIXES",
    "Article",
    "Reader",
    "Skipped",
    "content_hash",
    "iter_files",
    "parse_date",
    "read_path",
    "read_text_article",
]

Reader = Callable[[Path], Iterator["Article | Skipped"]]

MAX_FILE_BYTES = 50 * 1024 * 1024

READERS: dict[str, Reader] = {
    **plaintext.READERS,
    **markdown.READERS,
    **html.READERS,
    **jsonrecords.READERS,
    **pdf.READERS,
    **office.READERS,
    **mail.READERS,
}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(READERS)
# Readers that stream a record at a time and so need no whole-file size limit: a JSON Lines
# collection of a million articles is normal and costs one line of memory at a time.
STREAMED_SUFFIXES: frozenset[str] = frozenset({".jsonl", ".ndjson", ".jsonl.gz", ".mbox"})


def suffix_of(path: Path) -> str | None:
    """The registered suffix `path` ends with (the longest, so ".jsonl.gz" beats ".gz")."""
    name = path.name.lower()
    matches = [suffix for suffix in READERS if name.endswith(suffix) and len(name) > len(suffix)]
    return max(matches, key=len) if matches else None


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The files to read for `paths`, each once.

    A folder is walked recursively in name order (a sub-folder's files come where its name
    sorts), skipping hidden files and folders and files of unsupported formats, and not
    following links to folders (they can loop). A path named explicitly is always yielded,
    whatever its type or whether it exists, so that `read_path` can say why it was skipped.
    """
    seen: set[str] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found: Iterator[Path] = _walk(path)
        else:
            found = iter((path,))
        for file in found:
            key = str(file.resolve())
            if key not in seen:
                seen.add(key)
                yield file


def _walk(folder: Path) -> Iterator[Path]:
    try:
        entries = sorted(folder.iterdir(), key=lambda entry: entry.name)
    except OSError:
        # read_path gives the reason ("unreadable: permission denied").
        yield folder
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            if not entry.is_symlink():
                yield from _walk(entry)
        elif suffix_of(entry) is not None:
            yield entry


def read_path(path: str | Path, *, max_bytes: int = MAX_FILE_BYTES) -> Iterator[Article | Skipped]:
    """The articles in one file (many for bulk files), or Skipped records saying why not.

    Never raises for bad input: every problem becomes a Skipped with a reason a person can
    read. A bad record inside a bulk file skips only itself ("file.jsonl#line 17").
    `max_bytes` does not apply to the streamed formats in STREAMED_SUFFIXES.
    """
    # Resolved (links followed) so that one file has one identity however it was named.
    path = Path(path).resolve()
    where = str(path)
    try:
        info = path.stat()
    except OSError as error:
        yield Skipped(where, unreadable(error))
        return
    if stat.S_ISDIR(info.st_mode):
        yield Skipped(where, "a folder, not a file")
        return
    suffix = suffix_of(path)
    reader = READERS.get(suffix) if suffix else None
    if reader is None:
        yield Skipped(where, "format not supported")
        return
    if not stat.S_ISREG(info.st_mode):
        yield Skipped(where, "not a regular file")
        return
    if info.st_size == 0:
        yield Skipped(where, "empty file")
        return
    if info.st_size > max_bytes and suffix not in STREAMED_SUFFIXES:
        yield Skipped(where, f"larger than {size_text(max_bytes)}")
        return
    try:
        yield from reader(path)
    except FileProblem as problem:
        yield Skipped(where, problem.reason)
    except OSError as error:
        yield Skipped(where, unreadable(error))
    except Exception as error:  # noqa: BLE001 - one file must never stop a batch
        # An unforeseen failure is a bug to find: the user sees the reason, the log the trace.
        log.warning("reading %s failed unexpectedly", where, exc_info=True)
        yield Skipped(where, f"could not be read: {type(error).__name__}: {error}")


def unreadable(error: OSError) -> str:
    """ "unreadable: permission denied" and the like, from an OSError."""
    if isinstance(error, FileNotFoundError):
        return "unreadable: file not found"
    if isinstance(error, PermissionError):
        return "unreadable: permission denied"
    detail = (error.strerror or str(error) or type(error).__name__).lower()
    return f"unreadable: {detail}"


def size_text(size: int) -> str:
    """50 MB, 1.5 MB, 100 KB or 100 bytes, for reasons."""
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= scale:
            amount = size / scale
            return f"{amount:.0f} {unit}" if amount == int(amount) else f"{amount:.1f} {unit}"
    return f"{size} bytes"


def content_hash(article: Article) -> str:
    """sha256 (hex) of the body with whitespace collapsed and Unicode in NFC, case kept; the
    library treats two articles with the same hash as one."""
    text = " ".join(unicodedata.normalize("NFC", article.body).split())
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
