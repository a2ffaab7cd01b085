"""Exporting a briefing: the one entry point that picks the format, renders and writes the file.

HTML and Markdown are rendered without Qt (`render.html`, `render.markdown`). The PDF is painted
with Qt in `render.pdf`, imported only when a PDF is asked for, so that the command line and
the other formats never load Qt. Every file is written atomically (`files`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_app.core.briefing.document import BriefingDocument, resolve
from briefing_app.core.briefing.files import ExportError, ProgressFn, write_atomically
from briefing_app.core.briefing.model import Briefing
from briefing_app.core.briefing.render.html import to_html
from briefing_app.core.briefing.render.markdown import to_markdown

if TYPE_CHECKING:
    from briefing_app.core.workspace import Workspace

FORMATS = ("pdf", "html", "md")
SUFFIXES = {".pdf": "pdf", ".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}


def format_for(path: str | os.PathLike[str], fmt: str | None = None) -> str:
    """The format asked for, else the one the file name's suffix implies."""
    if fmt:
        if fmt not in FORMATS:
            raise ExportError(f"Unknown export format “{fmt}” (use {', '.join(FORMATS)}).")
        return fmt
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise ExportError(
            f"Cannot tell the format from “{Path(path).name}”: name it .pdf, .html or .md,"
            " or give the format."
        )
    return SUFFIXES[suffix]


def export_briefing(
    workspace: Workspace,
    briefing: Briefing,
    path: str | os.PathLike[str],
    *,
    fmt: str | None = None,
    page_size: str | None = None,
    progress: ProgressFn | None = None,
) -> Path:
    """Resolve `briefing` against the library and write it to `path`; returns the path."""
    return export_document(
        resolve(workspace, briefing), path, fmt=fmt, page_size=page_size, progress=progress
    )


def export_document(
    document: BriefingDocument,
    path: str | os.PathLike[str],
    *,
    fmt: str | None = None,
    page_size: str | None = None,
    progress: ProgressFn | None = None,
) -> Path:
    target = Path(path)
    fmt = format_for(target, fmt)
    if fmt == "pdf":
        # Imported here, not above, so that Qt is loaded only when a PDF is asked for.
        from briefing_app.core.briefing.render.pdf import render_pdf

        data = render_pdf(
            document, page_size=page_size or document.briefing.page_size, progress=progress
        )
    elif fmt == "html":
        data = to_html(document).encode("utf-8")
    else:
        data = to_markdown(document).encode("utf-8")
    write_atomically(target, data)
    if progress:
        progress(1, 1, f"Saved {target.name}")
    return target


__all__ = [
    "FORMATS",
    "ExportError",
    "export_briefing",
    "export_document",
    "format_for",
    "to_html",
    "to_markdown",
]
