"""The GUI with a hostile PDF as the current attachment (issue 12, item 4).

The PDF is ``tests/pdfbomb.xobject_bomb`` (form XObjects nested 12 deep, 10 each, about
6 KB). Each measure runs in a fresh process, offscreen:

1. *now*: the console's ``AttachmentsView`` shows it (the page goes to the render worker,
   limited in memory and time). A 5 ms QTimer records the gaps between its ticks from
   the moment the attachment is selected until the view has said it cannot be shown,
   plus two more seconds; printed: the longest gap (event-loop stall), the 99th
   percentile, the time to the French message, the GUI process's peak RSS and the
   worker's (``RUSAGE_CHILDREN``).
2. *baseline*: the previous path, ``QPdfView`` over the bytes in the GUI process, measured
   the same way; the process is killed after ``--baseline-seconds`` (it never comes
   back) and its RSS is sampled from outside.
3. for reference, an ordinary 5-page PDF through the new path.

    uv run python benchmarks/attachment_bomb.py [--baseline-seconds 6] [--skip-baseline]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

NOW = r"""
import json, os, resource, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import jury_desk.ui  # noqa
from jury_desk.qt.widgets import QApplication
from jury_desk.qt.core import QTimer
from jury_desk.core.domain import Attachment
app = QApplication([])
from jury_desk.ui.attachments_view import AttachmentsView
data = open(sys.argv[1], "rb").read()
pages_wanted = int(sys.argv[2])
view = AttachmentsView(); view.resize(900, 700); view.show()
gaps = []; last = [time.perf_counter()]; state = {"t_msg": None, "t0": None}
def tick():
    now = time.perf_counter(); gaps.append(now - last[0]); last[0] = now
    done = view.message.text().startswith("Cette pièce jointe") or (
        pages_wanted and view.pages_shown() >= pages_wanted)
    if done and state["t_msg"] is None:
        state["t_msg"] = now - state["t0"]
        QTimer.singleShot(2000, app.quit)
timer = QTimer(); timer.setInterval(5); timer.timeout.connect(tick); timer.start()
def select():
    state["t0"] = time.perf_counter(); last[0] = state["t0"]; gaps.clear()
    view.set_attachments((Attachment("a.pdf", "Pièce", "application/pdf", len(data), "0"),),
                         lambda _i: data)
QTimer.singleShot(300, select)
QTimer.singleShot(120_000, app.quit)
app.exec()
gaps.sort()
print(json.dumps({
    "max_stall_ms": 1000 * gaps[-1], "p99_ms": 1000 * gaps[int(0.99 * (len(gaps) - 1))],
    "to_message_s": state["t_msg"], "message": view.message.text()[:160],
    "pages": view.pages_shown(),
    "gui_peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "worker_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
}))
"""

BASELINE = r"""
import os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QTimer
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
app = QApplication([])
data = open(sys.argv[1], "rb").read()
view = QPdfView(); view.resize(900, 700); view.show()
doc = QPdfDocument(view); view.setDocument(doc)
view.setPageMode(QPdfView.PageMode.MultiPage); view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
last = [time.perf_counter()]; worst = [0.0]
def tick():
    now = time.perf_counter(); worst[0] = max(worst[0], now - last[0]); last[0] = now
    print(f"tick {1000 * worst[0]:.0f}", flush=True)
timer = QTimer(); timer.setInterval(5); timer.timeout.connect(tick); timer.start()
def select():
    print("selected", flush=True)
    buf = QBuffer(view); buf.setData(QByteArray(data)); buf.open(QIODevice.OpenModeFlag.ReadOnly)
    doc.load(buf)
QTimer.singleShot(300, select)
app.exec()
"""


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def run_now(pdf: Path, pages: int = 0) -> dict[str, object]:
    r = subprocess.run(
        [sys.executable, "-c", NOW, str(pdf), str(pages)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return dict(json.loads(r.stdout.strip().splitlines()[-1]))


def run_baseline(pdf: Path, seconds: float) -> dict[str, object]:
    proc = subprocess.Popen(
        [sys.executable, "-c", BASELINE, str(pdf)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    seen: dict[str, float] = {}

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            now = time.monotonic()
            if line.startswith("selected"):
                seen.setdefault("selected", now)
            elif line.startswith("tick") and "selected" in seen:
                seen["tick"] = now

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    peak = 0.0
    deadline = time.monotonic() + seconds + 30
    while time.monotonic() < deadline:
        peak = max(peak, _rss_mb(proc.pid))
        if "selected" in seen and time.monotonic() - seen["selected"] >= seconds:
            break
        time.sleep(0.05)
    end = time.monotonic()
    proc.kill()
    proc.wait()
    selected = seen["selected"]
    stalled = end - max(selected, seen.get("tick", selected))
    return {"stall_s_at_kill": stalled, "rss_peak_mb": peak, "watched_s": seconds}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline-seconds", type=float, default=6.0)
    parser.add_argument("--skip-baseline", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from tests.pdfbomb import simple_pdf, xobject_bomb

    with tempfile.TemporaryDirectory(prefix="jd-bomb-") as tmp:
        bomb = Path(tmp) / "bomb.pdf"
        bomb.write_bytes(xobject_bomb(12, 10))
        plain = Path(tmp) / "plain.pdf"
        plain.write_bytes(simple_pdf(5))
        print(f"hostile PDF: {bomb.stat().st_size} bytes (form XObjects 12 deep, 10 each)")
        now = run_now(bomb)
        print(
            f"now (render worker): longest event-loop stall {now['max_stall_ms']:.1f} ms, "
            f"p99 {now['p99_ms']:.1f} ms; French message after {now['to_message_s']:.2f} s; "
            f"GUI peak RSS {now['gui_peak_rss_mb']:.0f} MB, "
            f"worker peak RSS {now['worker_peak_rss_mb']:.0f} MB"
        )
        print(f"  message: {now['message']}")
        ref = run_now(plain, 3)
        print(
            f"reference, ordinary 5-page PDF: longest stall {ref['max_stall_ms']:.1f} ms, "
            f"first pages after {ref['to_message_s']:.2f} s, GUI peak RSS "
            f"{ref['gui_peak_rss_mb']:.0f} MB"
        )
        if not args.skip_baseline:
            base = run_baseline(bomb, args.baseline_seconds)
            print(
                f"baseline (QPdfView in the GUI process, the previous path): no tick for "
                f"{base['stall_s_at_kill']:.1f} s when killed after {base['watched_s']:.0f} s "
                f"(it never comes back); RSS peak {base['rss_peak_mb']:.0f} MB"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
