"""Qt's QtCore, through the one import point (see :mod:`jury_desk.qt`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore

from jury_desk.qt import forward

if TYPE_CHECKING:
    from PySide6.QtCore import *  # noqa: F403
else:
    __getattr__ = forward(QtCore, globals())
