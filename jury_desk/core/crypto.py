"""Keys and detached JWS (CONTRACT section 3).

Compact detached serialization, RFC 7515 appendix F: ``header..signature`` where the
signing input is ``BASE64URL(header) + "." + BASE64URL(payload)``. ES256 for P-256 keys,
PS256 for RSA keys; ``kid`` is the RFC 7638 thumbprint of the public JWK.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import (
    decode_dss_signature,
    encode_dss_signature,
)
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from jury_desk.core.errors import Problem, UserError

PrivateKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey
PublicKey = ec.EllipticCurvePublicKey | rsa.RSAPublicKey


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    if any(
        c not in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_" for c in text
    ):
        raise ValueError("not base64url")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _int_b64(n: int, length: int | None = None) -> str:
    length = length or (n.bit_length() + 7) // 8
    return b64url(n.to_bytes(length, "big"))


def public_jwk(key: PublicKey | PrivateKey) -> dict[str, str]:
    pub = (
        key.public_key() if isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey) else key
    )
    if isinstance(pub, ec.EllipticCurvePublicKey):
        if not isinstance(pub.curve, ec.SECP256R1):
            raise UserError("key_curve", key="key.curve")
        nums = pub.public_numbers()
        return {"kty": "EC", "crv": "P-256", "x": _int_b64(nums.x, 32), "y": _int_b64(nums.y, 32)}
    nums_r = pub.public_numbers()
    return {"kty": "RSA", "n": _int_b64(nums_r.n), "e": _int_b64(nums_r.e)}


def thumbprint(jwk: dict[str, Any]) -> str:
    """RFC 7638 thumbprint (SHA-256, base64url)."""
    if jwk.get("kty") == "EC":
        members = {k: jwk[k] for k in ("crv", "kty", "x", "y")}
    elif jwk.get("kty") == "RSA":
        members = {k: jwk[k] for k in ("e", "kty", "n")}
    else:
        raise ValueError(f"unsupported kty {jwk.get('kty')!r}")
    canon = json.dumps(members, sort_keys=True, separators=(",", ":")).encode()
    return b64url(hashlib.sha256(canon).digest())


def jwk_to_public_key(jwk: dict[str, Any]) -> PublicKey:
    if jwk.get("kty") == "EC" and jwk.get("crv") == "P-256":
        x = int.from_bytes(b64url_decode(jwk["x"]), "big")
        y = int.from_bytes(b64url_decode(jwk["y"]), "big")
        return ec.EllipticCurvePublicNumbers(x, y, ec.SECP256R1()).public_key()
    if jwk.get("kty") == "RSA":
        n = int.from_bytes(b64url_decode(jwk["n"]), "big")
        e = int.from_bytes(b64url_decode(jwk["e"]), "big")
        return rsa.RSAPublicNumbers(e, n).public_key()
    raise ValueError("clé non prise en charge (EC P-256 ou RSA seulement)")


def sign_detached(key: PrivateKey, payload: bytes) -> str:
    jwk = public_jwk(key)
    if isinstance(key, ec.EllipticCurvePrivateKey):
        header = {"alg": "ES256", "kid": thumbprint(jwk)}
    else:
        header = {"alg": "PS256", "kid": thumbprint(jwk)}
    h = b64url(json.dumps(header, separators=(",", ":")).encode())
    signing_input = (h + "." + b64url(payload)).encode("ascii")
    if isinstance(key, ec.EllipticCurvePrivateKey):
        der = key.sign(signing_input, ec.ECDSA(hashes.SHA256()))
        r, s = decode_dss_signature(der)
        sig = r.to_bytes(32, "big") + s.to_bytes(32, "big")
    else:
        sig = key.sign(
            signing_input,
            padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32),
            hashes.SHA256(),
        )
    return f"{h}..{b64url(sig)}"


class JwsError(Problem):
    """Why a detached JWS does not verify: ``code`` and the catalogue key ``jws.<code>``
    (with its parameters); ``message`` is the French wording."""


def verify_detached(jws: str, payload: bytes, trusted: list[dict[str, Any]]) -> dict[str, Any]:
    """Verify a detached JWS; return the trusted JWK that signed it, or raise JwsError."""
    parts = jws.strip().split(".")
    if len(parts) != 3 or parts[1] != "":
        raise JwsError("jws_format", "jws.not_detached")
    try:
        header = json.loads(b64url_decode(parts[0]))
        sig = b64url_decode(parts[2])
    except (ValueError, json.JSONDecodeError) as exc:
        raise JwsError("jws_format", "jws.unreadable") from exc
    if not isinstance(header, dict):
        raise JwsError("jws_format", "jws.header_not_object")
    alg, kid = header.get("alg"), header.get("kid")
    if "crit" in header:  # RFC 7515 4.1.11: no extension is understood here
        raise JwsError("jws_header", "jws.crit")
    if not isinstance(kid, str) or not kid:
        raise JwsError("jws_header", "jws.no_kid")
    if alg not in ("ES256", "PS256"):
        raise JwsError("jws_alg", "jws.alg", alg=alg)
    if set(header) - {"alg", "kid", "typ", "b64"} or header.get("b64", True) is not True:
        raise JwsError("jws_header", "jws.header_params")
    candidates = [k for k in trusted if _safe_thumbprint(k) == kid]
    if not candidates:
        raise JwsError("jws_untrusted", "jws.untrusted", kid=kid)
    signing_input = (parts[0] + "." + b64url(payload)).encode("ascii")
    for jwk in candidates:
        key = jwk_to_public_key(jwk)
        try:
            if alg == "ES256" and isinstance(key, ec.EllipticCurvePublicKey):
                if len(sig) != 64:
                    raise InvalidSignature
                der = encode_dss_signature(
                    int.from_bytes(sig[:32], "big"), int.from_bytes(sig[32:], "big")
                )
                key.verify(der, signing_input, ec.ECDSA(hashes.SHA256()))
                return jwk
            if alg == "PS256" and isinstance(key, rsa.RSAPublicKey):
                key.verify(
                    sig,
                    signing_input,
                    padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32),
                    hashes.SHA256(),
                )
                return jwk
        except InvalidSignature:
            continue
    raise JwsError("jws_invalid", "jws.invalid")


def _safe_thumbprint(jwk: dict[str, Any]) -> str | None:
    try:
        return thumbprint(jwk)
    except (KeyError, ValueError):
        return None


# --------------------------------------------------------------------------- key files


@dataclass
class SigningIdentity:
    key: PrivateKey
    certificate: x509.Certificate | None
    chain: list[x509.Certificate]

    @property
    def jwk(self) -> dict[str, str]:
        return public_jwk(self.key)

    @property
    def kid(self) -> str:
        return thumbprint(self.jwk)

    @property
    def name(self) -> str:
        if self.certificate is None:
            return "inconnu"
        attrs = self.certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
        return str(attrs[0].value) if attrs else self.certificate.subject.rfc4514_string()


def new_private_key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def private_key_pem(key: PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def self_signed_certificate(key: PrivateKey, common_name: str, years: int = 5) -> x509.Certificate:
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Jury du Label Actions Innovantes"),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "FR"),
        ]
    )
    now = datetime.now(UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )


def load_identity(path: Path, password: bytes | None = None) -> SigningIdentity:
    """A PEM (private key, optionally followed by certificates) or a PKCS#12 file, either
    possibly protected by Windows (DPAPI, ``core.keystore``) as jury_desk stores them."""
    from jury_desk.core import keystore

    data = keystore.unprotect(_read(Path(path), "key_unreadable", "key_file"), Path(path).name)
    if path.suffix.lower() in (".p12", ".pfx") or b"-----BEGIN" not in data:
        try:
            key, cert, extra = pkcs12.load_key_and_certificates(data, password)
        except ValueError as exc:
            raise UserError(
                "key_unreadable", key="key.pkcs12_unreadable", params={"file": path.name}
            ) from exc
        if not isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
            raise UserError("key_type", key="key.type", params={"file": path.name})
        return SigningIdentity(key, cert, list(extra or []))
    try:
        key_pem = serialization.load_pem_private_key(data, password)
    except ValueError as exc:
        raise UserError("key_unreadable", key="key.unreadable", params={"file": path.name}) from exc
    if not isinstance(key_pem, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
        raise UserError("key_type", key="key.type", params={"file": path.name})
    certs: list[x509.Certificate] = []
    if b"BEGIN CERTIFICATE" in data:
        certs = x509.load_pem_x509_certificates(data[data.index(b"-----BEGIN CERTIFICATE") :])
    return SigningIdentity(key_pem, certs[0] if certs else None, certs[1:])


def _read(path: Path, code: str, what: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        reason = "not_found" if isinstance(exc, FileNotFoundError) else "unreadable"
        raise UserError(code, key=f"{what}.{reason}", params={"path": path}) from exc


def load_jwks(path: Path) -> list[dict[str, Any]]:
    """A JWK set file ({"keys": [...]}), a single JWK, or a PEM public key/certificate."""
    data = _read(Path(path), "jwks_unreadable", "jwks_file")
    try:
        if b"-----BEGIN" in data:
            if b"CERTIFICATE" in data:
                cert = x509.load_pem_x509_certificate(data)
                return [public_jwk(cert.public_key())]  # type: ignore[arg-type]
            pub = serialization.load_pem_public_key(data)
            if isinstance(pub, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
                pub = pub.public_key()
            return [public_jwk(pub)]  # type: ignore[arg-type]
        obj = json.loads(data)
    except (ValueError, json.JSONDecodeError) as exc:
        raise UserError(
            "jwks_unreadable", key="jwks.unreadable", params={"file": path.name}
        ) from exc
    keys = obj.get("keys") if isinstance(obj, dict) and "keys" in obj else [obj]
    if not isinstance(keys, list) or not all(isinstance(k, dict) for k in keys):
        raise UserError("jwks_unreadable", key="jwks.not_a_set", params={"file": path.name})
    return keys


def jwks_document(keys: list[dict[str, Any]]) -> bytes:
    out = []
    for k in keys:
        pub: dict[str, Any] = {kk: k[kk] for kk in ("kty", "crv", "x", "y", "n", "e") if kk in k}
        pub["kid"] = thumbprint(pub)
        for extra in ("name", "use"):
            if extra in k:
                pub[extra] = k[extra]
        out.append(pub)
    return json.dumps({"keys": out}, indent=2, ensure_ascii=False).encode("utf-8") + b"\n"


def fingerprint_text(kid: str) -> str:
    """A kid grouped for reading aloud over the phone."""
    return " ".join(kid[i : i + 4] for i in range(0, len(kid), 4))
