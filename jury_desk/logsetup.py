"""Logging: a rotating file in the user's data folder, without personal data.

Messages name ids (sessions, dossiers, jurors), never names, notes or comments.

Two things matter on Windows. The windowed executable has no console (``sys.stderr``
is ``None``), so a native crash (Qt, a driver) would leave no trace: ``faulthandler``
writes the Python stacks of every thread to ``crash.log`` in the log folder.
Rotation renames ``jury_desk.log``, which Windows refuses while another process has it
open (a second window on another database, a command in a console, an editor): the
handler then keeps appending to the current file and tries again a minute later,
instead of losing every following record.

An exception's message may quote names (a database error quotes its row, a refusal
names a juror): :class:`SafeFormatter` writes an exception's type and traceback frames,
for every exception of the chain, and never its message, whoever logs it.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import time
import traceback
from pathlib import Path
from types import TracebackType
from typing import IO

LOG_NAME = "jury_desk.log"
CRASH_NAME = "crash.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
CRASH_MAX_BYTES = 1_000_000
RETRY_ROTATION_SECONDS = 60.0

_crash_file: IO[str] | None = None


def enable_crash_file(folder: Path) -> Path | None:
    """Native crashes (and fatal signals) dump every thread's stack into ``crash.log``."""
    global _crash_file
    path = folder / CRASH_NAME
    try:
        if path.is_file() and path.stat().st_size > CRASH_MAX_BYTES:
            path.write_text("", encoding="utf-8")
        fh = open(path, "a", encoding="utf-8")  # noqa: SIM115 - kept open for the process
        fh.write(f"--- jury_desk started {time.strftime('%Y-%m-%d %H:%M:%S')} pid {os.getpid()}\n")
        fh.flush()
    except OSError:
        return None
    faulthandler.enable(file=fh, all_threads=True)
    if _crash_file is not None and _crash_file is not fh:
        _crash_file.close()
    _crash_file = fh
    return path


def _type_name(exc_type: type[BaseException]) -> str:
    module = exc_type.__module__
    if module in ("builtins", "__main__"):
        return exc_type.__qualname__
    return f"{module}.{exc_type.__qualname__}"


def exception_text(exc: BaseException, tb: TracebackType | None = None) -> str:
    """Traceback frames and exception types, first cause first; no message."""
    chain: list[BaseException] = []
    cur: BaseException | None = exc
    while cur is not None and not any(cur is c for c in chain):
        chain.append(cur)
        cur = cur.__cause__ or (None if cur.__suppress_context__ else cur.__context__)
    parts: list[str] = []
    for e in reversed(chain):
        if parts:
            parts.append("\nThe above exception led to:\n\n")
        parts.append("Traceback (most recent call last):\n")
        parts.extend(traceback.format_tb(tb if e is exc and tb is not None else e.__traceback__))
        parts.append(f"{_type_name(type(e))} (message not logged)\n")
    return "".join(parts).rstrip("\n")


class SafeFormatter(logging.Formatter):
    """A formatter that never writes an exception's message (it may hold personal data)."""

    def formatException(self, ei: object) -> str:
        if isinstance(ei, tuple) and len(ei) == 3 and isinstance(ei[1], BaseException):
            return exception_text(ei[1], ei[2])
        return "(exception not logged)"


def configure(level: int = logging.INFO, *, rotate: bool = True) -> None:
    """The log file (and the crash file) in the user's log folder. Without ``rotate`` (the
    GUI's start), records go to the same file by a plain handler until :func:`rotate_now`
    puts the rotating one in its place (after the first paint): the rotation's module
    imports pickle and sockets, 10 ms before the console could show."""
    root = logging.getLogger()
    if any(getattr(h, "_jury_desk", False) for h in root.handlers):
        return
    handler: logging.Handler
    try:
        from jury_desk.core import paths

        folder = paths.log_dir()
        handler = _rotating(folder / LOG_NAME) if rotate else _Plain(folder / LOG_NAME)
        enable_crash_file(folder)
    except OSError:
        handler = logging.StreamHandler()  # sys.stderr; nothing is written when it is None
    _install(root, handler)
    root.setLevel(os.environ.get("JURY_DESK_LOG_LEVEL", logging.getLevelName(level)))


class _Plain(logging.FileHandler):
    """The log file before its rotation is installed (:func:`rotate_now`)."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, encoding="utf-8")


def _rotating(path: Path) -> logging.Handler:
    from jury_desk.logrotate import TolerantRotatingFileHandler

    return TolerantRotatingFileHandler(path, MAX_BYTES, BACKUPS)


def _install(root: logging.Logger, handler: logging.Handler) -> None:
    handler.setFormatter(SafeFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    setattr(handler, "_jury_desk", True)  # noqa: B010 - marks our handler for configure()
    root.addHandler(handler)


def rotate_now() -> None:
    """The rotating handler in place of the plain one :func:`configure` installed without
    ``rotate`` (the same file, appended to); nothing when it is in place already."""
    root = logging.getLogger()
    for plain in [h for h in root.handlers if isinstance(h, _Plain)]:
        try:
            rotating = _rotating(Path(plain.baseFilename))
        except OSError:
            continue  # the plain handler goes on writing
        _install(root, rotating)
        root.removeHandler(plain)
        plain.close()
