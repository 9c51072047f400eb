"""Qt's QtGui, through the one import point (see :mod:`jury_desk.qt`)."""

from PySide6.QtGui import *  # noqa: F403
