"""The headless session through the real command line, on a real database file."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from jury_desk.core import resources
from tests.conftest import run_cli

DEMO_ZIP = resources.path("demo", "demo-session.zip")
DEMO_SCORES = resources.path("demo", "demo-scores.csv")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "jury.sqlite3"
    r = run_cli("import", DEMO_ZIP, "--db", path)
    assert r.returncode == 0, r.stderr
    assert "démonstration".upper() in r.stdout.upper()
    return path


def _audit_count(db: Path) -> int:
    con = sqlite3.connect(db)
    try:
        return int(con.execute("select count(*) from audit").fetchone()[0])
    finally:
        con.close()


def test_attendance_recuse_scores_results(db: Path, tmp_path: Path) -> None:
    r = run_cli("attendance", "--db", db, "--absent", "j07")
    assert r.returncode == 0, r.stderr
    assert "6 présent" in r.stdout
    r = run_cli(
        "recuse",
        "--db",
        db,
        "--juror",
        "j02",
        "--dossier",
        "d06",
        "--kind",
        "conflict",
        "--reason",
        "Élu de la commune du projet",
    )
    assert r.returncode == 0, r.stderr
    # Paper sheets: the demo sheets minus the absent and recused jurors.
    rows = [
        line
        for line in DEMO_SCORES.read_text(encoding="utf-8").splitlines()[1:]
        if ",j07," not in line and not line.startswith("d06,j02,")
    ]
    csv_path = tmp_path / "sheets.csv"
    csv_path.write_text(
        "dossier_id,juror_id,criterion_id,value\n" + "\n".join(rows) + "\n", encoding="utf-8"
    )
    r = run_cli("scores", "import", csv_path, "--db", db)
    assert r.returncode == 0, r.stderr
    assert f"{len(rows)} note(s)" in r.stdout
    r = run_cli("scores", "export", "--db", db)
    assert r.returncode == 0
    assert sorted(r.stdout.splitlines()[1:]) == sorted(rows)
    r = run_cli("results", "--db", db, "--json")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert set(doc) >= {"results", "default_proposal", "proposal_flags"}
    assert len(doc["results"]) == 12 and all(x["valid"] for x in doc["results"])
    total = sum(p["amount_cents"] for p in doc["default_proposal"])
    assert 0 < total <= 9_000_000
    r = run_cli("results", "--db", db)
    assert r.returncode == 0, r.stderr
    assert "/20" not in r.stdout or "," in r.stdout  # French decimals
    assert "€" in r.stdout


def test_bad_row_refuses_the_whole_file(db: Path, tmp_path: Path) -> None:
    before = _audit_count(db)
    csv_path = tmp_path / "bad.csv"
    csv_path.write_text(
        "dossier_id,juror_id,criterion_id,value\nd01,j02,innovation,4\nd01,j02,impact,11\n",
        encoding="utf-8",
    )
    r = run_cli("scores", "import", csv_path, "--db", db)
    assert r.returncode == 2
    assert "Ligne 3" in r.stderr and "11" in r.stderr and "de 0 à 10" in r.stderr
    assert _audit_count(db) == before
    r = run_cli("scores", "export", "--db", db)
    assert r.stdout.strip() == "dossier_id,juror_id,criterion_id,value"


@pytest.mark.parametrize(
    "args",
    [
        ("recuse", "--juror", "j99", "--dossier", "d01", "--kind", "conflict", "--reason", "x"),
        ("recuse", "--juror", "j01", "--dossier", "d03", "--kind", "conflict", "--reason", "déjà"),
        ("attendance", "--absent", "zz"),
    ],
)
def test_refused_commands_change_nothing(db: Path, args: tuple[str, ...]) -> None:
    before = _audit_count(db)
    r = run_cli(*args, "--db", db)
    assert r.returncode == 2, r.stdout
    assert r.stderr.startswith("jury-desk : ")
    assert _audit_count(db) == before


def test_unknown_session_and_missing_db(tmp_path: Path, db: Path) -> None:
    missing = tmp_path / "missing.sqlite3"
    r = run_cli("results", "--db", missing)
    assert r.returncode == 2
    assert "n’existe pas" in r.stderr
    assert not missing.exists()  # a read-only command never creates a database
    r = run_cli("results", "--db", db, "--session", "nope")
    assert r.returncode == 2
    assert "Aucune session « nope »" in r.stderr
