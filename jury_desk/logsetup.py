"""Logging: a rotating file in the user's data folder, without personal data.

Messages name ids (sessions, dossiers, jurors), never names, notes or comments. An
exception's message may quote them (a database error quotes its row, a refusal names a
juror): :class:`SafeFormatter` writes an exception's type and traceback frames, for
every exception of the chain, and never its message, whoever logs it.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import traceback
from types import TracebackType


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


def configure(level: int = logging.INFO) -> None:
    root = logging.getLogger()
    if any(getattr(h, "_jury_desk", False) for h in root.handlers):
        return
    try:
        from jury_desk.core import paths

        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            paths.log_dir() / "jury_desk.log", maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(SafeFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._jury_desk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(os.environ.get("JURY_DESK_LOG_LEVEL", logging.getLevelName(level)))
