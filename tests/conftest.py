"""Shared fixtures: every test runs with its own data and config folders."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

# GUI tests run offscreen unless a display is asked for explicitly.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# reportlab's shapes imported first, with their checks on: the tests keep the check of
# every attribute the PV's chart sets, which the application turns off
# (pv_chart._without_shape_checking).
import reportlab.graphics.shapes  # noqa: F401

from jury_desk.core import audit, bundle, crypto, demo_scenario, replay, resources
from jury_desk.core.services import Desk

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = tmp_path_factory.mktemp("userdirs")
    monkeypatch.setenv("JURY_DESK_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("JURY_DESK_CONFIG_DIR", str(base / "config"))


@pytest.fixture(scope="session")
def hq_key(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, crypto.PrivateKey]:
    """Headquarters' key: (private PEM path, public JWKS path, key)."""
    d = tmp_path_factory.mktemp("hq")
    key = crypto.new_private_key()
    pem = d / "hq.pem"
    pem.write_bytes(crypto.private_key_pem(key))
    jwks = d / "hq.jwks"
    jwks.write_bytes(crypto.jwks_document([crypto.public_jwk(key)]))
    return pem, jwks, key


@pytest.fixture
def demo_source(tmp_path: Path) -> Path:
    """A writable copy of the demonstration session's source folder."""
    src = tmp_path / "source"
    shutil.copytree(resources.path("demo", "source"), src)
    return src


@pytest.fixture
def demo_desk(tmp_path: Path) -> Iterator[tuple[Desk, str]]:
    desk = Desk(tmp_path / "jury.sqlite3")
    report = desk.import_demo()
    yield desk, report.session_id
    desk.close()


@pytest.fixture
def scored_demo(demo_desk: tuple[Desk, str]) -> tuple[Desk, str]:
    desk, sid = demo_desk
    desk.import_scores_csv(
        sid, resources.path("demo", "demo-scores.csv").read_text(encoding="utf-8")
    )
    # Every project was heard: the laureates of a closing must be (CONTRACT section 4).
    demo_scenario.record_hearings(desk, sid)
    return desk, sid


def run_cli(
    *args: str | os.PathLike[str], env: dict[str, str] | None = None, input: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m jury_desk`` in a real subprocess."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "jury_desk", *map(str, args)],
        capture_output=True,
        text=True,
        env=full_env,
        input=input,
        timeout=120,
        check=False,
    )


def make_signed_bundle(source: Path, key: crypto.PrivateKey, out: Path) -> Path:
    bundle.make_bundle(source, key, out)
    return out


def signing_identity(name: str = "Claire Dupont — secrétaire du jury") -> crypto.SigningIdentity:
    """A fresh P-256 key with its self-signed certificate, as an installation makes."""
    key = crypto.new_private_key()
    return crypto.SigningIdentity(key, crypto.self_signed_certificate(key, name), [])


def exported_pv_text(desk: Desk, sid: str, folder: Path) -> str:
    """Export the session (the default proposal accepted) and read its procès-verbal
    back with ``pdftotext -layout``."""
    import zipfile

    from jury_desk.core import export

    out = folder / "resultats.zip"
    export.export_session(desk, sid, out, signing_identity(), accept_proposal=True)
    with zipfile.ZipFile(out) as zf:
        (folder / "pv.pdf").write_bytes(zf.read("proces-verbal.pdf"))
    return subprocess.run(
        ["pdftotext", "-layout", folder / "pv.pdf", "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")


def replayed(desk: Desk, sid: str) -> replay.Replayed:
    """The session's audit log replayed over its manifest (as an export binds it)."""
    raw = desk.manifest_bytes(sid)
    manifest = bundle.parse_manifest(bundle.parse_json(raw, bundle.MANIFEST))
    return replay.Replayer(raw, manifest).feed_all(desk.audit_entries(sid))


@contextmanager
def played_demo(tmp: Path) -> Iterator[tuple[Desk, str]]:
    """The demonstration day (core.demo_scenario) played in its own folders under ``tmp``,
    for module-scoped fixtures that cannot use the per-test isolation."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("JURY_DESK_DATA_DIR", str(tmp / "data"))
        mp.setenv("JURY_DESK_CONFIG_DIR", str(tmp / "config"))
        desk = Desk(tmp / "jury.sqlite3")
        sid = desk.import_demo().session_id
        demo_scenario.play_demo_deliberation(desk, sid)
        try:
            yield desk, sid
        finally:
            desk.close()


def rechain_audit(
    con: sqlite3.Connection, sid: str, edit: Callable[[int, str, dict[str, Any]], None]
) -> None:
    """The attacker's rewrite of a session's audit log, outside jury_desk: its triggers
    dropped, each entry's data given to ``edit(seq, action, data)`` to change in place,
    and the hash chain computed anew over the result (committed)."""
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type='trigger'").fetchall():
        con.execute(f"DROP TRIGGER {name}")
    rows = con.execute(
        "SELECT seq, at, actor, action, data FROM audit WHERE session_id=? ORDER BY seq", (sid,)
    ).fetchall()
    prev = audit.GENESIS
    for seq, at, actor, action, data in rows:
        payload = json.loads(data)
        edit(seq, action, payload)
        entry = {"seq": seq, "at": at, "actor": actor, "action": action, "data": payload}
        entry["prev"] = prev
        entry["hash"] = audit.entry_hash(entry)
        con.execute(
            "UPDATE audit SET data=?, prev=?, hash=? WHERE session_id=? AND seq=?",
            (audit.canonical_json(payload).decode(), prev, entry["hash"], sid, seq),
        )
        prev = entry["hash"]
    con.commit()
