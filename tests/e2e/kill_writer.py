"""Score writer for the kill harness (tests/e2e/test_kill_harness.py).

Run as ``python kill_writer.py DB SESSION_ID``. It imports jury_desk once, then reads
commands on stdin:

- ``RUN <n>``: forks a writer process, prints ``PID <pid>``, and waits for it. The
  writer opens its own :class:`Desk` on DB and records scores through
  ``Desk.record_score``, write ``n``, ``n + 1``, … of :func:`write_at`, forever;
  after each call returns it prints ``ACK <dossier> <juror> <criterion> <value> <n>``
  and flushes. When the writer ends (the test kills it with SIGKILL), this process
  prints ``DONE <pid> <status>``.
- ``QUIT``: exits.

Forking a process that has already imported everything saves the 1.2 s that a fresh
interpreter spends importing sqlmodel and the rest, which would make 200 kills too
slow for CI. The parent never opens the database, so no SQLite connection crosses a
fork; each writer is a separate process with its own connection and file handles,
which SIGKILL ends as abruptly as a crash.

The sequence of writes is a pure function of ``n`` and the session, shared with the
test: it cycles over every (dossier, juror, criterion) where the juror is not recused,
and each pass gives every triple a different value than the pass before, so a lost
write always shows.
"""

from __future__ import annotations

import os
import sys
from fractions import Fraction
from pathlib import Path
from typing import Any

Triple = tuple[str, str, str]


def triples(state: Any) -> list[tuple[Triple, list[Fraction]]]:
    """Every scorable (dossier, juror, criterion) with the criterion's allowed values."""
    recused = {(r.juror_id, r.dossier_id) for r in state.recusals}
    out: list[tuple[Triple, list[Fraction]]] = []
    for d in state.dossiers:
        for j in state.jurors:
            if (j.id, d.id) in recused or j.id not in state.present:
                continue
            for c in state.criteria:
                out.append(((d.id, j.id, c.id), c.allowed_values()))
    return out


def write_at(plan: list[tuple[Triple, list[Fraction]]], n: int) -> tuple[Triple, Fraction]:
    """The n-th write of the sequence (0-based)."""
    size = len(plan)
    index, lap = n % size, n // size
    triple, allowed = plan[index]
    return triple, allowed[(lap + index) % len(allowed)]


def _writer(
    db: Path, session_id: str, plan: list[tuple[Triple, list[Fraction]]], start: int
) -> None:
    from jury_desk.core.domain import decimal_text
    from jury_desk.core.services import Desk

    desk = Desk(db)
    out = sys.stdout
    n = start
    while True:
        (d, j, c), value = write_at(plan, n)
        text = decimal_text(value)
        desk.record_score(session_id, d, j, c, text)
        out.write(f"ACK {d} {j} {c} {text} {n}\n")
        out.flush()
        n += 1


def main(argv: list[str]) -> int:
    db, session_id = Path(argv[0]), argv[1]
    from jury_desk.core.services import Desk

    desk = Desk(db)
    plan = triples(desk.state(session_id))
    desk.close()  # nothing of SQLite is open across the fork below
    print(f"READY {len(plan)}", flush=True)
    for line in sys.stdin:
        cmd = line.split()
        if not cmd:
            continue
        if cmd[0] == "QUIT":
            return 0
        if cmd[0] != "RUN":
            print(f"ERROR unknown command {cmd[0]}", flush=True)
            continue
        start = int(cmd[1])
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:  # the writer
            code = 0
            try:
                _writer(db, session_id, plan, start)
            except BaseException as exc:
                print(f"writer failed: {exc!r}", file=sys.stderr, flush=True)
                code = 3
            os._exit(code)
        print(f"PID {pid}", flush=True)
        _, status = os.waitpid(pid, 0)
        print(f"DONE {pid} {status}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
