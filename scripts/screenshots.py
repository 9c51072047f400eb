"""Screenshots of the hearing room for the documentation, into docs/screenshots/.

Runs the real application on the demo session, as a secretary would: welcome screen,
attendance (one juror absent), a hearing with the timer on the shared screen (in its
warning minute), a déport, and scores typed in blind mode. Run it under Xvfb:

    Xvfb :99 -screen 0 1920x1080x24 &
    DISPLAY=:99 uv run python scripts/screenshots.py

(``QT_QPA_PLATFORM=offscreen`` works too.) Data go to a temporary folder; the timer
runs on a scripted clock so that every picture shows the same instant.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class ScriptedClock:
    def __init__(self) -> None:
        self.now = 10_000_000

    def __call__(self) -> int:
        return self.now


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--scale", type=float, default=1.0, help="font scale of the console")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="jd-shots-"))
    os.environ["JURY_DESK_DATA_DIR"] = str(work / "data")
    os.environ["JURY_DESK_CONFIG_DIR"] = str(work / "config")

    # isort: off
    import jury_desk.ui  # noqa: F401  (QT_API and the core before any Qt)

    # isort: on
    import qasync

    from jury_desk.core import settings as core_settings
    from jury_desk.qt.core import Qt
    from jury_desk.qt.qttest import QTest
    from jury_desk.qt.widgets import QApplication
    from jury_desk.ui import app as app_module
    from jury_desk.ui import dialogs
    from jury_desk.ui.console import ConsoleView

    qapp = app_module.make_application([sys.argv[0]])
    loop = qasync.QEventLoop(qapp, already_running=True)
    import asyncio

    asyncio.set_event_loop(loop)
    dialogs.HEADLESS = True  # confirmations answer « yes »: no modal dialog in the pictures
    clock = ScriptedClock()
    settings = core_settings.load()
    settings.font_scale = args.scale
    window, controller = app_module.build(
        settings, db_path=work / "jury.sqlite3", language="fr", clock=clock
    )
    window.resize(1600, 900)
    window.show()

    def settle(n: int = 30) -> None:
        for _ in range(n):
            QApplication.processEvents()
        controller.writer.flush()
        for _ in range(n):
            QApplication.processEvents()

    def save(widget: object, name: str) -> None:
        settle()
        pix = widget.grab()  # type: ignore[attr-defined]
        path = args.out / name
        pix.save(str(path))
        print(f"{path.relative_to(ROOT)}  {pix.width()}×{pix.height()}")

    def key(k: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        if not window.isActiveWindow():
            window.activateWindow()
            settle(5)
        target = QApplication.focusWidget() or window
        QTest.keyClick(target, k, mod)
        settle(5)

    def type_text(text: str) -> None:
        for ch in text:
            QTest.keyClicks(QApplication.focusWidget() or window, ch)
        settle(3)

    # 1. Welcome screen
    settle()
    save(window, "welcome.png")

    # 2. Demo session, attendance: Ousmane Diallo (j04) absent.
    desk = controller.get_desk()
    report = desk.import_demo()
    controller.open_session(report.session_id)
    console = controller.console
    console.set_present("j04", False)
    settle()
    window.activateWindow()

    # 3. The shared screen, then the hearing of d02 (order 2), 9 min 20 s in: warning minute.
    shared = controller.shared
    shared.resize(1600, 900)
    controller.projector.show()
    console.select("d01")
    key(Qt.Key.Key_F5)
    clock.now += 612_000
    key(Qt.Key.Key_F6)
    clock.now += 598_000
    key(Qt.Key.Key_F7)  # d01 heard
    console.select("d02")
    window.activateWindow()
    key(Qt.Key.Key_F5)
    clock.now += 560_000
    console.timer.tick()
    console.show_page(ConsoleView.TAB_HEARING)
    save(window, "console-hearing.png")
    shared.show_hearing()
    save(shared, "shared-timer-warning.png")

    # 4. The attachment, larger.
    att = console.view.attachments
    save(att, "attachment.png")

    # 5. Scoring d01 in blind mode: a déport, then sheets typed by keyboard.
    key(Qt.Key.Key_F5)  # pause d02 before going back to d01
    console.select("d01")
    console.show_page(ConsoleView.TAB_SCORING)
    table = console.view.grid.table
    table.setFocus()
    table.go(console.grid_model.index(0, 2))  # Hélène Marchetti
    key(Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # déport, reason filled in
    table.setFocus()
    table.go(table.first_open_cell())
    sheets = [["4", "7,5", "3", "4", "5"], ["3", "6", "4", "3", "4"], ["5", "8,5", "4", "4", "3"]]
    for sheet in sheets:
        for v in sheet:
            type_text(v)
            key(Qt.Key.Key_Return)
    type_text("2")
    key(Qt.Key.Key_Tab)
    view = console.view.grid
    table.go(console.grid_model.index(0, 1))
    view.comment.setPlainText("Projet solide ; partenariats avec le bailleur à préciser.")
    controller.console.scoring.save_comment()
    table.setFocus()
    table.go(console.grid_model.index(1, 4))
    settle()
    save(window, "grid-blind.png")
    shared.set_mode("scoring")
    save(shared, "shared-grid-blind.png")

    controller.shutdown()
    controller.writer.shutdown()
    desk.close()
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
