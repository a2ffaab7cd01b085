"""Turning a file's bytes into text, or into a reason a person can read for why not."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator

# The first part of a file is enough to tell text from binary; reading all of a large file
# just to reject it would be slow.
_SNIFF_BYTES = 8192
# Control bytes that plain text never holds (tab, newline, form feed, carriage return and
# escape are allowed). A few stray ones can happen in old files; many mean binary data.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27)) + b"\x7f"
_CONTROL_RATIO = 0.05

_BOMS = (
    # UTF-32 first: its little-endian BOM begins with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

NOT_TEXT = "not UTF-8, UTF-16 or cp1252 text"

_NEWLINES = re.compile(r"\r\n?")


class FileProblem(Exception):
    """A file (or a record in one) cannot be imported; `reason` is shown to the user as is."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark at the start of `data` announces, or None."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def looks_binary(data: bytes) -> bool:
    """True when the start of `data` (without a BOM) holds NUL bytes or many control bytes."""
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head:
        return True
    if not head:
        return False
    controls = len(head) - len(head.translate(None, _CONTROL))
    return controls / len(head) > _CONTROL_RATIO


def normalise_newlines(text: str) -> str:
    """Windows and old Mac line endings become "\\n"; a stray BOM at the start goes."""
    return _NEWLINES.sub("\n", text).lstrip("\ufeff")


def decode_bytes(data: bytes, *, declared: str | None = None) -> str:
    """Decode a whole text file: BOM first, then UTF-8, then `declared` (e.g. an HTML meta
    charset), then a detected non-Western encoding (charset-normalizer), then cp1252. Raises FileProblem for empty, binary or undecodable data.

    cp1252 is the last resort because it is what old Windows and web pages use most, and
    because it decodes almost any byte, so it must come after the stricter tries.
    """
    if not data.strip():
        raise FileProblem("empty file")
    encoding = bom_encoding(data)
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            raise FileProblem(NOT_TEXT) from None
        text = normalise_newlines(text)
        if not text.strip():
            raise FileProblem("empty file")
        if "\x00" in text:
            raise FileProblem("binary file")
        return text
    if looks_binary(data):
        raise FileProblem("binary file")
    for candidate in _candidates(declared, data):
        try:
            return normalise_newlines(data.decode(candidate))
        except (UnicodeDecodeError, LookupError):
            continue
    raise FileProblem(NOT_TEXT)


# Encodings a detector may name for Western text: its guesses among these on short texts are
# unreliable, and cp1252 (tried last anyway) reads them all as well or better.
_WESTERN = frozenset(
    {"ascii", "cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "mac_roman"}
)


def _candidates(declared: str | None, data: bytes) -> Iterator[str]:
    yield "utf-8"
    if declared:
        yield declared
    # Only reached when UTF-8 and the declared charset failed: detect Cyrillic, Greek, East
    # Asian and other non-Western encodings rather than misreading them as cp1252.
    from charset_normalizer import from_bytes

    sample = data[:65536]
    # A few stray bytes in English text are damage, not a language: detection is only trusted
    # when a real share of the text is non-ASCII.
    high = sum(1 for byte in sample if byte > 0x7F)
    if high >= 8 and high * 20 >= len(sample):
        best = from_bytes(sample).best()
        if best is not None and best.encoding not in _WESTERN:
            yield best.encoding
    yield "cp1252"


def decode_line(line: bytes) -> str:
    """Decode one line of a JSON Lines file: UTF-8 as the format requires, cp1252 if not."""
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return line.decode("cp1252", errors="replace")
