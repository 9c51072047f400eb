"""What the user sees when Windows holds a file (antivirus, indexer, OneDrive): import,
restore, export and purge wait out a short hold and name a long one (issue 16).

The hold is simulated (tests/core/windows_sim.py): ``os.replace`` & co. raise
``PermissionError`` with ``winerror`` 32, as Windows does while another program has the
file open, and ``core.fsutil.is_windows`` answers True.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from jury_desk.core import export, fsutil, paths, privacy, snapshots
from jury_desk.core.errors import UserError
from jury_desk.core.services import Desk
from tests.conftest import signing_identity
from tests.core.windows_sim import Holder


def _in_store(db: Path) -> object:
    store = paths.files_dir(db)
    return lambda p: p.parent.parent == store  # a blob: files/ab/abcdef…


def test_import_waits_while_the_antivirus_scans_the_attachments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "jury.sqlite3"
    desk = Desk(db)
    held = Holder(monkeypatch, _in_store(db), times=4, ops=("replace",))  # type: ignore[arg-type]
    report = desk.import_demo()  # was: PermissionError, the bundle "unreadable"
    assert held.refused and report.attachments > 0
    blobs = [p for p in paths.files_dir(db).rglob("*") if p.is_file()]
    assert len(blobs) == report.attachments
    assert not list(paths.files_dir(db).glob(".staging-*"))
    desk.close()


def test_import_held_for_good_says_which_file_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "jury.sqlite3"
    desk = Desk(db)
    Holder(monkeypatch, _in_store(db), times=None, ops=("replace",))  # type: ignore[arg-type]
    with pytest.raises(fsutil.FileInUse) as caught:
        desk.import_demo()
    assert "antivirus" in caught.value.message
    assert desk.sessions() == []
    assert [p for p in paths.files_dir(db).rglob("*") if p.is_file()] == []
    desk.close()


def _score_rows(db: Path) -> list[tuple[object, ...]]:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT * FROM score ORDER BY 1, 2, 3, 4").fetchall()
    finally:
        con.close()


def test_restore_waits_while_the_database_file_is_held(
    scored_demo: tuple[Desk, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    desk, sid = scored_demo
    db = desk.db_path
    snap = snapshots.take_snapshot(desk, "apres-audition")
    desk.record_score(sid, "d01", "j01", "innovation", "0")
    desk.close()
    held = Holder(monkeypatch, lambda p: p == db, times=6, ops=("replace",))
    assert snapshots.restore(db, snap) is not None  # was: « erreur inattendue »
    assert held.refused
    assert not list(db.parent.glob("*.restauration.tmp*"))


def test_restore_held_for_good_leaves_the_database_as_it_was(
    scored_demo: tuple[Desk, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    desk, sid = scored_demo
    db = desk.db_path
    snap = snapshots.take_snapshot(desk, "apres-audition")
    desk.record_score(sid, "d01", "j01", "innovation", "0")
    desk.close()
    before = _score_rows(db)
    Holder(monkeypatch, lambda p: p == db, times=None, ops=("replace",))
    with pytest.raises(UserError) as caught:
        snapshots.restore(db, snap)
    assert caught.value.code == "file_in_use" and db.name in caught.value.message
    assert _score_rows(db) == before
    assert not list(db.parent.glob("*.restauration.tmp*"))


def test_export_waits_while_the_new_file_is_scanned(
    scored_demo: tuple[Desk, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk, sid = scored_demo
    out = tmp_path / "sortie" / "résultats.zip"
    out.parent.mkdir()
    held = Holder(monkeypatch, lambda p: p == out, times=5, ops=("replace",))
    rep = export.export_session(desk, sid, out, signing_identity(), accept_proposal=True)
    assert held.refused and rep.export_seq == 1 and out.is_file()  # was: « droits insuffisants »
    assert sorted(p.name for p in out.parent.iterdir()) == ["résultats.zip"]


def test_an_earlier_export_open_elsewhere_is_refused_before_a_number_is_taken(
    scored_demo: tuple[Desk, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk, sid = scored_demo
    out = tmp_path / "résultats.zip"
    out.write_bytes(b"an earlier export, open in the Explorer's preview")
    entries = len(desk.audit_entries(sid))
    Holder(monkeypatch, lambda p: p == out, times=None, ops=("open", "replace"))
    with pytest.raises(fsutil.FileInUse) as caught:
        export.export_session(desk, sid, out, signing_identity(), accept_proposal=True)
    assert str(out) in caught.value.message
    assert len(desk.audit_entries(sid)) == entries  # no export number used up
    assert out.read_bytes().startswith(b"an earlier export")
    assert sorted(p.name for p in tmp_path.glob("*.part")) == []


def test_purge_finds_the_folders_whatever_the_case_of_the_name_on_windows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    created = tmp_path / "Jury.sqlite3"  # as the file was created
    for sibling in (".files", ".snapshots"):
        d = created.with_name(created.name + sibling)
        d.mkdir()
        (d / "données-personnelles").write_bytes(b"x")
    typed = tmp_path / "jury.sqlite3"  # purge --db c:\jury\jury.sqlite3
    monkeypatch.setattr(fsutil, "is_windows", lambda: False)
    assert privacy._db_siblings(typed) == []  # a case-sensitive file system: not the same name
    monkeypatch.setattr(fsutil, "is_windows", lambda: True)
    assert [p.name for p in privacy._db_siblings(typed)] == [
        "Jury.sqlite3.files",
        "Jury.sqlite3.snapshots",
    ]
    report = privacy.purge(typed, force=True)
    assert report.complete
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_purge_names_a_file_held_for_good(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "jury.sqlite3"
    store = paths.files_dir(db)
    (store / "ab").mkdir(parents=True)
    blob = store / "ab" / "abcdef"
    blob.write_bytes(b"attachment")
    Holder(monkeypatch, lambda p: p == blob, times=None, ops=("unlink",))
    report = privacy.purge(db, force=True)
    assert not report.complete
    [(_path, why)] = [f for f in report.failures if f[0] == blob]
    assert "OneDrive" in why.message
