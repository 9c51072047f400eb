"""Reliability on the day, in the GUI: snapshots (take, list, restore over a real
database), the second snapshot folder's failure as a status-bar warning, the purge
(enabled only after a verified export, a typed confirmation, nothing left behind), the
purge reminder, the refused database location, one instance per database (two real
processes), and the shared screen lent to another page."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest

from jury_desk import messages
from jury_desk.core import crypto, demo_scenario, instance, keys, privacy, resources, snapshots
from jury_desk.core import settings as core_settings
from jury_desk.core.errors import Problem
from jury_desk.core.services import Desk
from jury_desk.qt.core import Qt
from jury_desk.qt.gui import QKeySequence
from jury_desk.qt.widgets import QApplication, QLabel, QTableView
from jury_desk.ui import app as app_module
from jury_desk.ui import dialogs, maintenance
from tests.conftest import make_signed_bundle


def run_task(gui: Any, task: Any) -> Any:
    assert task is not None
    gui.qtbot.waitUntil(task.done, timeout=60_000)
    QApplication.processEvents()
    assert task.exception() is None, task.exception()
    return task.result()


def real_session(db: Path, source: Path, hq_key: Any, *, scored: bool = True) -> str:
    """A real (not demonstration) session in ``db``: the demo's content, another id."""
    manifest = source / "manifest.json"
    doc = json.loads(manifest.read_text(encoding="utf-8"))
    doc["session"]["id"] = str(uuid.uuid4())
    for d in doc["dossiers"]:
        for a in d["attachments"]:
            a.pop("bytes", None)
            a.pop("sha256", None)
    manifest.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    bundle = make_signed_bundle(source, hq_key[2], db.parent / "session.zip")
    desk = Desk(db)
    try:
        sid = desk.import_bundle(bundle, crypto.load_jwks(hq_key[1])).session_id
        if scored:
            desk.import_scores_csv(
                sid, resources.path("demo", "demo-scores.csv").read_text(encoding="utf-8")
            )
            # Every project heard: a laureate must have been (CONTRACT section 4).
            demo_scenario.record_hearings(desk, sid)
    finally:
        desk.close()
    bundle.unlink()
    return sid


# --------------------------------------------------------------------------- snapshots


def test_restore_from_the_gui_brings_back_a_score_removed_after_the_snapshot(
    gui: Any, dialog_log: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    c = gui.controller
    desk, sid = gui.ctx.desk, gui.ctx.sid
    key = ("d03", "j02", "innovation")
    desk.record_score(sid, *key, 4)

    # « Instantanés… » (Ctrl+Shift+S), « Prendre un instantané maintenant », then
    # « Restaurer… » on it, after the score was removed.
    seen: dict[str, Any] = {}

    def fake_exec(dlg: maintenance.SnapshotsDialog) -> int:
        assert dlg.model.rowCount() == 0 and dlg.empty.isVisibleTo(dlg)
        dlg.take_button.click()
        gui.wait_writes()
        assert dlg.model.rowCount() == 1
        assert dlg.model.index(0, maintenance.SnapshotsModel.REASON).data() == "manuel"
        assert "Instantané pris" in dlg.message.text()
        desk.clear_score(sid, *key)
        assert key not in desk.state(sid).scores
        assert dlg.restore_button.isEnabled()
        dlg.restore_button.click()  # confirmed by the conftest's stand-in
        seen["chosen"] = dlg.chosen
        return int(dlg.result())

    monkeypatch.setattr(maintenance.SnapshotsDialog, "exec", fake_exec)
    assert c.window.maintenance.snapshots.shortcut().toString() == "Ctrl+Shift+S"
    c.window.maintenance.snapshots.trigger()
    assert dialog_log.confirms == ["Restaurer un instantané"]
    assert seen["chosen"] is not None and seen["chosen"].reason == "manuel"
    safety = run_task(gui, next(iter(c.tasks)))

    # Reopened on the same session, with the value back, and the lock kept.
    assert gui.ctx is not None and gui.ctx.sid == sid
    assert gui.ctx.desk is not desk and gui.ctx.st.scores[key] == 4
    assert c.window.stack.currentWidget() is c.window.console
    assert c.lock is not None and c.lock.held and instance.acquire(gui.db) is None
    # The state before the restore was kept, and the restore is in the audit log.
    assert safety is not None and safety.exists() and "avant-restauration" in safety.name
    reasons = [i.reason for i in snapshots.list_snapshots(gui.db)]
    assert reasons[0] == "avant-restauration" and "manuel" in reasons
    assert gui.ctx.desk.audit_entries(sid)[-1]["action"] == "snapshot.restore"
    # The console works on the reopened database.
    gui.ctx.desk.record_score(sid, "d03", "j02", "impact", 2)
    assert gui.ctx.desk.state(sid).scores[("d03", "j02", "impact")] == 2


def test_a_refused_restore_leaves_the_session_open(
    gui: Any, dialog_log: Any, tmp_path: Path
) -> None:
    bogus = tmp_path / "20260618-073012-123456Z_manuel.sqlite3"
    bogus.write_bytes(b"not a database at all" * 100)
    sid = gui.ctx.sid
    assert run_task(gui, gui.controller.upkeep.restore_snapshot(bogus)) is None
    assert [e.code for e in dialog_log.errors] == ["snapshot_corrupt"]
    assert gui.ctx is not None and gui.ctx.sid == sid


def test_a_failed_copy_to_the_second_folder_is_a_status_bar_warning(
    gui: Any, tmp_path: Path
) -> None:
    window = gui.controller.window
    assert window.warning.isHidden()
    # The preference, as the dialog sets it; the folder (a USB key) is not plugged in.
    dlg = dialogs.SettingsDialog("fr", 1.0, False, window)
    usb = tmp_path / "usb-key"
    dlg.secondary.setText(str(usb))
    gui.controller.view_settings.apply_settings(dlg)
    assert core_settings.load().secondary_snapshot_dir == usb

    # A hearing starts and ends (F5, F7): its snapshot is taken in the writer thread.
    actions = gui.controller.actions
    actions.timer_toggle.trigger()
    gui.clock.advance(60_000)
    actions.timer_finish.trigger()
    gui.wait_writes()
    gui.qtbot.waitUntil(window.warning.isVisible)
    assert "second dossier" in window.warning.text()
    assert str(usb) in window.warning.toolTip() and "FileNotFoundError" in window.warning.toolTip()
    taken = snapshots.list_snapshots(gui.db)
    assert [i.reason for i in taken] == ["audition-d01-terminee"]  # the primary snapshot stands

    # Plugged in: the next copy works and lands in the list.
    usb.mkdir()
    gui.controller.upkeep.take_snapshot_now()
    gui.wait_writes()
    assert [i.location for i in snapshots.list_snapshots(gui.db, include_secondary=True)].count(
        "secondaire"
    ) == 1
    dlg = dialogs.SettingsDialog("fr", 1.0, False, window, secondary_dir=usb)
    dlg.secondary_clear.click()
    gui.controller.view_settings.apply_settings(dlg)
    assert core_settings.load().secondary_snapshot_dir is None


def test_the_snapshots_model_passes_the_model_tester(qtmodeltester: Any, demo_desk: Any) -> None:
    desk, sid = demo_desk
    snapshots.snapshot(desk, "manuel")
    snapshots.snapshot(desk, "apres-audition-d01")
    model = maintenance.SnapshotsModel()
    model.set_items(snapshots.list_snapshots(desk.db_path))
    qtmodeltester.check(model)
    assert model.index(0, maintenance.SnapshotsModel.REASON).data() == "après audition d01"
    assert "démonstration" in model.index(0, maintenance.SnapshotsModel.SESSIONS).data()
    assert (
        int(model.index(0, maintenance.SnapshotsModel.OPERATIONS).data())
        == desk.state(sid).audit_count
    )
    assert (
        model.index(0, maintenance.SnapshotsModel.DATE).data().endswith("\u00a0s")
    )  # « … 9 h 30 min 12 s »
    assert model.index(0, maintenance.SnapshotsModel.SIZE).data().endswith("ko")


# --------------------------------------------------------------------------- purge


def test_purge_needs_a_verified_export_then_erases_everything(
    make_gui: Any,
    demo_source: Path,
    hq_key: Any,
    tmp_path: Path,
    dialog_log: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from jury_desk.core import export

    db = tmp_path / "base" / "jury.sqlite3"
    db.parent.mkdir()
    sid = real_session(db, demo_source, hq_key)
    gui = make_gui(db=db)
    c = gui.controller
    assert c.open_session(sid)
    purge = c.window.maintenance.purge

    c.window.file_menu.aboutToShow.emit()
    assert not purge.isEnabled() and "jamais été exportée" in purge.toolTip()
    # Asked anyway (the reminder's button): refused, with the reason, nothing erased.
    assert c.upkeep.request_purge() is None
    assert dialog_log.errors[-1].code == "purge_refused"
    assert any("jamais été exportée" in d for d in dialog_log.errors[-1].details)

    identity = keys.load_identity()
    out = tmp_path / "exports" / "resultats.zip"
    out.parent.mkdir()
    report = export.export_session(c.desk, sid, out, identity, accept_proposal=True)
    c.upkeep.refresh_purge_action()
    assert not purge.isEnabled() and "n’a pas été vérifié" in purge.toolTip()
    assert export.verify_written(c.desk, sid, report, identity).ok
    c.window.file_menu.aboutToShow.emit()
    assert purge.isEnabled()

    asked: list[Any] = []
    outcome: list[Any] = []

    def ask(_parent: Any, status: Any) -> bool:
        asked.append(status)
        return True

    monkeypatch.setattr(maintenance, "ask_purge", ask)
    monkeypatch.setattr(maintenance, "show_purge_report", lambda parent, r: outcome.append(r))
    purge.trigger()
    result = run_task(gui, next(iter(c.tasks)))

    assert asked[0].allowed and [s.session_id for s in asked[0].sessions] == [sid]
    assert outcome == [result] and result.failures == [] and out in result.exports_removed
    assert (
        sorted(p.name for p in db.parent.iterdir()) == []
    )  # base, -wal, .files, .snapshots, .lock
    assert not out.exists()
    assert c.desk is None and c.console is None and c.lock is None
    assert c.window.stack.currentWidget() is c.window.welcome
    assert "Données effacées" in c.window.welcome.status.text()
    assert not c.window.welcome.last_button.isEnabled()
    assert core_settings.load().last_db is None and c.settings.last_db is None
    c.window.file_menu.aboutToShow.emit()
    assert not purge.isEnabled()


def test_the_purge_dialog_asks_for_the_word(qtbot: Any, demo_desk: Any) -> None:
    desk, _sid = demo_desk
    dlg = maintenance.PurgeDialog(privacy.purge_status(desk.db_path))
    qtbot.addWidget(dlg)
    assert not dlg.erase_button.isEnabled()
    qtbot.keyClicks(dlg.entry, "effacer")
    assert not dlg.erase_button.isEnabled()
    dlg.entry.clear()
    qtbot.keyClicks(dlg.entry, "EFFACER")
    assert dlg.erase_button.isEnabled()
    dlg.erase_button.click()
    assert dlg.result() == maintenance.PurgeDialog.DialogCode.Accepted and dlg.confirmed()
    labels = " ".join(w.text() for w in dlg.findChildren(QLabel))
    assert "démonstration" in labels and "tapez EFFACER" in labels


def test_purge_report_lists_failures_and_kept_files(tmp_path: Path) -> None:
    report = privacy.PurgeReport(tmp_path / "jury.sqlite3", files_removed=7)
    report.kept.append((tmp_path / "resultats.zip", Problem("purge_kept", "purge.kept.changed")))
    report.failures.append(
        (tmp_path / "jury.sqlite3.files", Problem("purge_failed", "purge.failed", detail="EACCES"))
    )
    summary, details = maintenance.purge_report_text(report)
    assert summary.startswith("Effacement incomplet") and "7 fichier(s)" in summary
    assert "Non effacé" in details and "jury.sqlite3.files" in details
    assert "Conservé" in details and "resultats.zip" in details
    assert "son contenu n’est pas celui qu’a écrit cette base" in details and "EACCES" in details


def test_the_purge_reminder_is_a_banner(
    make_gui: Any, demo_source: Path, hq_key: Any, tmp_path: Path
) -> None:
    db = tmp_path / "jury.sqlite3"
    sid = real_session(db, demo_source, hq_key, scored=False)
    desk = Desk(db)
    desk.record_export(sid, {"path": str(tmp_path / "resultats.zip")})
    desk.close()
    settings = core_settings.Settings(purge_after_days=0)  # the retention is over at once
    gui = make_gui(db=db, settings=settings)
    assert gui.controller.open_session(sid)
    bar = gui.window.reminder
    gui.qtbot.waitUntil(bar.isVisible, timeout=5_000)  # checked once the console is painted
    assert "délai de conservation" in bar.label.text()
    assert gui.console is not None  # the hearing room is open all the same
    bar.dismiss_button.click()
    assert bar.isHidden()
    assert not gui.controller.upkeep.check_purge_reminder()  # once per run

    off = make_gui(
        db=tmp_path / "other.sqlite3",
        settings=core_settings.Settings(purge_after_days=0, purge_reminder=False),
    )
    off.open_demo()
    assert off.window.reminder.isHidden()


# --------------------------------------------------------------------------- location, instances


def test_a_database_on_a_network_drive_is_refused(
    make_gui: Any, dialog_log: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    refusal = Problem(
        "db_location",
        "location.cdrom",
        path="Z:\\jury.sqlite3",
        drive="Z:",
        advice_code="copy_local",
    )
    message = messages.error_text(refusal.key, refusal.params)
    asked: list[Path] = []

    def check_location(db: Path) -> Problem:
        asked.append(Path(db))
        return refusal

    monkeypatch.setattr(instance, "check_location", check_location)
    gui = make_gui(db=tmp_path / "jury.sqlite3")
    assert not gui.controller.open_session()
    assert [(e.code, e.message) for e in dialog_log.errors] == [("db_location", message)]
    assert asked == [gui.db]
    assert not gui.db.exists() and not instance.lock_path(gui.db).exists()
    assert gui.controller.desk is None and gui.console is None


def _env(tmp_path: Path, script: Path | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "JURY_DESK_TEST_SCRIPT"}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        JURY_DESK_DATA_DIR=str(tmp_path / "data"),
        JURY_DESK_CONFIG_DIR=str(tmp_path / "config"),
    )
    if script is not None:
        env["JURY_DESK_TEST_SCRIPT"] = str(script)
    return env


FIRST = r"""
from jury_desk.qt.core import QTimer
from jury_desk.qt.widgets import QApplication
from jury_desk.ui.app import InstanceServer


def run(controller):
    server = controller.findChild(InstanceServer)

    def raised():
        print("RAISED", flush=True)
        QTimer.singleShot(0, QApplication.quit)

    server.raised.connect(raised)
    print("READY", flush=True)
"""


def test_a_second_launch_brings_the_first_window_forward(tmp_path: Path) -> None:
    db = tmp_path / "jury.sqlite3"
    script = tmp_path / "first.py"
    script.write_text(FIRST, encoding="utf-8")
    cmd = [sys.executable, "-m", "jury_desk", "--db", str(db), "--demo", "--no-err-windows"]
    first = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(tmp_path, script)
    )
    try:
        assert first.stdout is not None
        assert first.stdout.readline().strip() == "READY", (
            first.stderr.read() if first.stderr else ""
        )
        second = subprocess.run(
            cmd, capture_output=True, text=True, env=_env(tmp_path), timeout=60, check=False
        )
        assert second.returncode == 0, second.stderr
        assert "déjà ouvert" in second.stderr and "premier plan" in second.stderr
        out, err = first.communicate(timeout=60)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
    assert "RAISED" in out, err
    assert first.returncode == 0, err


def test_a_database_held_by_a_command_is_refused_clearly(tmp_path: Path) -> None:
    db = tmp_path / "jury.sqlite3"
    lock = instance.acquire(db)  # as `jury-desk restore` or `purge` would, without a window
    assert lock is not None
    try:
        r = subprocess.run(
            [sys.executable, "-m", "jury_desk", "--db", str(db), "--no-err-windows"],
            capture_output=True,
            text=True,
            env=_env(tmp_path),
            timeout=60,
            check=False,
        )
    finally:
        lock.release()
    assert r.returncode == 2
    assert "utilisée par un autre programme jury_desk" in r.stderr
    assert not db.exists()


def test_the_test_script_hook_is_ignored_when_frozen(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("JURY_DESK_TEST_SCRIPT", str(tmp_path / "driver.py"))
    assert app_module.test_script() == str(tmp_path / "driver.py")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert app_module.test_script() is None


# --------------------------------------------------------------------------- polish


def test_a_borrowed_shared_screen_hides_the_dossier_header(gui: Any) -> None:
    screen = gui.controller.shared
    screen.show()
    screen.show_frame(
        dataclasses.replace(screen._frame, banner="Un juré quitte la salle pour ce dossier.")
    )
    header = [screen.position_label, screen.title_label, screen.holder_label, screen.banner]
    assert all(w.isVisible() for w in header) and screen.title_label.text()

    page = QLabel("Classement")
    screen.set_page(page)
    assert screen.page_borrowed() and page.isVisible()
    assert not any(w.isVisible() for w in header)
    screen.show_frame(screen._frame)  # the hearing room keeps pushing frames meanwhile
    assert not any(w.isVisible() for w in header)

    screen.show_hearing()
    assert not screen.page_borrowed()
    assert all(w.isVisible() for w in header)
    screen.show_frame(dataclasses.replace(screen._frame, banner=""))
    assert screen.banner.isHidden() and screen.title_label.isVisible()


def test_the_shortcuts_help_lists_the_deliberation_keys(
    gui: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows: list[tuple[str, str]] = []

    def fake_exec(dlg: dialogs.ShortcutsDialog) -> int:
        view = dlg.findChild(QTableView)
        assert view is not None
        model = view.model()
        rows.extend(
            (model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())
        )
        return 0

    monkeypatch.setattr(dialogs.ShortcutsDialog, "exec", fake_exec)
    gui.window.activateWindow()
    gui.key(Qt.Key.Key_F1, widget=gui.window)

    def keys(text: str) -> str:  # as shown: « Ctrl+Maj+C » in French
        return QKeySequence(text).toString(QKeySequence.SequenceFormat.NativeText)

    assert ("Délibération : Clore la délibération", keys("Ctrl+Shift+C")) in rows
    assert ("Délibération : Décision du jury", keys("Alt+5")) in rows
    assert ("Instantanés…", keys("Ctrl+Shift+S")) in rows
    assert not any(
        text.startswith("Effacer les données") for text, _ in rows
    )  # no shortcut, on purpose
