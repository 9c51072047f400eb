"""Sealed sheets on the laptop (issue 14): the secretary validates the complete sheets of
the dossier (Ctrl+Shift+V); a later change asks for its reason in a dialog, or is given up
and the grid shows the value in force again. The shared screen shows who has validated,
never a value."""

from __future__ import annotations

from jury_desk.core.services import Desk
from jury_desk.qt.core import Qt
from jury_desk.qt.widgets import QApplication, QLineEdit, QWidget
from jury_desk.ui.models import Roles
from jury_desk.ui.shared_presenter import build_frame
from tests.ui.test_day_full import answer_next_dialog
from tests.ui.test_scoring_flow import db_scores, go_to_grid

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_a_validated_sheet_changes_only_with_a_reason(gui) -> None:
    console, sid = gui.console, gui.ctx.sid
    go_to_grid(gui)
    table, model = console.view.grid.table, console.grid_model
    for text in ["4", "7", "3", "2", "5"]:
        gui.type(text, table)
        gui.key(Qt.Key.Key_Return, widget=QApplication.focusWidget())
    gui.wait_writes()

    gui.key(Qt.Key.Key_V, CTRL | SHIFT, table)  # the confirmation is answered yes in tests
    gui.wait_writes()
    desk = Desk(gui.db)
    try:
        assert desk.state(sid).sealed == {("d01", "j01")}  # j02 is incomplete: not sealed
        (entry,) = [e for e in desk.audit_entries(sid) if e["action"] == "sheet.validated"]
        assert entry["actor"] == "secretariat" and entry["data"]["juror_id"] == "j01"
    finally:
        desk.close()
    assert model.headerData(0, Qt.Orientation.Horizontal).endswith("validée")
    assert "1 validée" in console.view.grid.summary.text()
    frame = build_frame(gui.ctx.st, "d01")
    assert frame.grid is not None and frame.grid.validated[:2] == (True, False)

    # A change given up: Escape in the dialog; nothing written, the value in force back.
    table.setFocus()
    table.setCurrentIndex(model.index(1, 0))
    answer_next_dialog(lambda dialog: gui.key(Qt.Key.Key_Escape, widget=dialog))
    gui.type("6", table)
    gui.key(Qt.Key.Key_Return, widget=QApplication.focusWidget())
    gui.qtbot.waitUntil(lambda: "abandonnée" in console.view.grid.message.text(), timeout=5_000)
    gui.wait_writes()
    assert db_scores(gui, "d01")[("j01", "impact")] == 7
    assert model.index(1, 0).data(Roles.State) == "saved"

    # The keyboard is back in the grid, on the cell (the window active again: offscreen,
    # closing a dialog does not give the activation back by itself).
    gui.window.activateWindow()
    gui.qtbot.waitUntil(table.hasFocus, timeout=5_000)
    assert table.currentIndex() == model.index(1, 0)

    # The same change with its reason: typed in the dialog, Enter records it.
    def give_reason(dialog: QWidget) -> None:
        field = QApplication.focusWidget()
        assert isinstance(field, QLineEdit) and field.window() is dialog
        gui.key(Qt.Key.Key_Return, widget=field)  # an empty reason records nothing
        assert dialog.isVisible()
        gui.type("Erreur de saisie", field)
        gui.key(Qt.Key.Key_Return, widget=field)

    table.setCurrentIndex(model.index(1, 0))
    answer_next_dialog(give_reason)
    gui.type("6", table)
    gui.key(Qt.Key.Key_Return, widget=QApplication.focusWidget())
    gui.qtbot.waitUntil(lambda: db_scores(gui, "d01")[("j01", "impact")] == 6, timeout=5_000)
    gui.wait_writes()
    desk = Desk(gui.db)
    try:
        last = [e for e in desk.audit_entries(sid) if e["action"] == "score.correct"][-1]
        assert last["data"]["reason"] == "Erreur de saisie" and last["data"]["sealed"] is True
        assert last["data"]["previous"] == "7" and last["data"]["value"] == "6"
    finally:
        desk.close()
    assert model.headerData(0, Qt.Orientation.Horizontal).endswith("validée")  # still sealed
