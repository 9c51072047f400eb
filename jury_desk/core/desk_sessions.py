"""Sessions: importing a signed session bundle (or the demonstration), and the attachments
it brought."""

from __future__ import annotations

import contextlib
import logging
import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlmodel import Session

from jury_desk.core import audit, fsutil
from jury_desk.core.domain import decimal_text
from jury_desk.core.errors import UserError
from jury_desk.core.fsutil import fsync_dir
from jury_desk.core.storage import (
    AttachmentRow,
    ConflictRow,
    CriterionRow,
    DeliberationRow,
    DossierRow,
    HearingRow,
    JurorRow,
    SessionRow,
    now_iso,
    reading,
    transaction,
)

if TYPE_CHECKING:
    from jury_desk.core import bundle

from jury_desk.core.desk_base import DeskBase, ImportReport

log = logging.getLogger(__name__)


class SessionsDesk(DeskBase):
    """Importing sessions and reading their attachments."""

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
            raise UserError(
                "unknown_attachment", params={"dossier": dossier_id, "position": position + 1}
            )
        data = self._blob_path(row.sha256).read_bytes()
        return data
