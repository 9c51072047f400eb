"""The PySide6 user interface (the hearing room). Nothing in ``jury_desk.core`` imports it.

Importing this package first works around a reference-counting defect of PySide6 /
shiboken6 6.12.0 on CPython 3.11: every call of a wrapped C++ function that returns
``None`` (``QLabel.setText``, ``QWidget.parent()`` of a top-level widget, any ``void``
method…) drops one reference to ``None`` that it never took. ``None`` starts with a few
thousand references, so a GUI that runs for a minute hits ``Fatal Python error:
none_dealloc: deallocating None`` and dies (measured: ``sys.getrefcount(None)`` falls by
exactly 1000 over 1000 calls of ``QObject.setObjectName``). CPython 3.12 made ``None``
immortal (PEP 683), which hides the defect there; on 3.11 we give ``None`` the same
immortality by raising its reference count far out of reach. ``None`` is a static
object that is never freed, so this changes nothing else.

It then imports the core (``jury_desk.core.services``: SQLAlchemy, sqlmodel, pydantic,
about 400 modules and 110,000 objects, 0.3 s of the start) before PySide6, with the
cyclic garbage collector paused, for two measured reasons (``benchmarks/gui.py``):

* once PySide6 is loaded, its import hook (``shibokensupport.feature``) reads the
  source of every module imported after it, to look for ``PySide6`` in it: importing
  the core after PySide6 costs some 80 ms more;
* the objects those imports create set off about twenty collections, 40 ms, that find
  almost nothing to free. After the imports the objects are frozen (``gc.freeze``: moved
  to the permanent generation, which later collections skip; modules, classes and
  functions live as long as the process anyway), so the collector does not walk them
  all once it is on again. The few cycles the imports dropped stay in memory (about
  0.4 MB measured), as CPython's documentation accepts for this pattern.
"""

from __future__ import annotations

import gc
import sys

import jury_desk.qt  # noqa: F401  (QT_API for qasync, before anything imports it)


def _immortalize_none() -> None:
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import ctypes

    refcnt = ctypes.c_ssize_t.from_address(id(None))
    if refcnt.value < 1 << 60:
        refcnt.value += 1 << 60


def _import_core() -> None:
    enabled = gc.isenabled()
    gc.disable()
    try:
        import jury_desk.core.services  # noqa: F401
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


_immortalize_none()

_import_core()
