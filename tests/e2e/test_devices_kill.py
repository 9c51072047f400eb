"""SIGKILL of the juror-device server while seven devices write (issue 14).

The real server runs in a process of its own (``device_server.py``: the database, the
single writer thread, :class:`~jury_desk.devserver.DeviceServer` on 127.0.0.1). Seven
aiohttp client sessions, one per paired juror and each from its own loopback address (a
phone has its own), write their sheets at once, each in
turn as the page's queue does, every write with its idempotency key. Once
``KILL_AFTER`` writes have been acknowledged, the test sends SIGKILL to the server,
whatever it is doing.

Then a fresh :class:`Desk` opens the file: every acknowledged value is there with its
audit entry (the device as its actor, the key in its data), at most the one write each
device had in flight is there besides, the score table is the last committed value of
each cell, and the audit chain verifies.

Then the server starts again (new tokens: tokens die with the server) and every device
sends again, with the same keys, every write it had not seen acknowledged, and every
write it had (answers lost on the way: the strongest case of a retry). Writes that
reached the database before the kill answer ``replayed`` and are not written again: each
key appears exactly once in the audit log, and the table holds each cell's last value.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from sqlalchemy import text

from jury_desk.core import audit
from jury_desk.core.domain import decimal_text
from jury_desk.core.services import Desk

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PASSES = 5  # each device writes every criterion this many times, with a new value each time
KILL_AFTER = 60  # acknowledged writes before the SIGKILL (of 7 x 5 x 5 = 175)

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"),
    reason="SIGKILL, and 127.0.0.x source addresses for one address per device (Linux)",
)


@dataclass
class Write:
    juror: str
    criterion: str
    value: str
    key: str


@dataclass
class Device:
    juror: str
    address: str
    writes: list[Write]
    acked: int = 0  # writes[:acked] were answered "saved"
    in_flight: int | None = None  # index of the write sent and never answered
    answers: list[dict[str, Any]] = field(default_factory=list)


class ServerProcess:
    def __init__(self, db: Path, sid: str, folder: Path, name: str) -> None:
        self.info_path = folder / f"{name}.json"
        self._stderr = open(folder / f"{name}.stderr", "w", encoding="utf-8")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [sys.executable, str(HERE / "device_server.py"), str(db), sid, str(self.info_path)],
            stdout=subprocess.DEVNULL,
            stderr=self._stderr,
            cwd=ROOT,
        )
        deadline = time.monotonic() + 60
        while not self.info_path.exists():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.close()
                raise AssertionError(
                    "the device server did not start:\n"
                    + (folder / f"{name}.stderr").read_text(encoding="utf-8")
                )
            time.sleep(0.05)
        info = json.loads(self.info_path.read_text(encoding="utf-8"))
        assert info["pid"] == self.proc.pid
        self.origin = f"http://127.0.0.1:{info['port']}"
        self.dossier: str = info["dossier"]
        self.tokens: dict[str, str] = info["tokens"]

    def kill(self) -> None:
        os.kill(self.proc.pid, signal.SIGKILL)

    def close(self) -> int:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        code = self.proc.wait()
        self._stderr.close()
        return code


def plan(desk: Desk, sid: str, jurors: list[str]) -> list[Device]:
    st = desk.state(sid)
    devices = []
    for i, jid in enumerate(jurors):
        writes = []
        for p in range(PASSES):
            for k, c in enumerate(st.criteria):
                allowed = c.allowed_values()
                value = decimal_text(allowed[(p + k + i) % len(allowed)])  # differs each pass
                writes.append(Write(jid, c.id, value, f"kill-{jid}-{len(writes):03d}"))
        devices.append(Device(jid, f"127.0.0.{2 + i}", writes))
    return devices


async def send(
    server: ServerProcess, devices: list[Device], todo: dict[str, list[int]], kill_after: int | None
) -> None:
    """Each device sends its writes ``todo[juror]`` in order, all devices at once; with
    ``kill_after``, SIGKILL the server once that many were acknowledged in all."""
    acked_total = 0
    timeout = aiohttp.ClientTimeout(total=60)

    async def device(dev: Device, http: aiohttp.ClientSession) -> None:
        nonlocal acked_total
        headers = {
            "Authorization": f"Bearer {server.tokens[dev.juror]}",
            "Content-Type": "application/json",
            "Origin": server.origin,
        }
        for n in todo[dev.juror]:
            w = dev.writes[n]
            body = {
                "dossier_id": server.dossier,
                "criterion_id": w.criterion,
                "value": w.value,
                "key": w.key,
            }
            dev.in_flight = n
            try:
                async with http.put(
                    server.origin + "/api/score", data=json.dumps(body), headers=headers
                ) as r:
                    answer = await r.json()
                    status = r.status
            except (TimeoutError, aiohttp.ClientError):
                assert kill_after is not None, f"{dev.juror}: write {n} failed without a kill"
                return  # the server is gone; writes from `n` on were never acknowledged
            assert status == 200 and answer["saved"] is True, (dev.juror, n, status, answer)
            assert answer["value"] == w.value and answer["criterion_id"] == w.criterion
            dev.in_flight = None
            dev.answers.append({"n": n, **answer})
            if kill_after is None:
                continue
            dev.acked = n + 1
            acked_total += 1
            if acked_total == kill_after:
                server.kill()

    sessions = [
        aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(local_addr=(dev.address, 0), force_close=False),
            timeout=timeout,
        )
        for dev in devices
    ]
    try:
        await asyncio.gather(*(device(d, s) for d, s in zip(devices, sessions, strict=True)))
    finally:
        for s in sessions:
            await s.close()


def check_database(db: Path, sid: str) -> tuple[dict[tuple[str, str, str], Any], list[dict]]:
    """Integrity, the whole audit chain; returns (scores, entries) read by a fresh Desk."""
    desk = Desk(db)
    try:
        with desk.engine.connect() as conn:
            assert conn.execute(text("PRAGMA integrity_check")).scalars().all() == ["ok"]
        entries = desk.audit_entries(sid)
        chain = audit.verify_chain(entries)
        assert chain.ok, chain
        assert desk.state(sid).audit_head == entries[-1]["hash"]
        return desk.state(sid).scores, entries
    finally:
        desk.close()


def keyed(entries: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for e in entries:
        key = e["data"].get("request_key")
        if key is not None:
            out.setdefault(key, []).append(e)
    return out


def expected_table(
    devices: list[Device], dossier: str, committed: dict[str, set[int]]
) -> dict[tuple[str, str, str], str]:
    out = {}
    for dev in devices:
        for n, w in enumerate(dev.writes):
            if n in committed[dev.juror]:
                out[(dossier, dev.juror, w.criterion)] = w.value
    return out


def test_sigkill_while_devices_write_loses_no_acknowledged_value_and_retries_write_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "devices.sqlite3"
    desk = Desk(db)
    sid = desk.import_demo().session_id
    st = desk.state(sid)
    heard = next(
        d.id for d in st.dossiers if all(st.recusal(j.id, d.id) is None for j in st.jurors)
    )
    desk.set_current_dossier(sid, heard)
    devices = plan(desk, sid, [j.id for j in st.jurors])
    desk.close()

    # -- 1. seven devices write; SIGKILL once KILL_AFTER writes are acknowledged
    server = ServerProcess(db, sid, tmp_path, "first")
    try:
        assert sorted(server.tokens) == [d.juror for d in devices] and server.dossier == heard
        everything = {d.juror: list(range(len(d.writes))) for d in devices}
        asyncio.run(send(server, devices, everything, KILL_AFTER))
    finally:
        code = server.close()
    assert code == -signal.SIGKILL
    acknowledged = sum(d.acked for d in devices)
    assert acknowledged >= KILL_AFTER
    assert acknowledged < sum(len(d.writes) for d in devices)  # killed mid-stream

    # -- 2. a fresh Desk: every acknowledged value is there, with its audit entry
    scores, entries = check_database(db, sid)
    by_key = keyed(entries)
    committed: dict[str, set[int]] = {}
    for dev in devices:
        for n in range(dev.acked):
            w = dev.writes[n]
            [entry] = by_key.get(w.key, [None])  # exactly one entry per acknowledged key
            assert entry is not None, f"acknowledged write {w.key} lost"
            assert entry["action"] in ("score.set", "score.correct")
            assert entry["actor"].startswith(f"juré:{dev.juror}/appareil:")
            assert (entry["data"]["juror_id"], entry["data"]["dossier_id"]) == (dev.juror, heard)
            assert (entry["data"]["criterion_id"], entry["data"]["value"]) == (w.criterion, w.value)
        done = {n for n, w in enumerate(dev.writes) if w.key in by_key}
        # nothing but the acknowledged writes and, at most, the one in flight at the kill
        assert set(range(dev.acked)) <= done <= set(range(dev.acked)) | {dev.in_flight}
        committed[dev.juror] = done
    keyed_entries = [e for es in by_key.values() for e in es]
    assert len(keyed_entries) == sum(len(c) for c in committed.values())
    assert {k: decimal_text(v) for k, v in scores.items()} == expected_table(
        devices, heard, committed
    )
    committed_unacked = sum(len(committed[d.juror]) - d.acked for d in devices)

    # -- 3. the server again; every device sends everything again, with the same keys
    server = ServerProcess(db, sid, tmp_path, "second")
    try:
        for dev in devices:
            dev.answers.clear()
        asyncio.run(send(server, devices, everything, None))
    finally:
        assert server.close() == 0  # SIGTERM: a clean stop
    for dev in devices:
        replayed = {a["n"] for a in dev.answers if a.get("replayed")}
        assert replayed == committed[dev.juror], dev.juror  # written before the kill: not again
    scores, entries = check_database(db, sid)
    by_key = keyed(entries)
    every_key = [w.key for d in devices for w in d.writes]
    assert sorted(by_key) == sorted(every_key)  # each write is in the log…
    twice = [k for k, es in by_key.items() if len(es) != 1]
    assert not twice, f"written twice: {twice}"  # …once
    everything_done = {d.juror: set(range(len(d.writes))) for d in devices}
    assert {k: decimal_text(v) for k, v in scores.items()} == expected_table(
        devices, heard, everything_done
    )
    with capsys.disabled():
        print(
            f"\ndevices kill: acknowledged={acknowledged} committed_without_ack="
            f"{committed_unacked} resent={len(every_key)} written_again=0"
        )
