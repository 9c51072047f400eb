"""Kill harness: SIGKILL a process that is recording scores, 200 times, and check
that every write it acknowledged is in the database, whole.

One database file is used across all kills, so its history grows. After each kill a
new :class:`Desk` opens the file and checks:

- ``PRAGMA integrity_check`` is ``ok``;
- the score table equals the sequence of writes up to the last committed one, where
  the committed writes are every acknowledged write plus, at most, the one write that
  was in flight (it may have committed before the kill without printing its ACK):
  no acknowledged write is lost, and nothing else is there;
- the audit chain verifies, and holds exactly one entry per committed write plus the
  import's: ``audit.verify_chain`` over every entry after every tenth kill and the last,
  and in between the hash and link of each entry added since the last check (a full
  pass after each of the 200 kills is quadratic and would take a minute of CI alone).

The summary line (kills, acknowledged writes, writes lost) is printed outside pytest's
capture and written to ``kill-harness-summary.txt`` in the test's tmp folder.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from jury_desk.core import audit
from jury_desk.core.domain import decimal_text
from jury_desk.core.services import Desk
from tests.e2e import kill_writer

KILLS = int(os.environ.get("JURY_DESK_KILLS", "200"))
SEED = 20260618
FULL_CHAIN_EVERY = 10  # audit.verify_chain over every entry; the kills between check the new links
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not hasattr(os, "fork") or not hasattr(signal, "SIGKILL"),
        reason="the kill harness needs fork() and SIGKILL (POSIX)",
    ),
]


class Writer:
    """The kill_writer.py process, driven line by line."""

    def __init__(self, db: Path, session_id: str, stderr_path: Path) -> None:
        self._stderr = open(stderr_path, "w", encoding="utf-8")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [sys.executable, str(HERE / "kill_writer.py"), str(db), session_id],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            text=True,
            bufsize=1,
            cwd=ROOT,
        )
        self.stderr_path = stderr_path
        self.child: int | None = None  # the writer child currently running
        first = self._line()
        assert first.startswith("READY "), first

    def _line(self) -> str:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise AssertionError("kill_writer ended unexpectedly:\n" + self.stderr_path.read_text())
        return line.rstrip("\n")

    def run_and_kill(self, start: int, delay_s: float) -> list[list[str]]:
        """Start a writer at write ``start``; SIGKILL it ``delay_s`` after its first ACK.
        Returns every ACK line it printed, split."""
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"RUN {start}\n")
        self.proc.stdin.flush()
        head = self._line()
        assert head.startswith("PID "), head
        pid = self.child = int(head.split()[1])
        acks: list[list[str]] = []
        line = self._line()
        assert line.startswith("ACK "), line + "\n" + self.stderr_path.read_text()
        acks.append(line.split())
        time.sleep(delay_s)
        os.kill(pid, signal.SIGKILL)
        while True:
            line = self._line()
            if line.startswith("DONE "):
                status = int(line.split()[2])
                self.child = None
                assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, line
                return acks
            assert line.startswith("ACK "), line
            acks.append(line.split())

    def close(self) -> None:
        """Stop the writer (and, after a failed check, a writer child still running)."""
        if self.child is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.child, signal.SIGKILL)
        if self.proc.poll() is None:
            try:
                assert self.proc.stdin is not None
                self.proc.stdin.write("QUIT\n")
                self.proc.stdin.flush()
                self.proc.wait(timeout=30)
            except (OSError, subprocess.TimeoutExpired):
                self.proc.kill()
                self.proc.wait(timeout=30)
        self._stderr.close()


def tail_entries(desk: Desk, session_id: str, after_seq: int) -> list[dict[str, Any]]:
    """Audit entries with ``seq > after_seq`` (plain SQL: the history grows to 15,000)."""
    with desk.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT seq, at, actor, action, data, prev, hash FROM audit "
                "WHERE session_id = :sid AND seq > :after ORDER BY seq"
            ),
            {"sid": session_id, "after": after_seq},
        ).all()
    return [
        {
            "seq": r[0],
            "at": r[1],
            "actor": r[2],
            "action": r[3],
            "data": json.loads(r[4]),
            "prev": r[5],
            "hash": r[6],
        }
        for r in rows
    ]


def expected_scores(
    plan: list[tuple[tuple[str, str, str], list[Fraction]]], committed: int
) -> dict[tuple[str, str, str], Fraction]:
    """The score table after writes 0 .. committed-1 of the sequence."""
    out: dict[tuple[str, str, str], Fraction] = {}
    size = len(plan)
    for index in range(min(committed, size)):
        last = index + ((committed - 1 - index) // size) * size  # last n with n % size == index
        triple, value = kill_writer.write_at(plan, last)
        out[triple] = value
    return out


def test_sigkill_during_score_writes_loses_no_acknowledged_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "kill.sqlite3"
    desk = Desk(db)
    session_id = desk.import_demo().session_id
    plan = kill_writer.triples(desk.state(session_id))
    import_entries = len(desk.audit_entries(session_id))
    assert import_entries == 1
    desk.close()

    rng = random.Random(SEED)
    writer = Writer(db, session_id, tmp_path / "kill_writer.stderr")
    committed = 0  # writes 0 .. committed-1 of the sequence are in the database
    acknowledged = lost = unacked_committed = integrity_ok = full_checks = 0
    verified_seq, verified_head = 0, audit.GENESIS
    try:
        for kill in range(KILLS):
            delay = rng.uniform(0.005, 0.150)
            acks = writer.run_and_kill(committed, delay)
            # The ACKs are exactly writes committed .. committed + len(acks) - 1, in order.
            for offset, ack in enumerate(acks):
                n = committed + offset
                (d, j, c), value = kill_writer.write_at(plan, n)
                assert ack[1:] == [d, j, c, decimal_text(value), str(n)], (kill, ack)
            acked_end = committed + len(acks)
            acknowledged += len(acks)

            check = Desk(db)
            try:
                with check.engine.connect() as conn:
                    result = conn.execute(text("PRAGMA integrity_check")).scalars().all()
                assert result == ["ok"], (kill, result)
                integrity_ok += 1
                scores = check.state(session_id).scores
                # Was the write in flight at the kill committed? Its value differs from the
                # one before it for that triple, so the table tells.
                (d, j, c), in_flight_value = kill_writer.write_at(plan, acked_end)
                in_flight = scores.get((d, j, c)) == in_flight_value
                now_committed = acked_end + (1 if in_flight else 0)
                expected = expected_scores(plan, now_committed)
                if scores != expected:
                    missing = {k: v for k, v in expected.items() if scores.get(k) != v}
                    lost += len(missing)
                    pytest.fail(
                        f"kill {kill}: {len(missing)} acknowledged write(s) lost or wrong: "
                        f"{sorted(missing.items())[:5]}"
                    )
                if kill % FULL_CHAIN_EVERY == 0 or kill == KILLS - 1:
                    entries = check.audit_entries(session_id)
                    chain = audit.verify_chain(entries)
                    assert chain.ok, (kill, chain)
                    full_checks += 1
                else:  # the prefix was verified before: verify the new entries' links
                    entries = tail_entries(check, session_id, verified_seq)
                    link_head = verified_head
                    for e in entries:
                        assert e["seq"] == verified_seq + 1 and e["prev"] == link_head, (
                            kill,
                            e["seq"],
                        )
                        assert audit.entry_hash(e) == e["hash"], (kill, e["seq"])
                        verified_seq, link_head = e["seq"], e["hash"]
                    assert check.state(session_id).audit_head == link_head
                verified_seq, verified_head = entries[-1]["seq"], entries[-1]["hash"]
                assert verified_seq == now_committed + import_entries, (
                    kill,
                    verified_seq,
                    now_committed,
                )
                last = entries[-1]["data"]
                if now_committed:
                    (d, j, c), value = kill_writer.write_at(plan, now_committed - 1)
                    assert (
                        last["dossier_id"],
                        last["juror_id"],
                        last["criterion_id"],
                        last["value"],
                    ) == (d, j, c, decimal_text(value))
            finally:
                check.close()
            unacked_committed += 1 if in_flight else 0
            committed = now_committed
    finally:
        writer.close()

    summary = (
        f"kill harness: kills={KILLS} acknowledged_writes={acknowledged} writes_lost={lost} "
        f"committed_without_ack={unacked_committed} integrity_ok={integrity_ok}/{KILLS} "
        f"audit_entries={committed + import_entries} chain=ok (full verify_chain {full_checks} times) "
        f"seed={SEED}"
    )
    out = tmp_path / "kill-harness-summary.txt"
    out.write_text(summary + "\n", encoding="utf-8")
    with capsys.disabled():
        print(f"\n{summary}\n(summary written to {out})")
    assert lost == 0
    assert acknowledged >= KILLS
