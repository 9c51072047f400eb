"""The secretary's main window: menus, the welcome screen or the console, a status bar."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QStackedWidget, QWidget

from jury_desk.ui.actions import Actions
from jury_desk.ui.welcome import WelcomeView


class MainWindow(QMainWindow):
    closing = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("jury_desk — console du secrétariat"))
        self.setAccessibleName(self.tr("Console du secrétariat"))
        self.commands = Actions(self)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.welcome = WelcomeView()
        self.stack.addWidget(self.welcome)
        self.console: QWidget | None = None
        self.saving = QLabel("")
        self.saving.setObjectName("hint")
        self.statusBar().addPermanentWidget(self.saving)
        self.screens_menu: QMenu | None = None
        self._build_menus()
        geo = QGuiApplication.primaryScreen().availableGeometry() if QGuiApplication.primaryScreen() else None
        if geo is not None:
            self.resize(min(1440, geo.width()), min(900, geo.height()))

    def _build_menus(self) -> None:
        a = self.commands
        mb = self.menuBar()
        m = mb.addMenu(self.tr("&Fichier"))
        m.addActions([a.import_bundle, a.open_demo, a.open_db, a.welcome])
        m.addSeparator()
        m.addAction(a.settings)
        m.addSeparator()
        m.addAction(a.quit)
        m = mb.addMenu(self.tr("&Audition"))
        m.addActions([a.timer_toggle, a.timer_next, a.timer_finish, a.timer_reset])
        m.addSeparator()
        m.addActions([a.prev_dossier, a.next_dossier])
        m = mb.addMenu(self.tr("&Notation"))
        m.addActions([a.undo, a.deport])
        m.addSeparator()
        m.addActions([a.blind, a.reveal])
        m = mb.addMenu(self.tr("&Écran partagé"))
        m.addActions([a.shared_show, a.shared_fullscreen, a.shared_scoring])
        self.screens_menu = m.addMenu(self.tr("&Déplacer vers l’écran"))
        m = mb.addMenu(self.tr("Aff&ichage"))
        m.addActions([a.page_hearing, a.page_scoring, a.page_attendance, a.page_deliberation])
        m.addSeparator()
        m.addActions([a.zoom_in, a.zoom_out, a.zoom_reset, a.high_contrast])
        m = mb.addMenu(self.tr("&Aide"))
        m.addActions([a.shortcuts, a.about])
        # Every action works from the keyboard even when its menu is closed.
        self.addActions(a.all())

    def show_welcome(self) -> None:
        self.stack.setCurrentWidget(self.welcome)

    def set_console(self, console: QWidget) -> None:
        if self.console is not None:
            self.stack.removeWidget(self.console)
            self.console.deleteLater()
        self.console = console
        self.stack.addWidget(console)
        self.stack.setCurrentWidget(console)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)
