"""Wires the hearing timer: actions → state machine → database (Desk.save_hearing) → hub.

The displayed time is recomputed from the injected monotonic clock at every tick (100
ms); a tick only repaints. Each action is saved with the phase, the time elapsed in it
and, while running, the wall-clock instant it was resumed, so a restart can resume the
hearing where it was. When a hearing ends its actual durations are recorded and a
snapshot of the database is taken.
"""

from __future__ import annotations

import contextlib
import logging
from datetime import UTC, datetime

from jury_desk.core.errors import UserError
from jury_desk.core.state import Hearing
from jury_desk.qt.core import QObject, QTimer, Signal, Slot
from jury_desk.ui import dialogs, prefs
from jury_desk.ui.actions import Actions
from jury_desk.ui.context import SessionContext
from jury_desk.ui.timer import Clock, HearingTimer, Phase, Status, TimerError, TimerView
from jury_desk.ui.timer_widget import TimerWidget

log = logging.getLogger(__name__)


def _now_iso() -> str:
    return datetime.now(UTC).astimezone().isoformat(timespec="milliseconds")


def _state_of(status: Status) -> str:
    return {
        Status.IDLE: "a_venir",
        Status.RUNNING: "en_audition",
        Status.PAUSED: "en_audition",
        Status.FINISHED: "entendu",
    }[status]


class TimerController(QObject):
    saved = Signal(str, str)  # dossier id, action — once the write has returned

    def __init__(
        self,
        ctx: SessionContext,
        actions: Actions,
        widget: TimerWidget,
        clock: Clock,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actions = actions
        self.widget = widget
        self.clock = clock
        t = ctx.st.info.timer
        self.timer = HearingTimer(clock, t.presentation_s, t.questions_s, t.warning_s)
        self.dossier_id: str | None = None
        self._last_view: TimerView | None = None
        self.ticker = QTimer(self)
        self.ticker.setInterval(100)
        self.ticker.timeout.connect(self.tick)
        widget.set_actions(
            actions.timer_toggle, actions.timer_next, actions.timer_finish, actions.timer_reset
        )
        actions.timer_toggle.triggered.connect(self.toggle)
        actions.timer_next.triggered.connect(self.next_phase)
        actions.timer_finish.triggered.connect(self.finish)
        actions.timer_reset.triggered.connect(self.reset)
        self.ticker.start()

    def disconnect_all(self) -> None:
        self.ticker.stop()
        for a, slot in (
            (self.actions.timer_toggle, self.toggle),
            (self.actions.timer_next, self.next_phase),
            (self.actions.timer_finish, self.finish),
            (self.actions.timer_reset, self.reset),
        ):
            with contextlib.suppress(RuntimeError, TypeError):
                a.triggered.disconnect(slot)

    # ------------------------------------------------------------------ loading

    def load(self, dossier_id: str | None) -> None:
        """Bind the timer to a dossier, restoring its hearing as saved."""
        self.dossier_id = dossier_id
        self.timer.reset()
        h = self.ctx.st.hearings.get(dossier_id) if dossier_id else None
        if h is not None:
            actual: dict[Phase, int] = {}
            if h.presentation_s is not None:
                actual[Phase.PRESENTATION] = h.presentation_s * 1000
            if h.questions_s is not None:
                actual[Phase.QUESTIONS] = h.questions_s * 1000
            if h.state == "entendu":
                self.timer.restore_finished(actual)
            elif h.state == "en_audition" and h.phase in (
                Phase.PRESENTATION.value,
                Phase.QUESTIONS.value,
            ):
                # core.recovery.settle_interrupted has already paused an interrupted timer at its
                # last recorded time; a hearing is always reloaded paused.
                self.timer.restore(Phase(h.phase), h.phase_elapsed_ms, actual)
        self._update_actions()
        self.tick(force=True)

    # ------------------------------------------------------------------ actions

    def _guard(self) -> bool:
        return self.dossier_id is not None and not self.ctx.st.closed

    @Slot()
    def toggle(self) -> None:
        if not self._guard() or self.timer.status is Status.FINISHED:
            return
        action = self.timer.toggle()
        self._persist(action)

    @Slot()
    def next_phase(self) -> None:
        if not self._guard() or self.timer.status not in (Status.RUNNING, Status.PAUSED):
            return
        action = self.timer.next_phase()
        self._persist(action)

    @Slot()
    def finish(self) -> None:
        if not self._guard() or self.timer.status not in (Status.RUNNING, Status.PAUSED):
            return
        self.timer.finish()
        self._persist("finish")

    @Slot()
    def reset(self) -> None:
        if not self._guard() or self.timer.status is Status.IDLE:
            return
        if not dialogs.confirm(
            self.widget,
            self.tr("Réinitialiser le chronomètre"),
            self.tr(
                "Remettre le chronomètre de ce dossier à zéro ? Les durées enregistrées pour cette "
                "audition seront effacées (l’opération est journalisée)."
            ),
            self.tr("Réinitialiser"),
        ):
            return
        self.timer.reset()
        self._persist("reset")

    def pause_if_running(self) -> None:
        if self.timer.status is Status.RUNNING:
            self.timer.pause()
            self._persist("pause")

    def _persist(self, action: str) -> None:
        assert self.dossier_id is not None
        try:
            view = self.timer.view()
        except TimerError:  # pragma: no cover - guarded above
            return
        did = self.dossier_id
        running = view.status is Status.RUNNING
        pres = self.timer.actual.get(Phase.PRESENTATION)
        ques = self.timer.actual.get(Phase.QUESTIONS)
        kwargs = dict(
            action=action,
            state=_state_of(view.status),
            phase=view.phase.value if view.phase else None,
            phase_elapsed_ms=view.elapsed_ms if view.phase else 0,
            running_since=_now_iso() if running else None,
            presentation_s=round(pres / 1000) if pres is not None else None,
            questions_s=round(ques / 1000) if ques is not None else None,
        )

        def done(h: Hearing) -> None:
            self.ctx.st.hearings[did] = h
            self.ctx.hub.hearingChanged.emit(did)
            self.saved.emit(did, action)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, UserError):
                dialogs.show_user_error(self.widget, exc)
            else:
                self.ctx.writer.unhandled(exc)

        self.ctx.writer.submit(
            self.ctx.desk.save_hearing, self.ctx.sid, did, on_done=done, on_error=failed, **kwargs
        )
        if action == "finish":
            self.ctx.writer.submit(prefs.take_snapshot, self.ctx.desk, f"audition {did} terminée")
        self._update_actions()
        self.tick(force=True)

    # ------------------------------------------------------------------ display

    def _update_actions(self) -> None:
        s = self.timer.status
        a = self.actions
        have = self.dossier_id is not None and not self.ctx.st.closed
        a.timer_toggle.setText(
            {
                Status.IDLE: self.tr("&Démarrer"),
                Status.RUNNING: self.tr("&Pause"),
                Status.PAUSED: self.tr("&Reprendre"),
                Status.FINISHED: self.tr("Audition terminée"),
            }[s]
        )
        a.timer_toggle.setEnabled(have and s is not Status.FINISHED)
        a.timer_next.setText(
            self.tr("&Questions du jury")
            if self.timer.phase is Phase.PRESENTATION
            else self.tr("Phase &suivante")
        )
        a.timer_next.setEnabled(have and s in (Status.RUNNING, Status.PAUSED))
        a.timer_finish.setEnabled(have and s in (Status.RUNNING, Status.PAUSED))
        a.timer_reset.setEnabled(have and s is not Status.IDLE)
        for b in self.widget.buttons:
            b.setAccessibleName(
                b.defaultAction().text().replace("&", "") if b.defaultAction() else ""
            )

    @Slot()
    def tick(self, force: bool = False) -> None:
        view = self.timer.view()
        last = self._last_view
        if (
            force
            or last is None
            or view.digits() != last.digits()
            or view.level != last.level
            or view.status != last.status
            or view.phase != last.phase
        ):
            self._last_view = view
            t = self.ctx.st.info.timer
            self.widget.show_view(view, t.presentation_s, t.questions_s)
            self.ctx.hub.timerUpdated.emit(view)
