"""What every part of :class:`jury_desk.core.services.Desk` stands on: the database file,
its engine, the session's reading (through :mod:`jury_desk.core.quickread`), the ids a
write may name, and the helpers that turn rows into domain objects."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from jury_desk.core import audit, fsutil, ledger, paths, quickread, storage
from jury_desk.core.domain import (
    Attachment,
    Conflict,
    Criterion,
    Dossier,
    HolderKind,
    Juror,
    Role,
    Rules,
    SessionInfo,
    Timer,
    to_fraction,
)
from jury_desk.core.errors import UserError
from jury_desk.core.state import SessionState, SessionSummary
from jury_desk.core.storage import (
    AttachmentRow,
    ConflictRow,
    CriterionRow,
    DeliberationRow,
    DossierRow,
    JurorRow,
    SessionRow,
    reading,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ImportReport:
    session_id: str
    title: str
    dossiers: int
    attachments: int
    attachment_bytes: int
    is_demo: bool
    unchanged: bool  # the same manifest was already imported: nothing changed


def _criterion(row: CriterionRow) -> Criterion:
    return Criterion(
        row.id,
        row.label,
        row.description,
        to_fraction(row.weight),
        to_fraction(row.min),
        to_fraction(row.max),
        to_fraction(row.step),
    )


def _juror(row: JurorRow) -> Juror:
    return Juror(row.id, row.name, Role(row.role), row.organisation, row.commune)


def _info(row: SessionRow) -> SessionInfo:
    rules = Rules(
        row.quorum,
        row.min_sheets,
        to_fraction(row.min_score),
        row.envelope_cents,
        row.max_laureates,
    )
    return SessionInfo(
        row.id,
        row.title,
        row.edition,
        row.date,
        row.venue,
        rules,
        Timer(row.presentation_s, row.questions_s, row.warning_s),
    )


def _require_known(
    lookups: tuple[Mapping[str, Criterion], Mapping[str, Juror], Mapping[str, Dossier], Any],
    juror: str | None,
    dossier: str | None,
    criterion: str | None,
) -> None:
    """Refuse an id that the session does not have (None: not asked)."""
    crit, jur, dos, _ = lookups
    if juror is not None and juror not in jur:
        raise UserError("unknown_juror", params={"juror": juror})
    if dossier is not None and dossier not in dos:
        raise UserError("unknown_dossier", params={"dossier": dossier})
    if criterion is not None and criterion not in crit:
        raise UserError("unknown_criterion", params={"criterion": criterion})


class DeskBase:
    """One jury_desk database file: the engine, the reading, the checks before a write."""

    def __init__(self, db_path: Path | None = None) -> None:
        self.db_path = Path(db_path) if db_path else paths.default_db()
        self.engine: Engine = storage.open_database(self.db_path)
        self.files = paths.files_dir(self.db_path)
        self._static: dict[str, tuple[Any, ...]] = {}
        self._remove_stale_staging()
        # An export killed half-way: its temporary file goes, what it changed is undone.
        ledger.recover(self.engine, ledger.remove_stale_parts(self.db_path))

    def _remove_stale_staging(self) -> None:
        """Staging folders left by an import that was killed half-way."""
        if self.files.is_dir():
            for stale in self.files.glob(".staging-*"):
                fsutil.rmtree_quietly(stale)

    def close(self) -> None:
        self.engine.dispose()

    # ------------------------------------------------------------------ sessions

    def sessions(self) -> list[SessionSummary]:
        with reading(self.engine) as db:
            rows = db.exec(select(SessionRow).order_by(col(SessionRow.imported_at).desc())).all()
            closed = {r.session_id for r in db.exec(select(DeliberationRow)).all() if r.closed_at}
        return [
            SessionSummary(r.id, r.title, r.date, r.is_demo, r.imported_at, r.id in closed)
            for r in rows
        ]

    def resolve(self, session_id: str | None = None) -> str:
        """The named session, or the most recently imported one."""
        with reading(self.engine) as db:
            if session_id:
                if db.get(SessionRow, session_id) is None:
                    raise UserError(
                        "unknown_session",
                        key="unknown_session_in",
                        params={"session": session_id, "db": self.db_path.name},
                    )
                return session_id
            row = db.exec(
                select(SessionRow).order_by(col(SessionRow.imported_at).desc()).limit(1)
            ).first()
        if row is None:
            raise UserError("no_session", params={"db": self.db_path.name})
        return row.id

    # ------------------------------------------------------------------ reading

    def _load_static(self, db: Session, session_id: str) -> tuple[Any, ...]:
        cached = self._static.get(session_id)
        if cached is not None:
            return cached
        criteria = tuple(
            _criterion(r)
            for r in db.exec(
                select(CriterionRow)
                .where(CriterionRow.session_id == session_id)
                .order_by(col(CriterionRow.position))
            )
        )
        jurors = tuple(
            _juror(r)
            for r in db.exec(
                select(JurorRow)
                .where(JurorRow.session_id == session_id)
                .order_by(col(JurorRow.position))
            )
        )
        atts: dict[str, list[Attachment]] = {}
        for a in db.exec(
            select(AttachmentRow)
            .where(AttachmentRow.session_id == session_id)
            .order_by(col(AttachmentRow.dossier_id), col(AttachmentRow.position))
        ):
            atts.setdefault(a.dossier_id, []).append(
                Attachment(a.name, a.title, a.media_type, a.bytes, a.sha256)
            )
        dossiers = tuple(
            Dossier(
                id=r.id,
                reference=r.reference,
                title=r.title,
                commune=r.commune,
                qpv_code=r.qpv_code,
                qpv_name=r.qpv_name,
                holder_name=r.holder_name,
                holder_kind=HolderKind(r.holder_kind),
                holder_rna=r.holder_rna,
                holder_siret=r.holder_siret,
                holder_contact=r.holder_contact,
                project_manager=r.project_manager,
                summary=r.summary,
                amount_requested_cents=r.amount_requested_cents,
                budget_total_cents=r.budget_total_cents,
                hearing_order=r.hearing_order,
                hearing_start=r.hearing_start,
                attachments=tuple(atts.get(r.id, ())),
            )
            for r in db.exec(
                select(DossierRow)
                .where(DossierRow.session_id == session_id)
                .order_by(col(DossierRow.hearing_order))
            )
        )
        conflicts = tuple(
            Conflict(r.juror_id, r.dossier_id, r.reason)
            for r in db.exec(select(ConflictRow).where(ConflictRow.session_id == session_id))
        )
        lookups = (
            {c.id: c for c in criteria},
            {j.id: j for j in jurors},
            {d.id: d for d in dossiers},
            {(c.juror_id, c.dossier_id) for c in conflicts},
        )
        cached = (criteria, jurors, dossiers, conflicts, lookups)
        self._static[session_id] = cached
        return cached

    def state(self, session_id: str | None = None) -> SessionState:
        """The whole session as committed, in one read transaction. It is read by
        :mod:`jury_desk.core.quickread`, the same plain-SQL reader as the console's first
        paint: one reader, so the two can never disagree."""
        sid = self.resolve(session_id)
        con = quickread.open_readonly(self.db_path)
        if con is None:  # this Desk opened and migrated the file: it is there, current
            raise UserError(
                "db_unreadable", params={"path": self.db_path, "detail": "lecture seule"}
            )
        try:
            return quickread.read_state(con, sid)
        finally:
            con.close()

    def manifest_bytes(self, session_id: str) -> bytes:
        with reading(self.engine) as db:
            row = db.get(SessionRow, session_id)
            assert row is not None
            return bytes(row.manifest)

    def check_audit_chain(self, session_id: str) -> None:
        """Refuse (UserError ``audit_chain_broken``) when the session's audit chain does not
        verify: the database was edited outside jury_desk, its results are not attested."""
        audit.require_intact(self.audit_entries(session_id))

    def manifest_jws(self, session_id: str) -> str | None:
        """The detached JWS of the manifest as imported (None for sessions imported
        before schema 2)."""
        with reading(self.engine) as db:
            row = db.get(SessionRow, session_id)
            assert row is not None
            return row.manifest_jws

    def audit_entries(self, session_id: str) -> list[dict[str, Any]]:
        with reading(self.engine) as db:
            return audit.entries(db, session_id)

    def audit_jsonl(self, session_id: str) -> tuple[bytes, str]:
        """The session's audit log as ``audit.jsonl`` bytes, and its head."""
        with reading(self.engine) as db:
            return audit.jsonl(db, session_id)

    # ------------------------------------------------------------------ writes

    def _open_for_change(self, db: Session, session_id: str) -> SessionRow:
        srow = db.get(SessionRow, session_id)
        if srow is None:
            raise UserError("unknown_session", params={"session": session_id})
        delib = db.get(DeliberationRow, session_id)
        if delib is not None and delib.closed_at:
            raise UserError("closed")
        return srow

    def _static_for(
        self, db: Session, session_id: str
    ) -> tuple[dict[str, Criterion], dict[str, Juror], dict[str, Dossier], set[tuple[str, str]]]:
        lookups: tuple[
            dict[str, Criterion], dict[str, Juror], dict[str, Dossier], set[tuple[str, str]]
        ]
        lookups = self._load_static(db, session_id)[4]
        return lookups

    def _check_ids(
        self,
        db: Session,
        sid: str,
        *,
        juror: str | None = None,
        dossier: str | None = None,
        criterion: str | None = None,
    ) -> None:
        _require_known(self._static_for(db, sid), juror, dossier, criterion)
