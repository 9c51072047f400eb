"""Logging: a rotating file in the user's data folder, without personal data.

Messages name ids (sessions, dossiers, jurors), never names, notes or comments.
"""

from __future__ import annotations

import logging
import logging.handlers
import os


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
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._jury_desk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(os.environ.get("JURY_DESK_LOG_LEVEL", logging.getLevelName(level)))
