"""``jury-desk export`` and ``jury-desk verify`` end to end, each command a real process."""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from jury_desk.core import demo_scenario, resources
from jury_desk.core.services import Desk
from tests.conftest import run_cli

DEMO = resources.path("demo", "demo-session.zip")
SCORES = resources.path("demo", "demo-scores.csv")


def _env(base: Path) -> dict[str, str]:
    return {"JURY_DESK_DATA_DIR": str(base / "data"), "JURY_DESK_CONFIG_DIR": str(base / "config")}


@pytest.fixture(scope="module")
def scored_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with the demo session and its paper sheets, made once through the CLI."""
    base = tmp_path_factory.mktemp("scored")
    db = base / "db" / "jury.sqlite3"
    db.parent.mkdir()
    env = _env(base)
    r = run_cli("import", DEMO, "--db", db, env=env)
    assert r.returncode == 0, r.stderr
    r = run_cli("scores", "import", SCORES, "--db", db, env=env)
    assert r.returncode == 0, r.stderr
    # The hearings, as the timer records them (a laureate must have been heard; the
    # command line has no hearing command here).
    desk = Desk(db)
    try:
        demo_scenario.record_hearings(desk, desk.resolve())
    finally:
        desk.close()
    return db


@pytest.fixture
def db(scored_db: Path, tmp_path: Path) -> Iterator[Path]:
    """A private copy of the scored database (with its attachment store) for one test."""
    target = tmp_path / "db"
    shutil.copytree(scored_db.parent, target)
    yield target / scored_db.name


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_export_then_verify_with_the_exported_key(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "sortie" / "resultats.zip"
    out.parent.mkdir()
    r = run_cli("export", "--db", db, "--out", out, "--accept-proposal")
    assert r.returncode == 0, r.stderr
    assert "export n° 1" in r.stdout and str(out) in r.stdout
    with zipfile.ZipFile(out) as zf:
        assert zf.namelist() == [
            "result.json",
            "result.json.jws",
            "proces-verbal.pdf",
            "audit.jsonl",
        ]
        doc = json.loads(zf.read("result.json"))
    assert doc["export_seq"] == 1 and len(doc["proposed_laureates"]) == 6

    jwk = tmp_path / "cle.jwk"
    r = run_cli("keys", "export", "--jwk", jwk)
    assert r.returncode == 0, r.stderr
    r = run_cli("verify", out, "--trust", jwk)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.count("[OK ]") == 9
    assert "Paquet de résultats vérifié" in r.stdout
    assert _listing(out.parent) == ["resultats.zip"]

    # The closed session can still be listed; results show the same ranking.
    r = run_cli("results", "--db", db)
    assert r.returncode == 0 and "LAI-2026-004" in r.stdout


def test_verify_names_the_check_that_fails(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.zip"
    assert run_cli("export", "--db", db, "--out", out, "--accept-proposal").returncode == 0
    jwk = tmp_path / "cle.jwk"
    assert run_cli("keys", "export", "--jwk", jwk).returncode == 0
    with zipfile.ZipFile(out) as zf:
        entries = {n: zf.read(n) for n in zf.namelist()}
    entries["audit.jsonl"] = entries["audit.jsonl"].replace(b'"value":"3"', b'"value":"5"', 1)
    forged = tmp_path / "forged.zip"
    with zipfile.ZipFile(forged, "w") as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    r = run_cli("verify", forged, "--trust", jwk)
    assert r.returncode == 2
    assert "[ÉCHEC] Chaîne du journal d’audit" in r.stdout
    assert "– Empreinte de audit.jsonl" in r.stderr
    assert "[OK ] Signature JWS de result.json" in r.stdout


def test_export_refused_while_closing_is_blocked(db: Path, tmp_path: Path) -> None:
    assert run_cli("attendance", "--db", db, "--absent", "j01", "j02", "j03").returncode == 0
    out_dir = tmp_path / "sortie"
    out_dir.mkdir()
    r = run_cli("export", "--db", db, "--out", out_dir / "r.zip")
    assert r.returncode == 2
    assert "La délibération ne peut pas être close" in r.stderr
    assert "quorum n'est pas atteint : 4 juré(s) présent(s)" in r.stderr.replace("’", "'")
    assert _listing(out_dir) == []


def test_export_into_a_folder_that_cannot_exist_leaves_nothing(db: Path, tmp_path: Path) -> None:
    """Tests run as root, for whom no permission bit forbids a write. A path whose parent is
    a regular file cannot be written by anyone (ENOTDIR), on every filesystem."""
    blocker = tmp_path / "sortie"
    blocker.write_text("un fichier, pas un dossier")
    r = run_cli("export", "--db", db, "--out", blocker / "r.zip", "--accept-proposal")
    assert r.returncode == 2
    assert "ne peut pas recevoir le fichier" in r.stderr and "Rien n’a été modifié" in r.stderr
    assert _listing(tmp_path) == ["db", "sortie"]
    # Nothing was closed nor recorded: the first real export is still number 1.
    out = tmp_path / "ok.zip"
    r = run_cli("export", "--db", db, "--out", out, "--accept-proposal")
    assert r.returncode == 0 and "export n° 1" in r.stdout


def _tmpfs_works(where: Path) -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c", f"mount -t tmpfs -o size=64k tmpfs '{where}'"],
        capture_output=True,
        check=False,
    )
    return probe.returncode == 0


def test_export_on_a_full_disk_leaves_nothing(db: Path, tmp_path: Path) -> None:
    """A really full filesystem: a 64 KiB tmpfs mounted in a private mount namespace
    (``unshare -m``, invisible to the rest of the machine, gone with the process), which
    the archive (over 100 KiB) cannot fit. Where mounting is not allowed, the kernel's
    per-process file size limit (RLIMIT_FSIZE, EFBIG) stands in for it."""
    target = tmp_path / "cle-usb"
    target.mkdir()
    args = [
        sys.executable,
        "-m",
        "jury_desk",
        "export",
        "--db",
        str(db),
        "--out",
        str(target / "resultats.zip"),
        "--accept-proposal",
    ]
    if _tmpfs_works(target):
        script = (
            'dir="$1"; shift; mount -t tmpfs -o size=64k tmpfs "$dir" || exit 97; '
            '"$@"; rc=$?; echo "LEFT:$(ls -A "$dir")"; exit $rc'
        )
        r = subprocess.run(
            ["unshare", "-m", "sh", "-c", script, "sh", str(target), *args],
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        assert "LEFT:\n" in r.stdout or r.stdout.rstrip().endswith("LEFT:"), r.stdout
        assert "le disque est plein" in r.stderr
    else:

        def limit() -> None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(
                resource.RLIMIT_FSIZE, (256 * 1024, resource.getrlimit(resource.RLIMIT_FSIZE)[1])
            )

        r = subprocess.run(
            args,
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
            preexec_fn=limit,
            env=os.environ.copy(),
        )
        assert "la taille maximale de fichier est atteinte" in r.stderr
        assert _listing(target) == []
    assert r.returncode == 2, r.stderr
    assert "Rien n’a été modifié" in r.stderr
    # The deliberation was not closed by the failed attempt.
    r = run_cli(
        "recuse",
        "--db",
        db,
        "--juror",
        "j02",
        "--dossier",
        "d10",
        "--kind",
        "conflict",
        "--reason",
        "Déport déclaré après la tentative d’export",
    )
    assert r.returncode == 0, r.stderr


def _pv_text(bundle: Path, tmp: Path) -> str:
    pdf = tmp / "pv.pdf"
    with zipfile.ZipFile(bundle) as zf:
        pdf.write_bytes(zf.read("proces-verbal.pdf"))
    out = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


def test_the_signer_is_named_on_the_command_line(db: Path, tmp_path: Path) -> None:
    """--signer and --signer-role put a person's name on the minutes, not the login's."""
    out = tmp_path / "resultats.zip"
    r = run_cli(
        "export", "--db", db, "--out", out, "--accept-proposal",
        "--signer", "  Anne   Dupont ", "--signer-role", "Secrétaire du jury",
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert "aucun signataire" not in r.stderr
    text = " ".join(_pv_text(out, tmp_path).split())
    assert "Anne Dupont" in text and "Secrétaire du jury" in text


def test_a_signer_that_would_not_print_is_refused_before_anything(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "resultats.zip"
    for bad in ("A", "x" * 121, "Anne\u200bDupont"):
        r = run_cli("export", "--db", db, "--out", out, "--accept-proposal", "--signer", bad)
        assert r.returncode != 0 and "signataire" in r.stderr, (bad, r.stderr)
        assert not out.exists()
    desk = Desk(db)
    try:
        assert not desk.state(desk.resolve()).closed  # nothing changed
    finally:
        desk.close()


def test_without_a_signer_the_command_says_whose_name_it_uses(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "resultats.zip"
    r = run_cli("export", "--db", db, "--out", out, "--accept-proposal")
    assert r.returncode == 0, r.stderr
    assert "aucun signataire" in r.stderr and "--signer" in r.stderr
