"""Reopening after a crash: where the console was, and the timers that were running."""

from __future__ import annotations

from datetime import datetime, timedelta
from types import SimpleNamespace

from jury_desk.core import recovery
from jury_desk.core.services import Desk


def _iso(dt: datetime) -> str:
    return dt.isoformat(timespec="milliseconds")


def _start(
    desk: Desk,
    sid: str,
    dossier: str,
    since: datetime,
    elapsed_ms: int,
    phase: str = "presentation",
) -> None:
    desk.save_hearing(
        sid,
        dossier,
        action="start",
        state="en_audition",
        phase=phase,
        phase_elapsed_ms=elapsed_ms,
        running_since=_iso(since),
    )


def test_running_timer_counts_up_to_the_last_recorded_action(demo_desk: tuple[Desk, str]) -> None:
    desk, sid = demo_desk
    desk.set_current_dossier(sid, "d02")
    since = datetime.fromisoformat(_iso(datetime.now().astimezone() - timedelta(seconds=95)))
    _start(desk, sid, "d02", since, elapsed_ms=4_000, phase="questions")
    desk.record_score(sid, "d01", "j01", "innovation", "3")  # the app was alive then
    db = desk.db_path
    desk.close()  # the crash

    again = Desk(db)
    try:
        st = again.state(sid)
        assert st.current_dossier_id == "d02"
        entries = again.audit_entries(sid)
        (timer,) = recovery.interrupted_timers(st, entries)
        last = datetime.fromisoformat(entries[-1]["at"])
        assert (
            timer.dossier_id == "d02"
            and timer.phase == "questions"
            and timer.state == "en_audition"
        )
        assert timer.elapsed_ms == 4_000 + int((last - since).total_seconds() * 1000)
        assert timer.last_action_at is not None
        assert datetime.fromisoformat(timer.last_action_at) == last
        assert 95_000 + 4_000 <= timer.elapsed_ms < 4_000 + 95_000 + 60_000
        # Without the audit entries the running time cannot be bounded: it counts as zero.
        (bare,) = recovery.interrupted_timers(st)
        assert bare.elapsed_ms == 4_000 and bare.last_action_at is None
    finally:
        again.close()


def test_only_running_timers_are_interrupted_in_hearing_order(demo_desk: tuple[Desk, str]) -> None:
    desk, sid = demo_desk
    now = datetime.now().astimezone()
    _start(desk, sid, "d03", now - timedelta(seconds=10), 0)
    _start(desk, sid, "d01", now - timedelta(seconds=10), 0)
    desk.save_hearing(
        sid,
        "d02",
        action="pause",
        state="en_audition",
        phase="presentation",
        phase_elapsed_ms=7_000,
        running_since=None,
    )
    timers = recovery.interrupted_timers(desk.state(sid), desk.audit_entries(sid))
    assert [t.dossier_id for t in timers] == ["d01", "d03"]


def test_entries_before_the_start_do_not_count() -> None:
    hearing = SimpleNamespace(
        dossier_id="d01",
        state="en_audition",
        phase="presentation",
        phase_elapsed_ms=1_500,
        running_since="2026-06-18T10:00:00.000+02:00",
    )
    state = SimpleNamespace(
        hearings={"d01": hearing}, dossiers=(SimpleNamespace(id="d01", hearing_order=1),)
    )

    old = [{"at": "2026-06-18T09:59:00.000+02:00"}]
    (t,) = recovery.interrupted_timers(state, old)  # type: ignore[arg-type]
    assert t.elapsed_ms == 1_500 and t.last_action_at is None
    later = [*old, {"at": "2026-06-18T08:00:42.250+00:00"}, {"at": "not a date"}]
    (t,) = recovery.interrupted_timers(state, later)  # type: ignore[arg-type]
    assert t.elapsed_ms == 1_500 + 42_250  # offsets are compared as instants


def test_settle_records_the_interruption_once(demo_desk: tuple[Desk, str]) -> None:
    desk, sid = demo_desk
    _start(desk, sid, "d01", datetime.now().astimezone() - timedelta(seconds=30), 2_000)
    (settled,) = recovery.settle_interrupted(desk, sid)
    h = desk.state(sid).hearings["d01"]
    assert h.running_since is None and h.phase_elapsed_ms == settled.elapsed_ms >= 32_000
    assert h.state == "en_audition" and h.phase == "presentation"
    last = desk.audit_entries(sid)[-1]
    assert last["action"] == "hearing.interrupt"
    assert last["data"]["phase_elapsed_ms"] == settled.elapsed_ms
    assert recovery.settle_interrupted(desk, sid) == []
