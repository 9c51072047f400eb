"""The installation's private key at rest (issue 16): DPAPI on Windows.

Off Windows the DPAPI code path runs against a stand-in that behaves like it (bound to
one account; another account cannot unwrap); on Windows (the CI workflow runs this file)
the last test round-trips through the real CryptProtectData.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12

from jury_desk.core import crypto, fsutil, keys, keystore
from jury_desk.core.errors import UserError
from tests.conftest import signing_identity


class FakeDpapi:
    """Wraps with a keystream derived from the account: only that account unwraps."""

    def __init__(self, account: str) -> None:
        self.account = account

    def _stream(self, n: int) -> bytes:
        out = b""
        counter = 0
        while len(out) < n:
            out += hashlib.sha256(f"{self.account}:{counter}".encode()).digest()
            counter += 1
        return out[:n]

    def protect(self, data: bytes) -> bytes:
        tag = hashlib.sha256(self.account.encode() + data).digest()[:8]
        return tag + bytes(a ^ b for a, b in zip(data, self._stream(len(data)), strict=True))

    def unprotect(self, blob: bytes) -> bytes:
        tag, body = blob[:8], blob[8:]
        data = bytes(a ^ b for a, b in zip(body, self._stream(len(body)), strict=True))
        if hashlib.sha256(self.account.encode() + data).digest()[:8] != tag:
            raise OSError(13, "Key not valid for use in specified state")  # NTE_BAD_KEY_STATE
        return data


@pytest.fixture
def windows_account(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Windows, logged in as the first name of the returned list (change it to switch)."""
    account = ["secretariat"]
    monkeypatch.setattr(fsutil, "is_windows", lambda: True)
    monkeypatch.setattr(keystore, "backend", lambda: FakeDpapi(account[0]))
    return account


def test_the_installation_key_is_protected_on_windows(windows_account: list[str]) -> None:
    ident = keys.new_identity("Claire Dupont")
    stored = (keys.key_dir() / keys.KEY_FILE).read_bytes()
    assert stored.startswith(keystore.MAGIC)
    assert b"PRIVATE KEY" not in stored and b"CERTIFICATE" not in stored
    assert keys.load_identity().kid == ident.kid


def test_headquarters_pkcs12_is_never_stored_in_the_clear(
    windows_account: list[str], tmp_path: Path
) -> None:
    issued = signing_identity("Siège")
    p12 = tmp_path / "siege.p12"
    p12.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"siege",
            issued.key,
            issued.certificate,
            None,
            serialization.BestAvailableEncryption(b"mot de passe"),
        )
    )
    keys.import_p12(p12, b"mot de passe")
    stored = (keys.key_dir() / keys.P12_FILE).read_bytes()
    assert stored.startswith(keystore.MAGIC)
    with pytest.raises(ValueError):
        pkcs12.load_key_and_certificates(stored, None)  # not a PKCS#12 as it stands
    with pytest.raises(ValueError):
        pkcs12.load_key_and_certificates(stored[len(keystore.MAGIC) :], None)
    assert keys.load_identity().kid == issued.kid


def test_another_account_cannot_use_the_key(windows_account: list[str]) -> None:
    keys.new_identity("Claire Dupont")
    windows_account[0] = "someone-else"
    with pytest.raises(UserError) as caught:
        keys.load_identity()
    assert caught.value.code == "key_protected" and "autre compte" in caught.value.message


def test_a_key_written_before_is_protected_in_place_on_first_use(
    windows_account: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as m:  # an older version wrote it in the clear
        m.setattr(fsutil, "is_windows", lambda: False)
        ident = keys.new_identity("Claire Dupont")
    path = keys.key_dir() / keys.KEY_FILE
    assert b"PRIVATE KEY" in path.read_bytes()
    assert keys.load_identity().kid == ident.kid
    assert path.read_bytes().startswith(keystore.MAGIC)
    assert keys.load_identity().kid == ident.kid


def test_elsewhere_the_key_is_a_pem_readable_by_its_owner_only() -> None:
    if sys.platform == "win32":  # pragma: no cover
        pytest.skip("POSIX permissions")
    keys.new_identity("Claire Dupont")
    path = keys.key_dir() / keys.KEY_FILE
    assert path.read_bytes().startswith(b"-----BEGIN PRIVATE KEY")
    assert path.stat().st_mode & 0o777 == 0o600
    protected = keystore.MAGIC + b"blob"
    with pytest.raises(UserError, match="autre compte"):
        keystore.unprotect(protected, "k.pem")  # a Windows-protected file copied here


def test_headquarters_key_from_keys_new_out_is_not_bound_to_this_account(
    windows_account: list[str], tmp_path: Path
) -> None:
    from jury_desk import cli

    out = tmp_path / "siege.pem"
    assert cli.run(["keys", "new", "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"-----BEGIN PRIVATE KEY")
    windows_account[0] = "headquarters-machine"
    assert crypto.load_identity(out).kid


@pytest.mark.skipif(sys.platform != "win32", reason="the real DPAPI (Windows workflow)")
def test_real_dpapi_round_trip() -> None:  # pragma: no cover - Windows
    secret = os.urandom(300)
    blob = keystore.Dpapi().protect(secret)
    assert blob != secret and secret not in blob
    assert keystore.Dpapi().unprotect(blob) == secret
    keys.new_identity("Claire Dupont")
    stored = (keys.key_dir() / keys.KEY_FILE).read_bytes()
    assert stored.startswith(keystore.MAGIC) and b"PRIVATE KEY" not in stored
    assert keys.load_identity().kid
