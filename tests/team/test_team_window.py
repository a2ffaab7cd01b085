"""The window on a team library: it sees the same door, so searching, reading and starring work
as on a local library, and the star is the connected person's own. File → Open Team Library…
and Open Local Library move the window between libraries; the team library used last opens at
the next start; what the connected role may not do is greyed out and says why."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
import shiboken6
from password_sources import SECRET, NoKeyring
from PySide6.QtCore import QCoreApplication, QMimeData, QPoint, QSettings, Qt, QTimer
from PySide6.QtGui import QDragEnterEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QToolButton

from briefing_app.core.opening import init_team_library, open_workspace
from briefing_app.core.team import credentials
from briefing_app.core.workspace import Workspace
from briefing_app.ui import app as app_module
from briefing_app.ui.briefing_pane import BriefingPane
from briefing_app.ui.main_window import MainWindow
from briefing_app.ui.open_library import PasswordDialog
from briefing_app.ui.remembered_library import (
    last_team_address,
    remember_team_library,
    remembered_team_library,
)
from briefing_app.ui.windows import WindowKeeper

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
# A server that is not there: libpq finds no socket in a folder that does not exist, at once.
UNREACHABLE = "postgresql://nobody@/desk?host=/nonexistent/briefing-test-socket"


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path, qapp: object, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings in the test's own INI file; the default local library in its own folder."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    QCoreApplication.setOrganizationName("BriefingReaderTests")
    QCoreApplication.setApplicationName(f"team-window-{tmp_path.name}")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("BRIEFING_LIBRARY", raising=False)
    return tmp_path


@pytest.fixture
def window(qtbot, team_url: str) -> Iterator[MainWindow]:  # noqa: ANN001
    workspace = open_workspace(team_url, repair=False)
    workspace.import_paths([SEEDS])
    win = MainWindow(workspace)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.search.searchFinished, timeout=10000):
        win.start()
    win.resize(1280, 800)
    win.show()
    yield win
    if win.isVisible():
        win.close()


@pytest.fixture
def keeper() -> Iterator[WindowKeeper]:
    """The program's window keeper, as run_app holds it; its window is closed after the test."""
    kept = WindowKeeper()
    yield kept
    if kept.current is not None and not kept.current.closed:
        kept.current.close()


@pytest.fixture
def desk(pg_cluster, team_url: str) -> dict[str, str]:  # noqa: ANN001
    """A team library set up by `team init`, the seeds imported, a reader and an editor."""
    init_team_library(team_url)
    with open_workspace(team_url) as admin:
        admin.import_paths([SEEDS])
    database = team_url.split("@/")[1].split("?")[0]
    people = {}
    for person, kind in (("rita", "readers"), ("ed", "editors")):
        name = f"{database}_{person}"
        pg_cluster.admin_sql(f"CREATE ROLE {name} LOGIN")
        pg_cluster.admin_sql(f"GRANT {database}_{kind} TO {name}")
        people[kind] = pg_cluster.url(database, name)
    return people | {"admin": team_url, "database": database}


def _shown(qtbot, keeper: WindowKeeper, location: str) -> MainWindow:  # noqa: ANN001
    """A window on `location` as the program shows one, once its first results are in."""
    window = keeper.show(open_workspace(location, repair=False))
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.search.model.rowCount() > 0, timeout=15000)
    return window


def _switched(qtbot, keeper: WindowKeeper, old: MainWindow) -> MainWindow:  # noqa: ANN001
    qtbot.waitUntil(lambda: keeper.current is not old, timeout=15000)
    new = keeper.current
    assert new is not None
    qtbot.waitUntil(lambda: new.search.model.rowCount() > 0, timeout=15000)
    return new


def _type_address(qtbot, window: MainWindow, url: str):  # noqa: ANN001, ANN202
    """File → Open Team Library…, the address typed, Open clicked: the dialog."""
    window.libraries.open_team.trigger()
    dialog = window.libraries.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.address.clear()
    qtbot.keyClicks(dialog.address, url)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    return dialog


def _titles(window: MainWindow) -> list[str]:
    return [row.title for row in window.search.model.rows]


def _tool_button(window: MainWindow, action) -> QToolButton:  # noqa: ANN001
    return next(b for b in window.reader.findChildren(QToolButton) if b.defaultAction() is action)


def _open_troop_article(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    window.search.box.clear()
    with qtbot.waitSignal(window.search.searchFinished, timeout=10000):
        qtbot.keyClicks(window.search.box, "troops")
    window.search.select_row(0)
    assert window.article.view is not None


def _troop_figure_menu(window: MainWindow):  # noqa: ANN202
    model = window.highlights.model
    for row, group in enumerate(model.groups):
        if group.key == "troops":
            return window.highlights.menu_for(model.index(0, 0, model.index(row, 0)))
    raise AssertionError("the open article shows no troop figure")


def _entries(menu) -> dict[str, object]:  # noqa: ANN001
    return {a.text(): a for a in menu.actions() if a.text()}


# -- the window on a team library ---------------------------------------------------------------


def test_search_read_and_star_in_the_window_on_a_team_library(qtbot, window, team_url):  # noqa: ANN001
    window.search.box.clear()
    with qtbot.waitSignal(window.search.searchFinished, timeout=10000):
        qtbot.keyClicks(window.search.box, "Lambrecht")
    shown = [row.title for row in window.search.model.rows]
    assert len(shown) == 1 and shown[0].startswith("German Defense Minister")
    window.search.select_row(0)
    view = window.article.view
    assert view is not None and "Lambrecht" in view.article.body
    assert window.windowTitle() == team_url
    window.article.star.trigger()  # Article → Star, as a click does
    assert window.article.star.text() == "★ Starred"
    with open_workspace(team_url) as again:
        # The window saves in a worker; the team library has it once that is done.
        qtbot.waitUntil(
            lambda: again.article(view.article.id).article.starred,  # type: ignore[union-attr]
            timeout=10000,
        )


def _troop_details(window: MainWindow) -> list[str]:
    """The second line of each troop figure in "In this article", as the pane shows it."""
    model = window.highlights.model
    [row] = [r for r, g in enumerate(model.groups) if g.key == "troops"]
    group = model.index(row, 0)
    return [
        model.index(r, 0, group).data(Qt.ItemDataRole.DisplayRole).split("\n")[1]
        for r in range(model.rowCount(group))
    ]


def _click_result(qtbot, window: MainWindow, row: int) -> None:  # noqa: ANN001
    rect = window.search.list.visualRect(window.search.model.index(row))
    qtbot.mouseClick(window.search.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_another_persons_correction_reaches_the_open_article_when_it_is_chosen_again(
    qtbot,  # noqa: ANN001
    window,  # noqa: ANN001
    team_url,  # noqa: ANN001
):
    _open_troop_article(qtbot, window)
    view = window.article.view
    assert view is not None
    article_id = view.article.id
    first = next(f for f in view.figures if f.figure.kind == "troops")
    assert not any("4,321" in d for d in _troop_details(window))
    # Someone else, in a process of their own, corrects the figure.
    with open_workspace(team_url) as colleague:
        colleague.correct_figure(article_id, first.key, count=4321)
    _click_result(qtbot, window, 0)  # the article already open, clicked again
    assert "4,321 · " in _troop_details(window)[0]
    with open_workspace(team_url) as colleague:
        colleague.correct_figure(article_id, first.key, count=5432)
    # A new search that finds it again keeps it open, and shows it as the library has it now.
    with qtbot.waitSignal(window.search.searchFinished, timeout=10000):
        qtbot.keyClicks(window.search.box, " OR soldiers")
    assert window.article.view is not None and window.article.view.article.id == article_id
    assert "5,432 · " in _troop_details(window)[0]


def test_the_status_bar_says_which_team_library_and_who(window, team_url):  # noqa: ANN001
    database = team_url.split("@/")[1].split("?")[0]
    label = window.library_label
    assert label.isVisible()
    # The test cluster listens on a Unix socket: the server is on this computer.
    assert label.text() == f"Team library {database} on this computer · admin (importer)"
    assert label.toolTip() == team_url


def test_a_local_library_shows_no_team_label_and_cannot_go_back_to_itself(
    qtbot,  # noqa: ANN001
    keeper,  # noqa: ANN001
    tmp_path,  # noqa: ANN001
):
    window = _shown(qtbot, keeper, str(tmp_path / "local"))
    assert not window.library_label.isVisible() and window.library_label.text() == ""
    assert window.libraries.open_team.isEnabled()
    assert not window.libraries.open_local.isEnabled()


# -- moving between libraries ------------------------------------------------------------------


def test_open_team_library_moves_the_window_onto_it_and_remembers_it(
    qtbot,  # noqa: ANN001
    monkeypatch,  # noqa: ANN001
    keeper,  # noqa: ANN001
    desk,  # noqa: ANN001
    tmp_path,  # noqa: ANN001
):
    local = _shown(qtbot, keeper, str(tmp_path / "local"))
    local_workspace = local.session.workspace
    closed: list[bool] = []
    close = local_workspace.close
    monkeypatch.setattr(local_workspace, "close", lambda: (closed.append(True), close()))
    dialog = _type_address(qtbot, local, desk["editors"])
    assert "never written to the program's settings" in dialog.hint.text()
    team = _switched(qtbot, keeper, local)
    # The old window closed, and is gone.
    assert team.isVisible() and local.closed and not shiboken6.isValid(local)
    assert team.windowTitle() == desk["editors"]
    assert team.library_label.text().endswith(f"{desk['database']}_ed (editor)")
    # The results, the reader and the briefings are the team library's.
    with open_workspace(desk["admin"]) as admin:
        assert team.search.model.total == admin.search("").total
    _open_troop_article(qtbot, team)
    assert team.reader.view.view is not None
    assert team.reader.view.view.article.id == team.article.view.article.id  # type: ignore[union-attr]
    assert team.libraries.open_local.isEnabled()
    # The old window closed its library.
    assert closed == [True]
    assert remembered_team_library() == desk["editors"]


def test_a_team_library_out_of_reach_is_said_and_the_open_library_stays(
    qtbot,  # noqa: ANN001
    keeper,  # noqa: ANN001
    tmp_path,  # noqa: ANN001
):
    local = _shown(qtbot, keeper, str(tmp_path / "local"))
    before = _titles(local)
    dialog = _type_address(qtbot, local, UNREACHABLE)
    qtbot.waitUntil(lambda: dialog.open_button.isEnabled(), timeout=15000)
    message = dialog.message.text()
    assert message.startswith("The team library at postgresql://nobody@/desk")
    assert "cannot be reached" in message and message.endswith(").")
    assert dialog.message.isVisible() and dialog.isVisible()  # there to correct the address
    # The library open before is open and untouched.
    assert keeper.current is local and not local.closed
    assert _titles(local) == before
    local.search.select_row(0)
    assert local.article.view is not None
    assert remembered_team_library() is None
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Cancel), Qt.MouseButton.LeftButton
    )
    assert not dialog.isVisible() and keeper.current is local


def test_cancel_while_connecting_keeps_the_open_library_and_closes_the_late_one(
    qtbot,  # noqa: ANN001
    keeper,  # noqa: ANN001
    team_url,  # noqa: ANN001
    tmp_path,  # noqa: ANN001
    monkeypatch,  # noqa: ANN001
):
    from briefing_app.ui import open_library

    late: list[Workspace] = []
    closed: list[bool] = []

    def slow_open(location: str, **options: object) -> Workspace:
        workspace = open_workspace(location, **options)  # type: ignore[arg-type]
        close = workspace.close
        monkeypatch.setattr(workspace, "close", lambda: (closed.append(True), close()))
        late.append(workspace)
        return workspace

    local = _shown(qtbot, keeper, str(tmp_path / "local"))
    monkeypatch.setattr(open_library, "open_workspace", slow_open)
    dialog = _type_address(qtbot, local, team_url)
    assert dialog.message.text().startswith("Connecting to ")
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Cancel), Qt.MouseButton.LeftButton
    )
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: closed == [True], timeout=15000)
    assert len(late) == 1 and keeper.current is local and not local.closed
    assert remembered_team_library() is None


def test_an_address_that_is_no_team_library_is_refused_before_connecting(
    qtbot,  # noqa: ANN001
    window,  # noqa: ANN001
):
    dialog = _type_address(qtbot, window, "/home/me/library")
    assert dialog.message.text() == (
        "A team library's address looks like postgresql://user@host/dbname."
    )
    assert dialog.open_button.isEnabled() and not dialog.opener.busy


def test_open_local_library_goes_back_to_the_local_library_and_forgets_the_team_one(
    qtbot,  # noqa: ANN001
    keeper,  # noqa: ANN001
    desk,  # noqa: ANN001
    tmp_path,  # noqa: ANN001
):
    folder = tmp_path / "my-library"
    local = _shown(qtbot, keeper, str(folder))
    _type_address(qtbot, local, desk["readers"])
    team = _switched(qtbot, keeper, local)
    assert remembered_team_library() == desk["readers"]
    team.libraries.open_local.trigger()
    back = _switched(qtbot, keeper, team)
    # The local library that was open before, not the default one.
    assert back.session.workspace.location == str(folder)
    assert back.windowTitle() == str(folder)
    assert team.closed and not back.library_label.isVisible()
    assert remembered_team_library() is None
    # The dialog still offers the address once more.
    assert last_team_address() == desk["readers"]


def test_the_remembered_address_never_holds_a_password(private_settings):  # noqa: ANN001
    remember_team_library("postgresql://alice:s3cret@db.example:5433/desk")
    assert remembered_team_library() == "postgresql://alice@db.example:5433/desk"
    stored = "".join(p.read_text() for p in Path(private_settings).rglob("*.ini"))
    assert "s3cret" not in stored


# -- the start ---------------------------------------------------------------------------------


def _remember_for_start(url: str) -> None:
    """Remember `url` where the program itself looks (run_app names the settings)."""
    app_module.make_application()
    remember_team_library(url)


def _run_app_and_see(monkeypatch, library: str | None = None) -> tuple[int, list[MainWindow]]:  # noqa: ANN001
    """run_app as `briefing` runs it, the event loop replaced by a look at the window shown."""
    seen: list[MainWindow] = []

    def look_and_close() -> int:
        window = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        )
        seen.append(window)
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(look_and_close))
    return app_module.run_app(library, []), seen


def test_the_team_library_used_last_opens_at_the_next_start(monkeypatch, desk):  # noqa: ANN001
    _remember_for_start(desk["readers"])
    code, [window] = _run_app_and_see(monkeypatch)
    assert code == 0
    assert window.windowTitle() == desk["readers"]
    assert window.library_label.text().endswith("(reader)")


def test_a_remembered_team_library_out_of_reach_offers_the_local_library(
    monkeypatch,  # noqa: ANN001
    tmp_path,  # noqa: ANN001
):
    _remember_for_start(UNREACHABLE)
    said: list[str] = []

    def choose_local() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        said.append(box.text())
        next(b for b in box.buttons() if b.text() == "Open Local Library").click()

    QTimer.singleShot(0, choose_local)
    code, [window] = _run_app_and_see(monkeypatch)
    assert code == 0
    assert said[0].startswith("The team library at postgresql://nobody@/desk")
    assert said[0].endswith(").") and "cannot be reached" in said[0]
    # The default local library, in the data folder.
    assert window.windowTitle() == str(tmp_path / "data" / "BriefingReader" / "library")
    assert remembered_team_library() == UNREACHABLE  # tried again at the next start


def test_quit_when_the_remembered_team_library_is_out_of_reach(monkeypatch):  # noqa: ANN001
    _remember_for_start(UNREACHABLE)
    QTimer.singleShot(
        0,
        lambda: next(
            b for b in QApplication.activeModalWidget().buttons() if b.text() == "Quit"
        ).click(),
    )
    code, seen = _run_app_and_see(monkeypatch)
    assert code == 1 and seen == []


def test_a_library_given_at_start_wins_over_the_remembered_one(
    monkeypatch,  # noqa: ANN001
    tmp_path,  # noqa: ANN001
):
    _remember_for_start(UNREACHABLE)
    code, [window] = _run_app_and_see(monkeypatch, str(tmp_path / "given"))
    assert code == 0 and window.windowTitle() == str(tmp_path / "given")


# -- greyed out by role ------------------------------------------------------------------------


def test_a_reader_sees_import_and_changes_greyed_out_with_the_reason(
    qtbot,  # noqa: ANN001
    keeper,  # noqa: ANN001
    desk,  # noqa: ANN001
):
    window = _shown(qtbot, keeper, desk["readers"])
    no_import = "Your role (reader) may not import articles in this team library;"
    no_edit = "Your role (reader) may not edit articles, figures or briefings"
    for action in (window.import_files_action, window.import_folder_action, window.paste_action):
        assert not action.isEnabled() and action.toolTip().startswith(no_import)
    # Dropping files or text is refused, and the status bar says why.
    mime = QMimeData()
    mime.setText("Finnish reservists joined the exercise.")
    drag = QDragEnterEvent(
        QPoint(200, 200),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dragEnterEvent(drag)
    assert not drag.isAccepted()
    assert window.statusBar().full_message.startswith(no_import)  # type: ignore[attr-defined]
    # Watched folders import: their buttons are greyed out too.
    watched = window.show_preferences().watched
    assert not watched.add_button.isEnabled() and watched.add_button.toolTip().startswith(no_import)
    window.preferences_dialog.close()  # type: ignore[union-attr]

    _open_troop_article(qtbot, window)
    for widget in (window.article.edit, _tool_button(window, window.article.edit)):
        assert not widget.isEnabled() and widget.toolTip().startswith(no_edit)
    assert not window.article.to_briefing.isEnabled()
    figure_menu = _entries(_troop_figure_menu(window))
    for entry in ("Correct figure…", "Revert correction", "Add figure to briefing"):
        assert not figure_menu[entry].isEnabled()  # type: ignore[attr-defined]
        assert figure_menu[entry].toolTip().startswith(no_edit)  # type: ignore[attr-defined]
    result_menu = _entries(window.search.menu_for(window.search.model.index(0, 0)))
    assert not result_menu["Add to briefing"].isEnabled()  # type: ignore[attr-defined]
    assert result_menu["Star"].isEnabled() or result_menu["Unstar"].isEnabled()  # type: ignore[attr-defined]
    assert not window.chart.briefing_button.isEnabled()
    pane = window.findChild(BriefingPane)
    for button in (pane.new_button, pane.rename_button, pane.delete_button, pane.remove_button):
        assert not button.isEnabled() and button.toolTip().startswith(no_edit)
    assert pane.title_edit.isReadOnly() and pane.summary_edit.isReadOnly()
    assert pane.read_only_note.text().startswith("Read only. " + no_edit)
    new_entry = _entries(window.briefing_menu())["&New briefing"]
    assert not new_entry.isEnabled()  # type: ignore[attr-defined]
    # Starring and reading are the reader's own: they stay, and they work.
    assert window.article.star.isEnabled() and window.article.unread.isEnabled()
    article_id = window.article.view.article.id  # type: ignore[union-attr]
    window.article.star.trigger()
    with open_workspace(desk["readers"]) as again:
        qtbot.waitUntil(lambda: again.article(article_id).article.starred, timeout=10000)  # type: ignore[union-attr]


def test_an_editor_may_edit_and_correct_but_not_import(qtbot, keeper, desk):  # noqa: ANN001
    window = _shown(qtbot, keeper, desk["editors"])
    assert not window.import_files_action.isEnabled()
    assert "(editor) may not import" in window.import_files_action.toolTip()
    _open_troop_article(qtbot, window)
    assert window.article.edit.isEnabled() and _tool_button(window, window.article.edit).isEnabled()
    assert _entries(_troop_figure_menu(window))["Correct figure…"].isEnabled()  # type: ignore[attr-defined]
    pane = window.findChild(BriefingPane)
    assert pane.new_button.isEnabled() and not pane.title_edit.isReadOnly()
    # The greying follows the server: the editor's edit is stored.
    dialog = window.article.edit_details()
    assert dialog is not None
    dialog.title_edit.setText("Edited by the desk editor")
    dialog.accept()
    with open_workspace(desk["admin"]) as admin:
        article_id = window.article.view.article.id  # type: ignore[union-attr]
        qtbot.waitUntil(
            lambda: admin.article(article_id).article.title == "Edited by the desk editor",  # type: ignore[union-attr]
            timeout=10000,
        )


def _corrected_first_troop_figure(qtbot, window: MainWindow, admin_url: str) -> str:  # noqa: ANN001
    """The text of the open article's first troop figure after an editor corrected it."""
    _open_troop_article(qtbot, window)
    view = window.article.view
    assert view is not None
    first = next(f for f in view.figures if f.figure.kind == "troops")
    with open_workspace(admin_url) as admin:
        admin.correct_figure(view.article.id, first.key, count=4321)
    _click_result(qtbot, window, 0)
    model = window.highlights.model
    [row] = [r for r, g in enumerate(model.groups) if g.key == "troops"]
    return model.index(0, 0, model.index(row, 0)).data(Qt.ItemDataRole.DisplayRole)


@pytest.mark.parametrize(("member", "may_correct"), [("readers", False), ("editors", True)])
def test_no_prompt_invites_what_the_role_may_not_do(qtbot, keeper, desk, member, may_correct):  # noqa: ANN001
    window = _shown(qtbot, keeper, desk[member])
    empty_reader = window.reader.placeholder.text()
    assert "No article open" in empty_reader and "search the library" in empty_reader
    assert "Import" not in empty_reader and "dropping files" not in empty_reader
    assert ("correct a troop figure" in window.highlights.placeholder.text()) is may_correct
    # The server indexes a team library: nothing to re-index, and the menu entry says so.
    assert not window.reindex_action.isEnabled()
    assert window.reindex_action.toolTip().startswith("The server keeps this team library's index")
    # A corrected figure says "corrected" to everyone; the pencil inviting a correction is shown
    # only to whom may correct.
    shown = _corrected_first_troop_figure(qtbot, window, desk["admin"])
    assert "4,321 · " in shown and "corrected" in shown
    assert ("✎" in shown) is may_correct


def test_on_a_local_library_nothing_is_greyed_out(qtbot, keeper, tmp_path):  # noqa: ANN001
    window = _shown(qtbot, keeper, str(tmp_path / "local"))
    assert window.import_files_action.isEnabled() and window.paste_action.isEnabled()
    assert not window.import_files_action.toolTip().startswith("Your role")
    assert window.reindex_action.isEnabled()
    assert "File → Import" in window.reader.placeholder.text()
    assert "correct a troop figure" in window.highlights.placeholder.text()
    _open_troop_article(qtbot, window)
    assert window.article.edit.isEnabled()
    assert isinstance(window.session.workspace, Workspace)


# -- a server that asks for a password ----------------------------------------------------------


def test_the_dialog_asks_for_the_password_the_server_wants_and_keeps_it_when_asked(
    qtbot,  # noqa: ANN001
    keeper,  # noqa: ANN001
    guarded,  # noqa: ANN001
    memory_keyring,  # noqa: ANN001
    tmp_path,  # noqa: ANN001
    private_settings,  # noqa: ANN001
):
    local = _shown(qtbot, keeper, str(tmp_path / "local"))
    dialog = _type_address(qtbot, local, guarded)
    qtbot.waitUntil(lambda: dialog.open_button.isEnabled(), timeout=15000)
    assert "needs a password for" in dialog.message.text()
    assert dialog.focusWidget() is dialog.password and keeper.current is local
    # A wrong one is refused, and nothing is kept.
    dialog.remember.setChecked(True)
    qtbot.keyClicks(dialog.password, "wrong")
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "refused the password" in dialog.message.text(), timeout=15000)
    assert memory_keyring.kept == {} and keeper.current is local
    # The right one opens the library and, with the box ticked, goes to the keyring only.
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, SECRET)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    team = _switched(qtbot, keeper, local)
    assert team.windowTitle() == guarded
    assert list(memory_keyring.kept.values()) == [SECRET]
    settings = "".join(p.read_text(errors="ignore") for p in Path(private_settings).rglob("*.ini"))
    assert guarded in settings and "s3cret" not in settings


def test_a_password_given_in_the_dialog_alone_is_kept_nowhere(
    qtbot,  # noqa: ANN001
    keeper,  # noqa: ANN001
    guarded,  # noqa: ANN001
    memory_keyring,  # noqa: ANN001
    tmp_path,  # noqa: ANN001
):
    local = _shown(qtbot, keeper, str(tmp_path / "local"))
    local.libraries.open_team.trigger()
    dialog = local.libraries.dialog
    dialog.address.setText(guarded)
    qtbot.keyClicks(dialog.password, SECRET)
    assert not dialog.remember.isChecked()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    team = _switched(qtbot, keeper, local)
    assert team.library_label.text().endswith("_pw (editor)")
    assert memory_keyring.kept == {}


def test_at_start_a_remembered_library_that_wants_a_password_asks_for_it(
    monkeypatch,  # noqa: ANN001
    guarded,  # noqa: ANN001
    memory_keyring,  # noqa: ANN001
):
    _remember_for_start(guarded)
    reasons: list[str] = []
    monkeypatch.setattr(
        app_module, "ask_password", lambda reason: reasons.append(reason) or (SECRET, False)
    )
    code, [window] = _run_app_and_see(monkeypatch)
    assert code == 0 and window.windowTitle() == guarded
    assert len(reasons) == 1 and "needs a password for" in reasons[0]
    assert credentials.known_password(guarded) == SECRET and memory_keyring.kept == {}


def test_at_start_a_cancelled_password_offers_the_local_library(
    monkeypatch,  # noqa: ANN001
    guarded,  # noqa: ANN001
    memory_keyring,  # noqa: ANN001
    tmp_path,  # noqa: ANN001
):
    _remember_for_start(guarded)
    monkeypatch.setattr(app_module, "ask_password", lambda reason: None)
    offered: list[str] = []
    monkeypatch.setattr(
        app_module, "offer_local_library", lambda reason: offered.append(reason) or True
    )
    code, [window] = _run_app_and_see(monkeypatch)
    assert code == 0 and "needs a password" in offered[0]
    assert window.windowTitle() == str(tmp_path / "data" / "BriefingReader" / "library")


def test_at_start_the_password_asked_for_may_be_kept_in_the_keyring(
    monkeypatch,  # noqa: ANN001
    guarded,  # noqa: ANN001
    memory_keyring,  # noqa: ANN001
):
    _remember_for_start(guarded)
    monkeypatch.setattr(app_module, "ask_password", lambda reason: (SECRET, True))
    code, [window] = _run_app_and_see(monkeypatch)
    assert code == 0 and window.windowTitle() == guarded
    assert list(memory_keyring.kept.values()) == [SECRET]


def test_the_start_password_dialog_wraps_its_sentence_and_fits_the_screen(qtbot):  # noqa: ANN001
    reason = "The team library at postgresql://alice@db.example/desk needs a password " * 4
    dialog = PasswordDialog(reason.strip())
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.reason.wordWrap()
    assert dialog.width() < 900, "one unwrapped line ran off a 1400-pixel screen"
    qtbot.keyClicks(dialog.password, "pw")
    dialog.remember.setChecked(True)
    dialog.accept()
    assert dialog.answer() == ("pw", True)
    cancelled = PasswordDialog("x")
    qtbot.addWidget(cancelled)
    cancelled.reject()
    assert cancelled.answer() is None


def test_remember_without_a_keyring_opens_the_library_for_the_session_and_says_so(
    qtbot,  # noqa: ANN001
    keeper,  # noqa: ANN001
    guarded,  # noqa: ANN001
    tmp_path,  # noqa: ANN001
):
    keyring.set_keyring(NoKeyring())  # fresh_session (through guarded) puts the old one back
    local = _shown(qtbot, keeper, str(tmp_path / "local"))
    local.libraries.open_team.trigger()
    dialog = local.libraries.dialog
    dialog.address.setText(guarded)
    qtbot.keyClicks(dialog.password, SECRET)
    dialog.remember.setChecked(True)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    team = _switched(qtbot, keeper, local)
    assert team.windowTitle() == guarded
    said = team.statusBar().full_message
    assert said.startswith("The password is used for this session only.")
    assert "no system keyring" in said
