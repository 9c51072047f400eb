"""The light read path (plain sqlite3) reads exactly what ``Desk.state`` reads, never
writes, and hands over to ``Desk`` when it cannot read a file."""

from __future__ import annotations

import sqlite3
from dataclasses import fields
from pathlib import Path

import pytest

from jury_desk.core import quickread, storage
from jury_desk.core.errors import UserError
from jury_desk.core.services import Desk, SessionState
from tests.conftest import played_demo


def _same(a: SessionState, b: SessionState) -> None:
    for f in fields(SessionState):
        if f.name.startswith("_"):
            continue
        assert getattr(a, f.name) == getattr(b, f.name), f.name


def test_schema_version_follows_storage() -> None:
    """A migration must look at the light reader too (it reads the tables directly)."""
    assert quickread.SCHEMA_VERSION == storage.SCHEMA_VERSION


def test_the_played_demo_reads_the_same(tmp_path: Path) -> None:
    with played_demo(tmp_path) as (desk, sid):
        desk.set_present(sid, desk.state(sid).jurors[1].id, False)
        st = desk.state(sid)
        assert st.scores and st.hearings
        quick = quickread.load(desk.db_path)
        assert quick is not None
        _same(quick, st)
        assert quickread.load(desk.db_path, sid) is not None


def test_a_fresh_import_reads_the_same(demo_desk: tuple[Desk, str]) -> None:
    desk, sid = demo_desk
    desk.recuse(sid, "j02", desk.state(sid).dossiers[0].id, "absent", "Arrivée en retard")
    quick = quickread.load(desk.db_path, sid)
    assert quick is not None
    _same(quick, desk.state(sid))


def test_refusals_are_the_desks(demo_desk: tuple[Desk, str], tmp_path: Path) -> None:
    desk, _ = demo_desk
    with pytest.raises(UserError) as exc:
        quickread.load(desk.db_path, "nope")
    assert exc.value.code == "unknown_session"
    empty = Desk(tmp_path / "empty.sqlite3")
    empty.close()
    with pytest.raises(UserError) as exc:
        quickread.load(tmp_path / "empty.sqlite3")
    assert exc.value.code == "no_session"


def test_files_it_cannot_read_go_to_the_desk(tmp_path: Path) -> None:
    assert quickread.load(tmp_path / "missing.sqlite3") is None
    assert not (tmp_path / "missing.sqlite3").exists()  # nothing created
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database" * 100)
    assert quickread.load(junk) is None
    newer = tmp_path / "newer.sqlite3"
    con = sqlite3.connect(newer)
    con.execute(f"PRAGMA user_version={storage.SCHEMA_VERSION + 1}")
    con.close()
    assert quickread.load(newer) is None


def test_it_never_writes(demo_desk: tuple[Desk, str]) -> None:
    desk, _ = demo_desk
    con = quickread.open_readonly(desk.db_path)
    assert con is not None
    with pytest.raises(sqlite3.OperationalError):
        con.execute("DELETE FROM score")
    con.close()


def test_running_timer_is_seen(demo_desk: tuple[Desk, str]) -> None:
    desk, sid = demo_desk
    did = desk.state(sid).dossiers[0].id
    con = quickread.open_readonly(desk.db_path)
    assert con is not None
    assert not quickread.has_running_timer(con, sid)
    desk.save_hearing(
        sid,
        did,
        action="start",
        state="en_audition",
        phase="presentation",
        phase_elapsed_ms=0,
        running_since="2026-06-18T09:00:00.000+00:00",
    )
    assert quickread.has_running_timer(con, sid)
    con.close()


def test_a_broken_chain_is_refused_as_the_desk_refuses_it(demo_desk: tuple[Desk, str]) -> None:
    desk, sid = demo_desk
    assert quickread.load(desk.db_path, sid, check_chain=True) is not None
    con = sqlite3.connect(desk.db_path)
    con.execute("DROP TRIGGER audit_no_update")  # an edit outside jury_desk
    con.execute("UPDATE audit SET actor = 'quelqu’un' WHERE session_id = ? AND seq = 1", (sid,))
    con.commit()
    con.close()
    with pytest.raises(UserError) as light:
        quickread.load(desk.db_path, sid, check_chain=True)
    with pytest.raises(UserError) as orm:
        desk.check_audit_chain(sid)
    assert light.value.code == orm.value.code == "audit_chain_broken"
    assert str(light.value) == str(orm.value)
    assert quickread.load(desk.db_path, sid) is not None  # the state itself still reads
