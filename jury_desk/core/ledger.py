"""The local exports ledger ``<db>.exports``: where this installation wrote each export,
with the SHA-256 of the file, and the temporary ``.part`` file of each export begun.

One JSON object per line, appended and synced; never sent to headquarters (it holds
local paths, which may name the user). Three kinds of line:

- ``{"session_id", "export_seq", "path", "sha256"}``: export n° ``export_seq`` was
  written to ``path`` and its bytes hash to ``sha256`` (older lines have no hash);
- ``{"session_id", "part", "target"}``: an export began writing its temporary file
  ``part`` beside ``target``. An export that is killed leaves that file behind, with
  room reserved for the archive; :func:`remove_stale_parts` (at start-up and by the
  purge) removes it. An export in progress holds an exclusive lock on its ``.part``
  (``flock`` on POSIX; on Windows an open file cannot be deleted), so a second process
  never removes a file still being written.

The purge erases only a file whose SHA-256 matches one recorded here (or in the audit
log's ``export.verified`` entries): two databases writing the same file name never erase
each other's export.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jury_desk.core import fsutil, paths
from jury_desk.core.records import record

if TYPE_CHECKING:
    from sqlalchemy import Engine

log = logging.getLogger(__name__)

_PART_RE = re.compile(r"^\..+\.[0-9a-f]{12}\.part$")


@record
class Written:
    session_id: str
    export_seq: int
    path: Path
    sha256: str | None


def _append(db_path: Path, record: dict[str, Any]) -> None:
    line = json.dumps(record, ensure_ascii=False) + "\n"
    with open(paths.exports_ledger(db_path), "a", encoding="utf-8") as fh:
        fh.write(line)
        fh.flush()
        os.fsync(fh.fileno())


def _lines(db_path: Path) -> Iterator[dict[str, Any]]:
    try:
        text = paths.exports_ledger(db_path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return
    for line in text.splitlines():
        with contextlib.suppress(ValueError):
            rec = json.loads(line)
            if isinstance(rec, dict):
                yield rec


def record_written(
    db_path: Path, session_id: str, export_seq: int, path: Path, sha256: str
) -> None:
    """Export n° ``export_seq`` was written to ``path`` with these bytes (raises OSError)."""
    _append(
        db_path,
        {
            "session_id": session_id,
            "export_seq": int(export_seq),
            "path": str(Path(path).absolute()),
            "sha256": sha256,
        },
    )


@record
class Part:
    """An export begun: its temporary file, and the session as it was before."""

    session_id: str
    path: Path
    was_open: bool  # the deliberation was open when the export began
    audit_count: int  # entries in the session's audit log when the export began


def record_part(
    db_path: Path,
    session_id: str,
    part: Path,
    target: Path,
    *,
    was_open: bool = False,
    audit_count: int = 0,
) -> None:
    """An export is about to create ``part`` (raises OSError: then nothing is created)."""
    _append(
        db_path,
        {
            "session_id": session_id,
            "part": str(Path(part).absolute()),
            "target": str(Path(target).absolute()),
            "was_open": bool(was_open),
            "audit_count": int(audit_count),
        },
    )


def written(db_path: Path) -> list[Written]:
    out: list[Written] = []
    for rec in _lines(db_path):
        try:
            sha = rec.get("sha256")
            out.append(
                Written(
                    str(rec["session_id"]),
                    int(rec["export_seq"]),
                    Path(rec["path"]),
                    sha if isinstance(sha, str) else None,
                )
            )
        except (KeyError, TypeError, ValueError):
            continue
    return out


def parts(db_path: Path) -> list[Part]:
    """Every ``.part`` file an export of this database began (present or not)."""
    found: dict[Path, Part] = {}
    for rec in _lines(db_path):
        part = rec.get("part")
        if not isinstance(part, str) or not _PART_RE.match(Path(part).name):
            continue
        count = rec.get("audit_count")
        found[Path(part)] = Part(
            str(rec.get("session_id", "")),
            Path(part),
            rec.get("was_open") is True,
            count if isinstance(count, int) else 0,
        )
    return list(found.values())


def _in_use(path: Path) -> bool:
    """Another export (this process or another) still holds the file."""
    if os.name != "posix":
        return False  # Windows: the unlink below fails on a file that is open
    import fcntl

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return True  # not ours to judge: leave it
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


def lock_part(fd: int) -> None:
    """Mark an export's ``.part`` as in use (see :func:`remove_stale_parts`)."""
    if os.name == "posix":
        import fcntl

        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def remove_stale_parts(db_path: Path) -> list[Part]:
    """Remove the ``.part`` files left by killed exports of this database; returns them.

    A ``.part`` still there means its export never reached the rename that puts the
    archive in place: the export did not happen (see :func:`recover`)."""
    removed: list[Part] = []
    for part in parts(db_path):
        path = part.path
        try:
            if path.is_symlink() or not path.is_file() or _in_use(path):
                continue
            # No waiting: on Windows a .part still open (an export running) cannot go.
            fsutil.retry(path.unlink, path, "delete", seconds=0)
        except (OSError, fsutil.FileInUse):
            log.warning("a stale export file could not be removed")
            continue
        removed.append(part)
    if removed:
        log.info("%d stale export file(s) removed", len(removed))
    return removed


def recover(engine: Engine, interrupted: list[Part]) -> list[str]:
    """Undo what killed exports changed, as a failed export does (``core.export``): the
    export number they took is recorded as failed, and a deliberation they closed is
    reopened, each in the audit log. Returns the sessions recovered."""
    from jury_desk.core import audit, storage

    done: list[str] = []
    for part in interrupted:
        try:
            with storage.transaction(engine) as db:
                rows = (
                    db.connection()
                    .exec_driver_sql(
                        "SELECT action, data FROM audit WHERE session_id = ? AND seq > ? ORDER BY seq",
                        (part.session_id, part.audit_count),
                    )
                    .all()
                )
                written: list[int] = []
                failed: set[int] = set()
                for action, data_text in rows:
                    data = json.loads(data_text)
                    if action == "export.written":
                        written.append(int(data.get("export_seq", 0)))
                    elif action == "export.failed":
                        failed.add(int(data.get("export_seq", 0)))
                pending = [n for n in written if n not in failed]
                for n in pending:
                    audit.append(
                        db,
                        part.session_id,
                        "export.failed",
                        {"export_seq": n, "reason": "interrupted", "reopened": part.was_open},
                    )
                row = db.get(storage.DeliberationRow, part.session_id)
                closed_since = any(a == "deliberation.close" for a, _ in rows)
                if part.was_open and closed_since and row is not None and row.closed_at:
                    row.closed_at = None
                    db.add(row)
                    audit.append(
                        db,
                        part.session_id,
                        "deliberation.reopen",
                        {
                            "reason": "Réouverture automatique : l’export avait été interrompu.",
                            "automatic": True,
                        },
                    )
                if pending or closed_since:
                    done.append(part.session_id)
        except Exception as exc:  # never stop the start-up for this
            log.error("recovery after an interrupted export failed (%s)", type(exc).__name__)
    return done
