"""The hearing timer as the secretary sees it: phase, digits, controls, recorded durations."""

from __future__ import annotations

from jury_desk.core import fmt
from jury_desk.qt.core import QCoreApplication, QEvent, Qt
from jury_desk.qt.gui import QAction
from jury_desk.qt.widgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from jury_desk.ui import a11y, theme
from jury_desk.ui.announce import announce
from jury_desk.ui.announce import forget as announce_forget
from jury_desk.ui.timer import Level, Phase, Status, TimerView


def phase_label(view: TimerView) -> str:
    if view.status is Status.IDLE:
        return QCoreApplication.translate("TimerWidget", "Avant l’audition")
    if view.status is Status.FINISHED:
        return QCoreApplication.translate("TimerWidget", "Audition terminée")
    if view.phase is Phase.PRESENTATION:
        return QCoreApplication.translate("TimerWidget", "Présentation")
    return QCoreApplication.translate("TimerWidget", "Questions du jury")


def status_label(view: TimerView) -> str:
    if view.status is Status.PAUSED:
        return QCoreApplication.translate("TimerWidget", "en pause")
    if view.level is Level.OVERTIME:
        return QCoreApplication.translate("TimerWidget", "temps dépassé")
    if view.level is Level.WARNING and view.status is Status.RUNNING:
        return (
            QCoreApplication.translate("TimerWidget", "dernière minute")
            if view.remaining_ms <= 60_000
            else QCoreApplication.translate("TimerWidget", "bientôt terminé")
        )
    if view.status is Status.RUNNING:
        return QCoreApplication.translate("TimerWidget", "en cours")
    return ""


class TimerWidget(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Chronomètre de l’audition"))
        # Side by side; the buttons go under the digits when the text is large (reflow:
        # at 200 % the console still fits 1280 px).
        lay = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout = lay
        top = QHBoxLayout()
        left = QVBoxLayout()
        self.phase = QLabel("")
        self.phase.setWordWrap(True)
        theme.scaled(self.phase, 1.2, bold=True)
        left.addWidget(self.phase)
        self.state = QLabel("")
        self.state.setObjectName("hint")
        self.state.setWordWrap(True)
        left.addWidget(self.state)
        self.recorded = QLabel("")
        self.recorded.setObjectName("hint")
        self.recorded.setWordWrap(True)
        left.addWidget(self.recorded)
        left.addStretch(1)
        top.addLayout(left, 2)
        self.digits = QLabel("00:00")
        self.digits.setObjectName("timerDigits")
        self.digits.setProperty("level", "normal")
        self.digits.setAlignment(Qt.AlignmentFlag.AlignCenter)
        a11y.caption(self.digits, self.tr("Temps restant"))
        self.digits.setMinimumWidth(180)
        theme.scaled(self.digits, 3.2, bold=True)
        top.addWidget(self.digits, 2)
        lay.addLayout(top, 4)
        grid = QGridLayout()
        self.buttons: list[QToolButton] = []
        for i in range(4):
            b = QToolButton()
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            b.setMinimumHeight(34)
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            grid.addWidget(b, i // 2, i % 2)
            self.buttons.append(b)
        lay.addLayout(grid, 3)
        self._last: tuple[str, str, str, str] | None = None
        self._reflow()

    def _reflow(self) -> None:
        stacked = theme.current_scale() >= 1.5
        self._layout.setDirection(
            QBoxLayout.Direction.TopToBottom if stacked else QBoxLayout.Direction.LeftToRight
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._reflow()
        super().changeEvent(event)

    def set_actions(
        self, toggle: QAction, next_phase: QAction, finish: QAction, reset: QAction
    ) -> None:
        for b, a in zip(self.buttons, (toggle, next_phase, finish, reset), strict=True):
            b.setDefaultAction(a)
            b.setAccessibleName(a.text().replace("&", ""))

    def _announce(self, view: TimerView, phase: str, state: str) -> None:
        """Phase and state changes, then whole minutes left: never the seconds."""
        if view.status is Status.IDLE:
            announce_forget("timer.phase")
            announce_forget("timer.minutes")
            return
        urgent = view.level is not Level.NORMAL and view.status is Status.RUNNING
        text = f"{phase}, {state}" if state else phase
        announce(self.digits, text, assertive=urgent, key=("timer.phase", (phase, state)))
        if view.status is Status.RUNNING and view.remaining_ms > 60_000:
            minutes = -(-view.remaining_ms // 60_000)
            announce(
                self.digits,
                self.tr("{n} minutes restantes").format(n=minutes),
                key=("timer.minutes", (phase, minutes)),
            )

    def show_view(self, view: TimerView, presentation_s: int, questions_s: int) -> None:
        digits = view.digits()
        level = view.level.value
        phase = phase_label(view)
        state = status_label(view)
        if view.status is Status.IDLE:
            state = self.tr("présentation {p}, questions {q}").format(
                p=fmt.duration(presentation_s), q=fmt.duration(questions_s)
            )
        key = (digits, level, phase, state)
        if key != self._last:
            self._last = key
            self.digits.setText(digits)
            self.digits.setAccessibleDescription(
                self.tr("Temps restant — {phase}, {state}").format(phase=phase, state=state)
            )
            if self.digits.property("level") != level:
                self.digits.setProperty("level", level)
                self.digits.style().unpolish(self.digits)
                self.digits.style().polish(self.digits)
            self.phase.setText(phase)
            self.state.setText(state)
            self._announce(view, phase, state)
        parts = []
        if view.presentation_ms is not None:
            parts.append(
                self.tr("présentation : {d}").format(d=fmt.duration(view.presentation_ms / 1000))
            )
        if view.questions_ms is not None:
            parts.append(
                self.tr("questions : {d}").format(d=fmt.duration(view.questions_ms / 1000))
            )
        text = (self.tr("Durées enregistrées — ") + ", ".join(parts)) if parts else ""
        if self.recorded.text() != text:
            self.recorded.setText(text)
