"""The GUI application: QApplication, translations, theme, error reporting, the qasync
loop, one instance per database, and the main window.

``run_gui(args)`` is called by ``jury_desk.__main__`` with the Namespace of
``jury_desk.cli`` (``db``, ``session``, ``demo``, ``lang``, ``no_err_windows``).

Two environment hooks exist for tests and benchmarks, and do nothing otherwise:
``JURY_DESK_BENCH_PAINT=1`` prints ``PAINTED <seconds>`` at the console's first paint
(seconds since ``JURY_DESK_BENCH_T0``, a ``time.time()`` stamp taken by the caller before
it started the process) and quits; ``JURY_DESK_TEST_SCRIPT=<file.py>`` runs that file's
``run(controller)`` once the window is painted (the kill-and-restart test drives the
grid with it). The second is ignored in the frozen application (``sys.frozen``): an
installed copy never runs code named by its environment.

Errors are reported by ``errors.ErrorReporter`` (``sys.excepthook``,
``threading.excepthook``, the qasync loop's exception handler) and Qt's own messages
go to the log (``errors.install_qt_messages``).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import importlib.util
import logging
import os
import sys
import time
from pathlib import Path
from typing import Any

from jury_desk import __version__, logsetup
from jury_desk.core import resources
from jury_desk.core.errors import UserError
from jury_desk.qt.core import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTimer,
    QTranslator,
    Signal,
)
from jury_desk.qt.gui import QIcon
from jury_desk.qt.widgets import QApplication
from jury_desk.ui import errors, prefs, theme
from jury_desk.ui.first_paint import FIRST_PAINT_FALLBACK_MS, AfterFirstPaint

log = logging.getLogger(__name__)

_translators: list[QTranslator] = []


# --------------------------------------------------------------------------- translations


def install_translators(app: QCoreApplication, language: str) -> str:
    """Qt's own French (or English) strings, and ours for English (French is the source)."""
    for t in _translators:
        app.removeTranslator(t)
    _translators.clear()
    language = language if language in ("fr", "en") else "fr"
    QLocale.setDefault(
        QLocale(QLocale.Language.French, QLocale.Country.France)
        if language == "fr"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    )
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt)
        _translators.append(qt)
    if language != "fr":
        ours = QTranslator(app)
        qm = resources.path("i18n", f"jury_desk_{language}.qm")
        if ours.load(str(qm)):
            app.installTranslator(ours)
            _translators.append(ours)
        else:
            log.warning("translation %s not found", qm.name)
    return language


# --------------------------------------------------------------------------- single instance


class InstanceServer(QObject):
    """Answers a second launch on the same database by bringing the window forward."""

    raised = Signal()  # after the window was brought forward for a second launch

    def __init__(self, name: str, window: Any, parent: QObject | None = None) -> None:
        from jury_desk.qt.network import QLocalServer  # after the first paint (run_gui)

        super().__init__(parent)
        self.window = window
        self.server = QLocalServer(self)
        QLocalServer.removeServer(name)  # a socket left by a killed process
        if not self.server.listen(name):
            log.warning("local server not listening: %s", self.server.errorString())
        self.server.newConnection.connect(self._connection)

    def _connection(self) -> None:
        sock = self.server.nextPendingConnection()
        if sock is None:
            return
        sock.readyRead.connect(sock.readAll)
        sock.disconnected.connect(sock.deleteLater)
        w = self.window
        if w.isMinimized():
            w.showNormal()
        w.show()
        w.raise_()
        w.activateWindow()
        log.info("second launch on the same database: window brought forward")
        self.raised.emit()


def _ask_running_instance(name: str) -> bool:
    from jury_desk.qt.network import QLocalSocket

    sock = QLocalSocket()
    sock.connectToServer(name)
    if not sock.waitForConnected(1500):
        return False
    sock.write(b"raise\n")
    sock.waitForBytesWritten(1000)
    sock.disconnectFromServer()
    return True


# --------------------------------------------------------------------------- the start


def resume_collector() -> None:
    """Resume the cyclic garbage collector that ``jury_desk.__main__`` paused for the start.

    Before the first paint, the start (imports, the window, the console) would set off
    about a hundred collections (9 ms) that find almost nothing to free. What it built
    (modules, classes, functions, the window's widgets, which live as long as the process)
    is frozen first (``gc.freeze``: later collections skip it), as ``jury_desk.ui.import_core``
    does for the services, so that the first collection after the start does not walk it
    all at once. Does nothing when the collector runs (tests build windows with it on).
    """
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


# --------------------------------------------------------------------------- hooks


class _FirstPaint(QObject):
    """Benchmark hook: time from the caller's stamp to the console's first paint."""

    def __init__(self, target: Any) -> None:
        super().__init__(target)
        self.target = target
        self.done = False
        target.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        t0 = float(os.environ.get("JURY_DESK_BENCH_T0", "0") or 0)
        print(f"PAINTED {time.time() - t0:.4f}", flush=True)
        QApplication.quit()


def _run_test_script(path: str, controller: Any) -> None:
    spec = importlib.util.spec_from_file_location("jury_desk_test_script", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.run(controller)


# --------------------------------------------------------------------------- building


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv or [sys.argv[0] if sys.argv else "jury-desk"])
    app.setApplicationName("jury_desk")
    app.setOrganizationName("GrandOrlySeineBievre")
    app.setApplicationVersion(__version__)
    app.setApplicationDisplayName("jury_desk")
    icon = resources.path("icons", "jury_desk.png")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def build(
    settings: Any, *, db_path: Path | None, language: str | None, clock: Any = None
) -> tuple[Any, Any]:
    """The main window and its controller (tests call this; ``run_gui`` adds the rest)."""
    from jury_desk.ui.main_controller import MainController
    from jury_desk.ui.main_window import MainWindow
    from jury_desk.ui.timer import monotonic_ms

    app = make_application()
    install_translators(app, str(language or getattr(settings, "language", "fr") or "fr"))
    theme.apply(
        app,
        float(getattr(settings, "font_scale", 1.0) or 1.0),
        bool(getattr(settings, "high_contrast", False)),
    )
    window = MainWindow()
    controller = MainController(window, settings, db_path, clock or monotonic_ms)
    return window, controller


def test_script() -> str | None:
    """The test driver named by ``JURY_DESK_TEST_SCRIPT``; never in the frozen application."""
    if getattr(sys, "frozen", False):
        return None
    return os.environ.get("JURY_DESK_TEST_SCRIPT") or None


# A process that has just ended (killed, crashed, closing) may still hold the lock for a
# moment on Windows (LockFileEx locks are released after a delay): docs/reliability.md.
LOCK_WAIT_SECONDS = 5.0


def take_instance_lock(db_path: Path, reporter: errors.ErrorReporter) -> tuple[Any, int]:
    """The instance lock of ``db_path``, or ``(None, exit code)`` once the user is told.

    A running jury_desk on the same database is asked to bring its window forward (exit
    0), at its ``instance.server_name``. Otherwise the lock is tried again for
    ``LOCK_WAIT_SECONDS``; still held, the user is told in a dialog (the windowed
    executable has no console: ``sys.stderr`` is None).
    """
    from jury_desk.core import instance

    lock = instance.acquire(db_path)
    if lock is not None:
        return lock, 0
    if _ask_running_instance(instance.server_name(db_path)):
        log.info("database already open in another window: brought forward")
        errors.write_stderr(
            f"jury-desk : « {db_path.name} » est déjà ouvert ; sa fenêtre est ramenée au premier plan.\n"
        )
        return None, 0
    lock = instance.acquire(db_path, wait=LOCK_WAIT_SECONDS)
    if lock is not None:
        log.info("instance lock taken after waiting")
        return lock, 0
    log.warning("database locked by another process")
    reporter.user_error(
        UserError(
            "db_in_use",
            QCoreApplication.translate(
                "App",
                "La base « {path} » est utilisée par un autre programme jury_desk (une "
                "commande dans une console, ou une fenêtre qui se ferme). Réessayez quand il a "
                "fini ; si aucun n’est ouvert, redémarrez la session Windows.",
            ).format(path=db_path),
        )
    )
    return None, 2


def run_gui(args: argparse.Namespace) -> int:
    no_windows = bool(getattr(args, "no_err_windows", False))
    app = make_application()
    reporter = errors.ErrorReporter(no_windows, app)
    errors.reporter = reporter
    settings = prefs.load()
    from jury_desk.core import instance, paths

    db_arg: Path | None = getattr(args, "db", None)
    demo = bool(getattr(args, "demo", False))
    session = getattr(args, "session", None)
    last_db = getattr(settings, "last_db", None)
    reopen_last = db_arg is None and not demo and last_db is not None and Path(last_db).exists()
    db_path = (
        Path(db_arg) if db_arg else (Path(str(last_db)) if reopen_last else paths.default_db())
    )
    # Windows: a database on a network share, a USB key or a CD is refused (said once the
    # window is up); the welcome screen opens on the default one.
    refusal = instance.check_location(db_path)
    if refusal is not None:
        log.warning("database location refused")
        db_path, db_arg, session, reopen_last = paths.default_db(), None, None, False

    lock, code = take_instance_lock(db_path, reporter)
    if lock is None:
        return code

    import qasync

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    reporter.install(loop)
    if not os.environ.get("JURY_DESK_BENCH_PAINT"):
        errors.install_qt_messages()

    window, controller = build(settings, db_path=db_path, language=getattr(args, "lang", None))
    reporter.parent_widget = lambda: window
    controller.lock, controller.lock_path = lock, db_path
    servers: list[InstanceServer] = []  # listening once the window is painted
    script = test_script()

    def after_first_frame() -> None:
        resume_collector()
        logsetup.rotate_now()
        servers.append(InstanceServer(instance.server_name(db_path), window, controller))
        if script:
            _run_test_script(script, controller)

    try:
        if demo:
            report = controller.get_desk().import_demo()
            controller.open_session(report.session_id)
        elif db_arg is not None or session:
            controller.open_session(session)
        elif reopen_last and not controller.open_session(
            getattr(settings, "last_session_id", None)
        ):
            controller.show_welcome()
    except UserError as exc:
        controller.show_welcome()
        reporter.user_error(exc)
    # After the first frame of what is shown (the console, or the welcome page): its
    # paint, the last of that frame, and what the frame itself queued come first.
    shown = window.console or window
    AfterFirstPaint(shown, after_first_frame, fallback_ms=FIRST_PAINT_FALLBACK_MS)
    if os.environ.get("JURY_DESK_BENCH_PAINT"):
        _FirstPaint(shown)  # installed last: Qt asks it first, its report comes first
    window.show()
    if refusal is not None:
        QTimer.singleShot(0, lambda: reporter.user_error(refusal.refused()))
    elif controller.console is None:
        QTimer.singleShot(
            0, controller.upkeep.check_purge_reminder
        )  # open_session did it otherwise
    try:
        with loop:
            loop.run_forever()
    finally:
        controller.writer.shutdown()
        if controller.desk is not None:
            controller.desk.close()
        for server in servers:
            server.server.close()
        if controller.lock is not None:
            controller.lock.release()
        reporter.uninstall()
    return 0
