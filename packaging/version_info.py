"""The Windows version resource of the executables, built from the package version.

The version is written in one place, ``jury_desk/__init__.py`` (hatch reads it there for
the wheel too); it is read as text, without importing the package. ``build.spec``
calls :func:`version_info` at build time on Windows, the only system where PyInstaller
embeds a version resource (and can import its classes). Run it to see the version, and
on Windows the resource (``--plain``: the version alone, for scripts):

    uv run python packaging/version_info.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
COMPANY = "Établissement public territorial Grand-Orly Seine Bièvre"
PRODUCT = "jury_desk"
DESCRIPTION = "jury_desk — jurys du Label Actions Innovantes"
COPYRIGHT = "Grand-Orly Seine Bièvre — EUPL-1.2"
LANG_FR, CODEPAGE_UNICODE = 0x040C, 1200  # French (France), UTF-16
VERSION_LINE = re.compile(r'^__version__\s*=\s*["\']([^"\']+)["\']', re.MULTILINE)


def read_version(root: Path = ROOT) -> str:
    text = (root / "jury_desk" / "__init__.py").read_text(encoding="utf-8")
    match = VERSION_LINE.search(text)
    if match is None:
        raise ValueError("no __version__ line in jury_desk/__init__.py")
    return match.group(1)


def numeric(version: str) -> tuple[int, int, int, int]:
    """``0.1.0`` -> (0, 1, 0, 0); a suffix (``rc1``, ``.dev3``, ``+local``) is dropped."""
    parts = [int(p) for p in re.findall(r"\d+", re.split(r"[^\d.]", version, maxsplit=1)[0])][:4]
    if not parts:
        raise ValueError(f"version « {version} » has no number")
    parts += [0] * (4 - len(parts))
    return parts[0], parts[1], parts[2], parts[3]


def version_info(version: str, exe_name: str) -> Any:
    """The VSVersionInfo structure of one executable (French strings, Unicode code page).

    Windows only: PyInstaller's version-resource module imports Windows-only modules
    (``pefile``, ``win32api``), and PyInstaller embeds the resource on Windows only.
    """
    from PyInstaller.utils.win32.versioninfo import (
        FixedFileInfo,
        StringFileInfo,
        StringStruct,
        StringTable,
        VarFileInfo,
        VarStruct,
        VSVersionInfo,
    )

    nums = numeric(version)
    return VSVersionInfo(
        ffi=FixedFileInfo(
            filevers=nums,
            prodvers=nums,
            mask=0x3F,
            flags=0x0,
            OS=0x40004,
            fileType=0x1,
            subtype=0x0,
            date=(0, 0),
        ),
        kids=[
            StringFileInfo(
                [
                    StringTable(
                        f"{LANG_FR:04X}{CODEPAGE_UNICODE:04X}",
                        [
                            StringStruct("CompanyName", COMPANY),
                            StringStruct("FileDescription", DESCRIPTION),
                            StringStruct("FileVersion", version),
                            StringStruct("InternalName", exe_name),
                            StringStruct("LegalCopyright", COPYRIGHT),
                            StringStruct("OriginalFilename", f"{exe_name}.exe"),
                            StringStruct("ProductName", PRODUCT),
                            StringStruct("ProductVersion", version),
                        ],
                    )
                ]
            ),
            VarFileInfo([VarStruct("Translation", [LANG_FR, CODEPAGE_UNICODE])]),
        ],
    )


if __name__ == "__main__":
    current = read_version()
    if "--plain" in sys.argv[1:]:  # for scripts: the version alone
        print(current)
        sys.exit(0)
    print(f"version {current} -> {numeric(current)}")
    if sys.platform == "win32":
        info = version_info(current, "jury-desk")
        print(info)
        print(f"# {len(info.toRaw())} bytes once encoded")
