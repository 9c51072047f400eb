"""The scoring grid of the secretary's console: keyboard first.

Type a value in the current cell (« 3 », « 3,5 » or « 3.5 »): each keystroke is checked
against the criterion's scale and step, and a character that cannot lead to an
admitted value is refused. Enter records the value and moves down the juror's sheet
(then to the next juror's first criterion); Tab moves to the next juror on the same
criterion; Shift+Tab goes back; arrows move; Delete clears the value (audited).
Cells of absent or recused jurors are greyed with the reason and skipped.
"""

from __future__ import annotations

from fractions import Fraction

from jury_desk.core.domain import Criterion, decimal_text
from jury_desk.core.score_input import Judgement, Reason, Verdict, judge
from jury_desk.qt.core import (
    QAbstractItemModel,
    QCoreApplication,
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
)
from jury_desk.qt.widgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QBoxLayout,
    QCheckBox,
    QGridLayout,
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
from jury_desk.ui.announce import announce
from jury_desk.ui.models import Roles, ScoringGridModel, scale_text

Index = QModelIndex | QPersistentModelIndex


def reason_text(j: Judgement, c: Criterion) -> str:
    """Why a text cannot be recorded, in words (the scale included)."""
    words = {
        Reason.NOT_A_NUMBER: QCoreApplication.translate("ScoreDelegate", "ce n’est pas un nombre"),
        Reason.INCOMPLETE: QCoreApplication.translate("ScoreDelegate", "valeur incomplète"),
        Reason.BELOW_MIN: QCoreApplication.translate("ScoreDelegate", "en dessous du minimum"),
        Reason.ABOVE_MAX: QCoreApplication.translate("ScoreDelegate", "au-dessus du maximum"),
        Reason.OFF_STEP: QCoreApplication.translate("ScoreDelegate", "pas un multiple du pas"),
        Reason.NONE: "",
    }[j.reason]
    return QCoreApplication.translate("ScoreDelegate", "{why} ; « {criterion} » : {scale}").format(
        why=words, criterion=c.label, scale=scale_text(c)
    )


class ScoreEditor(QLineEdit):
    """The cell being typed: keeps every keystroke; marks the text valid, partial or refused.

    The verdict comes from :mod:`jury_desk.core.score_input`; nothing is ever removed
    from what was typed, so what is recorded is what is shown.
    """

    judged = Signal(object)  # Judgement

    def __init__(self, criterion: Criterion | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.criterion = criterion
        self.setProperty("verdict", "")
        self.textChanged.connect(self._judge)

    def judgement(self) -> Judgement:
        if self.criterion is None:
            return judge("", _NO_CRITERION)
        return judge(self.text(), self.criterion)

    def _judge(self, _text: str) -> None:
        j = self.judgement()
        verdict = {Verdict.REFUSED: "refused", Verdict.PARTIAL: "partial"}.get(j.verdict, "")
        if self.property("verdict") != verdict:
            self.setProperty("verdict", verdict)
            self.style().unpolish(self)
            self.style().polish(self)
        self.judged.emit(j)


_NO_CRITERION = Criterion("", "", "", Fraction(1), Fraction(0), Fraction(1), Fraction(1))

_MOVES = {
    Qt.Key.Key_Up: QAbstractItemView.CursorAction.MoveUp,
    Qt.Key.Key_Down: QAbstractItemView.CursorAction.MoveDown,
    Qt.Key.Key_Left: QAbstractItemView.CursorAction.MoveLeft,
    Qt.Key.Key_Right: QAbstractItemView.CursorAction.MoveRight,
}


class ScoreDelegate(QStyledItemDelegate):
    """The cell editor; in blind mode paints « saisi » / « à saisir » instead of values.

    Enter, Tab and the arrows record the text only when it is a complete admitted value;
    otherwise nothing is recorded, the text stays as typed, the cursor stays on the cell
    and the reason is said (``message``) until the text is corrected or Escape pressed.
    """

    message = Signal(str)
    refused = Signal(str)  # the reason of a refused Enter/Tab/arrow, to announce
    move = Signal(object, bool)  # after a commit: CursorAction | "down" | "tab", forward

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        model = index.model()
        criterion = model.criterion(index.row()) if isinstance(model, ScoringGridModel) else None
        editor = ScoreEditor(criterion, parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        editor.setFrame(False)
        if isinstance(model, ScoringGridModel) and criterion is not None:
            j = model.juror(index.column())
            editor.setAccessibleName(
                self.tr("Note de {juror} pour « {criterion} »").format(
                    juror=j.name, criterion=criterion.label
                )
            )
            hint = self.tr("{criterion} : {scale}").format(
                criterion=criterion.label, scale=scale_text(criterion)
            )
            editor.setToolTip(hint)
            editor.setAccessibleDescription(hint)
            editor.judged.connect(lambda jd, e=editor: self._on_judged(e, jd))
        return editor

    def _on_judged(self, editor: ScoreEditor, j: Judgement) -> None:
        if editor.criterion is None:
            return
        if j.verdict is Verdict.REFUSED:
            text = self.tr("Refusé — « {text} » : {why}").format(
                text=editor.text().strip(), why=reason_text(j, editor.criterion)
            )
            editor.setAccessibleDescription(text)
            self.message.emit(text)
        else:
            editor.setAccessibleDescription(editor.toolTip())
            self.message.emit("")

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QLineEdit) and not editor.text():
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, ScoreEditor):
            j = editor.judgement()
            if j.verdict is Verdict.VALID and j.value is not None:
                # The exact number typed, written plainly (« ,5 » → « 0.5 »).
                model.setData(index, decimal_text(j.value), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (
            isinstance(obj, ScoreEditor)
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
        ):
            key = event.key()
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                how: object = "down"
            elif key == Qt.Key.Key_Tab:
                how = "tab"
            elif key == Qt.Key.Key_Backtab:
                how, shift = "tab", True
            elif key in _MOVES and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                how = _MOVES[Qt.Key(key)]
            else:
                return super().eventFilter(obj, event)
            j = obj.judgement()
            if j.verdict in (Verdict.PARTIAL, Verdict.REFUSED) and obj.criterion is not None:
                text = self.tr(
                    "Non enregistré — « {text} » : {why}. Corrigez, ou Échap pour annuler."
                ).format(text=obj.text().strip(), why=reason_text(j, obj.criterion))
                obj.setAccessibleDescription(text)
                self.message.emit(text)
                self.refused.emit(text)
                return True  # the cursor stays on the cell; the previous value stays
            if j.verdict is Verdict.VALID:
                # Commit now rather than through Qt's queued call: the next keystroke,
                # however fast, lands in the next cell.
                self.commitData.emit(obj)
            self.closeEditor.emit(obj, QAbstractItemDelegate.EndEditHint.NoHint)
            self.move.emit(how, not shift)
            return True
        return super().eventFilter(obj, event)

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        model = index.model()
        if isinstance(model, ScoringGridModel) and model.masked:
            # Blind: the console says only whether a value was entered, never which.
            status = index.data(Roles.State)
            if status in ("saved", "error"):
                option.text = self.tr("saisi")
            elif status == "empty":
                option.text = self.tr("à saisir")

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
    blockedInput = Signal(QModelIndex)  # a key typed on a cell that takes no input

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setTabKeyNavigation(False)  # Tab leaves the grid; arrows move in it
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

    def after_commit(self, how: object, forward: bool) -> None:
        """Where the cursor goes once the editor closed (see ``ScoreDelegate.move``)."""
        if how == "down":
            self.go(self.step(down=True, forward=forward))
        elif how == "tab":
            self.setFocus()
            self.focusNextPrevChild(forward)  # Tab leaves the grid, like every table
        elif isinstance(how, QAbstractItemView.CursorAction):
            self.go(self.moveCursor(how, Qt.KeyboardModifier.NoModifier))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.state() != QAbstractItemView.State.EditingState:
            cur = self.currentIndex()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.go(
                    self.step(
                        down=True, forward=not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                    )
                )
                return
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and cur.isValid():
                self.clearRequested.emit(cur)
                return
            text = event.text()
            if (
                cur.isValid()
                and text
                and text.isprintable()
                and not text.isspace()
                and not event.modifiers()
                & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
                and not self.model().flags(cur) & Qt.ItemFlag.ItemIsEditable
            ):
                self.blockedInput.emit(cur)  # say why, rather than ignore it silently
                return
        super().keyPressEvent(event)


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
        # Title and commands side by side; the commands go under the title when the
        # text is large (reflow at 200 %).
        bar = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._bar = bar
        commands = QGridLayout()
        self._commands = commands
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
        self.reveal = QPushButton(self.tr("Révéler les notes…"))
        self.reveal.setAccessibleName(self.tr("Révéler les notes"))
        self.undo_button = QToolButton()
        self.deport_button = QToolButton()
        self.validate_button = QToolButton()
        commands.setColumnStretch(3, 1)
        bar.addLayout(commands)
        lay.addLayout(bar)
        self._reflow()
        self.summary = QLabel("")
        self.summary.setObjectName("hint")
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)

        split = QSplitter(Qt.Orientation.Vertical)
        self.table = ScoreTable()
        self.table.setAccessibleName(
            self.tr("Grille de notation : critères en lignes, jurés en colonnes")
        )
        self.delegate = ScoreDelegate(self.table)
        self.table.setItemDelegate(self.delegate)
        self.delegate.move.connect(self.table.after_commit)
        theme.scaled(self.table, 1.25)
        # The headers keep the text size of the rest of the console (names, criteria).
        theme.scaled(self.table.horizontalHeader(), 1.0)
        theme.scaled(self.table.verticalHeader(), 1.0)
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
        # No fixed name: a screen reader reads the message itself (« Refusé — … »).
        self.message.setAccessibleDescription(self.tr("Message de saisie"))
        lay.addWidget(self.message)
        help_text = QLabel(
            self.tr(
                "Saisir une valeur puis Entrée (critère suivant) ; flèches pour se déplacer "
                "(la valeur tapée est enregistrée) ; Échap annule la frappe ; Suppr efface ; "
                "Ctrl+Z annule la dernière saisie ; Ctrl+D enregistre un déport ; "
                "Ctrl+Maj+V valide les feuilles complètes ; Tab quitte la grille."
            )
        )
        help_text.setObjectName("hint")
        help_text.setWordWrap(True)
        lay.addWidget(help_text)
        self.delegate.message.connect(self.show_message)
        self.delegate.refused.connect(self._refused)

    def _reflow(self) -> None:
        stacked = theme.current_scale() >= 1.5
        self._bar.setDirection(
            QBoxLayout.Direction.TopToBottom if stacked else QBoxLayout.Direction.LeftToRight
        )
        # Two rows beside the title (the blind mode; then the commands on values), or
        # rows of two under the title when the text is large: never wider than a laptop.
        rows = (
            (
                (self.blind, self.reveal),
                (self.undo_button, self.deport_button, self.validate_button),
            )
            if not stacked
            else (
                (self.blind, self.reveal),
                (self.undo_button, self.deport_button),
                (self.validate_button,),
            )
        )
        for r, row in enumerate(rows):
            for c, b in enumerate(row):
                self._commands.removeWidget(b)
                self._commands.addWidget(b, r, c)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._reflow()
        super().changeEvent(event)

    def set_model(self, model: ScoringGridModel) -> None:
        self.table.setModel(model)
        model.invalidValue.connect(self.show_message)

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def _refused(self, text: str) -> None:
        announce(self.message, text, assertive=True)

    def say(self, text: str, *, assertive: bool = False) -> None:
        """Show a message and have the screen reader speak it."""
        self.show_message(text)
        announce(self.message, text, assertive=assertive)

    def set_actions(self, undo: object, deport: object, validate: object) -> None:
        from jury_desk.qt.gui import QAction

        assert isinstance(undo, QAction) and isinstance(deport, QAction)
        assert isinstance(validate, QAction)
        self.undo_button.setDefaultAction(undo)
        self.deport_button.setDefaultAction(deport)
        self.validate_button.setDefaultAction(validate)

    def shortcut_text(self, seq: QKeySequence) -> str:
        return seq.toString(QKeySequence.SequenceFormat.NativeText)
