"""The secretary's main window: menus, the welcome screen or the console, a status bar,
and two non-blocking notices: the purge reminder (a banner above the page) and a failed
copy of a snapshot to the second folder (a warning in the status bar)."""

from __future__ import annotations

from jury_desk.qt.core import QObject, Qt, Signal
from jury_desk.qt.gui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QShowEvent
from jury_desk.qt.widgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from jury_desk.ui import theme
from jury_desk.ui.actions import Actions
from jury_desk.ui.welcome import WelcomeView


class MaintenanceActions(QObject):
    """The database's upkeep: snapshots (and restoring one), erasing its personal data."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.snapshots = QAction(self.tr("I&nstantanés…"), parent)
        self.snapshots.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.snapshots.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.snapshots.setStatusTip(
            self.tr("Lister les instantanés de la base, en prendre un, en restaurer un")
        )
        # No shortcut on purpose: erasing is never one keystroke away.
        self.purge = QAction(self.tr("&Effacer les données de cette base…"), parent)
        self.purge.setEnabled(False)

    def all(self) -> list[QAction]:
        return [self.snapshots, self.purge]


class ReminderBar(QFrame):
    """A banner above the page; it never takes the focus and never blocks anything."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderBar")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel("")
        self.label.setObjectName("banner")
        self.label.setWordWrap(True)
        self.label.setAccessibleName(self.tr("Rappel"))
        lay.addWidget(self.label, 1)
        self.action_button = QPushButton(self.tr("Effacer les données…"))
        self.action_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.dismiss_button = QPushButton(self.tr("Plus tard"))
        self.dismiss_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.dismiss_button.setAccessibleName(self.tr("Masquer ce rappel"))
        lay.addWidget(self.action_button)
        lay.addWidget(self.dismiss_button)
        self.dismiss_button.clicked.connect(self.hide)
        self.hide()

    def show_text(self, text: str) -> None:
        self.label.setText(text)
        self.show()


class MainWindow(QMainWindow):
    closing = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("jury_desk — console du secrétariat"))
        self.setAccessibleName(self.tr("Console du secrétariat"))
        self.commands = Actions(self)
        self.maintenance = MaintenanceActions(self)
        central = QWidget()
        col = QVBoxLayout(central)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(0)
        self.reminder = ReminderBar()
        col.addWidget(self.reminder)
        self.stack = QStackedWidget()
        col.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        # Joins the stack when first shown (show_welcome): as the stack's first page it
        # was laid out at the start even when the console opens at once (2.5 ms).
        self.welcome = WelcomeView()
        self.console: QWidget | None = None
        self.saving = QLabel("")
        self.saving.setObjectName("hint")
        self.statusBar().addPermanentWidget(self.saving)
        # A failed copy to the second snapshot folder: stays until clicked (opens the list).
        self.warning = QPushButton("")
        self.warning.setObjectName("statusWarning")
        self.warning.setFlat(True)
        self.warning.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.warning.setStyleSheet(
            f"QPushButton#statusWarning {{ background: {theme.C.warn_bg}; "
            f"color: {theme.C.warn_text}; font-weight: bold; padding: 2px 8px; }}"
        )
        self.warning.hide()
        self.statusBar().addPermanentWidget(self.warning)
        self.screens_menu: QMenu | None = None
        self._build_menus()
        geo = (
            QGuiApplication.primaryScreen().availableGeometry()
            if QGuiApplication.primaryScreen()
            else None
        )
        if geo is not None:
            self.resize(min(1440, geo.width()), min(900, geo.height()))

    def _build_menus(self) -> None:
        a = self.commands
        mb = self.menuBar()
        m = mb.addMenu(self.tr("&Fichier"))
        self.file_menu = m
        m.setToolTipsVisible(True)  # a disabled purge says why in its tooltip
        m.addActions([a.import_bundle, a.open_demo, a.open_db, a.welcome])
        m.addSeparator()
        m.addActions(self.maintenance.all())
        m.addSeparator()
        m.addAction(a.settings)
        m.addSeparator()
        m.addAction(a.quit)
        m = mb.addMenu(self.tr("A&udition"))  # Alt+A: « Notation à l’aveugle »
        m.addActions([a.timer_toggle, a.timer_next, a.timer_finish, a.timer_reset])
        m.addSeparator()
        m.addActions([a.prev_dossier, a.next_dossier])
        m = mb.addMenu(self.tr("&Notation"))
        m.addActions([a.undo, a.deport])
        m.addSeparator()
        m.addActions([a.blind, a.reveal])
        m.addSeparator()
        m.addActions([a.import_sheets, a.double_entry, a.print_sheets, a.print_attendance])
        m.addSeparator()
        m.addAction(a.devices)
        m = mb.addMenu(self.tr("&Écran partagé"))
        m.addActions(
            [
                a.shared_show,
                a.shared_fullscreen,
                a.shared_scoring,
                a.shared_black,
                a.shared_close,
                a.shared_next_screen,
            ]
        )
        self.screens_menu = m.addMenu(self.tr("&Déplacer vers l’écran"))
        m = mb.addMenu(self.tr("Aff&ichage"))
        m.addActions([a.page_hearing, a.page_scoring, a.page_attendance, a.page_deliberation])
        m.addSeparator()
        m.addActions([a.zoom_in, a.zoom_out, a.zoom_reset, a.high_contrast])
        m = mb.addMenu(self.tr("Aid&e"))  # Alt+A, Alt+D are taken on the pages
        m.addActions([a.shortcuts, a.about])
        # Every action works from the keyboard even when its menu is closed.
        self.addActions(a.all())
        self.addActions(self.maintenance.all())

    def show_warning(self, text: str, details: str = "") -> None:
        """A non-blocking warning at the right of the status bar."""
        self.warning.setText("⚠ " + text)
        self.warning.setToolTip(details or text)
        self.warning.setAccessibleName(text)
        self.warning.show()

    def showEvent(self, event: QShowEvent) -> None:
        if self.stack.currentWidget() is None:  # nothing opened: the welcome screen
            self.show_welcome()
        super().showEvent(event)

    def show_welcome(self) -> None:
        if self.stack.indexOf(self.welcome) < 0:
            self.stack.addWidget(self.welcome)
        self.stack.setCurrentWidget(self.welcome)

    def drop_console(self) -> None:
        """The welcome screen, and the closed session's console goes (with its controller,
        in the same pass: a view left without its models warns on every selection)."""
        self.show_welcome()
        if self.console is not None:
            self.stack.removeWidget(self.console)
            self.console.deleteLater()
            self.console = None

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
