"""Peak memory of ``verify`` on crafted result bundles (issue 12: under 200 MB).

Each case runs ``export.verify_result`` in a child process that prints its own peak
resident size (``VmHWM`` of ``/proc/self/status``; ``resource.getrusage`` ``ru_maxrss``
elsewhere — on Linux ru_maxrss keeps the parent's high-water mark across fork + exec); the baseline is a child
that only imports the same modules. The bundles are the worst a key holder can sign
(signature and hashes valid, so verify reads everything) and a few unsigned ones:

- ``genuine``: the demonstration day, exported;
- ``huge-audit``: a valid hash chain of N entries of 4 KB each (N from the command line),
  deflated: audit.jsonl is streamed line by line, never held;
- ``many-containers``: result.json of 16 MiB holding ``[{}, {}, …]``, signed;
- ``deep-nesting``: result.json of 16 MiB of ``[[[[…``, signed;
- ``big-pv``: a 10 MiB PV (the limit), signed and hashed;
- ``declared-2GiB-unsigned``: headers announcing 2 GiB of audit, nothing signed.

Usage: ``uv run python benchmarks/verify_memory.py [--audit-entries 100000]``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHILD = r"""
import json, resource, sys
from pathlib import Path
from jury_desk.core import export, crypto, pv, pv_signing, replay, strictjson, zipcheck  # noqa: F401
if sys.argv[1] != "-":
    jwk = json.loads(Path(sys.argv[2]).read_text())
    r = export.verify_result(Path(sys.argv[1]), [jwk])
    failed = [c.label for c in r.checks if not c.ok]
else:
    failed = []
# VmHWM: this process's own high-water mark (ru_maxrss would carry the parent's across
# fork + exec on Linux); ru_maxrss is printed too, where VmHWM does not exist.
try:
    hwm = next(
        int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:")
    )
except (OSError, StopIteration):
    hwm = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(hwm, "|".join(failed))
"""


def _child(bundle: str, jwk: Path) -> tuple[float, str, float]:
    t0 = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, bundle, str(jwk)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        timeout=3600,
    ).stdout.split(" ", 1)
    return int(out[0]) / 1024, out[1].strip(), time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--audit-entries", type=int, default=100_000)
    args = ap.parse_args()

    from jury_desk.core import audit, crypto, export
    from tests.conftest import played_demo, signing_identity
    from tests.core.hostile import deflated, stored, write_zip

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        with played_demo(tmp / "day") as (desk, sid):
            ident = signing_identity()
            genuine = tmp / "genuine.zip"
            export.export_session(desk, sid, genuine, ident, purge_due_on=date(2026, 12, 31))
        jwk = tmp / "key.jwk"
        jwk.write_text(json.dumps(ident.jwk))
        import zipfile

        with zipfile.ZipFile(genuine) as zf:
            entries = {n: zf.read(n) for n in zf.namelist()}
        doc = json.loads(entries["result.json"])

        def signed(name: str, result: bytes, audit_bytes: bytes, pv: bytes) -> Path:
            raws = [
                deflated("result.json", result),
                stored("result.json.jws", crypto.sign_detached(ident.key, result).encode()),
                stored("proces-verbal.pdf", pv),
                deflated("audit.jsonl", audit_bytes),
            ]
            path = tmp / f"{name}.zip"
            path.write_bytes(write_zip(raws))
            return path

        def with_files(audit_bytes: bytes, pv: bytes, head: str) -> bytes:
            d = json.loads(json.dumps(doc))
            d["files"] = {
                "proces-verbal.pdf": {"bytes": len(pv), "sha256": hashlib.sha256(pv).hexdigest()},
                "audit.jsonl": {
                    "bytes": len(audit_bytes),
                    "sha256": hashlib.sha256(audit_bytes).hexdigest(),
                },
            }
            d["audit_head"] = head
            return json.dumps(d, ensure_ascii=False, indent=2).encode() + b"\n"

        cases: dict[str, Path | str] = {"baseline (imports only)": "-", "genuine": genuine}

        # A valid chain: the genuine entries, then N notes of 4 KB, then the export.
        lines = [json.loads(x) for x in entries["audit.jsonl"].splitlines()]
        *body, last = lines
        prev = body[-1]["hash"]
        chunks = [audit.to_jsonl(body)]
        filler = "Notes de délibération, version longue. " * 100
        seq = len(body)
        for i in range(args.audit_entries):
            seq += 1
            e = {
                "seq": seq,
                "at": "2026-06-18T18:00:00.000+02:00",
                "actor": "secretariat",
                "action": "notes.set",
                "data": {"notes": filler + str(i)},
                "prev": prev,
            }
            e["hash"] = audit.entry_hash(e)
            prev = e["hash"]
            chunks.append(audit.canonical_json(e) + b"\n")
        notes_final = doc["deliberation"]["notes"]
        e = {**last, "seq": seq + 1, "prev": prev}
        e.pop("hash")
        e["hash"] = audit.entry_hash(e)
        # Restore the real notes so that the replay agrees (a last notes.set).
        fix = {
            "seq": seq + 1,
            "at": "2026-06-18T18:00:00.000+02:00",
            "actor": "secretariat",
            "action": "notes.set",
            "data": {"notes": notes_final},
            "prev": prev,
        }
        fix["hash"] = audit.entry_hash(fix)
        e = {**last, "seq": seq + 2, "prev": fix["hash"]}
        e.pop("hash")
        e["hash"] = audit.entry_hash(e)
        chunks += [audit.canonical_json(fix) + b"\n", audit.canonical_json(e) + b"\n"]
        big_audit = b"".join(chunks)
        pv = entries["proces-verbal.pdf"]
        cases[f"huge-audit ({len(big_audit) / 1e6:.0f} MB, {seq + 2} entries)"] = signed(
            "huge-audit", with_files(big_audit, pv, e["hash"]), big_audit, pv
        )
        del chunks, big_audit

        ok_audit = entries["audit.jsonl"]
        n = 16 * 1024 * 1024 // 3 - 1
        cases["many-containers (16 MiB of [{},…])"] = signed(
            "many", b"[" + b"{}," * (n - 1) + b"{}]", ok_audit, pv
        )
        depth = 8 * 1024 * 1024
        cases["deep-nesting (8 M levels)"] = signed(
            "deep", b"[" * depth + b"]" * depth, ok_audit, pv
        )
        big_pv = pv + b"%" + b"0" * (10 * 1024 * 1024 - len(pv) - 1)
        cases["big-pv (10 MiB, the limit)"] = signed(
            "bigpv", with_files(ok_audit, big_pv, doc["audit_head"]), ok_audit, big_pv
        )
        # Unsigned: headers announcing 2 GiB of audit.
        huge = deflated("audit.jsonl", b"")
        huge.file_size = 2 * 1024**3
        raw_path = tmp / "declared.zip"
        raw_path.write_bytes(
            write_zip(
                [
                    deflated("result.json", entries["result.json"]),
                    stored("result.json.jws", entries["result.json.jws"]),
                    stored("proces-verbal.pdf", pv),
                    huge,
                ]
            )
        )
        cases["declared-2GiB-unsigned"] = raw_path

        print(f"{'case':48} {'peak RSS':>10} {'time':>8}  failed checks")
        peak = 0.0
        base = 0.0
        for label, path in cases.items():
            mb, failed, secs = _child(str(path), jwk)
            if path == "-":
                base = mb
            else:
                peak = max(peak, mb)
            print(f"{label:48} {mb:8.1f} MB {secs:7.1f}s  {failed or '—'}")
        print(f"\npeak of verify over the crafted bundles: {peak:.1f} MB (baseline {base:.1f} MB)")
        return 0 if peak < 200 else 1


if __name__ == "__main__":
    raise SystemExit(main())
