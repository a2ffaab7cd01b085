"""`briefing export` and `briefing briefing …` end to end: the real command line in a subprocess."""

from __future__ import annotations

import pytest
from cli_support import REPO, run_cli
from pypdf import PdfReader

run = run_cli


@pytest.fixture
def library_dir(library_dir):
    assert run(library_dir, "import", str(REPO / "seeds")).returncode == 0
    return library_dir


def test_export_from_a_search_without_a_display(library_dir, tmp_path):
    notes = tmp_path / "summary.md"
    notes.write_text(
        "## Assessment\n\nThe UK adds **800 soldiers** in Estonia.\n", encoding="utf-8"
    )
    out = tmp_path / "briefing.pdf"
    result = run(
        library_dir,
        "export", "--query", "troops AND Estonia", "--title", "Baltic reinforcement",
        "--notes", str(notes), "--out", str(out), "--marking", "UNCLASSIFIED",
        "--author", "Desk officer", "--page-size", "Letter", "--save", "baltic",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Wrote" in result.stdout and out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
    reader = PdfReader(out)
    pages = [" ".join(p.extract_text().split()) for p in reader.pages]
    assert "Baltic reinforcement" in pages[0] and "Desk officer" in pages[0]
    assert all("UNCLASSIFIED" in p for p in pages)
    text = " ".join(pages)
    assert "The UK adds 800 soldiers in Estonia." in text
    assert "Lambrecht" in text  # the matching article is an item
    assert round(float(reader.pages[0].mediabox.width)) == 612

    # The stored briefing exports again, as Markdown by the suffix, and is listed and shown.
    md = tmp_path / "again.md"
    result = run(library_dir, "export", "--briefing", "baltic", "--out", str(md))
    assert result.returncode == 0, result.stderr
    text = md.read_text(encoding="utf-8")
    assert "# Baltic reinforcement" in text and "| Contributor |" in text and "800" in text
    listed = run(library_dir, "briefing", "list")
    assert "baltic" in listed.stdout and "Baltic reinforcement" in listed.stdout
    html = tmp_path / "b.out"
    result = run(
        library_dir, "export", "--briefing", "baltic", "--format", "html", "--out", str(html)
    )
    assert result.returncode == 0 and html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_export_errors_are_readable(library_dir, tmp_path):
    result = run(
        library_dir, "export", "--query", "troops", "--out", str(tmp_path / "no" / "b.pdf")
    )
    assert result.returncode == 1
    assert "does not exist" in result.stderr and "Traceback" not in result.stderr
    result = run(library_dir, "export", "--briefing", "nothing", "--out", str(tmp_path / "b.md"))
    assert result.returncode == 1 and "no briefing" in result.stderr
    result = run(library_dir, "export", "--query", "troops", "--out", str(tmp_path / "b.txt"))
    assert result.returncode == 1 and ".pdf, .html or .md" in result.stderr
    # Nothing written beside the library but its log folder.
    assert {p.name for p in tmp_path.iterdir()} == {library_dir.name, "BriefingReader"}


def test_export_of_a_search_with_no_results_writes_nothing_and_fails(library_dir, tmp_path):
    out = tmp_path / "empty.pdf"
    result = run(library_dir, "export", "--query", "zzzqqq", "--out", str(out))
    assert result.returncode == 1
    assert "no article matches 'zzzqqq': nothing to export" in result.stderr
    assert not out.exists()
