"""A hearing run from the keyboard with the timer on the shared screen, against a fake
clock: start, warning, overtime, pause, next phase, end; each action is in the
database, the actual durations are recorded, a snapshot is taken after the hearing."""

from __future__ import annotations

from jury_desk.core import paths
from jury_desk.core.services import Desk
from jury_desk.qt.core import Qt
from jury_desk.qt.widgets import QApplication


def hearing_row(gui, dossier: str):
    desk = Desk(gui.db)
    try:
        return desk.state(gui.ctx.sid).hearings[dossier]
    finally:
        desk.close()


def press(gui, key: Qt.Key) -> None:
    gui.window.activateWindow()
    gui.window.setFocus()
    gui.key(key, widget=gui.window)
    gui.wait_writes()
    gui.console.timer.tick()


def test_a_hearing_by_keyboard_with_the_timer_on_the_shared_screen(gui) -> None:
    shared = gui.controller.shared
    gui.controller.projector.show()
    clock = gui.clock
    assert shared.digits.text() == "10:00"
    press(gui, Qt.Key.Key_F5)  # start
    h = hearing_row(gui, "d01")
    assert h.state == "en_audition" and h.phase == "presentation" and h.running_since
    assert gui.console.order_model.index(0, 3).data() == "en audition"
    clock.advance(539_000)  # 9 min 01 s: still normal
    gui.console.timer.tick()
    assert shared.timer_level() == "normal" and shared.digits.text() == "01:01"
    clock.advance(2_000)  # 59 s left: the warning colour, on both screens
    gui.console.timer.tick()
    assert shared.timer_level() == "warning" and shared.digits.text() == "00:59"
    assert gui.console.view.timer.digits.property("level") == "warning"
    clock.advance(64_000)  # 5 s over
    gui.console.timer.tick()
    assert shared.timer_level() == "overtime" and shared.digits.text() == "+00:05"
    assert gui.console.view.timer.digits.text() == "+00:05"
    press(gui, Qt.Key.Key_F5)  # pause
    h = hearing_row(gui, "d01")
    assert h.running_since is None and h.phase_elapsed_ms == 605_000
    clock.advance(120_000)  # a long pause does not count
    gui.console.timer.tick()
    assert shared.digits.text() == "+00:05"
    press(gui, Qt.Key.Key_F5)  # resume
    clock.advance(1_000)
    press(gui, Qt.Key.Key_F6)  # questions
    h = hearing_row(gui, "d01")
    assert h.phase == "questions" and h.presentation_s == 606
    assert shared.digits.text() == "10:00" and shared.timer_level() == "normal"
    clock.advance(300_000)
    press(gui, Qt.Key.Key_F7)  # end of the hearing
    h = hearing_row(gui, "d01")
    assert h.state == "entendu" and h.presentation_s == 606 and h.questions_s == 300
    assert gui.console.order_model.index(0, 3).data() == "entendu"
    snaps = list(paths.snapshots_dir(gui.db).glob("*.sqlite3"))
    assert snaps, "a snapshot is taken once the hearing ends"
    actions = [
        e["action"]
        for e in gui.ctx.desk.audit_entries(gui.ctx.sid)
        if e["action"].startswith("hearing.")
    ]
    assert actions == [
        "hearing.start",
        "hearing.pause",
        "hearing.resume",
        "hearing.next",
        "hearing.finish",
    ]
    # The dossier panel shows the recorded durations.
    assert "présentation 10" in gui.console.view.dossier.fields["hearing"].text()


def test_changing_dossier_during_a_hearing_pauses_it(gui, dialog_log) -> None:
    press(gui, Qt.Key.Key_F5)
    gui.clock.advance(10_000)
    gui.console.next_dossier()  # confirmed (the dialog answers yes)
    gui.wait_writes()
    assert dialog_log.confirms == ["Audition en cours"]
    assert gui.console.current == "d02"
    h = hearing_row(gui, "d01")
    assert h.state == "en_audition" and h.running_since is None and h.phase_elapsed_ms == 10_000
    gui.console.previous_dossier()  # back to d01: its hearing is there, paused at 10 s
    assert gui.console.current == "d01"
    assert gui.console.timer.timer.status.value == "paused"
    assert gui.console.view.timer.digits.text() == "09:50"


def test_refusing_to_leave_a_running_hearing_keeps_the_dossier(gui, dialog_log) -> None:
    press(gui, Qt.Key.Key_F5)
    dialog_log.answer = False
    gui.console.next_dossier()
    assert gui.console.current == "d01"
    assert gui.console.timer.timer.status.value == "running"
    sel = gui.console.view.order.selectionModel().currentIndex()
    assert sel.row() == 0


def test_annuler_in_the_order_list_puts_the_highlight_back_on_the_hearing(gui, dialog_log) -> None:
    """Down (or a click) on another dossier during a running hearing, then « Annuler »:
    the list highlights the dossier being heard again, not the one refused."""
    from jury_desk.qt.core import QPoint
    from jury_desk.qt.qttest import QTest

    press(gui, Qt.Key.Key_F5)
    dialog_log.answer = False
    order = gui.console.view.order
    order.setFocus()

    def highlighted() -> list[int]:
        QApplication.processEvents()
        return sorted({i.row() for i in order.selectionModel().selectedIndexes()})

    gui.key(Qt.Key.Key_Down, widget=order)
    assert dialog_log.confirms == ["Audition en cours"]
    assert gui.console.current == "d01"
    assert highlighted() == [0] and order.currentIndex().row() == 0
    third = order.visualRect(order.model().index(2, 1)).center()
    QTest.mouseClick(order.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(third))
    assert len(dialog_log.confirms) == 2 and gui.console.current == "d01"
    assert highlighted() == [0] and order.currentIndex().row() == 0
    assert gui.console.timer.timer.status.value == "running"


def test_reset_asks_and_clears_the_recorded_durations(gui, dialog_log) -> None:
    press(gui, Qt.Key.Key_F5)
    gui.clock.advance(30_000)
    press(gui, Qt.Key.Key_F7)
    press(gui, Qt.Key.Key_F8)
    assert "Réinitialiser le chronomètre" in dialog_log.confirms
    h = hearing_row(gui, "d01")
    assert h.state == "a_venir" and h.presentation_s is None and h.questions_s is None
    assert gui.console.view.timer.digits.text() == "10:00"


def test_restart_reopens_an_interrupted_hearing_paused(make_gui, tmp_path) -> None:
    g = make_gui()
    g.open_demo()
    g.key(Qt.Key.Key_F5, widget=g.window)
    g.wait_writes()
    g.clock.advance(42_000)
    g.console.select("d02")  # confirmed: pauses d01 at 42 s
    g.wait_writes()
    g.console.select("d01")
    g.key(Qt.Key.Key_F5, widget=g.window)  # resume, and then the application "stops"
    g.wait_writes()
    g.controller.close_console()  # the process "stops": nothing is paused or saved any more
    g.controller.writer.flush()
    g.controller.desk.close()
    g.controller.desk = None
    g.controller.lock.release()
    g.controller.lock = None
    # A new application on the same file.
    g2 = make_gui(db=g.db)
    assert g2.controller.open_session(None)
    QApplication.processEvents()
    console = g2.console
    assert console.current == "d01"
    assert console.timer.timer.status.value == "paused"
    assert console.timer.timer.elapsed_ms() >= 42_000
    assert "interrompue" in console.view.banner.text()
