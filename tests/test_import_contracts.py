"""Import contracts: which package may import what (STYLE.md, "One place imports Qt").

Read from the source with :mod:`ast`, so a contract holds for every module, imported by
a test or not.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "jury_desk"
QT_BINDINGS = {"PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def modules_under(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py"))


def test_only_jury_desk_qt_imports_the_binding() -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(
            m for m in imported_modules(path) if m.split(".")[0] in QT_BINDINGS
        )
        for path in modules_under(PACKAGE)
        if PACKAGE / "qt" not in path.parents
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_core_imports_no_front_end_and_no_qt() -> None:
    forbidden = ("jury_desk.ui", "jury_desk.qt", "jury_desk.cli", "qasync", *QT_BINDINGS)
    offenders = {}
    for path in modules_under(PACKAGE / "core"):
        bad = sorted(
            m
            for m in imported_modules(path)
            if any(m == f or m.startswith(f + ".") for f in forbidden)
        )
        if bad:
            offenders[str(path.relative_to(ROOT))] = bad
    assert offenders == {}
