"""Attendance and recusals: who is present at the opening, who leaves the room for which
dossier, and why."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from jury_desk.core import audit
from jury_desk.core.desk_base import DeskBase
from jury_desk.core.domain import RecusalKind
from jury_desk.core.errors import UserError
from jury_desk.core.storage import AttendanceRow, RecusalRow, now_iso, transaction

log = logging.getLogger(__name__)


class AttendanceDesk(DeskBase):
    """Attendance and recusals."""

    def set_attendance(
        self, session_id: str, absent: Iterable[str], actor: str = "secretariat"
    ) -> None:
        """Take attendance: the named jurors are absent, every other one present."""
        absent = set(absent)
        with transaction(self.engine) as db:
            srow = self._open_for_change(db, session_id)
            for j in absent:
                self._check_ids(db, session_id, juror=j)
            jurors = self._session_ids(db, session_id).jurors
            at = now_iso()
            for jid in jurors:
                row = db.get(AttendanceRow, (session_id, jid))
                present = jid not in absent
                if row is None:
                    db.add(
                        AttendanceRow(session_id=session_id, juror_id=jid, present=present, at=at)
                    )
                elif row.present != present:
                    row.present, row.at = present, at
                    db.add(row)
            srow.attendance_taken = True
            db.add(srow)
            audit.append(
                db,
                session_id,
                "attendance.set",
                {"present": sorted(j for j in jurors if j not in absent), "absent": sorted(absent)},
                actor,
            )

    def set_present(
        self, session_id: str, juror_id: str, present: bool, actor: str = "secretariat"
    ) -> None:
        with transaction(self.engine) as db:
            srow = self._open_for_change(db, session_id)
            self._check_ids(db, session_id, juror=juror_id)
            jurors = self._session_ids(db, session_id).jurors
            at = now_iso()
            for jid in jurors:
                if db.get(AttendanceRow, (session_id, jid)) is None:
                    db.add(AttendanceRow(session_id=session_id, juror_id=jid, present=True, at=at))
            db.flush()
            row = db.get(AttendanceRow, (session_id, juror_id))
            assert row is not None
            row.present, row.at = present, at
            db.add(row)
            srow.attendance_taken = True
            db.add(srow)
            audit.append(
                db,
                session_id,
                "attendance.juror",
                {"juror_id": juror_id, "present": present},
                actor,
            )

    def recuse(
        self,
        session_id: str,
        juror_id: str,
        dossier_id: str,
        kind: RecusalKind | str,
        reason: str,
        actor: str = "secretariat",
    ) -> None:
        kind = RecusalKind(kind)
        reason = reason.strip()
        if not reason:
            raise UserError("reason_required", key="recusal_reason_required")
        with transaction(self.engine) as db:
            self._open_for_change(db, session_id)
            self._check_ids(db, session_id, juror=juror_id, dossier=dossier_id)
            conflicts = self._session_ids(db, session_id).conflicts
            if (juror_id, dossier_id) in conflicts:
                raise UserError(
                    "already_recused",
                    key="already_recused_bundle",
                    params={"juror": juror_id, "dossier": dossier_id},
                )
            if db.get(RecusalRow, (session_id, juror_id, dossier_id)) is not None:
                raise UserError(
                    "already_recused", params={"juror": juror_id, "dossier": dossier_id}
                )
            at = now_iso()
            db.add(
                RecusalRow(
                    session_id=session_id,
                    juror_id=juror_id,
                    dossier_id=dossier_id,
                    kind=kind.value,
                    reason=reason,
                    at=at,
                )
            )
            audit.append(
                db,
                session_id,
                "recusal.add",
                {
                    "juror_id": juror_id,
                    "dossier_id": dossier_id,
                    "kind": kind.value,
                    "reason": reason,
                },
                actor,
            )

    def withdraw_recusal(
        self, session_id: str, juror_id: str, dossier_id: str, actor: str = "secretariat"
    ) -> None:
        with transaction(self.engine) as db:
            self._open_for_change(db, session_id)
            row = db.get(RecusalRow, (session_id, juror_id, dossier_id))
            if row is None:
                raise UserError("not_recused", params={"juror": juror_id, "dossier": dossier_id})
            db.delete(row)
            audit.append(
                db,
                session_id,
                "recusal.remove",
                {"juror_id": juror_id, "dossier_id": dossier_id},
                actor,
            )
