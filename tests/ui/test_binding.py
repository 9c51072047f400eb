"""The Qt binding keeps Python's reference counts right.

PySide6/shiboken6 6.12.0 on CPython 3.11 dropped one reference to ``None`` on every call
of a wrapped ``void`` C++ function (measured: ``sys.getrefcount(None)`` fell by exactly
1,000 over 1,000 calls of ``QObject.setObjectName``), so a GUI that ran for a minute died
with ``Fatal Python error: none_dealloc``. The first version hid it by making ``None``
immortal through ctypes; jury_desk now pins PySide6 6.11.3, which does not have the
defect, and this test fails if a binding upgrade brings it back. (CPython 3.12 makes
``None`` immortal, so there the count does not move whatever the binding does.)
"""

from __future__ import annotations

import sys

from jury_desk.qt.core import QObject
from jury_desk.qt.widgets import QLabel, QWidget


def test_void_calls_keep_none_alive(qtbot: object) -> None:
    obj = QObject()
    label = QLabel()
    top = QWidget()
    before = sys.getrefcount(None)
    for _ in range(5_000):
        obj.setObjectName("x")  # void
        label.setText("y")  # void
        assert top.parentWidget() is None  # returns None
    drift = sys.getrefcount(None) - before
    # a few references may come and go with the interpreter's own bookkeeping, never
    # one per call
    assert abs(drift) < 100, drift
