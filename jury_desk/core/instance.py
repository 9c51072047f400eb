"""One running jury_desk per database, and where a database may live.

:func:`acquire` takes an operating-system lock on ``<db>.lock`` (``fcntl.flock`` on
POSIX, ``msvcrt.locking`` on Windows) and keeps it for the life of the process, or
until :meth:`InstanceLock.release`. The system drops the lock when the process ends,
even when it is killed, so a crash never leaves a stale lock behind (on Windows after a
short delay: ``acquire(wait=…)`` allows for it). A second launch on
the same database gets ``None`` and, through :func:`server_name`, knows the name of
the local server (Qt's ``QLocalServer`` in the GUI) on which it asks the first one to
bring its window forward; this module only computes that name.

:func:`check_location` refuses, on Windows, a database on a network share or a
removable drive: SQLite's locking and durability are not reliable there (the WAL needs
shared memory on the same machine; a USB key may be pulled out mid-write). It refuses a
database in a folder that OneDrive synchronises (``%OneDrive%``,
``%OneDriveCommercial%``, ``%OneDriveConsumer%``, Documents and Desktop once Known
Folder Move has put them there): OneDrive uploads the database and its ``-wal`` and
``-shm`` files separately, which SQLite lists among the ways to corrupt a database, and
personal data would leave the machine. :func:`export_location_warning` says the same
of an export folder (a warning: the user may mean it). On other
systems it returns ``None``: there is no portable and reliable way to tell, and the
secretary's laptop runs Windows.
"""

from __future__ import annotations

import contextlib
import getpass
import ntpath
import os
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from jury_desk.core import fsutil
from jury_desk.core.errors import Problem

DRIVE_UNKNOWN = 0
DRIVE_NO_ROOT_DIR = 1
DRIVE_REMOVABLE = 2
DRIVE_FIXED = 3
DRIVE_REMOTE = 4
DRIVE_CDROM = 5
DRIVE_RAMDISK = 6


def lock_path(db_path: Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".lock")


@dataclass
class InstanceLock:
    """A held lock; released by :meth:`release` or when the process ends."""

    path: Path
    _fd: int | None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            _unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> InstanceLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


# Stand-ins for tests.
sleep: Callable[[float], None] = time.sleep
monotonic: Callable[[], float] = time.monotonic

LOCK_POLL_SECONDS = 0.25


def acquire(db_path: Path, wait: float = 0.0) -> InstanceLock | None:
    """Lock the database for this process, or ``None`` when another process holds it.

    ``wait`` > 0 tries again for that many seconds: on Windows the lock
    (``LockFileEx``) of a process that has just been killed or has crashed is released
    by the system after a delay, not at once. Locks are per open file: a second
    ``acquire`` in the same process also gets ``None`` while the first lock is held.
    """
    path = lock_path(Path(db_path))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    deadline = monotonic() + wait
    try:
        while not _try_lock(fd):
            if monotonic() >= deadline:
                os.close(fd)
                return None
            sleep(LOCK_POLL_SECONDS)
        # For a person looking at the folder: which process holds it (no personal data).
        if os.name == "posix":
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
    except BaseException:
        os.close(fd)
        raise
    return InstanceLock(path, fd)


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def _normalised(db_path: Path) -> str:
    return os.path.normcase(os.path.realpath(os.path.abspath(db_path)))


def server_name(db_path: Path) -> str:
    """The local server name (QLocalServer) of the instance that has ``db_path`` open.

    Derived from the resolved path and the user name, so that two users of one machine
    never collide; short and made of safe characters (a Unix socket name in the temp
    folder, a named pipe on Windows).
    """
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    import hashlib  # here: its OpenSSL set-up (3 ms) comes after the GUI's first paint

    digest = hashlib.sha256(f"{user}\0{_normalised(Path(db_path))}".encode()).hexdigest()
    return f"jury_desk-{digest[:24]}"


# --------------------------------------------------------------------------- location


def check_location(db_path: Path) -> Problem | None:
    """Why the database must not be opened where it is (code ``db_location``, a catalogue
    key ``location.<kind>`` and its parameters), else None.

    Only Windows is checked (network shares, mapped network drives, USB keys, CDs,
    OneDrive); on other systems this returns ``None``.
    """
    if not fsutil.is_windows():
        return None
    return check_windows_location(_absolute(db_path))


def export_location_warning(folder: Path) -> Problem | None:
    """A warning (``location.export_onedrive``) when exports written to ``folder`` would be
    synced by OneDrive."""
    if not fsutil.is_windows():
        return None
    path = _absolute(folder)
    root = onedrive_root(path)
    if root is None:
        return None
    return Problem("export_location", "location.export_onedrive", path=path, root=root)


def _absolute(path: Path | str) -> str:
    """The absolute path as Windows resolves it (as given when tests stand in for Windows)."""
    if os.name == "nt":  # pragma: no cover - Windows
        return os.path.realpath(os.path.abspath(path))
    return str(path)


ONEDRIVE_VARIABLES = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")


def _strip_prefix(p: str) -> str:
    p = p.replace("/", "\\")
    if p.startswith("\\\\?\\UNC\\"):
        return "\\\\" + p[len("\\\\?\\UNC\\") :]
    if p.startswith("\\\\?\\") or p.startswith("\\\\.\\"):
        return p[4:]
    return p


def onedrive_root(path: str, env: Mapping[str, str] | None = None) -> str | None:
    """The OneDrive folder (from its environment variables) that holds ``path``, if any.

    Pure: compares Windows paths without regard to case; testable anywhere.
    """
    environ = os.environ if env is None else env
    target = ntpath.normcase(ntpath.normpath(_strip_prefix(path)))
    for name in ONEDRIVE_VARIABLES:
        root = environ.get(name, "").strip()
        if not root:
            continue
        norm = ntpath.normcase(ntpath.normpath(_strip_prefix(root))).rstrip("\\")
        if target == norm or target.startswith(norm + "\\"):
            return root
    return None


def _drive_type(root: str) -> int:  # pragma: no cover - the Windows API
    """``GetDriveTypeW`` of a root such as ``C:\\``."""
    import ctypes

    windll = ctypes.windll  # type: ignore[attr-defined,unused-ignore]
    return int(windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)))


# Said after a risky place: SQLite's guarantees do not hold there, and where to copy it.
_RISK = {"risk_code": "sqlite", "advice_code": "copy_local"}


def _refused(kind: str, path: str, **params: object) -> Problem:
    return Problem("db_location", "location." + kind, path=path, **params)


def check_windows_location(path: str, env: Mapping[str, str] | None = None) -> Problem | None:
    """The Windows rule on an absolute Windows path (pure but for GetDriveTypeW)."""
    synced = onedrive_root(path, env)
    p = path.replace("/", "\\")
    if p.startswith("\\\\?\\UNC\\"):
        p = "\\\\" + p[len("\\\\?\\UNC\\") :]
    elif p.startswith("\\\\?\\") or p.startswith("\\\\.\\"):
        p = p[4:]
    drive, _ = ntpath.splitdrive(p)
    if drive.startswith("\\\\") or p.startswith("\\\\"):
        return _refused("share", path, share=drive or p, **_RISK)
    if len(drive) != 2 or drive[1] != ":":
        return _synced(path, synced)
    root = drive.upper() + "\\"
    kind = _drive_type(root)
    if kind == DRIVE_REMOTE:
        return _refused("network_drive", path, drive=drive.upper(), **_RISK)
    if kind == DRIVE_REMOVABLE:
        return _refused("removable", path, drive=drive.upper(), **_RISK)
    if kind == DRIVE_CDROM:
        return _refused("cdrom", path, drive=drive.upper(), advice_code="copy_local")
    return _synced(path, synced)


def _synced(path: str, root: str | None) -> Problem | None:
    if root is None:
        return None
    return _refused("onedrive", path, root=root, advice_code="copy_local")
