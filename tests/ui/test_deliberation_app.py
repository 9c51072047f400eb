"""The deliberation inside the application, as a new user meets it.

The demo session with its paper sheets, opened in the main window: Ctrl+4 leads to the
deliberation page, which writes through the application's database writer and borrows
the shared screen. Before the reveal, what the page puts on the shared screen holds no
score; the user reveals, departs once from the rules' proposal with a reason, closes,
exports and sees the export verified.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jury_desk.core import demo_scenario, resources
from jury_desk.qt.core import Qt
from jury_desk.qt.widgets import QApplication, QTableView
from jury_desk.ui.console import ConsoleView
from jury_desk.ui.deliberation import DeliberationView, SharedDeliberationPanel
from jury_desk.ui.deliberation.charts import DotsChart, EnvelopeBar, HeatmapChart
from jury_desk.ui.deliberation.models import DecisionModel
from tests.ui.test_deliberation import (
    ADDED,
    REMOVED,
    WHY_ADDED,
    WHY_REMOVED,
    blocker_messages,
    row_index,
    texts_under,
)

CTRL = Qt.KeyboardModifier.ControlModifier


def open_deliberation(gui: Any) -> DeliberationView:
    gui.window.activateWindow()
    gui.key(Qt.Key.Key_4, CTRL, gui.window)
    QApplication.processEvents()
    assert gui.console.view.tabs.currentIndex() == ConsoleView.TAB_DELIBERATION
    view = gui.deliberation()
    assert isinstance(view, DeliberationView) and view.isVisible()
    return view


def test_a_new_user_deliberates_closes_and_exports(
    gui: Any, dialog_log: Any, tmp_path: Path
) -> None:
    desk, sid = gui.ctx.desk, gui.ctx.sid
    desk.import_scores_csv(
        sid, resources.path("demo", "demo-scores.csv").read_text(encoding="utf-8")
    )
    demo_scenario.record_hearings(desk, sid)  # every project heard (CONTRACT section 4)
    view = open_deliberation(gui)
    assert view.controller.writer is gui.controller.writer

    # Projected before the reveal: the shared screen holds nothing from the scores.
    view.picture_combo.setCurrentIndex(view.picture_combo.findData("dots"))
    qtbot = gui.qtbot
    qtbot.mouseClick(view.project_button, Qt.MouseButton.LeftButton)
    screen = gui.controller.shared
    panel = screen.stack.currentWidget()
    assert isinstance(panel, SharedDeliberationPanel)
    assert not panel.findChildren(QTableView) and not panel.findChildren(DotsChart)
    assert not panel.findChildren(HeatmapChart) and not panel.findChildren(EnvelopeBar)
    assert not any("16,18" in t for t in texts_under(panel))

    # Reveal: the projected page fills in, with the picture chosen.
    with qtbot.waitSignal(gui.ctx.hub.revealChanged):
        qtbot.mouseClick(view.reveal_button, Qt.MouseButton.LeftButton)
    gui.wait_writes()
    assert panel.picture == "dots" and panel.findChildren(DotsChart)
    assert desk.state(sid).revealed

    # Depart once, by keyboard: d08 out (Space), d10 in (Enter).
    view.show_tab(view.TAB_DECISION)
    table = view.decision.table
    table.setCurrentIndex(row_index(view, REMOVED, DecisionModel.LAUREATE))
    gui.key(Qt.Key.Key_Space, widget=table)
    gui.wait_writes()
    table.setCurrentIndex(row_index(view, ADDED, DecisionModel.LAUREATE))
    gui.key(Qt.Key.Key_Return, widget=table)
    gui.wait_writes()
    assert len(blocker_messages(view)) == 2

    # Closing is refused while a departure has no reason.
    qtbot.mouseClick(view.close_button, Qt.MouseButton.LeftButton)
    gui.wait_writes()
    assert "ne peut pas être close" in view.message.text()
    assert not desk.state(sid).closed and dialog_log.confirms == ["Révéler les notes"]

    # The reasons, typed in the table (F2, text, Enter).
    for dossier, why in ((ADDED, WHY_ADDED), (REMOVED, WHY_REMOVED)):
        table.setFocus()
        table.setCurrentIndex(row_index(view, dossier, DecisionModel.JUSTIFICATION))
        gui.key(Qt.Key.Key_F2, widget=table)
        gui.type(why)
        with qtbot.waitSignal(view.controller.done):
            gui.key(Qt.Key.Key_Return)
        gui.wait_writes()
    assert blocker_messages(view) == []

    # Close (the confirmation answers yes), export into a folder, verified.
    qtbot.mouseClick(view.close_button, Qt.MouseButton.LeftButton)
    gui.wait_writes()
    assert dialog_log.confirms == ["Révéler les notes", "Clore la délibération"]
    assert desk.state(sid).closed
    dialog = view.export_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.folder_edit.setText(str(tmp_path))
    with qtbot.waitSignal(dialog.ended, timeout=60_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.verify_report is not None and dialog.verify_report.ok, dialog.outcome.text()
    assert "Export n° 1 écrit et vérifié" in dialog.outcome.text()
    assert list(tmp_path.glob("resultat-*-export-01.zip")) == [dialog.report.path]  # type: ignore[union-attr]
    st = desk.state(sid)
    assert st.departures == {REMOVED: WHY_REMOVED} and st.export_seq == 1
    dialog.close()

    # Back to the hearing pages: the shared screen is the console's again.
    gui.key(Qt.Key.Key_1, CTRL, gui.window)
    QApplication.processEvents()
    assert screen.stack.currentWidget() is not panel
    assert not view.project_button.isChecked()


def test_the_first_opening_reads_off_the_gui_thread(gui: Any) -> None:
    """Ctrl+4 shows « Lecture de la délibération… » at once; the page is built on a
    reading done on the reading thread (on a 300-dossier session it takes ~180 ms)."""
    from jury_desk.ui.console import DeliberationPlaceholder

    gui.window.activateWindow()
    gui.key(Qt.Key.Key_4, CTRL, gui.window)
    assert gui.console.view.tabs.currentIndex() == ConsoleView.TAB_DELIBERATION
    waiting = gui.console.view.deliberation_host.findChild(DeliberationPlaceholder)
    if gui.console.deliberation is None:  # the reading may, rarely, be done already
        assert waiting is not None and waiting.isVisible()
        assert waiting.text() == "Lecture de la délibération…"
    view = gui.deliberation()
    assert view.isVisible() and view.controller.snapshot.state.info.id == gui.ctx.sid
    QApplication.processEvents()
    assert gui.console.view.deliberation_host.findChild(DeliberationPlaceholder) is None
