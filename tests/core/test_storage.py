"""The SQLite file: pragmas, schema version, migrations, the append-only audit log."""

from __future__ import annotations

import copy
import hashlib
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlmodel import SQLModel

from jury_desk.core import audit, storage
from jury_desk.core.errors import DatabaseError
from jury_desk.core.services import Desk


def raw(path: Path, sql: str) -> Any:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --------------------------------------------------------------------------- pragmas


def test_pragmas_hold_on_every_new_connection(tmp_path: Path) -> None:
    engine = storage.open_database(tmp_path / "jury.sqlite3")
    try:
        for _ in range(2):
            engine.dispose()  # the next connect() opens a fresh DBAPI connection
            with engine.connect() as conn:
                pragma = {
                    name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
                    for name in (
                        "journal_mode",
                        "synchronous",
                        "foreign_keys",
                        "secure_delete",
                        "busy_timeout",
                    )
                }
            assert pragma == {
                "journal_mode": "wal",
                "synchronous": 2,
                "foreign_keys": 1,
                "secure_delete": 1,
                "busy_timeout": 10000,
            }
    finally:
        engine.dispose()
    # WAL is a property of the file: a plain sqlite3 connection sees it too.
    assert raw(tmp_path / "jury.sqlite3", "PRAGMA journal_mode") == "wal"


def test_a_new_database_is_at_the_schema_version_with_its_tables(tmp_path: Path) -> None:
    path = tmp_path / "jury.sqlite3"
    storage.open_database(path).dispose()
    assert raw(path, "PRAGMA user_version") == storage.SCHEMA_VERSION
    con = sqlite3.connect(path)
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        triggers = {
            r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
    finally:
        con.close()
    assert set(SQLModel.metadata.tables) <= tables
    assert {"audit_no_update", "audit_no_delete"} <= triggers


# --------------------------------------------------------------------------- versions


def test_a_database_from_a_newer_version_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "jury.sqlite3"
    desk = Desk(path)
    desk.import_demo()
    desk.close()
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {storage.SCHEMA_VERSION + 1}")
    con.commit()
    con.close()
    before, files = digest(path), listing(tmp_path)

    with pytest.raises(DatabaseError) as info:
        storage.open_database(path)
    assert info.value.code == "db_too_new"
    assert f"schéma {storage.SCHEMA_VERSION + 1}" in info.value.message
    assert "plus récente" in info.value.message
    with pytest.raises(DatabaseError):
        Desk(path)
    assert digest(path) == before
    assert listing(tmp_path) == files  # no backup, no journal left behind


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "jury.sqlite3"
    path.write_bytes(b"Ceci n'est pas une base SQLite." * 100)
    before = digest(path)
    with pytest.raises(DatabaseError) as info:
        storage.open_database(path)
    assert info.value.code == "db_unreadable"
    assert digest(path) == before


def test_reopening_a_current_database_makes_no_backup(tmp_path: Path) -> None:
    path = tmp_path / "jury.sqlite3"
    desk = Desk(path)
    sid = desk.import_demo().session_id
    desk.close()
    desk = Desk(path)
    assert desk.state(sid).info.id == sid
    desk.close()
    assert not list(tmp_path.glob("*avant-migration*"))
    assert raw(path, "PRAGMA user_version") == storage.SCHEMA_VERSION


@pytest.fixture
def fake_v2(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, bool, int]]:
    """A second migration step; records (step, backup present, user_version) per call."""
    calls: list[tuple[int, bool, int]] = []
    to_v1 = storage.MIGRATIONS[0]

    def path_of(engine: Engine) -> Path:
        assert engine.url.database is not None
        return Path(engine.url.database)

    def step_1(engine: Engine) -> None:
        p = path_of(engine)
        backup = p.with_name(p.name + ".avant-migration-v1")
        calls.append((1, backup.exists(), int(raw(p, "PRAGMA user_version"))))
        to_v1(engine)

    def step_2(engine: Engine) -> None:
        p = path_of(engine)
        backup = p.with_name(p.name + ".avant-migration-v1")
        calls.append((2, backup.exists(), int(raw(p, "PRAGMA user_version"))))
        with engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE added_in_v2 (x INTEGER)")

    monkeypatch.setattr(storage, "MIGRATIONS", [step_1, step_2])
    monkeypatch.setattr(storage, "SCHEMA_VERSION", 2)
    return calls


def test_a_migration_backs_the_file_up_first_and_runs_only_the_missing_steps(
    tmp_path: Path, fake_v2: list[tuple[int, bool, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "jury.sqlite3"
    with monkeypatch.context() as m:  # a version 1 database, made by the real code
        m.setattr(storage, "MIGRATIONS", [storage._migrate_to_1])
        m.setattr(storage, "SCHEMA_VERSION", 1)
        desk = Desk(path)
        sid = desk.import_demo().session_id
        desk.close()
    assert raw(path, "PRAGMA user_version") == 1

    storage.open_database(path).dispose()
    backup = tmp_path / "jury.sqlite3.avant-migration-v1"
    assert fake_v2 == [(2, True, 1)]  # step 1 not run again; the backup existed before step 2
    assert raw(path, "PRAGMA user_version") == 2
    assert raw(path, "SELECT count(*) FROM added_in_v2") == 0
    # The backup is the version 1 database, whole: its session, no trace of version 2.
    assert raw(backup, "PRAGMA user_version") == 1
    assert raw(backup, "SELECT id FROM session") == sid
    assert raw(backup, "SELECT count(*) FROM sqlite_master WHERE name = 'added_in_v2'") == 0


def test_a_new_database_runs_every_step_in_order_without_backup(
    tmp_path: Path, fake_v2: list[tuple[int, bool, int]]
) -> None:
    path = tmp_path / "jury.sqlite3"
    storage.open_database(path).dispose()
    assert fake_v2 == [(1, False, 0), (2, False, 1)]
    assert raw(path, "PRAGMA user_version") == 2
    assert not list(tmp_path.glob("*avant-migration*"))


def test_a_failed_migration_leaves_the_version_and_the_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "jury.sqlite3"
    Desk(path).close()

    def broken(engine: Engine) -> None:
        raise RuntimeError("migration interrompue")

    current = storage.SCHEMA_VERSION
    monkeypatch.setattr(storage, "MIGRATIONS", [*storage.MIGRATIONS, broken])
    monkeypatch.setattr(storage, "SCHEMA_VERSION", current + 1)
    with pytest.raises(RuntimeError):
        storage.open_database(path)
    assert raw(path, "PRAGMA user_version") == current
    assert (
        raw(tmp_path / f"jury.sqlite3.avant-migration-v{current}", "PRAGMA user_version") == current
    )


# --------------------------------------------------------------------------- audit log


def test_the_audit_table_refuses_update_and_delete(demo_desk: tuple[Desk, str]) -> None:
    desk, sid = demo_desk
    path = desk.db_path
    con = sqlite3.connect(path)
    try:
        rows = con.execute("SELECT * FROM audit ORDER BY seq").fetchall()
        assert rows
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            con.execute("UPDATE audit SET actor = 'quelqu''un' WHERE seq = 1")
        con.rollback()
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            con.execute("DELETE FROM audit")
        con.rollback()
        assert con.execute("SELECT * FROM audit ORDER BY seq").fetchall() == rows
    finally:
        con.close()
    assert audit.verify_chain(desk.audit_entries(sid)).ok


def test_verify_chain_names_the_first_broken_entry(scored_demo: tuple[Desk, str]) -> None:
    desk, sid = scored_demo
    entries = desk.audit_entries(sid)
    assert len(entries) > 10
    check = audit.verify_chain(entries)
    assert check.ok and check.count == len(entries)
    assert check.head == desk.state(sid).audit_head == entries[-1]["hash"]

    altered = copy.deepcopy(entries)
    altered[4]["data"]["value"] = "5" if altered[4]["data"].get("value") != "5" else "4"
    altered[8]["actor"] = "quelqu’un d’autre"  # a later alteration is not the first
    check = audit.verify_chain(altered)
    assert not check.ok and check.broken_seq == 5 and check.count == 4
    assert check.problem is not None and "n° 5" in check.problem and "modifié" in check.problem

    relinked = copy.deepcopy(entries)
    relinked[6]["prev"] = "f" * 64
    relinked[6]["hash"] = audit.entry_hash(relinked[6])  # re-hashed, but the link is broken
    check = audit.verify_chain(relinked)
    assert (check.ok, check.broken_seq) == (False, 7)
    assert check.problem is not None and "lien" in check.problem

    removed = entries[:3] + entries[4:]
    check = audit.verify_chain(removed)
    assert (check.ok, check.broken_seq) == (False, 4)
    assert check.problem is not None and "manquante" in check.problem

    # Through the exported JSONL form too: one changed byte breaks its entry.
    jsonl = audit.to_jsonl(entries)
    assert audit.verify_chain(audit.parse_jsonl(jsonl)).ok
    lines = jsonl.split(b"\n")
    lines[2] = lines[2].replace(b'"feuilles-papier"', b'"feuilles-papieR"', 1)
    check = audit.verify_chain(audit.parse_jsonl(b"\n".join(lines)))
    assert (check.ok, check.broken_seq) == (False, 3)
