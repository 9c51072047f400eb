"""Paper sheets in the GUI (issue 13, item 3): the preview before an import.

:class:`SheetsPreviewDialog` shows what :func:`jury_desk.core.sheets.plan_scores_import`
found — new values, values that change one already entered (old → new), rows refused and
why, rows of absent or recused jurors that may be left out by an explicit choice — and
imports only when nothing is refused (all or nothing). A double entry compares a second
typing of the same paper sheets with the first (:func:`~jury_desk.core.sheets.compare_typings`):
while they differ, nothing is imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jury_desk.core import sheets
from jury_desk.core.domain import decimal_text
from jury_desk.qt.core import QCoreApplication, Qt, Slot
from jury_desk.qt.gui import QStandardItem, QStandardItemModel
from jury_desk.qt.widgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from jury_desk.core.services import SessionState

KIND_ROLE = int(Qt.ItemDataRole.UserRole) + 1


def why(code: str | None) -> str:
    """A refusal code in words."""
    return {
        "unknown_dossier": QCoreApplication.translate("SheetsPreview", "dossier inconnu"),
        "unknown_juror": QCoreApplication.translate("SheetsPreview", "juré inconnu"),
        "unknown_criterion": QCoreApplication.translate("SheetsPreview", "critère inconnu"),
        "value_not_number": QCoreApplication.translate("SheetsPreview", "pas un nombre"),
        "value_out_of_scale": QCoreApplication.translate(
            "SheetsPreview", "hors de l’échelle du critère"
        ),
        "duplicate_row": QCoreApplication.translate("SheetsPreview", "ligne en double"),
        "juror_absent": QCoreApplication.translate("SheetsPreview", "juré absent"),
        "juror_recused": QCoreApplication.translate("SheetsPreview", "juré récusé"),
    }.get(code or "", code or "")


def _dec(value: object) -> str:
    from fractions import Fraction

    return decimal_text(value).replace(".", ",") if isinstance(value, Fraction) else "—"


def state_text(row: sheets.PlannedRow) -> str:
    if row.kind == sheets.NEW:
        return QCoreApplication.translate("SheetsPreview", "nouvelle note")
    if row.kind == sheets.CHANGED:
        return QCoreApplication.translate("SheetsPreview", "modifie {old} → {new}").format(
            old=_dec(row.old), new=_dec(row.new)
        )
    if row.kind == sheets.SAME:
        return QCoreApplication.translate("SheetsPreview", "déjà saisie, identique")
    if row.kind == sheets.SKIPPABLE:
        return QCoreApplication.translate("SheetsPreview", "écartable : {why}").format(
            why=why(row.code)
        )
    return QCoreApplication.translate("SheetsPreview", "refusée : {why}").format(why=why(row.code))


class SheetsPreviewDialog(QDialog):
    """What an import of paper sheets would do; « Importer » only when it may."""

    def __init__(
        self,
        st: SessionState,
        plan: sheets.ScoresPlan,
        parent: QWidget | None = None,
        *,
        differences: list[sheets.TypingDifference] | None = None,
    ) -> None:
        super().__init__(parent)
        self.plan = plan
        self.differences = differences or []
        self.setWindowTitle(self.tr("Importer des feuilles papier"))
        self.setAccessibleName(self.windowTitle())
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setText(
            self.tr(
                "{new} nouvelle(s) note(s), {changed} modifiée(s), {same} identique(s), "
                "{refused} refusée(s), {skippable} de jurés absents ou récusés. "
                "Séparateur : « {sep} »."
            ).format(
                new=len(plan.of(sheets.NEW)),
                changed=len(plan.of(sheets.CHANGED)),
                same=len(plan.of(sheets.SAME)),
                refused=len(plan.of(sheets.REFUSED)),
                skippable=len(plan.of(sheets.SKIPPABLE)),
                sep=plan.delimiter,
            )
        )
        names = {j.id: j.name for j in st.jurors}
        crits = {c.id: c.label for c in st.criteria}
        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Ligne"),
                self.tr("Dossier"),
                self.tr("Juré"),
                self.tr("Critère"),
                self.tr("Effet"),
            ]
        )
        order = {
            sheets.REFUSED: 0,
            sheets.SKIPPABLE: 1,
            sheets.CHANGED: 2,
            sheets.NEW: 3,
            sheets.SAME: 4,
        }
        for row in sorted(plan.rows, key=lambda r: (order[r.kind], r.line)):
            cells = [
                QStandardItem(str(row.line)),
                QStandardItem(row.dossier_id),
                QStandardItem(names.get(row.juror_id, row.juror_id)),
                QStandardItem(crits.get(row.criterion_id, row.criterion_id)),
                QStandardItem(state_text(row)),
            ]
            for c in cells:
                c.setEditable(False)
                c.setData(row.kind, KIND_ROLE)
            self.model.appendRow(cells)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Lignes du fichier"))
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.skip = QCheckBox(
            self.tr("&Écarter les {n} ligne(s) des jurés absents ou récusés").format(
                n=len(plan.of(sheets.SKIPPABLE))
            ),
            self,
        )
        self.skip.setVisible(bool(plan.of(sheets.SKIPPABLE)))
        self.skip.toggled.connect(self._update)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("refusal")
        self.verdict.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(
            self.tr("&Importer"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("Annuler"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.skip)
        lay.addWidget(self.verdict)
        lay.addWidget(self.buttons)
        self._update()
        self.resize(820, 560)

    @Slot()
    def _update(self) -> None:
        skip = self.skip.isChecked()
        ok = self.plan.can_import(skip) and not self.differences
        self.import_button.setEnabled(ok and bool(self.rows_to_write_or_empty()))
        if self.differences:
            self.verdict.setText(
                self.tr(
                    "Double saisie : les deux saisies diffèrent sur {n} case(s) ; "
                    "rien ne sera importé tant qu’elles ne concordent pas."
                ).format(n=len(self.differences))
            )
        elif self.plan.of(sheets.REFUSED):
            self.verdict.setText(
                self.tr("Des lignes sont refusées : corrigez le fichier. Rien ne sera importé.")
            )
        elif self.plan.of(sheets.SKIPPABLE) and not skip:
            self.verdict.setText(
                self.tr(
                    "Des lignes concernent des jurés absents ou récusés : cochez la case pour "
                    "les écarter, ou corrigez le fichier."
                )
            )
        else:
            self.verdict.setText("")

    def rows_to_write_or_empty(self) -> list[tuple[str, str, str, str]]:
        try:
            return self.plan.rows_to_write(self.skip.isChecked())
        except Exception:
            return []

    def rows_to_write(self) -> list[tuple[str, str, str, str]]:
        return self.plan.rows_to_write(self.skip.isChecked())


def difference_lines(diffs: list[sheets.TypingDifference]) -> list[str]:
    empty = QCoreApplication.translate("SheetsPreview", "(vide)")
    return [
        f"{d.dossier_id} · {d.juror_id} · {d.criterion_id} : {d.first or empty} ≠ {d.second or empty}"
        for d in diffs
    ]
