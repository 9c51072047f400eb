"""The welcome screen: import a bundle through the GUI's own path (writer thread, progress
bar), see a refusal in full, drop a file, open the demo, reopen the last session."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest

from jury_desk.core import keys
from jury_desk.core import settings as core_settings
from jury_desk.core.services import Desk
from jury_desk.qt.core import QMimeData, QPointF, Qt, QUrl
from jury_desk.qt.gui import QDragEnterEvent, QDropEvent
from jury_desk.qt.widgets import QApplication
from tests.conftest import make_signed_bundle


def run_task(gui, task) -> None:
    gui.qtbot.waitUntil(task.done, timeout=30_000)
    QApplication.processEvents()
    assert task.exception() is None


def test_import_a_bundle_with_a_progress_bar(
    make_gui, demo_source: Path, hq_key, tmp_path: Path
) -> None:
    _pem, jwks, key = hq_key
    keys.add_trusted(jwks, "Siège")
    manifest = demo_source / "manifest.json"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace(
            "0d5e7a52-2f1c-4b8e-9a3d-6c2b1e0f4a77", "11111111-2f1c-4b8e-9a3d-6c2b1e0f4a77"
        ),
        encoding="utf-8",
    )
    bundle = make_signed_bundle(demo_source, key, tmp_path / "session.zip")
    gui = make_gui()
    seen: list[int] = []
    welcome = gui.window.welcome
    welcome.progress.valueChanged.connect(seen.append)
    run_task(gui, gui.controller.import_bundle(bundle))
    assert seen and seen[-1] == 1000 and seen == sorted(seen)
    assert welcome.refusal.isHidden()
    assert gui.console is not None and gui.ctx.sid == "11111111-2f1c-4b8e-9a3d-6c2b1e0f4a77"
    assert gui.window.stack.currentWidget() is gui.window.console
    assert not gui.ctx.st.is_demo
    assert core_settings.load().last_session_id == gui.ctx.sid


def _import_a_bundle_with_an_intruder(
    make_gui, demo_source: Path, hq_key, tmp_path: Path, language: str = "fr"
) -> Any:
    """The GUI, after importing a signed bundle with a file its manifest does not list."""
    _pem, jwks, key = hq_key
    keys.add_trusted(jwks)
    bundle = make_signed_bundle(demo_source, key, tmp_path / "session.zip")
    with zipfile.ZipFile(bundle, "a") as zf:
        zf.writestr("attachments/d01/intrus.pdf", b"%PDF-1.7 rien")
    gui = make_gui(language=language)
    run_task(gui, gui.controller.import_bundle(bundle))
    return gui


def test_a_refused_bundle_shows_the_whole_message_and_changes_nothing(
    make_gui, demo_source: Path, hq_key, tmp_path: Path
) -> None:
    gui = _import_a_bundle_with_an_intruder(make_gui, demo_source, hq_key, tmp_path)
    refusal = gui.window.welcome.refusal
    assert refusal.isVisibleTo(gui.window)
    text = refusal.text()
    assert "attachments/d01/intrus.pdf" in text and "absent du manifeste" in text
    assert gui.console is None
    desk = Desk(gui.db)
    try:
        assert desk.sessions() == []
    finally:
        desk.close()


def test_dropping_a_zip_asks_its_import(make_gui, tmp_path: Path) -> None:
    gui = make_gui()
    zone = gui.window.welcome.drop
    asked: list[Path] = []
    zone.dropped.connect(asked.append)
    target = tmp_path / "paquet.zip"
    target.write_bytes(b"PK")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(target))])
    enter = QDragEnterEvent(
        zone.rect().center(),  # a QPoint: the drag-enter event takes whole coordinates
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(zone, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(zone.rect().center()),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(zone, drop)
    assert asked == [target]
    mime_txt = QMimeData()
    mime_txt.setUrls([QUrl.fromLocalFile(str(tmp_path / "notes.txt"))])
    refused = QDragEnterEvent(
        zone.rect().center(),
        Qt.DropAction.CopyAction,
        mime_txt,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    refused.setAccepted(False)
    QApplication.sendEvent(zone, refused)
    assert not refused.isAccepted()


def test_demo_button_then_reopen_the_last_session(make_gui) -> None:
    gui = make_gui()
    assert not gui.window.welcome.last_button.isEnabled()
    gui.window.welcome.demo_button.click()
    gui.qtbot.waitUntil(lambda: gui.console is not None, timeout=30_000)
    assert gui.ctx.st.is_demo and gui.console.view.demo_badge.isVisibleTo(gui.window)
    gui.console.select("d05")
    gui.wait_writes()
    gui.controller.show_welcome()
    assert gui.window.welcome.last_button.isEnabled()
    gui.window.welcome.last_button.click()
    assert gui.console is not None and gui.console.current == "d05"


def test_a_refused_bundle_reads_english_in_the_english_welcome_screen(
    make_gui, demo_source: Path, hq_key, tmp_path: Path
) -> None:
    gui = _import_a_bundle_with_an_intruder(make_gui, demo_source, hq_key, tmp_path, "en")
    text = gui.window.welcome.refusal.text()
    assert "attachments/d01/intrus.pdf" in text
    assert "absent du manifeste" not in text and "Paquet de session" not in text, text


def test_a_chosen_database_without_a_session_leaves_the_welcome_screen(
    gui, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dialog_log
) -> None:
    """The session closed for another database that holds none: its console does not stay
    on screen, dead; the welcome screen is shown, with the reason."""
    from jury_desk.qt import widgets

    other = tmp_path / "autre.sqlite3"
    monkeypatch.setattr(
        widgets.QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(other), ""))
    )
    assert gui.window.stack.currentWidget() is gui.console.view
    gui.controller.choose_db()
    assert gui.controller.console is None
    assert gui.window.console is None
    assert gui.window.stack.currentWidget() is gui.window.welcome
    assert [e.code for e in dialog_log.errors]  # the reason was given
