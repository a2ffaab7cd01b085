"""The briefing pane: collecting items, reordering, notes, saving as you type, exporting off-thread."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from briefing_app.core import briefing as bf
from briefing_app.core.workspace import Workspace
from briefing_app.ui.briefing_pane import SAVE_DELAY_MS, BriefingPane


@pytest.fixture
def workspace(library_dir):
    ws = Workspace.open(library_dir)
    yield ws
    ws.close()


@pytest.fixture
def pane(qtbot, workspace):
    widget = BriefingPane(workspace)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def rows(pane: BriefingPane) -> list[str]:
    model = pane.model
    return [model.data(model.index(r)) for r in range(model.rowCount())]


def stored(workspace, name: str) -> bf.Briefing:
    return bf.load(workspace, name)


def add_three(pane: BriefingPane, workspace) -> tuple[int, int, str]:
    article = next(iter(workspace.library.iter_articles()))
    figure = next(f for f in workspace.article(article.id).figures if f.figure.kind == "troops")
    pane.add_article(article.id)
    pane.add_passage(article.id, article.body[:40], 0, 40)
    pane.add_figure(article.id, figure.key)
    return article.id, 40, figure.key


def test_items_are_added_listed_and_saved(qtbot, pane, workspace):
    article_id, _end, key = add_three(pane, workspace)
    pane.add_chart({"by": "host", "query": "troops", "style": "lines"})
    listed = rows(pane)
    assert [r.split(":")[0] for r in listed] == [
        "1. Article",
        "2. Passage",
        "3. Figure",
        "4. Chart",
    ]
    assert "Troops by host" in listed[3]
    pane.flush()
    saved = stored(workspace, pane.name)
    assert [i.kind for i in saved.items] == ["article", "passage", "figure", "chart"]
    assert saved.items[2].figure_key == key and saved.items[3].chart.query == "troops"


def test_reorder_by_buttons_and_by_drag_then_remove_with_delete_key(qtbot, pane, workspace):
    add_three(pane, workspace)
    view = pane.items_view
    view.setCurrentIndex(pane.model.index(0))
    pane.down_button.click()
    assert [r.split(":")[0] for r in rows(pane)] == ["1. Passage", "2. Article", "3. Figure"]
    # A drag as the view performs it: the dropped copy is inserted, then the original removed.
    mime = pane.model.mimeData([pane.model.index(2)])
    assert pane.model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    pane.model.removeRows(3, 1)
    assert [r.split(":")[0] for r in rows(pane)] == ["1. Figure", "2. Passage", "3. Article"]
    view.setCurrentIndex(pane.model.index(1))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert [r.split(":")[0] for r in rows(pane)] == ["1. Figure", "2. Article"]
    qtbot.waitUntil(
        lambda: [i.kind for i in stored(workspace, pane.name).items] == ["figure", "article"],
        timeout=3000,
    )


def test_summary_note_and_fields_are_saved_and_seen_by_a_new_pane(qtbot, pane, workspace):
    add_three(pane, workspace)
    pane.title_edit.clear()
    qtbot.keyClicks(pane.title_edit, "Baltic reinforcement")
    pane.marking_edit.setCurrentText("NATO RESTRICTED")
    pane.tabs.setCurrentIndex(0)
    qtbot.keyClicks(pane.summary_edit, "Four **battlegroups** [map](https://example.org/m)")
    qtbot.waitUntil(lambda: "battlegroups" in pane.preview.toPlainText(), timeout=2000)
    assert "(https://example.org/m)" in pane.preview.toPlainText()
    pane.items_view.setCurrentIndex(pane.model.index(1))
    qtbot.keyClicks(pane.note_edit, "Check this figure")
    assert "✎" in rows(pane)[1]
    name = pane.name
    # Saved by the debounce timer alone, without any explicit flush.
    qtbot.waitUntil(
        lambda: [i.note for i in stored(workspace, name).items] == ["", "Check this figure", ""],
        timeout=SAVE_DELAY_MS * 4,
    )
    again = BriefingPane(workspace)
    qtbot.addWidget(again)
    assert again.name == name
    assert again.title_edit.text() == "Baltic reinforcement"
    assert again.marking_edit.currentText() == "NATO RESTRICTED"
    assert again.summary_edit.toPlainText().startswith("Four **battlegroups**")
    assert len(rows(again)) == 3
    again.items_view.setCurrentIndex(again.model.index(1))
    assert again.note_edit.toPlainText() == "Check this figure"


def test_new_rename_delete(qtbot, pane, workspace):
    first = pane.new_briefing()
    second = pane.new_briefing()
    assert first != second and set(bf.names(workspace)) >= {first, second}
    assert pane.rename_current("Renamed")
    assert "Renamed" in bf.names(workspace) and second not in bf.names(workspace)
    assert not pane.rename_current(first)  # taken: refused with a message
    assert "already" in pane.status.text()
    pane.delete_current()
    assert "Renamed" not in bf.names(workspace)
    assert pane.name == first


def test_export_runs_off_thread_and_reports(qtbot, pane, workspace, tmp_path):
    add_three(pane, workspace)
    target = tmp_path / "brief.pdf"
    with qtbot.waitSignal(pane.exportFinished, timeout=20000) as blocker:
        pane.export_to(str(target), "pdf", "Letter")
        assert pane.progress.isVisible() and not pane.export_button.isEnabled()
    assert blocker.args == [str(target)]
    assert target.read_bytes().startswith(b"%PDF")
    assert pane.export_button.isEnabled() and not pane.progress.isVisible()
    with qtbot.waitSignal(pane.exportFailed, timeout=10000) as failed:
        pane.export_to(str(tmp_path / "missing" / "b.html"), "html")
    assert "does not exist" in failed.args[0]


def test_preview_never_loads_resources(pane):
    from PySide6.QtCore import QUrl

    assert pane.preview.loadResource(2, QUrl("http://example.org/x.png")) is None
    assert not pane.preview.openLinks() and not pane.preview.openExternalLinks()


def test_main_window_hooks_reach_the_pane_slots(qtbot, pane, workspace):
    from briefing_app.ui.hooks import BriefingHooks

    hooks = BriefingHooks()
    hooks.addArticleToBriefing.connect(pane.add_article)
    hooks.addPassageToBriefing.connect(pane.add_passage)
    hooks.addFigureToBriefing.connect(pane.add_figure)
    hooks.addChartToBriefing.connect(pane.add_chart)
    article = next(iter(workspace.library.iter_articles()))
    figure = next(f for f in workspace.article(article.id).figures if f.figure.kind == "troops")
    hooks.addArticleToBriefing.emit(article.id)
    hooks.addPassageToBriefing.emit(article.id, article.body[10:50], -1, -1)  # offsets unknown
    hooks.addFigureToBriefing.emit(article.id, figure.key)
    hooks.addChartToBriefing.emit(
        {
            "by": "host",
            "combine": "sum",
            "scope": "results",
            "style": "bars",
            "article_ids": [article.id],
        }
    )
    items = pane.briefing.items
    assert [i.kind for i in items] == ["article", "passage", "figure", "chart"]
    assert items[1].start is None and items[1].text == article.body[10:50]
    assert items[3].chart.article_ids == [article.id] and items[3].chart.by == "host"
    document = bf.resolve(workspace, pane.briefing)
    assert document.items[2].figure is not None


def test_install_docks_the_pane_and_wires_the_window(qtbot, workspace):
    from briefing_app.ui.briefing_pane import install
    from briefing_app.ui.main_window import MainWindow

    window = MainWindow(workspace)
    qtbot.addWidget(window)
    pane = install(window, workspace)
    assert window.findChild(BriefingPane) is pane
    article = next(iter(workspace.library.iter_articles()))
    window.addArticleToBriefing.emit(article.id)
    window.addChartToBriefing.emit({"by": "contributor", "scope": "library", "style": "bars"})
    assert [i.kind for i in pane.briefing.items] == ["article", "chart"]
    assert any(a.text() == "&Export briefing…" for a in window.briefing_menu().actions())


def test_items_keep_their_articles_title_and_a_figure_reads_as_a_sentence(qtbot, pane, workspace):
    """The titles and figures come through the Workspace; an item keeps its article's title for
    when the article leaves the library."""
    article_id, _end, key = add_three(pane, workspace)
    title = workspace.article(article_id).article.title
    figure = next(f for f in workspace.article(article_id).figures if f.key == key)
    assert rows(pane)[2] == f"3. Figure: {bf.figure_summary(figure.figure)} — {title}"
    pane.flush()
    assert [i.label for i in stored(workspace, pane.name).items] == [title, title, title]


def test_the_chooser_shows_the_title_beside_the_stored_name(qtbot, pane, workspace):
    name = pane.new_briefing()
    pane.title_edit.clear()
    qtbot.keyClicks(pane.title_edit, "Baltic reinforcement")
    qtbot.waitUntil(
        lambda: pane.chooser.currentText() == f"{name} — Baltic reinforcement",
        timeout=SAVE_DELAY_MS * 4,
    )
    # What the chooser shows is what the command line accepts: the name or the title.
    assert bf.find(workspace, name)[0] == name
    assert bf.find(workspace, "Baltic reinforcement")[0] == name
    other = pane.new_briefing()
    assert pane.chooser.currentText() == other  # an untitled briefing shows its name alone
    pane.chooser.setCurrentIndex(pane.chooser.findData(name))
    pane.chooser.activated.emit(pane.chooser.currentIndex())
    assert pane.name == name and pane.title_edit.text() == "Baltic reinforcement"


@pytest.mark.parametrize(
    ("typed", "written", "starts"),
    [
        (
            "window-briefing.md",
            "window-briefing.md",
            "**UNCLASSIFIED**",
        ),  # the name's .md beats the HTML box
        ("window-briefing.PDF", "window-briefing.PDF", "%PDF"),
        ("window-briefing", "window-briefing.html", "<!DOCTYPE"),  # no extension: HTML's added
        ("window-briefing.docx", "window-briefing.docx.html", "<!DOCTYPE"),
    ],
)
def test_the_typed_file_name_and_the_written_format_never_disagree(
    qtbot, pane, workspace, tmp_path, monkeypatch, typed, written, starts
):
    add_three(pane, workspace)
    pane.format_box.setCurrentIndex(pane.format_box.findData("html"))
    offered = {}

    def save_dialog(_parent, _kind, _title, file_name, filters, selected=""):
        offered.update(file_name=file_name, filters=filters, selected=selected)
        return str(tmp_path / typed)

    monkeypatch.setattr("briefing_app.ui.briefing_pane.save_file_name", save_dialog)
    with qtbot.waitSignal(pane.exportFinished, timeout=20000) as done:
        pane.ask_export()
    assert done.args == [str(tmp_path / written)]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("window")) == [written]
    content = (tmp_path / written).read_bytes()
    assert content.lstrip().upper().startswith(starts.upper().encode())
    assert offered["selected"].startswith("HTML") and "Markdown (*.md)" in offered["filters"]
    kind = {".md": "md", ".pdf": "pdf"}.get(Path(written).suffix.lower(), "html")
    assert pane.format_box.currentData() == kind
