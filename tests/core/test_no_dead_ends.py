"""No dead ends (issue 12, item 5): an export that fails, whatever the cause, leaves the
deliberation as it was, records the failure and can be retried; only a verified export
holds back a restore or a purge; an edited audit chain is refused before anything
changes; a killed export leaves nothing behind after the next start."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from jury_desk.core import (
    audit,
    demo_scenario,
    environment,
    export,
    ledger,
    privacy,
    pv,
    pv_signing,
    snapshots,
)
from jury_desk.core.errors import UserError
from jury_desk.core.services import Desk
from tests.conftest import ROOT, run_cli, signing_identity


def _actions(desk: Desk, sid: str, n: int) -> list[str]:
    return [e["action"] for e in desk.audit_entries(sid)[-n:]]


def _layout_error(*_a: Any, **_k: Any) -> Any:
    from reportlab.platypus.doctemplate import LayoutError

    raise LayoutError("Flowable <Table> too large on page 1")


def _signing_crash(*_a: Any, **_k: Any) -> Any:
    raise ValueError("the HSM said no")


@pytest.mark.parametrize(
    ("where", "failure"),
    [("build_pv", _layout_error), ("sign_pdf", _signing_crash)],
    ids=["pv-layout-error", "crash-in-signing"],
)
def test_a_failed_export_leaves_the_deliberation_open_and_can_be_retried(
    scored_demo: tuple[Desk, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    where: str,
    failure: Callable[..., Any],
) -> None:
    desk, sid = scored_demo
    assert not desk.state(sid).closed
    out = tmp_path / "sortie" / "resultats.zip"
    out.parent.mkdir()
    monkeypatch.setattr(pv_signing if where == "sign_pdf" else pv, where, failure)
    with pytest.raises(UserError) as caught:
        export.export_session(desk, sid, out, signing_identity(), accept_proposal=True)
    monkeypatch.undo()
    assert caught.value.code == "export_failed"
    assert "La délibération est restée ouverte" in caught.value.message
    assert "Vous pouvez relancer l’export" in caught.value.message
    st = desk.state(sid)
    assert not st.closed
    assert _actions(desk, sid, 4) == [
        "deliberation.close",
        "export.written",
        "export.failed",
        "deliberation.reopen",
    ]
    assert audit.verify_chain(desk.audit_entries(sid)).ok
    assert list(out.parent.iterdir()) == []
    # A failed export is not a written one: the purge is not allowed by it.
    status = privacy.purge_status(desk.db_path)
    assert status.sessions[0].last_export is None
    # Retried, it works.
    ident = signing_identity()
    rep = export.export_session(desk, sid, out, ident, accept_proposal=True)
    assert rep.export_seq == 2 and desk.state(sid).closed
    assert export.verify_written(desk, sid, rep, ident).ok


def test_a_full_disk_at_the_snapshot_changes_nothing(
    scored_demo: tuple[Desk, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk, sid = scored_demo
    before = desk.state(sid)

    def full(*_a: Any, **_k: Any) -> Any:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(snapshots, "take_snapshot", full)
    out = tmp_path / "sortie" / "resultats.zip"
    out.parent.mkdir()
    with pytest.raises(environment.EnvironmentProblem) as caught:
        export.export_session(desk, sid, out, signing_identity(), accept_proposal=True)
    assert caught.value.code == "db_full"
    assert str(desk.db_path) in caught.value.message and "plein" in caught.value.message
    after = desk.state(sid)
    assert not after.closed and after.audit_count == before.audit_count
    assert list(out.parent.iterdir()) == []


def _flip_audit_data(db: Path, seq: int) -> None:
    """Change bytes inside one audit entry's data, as an editor of the file would (the
    append-only triggers dropped, then put back): integrity_check still says ok."""
    con = sqlite3.connect(db)
    try:
        triggers = con.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit'"
        ).fetchall()
        for name, _sql in triggers:
            con.execute(f'DROP TRIGGER "{name}"')
        (data,) = con.execute("SELECT data FROM audit WHERE seq = ?", (seq,)).fetchone()
        flipped = data.replace('"j', '"k', 1) if '"j' in data else data[:-1] + " }"
        con.execute("UPDATE audit SET data = ? WHERE seq = ?", (flipped, seq))
        for _name, sql in triggers:
            con.execute(sql)
        con.commit()
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        con.close()


def test_a_broken_audit_chain_is_refused_and_the_intact_snapshot_restores(
    scored_demo: tuple[Desk, str], tmp_path: Path
) -> None:
    desk, sid = scored_demo
    db = desk.db_path
    intact = snapshots.take_snapshot(desk, "manuel")
    intact_path = Path(getattr(intact, "path", intact))
    desk.close()
    _flip_audit_data(db, 5)

    r = run_cli("results", "--db", db)
    assert r.returncode == 2, r.stderr
    assert "journal d’audit de cette session est altéré" in r.stderr
    assert "entrée n° 5" in r.stderr

    desk = Desk(db)
    count = desk.state(sid).audit_count
    with pytest.raises(UserError) as caught:
        export.export_session(
            desk, sid, tmp_path / "r.zip", signing_identity(), accept_proposal=True
        )
    assert caught.value.code == "audit_chain_broken"
    assert not desk.state(sid).closed and desk.state(sid).audit_count == count
    assert not (tmp_path / "r.zip").exists()
    desk.close()

    snapshots.restore(db, intact_path)
    desk = Desk(db)
    assert audit.verify_chain(desk.audit_entries(sid)).ok
    desk.close()


def test_only_a_verified_export_forbids_restoring_before_it(
    scored_demo: tuple[Desk, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An export whose file was never written (here: it failed after closing) does not
    count as written: the snapshot before it can be restored."""
    desk, sid = scored_demo
    db = desk.db_path
    before = snapshots.take_snapshot(desk, "avant")
    monkeypatch.setattr(pv, "build_pv", _layout_error)
    with pytest.raises(UserError):
        export.export_session(
            desk, sid, tmp_path / "r.zip", signing_identity(), accept_proposal=True
        )
    desk.close()
    snapshots.restore(db, Path(getattr(before, "path", before)))


def _export_verified(desk: Desk, sid: str, out: Path) -> export.ExportReport:
    ident = signing_identity()
    rep = export.export_session(desk, sid, out, ident, accept_proposal=True)
    assert export.verify_written(desk, sid, rep, ident).ok
    return rep


def test_purge_erases_only_the_export_whose_hash_it_recorded(
    tmp_path: Path, scored_demo: tuple[Desk, str]
) -> None:
    """Two databases export to the same file name; purging the first must not destroy the
    second's export, and the export's SHA-256 is recorded (ledger and audit log)."""
    desk_a, sid_a = scored_demo
    shared = tmp_path / "partage" / "resultats.zip"
    shared.parent.mkdir()
    rep_a = _export_verified(desk_a, sid_a, shared)
    assert rep_a.sha256 == hashlib.sha256(shared.read_bytes()).hexdigest()
    verified = [e for e in desk_a.audit_entries(sid_a) if e["action"] == "export.verified"]
    assert verified[-1]["data"]["sha256"] == rep_a.sha256
    assert any(w.sha256 == rep_a.sha256 for w in ledger.written(desk_a.db_path))
    desk_a.close()

    other = tmp_path / "autre"
    other.mkdir()
    desk_b = Desk(other / "jury.sqlite3")
    sid_b = desk_b.import_demo().session_id
    demo_scenario.play_demo_deliberation(desk_b, sid_b)
    rep_b = _export_verified(desk_b, sid_b, shared)  # same name: overwrites A's file
    desk_b.close()
    theirs = shared.read_bytes()
    assert hashlib.sha256(theirs).hexdigest() == rep_b.sha256 != rep_a.sha256

    purged = privacy.purge(desk_a.db_path, force=True)
    assert purged.exports_removed == []
    assert [p for p, _ in purged.kept] == [shared]
    assert shared.read_bytes() == theirs  # B's export survives A's purge

    purged_b = privacy.purge(desk_b.db_path, force=True)
    assert purged_b.exports_removed == [shared] and not shared.exists()


_KILLED_EXPORT = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from jury_desk.core import export, pv
    from jury_desk.core.services import Desk
    from tests.conftest import signing_identity

    def killed(*a, **k):
        os.kill(os.getpid(), signal.SIGKILL)

    pv.build_pv = killed
    desk = Desk(Path(sys.argv[1]))
    sid = desk.resolve()
    export.export_session(desk, sid, Path(sys.argv[2]), signing_identity(), accept_proposal=True)
    """
)


def test_a_killed_export_is_undone_at_next_start(
    scored_demo: tuple[Desk, str], tmp_path: Path
) -> None:
    desk, sid = scored_demo
    db = desk.db_path
    desk.close()
    folder = tmp_path / "sortie"
    folder.mkdir()
    r = subprocess.run(
        [sys.executable, "-c", _KILLED_EXPORT, str(db), str(folder / "resultats.zip")],
        cwd=ROOT,
        env={**os.environ},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert r.returncode == -signal.SIGKILL, r.stderr
    left = list(folder.iterdir())
    assert len(left) == 1 and left[0].name.endswith(".part") and left[0].name.startswith(".")
    assert left[0].stat().st_size > 0  # the room reserved for the archive

    desk = Desk(db)  # the next start
    assert list(folder.iterdir()) == []
    st = desk.state(sid)
    assert not st.closed
    assert _actions(desk, sid, 4) == [
        "deliberation.close",
        "export.written",
        "export.failed",
        "deliberation.reopen",
    ]
    assert audit.verify_chain(desk.audit_entries(sid)).ok
    rep = _export_verified(desk, sid, folder / "resultats.zip")
    assert rep.export_seq == 2
    desk.close()


def test_purge_removes_a_killed_exports_part(scored_demo: tuple[Desk, str], tmp_path: Path) -> None:
    desk, sid = scored_demo
    folder = tmp_path / "sortie"
    folder.mkdir()
    target = export._Target(folder / "r.zip", desk.db_path, sid)
    target.open(100_000)
    part = target.tmp
    # While the export runs, a second start must leave its file alone.
    assert ledger.remove_stale_parts(desk.db_path) == [] and part.exists()
    assert target.fd is not None
    os.close(target.fd)  # the process dies: the lock goes with it
    target.fd = None
    desk.close()
    report_ = privacy.purge(desk.db_path, force=True)
    assert not part.exists() and report_.complete


def test_locked_and_damaged_databases_are_said_in_french(tmp_path: Path) -> None:
    db = tmp_path / "jury.sqlite3"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    holder = sqlite3.connect(db)
    holder.execute("BEGIN EXCLUSIVE")
    other = sqlite3.connect(db, timeout=0)
    with pytest.raises(sqlite3.OperationalError) as locked:
        other.execute("INSERT INTO t VALUES ('Motif : sœur du porteur')")
    holder.rollback()
    for c in (holder, other, con):
        c.close()
    problem = environment.describe(locked.value, db)
    assert problem is not None and problem.code == "db_locked"
    assert f"La base « {db} » est verrouillée" in problem.message
    assert "Rien n’a été modifié" in problem.message and "sœur" not in problem.message

    damaged = tmp_path / "abime.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + os.urandom(4096))
    with pytest.raises(sqlite3.DatabaseError) as corrupt:
        sqlite3.connect(damaged).execute("SELECT * FROM sqlite_master").fetchall()
    problem = environment.describe(corrupt.value, damaged)
    assert problem is not None and problem.code == "db_corrupt"
    assert "endommagée" in problem.message and "restaurez" in problem.message

    full = environment.describe(OSError(28, "No space left on device", str(tmp_path / "x.zip")))
    assert full is not None and full.code == "os_full" and "x.zip" in full.message
    assert environment.describe(ValueError("a bug")) is None


def _mount_readonly_copy(db: Path, script: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``script`` in a private mount namespace where ``db``'s folder is a read-only
    tmpfs holding a copy of the database (the file system answers EROFS)."""
    folder = db.parent
    shell = (
        'src="$1"; dir="$2"; shift 2; cp -a "$dir" "$src" || exit 96; '
        'mount -t tmpfs -o size=64m tmpfs "$dir" || exit 97; cp -a "$src"/. "$dir"/ || exit 98; '
        'mount -o remount,ro "$dir" || exit 99; "$@"'
    )
    return subprocess.run(
        [
            "unshare",
            "-m",
            "sh",
            "-c",
            shell,
            "sh",
            str(folder) + ".copy",
            str(folder),
            script,
            *args,
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_a_read_only_database_is_refused_with_exit_2(
    scored_demo: tuple[Desk, str], tmp_path: Path
) -> None:
    desk, sid = scored_demo
    db = desk.db_path
    desk.close()
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c", f"mount -t tmpfs tmpfs '{tmp_path}'"],
        capture_output=True,
        check=False,
    )
    if probe.returncode != 0:
        pytest.skip("no private mount namespace here")
    reason = "Motif-canari : sœur du porteur de projet"
    r = _mount_readonly_copy(
        db,
        sys.executable,
        "-m",
        "jury_desk",
        "recuse",
        "--db",
        str(db),
        "--juror",
        "j02",
        "--dossier",
        "d01",
        "--kind",
        "conflict",
        "--reason",
        reason,
    )
    assert r.returncode == 2, (r.returncode, r.stderr)
    assert f"« {db}" in r.stderr  # the database or its lock file beside it
    assert "lecture seule" in r.stderr or "ne peut pas être ouverte" in r.stderr
    assert "Rien n’a été modifié" in r.stderr
    assert "erreur inattendue" not in r.stderr and "INSERT" not in r.stderr
    assert reason not in r.stderr
    data = json.dumps(Desk(db).audit_entries(sid), ensure_ascii=False)
    assert reason not in data  # the real database never saw it
