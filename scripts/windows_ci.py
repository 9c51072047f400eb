"""Checks of the Windows one-folder build that need a real Windows (the windows workflow).

    python scripts/windows_ci.py dlls dist/jury_desk
        Every DLL and EXE of the folder imports only DLLs found inside the folder, in
        System32, or API sets (api-ms-win-*, ext-ms-*): nothing is picked up from PATH or
        from another installation. Reads the PE import and delay-import tables itself
        (no pefile dependency); exits 1 listing what does not resolve.

    python scripts/windows_ci.py kill-restart dist/jury_desk/jury-desk.exe DATA_DIR
        Starts the windowed application on the demo, kills it with ``Popen.kill()``
        (TerminateProcess: no clean-up at all), starts it again at once: the second run
        must take the database lock (released late by Windows, hence the lock wait) and
        still be alive after 15 s, with no traceback in the log.

The PE reader is tested on Linux with a synthetic image (tests/core/test_windows_ci.py).
"""

from __future__ import annotations

import argparse
import os
import struct
import subprocess
import sys
import time
from pathlib import Path

API_SET_PREFIXES = ("api-ms-win-", "ext-ms-")


def _u16(b: bytes, o: int) -> int:
    return int(struct.unpack_from("<H", b, o)[0])


def _u32(b: bytes, o: int) -> int:
    return int(struct.unpack_from("<I", b, o)[0])


def _cstr(b: bytes, o: int) -> str:
    end = b.index(b"\0", o)
    return b[o:end].decode("ascii", "replace")


def pe_imports(data: bytes) -> list[str]:
    """The DLL names a PE image imports (import table and delay-import table)."""
    if data[:2] != b"MZ":
        raise ValueError("not a PE image (no MZ)")
    pe = _u32(data, 0x3C)
    if data[pe : pe + 4] != b"PE\0\0":
        raise ValueError("not a PE image (no PE signature)")
    coff = pe + 4
    n_sections = _u16(data, coff + 2)
    opt_size = _u16(data, coff + 16)
    opt = coff + 20
    magic = _u16(data, opt)
    dirs = opt + (112 if magic == 0x20B else 96)  # PE32+ or PE32
    n_dirs = _u32(data, dirs - 4)
    sections = []
    for i in range(n_sections):
        s = opt + opt_size + 40 * i
        vsize, vaddr, rsize, raw = (_u32(data, s + k) for k in (8, 12, 16, 20))
        sections.append((vaddr, max(vsize, rsize), raw))

    def offset(rva: int) -> int:
        for vaddr, size, raw in sections:
            if vaddr <= rva < vaddr + size:
                return rva - vaddr + raw
        raise ValueError(f"RVA {rva:#x} outside every section")

    names: list[str] = []
    for index, entry_size, name_field in ((1, 20, 12), (13, 32, 4)):
        if index >= n_dirs:
            continue
        rva = _u32(data, dirs + 8 * index)
        if rva == 0:
            continue
        o = offset(rva)
        while True:
            entry = data[o : o + entry_size]
            if len(entry) < entry_size or not any(entry):
                break
            names.append(_cstr(data, offset(_u32(data, o + name_field))))
            o += entry_size
    return names


def unresolved(folder: Path, system32: Path) -> dict[str, list[str]]:
    """For each binary of ``folder``, the imports found neither inside it nor in System32."""
    binaries = [p for p in folder.rglob("*") if p.suffix.lower() in (".dll", ".pyd", ".exe")]
    local = {p.name.lower() for p in binaries}
    missing: dict[str, list[str]] = {}
    for p in binaries:
        try:
            imports = pe_imports(p.read_bytes())
        except (ValueError, struct.error, IndexError) as exc:
            missing[str(p.relative_to(folder))] = [f"unreadable: {exc}"]
            continue
        for name in imports:
            low = name.lower()
            if low in local or low.startswith(API_SET_PREFIXES):
                continue
            if (system32 / name).exists():
                continue
            missing.setdefault(str(p.relative_to(folder)), []).append(name)
    return missing


def cmd_dlls(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    system32 = Path(os.environ.get("SYSTEMROOT", r"C:\Windows")) / "System32"
    missing = unresolved(folder, system32)
    count = sum(1 for p in folder.rglob("*") if p.suffix.lower() in (".dll", ".pyd", ".exe"))
    if missing:
        for binary, names in sorted(missing.items()):
            print(f"UNRESOLVED {binary}: {', '.join(names)}")
        return 1
    print(f"{count} binaries: every import resolves inside the folder or to system DLLs")
    return 0


def _alive_after(p: subprocess.Popen[bytes], seconds: float) -> bool:
    try:
        p.wait(seconds)
    except subprocess.TimeoutExpired:
        return True
    return False


def cmd_kill_restart(args: argparse.Namespace) -> int:
    exe, data = Path(args.exe), Path(args.data)
    env = {**os.environ, "JURY_DESK_DATA_DIR": str(data), "JURY_DESK_CONFIG_DIR": str(data)}
    first = subprocess.Popen([str(exe), "--demo"], env=env)
    if not _alive_after(first, 12):
        print(f"first run ended early (exit {first.returncode})")
        return 1
    first.kill()  # TerminateProcess: no clean-up, the lock is released by the system
    first.wait(30)
    second = subprocess.Popen([str(exe), "--demo"], env=env)
    alive = _alive_after(second, 15)
    second.kill()
    second.wait(30)
    log = (data / "logs" / "jury_desk.log").read_text(encoding="utf-8", errors="replace")
    problems = []
    if not alive:
        problems.append(f"the restart ended (exit {second.returncode})")
    if "Traceback" in log or "database locked by another process" in log:
        problems.append("the log has a traceback or a refused lock")
    for line in problems:
        print("FAILED:", line)
    if problems:
        print(log[-4000:])
        return 1
    waited = "instance lock taken after waiting" in log
    print(f"kill-and-restart: restart alive after 15 s (lock waited for: {waited})")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("dlls")
    p.add_argument("folder")
    p = sub.add_parser("kill-restart")
    p.add_argument("exe")
    p.add_argument("data")
    args = parser.parse_args(argv)
    started = time.monotonic()
    code = cmd_dlls(args) if args.cmd == "dlls" else cmd_kill_restart(args)
    print(f"({time.monotonic() - started:.1f} s)")
    return code


if __name__ == "__main__":
    sys.exit(main())
