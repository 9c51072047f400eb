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


# The core modules each front end may still import beside the services' façade. Issue 11
# asks for the façade alone (with domain, errors, fmt and the read model's types): this
# list may only shrink. A front end that reaches a new internal fails here.
INTERNALS = {
    "storage", "crypto", "audit", "deliberation", "bundle", "zipcheck", "keys",
    "snapshots", "privacy", "export", "pv", "pv_chart", "pv_signing", "pv_style", "result_document",
    "paper",
    "desk_base", "desk_sessions", "desk_attendance", "desk_hearings", "desk_deliberation",
}  # fmt: skip
STILL_REACHED: dict[str, set[str]] = {  # none: the façades (services, api) only
    "cli.py": set(),
    "cli_maintenance.py": set(),
    "messages.py": set(),  # the words of the command line and the GUI
    "devserver.py": set(),
    "selftest.py": set(),
    "ui": set(),
}


def _internals_reached(paths: list[Path]) -> set[str]:
    reached: set[str] = set()
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                if node.module == "jury_desk.core":
                    names = [f"jury_desk.core.{a.name}" for a in node.names]
                else:
                    names = [node.module]
            for name in names:
                parts = name.split(".")
                if parts[:2] == ["jury_desk", "core"] and len(parts) > 2 and parts[2] in INTERNALS:
                    reached.add(parts[2])
    return reached


def test_front_ends_reach_no_new_core_internal() -> None:
    for front, allowed in STILL_REACHED.items():
        target = PACKAGE / front
        paths = modules_under(target) if target.is_dir() else [target]
        reached = _internals_reached(paths)
        assert reached <= allowed, f"{front} reaches {sorted(reached - allowed)}"


def test_core_neither_prints_nor_asks() -> None:
    """Command-line code (argparse, print, input) lives on the command line's side."""
    found: list[str] = []
    for path in modules_under(PACKAGE / "core"):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
                if "argparse" in names:
                    found.append(f"{path.name}:{node.lineno} imports argparse")
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("print", "input")
            ):
                found.append(f"{path.name}:{node.lineno} calls {node.func.id}()")
    assert found == []


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported_at_load(path: Path, name: str, known: set[str]) -> set[str]:
    """The package's modules that ``path`` imports when it loads: its top-level
    imports, those under ``if``/``try`` included, never those under ``TYPE_CHECKING``
    nor inside functions (deferred on purpose)."""
    found: set[str] = set()
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                visit(node.orelse)
            elif isinstance(node, ast.Import):
                found.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = package[: len(package) - (node.level - 1)]
                    base = ".".join([*up, base] if base else up)
                found.add(base)
                found.update(f"{base}.{a.name}" for a in node.names)
            elif isinstance(node, ast.If | ast.With | ast.Try):
                visit(node.body)
                visit(getattr(node, "orelse", []))
                visit(getattr(node, "finalbody", []))
                for handler in getattr(node, "handlers", []):
                    visit(handler.body)

    visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)).body)
    return {m for m in found if m in known and m != name}


def test_no_import_cycle() -> None:
    """No two of the package's modules import each other, however indirectly, when they
    load (a cycle makes the import order matter and hides behind deferred imports)."""
    paths = {_module_name(p): p for p in modules_under(PACKAGE)}
    known = set(paths)
    graph = {name: _imported_at_load(path, name, known) for name, path in paths.items()}
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def walk(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*trail[trail.index(nxt) :], nxt])
            elif nxt not in state:
                walk(nxt, [*trail, nxt])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            walk(name, [name])
    assert cycles == []
