"""The local SQLite file: tables, connection pragmas, schema version and migrations.

Storage is handed its path; :func:`open_database` creates or migrates the file and
returns an engine whose every connection runs in WAL mode with ``synchronous=FULL``,
foreign keys on and ``secure_delete``. Every transaction starts with
``BEGIN IMMEDIATE`` so that a write never fails half-way on a lock, and a commit
returns only once the row is durable.

Timestamps are RFC 3339 text with an offset. Exact numbers (weights, scale bounds,
score values) are decimal text, read back as :class:`fractions.Fraction`.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

# The SQLite dialect is otherwise imported by the first create_engine(): importing it
# here, with the rest of SQLAlchemy, keeps it ahead of PySide6 in the GUI (whose import
# hook reads the source of every module imported after it; benchmarks/gui.py).
import sqlalchemy.dialects.sqlite  # noqa: F401
from sqlalchemy import Engine, LargeBinary, event
from sqlmodel import Column, Field, Session, SQLModel, create_engine

from jury_desk.core import fsutil
from jury_desk.core.domain import DEFAULT_RANGE_THRESHOLD, DEFAULT_SD_THRESHOLD, decimal_text
from jury_desk.core.errors import DatabaseError

log = logging.getLogger(__name__)

SCHEMA_VERSION = 3


def now_iso() -> str:
    return datetime.now(UTC).astimezone().isoformat(timespec="milliseconds")


# --------------------------------------------------------------------------- tables


class SessionRow(SQLModel, table=True):
    __tablename__ = "session"
    id: str = Field(primary_key=True)
    title: str
    edition: int
    date: str
    venue: str
    quorum: int
    min_sheets: int
    min_score: str
    envelope_cents: int | None = None
    max_laureates: int | None = None
    presentation_s: int
    questions_s: int
    warning_s: int
    sd_threshold: str = decimal_text(DEFAULT_SD_THRESHOLD)
    range_threshold: str = decimal_text(DEFAULT_RANGE_THRESHOLD)
    manifest: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    manifest_sha256: str
    # The detached JWS of the manifest as imported (schema 2; NULL for older sessions).
    manifest_jws: str | None = None
    trusted_kid: str
    is_demo: bool = False
    imported_at: str
    blind: bool = True
    revealed: bool = False
    current_dossier_id: str | None = None
    attendance_taken: bool = False


class CriterionRow(SQLModel, table=True):
    __tablename__ = "criterion"
    session_id: str = Field(primary_key=True, foreign_key="session.id")
    id: str = Field(primary_key=True)
    position: int
    label: str
    description: str
    weight: str
    min: str
    max: str
    step: str


class JurorRow(SQLModel, table=True):
    __tablename__ = "juror"
    session_id: str = Field(primary_key=True, foreign_key="session.id")
    id: str = Field(primary_key=True)
    position: int
    name: str
    role: str
    organisation: str
    commune: str | None = None


class DossierRow(SQLModel, table=True):
    __tablename__ = "dossier"
    session_id: str = Field(primary_key=True, foreign_key="session.id")
    id: str = Field(primary_key=True)
    reference: str
    title: str
    commune: str
    qpv_code: str
    qpv_name: str
    holder_name: str
    holder_kind: str
    holder_rna: str | None = None
    holder_siret: str | None = None
    holder_contact: str | None = None
    project_manager: str
    summary: str
    amount_requested_cents: int
    budget_total_cents: int
    hearing_order: int
    hearing_start: str | None = None


class AttachmentRow(SQLModel, table=True):
    __tablename__ = "attachment"
    session_id: str = Field(primary_key=True, foreign_key="session.id")
    dossier_id: str = Field(primary_key=True)
    position: int = Field(primary_key=True)
    name: str  # the entry's name inside the bundle: a label, never a path on disk
    title: str
    media_type: str
    bytes: int
    sha256: str  # content lives in the database's content-addressed store


class ConflictRow(SQLModel, table=True):
    __tablename__ = "conflict"
    session_id: str = Field(primary_key=True, foreign_key="session.id")
    juror_id: str = Field(primary_key=True)
    dossier_id: str = Field(primary_key=True)
    reason: str


class AttendanceRow(SQLModel, table=True):
    __tablename__ = "attendance"
    session_id: str = Field(primary_key=True, foreign_key="session.id")
    juror_id: str = Field(primary_key=True)
    present: bool
    at: str


class RecusalRow(SQLModel, table=True):
    """A recusal recorded during the session ("déport" or absent from a hearing)."""

    __tablename__ = "recusal"
    session_id: str = Field(primary_key=True, foreign_key="session.id")
    juror_id: str = Field(primary_key=True)
    dossier_id: str = Field(primary_key=True)
    kind: str  # conflict | absent
    reason: str
    at: str


class SheetSealRow(SQLModel, table=True):
    """A juror's sheet for a dossier, validated (sealed): later changes need a reason."""

    __tablename__ = "sheet_seal"
    session_id: str = Field(primary_key=True, foreign_key="session.id")
    dossier_id: str = Field(primary_key=True)
    juror_id: str = Field(primary_key=True)
    at: str
    actor: str


class ScoreRow(SQLModel, table=True):
    __tablename__ = "score"
    session_id: str = Field(primary_key=True, foreign_key="session.id")
    dossier_id: str = Field(primary_key=True)
    juror_id: str = Field(primary_key=True)
    criterion_id: str = Field(primary_key=True)
    value: str
    at: str


class CommentRow(SQLModel, table=True):
    __tablename__ = "comment"
    session_id: str = Field(primary_key=True, foreign_key="session.id")
    dossier_id: str = Field(primary_key=True)
    juror_id: str = Field(primary_key=True)
    text: str
    at: str


class OpinionRow(SQLModel, table=True):
    __tablename__ = "opinion"
    session_id: str = Field(primary_key=True, foreign_key="session.id")
    dossier_id: str = Field(primary_key=True)
    text: str
    at: str


class InvalidReasonRow(SQLModel, table=True):
    __tablename__ = "invalid_reason"
    session_id: str = Field(primary_key=True, foreign_key="session.id")
    dossier_id: str = Field(primary_key=True)
    reason: str
    at: str


class HearingRow(SQLModel, table=True):
    __tablename__ = "hearing"
    session_id: str = Field(primary_key=True, foreign_key="session.id")
    dossier_id: str = Field(primary_key=True)
    state: str = "a_venir"  # a_venir | en_audition | entendu
    started_at: str | None = None
    presentation_s: int | None = None
    questions_s: int | None = None
    # Timer state, so that a restart shows an interrupted timer with its elapsed time.
    phase: str | None = None
    phase_elapsed_ms: int = 0
    running_since: str | None = None


class LaureateRow(SQLModel, table=True):
    __tablename__ = "laureate"
    session_id: str = Field(primary_key=True, foreign_key="session.id")
    dossier_id: str = Field(primary_key=True)
    amount_cents: int
    justification: str = ""
    at: str


class DepartureRow(SQLModel, table=True):
    __tablename__ = "departure"
    session_id: str = Field(primary_key=True, foreign_key="session.id")
    dossier_id: str = Field(primary_key=True)
    justification: str
    at: str


class DeliberationRow(SQLModel, table=True):
    __tablename__ = "deliberation"
    session_id: str = Field(primary_key=True, foreign_key="session.id")
    opened_at: str | None = None
    closed_at: str | None = None
    notes: str = ""
    decision_made: bool = False  # the jury has set its own list (else: default proposal)
    export_seq: int = 0
    purge_due: str | None = None


class AuditRow(SQLModel, table=True):
    """Hash-chained log, one chain per session (CONTRACT section 6). Append-only."""

    __tablename__ = "audit"
    session_id: str = Field(primary_key=True, foreign_key="session.id")
    seq: int = Field(primary_key=True)
    at: str
    actor: str
    action: str
    data: str  # canonical JSON
    prev: str
    hash: str


_AUDIT_TRIGGERS = (
    """CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
       BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END""",
    """CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
       BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END""",
    # INSERT OR REPLACE deletes without firing delete triggers: refuse it before it acts.
    """CREATE TRIGGER IF NOT EXISTS audit_no_replace BEFORE INSERT ON audit
       WHEN EXISTS (SELECT 1 FROM audit WHERE session_id = NEW.session_id AND seq = NEW.seq)
       BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END""",
)


# --------------------------------------------------------------------------- engine


def _set_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own is deferred).
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA secure_delete=ON")
    cur.close()


def _begin(conn: Any) -> None:
    if conn.get_execution_options().get("jd_readonly"):
        conn.exec_driver_sql("BEGIN")
    else:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(path: Path) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False},
        # An error's text must never quote a row: names, reasons and comments would
        # reach the technical log, which outlives the purge (docs/reliability.md).
        hide_parameters=True,
    )
    event.listen(engine, "connect", _set_pragmas)
    event.listen(engine, "begin", _begin)
    return engine


def _user_version(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute("PRAGMA user_version").fetchone()[0])
    finally:
        con.close()


Migration = Callable[[Engine], None]


def _migrate_to_1(engine: Engine) -> None:
    SQLModel.metadata.create_all(engine)
    with engine.begin() as conn:
        for ddl in _AUDIT_TRIGGERS:
            conn.exec_driver_sql(ddl)


def _migrate_to_2(engine: Engine) -> None:
    """Keep the manifest's JWS with its bytes (issue 12: bind everything to what was signed)."""
    with engine.begin() as conn:
        columns = {row[1] for row in conn.exec_driver_sql("PRAGMA table_info(session)")}
        if "manifest_jws" not in columns:
            conn.exec_driver_sql("ALTER TABLE session ADD COLUMN manifest_jws VARCHAR")


def _migrate_to_3(engine: Engine) -> None:
    """Sealed sheets (issue 14): the ``sheet_seal`` table."""
    SQLModel.metadata.create_all(engine, tables=[SQLModel.metadata.tables["sheet_seal"]])


# Ordered steps: MIGRATIONS[n] brings a database from version n to n + 1.
MIGRATIONS: list[Migration] = [_migrate_to_1, _migrate_to_2, _migrate_to_3]
assert len(MIGRATIONS) == SCHEMA_VERSION


def open_database(path: Path) -> Engine:
    """Open (creating or migrating) the database at ``path``; refuse a newer one."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    existed = path.exists() and path.stat().st_size > 0
    version = 0
    if existed:
        try:
            version = _user_version(path)
        except sqlite3.DatabaseError as exc:
            from jury_desk.core import environment

            problem = environment.describe(exc, path)
            if problem is not None and problem.code != "db_corrupt":
                raise problem from exc  # read-only, locked, full: not the file's fault
            raise DatabaseError("db_unreadable", params={"path": path, "detail": exc}) from exc
        if version > SCHEMA_VERSION:
            raise DatabaseError(
                "db_too_new", params={"path": path, "version": version, "supported": SCHEMA_VERSION}
            )
    engine = make_engine(path)
    if version < SCHEMA_VERSION:
        if existed and version > 0:
            backup = path.with_name(f"{path.name}.avant-migration-v{version}")
            _backup(engine, backup)
            log.info("database backed up to %s before migration", backup.name)
        for step in range(version, SCHEMA_VERSION):
            MIGRATIONS[step](engine)
            _autocommit(engine, f"PRAGMA user_version={step + 1}")
    return engine


def _autocommit(engine: Engine, sql: str, params: tuple[Any, ...] = ()) -> None:
    """Run a statement outside any transaction (VACUUM cannot run inside one)."""
    raw = engine.raw_connection()
    try:
        driver = raw.driver_connection
        assert driver is not None
        driver.execute(sql, params)
    finally:
        raw.close()


def _backup(engine: Engine, target: Path) -> None:
    if target.exists():
        fsutil.unlink(target)
    _autocommit(engine, "VACUUM INTO ?", (str(target),))


def vacuum_into(engine: Engine, target: Path) -> None:
    """A consistent copy of the live database (never a file copy)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    if tmp.exists():
        fsutil.unlink(tmp)
    _autocommit(engine, "VACUUM INTO ?", (str(tmp),))
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    fsutil.replace(tmp, target)


@contextmanager
def transaction(engine: Engine) -> Iterator[Session]:
    """One write transaction (BEGIN IMMEDIATE ... COMMIT), durable once it returns."""
    with Session(engine, expire_on_commit=False) as session, session.begin():
        yield session


@contextmanager
def reading(engine: Engine) -> Iterator[Session]:
    with Session(engine.execution_options(jd_readonly=True), expire_on_commit=False) as session:
        yield session
