"""The reader: entities and figures marked, tooltips, flashing, legend, zoom, nothing remote."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument, QTextOption

from briefing_app.core.library import StoredArticle
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
    assert reader.toPlainText().endswith(body.rstrip()[-200:])
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
