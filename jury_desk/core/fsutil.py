"""File operations shared by storage, settings, keys, snapshots, export and privacy.

Every rename, replace, delete and tree removal of the package goes through this module.
On Windows a file that another program has open cannot be replaced or deleted: the
antivirus scanning a file just written, the search indexer, OneDrive uploading it, or
another window of jury_desk. Those holds are usually short, so :func:`replace`,
:func:`rename`, :func:`unlink` and :func:`rmtree` retry for about two seconds
(``RETRY_SECONDS``) and then raise :class:`FileInUse`, a :class:`UserError` whose code
and parameters name the file held and the action refused (``jury_desk.messages`` words it:
which kind of program holds it, what to do). Elsewhere they behave like the
``os``/``shutil`` functions they wrap (POSIX lets a file open elsewhere be renamed and
deleted, so nothing is retried there).
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import shutil
import stat
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from jury_desk.core.errors import UserError

log = logging.getLogger(__name__)

T = TypeVar("T")

RETRY_SECONDS = 2.0
_PAUSE = 0.05  # first pause; doubles up to _PAUSE_MAX
_PAUSE_MAX = 0.25

ERROR_SHARING_VIOLATION = 32
ERROR_LOCK_VIOLATION = 33
ERROR_ACCESS_DENIED = 5

# Stand-ins for tests (time.sleep, time.monotonic; tests replace is_windows too).
sleep: Callable[[float], None] = time.sleep
monotonic: Callable[[], float] = time.monotonic


def is_windows() -> bool:
    return sys.platform == "win32"


class FileInUse(UserError):
    """A file could not be replaced or deleted because another program holds it open."""

    def __init__(self, path: Path, action: str) -> None:
        self.path = Path(path)
        self.action = action  # replace, rename, delete, delete_folder (``action.<code>``)
        super().__init__("file_in_use", params={"action_code": action, "path": self.path})


def is_sharing_violation(exc: BaseException) -> bool:
    """A transient hold by another program (Windows), as opposed to a real refusal.

    Windows reports a file open elsewhere as ``winerror`` 32 (sharing violation) or 33
    (lock violation), and a file being deleted or mapped by another process (antivirus,
    indexer) as ``ERROR_ACCESS_DENIED`` (errno ``EACCES``) on replace and unlink. On
    other systems nothing is transient.
    """
    if not isinstance(exc, OSError):
        return False
    winerror = getattr(exc, "winerror", None)
    if winerror in (ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION):
        return True
    if not is_windows():
        return False
    return isinstance(exc, PermissionError) or exc.errno == errno.EACCES


def retry(op: Callable[[], T], path: Path, action: str, seconds: float | None = None) -> T:
    """Run ``op``; on a sharing violation retry for ``seconds``, then raise FileInUse."""
    limit = RETRY_SECONDS if seconds is None else seconds
    deadline = monotonic() + limit
    pause = _PAUSE
    tries = 0
    while True:
        try:
            result = op()
        except OSError as exc:
            if not is_sharing_violation(exc):
                raise
            tries += 1
            if monotonic() >= deadline:
                log.warning(
                    "%s still held after %d tries (%s)", Path(path).name, tries, type(exc).__name__
                )
                raise FileInUse(Path(path), action) from exc
            sleep(pause)
            pause = min(pause * 2, _PAUSE_MAX)
            continue
        if tries:
            log.info("%s was held; done after %d retries", Path(path).name, tries)
        return result


def replace(src: Path | str, dst: Path | str) -> None:
    """``os.replace`` that waits out a short hold on either file."""
    retry(lambda: os.replace(src, dst), Path(dst), "replace")


def rename(src: Path | str, dst: Path | str) -> None:
    """``os.rename`` (fails if ``dst`` exists) that waits out a short hold."""
    retry(lambda: os.rename(src, dst), Path(src), "rename")


def unlink(path: Path | str, *, missing_ok: bool = False) -> None:
    """``Path.unlink`` that waits out a short hold (and clears Windows' read-only flag)."""
    p = Path(path)

    def op() -> None:
        try:
            p.unlink()
        except FileNotFoundError:
            if not missing_ok:
                raise
        except PermissionError:
            if is_windows() and _clear_readonly(p):
                p.unlink()
                return
            raise

    retry(op, p, "delete")


def _clear_readonly(p: Path) -> bool:
    """Windows refuses to delete a read-only file (``chmod 0o400`` sets that flag)."""
    try:
        mode = p.stat().st_mode
    except OSError:
        return False
    if mode & stat.S_IWRITE:
        return False
    os.chmod(p, mode | stat.S_IWRITE)
    return True


def rmtree(path: Path | str, *, missing_ok: bool = True) -> None:
    """``shutil.rmtree`` where each file removal waits out a short hold.

    A file still held after the wait raises :class:`FileInUse` naming it.
    """
    root = Path(path)
    if not root.exists() and not root.is_symlink():
        if missing_ok:
            return
        raise FileNotFoundError(errno.ENOENT, "no such folder", str(root))
    if root.is_symlink() or not root.is_dir():
        unlink(root, missing_ok=missing_ok)
        return
    for dirpath, dirnames, filenames in os.walk(root, topdown=False):
        for name in filenames:
            unlink(Path(dirpath, name), missing_ok=True)
        for name in dirnames:
            d = Path(dirpath, name)
            if d.is_symlink():
                unlink(d, missing_ok=True)
            else:
                _rmdir(d)
    _rmdir(root)


def _rmdir(d: Path) -> None:
    def op() -> None:
        with contextlib.suppress(FileNotFoundError):
            d.rmdir()

    retry(op, d, "delete_folder")


def rmtree_quietly(path: Path | str) -> bool:
    """Best-effort removal of a temporary tree (staging, leftovers): True when gone.

    Used where leaving the folder behind is harmless; a held file is logged, not raised.
    """
    try:
        rmtree(path)
    except (OSError, UserError) as exc:
        log.warning("could not remove %s (%s)", Path(path).name, type(exc).__name__)
        with contextlib.suppress(OSError):
            shutil.rmtree(path, ignore_errors=True)
        return False
    return True


def ensure_not_held(path: Path | str) -> None:
    """Raise :class:`FileInUse` when an existing ``path`` stays held by another program.

    Called before an operation that cannot be undone (an export number is taken before
    the file is written): the hold is found while nothing has changed yet. Other errors
    are left to the operation itself, which reports them.
    """
    p = Path(path)
    if not p.is_file():
        return

    try:
        retry(lambda: _open_for_replace(p), p, "replace")
    except FileInUse:
        raise
    except OSError:
        return


def _open_for_replace(p: Path) -> None:
    """Open ``p`` as a replace would need it: with DELETE access on Windows, which a
    program that holds the file without FILE_SHARE_DELETE refuses (winerror 32)."""
    if os.name != "nt":
        os.close(os.open(p, os.O_RDWR | getattr(os, "O_BINARY", 0)))
        return
    import ctypes  # pragma: no cover - Windows
    from ctypes import wintypes

    win_dll: Any = getattr(ctypes, "WinDLL")  # noqa: B009 - Windows only
    k32 = win_dll("kernel32", use_last_error=True)
    k32.CreateFileW.restype = wintypes.HANDLE
    k32.CreateFileW.argtypes = [
        wintypes.LPCWSTR,
        wintypes.DWORD,
        wintypes.DWORD,
        ctypes.c_void_p,
        wintypes.DWORD,
        wintypes.DWORD,
        wintypes.HANDLE,
    ]
    delete, share_all, open_existing = 0x00010000, 0x7, 3
    handle = k32.CreateFileW(str(p), delete, share_all, None, open_existing, 0x80, None)
    if handle is None or handle == wintypes.HANDLE(-1).value:
        raise ctypes.WinError(ctypes.get_last_error())  # type: ignore[attr-defined,unused-ignore]
    k32.CloseHandle(handle)


FILE_ATTRIBUTE_HIDDEN = 0x2


def _set_attributes(path: str, attributes: int) -> bool:  # pragma: no cover - Windows API
    import ctypes

    win_dll: Any = getattr(ctypes, "WinDLL")  # noqa: B009 - Windows only
    return bool(win_dll("kernel32", use_last_error=True).SetFileAttributesW(path, attributes))


def hide(path: Path) -> bool:
    """Hide a temporary file on Windows, where a leading dot does not (best effort).

    A crash during an export leaves its pre-sized ``.part`` in the user's folder: hidden,
    it does not look like a result. True when the attribute was set."""
    if not is_windows():
        return False
    try:
        return _set_attributes(str(path), FILE_ATTRIBUTE_HIDDEN)
    except (OSError, AttributeError):
        return False


def fsync_dir(path: Path) -> None:
    """Make a rename in ``path`` durable (POSIX; Windows has no directory fsync)."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old or the new content."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        if mode is not None:
            os.chmod(tmp, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError, UserError):
            unlink(tmp, missing_ok=True)
        raise
    fsync_dir(path.parent)
