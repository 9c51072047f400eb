"""The read-only commands import only what they use (issue 15): each runs as a whole
``python -m jury_desk`` process, and the libraries it loaded are read from its
``sys.modules`` at exit. None of them loads the ORM (SQLAlchemy, sqlmodel, pydantic),
reportlab or Qt; ``results`` and ``scores export`` load none of the crypto/schema
libraries either. The timings are in ``benchmarks/cli.py``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from jury_desk.core import demo_scenario, export, keys
from jury_desk.core.services import Desk

PROBE = r"""
import json, runpy, sys
sys.argv = ["jury-desk", *sys.argv[1:]]
code = 0
try:
    runpy.run_module("jury_desk", run_name="__main__", alter_sys=True)
except SystemExit as exc:
    code = exc.code
HEAVY = {heavy!r}
print(json.dumps([code, sorted({{m.split(".")[0] for m in sys.modules}} & set(HEAVY))]),
      file=sys.stderr)
"""

HEAVY = (
    "sqlalchemy",
    "sqlmodel",
    "pydantic",
    "reportlab",
    "pyhanko",
    "jsonschema",
    "cryptography",
    "PySide6",
    "qasync",
)
ORM_PDF_QT = {"sqlalchemy", "sqlmodel", "pydantic", "reportlab", "PySide6", "qasync"}


def _loaded(*args: str | os.PathLike[str]) -> tuple[int, set[str], str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    code, loaded = json.loads(done.stderr.strip().splitlines()[-1])
    return code, set(loaded), done.stdout


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path, Path]:
    """A played demo day, exported and signed by the installation's key."""
    tmp = tmp_path_factory.mktemp("readonly")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("JURY_DESK_DATA_DIR", str(tmp / "data"))
        mp.setenv("JURY_DESK_CONFIG_DIR", str(tmp / "config"))
        desk = Desk(tmp / "jury.sqlite3")
        sid = desk.import_demo().session_id
        demo_scenario.play_demo_deliberation(desk, sid)
        ident = keys.new_identity("Claire Dupont", force=True)
        out = tmp / "resultats.zip"
        export.export_session(desk, sid, out, ident, accept_proposal=True)
        desk.close()
        trust = tmp / "trust.jwks"
        trust.write_text(keys.public_jwk_document(ident), encoding="utf-8")
    return tmp, tmp / "jury.sqlite3", out, trust


@pytest.fixture
def dirs(exported: tuple[Path, Path, Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    tmp = exported[0]
    monkeypatch.setenv("JURY_DESK_DATA_DIR", str(tmp / "data"))
    monkeypatch.setenv("JURY_DESK_CONFIG_DIR", str(tmp / "config"))


@pytest.mark.usefixtures("dirs")
def test_results_and_scores_export_read_without_the_orm(
    exported: tuple[Path, Path, Path, Path],
) -> None:
    _, db, _, _ = exported
    code, loaded, out = _loaded("results", "--db", db, "--json")
    assert code == 0, out
    assert json.loads(out)["results"]
    assert loaded == set()
    code, loaded, out = _loaded("results", "--db", db)
    assert code == 0 and out.strip()
    assert loaded == set()
    code, loaded, out = _loaded("scores", "export", "--db", db)
    assert code == 0
    assert out.startswith("dossier_id,juror_id,criterion_id,value\n") and out.count("\n") > 10
    assert loaded == set()


@pytest.mark.usefixtures("dirs")
def test_verify_and_keys_show_load_only_their_crypto(
    exported: tuple[Path, Path, Path, Path],
) -> None:
    _, _, result, trust = exported
    code, loaded, out = _loaded("verify", result, "--trust", trust)
    assert code == 0, out
    assert "vérifié" in out
    assert not loaded & ORM_PDF_QT
    assert {"cryptography", "jsonschema", "pyhanko"} <= loaded  # it does check all three
    code, loaded, out = _loaded("keys", "show")
    assert code == 0 and "Empreinte" in out
    assert loaded == {"cryptography"}


@pytest.mark.usefixtures("dirs")
def test_the_same_answers_as_through_the_desk(exported: tuple[Path, Path, Path, Path]) -> None:
    """The light path reads what ``Desk`` reads: same CSV, same results document."""
    from jury_desk.core import result_document

    _, db, _, _ = exported
    desk = Desk(db)
    try:
        st = desk.state()
        csv_text = desk.export_scores_csv(st.info.id)
        doc = result_document.results_json(desk.deliberation_state(st.info.id))
    finally:
        desk.close()
    assert _loaded("scores", "export", "--db", db)[2] == csv_text
    assert json.loads(_loaded("results", "--db", db, "--json")[2]) == json.loads(
        json.dumps(doc, ensure_ascii=False)
    )


def test_a_missing_database_is_still_refused_and_not_created(tmp_path: Path) -> None:
    code, _, _ = _loaded("results", "--db", tmp_path / "nope.sqlite3", "--json")
    assert code == 2
    assert not (tmp_path / "nope.sqlite3").exists()
