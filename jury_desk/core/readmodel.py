"""The deliberation as every face reads it: one immutable state from one reading.

:func:`build` turns a :class:`~jury_desk.core.services.SessionState` (one read
transaction of the database, ``Desk.state``) into a :class:`DeliberationState`: per
dossier its counted jurors, sheets, validity (codes and parameters), hearing and console
status, notes and aids; the default proposal and its flags; the jury's effective
decision and each departure from the proposal; the envelope; the quorum; the
disagreement thresholds; the closing blockers. The rules themselves live in
:mod:`jury_desk.core.deliberation`; this module only assembles their results, so that
the console, the deliberation page, the shared screen, ``jury-desk results``,
``result.json`` and the procès-verbal derive nothing themselves.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from fractions import Fraction
from functools import cached_property
from typing import TYPE_CHECKING

from jury_desk.core.deliberation import (
    TIE_AT_BOUNDARY,
    AlternativeRanking,
    Blocker,
    DeliberationResult,
    Departure,
    DossierResult,
    DossierStatus,
    InvalidReason,
    ProposalEntry,
    ProposalFlag,
    closing_blockers,
    compute,
    departures,
    dossier_status,
    effective_decision,
    invalid_params,
    invalid_reasons,
    juror_leanings,
    note_deviations,
)
from jury_desk.core.deliberation import alternative_rankings as _alternative_rankings
from jury_desk.core.deliberation import kendall_w as _kendall_w
from jury_desk.core.domain import Dossier, JuryDecision, LaureateDecision
from jury_desk.core.records import record

if TYPE_CHECKING:
    from jury_desk.core.services import SessionState

__all__ = [
    "DeliberationState",
    "DossierState",
    "Envelope",
    "Quorum",
    "Thresholds",
    "Validity",
    "build",
]


@record
class Validity:
    """Whether a dossier's result is valid and, when not, why (codes and parameters).

    ``params`` are those of :func:`~jury_desk.core.deliberation.invalid_params` (empty
    when valid); ``jury_reason`` is the reason the jury wrote for an invalid dossier.
    """

    valid: bool
    reasons: tuple[InvalidReason, ...]
    params: Mapping[str, object]
    jury_reason: str  # "" when none (or when valid)


@record(slots=False)
class DossierState:
    """One dossier as the faces show it."""

    dossier: Dossier
    result: DossierResult
    counted: tuple[str, ...]  # present and not recused, in juror order
    sheets_entered: Mapping[str, int]  # counted juror -> values recorded (valid or not)
    complete: Mapping[str, bool]  # counted juror -> complete, valid sheet
    validity: Validity
    heard: bool  # its hearing has a recorded start
    status: DossierStatus
    deviations: Mapping[str, Fraction]  # juror -> note - the dossier's mean (aid)
    opinion: str
    comments: Mapping[str, str]  # juror -> comment
    in_proposal: bool
    proposal_cents: int | None  # amount in the default proposal
    tie_at_boundary: bool
    laureate: LaureateDecision | None  # in the jury's effective decision
    departure: Departure | None

    @property
    def id(self) -> str:
        return self.dossier.id


@record
class Envelope:
    """The envelope and the jury's effective list against it."""

    envelope_cents: int | None  # None: no limit
    max_laureates: int | None
    used_cents: int  # total of the effective decision
    remaining_cents: int | None  # envelope - used (negative when over); None: no limit
    count: int  # laureates in the effective decision
    proposal_total_cents: int
    requested_eligible_cents: int  # what the eligible dossiers ask for, together


@record
class Quorum:
    present: int
    required: int
    absent: tuple[str, ...]

    @property
    def met(self) -> bool:
        return self.present >= self.required


@record
class Thresholds:
    """The disagreement thresholds in force (defaults in ``domain``)."""

    sd: Fraction
    spread: Fraction


@record(slots=False)
class DeliberationState:
    """Everything the faces read about a session's deliberation, computed once."""

    session: SessionState
    result: DeliberationResult
    dossiers: tuple[DossierState, ...]  # hearing order
    default_proposal: tuple[ProposalEntry, ...]
    proposal_flags: tuple[ProposalFlag, ...]
    decision_made: bool  # the jury set its own list
    decision: JuryDecision  # effective: the jury's list, else the default proposal
    laureates: tuple[LaureateDecision, ...]  # effective, best rank first (then hearing order)
    departures: tuple[Departure, ...]
    envelope: Envelope
    quorum: Quorum
    thresholds: Thresholds
    leanings: Mapping[str, Fraction | None]  # juror -> mean deviation (aid; < 0: severe)
    blockers: tuple[Blocker, ...]  # closing on the effective decision
    _index: dict[str, DossierState] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", {d.id: d for d in self.dossiers})

    def dossier(self, dossier_id: str) -> DossierState:
        return self._index[dossier_id]

    @property
    def ranked(self) -> tuple[DossierState, ...]:
        """The dossiers in results order: valid by rank, then the invalid ones."""
        return tuple(self._index[r.dossier_id] for r in self.result.results)

    @property
    def can_close(self) -> bool:
        return not self.blockers

    @cached_property
    def alternatives(self) -> tuple[AlternativeRanking, ...]:
        """Aids: the valid dossiers ranked by median, z-score and Majority Judgment."""
        return tuple(_alternative_rankings(self.session.deliberation_input(), self.result))

    @cached_property
    def concordance(self) -> Fraction | None:
        """Aid: Kendall's W over the valid dossiers (None when it does not exist)."""
        return _kendall_w(self.session.deliberation_input(), self.result)

    def departure(self, dossier_id: str) -> Departure | None:
        return self._index[dossier_id].departure

    def blockers_on_proposal(self) -> tuple[Blocker, ...]:
        """The blockers of closing on the default proposal (whatever the jury's list)."""
        st = self.session
        decision = effective_decision(st.decision(), False, self.result)
        return tuple(
            closing_blockers(st.deliberation_input(), self.result, decision, heard=_heard(st))
        )


def _heard(st: SessionState) -> frozenset[str]:
    """Dossiers whose hearing has a recorded start (timed, or entered afterwards)."""
    return frozenset(did for did, h in st.hearings.items() if h.started_at is not None)


def one_dossier_status(st: SessionState, dossier_id: str) -> DossierStatus:
    """One dossier's status as :func:`build` gives it, computed for that dossier alone:
    its validity and counted jurors do not depend on the other dossiers (ranks do, and
    the status does not read them). Building the whole model for 300 dossiers at every
    score typed made typing stall."""
    import dataclasses

    inp = st.deliberation_input()
    ref = next(r for r in inp.dossiers if r.id == dossier_id)
    r = compute(dataclasses.replace(inp, dossiers=(ref,))).results[0]
    hearing = st.hearings.get(dossier_id)
    values = any((dossier_id, j, c.id) in st.scores for j in r.counted for c in st.criteria)
    return dossier_status(
        r,
        in_hearing=hearing is not None and hearing.state == "en_audition",
        heard=hearing is not None and hearing.started_at is not None,
        values_entered=values,
        min_sheets=inp.rules.min_sheets,
    )


def build(st: SessionState) -> DeliberationState:
    """The deliberation state of one reading of a session (CONTRACT section 4)."""
    inp = st.deliberation_input()
    result = compute(inp)
    rules = inp.rules
    decision = effective_decision(st.decision(), st.decision_made, result)
    heard = _heard(st)
    deps = departures(result, decision)
    dep_by_id = {d.dossier_id: d for d in deps}
    default = {e.dossier_id: e.amount_cents for e in result.default_proposal}
    tied = {
        did for f in result.proposal_flags if f.flag == TIE_AT_BOUNDARY for did in f.dossier_ids
    }
    granted: dict[str, LaureateDecision] = {}
    for lau in decision.laureates:
        granted.setdefault(lau.dossier_id, lau)
    entered: dict[tuple[str, str], int] = {}
    for did, jid, _cid in st.scores:
        entered[(did, jid)] = entered.get((did, jid), 0) + 1

    dossiers: list[DossierState] = []
    for d in sorted(st.dossiers, key=lambda x: (x.hearing_order, x.id)):
        r = result.by_id(d.id)
        hearing = st.hearings.get(d.id)
        counts = {j: entered.get((d.id, j), 0) for j in r.counted}
        reasons = invalid_reasons(r, rules.min_sheets)
        dossiers.append(
            DossierState(
                dossier=d,
                result=r,
                counted=r.counted,
                sheets_entered=counts,
                complete={j: j in r.notes for j in r.counted},
                validity=Validity(
                    r.valid,
                    reasons,
                    {} if r.valid else invalid_params(r, rules.min_sheets),
                    "" if r.valid else st.invalid_reasons.get(d.id, "").strip(),
                ),
                heard=d.id in heard,
                status=dossier_status(
                    r,
                    in_hearing=hearing is not None and hearing.state == "en_audition",
                    heard=d.id in heard,
                    values_entered=any(counts.values()),
                    min_sheets=rules.min_sheets,
                ),
                deviations=note_deviations(r),
                opinion=st.opinions.get(d.id, "").strip(),
                comments={
                    jid: text
                    for (did, jid), text in st.comments.items()
                    if did == d.id and text.strip()
                },
                in_proposal=d.id in default,
                proposal_cents=default.get(d.id),
                tie_at_boundary=d.id in tied,
                laureate=granted.get(d.id),
                departure=dep_by_id.get(d.id),
            )
        )

    def rank_key(lau: LaureateDecision) -> tuple[int, int, str]:
        known = lau.dossier_id in result._index
        rank = result.by_id(lau.dossier_id).rank if known else None
        order = st.dossier(lau.dossier_id).hearing_order if known else 10**9
        return (rank if rank is not None else 10**9, order, lau.dossier_id)

    used = sum(lau.amount_cents for lau in decision.laureates)
    envelope = rules.envelope_cents
    refs = {ref.id: ref for ref in inp.dossiers}
    return DeliberationState(
        session=st,
        result=result,
        dossiers=tuple(dossiers),
        default_proposal=result.default_proposal,
        proposal_flags=result.proposal_flags,
        decision_made=st.decision_made,
        decision=decision,
        laureates=tuple(sorted(decision.laureates, key=rank_key)),
        departures=deps,
        envelope=Envelope(
            envelope_cents=envelope,
            max_laureates=rules.max_laureates,
            used_cents=used,
            remaining_cents=None if envelope is None else envelope - used,
            count=len(decision.laureates),
            proposal_total_cents=result.proposal_total_cents,
            requested_eligible_cents=sum(
                refs[r.dossier_id].amount_requested_cents for r in result.results if r.eligible
            ),
        ),
        quorum=Quorum(
            present=result.present_count,
            required=rules.quorum,
            absent=tuple(j for j in inp.juror_ids if j not in inp.present),
        ),
        thresholds=Thresholds(rules.sd_threshold, rules.range_threshold),
        leanings=juror_leanings(inp.juror_ids, (d.deviations for d in dossiers)),
        blockers=tuple(closing_blockers(inp, result, decision, heard=heard)),
    )
