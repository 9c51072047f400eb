"""The use cases that the command line and the GUI both call.

A :class:`Desk` is one database file. Every method that changes something runs one
``BEGIN IMMEDIATE`` transaction that also appends the audit entry, and returns only once
it is committed (WAL, ``synchronous=FULL``): when it returns, the change is durable.
Refused input raises :class:`~jury_desk.core.errors.UserError` and changes nothing.
"""

from __future__ import annotations

import contextlib
import logging
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine
from sqlmodel import Session, col, delete, select

# Not ``bundle`` (JSON Schema, cryptography, zip checks: ~70 ms) nor ``deliberation``:
# they are imported by the methods that need them, so that the GUI's first paint does
# not pay for them (benchmarks/gui.py; tests/core/test_import_cost.py).
from jury_desk.core import audit, csvio, fsutil, ledger, paths, storage
from jury_desk.core import hearings as hearings_mod
from jury_desk.core.domain import (
    Attachment,
    Conflict,
    Criterion,
    Dossier,
    HolderKind,
    Juror,
    JuryDecision,
    LaureateDecision,
    RecusalKind,
    RecusalSource,
    Role,
    Rules,
    SessionInfo,
    Timer,
    decimal_text,
    to_fraction,
)
from jury_desk.core.errors import UserError, nested
from jury_desk.core.fsutil import fsync_dir

# The read side's dataclasses live in ``state`` (no ORM: the GUI's first paint and the
# read-only commands use them through ``quickread``); re-exported here for the callers.
from jury_desk.core.state import (
    Hearing,
    Recusal,
    ScoreWrite,
    SessionState,
    SessionSummary,
    format_value,
    scores_csv,
)
from jury_desk.core.storage import (
    AttachmentRow,
    AttendanceRow,
    CommentRow,
    ConflictRow,
    CriterionRow,
    DeliberationRow,
    DepartureRow,
    DossierRow,
    HearingRow,
    InvalidReasonRow,
    JurorRow,
    LaureateRow,
    OpinionRow,
    RecusalRow,
    ScoreRow,
    SessionRow,
    now_iso,
    reading,
    transaction,
)

if TYPE_CHECKING:
    from jury_desk.core import bundle
    from jury_desk.core.deliberation import Blocker, DeliberationResult
    from jury_desk.core.readmodel import DeliberationState

log = logging.getLogger(__name__)


# --------------------------------------------------------------------------- data out


@dataclass(frozen=True, slots=True)
class ImportReport:
    session_id: str
    title: str
    dossiers: int
    attachments: int
    attachment_bytes: int
    is_demo: bool
    unchanged: bool  # the same manifest was already imported: nothing changed


# --------------------------------------------------------------------------- helpers


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


class Desk:
    """One jury_desk database file and the operations on its sessions."""

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
                        f"Aucune session « {session_id} » dans « {self.db_path.name} ».",
                    )
                return session_id
            row = db.exec(
                select(SessionRow).order_by(col(SessionRow.imported_at).desc()).limit(1)
            ).first()
        if row is None:
            raise UserError(
                "no_session",
                f"La base « {self.db_path.name} » ne contient aucune session : importez d’abord un paquet de session.",
            )
        return row.id

    def import_bundle(
        self,
        path: Path,
        trusted: Sequence[Mapping[str, Any]] = (),
        progress: bundle.Progress | None = None,
    ) -> ImportReport:
        """Import a signed session bundle, all or nothing (CONTRACT sections 1 and 5)."""
        from jury_desk.core import bundle

        with bundle.open_bundle(Path(path), [dict(k) for k in trusted]) as opened:
            m = opened.manifest
            with reading(self.engine) as db:
                existing = db.get(SessionRow, m.session.id)
            if existing is not None and existing.manifest != opened.manifest_bytes:
                raise UserError("session_exists", params={"session": m.session.id})
            self.files.mkdir(parents=True, exist_ok=True)
            staging = self.files / f".staging-{uuid.uuid4().hex}"
            staging.mkdir()
            placed: list[Path] = []
            try:
                # Every attachment is checked, a re-import of the same manifest included.
                staged = opened.stage_attachments(staging, progress)
                if existing is not None:  # byte-identical manifest, intact bundle: nothing changes
                    return ImportReport(
                        m.session.id,
                        m.session.title,
                        len(m.dossiers),
                        len(staged),
                        opened.attachment_bytes,
                        existing.is_demo,
                        True,
                    )
                with transaction(self.engine) as db:
                    self._insert_manifest(db, opened)
                    audit.append(
                        db,
                        m.session.id,
                        "session.import",
                        {
                            "manifest_sha256": opened.manifest_sha256,
                            "signer_kid": opened.signer_kid,
                            "demo": opened.is_demo,
                            "dossiers": len(m.dossiers),
                            "attachments": len(staged),
                        },
                    )
                    for s in staged:
                        target = self._blob_path(s.attachment.sha256)
                        if target.exists():
                            continue
                        target.parent.mkdir(exist_ok=True)
                        fsutil.replace(s.staged, target)
                        placed.append(target)
                    for parent in sorted({p.parent for p in placed}):
                        fsync_dir(parent)
                    fsync_dir(self.files)
            except BaseException:
                for p in placed:
                    with contextlib.suppress(OSError, UserError):
                        fsutil.unlink(p, missing_ok=True)
                raise
            finally:
                fsutil.rmtree_quietly(staging)
        return ImportReport(
            m.session.id,
            m.session.title,
            len(m.dossiers),
            len(staged),
            opened.attachment_bytes,
            opened.is_demo,
            False,
        )

    def import_demo(self, progress: bundle.Progress | None = None) -> ImportReport:
        from jury_desk.core import bundle

        return self.import_bundle(bundle.demo_bundle_path(), (), progress)

    def _insert_manifest(self, db: Session, opened: bundle.OpenedBundle) -> None:
        m = opened.manifest
        s = m.session
        sid = s.id
        db.add(
            SessionRow(
                id=sid,
                title=s.title,
                edition=s.edition,
                date=s.date,
                venue=s.venue,
                quorum=s.rules.quorum,
                min_sheets=s.rules.min_sheets,
                min_score=decimal_text(s.rules.min_score),
                envelope_cents=s.rules.envelope_cents,
                max_laureates=s.rules.max_laureates,
                presentation_s=s.timer.presentation_s,
                questions_s=s.timer.questions_s,
                warning_s=s.timer.warning_s,
                manifest=opened.manifest_bytes,
                manifest_sha256=opened.manifest_sha256,
                manifest_jws=opened.manifest_jws,
                trusted_kid=opened.signer_kid,
                is_demo=opened.is_demo,
                imported_at=now_iso(),
            )
        )
        db.flush()
        for i, c in enumerate(m.criteria):
            db.add(
                CriterionRow(
                    session_id=sid,
                    id=c.id,
                    position=i,
                    label=c.label,
                    description=c.description,
                    weight=decimal_text(c.weight),
                    min=decimal_text(c.min),
                    max=decimal_text(c.max),
                    step=decimal_text(c.step),
                )
            )
        for i, j in enumerate(m.jurors):
            db.add(
                JurorRow(
                    session_id=sid,
                    id=j.id,
                    position=i,
                    name=j.name,
                    role=j.role.value,
                    organisation=j.organisation,
                    commune=j.commune,
                )
            )
        for d in m.dossiers:
            db.add(
                DossierRow(
                    session_id=sid,
                    id=d.id,
                    reference=d.reference,
                    title=d.title,
                    commune=d.commune,
                    qpv_code=d.qpv_code,
                    qpv_name=d.qpv_name,
                    holder_name=d.holder_name,
                    holder_kind=d.holder_kind.value,
                    holder_rna=d.holder_rna,
                    holder_siret=d.holder_siret,
                    holder_contact=d.holder_contact,
                    project_manager=d.project_manager,
                    summary=d.summary,
                    amount_requested_cents=d.amount_requested_cents,
                    budget_total_cents=d.budget_total_cents,
                    hearing_order=d.hearing_order,
                    hearing_start=d.hearing_start,
                )
            )
            db.add(HearingRow(session_id=sid, dossier_id=d.id))
            for pos, a in enumerate(d.attachments):
                db.add(
                    AttachmentRow(
                        session_id=sid,
                        dossier_id=d.id,
                        position=pos,
                        name=a.path,
                        title=a.title,
                        media_type=a.media_type,
                        bytes=a.bytes,
                        sha256=a.sha256,
                    )
                )
        for conflict in m.conflicts:
            db.add(
                ConflictRow(
                    session_id=sid,
                    juror_id=conflict.juror_id,
                    dossier_id=conflict.dossier_id,
                    reason=conflict.reason,
                )
            )
        db.add(DeliberationRow(session_id=sid))

    def _blob_path(self, sha256: str) -> Path:
        return self.files / sha256[:2] / sha256

    def attachment_content(self, session_id: str, dossier_id: str, position: int) -> bytes:
        with reading(self.engine) as db:
            row = db.get(AttachmentRow, (session_id, dossier_id, position))
        if row is None:
            raise UserError("unknown_attachment", "Pièce jointe introuvable.")
        data = self._blob_path(row.sha256).read_bytes()
        return data

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
        sid = self.resolve(session_id)
        with reading(self.engine) as db:
            srow = db.get(SessionRow, sid)
            assert srow is not None
            criteria, jurors, dossiers, conflicts, _ = self._load_static(db, sid)
            att = {
                r.juror_id: r.present
                for r in db.exec(select(AttendanceRow).where(AttendanceRow.session_id == sid))
            }
            present = frozenset(j.id for j in jurors if att.get(j.id, True))
            recusals = [
                Recusal(
                    c.juror_id,
                    c.dossier_id,
                    RecusalKind.CONFLICT,
                    c.reason,
                    RecusalSource.BUNDLE,
                    None,
                )
                for c in conflicts
            ]
            bundle_pairs = {(c.juror_id, c.dossier_id) for c in conflicts}
            for r in db.exec(
                select(RecusalRow).where(RecusalRow.session_id == sid).order_by(col(RecusalRow.at))
            ):
                if (r.juror_id, r.dossier_id) not in bundle_pairs:
                    recusals.append(
                        Recusal(
                            r.juror_id,
                            r.dossier_id,
                            RecusalKind(r.kind),
                            r.reason,
                            RecusalSource.SESSION,
                            r.at,
                        )
                    )
            values: dict[str, Fraction] = {}  # a few distinct texts: convert each once

            def exact(text: str) -> Fraction:
                found = values.get(text)
                if found is None:
                    found = values[text] = to_fraction(text)
                return found

            scores = {
                (d, j, c): exact(v)
                for d, j, c, v in db.exec(
                    select(
                        ScoreRow.dossier_id,
                        ScoreRow.juror_id,
                        ScoreRow.criterion_id,
                        ScoreRow.value,
                    ).where(ScoreRow.session_id == sid)
                )
            }
            comments = {
                (r.dossier_id, r.juror_id): r.text
                for r in db.exec(select(CommentRow).where(CommentRow.session_id == sid))
            }
            opinions = {
                r.dossier_id: r.text
                for r in db.exec(select(OpinionRow).where(OpinionRow.session_id == sid))
            }
            invalid = {
                r.dossier_id: r.reason
                for r in db.exec(select(InvalidReasonRow).where(InvalidReasonRow.session_id == sid))
            }
            hearings = {
                r.dossier_id: Hearing(
                    r.dossier_id,
                    r.state,
                    r.started_at,
                    r.presentation_s,
                    r.questions_s,
                    r.phase,
                    r.phase_elapsed_ms,
                    r.running_since,
                )
                for r in db.exec(select(HearingRow).where(HearingRow.session_id == sid))
            }
            delib = db.get(DeliberationRow, sid)
            assert delib is not None
            order = {d.id: d.hearing_order for d in dossiers}
            laureates = tuple(
                sorted(
                    (
                        LaureateDecision(r.dossier_id, r.amount_cents, r.justification)
                        for r in db.exec(select(LaureateRow).where(LaureateRow.session_id == sid))
                    ),
                    key=lambda x: order.get(x.dossier_id, 0),
                )
            )
            departures = {
                r.dossier_id: r.justification
                for r in db.exec(select(DepartureRow).where(DepartureRow.session_id == sid))
            }
            head_row = db.exec(
                select(storage.AuditRow)
                .where(storage.AuditRow.session_id == sid)
                .order_by(col(storage.AuditRow.seq).desc())
                .limit(1)
            ).first()
        return SessionState(
            info=_info(srow),
            is_demo=srow.is_demo,
            manifest_sha256=srow.manifest_sha256,
            criteria=criteria,
            jurors=jurors,
            dossiers=dossiers,
            conflicts=conflicts,
            attendance_taken=srow.attendance_taken,
            present=present,
            recusals=tuple(recusals),
            scores=scores,
            comments=comments,
            opinions=opinions,
            invalid_reasons=invalid,
            hearings=hearings,
            blind=srow.blind,
            revealed=srow.revealed,
            current_dossier_id=srow.current_dossier_id,
            opened_at=delib.opened_at,
            closed_at=delib.closed_at,
            notes=delib.notes,
            decision_made=delib.decision_made,
            laureates=laureates,
            departures=departures,
            export_seq=delib.export_seq,
            audit_head=head_row.hash if head_row else audit.GENESIS,
            audit_count=head_row.seq if head_row else 0,
            sd_threshold=to_fraction(srow.sd_threshold),
            range_threshold=to_fraction(srow.range_threshold),
        )

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

    def set_attendance(
        self, session_id: str, absent: Iterable[str], actor: str = "secretariat"
    ) -> None:
        """Take attendance: the named jurors are absent, every other one present."""
        absent = set(absent)
        with transaction(self.engine) as db:
            srow = self._open_for_change(db, session_id)
            for j in absent:
                self._check_ids(db, session_id, juror=j)
            _, jurors, _, _ = self._static_for(db, session_id)
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
            _, jurors, _, _ = self._static_for(db, session_id)
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
            _, _, _, conflicts = self._static_for(db, session_id)
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
    ) -> ScoreWrite:
        """Record (or correct) one value; durable when this returns.

        The hot path of the hearing room: plain SQL on one connection (no ORM unit of
        work), one BEGIN IMMEDIATE transaction with its audit entry. ``request_key``
        (a juror device's idempotency key) is kept in the audit entry's data, so a write
        retried after a crash is recognised (:mod:`jury_desk.core.devices`).
        """
        if session_id not in self._static:
            with reading(self.engine) as db:
                self._load_static(db, session_id)
        with self.engine.begin() as conn:
            closed = conn.exec_driver_sql(
                "SELECT closed_at FROM deliberation WHERE session_id = ?", (session_id,)
            ).first()
            if closed is None:
                raise UserError("unknown_session", params={"session": session_id})
            if closed[0]:
                raise UserError("closed")
            return self._write_score(
                conn, session_id, dossier_id, juror_id, criterion_id, value, actor, request_key
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
    ) -> ScoreWrite:
        lookups = self._static[sid][4]
        _require_known(lookups, juror_id, dossier_id, criterion_id)
        crit, _, _, conflicts = lookups
        v = self.validate_value(crit[criterion_id], value)
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
        key = (sid, dossier_id, juror_id, criterion_id)
        prev_row = conn.exec_driver_sql(
            "SELECT value FROM score WHERE session_id = ? AND dossier_id = ? AND juror_id = ?"
            " AND criterion_id = ?",
            key,
        ).first()
        previous = to_fraction(prev_row[0]) if prev_row is not None else None
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
    ) -> ScoreWrite:
        with transaction(self.engine) as db:
            self._open_for_change(db, session_id)
            row = db.get(ScoreRow, (session_id, dossier_id, juror_id, criterion_id))
            if row is None:
                raise UserError("no_value")
            previous = to_fraction(row.value)
            db.delete(row)
            audit.append(
                db,
                session_id,
                "score.clear",
                {
                    "dossier_id": dossier_id,
                    "juror_id": juror_id,
                    "criterion_id": criterion_id,
                    "previous": decimal_text(previous),
                },
                actor,
            )
            return ScoreWrite(dossier_id, juror_id, criterion_id, None, previous, now_iso())

    def record_scores(
        self,
        session_id: str,
        rows: Sequence[tuple[str, str, str, object]],
        actor: str = "secretariat",
    ) -> int:
        """All rows or none (paper sheets)."""
        with transaction(self.engine) as db:
            self._open_for_change(db, session_id)
            self._static_for(db, session_id)
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
                where = f"Audition {i} (dossier {e.dossier_id}) : " if len(entries) > 1 else ""
                try:
                    self._check_ids(db, session_id, dossier=e.dossier_id)
                except UserError as exc:
                    raise UserError(exc.code, where + exc.message) from exc
                row = db.get(HearingRow, (session_id, e.dossier_id))
                assert row is not None
                if row.started_at is not None or row.state != "a_venir":
                    raise UserError(
                        "hearing_already_recorded",
                        where
                        + f"l’audition du dossier {e.dossier_id} est déjà enregistrée"
                        + (f" (commencée le {row.started_at})" if row.started_at else "")
                        + ". Aucune audition n’a été enregistrée.",
                    )
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
            _, _, dossiers, _ = self._static_for(db, session_id)
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

    def blockers(self, session_id: str | None = None) -> list[Blocker]:
        """What stops closing on the jury's effective decision (codes and parameters)."""
        return list(self.deliberation_state(session_id).blockers)

    def close_deliberation(
        self, session_id: str, *, accept_proposal: bool = False, actor: str = "secretariat"
    ) -> None:
        """Close the deliberation, or raise ClosingBlocked listing every blocking item.

        ``accept_proposal``: close on the default proposal (it becomes the jury's list);
        otherwise the jury must have set its own list (blocker ``decision_not_set``).
        """
        from jury_desk.core.deliberation import Blocker
        from jury_desk.core.errors import ClosingBlocked

        ds = self.deliberation_state(session_id)
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
