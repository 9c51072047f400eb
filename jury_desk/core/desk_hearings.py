"""Hearings: each presentation's timer as recorded, and hearings entered afterwards with
their reason."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from jury_desk.core import audit
from jury_desk.core import hearings as hearings_mod
from jury_desk.core.desk_base import DeskBase
from jury_desk.core.errors import UserError, nested
from jury_desk.core.state import Hearing
from jury_desk.core.storage import HearingRow, now_iso, transaction

log = logging.getLogger(__name__)


class HearingsDesk(DeskBase):
    """Hearings, timed or entered afterwards."""

    # ------------------------------------------------------------------ hearings

    def save_hearing(
        self,
        session_id: str,
        dossier_id: str,
        *,
        action: str,
        state: str,
        phase: str | None,
        phase_elapsed_ms: int,
        running_since: str | None,
        presentation_s: int | None = None,
        questions_s: int | None = None,
        actor: str = "secretariat",
    ) -> Hearing:
        """Record a timer action (start, pause, resume, next, reset, finish)."""
        with transaction(self.engine) as db:
            self._open_for_change(db, session_id)
            self._check_ids(db, session_id, dossier=dossier_id)
            row = db.get(HearingRow, (session_id, dossier_id))
            assert row is not None
            if row.started_at is None and action == "start":
                row.started_at = now_iso()
            if action == "reset":
                row.started_at = None
            row.state, row.phase, row.phase_elapsed_ms, row.running_since = (
                state,
                phase,
                phase_elapsed_ms,
                running_since,
            )
            if presentation_s is not None:
                row.presentation_s = presentation_s
            if questions_s is not None:
                row.questions_s = questions_s
            if action == "reset":
                row.presentation_s = row.questions_s = None
            db.add(row)
            audit.append(
                db,
                session_id,
                f"hearing.{action}",
                {
                    "dossier_id": dossier_id,
                    "state": state,
                    "phase": phase,
                    "phase_elapsed_ms": phase_elapsed_ms,
                    "started_at": row.started_at,  # replay (CONTRACT section 6)
                    "presentation_s": row.presentation_s,
                    "questions_s": row.questions_s,
                },
                actor,
            )
            return Hearing(
                dossier_id,
                row.state,
                row.started_at,
                row.presentation_s,
                row.questions_s,
                row.phase,
                row.phase_elapsed_ms,
                row.running_since,
            )

    def record_hearing_afterwards(
        self,
        session_id: str,
        dossier_id: str,
        *,
        started_at: str,
        presentation_s: int | str,
        questions_s: int | str,
        reason: str,
        actor: str = "secretariat",
    ) -> Hearing:
        """A hearing held without the app's timer (CONTRACT 4 and 7), with its reason."""
        entry = hearings_mod.check_entry(
            dossier_id, started_at, presentation_s, questions_s, reason
        )
        self.record_hearings_afterwards(session_id, [entry], actor)
        return self.state(session_id).hearings[entry.dossier_id]

    def record_hearings_afterwards(
        self,
        session_id: str,
        entries: Sequence[hearings_mod.HearingEntry],
        actor: str = "secretariat",
    ) -> int:
        """Hearings entered afterwards, all or none; each audited with its reason.

        Refused for a dossier whose hearing was already recorded (timed or entered) or is
        under way: a correction is not a second hearing."""
        with transaction(self.engine) as db:
            self._open_for_change(db, session_id)
            for i, e in enumerate(entries, start=1):
                try:
                    self._check_ids(db, session_id, dossier=e.dossier_id)
                    row = db.get(HearingRow, (session_id, e.dossier_id))
                    assert row is not None
                    if row.started_at is not None or row.state != "a_venir":
                        started = {"started": row.started_at} if row.started_at else {}
                        raise UserError(
                            "hearing_already_recorded",
                            key="hearing_already_recorded" + (".started" if started else ""),
                            params={"dossier": e.dossier_id, **started},
                        )
                except UserError as exc:
                    if len(entries) == 1:
                        raise
                    where = {"index": i, "dossier": e.dossier_id}
                    raise UserError(
                        exc.code, key="hearing_entry", params={**where, **nested(exc)}
                    ) from exc
                row.state = "entendu"
                row.started_at = e.started_at
                row.presentation_s = e.presentation_s
                row.questions_s = e.questions_s
                row.phase, row.phase_elapsed_ms, row.running_since = None, 0, None
                db.add(row)
                audit.append(
                    db,
                    session_id,
                    "hearing.recorded_afterwards",
                    {
                        "dossier_id": e.dossier_id,
                        "started_at": e.started_at,
                        "presentation_s": e.presentation_s,
                        "questions_s": e.questions_s,
                        "reason": e.reason,
                    },
                    actor,
                )
        return len(entries)

    def import_hearings_csv(
        self, session_id: str, text: str, actor: str = "auditions-papier"
    ) -> int:
        """``dossier_id,started_at,presentation_s,questions_s,reason``; all rows or none."""
        return self.record_hearings_afterwards(session_id, hearings_mod.parse_csv(text), actor)
