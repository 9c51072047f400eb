"""Wires the main window: the welcome screen, the database and its lock, opening a
session in the console (its first paint without the ORM), importing bundles, and closing.
One per application. Beside it: the shared window's placement is the
:class:`ProjectorController`'s, the view settings are :class:`ViewSettings`', and the
database's upkeep (snapshots, restoring one, the purge and its reminder) is
:class:`DatabaseUpkeep`'s."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import weakref
from collections.abc import Callable, Coroutine
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jury_desk.core import fmt
from jury_desk.core.errors import UserError
from jury_desk.qt.core import QObject, Signal, Slot
from jury_desk.ui import dialogs, prefs, wording
from jury_desk.ui.announce import announce
from jury_desk.ui.console import ConsoleView
from jury_desk.ui.console_controller import ConsoleController
from jury_desk.ui.context import SessionContext
from jury_desk.ui.errors import log_failure
from jury_desk.ui.first_paint import AfterFirstPaint
from jury_desk.ui.hub import Hub
from jury_desk.ui.main_window import MainWindow
from jury_desk.ui.projector import ProjectorController, ProjectorThumbnail
from jury_desk.ui.resume import ResumeKeeper
from jury_desk.ui.shared_screen import SharedScreen
from jury_desk.ui.timer import Clock, monotonic_ms
from jury_desk.ui.upkeep import DatabaseUpkeep
from jury_desk.ui.view_settings import ViewSettings
from jury_desk.ui.writer import DbWriter

if TYPE_CHECKING:
    from concurrent.futures import Future

    from jury_desk.core.services import Desk, ImportReport
    from jury_desk.core.state import SessionState

log = logging.getLogger(__name__)


class _ProgressRelay(QObject):
    """Carries the import's progress from the writer thread to the GUI, at most every 40 ms."""

    progressed = Signal(int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done >= total or now - self._last >= 0.04:
            self._last = now
            self.progressed.emit(done, total)


class MainController(QObject):
    sessionOpened = Signal(str)

    def __init__(
        self,
        window: MainWindow,
        settings: Any,
        db_path: Path | None = None,
        clock: Clock = monotonic_ms,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.settings = settings
        prefs.CURRENT = settings
        self.db_path = db_path
        self.clock = clock
        self.hub = Hub(self)
        self.writer = DbWriter(self)
        self.writer.unhandled = self.report_unhandled
        self.actions = window.commands
        self._desk: Desk | None = None
        # The first paint reads the session without the ORM (``core.quickread``); the Desk
        # is then opened in the writer thread once the window is painted (see
        # ``open_session`` and ``start_desk_opening``).
        self._desk_deferred: Path | None = None
        self._desk_opening: Future[Desk] | None = None
        self.lock: Any = None  # core.instance.InstanceLock of the open database
        self.lock_path: Path | None = None
        self.ctx: SessionContext | None = None
        self.console: ConsoleController | None = None
        self.resume: ResumeKeeper | None = None
        self.tasks: set[asyncio.Task[Any]] = set()
        self.shared = SharedScreen()
        self.shared.addActions(self.actions.hearing_actions())
        self.projector = ProjectorController(self.shared, window, settings, self)
        self.shared.geometryChanged.connect(self.projector.save_geometry)
        self.projector.warning.connect(lambda text: window.statusBar().showMessage(text, 15000))
        self.hub.statusMessage.connect(lambda text: window.statusBar().showMessage(text, 8000))
        # What the status bar says without a keystroke is spoken too (déport, save, export…).
        self.hub.statusMessage.connect(lambda text: announce(window.statusBar(), text))
        self.upkeep = DatabaseUpkeep(self)
        a = self.actions
        for action, slot in [
            (a.import_bundle, self.choose_bundle),
            (a.open_demo, self.open_demo),
            (a.open_db, self.choose_db),
            (a.welcome, self.show_welcome),
            (a.quit, window.close),
            (a.shared_show, self.projector.show),
            (a.shared_fullscreen, self.projector.toggle_fullscreen),
            (a.shared_close, self.projector.close),
            (a.shared_next_screen, self.projector.next_screen),
        ]:
            action.triggered.connect(slot)
        a.shared_black.toggled.connect(self.projector.set_black)
        self.view_settings = ViewSettings(window, settings, self.hub, self.shared, self)
        self.view_settings.connect_actions()
        self.view_settings.themeChanged.connect(self._theme_changed)
        w = window.welcome
        w.openLastRequested.connect(self.open_last)
        w.importRequested.connect(self.import_bundle)
        w.demoRequested.connect(self.open_demo)
        window.closing.connect(self.shutdown)
        self.upkeep.connect_actions()
        if window.screens_menu is not None:
            menu = window.screens_menu
            menu.aboutToShow.connect(lambda: self.projector.fill_screens_menu(menu))
        self._session_actions_enabled(False)
        self._show_last()

    # ------------------------------------------------------------------ helpers

    def report_unhandled(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            dialogs.show_user_error(self.window, exc)
            return
        from jury_desk.ui.errors import report_exception

        report_exception(type(exc), exc, exc.__traceback__)

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        """Start a coroutine on the qasync loop and keep a reference until it ends."""
        task = asyncio.ensure_future(coro)
        self.tasks.add(task)

        def finished(t: asyncio.Task[Any]) -> None:
            self.tasks.discard(t)
            if not t.cancelled() and t.exception() is not None:
                self.report_unhandled(t.exception())  # type: ignore[arg-type]

        task.add_done_callback(finished)
        return task

    def _session_actions_enabled(self, on: bool) -> None:
        a = self.actions
        for act in (
            a.timer_toggle,
            a.timer_next,
            a.timer_finish,
            a.timer_reset,
            a.prev_dossier,
            a.next_dossier,
            a.page_hearing,
            a.page_scoring,
            a.page_attendance,
            a.page_deliberation,
            a.deport,
            a.shared_scoring,
        ):
            act.setEnabled(on)
        # Undo, blind and reveal follow the session's state (ScoringController.sync_flags,
        # run when its console is built): enabling them here turned on an undo with nothing
        # to undo, until the next refresh.
        if not on:
            for act in (a.undo, a.blind, a.reveal):
                act.setEnabled(False)

    @property
    def desk(self) -> Desk | None:
        """The open Desk, or None. While it is being opened after the first paint, asking
        for it waits for the opening (or opens it here if it has not started yet)."""
        if self._desk is None:
            opening, self._desk_opening = self._desk_opening, None
            deferred, self._desk_deferred = self._desk_deferred, None
            if opening is not None:
                self._desk = opening.result()
            elif deferred is not None:
                self._desk = _open_desk(deferred)
        return self._desk

    @desk.setter
    def desk(self, value: Desk | None) -> None:
        opening, self._desk_opening = self._desk_opening, None
        self._desk_deferred = None
        if opening is not None:  # an opening under way ends first, and is not left open
            with contextlib.suppress(Exception):
                stale = opening.result()
                if stale is not value:
                    stale.close()
        self._desk = value

    def start_desk_opening(self) -> None:
        """Open the Desk (import the ORM, open the engine) in the writer thread: called once
        the console is painted. Writes asked meanwhile are queued behind it."""
        path, self._desk_deferred = self._desk_deferred, None
        if path is None or self._desk is not None:
            return

        def opened(desk: Desk) -> None:
            if self._desk_opening is not None:
                self._desk_opening = None
                self._desk = desk

        def failed(exc: BaseException) -> None:
            log_failure(log, "database opening failed", exc)

        sid = self.ctx.sid if self.ctx is not None else None
        self._desk_opening = self.writer.submit(
            _open_desk, path, True, sid, on_done=opened, on_error=failed
        )

    def _lock_database(self, path: Path) -> None:
        """This process's lock on ``path`` (refused when another window or command has it)."""
        from jury_desk.core import instance

        refusal = instance.check_location(path)  # Windows: network share, USB key, CD
        if refusal is not None:
            raise refusal.refused()
        if (
            self.lock is None
            or self.lock_path is None
            or self.lock_path.resolve() != path.resolve()
        ):
            new = instance.acquire(path)
            if new is None:
                raise UserError(
                    "db_in_use",
                    self.tr(
                        "La base « {name} » est déjà ouverte par une autre fenêtre de jury_desk ou par une "
                        "commande en cours."
                    ).format(name=path.name),
                )
            if self.lock is not None:
                self.lock.release()
            self.lock, self.lock_path = new, path

    def get_desk(self) -> Desk:
        """The Desk of the current database, opened (and locked for this process) on first use."""
        desk = self.desk
        if desk is None:
            from jury_desk.core import paths

            path = Path(self.db_path) if self.db_path else paths.default_db()
            self._lock_database(path)
            desk = self.desk = _open_desk(path)
            self.db_path = desk.db_path
        return desk

    def _desk_getter(self) -> Callable[[], Desk]:
        """``get_desk`` for a SessionContext, held weakly: a context must not keep this
        controller alive (a QObject left to the cyclic collector can be destroyed on
        whatever thread happens to run the collection)."""
        method = weakref.WeakMethod(self.get_desk)

        def get_desk() -> Desk:
            bound = method()
            if bound is None:
                raise RuntimeError("the session's main controller is gone")
            return bound()

        return get_desk

    def _read_quick(self, sid: str | None) -> tuple[str, SessionState] | None:
        """The session read without the ORM (``core.quickread``), for the first paint; None
        when the Desk must do it (a file to migrate, a timer to settle, no file)."""
        if self._desk is not None or self._desk_opening is not None:
            return None
        from jury_desk.core import paths, quickread

        path = Path(self.db_path) if self.db_path else paths.default_db()
        if not path.is_file():
            return None
        self._lock_database(path)
        con = quickread.open_readonly(path)
        if con is None:
            return None
        try:
            sid = quickread.resolve(con, path.name, sid)
            if quickread.has_running_timer(con, sid):
                return None  # recovery.settle_interrupted writes before the session shows
            st = quickread.read_state(con, sid)
        finally:
            con.close()
        self.db_path = path
        self._desk_deferred = path
        return sid, st

    def current_db(self) -> Path:
        """The database this window works on (open or not)."""
        if self._desk is not None:
            return Path(self._desk.db_path)
        if self.db_path:
            return Path(self.db_path)
        from jury_desk.core import paths

        return paths.default_db()

    def _show_last(self) -> None:
        last_db = getattr(self.settings, "last_db", None)
        sid = getattr(self.settings, "last_session_id", None)
        if last_db and Path(last_db).exists() and sid:
            self.window.welcome.set_last(
                self.tr("{db} — session {sid}").format(db=Path(last_db).name, sid=sid)
            )
        else:
            self.window.welcome.set_last(None)

    # ------------------------------------------------------------------ opening

    def open_session(self, sid: str | None = None) -> bool:
        """Open a session of the current database in the console (the last imported by default)."""
        try:
            quick = self._read_quick(sid)
            if quick is not None:
                sid, st = quick
                settled: list[Any] = []
                ctx = SessionContext(
                    self._desk_getter(), sid, self.hub, self.writer, st, self.current_db()
                )
            else:
                desk = self.get_desk()
                sid = desk.resolve(sid)
                settled = prefs.settle_interrupted(desk, sid)
                ctx = SessionContext.open(desk, sid, self.hub, self.writer)
        except UserError as exc:
            dialogs.show_user_error(self.window, exc)
            return False
        self.close_console()
        self.ctx = ctx
        wording.session_opened(ctx.st)
        view = ConsoleView()
        if quick is not None:  # the start: what can wait waits for the first paint
            AfterFirstPaint(view, self._after_first_paint)
        self.window.set_console(view)
        self.console = ConsoleController(ctx, view, self.shared, self.actions, self.clock, self)
        view.set_projector_thumbnail(ProjectorThumbnail(self.projector, view))
        self.console.show_interrupted(len(settled))
        self._session_actions_enabled(True)
        self.window.setWindowTitle(self.tr("jury_desk — {title}").format(title=ctx.st.info.title))
        resuming = getattr(self.settings, "last_session_id", None) == sid
        if not resuming:  # another session: start on its hearing page
            self.settings.last_page = self.settings.last_projection = None
        self.settings.last_db, self.settings.last_session_id = self.current_db().resolve(), sid
        if quick is None:  # else written after the first paint (an fsync on the way to it)
            prefs.save(self.settings)
        self.projector.restore()
        self.resume = ResumeKeeper(self.console, self.settings, self.hub, self.console)
        if getattr(self.settings, "last_session_id", None) == sid and resuming:
            self.resume.restore()
        self.hub.sessionChanged.emit(sid)
        self.hub.sessionChanged.connect(self._session_changed)  # later changes (deliberation)
        self.sessionOpened.emit(sid)
        if quick is None:
            self.upkeep.check_purge_reminder()
        return True

    def _after_first_paint(self) -> None:
        """The start, once the console is painted: the Desk opened in the writer thread,
        the settings written, the retention reminder checked."""
        self.start_desk_opening()
        prefs.save(self.settings)
        self.upkeep.check_purge_reminder()

    @Slot()
    def _theme_changed(self) -> None:
        if self.console is not None:
            self.console.refresh_all()

    @Slot(str)
    def _session_changed(self, _sid: str) -> None:
        if self.console is not None:
            self.console.reload()

    def close_console(self) -> None:
        if self.resume is not None:
            self.resume.detach()
            self.resume = None
        if self.console is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self.hub.sessionChanged.disconnect(self._session_changed)
            self.console.view.attachments.remove_copies()
            self.console.close()
            self.console.deleteLater()
            self.console = None
        self.ctx = None
        wording.session_opened(None)

    @Slot()
    def show_welcome(self) -> None:
        self.close_console()
        self._session_actions_enabled(False)
        self.shared.hide()
        self._show_last()
        self.window.drop_console()
        self.window.setWindowTitle(self.tr("jury_desk — console du secrétariat"))

    @Slot()
    def open_last(self) -> None:
        last_db = getattr(self.settings, "last_db", None)
        sid = getattr(self.settings, "last_session_id", None)
        if not last_db:
            return
        if self.desk is not None and Path(self.desk.db_path).resolve() != Path(last_db).resolve():
            self.writer.flush()
            self.desk.close()
            self.desk = None
        self.db_path = Path(last_db)
        self.open_session(sid)

    @Slot()
    def open_demo(self) -> None:
        self.spawn(self._open_demo())

    async def _open_demo(self) -> None:
        self.window.statusBar().showMessage(self.tr("Ouverture de la session de démonstration…"))
        try:
            desk = self.get_desk()
            report = await self.writer.run(desk.import_demo)
        except UserError as exc:
            dialogs.show_user_error(self.window, exc)
            return
        self.window.statusBar().clearMessage()
        self.open_session(report.session_id)

    @Slot()
    def choose_db(self) -> None:
        from jury_desk.qt.widgets import QFileDialog  # at first use (issue 15)

        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Ouvrir une base jury_desk"),
            str(Path.home()),
            self.tr("Base jury_desk (*.sqlite3 *.db);;Tous les fichiers (*)"),
        )
        if not path:
            return
        self.writer.flush()
        self.close_console()
        if self.desk is not None:
            self.desk.close()
        self.desk = None
        self.db_path = Path(path)
        self.window.reminder.hide()
        try:
            self.get_desk()
        except UserError as exc:
            dialogs.show_user_error(self.window, exc)
            self.show_welcome()
            return
        if not self.open_session(None):  # told why; the closed session's page goes
            self.show_welcome()

    # ------------------------------------------------------------------ importing

    @Slot()
    def choose_bundle(self) -> None:
        from jury_desk.qt.widgets import QFileDialog  # at first use (issue 15)

        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Importer un paquet de session"),
            str(Path.home()),
            self.tr("Paquet de session (*.zip)"),
        )
        if path:
            self.import_bundle(Path(path))

    @Slot(Path)
    def import_bundle(self, path: Path) -> asyncio.Task[Any]:
        return self.spawn(self.run_import(path))

    async def run_import(self, path: Path) -> ImportReport | None:
        """The GUI's import path: checks and copies in the writer thread; progress bar; the
        refusal in full. Returns the report, or None when refused."""
        from jury_desk.core import api

        if self.console is not None:
            self.show_welcome()
        else:
            self.window.show_welcome()  # the page the refusal or the progress is shown on
        welcome = self.window.welcome
        welcome.import_started(path.name)
        relay = _ProgressRelay(self)
        relay.progressed.connect(welcome.import_progress)
        try:
            desk = self.get_desk()
            trusted = api.trusted_keys()
            report = await self.writer.run(desk.import_bundle, path, trusted, relay)
        except UserError as exc:
            welcome.import_finished(refusal=wording.full(exc))
            return None
        except OSError as exc:
            welcome.import_finished(
                refusal=self.tr("Impossible de lire « {name} » ({error}).").format(
                    name=path.name, error=exc.strerror or exc
                )
            )
            return None
        finally:
            relay.deleteLater()
        if report.unchanged:
            message = self.tr(
                "Session « {title} » déjà importée à l’identique : rien n’a changé."
            ).format(title=report.title)
        else:
            message = self.tr(
                "Session importée : « {title} » — {d} dossiers, {a} pièces jointes ({mb} Mo)."
            ).format(
                title=report.title,
                d=report.dossiers,
                a=report.attachments,
                mb=fmt.number(report.attachment_bytes / 1e6, 1),
            )
        welcome.import_finished(message=message)
        self.hub.statusMessage.emit(message)
        self.open_session(report.session_id)
        return report

    # ------------------------------------------------------------------ replacing the database

    def release_database(self) -> None:
        """Before the database is replaced or erased: what is being typed is saved, the
        console goes, and the writes already asked finish. The Desk itself is closed in
        the writer thread, after them (see ``DatabaseUpkeep``)."""
        if self.console is not None:
            self.console.scoring.save_comment()
            self.console.timer.pause_if_running()
        self.close_console()
        self.window.drop_console()
        self._session_actions_enabled(False)
        self.writer.flush(timeout=30)

    def close_desk_then(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        """Runs in the writer thread: close the Desk (no connection left), then ``fn``."""
        desk, self.desk = self.desk, None
        if desk is not None:
            desk.close()
        return fn(*args, **kwargs)

    def reopen(self, sid: str | None) -> bool:
        """The console on ``sid`` if the database still holds it, else on its last session,
        else the welcome screen."""
        try:
            sessions = {s.id for s in self.get_desk().sessions()}
        except UserError as exc:
            dialogs.show_user_error(self.window, exc)
            self.show_welcome()
            return False
        if not sessions:
            self.show_welcome()
            return False
        return self.open_session(sid if sid in sessions else None)

    # ------------------------------------------------------------------ closing

    @Slot()
    def shutdown(self) -> None:
        """Before the window goes: the comment being typed, the pending writes, the shared screen."""
        self.upkeep.close()
        self.projector.detach()
        if self.console is not None:
            self.console.scoring.save_comment()
            self.console.timer.pause_if_running()
            self.console.view.attachments.remove_copies()
        self.projector.save_geometry()  # when shown
        self.writer.flush(timeout=15)
        self.shared.close()
        if self.lock is not None:
            self.lock.release()
            self.lock = None
        for t in list(self.tasks):
            t.cancel()
        wording.session_opened(None)


def _open_desk(path: Path, warm: bool = False, session_id: str | None = None) -> Desk:
    """Import the services (SQLAlchemy, sqlmodel: ``jury_desk.ui.import_core``) and open
    the database. Runs in the writer thread after the first paint, or where first needed."""
    from jury_desk.ui import import_core

    import_core()
    from jury_desk.core.services import Desk

    desk = Desk(path)
    if warm:
        # In the writer thread, after the first paint: what the deliberation page needs
        # too (its modules, the rules), so that asking for it does not wait for imports.
        import jury_desk.core.readmodel
        import jury_desk.ui.deliberation  # noqa: F401

        if session_id is not None:  # each value's author, read once from the whole log
            with contextlib.suppress(Exception):  # the deliberation reads it again if need be
                desk.value_authors(session_id)
    return desk
