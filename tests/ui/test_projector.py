"""The projector is never the console (issue 16, item 2), and the console drives it
(issue 13, item 2). Qt's screens are simulated: ``ProjectorController.screens`` returns
fake screens, and Qt's ``screenAdded``/``screenRemoved`` reach the controller's slots."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from jury_desk.qt.core import QRect
from jury_desk.qt.widgets import QApplication
from jury_desk.ui.projector import ScreenId, best_match, match_score


@dataclass
class FakeScreen:
    """What the controller reads of a QScreen."""

    _name: str
    _geo: QRect
    _model: str = ""
    _maker: str = ""
    _serial: str = ""

    def name(self) -> str:
        return self._name

    def model(self) -> str:
        return self._model

    def manufacturer(self) -> str:
        return self._maker

    def serialNumber(self) -> str:
        return self._serial

    def geometry(self) -> QRect:
        return QRect(self._geo)

    def availableGeometry(self) -> QRect:
        return QRect(self._geo)


LAPTOP = FakeScreen("\\\\.\\DISPLAY1", QRect(0, 0, 1280, 720), "Built-in", "LEN", "")
PROJ = FakeScreen("\\\\.\\DISPLAY2", QRect(1280, 0, 1024, 768), "EB-X41", "EPSON", "X4K1234")
# Same name as the projector after a re-plug on another port: not the same screen.
TV = FakeScreen("\\\\.\\DISPLAY2", QRect(2304, 0, 1920, 1080), "LG TV", "GSM", "")


@pytest.fixture
def screens(gui: Any, monkeypatch: pytest.MonkeyPatch) -> list[FakeScreen]:
    current = [LAPTOP, PROJ]
    proj = gui.controller.projector
    monkeypatch.setattr(proj, "screens", lambda: list(current))
    gui.window.setGeometry(QRect(0, 0, 1280, 720))
    QApplication.processEvents()
    return current


def test_the_projector_is_found_by_more_than_its_name() -> None:
    saved = ScreenId.of(PROJ)
    assert ScreenId.decode(saved.encode()) == saved
    assert best_match(saved, [LAPTOP, TV, PROJ]) is PROJ
    assert best_match(saved, [LAPTOP, TV]) is None  # same name, another screen
    assert match_score(saved, ScreenId.of(TV)) == 0
    moved = FakeScreen(PROJ._name, QRect(0, 720, 1024, 768), PROJ._model, PROJ._maker, "X4K1234")
    assert best_match(saved, [moved]) is moved  # same serial, elsewhere in the desktop


def test_opens_on_the_projector_and_remembers_it(gui: Any, screens: list[FakeScreen]) -> None:
    gui.controller.projector.show()
    shared, proj = gui.controller.shared, gui.controller.projector
    assert shared.isVisible() and proj.shared_screen() is PROJ
    gui.controller.projector.toggle_fullscreen()
    assert shared.isFullScreen()
    assert ScreenId.decode(gui.controller.settings.shared_screen_identity) == ScreenId.of(PROJ)


def test_one_screen_warns_and_never_goes_full_screen_over_the_console(
    gui: Any, screens: list[FakeScreen]
) -> None:
    screens.remove(PROJ)  # Win+P « Dupliquer »: Qt sees one screen
    messages: list[str] = []
    proj = gui.controller.projector
    proj.warning.connect(messages.append)
    gui.controller.settings.shared_screen_fullscreen = True
    gui.controller.projector.show()
    shared = gui.controller.shared
    assert shared.isVisible() and not shared.isFullScreen()
    assert "Un seul écran" in messages[-1]
    gui.controller.projector.toggle_fullscreen()
    assert not shared.isFullScreen()
    assert "Plein écran refusé" in messages[-1]
    # The window sits in a corner and leaves most of the console in view.
    assert shared.width() * shared.height() < 0.25 * 1280 * 720


def test_the_projector_unplugged_and_plugged_back(gui: Any, screens: list[FakeScreen]) -> None:
    proj, shared = gui.controller.projector, gui.controller.shared
    gui.controller.projector.show()
    gui.controller.projector.toggle_fullscreen()
    assert shared.isFullScreen()
    screens.remove(PROJ)
    proj._screen_removed(PROJ)  # an HDMI glitch
    assert not shared.isVisible() and proj.lost  # hidden, never moved over the console
    screens.append(PROJ)
    proj._screen_added(PROJ)
    assert shared.isVisible() and shared.isFullScreen() and proj.shared_screen() is PROJ


def test_another_screen_plugged_in_is_not_taken_for_the_projector_unless_it_is_the_only_one(
    gui: Any, screens: list[FakeScreen]
) -> None:
    proj = gui.controller.projector
    gui.controller.projector.show()
    screens[:] = [LAPTOP, TV]
    assert proj.target() is TV  # the only other screen: the projector's place
    screens[:] = [LAPTOP, TV, PROJ]
    assert proj.target() is PROJ  # the remembered projector wins


def test_qt_screen_signals_reach_the_controller(gui: Any) -> None:
    app = QApplication.instance()
    proj = gui.controller.projector
    seen: list[str] = []
    proj.warning.connect(seen.append)
    gui.controller.projector.show()
    real = app.primaryScreen()
    app.screenRemoved.emit(real)  # the only screen « went »: the window must not stay over it
    assert not gui.controller.shared.isVisible() and proj.lost
    assert "débranché" in seen[-1]


def test_black_out_close_and_next_screen_from_the_console(
    gui: Any, screens: list[FakeScreen]
) -> None:
    a = gui.controller.actions
    shared = gui.controller.shared
    gui.controller.projector.show()
    a.shared_black.trigger()
    assert shared.blacked_out()
    a.shared_black.trigger()
    assert not shared.blacked_out()
    screens.append(TV)
    proj = gui.controller.projector
    first = proj.shared_screen()
    a.shared_next_screen.trigger()
    assert proj.shared_screen() not in (first, LAPTOP)
    a.shared_close.trigger()
    assert not shared.isVisible()


def test_the_deport_notice_is_on_the_secretarys_page_too(gui: Any) -> None:
    from jury_desk.qt.core import Qt
    from tests.ui.test_scoring_flow import CTRL, go_to_grid

    console = gui.console
    go_to_grid(gui)
    table = console.view.grid.table
    table.go(console.grid_model.index(0, 2))  # Hélène Marchetti (j03)
    gui.key(Qt.Key.Key_D, CTRL, table)
    gui.wait_writes()
    text = "Hélène Marchetti quitte la salle pour ce dossier (déport)."
    assert gui.controller.shared.banner.text() == text
    assert console.view.leaving.text() == text and console.view.leaving.isVisibleTo(console.view)
    console.next_dossier()  # another dossier: nobody leaves
    assert not console.view.leaving.isVisibleTo(console.view)


def test_the_console_shows_a_live_thumbnail_of_the_projector(gui: Any) -> None:
    from jury_desk.ui.projector import ProjectorThumbnail

    thumb = gui.console.view.findChild(ProjectorThumbnail)
    assert thumb is not None and "fermé" in thumb.text()
    gui.controller.projector.show()
    assert thumb.pixmap() is not None and not thumb.pixmap().isNull()
    gui.controller.actions.shared_black.trigger()
    assert "noir" in thumb.toolTip()


def test_the_screens_menu_names_each_screen_and_moves_the_shared_window(
    gui: Any, screens: list[FakeScreen]
) -> None:
    from jury_desk.qt.widgets import QMenu

    proj = gui.controller.projector
    menu = QMenu()
    proj.fill_screens_menu(menu)
    texts = [a.text() for a in menu.actions()]
    assert texts == [
        "Écran &1 : Built-in (1280 × 720) — console",
        "Écran &2 : EB-X41 (1024 × 768)",
    ]
    menu.actions()[1].trigger()
    assert gui.controller.shared.isVisible() and proj.shared_screen() is PROJ
    assert gui.controller.shared.isFullScreen()
    proj.fill_screens_menu(menu)  # filled again at each opening, not appended to
    assert len(menu.actions()) == 2
    menu.actions()[0].trigger()  # the console's screen: a window, never full screen there
    assert not gui.controller.shared.isFullScreen()
