"""Qt's QtTest, through the one import point (see :mod:`jury_desk.qt`)."""

from PySide6.QtTest import *  # noqa: F403
