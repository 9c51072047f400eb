"""The keyboard scoring flow, end to end, on the demo session and a real SQLite file.

A secretary opens the demo, goes to the grid with Ctrl+2 and types a juror's whole
sheet (Enter after each value), then a value for the next juror with Tab; nothing is
shown as saved before it is in the database; blind mode masks what was typed; Ctrl+Z
undoes the last change (as an audited correction); Delete clears a value; an invalid
keystroke is refused; recused jurors are skipped and greyed with their reason.
"""

from __future__ import annotations

from fractions import Fraction

from jury_desk.core.services import Desk
from jury_desk.qt.core import Qt
from jury_desk.qt.widgets import QApplication, QLineEdit
from jury_desk.ui import announce
from jury_desk.ui.console import ConsoleView
from jury_desk.ui.models import Roles
from tests.ui.conftest import Gui

CTRL = Qt.KeyboardModifier.ControlModifier


def db_scores(gui, dossier: str) -> dict[tuple[str, str], Fraction]:
    """What another process would read from the file now."""
    desk = Desk(gui.db)
    try:
        st = desk.state(gui.ctx.sid)
        return {(j, c): v for (d, j, c), v in st.scores.items() if d == dossier}
    finally:
        desk.close()


def go_to_grid(gui) -> None:
    gui.window.activateWindow()
    gui.key(Qt.Key.Key_2, CTRL, gui.window)
    QApplication.processEvents()
    assert gui.console.view.tabs.currentIndex() == ConsoleView.TAB_SCORING
    gui.console.view.grid.table.setFocus()


def test_typing_a_whole_sheet_by_keyboard_saves_each_value(gui) -> None:
    console = gui.console
    assert console.current == "d01"
    go_to_grid(gui)
    table = console.view.grid.table
    model = console.grid_model
    # The cursor starts on the first juror's first criterion.
    assert (table.currentIndex().row(), table.currentIndex().column()) == (0, 0)
    for text in ["4", "7,5", "3", "2.0", "5"]:
        gui.type(text, table)
        gui.key(Qt.Key.Key_Return, widget=QApplication.focusWidget())
    gui.wait_writes()
    # Enter went down the sheet, then to the next juror's first criterion.
    assert (table.currentIndex().row(), table.currentIndex().column()) == (0, 1)
    saved = db_scores(gui, "d01")
    assert saved == {
        ("j01", "innovation"): 4,
        ("j01", "impact"): Fraction(15, 2),
        ("j01", "implication"): 3,
        ("j01", "faisabilite"): 2,
        ("j01", "partenariats"): 5,
    }
    for row in range(5):
        assert model.index(row, 0).data(Roles.State) == "saved"
    # Blind mode (the demo's default): the grid never shows what was typed.
    assert {model.index(r, 0).data() for r in range(5)} == {model.MASK}
    assert model.headerData(0, Qt.Orientation.Horizontal).endswith("5/5 ✓")
    # The right arrow records and goes across jurors on the same criterion.
    gui.type("1", table)
    gui.key(Qt.Key.Key_Right, widget=QApplication.focusWidget())
    gui.wait_writes()
    assert (table.currentIndex().row(), table.currentIndex().column()) == (0, 2)
    assert db_scores(gui, "d01")[("j02", "innovation")] == 1


def test_a_value_is_shown_saved_only_once_written(gui) -> None:
    console = gui.console
    go_to_grid(gui)
    table = console.view.grid.table
    states: list[tuple[str, bool]] = []
    model = console.grid_model

    def on_change(top_left, _bottom_right, _roles=()) -> None:
        if top_left.row() == 0 and top_left.column() == 0:
            state = model.index(0, 0).data(Roles.State)
            states.append((state, ("j01", "innovation") in db_scores(gui, "d01")))

    model.dataChanged.connect(on_change)
    gui.type("3", table)
    gui.key(Qt.Key.Key_Return, widget=QApplication.focusWidget())
    gui.wait_writes()
    assert states[0][0] == "pending"
    saved_states = [in_db for state, in_db in states if state == "saved"]
    assert saved_states and all(saved_states), states


def test_a_refused_value_is_kept_as_typed_and_never_recorded(gui) -> None:
    """The issue's case: « 15 » on a 0–10 scale must not record 1."""
    console = gui.console
    go_to_grid(gui)
    table = console.view.grid.table
    model = console.grid_model
    assert model.criterion(1).max == 10
    table.go(model.index(1, 0))
    gui.type("15", table)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "15"  # the « 5 » is kept
    assert editor.property("verdict") == "refused"
    assert "au-dessus du maximum" in console.view.grid.message.text()
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Tab, Qt.Key.Key_Down):
        gui.key(key, widget=editor)
        assert QApplication.focusWidget() is editor  # the cursor stays on the cell
        assert editor.text() == "15"
    message = console.view.grid.message.text()
    assert message.startswith("Non enregistré — « 15 »") and "Échap" in message
    assert "Non enregistré" in editor.accessibleDescription()
    assert any(a.text == message and a.assertive for a in announce.history)
    gui.wait_writes()
    assert db_scores(gui, "d01") == {}
    # Corrected: Backspace gives « 1 », which is admitted and recorded as 1.
    gui.key(Qt.Key.Key_Backspace, widget=editor)
    assert editor.property("verdict") == ""
    gui.key(Qt.Key.Key_Return, widget=editor)
    gui.wait_writes()
    assert db_scores(gui, "d01") == {("j01", "impact"): 1}
    assert console.view.grid.message.text() == ""  # the old refusal is gone
    assert (
        announce.history[-1].text
        == "Impact pour les habitants, Corinne Malabre : saisi, enregistré"
    )


def test_an_incomplete_value_is_refused_and_escape_cancels(gui) -> None:
    console = gui.console
    go_to_grid(gui)
    table = console.view.grid.table
    gui.type("3,", table)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "3,"
    gui.key(Qt.Key.Key_Return, widget=editor)
    assert QApplication.focusWidget() is editor
    assert "valeur incomplète" in console.view.grid.message.text()
    gui.type("5", editor)  # step 1: « 3,5 » is refused, and kept as typed
    assert editor.text() == "3,5"
    assert "pas un multiple du pas" in console.view.grid.message.text()
    gui.key(Qt.Key.Key_Escape, widget=editor)
    assert QApplication.focusWidget() is table
    gui.wait_writes()
    assert db_scores(gui, "d01") == {}


def test_an_absent_jurors_cell_says_why_it_takes_no_input(gui) -> None:
    console = gui.console
    gui.console.set_present("j04", False)
    gui.wait_writes()
    go_to_grid(gui)
    table = console.view.grid.table
    table.go(console.grid_model.index(0, 3))
    gui.type("4", table)
    text = console.view.grid.message.text()
    assert "ne note pas ce dossier" in text and "absent" in text
    assert announce.history[-1].text == text


def test_undo_and_delete_are_audited_corrections(gui) -> None:
    console = gui.console
    go_to_grid(gui)
    table = console.view.grid.table
    gui.type("4", table)
    gui.key(Qt.Key.Key_Return, widget=QApplication.focusWidget())
    gui.wait_writes()
    table.go(console.grid_model.index(0, 0))
    gui.type("2", table)
    gui.key(Qt.Key.Key_Return, widget=QApplication.focusWidget())
    gui.wait_writes()
    assert db_scores(gui, "d01")[("j01", "innovation")] == 2
    table.go(console.grid_model.index(3, 3))  # elsewhere
    gui.key(Qt.Key.Key_Z, CTRL, table)
    gui.wait_writes()
    assert db_scores(gui, "d01")[("j01", "innovation")] == 4
    assert "revient à" in console.view.grid.message.text()
    # Undo brings the cursor back to the undone cell.
    assert (table.currentIndex().row(), table.currentIndex().column()) == (0, 0)
    gui.key(Qt.Key.Key_Delete, widget=table)
    gui.wait_writes()
    assert ("j01", "innovation") not in db_scores(gui, "d01")
    # Clearing says so, in words and to the screen reader.
    assert console.view.grid.message.text() == "Effacé : « Caractère innovant » de Corinne Malabre."
    assert announce.history[-1].text == console.view.grid.message.text()
    actions = [
        (e["action"], e["actor"])
        for e in gui.ctx.desk.audit_entries(gui.ctx.sid)
        if e["action"].startswith("score.")
    ]
    assert actions == [
        ("score.set", "secretariat"),
        ("score.correct", "secretariat"),
        ("score.correct", "secretariat (annulation)"),
        ("score.clear", "secretariat"),
    ]


def test_recused_and_absent_jurors_are_greyed_and_skipped(gui) -> None:
    console = gui.console
    # j01 has a conflict of interest for d03 (from the bundle); mark j04 absent.
    gui.console.set_present("j04", False)
    gui.wait_writes()
    console.select("d03")
    go_to_grid(gui)
    model = console.grid_model
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert model.index(0, 0).data(Roles.State) == "off"
    assert model.index(0, 0).data() == "conflit d’intérêts"
    assert "Élue de la commune du projet" in model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "Élue de la commune du projet" in model.index(0, 0).data(
        Qt.ItemDataRole.AccessibleDescriptionRole
    )
    assert model.index(0, 3).data() == "absent"
    table = console.view.grid.table
    # The first cell to type in is the first juror who scores: j02.
    assert table.currentIndex().column() == 1
    # Enter on j03's (column 2) last criterion jumps over the absent j04 (column 3).
    table.go(model.index(model.rowCount() - 1, 2))
    gui.key(Qt.Key.Key_Return, widget=table)
    assert (table.currentIndex().row(), table.currentIndex().column()) == (0, 4)


def test_a_deport_in_two_keystrokes(gui) -> None:
    console = gui.console
    go_to_grid(gui)
    table = console.view.grid.table
    table.go(console.grid_model.index(0, 2))  # Hélène Marchetti (j03)
    gui.key(Qt.Key.Key_D, CTRL, table)  # the dialog opens filled in; Enter (headless: accepted)
    gui.wait_writes()
    st = gui.ctx.st
    rec = st.recusal("j03", "d01")
    assert rec is not None and rec.reason == "Déport déclaré en séance" and rec.at
    assert console.grid_model.index(0, 2).data(Roles.State) == "off"
    banner = gui.controller.shared.banner
    assert banner.isVisibleTo(gui.controller.shared)
    assert banner.text() == "Hélène Marchetti quitte la salle pour ce dossier (déport)."


def test_comment_is_saved_per_juror(gui) -> None:
    console = gui.console
    go_to_grid(gui)
    view = console.view.grid
    view.table.go(console.grid_model.index(0, 1))
    assert view.comment_label.text() == "Commentaire de Karim Benhadj"
    view.comment.setFocus()
    gui.type("Projet solide, partenariats à préciser.", view.comment)
    gui.key(Qt.Key.Key_Return, CTRL, view.comment)
    gui.wait_writes()
    desk = Desk(gui.db)
    try:
        assert (
            desk.state(gui.ctx.sid).comments[("d01", "j02")]
            == "Projet solide, partenariats à préciser."
        )
    finally:
        desk.close()
    assert view.comment_state.text().startswith("Commentaire enregistré")


def test_blind_grid_reads_entered_or_to_enter_on_the_console_too(gui) -> None:
    """Before the reveal, the console's grid says « saisi » / « à saisir », never a value."""
    from jury_desk.qt.widgets import QStyleOptionViewItem

    console = gui.console
    go_to_grid(gui)
    table = console.view.grid.table
    model = console.grid_model
    gui.type("4", table)
    gui.key(Qt.Key.Key_Return, widget=QApplication.focusWidget())
    gui.wait_writes()
    assert model.masked

    def shown(row: int, col: int) -> str:
        option = QStyleOptionViewItem()
        console.view.grid.delegate.initStyleOption(option, model.index(row, col))
        return option.text

    assert shown(0, 0) == "saisi"
    assert shown(1, 0) == "à saisir"
    # The cell being typed shows what is typed, and only there.
    gui.type("3", table)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "3"
    assert shown(0, 0) == "saisi"


def test_undo_blind_and_reveal_follow_the_session_when_it_opens(gui: Gui) -> None:
    """The demo opens blind, nothing typed yet: nothing to undo, the blind mode can be
    switched and the scores revealed (the session's actions no longer turn undo on)."""
    actions = gui.controller.actions
    st = gui.controller.ctx.st
    assert st.blind and not st.revealed
    assert not actions.undo.isEnabled()
    assert actions.blind.isEnabled() and actions.blind.isChecked()
    assert actions.reveal.isEnabled()
    gui.controller.close_console()
    gui.controller.show_welcome()
    assert not (actions.undo.isEnabled() or actions.blind.isEnabled() or actions.reveal.isEnabled())
