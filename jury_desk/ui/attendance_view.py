"""Attendance at the opening (with the quorum) and the recusals of the session."""

from __future__ import annotations

import re

from jury_desk.qt.core import QEvent, QObject, Qt
from jury_desk.qt.widgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from jury_desk.ui import a11y, theme

_BREAKS = re.compile(r"\s+|(?<=-)")


def _section(title_text: str, hint_text: str) -> QVBoxLayout:
    """A column that opens with a section title and a hint."""
    column = QVBoxLayout()
    title = QLabel(title_text)
    title.setObjectName("sectionTitle")
    title.setWordWrap(True)  # at a large text size it wraps instead of widening the window
    theme.scaled(title, 1.15, bold=True)
    column.addWidget(title)
    hint = QLabel(hint_text)
    hint.setObjectName("hint")
    hint.setWordWrap(True)
    column.addWidget(hint)
    return column


class AttendanceView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Présences et déports"))
        lay = QHBoxLayout(self)
        left = _section(
            self.tr("Présence des jurés à l’ouverture"),
            self.tr(
                "Cochez les jurés présents (Espace coche ou décoche). Chaque changement est "
                "enregistré et journalisé."
            ),
        )
        self.list = QListView()
        self.list.setAccessibleName(self.tr("Liste des jurés et présence"))
        a11y.navigable(self.list)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setSpacing(2)
        # A juror's name and organisation wrap in the room the page gives the list,
        # instead of running out of sight behind a sideways scroll bar.
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left.addWidget(self.list, 1)
        self.quorum = QLabel("")
        a11y.caption(self.quorum, self.tr("Quorum"))
        self.quorum.setWordWrap(True)
        theme.scaled(self.quorum, 1.15, bold=True)
        left.addWidget(self.quorum)
        self.all_present = QPushButton(self.tr("Tous présents"))
        # The name says what the button shows; the longer sentence is its description.
        self.all_present.setAccessibleDescription(self.tr("Marquer tous les jurés présents"))
        left.addWidget(self.all_present)
        lay.addLayout(left, 2)

        right = _section(
            self.tr("Conflits d’intérêts et déports"),
            self.tr(
                "Les conflits viennent du paquet du siège ; les déports sont enregistrés en "
                "séance avec leur motif et leur heure."
            ),
        )
        self.recusals = QTableView()
        self.recusals.setAccessibleName(self.tr("Conflits d’intérêts et déports"))
        a11y.navigable(self.recusals)
        self.recusals.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.recusals.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.recusals.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.recusals.verticalHeader().hide()
        self.recusals.setWordWrap(True)
        self.recusals.horizontalHeader().setStretchLastSection(False)
        # Its widths follow the room it has (fit_recusal_columns): sized again with it.
        self.recusals.viewport().installEventFilter(self)
        right.addWidget(self.recusals, 1)
        buttons = QHBoxLayout()
        self.deport_button = QToolButton()
        self.withdraw = QPushButton(self.tr("Retirer le déport sélectionné"))
        self.withdraw.setAccessibleName(self.tr("Retirer le déport sélectionné"))
        buttons.addWidget(self.deport_button)
        buttons.addWidget(self.withdraw)
        buttons.addStretch(1)
        right.addLayout(buttons)
        lay.addLayout(right, 3)

    def finish_setup(self) -> None:
        """Once the recusals' model is set: its columns fitted now and at each change."""
        model = self.recusals.model()
        self.recusals.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for signal in (model.modelReset, model.rowsInserted, model.dataChanged):
            signal.connect(self.fit_recusal_columns)
        self.fit_recusal_columns()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.recusals.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_recusal_columns()
        return super().eventFilter(obj, event)

    def fit_recusal_columns(self, *_args: object) -> None:
        """Each column as wide as its title and its longest word, at the least; the room
        left shared in proportion to what each would need on one line. The text wraps
        within (rows as tall as their text), so that no juror, dossier or reason is cut
        on a laptop (the contents-sized columns left the dossier and the reason 30 px)."""
        table = self.recusals
        model = table.model()
        if model is None:
            return
        head = table.horizontalHeader()
        fm = table.fontMetrics()
        pad = 2 * (table.style().pixelMetric(table.style().PixelMetric.PM_FocusFrameHMargin) + 1)
        pad += 2 + (1 if table.showGrid() else 0)
        least: list[int] = []
        whole: list[int] = []
        for col in range(model.columnCount()):
            texts = [str(model.index(row, col).data() or "") for row in range(model.rowCount())]
            # Lines break at spaces and after hyphens (« Vasseur-|Lemoine »), as Qt wraps.
            words = [w for text in texts for w in _BREAKS.split(text) if w]
            title = head.sectionSizeHint(col)
            least.append(max([title] + [fm.horizontalAdvance(w) + pad for w in words]))
            whole.append(max([title] + [fm.horizontalAdvance(t) + pad for t in texts]))
        room = table.viewport().width()
        extra = [w - m for w, m in zip(whole, least, strict=True)]
        spare = room - sum(least)
        if spare >= sum(extra):  # all on one line: the rest to the widest needs
            widths = whole
            if whole:
                widths[whole.index(max(whole))] += spare - sum(extra)
        elif spare > 0:
            widths = [
                m + spare * e // max(1, sum(extra)) for m, e in zip(least, extra, strict=True)
            ]
        else:  # narrower than the least: it scrolls sideways rather than cut
            widths = least
        for col, width in enumerate(widths):
            if head.sectionSize(col) != width:
                head.resizeSection(col, width)
        table.resizeRowsToContents()

    def show_quorum(self, present: int, total: int, quorum: int, taken: bool, *, met: bool) -> None:
        """The quorum as the read model has it (``met``: core.readmodel.Quorum.met)."""
        ok = met
        text = self.tr("{present} présents sur {total} — quorum de {quorum} {state}").format(
            present=present,
            total=total,
            quorum=quorum,
            state=self.tr("atteint ✓") if ok else self.tr("NON atteint ✗"),
        )
        if not taken:
            text += "\n" + self.tr(
                "(présence pas encore relevée : tous les jurés comptent comme présents)"
            )
        self.quorum.setText(text)
        self.quorum.setObjectName("quorumOk" if ok else "quorumKo")
        self.quorum.style().unpolish(self.quorum)
        self.quorum.style().polish(self.quorum)
