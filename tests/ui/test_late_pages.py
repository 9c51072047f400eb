"""The console's scoring and attendance pages, hidden at the start, are built when first
asked for or once the console is painted (issue 15): whatever asks first (a page key, a
tab, a command that needs the page) finds the page built, wired and up to date."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from jury_desk.qt.core import Qt
from jury_desk.qt.qttest import QTest
from jury_desk.qt.widgets import QApplication, QWidget
from jury_desk.ui.console import ConsoleView


def _opened_unpainted(make_gui: Any) -> Any:
    """The demo opened in an active window, before the console's first paint."""
    gui = make_gui()
    gui.window.activateWindow()
    QApplication.processEvents()  # the welcome screen painted, the window active
    gui.open_demo()
    return gui


def test_a_page_key_pressed_before_the_late_build_builds_the_page_and_shows_it(
    make_gui: Any,
) -> None:
    gui = _opened_unpainted(make_gui)
    view = gui.console.view
    assert not view.is_built(ConsoleView.TAB_SCORING)
    assert not view.is_built(ConsoleView.TAB_ATTENDANCE)
    assert not view.attachments.renderer.running() or view.attachments.renderer._held

    QTest.keyClick(gui.window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)

    assert view.tabs.currentIndex() == ConsoleView.TAB_SCORING
    assert view.is_built(ConsoleView.TAB_SCORING)
    grid = view.grid
    assert view.tabs.currentWidget().widget() is grid  # in its tab, not the empty page
    d = gui.console.ctx.st.dossier(gui.console.current)
    assert grid.title.text() == f"{d.hearing_order}. {d.title}"
    assert grid.table.model() is gui.console.grid_model
    assert grid.table.currentIndex().isValid()  # on the first cell to fill
    assert grid.summary.text().startswith("Fiches complètes")
    assert QApplication.focusWidget() is grid.table
    # Typing goes to the grid and is written, as on a page built at the start.
    gui.type("3\r", grid.table)
    gui.wait_writes()
    assert gui.console.ctx.st.scores


def test_the_attendance_page_built_late_shows_the_session_as_it_is(make_gui: Any) -> None:
    gui = _opened_unpainted(make_gui)
    view = gui.console.view
    quorum = view.quorum_badge.text()
    gui.console.show_page(ConsoleView.TAB_ATTENDANCE)
    page = view.attendance
    assert page.list.model() is gui.console.attendance_model
    assert page.recusals.model() is gui.console.recusal_model
    assert page.deport_button.defaultAction() is gui.console.actions.deport
    n, total = quorum.split(" présents sur ")[0], len(gui.console.ctx.st.jurors)
    assert page.quorum.text().startswith(f"{n} présents sur {total}")
    assert QApplication.focusWidget() is page.list


def test_the_pages_are_built_once_the_console_is_painted(gui: Any) -> None:
    view = gui.console.view
    gui.qtbot.waitUntil(
        lambda: all(view.is_built(tab) for tab in ConsoleView.LATE_PAGES), timeout=10_000
    )
    assert not view.attachments.renderer._held  # the attachment's render started too
    assert view.tabs.currentIndex() == ConsoleView.TAB_HEARING  # nothing else changed


def test_a_page_built_late_keeps_its_place_in_the_tab_order(gui: Any) -> None:
    """Tab goes through the widgets in the order a page built at the start had: the
    scoring page after the hearing page, then the attendance page, then what follows."""
    view = gui.console.view
    view.build_pages()
    chain: list[QWidget] = []
    w: QWidget = gui.window
    while True:
        w = w.nextInFocusChain()
        if w is gui.window or w in chain:
            break
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus:
            chain.append(w)
    at = chain.index
    order = [
        view.order,
        view.attachments.open_external,  # the hearing page's
        view.grid.blind,
        view.grid.table,
        view.grid.comment,
        view.attendance.list,
        view.attendance.all_present,
        view.attendance.recusals,
        view.attendance.withdraw,
    ]
    assert [at(w) for w in order] == sorted(at(w) for w in order)
    # Then what came after the pages: the projector's miniature in the header.
    after = [w for w in chain[at(view.attendance.withdraw) + 1 :] if view.isAncestorOf(w)]
    assert all(
        not view.tabs.isAncestorOf(w) or view.deliberation_host.isAncestorOf(w) for w in after
    )


def test_a_render_asked_while_held_starts_at_release_as_it_was_asked(qtbot: Any) -> None:
    from jury_desk.ui.pdf_render import PageRenderer
    from tests.pdfbomb import simple_pdf

    renderer = PageRenderer()
    renderer.hold()
    renderer.render(simple_pdf(2), 300)
    assert renderer.running() and renderer.last_pid is None  # asked, no process yet
    renderer.cancel()  # another dossier before the first paint: nothing is left to start
    assert not renderer.running()
    renderer.release()
    assert not renderer.running() and renderer.last_pid is None
    renderer.hold()
    renderer.render(simple_pdf(3), 300, 0, 1)
    with qtbot.waitSignal(renderer.opened, timeout=30_000) as opened:
        renderer.release()
    assert opened.args == [3]
    assert renderer.last_pid is not None
    qtbot.waitUntil(lambda: not renderer.running(), timeout=30_000)


@given(st.text())
def test_html_text_escapes_as_the_standard_library_does(text: str) -> None:
    """The shared screen's escape (uifmt.html_text, without importing html at the start)
    is html.escape's, quotes included."""
    import html

    from jury_desk.ui import uifmt

    assert uifmt.html_text(text) == html.escape(text)


def test_the_welcome_screen_joins_the_window_when_first_shown(
    make_gui: Any, qtbot: Any, tmp_path: Path
) -> None:
    """Opened on a session as at the start, the window never lays out the welcome screen
    (issue 15: 2.5 ms of the start); asked for, or shown with nothing opened, the welcome
    screen is its page."""
    from jury_desk.core import settings as core_settings
    from jury_desk.core.services import Desk
    from jury_desk.ui import app

    db = tmp_path / "demo.sqlite3"
    desk = Desk(db)
    desk.import_demo()
    desk.close()
    window, controller = app.build(core_settings.load(), db_path=db, language="fr")
    qtbot.addWidget(window)
    try:
        controller.open_session(None)
        window.show()
        QApplication.processEvents()
        assert window.stack.indexOf(window.welcome) < 0
        assert window.stack.currentWidget() is controller.console.view
        controller.show_welcome()
        assert window.stack.currentWidget() is window.welcome
        assert window.welcome.isVisible()
    finally:
        controller.shutdown()
        controller.writer.shutdown()
        if controller.desk is not None:
            controller.desk.close()
        controller.shared.close()

    empty = make_gui(db=db.with_name("empty.sqlite3"))  # shown with nothing opened
    assert empty.window.stack.currentWidget() is empty.window.welcome
    assert empty.window.welcome.isVisible()
