"""Unexpected errors: logged without personal data, then told to the user in French.

:class:`ErrorReporter` is installed once by ``app.run_gui``; it becomes

* ``sys.excepthook``: exceptions escaping a Qt slot or virtual method (PySide6 hands
  them to it), and qasync's ``@asyncSlot`` tasks (qasync calls it too);
* ``threading.excepthook``: an exception that ends a worker thread; the report is
  carried to the GUI thread by a queued signal (no widget outside the GUI thread);
* the qasync loop's exception handler: an exception in a callback or a task nobody
  awaited (``loop.set_exception_handler``);
* and, through :func:`report_exception`, the database writer's and the controller's
  tasks' unhandled failures.

Two families (STYLE habit 2): a :class:`UserError` is shown as a plain French message
box (``dialogs.show_user_error``, the one place) and logged at INFO with its code only;
anything else is a bug: logged at ERROR, then :class:`ErrorDialog` says « Une erreur
inattendue s’est produite », what is safe, and offers « Copier les détails ». With
``--no-err-windows`` nothing opens: the report goes to the log and to stderr (when there
is one: the windowed Windows executable has none, see :func:`write_stderr`).

Personal data (decision). Exception messages may carry names, comments or SQL
parameters (an ``IntegrityError`` quotes the row; a ``UserError`` names a juror or a
holder). The log file outlives the purge of a database (``docs/reliability.md``), so
what goes into it is the exception's *type* and its *traceback frames* (file, line,
function, source line), for every exception of the chain, and never the message. The
dialog's details, which the user reads before choosing to copy them for support, hold
the full traceback with messages, the version and the platform; they are never written
to disk by jury_desk.

Qt's own messages (``qWarning``…) are routed into the ``qt`` logger by
:func:`qt_message_handler` (``install_qt_messages``).
"""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
import traceback
from collections.abc import Callable, Iterator
from types import TracebackType
from typing import Any

from jury_desk import __version__
from jury_desk.core.errors import UserError
from jury_desk.qt import widgets
from jury_desk.qt.core import QObject, Qt, QThread, QtMsgType, Signal, Slot, qInstallMessageHandler
from jury_desk.qt.gui import QGuiApplication
from jury_desk.qt.widgets import (
    QApplication,
    QDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


# --------------------------------------------------------------------------- texts


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """The exception and its causes, the first cause first (as Python prints them)."""
    seen: list[BaseException] = []
    cur: BaseException | None = exc
    while cur is not None and not any(cur is s for s in seen):
        seen.append(cur)
        cur = cur.__cause__ or (None if cur.__suppress_context__ else cur.__context__)
    return reversed(seen)


def _type_name(exc_type: type[BaseException]) -> str:
    module = exc_type.__module__
    return (
        exc_type.__qualname__
        if module in ("builtins", "__main__")
        else f"{module}.{exc_type.__qualname__}"
    )


def log_text(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """Traceback frames and exception types only: no message, so no personal data."""
    parts: list[str] = []
    for e in _chain(exc):
        this_tb = tb if e is exc else e.__traceback__
        if parts:
            parts.append("\nThe above exception led to:\n\n")
        parts.append("Traceback (most recent call last):\n")
        parts.extend(traceback.format_tb(this_tb))
        parts.append(f"{_type_name(exc_type if e is exc else type(e))} (message not logged)\n")
    return "".join(parts)


def log_failure(logger: logging.Logger, what: str, exc: BaseException) -> None:
    """Log a handled failure without its message (which may hold a name): type and frames."""
    logger.error("%s\n%s", what, log_text(type(exc), exc, exc.__traceback__))


def details_text(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> str:
    """What « Copier les détails » copies: the full traceback, version, platform."""
    import platform  # only when a report is shown: not on the way to the first paint

    text = "".join(traceback.format_exception(exc_type, exc, tb))
    return (
        f"jury_desk {__version__}\nPython {platform.python_version()} — {platform.platform()}\n"
        f"Qt {_qt_version()}\n\n{text}"
    )


def write_stderr(text: str) -> bool:
    """Write to stderr when there is one: the windowed Windows executable has none
    (``sys.stderr`` is ``None``), and a closed console raises. True when written."""
    stream = sys.stderr
    if stream is None:
        return False
    try:
        stream.write(text)
        stream.flush()
    except (OSError, ValueError):
        return False
    return True


def _qt_version() -> str:
    from jury_desk.qt import binding_version
    from jury_desk.qt.core import qVersion

    return f"{qVersion()} (PySide6 {binding_version()})"


# --------------------------------------------------------------------------- the dialog


class ErrorDialog(QDialog):
    """An unexpected error: what happened in plain French, the details, « Copier les détails »."""

    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Erreur inattendue — jury_desk"))
        self.setAccessibleName(self.tr("Erreur inattendue"))
        lay = QVBoxLayout(self)
        self.headline = QLabel(self.tr("Une erreur inattendue s’est produite."))
        self.headline.setObjectName("sectionTitle")
        lay.addWidget(self.headline)
        self.message = QLabel(
            self.tr(
                "Vos notes enregistrées sont conservées dans la base : tout ce que l’écran a affiché "
                "comme « enregistré » est en sécurité.\n\nVous pouvez continuer. Si l’erreur se répète, "
                "copiez les détails et transmettez-les au support (ils ne sont enregistrés nulle part "
                "ailleurs)."
            )
        )
        self.message.setWordWrap(True)
        lay.addWidget(self.message)
        self.details = widgets.QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Détails de l’erreur"))
        self.details.setLineWrapMode(widgets.QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setMinimumSize(640, 220)
        lay.addWidget(self.details, 1)
        buttons = widgets.QDialogButtonBox()
        self.copy_button = QPushButton(self.tr("Copier les détails"))
        self.copy_button.setAccessibleName(self.tr("Copier les détails"))
        buttons.addButton(self.copy_button, widgets.QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(widgets.QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Fermer"))
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    @Slot()
    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())
        self.copy_button.setText(self.tr("Détails copiés"))


# --------------------------------------------------------------------------- the reporter


def _in_gui_thread() -> bool:
    app = QApplication.instance()
    return app is not None and QThread.currentThread() is app.thread()


class ErrorReporter(QObject):
    """Logs and shows unexpected errors; see the module's docstring."""

    _fromThread = Signal(object)  # an ExcInfo, delivered in the GUI thread

    def __init__(self, no_windows: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.no_windows = no_windows
        self.parent_widget: Callable[[], QWidget | None] = lambda: None
        self._in_report = False
        self._previous: tuple[Any, Any] | None = None
        self._fromThread.connect(self._report_queued, Qt.ConnectionType.QueuedConnection)

    # -- hooks

    def install(self, loop: asyncio.AbstractEventLoop | None = None) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook
        if loop is not None:
            loop.set_exception_handler(self.loop_exception_handler)

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    def excepthook(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if _in_gui_thread():
            self.report(exc_type, exc, tb)
        else:
            self._fromThread.emit((exc_type, exc, tb))

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        log.error("thread %s ended by an exception", getattr(args.thread, "name", "?"))
        self.excepthook(args.exc_type, args.exc_value, args.exc_traceback)

    def loop_exception_handler(
        self, _loop: asyncio.AbstractEventLoop, context: dict[str, Any]
    ) -> None:
        exc = context.get("exception")
        if isinstance(exc, BaseException):
            self.excepthook(type(exc), exc, exc.__traceback__)
        else:  # a message without an exception (« Task was destroyed but it is pending! »…)
            log.warning("asyncio: %s", context.get("message", "?"))

    @Slot(object)
    def _report_queued(self, info: ExcInfo) -> None:
        self.report(*info)

    # -- the one place

    def report(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        if isinstance(exc, UserError):
            self.user_error(exc)
            return
        from jury_desk.core import environment

        problem = environment.describe(exc)
        if problem is not None:  # full disk, read-only or locked file: said, not a bug
            log.warning("refused by the environment: %s (%s)", problem.code, _type_name(exc_type))
            self.user_error(problem)
            return
        log.error(
            "unexpected error %s\n%s", _type_name(exc_type), log_text(exc_type, exc, tb).rstrip()
        )
        details = details_text(exc_type, exc, tb)
        from jury_desk.ui import dialogs

        if (
            self.no_windows
            or dialogs.HEADLESS
            or self._in_report
            or QApplication.instance() is None
        ):
            write_stderr(details)
            return
        self._in_report = True
        try:
            ErrorDialog(details, self.parent_widget()).exec()
        finally:
            self._in_report = False

    def user_error(self, exc: UserError) -> None:
        from jury_desk.ui import dialogs

        if self.no_windows:
            log.info("user error %s (no window)", exc.code)
            write_stderr(f"jury-desk : {exc}\n")
            return
        dialogs.show_user_error(self.parent_widget(), exc)


# The application's reporter; ``run_gui`` replaces it with the installed one.
reporter = ErrorReporter()


def report_exception(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    """Report an error caught elsewhere (the writer, a task) through the application's reporter."""
    reporter.report(exc_type, exc, tb)


# --------------------------------------------------------------------------- Qt's messages

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def qt_message_handler(mode: QtMsgType, _context: Any, message: str) -> None:
    """Qt's own messages, into the ``qt`` logger at the matching level."""
    logging.getLogger("qt").log(_QT_LEVELS.get(mode, logging.ERROR), "%s", message)


def install_qt_messages() -> None:
    qInstallMessageHandler(qt_message_handler)
