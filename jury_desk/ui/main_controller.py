"""Wires the main window: welcome screen, opening sessions, importing bundles, the shared
screen's window, view settings. One per application."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Coroutine
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from jury_desk import __version__
from jury_desk.core import fmt
from jury_desk.core.errors import UserError
from jury_desk.ui import dialogs, prefs, theme
from jury_desk.ui.console import ConsoleView
from jury_desk.ui.console_controller import ConsoleController
from jury_desk.ui.context import SessionContext
from jury_desk.ui.hub import Hub
from jury_desk.ui.main_window import MainWindow
from jury_desk.ui.shared_screen import SharedScreen
from jury_desk.ui.timer import Clock, monotonic_ms
from jury_desk.ui.writer import DbWriter

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

    def __init__(self, window: MainWindow, settings: Any, db_path: Path | None = None,
                 clock: Clock = monotonic_ms, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.settings = settings
        self.db_path = db_path
        self.clock = clock
        self.hub = Hub(self)
        self.writer = DbWriter(self)
        self.writer.unhandled = self._unhandled
        self.actions = window.commands
        self.desk: Any = None
        self.lock: Any = None  # core.instance.InstanceLock of the open database
        self.lock_path: Path | None = None
        self.ctx: SessionContext | None = None
        self.console: ConsoleController | None = None
        self.tasks: set[asyncio.Task[Any]] = set()
        self.shared = SharedScreen()
        self.shared.addActions(self.actions.hearing_actions())
        self.shared.geometryChanged.connect(self._save_shared_geometry)
        self.hub.statusMessage.connect(lambda text: window.statusBar().showMessage(text, 8000))
        a = self.actions
        for action, slot in [
            (a.import_bundle, self.choose_bundle), (a.open_demo, self.open_demo), (a.open_db, self.choose_db),
            (a.welcome, self.show_welcome), (a.quit, window.close), (a.settings, self.edit_settings),
            (a.shared_show, self.show_shared), (a.shared_fullscreen, self.toggle_shared_fullscreen),
            (a.zoom_in, lambda: self.zoom(+theme.SCALE_STEP)), (a.zoom_out, lambda: self.zoom(-theme.SCALE_STEP)),
            (a.zoom_reset, lambda: self.zoom(None)), (a.shortcuts, self.show_shortcuts), (a.about, self.about),
        ]:
            action.triggered.connect(slot)
        a.high_contrast.setChecked(bool(getattr(settings, "high_contrast", False)))
        a.high_contrast.toggled.connect(self.set_high_contrast)
        w = window.welcome
        w.openLastRequested.connect(self.open_last)
        w.importRequested.connect(self.import_bundle)
        w.demoRequested.connect(self.open_demo)
        window.closing.connect(self.shutdown)
        if window.screens_menu is not None:
            window.screens_menu.aboutToShow.connect(self._fill_screens_menu)
        self._session_actions_enabled(False)
        self._show_last()

    # ------------------------------------------------------------------ helpers

    def _unhandled(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            dialogs.show_user_error(self.window, exc)
            return
        from jury_desk.ui.app import report_exception

        report_exception(type(exc), exc, exc.__traceback__)

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        """Start a coroutine on the qasync loop and keep a reference until it ends."""
        task = asyncio.ensure_future(coro)
        self.tasks.add(task)

        def finished(t: asyncio.Task[Any]) -> None:
            self.tasks.discard(t)
            if not t.cancelled() and t.exception() is not None:
                self._unhandled(t.exception())  # type: ignore[arg-type]

        task.add_done_callback(finished)
        return task

    def _session_actions_enabled(self, on: bool) -> None:
        a = self.actions
        for act in (a.timer_toggle, a.timer_next, a.timer_finish, a.timer_reset, a.prev_dossier, a.next_dossier,
                    a.page_hearing, a.page_scoring, a.page_attendance, a.page_deliberation, a.undo, a.deport,
                    a.blind, a.reveal, a.shared_scoring):
            act.setEnabled(on)

    def get_desk(self) -> Any:
        """The Desk of the current database, opened (and locked for this process) on first use."""
        if self.desk is None:
            from jury_desk.core import instance, paths
            from jury_desk.core.services import Desk

            path = Path(self.db_path) if self.db_path else paths.default_db()
            if self.lock is None or self.lock_path is None or self.lock_path.resolve() != path.resolve():
                new = instance.acquire(path)
                if new is None:
                    raise UserError("db_in_use", self.tr(
                        "La base « {name} » est déjà ouverte par une autre fenêtre de jury_desk ou par une "
                        "commande en cours.").format(name=path.name))
                if self.lock is not None:
                    self.lock.release()
                self.lock, self.lock_path = new, path
            self.desk = Desk(path)
            self.db_path = self.desk.db_path
        return self.desk

    def _show_last(self) -> None:
        last_db = getattr(self.settings, "last_db", None)
        sid = getattr(self.settings, "last_session_id", None)
        if last_db and Path(last_db).exists() and sid:
            self.window.welcome.set_last(self.tr("{db} — session {sid}").format(db=Path(last_db).name, sid=sid))
        else:
            self.window.welcome.set_last(None)

    # ------------------------------------------------------------------ opening

    def open_session(self, sid: str | None = None) -> bool:
        """Open a session of the current database in the console (the last imported by default)."""
        desk = self.get_desk()
        try:
            sid = desk.resolve(sid)
            settled = prefs.settle_interrupted(desk, sid)
            ctx = SessionContext.open(desk, sid, self.hub, self.writer)
        except UserError as exc:
            dialogs.show_user_error(self.window, exc)
            return False
        self.close_console()
        self.ctx = ctx
        view = ConsoleView()
        self.window.set_console(view)
        self.console = ConsoleController(ctx, view, self.shared, self.actions, self.clock, self)
        self.console.show_interrupted(len(settled))
        self._session_actions_enabled(True)
        self.window.setWindowTitle(self.tr("jury_desk — {title}").format(title=ctx.st.info.title))
        prefs.update(self.settings, last_db=Path(desk.db_path).resolve(), last_session_id=sid)
        self._restore_shared()
        self.hub.sessionChanged.emit(sid)
        self.hub.sessionChanged.connect(self._session_changed)  # later changes (deliberation)
        self.sessionOpened.emit(sid)
        return True

    @Slot(str)
    def _session_changed(self, _sid: str) -> None:
        if self.console is not None:
            self.console.reload()

    def close_console(self) -> None:
        if self.console is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self.hub.sessionChanged.disconnect(self._session_changed)
            self.console.close()
            self.console.deleteLater()
            self.console = None
        self.ctx = None

    @Slot()
    def show_welcome(self) -> None:
        self.close_console()
        self._session_actions_enabled(False)
        self.shared.hide()
        self._show_last()
        self.window.show_welcome()
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
        desk = self.get_desk()
        self.window.statusBar().showMessage(self.tr("Ouverture de la session de démonstration…"))
        try:
            report = await self.writer.run(desk.import_demo)
        except UserError as exc:
            dialogs.show_user_error(self.window, exc)
            return
        self.window.statusBar().clearMessage()
        self.open_session(report.session_id)

    @Slot()
    def choose_db(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Ouvrir une base jury_desk"), str(Path.home()),
                                              self.tr("Base jury_desk (*.sqlite3 *.db);;Tous les fichiers (*)"))
        if not path:
            return
        self.writer.flush()
        self.close_console()
        if self.desk is not None:
            self.desk.close()
        self.desk = None
        self.db_path = Path(path)
        try:
            self.get_desk()
        except UserError as exc:
            dialogs.show_user_error(self.window, exc)
            self.show_welcome()
            return
        self.open_session(None)

    # ------------------------------------------------------------------ importing

    @Slot()
    def choose_bundle(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Importer un paquet de session"),
                                              str(Path.home()), self.tr("Paquet de session (*.zip)"))
        if path:
            self.import_bundle(Path(path))

    @Slot(Path)
    def import_bundle(self, path: Path) -> asyncio.Task[Any]:
        return self.spawn(self.run_import(path))

    async def run_import(self, path: Path) -> Any:
        """The GUI's import path: checks and copies in the writer thread; progress bar; the
        refusal in full. Returns the report, or None when refused."""
        from jury_desk.core import keys

        if self.console is not None:
            self.show_welcome()
        welcome = self.window.welcome
        welcome.import_started(path.name)
        relay = _ProgressRelay(self)
        relay.progressed.connect(welcome.import_progress)
        try:
            desk = self.get_desk()
            trusted = keys.trusted_keys()
            report = await self.writer.run(desk.import_bundle, path, trusted, relay)
        except UserError as exc:
            welcome.import_finished(refusal=str(exc))
            return None
        except OSError as exc:
            welcome.import_finished(refusal=self.tr("Impossible de lire « {name} » ({error}).").format(
                name=path.name, error=exc.strerror or exc))
            return None
        finally:
            relay.deleteLater()
        if report.unchanged:
            message = self.tr("Session « {title} » déjà importée à l’identique : rien n’a changé.").format(title=report.title)
        else:
            message = self.tr("Session importée : « {title} » — {d} dossiers, {a} pièces jointes ({mb} Mo).").format(
                title=report.title, d=report.dossiers, a=report.attachments,
                mb=fmt.number(report.attachment_bytes / 1e6, 1))
        welcome.import_finished(message=message)
        self.hub.statusMessage.emit(message)
        self.open_session(report.session_id)
        return report

    # ------------------------------------------------------------------ shared screen

    def _restore_shared(self) -> None:
        geo = prefs.decode_geometry(getattr(self.settings, "shared_screen_geometry", None))
        if geo is None:
            return  # never placed: shown on demand (Ctrl+E)
        self.shared.restoreGeometry(geo)
        name = getattr(self.settings, "shared_screen_screen_name", None)
        if name:
            for screen in QGuiApplication.screens():
                if screen.name() == name:
                    self.shared.move_to_screen(screen)
                    break
        if getattr(self.settings, "shared_screen_fullscreen", False):
            self.shared.showFullScreen()
        else:
            self.shared.show()
        self.window.activateWindow()

    @Slot()
    def show_shared(self) -> None:
        if self.shared.isVisible():
            self.shared.raise_()
        else:
            screens = QGuiApplication.screens()
            if len(screens) > 1 and prefs.decode_geometry(getattr(self.settings, "shared_screen_geometry", None)) is None:
                own = self.window.screen()
                other = next((s for s in screens if s is not own), screens[-1])
                self.shared.move_to_screen(other)
            self.shared.show()
        self.window.activateWindow()

    @Slot()
    def toggle_shared_fullscreen(self) -> None:
        if not self.shared.isVisible():
            self.show_shared()
        self.shared.toggle_fullscreen()

    def _fill_screens_menu(self) -> None:
        menu = self.window.screens_menu
        assert menu is not None
        menu.clear()
        for i, screen in enumerate(QGuiApplication.screens(), start=1):
            g = screen.geometry()
            act = QAction(self.tr("Écran {i} : {name} ({w} × {h})").format(
                i=i, name=screen.name() or screen.model(), w=g.width(), h=g.height()), menu)
            act.triggered.connect(lambda _=False, s=screen: self._move_shared(s))
            menu.addAction(act)

    def _move_shared(self, screen: Any) -> None:
        self.shared.show()
        self.shared.move_to_screen(screen)
        self._save_shared_geometry()

    @Slot()
    def _save_shared_geometry(self) -> None:
        if not self.shared.isVisible():
            return
        screen = self.shared.screen()
        prefs.update(self.settings,
                     shared_screen_geometry=prefs.encode_geometry(bytes(self.shared.saveGeometry().data())),
                     shared_screen_fullscreen=self.shared.isFullScreen(),
                     shared_screen_screen_name=screen.name() if screen is not None else None)

    # ------------------------------------------------------------------ view settings

    def zoom(self, delta: float | None) -> None:
        scale = 1.0 if delta is None else theme.current_scale() + delta
        scale = theme.set_font_scale(scale)
        prefs.update(self.settings, font_scale=scale)
        self.hub.statusMessage.emit(self.tr("Taille du texte : {pct} %").format(
            pct=round(scale * 100)).replace(" %", "\u00a0%"))

    @Slot(bool)
    def set_high_contrast(self, on: bool) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        theme.apply(app, theme.current_scale(), on)
        self.shared.refresh_theme()
        prefs.update(self.settings, high_contrast=on)
        if self.console is not None:
            self.console.refresh_all()

    @Slot()
    def edit_settings(self) -> None:
        s = self.settings
        dlg = dialogs.SettingsDialog(getattr(s, "language", "fr"), theme.current_scale(),
                                     bool(getattr(s, "high_contrast", False)), self.window)
        if dlg.exec() != dialogs.SettingsDialog.DialogCode.Accepted:
            return
        language = str(dlg.language.currentData())
        if language != getattr(s, "language", "fr"):
            prefs.update(s, language=language)
            QMessageBox.information(self.window, self.tr("Langue"),
                                    self.tr("La nouvelle langue s’appliquera au prochain démarrage."))
        if abs(dlg.scale.value() - theme.current_scale()) > 1e-6:
            self.zoom(dlg.scale.value() - theme.current_scale())
        if dlg.contrast.isChecked() != bool(getattr(s, "high_contrast", False)):
            self.actions.high_contrast.setChecked(dlg.contrast.isChecked())

    @Slot()
    def show_shortcuts(self) -> None:
        rows: list[tuple[str, QKeySequence]] = []
        for act in self.actions.all():
            for seq in act.shortcuts():
                rows.append((act.text(), seq))
        rows.append((self.tr("Saisir une note puis passer au critère suivant"), QKeySequence("Return")))
        rows.append((self.tr("Passer au juré suivant"), QKeySequence("Tab")))
        rows.append((self.tr("Effacer la note de la cellule"), QKeySequence("Del")))
        rows.append((self.tr("Enregistrer le commentaire"), QKeySequence("Ctrl+Return")))
        rows.append((self.tr("Quitter le plein écran (écran partagé)"), QKeySequence("Esc")))
        dialogs.ShortcutsDialog(rows, self.window).exec()

    @Slot()
    def about(self) -> None:
        QMessageBox.about(self.window, self.tr("À propos de jury_desk"), self.tr(
            "jury_desk {v}\nApplication hors ligne des jurys du Label Actions Innovantes "
            "(Grand-Orly Seine Bièvre).").format(v=__version__))

    # ------------------------------------------------------------------ closing

    @Slot()
    def shutdown(self) -> None:
        """Before the window goes: the comment being typed, the pending writes, the shared screen."""
        if self.console is not None:
            self.console.scoring.save_comment()
            self.console.timer.pause_if_running()
        if self.shared.isVisible():
            self._save_shared_geometry()
        self.writer.flush(timeout=15)
        self.shared.close()
        if self.lock is not None:
            self.lock.release()
            self.lock = None
        for t in list(self.tasks):
            t.cancel()

