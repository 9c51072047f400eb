"""Issue 13's « done when »: the whole demo day at 1280×720 with the projector at
1024×768, in French and in English.

Opening from the welcome screen with one juror absent, three timed hearings with a déport,
blind scoring on the console; paper sheets imported with a preview for the other dossiers
(the absent juror's rows left out by an explicit choice) and their hearings entered
afterwards with a reason; reveal, one departure from the rules' proposal with its
justification, the closing checklist, close, export verified; then a restart lands where
it left. Keys go to whatever has the focus; the modal dialogs (the sheets' preview, a
hearing entered afterwards) are the real ones, answered by keystrokes; a value typed out
of its scale is refused, then corrected. The keystrokes are counted and printed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from jury_desk.core import audit, resources
from jury_desk.core import settings as core_settings
from jury_desk.core.services import Desk
from jury_desk.qt.core import QSize, Qt, QTimer
from jury_desk.qt.widgets import QApplication, QLineEdit, QWidget
from jury_desk.ui.console import ConsoleView
from jury_desk.ui.deliberation import DeliberationView
from jury_desk.ui.deliberation.closing import HearingAfterwardsDialog
from jury_desk.ui.deliberation.models import DecisionModel
from jury_desk.ui.sheets_dialog import SheetsPreviewDialog
from tests.ui.test_day_scenario import value_for
from tests.ui.test_fits_screen import overlaps

CTRL = Qt.KeyboardModifier.ControlModifier
ABSENT = "j04"
DEPORT = ("j03", "d02")
TIMED = ("d01", "d02", "d03")
WHY = "Projet déjà financé par le contrat de ville cette année"
REASON = "Audition tenue sur papier : l’ordinateur était réservé aux trois premières"


class Keys:
    """Counts what the secretary presses."""

    def __init__(self, gui: Any) -> None:
        self.gui = gui
        self.count = 0

    def key(
        self, key: Qt.Key, modifier: Any = Qt.KeyboardModifier.NoModifier, widget: Any = None
    ) -> None:
        self.count += 1
        self.gui.key(key, modifier, widget)

    def type(self, text: str, widget: Any = None) -> None:
        self.count += len(text)
        self.gui.type(text, widget)

    def window_key(self, key: Qt.Key, modifier: Any = Qt.KeyboardModifier.NoModifier) -> None:
        self.gui.window.activateWindow()
        self.key(key, modifier, self.gui.window)
        QApplication.processEvents()


# The mnemonics of the real dialogs, French and English (tests/ui/test_mnemonics checks
# that they are unique).
SKIP_KEY = {"fr": Qt.Key.Key_Eacute, "en": Qt.Key.Key_L}
REASON_KEY = {"fr": Qt.Key.Key_M, "en": Qt.Key.Key_R}
SAVE_KEY = {"fr": Qt.Key.Key_E, "en": Qt.Key.Key_V}
REFUSED_ON = "innovation"  # a 0–5 criterion: « 7 » is refused


def answer_next_dialog(script: Callable[[QWidget], None]) -> None:
    """When the next modal dialog is open (its own event loop running), answer it with
    keystrokes: the real dialog, not a stand-in."""
    answered = False

    def run() -> None:
        nonlocal answered
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible() or answered:
            if not answered:
                QTimer.singleShot(10, run)
            return
        answered = True
        dialog.activateWindow()
        QApplication.processEvents()
        script(dialog)

    QTimer.singleShot(0, run)


def type_refused_then_correct(k: Keys, gui: Any, table: Any, sid: str) -> None:
    """« 7 » on a 0–5 scale: Enter records nothing, the cursor stays on the cell with the
    reason beside it; Backspace clears it for the right value."""
    before = len(Desk(gui.db).state(sid).scores)
    k.type("7", table)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.property("verdict") == "refused"
    k.key(Qt.Key.Key_Return, widget=editor)
    gui.wait_writes()
    assert QApplication.focusWidget() is editor and editor.text() == "7"
    assert gui.console.view.grid.message.text()  # why, in words
    assert len(Desk(gui.db).state(sid).scores) == before  # nothing recorded
    k.key(Qt.Key.Key_Backspace, widget=editor)
    assert editor.text() == ""


def other_sheets(tmp: Path) -> Path:
    """The demo's paper sheets for the dossiers not typed on the console."""
    rows = list(
        csv.reader(io.StringIO(resources.path("demo", "demo-scores.csv").read_text("utf-8")))
    )
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(rows[0])
    for r in rows[1:]:
        if r and r[0] not in TIMED:
            w.writerow(r)
    path = tmp / "feuilles.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_whole_demo_day_by_keyboard(
    make_gui: Any, language: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dialog_log: Any
) -> None:
    gui = make_gui(language=language)
    window, controller, clock = gui.window, gui.controller, gui.clock
    window.resize(1280, 720)
    k = Keys(gui)

    # Opening: the demo from the welcome screen; the projector at 1024×768.
    demo = window.welcome.demo_button
    demo.setFocus()
    k.key(Qt.Key.Key_Space, widget=demo)
    gui.qtbot.waitUntil(lambda: controller.console is not None, timeout=10_000)
    console, sid = gui.console, gui.ctx.sid
    k.window_key(Qt.Key.Key_E, CTRL)
    shared = controller.shared
    shared.resize(QSize(1024, 768))
    QApplication.processEvents()
    assert shared.isVisible()

    # One juror absent.
    k.window_key(Qt.Key.Key_3, CTRL)
    lst = console.view.attendance.list
    gui.qtbot.waitUntil(lst.hasFocus, timeout=5_000)  # Ctrl+3 puts the keyboard there
    k.key(Qt.Key.Key_Home, widget=lst)
    for _ in range(3):
        k.key(Qt.Key.Key_Down, widget=lst)
    k.key(Qt.Key.Key_Space, widget=lst)
    gui.wait_writes()
    assert ABSENT not in gui.ctx.st.present

    # Three timed hearings, blind scoring, one déport.
    for n, did in enumerate(TIMED):
        assert console.current == did
        k.window_key(Qt.Key.Key_1, CTRL)
        for key, ms in ((Qt.Key.Key_F5, 480_000), (Qt.Key.Key_F6, 560_000), (Qt.Key.Key_F7, 0)):
            k.window_key(key)
            gui.wait_writes()
            clock.advance(ms)
            console.timer.tick()
        assert gui.ctx.st.hearings[did].state == "entendu"
        k.window_key(Qt.Key.Key_2, CTRL)
        table, model = console.view.grid.table, console.grid_model
        if did == DEPORT[1]:
            # Arrows move in the grid (Tab leaves it, like every table).
            k.key(Qt.Key.Key_Right, widget=table)
            k.key(Qt.Key.Key_Right, widget=table)
            k.key(Qt.Key.Key_D, CTRL, table)
            gui.wait_writes()
            assert console.view.leaving.isVisible()  # « X quitte la salle » on the console too
            table.setFocus()
            k.key(Qt.Key.Key_Home, widget=table)
        jurors = [model.juror(c).id for c in range(model.columnCount()) if model.is_available(c)]
        for j_pos, _jid in enumerate(jurors):
            for crit in (c.id for c in gui.ctx.st.criteria):
                if (n, j_pos, crit) == (0, 0, REFUSED_ON):
                    type_refused_then_correct(k, gui, table, sid)
                k.type(value_for(n, j_pos, crit), table)
                k.key(Qt.Key.Key_Return, widget=QApplication.focusWidget())
        gui.wait_writes()
        assert window.size() == QSize(1280, 720) and shared.size() == QSize(1024, 768)
        if did != TIMED[-1]:
            k.window_key(Qt.Key.Key_PageDown, CTRL)
            gui.wait_writes()

    # Paper sheets for the other dossiers: previewed, the absent juror's rows left out
    # (Alt+É, « Écarter… » / Alt+L, « Leave out… »), then Alt+I (« Importer » / « Import »).
    def preview(dialog: QWidget) -> None:
        assert isinstance(dialog, SheetsPreviewDialog) and not dialog.import_button.isEnabled()
        k.key(SKIP_KEY[language], Qt.KeyboardModifier.AltModifier, dialog)
        # A mnemonic « clicks » its button with a 100 ms press animation.
        gui.qtbot.waitUntil(dialog.skip.isChecked, timeout=2_000)
        assert dialog.import_button.isEnabled()
        k.key(Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier, dialog)

    answer_next_dialog(preview)
    k.window_key(Qt.Key.Key_I, CTRL | Qt.KeyboardModifier.ShiftModifier)  # no file dialog in tests
    assert console.paper.import_sheets_from(other_sheets(tmp_path))
    gui.wait_writes()
    st = gui.ctx.st
    assert {d for (d, _j, _c) in st.scores} == {d.id for d in st.dossiers}

    # The deliberation page; the hearings of the paper dossiers entered afterwards.
    k.window_key(Qt.Key.Key_4, CTRL)
    view = gui.deliberation()
    assert isinstance(view, DeliberationView) and overlaps(window) == []

    # Each opens on « Début » with the planned time; Alt+M (« Motif » / Alt+R « Reason »),
    # the reason, then Alt+E (« Enregistrer l’audition » / Alt+V « Save the hearing »).
    def afterwards(dialog: QWidget) -> None:
        assert isinstance(dialog, HearingAfterwardsDialog)
        assert QApplication.focusWidget() is dialog.start
        k.key(REASON_KEY[language], Qt.KeyboardModifier.AltModifier, dialog)
        assert QApplication.focusWidget() is dialog.reason
        k.type(REASON, dialog.reason)
        k.key(SAVE_KEY[language], Qt.KeyboardModifier.AltModifier, dialog)

    for d in gui.ctx.st.dossiers:
        if d.id not in TIMED:
            answer_next_dialog(afterwards)
            with gui.qtbot.waitSignal(view.controller.done):
                assert view.enter_hearing_afterwards(d.id)
    gui.wait_writes()
    st = Desk(gui.db).state(sid)
    assert all(h.started_at for h in st.hearings.values())

    # Reveal (Ctrl+R), one departure with its justification, close, export.
    with gui.qtbot.waitSignal(gui.ctx.hub.revealChanged):
        k.window_key(Qt.Key.Key_R, CTRL)
    gui.wait_writes()
    snap = view.snapshot
    removed = snap.result.default_proposal[-1].dossier_id
    k.window_key(Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)
    table = view.decision.table
    model = view.decision.model
    table.setCurrentIndex(model.index(model.row_of(removed), DecisionModel.LAUREATE))
    k.key(Qt.Key.Key_Space, widget=table)
    gui.wait_writes()
    table.setFocus()
    table.setCurrentIndex(model.index(model.row_of(removed), DecisionModel.JUSTIFICATION))
    k.key(Qt.Key.Key_F2, widget=table)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.insert(WHY)
    k.count += len(WHY)
    with gui.qtbot.waitSignal(view.controller.done):
        k.key(Qt.Key.Key_Return, widget=editor)
    gui.wait_writes()
    assert view.snapshot.blockers == ()
    view.close_button.setFocus()
    k.key(Qt.Key.Key_Space, widget=view.close_button)
    gui.wait_writes()
    assert Desk(gui.db).state(sid).closed
    dialog = view.export_dialog
    assert dialog is not None
    dialog.folder_edit.setText(str(tmp_path))
    with gui.qtbot.waitSignal(dialog.ended, timeout=60_000):
        k.key(Qt.Key.Key_Return, widget=dialog.export_button)
    assert dialog.verify_report is not None and dialog.verify_report.ok
    dialog.close()
    assert window.size() == QSize(1280, 720) and shared.size() == QSize(1024, 768)

    # Restart: where it left (the deliberation page).
    controller.writer.flush(timeout=10)
    controller.lock.release()
    again = make_gui(db=gui.db, settings=core_settings.load(), language=language)
    assert again.controller.open_session(sid)
    assert again.console.view.tabs.currentIndex() == ConsoleView.TAB_DELIBERATION
    desk = Desk(gui.db)
    try:
        assert audit.verify_chain(desk.audit_entries(sid)).ok
        actions = [e["action"] for e in desk.audit_entries(sid)]
        assert actions.count("hearing.recorded_afterwards") == 9
    finally:
        desk.close()
    print(f"\n[{language}] keystrokes: {k.count}")
