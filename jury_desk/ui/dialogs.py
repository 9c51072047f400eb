"""Dialogs: refused actions (the one place for ``UserError``), confirmation, déport, settings,
shortcuts. The unexpected-error dialog is in ``errors``; snapshots and purge in ``maintenance``."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from jury_desk.core.domain import Juror
from jury_desk.core.errors import UserError
from jury_desk.qt import widgets
from jury_desk.qt.core import QCoreApplication, Qt
from jury_desk.qt.gui import QKeySequence
from jury_desk.qt.widgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from jury_desk.ui import a11y

log = logging.getLogger(__name__)

# Tests replace these with callables that record what would have been shown.
HEADLESS = False


def show_user_error(parent: QWidget | None, exc: UserError, title: str | None = None) -> None:
    """A refused action: its French message in full (with every detail line)."""
    log.info("user error %s", exc.code)
    if HEADLESS:
        return
    box = widgets.QMessageBox(parent)
    box.setIcon(widgets.QMessageBox.Icon.Warning)
    box.setWindowTitle(title or QCoreApplication.translate("Dialogs", "Action refusée"))
    from jury_desk.ui import wording

    box.setText(wording.error(exc))
    details = wording.details(exc)
    if details:
        box.setInformativeText("\n".join(f"– {d}" for d in details))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()


def confirm(parent: QWidget | None, title: str, text: str, yes: str, no: str | None = None) -> bool:
    if HEADLESS:
        return True
    box = widgets.QMessageBox(parent)
    box.setIcon(widgets.QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    yes_b = box.addButton(yes, widgets.QMessageBox.ButtonRole.AcceptRole)
    no_b = box.addButton(
        no or QCoreApplication.translate("Dialogs", "Annuler"),
        widgets.QMessageBox.ButtonRole.RejectRole,
    )
    box.setDefaultButton(no_b)
    box.exec()
    return box.clickedButton() is yes_b


class DeportDialog(QDialog):
    """Record a « déport » (or an absence from this hearing): juror, reason; time is now.

    Opened by Ctrl+D on the juror's column, it is filled in already: Enter records it.
    """

    def __init__(
        self,
        jurors: Sequence[Juror],
        preselect: str | None,
        dossier_title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Déport d’un juré"))
        lay = QVBoxLayout(self)
        head = QLabel(self.tr("Dossier : {title}").format(title=dossier_title))
        head.setWordWrap(True)
        head.setObjectName("dossierTitle")
        lay.addWidget(head)
        form = widgets.QFormLayout()
        self.juror = widgets.QComboBox()
        self.juror.setAccessibleName(self.tr("Juré qui se déporte"))
        for j in jurors:
            self.juror.addItem(j.name, j.id)
        if preselect:
            i = self.juror.findData(preselect)
            if i >= 0:
                self.juror.setCurrentIndex(i)
        form.addRow(self.tr("&Juré :"), self.juror)
        self.deport = widgets.QRadioButton(self.tr("Déport (conflit d’intérêts déclaré en séance)"))
        self.absent = widgets.QRadioButton(self.tr("Absent pendant cette audition"))
        self.deport.setChecked(True)
        form.addRow(self.tr("Nature :"), self.deport)
        form.addRow("", self.absent)
        self.reason = widgets.QLineEdit(self.tr("Déport déclaré en séance"))
        self.reason.setAccessibleName(self.tr("Motif du déport"))
        self.reason.selectAll()
        form.addRow(self.tr("&Motif :"), self.reason)
        lay.addLayout(form)
        note = QLabel(
            self.tr(
                "L’heure est enregistrée. L’écran partagé annonce que le juré quitte "
                "la salle pour ce dossier."
            )
        )
        note.setWordWrap(True)
        note.setObjectName("hint")
        lay.addWidget(note)
        buttons = widgets.QDialogButtonBox(
            widgets.QDialogButtonBox.StandardButton.Ok
            | widgets.QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(widgets.QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Enregistrer le déport"))
        ok.setDefault(True)
        buttons.button(widgets.QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.absent.toggled.connect(self._kind_changed)
        lay.addWidget(buttons)
        self.juror.setFocus()  # the first field: who; Enter still records at once

    def _kind_changed(self, absent: bool) -> None:
        defaults = (self.tr("Déport déclaré en séance"), self.tr("Absent pendant l’audition"))
        if self.reason.text() in defaults:
            self.reason.setText(defaults[1] if absent else defaults[0])
            self.reason.selectAll()

    def _accept(self) -> None:
        if self.reason.text().strip():
            self.accept()

    def values(self) -> tuple[str, str, str]:
        """(juror id, kind, reason)."""
        return (
            str(self.juror.currentData()),
            "absent" if self.absent.isChecked() else "conflict",
            self.reason.text().strip(),
        )


class SealedChangeDialog(QDialog):
    """The reason for changing a value on a validated sheet (it goes to the minutes)."""

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Feuille validée"))
        lay = QVBoxLayout(self)
        text = QLabel(
            self.tr(
                "{what}\n\nCette feuille a été validée. La modification est inscrite au "
                "procès-verbal avec son motif."
            ).format(what=what)
        )
        text.setWordWrap(True)
        lay.addWidget(text)
        form = widgets.QFormLayout()
        self.reason = widgets.QLineEdit()
        self.reason.setMaxLength(500)
        self.reason.setAccessibleName(self.tr("Motif de la modification"))
        form.addRow(self.tr("&Motif :"), self.reason)
        lay.addLayout(form)
        buttons = widgets.QDialogButtonBox(
            widgets.QDialogButtonBox.StandardButton.Ok
            | widgets.QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(widgets.QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Enregistrer la modification"))
        self.ok.setDefault(True)
        self.ok.setEnabled(False)
        buttons.button(widgets.QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("&Abandonner")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(lambda t: self.ok.setEnabled(bool(t.strip())))
        lay.addWidget(buttons)
        self.reason.setFocus()

    def value(self) -> str:
        return self.reason.text().strip()


def ask_sealed_change_reason(parent: QWidget | None, what: str) -> str | None:
    """The reason typed, or None when the secretary gives the change up."""
    dlg = SealedChangeDialog(what, parent)
    try:
        if dlg.exec() != QDialog.DialogCode.Accepted or not dlg.value():
            return None
        return dlg.value()
    finally:
        dlg.deleteLater()


class SettingsDialog(QDialog):
    """Language, text size, contrast; the second snapshot folder (a USB key) and the purge
    reminder (``core.settings``)."""

    def __init__(
        self,
        language: str,
        font_scale: float,
        high_contrast: bool,
        parent: QWidget | None = None,
        *,
        secondary_dir: Path | None = None,
        purge_reminder: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Préférences"))
        lay = QVBoxLayout(self)
        form = widgets.QFormLayout()
        self.language = widgets.QComboBox()
        self.language.setAccessibleName(self.tr("Langue de l’interface"))
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        form.addRow(self.tr("&Langue :"), self.language)
        self.scale = widgets.QDoubleSpinBox()
        self.scale.setAccessibleName(self.tr("Taille du texte"))
        self.scale.setRange(0.8, 2.0)
        self.scale.setSingleStep(0.1)
        self.scale.setSuffix(" ×")
        self.scale.setValue(font_scale)
        form.addRow(self.tr("&Taille du texte :"), self.scale)
        self.contrast = widgets.QCheckBox(
            self.tr("Contraste élevé (noir sur blanc, aussi sur l’écran partagé)")
        )
        self.contrast.setChecked(high_contrast)
        form.addRow("", self.contrast)

        # The second snapshot folder: a line showing it, « Choisir… », « Aucun ».
        self.secondary = widgets.QLineEdit(str(secondary_dir) if secondary_dir else "")
        self.secondary.setReadOnly(True)
        self.secondary.setPlaceholderText(
            self.tr("Aucun (instantanés seulement à côté de la base)")
        )
        self.secondary.setAccessibleName(self.tr("Second dossier d’instantanés"))
        self.secondary_choose = QPushButton(self.tr("C&hoisir…"))
        self.secondary_choose.setAccessibleName(self.tr("Choisir le second dossier d’instantanés"))
        self.secondary_clear = QPushButton(self.tr("A&ucun"))
        self.secondary_clear.setAccessibleName(
            self.tr("Ne plus copier les instantanés dans un second dossier")
        )
        row = QHBoxLayout()
        row.addWidget(self.secondary, 1)
        row.addWidget(self.secondary_choose)
        row.addWidget(self.secondary_clear)
        label = QLabel(self.tr("&Second dossier d’instantanés :"))
        label.setBuddy(self.secondary_choose)
        form.addRow(label, row)
        hint = QLabel(
            self.tr(
                "Une clé USB, par exemple : chaque instantané y est aussi copié. Si la "
                "copie échoue (clé débranchée), la séance continue et la barre d’état le signale."
            )
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        form.addRow("", hint)
        self.purge_reminder = widgets.QCheckBox(
            self.tr(
                "Rappeler d’effacer les données personnelles une fois le "
                "délai de conservation passé"
            )
        )
        self.purge_reminder.setChecked(purge_reminder)
        form.addRow("", self.purge_reminder)
        lay.addLayout(form)
        note = QLabel(self.tr("Le changement de langue s’applique au prochain démarrage."))
        note.setObjectName("hint")
        lay.addWidget(note)
        buttons = widgets.QDialogButtonBox(
            widgets.QDialogButtonBox.StandardButton.Ok
            | widgets.QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(widgets.QDialogButtonBox.StandardButton.Ok).setText(self.tr("Appliquer"))
        buttons.button(widgets.QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.secondary_choose.clicked.connect(self._choose_secondary)
        self.secondary_clear.clicked.connect(self.secondary.clear)

    def _choose_secondary(self) -> None:
        start = self.secondary.text() or str(Path.home())
        path = widgets.QFileDialog.getExistingDirectory(
            self, self.tr("Second dossier d’instantanés"), start
        )
        if path:
            self.secondary.setText(path)

    def secondary_dir(self) -> Path | None:
        text = self.secondary.text().strip()
        return Path(text) if text else None


class ShortcutsDialog(QDialog):
    """The list of keyboard shortcuts, from the actions themselves (never out of date)."""

    def __init__(
        self, rows: Sequence[tuple[str, QKeySequence]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        from jury_desk.qt.gui import QStandardItem, QStandardItemModel

        self.setWindowTitle(self.tr("Raccourcis clavier"))
        lay = QVBoxLayout(self)
        model = QStandardItemModel(0, 2, self)
        model.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Touches")])
        for text, seq in [*rows, *deliberation_shortcuts()]:
            model.appendRow(
                [
                    QStandardItem(text.replace("&", "")),
                    QStandardItem(seq.toString(QKeySequence.SequenceFormat.NativeText)),
                ]
            )
        view = QTableView()
        view.setModel(model)
        view.setAccessibleName(self.tr("Raccourcis clavier"))
        a11y.navigable(view)
        view.verticalHeader().hide()
        view.horizontalHeader().setStretchLastSection(True)
        view.resizeColumnsToContents()
        view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        view.setMinimumSize(520, 420)
        lay.addWidget(view)
        buttons = widgets.QDialogButtonBox(widgets.QDialogButtonBox.StandardButton.Close)
        buttons.button(widgets.QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)


def deliberation_shortcuts() -> list[tuple[str, QKeySequence]]:
    """The deliberation page's own keys (``deliberation.view.SHORTCUTS``), translated."""
    from jury_desk.ui.deliberation.view import SHORTCUTS

    page = QCoreApplication.translate("ShortcutsDialog", "Délibération : {label}")
    return [
        (
            page.format(label=QCoreApplication.translate("DeliberationView", str(label))),
            QKeySequence(keys),
        )
        for _name, keys, label in SHORTCUTS
    ]
