"""scripts/windows_ci.py's PE import reader, on a synthetic PE32+ image (the real DLLs are
read by the Windows workflow)."""

from __future__ import annotations

import importlib.util
import struct
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("windows_ci", ROOT / "scripts" / "windows_ci.py")
assert _spec is not None and _spec.loader is not None
windows_ci = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(windows_ci)


def synthetic_pe(imports: list[str], delayed: list[str]) -> bytes:
    """MZ + PE32+ headers, one section at RVA 0x1000 holding both import tables."""
    sect_rva, sect_raw, sect_size = 0x1000, 0x400, 0x400
    body = bytearray(sect_size)
    names_at = 0x200
    name_rvas = []
    for name in imports + delayed:
        name_rvas.append(sect_rva + names_at)
        body[names_at : names_at + len(name) + 1] = name.encode() + b"\0"
        names_at += len(name) + 1
    o = 0  # import descriptors: 20 bytes, name RVA at +12, zero-terminated
    for rva in name_rvas[: len(imports)]:
        struct.pack_into("<5I", body, o, 0, 0, 0, rva, 0)
        o += 20
    o += 20
    delay_at = o  # delay descriptors: 32 bytes, name RVA at +4
    for rva in name_rvas[len(imports) :]:
        struct.pack_into("<8I", body, o, 1, rva, 0, 0, 0, 0, 0, 0)
        o += 32
    head = bytearray(sect_raw)
    head[0:2] = b"MZ"
    pe = 0x80
    struct.pack_into("<I", head, 0x3C, pe)
    head[pe : pe + 4] = b"PE\0\0"
    coff = pe + 4
    opt_size = 112 + 16 * 8
    struct.pack_into("<HHIIIHH", head, coff, 0x8664, 1, 0, 0, 0, opt_size, 0x22)
    opt = coff + 20
    struct.pack_into("<H", head, opt, 0x20B)
    struct.pack_into("<I", head, opt + 108, 16)  # NumberOfRvaAndSizes
    dirs = opt + 112
    struct.pack_into("<II", head, dirs + 8 * 1, sect_rva, 20 * (len(imports) + 1))
    if delayed:
        struct.pack_into("<II", head, dirs + 8 * 13, sect_rva + delay_at, 32 * len(delayed))
    sec = opt + opt_size
    head[sec : sec + 8] = b".idata\0\0"
    struct.pack_into("<IIII", head, sec + 8, sect_size, sect_rva, sect_size, sect_raw)
    return bytes(head) + bytes(body)


def test_pe_imports_reads_both_tables() -> None:
    data = synthetic_pe(["KERNEL32.dll", "Qt6Core.dll"], ["python311.dll"])
    assert windows_ci.pe_imports(data) == ["KERNEL32.dll", "Qt6Core.dll", "python311.dll"]


def test_unresolved_lists_what_is_neither_local_nor_system(tmp_path: Path) -> None:
    folder, system32 = tmp_path / "jury_desk", tmp_path / "System32"
    (folder / "_internal").mkdir(parents=True)
    system32.mkdir()
    (system32 / "KERNEL32.dll").write_bytes(b"")
    (folder / "_internal" / "Qt6Core.dll").write_bytes(
        synthetic_pe(["KERNEL32.dll", "api-ms-win-crt-runtime-l1-1-0.dll"], [])
    )
    (folder / "jury-desk.exe").write_bytes(
        synthetic_pe(["qt6core.dll", "MSVCP140.dll"], ["icuuc.dll"])
    )
    assert windows_ci.unresolved(folder, system32) == {
        "jury-desk.exe": ["MSVCP140.dll", "icuuc.dll"]
    }
