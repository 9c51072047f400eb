"""The console's first frame is read without the ORM (issue 15): on an existing database
the session is read through ``core.quickread``, the window is painted, and only then is
the ``Desk`` (SQLAlchemy, sqlmodel, pydantic) opened, in the writer thread. Checked in a
fresh interpreter, on ``sys.modules`` at the first paint; the figures are in
``benchmarks/gui.py``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from jury_desk.core.services import Desk

PROBE = r"""
import json, sys
from pathlib import Path
from jury_desk.ui import app
from jury_desk.core import settings
from jury_desk.qt.core import QEvent, QObject, QTimer
from jury_desk.qt.widgets import QApplication

HEAVY = {"sqlalchemy", "sqlmodel", "pydantic", "jsonschema", "cryptography", "pyhanko",
         "reportlab", "aiohttp", "segno"}
def heavy():
    return sorted({m.split(".")[0] for m in sys.modules} & HEAVY)
# Not heavy, but not needed for the first frame either: hashlib's OpenSSL set-up (3 ms; the
# audit chain and the instance server's name use it) and importlib.resources.
LATER = ("hashlib", "importlib.resources")

qapp = app.make_application([sys.argv[0]])
window, controller = app.build(settings.load(), db_path=Path(sys.argv[1]), language="fr")
controller.open_session(None)
out = {"before_paint": heavy(), "desk_before_paint": controller._desk is not None}

class Probe(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "at_paint" not in out:
            out["at_paint"] = heavy()
            out["desk_at_paint"] = controller._desk is not None
            out["later_at_paint"] = sorted(m for m in LATER if m in sys.modules)
        return False

probe = Probe()
controller.console.view.installEventFilter(probe)
window.resize(1200, 800)
window.show()
waited = [0]

def check():
    waited[0] += 1
    if controller._desk is not None or waited[0] > 600:
        out["after"] = heavy()
        out["desk_after"] = controller._desk is not None
        out["title"] = controller.ctx.st.info.title
        out["same_state"] = controller.ctx.desk.state(controller.ctx.sid) == controller.ctx.st
        qapp.quit()

timer = QTimer()
timer.timeout.connect(check)
timer.start(50)
qapp.exec()
controller.shutdown()
controller.writer.shutdown()
if controller.desk is not None:
    controller.desk.close()
print(json.dumps(out))
"""


def test_the_console_paints_before_the_orm_is_imported(tmp_path: Path) -> None:
    db = tmp_path / "jury.sqlite3"
    desk = Desk(db)
    title = desk.import_demo().title
    desk.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(db)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out["before_paint"] == [] and out["at_paint"] == []
    assert out["desk_before_paint"] is False and out["desk_at_paint"] is False
    assert out["later_at_paint"] == []
    # Then the Desk opens in the writer thread, and reads what the first frame showed.
    assert out["desk_after"] is True
    assert {"sqlalchemy", "sqlmodel"} <= set(out["after"])
    assert out["title"] == title
    assert out["same_state"] is True


LAZY_PROBE = r"""
import json, linecache, sys
reads = []
original = linecache.updatecache
linecache.updatecache = lambda *a, **k: reads.append(a[0]) or original(*a, **k)
import jury_desk.qt.core as qtcore
import jury_desk.qt.widgets as qtwidgets
from jury_desk.ui import app, main_controller, console_controller  # ~140 modules
from jury_desk.qt.core import Qt  # a name asked for is found, and kept
print(json.dumps({
    # (jury_desk/qt itself is being imported while the binding loads, before the patch)
    "source_reads": [r for r in reads if "jury_desk" in r and "jury_desk/qt" not in r],
    "kept": "Qt" in vars(qtcore),
    "unused_not_made": "QStateMachine" not in vars(qtcore) and "QWizard" not in vars(qtwidgets),
}))
"""


def test_the_binding_is_read_lazily_and_our_sources_are_not_scanned() -> None:
    """``jury_desk.qt`` finds Qt's names when first asked (a star import made PySide6
    create every class and enum at once, ~50 ms of the start), and PySide6 no longer
    reads the source of every module imported after it (~15 ms)."""
    done = subprocess.run(
        [sys.executable, "-c", LAZY_PROBE],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out == {"source_reads": [], "kept": True, "unused_not_made": True}
