"""GUI figures: launch-to-painted console, stalls during a big import, a 300-dossier session.

1. Time from launch to the console painted with the demo session, against a minimal
   PySide6 + qasync window measured the same way in the same run: each is a fresh
   process (``QT_QPA_PLATFORM=offscreen``); the clock starts at a ``time.time()`` stamp
   taken just before the process is started and stops at the window's first paint
   (``JURY_DESK_BENCH_PAINT=1``, see ``jury_desk/ui/app.py``). Median of 5 each,
   alternated. Target: at most 2 times the minimal window. Measured twice: with a byte
   code cache, as an installed application starts, and without one (every module
   compiled at each launch), as a source checkout starts where the environment sets
   ``PYTHONDONTWRITEBYTECODE`` (this machine does).
2. The longest event-loop stall while a 400 MB bundle (100 attachments of 4 MB that
   start with ``%PDF-``, random otherwise) imports through the GUI's own path
   (``MainController.run_import``: checks and copies in the single writer thread, a
   progress bar on the GUI thread). A 5 ms QTimer records the gaps between its ticks;
   max and 99th percentile are printed, with as a baseline the same import run on the
   GUI thread. Target: max stall under 50 ms.

3. The GUI on a large session, 300 dossiers x 15 jurors x 8 criteria
   (``benchmarks/sessions.py``), against the demonstration driven the same way, each in
   a fresh process: launch to the console painted, then the longest event-loop stall
   (5 ms QTimer) in each phase after the first paint (the Desk opening in the writer
   thread, moving through 20 dossiers, typing 24 scores, opening the deliberation page,
   projecting each picture on the shared screen) and the time from asking for the
   deliberation page to its first paint. Targets: no stall over 50 ms after the first
   paint, the deliberation page painted within 200 ms.

    uv run python benchmarks/gui.py [--runs 5] [--mb 400] [--skip-launch] [--skip-import]
        [--skip-large] [--large-only] [--cached-only]

Files go to a temporary folder that is removed at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

MINIMAL = r"""
import os, sys, time
os.environ.setdefault("QT_API", "pyside6")
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
import qasync, asyncio

class FirstPaint(QObject):
    done = False
    def eventFilter(self, obj, event):
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            QTimer.singleShot(0, report)
        return False

def report():
    print(f"PAINTED {time.time() - float(os.environ['JURY_DESK_BENCH_T0']):.4f}", flush=True)
    QApplication.quit()

app = QApplication(sys.argv[:1])
loop = qasync.QEventLoop(app)
asyncio.set_event_loop(loop)
w = QMainWindow()
w.setCentralWidget(QLabel("jury_desk"))
w.resize(1440, 900)
f = FirstPaint(w)
w.installEventFilter(f)
w.show()
with loop:
    loop.run_forever()
"""


def _env(base: Path, cached: bool = True) -> dict[str, str]:
    """With ``cached``, both processes start warm, as an installed application does: byte
    code is cached (in a folder of our own, the tree is not touched) even where the
    environment says PYTHONDONTWRITEBYTECODE. Without, no byte code is read or written
    (an empty cache folder), so every module is compiled at each launch."""
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        JURY_DESK_BENCH_PAINT="1",
        JURY_DESK_DATA_DIR=str(base / "data"),
        JURY_DESK_CONFIG_DIR=str(base / "config"),
        PYTHONPYCACHEPREFIX=str(base / ("pycache" if cached else "no-pycache")),
    )
    if cached:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.pop("JURY_DESK_TEST_SCRIPT", None)
    return env


def _painted(cmd: list[str], env: dict[str, str], first: list[float] | None = None) -> float:
    """Seconds to the ``PAINTED`` line; a ``FIRST_WINDOW`` line (a window painted before
    the console, such as a splash), if the process prints one, goes to ``first``."""
    env = {**env, "JURY_DESK_BENCH_T0": repr(time.time())}
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, check=False)
    for line in out.stdout.splitlines():
        if line.startswith("FIRST_WINDOW ") and first is not None:
            first.append(float(line.split()[1]))
        if line.startswith("PAINTED "):
            return float(line.split()[1])
    raise RuntimeError(f"no PAINTED line from {cmd[:3]}: {out.stderr[-800:]}")


def launch(base: Path, runs: int, cached: bool = True) -> None:
    from jury_desk.core.services import Desk

    db = base / "bench.sqlite3"
    if not db.exists():
        desk = Desk(db)
        desk.import_demo()
        desk.close()
    env = _env(base, cached)
    app_cmd = [sys.executable, "-m", "jury_desk", "--db", str(db)]
    minimal_cmd = [sys.executable, "-c", MINIMAL]
    _painted(minimal_cmd, env)  # warm the file cache for both
    _painted(app_cmd, env)
    app_t: list[float] = []
    min_t: list[float] = []
    first_t: list[float] = []
    for _ in range(runs):
        min_t.append(_painted(minimal_cmd, env))
        app_t.append(_painted(app_cmd, env, first_t))
    a, m = statistics.median(app_t), statistics.median(min_t)
    cache = "byte code cached" if cached else "no byte code cache"
    print(f"launch to painted (median of {runs}, offscreen, {cache})")
    print(
        f"  minimal PySide6 + qasync window : {m * 1000:7.0f} ms   {[round(x * 1000) for x in min_t]}"
    )
    print(
        f"  jury_desk console, demo session : {a * 1000:7.0f} ms   {[round(x * 1000) for x in app_t]}"
    )
    print(f"  ratio                           : {a / m:7.2f} x   (target <= 2)")
    if len(first_t) == runs:
        f = statistics.median(first_t)
        print(
            f"  jury_desk first window painted  : {f * 1000:7.0f} ms   {[round(x * 1000) for x in first_t]}"
        )
        print(f"  ratio, first window             : {f / m:7.2f} x")


def make_big_bundle(base: Path, total_mb: int, n: int = 100) -> tuple[Path, Path]:
    from jury_desk.core import bundle, crypto, resources

    src = base / "src"
    (src / "attachments").mkdir(parents=True)
    doc = json.loads(resources.path("demo", "source", "manifest.json").read_text(encoding="utf-8"))
    doc["session"]["id"] = "b1a5e000-0000-4000-8000-000000000400"
    doc["session"]["title"] = "Session de mesure (400 Mo)"
    size = total_mb * 1_000_000 // n
    for d in doc["dossiers"]:
        d["attachments"] = []
    for i in range(n):
        d = doc["dossiers"][i % len(doc["dossiers"])]
        folder = src / "attachments" / d["id"]
        folder.mkdir(exist_ok=True)
        name = f"piece-{i:03d}.pdf"
        with open(folder / name, "wb") as fh:
            fh.write(b"%PDF-1.7\n")
            fh.write(os.urandom(size - 9))
        d["attachments"].append(
            {
                "path": f"attachments/{d['id']}/{name}",
                "title": f"Pièce {i + 1}",
                "media_type": "application/pdf",
            }
        )
    (src / "manifest.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    key = crypto.new_private_key()
    jwks = base / "hq.jwks"
    jwks.write_bytes(crypto.jwks_document([crypto.public_jwk(key)]))
    out = base / "big.zip"
    bundle.make_bundle(src, key, out)
    shutil.rmtree(src)
    return out, jwks


def stalls(base: Path, total_mb: int) -> None:
    os.environ.update(
        QT_QPA_PLATFORM="offscreen",
        JURY_DESK_DATA_DIR=str(base / "data"),
        JURY_DESK_CONFIG_DIR=str(base / "config"),
    )
    t = time.perf_counter()
    bundle_path, jwks = make_big_bundle(base, total_mb)
    print(
        f"\n{bundle_path.stat().st_size / 1e6:.0f} MB bundle built in {time.perf_counter() - t:.1f} s"
    )

    import asyncio

    # isort: off
    import jury_desk.ui  # noqa: F401  (QT_API and the core before any Qt)

    # isort: on
    import qasync

    from jury_desk.core import keys
    from jury_desk.core import settings as core_settings
    from jury_desk.core.services import Desk
    from jury_desk.qt.core import QTimer
    from jury_desk.ui import app as app_module
    from jury_desk.ui import dialogs

    keys.add_trusted(jwks, "bench")
    dialogs.HEADLESS = True
    qapp = app_module.make_application([sys.argv[0]])
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    window, controller = app_module.build(
        core_settings.load(), db_path=base / "gui.sqlite3", language="fr"
    )
    window.show()

    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000)
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)

    async def through_gui() -> float:
        await asyncio.sleep(0.2)
        gaps.clear()
        last[0] = time.perf_counter()
        timer.start()
        t0 = time.perf_counter()
        report = await controller.run_import(bundle_path)
        elapsed = time.perf_counter() - t0
        timer.stop()
        assert report is not None and report.attachments == 100, report
        return elapsed

    elapsed = loop.run_until_complete(through_gui())
    g = sorted(gaps)
    p99 = g[int(len(g) * 0.99) - 1] if g else 0.0
    print(f"import through the GUI (writer thread): {elapsed:.2f} s, {len(gaps)} ticks of 5 ms")
    print(f"  longest event-loop stall : {max(g):6.1f} ms   (target < 50 ms)")
    print(f"  99th percentile gap      : {p99:6.1f} ms")

    # Baseline: the same import on the GUI thread, the timer cannot tick until it ends.
    desk = Desk(base / "baseline.sqlite3")
    t0 = time.perf_counter()
    desk.import_bundle(bundle_path, keys.trusted_keys())
    block = (time.perf_counter() - t0) * 1000
    desk.close()
    print(f"  baseline, same import on the GUI thread: one stall of {block:.0f} ms")
    controller.shutdown()
    controller.writer.shutdown()
    if controller.desk is not None:
        controller.desk.close()


# --------------------------------------------------------------------------- large session

SESSION_CHILD = r"""
import asyncio, json, os, sys, time
T0 = float(os.environ["JURY_DESK_BENCH_T0"])
from pathlib import Path
from jury_desk.ui import app as app_module, dialogs
from jury_desk.core import settings as core_settings
from jury_desk.qt.core import QEvent, QObject, QTimer, Qt
from jury_desk.qt.qttest import QTest
from jury_desk.qt.widgets import QApplication
import qasync

dialogs.HEADLESS = True
qapp = app_module.make_application([sys.argv[0]])
loop = qasync.QEventLoop(qapp)
asyncio.set_event_loop(loop)
window, controller = app_module.build(core_settings.load(), db_path=Path(sys.argv[1]), language="fr")
window.resize(1440, 900)
out = {"phases": {}}
gaps = []  # (phase, ms)
phase = ["first paint"]
last = [0.0]
painted = {}

class Painted(QObject):
    def __init__(self, target, name):
        super().__init__(target)
        self.name = name
        target.installEventFilter(self)
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and self.name not in painted:
            painted[self.name] = time.perf_counter()
        return False

def tick():
    now = time.perf_counter()
    gaps.append((phase[0], (now - last[0]) * 1000))
    last[0] = now

timer = QTimer()
timer.setInterval(5)
timer.timeout.connect(tick)

async def until(cond, timeout=60.0):
    end = time.perf_counter() + timeout
    while not cond():
        if time.perf_counter() > end:
            raise TimeoutError(phase[0])
        await asyncio.sleep(0.005)

async def type_scores(table, n, pause):
    # n values typed in the grid, Enter after each, pause seconds apart
    for i in range(n):
        QTest.keyClicks(QApplication.focusWidget() or table, str(1 + i % 4))
        QTest.keyClick(QApplication.focusWidget() or table, Qt.Key.Key_Return)
        await asyncio.sleep(pause)
    await until(lambda: not controller.writer.busy)

async def script():
    t_open = time.perf_counter()
    controller.open_session(None)
    Painted(controller.console.view, "console")
    window.show()
    await until(lambda: "console" in painted)
    out["first_paint_s"] = time.time() - T0
    out["open_to_paint_ms"] = (painted["console"] - t_open) * 1000
    last[0] = time.perf_counter()
    timer.start()
    console = controller.console
    phase[0] = "after first paint (the Desk opens)"
    # (the Desk opens in the writer thread after the first paint; before issue 15 it was
    # open before it: the same script measures both)
    await until(lambda: getattr(controller, "_desk", True) is not None and not controller.writer.busy)
    await asyncio.sleep(0.3)
    phase[0] = "moving through dossiers"
    for _ in range(int(sys.argv[2])):
        controller.actions.next_dossier.trigger()
        await asyncio.sleep(0.08)
    phase[0] = "typing scores"
    console.show_page(1)
    await asyncio.sleep(0.2)
    await type_scores(console.view.grid.table, 24, 0.04)
    await asyncio.sleep(0.2)
    phase[0] = "deliberation page"
    t_ask = time.perf_counter()
    controller.actions.page_deliberation.trigger()
    # « Lecture… » at once; the page is built once its reading (off the GUI thread) is done
    await until(lambda: console.deliberation is not None)
    view = console.deliberation
    Painted(view, "deliberation")
    await until(lambda: "deliberation" in painted)
    out["deliberation_paint_ms"] = (painted["deliberation"] - t_ask) * 1000
    await asyncio.sleep(0.8)
    phase[0] = "projections"
    controller.projector.show()
    await asyncio.sleep(0.3)
    if getattr(view, "project_button", None) is not None:
        view.project_button.setChecked(True)
        await asyncio.sleep(0.3)
        for i in range(view.picture_combo.count()):
            view.picture_combo.setCurrentIndex(i)
            await asyncio.sleep(0.4)
    # Typing again, the deliberation page built: each score makes it read the session again.
    phase[0] = "typing, deliberation page built"
    console.show_page(1)
    await asyncio.sleep(0.3)
    await type_scores(console.view.grid.table, 12, 0.25)
    await asyncio.sleep(0.5)
    timer.stop()
    for name, ms in gaps:
        ph = out["phases"].setdefault(name, {"max_ms": 0.0, "ticks": 0})
        ph["max_ms"] = max(ph["max_ms"], round(ms, 1))
        ph["ticks"] += 1
    out["max_stall_ms"] = max(ms for _, ms in gaps)

loop.run_until_complete(script())
controller.shutdown()
controller.writer.shutdown()
if controller.desk is not None:
    controller.desk.close()
print("RESULT " + json.dumps(out), flush=True)
"""


def _session_run(db: Path, env: dict[str, str], steps: int) -> dict[str, Any]:
    env = {**env, "JURY_DESK_BENCH_T0": repr(time.time())}
    env.pop("JURY_DESK_BENCH_PAINT", None)
    done = subprocess.run(
        [sys.executable, "-c", SESSION_CHILD, str(db), str(steps)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            result: dict[str, Any] = json.loads(line[7:])
            return result
    raise RuntimeError(f"no RESULT from the session run: {done.stderr[-1500:]}")


def large_session(base: Path, runs: int) -> None:
    """The GUI on 300 dossiers x 15 jurors x 8 criteria, against the demonstration
    (12 x 7 x 5) driven the same way, each in a fresh process: launch to the console
    painted, then the longest event-loop stall (a 5 ms QTimer) while the Desk opens after
    the first paint, while moving through 20 dossiers, typing 24 scores, opening the
    deliberation page (and the time to its first paint), and projecting each picture."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from sessions import build  # the benchmarks' one session builder

    from jury_desk.core import resources
    from jury_desk.core.services import Desk

    env = _env(base)
    dbs: dict[str, Path] = {}
    for name, size in (("demo", None), ("300 x 15 x 8", (300, 15, 8))):
        folder = base / name.replace(" ", "")
        folder.mkdir(parents=True, exist_ok=True)
        t = time.perf_counter()
        if size is None:
            desk = Desk(folder / "bench.sqlite3")
            sid = desk.import_demo().session_id
            desk.import_scores_csv(
                sid, resources.path("demo", "demo-scores.csv").read_text(encoding="utf-8")
            )
        else:
            desk, sid, _ = build(folder, *size)
        desk.reveal(sid)
        dbs[name] = desk.db_path
        desk.close()
        print(f"{name}: database built in {time.perf_counter() - t:.1f} s")
    results: dict[str, list[dict[str, Any]]] = {name: [] for name in dbs}
    for db in dbs.values():
        _session_run(db, env, 20)  # warm the file and byte code caches
    for _ in range(runs):
        for name, db in dbs.items():
            results[name].append(_session_run(db, env, 20))

    def med(name: str, key: str) -> float:
        return statistics.median(r[key] for r in results[name])

    print(f"\nGUI on a large session (median of {runs} fresh processes each, offscreen)")
    print(f"  {'':44} {'demo':>10} {'300x15x8':>10}")
    for key, label in (
        ("first_paint_s", "launch to console painted (s)"),
        ("deliberation_paint_ms", "deliberation page painted after asked (ms)"),
        ("max_stall_ms", "longest stall after first paint (ms)"),
    ):
        print(f"  {label:44} {med('demo', key):10.3f} {med('300 x 15 x 8', key):10.3f}")
    print("  longest stall by phase (ms, median of the runs' maxima):")
    for ph in results["300 x 15 x 8"][0]["phases"]:
        vals = {
            n: statistics.median(r["phases"].get(ph, {"max_ms": 0.0})["max_ms"] for r in results[n])
            for n in dbs
        }
        print(f"    {ph:42} {vals['demo']:10.1f} {vals['300 x 15 x 8']:10.1f}")
    print("  targets: no stall over 50 ms after the first paint; deliberation page within 200 ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--mb", type=int, default=400)
    parser.add_argument("--skip-launch", action="store_true")
    parser.add_argument("--skip-import", action="store_true")
    parser.add_argument("--skip-large", action="store_true")
    parser.add_argument("--large-only", action="store_true", help="only the 300x15x8 session")
    parser.add_argument(
        "--cached-only", action="store_true", help="skip the launches without byte code cache"
    )
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="jd-bench-gui-"))
    try:
        if args.large_only:
            large_session(base / "large", args.runs)
            return 0
        if not args.skip_launch:
            launch(base / "launch", args.runs)
            if not args.cached_only:
                print()
                launch(base / "launch", args.runs, cached=False)
        if not args.skip_import:
            stalls(base / "import", args.mb)
        if not args.skip_large:
            large_session(base / "large", args.runs)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
