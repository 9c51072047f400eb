"""The installation's private key at rest: protected by Windows (DPAPI) on Windows.

On Windows, ``chmod 0o600`` only sets the read-only flag: any program running as the
user, and anyone who copies the file (a backup, a synced folder, a stolen disk image
without BitLocker), would get a usable signing key. :func:`protect` wraps the bytes of
the key files (the installation's PEM and headquarters' PKCS#12) with DPAPI
(``CryptProtectData``, user scope, no UI): the file can be read back only by the same
Windows account on the same machine (or its domain's roaming credentials), and a copy
elsewhere is useless. The file then starts with :data:`MAGIC`. Elsewhere the bytes are
written as they are, readable by the owner only (mode 0600), as before.

:func:`unprotect` undoes it, and accepts a file written without protection (an older
version, or another system) unchanged; ``keys.load_identity`` then protects it in place.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from typing import Any, Protocol

from jury_desk.core import fsutil
from jury_desk.core.errors import UserError

MAGIC = b"JURY-DESK-DPAPI-1\n"
# Optional entropy: another program running as the user cannot unwrap the key with a
# bare CryptUnprotectData call (it is not a secret; it keeps accidents away).
ENTROPY = b"jury_desk installation key v1"
CRYPTPROTECT_UI_FORBIDDEN = 0x1


class Backend(Protocol):
    def protect(self, data: bytes) -> bytes: ...

    def unprotect(self, blob: bytes) -> bytes: ...


class Dpapi:  # pragma: no cover - the Windows API; tests/core/test_keystore.py runs it there
    """CryptProtectData / CryptUnprotectData through ctypes (crypt32.dll)."""

    def __init__(self) -> None:
        from ctypes import wintypes

        class Blob(ctypes.Structure):
            _fields_ = [("cbData", wintypes.DWORD), ("pbData", ctypes.POINTER(ctypes.c_char))]

        self._blob = Blob
        win_dll: Any = getattr(ctypes, "WinDLL")  # noqa: B009 - Windows only
        self._crypt32 = win_dll("crypt32", use_last_error=True)
        self._kernel32 = win_dll("kernel32", use_last_error=True)
        self._kernel32.LocalFree.argtypes = [ctypes.c_void_p]
        self._kernel32.LocalFree.restype = ctypes.c_void_p

    def _in(self, data: bytes) -> tuple[Any, Any]:
        buf = ctypes.create_string_buffer(data, len(data))
        return self._blob(len(data), ctypes.cast(buf, ctypes.POINTER(ctypes.c_char))), buf

    def _call(self, fn: Any, data: bytes, description: Any) -> bytes:
        blob_in, keep_in = self._in(data)
        entropy, keep_entropy = self._in(ENTROPY)
        blob_out = self._blob()
        ok = fn(
            ctypes.byref(blob_in),
            description,
            ctypes.byref(entropy),
            None,
            None,
            CRYPTPROTECT_UI_FORBIDDEN,
            ctypes.byref(blob_out),
        )
        del keep_in, keep_entropy
        if not ok:
            raise ctypes.WinError(ctypes.get_last_error())  # type: ignore[attr-defined,unused-ignore]
        try:
            return ctypes.string_at(blob_out.pbData, blob_out.cbData)
        finally:
            self._kernel32.LocalFree(ctypes.cast(blob_out.pbData, ctypes.c_void_p))

    def protect(self, data: bytes) -> bytes:
        return self._call(self._crypt32.CryptProtectData, data, ctypes.c_wchar_p("jury_desk"))

    def unprotect(self, blob: bytes) -> bytes:
        return self._call(self._crypt32.CryptUnprotectData, blob, None)


# The backend in use (tests stand in for DPAPI off Windows).
backend: Callable[[], Backend] = Dpapi


def is_protected(data: bytes) -> bool:
    return data.startswith(MAGIC)


def protect(data: bytes) -> bytes:
    """The bytes to write for a private key file: DPAPI-wrapped on Windows."""
    if not fsutil.is_windows():
        return data
    try:
        return MAGIC + backend().protect(data)
    except OSError as exc:
        raise UserError("key_protect", params={"detail": exc}) from exc


def unprotect(data: bytes, name: str) -> bytes:
    """The key file's plain bytes; a file written without protection is returned as is."""
    if not is_protected(data):
        return data
    refused = UserError("key_protected", params={"file": name})
    if not fsutil.is_windows():
        raise refused
    try:
        return backend().unprotect(data[len(MAGIC) :])
    except OSError as exc:
        raise refused from exc
