"""The windowed Windows executable has no console (``sys.stderr`` is None): a held
database lock and fatal errors reach the user in a dialog, and nothing raises."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from jury_desk.core import instance
from jury_desk.core.errors import UserError
from jury_desk.qt.widgets import QApplication
from jury_desk.ui import app, errors
from tests.ui.conftest import DialogLog


@contextlib.contextmanager
def no_console() -> Iterator[None]:
    """``sys.stderr`` as the windowed executable has it (set inside the test: pytest's
    capture sets its own between the fixtures and the test)."""
    saved = sys.stderr
    sys.stderr = None  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stderr = saved


def _quick_lock_wait(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    waited: list[float] = []
    now = [0.0]

    def sleep(s: float) -> None:
        waited.append(s)
        now[0] += s

    monkeypatch.setattr(instance, "sleep", sleep)
    monkeypatch.setattr(instance, "monotonic", lambda: now[0])
    return waited


def test_a_held_lock_is_told_in_a_dialog_not_on_stderr(
    qapp: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    dialog_log: DialogLog,
) -> None:
    db = tmp_path / "jury.sqlite3"
    holder = instance.acquire(db)  # a command running in a console, say
    assert holder is not None
    monkeypatch.setattr(app, "_ask_running_instance", lambda name: False)
    waited = _quick_lock_wait(monkeypatch)
    try:
        with no_console():
            lock, code = app.take_instance_lock(db, errors.ErrorReporter(False))
    finally:
        holder.release()
    assert lock is None and code == 2
    assert sum(waited) >= app.LOCK_WAIT_SECONDS  # tried again before giving up
    [shown] = dialog_log.errors
    assert shown.code == "db_in_use" and str(db) in shown.message


def test_a_lock_released_late_is_taken_after_waiting(
    qapp: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    dialog_log: DialogLog,
) -> None:
    db = tmp_path / "jury.sqlite3"
    real = instance._try_lock
    tries = [0]

    def try_lock(fd: int) -> bool:  # a killed process's lock, released after a delay
        tries[0] += 1
        return tries[0] > 4 and real(fd)

    monkeypatch.setattr(instance, "_try_lock", try_lock)
    monkeypatch.setattr(app, "_ask_running_instance", lambda name: False)
    _quick_lock_wait(monkeypatch)
    with no_console():
        lock, code = app.take_instance_lock(db, errors.ErrorReporter(False))
    assert lock is not None and code == 0 and dialog_log.errors == []
    lock.release()


def test_a_running_window_is_brought_forward_without_a_console(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "jury.sqlite3"
    holder = instance.acquire(db)
    monkeypatch.setattr(app, "_ask_running_instance", lambda name: True)
    try:
        with no_console():
            assert app.take_instance_lock(db, errors.ErrorReporter(False)) == (None, 0)
    finally:
        assert holder is not None
        holder.release()


def test_reports_without_windows_and_without_stderr_do_not_raise(qapp: QApplication) -> None:
    reporter = errors.ErrorReporter(no_windows=True)
    with no_console():
        assert errors.write_stderr("rien\n") is False
        try:
            raise RuntimeError("boom")
        except RuntimeError as exc:
            reporter.report(type(exc), exc, exc.__traceback__)  # was: AttributeError on None
        reporter.user_error(UserError("x", "refusé"))


def test_an_export_to_a_onedrive_folder_asks_first(
    qapp: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    dialog_log: DialogLog,
) -> None:
    import asyncio

    from jury_desk.core import export, fsutil
    from jury_desk.core.services import Desk
    from jury_desk.ui.deliberation.export_dialog import ExportDialog

    desk = Desk(tmp_path / "jury.sqlite3")
    sid = desk.import_demo().session_id
    synced = tmp_path / "OneDrive - Grand-Orly" / "Documents"
    synced.mkdir(parents=True)
    monkeypatch.setattr(fsutil, "is_windows", lambda: True)
    monkeypatch.setenv("OneDrive", str(tmp_path / "OneDrive - Grand-Orly"))
    monkeypatch.setattr(
        export, "export_session", lambda *a, **k: pytest.fail("exported without asking")
    )
    dialog_log.answer = False  # « Choisir un autre dossier »
    dlg = ExportDialog(desk, sid, folder=synced)
    try:
        asyncio.run(dlg._export_and_verify())
        assert dialog_log.confirms == ["Dossier synchronisé par OneDrive"]
    finally:
        dlg.deleteLater()
        desk.close()
