"""Unexpected errors: the French dialog with « Copier les détails », the log without the
message (personal data), ``--no-err-windows``, worker threads, qasync slots and
callbacks, refused actions as a plain message box, Qt's messages in the log."""

from __future__ import annotations

import logging
import platform
import sys
import threading
from typing import Any

import pytest
import qasync

from jury_desk import __version__
from jury_desk.core.errors import UserError
from jury_desk.qt.core import QObject, QThread, QtMsgType, Signal
from jury_desk.qt.gui import QGuiApplication
from jury_desk.qt.widgets import QApplication, QMessageBox
from jury_desk.ui import dialogs, errors
from jury_desk.ui.dialogs import (
    show_user_error as real_show_user_error,  # before conftest's stand-in
)

CANARY = "Jeanne Canari-Personne"


def fails_with_a_name() -> None:
    raise ValueError(f"porteur {CANARY} introuvable")


def exc_info_of(fn: Any) -> tuple[type[BaseException], BaseException, Any]:
    try:
        fn()
    except BaseException:
        info = sys.exc_info()
        assert info[0] is not None and info[1] is not None
        return info[0], info[1], info[2]
    raise AssertionError("no exception")


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[errors.ErrorDialog]:
    """Error dialogs that would have been shown; each one's « Copier les détails » is clicked."""
    seen: list[errors.ErrorDialog] = []

    def fake_exec(self: errors.ErrorDialog) -> int:
        assert QThread.currentThread() is QApplication.instance().thread()  # type: ignore[union-attr]
        seen.append(self)
        self.copy_button.click()
        return 0

    monkeypatch.setattr(dialogs, "HEADLESS", False)
    monkeypatch.setattr(errors.ErrorDialog, "exec", fake_exec)
    return seen


def error_records(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_an_unexpected_error_shows_the_french_dialog_and_copies_the_details(
    qapp: QApplication, shown: list[errors.ErrorDialog], caplog: pytest.LogCaptureFixture
) -> None:
    reporter = errors.ErrorReporter()
    with caplog.at_level(logging.INFO):
        reporter.excepthook(*exc_info_of(fails_with_a_name))

    assert len(shown) == 1
    dlg = shown[0]
    assert dlg.headline.text() == "Une erreur inattendue s’est produite."
    assert "Vos notes enregistrées sont conservées dans la base" in dlg.message.text()
    assert dlg.close_button.text() == "Fermer"
    assert dlg.copy_button.text() == "Détails copiés"
    copied = QGuiApplication.clipboard().text()
    assert copied == dlg.details.toPlainText()
    assert "Traceback (most recent call last)" in copied and "fails_with_a_name" in copied
    assert f"ValueError: porteur {CANARY} introuvable" in copied
    assert f"jury_desk {__version__}" in copied and platform.python_version() in copied

    # The log has the type and the frames, never the message.
    records = error_records(caplog)
    assert len(records) == 1
    logged = records[0].getMessage()
    assert (
        "ValueError" in logged and "fails_with_a_name" in logged and "message not logged" in logged
    )
    assert CANARY not in caplog.text


def test_the_log_keeps_the_chain_of_causes_without_their_messages() -> None:
    def wrapped() -> None:
        try:
            fails_with_a_name()
        except ValueError as exc:
            raise RuntimeError(f"échec pour {CANARY}") from exc

    text = errors.log_text(*exc_info_of(wrapped))
    assert text.index("ValueError") < text.index("RuntimeError")
    assert "fails_with_a_name" in text and "wrapped" in text
    assert CANARY not in text


def test_no_err_windows_logs_and_opens_nothing(
    qapp: QApplication,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(dialogs, "HEADLESS", False)
    monkeypatch.setattr(
        errors.ErrorDialog, "exec", lambda self: pytest.fail("no dialog with --no-err-windows")
    )
    monkeypatch.setattr(
        QMessageBox, "exec", lambda self: pytest.fail("no message box with --no-err-windows")
    )
    reporter = errors.ErrorReporter(no_windows=True)
    reporter.excepthook(*exc_info_of(fails_with_a_name))
    records = error_records(caplog)
    assert len(records) == 1 and "fails_with_a_name" in records[0].getMessage()
    assert CANARY not in caplog.text
    assert "Traceback" in capsys.readouterr().err

    # A refused action, too: stderr and the log (by its code), no window.
    with caplog.at_level(logging.INFO):
        reporter.excepthook(
            *exc_info_of(
                lambda: (_ for _ in ()).throw(UserError("juror_unknown", f"Juré {CANARY} inconnu"))
            )
        )
    assert f"Juré {CANARY} inconnu" in capsys.readouterr().err
    assert any("juror_unknown" in r.getMessage() for r in caplog.records)
    assert CANARY not in caplog.text


def test_a_refused_action_is_a_plain_message_box_logged_by_its_code(
    qapp: QApplication,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    shown: list[errors.ErrorDialog],
) -> None:
    boxes: list[QMessageBox] = []

    def fake_box_exec(self: QMessageBox) -> int:
        boxes.append(self)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_box_exec)
    monkeypatch.setattr(dialogs, "show_user_error", real_show_user_error)
    reporter = errors.ErrorReporter()
    exc = UserError("holder_unknown", f"Le porteur {CANARY} est inconnu.", details=["d01"])
    with caplog.at_level(logging.INFO):
        reporter.excepthook(UserError, exc, None)
    assert not shown, "a UserError is not an unexpected error"
    assert len(boxes) == 1
    assert boxes[0].text() == f"Le porteur {CANARY} est inconnu."
    assert "d01" in boxes[0].informativeText()
    assert boxes[0].windowTitle() == "Action refusée"
    assert any("holder_unknown" in r.getMessage() for r in caplog.records)
    assert CANARY not in caplog.text
    assert not error_records(caplog)


def test_an_exception_ending_a_worker_thread_is_shown_from_the_gui_thread(
    qtbot: Any, shown: list[errors.ErrorDialog], caplog: pytest.LogCaptureFixture
) -> None:
    reporter = errors.ErrorReporter()
    reporter.install()
    try:
        worker = threading.Thread(target=fails_with_a_name, name="jd-test-worker")
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: len(shown) == 1)
    finally:
        reporter.uninstall()
    assert "fails_with_a_name" in shown[0].details.toPlainText()
    assert threading.excepthook is not reporter.thread_excepthook
    assert CANARY not in caplog.text


class _Emitter(QObject):
    # qasync 0.28's asyncSlot cannot be called from a signal without arguments (its
    # wrapper raises « asyncSlot was not callable from Signal »): give it one.
    fire = Signal(int)


def test_exceptions_escaping_qasync_slots_and_callbacks_are_reported(
    qtbot: Any, qloop: qasync.QEventLoop, shown: list[errors.ErrorDialog]
) -> None:
    reporter = errors.ErrorReporter()
    reporter.install(qloop)
    try:

        @qasync.asyncSlot(int)
        async def slot(_n: int) -> None:
            fails_with_a_name()

        emitter = _Emitter()
        emitter.fire.connect(slot)
        emitter.fire.emit(1)
        qtbot.waitUntil(lambda: len(shown) == 1)
        assert "fails_with_a_name" in shown[0].details.toPlainText()

        def callback() -> None:
            raise KeyError("d01")

        qloop.call_soon(callback)
        qtbot.waitUntil(lambda: len(shown) == 2)
        assert "KeyError" in shown[1].details.toPlainText()
    finally:
        qloop.set_exception_handler(None)
        reporter.uninstall()


def test_report_exception_goes_through_the_application_reporter(
    monkeypatch: pytest.MonkeyPatch, shown: list[errors.ErrorDialog]
) -> None:
    monkeypatch.setattr(errors, "reporter", errors.ErrorReporter())
    errors.report_exception(*exc_info_of(fails_with_a_name))
    assert len(shown) == 1


def test_qt_messages_go_to_the_log(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="qt"):
        errors.qt_message_handler(QtMsgType.QtWarningMsg, None, "QFont: a Qt warning")
        errors.qt_message_handler(QtMsgType.QtCriticalMsg, None, "a Qt critical message")
    got = [(r.name, r.levelno, r.getMessage()) for r in caplog.records if r.name == "qt"]
    assert got == [
        ("qt", logging.WARNING, "QFont: a Qt warning"),
        ("qt", logging.ERROR, "a Qt critical message"),
    ]
