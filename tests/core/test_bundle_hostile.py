"""Every hostile or broken bundle of the corpus is refused, and changes nothing.

CONTRACT section 5: "A refused bundle changes nothing: no row in the database, no file
outside a temporary folder that is removed. The message, in French by default, names
the entry and the rule broken."

Each case of :data:`hostile.CORPUS` goes through :meth:`Desk.import_bundle` into a copy
of a database that already holds the demonstration session (so that "nothing changed"
is checked against real rows and real attachment files); the cases marked ``cli`` go
through the real ``jury-desk import`` command in a subprocess as well. Before and after,
the test takes a dump of every table and a snapshot of every file and folder of the
workspace (database folder, attachment store, bundle folder, working directory, the
temporary directory the code is given) and of the user's data and config folders.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from jury_desk import messages
from jury_desk.core import crypto, zipcheck
from jury_desk.core.errors import UserError
from jury_desk.core.services import Desk
from tests.conftest import run_cli
from tests.core import hostile

CLI_CASES = [c for c in hostile.CORPUS if c.cli]
DB_NAME = "jury.sqlite3"
DB_FILES = {DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm", f"{DB_NAME}-journal"}


def test_the_corpus_is_large_and_covers_every_refusal() -> None:
    cases = hostile.by_id()  # ids are unique
    assert len(cases) >= 40
    codes = {c.code for c in hostile.CORPUS}
    # Every refusal code that zipcheck, bundle and services can raise on a bundle.
    expected = {
        "name_empty",
        "name_too_long",
        "name_control",
        "name_backslash",
        "name_absolute",
        "name_dots",
        "name_forbidden_char",
        "name_trailing",
        "name_reserved",
        "name_duplicate",
        "link",
        "encrypted",
        "compression",
        "overlap",
        "local_header",
        "truncated",
        "ratio",
        "entry_size",
        "total_size",
        "corrupt",
        "not_zip",
        "too_many_entries",
        "missing_entry",
        "unexpected_entry",
        "unlisted_attachment",
        "missing_attachment",
        "jws_format",
        "jws_alg",
        "jws_header",
        "jws_untrusted",
        "jws_invalid",
        "json_encoding",
        "json_invalid",
        "format_version",
        "schema",
        "id_pattern",
        "id_duplicate",
        "reference",
        "conflict_duplicate",
        "hearing_order",
        "criterion_step",
        "criterion_bounds",
        "min_sheets",
        "attachment_folder",
        "attachment_duplicate",
        "size_mismatch",
        "hash_mismatch",
        "media_type",
        "session_exists",
    }
    assert expected <= codes, expected - codes
    assert len(CLI_CASES) >= 10
    traversal = {
        "name-dotdot-top",
        "name-dotdot-listed",
        "name-absolute",
        "name-drive-letter",
        "name-backslash-traversal",
    }
    assert traversal <= {c.id for c in CLI_CASES}


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def kit(hq_key: tuple[Path, Path, crypto.PrivateKey]) -> hostile.Kit:
    return hostile.Kit(hq_key[2])


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database holding the demonstration session and its attachment files."""
    d = tmp_path_factory.mktemp("template")
    desk = Desk(d / DB_NAME)
    desk.import_demo()
    desk.close()
    assert not (d / f"{DB_NAME}-wal").exists()  # checkpointed on close: the file is whole
    return d


@dataclass
class Workspace:
    root: Path
    db: Path
    bundle: Path
    tmp: Path
    cwd: Path
    userdirs: Path


@pytest.fixture
def ws(tmp_path: Path, template: Path) -> Workspace:
    root = tmp_path / "ws"
    shutil.copytree(template, root)
    for sub in ("in", "tmp", "cwd"):
        (root / sub).mkdir()
    return Workspace(
        root,
        root / DB_NAME,
        root / "in" / "bundle.zip",
        root / "tmp",
        root / "cwd",
        Path(os.environ["JURY_DESK_DATA_DIR"]).parent,
    )


def tree(root: Path, *, user_files: bool = False) -> dict[str, str]:
    """Every folder and file under ``root`` (files with their SHA-256), database files aside.

    With ``user_files``: the files of the user's data and config folders, the log aside
    (the command line creates those folders and its log at start-up, refused or not).
    """
    out: dict[str, str] = {}
    if not root.exists():
        return out
    for dirpath, dirnames, filenames in os.walk(root):
        rel = Path(dirpath).relative_to(root)
        if user_files and rel.parts[:2] == ("data", "logs"):
            continue
        if not user_files:
            for d in dirnames:
                out[str(rel / d) + "/"] = "dir"
        for f in filenames:
            if rel == Path(".") and f in DB_FILES:
                continue
            p = Path(dirpath) / f
            out[str(rel / f)] = (
                "link" if p.is_symlink() else hashlib.sha256(p.read_bytes()).hexdigest()
            )
    return out


def dump(db: Path) -> list[str]:
    con = sqlite3.connect(db)
    try:
        return [f"user_version={con.execute('PRAGMA user_version').fetchone()[0]}", *con.iterdump()]
    finally:
        con.close()


def session_ids(db: Path) -> set[str]:
    con = sqlite3.connect(db)
    try:
        return {r[0] for r in con.execute("SELECT id FROM session")}
    finally:
        con.close()


def audit_rows(db: Path, session_id: str) -> int:
    con = sqlite3.connect(db)
    try:
        return int(
            con.execute(
                "SELECT count(*) FROM audit WHERE session_id = ?", (session_id,)
            ).fetchone()[0]
        )
    finally:
        con.close()


@dataclass
class Before:
    tree: dict[str, str]
    userdirs: dict[str, str]
    dump: list[str]
    sessions: set[str]


def prepare(
    case: hostile.Case, kit: hostile.Kit, ws: Workspace, trusted: list[dict[str, object]]
) -> Before:
    if case.preimport:
        base = ws.root / "in" / "base.zip"
        base.write_bytes(kit.bundle())
        desk = Desk(ws.db)
        try:
            assert not desk.import_bundle(base, trusted).unchanged
        finally:
            desk.close()
    ws.bundle.write_bytes(case.build(kit))
    before = Before(
        tree(ws.root), tree(ws.userdirs, user_files=True), dump(ws.db), session_ids(ws.db)
    )
    assert (
        hostile.SESSION_ID in before.sessions
        if case.preimport
        else hostile.SESSION_ID not in before.sessions
    )
    return before


def assert_nothing_changed(ws: Workspace, before: Before) -> None:
    assert dump(ws.db) == before.dump, "the database changed"
    assert session_ids(ws.db) == before.sessions
    if hostile.SESSION_ID not in before.sessions:
        assert audit_rows(ws.db, hostile.SESSION_ID) == 0
    after = tree(ws.root)
    added = sorted(set(after) - set(before.tree))
    removed = sorted(set(before.tree) - set(after))
    changed = sorted(k for k in set(after) & set(before.tree) if after[k] != before.tree[k])
    assert (added, removed, changed) == ([], [], []), "files or folders changed"
    assert tree(ws.userdirs, user_files=True) == before.userdirs
    assert not any(p.name.startswith(".staging") for p in (ws.root / f"{DB_NAME}.files").iterdir())


@pytest.fixture
def trusted(hq_key: tuple[Path, Path, crypto.PrivateKey]) -> list[dict[str, object]]:
    return list(crypto.load_jwks(hq_key[1]))


@pytest.fixture
def confined(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The code runs from the workspace's cwd, with the workspace's temporary directory."""
    monkeypatch.chdir(ws.cwd)
    monkeypatch.setattr(tempfile, "tempdir", str(ws.tmp))
    monkeypatch.setenv("TMPDIR", str(ws.tmp))
    yield


def test_the_base_every_case_starts_from_is_a_valid_bundle(
    kit: hostile.Kit, tmp_path: Path, trusted: list[dict[str, object]]
) -> None:
    """Each case is one change away from this bundle, which imports cleanly."""
    path = tmp_path / "base.zip"
    path.write_bytes(kit.bundle())
    desk = Desk(tmp_path / DB_NAME)
    try:
        report = desk.import_bundle(path, trusted)
        assert (report.session_id, report.dossiers, report.attachments) == (
            hostile.SESSION_ID,
            2,
            3,
        )
        for (did, pos), name in {
            ("d01", 0): "attachments/d01/dossier-candidature.pdf",
            ("d01", 1): "attachments/d01/budget.pdf",
            ("d02", 0): "attachments/d02/plan.png",
        }.items():
            assert (
                desk.attachment_content(report.session_id, did, pos) == hostile.base_files()[name]
            )
    finally:
        desk.close()


# --------------------------------------------------------------------------- in process


@pytest.mark.parametrize("case", hostile.CORPUS, ids=lambda c: c.id)
def test_refused_by_desk(
    case: hostile.Case,
    kit: hostile.Kit,
    ws: Workspace,
    trusted: list[dict[str, object]],
    confined: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = prepare(case, kit, ws, trusted)
    if case.total_budget is not None:
        # The 4 GiB budget, lowered so that a valid 8 KB bundle exceeds it (Budget takes
        # its limit as a default argument, so the default itself is patched too).
        monkeypatch.setattr(zipcheck, "MAX_TOTAL_BYTES", case.total_budget)
        monkeypatch.setattr(zipcheck.Budget.__init__, "__defaults__", (case.total_budget,))
    desk = Desk(ws.db)
    try:
        with pytest.raises(UserError) as info:
            desk.import_bundle(ws.bundle, trusted)
    finally:
        desk.close()
    err = info.value
    assert err.code == case.code, err.message
    assert err.message.startswith(hostile.REFUSED), err.message
    assert case.needle in err.message, err.message
    # A code and parameters, worded at the edge: the catalogue gives back the message
    # (the GUI words the same key through Qt's translator, see tests/ui/test_translations).
    assert err.key is not None, err.message
    assert messages.error_text(err.key, err.params) == err.message
    assert_nothing_changed(ws, before)


# --------------------------------------------------------------------------- command line


@pytest.mark.parametrize("case", CLI_CASES, ids=lambda c: c.id)
def test_refused_by_command_line(
    case: hostile.Case,
    kit: hostile.Kit,
    ws: Workspace,
    trusted: list[dict[str, object]],
    confined: None,
    hq_key: tuple[Path, Path, crypto.PrivateKey],
) -> None:
    before = prepare(case, kit, ws, trusted)
    result = run_cli("import", ws.bundle, "--db", ws.db, "--trust", hq_key[1])
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith(f"jury-desk : {hostile.REFUSED}"), result.stderr
    assert result.stderr.count("\n") == 1, result.stderr  # one line
    assert case.needle in result.stderr, result.stderr
    assert_nothing_changed(ws, before)


# --------------------------------------------------------------------------- order of checks


@pytest.mark.parametrize("case", [c for c in hostile.CORPUS if not c.preimport], ids=lambda c: c.id)
def test_nothing_is_extracted_before_the_signature_and_manifest_hold(
    case: hostile.Case,
    kit: hostile.Kit,
    tmp_path: Path,
    trusted: list[dict[str, object]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """On a new database, the attachment store is created only once the JWS has verified
    and the manifest is valid: a refusal before that point leaves no store at all."""
    if case.total_budget is not None:
        monkeypatch.setattr(zipcheck, "MAX_TOTAL_BYTES", case.total_budget)
        monkeypatch.setattr(zipcheck.Budget.__init__, "__defaults__", (case.total_budget,))
    path = tmp_path / "bundle.zip"
    path.write_bytes(case.build(kit))
    desk = Desk(tmp_path / DB_NAME)
    try:
        with pytest.raises(UserError) as info:
            desk.import_bundle(path, trusted)
        assert info.value.code == case.code
        assert desk.sessions() == []
    finally:
        desk.close()
    store = tmp_path / f"{DB_NAME}.files"
    if case.streamed:
        assert store.is_dir() and list(store.iterdir()) == []  # staged, then removed
    else:
        assert not store.exists()
