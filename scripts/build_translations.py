"""Build the UI's translations: ``lupdate`` (sources → ``.ts``), then ``lrelease``
(``.ts`` → ``.qm``).

French is the source language of the UI; ``resources/i18n/jury_desk_<lang>.ts`` holds
the translations (edit them with ``uv run pyside6-linguist``) and the compiled
``jury_desk_<lang>.qm`` is kept in the tree so that a fresh clone runs in English
without a build step. ``tests/ui/test_translations.py`` fails when a source string has
no translation or when the ``.qm`` is not the one its ``.ts`` compiles to.

    uv run python scripts/build_translations.py            # update the .ts, compile the .qm
    uv run python scripts/build_translations.py --no-update  # compile only
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANGUAGES = {"en": "en_GB"}


def tool(name: str) -> str:
    """The PySide6 tool of this interpreter's environment (``pyside6-lupdate``…)."""
    here = Path(sys.executable).parent / name
    if here.exists():
        return str(here)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: run this script with `uv run`")
    return found


def sources(root: Path = ROOT) -> list[str]:
    """Every Python file of the UI, and the message catalogue (``jury_desk/messages.py``:
    the codes that core returns), relative to the repository, in a stable order."""
    ui = (p.relative_to(root).as_posix() for p in (root / "jury_desk" / "ui").rglob("*.py"))
    return sorted([*ui, "jury_desk/messages.py"])


def lupdate(ts: Path, lang: str, root: Path = ROOT) -> None:
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *sources(root),
            "-ts",
            str(ts),
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            "fr_FR",
            "-target-language",
            LANGUAGES[lang],
            "-silent",
        ],
        cwd=root,
        check=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm), "-silent"], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--no-update", action="store_true", help="compile the .ts without running lupdate"
    )
    args = parser.parse_args(argv)
    I18N.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        ts = I18N / f"jury_desk_{lang}.ts"
        if not args.no_update:
            lupdate(ts, lang)
        lrelease(ts, I18N / f"jury_desk_{lang}.qm")
        print(f"{ts.relative_to(ROOT)} → jury_desk_{lang}.qm")
    return 0


if __name__ == "__main__":
    sys.exit(main())
