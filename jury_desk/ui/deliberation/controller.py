"""The deliberation as the views see it, and the secretary's actions on it.

:class:`Snapshot` is one consistent reading of a session (state, results, the jury's
effective decision, what blocks closing, the aids), computed from a single
``Desk.state`` read with the rules of ``core.deliberation``: no rule is written here.
:class:`DeliberationController` owns the snapshot, runs the services and tells the
views (``changed``) and the rest of the application (the signal hub) what happened.
Every refused action arrives as ``failed(message, details)``, shown in one place by
the view.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import field
from fractions import Fraction
from functools import cached_property, partial
from typing import Any

from jury_desk import messages
from jury_desk.core.api import (
    AlternativeRanking,
    Blocker,
    DeliberationResult,
    DossierResult,
)
from jury_desk.core.domain import JuryDecision, LaureateDecision
from jury_desk.core.errors import UserError
from jury_desk.core.readmodel import DeliberationState
from jury_desk.core.records import record
from jury_desk.core.services import Desk, SessionState
from jury_desk.qt.core import QObject, Qt, QTimer, Signal, Slot
from jury_desk.ui import wording

log = logging.getLogger(__name__)

# Signals of the application's hub (jury_desk/ui/hub.py) after which the deliberation
# must be read again. Connected only where the hub has them.
HUB_REFRESH_SIGNALS = (
    "scoresChanged",
    "revealChanged",
    "blindChanged",
    "sessionChanged",
    "attendanceChanged",
    "recusalsChanged",
)


@record(slots=False)
class Snapshot:
    """One consistent reading of a session's deliberation: the core's read model
    (:class:`~jury_desk.core.readmodel.DeliberationState`) and what the views ask of it.
    Nothing here derives a rule."""

    model: DeliberationState
    # Per juror, the values in force entered on their own device and by the secretariat
    # (``Desk.value_authors``); empty where not read.
    authors: Mapping[str, tuple[int, int]] = field(default_factory=dict)

    @classmethod
    def read(cls, desk: Desk, session_id: str) -> Snapshot:
        """Read on whichever thread calls it (the reading thread, mostly): the aids the
        page draws once scores are shown are computed here too, not on the GUI thread."""
        snap = cls(desk.deliberation_state(session_id), desk.value_authors(session_id))
        if not snap.hidden:
            _ = snap.model.alternatives, snap.model.concordance  # cached by the read model
        return snap

    @property
    def state(self) -> SessionState:
        return self.model.session

    @property
    def result(self) -> DeliberationResult:
        return self.model.result

    @property
    def decision(self) -> JuryDecision:
        """The jury's list, or the default proposal until it sets one."""
        return self.model.decision

    @property
    def blockers(self) -> tuple[Blocker, ...]:
        return self.model.blockers

    @property
    def alternatives(self) -> tuple[AlternativeRanking, ...]:
        return self.model.alternatives

    @property
    def concordance(self) -> Fraction | None:
        """Kendall's W over the valid dossiers."""
        return self.model.concordance

    @property
    def hidden(self) -> bool:
        """Blind scores not yet revealed: nothing individual goes to the shared screen."""
        return self.state.blind and not self.state.revealed

    @property
    def closed(self) -> bool:
        return self.state.closed

    @cached_property
    def default_amounts(self) -> dict[str, int]:
        return {e.dossier_id: e.amount_cents for e in self.model.default_proposal}

    @cached_property
    def boundary_ties(self) -> frozenset[str]:
        return frozenset(d.id for d in self.model.dossiers if d.tie_at_boundary)

    @cached_property
    def granted(self) -> dict[str, LaureateDecision]:
        return {d.id: d.laureate for d in self.model.dossiers if d.laureate is not None}

    @property
    def granted_total_cents(self) -> int:
        return self.model.envelope.used_cents

    @property
    def requested_eligible_cents(self) -> int:
        """What the eligible dossiers ask for, together."""
        return self.model.envelope.requested_eligible_cents

    @property
    def remaining_cents(self) -> int | None:
        return self.model.envelope.remaining_cents

    def departure_kind(self, r: DossierResult) -> str | None:
        """What the jury's list does with this dossier against the rules' proposal.

        ``added``, ``removed``, ``amount`` (the read model's departure kinds), ``invalid``
        (not valid: a reason is needed) or ``None`` (no departure).
        """
        if not r.valid:
            return "invalid"
        dep = self.model.departure(r.dossier_id)
        return None if dep is None else dep.kind.value


_READER: ThreadPoolExecutor | None = None


def _reader() -> ThreadPoolExecutor:
    """One thread that reads deliberation snapshots (reads only: writes keep to the
    application's one writer)."""
    global _READER
    if _READER is None:
        _READER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="lecture-deliberation")
    return _READER


class _Arrival(QObject):
    """Brings a reading done on the reading thread back to the GUI thread."""

    arrived = Signal(object)  # Future[Snapshot]

    def __init__(self, done: Callable[[Future[Snapshot]], None], parent: QObject) -> None:
        super().__init__(parent)
        self._done = done
        self.arrived.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _deliver(self, future: Future[Snapshot]) -> None:
        self.deleteLater()
        self._done(future)


def read_in_background(
    desk: Desk, session_id: str, parent: QObject, done: Callable[[Future[Snapshot]], None]
) -> None:
    """Read a snapshot on the reading thread; ``done(future)`` runs on the GUI thread.

    The deliberation page's first opening reads the whole session and builds the read
    model: about 180 ms on a 300-dossier session, which the GUI's loop no longer waits
    for (the console shows « Lecture… » meanwhile). Nothing is told if ``parent`` is gone.
    """
    relay = _Arrival(done, parent)

    def arrived(f: Future[Snapshot]) -> None:
        with contextlib.suppress(RuntimeError):  # the parent (and the relay) is gone
            relay.arrived.emit(f)

    _reader().submit(Snapshot.read, desk, session_id).add_done_callback(arrived)


class DeliberationController(QObject):
    """Runs the deliberation services for one session and publishes the snapshot.

    Writes run on the application's single database writer when one is given
    (``jury_desk.ui.writer.DbWriter``: ordered with the console's writes, off the GUI
    thread), else directly (standalone use, tests). Either way the outcome arrives as
    a signal: ``done(action)`` after the write and the new snapshot, or
    ``failed(message, details)``.
    """

    changed = Signal(object)  # Snapshot
    done = Signal(str)  # action name: reveal, open, decision, close, reopen...
    failed = Signal(str, list)  # message, details (French)
    _read = Signal(int, object)  # generation, Future[Snapshot]: from the reading thread

    def __init__(
        self,
        desk: Desk,
        session_id: str,
        hub: QObject | None = None,
        parent: QObject | None = None,
        *,
        writer: Any = None,
        snapshot: Snapshot | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.session_id = session_id
        self.hub = hub
        self.writer = writer
        self._snapshot: Snapshot | None = snapshot  # a reading done already (else at first use)
        self._emitting = False
        self._generation = 0  # of the newest reading asked; older ones are dropped
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh_in_background)
        self._read.connect(self._read_done)
        if hub is not None:
            for name in HUB_REFRESH_SIGNALS:
                signal = getattr(hub, name, None)
                if signal is not None and hasattr(signal, "connect"):
                    signal.connect(self._schedule_refresh)

    # ------------------------------------------------------------------ reading

    @property
    def snapshot(self) -> Snapshot:
        if self._snapshot is None:
            self._snapshot = Snapshot.read(self.desk, self.session_id)
        return self._snapshot

    @property
    def latest(self) -> Snapshot | None:
        """The last reading, without reading (None before the first)."""
        return self._snapshot

    def _names(self) -> messages.Names:
        """How a refusal's details name jurors and dossiers (ids before the first reading)."""
        latest = self._snapshot
        return wording.names_of(latest.state) if latest is not None else messages.IDS

    @Slot()
    def refresh(self) -> None:
        if self._emitting:  # asked from a view that is applying the last reading: next turn
            self._schedule_refresh()
            return
        self._refresh_timer.stop()
        self._generation += 1  # a reading under way in the background is now old
        try:
            snapshot = Snapshot.read(self.desk, self.session_id)
        except UserError as exc:
            self.failed.emit(wording.error(exc), wording.details(exc, self._names()))
            return
        self._publish(snapshot)

    @Slot()
    def refresh_in_background(self) -> None:
        """Read again on the reading thread, not the GUI's: on a 300-dossier session a
        reading takes about 180 ms, which stalled the console at every score typed once
        the deliberation page existed (issue 15). The newest reading wins."""
        if self._emitting:
            self._schedule_refresh()
            return
        self._generation += 1
        generation = self._generation
        future = _reader().submit(Snapshot.read, self.desk, self.session_id)

        def arrived(f: Future[Snapshot]) -> None:
            with contextlib.suppress(RuntimeError):  # the page is gone: nobody to tell
                self._read.emit(generation, f)

        future.add_done_callback(arrived)

    @Slot(int, object)
    def _read_done(self, generation: int, future: Future[Snapshot]) -> None:
        if generation != self._generation:
            return  # a newer reading was asked since
        try:
            snapshot = future.result()
        except UserError as exc:
            self.failed.emit(wording.error(exc), wording.details(exc, self._names()))
            return
        except Exception:  # the database closed under it (a restore, the end): let it be
            log.warning("a background reading of the deliberation failed", exc_info=True)
            return
        self._publish(snapshot)

    def _publish(self, snapshot: Snapshot) -> None:
        self._snapshot = snapshot
        self._emitting = True
        try:
            self.changed.emit(snapshot)
        finally:
            self._emitting = False

    def _schedule_refresh(self, *_args: Any) -> None:
        # Several hub signals in a row (an import of scores) give one reading.
        self._refresh_timer.start()

    # ------------------------------------------------------------------ actions

    def _run(self, action: str, fn: Any, *args: Any) -> None:
        if self.writer is not None:
            self.writer.submit(
                fn,
                *args,
                on_done=lambda _r: self._succeeded(action),
                on_error=lambda exc: self._refused(action, exc),
            )
            return
        try:
            fn(*args)
        except UserError as exc:
            self._refused(action, exc)
            return
        self._succeeded(action)

    def _succeeded(self, action: str) -> None:
        self.refresh()
        self._tell_hub(action)
        self.done.emit(action)

    def _refused(self, action: str, exc: BaseException) -> None:
        if not isinstance(exc, UserError):
            raise exc  # a bug: the application's error dialog takes it
        log.info("%s refused: %s", action, exc.code)
        self.refresh()
        self.failed.emit(wording.error(exc), wording.details(exc, self._names()))

    def _tell_hub(self, action: str) -> None:
        """Let the other windows (console, shared screen) follow."""
        hub = self.hub
        if hub is None:
            return
        if action == "reveal":
            _emit(hub, "revealChanged", True)
        elif action == "hearing":
            _emit(hub, "sessionChanged", self.session_id)  # the order list shows « entendu »
        elif action in ("close", "reopen"):
            # The console locks or unlocks score entry: the session is read again.
            _emit(hub, "sessionChanged", self.session_id)

    def reveal(self) -> None:
        """Reveal the blind scores; this opens the deliberation."""
        self._run("reveal", self.desk.reveal, self.session_id)

    def open(self) -> None:
        self._run("open", self.desk.open_deliberation, self.session_id)

    def set_decision(
        self, laureates: Sequence[LaureateDecision], departures: Mapping[str, str]
    ) -> None:
        self._run(
            "decision", self.desk.set_decision, self.session_id, list(laureates), dict(departures)
        )

    def accept_default(self) -> None:
        """Go back to the rules' proposal: its laureates at their amounts, no departure."""
        laureates = [
            LaureateDecision(e.dossier_id, e.amount_cents)
            for e in self.snapshot.model.default_proposal
        ]
        self.set_decision(laureates, {})

    def set_invalid_reason(self, dossier_id: str, reason: str) -> None:
        self._run(
            "invalid_reason", self.desk.set_invalid_reason, self.session_id, dossier_id, reason
        )

    def set_opinion(self, dossier_id: str, text: str) -> None:
        self._run("opinion", self.desk.set_opinion, self.session_id, dossier_id, text)

    def record_hearing_afterwards(
        self,
        dossier_id: str,
        started_at: str,
        presentation_s: int,
        questions_s: int,
        reason: str,
    ) -> None:
        """A hearing held without the timer, entered with its times and a reason."""
        self._run(
            "hearing",
            partial(
                self.desk.record_hearing_afterwards,
                started_at=started_at,
                presentation_s=presentation_s,
                questions_s=questions_s,
                reason=reason,
            ),
            self.session_id,
            dossier_id,
        )

    def set_notes(self, text: str) -> None:
        self._run("notes", self.desk.set_notes, self.session_id, text)

    def close(self) -> None:
        """Close on the jury's list (section 4 checks); ``failed`` lists what blocks.

        A jury that has not changed the list closes on the rules' proposal, which the
        view shows as its list and the confirmation names.
        """
        keep_proposal = self.snapshot is not None and not self.snapshot.state.decision_made
        self._run(
            "close",
            partial(self.desk.close_deliberation, accept_proposal=keep_proposal),
            self.session_id,
        )

    def reopen(self, reason: str) -> None:
        self._run("reopen", self.desk.reopen, self.session_id, reason)

    def exported(self) -> None:
        """An export was written (by the export dialog): read the new number."""
        self.refresh()


def _emit(hub: QObject | None, name: str, *args: Any) -> None:
    signal = getattr(hub, name, None) if hub is not None else None
    if signal is not None and hasattr(signal, "emit"):
        try:
            signal.emit(*args)
        except TypeError:  # a hub of another shape (standalone use)
            log.debug("hub signal %s does not take %r", name, args)
