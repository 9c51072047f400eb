"""Failures of the machine rather than of the program: full disk, read-only file, locked
or damaged database. Each becomes an :class:`EnvironmentProblem`, a :class:`UserError`
whose code and parameters name the file; ``jury_desk.messages`` says what to do, in
French, and in English in the English GUI.

SQLite reports them as ``sqlite3.OperationalError`` or ``sqlite3.DatabaseError``
(wrapped by SQLAlchemy, whose text quotes the SQL statement and its parameters: never
shown, never logged), the file system as ``OSError``. Every write of jury_desk runs in
one transaction, so when SQLite refuses a write nothing was changed; the caller says so.

:func:`describe` returns ``None`` for anything else: that is a bug, and is reported as one.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from jury_desk.core.errors import UserError

# What a refusal of the machine says after its cause: pairs of an ``after.<key>`` of the
# catalogue and its parameters (the export says more, see ``export._after_failure``).
After = tuple[tuple[str, tuple[tuple[str, object], ...]], ...]
NOTHING_CHANGED: After = (("nothing_changed", ()),)


class EnvironmentProblem(UserError):
    """The disk, the file or another program stands in the way; nothing was changed.

    A code (``db_<kind>``, ``os_<kind>``) and a catalogue key (``env.<kind>``) with what it
    concerns (``subject``: ``db``, ``db_named``, ``file``, ``file_named``; ``path``) and
    what was left (``after``); ``jury_desk.messages`` words it.
    """

    def __init__(
        self,
        code: str,
        kind: str,
        subject: str,
        path: object = None,
        after: After = NOTHING_CHANGED,
    ) -> None:
        self.kind = kind
        self.subject = subject
        self.path = path
        key = f"env.{kind}" + (f".{subject.split('_')[0]}" if kind == "readonly" else "")
        params: dict[str, object] = {"subject": subject, "after": after}
        if path is not None:
            params["path"] = path
        super().__init__(code, key=key, params=params)

    def saying_after(self, after: After) -> EnvironmentProblem:
        """The same problem, followed by ``after`` instead of « Rien n’a été modifié. »."""
        return EnvironmentProblem(self.code, self.kind, self.subject, self.path, after)


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: list[BaseException] = []
    cur: BaseException | None = exc
    while cur is not None and not any(cur is s for s in seen):
        seen.append(cur)
        yield cur
        orig = getattr(cur, "orig", None)  # SQLAlchemy's DBAPIError wraps the driver's
        if isinstance(orig, BaseException) and not any(orig is s for s in seen):
            seen.append(orig)
            yield orig
        cur = cur.__cause__ or cur.__context__


def _sqlite_kind(exc: sqlite3.Error) -> str | None:
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).lower()
    if name.startswith("SQLITE_FULL") or "disk is full" in text:
        return "full"
    if name.startswith(("SQLITE_READONLY", "SQLITE_PERM")) or "readonly database" in text:
        return "readonly"
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
        return "locked"
    if (
        name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB"))
        or "malformed" in text
        or "not a database" in text
    ):
        return "corrupt"
    if name.startswith("SQLITE_CANTOPEN") or "unable to open database" in text:
        return "cantopen"
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        return "io"
    return None


_OS_KINDS = {
    errno.ENOSPC: "full",
    errno.EDQUOT: "full",
    errno.EFBIG: "toobig",
    errno.EROFS: "readonly",
    errno.EACCES: "denied",
    errno.EPERM: "denied",
    errno.EIO: "io",
}


def _read_only(path: Path) -> bool:
    folder = path.parent
    try:
        return folder.is_dir() and not os.access(folder, os.W_OK)
    except OSError:
        return False


def describe(exc: BaseException, db_path: Path | str | None = None) -> EnvironmentProblem | None:
    """The refusal an environment failure makes, or ``None`` when ``exc`` is a bug.

    ``db_path`` names the database a SQLite error is about (``None``: « la base »).
    """
    if isinstance(exc, EnvironmentProblem):
        return exc
    for e in _chain(exc):
        if isinstance(e, sqlite3.Error):
            kind = _sqlite_kind(e)
            if kind is None:
                continue
            if kind in ("cantopen", "io") and db_path is not None and _read_only(Path(db_path)):
                kind = "readonly"  # SQLite cannot create its journal beside the file
            subject = "db_named" if db_path is not None else "db"
            return EnvironmentProblem(f"db_{kind}", kind, subject, db_path)
        if isinstance(e, OSError) and e.errno in _OS_KINDS:
            kind = _OS_KINDS[e.errno or 0]
            target = e.filename if e.filename is not None else db_path
            subject = "file_named" if target is not None else "file"
            return EnvironmentProblem(f"os_{kind}", kind, subject, target)
    return None
