"""The scoring grid of the secretary's console: keyboard first.

Type a value in the current cell (« 3 », « 3,5 » or « 3.5 »): each keystroke is checked
against the criterion's scale and step, and a character that cannot lead to an
admitted value is refused. Enter records the value and moves down the juror's sheet
(then to the next juror's first criterion); Tab moves to the next juror on the same
criterion; Shift+Tab goes back; arrows move; Delete clears the value (audited).
Cells of absent or recused jurors are greyed with the reason and skipped.
"""

from __future__ import annotations

from jury_desk.core.domain import Criterion
from jury_desk.core.state import format_value
from jury_desk.qt.core import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from jury_desk.qt.gui import (
    QColor,
    QFocusEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
    QPen,
    QValidator,
)
from jury_desk.qt.widgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from jury_desk.ui import theme
from jury_desk.ui.models import Roles, ScoringGridModel, parse_value, scale_text

Index = QModelIndex | QPersistentModelIndex


class ScoreValidator(QValidator):
    """Acceptable: an admitted value (or empty). Intermediate: the start of one. Else Invalid."""

    def __init__(self, criterion: Criterion, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.criterion = criterion
        texts: set[str] = set()
        for v in criterion.allowed_values():
            t = format_value(v)
            texts.add(t)
            texts.add(t.replace(",", "."))
        self._texts = texts

    def validate(self, text: str, pos: int) -> object:
        s = text.strip()
        if not s:
            return QValidator.State.Acceptable
        value = parse_value(s)
        if value is not None and self.criterion.is_valid(value) and not s.endswith((",", ".")):
            return QValidator.State.Acceptable
        if any(t.startswith(s) for t in self._texts):
            return QValidator.State.Intermediate
        if s.endswith((",", ".")) and value is not None and self.criterion.is_valid(value):
            return QValidator.State.Intermediate  # « 5, » on the way to « 5,0 »
        return QValidator.State.Invalid


class ScoreEditor(QLineEdit):
    pass


class ScoreDelegate(QStyledItemDelegate):
    """A line edit with the criterion's validator; paints the saved mark and the focus frame."""

    message = Signal(str)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        model = index.model()
        editor = ScoreEditor(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        editor.setFrame(False)
        if isinstance(model, ScoringGridModel):
            c = model.criterion(index.row())
            j = model.juror(index.column())
            editor.setValidator(ScoreValidator(c, editor))
            editor.setAccessibleName(
                self.tr("Note de {juror} pour « {criterion} »").format(
                    juror=j.name, criterion=c.label
                )
            )
            hint = self.tr("{criterion} : {scale}").format(criterion=c.label, scale=scale_text(c))
            editor.setToolTip(hint)
            editor.inputRejected.connect(
                lambda: self.message.emit(self.tr("Refusé — {hint}").format(hint=hint))
            )
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QLineEdit) and not editor.text():
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (
            isinstance(obj, QLineEdit)
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
        ):
            key = event.key()
            if (
                key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
                and not obj.hasAcceptableInput()
            ):
                self.message.emit(self.tr("Valeur incomplète — {hint}").format(hint=obj.toolTip()))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                # Commit now rather than through Qt's queued call: the next keystroke,
                # however fast, lands in the next cell.
                self.commitData.emit(obj)
                self.closeEditor.emit(obj, QAbstractItemDelegate.EndEditHint.SubmitModelCache)
                return True
        return super().eventFilter(obj, event)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        status = index.data(Roles.State)
        painter.save()
        if status == "saved":
            painter.setPen(QColor(theme.C.ok))
            f = painter.font()
            f.setPointSizeF(f.pointSizeF() * 0.8)
            f.setBold(True)
            painter.setFont(f)
            r = option.rect.adjusted(0, 2, -6, 0)
            painter.drawText(r, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), "✓")
        if option.state & QStyle.StateFlag.State_HasFocus:
            pen = QPen(QColor(theme.C.accent))
            pen.setWidth(3)
            painter.setPen(pen)
            painter.drawRect(QRect(option.rect).adjusted(1, 1, -2, -2))
        painter.restore()


class ScoreTable(QTableView):
    """Moves like a paper sheet; only the model decides what is saved."""

    clearRequested = Signal(QModelIndex)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setTabKeyNavigation(True)
        self.setWordWrap(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.horizontalHeader().setHighlightSections(False)
        self.verticalHeader().setHighlightSections(False)
        # A calm selection: light fill, the focus frame (ScoreDelegate) marks the cell.
        pal = self.palette()
        pal.setColor(QPalette.ColorRole.Highlight, QColor(theme.C.highlight_bg))
        pal.setColor(QPalette.ColorRole.HighlightedText, QColor(theme.C.text))
        self.setPalette(pal)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )

    # -- navigation in sheet order, skipping the jurors who do not score

    def _grid(self) -> ScoringGridModel | None:
        m = self.model()
        return m if isinstance(m, ScoringGridModel) else None

    def _available(self, col: int) -> bool:
        m = self._grid()
        return m is not None and m.is_available(col)

    def step(self, down: bool, forward: bool = True) -> QModelIndex:
        """The next cell: ``down`` along a juror's sheet, else across jurors."""
        m = self._grid()
        if m is None or not m.rowCount() or not m.columnCount():
            return QModelIndex()
        rows, cols = m.rowCount(), m.columnCount()
        cur = self.currentIndex()
        r, c = (cur.row(), cur.column()) if cur.isValid() else (0, 0)
        n = rows * cols
        # Linear position in the chosen order; walk until an available cell.
        pos = c * rows + r if down else r * cols + c
        for _ in range(n):
            pos = (pos + (1 if forward else -1)) % n
            rr, cc = (pos % rows, pos // rows) if down else (pos // cols, pos % cols)
            if self._available(cc):
                return m.index(rr, cc)
        return cur

    def first_open_cell(self) -> QModelIndex:
        """The first cell to type in: first empty available cell in sheet order."""
        m = self._grid()
        if m is None:
            return QModelIndex()
        for c in range(m.columnCount()):
            if not m.is_available(c):
                continue
            for r in range(m.rowCount()):
                if m.index(r, c).data(Roles.State) == "empty":
                    return m.index(r, c)
        for c in range(m.columnCount()):
            if m.is_available(c):
                return m.index(0, c)
        return m.index(0, 0) if m.rowCount() and m.columnCount() else QModelIndex()

    def go(self, index: QModelIndex) -> None:
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        H = QAbstractItemDelegate.EndEditHint
        if hint == H.EditNextItem:
            super().closeEditor(editor, H.NoHint)
            self.go(self.step(down=False))
        elif hint == H.EditPreviousItem:
            super().closeEditor(editor, H.NoHint)
            self.go(self.step(down=False, forward=False))
        elif hint == H.SubmitModelCache:
            super().closeEditor(editor, H.NoHint)
            self.go(self.step(down=True))
        else:
            super().closeEditor(editor, hint)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.state() != QAbstractItemView.State.EditingState:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.go(
                    self.step(
                        down=True, forward=not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                    )
                )
                return
            if key == Qt.Key.Key_Tab:
                self.go(self.step(down=False))
                return
            if key == Qt.Key.Key_Backtab:
                self.go(self.step(down=False, forward=False))
                return
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.currentIndex().isValid():
                self.clearRequested.emit(self.currentIndex())
                return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        # Tab stays in the grid (moving between cells); Ctrl+Tab leaves it.
        return False


class CommentBox(QPlainTextEdit):
    """A juror's comment; saved on Ctrl+Enter and when the focus leaves."""

    submit = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.submit.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.submit.emit()
            parent = self.parentWidget()
            if parent is not None:
                parent.setFocus()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.submit.emit()
        super().focusOutEvent(event)


class ScoringGridView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Notation"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        bar = QHBoxLayout()
        self.title = QLabel("")
        self.title.setObjectName("dossierTitle")
        self.title.setWordWrap(True)
        theme.scaled(self.title, 1.2, bold=True)
        bar.addWidget(self.title, 1)
        self.blind = QCheckBox(self.tr("Notation à l’&aveugle"))
        self.blind.setAccessibleName(self.tr("Notation à l’aveugle"))
        self.blind.setToolTip(
            self.tr(
                "Les valeurs sont masquées dès leur saisie, ici comme sur l’écran "
                "partagé, jusqu’à leur révélation en délibération."
            )
        )
        bar.addWidget(self.blind)
        self.reveal = QPushButton(self.tr("Révéler les notes…"))
        self.reveal.setAccessibleName(self.tr("Révéler les notes"))
        bar.addWidget(self.reveal)
        self.undo_button = QToolButton()
        self.deport_button = QToolButton()
        bar.addWidget(self.undo_button)
        bar.addWidget(self.deport_button)
        lay.addLayout(bar)
        self.summary = QLabel("")
        self.summary.setObjectName("hint")
        lay.addWidget(self.summary)

        split = QSplitter(Qt.Orientation.Vertical)
        self.table = ScoreTable()
        self.table.setAccessibleName(
            self.tr("Grille de notation : critères en lignes, jurés en colonnes")
        )
        self.delegate = ScoreDelegate(self.table)
        self.table.setItemDelegate(self.delegate)
        theme.scaled(self.table, 1.25)
        split.addWidget(self.table)
        comment_box = QWidget()
        cl = QVBoxLayout(comment_box)
        cl.setContentsMargins(0, 4, 0, 0)
        head = QHBoxLayout()
        self.comment_label = QLabel(self.tr("Commentaire"))
        self.comment_label.setObjectName("sectionTitle")
        head.addWidget(self.comment_label, 1)
        self.comment_state = QLabel("")
        self.comment_state.setObjectName("hint")
        head.addWidget(self.comment_state)
        cl.addLayout(head)
        self.comment = CommentBox()
        self.comment.setAccessibleName(self.tr("Commentaire du juré"))
        self.comment.setPlaceholderText(
            self.tr("Commentaire du juré sur ce dossier (Ctrl+Entrée pour enregistrer)")
        )
        self.comment.setTabChangesFocus(True)
        self.comment_label.setBuddy(self.comment)
        cl.addWidget(self.comment)
        split.addWidget(comment_box)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        lay.addWidget(split, 1)
        self.message = QLabel("")
        self.message.setObjectName("hint")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message de saisie"))
        lay.addWidget(self.message)
        help_text = QLabel(
            self.tr(
                "Saisir une valeur puis Entrée (critère suivant) ou Tab (juré suivant) ; "
                "flèches pour se déplacer ; Suppr efface ; Ctrl+Z annule la dernière saisie ; "
                "Ctrl+D enregistre un déport."
            )
        )
        help_text.setObjectName("hint")
        help_text.setWordWrap(True)
        lay.addWidget(help_text)
        self.delegate.message.connect(self.show_message)

    def set_model(self, model: ScoringGridModel) -> None:
        self.table.setModel(model)
        model.invalidValue.connect(self.show_message)

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def set_actions(self, undo: object, deport: object) -> None:
        from jury_desk.qt.gui import QAction

        assert isinstance(undo, QAction) and isinstance(deport, QAction)
        self.undo_button.setDefaultAction(undo)
        self.deport_button.setDefaultAction(deport)

    def shortcut_text(self, seq: QKeySequence) -> str:
        return seq.toString(QKeySequence.SequenceFormat.NativeText)
