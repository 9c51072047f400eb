"""How fast a large session bundle imports, against a plain read-hash-write pass.

Run: ``uv run python benchmarks/import.py [--mb 420] [--count 100] [--runs 3] [--profile]``.

1. Builds, in a temporary folder under /tmp (removed at the end), a signed session bundle
   of ``--count`` attachments totalling ``--mb`` MB: incompressible bytes that start with
   ``%PDF-`` (so that they pass the media check), stored uncompressed by ``make_bundle``.
2. Times ``Desk.import_bundle`` into a fresh database, ``--runs`` times, against — in the
   same run, interleaved, on the same page-cached bundle — a plain Python pass that opens
   the same ZIP with :mod:`zipfile`, reads each attachment in 1 MiB chunks, SHA-256s it
   and writes it to a file: once without ``fsync`` and once with an ``fsync`` per file
   (plus one of the folder), as the import does. Medians are printed with the ratios.
   The import fsyncs every file for durability, so the 1.3x target is read against the
   fsync baseline; the no-fsync ratio is printed to show what durability costs.
3. Peak memory: ``ru_maxrss`` of a child process that imports the modules, opens the
   database and imports the bundle, against a child that only imports the modules; and,
   in the first child, the high-water mark reset just before the import (Linux
   ``/proc/self/clear_refs``), which shows the import's own growth.
4. With ``--profile``, or when the import misses 1.3x, one more import runs under cProfile
   and the functions where the time goes are printed.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import io
import json
import os
import pstats
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jury_desk.core import bundle, crypto
from jury_desk.core.services import Desk

CHUNK = 1024 * 1024
TARGET_RATIO = 1.3
TARGET_PEAK_MB = 150


def manifest(count: int) -> dict[str, Any]:
    per_dossier = 4
    dossiers = []
    for i in range((count + per_dossier - 1) // per_dossier):
        did = f"d{i + 1:03d}"
        atts = [
            {
                "path": f"attachments/{did}/piece-{k + 1}.pdf",
                "title": f"Pièce {k + 1}",
                "media_type": "application/pdf",
            }
            for k in range(min(per_dossier, count - i * per_dossier))
        ]
        dossiers.append(
            {
                "id": did,
                "reference": f"LAI-2026-{i + 1:03d}",
                "title": f"Projet {i + 1}",
                "commune": "Vitry-sur-Seine",
                "qpv": {"code": "QN09401M", "name": "Balzac"},
                "holder": {
                    "name": "Association",
                    "kind": "association",
                    "rna": None,
                    "siret": None,
                    "contact": None,
                },
                "project_manager": "Camille Martin",
                "summary": "Projet de quartier.",
                "amount_requested_cents": 1_000_000,
                "budget_total_cents": 3_000_000,
                "hearing": {"order": i + 1, "start": None},
                "attachments": atts,
            }
        )
    return {
        "format": "lai.session",
        "format_version": 1,
        "session": {
            "id": "bench-import",
            "title": "Banc d’essai import",
            "edition": 2026,
            "date": "2026-06-18",
            "venue": "Orly",
            "quorum": 1,
            "min_sheets": 1,
            "min_score": 10,
            "envelope_cents": None,
            "max_laureates": None,
            "timer": {"presentation_s": 600, "questions_s": 600, "warning_s": 60},
        },
        "criteria": [
            {
                "id": "c1",
                "label": "Critère",
                "description": "",
                "weight": 1,
                "min": 0,
                "max": 5,
                "step": 1,
            }
        ],
        "jurors": [
            {"id": "j01", "name": "Juré", "role": "expert", "organisation": "—", "commune": None}
        ],
        "dossiers": dossiers,
        "conflicts": [],
    }


def build(root: Path, total_mb: int, count: int, key: crypto.PrivateKey) -> tuple[Path, list[str]]:
    doc = manifest(count)
    source = root / "source"
    rng = random.Random(2026)
    mean = total_mb * 1_000_000 // count
    paths: list[str] = []
    for d in doc["dossiers"]:
        for a in d["attachments"]:
            target = source / a["path"]
            target.parent.mkdir(parents=True, exist_ok=True)
            size = rng.randrange(mean * 9 // 10, mean * 11 // 10)
            with open(target, "wb") as fh:
                fh.write(b"%PDF-1.7\n")
                left = size - 9
                while left > 0:
                    n = min(left, 8 * CHUNK)
                    fh.write(rng.randbytes(n))
                    left -= n
            paths.append(a["path"])
    (source / "manifest.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    out = root / "bench.zip"
    bundle.make_bundle(source, key, out)
    shutil.rmtree(source)
    return out, paths


Timing = tuple[float, float]  # (wall seconds, CPU seconds of this process)


def run_import(bundle_zip: Path, work: Path, trusted: list[dict[str, Any]]) -> Timing:
    desk = Desk(work / "jury.sqlite3")
    try:
        t0, c0 = time.perf_counter(), time.process_time()
        report = desk.import_bundle(bundle_zip, trusted)
        elapsed = time.perf_counter() - t0, time.process_time() - c0
        assert not report.unchanged
    finally:
        desk.close()
    return elapsed


def run_plain(bundle_zip: Path, work: Path, names: list[str], fsync: bool) -> Timing:
    out_dir = work / "plain"
    out_dir.mkdir()
    t0, c0 = time.perf_counter(), time.process_time()
    with zipfile.ZipFile(bundle_zip) as zf:
        for i, name in enumerate(names):
            digest = hashlib.sha256()
            with zf.open(name) as src, open(out_dir / f"{i:06d}", "xb") as dst:
                while chunk := src.read(CHUNK):
                    digest.update(chunk)
                    dst.write(chunk)
                if fsync:
                    dst.flush()
                    os.fsync(dst.fileno())
            digest.hexdigest()
    if fsync:
        fd = os.open(out_dir, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    return time.perf_counter() - t0, time.process_time() - c0


def timed(fn: Callable[[Path], Timing], root: Path, label: str) -> Timing:
    work = Path(tempfile.mkdtemp(prefix=f"{label}-", dir=root))
    os.sync()  # every measure starts with no dirty pages left by the one before
    try:
        return fn(work)
    finally:
        shutil.rmtree(work)


CHILD = r"""
import json, resource, sys, tempfile, shutil
from pathlib import Path
from jury_desk.core.services import Desk

def status(field):
    for line in open("/proc/self/status"):
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return None

bundle_zip, jwk, do_import = Path(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3] == "1"
work = Path(tempfile.mkdtemp(dir=sys.argv[4]))
desk = Desk(work / "jury.sqlite3") if do_import else None
start = status("VmRSS")
try:  # reset the high-water mark to the current RSS (Linux >= 4.0)
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")
    reset = True
except OSError:
    reset = False
if desk is not None:
    desk.import_bundle(bundle_zip, [jwk])
    desk.close()
hwm = status("VmHWM") if reset else None
shutil.rmtree(work)
print(json.dumps({"maxrss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "start": start, "hwm": hwm}))
"""


def child_peak_kib(
    bundle_zip: Path, jwk: dict[str, Any], do_import: bool, root: Path
) -> dict[str, int | None]:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            CHILD,
            str(bundle_zip),
            json.dumps(jwk),
            "1" if do_import else "0",
            str(root),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    out: dict[str, int | None] = json.loads(result.stdout.strip().splitlines()[-1])
    return out


def profile_import(bundle_zip: Path, root: Path, trusted: list[dict[str, Any]]) -> None:
    work = Path(tempfile.mkdtemp(prefix="profile-", dir=root))
    try:
        desk = Desk(work / "jury.sqlite3")
        prof = cProfile.Profile()
        prof.enable()
        desk.import_bundle(bundle_zip, trusted)
        prof.disable()
        desk.close()
    finally:
        shutil.rmtree(work)
    buf = io.StringIO()
    stats = pstats.Stats(prof, stream=buf).strip_dirs().sort_stats("tottime")
    stats.print_stats(12)
    print("\nWhere the import's time goes (cProfile, by own time):")
    print("\n".join(line for line in buf.getvalue().splitlines() if line.strip())[:4000])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=int, default=420, help="total attachment size, MB (default 420)")
    ap.add_argument("--count", type=int, default=100, help="number of attachments (default 100)")
    ap.add_argument("--runs", type=int, default=3, help="runs of each measure (median; default 3)")
    ap.add_argument("--profile", action="store_true", help="always profile one import")
    args = ap.parse_args()

    root = Path(tempfile.mkdtemp(prefix="jd-bench-import-", dir="/tmp"))
    try:
        key = crypto.new_private_key()
        jwk = crypto.public_jwk(key)
        t0 = time.perf_counter()
        bundle_zip, names = build(root, args.mb, args.count, key)
        size = bundle_zip.stat().st_size
        with zipfile.ZipFile(bundle_zip) as zf:
            payload = sum(zf.getinfo(n).file_size for n in names)
        print(
            f"bundle: {len(names)} attachments, {payload / 1e6:.1f} MB of content, "
            f"{size / 1e6:.1f} MB on disk (built in {time.perf_counter() - t0:.1f} s)"
        )

        timed(lambda w: run_plain(bundle_zip, w, names, False), root, "warm")  # page cache
        imports, plain, plain_fsync = [], [], []
        for _ in range(args.runs):  # interleaved, so that every measure sees the same machine
            imports.append(timed(lambda w: run_import(bundle_zip, w, [jwk]), root, "import"))
            plain.append(timed(lambda w: run_plain(bundle_zip, w, names, False), root, "plain"))
            plain_fsync.append(
                timed(lambda w: run_plain(bundle_zip, w, names, True), root, "fsync")
            )

        def line(label: str, timings: list[Timing]) -> tuple[float, float, float]:
            values = [w for w, _ in timings]
            med, cpu = statistics.median(values), statistics.median(c for _, c in timings)
            runs = ", ".join(f"{v:.2f}" for v in values)
            print(
                f"  {label:<40} median {med:5.2f} s ({payload / 1e6 / med:4.0f} MB/s)"
                f"  min {min(values):5.2f} s  CPU {cpu:5.2f} s  runs: {runs}"
            )
            return med, min(values), cpu

        print(f"\ntimes ({args.runs} runs each; wall-clock median, fastest run, median CPU time):")
        m_import, f_import, c_import = line("Desk.import_bundle (fsync per file)", imports)
        m_plain, _, c_plain = line("plain zipfile read+sha256+write", plain)
        m_fsync, f_fsync, c_fsync = line("plain zipfile read+sha256+write+fsync", plain_fsync)
        ratio_fsync, ratio_plain = m_import / m_fsync, m_import / m_plain
        print(
            f"\nratio import / plain with fsync    : {ratio_fsync:.2f}x  (target <= {TARGET_RATIO}x: "
            f"{'met' if ratio_fsync <= TARGET_RATIO else 'MISSED'}) <- the comparable floor"
        )
        print(
            f"ratio import / plain without fsync : {ratio_plain:.2f}x  (what durability costs, for reference)"
        )
        print(f"ratio of the fastest runs (import / plain with fsync): {f_import / f_fsync:.2f}x")
        print(
            f"ratio of CPU time (import / plain with fsync)        : {c_import / c_fsync:.2f}x "
            f"(without fsync: {c_import / c_plain:.2f}x)"
        )
        print(
            "  (wall-clock figures swing with other disk and CPU load on the machine: on a shared "
            "machine, raise --runs and read the spread of the runs as well as the medians)"
        )

        base = child_peak_kib(bundle_zip, jwk, False, root)
        peak = child_peak_kib(bundle_zip, jwk, True, root)
        b_max, p_max = base["maxrss"] or 0, peak["maxrss"] or 0
        print("\npeak memory (ru_maxrss of a child process):")
        print(f"  modules imported, nothing else     : {b_max / 1024:6.1f} MiB")
        print(
            f"  modules + open database + import   : {p_max / 1024:6.1f} MiB  "
            f"(target < {TARGET_PEAK_MB} MB: {'met' if p_max * 1024 < TARGET_PEAK_MB * 1e6 else 'MISSED'})"
        )
        print(f"  difference                         : {(p_max - b_max) / 1024:6.1f} MiB")
        if peak["hwm"] is not None and peak["start"] is not None:
            print(
                f"  during the import alone (VmHWM reset when it starts): {peak['hwm'] / 1024:.1f} MiB, "
                f"from {peak['start'] / 1024:.1f} MiB at its start: +{(peak['hwm'] - peak['start']) / 1024:.1f} MiB"
            )

        if args.profile or ratio_fsync > TARGET_RATIO:
            profile_import(bundle_zip, root, [jwk])
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
