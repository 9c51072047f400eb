"""The installation self-test (``jury-desk --self-test``) and the packaging artefacts.

The frozen build itself is checked by scripts/ci_frozen.sh; these run from the source
tree: the self-test in a real subprocess, its report when a step fails, the icon and
the version the Windows resources are built from.
"""

from __future__ import annotations

import importlib.util
import os
import struct
import sys
from pathlib import Path
from types import ModuleType

import pytest

import jury_desk
from jury_desk import selftest
from jury_desk.core import resources
from tests.conftest import ROOT, run_cli


def _load_packaging(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        f"packaging_{name}", ROOT / "packaging" / f"{name}.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --------------------------------------------------------------------------- self-test


def test_self_test_passes_from_source_without_touching_user_folders() -> None:
    data_dir = Path(os.environ["JURY_DESK_DATA_DIR"])
    config_dir = Path(os.environ["JURY_DESK_CONFIG_DIR"])
    proc = run_cli("--self-test", env={"QT_QPA_PLATFORM": "offscreen"})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith(f"jury_desk {jury_desk.__version__} — auto-test (sources")
    for _key, label, _fn, _needs in selftest.STEPS:
        matching = [line for line in lines if label in line]
        assert len(matching) == 1, (label, proc.stdout)
        status = matching[0].split()[0]
        assert status in selftest.PASSING, matching[0]
    export_line = next(line for line in lines if "Paquet de résultats vérifié" in line)
    assert export_line.split()[0] == selftest.OK
    n = len(selftest.STEPS)
    assert lines[-1].startswith(f"Auto-test réussi : {n} étape(s) sur {n} en ")
    # Its database, key and result bundle lived in a temporary folder of its own.
    assert not list(data_dir.rglob("*.sqlite3")), list(data_dir.rglob("*"))
    assert not (data_dir / "keys").exists()
    assert not config_dir.exists() or not any(config_dir.iterdir())


def test_a_failed_step_fails_the_run_and_skips_what_needs_it() -> None:
    def broken(ctx: selftest.Context) -> str:
        raise ValueError("base illisible\nseconde ligne")

    def fine(ctx: selftest.Context) -> str:
        return "rien à signaler"

    def absent(ctx: selftest.Context) -> str:
        raise selftest.Absent("fichier pas encore construit")

    lines: list[str] = []
    code = selftest.run(
        out=lines.append,
        steps=[
            ("a", "Première étape", broken, ()),
            ("b", "Étape qui dépend de la première", fine, ("a",)),
            ("c", "Étape indépendante", fine, ()),
            ("d", "Fichier facultatif", absent, ()),
        ],
    )
    assert code == 1
    body = lines[2:-1]
    assert body[0].split()[0] == selftest.FAILED
    assert "ValueError : base illisible / seconde ligne" in body[0]
    assert body[1].startswith(f"  {selftest.SKIPPED}")
    assert "faute de l’étape « Première étape »" in body[1]
    assert body[2].split()[0] == selftest.OK and "rien à signaler" in body[2]
    assert body[3].split()[0] == selftest.ABSENT
    assert lines[-1].startswith("Auto-test en échec : 2 étape(s) sur 4 en ")


def test_only_absent_optional_files_still_pass() -> None:
    def absent(ctx: selftest.Context) -> str:
        raise selftest.Absent("pas encore construit")

    lines: list[str] = []
    assert selftest.run(out=lines.append, steps=[("x", "Facultatif", absent, ())]) == 0
    assert lines[-1].startswith("Auto-test réussi : 1 étape(s) sur 1")


def test_self_test_restores_the_folder_variables() -> None:
    before = (os.environ["JURY_DESK_DATA_DIR"], os.environ["JURY_DESK_CONFIG_DIR"])
    seen: list[str] = []

    def look(ctx: selftest.Context) -> str:
        seen.append(os.environ["JURY_DESK_DATA_DIR"])
        return ""

    selftest.run(out=lambda _line: None, steps=[("x", "Regarde", look, ())])
    assert seen and seen[0] != before[0] and "jury_desk-auto-test-" in seen[0]
    assert (os.environ["JURY_DESK_DATA_DIR"], os.environ["JURY_DESK_CONFIG_DIR"]) == before


# --------------------------------------------------------------------------- packaging


def test_icon_holds_png_images_from_16_to_256_pixels() -> None:
    pytest.importorskip("jury_desk.qt.gui")
    from jury_desk.qt.gui import QImage

    data = resources.path("icons", "jury_desk.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = []
    for i in range(count):
        w, h, _colors, _res, planes, bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * i
        )
        png = data[offset : offset + length]
        assert png.startswith(b"\x89PNG\r\n\x1a\n") and offset + length <= len(data)
        image = QImage.fromData(png)
        side = w or 256
        assert (image.width(), image.height()) == (side, h or 256)
        assert (planes, bits) == (1, 32)
        sizes.append(side)
    assert sizes == [16, 24, 32, 48, 64, 128, 256]
    big = QImage(str(resources.path("icons", "jury_desk.png")))
    assert (big.width(), big.height()) == (256, 256)


def test_windows_version_comes_from_the_package() -> None:
    version_info = _load_packaging("version_info")
    assert version_info.read_version(ROOT) == jury_desk.__version__
    assert version_info.numeric("0.1.0") == (0, 1, 0, 0)
    assert version_info.numeric("2.3") == (2, 3, 0, 0)
    assert version_info.numeric("1.2.3rc1") == (1, 2, 3, 0)
    assert version_info.numeric("1.2.3.dev4+g00") == (1, 2, 3, 0)
    with pytest.raises(ValueError):
        version_info.numeric("dev")


@pytest.mark.skipif(
    sys.platform != "win32", reason="PyInstaller's version resource is Windows only"
)
def test_windows_version_resource_encodes() -> None:
    version_info = _load_packaging("version_info")
    info = version_info.version_info(jury_desk.__version__, "jury-desk")
    assert info.toRaw()
    assert jury_desk.__version__ in str(info)
