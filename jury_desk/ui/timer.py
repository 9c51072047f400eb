"""The hearing timer as a pure state machine, driven by an injected monotonic clock.

No Qt here: the clock is any callable returning milliseconds (``time.monotonic_ns``
in the application, a fake in tests). Elapsed time is always *computed* from the clock
(accumulated time plus the time since the last start), never counted from ticks, so a
late or missed tick can only delay a repaint, never make the timer drift.

A hearing has two phases, « présentation » then « questions », each with its planned
duration from the session's timer settings. When less than ``warning_s`` remain the
level becomes ``warning``; past the planned duration the timer counts the overtime up
(level ``overtime``). The actual duration of each phase, overtime included, is what the
hearing records.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from enum import StrEnum

from jury_desk.core.records import record

Clock = Callable[[], int]  # monotonic milliseconds


def monotonic_ms() -> int:
    return time.monotonic_ns() // 1_000_000


class Phase(StrEnum):
    PRESENTATION = "presentation"
    QUESTIONS = "questions"


class Status(StrEnum):
    IDLE = "idle"  # not started (« à venir »)
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"  # « entendu »


class Level(StrEnum):
    NORMAL = "normal"
    WARNING = "warning"
    OVERTIME = "overtime"


@record
class TimerView:
    """What a display needs, at one instant."""

    status: Status
    phase: Phase | None
    elapsed_ms: int  # in the current phase
    planned_ms: int  # of the current phase (0 when finished or idle)
    remaining_ms: int  # >= 0
    overtime_ms: int  # >= 0
    level: Level
    presentation_ms: int | None  # actual duration, once the phase is over
    questions_ms: int | None

    @property
    def running(self) -> bool:
        return self.status is Status.RUNNING

    def digits(self) -> str:
        """« 09:59 » counting down, « +01:05 » counting the overtime up."""
        if self.level is Level.OVERTIME:
            return "+" + _mmss(self.overtime_ms, up=True)
        return _mmss(self.remaining_ms, up=False)


def _mmss(ms: int, *, up: bool) -> str:
    # Counting down, a display shows 00:01 until the last millisecond (ceil);
    # counting up, the overtime shows whole elapsed seconds (floor).
    s = ms // 1000 if up else -(-ms // 1000)
    m, s = divmod(s, 60)
    return f"{m:02d}:{s:02d}"


class TimerError(Exception):
    """An action that the current state does not allow (a bug in the caller)."""


class HearingTimer:
    """start → (pause ↔ resume) → next phase → … → finish; reset from anywhere."""

    def __init__(self, clock: Clock, presentation_s: int, questions_s: int, warning_s: int) -> None:
        if presentation_s <= 0 or questions_s <= 0 or warning_s < 0:
            raise ValueError("timer durations must be positive")
        self._clock = clock
        self.planned = {
            Phase.PRESENTATION: presentation_s * 1000,
            Phase.QUESTIONS: questions_s * 1000,
        }
        self.warning_ms = warning_s * 1000
        self.reset()

    # ------------------------------------------------------------------ state

    def reset(self) -> None:
        self.status = Status.IDLE
        self.phase: Phase | None = None
        self._accumulated_ms = 0
        self._since: int | None = None  # clock value at the last (re)start
        self.actual: dict[Phase, int] = {}

    def restore(
        self, phase: Phase, elapsed_ms: int, actual: dict[Phase, int] | None = None
    ) -> None:
        """Resume a hearing that was interrupted (after a restart): paused at ``elapsed_ms``."""
        self.status = Status.PAUSED
        self.phase = phase
        self._accumulated_ms = max(0, int(elapsed_ms))
        self._since = None
        self.actual = dict(actual or {})

    def restore_finished(self, actual: dict[Phase, int]) -> None:
        self.reset()
        self.status = Status.FINISHED
        self.actual = dict(actual)

    # ------------------------------------------------------------------ actions

    def start(self) -> None:
        if self.status is not Status.IDLE:
            raise TimerError(f"cannot start from {self.status}")
        self.status = Status.RUNNING
        self.phase = Phase.PRESENTATION
        self._accumulated_ms = 0
        self._since = self._clock()

    def pause(self) -> None:
        if self.status is not Status.RUNNING:
            raise TimerError(f"cannot pause from {self.status}")
        self._accumulated_ms = self.elapsed_ms()
        self._since = None
        self.status = Status.PAUSED

    def resume(self) -> None:
        if self.status is not Status.PAUSED:
            raise TimerError(f"cannot resume from {self.status}")
        self._since = self._clock()
        self.status = Status.RUNNING

    def toggle(self) -> str:
        """The one key: start, pause or resume. Returns the action done."""
        if self.status is Status.IDLE:
            self.start()
            return "start"
        if self.status is Status.RUNNING:
            self.pause()
            return "pause"
        if self.status is Status.PAUSED:
            self.resume()
            return "resume"
        raise TimerError("the hearing is over")

    def next_phase(self) -> str:
        """Présentation → questions (keeps running if it was); questions → finished."""
        if self.status in (Status.IDLE, Status.FINISHED) or self.phase is None:
            raise TimerError(f"no phase to leave from {self.status}")
        elapsed = self.elapsed_ms()
        self.actual[self.phase] = elapsed
        if self.phase is Phase.PRESENTATION:
            self.phase = Phase.QUESTIONS
            self._accumulated_ms = 0
            self._since = self._clock() if self.status is Status.RUNNING else None
            return "next"
        self.phase = None
        self._accumulated_ms = 0
        self._since = None
        self.status = Status.FINISHED
        return "finish"

    def finish(self) -> None:
        """End the hearing now, whatever the phase (the questions phase may be skipped)."""
        while self.status in (Status.RUNNING, Status.PAUSED):
            self.next_phase()

    # ------------------------------------------------------------------ reading

    def elapsed_ms(self) -> int:
        if self._since is None:
            return self._accumulated_ms
        return self._accumulated_ms + max(0, self._clock() - self._since)

    def view(self) -> TimerView:
        if self.status is Status.IDLE:
            return self.idle_view()
        phase = self.phase
        if phase is None:
            planned = 0
            elapsed = 0
        else:
            planned = self.planned[phase]
            elapsed = self.elapsed_ms()
        remaining = max(0, planned - elapsed)
        overtime = max(0, elapsed - planned) if phase is not None else 0
        if phase is None:
            level = Level.NORMAL
        elif elapsed > planned:
            level = Level.OVERTIME
        elif remaining <= self.warning_ms:
            level = Level.WARNING
        else:
            level = Level.NORMAL
        return TimerView(
            status=self.status,
            phase=phase,
            elapsed_ms=elapsed,
            planned_ms=planned,
            remaining_ms=remaining,
            overtime_ms=overtime,
            level=level,
            presentation_ms=self.actual.get(Phase.PRESENTATION),
            questions_ms=self.actual.get(Phase.QUESTIONS),
        )

    def idle_view(self) -> TimerView:
        """What to show before the start: the planned presentation time."""
        return TimerView(
            Status.IDLE,
            None,
            0,
            self.planned[Phase.PRESENTATION],
            self.planned[Phase.PRESENTATION],
            0,
            Level.NORMAL,
            None,
            None,
        )
