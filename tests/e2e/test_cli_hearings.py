"""The command line: `hearings import` (CONTRACT 7), writing refused while the application
holds the database, and argparse's own messages in French."""

from __future__ import annotations

from pathlib import Path

import pytest

from jury_desk.core import instance, resources
from jury_desk.core.services import Desk
from tests.conftest import run_cli

DEMO_ZIP = resources.path("demo", "demo-session.zip")
REASON = "Audition tenue sur papier après la panne de l’ordinateur"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "jury.sqlite3"
    r = run_cli("import", DEMO_ZIP, "--db", path)
    assert r.returncode == 0, r.stderr
    return path


def test_hearings_import_all_or_none(db: Path, tmp_path: Path) -> None:
    csv_path = tmp_path / "auditions.csv"
    header = "dossier_id,started_at,presentation_s,questions_s,reason\n"
    csv_path.write_text(
        header
        + f"d04,2026-06-18T14:05:00+02:00,540,600,{REASON}\n"
        + "d05,2026-06-18T14:30:00+02:00,600,480,court\n",
        encoding="utf-8",
    )
    r = run_cli("hearings", "import", csv_path, "--db", db)
    assert r.returncode == 2
    assert "Ligne 3 (dossier d05)" in r.stderr and "Aucune audition" in r.stderr
    csv_path.write_text(header + f"d04,2026-06-18T14:05:00+02:00,540,600,{REASON}\n")
    r = run_cli("hearings", "import", csv_path, "--db", db)
    assert r.returncode == 0, r.stderr
    assert "1 audition(s) enregistrée(s)" in r.stdout
    desk = Desk(db)
    try:
        assert desk.state().hearings["d04"].started_at == "2026-06-18T14:05:00+02:00"
    finally:
        desk.close()


def test_writing_commands_are_refused_while_the_application_holds_the_database(
    db: Path, tmp_path: Path
) -> None:
    sheets = tmp_path / "s.csv"
    sheets.write_text("dossier_id,juror_id,criterion_id,value\nd01,j01,innovation,4\n")
    lock = instance.acquire(db)  # as the GUI holds it
    assert lock is not None
    try:
        for args in (
            ("scores", "import", sheets),
            ("attendance", "--absent", "j07"),
            (
                "recuse",
                "--juror",
                "j01",
                "--dossier",
                "d02",
                "--kind",
                "absent",
                "--reason",
                REASON,
            ),
            ("hearings", "import", sheets),
        ):
            r = run_cli(*args, "--db", db)
            assert r.returncode == 2, args
            assert "est ouverte dans jury_desk" in r.stderr and "Rien n’a été changé" in r.stderr
        r = run_cli("results", "--db", db)  # reading stays allowed
        assert r.returncode == 0, r.stderr
    finally:
        lock.release()
    r = run_cli("scores", "import", sheets, "--db", db)
    assert r.returncode == 0, r.stderr


def test_argparse_speaks_french() -> None:
    r = run_cli("recuse")
    assert r.returncode == 2
    assert r.stderr.startswith("utilisation\u00a0: jury-desk recuse")
    assert "erreur\u00a0: arguments requis\u00a0: --juror, --dossier" in r.stderr
    for english in ("usage:", "error:", "the following arguments", "required"):
        assert english not in r.stderr
    r = run_cli("results", "--nope")
    assert "arguments non reconnus\u00a0: --nope" in r.stderr
    r = run_cli("recuse", "--kind", "x")
    assert "choix non valable\u00a0: 'x'" in r.stderr
    r = run_cli("--help")
    assert "affiche cette aide et quitte" in r.stdout and "options" in r.stdout
    assert "show this help" not in r.stdout
