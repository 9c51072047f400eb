"""Reopening where the session was after a crash or a power cut.

The database already holds where the console was (``current_dossier_id``) and each
hearing's timer (``phase``, ``phase_elapsed_ms``, ``running_since``). A timer whose
``running_since`` is set was running when the application stopped: on restart it must
not keep counting from that moment, since nobody knows how long the application was
down.

Decision: the elapsed time of such a timer is counted up to the **last recorded
action** of the session — the latest audit entry at or after ``running_since`` (any
action: a score typed during the hearing proves the application was alive then) — and
never beyond; with no such entry, only ``phase_elapsed_ms`` counts. The result is a
lower bound of the real elapsed time, flagged as interrupted, that the secretary can
correct (the GUI shows the timer paused, "interrompu", with that value).
:func:`settle_interrupted` records the timers as paused at that value, with a
``hearing.interrupt`` audit entry, so the restart itself is in the log.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from jury_desk.core.records import record

if TYPE_CHECKING:
    from jury_desk.core.services import Desk, SessionState


@record
class InterruptedTimer:
    dossier_id: str
    phase: str | None
    elapsed_ms: int  # phase_elapsed_ms + running time up to the last recorded action
    running_since: str
    last_action_at: str | None  # the audit entry the elapsed time was counted to
    state: str  # the hearing's state (a_venir | en_audition | entendu)


def _parse(text: str) -> datetime | None:
    try:
        dt = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None
    return dt if dt.tzinfo else None


def interrupted_timers(
    state: SessionState, entries: Iterable[Mapping[str, Any]] | None = None
) -> list[InterruptedTimer]:
    """The timers that were running when the application stopped, in hearing order.

    ``entries`` are the session's audit entries (``Desk.audit_entries``); without them
    the running time since ``running_since`` cannot be bounded and counts as zero.
    """
    times = [t for t in (_parse(str(e.get("at", ""))) for e in entries or ()) if t is not None]
    order = {d.id: d.hearing_order for d in state.dossiers}
    out: list[InterruptedTimer] = []
    for h in sorted(state.hearings.values(), key=lambda h: order.get(h.dossier_id, 0)):
        if not h.running_since:
            continue
        since = _parse(h.running_since)
        extra_ms = 0
        last_at: str | None = None
        if since is not None:
            after = [t for t in times if t >= since]
            if after:
                last = max(after)
                extra_ms = int((last - since).total_seconds() * 1000)
                last_at = last.isoformat(timespec="milliseconds")
        out.append(
            InterruptedTimer(
                h.dossier_id,
                h.phase,
                h.phase_elapsed_ms + max(0, extra_ms),
                h.running_since,
                last_at,
                h.state,
            )
        )
    return out


def settle_interrupted(desk: Desk, session_id: str) -> list[InterruptedTimer]:
    """Pause every interrupted timer at its computed elapsed time (audited as
    ``hearing.interrupt``); returns what was settled. Call once, at start-up."""
    st = desk.state(session_id)
    if st.closed:
        return []
    timers = interrupted_timers(st, desk.audit_entries(session_id))
    for t in timers:
        desk.save_hearing(
            session_id,
            t.dossier_id,
            action="interrupt",
            state=t.state,
            phase=t.phase,
            phase_elapsed_ms=t.elapsed_ms,
            running_since=None,
        )
    return timers
