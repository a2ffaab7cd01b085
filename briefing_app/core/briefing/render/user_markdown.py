"""The user's Markdown (summary, notes) as an HTML fragment that fetches nothing, headings demoted.

Links keep their address as text, images become a placeholder and raw HTML is shown as text, so
an exported briefing references nothing outside itself.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown as _markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

MARKDOWN_EXTENSIONS = ("tables", "sane_lists", "fenced_code")


class _OfflineLinks(Treeprocessor):
    """Links become text with their URL; images become a text placeholder, so nothing is fetched."""

    def __init__(self, md: _markdown.Markdown, clickable: bool) -> None:
        super().__init__(md)
        self.clickable = clickable

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.tag == "img":
                src = element.get("src", "")
                alt = element.get("alt", "") or "image"
                element.tag = "span"
                element.attrib = {"class": "image"}
                element.text = f"[image: {alt}]"
                element.tail = (f" ({src})" if src else "") + (element.tail or "")
            elif element.tag == "a":
                href = element.get("href", "")
                text = "".join(element.itertext()).strip()
                if self.clickable:
                    element.attrib = {"href": href}
                else:
                    element.tag = "span"
                    element.attrib = {"class": "link"}
                if href and text != href and not href.startswith("mailto:"):
                    element.tail = f" ({href})" + (element.tail or "")


class _OfflineExtension(Extension):
    def __init__(self, clickable: bool) -> None:
        super().__init__()
        self.clickable = clickable

    def extendMarkdown(self, md: _markdown.Markdown) -> None:  # noqa: N802 (markdown's API)
        # Raw HTML in a note is shown as text: it could load remote images or hide content.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_OfflineLinks(md, self.clickable), "offline_links", 0)


_ATX_HEADING = re.compile(r"^( {0,3})(#{1,6})(?=[ \t]|$)")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def demote_headings(text: str, under: int) -> str:
    """The user's Markdown with every heading `under` levels lower (at most level 6).

    A summary printed under "## Executive summary" keeps its own "# Key points" inside that
    section: with under=2 it becomes "### Key points". Headings underlined with === or ---
    are rewritten as # headings; fenced code is left alone.
    """
    if under <= 0 or not text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    fence: str | None = None
    for line in lines:
        opened = _FENCE.match(line)
        if fence is not None:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = None
            out.append(line)
            continue
        if opened:
            fence = opened.group(1)
            out.append(line)
            continue
        underline = _SETEXT_UNDERLINE.match(line)
        previous = out[-1] if out else ""
        if underline and previous.strip() and not _ATX_HEADING.match(previous):
            if not _is_block_start(previous):
                level = 1 if underline.group(1)[0] == "=" else 2
                out[-1] = "#" * min(level + under, 6) + " " + previous.strip()
                continue
        heading = _ATX_HEADING.match(line)
        if heading:
            hashes = "#" * min(len(heading.group(2)) + under, 6)
            line = heading.group(1) + hashes + line[heading.end() :]
        out.append(line)
    return "\n".join(out)


def _is_block_start(line: str) -> bool:
    """A line an underline cannot turn into a heading: a list item, a quote, a table row."""
    return bool(re.match(r"^ {0,3}([-*+>|]|\d+[.)])( |$)", line)) or line.startswith("    ")


def markdown_to_html(text: str, *, clickable_links: bool = False, under: int = 0) -> str:
    """The user's Markdown as an HTML fragment that references nothing outside itself.

    `under` is the heading level of the section it is printed in (see demote_headings).
    """
    if not text.strip():
        return ""
    text = demote_headings(text, under)
    md = _markdown.Markdown(
        extensions=[*MARKDOWN_EXTENSIONS, _OfflineExtension(clickable_links)],
        output_format="html",
    )
    return md.convert(text)


__all__ = ["demote_headings", "markdown_to_html"]
