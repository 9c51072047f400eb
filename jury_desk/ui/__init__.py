"""The PySide6 user interface (the hearing room). Nothing in ``jury_desk.core`` imports it.

Importing this package first imports the core (``jury_desk.core.services``: SQLAlchemy,
sqlmodel, pydantic, about 400 modules and 110,000 objects, 0.3 s of the start) before PySide6, with the
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

import jury_desk.qt  # noqa: F401  (QT_API for qasync, before anything imports it)


def _import_core() -> None:
    enabled = gc.isenabled()
    gc.disable()
    try:
        import jury_desk.core.services  # noqa: F401
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


_import_core()
