"""The projector is never the console (issue 16, item 2; issue 13, item 2).

:class:`ProjectorController` decides where the shared screen's window goes and follows
the screens as Windows changes them (Win+P, an HDMI cable pulled and plugged back):

- the projector is found again by more than ``QScreen.name()``, which Qt documents as not
  unique: name, manufacturer, model, serial number and geometry (:class:`ScreenId`,
  matched by :func:`best_match`);
- with a single screen (Win+P « Dupliquer », or no projector yet) the window is shown as
  an ordinary window with a warning, and never full screen over the console;
- ``screenRemoved``: the window leaves the removed screen; it is hidden rather than moved
  over the console, and comes back (full screen if it was) when the projector returns;
- the console's commands open, close, black out and move it to the next screen.

Screens are read through :meth:`ProjectorController.screens` and placed through
:meth:`SharedScreen.move_to_screen`, so tests can simulate Qt's screens and signals.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from jury_desk.core.records import record
from jury_desk.qt.core import QObject, QRect, Qt, QTimer, Signal, Slot
from jury_desk.qt.gui import QAction, QGuiApplication, QPixmap, QScreen
from jury_desk.qt.widgets import QLabel, QMenu, QWidget
from jury_desk.ui import prefs


@record
class ScreenId:
    """What identifies a screen across launches: Qt's name alone is not unique."""

    name: str
    manufacturer: str
    model: str
    serial: str
    geometry: tuple[int, int, int, int]

    @staticmethod
    def of(screen: QScreen) -> ScreenId:
        g = screen.geometry()
        return ScreenId(
            str(screen.name() or ""),
            str(screen.manufacturer() or ""),
            str(screen.model() or ""),
            str(screen.serialNumber() or ""),
            (int(g.x()), int(g.y()), int(g.width()), int(g.height())),
        )

    def encode(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @staticmethod
    def decode(text: str | None) -> ScreenId | None:
        if not text:
            return None
        try:
            d = json.loads(text)
            return ScreenId(
                str(d["name"]),
                str(d["manufacturer"]),
                str(d["model"]),
                str(d["serial"]),
                tuple(int(v) for v in d["geometry"]),  # type: ignore[arg-type]
            )
        except (ValueError, KeyError, TypeError):
            return None


def match_score(saved: ScreenId, candidate: ScreenId) -> int:
    """How well ``candidate`` is the saved screen: 0 is not at all.

    A serial number (when both have one) settles it either way; otherwise the model and
    manufacturer must agree, and the name and geometry add to it."""
    if saved.serial and candidate.serial:
        return 100 if saved.serial == candidate.serial else 0
    score = 0
    if saved.model or candidate.model:
        if (saved.model, saved.manufacturer) != (candidate.model, candidate.manufacturer):
            return 0
        score += 10
    if saved.name and saved.name == candidate.name:
        score += 5
    if saved.geometry == candidate.geometry:
        score += 3
    elif saved.geometry[2:] == candidate.geometry[2:]:
        score += 1
    return score


def best_match(saved: ScreenId, candidates: Sequence[QScreen]) -> QScreen | None:
    """The screen among ``candidates`` that is the saved one, or None."""
    scored = [(match_score(saved, ScreenId.of(s)), i, s) for i, s in enumerate(candidates)]
    scored = [t for t in scored if t[0] >= 3]
    if not scored:
        return None
    scored.sort(key=lambda t: (-t[0], t[1]))
    return scored[0][2]


def screen_of(rect: QRect, screens: Sequence[QScreen]) -> QScreen | None:
    """The screen that holds the centre of ``rect`` (or the one it overlaps most)."""
    centre = rect.center()
    for s in screens:
        if s.geometry().contains(centre):
            return s
    best, area = None, 0
    for s in screens:
        inter = s.geometry().intersected(rect)
        a = inter.width() * inter.height()
        if a > area:
            best, area = s, a
    return best


class ProjectorController(QObject):
    """Places the shared screen; one per application (see module docstring)."""

    # A sentence for the secretary (status bar and the console's projector panel).
    warning = Signal(str)
    # The shared window was shown, hidden, blacked out or moved: the thumbnail follows.
    changed = Signal()

    def __init__(
        self, shared: Any, console_window: Any, settings: Any, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.shared = shared
        self.console_window = console_window
        self.settings = settings
        self.lost = False  # hidden because its screen went away; comes back with it
        self._lost_fullscreen = False
        app = QGuiApplication.instance()
        self._attached = app is not None
        if app is not None:
            app.screenAdded.connect(self._screen_added)  # type: ignore[attr-defined]
            app.screenRemoved.connect(self._screen_removed)  # type: ignore[attr-defined]

    def detach(self) -> None:
        """Stop following Qt's screens (the application is closing)."""
        app = QGuiApplication.instance()
        if app is None or not self._attached:
            return
        self._attached = False
        for sig, slot in (
            (app.screenAdded, self._screen_added),  # type: ignore[attr-defined]
            (app.screenRemoved, self._screen_removed),  # type: ignore[attr-defined]
        ):
            with contextlib.suppress(RuntimeError, TypeError):
                sig.disconnect(slot)

    # ------------------------------------------------------------------ screens

    def screens(self) -> list[Any]:
        """Qt's screens (tests replace :func:`QGuiApplication.screens`)."""
        return list(QGuiApplication.screens())

    def console_screen(self) -> QScreen | None:
        screens = self.screens()
        return screen_of(self.console_window.frameGeometry(), screens) or (
            screens[0] if screens else None
        )

    def shared_screen(self) -> QScreen | None:
        return screen_of(self.shared.frameGeometry(), self.screens())

    def other_screens(self) -> list[Any]:
        console = self.console_screen()
        return [s for s in self.screens() if s is not console]

    def saved_id(self) -> ScreenId | None:
        return ScreenId.decode(getattr(self.settings, "shared_screen_identity", None))

    def target(self) -> QScreen | None:
        """Where the shared window belongs: the saved projector if it is there and is not
        the console's screen, else another screen than the console's, else None."""
        others = self.other_screens()
        if not others:
            return None
        saved = self.saved_id()
        if saved is not None:
            found = best_match(saved, others)
            if found is not None:
                return found
        return others[0]

    def single_screen(self) -> bool:
        return not self.other_screens()

    def over_console(self) -> bool:
        """True when the shared window sits on the console's screen."""
        return self.shared_screen() is self.console_screen()

    # ------------------------------------------------------------------ commands

    def open(self) -> None:
        """Show the shared window on the projector (full screen there when it was)."""
        self.lost = False
        target = self.target()
        if target is None:
            self._single_screen_show()
            return
        self.shared.move_to_screen(target)
        if bool(getattr(self.settings, "shared_screen_fullscreen", False)):
            self.shared.showFullScreen()
        else:
            self.shared.show()
        self.console_window.activateWindow()
        self.remember()
        self.changed.emit()

    def _single_screen_show(self) -> None:
        """One screen: a window the secretary can see is there, never full screen."""
        if self.shared.isFullScreen():
            self.shared.showNormal()
        screen = self.console_screen()
        if screen is not None:
            geo = screen.availableGeometry()
            w, h = int(geo.width() * 0.45), int(geo.height() * 0.45)
            self.shared.setGeometry(geo.x() + geo.width() - w - 24, geo.y() + 24, w, h)
        self.shared.show()
        self.console_window.activateWindow()
        self.warning.emit(
            self.tr(
                "Un seul écran est détecté (projecteur absent ou en mode « Dupliquer ») : "
                "l’écran partagé s’ouvre dans une fenêtre, jamais en plein écran, pour que la "
                "salle ne voie pas la console. Choisissez « Étendre » (Windows + P)."
            )
        )
        self.changed.emit()

    @Slot()
    def close(self) -> None:
        self.remember()
        self.lost = False
        self.shared.hide()
        self.changed.emit()

    @Slot()
    def toggle_fullscreen(self) -> None:
        if not self.shared.isVisible():
            self.open()
            return
        if self.shared.isFullScreen():
            self.shared.showNormal()
        elif self.single_screen() or self.over_console():
            target = self.target()
            if target is None:
                self.warning.emit(
                    self.tr(
                        "Plein écran refusé : l’écran partagé couvrirait la console "
                        "(un seul écran détecté)."
                    )
                )
                return
            self.shared.move_to_screen(target)
            self.shared.showFullScreen()
        else:
            self.shared.showFullScreen()
        self.remember()
        self.changed.emit()

    def next_screen(self) -> None:
        """Move the shared window to the next screen that is not the console's."""
        others = self.other_screens()
        if not others:
            self._single_screen_show()
            return
        current = self.shared_screen()
        i = others.index(current) + 1 if current in others else 0
        self.move_to(others[i % len(others)])

    def move_to(self, screen: QScreen) -> None:
        if screen is self.console_screen() and not self.single_screen():
            self.warning.emit(
                self.tr("C’est l’écran de la console : l’écran partagé n’y va pas en plein écran.")
            )
            full = False
        else:
            full = self.shared.isFullScreen() or not self.shared.isVisible()
        self.shared.move_to_screen(screen)
        if full and not self.single_screen():
            self.shared.showFullScreen()
        else:
            if self.shared.isFullScreen():
                self.shared.showNormal()
            self.shared.show()
        self.console_window.activateWindow()
        self.remember()
        self.changed.emit()

    @Slot(bool)
    def set_black(self, on: bool) -> None:
        self.shared.set_blackout(on)
        self.changed.emit()

    @Slot()
    def show(self) -> None:
        """Ctrl+E: the shared window opened where it belongs, or brought forward (the
        keyboard stays on the console)."""
        if self.shared.isVisible():
            self.shared.raise_()
            self.console_window.activateWindow()
        else:
            self.open()

    def restore(self) -> None:
        """At a session's opening: the shared window where it was last placed, on the
        projector it was on (found by more than its name), full screen only there; never
        over the console (issue 16). Never placed: it waits for Ctrl+E."""
        geo = prefs.decode_geometry(getattr(self.settings, "shared_screen_geometry", None))
        if geo is None:
            return
        self.shared.restoreGeometry(geo)
        self.open()

    @Slot()
    def save_geometry(self) -> None:
        """The shared window was moved or resized: remembered for the next start."""
        if not self.shared.isVisible():
            return
        prefs.update(
            self.settings,
            shared_screen_geometry=prefs.encode_geometry(bytes(self.shared.saveGeometry().data())),
        )
        self.remember()

    def fill_screens_menu(self, menu: QMenu) -> None:
        """The « Écrans » menu: one entry per screen, the console's marked, each moving the
        shared window there."""
        menu.clear()
        console = self.console_screen()
        for i, screen in enumerate(self.screens(), start=1):
            g = screen.geometry()
            text = self.tr("Écran &{i} : {name} ({w} × {h})").format(
                i=i, name=screen.model() or screen.name(), w=g.width(), h=g.height()
            )
            if screen is console:
                text += self.tr(" — console")
            act = QAction(text, menu)
            act.triggered.connect(lambda _=False, s=screen: self.move_to(s))
            menu.addAction(act)

    def remember(self) -> None:
        if not self.shared.isVisible():
            return
        screen = self.shared_screen()
        if screen is None or (screen is self.console_screen() and self.single_screen()):
            return  # a fallback window is not where the projector is
        prefs.update(
            self.settings,
            shared_screen_identity=ScreenId.of(screen).encode(),
            shared_screen_screen_name=str(screen.name() or ""),
            shared_screen_fullscreen=bool(self.shared.isFullScreen()),
        )

    # ------------------------------------------------------------------ Qt's signals

    @Slot(object)
    def _screen_removed(self, screen: QScreen) -> None:
        if not self.shared.isVisible():
            return
        remaining = [s for s in self.screens() if s is not screen]
        on_it = screen_of(self.shared.frameGeometry(), [screen]) is not None
        if not on_it and len(remaining) > 1:
            return
        # Its screen went (or only the console's is left): never fall onto the console.
        self._lost_fullscreen = bool(self.shared.isFullScreen())
        if self.shared.isFullScreen():
            self.shared.showNormal()
        self.shared.hide()
        self.lost = True
        self.warning.emit(
            self.tr(
                "Le projecteur a été débranché : l’écran partagé est masqué. Il reviendra "
                "dès que le projecteur sera rebranché (ou Ctrl+E pour l’afficher ici)."
            )
        )
        self.changed.emit()

    @Slot(object)
    def _screen_added(self, _screen: QScreen) -> None:
        if not self.lost:
            return
        target = self.target()
        if target is None:
            return
        self.lost = False
        self.shared.move_to_screen(target)
        if self._lost_fullscreen:
            self.shared.showFullScreen()
        else:
            self.shared.show()
        self.console_window.activateWindow()
        self.warning.emit(self.tr("Le projecteur est revenu : l’écran partagé y est affiché."))
        self.changed.emit()


class ProjectorThumbnail(QLabel):
    """A live miniature of what the room sees, refreshed while the shared window is shown,
    with its state in words (closed, black, full screen on which screen)."""

    WIDTH = 112

    def __init__(self, projector: ProjectorController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.projector = projector
        self.setObjectName("projectorThumbnail")
        self.setFixedSize(self.WIDTH, self.WIDTH * 9 // 16)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setAccessibleName(self.tr("Aperçu de l’écran partagé"))
        self.setStyleSheet(
            "QLabel#projectorThumbnail { background: #0b1530; color: #dfe6f5;"
            " border: 1px solid #7a869a; font-size: 11px; }"
        )
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.refresh)
        projector.changed.connect(self.refresh)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        shared = self.projector.shared
        if not shared.isVisible():
            self._timer.stop()
            self.setPixmap(QPixmap())
            self.setText(
                self.tr("Projecteur : masqué (débranché)")
                if self.projector.lost
                else self.tr("Écran partagé fermé (Ctrl+E)")
            )
            self.setToolTip(self.text())
            return
        if not self._timer.isActive():
            self._timer.start()
        picture = shared.grab().scaled(
            self.size(),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self.setPixmap(picture)
        where = self.projector.shared_screen()
        state = (
            self.tr("noir")
            if shared.blacked_out()
            else self.tr("plein écran")
            if shared.isFullScreen()
            else self.tr("fenêtre")
        )
        name = (where.model() or where.name()) if where is not None else "?"
        self.setToolTip(
            self.tr("Écran partagé : {state}, sur {screen}").format(state=state, screen=name)
        )
