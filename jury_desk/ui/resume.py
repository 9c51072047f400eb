"""Resumes where the secretary was (issue 13, item 8).

Every move is written to the settings at once (atomically), so a crash resumes as well
as a normal quit: the console's page, the shared screen's mode (timer or grid) and the
picture the deliberation projects. The current dossier is the session's own, stored in
the database with each change.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from jury_desk.qt.core import QObject, Slot
from jury_desk.ui import prefs
from jury_desk.ui.console import ConsoleView

if TYPE_CHECKING:
    from jury_desk.core.settings import Settings as Settings
    from jury_desk.ui.console_controller import ConsoleController as ConsoleController
    from jury_desk.ui.deliberation import DeliberationView as DeliberationView
    from jury_desk.ui.hub import Hub as Hub


class ResumeKeeper(QObject):
    """Follows one console; :meth:`restore` puts it back where the settings say."""

    def __init__(
        self,
        console: ConsoleController,
        settings: Settings,
        hub: Hub,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.console = console
        self.settings = settings
        self.hub = hub
        self._restoring = False
        self._followed: DeliberationView | None = None
        console.view.tabs.currentChanged.connect(self._page_changed)
        hub.sharedModeChanged.connect(self._mode_changed)

    def detach(self) -> None:
        with contextlib.suppress(RuntimeError, TypeError):
            self.hub.sharedModeChanged.disconnect(self._mode_changed)

    def restore(self) -> None:
        self._restoring = True
        try:
            page = getattr(self.settings, "last_page", None)
            if page is not None and 0 <= page < self.console.view.tabs.count():
                self.console.show_page(page)
            if getattr(self.settings, "last_shared_mode", None) == "scoring":
                self.console.actions.shared_scoring.setChecked(True)
                self.hub.sharedModeChanged.emit("scoring")
        finally:
            self._restoring = False
        picture = getattr(self.settings, "last_projection", None)
        if picture and page == ConsoleView.TAB_DELIBERATION:
            # the page is built once its first reading is done (off the GUI thread)
            self.console.when_deliberation(lambda view: self._project(view, picture))
        self.console.when_deliberation(self._follow_deliberation)

    def _project(self, view: DeliberationView, picture: str) -> None:
        self._restoring = True
        try:
            combo = view.picture_combo
            combo.setCurrentIndex(max(0, combo.findData(picture)))
            view.project_button.setChecked(True)
        finally:
            self._restoring = False

    def _follow_deliberation(self, view: DeliberationView) -> None:
        if self._followed is view:
            return
        self._followed = view
        view.project_button.toggled.connect(self._projection_changed)
        view.picture_combo.currentIndexChanged.connect(self._projection_changed)

    @Slot(int)
    def _page_changed(self, page: int) -> None:
        if page == ConsoleView.TAB_DELIBERATION:
            self.console.when_deliberation(self._follow_deliberation)
        if not self._restoring:
            prefs.update(self.settings, last_page=page)

    @Slot(str)
    def _mode_changed(self, mode: str) -> None:
        if not self._restoring:
            prefs.update(self.settings, last_shared_mode=mode)

    @Slot()
    def _projection_changed(self, *_args: object) -> None:
        if self._restoring:
            return
        view = self.console.deliberation
        if view is None:
            return
        on = bool(view.project_button.isChecked())
        prefs.update(
            self.settings, last_projection=str(view.picture_combo.currentData()) if on else None
        )
