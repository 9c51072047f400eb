"""The hearing timer's state machine against a fake monotonic clock (no Qt)."""

from __future__ import annotations

import random

import pytest

from jury_desk.ui.timer import HearingTimer, Level, Phase, Status, TimerError


class Clock:
    def __init__(self) -> None:
        self.now = 5_000_000

    def __call__(self) -> int:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


def make(clock: Clock) -> HearingTimer:
    return HearingTimer(clock, presentation_s=600, questions_s=300, warning_s=60)


def test_before_the_start_it_shows_the_planned_presentation(clock: Clock) -> None:
    t = make(clock)
    v = t.view()
    assert v.status is Status.IDLE and v.digits() == "10:00" and v.level is Level.NORMAL
    clock.now += 90_000
    assert t.view().digits() == "10:00"


def test_counts_down_then_warns_then_counts_overtime_up(clock: Clock) -> None:
    t = make(clock)
    t.start()
    clock.now += 1
    assert t.view().digits() == "10:00"  # 9:59.999 shows as 10:00 (ceiling)
    clock.now += 539_999  # 9 min elapsed: 60 s left
    v = t.view()
    assert v.digits() == "01:00" and v.level is Level.WARNING
    clock.now -= 1
    assert t.view().level is Level.NORMAL  # 60.001 s left
    clock.now += 1 + 60_000  # exactly at the end
    v = t.view()
    assert v.digits() == "00:00" and v.level is Level.WARNING and v.overtime_ms == 0
    clock.now += 1
    assert t.view().level is Level.OVERTIME and t.view().digits() == "+00:00"
    clock.now += 65_000
    v = t.view()
    assert v.level is Level.OVERTIME and v.digits() == "+01:05" and v.overtime_ms == 65_001


def test_pause_stops_time_and_resume_goes_on(clock: Clock) -> None:
    t = make(clock)
    t.start()
    clock.now += 100_000
    t.pause()
    clock.now += 3_600_000  # an hour in pause
    assert t.view().elapsed_ms == 100_000 and t.view().status is Status.PAUSED
    t.resume()
    clock.now += 20_000
    assert t.view().elapsed_ms == 120_000
    assert t.toggle() == "pause" and t.toggle() == "resume"


def test_no_drift_whatever_the_ticks(clock: Clock) -> None:
    """Elapsed time is the clock's, however irregular or missed the ticks."""
    t = make(clock)
    rng = random.Random(7)
    t.start()
    start = clock.now
    paused_total = 0
    for i in range(2000):
        step = rng.choice([1, 7, 16, 99, 100, 101, 250, 1000, 4999])
        if i % 97 == 50:
            t.pause()
            clock.now += step
            paused_total += step
            t.resume()
        else:
            clock.now += step
            if rng.random() < 0.5:
                t.view()  # a tick (or not)
    assert t.elapsed_ms() == clock.now - start - paused_total


def test_next_phase_records_actual_durations_overtime_included(clock: Clock) -> None:
    t = make(clock)
    t.start()
    clock.now += 612_400  # 10 min 12.4 s
    assert t.next_phase() == "next"
    v = t.view()
    assert v.phase is Phase.QUESTIONS and v.elapsed_ms == 0 and v.running and v.digits() == "05:00"
    assert v.presentation_ms == 612_400
    clock.now += 200_000
    assert t.next_phase() == "finish"
    v = t.view()
    assert v.status is Status.FINISHED and v.questions_ms == 200_000 and v.phase is None
    with pytest.raises(TimerError):
        t.toggle()


def test_next_phase_while_paused_stays_paused(clock: Clock) -> None:
    t = make(clock)
    t.start()
    clock.now += 10_000
    t.pause()
    t.next_phase()
    clock.now += 50_000
    assert t.view().elapsed_ms == 0 and t.status is Status.PAUSED


def test_finish_skips_the_remaining_phase(clock: Clock) -> None:
    t = make(clock)
    t.start()
    clock.now += 30_000
    t.finish()
    assert t.status is Status.FINISHED
    assert t.actual == {Phase.PRESENTATION: 30_000, Phase.QUESTIONS: 0}


def test_reset_and_restore(clock: Clock) -> None:
    t = make(clock)
    t.start()
    clock.now += 30_000
    t.reset()
    assert t.status is Status.IDLE and t.actual == {}
    t.restore(Phase.QUESTIONS, 42_000, {Phase.PRESENTATION: 601_000})
    clock.now += 99_000
    v = t.view()
    assert v.status is Status.PAUSED and v.elapsed_ms == 42_000 and v.presentation_ms == 601_000
    t.resume()
    clock.now += 1_000
    assert t.elapsed_ms() == 43_000


def test_actions_out_of_order_are_refused(clock: Clock) -> None:
    t = make(clock)
    with pytest.raises(TimerError):
        t.pause()
    with pytest.raises(TimerError):
        t.next_phase()
    t.start()
    with pytest.raises(TimerError):
        t.start()
    with pytest.raises(ValueError):
        HearingTimer(clock, 0, 10, 5)
