"""A value shown as saved survives a SIGKILL, and the restarted application reopens
on the same dossier.

The real application runs in a subprocess (offscreen) on a real SQLite file. A small
driver, given by ``JURY_DESK_TEST_SCRIPT``, moves to the second dossier and types
scores into the grid with QTest, one keystroke per event-loop turn, as a secretary
would; each time a cell turns « saved » it prints ``SAVED d j c v``. The test kills the
process with SIGKILL while it is still typing, opens the file with ``Desk`` and finds
every printed value; then it starts the application again and asks where it is.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from jury_desk.core.domain import to_fraction
from jury_desk.core.services import Desk

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")

DRIVER = r"""
import sys
from jury_desk.qt.core import Qt, QTimer
from jury_desk.qt.qttest import QTest
from jury_desk.qt.widgets import QApplication
from jury_desk.core.domain import decimal_text
from jury_desk.ui.models import Roles

VALUES = ["4", "7,5", "3", "2", "5", "1", "10", "0", "5", "4"] * 4


def run(controller):
    console = controller.console
    console.select("d02")
    console.show_page(1)
    table = console.view.grid.table
    model = console.grid_model
    printed = set()

    def on_change(top_left, bottom_right, roles=()):
        for r in range(top_left.row(), bottom_right.row() + 1):
            for c in range(top_left.column(), bottom_right.column() + 1):
                idx = model.index(r, c)
                if idx.data(Roles.State) == "saved":
                    d, j, crit = idx.data(Roles.Key)
                    if (d, j, crit) not in printed:
                        printed.add((d, j, crit))
                        v = decimal_text(controller.ctx.st.scores[(d, j, crit)])
                        print(f"SAVED {d} {j} {crit} {v}", flush=True)

    model.dataChanged.connect(on_change)
    keys = []
    for v in VALUES:
        keys.extend(v)
        keys.append("RETURN")
    print(f"CURRENT {console.current}", flush=True)
    state = {"i": 0}

    def step():
        if state["i"] >= len(keys):
            return
        k = keys[state["i"]]
        state["i"] += 1
        target = QApplication.focusWidget() or table
        if k == "RETURN":
            QTest.keyClick(target, Qt.Key.Key_Return)
        else:
            QTest.keyClicks(target, k)
        QTimer.singleShot(15, step)

    table.setFocus()
    controller.window.activateWindow()
    QTimer.singleShot(50, step)
"""

WHERE = r"""
from jury_desk.qt.core import QTimer
from jury_desk.qt.widgets import QApplication


def run(controller):
    print(f"CURRENT {controller.console.current}", flush=True)
    QTimer.singleShot(0, QApplication.quit)
"""


def _env(tmp_path: Path, script: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        JURY_DESK_TEST_SCRIPT=str(script),
        JURY_DESK_DATA_DIR=str(tmp_path / "data"),
        JURY_DESK_CONFIG_DIR=str(tmp_path / "config"),
    )
    return env


def test_saved_values_survive_a_kill_and_the_restart_reopens_there(tmp_path: Path) -> None:
    db = tmp_path / "jury.sqlite3"
    desk = Desk(db)
    sid = desk.import_demo().session_id
    desk.close()
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "jury_desk", "--db", str(db), "--no-err-windows"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(tmp_path, driver),
    )
    saved: list[tuple[str, str, str, str]] = []
    deadline = time.monotonic() + 90
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("SAVED "):
                _, d, j, c, v = line.split()
                saved.append((d, j, c, v))
                if len(saved) >= 12:
                    break
            if time.monotonic() > deadline:
                break
    finally:
        os.kill(proc.pid, signal.SIGKILL)  # while it is still typing
        proc.wait(timeout=30)
    stderr = proc.stderr.read() if proc.stderr else ""
    assert proc.returncode == -signal.SIGKILL, stderr
    assert len(saved) >= 12, stderr[-2000:]

    desk = Desk(db)
    try:
        st = desk.state(sid)
        for d, j, c, v in saved:
            assert st.scores.get((d, j, c)) == to_fraction(v), (d, j, c, v)
        assert st.current_dossier_id == "d02"
    finally:
        desk.close()

    where = tmp_path / "where.py"
    where.write_text(WHERE, encoding="utf-8")
    again = subprocess.run(
        [sys.executable, "-m", "jury_desk", "--db", str(db), "--no-err-windows"],
        capture_output=True,
        text=True,
        env=_env(tmp_path, where),
        timeout=90,
        check=False,
    )
    assert again.returncode == 0, again.stderr[-2000:]
    assert "CURRENT d02" in again.stdout
