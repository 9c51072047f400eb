"""The one place that imports the Qt binding (PySide6), as qutebrowser's ``qutebrowser/qt``.

Every other module of jury_desk reads Qt through these modules::

    from jury_desk.qt.core import Qt, Signal, Slot
    from jury_desk.qt.widgets import QWidget

so that a binding's quirk, a version check or a workaround is handled once, here. Nothing
in :mod:`jury_desk.core` imports this package (``tests/core/test_core_is_qt_free.py``), and
``tests/test_import_contracts.py`` checks that no module outside it imports PySide6.
"""

from __future__ import annotations

import os

# qasync binds to the first Qt binding it can import (PyQt5, PyQt6, PySide2, then
# PySide6): make it PySide6, whatever else is installed, before anything imports qasync.
os.environ.setdefault("QT_API", "pyside6")

BINDING = "PySide6"


def binding_version() -> str:
    """The binding's version, for the error dialog's details and the self-test."""
    from PySide6 import __version__

    return str(__version__)
