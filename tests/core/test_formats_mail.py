"""E-mail articles: .eml and .mbox, HTML parts, forwarded subjects, attachments, nothing fetched."""

from __future__ import annotations

import socket
from email.message import EmailMessage
from pathlib import Path

import pytest

from briefing_app.core.formats import mail
from briefing_app.core.formats.decoding import FileProblem
from briefing_app.core.records import Article, Skipped

HTML = """<html><head><title>Newsletter</title></head><body>
<p>BRUSSELS — Defence ministers agreed on Thursday to station a further 1,200 troops in Romania,
officials said after a meeting that ran late into the night.</p>
<p>The deployment will begin in the spring and is expected to last at least two years, according
to a statement released by the alliance.</p>
<img src="http://tracker.example/p.gif" width="1" height="1">
<p><a href="http://tracker.example/click">Read more</a></p>
</body></html>"""


def html_message() -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = "Fwd: RE: FW: Ministers agree Romania deployment"
    message["From"] = "Defence Desk <desk@example.org>"
    message["To"] = "reader@example.org"
    message["Date"] = "Thu, 16 Feb 2023 22:15:00 +0100"
    message["Message-ID"] = "<abc123@example.org>"
    message.set_content("View this message in a browser.")
    message.add_alternative(HTML, subtype="html")
    return message


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("the network was used")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_eml_html_part_title_date_source(tmp_path: Path, no_network: None) -> None:
    path = tmp_path / "fwd.eml"
    path.write_bytes(bytes(html_message()))
    [article] = mail.read_eml(path)
    assert article.title == "Ministers agree Romania deployment"
    assert article.date == "2023-02-16"
    assert article.source == "Defence Desk"
    assert article.body.startswith("BRUSSELS — Defence ministers agreed on Thursday")
    assert "two years" in article.body
    assert "View this message" not in article.body and "tracker" not in article.body
    assert article.extra["message_id"] == "<abc123@example.org>"


def test_plain_part_forward_header_and_signature_dropped(tmp_path: Path) -> None:
    message = EmailMessage()
    message["Subject"] = "Fwd: Fwd: Patrol ships for the Baltic"
    message["From"] = "colleague@example.org"
    message["Date"] = "Mon, 6 Mar 2023 08:00:00 +0000"
    message.set_content(
        "Worth a read.\n\n---------- Forwarded message ---------\nFrom: News <n@example.org>\n"
        "Date: Sun, 5 Mar 2023\nSubject: Patrol ships for the Baltic\nTo: me\n\n"
        "HELSINKI — Finland will buy four patrol ships for the Baltic Sea.\n\n-- \nSent from my phone\n"
    )
    path = tmp_path / "plain.eml"
    path.write_bytes(bytes(message))
    [article] = mail.read_eml(path)
    assert article.title == "Patrol ships for the Baltic"
    assert article.source == "colleague@example.org"
    assert article.body == (
        "Worth a read.\n\nHELSINKI — Finland will buy four patrol ships for the Baltic Sea."
    )


def write_mbox(path: Path) -> Path:
    first = html_message()
    second = EmailMessage()
    second["Subject"] = "Re: Tanks for Poland"
    second["From"] = '"Warsaw Bureau" <waw@example.org>'
    second["Date"] = "Tue, 7 Mar 2023 10:00:00 +0000"
    second["Message-ID"] = "<tanks@example.org>"
    second.set_content(
        "WARSAW — Poland received the first tanks on Tuesday.\nFrom the depot they go east.\n"
    )
    second.add_attachment(
        b"KYIV - The briefing paper says 300 instructors will arrive by May.\n",
        maintype="text",
        subtype="plain",
        filename="instructors.txt",
    )
    second.add_attachment(
        b"\x89PNG\r\n\x1a\n fake", maintype="image", subtype="png", filename="map.png"
    )
    third = EmailMessage()
    third["Subject"] = "Drones ordered"
    third["From"] = "Desk <desk@example.org>"
    third["Date"] = "Wed, 8 Mar 2023 10:00:00 +0000"
    third.set_content("OSLO — Norway ordered drones for its navy on Wednesday.\n")
    chunks = []
    for message in (first, second, third):
        data = bytes(message).replace(b"\nFrom the depot", b"\n>From the depot")
        chunks.append(b"From sender@example.org Mon Mar  6 10:00:00 2023\n" + data + b"\n")
    path.write_bytes(b"".join(chunks))
    return path


def test_mbox_one_article_per_message_and_attachment(tmp_path: Path, no_network: None) -> None:
    items = list(mail.read_mbox(write_mbox(tmp_path / "inbox.mbox")))
    assert not [i for i in items if isinstance(i, Skipped)]
    titles = [a.title for a in items if isinstance(a, Article)]
    assert titles == [
        "Ministers agree Romania deployment",
        "Tanks for Poland",
        "The briefing paper says 300 instructors will arrive by May",
        "Drones ordered",
    ]
    tanks, attachment, drones = items[1], items[2], items[3]
    assert "\nFrom the depot they go east." in tanks.body  # mbox escaping undone
    assert tanks.origin == "<tanks@example.org>"
    assert attachment.origin == "<tanks@example.org>/instructors.txt"
    assert attachment.extra["parent"] == "<tanks@example.org>"
    assert attachment.extra["parent_subject"] == "Tanks for Poland"
    assert attachment.extra["parent_origin"] == tanks.origin
    assert attachment.path == str(tmp_path / "inbox.mbox")
    assert drones.origin == "message 3"  # no Message-ID


def test_clean_subject() -> None:
    assert mail.clean_subject("Re: Fwd: RE: FW: AW:  Tanks") == "Tanks"
    assert mail.clean_subject("Fwd[2]: Tanks: an update") == "Tanks: an update"
    assert mail.clean_subject("Refuelling in Bodø") == "Refuelling in Bodø"


def test_not_mail(tmp_path: Path) -> None:
    box = tmp_path / "x.mbox"
    box.write_text("just text\n")
    with pytest.raises(FileProblem, match="not an mbox"):
        list(mail.read_mbox(box))


def test_mbox_import_into_library(tmp_path: Path, library_dir: Path, no_network: None) -> None:
    from briefing_app.core.workspace import Workspace

    path = write_mbox(tmp_path / "inbox.mbox")
    with Workspace.open(library_dir, seed_if_empty=False) as workspace:
        report = workspace.import_paths([path])
        assert (report.imported, report.skipped) == (4, [])
        assert workspace.search('"300 instructors"').total == 1
        # Each attachment remembers the message it came with; messages have no parent.
        stored = workspace.library.get_articles(report.article_ids)
        children = [a for a in stored.values() if a.parent_id is not None]
        assert children, "the attachment should be linked to its message"
        for child in children:
            parent = stored[child.parent_id]
            assert parent.parent_id is None and parent.path == child.path


def test_eml_html_attachment_is_an_article_of_its_own(tmp_path: Path, no_network: None) -> None:
    message = EmailMessage()
    message["Subject"] = "FW: reading for Monday"
    message["From"] = "Analyst <a@example.org>"
    message["Message-ID"] = "<reading@example.org>"
    message.set_content("See the attached page.\n")
    page = (
        "<html><head><meta charset='windows-1252'><title>Frigates for Norway</title></head><body>"
        "<p>OSLO — Norway will buy five frigates, the ministry said on Monday, in a deal "
        "worth billions of kroner that ends a long debate about the navy’s future.</p>"
        '<img src="https://tracker.example/open.gif"></body></html>'
    ).encode("cp1252")
    message.add_attachment(page, maintype="text", subtype="html", filename="frigates.html")
    path = tmp_path / "reading.eml"
    path.write_bytes(bytes(message))
    note, attached = mail.read_eml(path)
    assert (note.title, note.body, note.origin) == (
        "reading for Monday",
        "See the attached page.",
        None,
    )
    assert attached.title == "Frigates for Norway"
    assert "navy’s future" in attached.body
    assert attached.origin == "<reading@example.org>/frigates.html"
    assert attached.extra["parent"] == "<reading@example.org>"
    assert attached.extra["parent_origin"] == ""
