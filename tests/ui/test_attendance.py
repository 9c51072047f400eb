"""Attendance at the opening with the quorum, and recusals (bundle conflicts, déports)."""

from __future__ import annotations

from jury_desk.core.services import Desk
from jury_desk.qt.core import Qt
from jury_desk.ui.console import ConsoleView


def test_taking_attendance_by_keyboard_updates_the_quorum(gui) -> None:
    console = gui.console
    view = console.view.attendance
    assert "7 présents sur 7" in view.quorum.text() and "pas encore relevée" in view.quorum.text()
    gui.key(Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier, gui.window)
    assert console.view.tabs.currentIndex() == ConsoleView.TAB_ATTENDANCE
    lst = view.list
    lst.setFocus()
    for row in (1, 2, 4):  # j02, j03, j05 absent: 4 present, quorum of 5 not met
        lst.setCurrentIndex(console.attendance_model.index(row))
        gui.key(Qt.Key.Key_Space, widget=lst)
        gui.wait_writes()
    assert len(gui.ctx.st.present) == 4 and gui.ctx.st.attendance_taken
    assert "NON atteint" in view.quorum.text() and view.quorum.objectName() == "quorumKo"
    assert "NON atteint" in console.view.quorum_badge.text()
    desk = Desk(gui.db)
    try:
        assert desk.state(gui.ctx.sid).present == frozenset({"j01", "j04", "j06", "j07"})
    finally:
        desk.close()
    # The grid greys the absent.
    assert console.grid_model.index(0, 1).data() == "absent"
    view.all_present.click()
    gui.wait_writes()
    assert len(gui.ctx.st.present) == 7 and "atteint ✓" in view.quorum.text()


def test_bundle_conflicts_are_listed_and_a_deport_can_be_withdrawn(gui, dialog_log) -> None:
    console = gui.console
    model = console.recusal_model
    assert model.rowCount() == 2
    first = [model.index(0, c).data() for c in range(model.columnCount())]
    assert (
        first[0] == "Corinne Malabre"
        and first[2] == "Conflit d’intérêts"
        and first[4] == "Paquet du siège"
    )
    console.record_recusal("j06", "d01", "conflict", "Ancien salarié de la structure")
    gui.wait_writes()
    assert model.rowCount() == 3
    row = next(r for r in range(3) if model.index(r, 0).data() == "Thomas Riou")
    assert model.index(row, 5).data()  # the time it was recorded
    console.view.attendance.recusals.setCurrentIndex(model.index(row, 0))
    console.withdraw_selected()
    gui.wait_writes()
    assert model.rowCount() == 2 and gui.ctx.st.recusal("j06", "d01") is None
    # A conflict from the bundle cannot be withdrawn.
    console.view.attendance.recusals.setCurrentIndex(model.index(0, 0))
    console.withdraw_selected()
    assert dialog_log.errors and dialog_log.errors[-1].code == "bundle_conflict"
