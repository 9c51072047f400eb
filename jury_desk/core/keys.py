"""The installation's signing identity and the trusted keys (CONTRACT section 3).

A P-256 key pair is created on first use in the user data folder with a self-signed
X.509 certificate in the secretary's name. A PKCS#12 certificate issued by
headquarters can be imported; it is then used in its place. Trusted keys for session
bundles are a JWK set in the user config folder.
"""

from __future__ import annotations

import getpass
import json
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization

from jury_desk.core import crypto, fsutil, keystore, paths
from jury_desk.core.errors import UserError
from jury_desk.core.fsutil import write_atomic

KEY_FILE = "installation-key.pem"
P12_FILE = "installation.p12"


def _write_private(path: Path, data: bytes) -> None:
    """A private key file of this installation: DPAPI-protected on Windows, 0600 elsewhere."""
    write_atomic(path, keystore.protect(data), mode=0o600)


def _protect_in_place(path: Path) -> None:
    """A key written before keys were protected (Windows): protected now, once."""
    if not fsutil.is_windows():
        return
    data = path.read_bytes()
    if not keystore.is_protected(data):
        _write_private(path, data)


def key_dir() -> Path:
    return paths.installation_key_dir()


def has_identity() -> bool:
    d = key_dir()
    return (d / P12_FILE).exists() or (d / KEY_FILE).exists()


def new_identity(common_name: str | None = None, *, force: bool = False) -> crypto.SigningIdentity:
    d = key_dir()
    if has_identity() and not force:
        raise UserError("key_exists")
    name = common_name or f"Secrétariat du jury ({getpass.getuser()})"
    key = crypto.new_private_key()
    cert = crypto.self_signed_certificate(key, name)
    pem = crypto.private_key_pem(key) + cert.public_bytes(serialization.Encoding.PEM)
    _write_private(d / KEY_FILE, pem)
    fsutil.unlink(d / P12_FILE, missing_ok=True)
    return crypto.SigningIdentity(key, cert, [])


def new_key_file(
    out: Path, common_name: str | None = None, *, force: bool = False
) -> crypto.SigningIdentity:
    """A new key pair and its self-signed certificate written to ``out``: headquarters'
    key, which travels to ``bundle make`` (maybe on another machine), so a plain PEM
    readable by its owner only, never bound to this Windows account (no DPAPI)."""
    out = Path(out)
    if out.exists() and not force:
        raise UserError("key_file_exists", params={"path": out})
    key = crypto.new_private_key()
    cert = crypto.self_signed_certificate(key, common_name or "Siège — Label Actions Innovantes")
    write_atomic(
        out, crypto.private_key_pem(key) + cert.public_bytes(serialization.Encoding.PEM), mode=0o600
    )
    return crypto.SigningIdentity(key, cert, [])


def certificate_pem(ident: crypto.SigningIdentity) -> bytes | None:
    """The identity's certificate as PEM (None for a bare key)."""
    if ident.certificate is None:
        return None
    return ident.certificate.public_bytes(serialization.Encoding.PEM)


def import_p12(p12: Path, password: bytes | None) -> crypto.SigningIdentity:
    ident = crypto.load_identity(Path(p12), password)
    if ident.certificate is None:
        raise UserError("p12_no_cert")
    # Stored without its transport password (the signing must not ask for it at every
    # export), wrapped by Windows' DPAPI for this account (core.keystore); on other
    # systems readable by this user only.
    from cryptography.hazmat.primitives.serialization import pkcs12

    data = pkcs12.serialize_key_and_certificates(
        b"jury_desk",
        ident.key,
        ident.certificate,
        ident.chain or None,
        serialization.NoEncryption(),
    )
    _write_private(key_dir() / P12_FILE, data)
    return ident


def load_identity(
    path: Path | None = None, password: bytes | None = None, *, create: bool = True
) -> crypto.SigningIdentity:
    """The key to sign with: ``path`` if given, else the installation's (created if needed)."""
    if path is not None:
        return crypto.load_identity(Path(path), password)
    d = key_dir()
    for name in (P12_FILE, KEY_FILE):
        if (d / name).exists():
            ident = crypto.load_identity(d / name, None)
            _protect_in_place(d / name)
            return ident
    if not create:
        raise UserError("no_key")
    return new_identity()


def trusted_keys(extra: list[Path] | None = None) -> list[dict[str, Any]]:
    keys: list[dict[str, Any]] = []
    store = paths.trusted_keys_file()
    if store.exists():
        keys.extend(crypto.load_jwks(store))
    for p in extra or []:
        keys.extend(crypto.load_jwks(Path(p)))
    return keys


def add_trusted(source: Path, name: str | None = None) -> list[str]:
    """Add the keys of ``source`` to the user's trusted set; return their kids."""
    new = crypto.load_jwks(Path(source))
    store = paths.trusted_keys_file()
    current = crypto.load_jwks(store) if store.exists() else []
    kids = {crypto.thumbprint(k) for k in current}
    added = []
    for k in new:
        kid = crypto.thumbprint(k)
        if kid not in kids:
            if name:
                k = {**k, "name": name}
            current.append(k)
            kids.add(kid)
            added.append(kid)
    fsutil.write_atomic(store, crypto.jwks_document(current))
    return added


def public_jwk_document(ident: crypto.SigningIdentity) -> str:
    jwk = {
        **ident.jwk,
        "kid": ident.kid,
        "use": "sig",
        "alg": "ES256" if ident.jwk["kty"] == "EC" else "PS256",
    }
    return json.dumps({"keys": [jwk]}, indent=2, ensure_ascii=False) + "\n"
