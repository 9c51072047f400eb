"""logsetup: the crash file (faulthandler) and a rotation that survives another process
holding the log open (Windows refuses to rename an open file; simulated here)."""

from __future__ import annotations

import faulthandler
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from jury_desk import logsetup
from jury_desk.logrotate import TolerantRotatingFileHandler
from tests.core.windows_sim import sharing_violation

ROOT = Path(__file__).resolve().parents[2]


def _record(i: int) -> logging.LogRecord:
    return logging.LogRecord(
        "t", logging.INFO, __file__, 1, f"message {i:04d} " + "x" * 60, (), None
    )


def test_rotation_postponed_while_another_process_holds_the_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "jury_desk.log"
    handler = TolerantRotatingFileHandler(path, max_bytes=500, backups=2)
    errors: list[logging.LogRecord] = []
    monkeypatch.setattr(handler, "handleError", errors.append)
    now = [0.0]
    monkeypatch.setattr(handler, "clock", lambda: now[0])
    real_rename = os.rename
    held = [True]

    def rename(src: object, dst: object) -> None:
        if held[0] and Path(str(src)) == path:
            raise sharing_violation(src)
        real_rename(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "rename", rename)
    for i in range(40):
        handler.emit(_record(i))
    handler.flush()
    assert errors == []  # no record lost, no traceback
    text = path.read_text(encoding="utf-8")
    assert all(f"message {i:04d}" in text for i in range(40))
    assert not path.with_name("jury_desk.log.1").exists()

    held[0] = False  # the other process let go; a minute later rotation resumes
    now[0] += logsetup.RETRY_ROTATION_SECONDS + 1
    for i in range(40, 50):
        handler.emit(_record(i))
    handler.close()
    assert path.with_name("jury_desk.log.1").exists() and errors == []


def _restore_pytest_faulthandler() -> None:
    faulthandler.enable(file=sys.__stderr__)


def test_crash_file_is_enabled_in_the_log_folder(tmp_path: Path) -> None:
    try:
        crash = logsetup.enable_crash_file(tmp_path)
        assert crash == tmp_path / "crash.log" and faulthandler.is_enabled()
        assert "jury_desk started" in crash.read_text(encoding="utf-8")
    finally:
        _restore_pytest_faulthandler()


def test_a_native_crash_leaves_its_stack_in_crash_log(tmp_path: Path) -> None:
    code = (
        "import faulthandler, sys\n"
        "from pathlib import Path\n"
        "from jury_desk import logsetup\n"
        "logsetup.enable_crash_file(Path(sys.argv[1]))\n"
        "sys.stderr = None  # as in the windowed executable\n"
        "faulthandler._sigsegv()\n"
    )
    r = subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=ROOT, check=False)
    assert r.returncode != 0
    text = (tmp_path / "crash.log").read_text(encoding="utf-8")
    assert "Fatal Python error" in text and "line 6" in text


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[logging.Logger]:
    """The root logger without jury_desk's handler (configure() installs one for the log
    folder under ``tmp_path``), put back as it was after the test."""
    monkeypatch.setenv("JURY_DESK_DATA_DIR", str(tmp_path))
    logger = logging.getLogger()
    before = list(logger.handlers)
    for h in before:
        if getattr(h, "_jury_desk", False):
            logger.removeHandler(h)
    try:
        yield logger
    finally:
        for h in logger.handlers[:]:
            if h not in before:
                logger.removeHandler(h)
                h.close()
        for h in before:
            if h not in logger.handlers:
                logger.addHandler(h)
        _restore_pytest_faulthandler()


def _ours(root: logging.Logger) -> list[logging.Handler]:
    return [h for h in root.handlers if getattr(h, "_jury_desk", False)]


def test_configure_uses_both(root: logging.Logger, tmp_path: Path) -> None:
    logsetup.configure()
    ours = _ours(root)
    assert len(ours) == 1 and isinstance(ours[0], TolerantRotatingFileHandler)
    assert (tmp_path / "logs" / "crash.log").is_file()


def test_the_guis_start_logs_to_the_same_file_and_rotates_after_its_first_paint(
    root: logging.Logger, tmp_path: Path
) -> None:
    """Without rotation (the GUI's start, logging.handlers not imported yet) the records go
    to the log file all the same; rotate_now puts the rotating handler in the plain one's
    place, on the same file, once."""
    logsetup.configure(rotate=False)
    ours = _ours(root)
    assert len(ours) == 1 and not isinstance(ours[0], TolerantRotatingFileHandler)
    logging.getLogger("jury_desk.test").warning("avant la rotation")
    logsetup.rotate_now()
    logsetup.rotate_now()  # once only
    ours = _ours(root)
    assert len(ours) == 1 and isinstance(ours[0], TolerantRotatingFileHandler)
    logging.getLogger("jury_desk.test").warning("après la rotation")
    ours[0].flush()
    text = (tmp_path / "logs" / logsetup.LOG_NAME).read_text(encoding="utf-8")
    assert text.index("avant la rotation") < text.index("après la rotation")
