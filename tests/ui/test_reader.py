"""The reader: entities and figures marked, tooltips, flashing, legend, zoom, nothing remote."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument, QTextOption

from briefing_app.core.store import StoredArticle
from briefing_app.core.workspace import ArticleView
from briefing_app.ui.highlights_html import article_html, article_marks, search_terms
from briefing_app.ui.models import Role
from briefing_app.ui.theme import LIGHT
from tests.ui.conftest import SEED_000_TITLE, open_article, search


def _fragment_formats(document: QTextDocument, text: str) -> list:
    """Char formats of every fragment of the document whose text contains `text`."""
    found = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if text in fragment.text():
                found.append(fragment.charFormat())
            it += 1
        block = block.next()
    return found


def test_opening_an_article_marks_entities_and_troop_figures(qtbot, window):
    article_id = open_article(qtbot, window, SEED_000_TITLE)
    reader = window.reader.view
    assert reader.isVisibleTo(window) and not window.reader.placeholder.isVisibleTo(window)
    body = reader.view.article.body
    # Shown one paragraph a block: the blank lines between them become paragraph spacing.
    paragraphs = "\n".join(line for line in body.split("\n") if line.strip())
    assert reader.toPlainText().endswith(paragraphs[-200:])
    # Jens Stoltenberg in the person colour, "around 600 troops" on the troop background.
    (person,) = _fragment_formats(reader.document(), "Jens Stoltenberg")
    assert person.foreground().color().name() == LIGHT.PERSON
    troops = _fragment_formats(reader.document(), "600 troops")
    assert troops and troops[0].background().color().name() == LIGHT.troops_bg
    assert troops[0].fontWeight() >= 700
    (us,) = [
        f
        for f in _fragment_formats(reader.document(), "United States")
        if f.foreground().color().name() == LIGHT.GPE
    ]
    assert us
    # Opening marks it read, in the background, and the results list follows.
    qtbot.waitUntil(
        lambda: window.session.workspace.library.get_article(article_id).read, timeout=5000
    )
    row = window.search.model.row_of(article_id)
    qtbot.waitUntil(lambda: window.search.model.index(row).data(Role.Read), timeout=5000)


def test_highlight_pane_lists_people_places_and_troop_figures(qtbot, window):
    open_article(qtbot, window, SEED_000_TITLE)
    model = window.highlights.model
    groups = {g.key: g for g in model.groups}
    assert "Jens Stoltenberg" in [i.label for i in groups["PERSON"].children]
    assert "United States" in [i.label for i in groups["GPE"].children]
    troops = groups["troops"].children
    us = next(i for i in troops if i.stored.figure.contributor == "United States")
    assert us.stored.figure.low == 600
    shown = model.data(model.find(lambda i: i is us))
    assert shown.startswith("United States → Baltic states and Poland")
    assert "600" in shown and "around" in shown


def test_clicking_an_item_scrolls_to_it_and_flashes_it(qtbot, window):
    open_article(qtbot, window, SEED_000_TITLE)
    model = window.highlights.model
    index = model.find(
        lambda i: i.kind == "troops" and i.stored.figure.contributor == "United States"
    )
    window.highlights.tree.clicked.emit(index)
    (selection,) = window.reader.view.extraSelections()
    assert selection.cursor.selectedText() == "around 600 troops"
    assert selection.format.background().color().name() == LIGHT.flash_bg
    qtbot.waitUntil(lambda: not window.reader.view.extraSelections(), timeout=4000)


def test_entity_clicks_cycle_through_mentions(qtbot, window):
    open_article(qtbot, window, SEED_000_TITLE)
    model = window.highlights.model
    index = model.find(lambda i: i.label == "NATO")
    item = model.item(index)
    assert item.count > 1
    seen = []
    for _ in range(2):
        window.highlights.tree.clicked.emit(index)
        (selection,) = window.reader.view.extraSelections()
        seen.append(selection.cursor.selectionStart())
    assert seen[0] < seen[1]


def test_tooltips_explain_entities_and_figures(qtbot, window):
    open_article(qtbot, window, SEED_000_TITLE)
    reader = window.reader.view
    body = reader.view.article.body
    tips = [m.tip for m in reader.marks_at(body.index("Jens Stoltenberg") + 2)]
    assert tips == ["Jens Stoltenberg — person"]
    tips = [m.tip for m in reader.marks_at(body.index("600 troops"))]
    assert any("United States → Baltic states and Poland" in t and "600" in t for t in tips)
    # The document position of a body offset and back again agree.
    offset = body.index("600 troops")
    assert reader.body_offset(reader.doc_position(offset)) == offset


def test_legend_toggles_hide_and_show_a_kind(qtbot, window):
    open_article(qtbot, window, SEED_000_TITLE)
    reader = window.reader.view
    window.reader.legend.buttons["PERSON"].click()
    (person,) = _fragment_formats(reader.document(), "Jens Stoltenberg")
    assert person.foreground().color().name() != LIGHT.PERSON
    window.reader.legend.buttons["PERSON"].click()
    (person,) = _fragment_formats(reader.document(), "Jens Stoltenberg")
    assert person.foreground().color().name() == LIGHT.PERSON


def test_search_terms_are_marked_in_the_reader(qtbot, window):
    search(qtbot, window, "breedlove")
    window.search.select_row(0)
    (fmt,) = _fragment_formats(window.reader.view.document(), "Breedlove")
    assert fmt.background().color().name() == LIGHT.match_bg
    query = 'title:nato AND "battle group" OR deploy* person:Wallace stoltenburg~ NOT russia'
    assert search_terms(query) == ["battle", "deploy*", "group", "nato", "stoltenburg"]


def test_zoom_shortcuts_change_the_font_size(qtbot, window):
    open_article(qtbot, window, SEED_000_TITLE)
    size = window.reader.view.font_size
    window.reader.zoom_in.trigger()
    assert window.reader.view.document().defaultFont().pointSize() == size + 1
    window.reader.zoom_reset.trigger()
    window.reader.zoom_out.trigger()
    assert window.reader.view.font_size == 11
    assert "Ctrl+=" in window.reader.zoom_in.shortcut().toString()


def _view(body: str, title: str = "T") -> ArticleView:
    article = StoredArticle(
        id=1,
        title=title,
        body=body,
        date=None,
        source=None,
        url="https://example.com/<x>",
        dateline=None,
        author=None,
        path=None,
        origin=None,
        imported_at="",
        updated_at=None,
        read=False,
        starred=False,
        original_missing=False,
        content_hash="h",
    )
    return ArticleView(article, [], [])


def test_article_text_is_escaped_and_nothing_remote_loads(window):
    view = _view(
        '<img src="http://evil.example/x.png"><script>alert(1)</script> & done',
        title="<b>bold?</b>",
    )
    html = article_html(view, article_marks(view, []), set(), LIGHT)
    assert "<img" not in html and "<script" not in html and "&lt;img" in html
    assert "<b>bold?</b>" not in html
    reader = window.reader.view
    reader.show_article(view)
    assert (
        reader.loadResource(
            QTextDocument.ResourceType.ImageResource, QUrl("http://evil.example/x.png")
        )
        is None
    )
    assert not reader.openLinks() and not reader.openExternalLinks()
    assert "https://example.com/<x>" in reader.toPlainText()  # the url shown as text


def test_long_words_rtl_and_astral_characters_keep_offsets(window):
    body = "x" * 3000 + " مرحبا بالعالم 😀 Jens\r\nend"
    view = _view(body)
    reader = window.reader.view
    reader.show_article(view)
    assert reader.wordWrapMode() == QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
    assert reader.document().idealWidth() <= reader.viewport().width() + 1
    offset = body.index("Jens")
    reader.flash(offset, offset + 4)
    (selection,) = reader.extraSelections()
    assert selection.cursor.selectedText() == "Jens"


def _paragraph_blocks(reader) -> list:  # noqa: ANN001
    """The body's blocks (after the title, details and rule), as the reader lays them out."""
    blocks = []
    block = reader.document().findBlock(reader.doc_position(0))
    while block.isValid():
        blocks.append(block)
        block = block.next()
    return blocks


def test_seed_001_paragraphs_are_set_apart(qtbot, window):
    open_article(qtbot, window, "Leaders in the Baltic countries")
    reader = window.reader.view
    body = reader.view.article.body
    lines = [line for line in body.split("\n") if line.strip()]
    blocks = _paragraph_blocks(reader)
    assert [b.text() for b in blocks] == lines  # one paragraph a line, as the file has them
    layout = reader.document().documentLayout()
    first, second = (layout.blockBoundingRect(b) for b in blocks[:2])
    lines_of_first = blocks[0].layout()
    assert lines_of_first.lineCount() >= 2
    pitch = lines_of_first.lineAt(1).y() - lines_of_first.lineAt(0).y()
    last_line = first.top() + lines_of_first.lineAt(lines_of_first.lineCount() - 1).y()
    next_line = second.top() + blocks[1].layout().lineAt(0).y()
    # From one paragraph to the next is a line and a third or more: the paragraphs stand apart.
    assert next_line - last_line >= 1.3 * pitch


def test_hard_wrapped_wire_copy_shows_as_paragraphs_with_marks_in_place(qtbot, window, tmp_path):
    wire = (
        "title: Baltic wire\n\n"
        "The United States has deployed around\n"
        "600 troops in the Baltic states and Poland on a rotational\n"
        "basis, NATO Secretary General Jens Stoltenberg said in\n"
        "Brussels on Thursday.\n"
        "    Germany will send 1,000 soldiers to Lithuania next\n"
        "year, the defence ministry said.\n"
    )
    (tmp_path / "wire.txt").write_text(wire, encoding="utf-8")
    job = window.import_paths([str(tmp_path / "wire.txt")])
    with qtbot.waitSignal(window.search.searchFinished, timeout=20000):
        qtbot.waitSignal(job.finished, timeout=20000).wait()
    open_article(qtbot, window, "Baltic wire")
    reader = window.reader.view
    body = reader.view.article.body
    assert [b.text() for b in _paragraph_blocks(reader)] == [
        "The United States has deployed around 600 troops in the Baltic states and Poland on a"
        " rotational basis, NATO Secretary General Jens Stoltenberg said in Brussels on Thursday.",
        "    Germany will send 1,000 soldiers to Lithuania next year, the defence ministry said.",
    ]
    # A figure across a wrap is marked and flashed whole; the name across one too.
    (troops,) = _fragment_formats(reader.document(), "around 600 troops")
    assert troops.background().color().name() == LIGHT.troops_bg
    start = body.index("around\n600")
    reader.flash(start, start + len("around\n600 troops"))
    (selection,) = reader.extraSelections()
    assert selection.cursor.selectedText() == "around 600 troops"
    for mark in reader.marks:
        assert reader.body_offset(reader.doc_position(mark.start)) == mark.start
    # Selecting a passage gives the stored text and its offsets.
    cursor = reader.textCursor()
    start = body.index("Jens")
    cursor.setPosition(reader.doc_position(start))
    cursor.setPosition(reader.doc_position(start + 20), cursor.MoveMode.KeepAnchor)
    reader.setTextCursor(cursor)
    assert reader.selected_passage() == (body[start : start + 20], start, start + 20)


def test_an_undated_article_says_undated_and_how_to_date_it_to_whom_may_edit():
    view = _view("Talks resumed.")
    assert view.article.date is None
    editor = article_html(view, [], set(), LIGHT)
    assert "Undated — set a date with Edit details" in editor and "No date" not in editor
    reader = article_html(view, [], set(), LIGHT, can_edit=False)
    assert "Undated" in reader and "Edit details" not in reader
