"""The technical log holds no personal data (issue 12, item 7): canaries planted through
every failure path that can be provoked from the command line (a write the database
refuses, a refused import, a failed export, a locked database) never reach the log file
or the error output, and the log still holds none of them after the purge."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import uuid
from pathlib import Path

from jury_desk.core import crypto, paths
from jury_desk.core.services import Desk
from tests.conftest import make_signed_bundle, run_cli

HqKey = tuple[Path, Path, crypto.PrivateKey]


def _needles(canaries: list[str]) -> list[bytes]:
    out = []
    for c in canaries:
        out += [c.encode("utf-8"), json.dumps(c).encode("ascii"), c.encode("unicode_escape")]
    return out


def _log_bytes() -> bytes:
    return b"".join(p.read_bytes() for p in sorted(paths.log_dir().glob("jury_desk.log*")))


def _refuse_inserts(db: Path, table: str, when: str = "1") -> None:
    """A trigger that makes SQLite refuse a write, as a failing disk or a damaged
    database would, after the application has built its statement and parameters."""
    con = sqlite3.connect(db)
    try:
        con.execute(
            f"CREATE TRIGGER canary_refuse BEFORE INSERT ON {table} WHEN {when} "
            "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
        )
        con.commit()
    finally:
        con.close()


def _drop_trigger(db: Path) -> None:
    con = sqlite3.connect(db)
    try:
        con.execute("DROP TRIGGER canary_refuse")
        con.commit()
    finally:
        con.close()


def test_no_failure_path_writes_a_canary_to_the_log(
    tmp_path: Path, demo_source: Path, hq_key: HqKey
) -> None:
    tag = uuid.uuid4().hex[:10]
    reason = f"Motif-canari-{tag} : sœur du porteur"
    juror = f"Juré-canari-{tag} Dupont"
    comment_file = f"resultats-canari-{tag}.zip"
    locked_reason = f"Verrou-canari-{tag} : cousin du trésorier"
    canaries = [reason, juror, comment_file, locked_reason]
    db = tmp_path / "jury.sqlite3"
    outputs: list[str] = []

    desk = Desk(db)
    sid = desk.import_demo().session_id
    desk.close()
    scores = Path(__file__).resolve().parents[2] / "resources" / "demo" / "demo-scores.csv"
    r = run_cli("scores", "import", scores, "--db", db)
    assert r.returncode == 0, r.stderr

    # 1. A write the database refuses, after the statement and its parameters were built.
    _refuse_inserts(db, "recusal")
    r = run_cli(
        "recuse", "--db", db, "--juror", "j02", "--dossier", "d01", "--kind", "conflict",
        "--reason", reason,
    )  # fmt: skip
    assert r.returncode == 1 and "erreur inattendue" in r.stderr
    outputs += [r.stdout, r.stderr]
    _drop_trigger(db)

    # 2. A refused import whose manifest carries a name (signed by an untrusted key).
    manifest = demo_source / "manifest.json"
    doc = json.loads(manifest.read_text(encoding="utf-8"))
    doc["session"]["id"] = str(uuid.uuid4())
    doc["jurors"][0]["name"] = juror
    for d in doc["dossiers"]:
        for a in d["attachments"]:
            a.pop("bytes", None)
            a.pop("sha256", None)
    manifest.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    bundle_path = make_signed_bundle(demo_source, hq_key[2], tmp_path / "session.zip")
    r = run_cli("import", bundle_path, "--db", tmp_path / "autre.sqlite3")
    assert r.returncode == 2
    outputs += [r.stdout, r.stderr]

    # 3. An export that fails after it began (the database refuses its audit entry; the
    #    entry names the file).
    _refuse_inserts(db, "audit", "NEW.action = 'export.written'")
    out = tmp_path / "sortie" / comment_file
    out.parent.mkdir()
    r = run_cli("export", "--db", db, "--out", out, "--accept-proposal")
    assert r.returncode != 0 and not out.exists()
    outputs += [r.stdout, r.stderr]
    _drop_trigger(db)

    # 4. A locked database (another program holds it for longer than the busy timeout).
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    release = threading.Timer(25, holder.rollback)
    release.start()
    try:
        started = time.monotonic()
        r = run_cli(
            "recuse", "--db", db, "--juror", "j03", "--dossier", "d02", "--kind", "conflict",
            "--reason", locked_reason,
        )  # fmt: skip
        assert time.monotonic() - started < 25
    finally:
        release.cancel()
        holder.rollback()
        holder.close()
    assert r.returncode == 2, r.stderr
    assert "verrouillée" in r.stderr and "Rien n’a été modifié" in r.stderr
    outputs += [r.stdout, r.stderr]

    needles = _needles(canaries)
    log = _log_bytes()
    assert log, "the failures were logged"
    assert [n for n in needles if n in log] == []
    assert [c for c in canaries if any(c in o for o in outputs)] == [
        comment_file  # the export's own message names its file, which the user chose
    ] or [c for c in canaries if any(c in o for o in outputs)] == []

    # The deliberation is as it was, the session usable.
    r = run_cli("results", "--db", db)
    assert r.returncode == 0, r.stderr
    assert sid

    # 5. After the purge, still nothing.
    r = run_cli("purge", "--db", db, "--yes", "--force")
    assert r.returncode == 0, r.stderr
    log = _log_bytes()
    assert [n for n in needles if n in log] == []
