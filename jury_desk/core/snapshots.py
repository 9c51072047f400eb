"""Snapshots of the database, and restoring one.

A snapshot is a consistent copy of the live database made by SQLite's ``VACUUM INTO``
(never a file copy, which could catch a half-written page or miss the WAL), in
``<db>.snapshots/`` beside the database, named ``<UTC time>Z_<reason>.sqlite3`` so
that names sort by time. The last :data:`KEEP` are kept. When the settings name a
second folder (a USB key), the snapshot is also copied there, under a folder of its own
for this database; if that copy fails the first snapshot still stands and the failure
is reported (:class:`SnapshotResult`), never raised. That copy runs on a thread of its
own and is waited for at most :data:`SECONDARY_WAIT_SECONDS`: an offline network drive
or a sleeping USB hub can block a file operation for tens of seconds, and a snapshot is
taken on the database writer's thread (after each hearing), where score saving waits.
A copy that has not finished by then goes on in the background (its failure is logged,
which the GUI watches); while it runs, later snapshots do not queue behind it.

Attachments are not in the database: they live in ``<db>.files/``, content-addressed
and never modified, so a snapshot needs only the rows and a restore leaves them alone.

Restoring (:func:`restore`) requires the caller to have closed its :class:`Desk` on
that database (the CLI also holds the instance lock). It checks the snapshot
(``integrity_check``, schema version), snapshots the current database first
("avant-restauration"), prepares the restored copy beside the database with a
``snapshot.restore`` entry in the audit log of each of its sessions, removes the old
``-wal``/``-shm`` files and puts the copy in place with one ``os.replace``.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import shutil
import sqlite3
import threading
import unicodedata
from dataclasses import field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy.exc

from jury_desk.core import audit, fsutil, paths, storage
from jury_desk.core import settings as settings_mod
from jury_desk.core.errors import Problem, UserError, nested
from jury_desk.core.fsutil import fsync_dir
from jury_desk.core.records import record

if TYPE_CHECKING:
    from jury_desk.core.services import Desk

log = logging.getLogger(__name__)

KEEP = 10
SUFFIX = ".sqlite3"
_NAME_RE = re.compile(r"^(\d{8}-\d{6}-\d{6})Z_([a-z0-9-]{1,60})\.sqlite3$")
_STAMP_FMT = "%Y%m%d-%H%M%S-%f"
BEFORE_RESTORE = "avant-restauration"
BEFORE_EXPORT = "avant-export"
AFTER_HEARING = "apres-audition"

# The reasons a snapshot is taken (its name's slug), worded by ``jury_desk.messages``
# (``snapshot.reason.<slug>``); a slug may carry more after them (« apres-audition-11 »).
REASONS = ("apres-audition", "avant-export", "avant-restauration", "avant-purge", "manuel")


# --------------------------------------------------------------------------- data


@record
class SnapshotSession:
    id: str
    title: str
    audit_entries: int


@record
class SnapshotInfo:
    path: Path
    taken_at: datetime  # aware, UTC
    reason: str  # the slug in the file name
    size: int
    sessions: tuple[SnapshotSession, ...] = ()
    location: str = "principal"  # principal | secondaire
    readable: bool = True

    @property
    def reason_label(self) -> str:
        return reason_label(self.reason)


@record
class SnapshotResult:
    path: Path
    secondary: Path | None = None
    secondary_error: Problem | None = None  # the copy's failure; the primary snapshot stands
    pruned: tuple[Path, ...] = field(default_factory=tuple)


# --------------------------------------------------------------------------- names


def slug(reason: str) -> str:
    text = unicodedata.normalize("NFKD", reason).encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60].strip("-")
    return text or "instantane"


def reason_parts(reason_slug: str) -> tuple[str | None, str]:
    """A slug as a known reason (a code of :data:`REASONS`, or None) and what follows it,
    as words (« 11 » for ``apres-audition-11``; the whole slug when no reason is known)."""
    for known in REASONS:
        if reason_slug == known:
            return known, ""
        if reason_slug.startswith(known + "-"):
            return known, reason_slug[len(known) + 1 :].replace("-", " ")
    return None, reason_slug.replace("-", " ")


def reason_label(reason_slug: str) -> str:
    """Why a snapshot was taken, in French (the command line's words)."""
    from jury_desk import messages

    return messages.snapshot_reason(reason_slug)


def parse_name(name: str) -> tuple[datetime, str] | None:
    m = _NAME_RE.match(name)
    if not m:
        return None
    taken = datetime.strptime(m.group(1), _STAMP_FMT).replace(tzinfo=UTC)
    return taken, m.group(2)


def _new_name(folder: Path, reason: str) -> Path:
    now = datetime.now(UTC)
    s = slug(reason)
    while True:
        candidate = folder / f"{now:{_STAMP_FMT}}Z_{s}{SUFFIX}"
        if not candidate.exists():
            return candidate
        now += timedelta(microseconds=1)


def _db_key(db_path: Path) -> str:
    resolved = os.path.normcase(os.path.realpath(os.path.abspath(db_path)))
    return hashlib.sha256(resolved.encode("utf-8")).hexdigest()[:8]


def secondary_dir(db_path: Path, root: Path) -> Path:
    """This database's folder inside the second snapshot folder (a USB key)."""
    db_path = Path(db_path)
    return Path(root) / f"{db_path.name}.{_db_key(db_path)}.snapshots"


def _snapshot_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and _NAME_RE.match(p.name))


# --------------------------------------------------------------------------- taking


def take_snapshot(desk: Desk, reason: str) -> Path:
    """Snapshot the desk's database now; returns the snapshot's path.

    A failed copy to the second folder is logged and reported by :func:`snapshot`,
    which the GUI calls when it wants to tell the user.
    """
    return snapshot(desk, reason).path


def snapshot(desk: Desk, reason: str) -> SnapshotResult:
    """Snapshot the desk's database, prune, and copy to the second folder if set."""
    return _snapshot_engine(desk.engine, Path(desk.db_path), reason)


def _snapshot_engine(engine: Any, db_path: Path, reason: str) -> SnapshotResult:
    folder = paths.snapshots_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    target = _new_name(folder, reason)
    storage.vacuum_into(engine, target)
    _fsync_file(target)
    fsync_dir(folder)
    pruned = tuple(_prune(folder))
    log.info("snapshot %s taken (%d bytes)", target.name, target.stat().st_size)
    secondary, error = _copy_secondary_bounded(db_path, target)
    return SnapshotResult(target, secondary, error, pruned)


SECONDARY_WAIT_SECONDS = 3.0
_secondary_thread: threading.Thread | None = None
_secondary_guard = threading.Lock()


def _copy_secondary_bounded(db_path: Path, source: Path) -> tuple[Path | None, Problem | None]:
    """:func:`_copy_secondary` on its own thread, waited for ``SECONDARY_WAIT_SECONDS``."""
    global _secondary_thread
    root = settings_mod.load().secondary_snapshot_dir
    if root is None:
        return None, None
    outcome: list[tuple[Path | None, Problem | None]] = []
    with _secondary_guard:
        busy = _secondary_thread is not None and _secondary_thread.is_alive()
        if not busy:
            thread = threading.Thread(
                target=lambda: outcome.append(_copy_secondary(db_path, source, root)),
                name="snapshot-second-folder",
                daemon=True,  # a hung network drive must not keep the application alive
            )
            _secondary_thread = thread
            thread.start()
    if busy:
        log.warning("secondary snapshot copy failed: %s", "Busy")
        return None, Problem("secondary_copy", "secondary.busy", root=root, source=source)
    thread.join(SECONDARY_WAIT_SECONDS)
    if outcome:
        return outcome[0]
    log.warning("secondary snapshot copy failed: %s", "TimeoutError")
    return None, Problem("secondary_copy", "secondary.timeout", root=root, source=source)


def wait_secondary(timeout: float | None = None) -> bool:
    """Wait for a background copy to the second folder; True when none is running."""
    thread = _secondary_thread
    if thread is None:
        return True
    thread.join(timeout)
    return not thread.is_alive()


def _prune(folder: Path, keep: int = KEEP) -> list[Path]:
    files = _snapshot_files(folder)
    old = files[:-keep] if len(files) > keep else []
    for p in old:
        with contextlib.suppress(OSError, UserError):
            fsutil.unlink(p)
    for stale in folder.glob(f"*{SUFFIX}.tmp"):  # left by a crash during VACUUM INTO
        with contextlib.suppress(OSError, UserError):
            fsutil.unlink(stale)
    return old


def _copy_secondary(db_path: Path, source: Path, root: Path) -> tuple[Path | None, Problem | None]:
    try:
        if not root.is_dir():
            log.warning("secondary snapshot copy failed: %s", "FileNotFoundError")
            return None, Problem("secondary_copy", "secondary.missing", root=root, source=source)
        folder = secondary_dir(db_path, root)
        folder.mkdir(exist_ok=True)
        target = folder / source.name
        tmp = target.with_name(target.name + ".tmp")
        try:
            _copy_fsync(source, tmp)
            fsutil.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError, UserError):
                fsutil.unlink(tmp, missing_ok=True)
            raise
        fsync_dir(folder)
        _prune(folder)
    except (OSError, UserError) as exc:
        log.warning("secondary snapshot copy failed: %s", type(exc).__name__)
        if isinstance(exc, UserError) and exc.key is not None:
            refusal = nested(exc)  # a file held by another program: worded in its language
            return None, Problem("secondary_copy", "secondary.refused", source=source, **refusal)
        return None, Problem("secondary_copy", "secondary.failed", source=source, detail=str(exc))
    return target, None


def _copy_fsync(source: Path, target: Path) -> None:
    with open(source, "rb") as src, open(target, "wb") as dst:
        shutil.copyfileobj(src, dst, 1024 * 1024)
        dst.flush()
        os.fsync(dst.fileno())


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:  # Windows cannot fsync a read-only handle
        os.close(fd)
        fd = os.open(path, os.O_RDWR)
        os.fsync(fd)
    finally:
        os.close(fd)


# --------------------------------------------------------------------------- reading


def _connect_ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _read_sessions(path: Path) -> tuple[SnapshotSession, ...]:
    con = _connect_ro(path)
    try:
        rows = con.execute(
            "SELECT s.id, s.title, (SELECT count(*) FROM audit a WHERE a.session_id = s.id) "
            "FROM session s ORDER BY s.imported_at"
        ).fetchall()
    finally:
        con.close()
    return tuple(SnapshotSession(str(i), str(t), int(n)) for i, t, n in rows)


def _info(path: Path, location: str) -> SnapshotInfo | None:
    parsed = parse_name(path.name)
    if parsed is None:
        return None
    taken, reason = parsed
    try:
        size = path.stat().st_size
    except OSError:
        return None
    try:
        sessions = _read_sessions(path)
        readable = True
    except sqlite3.Error:
        sessions, readable = (), False
    return SnapshotInfo(path, taken, reason, size, sessions, location, readable)


def list_snapshots(db_path: Path, *, include_secondary: bool = False) -> list[SnapshotInfo]:
    """The snapshots of this database, newest first."""
    db_path = Path(db_path)
    found: list[SnapshotInfo] = []
    for p in _snapshot_files(paths.snapshots_dir(db_path)):
        info = _info(p, "principal")
        if info:
            found.append(info)
    if include_secondary:
        root = settings_mod.load().secondary_snapshot_dir
        if root is not None:
            for p in _snapshot_files(secondary_dir(db_path, root)):
                info = _info(p, "secondaire")
                if info:
                    found.append(info)
    found.sort(key=lambda i: (i.taken_at, i.location == "principal"), reverse=True)
    return found


def verify_snapshot(path: Path) -> SnapshotInfo:
    """Check that ``path`` is a sound jury_desk database this version can open."""
    path = Path(path)
    if not path.is_file():
        raise UserError("snapshot_missing", params={"path": path})
    try:
        con = _connect_ro(path)
        try:
            problems = [str(r[0]) for r in con.execute("PRAGMA integrity_check").fetchall()]
            version = int(con.execute("PRAGMA user_version").fetchone()[0])
            tables = {
                str(r[0])
                for r in con.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                ).fetchall()
            }
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise UserError(
            "snapshot_corrupt", key="snapshot_unreadable", params={"file": path.name}
        ) from exc
    if problems != ["ok"]:
        raise UserError("snapshot_corrupt", params={"file": path.name}, details=problems[:5])
    if version == 0 or not {"session", "audit"} <= tables:
        raise UserError("snapshot_not_jury_desk", params={"file": path.name})
    if version > storage.SCHEMA_VERSION:
        raise UserError(
            "snapshot_too_new",
            params={"file": path.name, "version": version, "supported": storage.SCHEMA_VERSION},
        )
    parsed = parse_name(path.name)
    taken, reason = (
        parsed if parsed else (datetime.fromtimestamp(path.stat().st_mtime, UTC), "inconnu")
    )
    return SnapshotInfo(
        path, taken, reason, path.stat().st_size, _read_sessions(path), "principal", True
    )


def missing_attachments(db_path: Path) -> list[str]:
    """SHA-256 of attachments that the database lists but ``<db>.files`` lacks."""
    db_path = Path(db_path)
    if not db_path.is_file():
        return []
    con = sqlite3.connect(db_path)  # a live database: read-only would leave -wal/-shm behind
    try:
        digests = sorted({str(r[0]) for r in con.execute("SELECT sha256 FROM attachment")})
    finally:
        con.close()
    store = paths.files_dir(db_path)
    return [d for d in digests if not (store / d[:2] / d).is_file()]


# --------------------------------------------------------------------------- restoring


def _side(db_path: Path, suffix: str) -> Path:
    return db_path.with_name(db_path.name + suffix)


def _remove_sqlite_files(base: Path) -> None:
    for suffix in ("-wal", "-shm", "-journal"):
        fsutil.unlink(_side(base, suffix), missing_ok=True)
    fsutil.unlink(base, missing_ok=True)


def _safety_copy(db_path: Path) -> Path:
    """Snapshot the current database before it is replaced (VACUUM INTO, or raw files
    into ``endommagees/`` when SQLite cannot read it)."""
    engine = storage.make_engine(db_path)
    try:
        return _snapshot_engine(engine, db_path, BEFORE_RESTORE).path
    except (sqlite3.DatabaseError, sqlalchemy.exc.DBAPIError) as exc:
        log.warning(
            "current database unreadable (%s): raw copy kept before restore", type(exc).__name__
        )
    finally:
        engine.dispose()
    folder = paths.snapshots_dir(db_path) / "endommagees" / f"{datetime.now(UTC):{_STAMP_FMT}}Z"
    folder.mkdir(parents=True)
    for suffix in ("", "-wal"):
        src = _side(db_path, suffix)
        if src.is_file():
            _copy_fsync(src, folder / src.name)
    return folder


def _retire_wal(db_path: Path) -> None:
    """Fold a leftover WAL into the old database, then remove ``-wal`` and ``-shm``, so
    that no stale WAL can ever be replayed onto the restored file."""
    wal, shm = _side(db_path, "-wal"), _side(db_path, "-shm")
    if wal.exists() and db_path.exists():
        try:
            con = sqlite3.connect(db_path)
            try:
                con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                con.close()
        except sqlite3.DatabaseError:
            pass  # unreadable: its raw files were copied by _safety_copy
    for p in (wal, shm):
        try:
            fsutil.unlink(p, missing_ok=True)
        except (PermissionError, fsutil.FileInUse) as exc:
            raise UserError(
                "db_in_use", key="restore_file_locked", params={"db": db_path.name, "file": p.name}
            ) from exc


def restore(db_path: Path, snapshot_path: Path) -> Path | None:
    """Replace the database at ``db_path`` by ``snapshot_path``.

    The caller must have closed every connection to ``db_path`` (``Desk.close()``).
    Returns the snapshot of the database as it was before (``None`` when there was no
    database), from which the restore itself can be undone. Raises :class:`UserError`
    for a missing, corrupt or too recent snapshot; the database is then untouched.
    """
    db_path = Path(db_path)
    snapshot_path = Path(snapshot_path)
    info = verify_snapshot(snapshot_path)
    digest = _sha256(snapshot_path)
    current = _chain_heads(db_path) if db_path.is_file() else {}
    restored = _chain_heads(snapshot_path)
    for sid, head in current.items():
        kept = restored.get(sid)
        kept_seq = kept.seq if kept else 0
        if head.last_export_entry > kept_seq:
            raise UserError(
                "restore_before_export", params={"export": head.last_export_seq, "session": sid}
            )
    db_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _side(db_path, ".restauration.tmp")
    _remove_sqlite_files(tmp)
    # Copy first: the safety snapshot below may prune the very file being restored.
    _copy_fsync(snapshot_path, tmp)
    try:
        safety: Path | None = None
        if db_path.is_file() and db_path.stat().st_size > 0:
            safety = _safety_copy(db_path)
        engine = storage.open_database(tmp)
        try:
            with storage.transaction(engine) as db:
                for s in info.sessions:
                    abandoned = current.get(s.id)
                    audit.append(
                        db,
                        s.id,
                        "snapshot.restore",
                        {
                            "snapshot": snapshot_path.name,
                            "snapshot_sha256": digest,
                            "taken_at": info.taken_at.isoformat(timespec="seconds"),
                            "reason": info.reason,
                            "safety_snapshot": safety.name if safety else None,
                            # The chain as it stood before the restore, kept in the safety
                            # snapshot: the entries after the snapshot are set aside, not erased.
                            "abandoned_seq": abandoned.seq if abandoned else None,
                            "abandoned_hash": abandoned.hash if abandoned else None,
                        },
                    )
        finally:
            engine.dispose()
        _fold_wal(tmp)
        _fsync_file(tmp)
        _retire_wal(db_path)
        fsutil.replace(tmp, db_path)
        fsync_dir(db_path.parent)
    except BaseException:
        _remove_sqlite_files(tmp)
        raise
    log.info("database %s restored from snapshot %s", db_path.name, snapshot_path.name)
    return safety


@record
class _Head:
    seq: int
    hash: str
    last_export_entry: int  # seq of the last verified export's export.written entry (0: none)
    last_export_seq: int  # its export number


def _chain_heads(path: Path) -> dict[str, _Head]:
    """Each session's audit head in a database file, read without writing to it."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        heads: dict[str, _Head] = {}
        rows = con.execute(
            "SELECT a.session_id, a.seq, a.hash FROM audit a WHERE a.seq = "
            "(SELECT MAX(seq) FROM audit b WHERE b.session_id = a.session_id)"
        ).fetchall()
        for sid, seq, digest in rows:
            # Only a verified export counts: a failed one wrote nothing that could have
            # reached headquarters, and must not forbid going back before it.
            exp = con.execute(
                "SELECT w.seq, json_extract(w.data, '$.export_seq') FROM audit w"
                " WHERE w.session_id = ? AND w.action = 'export.written' AND EXISTS ("
                "  SELECT 1 FROM audit v WHERE v.session_id = w.session_id"
                "  AND v.action = 'export.verified'"
                "  AND json_extract(v.data, '$.export_seq') = json_extract(w.data, '$.export_seq'))"
                " AND NOT EXISTS ("
                "  SELECT 1 FROM audit f WHERE f.session_id = w.session_id"
                "  AND f.action = 'export.failed'"
                "  AND json_extract(f.data, '$.export_seq') = json_extract(w.data, '$.export_seq'))"
                " ORDER BY w.seq DESC LIMIT 1",
                (sid,),
            ).fetchone()
            heads[sid] = _Head(seq, digest, exp[0] if exp else 0, int(exp[1] or 0) if exp else 0)
        return heads
    except sqlite3.DatabaseError:
        return {}
    finally:
        con.close()


def _fold_wal(path: Path) -> None:
    """Leave ``path`` self-contained (its WAL checkpointed and removed)."""
    if _side(path, "-wal").exists():
        con = sqlite3.connect(path)
        try:
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            con.close()
    fsutil.unlink(_side(path, "-wal"), missing_ok=True)
    fsutil.unlink(_side(path, "-shm"), missing_ok=True)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1024 * 1024):
            h.update(chunk)
    return h.hexdigest()
