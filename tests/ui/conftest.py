"""GUI tests: offscreen by default, the qasync loop, the application built on a real
SQLite file, a fake monotonic clock, and dialogs that answer instead of blocking."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# isort: off
import jury_desk.ui  # noqa: F401  (QT_API and the core before any Qt)
# isort: on

import asyncio
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import qasync

from jury_desk.core import settings as core_settings
from jury_desk.core.errors import UserError
from jury_desk.qt.core import QEvent, Qt
from jury_desk.qt.gui import QKeyEvent
from jury_desk.qt.widgets import QApplication
from jury_desk.ui import dialogs

# The offscreen platform says this about every top-level window: not ours to fix.
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).parent == here:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


class FakeClock:
    """A monotonic clock in milliseconds that moves only when told."""

    def __init__(self, start: int = 1_000_000) -> None:
        self.now = start

    def __call__(self) -> int:
        return self.now

    def advance(self, ms: int) -> None:
        self.now += ms


@dataclass
class DialogLog:
    """What the dialogs would have shown; ``answer`` is what a confirmation returns."""

    errors: list[UserError] = field(default_factory=list)
    confirms: list[str] = field(default_factory=list)
    answer: bool = True


@pytest.fixture(autouse=True)
def dialog_log(monkeypatch: pytest.MonkeyPatch) -> DialogLog:
    log = DialogLog()

    def show_user_error(_parent: Any, exc: UserError, title: str | None = None) -> None:
        log.errors.append(exc)

    def confirm(_parent: Any, title: str, text: str, yes: str, no: str | None = None) -> bool:
        log.confirms.append(title)
        return log.answer

    monkeypatch.setattr(dialogs, "HEADLESS", True)
    monkeypatch.setattr(dialogs, "show_user_error", show_user_error)
    monkeypatch.setattr(dialogs, "confirm", confirm)
    return log


@pytest.fixture
def qloop(qapp: QApplication) -> Iterator[qasync.QEventLoop]:
    """The qasync loop the application runs, already running inside Qt's.

    It gets its own executor (``run_in_executor(None, …)``), shut down at teardown so that
    no worker thread outlives the test (« QThread: Destroyed while thread is still running »).
    """
    loop = qasync.QEventLoop(qapp, already_running=True)
    executor = qasync.QThreadExecutor(2)
    loop.set_default_executor(executor)
    asyncio.set_event_loop(loop)
    yield loop
    executor.shutdown(wait=True)
    asyncio.events._set_running_loop(None)
    asyncio.set_event_loop(None)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


class Gui:
    """The application as a person uses it: the main window and its controller."""

    def __init__(
        self, window: Any, controller: Any, qtbot: Any, db: Path, clock: FakeClock
    ) -> None:
        self.window = window
        self.controller = controller
        self.qtbot = qtbot
        self.db = db
        self.clock = clock

    @property
    def console(self) -> Any:
        return self.controller.console

    @property
    def ctx(self) -> Any:
        return self.controller.ctx

    def open_demo(self) -> None:
        desk = self.controller.get_desk()
        report = desk.import_demo()
        assert self.controller.open_session(report.session_id)

    def deliberation(self, timeout: int = 10_000) -> Any:
        """The deliberation page, once built: its first reading is done off the GUI thread
        (the tab shows « Lecture de la délibération… » meanwhile)."""
        self.qtbot.waitUntil(lambda: self.console.deliberation is not None, timeout=timeout)
        QApplication.processEvents()
        return self.console.deliberation

    def wait_writes(self, timeout: int = 10_000) -> None:
        """Until every write asked has returned and its callback has run."""
        self.qtbot.waitUntil(lambda: not self.controller.writer.busy, timeout=timeout)
        QApplication.processEvents()

    def key(
        self,
        key: Qt.Key,
        modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
        widget: Any = None,
    ) -> None:
        """A keystroke, delivered like a real keyboard's: to the widget that has the focus
        (``widget`` is given the focus first when nothing has it)."""
        from jury_desk.qt.qttest import QTest

        target = QApplication.focusWidget() or widget or self.window
        if not target.window().isActiveWindow():  # shortcuts need an active window
            target.window().activateWindow()
            QApplication.processEvents()
        QTest.keyClick(target, key, modifier)

    def type(self, text: str, widget: Any = None) -> None:
        """Characters one at a time, each to whatever has the focus when it is typed."""
        from jury_desk.qt.qttest import QTest

        if widget is not None and QApplication.focusWidget() is None:
            widget.setFocus()
        for ch in text:
            target = QApplication.focusWidget() or widget or self.window
            if ch.isascii():
                QTest.keyClicks(target, ch)
            else:  # QTest only maps ASCII to keys: send the text itself
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(
                        target, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch)
                    )


@pytest.fixture
def make_gui(
    qtbot: Any, qloop: Any, tmp_path: Path, clock: FakeClock
) -> Iterator[Callable[..., Gui]]:
    from jury_desk.ui import app as app_module

    made: list[Gui] = []

    def make(db: Path | None = None, settings: Any = None, language: str = "fr") -> Gui:
        db = db or tmp_path / "jury.sqlite3"
        s = settings or core_settings.load()
        window, controller = app_module.build(s, db_path=db, language=language, clock=clock)
        qtbot.addWidget(window)
        window.resize(1440, 900)
        window.show()
        gui = Gui(window, controller, qtbot, db, clock)
        made.append(gui)
        return gui

    yield make
    for gui in made:
        gui.controller.shutdown()
        gui.controller.writer.shutdown()
        if gui.controller.desk is not None:
            gui.controller.desk.close()
        gui.controller.shared.close()
        gui.controller.shared.deleteLater()
    app_module.install_translators(QApplication.instance(), "fr")  # type: ignore[arg-type]


@pytest.fixture
def gui(make_gui: Callable[..., Gui]) -> Gui:
    """The demo session open in the console, on a real SQLite file."""
    g = make_gui()
    g.open_demo()
    return g
