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
import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any

# qasync binds to the first Qt binding it can import (PyQt5, PyQt6, PySide2, then
# PySide6): make it PySide6, whatever else is installed, before anything imports qasync.
os.environ.setdefault("QT_API", "pyside6")

BINDING = "PySide6"


def binding_version() -> str:
    """The binding's version, for the error dialog's details and the self-test."""
    from PySide6 import __version__

    return str(__version__)


# Modules that use the binding: for PySide6's ``__feature__`` switching, the others are
# "ignored" (-1), as PySide6 itself decides by reading their source.
_BINDING_USERS = ("PySide6", "shiboken6", "jury_desk.qt", "qasync", "pytestqt")


def _no_source_scan() -> None:
    """PySide6 reads the source of every module imported after it (``inspect.getsource``,
    in ``shibokensupport.feature.feature_imported``) to find whether it mentions
    "PySide6", for its optional ``from __feature__ import snake_case``. jury_desk uses no
    ``__feature__``; the ~140 modules it imports on the way to its first window were each
    read again, ~15 ms of the start (``benchmarks/gui.py``). They are registered by name
    instead. Checked by ``tests/ui/test_first_paint.py``; nothing changes if the binding
    does it differently one day."""
    feature = sys.modules.get("shibokensupport.feature")
    table = getattr(feature, "pyside_feature_dict", None)
    if feature is None or not isinstance(table, dict) or hasattr(feature, "_jury_desk"):
        return

    def feature_imported(module: ModuleType) -> None:
        name = getattr(module, "__name__", None)
        if isinstance(name, str) and name not in table:
            table[name] = 0 if name.startswith(_BINDING_USERS) else -1

    feature.feature_imported = feature_imported  # type: ignore[attr-defined]
    feature._jury_desk = True  # type: ignore[attr-defined]


def forward(module: ModuleType, namespace: dict[str, Any]) -> Callable[[str], Any]:
    """A module ``__getattr__`` (PEP 562) that finds a name in the Qt ``module`` when it
    is first asked, and keeps it in ``namespace``.

    Not ``from PySide6.QtCore import *``: a star import makes PySide6 create every class
    and enum of the module at once (it creates them when first used otherwise). For
    QtCore, QtGui and QtWidgets that was about 50 ms of the application's start, before
    its first paint (``benchmarks/gui.py``).
    """

    _no_source_scan()

    def __getattr__(name: str) -> Any:
        value = getattr(module, name)  # AttributeError for a name Qt does not have
        namespace[name] = value
        return value

    return __getattr__
