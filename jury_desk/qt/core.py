"""Qt's QtCore, through the one import point (see :mod:`jury_desk.qt`)."""

from PySide6.QtCore import *  # noqa: F403
