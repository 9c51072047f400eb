"""Resumes where the secretary was (issue 13, item 8): page, dossier and projection, read
back from the settings file (written at each move, so a crash resumes as a quit does)."""

from __future__ import annotations

from typing import Any

from jury_desk.core import settings as core_settings
from jury_desk.qt.widgets import QApplication
from jury_desk.ui.console import ConsoleView


def test_a_restart_lands_where_it_left(make_gui: Any) -> None:
    first = make_gui()
    first.open_demo()
    sid = first.ctx.sid
    first.console.select("d05")
    first.console.show_page(ConsoleView.TAB_DELIBERATION)
    QApplication.processEvents()
    view = first.deliberation()
    first.controller.projector.show()
    view.picture_combo.setCurrentIndex(view.picture_combo.findData("dots"))
    view.project_button.setChecked(True)
    first.wait_writes()
    # No orderly shutdown: what is on disk is what a crash leaves.
    on_disk = core_settings.load()
    assert (on_disk.last_page, on_disk.last_projection) == (ConsoleView.TAB_DELIBERATION, "dots")
    first.controller.writer.flush(timeout=5)
    first.controller.lock.release()

    second = make_gui(db=first.db, settings=core_settings.load())
    assert second.controller.open_session(sid)
    QApplication.processEvents()
    assert second.console.view.tabs.currentIndex() == ConsoleView.TAB_DELIBERATION
    assert second.console.current == "d05"
    view2 = second.deliberation()
    assert view2.project_button.isChecked() and view2.picture_combo.currentData() == "dots"


def test_the_shared_screens_grid_mode_is_resumed(make_gui: Any) -> None:
    first = make_gui()
    first.open_demo()
    sid = first.ctx.sid
    first.console.show_page(ConsoleView.TAB_HEARING)
    first.controller.actions.shared_scoring.trigger()  # the grid projected from the hearing page
    assert core_settings.load().last_shared_mode == "scoring"
    first.controller.lock.release()
    second = make_gui(db=first.db, settings=core_settings.load())
    assert second.controller.open_session(sid)
    assert second.console.view.tabs.currentIndex() == ConsoleView.TAB_HEARING
    assert second.controller.shared.mode() == "scoring"
