"""Edges of the contract found in review: each asserts the behaviour the contract asks for."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest

from jury_desk.core import bundle, crypto
from jury_desk.core.errors import BundleRefused, ClosingBlocked
from jury_desk.core.services import Desk
from tests.conftest import run_cli


def test_closing_without_a_decision_needs_accept_proposal(scored_demo: tuple[Desk, str]) -> None:
    desk, sid = scored_demo
    with pytest.raises(ClosingBlocked) as exc:
        desk.close_deliberation(sid)
    assert "n’a pas arrêté sa liste" in str(exc.value)
    assert not desk.state(sid).closed
    assert "decision.set" not in [e["action"] for e in desk.audit_entries(sid)]
    desk.close_deliberation(sid, accept_proposal=True)
    assert desk.state(sid).closed


def test_reimport_of_the_same_manifest_still_checks_the_attachments(
    tmp_path: Path, demo_source: Path, hq_key: tuple[Path, Path, crypto.PrivateKey]
) -> None:
    _pem, jwks, key = hq_key
    good = tmp_path / "good.zip"
    bundle.make_bundle(demo_source, key, good)
    desk = Desk(tmp_path / "jury.sqlite3")
    trusted = crypto.load_jwks(jwks)
    assert not desk.import_bundle(good, trusted).unchanged
    # Same signed manifest, one attachment altered in place (same size, other bytes).
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.endswith(".pdf") and "d02" in info.filename:
                data = data[:-8] + b"XXXXXXXX"
            dst.writestr(info, data)
    with pytest.raises(BundleRefused) as exc:
        desk.import_bundle(bad, trusted)
    assert exc.value.code == "hash_mismatch"
    assert desk.import_bundle(good, trusted).unchanged
    desk.close()


def test_audit_rows_cannot_be_replaced(demo_desk: tuple[Desk, str]) -> None:
    desk, _sid = demo_desk
    con = sqlite3.connect(desk.db_path)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            con.execute(
                "INSERT OR REPLACE INTO audit SELECT session_id, seq, at, 'pirate', action,"
                " data, prev, hash FROM audit WHERE seq = 1"
            )
    finally:
        con.close()


def test_missing_key_or_trust_file_is_a_refusal(tmp_path: Path) -> None:
    r = run_cli("verify", tmp_path / "r.zip", "--trust", tmp_path / "absent.jwks")
    assert r.returncode == 2
    assert "introuvable" in r.stderr
    r = run_cli(
        "bundle", "make", tmp_path, "--key", tmp_path / "absent.pem", "--out", tmp_path / "b.zip"
    )
    assert r.returncode == 2
    assert "introuvable" in r.stderr


@pytest.mark.parametrize(
    ("where", "size", "limit"),
    [
        (("jurors", 0, "name"), 201, 200),  # names at most 200 characters (CONTRACT 5)
        (("session", "venue"), 201, 200),
        (("dossiers", 0, "title"), 301, 300),  # titles 300
        (("dossiers", 0, "summary"), 5001, 5000),  # other texts 5,000
    ],
)
def test_texts_longer_than_the_contract_allows_are_refused(
    tmp_path: Path,
    demo_source: Path,
    hq_key: tuple[Path, Path, crypto.PrivateKey],
    where: tuple[object, ...],
    size: int,
    limit: int,
) -> None:
    import json

    from tests.conftest import make_signed_bundle

    manifest = demo_source / "manifest.json"
    doc = json.loads(manifest.read_text(encoding="utf-8"))
    node = doc
    for key in where[:-1]:
        node = node[key]
    node[where[-1]] = "é" * limit  # exactly at the limit: accepted
    manifest.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    desk = Desk(tmp_path / "ok.sqlite3")
    try:
        desk.import_bundle(
            make_signed_bundle(demo_source, hq_key[2], tmp_path / "ok.zip"),
            crypto.load_jwks(hq_key[1]),
        )
    finally:
        desk.close()
    node[where[-1]] = "é" * size  # one more: refused, nothing written
    manifest.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    desk = Desk(tmp_path / "refused.sqlite3")
    try:
        with pytest.raises(BundleRefused) as refused:
            desk.import_bundle(
                make_signed_bundle(demo_source, hq_key[2], tmp_path / "refused.zip"),
                crypto.load_jwks(hq_key[1]),
            )
        assert f"au plus {limit} caractères" in refused.value.message
        assert desk.sessions() == []
    finally:
        desk.close()
