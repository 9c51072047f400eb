"""Deliberation and closing: opening, the reveal, the jury's decision, the results as the
read model computes them, closing, reopening, and the record of each export."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sqlmodel import col, delete

from jury_desk.core import audit
from jury_desk.core.domain import JuryDecision, LaureateDecision
from jury_desk.core.errors import UserError
from jury_desk.core.state import SessionState
from jury_desk.core.storage import DeliberationRow, DepartureRow, LaureateRow, now_iso, transaction

if TYPE_CHECKING:
    from jury_desk.core.deliberation import Blocker, DeliberationResult
    from jury_desk.core.readmodel import DeliberationState

from jury_desk.core.desk_base import DeskBase

log = logging.getLogger(__name__)


class DeliberationDesk(DeskBase):
    """The deliberation, from its opening to its close and exports."""

    # ------------------------------------------------------------------ deliberation

    def open_deliberation(self, session_id: str, actor: str = "secretariat") -> None:
        with transaction(self.engine) as db:
            self._open_for_change(db, session_id)
            row = db.get(DeliberationRow, session_id)
            assert row is not None
            if row.opened_at:
                return
            row.opened_at = now_iso()
            db.add(row)
            audit.append(db, session_id, "deliberation.open", {"opened_at": row.opened_at}, actor)

    def reveal(self, session_id: str, actor: str = "secretariat") -> None:
        """Reveal blind scores (at deliberation); opens the deliberation if needed."""
        self.open_deliberation(session_id, actor)
        with transaction(self.engine) as db:
            srow = self._open_for_change(db, session_id)
            if srow.revealed:
                return
            srow.revealed = True
            db.add(srow)
            audit.append(db, session_id, "scores.reveal", {}, actor)

    def set_decision(
        self,
        session_id: str,
        laureates: Sequence[LaureateDecision],
        departures: Mapping[str, str],
        actor: str = "secretariat",
    ) -> None:
        """Replace the jury's list (and the justifications of departures)."""
        with transaction(self.engine) as db:
            self._open_for_change(db, session_id)
            dossiers = self._session_ids(db, session_id).dossiers
            seen: set[str] = set()
            for lau in laureates:
                if lau.dossier_id not in dossiers:
                    raise UserError("unknown_dossier", params={"dossier": lau.dossier_id})
                if lau.dossier_id in seen:
                    raise UserError("duplicate_laureate", params={"dossier": lau.dossier_id})
                if lau.amount_cents < 0:
                    raise UserError("amount")
                seen.add(lau.dossier_id)
            for d in departures:
                if d not in dossiers:
                    raise UserError("unknown_dossier", params={"dossier": d})
            at = now_iso()
            db.exec(delete(LaureateRow).where(col(LaureateRow.session_id) == session_id))
            db.exec(delete(DepartureRow).where(col(DepartureRow.session_id) == session_id))
            for lau in laureates:
                db.add(
                    LaureateRow(
                        session_id=session_id,
                        dossier_id=lau.dossier_id,
                        amount_cents=lau.amount_cents,
                        justification=lau.justification.strip(),
                        at=at,
                    )
                )
            for d, text in departures.items():
                if text.strip():
                    db.add(
                        DepartureRow(
                            session_id=session_id, dossier_id=d, justification=text.strip(), at=at
                        )
                    )
            row = db.get(DeliberationRow, session_id)
            assert row is not None
            row.decision_made = True
            if not row.opened_at:
                row.opened_at = at
            db.add(row)
            audit.append(
                db,
                session_id,
                "decision.set",
                {
                    "laureates": [
                        {
                            "dossier_id": lau.dossier_id,
                            "amount_cents": lau.amount_cents,
                            "justification": lau.justification.strip(),
                        }
                        for lau in laureates
                    ],
                    "departures": {d: t.strip() for d, t in departures.items() if t.strip()},
                    "opened_at": row.opened_at,
                },
                actor,
            )

    def results(
        self, session_id: str | None = None, state: SessionState | None = None
    ) -> DeliberationResult:
        """The rules' results (notes, validity, ranking, default proposal)."""
        return self.deliberation_state(session_id, state).result

    def deliberation_state(
        self, session_id: str | None = None, state: SessionState | None = None
    ) -> DeliberationState:
        """The read model of the deliberation, from one reading of the database."""
        from jury_desk.core import readmodel

        return readmodel.build(state or self.state(session_id))

    def value_authors(self, session_id: str) -> dict[str, tuple[int, int]]:
        """Per juror, the values in force entered on their own device and by the
        secretariat (:func:`jury_desk.core.state.value_authors`), from the audit log's
        actors: one query, folded in order (the minutes say the same, through replay)."""
        from jury_desk.core.state import value_authors

        # Kept between calls and read on from the last entry folded (at 300 dossiers the
        # whole log is ~80 ms to read): the log only grows, and an entry found changed (a
        # restored snapshot) starts the folding again.
        with self._authors_lock:
            seq, head, authors = self._authors.get(session_id, (0, "", {}))
            with self.engine.connect() as conn:
                if seq:
                    now = conn.exec_driver_sql(
                        "SELECT hash FROM audit WHERE session_id = ? AND seq = ?",
                        (session_id, seq),
                    ).first()
                    if now is None or now[0] != head:
                        seq, head, authors = 0, "", {}
                authors = dict(authors)
                rows = conn.exec_driver_sql(
                    "SELECT seq, hash, action, actor, json_extract(data, '$.dossier_id'),"
                    " json_extract(data, '$.juror_id'), json_extract(data, '$.criterion_id')"
                    " FROM audit WHERE session_id = ? AND seq > ? ORDER BY seq",
                    (session_id, seq),
                )
                for row_seq, row_hash, action, actor, dossier, juror, criterion in rows:
                    seq, head = row_seq, row_hash  # the last entry folded
                    if action not in audit.SCORE_ACTIONS:
                        continue
                    key = (str(dossier), str(juror), str(criterion))
                    if action == "score.clear":
                        authors.pop(key, None)
                    else:
                        authors[key] = str(actor)
            self._authors[session_id] = (seq, head, authors)
        return value_authors(authors)

    def blockers(self, session_id: str | None = None) -> list[Blocker]:
        """What stops closing on the jury's effective decision (codes and parameters)."""
        return list(self.deliberation_state(session_id).blockers)

    def close_deliberation(
        self,
        session_id: str,
        *,
        accept_proposal: bool = False,
        actor: str = "secretariat",
        state: SessionState | None = None,
    ) -> None:
        """Close the deliberation, or raise ClosingBlocked listing every blocking item.

        ``accept_proposal``: close on the default proposal (it becomes the jury's list);
        otherwise the jury must have set its own list (blocker ``decision_not_set``).
        ``state``: the session as the caller has just read it, with nothing written
        since (the export, which has checked it against the replay; 0.1 s to read again
        at 300 dossiers); read here otherwise.
        """
        from jury_desk.core.deliberation import Blocker
        from jury_desk.core.errors import ClosingBlocked

        ds = self.deliberation_state(session_id, state)
        st = ds.session
        if st.closed:
            return
        res = ds.result
        if accept_proposal:
            blockers = ds.blockers_on_proposal()
            decision = JuryDecision(
                tuple(LaureateDecision(p.dossier_id, p.amount_cents) for p in res.default_proposal),
                {},
                dict(st.invalid_reasons),
            )
        else:
            blockers = ds.blockers
            decision = ds.decision
            if not st.decision_made:
                blockers = (Blocker("decision_not_set"), *blockers)
        if blockers:
            raise ClosingBlocked(tuple(blockers))
        if accept_proposal:
            self.set_decision(session_id, decision.laureates, {}, actor)
        with transaction(self.engine) as db:
            self._open_for_change(db, session_id)
            row = db.get(DeliberationRow, session_id)
            assert row is not None
            at = now_iso()
            row.opened_at = row.opened_at or at
            row.closed_at = at
            db.add(row)
            audit.append(
                db,
                session_id,
                "deliberation.close",
                {
                    "present": len(st.present),
                    "quorum_met": res.quorum_met,
                    "laureates": [lau.dossier_id for lau in decision.laureates],
                    "total_cents": sum(lau.amount_cents for lau in decision.laureates),
                    "opened_at": row.opened_at,
                    "closed_at": row.closed_at,
                },
                actor,
            )

    def reopen(self, session_id: str, reason: str, actor: str = "secretariat") -> None:
        reason = reason.strip()
        if not reason:
            raise UserError("reason_required", key="reopen_reason_required")
        with transaction(self.engine) as db:
            row = db.get(DeliberationRow, session_id)
            if row is None or not row.closed_at:
                raise UserError("not_closed")
            row.closed_at = None
            db.add(row)
            audit.append(db, session_id, "deliberation.reopen", {"reason": reason}, actor)

    def record_export(
        self, session_id: str, data: Mapping[str, Any], actor: str = "secretariat"
    ) -> int:
        with transaction(self.engine) as db:
            row = db.get(DeliberationRow, session_id)
            assert row is not None
            row.export_seq += 1
            db.add(row)
            audit.append(
                db, session_id, "export.written", {**data, "export_seq": row.export_seq}, actor
            )
            return row.export_seq
