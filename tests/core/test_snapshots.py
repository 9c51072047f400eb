"""Snapshots (VACUUM INTO, ten kept, second folder) and restoring one."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from jury_desk.core import audit, paths, settings, snapshots, storage
from jury_desk.core.errors import UserError
from jury_desk.core.services import Desk
from tests.conftest import run_cli


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _scores(db: Path) -> dict[tuple[str, str, str], str]:
    con = sqlite3.connect(db)  # read-write: a read-only one would leave -wal/-shm behind
    try:
        return {
            (d, j, c): v
            for d, j, c, v in con.execute(
                "SELECT dossier_id, juror_id, criterion_id, value FROM score"
            )
        }
    finally:
        con.close()


def _tree(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


# ---------------------------------------------------------------- taking


def test_snapshot_is_a_consistent_copy_including_the_wal(scored_demo: tuple[Desk, str]) -> None:
    desk, sid = scored_demo
    desk.record_score(sid, "d01", "j01", "innovation", "5")
    wal = desk.db_path.with_name(desk.db_path.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0  # the last write is still in the WAL
    path = snapshots.take_snapshot(desk, "après audition d01")
    assert path.parent == paths.snapshots_dir(desk.db_path)
    taken, reason = snapshots.parse_name(path.name) or (None, None)
    assert reason == "apres-audition-d01" and taken is not None
    assert _scores(path) == _scores(desk.db_path)
    assert _scores(path)[("d01", "j01", "innovation")] == "5"
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA user_version").fetchone()[0] == storage.SCHEMA_VERSION
    finally:
        con.close()
    assert not list(path.parent.glob("*.tmp"))


def test_names_sort_by_time_and_only_ten_are_kept(demo_desk: tuple[Desk, str]) -> None:
    desk, sid = demo_desk
    taken = []
    for i in range(12):
        desk.record_score(sid, "d01", "j01", "innovation", str(i % 6))
        result = snapshots.snapshot(desk, f"apres-audition-{i:02d}")
        taken.append(result.path)
        assert result.pruned == ((taken[i - 10],) if i >= 10 else ())
    kept = sorted(p.name for p in paths.snapshots_dir(desk.db_path).iterdir())
    assert kept == [p.name for p in taken[2:]]  # name order is time order
    infos = snapshots.list_snapshots(desk.db_path)
    assert [i.path for i in infos] == list(reversed(taken[2:]))  # newest first
    newest = infos[0]
    assert newest.reason == "apres-audition-11" and newest.reason_label == "après audition 11"
    assert newest.size == newest.path.stat().st_size and newest.readable
    (s,) = newest.sessions
    assert s.id == sid and "démonstration" in s.title
    assert s.audit_entries == len(desk.audit_entries(sid))


def test_second_folder_gets_a_copy(demo_desk: tuple[Desk, str], tmp_path: Path) -> None:
    desk, _ = demo_desk
    usb = tmp_path / "usb"
    usb.mkdir()
    settings.save(settings.Settings(secondary_snapshot_dir=usb))
    result = snapshots.snapshot(desk, "avant-export")
    assert result.secondary_error is None and result.secondary is not None
    assert result.secondary.parent == snapshots.secondary_dir(desk.db_path, usb)
    assert result.secondary.parent.name.startswith("jury.sqlite3.")
    assert _sha(result.secondary) == _sha(result.path)
    listed = snapshots.list_snapshots(desk.db_path, include_secondary=True)
    assert sorted(i.location for i in listed) == ["principal", "secondaire"]


@pytest.mark.parametrize("broken", ["missing", "file"])
def test_a_failed_second_copy_is_reported_not_raised(
    demo_desk: tuple[Desk, str], tmp_path: Path, broken: str
) -> None:
    desk, _ = demo_desk
    usb = tmp_path / "usb-unplugged"
    if broken == "file":
        usb.write_text("not a folder")
    settings.save(settings.Settings(secondary_snapshot_dir=usb))
    result = snapshots.snapshot(desk, "apres-audition")
    assert result.path.exists() and result.secondary is None
    assert result.secondary_error is not None
    assert "L’instantané principal est bien enregistré" in result.secondary_error.message
    assert snapshots.take_snapshot(desk, "apres-audition").exists()  # plain call: no raise


# ---------------------------------------------------------------- restoring


def test_restore_brings_back_the_snapshot_and_audits_it(scored_demo: tuple[Desk, str]) -> None:
    desk, sid = scored_demo
    db = desk.db_path
    snap = snapshots.take_snapshot(desk, "apres-audition")
    at_snapshot = _scores(db)
    entries_at_snapshot = len(desk.audit_entries(sid))
    desk.record_score(sid, "d01", "j01", "innovation", "0")
    desk.set_comment(sid, "d01", "j01", "écrit après l’instantané")
    changed = _scores(db)
    assert changed != at_snapshot
    files_before = _tree(paths.files_dir(db))
    desk.close()

    safety = snapshots.restore(db, snap)

    assert safety is not None and safety.name.endswith("_avant-restauration.sqlite3")
    assert _scores(safety) == changed  # the state before the restore is kept: undo is possible
    assert _scores(db) == at_snapshot
    assert _tree(paths.files_dir(db)) == files_before  # attachments untouched
    leftovers = [
        p.name
        for p in db.parent.iterdir()
        if ".restauration" in p.name or p.name.endswith(("-wal", "-shm"))
    ]
    assert leftovers == []
    again = Desk(db)
    try:
        entries = again.audit_entries(sid)
        assert audit.verify_chain(entries).ok
        assert len(entries) == entries_at_snapshot + 1
        last = entries[-1]
        assert last["action"] == "snapshot.restore"
        assert last["data"]["snapshot"] == snap.name
        assert last["data"]["snapshot_sha256"] == _sha(snap)
        assert last["data"]["safety_snapshot"] == safety.name
        assert again.state(sid).comments.get(("d01", "j01")) is None
        assert again.attachment_content(sid, "d01", 0).startswith(b"%PDF-")
    finally:
        again.close()


def test_restore_over_a_crashed_database_folds_its_wal_into_the_safety_snapshot(
    scored_demo: tuple[Desk, str], tmp_path: Path
) -> None:
    desk, sid = scored_demo
    snap = snapshots.take_snapshot(desk, "apres-audition")
    desk.record_score(sid, "d02", "j02", "impact", "9.5")
    # A crashed process leaves the database with committed data only in its WAL:
    crashed = tmp_path / "crashed" / "jury.sqlite3"
    crashed.parent.mkdir()
    for suffix in ("", "-wal"):
        src = desk.db_path.with_name(desk.db_path.name + suffix)
        crashed.with_name(crashed.name + suffix).write_bytes(src.read_bytes())
    desk.close()
    assert crashed.with_name("jury.sqlite3-wal").stat().st_size > 0

    safety = snapshots.restore(crashed, snap)

    assert safety is not None
    assert _scores(safety)[("d02", "j02", "impact")] == "9.5"  # the WAL's write was kept
    assert _scores(crashed) == _scores(snap)  # and was not replayed onto the restored file
    assert not crashed.with_name("jury.sqlite3-wal").exists()


def test_restore_when_there_is_no_database(demo_desk: tuple[Desk, str], tmp_path: Path) -> None:
    desk, sid = demo_desk
    snap = snapshots.take_snapshot(desk, "manuel")
    target = tmp_path / "elsewhere" / "jury.sqlite3"
    assert snapshots.restore(target, snap) is None
    restored = Desk(target)
    try:
        assert restored.resolve() == sid
        assert restored.audit_entries(sid)[-1]["action"] == "snapshot.restore"
    finally:
        restored.close()
    assert snapshots.missing_attachments(target)  # attachments live beside the original db
    assert snapshots.missing_attachments(desk.db_path) == []


def test_restore_over_an_unreadable_database_keeps_its_raw_files(
    demo_desk: tuple[Desk, str], tmp_path: Path
) -> None:
    desk, _ = demo_desk
    snap = snapshots.take_snapshot(desk, "manuel")
    broken = tmp_path / "broken" / "jury.sqlite3"
    broken.parent.mkdir()
    broken.write_bytes(b"this is not SQLite" * 100)
    safety = snapshots.restore(broken, snap)
    assert safety is not None and safety.is_dir() and safety.parent.name == "endommagees"
    assert (safety / "jury.sqlite3").read_bytes() == b"this is not SQLite" * 100
    assert _scores(broken) == _scores(snap)


def _refused(db: Path, snap: Path, code: str) -> UserError:
    before = _sha(db)
    with pytest.raises(UserError) as err:
        snapshots.restore(db, snap)
    assert err.value.code == code
    assert _sha(db) == before
    assert not [p for p in db.parent.iterdir() if ".restauration" in p.name]
    return err.value


def test_refused_snapshots_leave_the_database_alone(
    demo_desk: tuple[Desk, str], tmp_path: Path
) -> None:
    desk, _ = demo_desk
    good = snapshots.take_snapshot(desk, "manuel")
    db = desk.db_path
    desk.close()

    err = _refused(db, tmp_path / "nope.sqlite3", "snapshot_missing")
    assert "introuvable" in err.message

    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"\x00garbage" * 512)
    assert "illisible" in _refused(db, garbage, "snapshot_corrupt").message

    damaged = tmp_path / "damaged.sqlite3"
    data = bytearray(good.read_bytes())
    page = 4096
    for n in range(2, len(data) // page):  # scribble over every b-tree page header after the first
        data[n * page : n * page + 16] = b"\xff" * 16
    damaged.write_bytes(bytes(data))
    err = _refused(db, damaged, "snapshot_corrupt")
    assert "Choisissez-en un autre" in err.message

    newer = tmp_path / "newer.sqlite3"
    newer.write_bytes(good.read_bytes())
    con = sqlite3.connect(newer)
    con.execute(f"PRAGMA user_version={storage.SCHEMA_VERSION + 1}")
    con.close()
    assert "version plus récente" in _refused(db, newer, "snapshot_too_new").message

    other = tmp_path / "other.sqlite3"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t(x)")
    con.commit()
    con.close()
    _refused(db, other, "snapshot_not_jury_desk")


# ---------------------------------------------------------------- command line


def test_cli_lists_and_restores(scored_demo: tuple[Desk, str]) -> None:
    desk, sid = scored_demo
    db = desk.db_path
    snap = snapshots.take_snapshot(desk, "apres-audition-d03")
    desk.record_score(sid, "d01", "j01", "innovation", "0")
    desk.close()

    r = run_cli("restore", "--list", "--db", db)
    assert r.returncode == 0, r.stderr
    assert "du plus récent au plus ancien" in r.stdout
    assert "après audition d03" in r.stdout and " à " in r.stdout and "opérations" in r.stdout
    assert str(snap) in r.stdout

    r = run_cli("restore", snap.name, "--db", db)  # a bare name is looked up in the folder
    assert r.returncode == 0, r.stderr
    assert "restaurée depuis l’instantané du" in r.stdout
    assert "avant la restauration est conservée" in r.stdout
    assert _scores(db) == _scores(snap)

    r = run_cli("restore", "--list", "--db", db)
    assert "avant restauration" in r.stdout


def test_cli_refusals_exit_2(demo_desk: tuple[Desk, str], tmp_path: Path) -> None:
    desk, _ = demo_desk
    snap = snapshots.take_snapshot(desk, "manuel")
    db = desk.db_path
    desk.close()
    r = run_cli("restore", tmp_path / "absent.sqlite3", "--db", db)
    assert r.returncode == 2 and "Instantané introuvable" in r.stderr
    from jury_desk.core import instance

    lock = instance.acquire(db)  # the GUI has this database open
    assert lock is not None
    try:
        r = run_cli("restore", snap, "--db", db)
        assert r.returncode == 2 and "est ouverte dans jury_desk" in r.stderr
    finally:
        lock.release()


def test_cli_list_without_snapshots(tmp_path: Path) -> None:
    r = run_cli("restore", "--db", tmp_path / "none.sqlite3")
    assert r.returncode == 0
    assert "Aucun instantané" in r.stdout and "Pour restaurer" in r.stdout


def test_restore_sets_the_later_entries_aside_in_the_chain(scored_demo: tuple[Desk, str]) -> None:
    desk, sid = scored_demo
    db = desk.db_path
    snap = snapshots.take_snapshot(desk, "test")
    desk.record_score(sid, "d01", "j02", "innovation", 0)
    head = desk.state(sid).audit_head
    seq = desk.state(sid).audit_count
    desk.close()
    snapshots.restore(db, snap)
    desk = Desk(db)
    entries = desk.audit_entries(sid)
    assert audit.verify_chain(entries).ok
    last = entries[-1]
    assert last["action"] == "snapshot.restore"
    assert last["data"]["abandoned_seq"] == seq and last["data"]["abandoned_hash"] == head
    desk.close()


def test_restore_before_an_export_is_refused(scored_demo: tuple[Desk, str], tmp_path: Path) -> None:
    from jury_desk.core import export, keys

    desk, sid = scored_demo
    db = desk.db_path
    before = snapshots.take_snapshot(desk, "avant")
    ident = keys.load_identity()
    rep = export.export_session(desk, sid, tmp_path / "r.zip", ident, accept_proposal=True)
    assert export.verify_written(desk, sid, rep, ident).ok  # only a verified export counts
    desk.close()
    digest = hashlib.sha256(db.read_bytes()).hexdigest()
    with pytest.raises(UserError) as exc:
        snapshots.restore(db, before)
    assert exc.value.code == "restore_before_export"
    assert "export n° 1" in exc.value.message
    assert hashlib.sha256(db.read_bytes()).hexdigest() == digest
