"""Attendance at the opening (with the quorum) and the recusals of the session."""

from __future__ import annotations

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
        h = self.recusals.horizontalHeader()
        for col, mode in enumerate(
            [
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.Stretch,
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.Stretch,
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.ResizeToContents,
            ]
        ):
            if col < h.count():
                h.setSectionResizeMode(col, mode)

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
