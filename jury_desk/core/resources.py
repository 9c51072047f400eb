"""One accessor for the files shipped with the package (schemas, fonts, demo, i18n).

Installed (wheel) and frozen (PyInstaller) builds carry ``resources/`` inside the
package as ``jury_desk/resources``; a source checkout keeps it at the top of the tree.
Both are folders on disk, next to the package's ``__file__`` (PyInstaller sets it in
its extraction folder): ``importlib.resources`` (for packages inside a zip, which
jury_desk never is) would only add its import to the GUI's start.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jury_desk


@cache
def root() -> Path:
    package = Path(jury_desk.__file__).resolve().parent
    packaged = package / "resources"
    if packaged.is_dir():
        return packaged
    source = package.parent / "resources"
    if source.is_dir():
        return source
    raise FileNotFoundError("jury_desk resources folder not found")


def path(*parts: str) -> Path:
    return root().joinpath(*parts)


@cache
def schema(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path("schemas", name).read_text(encoding="utf-8"))
    return data
