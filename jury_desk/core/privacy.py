"""Purge: erase every piece of personal data that jury_desk keeps for one database.

What goes (:func:`purge`):

- the database, scrubbed first (``secure_delete=ON``, every row deleted, ``VACUUM``,
  in ``PERSIST`` journal mode so that the rollback journal stays where it can be
  overwritten), then each of its files (``<db>``, ``-wal``, ``-shm``, ``-journal``)
  overwritten with zeros, synced and removed;
- the other files jury_desk keeps beside it: the attachment store ``<db>.files/``
  (with any staging folder left inside), the snapshots ``<db>.snapshots/``, migration
  backups (``<db>.avant-migration-vN``), temporary restore copies;
- this database's folder in the second snapshot folder (a USB key), if one is set;
- the result bundles that jury_desk wrote, as recorded in the local exports ledger
  (``core.ledger``) and the audit log, and only those files whose SHA-256 is one recorded
  for them (ledger, ``export.verified``): a file without a recorded hash, or whose
  bytes differ (the user replaced it, another database wrote the same name), is kept
  and reported;
- the ``.part`` files that killed exports left in their target folders.

Overwriting is best effort: on SSDs, journaling or copy-on-write filesystems, and with
backups or cloud sync, old blocks may survive (see ``docs/reliability.md``). The
``<db>.lock`` file (a process id, no personal data) is left to the instance lock.

A purge is refused (:class:`UserError`) unless, for every real session (the
demonstration aside), the last export was verified or is older than
``purge_after_days`` (settings, 30 by default); ``force=True`` overrides. A failed
export (``export.failed``) counts for nothing. An export counts as verified when its
``export.written`` entry says ``"verified": true`` or a later ``export.verified`` entry
(:func:`mark_export_verified`) names its ``export_seq`` (or names none).
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import os
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jury_desk.core import fsutil, ledger
from jury_desk.core import settings as settings_mod
from jury_desk.core.errors import Problem, UserError, nested
from jury_desk.core.records import record

if TYPE_CHECKING:
    from jury_desk.core.services import Desk

log = logging.getLogger(__name__)

_CHUNK = 1024 * 1024
_ZEROS = bytes(_CHUNK)


# --------------------------------------------------------------------------- status


@record
class ExportRecord:
    seq: int  # export_seq
    at: datetime
    verified: bool
    paths: tuple[Path, ...]  # the ``path`` first, then any ``paths``
    sha256: str | None  # of the archive written, when recorded
    failed: bool = False  # an ``export.failed`` entry names it: no file was written


@record
class SessionPurgeStatus:
    session_id: str
    title: str
    is_demo: bool
    last_export: ExportRecord | None
    allowed: bool  # this session does not hold the purge back
    reason: Problem | None  # why not, when not allowed (``purge.*`` in the catalogue)
    due: bool  # past the retention period


@record
class PurgeStatus:
    db_path: Path
    exists: bool
    retention_days: int
    sessions: tuple[SessionPurgeStatus, ...]
    exports: tuple[ExportRecord, ...] = ()  # every export of every session

    @property
    def export_files(self) -> tuple[Path, ...]:
        """Files jury_desk wrote that the purge would remove (those still present)."""
        found = [p for e in self.exports for p in e.paths if p.exists() or p.is_symlink()]
        return tuple(dict.fromkeys(found))

    @property
    def allowed(self) -> bool:
        return all(s.allowed for s in self.sessions)

    @property
    def due(self) -> bool:
        """Every real session is past retention (and there is one): time to purge."""
        real = [s for s in self.sessions if not s.is_demo]
        return bool(real) and all(s.due for s in real)

    @property
    def problems(self) -> list[Problem]:
        """Why the purge is refused, one per session that holds it back."""
        return [s.reason for s in self.sessions if s.reason is not None]

    @property
    def reasons(self) -> list[str]:
        """The same in French (the command line's words)."""
        return [p.message for p in self.problems]


@dataclass
class PurgeReport:
    db_path: Path
    sessions: list[str] = field(default_factory=list)  # ids
    files_removed: int = 0
    bytes_overwritten: int = 0
    exports_removed: list[Path] = field(default_factory=list)
    kept: list[tuple[Path, Problem]] = field(default_factory=list)  # (path, why: purge.kept.*)
    failures: list[tuple[Path, Problem]] = field(default_factory=list)  # purge.failed.*

    @property
    def complete(self) -> bool:
        return not self.failures


def _parse_at(text: str) -> datetime:
    dt = datetime.fromisoformat(text)
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def _ledger(db_path: Path) -> dict[tuple[str, int], tuple[tuple[Path, ...], str | None]]:
    """Where each export was written and its SHA-256 (``<db>.exports``, local: the audit
    log only names the file)."""
    out: dict[tuple[str, int], tuple[tuple[Path, ...], str | None]] = {}
    for w in ledger.written(db_path):
        key = (w.session_id, w.export_seq)
        found, sha = out.get(key, ((), None))
        out[key] = ((*found, w.path), w.sha256 or sha)
    return out


def _with_ledger(
    record: ExportRecord, found: tuple[tuple[Path, ...], str | None] | None
) -> ExportRecord:
    if not found:
        return record
    where, sha = found
    return dataclasses.replace(
        record,
        paths=tuple(dict.fromkeys((*record.paths, *where))),
        sha256=record.sha256 or sha,
    )


def _exports(rows: Iterable[tuple[int, str, str, str]]) -> list[ExportRecord]:
    """Export records from one session's (seq, at, action, data) audit rows, in order."""
    written: list[dict[str, Any]] = []
    verified_seqs: set[int] = set()
    failed_seqs: set[int] = set()
    hashes: dict[int, str] = {}
    for _seq, at, action, data_text in rows:
        try:
            data = json.loads(data_text)
        except json.JSONDecodeError:
            continue
        if not isinstance(data, dict):
            continue
        if action == "export.written":
            written.append({"at": at, "data": data})
        elif action == "export.failed":
            if isinstance(data.get("export_seq"), int):
                failed_seqs.add(data["export_seq"])
        elif action == "export.verified":
            target = data.get("export_seq")
            if not isinstance(target, int) and written:
                target = int(written[-1]["data"].get("export_seq", len(written)))
            if isinstance(target, int):
                verified_seqs.add(target)
                if isinstance(data.get("sha256"), str):
                    hashes[target] = data["sha256"]
    out: list[ExportRecord] = []
    for n, w in enumerate(written, 1):
        data = w["data"]
        seq = data.get("export_seq", n)
        seq = seq if isinstance(seq, int) else n
        files: list[Path] = []
        if isinstance(data.get("path"), str) and data["path"]:
            files.append(Path(data["path"]))
        if isinstance(data.get("paths"), list):
            files.extend(Path(p) for p in data["paths"] if isinstance(p, str) and p)
        sha = data.get("sha256") if isinstance(data.get("sha256"), str) else hashes.get(seq)
        out.append(
            ExportRecord(
                seq,
                _parse_at(w["at"]),
                seq not in failed_seqs and (data.get("verified") is True or seq in verified_seqs),
                tuple(files),
                sha,
                seq in failed_seqs,
            )
        )
    return out


def purge_status(
    db_path: Path, *, now: datetime | None = None, settings: settings_mod.Settings | None = None
) -> PurgeStatus:
    """Whether the database may be purged without ``force``, session by session."""
    db_path = Path(db_path)
    cfg = settings or settings_mod.load()
    now = now or datetime.now(UTC)
    limit = timedelta(days=cfg.purge_after_days)
    if not db_path.is_file():
        return PurgeStatus(db_path, False, cfg.purge_after_days, ())
    try:
        # Read-write on purpose: a read-only connection to a WAL database leaves -wal and
        # -shm files behind when it closes.
        con = sqlite3.connect(db_path)
        try:
            sessions = con.execute(
                "SELECT id, title, is_demo FROM session ORDER BY imported_at"
            ).fetchall()
            audit_rows = con.execute(
                "SELECT session_id, seq, at, action, data FROM audit WHERE action IN "
                "('export.written', 'export.verified', 'export.failed') ORDER BY session_id, seq"
            ).fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError:
        # Not readable as a jury_desk database: nothing tells us an export happened.
        unreadable = Problem("purge_refused", "purge.unreadable", db=db_path.name)
        return PurgeStatus(
            db_path,
            True,
            cfg.purge_after_days,
            (SessionPurgeStatus("?", db_path.name, False, None, False, unreadable, False),),
        )
    by_session: dict[str, list[tuple[int, str, str, str]]] = {}
    for sid, seq, at, action, data in audit_rows:
        by_session.setdefault(str(sid), []).append((int(seq), str(at), str(action), str(data)))
    recorded = _ledger(db_path)
    statuses: list[SessionPurgeStatus] = []
    records: list[ExportRecord] = []
    for sid, title, is_demo in sessions:
        exports = [
            _with_ledger(e, recorded.get((str(sid), e.seq)))
            for e in _exports(by_session.get(str(sid), []))
        ]
        records.extend(exports)
        # A failed export wrote no file: it neither allows nor holds back the purge.
        done = [e for e in exports if not e.failed]
        last = done[-1] if done else None
        demo = bool(is_demo)
        due = last is not None and now - last.at >= limit
        reason: Problem | None
        if demo:
            allowed, reason = True, None
        elif last is None:
            allowed = False
            reason = Problem("purge_refused", "purge.never_exported", title=str(title))
        elif last.verified or due:
            allowed, reason = True, None
        else:
            allowed = False
            local = last.at.astimezone()
            reason = Problem(
                "purge_refused",
                "purge.not_verified",
                title=str(title),
                seq=last.seq,
                date=f"{local:%d/%m/%Y}",
                hour=local.hour,
                minute=f"{local.minute:02d}",
                days=cfg.purge_after_days,
            )
        statuses.append(SessionPurgeStatus(str(sid), str(title), demo, last, allowed, reason, due))
    return PurgeStatus(db_path, True, cfg.purge_after_days, tuple(statuses), tuple(records))


def purge_due(
    db_path: Path, *, now: datetime | None = None, settings: settings_mod.Settings | None = None
) -> bool:
    """For the GUI's reminder: reminders on, and every real session past retention."""
    cfg = settings or settings_mod.load()
    if not cfg.purge_reminder:
        return False
    return purge_status(db_path, now=now, settings=cfg).due


def mark_export_verified(
    desk: Desk,
    session_id: str,
    export_seq: int,
    *,
    path: Path | None = None,
    sha256: str | None = None,
    actor: str = "secretariat",
) -> None:
    """Record that export n° ``export_seq`` was checked (``export.verified`` in the
    audit log): call it after ``export.verify_result`` passed on the written file.
    ``sha256`` is the archive's, which the purge compares before erasing a file."""
    from jury_desk.core import audit, storage

    data: dict[str, Any] = {"export_seq": int(export_seq)}
    if path is not None:
        data["path"] = str(path)
    if sha256 is not None:
        data["sha256"] = sha256
    with storage.transaction(desk.engine) as db:
        audit.append(db, session_id, "export.verified", data, actor)


# --------------------------------------------------------------------------- erasing


def _overwrite(path: Path, report: PurgeReport) -> None:
    """Overwrite a regular file with zeros (same length), sync, remove it."""
    try:
        if path.is_symlink() or not path.is_file():
            fsutil.unlink(path, missing_ok=True)
            report.files_removed += 1
            return
        size = path.stat().st_size
        with open(path, "r+b") as fh:
            left = size
            while left > 0:
                n = min(left, _CHUNK)
                fh.write(_ZEROS[:n])
                left -= n
            fh.flush()
            os.fsync(fh.fileno())
        report.bytes_overwritten += size
        fsutil.unlink(path)
        report.files_removed += 1
    except fsutil.FileInUse as exc:
        report.failures.append((path, _held(exc)))
    except OSError as exc:
        report.failures.append((path, _failed(exc)))
        with contextlib.suppress(OSError, UserError):
            fsutil.unlink(path)


def _held(exc: fsutil.FileInUse) -> Problem:
    """A file another program holds: the refusal, worded in the reader's language."""
    return Problem("purge_failed", "purge.held", **nested(exc))


def _failed(exc: OSError) -> Problem:
    """The system's own words (its language) for a file that could not be erased."""
    return Problem("purge_failed", "purge.failed", detail=exc.strerror or str(exc))


def _erase_tree(root: Path, report: PurgeReport) -> None:
    if root.is_symlink() or root.is_file():
        _overwrite(root, report)
        return
    if not root.is_dir():
        return
    for dirpath, _dirs, filenames in os.walk(root, topdown=False, followlinks=False):
        for name in filenames:
            _overwrite(Path(dirpath) / name, report)
    try:
        fsutil.rmtree(root)
    except fsutil.FileInUse as exc:
        report.failures.append((root, _held(exc)))
    except OSError as exc:
        report.failures.append((root, _failed(exc)))


def _scrub_database(db_path: Path, report: PurgeReport) -> list[str]:
    """Delete every row with secure_delete on, then VACUUM; returns the session ids."""
    sessions: list[str] = []
    try:
        con = sqlite3.connect(db_path, isolation_level=None)
    except sqlite3.Error as exc:
        report.failures.append((db_path, Problem("purge_failed", "purge.failed", detail=str(exc))))
        return sessions
    try:
        with contextlib.suppress(sqlite3.DatabaseError):
            sessions = [str(r[0]) for r in con.execute("SELECT id FROM session")]
        con.execute("PRAGMA secure_delete=ON")
        # Leave WAL (its file is removed by SQLite) for a journal that stays on disk, so
        # that it can be overwritten below.
        con.execute("PRAGMA journal_mode=PERSIST")
        con.execute("PRAGMA foreign_keys=OFF")
        tables = [
            str(r[0])
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        triggers = [
            str(r[0]) for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        ]
        con.execute("BEGIN IMMEDIATE")
        for t in triggers:  # the audit log refuses DELETE: the purge is the one exception
            con.execute(f'DROP TRIGGER "{t}"')
        for t in tables:
            con.execute(f'DELETE FROM "{t}"')
        con.execute("COMMIT")
        con.execute("VACUUM")
    except sqlite3.DatabaseError as exc:
        log.warning(
            "purge: database scrub failed (%s); files are overwritten anyway", type(exc).__name__
        )
        report.failures.append((db_path, Problem("purge_failed", "purge.scrub", detail=str(exc))))
    finally:
        con.close()
    return sessions


def _sha256(path: Path) -> str:
    import hashlib

    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


def _db_siblings(db_path: Path) -> list[Path]:
    """The files and folders jury_desk keeps beside this database (the lock aside):
    ``.files``, ``.snapshots``, migration backups and temporary restore copies. A copy
    the user made by hand (``jury.sqlite3.bak``) is not ours and stays."""
    folder = db_path.parent
    if not folder.is_dir():
        return []
    # NTFS matches names without regard to case: `purge --db c:\jury\jury.sqlite3` must
    # find the folders of a file created as `Jury.sqlite3`.
    pattern = re.compile(
        re.escape(db_path.name)
        + r"\.(files|snapshots|exports|avant-migration-v\d+|restauration\.tmp)(-wal|-shm|-journal)?",
        re.IGNORECASE if fsutil.is_windows() else 0,
    )
    return sorted(p for p in folder.iterdir() if pattern.fullmatch(p.name))


def purge(
    db_path: Path, *, force: bool = False, settings: settings_mod.Settings | None = None
) -> PurgeReport:
    """Erase this database and every file of personal data that belongs to it.

    The caller must have closed its Desk on ``db_path``. Refused (:class:`UserError`)
    unless :func:`purge_status` allows it or ``force`` is set; otherwise best effort:
    what could not be removed is listed in ``PurgeReport.failures``.
    """
    db_path = Path(db_path)
    cfg = settings or settings_mod.load()
    status = purge_status(db_path, settings=cfg)
    if not status.allowed and not force:
        raise UserError("purge_refused", details=status.reasons)
    report = PurgeReport(db_path)

    # 1. Exports that jury_desk wrote (read from the audit log before it goes), and the
    #    temporary files of exports that were killed half-way.
    for p in status.export_files:
        _purge_export(p, status, report)
    report.files_removed += len(ledger.remove_stale_parts(db_path))

    # 2. The database itself: scrub, then overwrite its files.
    if db_path.is_file():
        report.sessions = _scrub_database(db_path, report)
    for suffix in ("", "-journal", "-wal", "-shm"):
        p = db_path.with_name(db_path.name + suffix)
        if p.exists() or p.is_symlink():
            _overwrite(p, report)

    # 3. What else jury_desk keeps beside it: attachments, snapshots, staging,
    #    migration backups, temporary restore copies.
    for p in _db_siblings(db_path):
        _erase_tree(p, report)

    # 4. This database's folder on the second snapshot folder (a USB key).
    if cfg.secondary_snapshot_dir is not None:
        from jury_desk.core import snapshots

        _erase_tree(snapshots.secondary_dir(db_path, cfg.secondary_snapshot_dir), report)

    # 4b. Attachments copied for the system's reader and left by a crash.
    from jury_desk.core import external_copies

    for p in external_copies.leftovers():
        _erase_tree(p, report)

    # 5. Settings that point at the purged database.
    current = settings_mod.load()
    if current.last_db is not None and _same(current.last_db, db_path):
        with contextlib.suppress(UserError):
            settings_mod.save(current.replace(last_db=None, last_session_id=None))

    log.info(
        "purge of %s: %d files removed, %d bytes overwritten, %d exports, %d failures",
        db_path.name,
        report.files_removed,
        report.bytes_overwritten,
        len(report.exports_removed),
        len(report.failures),
    )
    return report


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


def _purge_export(p: Path, status: PurgeStatus, report: PurgeReport) -> None:
    """Erase an export file only when its bytes are those jury_desk recorded for it: a
    file of the same name written since (by another database, by hand) is not ours."""
    if not (p.exists() or p.is_symlink()):
        return
    if p.is_symlink() or not p.is_file():
        report.kept.append((p, Problem("purge_kept", "purge.kept.not_a_file")))
        return
    expected = {e.sha256 for e in status.exports if e.sha256 and p in e.paths}
    if not expected:
        report.kept.append((p, Problem("purge_kept", "purge.kept.no_digest")))
        return
    try:
        actual = _sha256(p)
    except OSError as exc:
        report.failures.append((p, _failed(exc)))
        return
    if actual not in expected:
        report.kept.append((p, Problem("purge_kept", "purge.kept.changed")))
        return
    before = report.files_removed
    _overwrite(p, report)
    if report.files_removed > before:
        report.exports_removed.append(p)
