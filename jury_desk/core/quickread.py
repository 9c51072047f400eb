"""A light, read-only path to a session: plain ``sqlite3`` on the database file, no ORM.

The GUI's first frame and the read-only commands (``results``, ``scores export``) only
*show* a session. Reading it through :class:`jury_desk.core.services.Desk` costs the
import of SQLAlchemy, sqlmodel and pydantic (about 0.3 s, far more than the read
itself); this module reads the same rows with the standard library and returns the
same :class:`~jury_desk.core.state.SessionState` as ``Desk.state`` (a test compares the
two on the same file).

It never writes: the file is opened with ``mode=ro``. When the file is missing, is not
a jury_desk database, or has a schema version this module was not written for (a
migration to run, a newer application), :func:`open_readonly` returns ``None`` and the
caller goes through ``Desk``, which migrates or refuses with its own message.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from fractions import Fraction
from pathlib import Path
from typing import Any

from jury_desk.core import paths
from jury_desk.core.domain import (
    Attachment,
    Conflict,
    Criterion,
    Dossier,
    HolderKind,
    Juror,
    LaureateDecision,
    RecusalKind,
    RecusalSource,
    Role,
    Rules,
    SessionInfo,
    Timer,
    to_fraction,
)
from jury_desk.core.errors import UserError
from jury_desk.core.state import Hearing, Recusal, SessionState

# The schema this reader was written for: ``jury_desk.core.storage.SCHEMA_VERSION``
# (a test keeps the two equal, so a migration cannot leave this reader behind).
SCHEMA_VERSION = 3
GENESIS = "0" * 64  # ``jury_desk.core.audit.GENESIS``: the head of an empty chain


def open_readonly(path: Path) -> sqlite3.Connection | None:
    """A read-only connection, or None when ``Desk`` must handle the file."""
    path = Path(path)
    if not path.is_file():
        return None
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        con.execute("PRAGMA busy_timeout=5000")
        version = con.execute("PRAGMA user_version").fetchone()[0]
        if version != SCHEMA_VERSION:
            con.close()
            return None
    except sqlite3.Error:
        con.close()
        return None
    return con


@contextmanager
def snapshot(con: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One read transaction: every row read inside comes from the same commit (WAL)."""
    con.execute("BEGIN")
    try:
        yield con
    finally:
        con.execute("COMMIT")


def resolve(con: sqlite3.Connection, db_name: str, session_id: str | None = None) -> str:
    """The named session, or the most recently imported one (``Desk.resolve``'s rule and
    refusals)."""
    if session_id:
        if con.execute("SELECT 1 FROM session WHERE id = ?", (session_id,)).fetchone() is None:
            raise UserError(
                "unknown_session",
                key="unknown_session_in",
                params={"session": session_id, "db": db_name},
            )
        return session_id
    row = con.execute("SELECT id FROM session ORDER BY imported_at DESC LIMIT 1").fetchone()
    if row is None:
        raise UserError("no_session", params={"db": db_name})
    return str(row[0])


def has_running_timer(con: sqlite3.Connection, sid: str) -> bool:
    """A timer was running when the application stopped (``recovery.settle_interrupted``
    has something to write before the session is shown)."""
    closed = con.execute(
        "SELECT closed_at FROM deliberation WHERE session_id = ?", (sid,)
    ).fetchone()
    if closed is not None and closed[0] is not None:
        return False
    row = con.execute(
        "SELECT 1 FROM hearing WHERE session_id = ? AND running_since IS NOT NULL "
        "AND running_since != '' LIMIT 1",
        (sid,),
    ).fetchone()
    return row is not None


def read_state(con: sqlite3.Connection, sid: str) -> SessionState:
    """The whole session, as ``Desk.state(sid)`` reads it, in one read transaction."""
    with snapshot(con):
        return _read(con, sid)


def _read(con: sqlite3.Connection, sid: str) -> SessionState:
    q = con.execute
    srow = q(
        "SELECT id, title, edition, date, venue, quorum, min_sheets, min_score, "
        "envelope_cents, max_laureates, presentation_s, questions_s, warning_s, "
        "sd_threshold, range_threshold, manifest_sha256, is_demo, blind, revealed, "
        "current_dossier_id, attendance_taken FROM session WHERE id = ?",
        (sid,),
    ).fetchone()
    if srow is None:
        raise UserError("unknown_session", params={"session": sid})
    (
        _,
        title,
        edition,
        date,
        venue,
        quorum,
        min_sheets,
        min_score,
        envelope,
        max_laureates,
        presentation_s,
        questions_s,
        warning_s,
        sd_threshold,
        range_threshold,
        manifest_sha256,
        is_demo,
        blind,
        revealed,
        current,
        attendance_taken,
    ) = srow
    info = SessionInfo(
        sid,
        title,
        edition,
        date,
        venue,
        Rules(quorum, min_sheets, to_fraction(min_score), envelope, max_laureates),
        Timer(presentation_s, questions_s, warning_s),
    )
    criteria = tuple(
        Criterion(i, label, desc, to_fraction(w), to_fraction(lo), to_fraction(hi), to_fraction(st))
        for i, label, desc, w, lo, hi, st in q(
            "SELECT id, label, description, weight, min, max, step FROM criterion "
            "WHERE session_id = ? ORDER BY position",
            (sid,),
        )
    )
    jurors = tuple(
        Juror(i, name, Role(role), org, commune)
        for i, name, role, org, commune in q(
            "SELECT id, name, role, organisation, commune FROM juror "
            "WHERE session_id = ? ORDER BY position",
            (sid,),
        )
    )
    atts: dict[str, list[Attachment]] = {}
    for did, name, atitle, media, size, sha in q(
        "SELECT dossier_id, name, title, media_type, bytes, sha256 FROM attachment "
        "WHERE session_id = ? ORDER BY dossier_id, position",
        (sid,),
    ):
        atts.setdefault(did, []).append(Attachment(name, atitle, media, size, sha))
    dossiers = tuple(
        Dossier(
            id=r[0],
            reference=r[1],
            title=r[2],
            commune=r[3],
            qpv_code=r[4],
            qpv_name=r[5],
            holder_name=r[6],
            holder_kind=HolderKind(r[7]),
            holder_rna=r[8],
            holder_siret=r[9],
            holder_contact=r[10],
            project_manager=r[11],
            summary=r[12],
            amount_requested_cents=r[13],
            budget_total_cents=r[14],
            hearing_order=r[15],
            hearing_start=r[16],
            attachments=tuple(atts.get(r[0], ())),
        )
        for r in q(
            "SELECT id, reference, title, commune, qpv_code, qpv_name, holder_name, "
            "holder_kind, holder_rna, holder_siret, holder_contact, project_manager, "
            "summary, amount_requested_cents, budget_total_cents, hearing_order, "
            "hearing_start FROM dossier WHERE session_id = ? ORDER BY hearing_order",
            (sid,),
        )
    )
    conflicts = tuple(
        Conflict(j, d, reason)
        for j, d, reason in q(
            "SELECT juror_id, dossier_id, reason FROM conflict WHERE session_id = ?", (sid,)
        )
    )
    att = dict(q("SELECT juror_id, present FROM attendance WHERE session_id = ?", (sid,)))
    present = frozenset(j.id for j in jurors if bool(att.get(j.id, True)))
    recusals = [
        Recusal(
            c.juror_id, c.dossier_id, RecusalKind.CONFLICT, c.reason, RecusalSource.BUNDLE, None
        )
        for c in conflicts
    ]
    bundle_pairs = {(c.juror_id, c.dossier_id) for c in conflicts}
    for j, d, kind, reason, at in q(
        "SELECT juror_id, dossier_id, kind, reason, at FROM recusal WHERE session_id = ? "
        "ORDER BY at",
        (sid,),
    ):
        if (j, d) not in bundle_pairs:
            recusals.append(Recusal(j, d, RecusalKind(kind), reason, RecusalSource.SESSION, at))
    values: dict[str, Fraction] = {}  # a few distinct texts: convert each once
    scores: dict[tuple[str, str, str], Fraction] = {}
    for d, j, c, v in q(
        "SELECT dossier_id, juror_id, criterion_id, value FROM score WHERE session_id = ?",
        (sid,),
    ):
        found = values.get(v)
        if found is None:
            found = values[v] = to_fraction(v)
        scores[(d, j, c)] = found
    comments = {
        (d, j): text
        for d, j, text in q(
            "SELECT dossier_id, juror_id, text FROM comment WHERE session_id = ?", (sid,)
        )
    }
    opinions = dict(q("SELECT dossier_id, text FROM opinion WHERE session_id = ?", (sid,)))
    sealed = {
        (d, j)
        for d, j in q("SELECT dossier_id, juror_id FROM sheet_seal WHERE session_id = ?", (sid,))
    }
    invalid = dict(q("SELECT dossier_id, reason FROM invalid_reason WHERE session_id = ?", (sid,)))
    hearings = {
        r[0]: Hearing(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7])
        for r in q(
            "SELECT dossier_id, state, started_at, presentation_s, questions_s, phase, "
            "phase_elapsed_ms, running_since FROM hearing WHERE session_id = ?",
            (sid,),
        )
    }
    delib = q(
        "SELECT opened_at, closed_at, notes, decision_made, export_seq FROM deliberation "
        "WHERE session_id = ?",
        (sid,),
    ).fetchone()
    if delib is None:
        raise UserError("unknown_session", params={"session": sid})
    opened_at, closed_at, notes, decision_made, export_seq = delib
    order = {d.id: d.hearing_order for d in dossiers}
    laureates = tuple(
        sorted(
            (
                LaureateDecision(d, amount, justification)
                for d, amount, justification in q(
                    "SELECT dossier_id, amount_cents, justification FROM laureate "
                    "WHERE session_id = ?",
                    (sid,),
                )
            ),
            key=lambda x: order.get(x.dossier_id, 0),
        )
    )
    departures = dict(
        q("SELECT dossier_id, justification FROM departure WHERE session_id = ?", (sid,))
    )
    head = q(
        "SELECT seq, hash FROM audit WHERE session_id = ? ORDER BY seq DESC LIMIT 1", (sid,)
    ).fetchone()
    return SessionState(
        info=info,
        is_demo=bool(is_demo),
        manifest_sha256=manifest_sha256,
        criteria=criteria,
        jurors=jurors,
        dossiers=dossiers,
        conflicts=conflicts,
        attendance_taken=bool(attendance_taken),
        present=present,
        recusals=tuple(recusals),
        scores=scores,
        comments=comments,
        opinions=opinions,
        invalid_reasons=invalid,
        hearings=hearings,
        blind=bool(blind),
        revealed=bool(revealed),
        current_dossier_id=current,
        opened_at=opened_at,
        closed_at=closed_at,
        notes=notes,
        decision_made=bool(decision_made),
        laureates=laureates,
        departures=departures,
        export_seq=export_seq,
        audit_head=head[1] if head else GENESIS,
        audit_count=head[0] if head else 0,
        sd_threshold=to_fraction(sd_threshold),
        range_threshold=to_fraction(range_threshold),
        sealed=sealed,
    )


def attachment_content(db_path: Path, attachment: Attachment) -> bytes:
    """An attachment's bytes from the database's content-addressed store (as
    ``Desk.attachment_content`` reads them)."""
    sha = attachment.sha256
    return (paths.files_dir(Path(db_path)) / sha[:2] / sha).read_bytes()


def audit_entries(con: sqlite3.Connection, sid: str) -> list[dict[str, Any]]:
    """The session's audit chain, as ``Desk.audit_entries`` gives it."""
    return [
        {
            "seq": seq,
            "at": at,
            "actor": actor,
            "action": action,
            "data": json.loads(data),
            "prev": prev,
            "hash": hash_,
        }
        for seq, at, actor, action, data, prev, hash_ in con.execute(
            "SELECT seq, at, actor, action, data, prev, hash FROM audit"
            " WHERE session_id = ? ORDER BY seq",
            (sid,),
        )
    ]


def load(
    path: Path, session_id: str | None = None, *, check_chain: bool = False
) -> SessionState | None:
    """The session's state read without the ORM, or None when ``Desk`` must read it.
    With ``check_chain``, refused as ``Desk.check_audit_chain`` refuses when its audit
    chain does not verify (read in the same transaction as the state)."""
    con = open_readonly(path)
    if con is None:
        return None
    try:
        sid = resolve(con, Path(path).name, session_id)
        with snapshot(con):
            if check_chain:
                # Here only: the GUI's first frame never checks the chain (hashlib's
                # OpenSSL set-up, 3 ms, comes after its first paint).
                from jury_desk.core import audit

                audit.require_intact(audit_entries(con, sid))
            return _read(con, sid)
    finally:
        con.close()
