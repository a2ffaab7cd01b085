"""E-mail (.eml, one message; .mbox, one article per message), with the stdlib `email` package.

The subject is the title (without "Re:", "Fwd:", "FW:" however often repeated), the Date header
the date, the sender's display name the source. The text is the plain-text part, or the HTML
part read by the HTML reader when there is no plain part or the HTML holds more text. HTML is
handed over as a string: remote images, tracking pixels and links are never fetched.

Attachments that are articles (PDF, Word, HTML, text, ...) become articles of their own. Each
remembers its message: `origin` is "<message-id>/<file name>", `extra["parent"]` the message's
Message-ID, `extra["parent_subject"]` its subject and `extra["parent_origin"]` the message
article's own origin ("" for an .eml, whose article has none), so that the library can find
the parent by (path, origin) and link the two.
"""

from __future__ import annotations

import email
import email.policy
import logging
import re
import tempfile
from collections.abc import Iterator
from email.message import EmailMessage
from email.utils import parseaddr
from pathlib import Path

from briefing_app.core.formats import html, markdown, office, pdf, plaintext
from briefing_app.core.formats.decoding import FileProblem, decode_bytes, normalise_newlines
from briefing_app.core.formats.fields import build_article
from briefing_app.core.records import Article, Skipped

log = logging.getLogger(__name__)

# "Re: Fwd: FW: AW: [2]" and the like, as mail programs in several languages write them.
_REPLY_PREFIX = re.compile(
    r"^\s*(?:(?:re|fwd?|fw|aw|wg|tr|sv|vs|rif|enc)(?:\[\d+\])?\s*:\s*)+", re.I
)
_FORWARD_MARK = re.compile(
    r"^[ \t>]*(?:-{2,}\s*(?:forwarded|original) message\s*-{2,}"
    r"|begin forwarded message:)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_FORWARD_HEADER = re.compile(r"^[ \t>]*(?:from|sent|date|to|cc|subject|reply-to)\s*:.*$", re.I)
_MBOX_ESCAPED_FROM = re.compile(rb"^>+From ")
# Readers an attachment may be read with; mail itself is not taken from attachments again
# except as message/rfc822 parts, which are handled as messages.
ATTACHMENT_READERS = {
    **plaintext.READERS,
    **markdown.READERS,
    **html.READERS,
    **pdf.READERS,
    **office.READERS,
}
# The HTML part is preferred when it holds this much more text than the plain part (a plain
# part that only says "view this message in a browser").
_HTML_RICHER = 1.3


def clean_subject(subject: str) -> str:
    """The subject without reply and forward prefixes: "Fwd: RE: Troops" → "Troops"."""
    text = " ".join((subject or "").split())
    while True:
        stripped = _REPLY_PREFIX.sub("", text, count=1)
        if stripped == text:
            return text
        text = stripped


def read_eml(path: Path) -> Iterator[Article | Skipped]:
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    if not message.keys():
        raise FileProblem("not an e-mail message (no headers)")
    yield from message_articles(message, path=str(path))


def read_mbox(path: Path) -> Iterator[Article | Skipped]:
    found = False
    for number, data in enumerate(_mbox_messages(path), start=1):
        found = True
        try:
            message = email.message_from_bytes(data, policy=email.policy.default)
            origin = _message_id(message) or f"message {number}"
            yield from message_articles(message, path=str(path), origin=origin)
        except FileProblem as problem:
            yield Skipped(f"{path}#message {number}", problem.reason)
        except Exception as error:  # noqa: BLE001 - one bad message must not stop the mailbox
            log.warning("message %d of %s failed unexpectedly", number, path, exc_info=True)
            yield Skipped(
                f"{path}#message {number}", f"could not be read: {type(error).__name__}: {error}"
            )
    if not found:
        raise FileProblem("not an mbox mailbox (no 'From ' line)")


def _mbox_messages(path: Path) -> Iterator[bytes]:
    """Each message's bytes, a line at a time so a large mailbox is never read whole."""
    lines: list[bytes] = []
    started = False
    with path.open("rb") as handle:
        for line in handle:
            if line.startswith(b"From "):
                if started:
                    yield b"".join(lines)
                lines, started = [], True
                continue
            if not started:
                if line.strip():
                    return
                continue
            if _MBOX_ESCAPED_FROM.match(line):
                line = line[1:]  # mboxrd: ">From " in a body was written for "From "
            lines.append(line)
    if started:
        yield b"".join(lines)


def _message_id(message: EmailMessage) -> str:
    return " ".join(str(message.get("Message-ID", "") or "").split())


def message_articles(
    message: EmailMessage, *, path: str | None, origin: str | None = None
) -> Iterator[Article | Skipped]:
    """The article a message holds, then one per attachment that is an article."""
    subject = clean_subject(str(message.get("Subject", "") or ""))
    message_id = _message_id(message)
    name, address = parseaddr(str(message.get("From", "") or ""))
    body = _message_text(message)
    yielded = 0
    if body:
        article = build_article(
            body,
            {
                "title": subject,
                "date": str(message.get("Date", "") or ""),
                "source": name or address,
            },
            path=path,
            origin=origin,
        )
        if message_id:
            article.extra["message_id"] = message_id
        if address:
            article.extra["from"] = address
        yield article
        yielded += 1
    parent = message_id or origin or ""
    used_names: set[str] = set()
    attachments = list(_attachments(message))
    for number, part in enumerate(attachments, start=1):
        filename = part.get_filename() or f"attachment {number}"
        if filename in used_names:
            # Two attachments of one name must not share an origin (one would replace the other).
            filename = f"{filename} ({number})"
        used_names.add(filename)
        where = f"{origin or message_id or 'message'}/{filename}"
        try:
            found = list(_read_attachment(part, filename, path=path, origin=where))
        except FileProblem as problem:
            found = [Skipped(f"{path}#{where}", problem.reason)]
        for item in found:
            if isinstance(item, Article):
                item.extra["parent"] = parent
                item.extra["parent_subject"] = subject
                item.extra["parent_origin"] = origin or ""
            yield item
            yielded += 1
    if not yielded:
        raise FileProblem("no article text")


def _message_text(message: EmailMessage) -> str:
    plain, rich = "", ""
    for part in message.walk():
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        if part.get_content_type() == "message/rfc822":
            continue
        kind = part.get_content_type()
        if kind == "text/plain" and not plain:
            plain = _clean_plain(_part_text(part), flowed=part.get_param("format") == "flowed")
        elif kind == "text/html" and not rich:
            rich = html.read_html_article(_part_text(part)).body
    if rich and len(rich) > len(plain) * _HTML_RICHER:
        return rich
    return plain or rich


def _payload_bytes(part: EmailMessage) -> bytes:
    """A leaf part's decoded body; b"" for a container part, whose payload is its parts."""
    payload = part.get_payload(decode=True)
    return payload if isinstance(payload, bytes) else b""


def _part_text(part: EmailMessage) -> str:
    data = _payload_bytes(part)
    charset = part.get_content_charset()
    if charset is None and part.get_content_subtype() == "html":
        charset = html.declared_charset(data)
    if charset:
        try:
            return normalise_newlines(data.decode(charset))
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return decode_bytes(data)
    except FileProblem:
        return ""


def _clean_plain(text: str, *, flowed: bool) -> str:
    """Plain text without the signature and forwarded-message header block; format=flowed
    soft line breaks (a line ending in a space) joined."""
    if flowed:
        text = re.sub(r"(?<=[^ \n]) \n(?!\n)", " ", text)
    text = text.split("\n-- \n", 1)[0]
    mark = _FORWARD_MARK.search(text)
    if mark:
        before, after = text[: mark.start()], text[mark.end() :].lstrip("\n").split("\n")
        while after and _FORWARD_HEADER.match(after[0]):
            after.pop(0)
        text = (before.strip() + "\n\n" + "\n".join(after).strip()).strip()
    return text.strip()


def _attachments(message: EmailMessage) -> Iterator[EmailMessage]:
    for part in message.walk():
        if part is message or part.is_multipart():
            continue
        if part.get_content_disposition() == "attachment" or (
            part.get_filename() and part.get_content_maintype() not in ("text", "multipart")
        ):
            yield part
        elif part.get_content_type() == "message/rfc822":
            yield part


def _read_attachment(
    part: EmailMessage, filename: str, *, path: str | None, origin: str
) -> Iterator[Article | Skipped]:
    if part.get_content_type() == "message/rfc822":
        inner = part.get_payload()
        inner = inner[0] if isinstance(inner, list) and inner else inner
        if isinstance(inner, EmailMessage):
            yield from message_articles(inner, path=path, origin=origin)
        return
    suffix = Path(filename).suffix.lower()
    reader = ATTACHMENT_READERS.get(suffix)
    if reader is None:
        return  # pictures, spreadsheets and the like are not articles: passed over silently
    data = _payload_bytes(part)
    if not data:
        raise FileProblem("empty attachment")
    # Readers take a file; the attachment is written to a private temporary folder.
    with tempfile.TemporaryDirectory(prefix="briefing-mail-") as folder:
        file = Path(folder) / f"attachment{suffix}"
        file.write_bytes(data)
        for item in reader(file):
            if isinstance(item, Article):
                item.path, item.origin = path, origin
                yield item
            else:
                yield Skipped(f"{path}#{origin}", item.reason)


READERS = {".eml": read_eml, ".mbox": read_mbox}
