"""The use cases that the command line and the GUI both call.

A :class:`Desk` is one database file. Every method that changes something runs one
``BEGIN IMMEDIATE`` transaction that also appends the audit entry, and returns only once
it is committed (WAL, ``synchronous=FULL``): when it returns, the change is durable.
Refused input raises :class:`~jury_desk.core.errors.UserError` and changes nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from sqlalchemy import Connection

# Not ``bundle`` (JSON Schema, cryptography, zip checks: ~70 ms) nor ``deliberation``:
# they are imported by the methods that need them, so that the GUI's first paint does
# not pay for them (benchmarks/gui.py; tests/core/test_import_cost.py).
from jury_desk.core import audit, csvio
from jury_desk.core.desk_attendance import AttendanceDesk
from jury_desk.core.desk_base import DeskBase, ImportReport
from jury_desk.core.desk_deliberation import DeliberationDesk
from jury_desk.core.desk_hearings import HearingsDesk
from jury_desk.core.desk_sessions import SessionsDesk
from jury_desk.core.domain import Criterion, decimal_text, to_fraction
from jury_desk.core.errors import UserError, nested

# The read side's dataclasses live in ``state`` (no ORM: the GUI's first paint and the
# read-only commands use them through ``quickread``); re-exported here for the callers.
from jury_desk.core.state import (
    Hearing,
    ScoreWrite,
    SessionState,
    SessionSummary,
    format_value,
    scores_csv,
)
from jury_desk.core.storage import (
    CommentRow,
    DeliberationRow,
    InvalidReasonRow,
    OpinionRow,
    ScoreRow,
    SessionRow,
    SheetSealRow,
    now_iso,
    reading,
    transaction,
)

log = logging.getLogger(__name__)


def _require_may_score(
    conn: Connection,
    sid: str,
    juror_id: str,
    dossier_id: str,
    conflicts: frozenset[tuple[str, str]],
) -> None:
    """Refuse a juror recused from the dossier (declared or recorded) or absent."""
    if (juror_id, dossier_id) in conflicts or conn.exec_driver_sql(
        "SELECT 1 FROM recusal WHERE session_id = ? AND juror_id = ? AND dossier_id = ?",
        (sid, juror_id, dossier_id),
    ).first():
        raise UserError("juror_recused", params={"juror": juror_id, "dossier": dossier_id})
    att = conn.exec_driver_sql(
        "SELECT present FROM attendance WHERE session_id = ? AND juror_id = ?", (sid, juror_id)
    ).first()
    if att is not None and not att[0]:
        raise UserError("juror_absent", params={"juror": juror_id})


def _seal_reason(
    conn: Connection, sid: str, dossier_id: str, juror_id: str, reason: str | None
) -> str | None:
    """None for an open sheet; the stripped reason for a sealed one (refused when empty)."""
    sealed = conn.exec_driver_sql(
        "SELECT 1 FROM sheet_seal WHERE session_id = ? AND dossier_id = ? AND juror_id = ?",
        (sid, dossier_id, juror_id),
    ).first()
    if sealed is None:
        return None
    why = (reason or "").strip()
    if not why:
        raise UserError("sheet_sealed", params={"juror": juror_id, "dossier": dossier_id})
    return why


__all__ = [
    "Desk",
    "DeskBase",
    "Hearing",
    "ImportReport",
    "ScoreWrite",
    "SessionState",
    "SessionSummary",
    "format_value",
    "scores_csv",
]


class Desk(SessionsDesk, AttendanceDesk, HearingsDesk, DeliberationDesk):
    """One jury_desk database file and the operations on its sessions: the one door of
    every front end. Each group of use cases is a module of its own (sessions, attendance,
    hearings, deliberation); scoring, the room's hot path, is here."""

    # ------------------------------------------------------------------ scoring

    def validate_value(self, criterion: Criterion, raw: object) -> Fraction:
        try:
            value = to_fraction(raw)
        except (TypeError, ValueError, ArithmeticError) as exc:
            raise UserError("value_not_number", params={"raw": str(raw)}) from exc
        if not criterion.is_valid(value):
            raise UserError(
                "value_out_of_scale",
                params={
                    "raw": str(raw),
                    "criterion": criterion.label,
                    "min": format_value(criterion.min),
                    "max": format_value(criterion.max),
                    "step": format_value(criterion.step),
                },
            )
        return value

    def record_score(
        self,
        session_id: str,
        dossier_id: str,
        juror_id: str,
        criterion_id: str,
        value: object,
        actor: str = "secretariat",
        *,
        request_key: str | None = None,
        reason: str | None = None,
    ) -> ScoreWrite:
        """Record (or correct) one value; durable when this returns.

        On a validated (sealed) sheet the change needs a non-empty ``reason``, which the
        audit entry carries with the previous value (the minutes list such changes).

        The hot path of the hearing room: plain SQL on one connection (no ORM unit of
        work), one BEGIN IMMEDIATE transaction with its audit entry. ``request_key``
        (a juror device's idempotency key) is kept in the audit entry's data, so a write
        retried after a crash is recognised (:mod:`jury_desk.core.devices`).
        """
        if session_id not in self._ids:
            with reading(self.engine) as db:
                self._session_ids(db, session_id)
        with self.engine.begin() as conn:
            closed = conn.exec_driver_sql(
                "SELECT closed_at FROM deliberation WHERE session_id = ?", (session_id,)
            ).first()
            if closed is None:
                raise UserError("unknown_session", params={"session": session_id})
            if closed[0]:
                raise UserError("closed")
            return self._write_score(
                conn,
                session_id,
                dossier_id,
                juror_id,
                criterion_id,
                value,
                actor,
                request_key,
                reason,
            )

    def _write_score(
        self,
        conn: Connection,
        sid: str,
        dossier_id: str,
        juror_id: str,
        criterion_id: str,
        value: object,
        actor: str,
        request_key: str | None = None,
        reason: str | None = None,
    ) -> ScoreWrite:
        ids = self._ids[sid]
        ids.require(juror_id, dossier_id, criterion_id)
        crit, conflicts = ids.criteria, ids.conflicts
        v = self.validate_value(crit[criterion_id], value)
        _require_may_score(conn, sid, juror_id, dossier_id, conflicts)
        key = (sid, dossier_id, juror_id, criterion_id)
        prev_row = conn.exec_driver_sql(
            "SELECT value FROM score WHERE session_id = ? AND dossier_id = ? AND juror_id = ?"
            " AND criterion_id = ?",
            key,
        ).first()
        previous = to_fraction(prev_row[0]) if prev_row is not None else None
        why = _seal_reason(conn, sid, dossier_id, juror_id, reason)
        at = now_iso()
        text = decimal_text(v)
        conn.exec_driver_sql(
            "INSERT INTO score (session_id, dossier_id, juror_id, criterion_id, value, at)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (session_id, dossier_id, juror_id, criterion_id)"
            " DO UPDATE SET value = excluded.value, at = excluded.at",
            (*key, text, at),
        )
        data: dict[str, Any] = {
            "dossier_id": dossier_id,
            "juror_id": juror_id,
            "criterion_id": criterion_id,
            "value": text,
        }
        if previous is not None:
            data["previous"] = decimal_text(previous)
        if request_key is not None:
            data["request_key"] = request_key
        if why is not None:
            data["reason"] = why
            data["sealed"] = True
        audit.append(
            conn, sid, "score.correct" if previous is not None else "score.set", data, actor
        )
        return ScoreWrite(dossier_id, juror_id, criterion_id, v, previous, at)

    def clear_score(
        self,
        session_id: str,
        dossier_id: str,
        juror_id: str,
        criterion_id: str,
        actor: str = "secretariat",
        *,
        reason: str | None = None,
    ) -> ScoreWrite:
        with transaction(self.engine) as db:
            self._open_for_change(db, session_id)
            row = db.get(ScoreRow, (session_id, dossier_id, juror_id, criterion_id))
            if row is None:
                raise UserError("no_value")
            why = _seal_reason(db.connection(), session_id, dossier_id, juror_id, reason)
            previous = to_fraction(row.value)
            db.delete(row)
            data: dict[str, Any] = {
                "dossier_id": dossier_id,
                "juror_id": juror_id,
                "criterion_id": criterion_id,
                "previous": decimal_text(previous),
            }
            if why is not None:
                data["reason"] = why
                data["sealed"] = True
            audit.append(db, session_id, "score.clear", data, actor)
            return ScoreWrite(dossier_id, juror_id, criterion_id, None, previous, now_iso())

    def validate_sheet(
        self,
        session_id: str,
        dossier_id: str,
        juror_id: str,
        actor: str = "secretariat",
        *,
        request_key: str | None = None,
    ) -> bool:
        """Seal a juror's complete sheet for a dossier; False when it was already sealed.

        Idempotent so that a phone's retried request does not fail: the second call
        changes nothing and writes no audit entry. Refused for an incomplete sheet
        (naming the criteria missing), a recused or absent juror, a closed session.
        """
        with transaction(self.engine) as db:
            self._open_for_change(db, session_id)
            ids = self._session_ids(db, session_id)
            ids.require(juror_id, dossier_id)
            conn = db.connection()
            if db.get(SheetSealRow, (session_id, dossier_id, juror_id)) is not None:
                return False
            _require_may_score(conn, session_id, juror_id, dossier_id, ids.conflicts)
            have = {
                r[0]
                for r in conn.exec_driver_sql(
                    "SELECT criterion_id FROM score"
                    " WHERE session_id = ? AND dossier_id = ? AND juror_id = ?",
                    (session_id, dossier_id, juror_id),
                )
            }
            missing = [c.label for cid, c in ids.criteria.items() if cid not in have]
            if missing:
                raise UserError(
                    "sheet_incomplete",
                    params={
                        "juror": juror_id,
                        "dossier": dossier_id,
                        "missing": ", ".join(missing),
                    },
                )
            db.add(
                SheetSealRow(
                    session_id=session_id,
                    dossier_id=dossier_id,
                    juror_id=juror_id,
                    at=now_iso(),
                    actor=actor,
                )
            )
            data: dict[str, Any] = {"dossier_id": dossier_id, "juror_id": juror_id}
            if request_key is not None:
                data["request_key"] = request_key
            audit.append(db, session_id, "sheet.validated", data, actor)
            return True

    def record_scores(
        self,
        session_id: str,
        rows: Sequence[tuple[str, str, str, object]],
        actor: str = "secretariat",
    ) -> int:
        """All rows or none (paper sheets)."""
        with transaction(self.engine) as db:
            self._open_for_change(db, session_id)
            self._session_ids(db, session_id)
            conn = db.connection()
            for i, (d, j, c, v) in enumerate(rows, start=1):
                try:
                    self._write_score(conn, session_id, d, j, c, v, actor)
                except UserError as exc:
                    raise UserError(exc.code, key="row", params={"line": i, **nested(exc)}) from exc
        return len(rows)

    def import_scores_csv(
        self, session_id: str, text: str | bytes, actor: str = "feuilles-papier"
    ) -> int:
        """Paper sheets: ``dossier_id,juror_id,criterion_id,value``; all rows or none.

        ``;`` or ``,``, a BOM, Windows-1252 bytes: as Excel saves it (core.csvio)."""
        reader = csvio.read(text).rows()
        rows: list[tuple[str, str, str, object]] = []
        lines: list[int] = []  # the file line of each row
        expected = ["dossier_id", "juror_id", "criterion_id", "value"]
        header_seen = False
        for line_no, rec in enumerate(reader, start=1):
            if not rec or all(not f.strip() for f in rec):
                continue
            if not header_seen:
                header_seen = True
                if [f.strip() for f in rec] != expected:
                    raise UserError(
                        "csv_header",
                        params={
                            "line": line_no,
                            "expected": ",".join(expected),
                            "found": ",".join(rec),
                        },
                    )
                continue
            if len(rec) != 4:
                raise UserError("csv_columns", params={"line": line_no, "found": len(rec)})
            rows.append((rec[0].strip(), rec[1].strip(), rec[2].strip(), rec[3].strip()))
            lines.append(line_no)
        if not header_seen:
            raise UserError("csv_empty")
        # Row i of ``rows`` is on file line ``lines[i - 1]`` (header and blank lines aside).
        try:
            return self.record_scores(session_id, rows, actor)
        except UserError as exc:
            row = exc.params.get("line") if exc.key == "row" else None
            if not isinstance(row, int):
                raise
            d, j, c, v = rows[row - 1]
            raise UserError(
                exc.code,
                key="csv_row",
                params={
                    "line": lines[row - 1],
                    "dossier": d,
                    "juror": j,
                    "criterion": c,
                    "value": v,
                    "inner": exc.params["inner"],
                    "inner_params": exc.params["inner_params"],
                },
            ) from exc

    def export_scores_csv(self, session_id: str) -> str:
        return scores_csv(self.state(session_id))

    def _set_text(
        self,
        session_id: str,
        model: type,
        key: dict[str, str],
        field_name: str,
        text: str,
        action: str,
        actor: str,
        *,
        allow_closed: bool = False,
        request_key: str | None = None,
    ) -> None:
        text = text.strip()
        with transaction(self.engine) as db:
            if allow_closed:
                if db.get(SessionRow, session_id) is None:
                    raise UserError("unknown_session", params={"session": session_id})
            else:
                self._open_for_change(db, session_id)
            self._check_ids(
                db, session_id, juror=key.get("juror_id"), dossier=key.get("dossier_id")
            )
            pk = (session_id, *key.values())
            row = db.get(model, pk)
            if not text:
                if row is not None:
                    db.delete(row)
            elif row is None:
                db.add(model(session_id=session_id, **key, **{field_name: text}, at=now_iso()))
            else:
                setattr(row, field_name, text)
                row.at = now_iso()
                db.add(row)
            data = {**key, field_name: text}
            if request_key is not None:  # a juror device's idempotency key, as for scores
                data["request_key"] = request_key
            audit.append(db, session_id, action, data, actor)

    def set_comment(
        self,
        session_id: str,
        dossier_id: str,
        juror_id: str,
        text: str,
        actor: str = "secretariat",
        *,
        request_key: str | None = None,
    ) -> None:
        self._set_text(
            session_id,
            CommentRow,
            {"dossier_id": dossier_id, "juror_id": juror_id},
            "text",
            text,
            "comment.set",
            actor,
            request_key=request_key,
        )

    def set_opinion(
        self, session_id: str, dossier_id: str, text: str, actor: str = "secretariat"
    ) -> None:
        self._set_text(
            session_id, OpinionRow, {"dossier_id": dossier_id}, "text", text, "opinion.set", actor
        )

    def set_invalid_reason(
        self, session_id: str, dossier_id: str, reason: str, actor: str = "secretariat"
    ) -> None:
        self._set_text(
            session_id,
            InvalidReasonRow,
            {"dossier_id": dossier_id},
            "reason",
            reason,
            "invalid_reason.set",
            actor,
        )

    def set_notes(self, session_id: str, notes: str, actor: str = "secretariat") -> None:
        with transaction(self.engine) as db:
            self._open_for_change(db, session_id)
            row = db.get(DeliberationRow, session_id)
            assert row is not None
            row.notes = notes.strip()
            db.add(row)
            audit.append(db, session_id, "notes.set", {"notes": row.notes}, actor)

    def set_thresholds(
        self, session_id: str, sd: object, spread: object, actor: str = "secretariat"
    ) -> None:
        sd_f, sp_f = to_fraction(sd), to_fraction(spread)
        if sd_f < 0 or sp_f < 0:
            raise UserError("threshold")
        with transaction(self.engine) as db:
            srow = self._open_for_change(db, session_id)
            srow.sd_threshold, srow.range_threshold = decimal_text(sd_f), decimal_text(sp_f)
            db.add(srow)
            audit.append(
                db,
                session_id,
                "settings.thresholds",
                {"sd": srow.sd_threshold, "spread": srow.range_threshold},
                actor,
            )

    def set_blind(self, session_id: str, blind: bool, actor: str = "secretariat") -> None:
        with transaction(self.engine) as db:
            srow = self._open_for_change(db, session_id)
            srow.blind = blind
            db.add(srow)
            audit.append(db, session_id, "settings.blind", {"blind": blind}, actor)

    def set_current_dossier(self, session_id: str, dossier_id: str | None) -> None:
        """Where the console is (navigation state, not a change of the record: not audited)."""
        with transaction(self.engine) as db:
            srow = db.get(SessionRow, session_id)
            if srow is None:
                raise UserError("unknown_session", params={"session": session_id})
            srow.current_dossier_id = dossier_id
            db.add(srow)
