"""The log's rotation (:mod:`jury_desk.logsetup`): a RotatingFileHandler that survives
another process holding the log open. Its own module: ``logging.handlers`` imports pickle
and sockets, which the GUI's start does without until its first paint."""

from __future__ import annotations

import logging
import logging.handlers
import time
from pathlib import Path

from jury_desk.logsetup import RETRY_ROTATION_SECONDS


class TolerantRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A RotatingFileHandler that survives another process holding the log open."""

    clock = staticmethod(time.monotonic)

    def __init__(self, filename: Path | str, max_bytes: int, backups: int) -> None:
        super().__init__(filename, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")
        self._blocked_until = 0.0

    def shouldRollover(self, record: logging.LogRecord) -> bool:
        if self.clock() < self._blocked_until:
            return False
        return bool(super().shouldRollover(record))

    def doRollover(self) -> None:
        try:
            super().doRollover()
        except OSError as exc:  # Windows: a file of the rotation is open elsewhere
            self._blocked_until = self.clock() + RETRY_ROTATION_SECONDS
            if self.stream is None:  # closed by the rollover: append to the same file
                self.stream = self._open()
            logging.getLogger(__name__).warning(
                "log rotation postponed (%s, winerror %s)",
                type(exc).__name__,
                getattr(exc, "winerror", None),
            )
