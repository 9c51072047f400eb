"""What every part of :class:`jury_desk.core.services.Desk` stands on: the database file,
its engine, the session's reading (through :mod:`jury_desk.core.quickread`), the ids a
write may name, and the helpers that turn rows into domain objects."""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from jury_desk.core import audit, fsutil, ledger, paths, quickread, storage
from jury_desk.core.domain import (
    Criterion,
    Juror,
    Role,
    Rules,
    SessionInfo,
    Timer,
    to_fraction,
)
from jury_desk.core.errors import UserError
from jury_desk.core.records import record
from jury_desk.core.state import SessionState, SessionSummary
from jury_desk.core.storage import (
    ConflictRow,
    CriterionRow,
    DeliberationRow,
    DossierRow,
    JurorRow,
    SessionRow,
    reading,
)

log = logging.getLogger(__name__)


@record
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


@record
class SessionIds:
    """What a write may name in a session, read once per :class:`DeskBase` (a session's
    manifest never changes): its criteria with their scales, its jurors in order, its
    dossiers, and the conflicts of interest the bundle declared."""

    criteria: Mapping[str, Criterion]
    jurors: Mapping[str, Juror]
    dossiers: frozenset[str]
    conflicts: frozenset[tuple[str, str]]  # (juror, dossier)

    def require(
        self,
        juror: str | None = None,
        dossier: str | None = None,
        criterion: str | None = None,
    ) -> None:
        """Refuse an id that the session does not have (None: not asked)."""
        if juror is not None and juror not in self.jurors:
            raise UserError("unknown_juror", params={"juror": juror})
        if dossier is not None and dossier not in self.dossiers:
            raise UserError("unknown_dossier", params={"dossier": dossier})
        if criterion is not None and criterion not in self.criteria:
            raise UserError("unknown_criterion", params={"criterion": criterion})


class DeskBase:
    """One jury_desk database file: the engine, the reading, the checks before a write."""

    def __init__(self, db_path: Path | None = None) -> None:
        self.db_path = Path(db_path) if db_path else paths.default_db()
        self.engine: Engine = storage.open_database(self.db_path)
        self.files = paths.files_dir(self.db_path)
        self._ids: dict[str, SessionIds] = {}
        # DeliberationDesk.value_authors: per session, the last audit entry folded (seq,
        # hash) and each value's author so far; read from any thread
        self._authors: dict[str, tuple[int, str, dict[tuple[str, str, str], str]]] = {}
        self._authors_lock = threading.Lock()
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

    def _session_ids(self, db: Session, session_id: str) -> SessionIds:
        cached = self._ids.get(session_id)
        if cached is not None:
            return cached
        criteria = db.exec(
            select(CriterionRow)
            .where(CriterionRow.session_id == session_id)
            .order_by(col(CriterionRow.position))
        )
        jurors = db.exec(
            select(JurorRow)
            .where(JurorRow.session_id == session_id)
            .order_by(col(JurorRow.position))
        )
        dossiers = db.exec(select(DossierRow.id).where(DossierRow.session_id == session_id))
        conflicts = db.exec(
            select(ConflictRow.juror_id, ConflictRow.dossier_id).where(
                ConflictRow.session_id == session_id
            )
        )
        cached = SessionIds(
            {r.id: _criterion(r) for r in criteria},
            {r.id: _juror(r) for r in jurors},
            frozenset(dossiers),
            frozenset((j, d) for j, d in conflicts),
        )
        self._ids[session_id] = cached
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

    def _check_ids(
        self,
        db: Session,
        sid: str,
        *,
        juror: str | None = None,
        dossier: str | None = None,
        criterion: str | None = None,
    ) -> None:
        self._session_ids(db, sid).require(juror, dossier, criterion)
