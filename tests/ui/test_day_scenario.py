"""Issue 5's « done when », played as one day of a jury by keyboard alone.

On a real SQLite file and the real main window, the secretary opens the demo session
from the welcome screen, shows the shared screen, takes attendance with one juror
absent, runs three hearings with the timer on the shared screen (warning, overtime,
durations recorded), scores the three dossiers in blind mode — the shared screen never
shows a typed value — and records one déport with Ctrl+D; then the window is closed
and a fresh ``Desk`` on the same file finds everything, with an intact audit chain.
"""

from __future__ import annotations

from fractions import Fraction

from jury_desk.core import audit
from jury_desk.core.domain import to_fraction
from jury_desk.core.services import Desk
from jury_desk.qt.core import Qt
from jury_desk.qt.widgets import QApplication
from jury_desk.ui.console import ConsoleView
from jury_desk.ui.models import Roles
from jury_desk.ui.shared_screen import walk_texts
from tests.ui.test_hearing import press

CTRL = Qt.KeyboardModifier.ControlModifier
ABSENT = "j04"  # Ousmane Diallo, fourth in the attendance list
DEPORT = ("j03", "d02")  # Hélène Marchetti leaves the room for the second dossier
DOSSIERS = ("d01", "d02", "d03")


def value_for(d: int, j: int, criterion: str) -> str:
    """What the secretary reads off juror ``j``'s sheet for dossier ``d``, as typed."""
    if criterion == "impact":  # 0 to 10, step 0,5
        return f"{(d * 3 + j) % 10},5"
    return str((d + j * 2 + len(criterion)) % 6)  # 0 to 5, step 1


def assert_blind(shared, typed: set[str]) -> None:
    """No text anywhere in the shared screen's widget tree is a value typed so far."""
    texts = walk_texts(shared)
    shown = [t for t in texts if t in typed]
    assert not shown, shown
    model = shared.grid_model
    cells = {
        model.index(r, c).data()
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    }
    assert not cells & typed, cells


def test_a_jury_day_by_keyboard_survives_closing(make_gui) -> None:
    gui = make_gui()
    window, controller, clock = gui.window, gui.controller, gui.clock

    # The welcome screen: Tab to « Ouvrir la session de démonstration », Space.
    demo = window.welcome.demo_button
    demo.setFocus()
    gui.key(Qt.Key.Key_Space, widget=demo)
    gui.qtbot.waitUntil(lambda: controller.console is not None, timeout=10_000)
    console = gui.console
    sid = gui.ctx.sid
    assert gui.ctx.st.is_demo and gui.ctx.st.blind

    # Ctrl+E: the shared screen.
    window.activateWindow()
    gui.key(Qt.Key.Key_E, CTRL, window)
    shared = controller.shared
    assert shared.isVisible()

    # Ctrl+3: attendance; Down to the fourth juror, Space marks them absent.
    window.activateWindow()
    gui.key(Qt.Key.Key_3, CTRL, window)
    assert console.view.tabs.currentIndex() == ConsoleView.TAB_ATTENDANCE
    lst = console.view.attendance.list
    assert lst.hasFocus()
    gui.key(Qt.Key.Key_Home, widget=lst)
    for _ in range(3):
        gui.key(Qt.Key.Key_Down, widget=lst)
    assert lst.currentIndex().row() == 3
    gui.key(Qt.Key.Key_Space, widget=lst)
    gui.wait_writes()
    assert gui.ctx.st.attendance_taken and ABSENT not in gui.ctx.st.present
    assert "6 présents sur 7" in console.view.attendance.quorum.text()

    typed: dict[tuple[str, str, str], str] = {}
    shown_typed: set[str] = set()
    durations: dict[str, tuple[int, int]] = {}
    for n, did in enumerate(DOSSIERS):
        assert console.current == did

        # The hearing, on the hearing page, with the F keys.
        window.activateWindow()
        gui.key(Qt.Key.Key_1, CTRL, window)
        assert console.view.tabs.currentIndex() == ConsoleView.TAB_HEARING
        press(gui, Qt.Key.Key_F5)  # start
        assert gui.ctx.st.hearings[did].state == "en_audition"
        presentation = 420 + 17 * n
        clock.advance(presentation * 1000)
        press(gui, Qt.Key.Key_F6)  # questions
        assert shared.digits.text() == "10:00" and shared.timer_level() == "normal"
        clock.advance(541_000)  # 59 s left
        console.timer.tick()
        assert shared.timer_level() == "warning" and shared.digits.text() == "00:59"
        questions = 605 + n
        clock.advance((questions - 541) * 1000)
        console.timer.tick()
        assert shared.timer_level() == "overtime" and shared.digits.text() == f"+00:{5 + n:02d}"
        press(gui, Qt.Key.Key_F7)  # end of the hearing
        durations[did] = (presentation, questions)
        h = gui.ctx.st.hearings[did]
        assert h.state == "entendu" and (h.presentation_s, h.questions_s) == durations[did]

        # The grid, Ctrl+2; the déport first when it is this dossier's.
        window.activateWindow()
        gui.key(Qt.Key.Key_2, CTRL, window)
        assert console.view.tabs.currentIndex() == ConsoleView.TAB_SCORING
        table = console.view.grid.table
        model = console.grid_model
        assert table.hasFocus()
        if did == DEPORT[1]:
            gui.key(Qt.Key.Key_Right, widget=table)
            gui.key(Qt.Key.Key_Right, widget=table)
            assert model.juror(table.currentIndex().column()).id == DEPORT[0]
            gui.key(Qt.Key.Key_D, CTRL, table)  # the dialog opens on that juror; Enter
            gui.wait_writes()
            assert shared.banner.isVisibleTo(shared)
            assert (
                shared.banner.text() == "Hélène Marchetti quitte la salle pour ce dossier (déport)."
            )
            table.setFocus()
            gui.key(Qt.Key.Key_Home, widget=table)
        # Each available juror's sheet, top to bottom, Enter after each value.
        jurors = [
            (col, model.juror(col).id)
            for col in range(model.columnCount())
            if model.is_available(col)
        ]
        assert ABSENT not in {j for _, j in jurors}
        start = table.currentIndex()
        assert (start.row(), start.column()) == (0, jurors[0][0])
        criteria = [c.id for c in gui.ctx.st.criteria]
        for j_pos, (col, jid) in enumerate(jurors):
            for row, crit in enumerate(criteria):
                assert (table.currentIndex().row(), table.currentIndex().column()) == (row, col)
                text = value_for(n, j_pos, crit)
                typed[(did, jid, crit)] = text
                shown_typed.add(text)
                gui.type(text, table)
                assert_blind(shared, shown_typed)
                gui.key(Qt.Key.Key_Return, widget=QApplication.focusWidget())
                assert_blind(shared, shown_typed)
        gui.wait_writes()
        assert_blind(shared, shown_typed)
        for col, _jid in jurors:
            for row in range(len(criteria)):
                assert model.index(row, col).data(Roles.State) == "saved"
                assert model.index(row, col).data() == model.MASK
        if did != DOSSIERS[-1]:
            window.activateWindow()
            gui.key(Qt.Key.Key_PageDown, CTRL, window)
            gui.wait_writes()

    # The day ends: the window is closed, nothing is saved by hand.
    window.close()
    QApplication.processEvents()
    assert not controller.writer.busy

    desk = Desk(gui.db)
    try:
        st = desk.state(sid)
        got = {k: v for k, v in st.scores.items() if k[0] in DOSSIERS}
        assert got == {k: to_fraction(v.replace(",", ".")) for k, v in typed.items()}
        assert any(v.denominator == 2 for v in got.values()) and Fraction(0) in got.values()
        for did, (presentation, questions) in durations.items():
            h = st.hearings[did]
            assert (h.state, h.presentation_s, h.questions_s) == (
                "entendu",
                presentation,
                questions,
            )
        rec = st.recusal(*DEPORT)
        assert rec is not None and rec.reason == "Déport déclaré en séance" and rec.at
        assert st.attendance_taken and st.present == frozenset(
            {"j01", "j02", "j03", "j05", "j06", "j07"}
        )
        entries = desk.audit_entries(sid)
        assert audit.verify_chain(entries).ok
        actions = [e["action"] for e in entries]
        assert actions.count("hearing.finish") == 3 and actions.count("score.set") == len(typed)
    finally:
        desk.close()
