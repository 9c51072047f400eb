"""Qt's QtWidgets, through the one import point (see :mod:`jury_desk.qt`)."""

from PySide6.QtWidgets import *  # noqa: F403
