"""Paths as Windows has them (issue 16): OneDrive roots refused for the database and
warned about for exports, the default export folder, and the location check on every
command of the CLI. Windows is stood in for: ``fsutil.is_windows`` answers True,
GetDriveTypeW is a table, and the OneDrive variables come from the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from jury_desk import cli
from jury_desk.core import bundle, fsutil, instance, paths
from jury_desk.core.errors import Problem


def _message(problem: Problem | None) -> str | None:
    """The French wording of a refused location (the command line's)."""
    return None if problem is None else problem.message


ENV = {
    "OneDrive": "C:\\Users\\secretariat\\OneDrive - Grand-Orly Seine Bièvre",
    "OneDriveCommercial": "C:\\Users\\secretariat\\OneDrive - Grand-Orly Seine Bièvre",
    "OneDriveConsumer": "C:\\Users\\secretariat\\OneDrive",
}


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fsutil, "is_windows", lambda: True)
    monkeypatch.setattr(
        instance,
        "_drive_type",
        lambda root: instance.DRIVE_FIXED if root == "C:\\" else instance.DRIVE_NO_ROOT_DIR,
    )
    for name in instance.ONEDRIVE_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize(
    "path",
    [
        ENV["OneDrive"] + "\\Documents\\jury.sqlite3",  # Documents moved by Known Folder Move
        "c:\\users\\SECRETARIAT\\onedrive - grand-orly seine bièvre\\jury.sqlite3",
        "\\\\?\\C:\\Users\\secretariat\\OneDrive\\Bureau\\jury.sqlite3",
        "C:/Users/secretariat/OneDrive/jury.sqlite3",
    ],
)
def test_a_database_under_a_onedrive_root_is_refused(path: str, windows: None) -> None:
    msg = _message(instance.check_windows_location(path, ENV))
    assert msg is not None and "OneDrive" in msg and "-wal" in msg
    advice = msg.split("Copiez le fichier")[-1]
    assert "Documents" not in advice and "C:\\Jury" in advice  # never sends the user back there


@pytest.mark.parametrize(
    "path",
    [
        "C:\\Jury\\jury.sqlite3",
        "C:\\Users\\secretariat\\OneDriveArchive\\jury.sqlite3",  # a neighbour, not under it
        "C:\\Users\\secretariat\\AppData\\Local\\GrandOrlySeineBievre\\jury_desk\\j.sqlite3",
    ],
)
def test_local_folders_are_fine(path: str, windows: None) -> None:
    assert instance.check_windows_location(path, ENV) is None


def test_no_onedrive_variable_means_no_onedrive() -> None:
    assert instance.onedrive_root("C:\\Users\\x\\OneDrive\\a", {}) is None
    assert instance.onedrive_root("C:\\Users\\x\\OneDrive\\a", {"OneDrive": " "}) is None


def test_check_location_reads_the_environment(
    windows: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = ENV["OneDriveConsumer"] + "\\Documents\\Jury #3 été\\jury.sqlite3"
    assert instance.check_location(Path(db)) is None
    monkeypatch.setenv("OneDriveConsumer", ENV["OneDriveConsumer"])
    refusal = instance.check_location(Path(db))
    assert refusal is not None and refusal.code == "db_location" and "OneDrive" in refusal.message


def test_exports_to_onedrive_are_warned_about(
    windows: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OneDrive", ENV["OneDrive"])
    warning = instance.export_location_warning(Path(ENV["OneDrive"] + "\\Documents"))
    assert warning is not None and "corbeille OneDrive" in warning.message
    assert instance.export_location_warning(Path("C:\\Jury")) is None


def test_the_default_export_folder_avoids_a_synced_documents_and_exists(
    windows: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    docs = tmp_path / "OneDrive" / "Documents"
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: home))
    monkeypatch.setenv("OneDrive", str(tmp_path / "OneDrive"))
    chosen = paths.default_export_dir(docs)
    assert chosen == home / paths.EXPORTS_FOLDER and chosen.is_dir()

    monkeypatch.delenv("OneDrive")
    assert paths.default_export_dir(docs) == docs and docs.is_dir()  # created when missing

    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    assert paths.default_export_dir(blocked / "Documents") == home / paths.EXPORTS_FOLDER


@pytest.mark.parametrize(
    "db",
    ["\\\\serveur\\jury\\jury.sqlite3", "Z:\\jury.sqlite3"],
)
def test_the_cli_refuses_a_database_on_a_share(
    db: str,
    windows: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(
        instance,
        "_drive_type",
        lambda root: instance.DRIVE_REMOTE if root == "Z:\\" else instance.DRIVE_FIXED,
    )
    monkeypatch.chdir(tmp_path)  # off Windows the name would land here
    code = cli.run(["import", str(bundle.demo_bundle_path()), "--db", db])
    err = capsys.readouterr().err
    assert code == cli.EXIT_REFUSED
    assert "réseau" in err and "Copiez le fichier" in err
    assert list(tmp_path.iterdir()) == []  # no WAL database created


def test_the_cli_refuses_a_database_in_onedrive_for_every_command(
    windows: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OneDrive", str(tmp_path))
    db = str(tmp_path / "jury.sqlite3")
    for argv in (
        ["import", str(bundle.demo_bundle_path()), "--db", db],
        ["results", "--db", db],
        ["scores", "export", "--db", db],
        ["restore", "--list", "--db", db],
    ):
        assert cli.run(argv) == cli.EXIT_REFUSED, argv
    assert list(tmp_path.iterdir()) == []
