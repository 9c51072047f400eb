"""The PySide6 user interface (the hearing room). Nothing in ``jury_desk.core`` imports it.

What the console's first frame needs from the core is light: the domain types, the
session's dataclasses (``core.state``) and the read-only ``sqlite3`` path that fills them
(``core.quickread``). Importing this package imports those, before PySide6: once
PySide6 is loaded, its import hook (``shibokensupport.feature``) reads the source of
every module imported after it, to look for ``PySide6`` in it.

The services (``jury_desk.core.services``: SQLAlchemy, sqlmodel, pydantic, about 400
modules and 110,000 objects, 0.3 s) are no longer on the first paint's path: the main
controller opens the ``Desk`` in its writer thread once the console is painted, through
:func:`import_core`. That import pauses the cyclic garbage collector: the objects it
creates would set off about twenty collections (40 ms) that find almost nothing to free;
after it they are frozen (``gc.freeze``: moved to the permanent generation, which later
collections skip; modules, classes and functions live as long as the process anyway).
The few cycles the import dropped stay in memory (about 0.4 MB measured), as CPython's
documentation accepts for this pattern. ``benchmarks/gui.py`` measures the launch.
"""

from __future__ import annotations

import gc
import sys
import threading

import jury_desk.qt  # noqa: F401  (QT_API for qasync, before anything imports it)

_core_lock = threading.Lock()


def import_core() -> None:
    """Import ``jury_desk.core.services`` with the cyclic collector paused (any thread)."""
    if "jury_desk.core.services" in sys.modules:
        return
    with _core_lock:
        enabled = gc.isenabled()
        gc.disable()
        try:
            import jury_desk.core.services  # noqa: F401
        finally:
            gc.freeze()
            if enabled:
                gc.enable()


def _import_light_core() -> None:
    import jury_desk.core.fmt
    import jury_desk.core.quickread
    import jury_desk.core.state  # noqa: F401


_import_light_core()
