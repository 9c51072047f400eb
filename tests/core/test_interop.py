"""Interoperability (issue 12, item 8): a second JOSE library and a second JSON Schema
validator agree with ours.

- JWS: what we sign, joserfc verifies (detached content, RFC 7515 appendix F), and what
  joserfc signs, we verify — ES256 and PS256; the RFC 7638 thumbprint example.
- JSON Schemas: fastjsonschema (a code-generating validator, independent of
  ``jsonschema``) accepts the demonstration manifest and a real result.json, and refuses
  what ``jsonschema`` refuses. fastjsonschema speaks draft 7: the 2020-12 schemas are
  translated (``$defs`` → ``definitions``), which they allow since they use no 2020-12
  only keyword (checked below).
"""

from __future__ import annotations

import copy
import json
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import fastjsonschema
import jsonschema
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from joserfc import jws
from joserfc.jwk import ECKey, RSAKey

from jury_desk.core import crypto, export, resources
from tests.conftest import played_demo, signing_identity

PAYLOAD = "Résultats du jury — octets exacts\n".encode()


def _pem(key: crypto.PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def _keys() -> list[tuple[str, crypto.PrivateKey]]:
    return [
        ("ES256", crypto.new_private_key()),
        ("PS256", rsa.generate_private_key(public_exponent=65537, key_size=2048)),
    ]


@pytest.mark.parametrize(("alg", "key"), _keys(), ids=["ES256", "PS256"])
def test_joserfc_verifies_our_detached_jws(alg: str, key: crypto.PrivateKey) -> None:
    token = crypto.sign_detached(key, PAYLOAD)
    header_b64, empty, _ = token.split(".")
    assert empty == ""
    header = json.loads(crypto.b64url_decode(header_b64))
    assert header == {"alg": alg, "kid": crypto.thumbprint(crypto.public_jwk(key))}
    public = (ECKey if alg == "ES256" else RSAKey).import_key(crypto.public_jwk(key))
    obj = jws.deserialize_compact(token, public, algorithms=[alg], payload=PAYLOAD)
    assert obj.payload == PAYLOAD
    # And joserfc's own thumbprint is our kid.
    assert public.thumbprint() == header["kid"]
    with pytest.raises(Exception):  # noqa: B017 - joserfc's BadSignatureError
        jws.deserialize_compact(token, public, algorithms=[alg], payload=PAYLOAD + b"x")


@pytest.mark.parametrize(("alg", "key"), _keys(), ids=["ES256", "PS256"])
def test_we_verify_a_detached_jws_made_by_joserfc(alg: str, key: crypto.PrivateKey) -> None:
    jwk = crypto.public_jwk(key)
    private = (ECKey if alg == "ES256" else RSAKey).import_key(_pem(key))
    full = jws.serialize_compact(
        {"alg": alg, "kid": crypto.thumbprint(jwk)}, PAYLOAD, private, algorithms=[alg]
    )
    header, _, signature = full.split(".")
    detached = f"{header}..{signature}"
    assert crypto.verify_detached(detached, PAYLOAD, [jwk]) == jwk
    with pytest.raises(crypto.JwsError):
        crypto.verify_detached(detached, PAYLOAD + b"x", [jwk])


def test_rfc7638_thumbprint_example() -> None:
    """RFC 7638, section 3.1."""
    jwk = {
        "kty": "RSA",
        # RFC 7638's example key, cut in four lines
        "n": "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPe"
        "bWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMic"
        "AtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPk"
        "sINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw",
        "e": "AQAB",
        "alg": "RS256",
        "kid": "2011-04-29",
    }
    expected = "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"
    assert crypto.thumbprint(jwk) == expected
    assert RSAKey.import_key(jwk).thumbprint() == expected


# --------------------------------------------------------------------------- JSON Schema

_ONLY_2020 = ("prefixItems", "unevaluatedProperties", "unevaluatedItems", "$dynamicRef")


def _draft7(name: str) -> Callable[[Any], Any]:
    schema = resources.schema(name)
    text = json.dumps(schema)
    assert not any(k in text for k in _ONLY_2020), "schema uses a 2020-12-only keyword"
    schema = json.loads(text.replace("#/$defs/", "#/definitions/"))
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    schema["definitions"] = schema.pop("$defs", {})
    return fastjsonschema.compile(schema)


def _jsonschema_ok(name: str, doc: Any) -> bool:
    validator = jsonschema.Draft202012Validator(
        resources.schema(name), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    return validator.is_valid(doc)


def _fast_ok(check: Callable[[Any], Any], doc: Any) -> bool:
    try:
        check(doc)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


@pytest.fixture(scope="module")
def result_doc(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("interop")
    with played_demo(tmp) as (desk, sid):
        out = tmp / "r.zip"
        export.export_session(desk, sid, out, signing_identity(), purge_due_on=date(2026, 12, 31))
    with zipfile.ZipFile(out) as zf:
        doc: dict[str, Any] = json.loads(zf.read("result.json"))
    return doc


def _manifest() -> dict[str, Any]:
    with zipfile.ZipFile(resources.path("demo", "demo-session.zip")) as zf:
        doc: dict[str, Any] = json.loads(zf.read("manifest.json"))
    return doc


MUTATIONS: dict[str, Callable[[dict[str, Any]], None]] = {
    "unknown-field": lambda d: d.update(surprise=1),
    "missing-field": lambda d: d.pop("format_version"),
    "wrong-type": lambda d: d.update(format_version="1"),
    "wrong-const": lambda d: d.update(format="autre"),
}


@pytest.mark.parametrize("name", ["result.schema.json", "session.schema.json"])
def test_a_second_validator_agrees(name: str, result_doc: dict[str, Any]) -> None:
    check = _draft7(name)
    base = result_doc if name == "result.schema.json" else _manifest()
    assert _jsonschema_ok(name, base)
    assert _fast_ok(check, base)
    for label, mutate in MUTATIONS.items():
        doc = copy.deepcopy(base)
        mutate(doc)
        assert not _jsonschema_ok(name, doc), label
        assert not _fast_ok(check, doc), label


def test_the_schemas_are_valid_2020_12_schemas() -> None:
    for path in sorted(Path(resources.path("schemas")).glob("*.json")):
        jsonschema.Draft202012Validator.check_schema(json.loads(path.read_text()))
