"""Latency of one score write, from the service call to the committed (durable) row.

    uv run python benchmarks/score_write.py [N]

Prints the median and 99th percentile of Desk.record_score (WAL, synchronous=FULL, one
BEGIN IMMEDIATE transaction with its audit entry), and, in the same run, the floor: a
plain sqlite3 single-row INSERT + COMMIT with the same pragmas on the same disk.
"""

from __future__ import annotations

import itertools
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path


def percentile(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))]


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["JURY_DESK_DATA_DIR"] = str(Path(tmp) / "data")
        os.environ["JURY_DESK_CONFIG_DIR"] = str(Path(tmp) / "config")
        from jury_desk.core.services import Desk

        desk = Desk(Path(tmp) / "bench.sqlite3")
        sid = desk.import_demo().session_id
        st = desk.state(sid)
        recused = {(r.juror_id, r.dossier_id) for r in st.recusals}
        cells = [
            (d.id, j.id, c)
            for d in st.dossiers
            for j in st.jurors
            for c in st.criteria
            if (j.id, d.id) not in recused
        ]
        values = itertools.cycle(range(6))
        lat: list[float] = []
        for i in range(n):
            d, j, c = cells[i % len(cells)]
            v = next(values) if c.max == 5 else next(values) * 2
            t0 = time.perf_counter()
            desk.record_score(sid, d, j, c.id, v)
            lat.append((time.perf_counter() - t0) * 1000)
        desk.close()

        con = sqlite3.connect(Path(tmp) / "floor.sqlite3", isolation_level=None)
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=FULL")
        con.execute("CREATE TABLE s (k INTEGER PRIMARY KEY, v TEXT)")
        floor: list[float] = []
        for i in range(n):
            t0 = time.perf_counter()
            con.execute("BEGIN IMMEDIATE")
            con.execute("INSERT OR REPLACE INTO s VALUES (?, ?)", (i % 400, str(i)))
            con.execute("COMMIT")
            floor.append((time.perf_counter() - t0) * 1000)
        con.close()

    print(
        f"score write (Desk.record_score, {n} writes): median {statistics.median(lat):.3f} ms, "
        f"p99 {percentile(lat, 99):.3f} ms, max {max(lat):.3f} ms"
    )
    print(
        f"floor (sqlite3 INSERT+COMMIT, same pragmas): median {statistics.median(floor):.3f} ms, "
        f"p99 {percentile(floor, 99):.3f} ms"
    )
    print(
        f"ratio of medians: {statistics.median(lat) / statistics.median(floor):.2f}x "
        f"(target: median under 2 ms)"
    )


if __name__ == "__main__":
    main()
