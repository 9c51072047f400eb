"""The machine in the way (a full disk, a locked database, a file held by another
program, an export that cannot be written), in the English GUI: the dialog's text is
English; with no translation installed it is the French the command line prints."""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from jury_desk.core import environment, export, fsutil, instance, privacy, resources
from jury_desk.core.errors import Problem, UserError
from jury_desk.qt.core import QCoreApplication, QTranslator
from jury_desk.ui import maintenance, wording

QM = resources.path("i18n", "jury_desk_en.qm")
FRENCH = ("é", "è", "à", "«", "»", "’", "Rien n’a")


@pytest.fixture
def in_english(qapp: object) -> Iterator[None]:
    t = QTranslator()
    assert t.load(str(QM))
    QCoreApplication.installTranslator(t)
    try:
        yield
    finally:
        QCoreApplication.removeTranslator(t)


def _refusals() -> list[UserError]:
    full = environment.describe(
        sqlite3.OperationalError("database or disk is full"), "/srv/jury/base.sqlite"
    )
    denied = environment.describe(PermissionError(errno.EACCES, "x", "/srv/out/r.zip"))
    assert full is not None and denied is not None
    written = UserError(
        "export_write",
        params={
            "path": Path("/srv/out/r.zip"),
            "after": export._after_failure(4, True, True),
            **export._os_reason_params(OSError(errno.EROFS, "x")),
        },
    )
    return [
        full,
        denied,
        full.saying_after(export._after_failure(4, False, True)),
        fsutil.FileInUse(Path("/srv/out/r.zip"), "replace"),
        written,
    ]


def test_the_machine_in_the_way_reads_french_without_translation(qapp: object) -> None:
    for exc in _refusals():
        assert wording.error(exc) == exc.message


def test_the_machine_in_the_way_reads_english_in_the_english_gui(in_english: None) -> None:
    texts = [wording.full(exc) for exc in _refusals()]
    for text in texts:
        assert not any(mark in text for mark in FRENCH), text
    assert texts[0] == (
        "The disk holding the database “/srv/jury/base.sqlite” is full: free some space (or "
        "choose another location), then try again. Nothing was changed."
    )
    assert texts[1].startswith("Access denied to the file “/srv/out/r.zip”: check the")
    assert texts[2].endswith(
        "then try again. The failure of export no. 4 is recorded in the audit log. You can "
        "run the export again."
    )
    assert texts[3].startswith("Cannot replace “/srv/out/r.zip”: the file has been open")
    assert texts[4] == (
        "Cannot export: the file “/srv/out/r.zip” could not be written (the folder is "
        "read-only). No file was left behind. The failure of export no. 4 is recorded in the "
        "audit log. The deliberation remains open. You can run the export again."
    )


def test_an_export_folder_under_onedrive_is_warned_about_in_english(
    in_english: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fsutil, "is_windows", lambda: True)
    monkeypatch.setenv("OneDrive", "C:\\Users\\s\\OneDrive")
    warning = instance.export_location_warning(Path("C:\\Users\\s\\OneDrive\\Documents"))
    assert warning is not None and warning.message.startswith("Le dossier « ")
    text = wording.problem(warning)
    assert text.startswith("The folder “C:\\Users\\s\\OneDrive\\Documents” is synchronised")
    assert not any(mark in text for mark in FRENCH), text


def test_the_purge_report_and_its_refusals_read_english(in_english: None, tmp_path: Path) -> None:
    report = privacy.PurgeReport(tmp_path / "jury.sqlite3", files_removed=3)
    report.kept.append((tmp_path / "resultats.zip", Problem("purge_kept", "purge.kept.changed")))
    held = fsutil.FileInUse(tmp_path / "jury.sqlite3.files", "delete")
    report.failures.append((held.path, privacy._held(held)))
    _summary, details = maintenance.purge_report_text(report)
    assert "its content is not what this database wrote" in details
    assert f"Cannot delete “{held.path}”: the file has been open" in details
    refusal = Problem("purge_refused", "purge.never_exported", title="Jury 2026")
    assert wording.problem(refusal) == (
        "The session “Jury 2026” has never been exported: purging it would erase the only "
        "copy of its results."
    )


def test_why_a_snapshot_was_taken_reads_english_in_the_snapshot_list(
    in_english: None, tmp_path: Path
) -> None:
    from datetime import UTC, datetime

    from jury_desk.core import snapshots

    info = snapshots.SnapshotInfo(
        tmp_path / "x.sqlite3", datetime(2026, 6, 18, 12, tzinfo=UTC), "apres-audition-11", 1
    )
    model = maintenance.SnapshotsModel()
    model.set_items([info])
    assert model.index(0, model.REASON).data() == "after a hearing 11"
    assert info.reason_label == "après audition 11"  # the command line's French
    assert wording.snapshot_reason("manuel") == "by hand"
    assert wording.snapshot_reason("import-du-matin") == "import du matin"  # no known reason
