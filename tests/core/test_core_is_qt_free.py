"""``jury_desk.core`` never imports Qt (STYLE: "keep a test that fails if jury_desk.core
imports PySide6"). Checked in a fresh interpreter, where nothing else has imported Qt."""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = r"""
import importlib, json, pkgutil, sys
import jury_desk.core as core
names = sorted(m.name for m in pkgutil.walk_packages(core.__path__, core.__name__ + "."))
for name in names:
    importlib.import_module(name)
qt = sorted(m for m in sys.modules
            if m.split(".")[0] in ("PySide6", "shiboken6", "qasync", "PyQt5", "PyQt6", "PySide2"))
print(json.dumps({"modules": names, "qt": qt}))
"""


def test_every_core_module_imports_without_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    # The walk really found the core (a broken walk would pass vacuously).
    assert {
        "jury_desk.core.bundle",
        "jury_desk.core.services",
        "jury_desk.core.storage",
        "jury_desk.core.zipcheck",
        "jury_desk.core.deliberation",
    } <= set(report["modules"])
    assert report["qt"] == [], f"jury_desk.core pulled in {report['qt']}"
