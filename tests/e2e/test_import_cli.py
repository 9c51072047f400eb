"""``jury-desk bundle make`` and ``jury-desk import`` as headquarters and the secretary
run them: real subprocesses, a real database file (CONTRACT section 7)."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from jury_desk.core import crypto, storage
from jury_desk.core.services import Desk
from tests.conftest import run_cli

HqKey = tuple[Path, Path, crypto.PrivateKey]


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_make_then_import_then_import_again(
    tmp_path: Path, demo_source: Path, hq_key: HqKey
) -> None:
    pem, jwks, key = hq_key
    bundle_zip = tmp_path / "session.zip"
    db = tmp_path / "jury.sqlite3"

    made = run_cli("bundle", "make", demo_source, "--key", pem, "--out", bundle_zip)
    assert made.returncode == 0, made.stderr
    kid = crypto.thumbprint(crypto.public_jwk(key))
    assert kid in made.stdout and "12 dossiers" in made.stdout
    assert bundle_zip.is_file() and not list(tmp_path.glob("*.part"))

    first = run_cli("import", bundle_zip, "--db", db, "--trust", jwks)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("Session importée")
    assert "12 dossiers, 19 pièces jointes" in first.stdout
    assert "DÉMONSTRATION" not in first.stdout
    assert first.stderr == ""

    snapshot = rows(db, "SELECT * FROM session"), rows(db, "SELECT * FROM audit")
    files = sorted(p.name for p in (tmp_path / "jury.sqlite3.files").rglob("*") if p.is_file())
    assert len(files) == 19

    again = run_cli("import", bundle_zip, "--db", db, "--trust", jwks)
    assert again.returncode == 0, again.stderr
    assert "déjà importée à l’identique : rien n’a changé" in again.stdout
    assert (rows(db, "SELECT * FROM session"), rows(db, "SELECT * FROM audit")) == snapshot
    assert (
        sorted(p.name for p in (tmp_path / "jury.sqlite3.files").rglob("*") if p.is_file()) == files
    )

    desk = Desk(db)
    try:
        (summary,) = desk.sessions()
        st = desk.state(summary.id)
        assert len(st.dossiers) == 12 and not st.is_demo
        with open(demo_source / "attachments/d01/dossier-candidature.pdf", "rb") as fh:
            source = fh.read()
        position = [a.path for a in st.dossier("d01").attachments].index(
            "attachments/d01/dossier-candidature.pdf"
        )
        content = desk.attachment_content(summary.id, "d01", position)
        assert hashlib.sha256(content).digest() == hashlib.sha256(source).digest()
    finally:
        desk.close()


def test_keys_trust_lets_import_work_without_trust_option(
    tmp_path: Path, demo_source: Path, hq_key: HqKey
) -> None:
    pem, jwks, key = hq_key
    bundle_zip = tmp_path / "session.zip"
    db = tmp_path / "jury.sqlite3"
    assert run_cli("bundle", "make", demo_source, "--key", pem, "--out", bundle_zip).returncode == 0

    refused = run_cli("import", bundle_zip, "--db", db)
    assert refused.returncode == 2
    assert "n’est pas une clé de confiance" in refused.stderr
    assert not db.exists()  # a refused bundle leaves nothing behind, not even an empty base

    trusted = run_cli("keys", "trust", jwks, "--name", "Siège LAI")
    assert trusted.returncode == 0, trusted.stderr
    assert crypto.thumbprint(crypto.public_jwk(key)) in trusted.stdout

    imported = run_cli("import", bundle_zip, "--db", db)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.startswith("Session importée")
    assert rows(db, "SELECT count(*) FROM session") == [(1,)]


def test_demo_bundle_imports_without_any_trust(tmp_path: Path) -> None:
    from jury_desk.core import bundle

    db = tmp_path / "jury.sqlite3"
    result = run_cli("import", bundle.demo_bundle_path(), "--db", db)
    assert result.returncode == 0, result.stderr
    assert "SESSION DE DÉMONSTRATION" in result.stdout
    assert rows(db, "SELECT is_demo FROM session") == [(1,)]


def test_import_into_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    from jury_desk.core import bundle

    db = tmp_path / "jury.sqlite3"
    storage.open_database(db).dispose()
    con = sqlite3.connect(db)
    con.execute(f"PRAGMA user_version = {storage.SCHEMA_VERSION + 1}")
    con.commit()
    con.close()
    before = db.read_bytes()
    result = run_cli("import", bundle.demo_bundle_path(), "--db", db)
    assert result.returncode == 2
    assert "version plus récente" in result.stderr
    assert db.read_bytes() == before
    assert not (tmp_path / "jury.sqlite3.files").exists()
