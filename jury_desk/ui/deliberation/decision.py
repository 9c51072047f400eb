"""The jury's decision: its list of laureates, the reasons, the opinions and notes.

:class:`DecisionPanel` edits the list against the rules' proposal (every departure
asks for a justification, in the same row); :class:`OpinionsPanel` holds the
reasoned opinion sent to each holder and the deliberation notes;
:class:`ReasonDialog` asks for the written reason of a reopening.
"""

from __future__ import annotations

from jury_desk.core import fmt
from jury_desk.qt.core import (
    QAbstractItemModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from jury_desk.qt.gui import QKeySequence
from jury_desk.qt.widgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from jury_desk.ui.deliberation.controller import Snapshot
from jury_desk.ui.deliberation.models import (
    DOSSIER_ID_ROLE,
    DecisionModel,
    RankingModel,
    check_state,
)

Index = QModelIndex | QPersistentModelIndex

FRENCH = QLocale(QLocale.Language.French, QLocale.Country.France)


class AmountDelegate(QStyledItemDelegate):
    """Euros with a French spin box (« 12 500,00 € »)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        box = QDoubleSpinBox(parent)
        box.setLocale(FRENCH)
        box.setDecimals(2)
        box.setRange(0, 99_999_999)
        box.setSingleStep(500)
        box.setGroupSeparatorShown(True)
        box.setSuffix("\u00a0€")
        box.setAccessibleName(self.tr("Montant accordé en euros"))
        return box

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QDoubleSpinBox)
        editor.setValue(float(index.data(Qt.ItemDataRole.EditRole) or 0))
        editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QDoubleSpinBox)
        editor.interpretText()
        model.setData(index, round(editor.value(), 2), Qt.ItemDataRole.EditRole)


class JustificationDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        edit = QLineEdit(parent)
        edit.setMaxLength(2000)
        edit.setPlaceholderText(self.tr("Écrivez la justification, puis Entrée"))
        edit.setAccessibleName(self.tr("Justification ou motif"))
        return edit

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class DecisionPanel(QWidget):
    """The jury's list against the rules' proposal, one row per dossier."""

    resetRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DecisionModel(self)
        self._snap: Snapshot | None = None

        self.help = QLabel(
            self.tr(
                "Cochez les lauréats (Espace), F2 ou Entrée pour modifier un montant ou écrire une "
                "justification. Tout écart à la proposition des règles doit être justifié."
            ),
            self,
        )
        self.help.setWordWrap(True)

        self.table = QTableView(self)
        self.table.setObjectName("decisionTable")
        self.table.setAccessibleName(
            self.tr("Décision du jury : lauréats, montants et justifications")
        )
        self.table.setModel(self.model)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setStyleSheet(
            "QTableView#decisionTable::indicator { width: 22px; height: 22px; }"
        )
        self.table.setItemDelegateForColumn(DecisionModel.GRANTED, AmountDelegate(self.table))
        self.table.setItemDelegateForColumn(
            DecisionModel.JUSTIFICATION, JustificationDelegate(self.table)
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(20)  # a screenful of rows, not every dossier
        header.setSectionResizeMode(DecisionModel.DOSSIER, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(DecisionModel.JUSTIFICATION, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._activated)

        self.summary = QLabel(self)
        self.summary.setObjectName("decisionSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)

        self.reset_button = QPushButton(self.tr("Re&venir à la proposition des règles"), self)
        self.reset_button.setToolTip(
            self.tr("Reprend la liste de la proposition par défaut (Ctrl+Maj+P)")
        )
        self.reset_button.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.reset_button.clicked.connect(self.resetRequested)

        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.reset_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.help)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def set_snapshot(self, snap: Snapshot) -> None:
        first = self._snap is None
        self._snap = snap
        self.model.set_snapshot(snap)
        if first:
            self.table.resizeColumnToContents(DecisionModel.DOSSIER)
            self.table.setColumnWidth(
                DecisionModel.DOSSIER,
                min(
                    self.table.columnWidth(DecisionModel.DOSSIER),
                    max(260, self.fontMetrics().averageCharWidth() * 34),
                ),
            )
        self.reset_button.setEnabled(not snap.closed)
        open_ = sum(
            1
            for r in range(self.model.rowCount())
            if self.model.needs_justification(r)
            and not self.model.index(r, DecisionModel.JUSTIFICATION).data(Qt.ItemDataRole.EditRole)
        )
        text = self.tr("{n} lauréat(s) · accordé {total} · écarts à justifier : {open}").format(
            n=len(snap.decision.laureates),
            total=fmt.euros(snap.granted_total_cents, with_cents=False),
            open=open_,
        )
        if snap.closed:
            text += self.tr(" · délibération close")
        self.summary.setText(text)

    @Slot(QModelIndex)
    def _activated(self, index: QModelIndex) -> None:
        """Enter: tick the laureate column, or edit an editable cell."""
        if index.column() == DecisionModel.LAUREATE:
            state = index.data(Qt.ItemDataRole.CheckStateRole)
            if state is not None and self.model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable:
                checked = check_state(state) == Qt.CheckState.Checked
                self.model.setData(
                    index,
                    Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked,
                    Qt.ItemDataRole.CheckStateRole,
                )
        elif self.model.flags(index) & Qt.ItemFlag.ItemIsEditable:
            self.table.edit(index)

    def focus_dossier(
        self, dossier_id: str, column: int = DecisionModel.JUSTIFICATION, *, edit: bool = True
    ) -> bool:
        """Bring a dossier's cell forward (from a blocker); start editing it if it can be."""
        row = self.model.row_of(dossier_id)
        if row < 0:
            return False
        index = self.model.index(row, column)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        if edit and self.model.flags(index) & Qt.ItemFlag.ItemIsEditable:
            self.table.edit(index)
        return True


class OpinionsPanel(QWidget):
    """The reasoned opinion per dossier (sent to its holder) and the deliberation notes."""

    opinionSaved = Signal(str, str)  # dossier id, text
    notesSaved = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._snap: Snapshot | None = None
        self._current: str | None = None
        self._updating = False

        self.dossiers_model = RankingModel(self)
        self.dossiers = QListView(self)
        self.dossiers.setObjectName("opinionDossiers")
        self.dossiers.setAccessibleName(self.tr("Dossiers"))
        self.dossiers.setModel(self.dossiers_model)
        self.dossiers.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.opinion_label = QLabel(self)
        self.opinion_label.setWordWrap(True)
        self.opinion = QPlainTextEdit(self)
        self.opinion.setObjectName("opinionEdit")
        self.opinion.setAccessibleName(self.tr("Avis motivé du jury, adressé au porteur"))
        self.opinion.setPlaceholderText(
            self.tr("Avis motivé du jury sur ce dossier, tel qu'il sera envoyé au porteur.")
        )
        self.opinion.setTabChangesFocus(True)
        self.opinion_label.setBuddy(self.opinion)
        self.save_opinion = QPushButton(self.tr("Enregis&trer l'avis"), self)
        self.save_opinion.setToolTip(self.tr("Enregistre l'avis de ce dossier (Ctrl+Entrée)"))
        self.save_opinion.setShortcut(QKeySequence("Ctrl+Return"))
        self.save_opinion.clicked.connect(self.commit_opinion)

        notes_label = QLabel(self.tr("Notes de délibération (au procès-&verbal)"), self)
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("notesEdit")
        self.notes.setAccessibleName(self.tr("Notes de délibération"))
        self.notes.setTabChangesFocus(True)
        notes_label.setBuddy(self.notes)
        self.save_notes = QPushButton(self.tr("Enre&gistrer les notes"), self)
        self.save_notes.setToolTip(
            self.tr("Enregistre les notes de délibération (Ctrl+Maj+Entrée)")
        )
        self.save_notes.setShortcut(QKeySequence("Ctrl+Shift+Return"))
        self.save_notes.clicked.connect(self.commit_notes)

        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.opinion_label)
        rl.addWidget(self.opinion, 2)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_opinion)
        rl.addLayout(row)
        rl.addWidget(notes_label)
        rl.addWidget(self.notes, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_notes)
        rl.addLayout(row)

        split = QSplitter(self)
        split.addWidget(self.dossiers)
        split.addWidget(right)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

        self.dossiers.selectionModel().currentChanged.connect(self._dossier_changed)

    def set_snapshot(self, snap: Snapshot) -> None:
        self._snap = snap
        current = self._current
        target = current or (snap.result.results[0].dossier_id if snap.result.results else None)
        self._updating = True  # the list is rebuilt: not a change of dossier by the user
        try:
            self.dossiers_model.set_snapshot(snap)
            self.dossiers.setModelColumn(self.dossiers_model.column_of("dossier"))
            row = self.dossiers_model.row_of(target) if target else -1
            if row >= 0:
                self.dossiers.setCurrentIndex(
                    self.dossiers_model.index(row, self.dossiers_model.column_of("dossier"))
                )
        finally:
            self._updating = False
        if target is not None:
            self._show(target)  # keeps what is being typed for the same dossier
        editable = not snap.closed
        for w in (self.opinion, self.notes):
            w.setReadOnly(not editable)
        self.save_opinion.setEnabled(editable)
        self.save_notes.setEnabled(editable)
        if not self.notes.document().isModified():
            self.notes.setPlainText(snap.state.notes)
            self.notes.document().setModified(False)

    def select_dossier(self, dossier_id: str) -> None:
        row = self.dossiers_model.row_of(dossier_id)
        if row < 0:
            return
        index = self.dossiers_model.index(row, self.dossiers_model.column_of("dossier"))
        if self.dossiers.currentIndex() != index:
            self.dossiers.setCurrentIndex(index)
        else:
            self._show(dossier_id)

    @Slot(QModelIndex, QModelIndex)
    def _dossier_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._updating:
            return
        if self._current is not None and self.opinion.document().isModified():
            self.commit_opinion()
        did = current.data(DOSSIER_ID_ROLE) if current.isValid() else None
        if did:
            self._show(did)

    def _show(self, dossier_id: str) -> None:
        assert self._snap is not None
        if dossier_id == self._current and self.opinion.document().isModified():
            return  # keep what is being typed
        self._current = dossier_id
        d = self._snap.state.dossier(dossier_id)
        self.opinion_label.setText(
            self.tr("Avis &motivé sur {id} — {title} (adressé à {holder})").format(
                id=d.id, title=d.title.replace("&", "&&"), holder=d.holder_name.replace("&", "&&")
            )
        )
        self.opinion.setPlainText(self._snap.state.opinions.get(dossier_id, ""))
        self.opinion.document().setModified(False)

    @Slot()
    def commit_opinion(self) -> None:
        if self._current is None:
            return
        self.opinion.document().setModified(False)
        self.opinionSaved.emit(self._current, self.opinion.toPlainText())

    @Slot()
    def commit_notes(self) -> None:
        self.notes.document().setModified(False)
        self.notesSaved.emit(self.notes.toPlainText())

    def commit_pending(self) -> None:
        """Save what was typed and not yet saved (before closing)."""
        if self.opinion.document().isModified():
            self.commit_opinion()
        if self.notes.document().isModified():
            self.commit_notes()


class ReasonDialog(QDialog):
    """Asks for a written reason; OK stays disabled while the text is blank."""

    def __init__(
        self, title: str, prompt: str, ok_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        label = QLabel(prompt, self)
        label.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setAccessibleName(title)
        self.text.setTabChangesFocus(True)
        label.setBuddy(self.text)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(ok_text)
        ok.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        self.text.textChanged.connect(lambda: ok.setEnabled(bool(self.text.toPlainText().strip())))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.text)
        layout.addWidget(self.buttons)
        self.resize(640, 300)

    def reason(self) -> str:
        return self.text.toPlainText().strip()

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, prompt: str, ok_text: str) -> str | None:
        """The reason typed, or ``None`` when cancelled (tests replace this)."""
        dialog = cls(title, prompt, ok_text, parent)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.reason():
            return dialog.reason()
        return None
