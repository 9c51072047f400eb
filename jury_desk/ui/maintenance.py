"""The database's upkeep in the GUI: the list of snapshots (take one, restore one), the
purge of personal data with its strong confirmation, and the watch that turns a failed
copy to the second snapshot folder into a status-bar warning.

The work itself is in the core (``core.snapshots``, ``core.privacy``); the sequences
that close and reopen the database are in ``main_controller``. Nothing here writes.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jury_desk.core import fmt
from jury_desk.qt.core import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from jury_desk.qt.widgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from jury_desk.ui import theme, uifmt, wording
from jury_desk.ui.models import solid

if TYPE_CHECKING:
    from jury_desk.core.api import PurgeReport, PurgeStatus, SnapshotInfo

log = logging.getLogger(__name__)

AnyIndex = QModelIndex | QPersistentModelIndex


def size_text(size: int) -> str:
    if size < 1_000_000:
        return fmt.number(size / 1000, 0) + fmt.NBSP + "ko"
    return fmt.number(size / 1_000_000, 1) + fmt.NBSP + "Mo"


def when_text(info: Any, seconds: bool = False) -> str:
    """« 18/06/2026 à 9 h 30 » (« … 9 h 30 min 12 s » with seconds), in local time."""
    local = info.taken_at.astimezone()
    text = uifmt.datetime_text(local)
    return text + f"{fmt.NBSP}min{fmt.NBSP}{local.second:02d}{fmt.NBSP}s" if seconds else text


# --------------------------------------------------------------------------- snapshots


class SnapshotsModel(QAbstractTableModel):
    """``core.snapshots.SnapshotInfo`` rows, newest first: date, reason, operations (audit
    entries: they only grow), size, place, sessions."""

    DATE, REASON, OPERATIONS, SIZE, PLACE, SESSIONS = range(6)
    COLUMNS = 6
    InfoRole = int(Qt.ItemDataRole.UserRole) + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[Any] = []

    def set_items(self, items: Sequence[Any]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def info(self, row: int) -> SnapshotInfo:
        return self._items[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < self.COLUMNS:
            return None
        return (
            self.tr("Date"),
            self.tr("Motif"),
            self.tr("Opérations"),
            self.tr("Taille"),
            self.tr("Emplacement"),
            self.tr("Sessions"),
        )[section]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        i = self._items[index.row()]
        col = index.column()
        if role == self.InfoRole:
            return i
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.DATE:
                return when_text(i, seconds=True)
            if col == self.REASON:
                return wording.snapshot_reason(i.reason)
            if col == self.OPERATIONS:
                return (
                    fmt.number(sum(s.audit_entries for s in i.sessions), 0) if i.readable else "—"
                )
            if col == self.SESSIONS:
                if not i.readable:
                    return self.tr("illisible")
                if not i.sessions:
                    return self.tr("aucune session")
                return " ; ".join(s.title for s in i.sessions)
            if col == self.SIZE:
                return size_text(i.size)
            if col == self.PLACE:
                return (
                    self.tr("second dossier")
                    if i.location == "secondaire"
                    else self.tr("à côté de la base")
                )
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(i.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.SIZE, self.OPERATIONS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not i.readable:
            return solid(theme.C.error)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled
        if self._items[index.row()].readable:
            base |= Qt.ItemFlag.ItemIsSelectable
        return base


class SnapshotsDialog(QDialog):
    """« Instantanés » : the list, « Prendre un instantané maintenant », « Restaurer… ».

    It does no work itself: ``snapshotRequested`` asks the controller for a snapshot
    (the list is then given again with :meth:`set_items`); « Restaurer… » asks for a
    confirmation and, if given, closes the dialog with :attr:`chosen` set.
    """

    snapshotRequested = Signal()

    def __init__(
        self,
        db_path: Path,
        items: Sequence[Any],
        secondary: Path | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.chosen: Any = None
        self.setWindowTitle(self.tr("Instantanés de la base"))
        self.setAccessibleName(self.tr("Instantanés de la base"))
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Une copie cohérente de la base est prise après chaque audition, avant chaque export "
                "et avant chaque restauration ; les dix dernières sont gardées. Base : « {db} »."
            ).format(db=str(self.db_path))
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.secondary_label = QLabel(
            self.tr("Second dossier : « {dir} ».").format(dir=str(secondary))
            if secondary
            else self.tr("Aucun second dossier (clé USB) : réglez-le dans les Préférences.")
        )
        self.secondary_label.setObjectName("hint")
        self.secondary_label.setWordWrap(True)
        lay.addWidget(self.secondary_label)
        self.model = SnapshotsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(
            self.tr("Liste des instantanés, du plus récent au plus ancien")
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            SnapshotsModel.SESSIONS, QHeaderView.ResizeMode.Stretch
        )
        self.table.setMinimumSize(860, 300)
        self.table.setWordWrap(False)
        lay.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("Aucun instantané pour l’instant."))
        self.empty.setObjectName("hint")
        lay.addWidget(self.empty)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        lay.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.take_button = QPushButton(self.tr("&Prendre un instantané maintenant"))
        self.restore_button = QPushButton(self.tr("&Restaurer…"))
        self.restore_button.setAccessibleName(self.tr("Restaurer l’instantané choisi"))
        buttons.addButton(self.take_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Fermer"))
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.take_button.clicked.connect(self.snapshotRequested)
        self.restore_button.clicked.connect(self.request_restore)
        self.table.doubleClicked.connect(self.request_restore)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.set_items(items)
        self.table.setFocus()

    def set_items(self, items: Sequence[Any]) -> None:
        self.model.set_items(items)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(
            SnapshotsModel.SESSIONS, QHeaderView.ResizeMode.Stretch
        )
        self.empty.setVisible(not items)
        first = next((r for r in range(self.model.rowCount()) if self.model.info(r).readable), None)
        if first is not None:
            self.table.selectRow(first)
        self._selection_changed()

    def show_message(self, text: str, warning: bool = False) -> None:
        self.message.setObjectName("refusal" if warning else "hint")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)
        self.message.show()

    def selected(self) -> SnapshotInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.info(rows[0].row()) if rows else None

    @Slot()
    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    @Slot()
    def request_restore(self) -> None:
        info = self.selected()
        if info is None or not info.readable:
            return
        if confirm_restore(self, info):
            self.chosen = info
            self.accept()


def confirm_restore(parent: QWidget | None, info: SnapshotInfo) -> bool:
    from jury_desk.ui import dialogs

    return dialogs.confirm(
        parent,
        QCoreApplication.translate("Maintenance", "Restaurer un instantané"),
        QCoreApplication.translate(
            "Maintenance",
            "Restaurer l’instantané du {when} ({reason}) ?\n\n"
            "Un instantané de l’état actuel est pris d’abord (« avant restauration ») : la "
            "restauration pourra elle-même être annulée. Ce qui a été saisi depuis cet instantané "
            "disparaît de la base ; la séance reprend ensuite là où l’instantané l’avait laissée.",
        ).format(when=when_text(info), reason=wording.snapshot_reason(info.reason)),
        QCoreApplication.translate("Maintenance", "Restaurer"),
    )


# --------------------------------------------------------------------------- purge


class PurgeDialog(QDialog):
    """What the purge erases, then « Tapez EFFACER » to enable « Effacer définitivement »."""

    def __init__(self, status: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Effacer les données de cette base"))
        self.setAccessibleName(self.tr("Effacer les données de cette base"))
        self.word = self.tr("EFFACER")
        lay = QVBoxLayout(self)
        head = QLabel(
            self.tr(
                "Toutes les données personnelles de la base « {db} » vont être effacées "
                "définitivement."
            ).format(db=str(status.db_path))
        )
        head.setObjectName("sectionTitle")
        head.setWordWrap(True)
        lay.addWidget(head)
        sessions = [
            ("– " + s.title + (self.tr(" (démonstration)") if s.is_demo else ""))
            for s in status.sessions
        ]
        body = QLabel(
            "\n".join(
                [
                    self.tr("Sessions :"),
                    *(sessions or [self.tr("– aucune session lisible")]),
                    "",
                    self.tr(
                        "Sont effacés : la base (notes, commentaires, avis, présences, journal d’audit), les "
                        "pièces jointes, les instantanés (y compris sur le second dossier) et {n} fichier(s) "
                        "d’export écrit(s) par jury_desk."
                    ).format(n=len(status.export_files)),
                    self.tr(
                        "Sont conservés : la clé de signature, les clés de confiance, les préférences et le "
                        "journal technique (qui ne contient aucun nom)."
                    ),
                    self.tr(
                        "Sur un SSD, l’effacement est « au mieux » : seul le chiffrement du disque (BitLocker) "
                        "protège des blocs résiduels."
                    ),
                ]
            )
        )
        body.setWordWrap(True)
        lay.addWidget(body)
        ask = QLabel(self.tr("Pour confirmer, tapez {word} :").format(word=self.word))
        lay.addWidget(ask)
        self.entry = QLineEdit()
        self.entry.setAccessibleName(self.tr("Mot de confirmation"))
        ask.setBuddy(self.entry)
        lay.addWidget(self.entry)
        buttons = QDialogButtonBox()
        self.erase_button = buttons.addButton(
            self.tr("Effacer définitivement"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.erase_button.setEnabled(False)
        self.erase_button.setAutoDefault(False)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Annuler"))
        cancel.setDefault(True)
        self.erase_button.clicked.connect(self._erase)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.entry.textChanged.connect(self._typed)
        self.entry.setFocus()

    def confirmed(self) -> bool:
        return self.entry.text().strip() == self.word

    @Slot(str)
    def _typed(self, _text: str) -> None:
        self.erase_button.setEnabled(self.confirmed())

    @Slot()
    def _erase(self) -> None:
        if self.confirmed():
            self.accept()


def ask_purge(parent: QWidget | None, status: PurgeStatus) -> bool:
    """The strong confirmation; tests replace this function."""
    dlg = PurgeDialog(status, parent)
    return dlg.exec() == QDialog.DialogCode.Accepted and dlg.confirmed()


def purge_report_text(report: PurgeReport) -> tuple[str, str]:
    """(summary, details) of a ``privacy.PurgeReport``, in the UI's language."""
    summary = QCoreApplication.translate(
        "Maintenance", "Données effacées : {files} fichier(s), dont {exports} export(s)."
    ).format(files=report.files_removed, exports=len(report.exports_removed))
    lines: list[str] = []
    if report.failures:
        summary = (
            QCoreApplication.translate(
                "Maintenance",
                "Effacement incomplet : certains fichiers n’ont pas pu être effacés. "
                "Supprimez-les à la main.",
            )
            + "\n"
            + summary
        )
        lines += [
            QCoreApplication.translate("Maintenance", "Non effacé : « {path} » — {why}").format(
                path=str(p), why=wording.problem(why)
            )
            for p, why in report.failures
        ]
    lines += [
        QCoreApplication.translate("Maintenance", "Conservé : « {path} » — {why}").format(
            path=str(p), why=wording.problem(why)
        )
        for p, why in report.kept
    ]
    return summary, "\n".join(lines)


def show_purge_report(parent: QWidget | None, report: PurgeReport) -> None:
    """The outcome: failures and kept files in full (tests replace this function)."""
    from jury_desk.ui import dialogs

    summary, details = purge_report_text(report)
    if dialogs.HEADLESS:
        return
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if report.failures else QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("Maintenance", "Effacement des données"))
    box.setText(summary)
    if details:
        box.setInformativeText(details)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()
