"""Qt's QtNetwork, through the one import point (see :mod:`jury_desk.qt`)."""

from PySide6.QtNetwork import *  # noqa: F403
