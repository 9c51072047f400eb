"""What Orca hears: our announcements reach the AT-SPI bus as ``object:announcement``.

Runs a real window under Xvfb with a private D-Bus session and the AT-SPI registry, and
listens with Debian's ``python3-pyatspi`` (the system Python): the issue's audit counted
0 announcement events in 4,646; this counts ours. Skipped where those are missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"

LISTENER = textwrap.dedent(
    """
    import pyatspi
    from gi.repository import GLib
    def on(e):
        print("EVENT", e.type, e.any_data, flush=True)
    pyatspi.Registry.registerEventListener(on, "object:announcement")
    GLib.timeout_add(6500, lambda: (pyatspi.Registry.stop(), False)[1])
    pyatspi.Registry.start()
    """
)


def _available() -> bool:
    if not all(shutil.which(t) for t in ("Xvfb", "dbus-run-session")):
        return False
    if not (Path(SYSTEM_PYTHON).exists() and Path(BUS_LAUNCHER).exists()):
        return False
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True)
    return probe.returncode == 0


@pytest.mark.slow
@pytest.mark.skipif(not _available(), reason="Xvfb, D-Bus, AT-SPI or python3-pyatspi missing")
def test_an_announcement_reaches_the_atspi_bus(tmp_path: Path) -> None:
    display = ":" + str(90 + os.getpid() % 9)
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x720x24"])
    try:
        listener = tmp_path / "listen.py"
        listener.write_text(LISTENER, encoding="utf-8")
        probe = Path(__file__).with_name("atspi_probe.py")
        root = Path(__file__).parents[2]
        script = tmp_path / "run.sh"
        script.write_text(
            f"{BUS_LAUNCHER} --launch-immediately &\n"
            "sleep 1.5\n"
            f"QT_QPA_PLATFORM=xcb QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 "
            f"PYTHONPATH={root} {sys.executable} {probe} &\n"
            "APP=$!\nsleep 1\n"
            f"{SYSTEM_PYTHON} {listener}\n"
            "wait $APP\n",
            encoding="utf-8",
        )
        env = {**os.environ, "DISPLAY": display}
        env.pop("QT_QPA_PLATFORM", None)
        out = subprocess.run(
            ["dbus-run-session", "--", "bash", str(script)],
            capture_output=True,
            text=True,
            env=env,
            timeout=90,
        )
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)
    events = [line for line in out.stdout.splitlines() if line.startswith("EVENT")]
    assert events == ["EVENT object:announcement Questions du jury, dernière minute"], (
        out.stdout + out.stderr
    )
