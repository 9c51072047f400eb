"""The view settings of the console: text size (Ctrl++ / Ctrl+-), high contrast, the
preferences dialog, and the help (shortcuts, about). One per application."""

from __future__ import annotations

from typing import Any

from jury_desk import __version__
from jury_desk.qt.core import QObject, Signal, Slot
from jury_desk.qt.gui import QKeySequence
from jury_desk.qt.widgets import QApplication
from jury_desk.ui import dialogs, prefs, theme
from jury_desk.ui.hub import Hub
from jury_desk.ui.main_window import MainWindow
from jury_desk.ui.shared_screen import SharedScreen


class ViewSettings(QObject):
    """Connected to the window's view and help actions by :meth:`connect_actions`."""

    # The colours changed (high contrast): what paints its own colours refreshes.
    themeChanged = Signal()

    def __init__(
        self,
        window: MainWindow,
        settings: Any,
        hub: Hub,
        shared: SharedScreen,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.settings = settings
        self.hub = hub
        self.shared = shared
        self.actions = window.commands

    def connect_actions(self) -> None:
        a = self.actions
        a.settings.triggered.connect(self.edit_settings)
        a.zoom_in.triggered.connect(lambda: self.zoom(+theme.SCALE_STEP))
        a.zoom_out.triggered.connect(lambda: self.zoom(-theme.SCALE_STEP))
        a.zoom_reset.triggered.connect(lambda: self.zoom(None))
        a.shortcuts.triggered.connect(self.show_shortcuts)
        a.about.triggered.connect(self.about)
        a.high_contrast.setChecked(bool(getattr(self.settings, "high_contrast", False)))
        a.high_contrast.toggled.connect(self.set_high_contrast)

    def zoom(self, delta: float | None) -> None:
        scale = 1.0 if delta is None else theme.current_scale() + delta
        scale = theme.set_font_scale(scale)
        prefs.update(self.settings, font_scale=scale)
        self.hub.statusMessage.emit(
            self.tr("Taille du texte : {pct} %")
            .format(pct=round(scale * 100))
            .replace(" %", "\u00a0%")
        )

    @Slot(bool)
    def set_high_contrast(self, on: bool) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        theme.apply(app, theme.current_scale(), on)
        self.shared.refresh_theme()
        prefs.update(self.settings, high_contrast=on)
        self.themeChanged.emit()

    @Slot()
    def edit_settings(self) -> None:
        s = self.settings
        dlg = dialogs.SettingsDialog(
            getattr(s, "language", "fr"),
            theme.current_scale(),
            bool(getattr(s, "high_contrast", False)),
            self.window,
            secondary_dir=getattr(s, "secondary_snapshot_dir", None),
            purge_reminder=bool(getattr(s, "purge_reminder", True)),
        )
        if dlg.exec() != dialogs.SettingsDialog.DialogCode.Accepted:
            return
        self.apply_settings(dlg)

    def apply_settings(self, dlg: dialogs.SettingsDialog) -> None:
        """What an accepted preferences dialog changes."""
        s = self.settings
        secondary = dlg.secondary_dir()
        if secondary != getattr(s, "secondary_snapshot_dir", None):
            prefs.update(s, secondary_snapshot_dir=secondary)
            self.window.warning.hide()
            self.hub.statusMessage.emit(
                self.tr("Les instantanés seront aussi copiés dans « {dir} ».").format(
                    dir=str(secondary)
                )
                if secondary
                else self.tr("Les instantanés ne sont plus copiés dans un second dossier.")
            )
        if dlg.purge_reminder.isChecked() != bool(getattr(s, "purge_reminder", True)):
            prefs.update(s, purge_reminder=dlg.purge_reminder.isChecked())
        language = str(dlg.language.currentData())
        if language != getattr(s, "language", "fr"):
            prefs.update(s, language=language)
            from jury_desk.qt.widgets import QMessageBox  # at first use (issue 15)

            QMessageBox.information(
                self.window,
                self.tr("Langue"),
                self.tr("La nouvelle langue s’appliquera au prochain démarrage."),
            )
        if abs(dlg.scale.value() - theme.current_scale()) > 1e-6:
            self.zoom(dlg.scale.value() - theme.current_scale())
        if dlg.contrast.isChecked() != bool(getattr(s, "high_contrast", False)):
            self.actions.high_contrast.setChecked(dlg.contrast.isChecked())

    @Slot()
    def show_shortcuts(self) -> None:
        rows: list[tuple[str, QKeySequence]] = []
        for act in [*self.actions.all(), *self.window.maintenance.all()]:
            for seq in act.shortcuts():
                rows.append((act.text(), seq))
        rows.append(
            (self.tr("Saisir une note puis passer au critère suivant"), QKeySequence("Return"))
        )
        rows.append((self.tr("Passer au juré suivant"), QKeySequence("Tab")))
        rows.append((self.tr("Effacer la note de la cellule"), QKeySequence("Del")))
        rows.append((self.tr("Enregistrer le commentaire"), QKeySequence("Ctrl+Return")))
        rows.append((self.tr("Quitter le plein écran (écran partagé)"), QKeySequence("Esc")))
        dialogs.ShortcutsDialog(rows, self.window).exec()

    @Slot()
    def about(self) -> None:
        from jury_desk.qt.widgets import QMessageBox  # at first use (issue 15)

        QMessageBox.about(
            self.window,
            self.tr("À propos de jury_desk"),
            self.tr(
                "jury_desk {v}\nApplication hors ligne des jurys du Label Actions Innovantes "
                "(Grand-Orly Seine Bièvre)."
            ).format(v=__version__),
        )
