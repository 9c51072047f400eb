"""Failures of the machine rather than of the program: full disk, read-only file, locked
or damaged database. Each becomes an :class:`EnvironmentProblem`, a :class:`UserError`
whose French sentence names the file and says what to do.

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

NOTHING_CHANGED = "Rien n’a été modifié."


class EnvironmentProblem(UserError):
    """The disk, the file or another program stands in the way; nothing was changed."""


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


def _sentence(kind: str, what: str) -> str:
    what_cap = what[0].upper() + what[1:]
    e, it = ("e", "la") if what.startswith("la ") else ("", "le")
    if kind == "full":
        return (
            f"Le disque qui contient {what} est plein : libérez de la place (ou choisissez "
            f"un autre emplacement), puis recommencez. {NOTHING_CHANGED}"
        )
    if kind == "toobig":
        return (
            f"{what_cap} a atteint la taille maximale permise sur ce support : choisissez "
            f"un autre emplacement, puis recommencez. {NOTHING_CHANGED}"
        )
    if kind == "readonly":
        return (
            f"{what_cap} est en lecture seule (support protégé en écriture, fichier en "
            f"lecture seule ou dossier synchronisé) : copiez-{it} dans un dossier où vous "
            f"pouvez écrire, ou retirez la protection, puis recommencez. {NOTHING_CHANGED}"
        )
    if kind == "denied":
        return (
            f"Accès refusé à {what} : vérifiez les droits du fichier et de son dossier "
            f"(ou demandez-les au service informatique), puis recommencez. {NOTHING_CHANGED}"
        )
    if kind == "locked":
        return (
            f"{what_cap} est verrouillé{e} par un autre programme (une autre fenêtre de "
            "jury_desk, une sauvegarde, un antivirus) : fermez-le, puis recommencez. "
            f"{NOTHING_CHANGED}"
        )
    if kind == "corrupt":
        return (
            f"{what_cap} est endommagé{e} : restaurez le dernier instantané (menu Fichier, "
            f"ou « jury-desk restore »), puis recommencez. {NOTHING_CHANGED}"
        )
    if kind == "cantopen":
        return (
            f"{what_cap} ne peut pas être ouvert{e} (dossier absent, droits insuffisants ou "
            f"support retiré) : vérifiez son emplacement, puis recommencez. {NOTHING_CHANGED}"
        )
    return (
        f"Erreur de lecture ou d’écriture sur le support de {what} (clé retirée, disque "
        "défaillant ?) : vérifiez le support, faites une copie de la base, puis "
        f"recommencez. {NOTHING_CHANGED}"
    )


def _read_only(path: Path) -> bool:
    folder = path.parent
    try:
        return folder.is_dir() and not os.access(folder, os.W_OK)
    except OSError:
        return False


def describe(exc: BaseException, db_path: Path | str | None = None) -> EnvironmentProblem | None:
    """The French sentence for an environment failure, or ``None`` when ``exc`` is a bug.

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
            what = f"la base « {db_path} »" if db_path is not None else "la base de données"
            return EnvironmentProblem(f"db_{kind}", _sentence(kind, what))
        if isinstance(e, OSError) and e.errno in _OS_KINDS:
            kind = _OS_KINDS[e.errno or 0]
            target = e.filename if e.filename is not None else db_path
            what = f"le fichier « {target} »" if target is not None else "le fichier"
            return EnvironmentProblem(f"os_{kind}", _sentence(kind, what))
    return None
