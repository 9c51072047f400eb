"""Jurors' devices writing at once: acknowledgement latency over HTTP, against a plain
``Desk`` score write, and the server loop's longest stall.

Run: ``uv run python benchmarks/devices.py [--runs 5] [--sizes 7 50]``.

For each size (7 devices on the demonstration session, 50 on a session of 50 jurors made
by ``benchmarks/sessions.py``), the real juror-device server
(:class:`jury_desk.devserver.DeviceServer` over :class:`jury_desk.core.devices.JurorDevices`)
runs in a process of its own, as in the application: one asyncio loop, one database
writer thread, the database in WAL with ``synchronous=FULL``. Every juror who can score
the dossier being heard is paired, and this process drives one aiohttp client session
per juror, all at once, each from its own loopback address (a phone has its own address:
the server's rate limit is per address) and each writing every criterion of the current
dossier in turn, as the page's queue does; ``--runs`` rounds, each with new values. A
write's latency is from the request sent to its answer received (``saved``: the server
answers after the commit).

Printed, from the same run:

- HTTP: writes a second (all devices together) and the latency per write, p50, p95, p99
  and max;
- baseline: the same writes, in the same order, through ``Desk.record_score`` in-process
  (no HTTP, no loop, one after another) on a copy of the same database taken before the
  first write;
- the longest gap of a 5 ms asyncio ticker running on the server's loop during the load
  (in the application the server shares the GUI's qasync loop, so this is how long the
  GUI would freeze), and the same ticker's longest gap over an idle second just before.
  By default the loop also runs what the console does when told of device writes (a
  whole read of the session, as ``ctx.reload()``); ``--no-console`` leaves it out.

Targets (issue 14): p99 under 50 ms with 50 devices, and no stall over 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TICK_S = 0.005


def percentile(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))]


# ---------------------------------------------------------------------- the server process


async def serve(db: Path, sid: str, console: bool) -> None:
    """The server process: pairs every juror who can score, prints the port and the
    tokens as one JSON line, then answers MARK (reset the ticker's longest gap), GAP
    (print it, in ms) and QUIT on stdin. With ``console``, the hub's ``on_write`` reads
    the whole session on the loop, as the console's refresh does in the application
    (``DevicesController._device_wrote``: ``ctx.reload()``)."""
    from jury_desk.core.devices import JurorDevices
    from jury_desk.core.services import Desk
    from jury_desk.devserver import DeviceServer

    loop = asyncio.get_running_loop()
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="db-writer")
    desk = Desk(db)
    hub = JurorDevices(desk, sid, lambda fn: loop.run_in_executor(pool, fn))
    await hub.reload()
    if console:

        def console_refresh(_dossier: str) -> None:
            desk.state(sid)  # what ctx.reload() does on the GUI's loop

        hub.on_write = console_refresh
    server = DeviceServer(hub)
    config = await server.start("127.0.0.1", 0)
    did = hub.current_dossier_id()
    tokens = {j.id: hub.pair(j.id) for j in hub.state.jurors if hub.cannot_score(j.id, did) is None}
    longest = 0.0

    async def ticker() -> None:
        nonlocal longest
        last = time.perf_counter()
        while True:
            await asyncio.sleep(TICK_S)
            now = time.perf_counter()
            longest = max(longest, now - last)
            last = now

    tick = asyncio.ensure_future(ticker())
    print(json.dumps({"port": config.port, "dossier": did, "tokens": tokens}), flush=True)
    try:
        while True:
            line = (await loop.run_in_executor(None, sys.stdin.readline)).strip()
            if line == "MARK":
                longest = 0.0
                print("OK", flush=True)
            elif line == "GAP":
                print(f"{longest * 1000:.3f}", flush=True)
            else:  # QUIT or the end of stdin
                break
    finally:
        tick.cancel()
        await server.stop()
        pool.shutdown(wait=True)
        desk.close()


# ---------------------------------------------------------------------- the devices


@dataclass
class Plan:
    """Who writes what: per round, per juror, the (criterion, value) written in turn."""

    sid: str
    dossier: str
    rounds: list[dict[str, list[tuple[str, str]]]]

    def writes(self) -> int:
        return sum(len(w) for r in self.rounds for w in r.values())


def make_plan(db: Path, sid: str, jurors: list[str], runs: int) -> Plan:
    from jury_desk.core.domain import decimal_text
    from jury_desk.core.services import Desk

    desk = Desk(db)
    try:
        st = desk.state(sid)
        did = st.current_dossier_id
        assert did is not None
        rounds = []
        for r in range(runs):
            rounds.append(
                {
                    jid: [
                        (
                            c.id,
                            decimal_text(c.allowed_values()[(r + k + i) % len(c.allowed_values())]),
                        )
                        for k, c in enumerate(st.criteria)
                    ]
                    for i, jid in enumerate(jurors)
                }
            )
    finally:
        desk.close()
    return Plan(sid, did, rounds)


@dataclass
class Load:
    latencies_ms: list[float] = field(default_factory=list)
    walls_s: list[float] = field(default_factory=list)
    stalls_ms: list[float] = field(default_factory=list)
    idle_ms: list[float] = field(default_factory=list)
    refused: int = 0


class Server:
    """The server process, driven line by line."""

    def __init__(self, db: Path, sid: str, console: bool) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, __file__, "--serve", str(db), sid, "console" if console else "-"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        hello = json.loads(self._line())
        self.port: int = hello["port"]
        self.dossier: str = hello["dossier"]
        self.tokens: dict[str, str] = hello["tokens"]

    def _line(self) -> str:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"the server process ended ({self.proc.wait()})")
        return line.strip()

    def ask(self, command: str) -> str:
        assert self.proc.stdin is not None
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        return self._line()

    def close(self) -> None:
        if self.proc.poll() is None:
            assert self.proc.stdin is not None
            self.proc.stdin.write("QUIT\n")
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


async def drive(server: Server, plan: Plan) -> Load:
    import aiohttp

    origin = f"http://127.0.0.1:{server.port}"
    load = Load()
    jurors = list(plan.rounds[0])
    sessions = {
        jid: aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(local_addr=(f"127.0.{1 + i // 250}.{1 + i % 250}", 0))
        )
        for i, jid in enumerate(jurors)
    }

    async def device(jid: str, writes: list[tuple[str, str]]) -> None:
        http = sessions[jid]
        headers = {
            "Authorization": f"Bearer {server.tokens[jid]}",
            "Content-Type": "application/json",
            "Origin": origin,
        }
        for cid, value in writes:
            body = json.dumps(
                {
                    "dossier_id": plan.dossier,
                    "criterion_id": cid,
                    "value": value,
                    "key": uuid.uuid4().hex,
                }
            )
            t0 = time.perf_counter()
            async with http.put(origin + "/api/score", data=body, headers=headers) as r:
                answer = await r.json()
            load.latencies_ms.append((time.perf_counter() - t0) * 1000)
            if r.status != 200 or not answer.get("saved"):
                load.refused += 1

    try:
        # one connection per device, opened before the clock starts, as a phone keeps it
        for jid, http in sessions.items():
            async with http.get(
                origin + "/api/sheet", headers={"Authorization": f"Bearer {server.tokens[jid]}"}
            ) as r:
                assert r.status == 200, (jid, r.status)
        for writes in plan.rounds:
            server.ask("MARK")
            await asyncio.sleep(1.0)  # an idle second: the ticker's own jitter
            load.idle_ms.append(float(server.ask("GAP")))
            server.ask("MARK")
            t0 = time.perf_counter()
            await asyncio.gather(*(device(jid, w) for jid, w in writes.items()))
            load.walls_s.append(time.perf_counter() - t0)
            load.stalls_ms.append(float(server.ask("GAP")))
    finally:
        for http in sessions.values():
            await http.close()
    return load


def baseline(db: Path, plan: Plan) -> tuple[list[float], float]:
    """The same writes through Desk.record_score in-process: latencies (ms), wall (s)."""
    from jury_desk.core.services import Desk

    desk = Desk(db)
    lat: list[float] = []
    try:
        t_all = time.perf_counter()
        for writes in plan.rounds:
            for jid, items in writes.items():
                actor = f"juré:{jid}/appareil:banc"
                for cid, value in items:
                    t0 = time.perf_counter()
                    desk.record_score(plan.sid, plan.dossier, jid, cid, value, actor)
                    lat.append((time.perf_counter() - t0) * 1000)
        wall = time.perf_counter() - t_all
    finally:
        desk.close()
    return lat, wall


# ---------------------------------------------------------------------- sessions


def demo_session(folder: Path) -> tuple[Path, str]:
    from jury_desk.core.services import Desk

    folder.mkdir(parents=True, exist_ok=True)
    desk = Desk(folder / "devices.sqlite3")
    sid = desk.import_demo().session_id
    _pick_dossier(desk, sid)
    desk.close()
    return folder / "devices.sqlite3", sid


def large_session(folder: Path, jurors: int) -> tuple[Path, str]:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from sessions import build

    desk, sid, _ = build(folder, 12, jurors=jurors, criteria=5, scores=False)
    _pick_dossier(desk, sid)
    desk.close()
    return folder / "bench.sqlite3", sid


def _pick_dossier(desk: Any, sid: str) -> None:
    """The dossier heard: the first one that the most jurors can score."""
    st = desk.state(sid)

    def scorers(did: str) -> int:
        return sum(1 for j in st.jurors if j.id in st.present and st.recusal(j.id, did) is None)

    best = max(st.dossiers, key=lambda d: (scorers(d.id), -d.hearing_order))
    desk.set_current_dossier(sid, best.id)


# ---------------------------------------------------------------------- main


def measure(base: Path, size: int, runs: int, console: bool) -> str:
    folder = base / f"size-{size}"
    if size == 7:
        db, sid = demo_session(folder)
        what = "the demonstration session"
    else:
        db, sid = large_session(folder, size)
        what = f"a session of {size} jurors"
    copy = folder / "baseline.sqlite3"
    shutil.copy(db, copy)  # closed, checkpointed: the same state for the baseline
    server = Server(db, sid, console)
    try:
        plan = make_plan(db, sid, sorted(server.tokens), runs)
        load = asyncio.run(drive(server, plan))
    finally:
        server.close()
    base_lat, base_wall = baseline(copy, plan)

    n = plan.writes()
    devices = len(plan.rounds[0])
    lat = load.latencies_ms
    rate = n / sum(load.walls_s)
    base_rate = n / base_wall
    print(
        f"{devices} devices ({what}, dossier {plan.dossier}), {len(plan.rounds[0][next(iter(plan.rounds[0]))])} "
        f"criteria each, {runs} rounds: {n} writes"
    )
    print(
        f"  HTTP, all devices at once : {rate:8.0f} writes/s   p50 {statistics.median(lat):6.2f} ms"
        f"   p95 {percentile(lat, 95):6.2f} ms   p99 {percentile(lat, 99):6.2f} ms"
        f"   max {max(lat):6.2f} ms   refused {load.refused}"
    )
    print(
        f"  Desk.record_score, in-process: {base_rate:5.0f} writes/s   p50 "
        f"{statistics.median(base_lat):6.2f} ms   p95 {percentile(base_lat, 95):6.2f} ms"
        f"   p99 {percentile(base_lat, 99):6.2f} ms   max {max(base_lat):6.2f} ms"
    )
    print(
        f"  server loop, 5 ms ticker: longest gap under load {max(load.stalls_ms):6.2f} ms"
        f" (median of rounds {statistics.median(load.stalls_ms):.2f} ms);"
        f" idle, same run {max(load.idle_ms):.2f} ms"
    )
    verdict = (
        "met"
        if percentile(lat, 99) < 50 and max(load.stalls_ms) <= 50 and load.refused == 0
        else "MISSED"
    )
    return (
        f"{devices:2d} devices: {rate:.0f} writes/s (Desk in-process {base_rate:.0f}/s), "
        f"ack p50 {statistics.median(lat):.1f} ms p95 {percentile(lat, 95):.1f} ms "
        f"p99 {percentile(lat, 99):.1f} ms (Desk p50 {statistics.median(base_lat):.2f} ms "
        f"p99 {percentile(base_lat, 99):.2f} ms), longest loop stall {max(load.stalls_ms):.1f} ms "
        f"(idle {max(load.idle_ms):.1f} ms); target p99 < 50 ms, stall <= 50 ms: {verdict}"
    )


def main() -> int:
    if len(sys.argv) == 5 and sys.argv[1] == "--serve":
        asyncio.run(serve(Path(sys.argv[2]), sys.argv[3], sys.argv[4] == "console"))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="rounds of writes per size")
    parser.add_argument("--sizes", type=int, nargs="+", default=[7, 50])
    parser.add_argument(
        "--no-console",
        action="store_true",
        help="the server alone: no emulated console refresh on the loop after writes",
    )
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="jd-bench-devices-"))
    os.environ["JURY_DESK_DATA_DIR"] = str(base / "data")
    os.environ["JURY_DESK_CONFIG_DIR"] = str(base / "config")
    try:
        print(
            "The server's loop "
            + (
                "alone (--no-console)"
                if args.no_console
                else "also runs the console's refresh after device writes, as in the app"
            )
        )
        summaries = [measure(base, size, args.runs, not args.no_console) for size in args.sizes]
    finally:
        shutil.rmtree(base, ignore_errors=True)
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    print(f"Summary (machine load average at the end: {load}; {os.cpu_count()} cores)")
    for line in summaries:
        print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
