"""The structure-aware fuzzer, run longer than in the test suite (issue 12, item 8).

Same targets as ``tests/core/test_fuzz.py`` (``tests/core/fuzzing.py``): the session
manifest as imported, the scores CSV, and ``verify`` on re-signed or byte-flipped result
bundles. Prints, per target, the cases run, how they ended, and every finding (an
exception other than the expected refusal, a refused CSV that changed the database, a
changed bundle that verified).

Usage: ``uv run python scripts/fuzz.py [--cases 2000] [--seed 1]``.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import tempfile
import time
import traceback
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=2000, help="cases per target")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    import os

    from hypothesis import HealthCheck, given, seed, settings
    from hypothesis import strategies as st

    from jury_desk.core import crypto, export, resources
    from jury_desk.core.services import Desk
    from tests.conftest import played_demo, signing_identity
    from tests.core import fuzzing

    tmp = Path(tempfile.mkdtemp(prefix="fuzz-"))
    os.environ["JURY_DESK_DATA_DIR"] = str(tmp / "data")
    os.environ["JURY_DESK_CONFIG_DIR"] = str(tmp / "config")
    config = settings(
        max_examples=args.cases,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    outcomes: dict[str, collections.Counter[str]] = {}
    findings: dict[str, list[str]] = {}

    def run(name: str, body: Callable[..., str], *strategies: Any) -> None:
        counts = outcomes.setdefault(name, collections.Counter())
        found = findings.setdefault(name, [])

        @seed(args.seed)
        @config
        @given(st.tuples(*strategies))
        def case(drawn: tuple[Any, ...]) -> None:
            try:
                counts[body(*drawn).split(":")[0]] += 1
            except Exception:  # a finding: keep going, report it
                counts["FINDING"] += 1
                if len(found) < 5:
                    found.append(traceback.format_exc(limit=4))

        t0 = time.perf_counter()
        case()
        total = sum(counts.values())
        print(f"{name:28} {total:6d} cases in {time.perf_counter() - t0:6.1f}s  {dict(counts)}")

    hq = crypto.new_private_key()
    manifest = fuzzing.demo_manifest()
    run(
        "manifest (import)",
        lambda doc: fuzzing.manifest_target(doc, hq, [crypto.public_jwk(hq)]),
        fuzzing.mutated(manifest, rounds=4),
    )

    desk = Desk(tmp / "csv.sqlite3")
    sid = desk.import_demo().session_id
    state = desk.state(sid)
    ids = (
        [c.id for c in state.criteria],
        [d.id for d in state.dossiers],
        [j.id for j in state.jurors],
    )
    run(
        "scores CSV",
        lambda text: fuzzing.scores_csv_target(desk, sid, text),
        fuzzing.scores_csv(*ids),
    )
    desk.close()

    with played_demo(tmp / "day") as (day, day_sid):
        ident = signing_identity()
        out = tmp / "r.zip"
        export.export_session(day, day_sid, out, ident, purge_due_on=date(2026, 12, 31))
    with zipfile.ZipFile(out) as zf:
        entries = {n: zf.read(n) for n in zf.namelist()}
    doc = json.loads(entries[export.RESULT])
    demo_bundle = resources.path("demo", "demo-session.zip")
    work = tmp / "f.zip"

    def resigned(mutated_doc: Any) -> str:
        if mutated_doc == doc:
            return "inchangé"
        data = json.dumps(mutated_doc, ensure_ascii=False, indent=2).encode() + b"\n"
        fuzzing.resign(entries, ident.key, data, work)
        return fuzzing.verify_target(work, [ident.jwk], demo_bundle)

    run("verify (re-signed result)", resigned, fuzzing.mutated(doc, rounds=4))
    genuine_bytes = out.read_bytes()

    def flipped(positions: list[int], mask: int) -> str:
        work.write_bytes(fuzzing.flip(genuine_bytes, positions, mask))
        return fuzzing.verify_target(work, [ident.jwk], None, entries)

    run(
        "verify (flipped bytes)",
        flipped,
        st.lists(st.integers(0, 10**7), min_size=1, max_size=4),
        st.integers(1, 255),
    )

    n = sum(len(f) for f in findings.values())
    print(f"\nfindings: {n}")
    for name, found in findings.items():
        for text in found:
            print(f"--- {name}\n{text}")
    return 1 if n else 0


if __name__ == "__main__":
    raise SystemExit(main())
