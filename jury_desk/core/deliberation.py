"""The deliberation rules of CONTRACT section 4, as pure functions.

No Qt, no database, no I/O: :func:`compute` turns a :class:`DeliberationInput` into a
:class:`DeliberationResult` (notes, validity, ranking, default proposal), and
:func:`closing_blockers` says what stops the jury's decision from closing. The aids
(:func:`alternative_rankings`, :func:`kendall_w`) are shown to the jury and never decide.

Exactness. Every number the rules compare is exact. A valid value of a criterion is
``min + k * step`` for a whole ``k``, so a sheet's note is ``sum_c(A_c * k_c) / D`` with
whole ``A_c`` and one common denominator ``D`` for the session (:class:`_Scale`). The
mean, median, variance and spread of a dossier are then computed on whole numerators and
turned into :class:`~fractions.Fraction` once, instead of normalising a fraction at every
step; this keeps :func:`compute` fast enough to run on every refresh of the screen.

Decisions taken where the contract is silent (each is repeated where it applies):

- a dossier needs at least one complete sheet to be valid, whatever ``min_sheets`` says
  (a mean of no note does not exist); the schema already asks ``min_sheets >= 1``;
- ``median``, ``variance``, ``sd`` and ``spread`` are ``None`` when the dossier is not
  valid, like ``score``; ``notes`` and ``criteria_means`` are still given over the
  complete sheets of counted jurors, for display (``None`` for a criterion without any);
- within a rank group, and between valid dossiers of the same rank, the stable order is
  the hearing order, then the dossier id;
- a juror present in ``inp.present`` but not in ``inp.juror_ids`` is ignored.
"""

from __future__ import annotations

import math
import operator
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from functools import lru_cache
from itertools import groupby
from typing import cast

from jury_desk.core.domain import (
    Criterion,
    DeliberationInput,
    DossierRef,
    JuryDecision,
    LaureateDecision,
    Rules,
    to_fraction,
)
from jury_desk.core.records import record

__all__ = [
    "BLOCKER_CODES",
    "MENTIONS",
    "TIE_AT_BOUNDARY",
    "AlternativeRanking",
    "Blocker",
    "DeliberationResult",
    "Departure",
    "DepartureKind",
    "DossierResult",
    "DossierStatus",
    "InvalidReason",
    "Missing",
    "ProposalEntry",
    "ProposalFlag",
    "alternative_rankings",
    "closing_blockers",
    "compute",
    "departures",
    "dossier_status",
    "effective_decision",
    "invalid_params",
    "invalid_reasons",
    "juror_leanings",
    "kendall_w",
    "mention",
    "note_deviations",
    "propose",
    "sheet_note",
]

TIE_AT_BOUNDARY = "tie_at_boundary"


# --------------------------------------------------------------------------- results


@record
class Missing:
    """An incomplete or absent sheet of a juror who counts for the dossier.

    ``criterion_ids`` lists, in the session's criteria order, the criteria without a
    valid value (all of them when the sheet is absent).
    """

    juror_id: str
    criterion_ids: tuple[str, ...]


@record(slots=False)
class DossierResult:
    """One dossier's result (CONTRACT sections 2 and 4)."""

    dossier_id: str
    valid: bool
    counted: tuple[str, ...]  # present and not recused, in input juror order
    sheets: int  # complete sheets among the counted jurors
    notes: dict[str, Fraction]  # juror_id -> note /20, counted jurors with a complete sheet
    score: Fraction | None  # mean of the notes; None when not valid
    median: Fraction | None
    variance: Fraction | None  # population variance, exact
    sd: Decimal | None  # population sd rounded half-to-even to 4 decimals, exactly
    spread: Fraction | None  # highest note - lowest note
    criteria_means: dict[str, Fraction | None]  # mean raw value over the complete sheets
    rank: int | None  # standard competition ranking among valid dossiers
    ex_aequo: bool
    eligible: bool  # valid and score >= min_score
    missing: tuple[Missing, ...]  # empty when valid
    too_few_sheets: bool  # complete sheets < min_sheets (or none at all)
    disagreement: bool  # sd > sd_threshold or spread > range_threshold (valid only)


@record
class ProposalEntry:
    dossier_id: str
    amount_cents: int


@record
class ProposalFlag:
    """A rank group at the boundary of the default proposal (``flag`` = ``tie_at_boundary``)."""

    dossier_ids: tuple[str, ...]
    flag: str


@record(slots=False)
class DeliberationResult:
    """Everything :func:`compute` derives from a :class:`DeliberationInput`.

    ``results`` holds the valid dossiers by rank (then hearing order, then id), then the
    invalid ones by hearing order (then id).
    """

    results: tuple[DossierResult, ...]
    default_proposal: tuple[ProposalEntry, ...]
    proposal_flags: tuple[ProposalFlag, ...]
    proposal_total_cents: int
    present_count: int
    quorum_met: bool
    _index: dict[str, DossierResult] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", {r.dossier_id: r for r in self.results})

    def by_id(self, dossier_id: str) -> DossierResult:
        """The result of one dossier; :class:`KeyError` for an unknown id."""
        return self._index[dossier_id]


# --------------------------------------------------------------------------- notes


@record
class _Scale:
    """The criteria in whole numbers.

    A value ``v`` of criterion ``i`` is valid when ``x = v * unit[i]`` is whole and
    ``x - offset[i] = k * step[i]`` with a whole ``0 <= k <= top[i]`` (this is exactly
    :meth:`Criterion.is_valid`). The note of a complete sheet is then
    ``sum_i(coef[i] * k_i) / denom``.
    """

    ids: tuple[str, ...]
    unit: tuple[int, ...]
    offset: tuple[int, ...]
    step: tuple[int, ...]
    top: tuple[int, ...]
    coef: tuple[int, ...]
    denom: int

    def read(self, values: Iterable[Fraction | None]) -> list[int | None]:
        """The whole ``k`` of each value, in criteria order; ``None`` where missing or invalid.

        This is the hot loop of :func:`compute` (one call per sheet), hence written flat.
        """
        out: list[int | None] = []
        append = out.append
        for value, unit, offset, step, top in zip(
            values, self.unit, self.offset, self.step, self.top, strict=True
        ):
            if value is None:
                append(None)
                continue
            try:  # Fraction or int
                num, den = value.numerator, value.denominator
            except AttributeError:  # anything else to_fraction reads exactly
                exact = to_fraction(value)
                num, den = exact.numerator, exact.denominator
            if den == 1:
                x = num * unit - offset
            else:
                x, r = divmod(num * unit, den)
                if r:
                    append(None)
                    continue
                x -= offset
            if step == 1:
                append(x if 0 <= x <= top else None)
            else:
                k, r = divmod(x, step)
                append(None if r or k < 0 or k > top else k)
        return out

    def note(self, ks: Iterable[int]) -> int:
        """Numerator over :attr:`denom` of the note of a complete sheet."""
        return sum(map(operator.mul, self.coef, ks))

    def numerator(self, note: Fraction) -> int:
        """``note * denom``, whole for any note of this scale."""
        return note.numerator * (self.denom // note.denominator)


@lru_cache(maxsize=16)
def _scale(criteria: tuple[Criterion, ...]) -> _Scale:
    if not criteria:
        raise ValueError("a session needs at least one criterion")
    total_weight = sum((c.weight for c in criteria), Fraction(0))
    if total_weight <= 0:
        raise ValueError("the criteria weights must add up to more than 0")
    # (v - min) / (max - min) = k * step / (max - min)
    factors = [20 * c.weight * c.step / (total_weight * (c.max - c.min)) for c in criteria]
    denom = math.lcm(*(f.denominator for f in factors))
    units = [math.lcm(c.min.denominator, c.step.denominator) for c in criteria]
    return _Scale(
        ids=tuple(c.id for c in criteria),
        unit=tuple(units),
        offset=tuple(int(c.min * u) for c, u in zip(criteria, units, strict=True)),
        step=tuple(int(c.step * u) for c, u in zip(criteria, units, strict=True)),
        top=tuple(math.floor((c.max - c.min) / c.step) for c in criteria),
        coef=tuple(int(f * denom) for f in factors),
        denom=denom,
    )


def sheet_note(criteria: Sequence[Criterion], values: Mapping[str, Fraction]) -> Fraction | None:
    """The note /20 of one sheet, or ``None`` when it is not complete.

    ``20 * sum_c(w_c * (v_c - min_c) / (max_c - min_c)) / sum_c(w_c)``; a value missing
    from ``values`` or not valid for its criterion makes the sheet incomplete.
    """
    scale = _scale(tuple(criteria))
    ks = scale.read([values.get(cid) for cid in scale.ids])
    if None in ks:
        return None
    return Fraction(scale.note(cast(list[int], ks)), scale.denom)


def _sqrt_round4(p: int, q: int) -> Decimal:
    """``sqrt(p / q)`` rounded half-to-even to 4 decimals, exactly (whole arithmetic)."""
    a = 4 * 10**8 * p
    f = math.isqrt(a // q)  # floor(2 * 10**4 * sqrt(p / q))
    k, odd = divmod(f, 2)
    if odd and (f * f * q != a or k % 2):  # above the half, or exactly half with k odd
        k += 1
    return Decimal(f"{k // 10**4}.{k % 10**4:04d}")  # exact, whatever the decimal context


# --------------------------------------------------------------------------- compute


@dataclass(slots=True)
class _Work:
    ref: DossierRef
    counted: tuple[str, ...]
    nums: dict[str, int]  # juror_id -> note numerator over scale.denom
    missing: tuple[Missing, ...]
    criteria_means: dict[str, Fraction | None]
    valid: bool


def _gather(inp: DeliberationInput, scale: _Scale, ref: DossierRef, present: list[str]) -> _Work:
    scores = inp.scores
    recused = inp.recused
    did = ref.id
    ids = scale.ids
    counted = tuple(j for j in present if (j, did) not in recused)
    nums: dict[str, int] = {}
    sums = [0] * len(ids)
    missing: list[Missing] = []
    for jid in counted:
        ks = scale.read([scores.get((did, jid, cid)) for cid in ids])
        if None in ks:
            lacking = tuple(cid for cid, k in zip(ids, ks, strict=True) if k is None)
            missing.append(Missing(jid, lacking))
            continue
        complete = cast(list[int], ks)
        nums[jid] = scale.note(complete)
        sums = list(map(operator.add, sums, complete))
    n = len(nums)
    means: dict[str, Fraction | None] = {}
    for i, cid in enumerate(ids):
        # mean of min + k * step = (offset * n + step * sum k) / (unit * n)
        means[cid] = (
            Fraction(scale.offset[i] * n + scale.step[i] * sums[i], scale.unit[i] * n)
            if n
            else None
        )
    valid = not missing and n >= max(inp.rules.min_sheets, 1)
    return _Work(ref, counted, nums, tuple(missing), means, valid)


def _finish(
    work: _Work, scale: _Scale, rules: Rules, ranking: tuple[Fraction, int, bool] | None
) -> DossierResult:
    """The final result of a dossier; ``ranking`` = (score, rank, ex aequo) when valid."""
    d = scale.denom
    notes = {j: Fraction(n, d) for j, n in work.nums.items()}
    n = len(work.nums)
    too_few = n < max(rules.min_sheets, 1)
    if ranking is None:
        return DossierResult(
            dossier_id=work.ref.id,
            valid=False,
            counted=work.counted,
            sheets=n,
            notes=notes,
            score=None,
            median=None,
            variance=None,
            sd=None,
            spread=None,
            criteria_means=work.criteria_means,
            rank=None,
            ex_aequo=False,
            eligible=False,
            missing=work.missing,
            too_few_sheets=too_few,
            disagreement=False,
        )
    score, rank, ex_aequo = ranking
    values = sorted(work.nums.values())
    total = sum(values)
    squares = sum(v * v for v in values)
    mid = n // 2
    median = Fraction(values[mid], d) if n % 2 else Fraction(values[mid - 1] + values[mid], 2 * d)
    var_num, var_den = n * squares - total * total, n * n * d * d
    variance = Fraction(var_num, var_den)
    spread = Fraction(values[-1] - values[0], d)
    # sd > threshold, compared exactly as variance > threshold**2 (sd >= 0 > a negative one)
    limit = rules.sd_threshold
    above = limit < 0 or variance > limit * limit
    disagreement = above or spread > rules.range_threshold
    return DossierResult(
        dossier_id=work.ref.id,
        valid=True,
        counted=work.counted,
        sheets=n,
        notes=notes,
        score=score,
        median=median,
        variance=variance,
        sd=_sqrt_round4(var_num, var_den),
        spread=spread,
        criteria_means=work.criteria_means,
        rank=rank,
        ex_aequo=ex_aequo,
        eligible=score >= rules.min_score,
        missing=(),
        too_few_sheets=False,
        disagreement=disagreement,
    )


def _stable(ref: DossierRef) -> tuple[int, str]:
    return (ref.hearing_order, ref.id)


def _fits(total: int, count: int, rules: Rules) -> bool:
    envelope, cap = rules.envelope_cents, rules.max_laureates
    return (envelope is None or total <= envelope) and (cap is None or count <= cap)


def propose(
    groups: Iterable[Sequence[DossierRef]], rules: Rules
) -> tuple[tuple[ProposalEntry, ...], tuple[ProposalFlag, ...]]:
    """The envelope walk of section 4 over rank groups given best first.

    Each group is taken whole, at the requested amounts, while the running total stays
    within ``envelope_cents`` and the count within ``max_laureates`` (``None``: no limit).
    The walk stops at the first group that does not fit; when that group holds several
    dossiers and one of them alone would fit, it is flagged ``tie_at_boundary`` (ids in
    the group's order). The caller passes only eligible dossiers.
    """
    taken: list[ProposalEntry] = []
    flags: list[ProposalFlag] = []
    total = count = 0
    for group in groups:
        group_sum = sum(d.amount_requested_cents for d in group)
        if _fits(total + group_sum, count + len(group), rules):
            taken.extend(ProposalEntry(d.id, d.amount_requested_cents) for d in group)
            total += group_sum
            count += len(group)
            continue
        if len(group) > 1 and any(
            _fits(total + d.amount_requested_cents, count + 1, rules) for d in group
        ):
            flags.append(ProposalFlag(tuple(d.id for d in group), TIE_AT_BOUNDARY))
        break
    return tuple(taken), tuple(flags)


def _groups(ordered: Sequence[DossierRef], rank: Mapping[str, int]) -> list[list[DossierRef]]:
    """Consecutive dossiers of ``ordered`` that share a rank."""
    return [list(group) for _, group in groupby(ordered, key=lambda ref: rank[ref.id])]


def _competition(values: Mapping[str, object], order: Sequence[str]) -> dict[str, int]:
    """Ranks 1, 2, 2, 4 of ids already sorted best first, equal values sharing a rank."""
    ranks: dict[str, int] = {}
    for position, did in enumerate(order):
        if position and values[order[position - 1]] == values[did]:
            ranks[did] = ranks[order[position - 1]]
        else:
            ranks[did] = position + 1
    return ranks


def compute(inp: DeliberationInput) -> DeliberationResult:
    """Notes, validity, statistics, ranking and default proposal (CONTRACT section 4).

    The jurors who count for a dossier are those present and not recused for it; the
    values of every other juror are ignored. A value that fails
    :meth:`Criterion.is_valid` counts as missing.
    """
    scale = _scale(tuple(inp.criteria))
    rules = inp.rules
    present = [j for j in inp.juror_ids if j in inp.present]
    works = [_gather(inp, scale, ref, present) for ref in inp.dossiers]

    valid = [w for w in works if w.valid]
    scores = {w.ref.id: Fraction(sum(w.nums.values()), len(w.nums) * scale.denom) for w in valid}
    valid.sort(key=lambda w: _stable(w.ref))
    valid.sort(key=lambda w: scores[w.ref.id], reverse=True)  # stable: ties keep hearing order
    ranks = _competition(scores, [w.ref.id for w in valid])
    shared = Counter(ranks.values())
    invalid = sorted((w for w in works if not w.valid), key=lambda w: _stable(w.ref))

    ranked = [
        _finish(w, scale, rules, (scores[w.ref.id], ranks[w.ref.id], shared[ranks[w.ref.id]] > 1))
        for w in valid
    ]
    eligible = [w.ref for w, r in zip(valid, ranked, strict=True) if r.eligible]
    proposal, flags = propose(_groups(eligible, ranks), rules)
    results = (*ranked, *(_finish(w, scale, rules, None) for w in invalid))
    return DeliberationResult(
        results=results,
        default_proposal=proposal,
        proposal_flags=flags,
        proposal_total_cents=sum(e.amount_cents for e in proposal),
        present_count=len(present),
        quorum_met=len(present) >= rules.quorum,
    )


# --------------------------------------------------------------------------- closing


class InvalidReason(StrEnum):
    """Why a dossier's result is not valid (section 4); several may hold at once."""

    MISSING_SHEETS = "missing_sheets"  # a counted juror's sheet is absent or incomplete
    TOO_FEW_JURORS = "too_few_jurors"  # fewer counted jurors than min_sheets (or none)
    TOO_FEW_SHEETS = "too_few_sheets"  # fewer complete sheets than min_sheets, none missing


def invalid_reasons(r: DossierResult, min_sheets: int) -> tuple[InvalidReason, ...]:
    """The reasons why ``r`` is not valid (empty when it is valid).

    ``need = max(min_sheets, 1)``; ``missing_sheets`` when a counted juror lacks a
    complete sheet; ``too_few_jurors`` when ``len(counted) < need`` (entering sheets
    cannot mend it: attendance or recusals must change); ``too_few_sheets`` when the
    complete sheets are fewer than ``need`` while no sheet is missing and enough jurors
    count (not reachable today, kept so that every invalid result has a reason).
    """
    if r.valid:
        return ()
    need = max(min_sheets, 1)
    out: list[InvalidReason] = []
    if r.missing:
        out.append(InvalidReason.MISSING_SHEETS)
    if len(r.counted) < need:
        out.append(InvalidReason.TOO_FEW_JURORS)
    if not out:
        out.append(InvalidReason.TOO_FEW_SHEETS)
    return tuple(out)


def invalid_params(r: DossierResult, min_sheets: int) -> dict[str, object]:
    """The parameters that word :func:`invalid_reasons`.

    ``reasons`` (codes), ``missing`` (``(juror_id, criterion_ids)`` pairs), ``counted``
    (number of counted jurors), ``sheets`` (complete sheets), ``need``.
    """
    return {
        "dossier": r.dossier_id,
        "reasons": tuple(x.value for x in invalid_reasons(r, min_sheets)),
        "missing": tuple((m.juror_id, m.criterion_ids) for m in r.missing),
        "counted": len(r.counted),
        "sheets": r.sheets,
        "need": max(min_sheets, 1),
    }


class DepartureKind(StrEnum):
    """What the jury's list does with a dossier against the default proposal."""

    ADDED = "added"  # a laureate that the default proposal does not hold
    REMOVED = "removed"  # a dossier of the default proposal left out of the list
    AMOUNT_CHANGED = "amount"  # a laureate of the default proposal at another amount


@record
class Departure:
    """One departure of the jury's list from the default proposal.

    ``justification`` is the laureate's own (``added``, ``amount``) or the one written
    for the left-out dossier (``removed``); ``justified`` = it is not blank.
    """

    dossier_id: str
    kind: DepartureKind
    default_cents: int | None  # amount in the default proposal (None: not in it)
    amount_cents: int | None  # amount in the jury's list (None: left out)
    justification: str

    @property
    def justified(self) -> bool:
        return not _blank(self.justification)


def departures(result: DeliberationResult, decision: JuryDecision) -> tuple[Departure, ...]:
    """Every departure of ``decision`` from ``result.default_proposal``.

    The laureates in the decision's order first (each once, known dossiers only), then
    the left-out dossiers in the default proposal's order. A laureate is ``added`` when
    the default proposal does not hold it, ``amount`` when it holds it at another
    amount; a dossier of the default proposal absent from the list is ``removed``.
    """
    default = {e.dossier_id: e.amount_cents for e in result.default_proposal}
    out: list[Departure] = []
    chosen: set[str] = set()
    for lau in decision.laureates:
        did = lau.dossier_id
        if did in chosen or did not in result._index:
            continue
        chosen.add(did)
        text = lau.justification.strip()
        if did not in default:
            out.append(Departure(did, DepartureKind.ADDED, None, lau.amount_cents, text))
        elif default[did] != lau.amount_cents:
            out.append(
                Departure(did, DepartureKind.AMOUNT_CHANGED, default[did], lau.amount_cents, text)
            )
    for e in result.default_proposal:
        if e.dossier_id not in chosen:
            text = (decision.departures.get(e.dossier_id) or "").strip()
            out.append(Departure(e.dossier_id, DepartureKind.REMOVED, e.amount_cents, None, text))
    return tuple(out)


def effective_decision(
    decision: JuryDecision, decision_made: bool, result: DeliberationResult
) -> JuryDecision:
    """The jury's list when it has set one (``decision_made``), else the default proposal.

    The default proposal is taken at its amounts with no departure; the reasons given for
    invalid dossiers are kept either way.
    """
    if decision_made:
        return decision
    return JuryDecision(
        tuple(LaureateDecision(p.dossier_id, p.amount_cents) for p in result.default_proposal),
        {},
        dict(decision.invalid_reasons),
    )


BLOCKER_CODES = (
    "quorum",
    "invalid_without_reason",
    "duplicate_laureate",
    "unknown_dossier",
    "negative_amount",
    "invalid_laureate",
    "laureate_not_heard",
    "unjustified_addition",
    "unjustified_amount",
    "unjustified_departure",
    "over_envelope",
    "over_count",
    "decision_not_set",
)


@record
class Blocker:
    """One reason why the deliberation cannot close yet: a code and its parameters.

    ``code`` is stable (tests, logs, translation); ``params`` are plain values (ids,
    counts, cents, exact notes) that each front end words (``jury_desk.messages``).
    :func:`closing_blockers` reports the quorum, then the invalid dossiers in results
    order, then each laureate in the decision's order (its blockers in the order below),
    then the departures in the default proposal's order, then the envelope and the
    count. The codes and their parameters:

    - ``quorum``: fewer present jurors than ``rules.quorum``; ``present``,
      ``required``, ``absent`` (ids).
    - ``invalid_without_reason``: a dossier is not valid and ``decision.invalid_reasons``
      has no non-blank reason for it; ``juror_id`` is set when exactly one sheet is
      missing; parameters of :func:`invalid_params`.
    - ``duplicate_laureate``: a dossier appears more than once among the laureates
      (reported once, at its first line); ``count``.
    - ``unknown_dossier``: a laureate is not a dossier of the session.
    - ``negative_amount``: a laureate's amount is below 0 cents; ``amount_cents``.
    - ``invalid_laureate``: a laureate's dossier is not valid (it has no score and no
      rank); no justification lifts this one.
    - ``laureate_not_heard``: a laureate's hearing has no recorded start (every project
      is presented and defended before the jury).
    - ``unjustified_addition``: a laureate that is not in the default proposal (a
      dossier further down, one of a ``tie_at_boundary`` group, or one under
      ``min_score``: the jury is sovereign) has a blank justification; ``eligible``,
      ``rank``, ``score``, ``min_score``.
    - ``unjustified_amount``: a laureate of the default proposal granted another amount
      has a blank justification; ``amount_cents``, ``default_cents``.
    - ``unjustified_departure``: a dossier of the default proposal left out of the
      laureates has no non-blank justification in ``decision.departures``.
    - ``over_envelope``: the laureates' total exceeds ``envelope_cents``;
      ``total_cents``, ``envelope_cents``, ``excess_cents``.
    - ``over_count``: there are more laureates than ``max_laureates``; ``count``,
      ``max``, ``excess``.
    - ``decision_not_set``: (from the closing service, not from this function) the jury
      has not set its own list and the caller did not ask to close on the proposal.
    """

    code: str
    dossier_id: str | None = None
    juror_id: str | None = None
    params: Mapping[str, object] = field(default_factory=dict)


def _blank(text: str | None) -> bool:
    return text is None or not text.strip()


def closing_blockers(
    inp: DeliberationInput,
    result: DeliberationResult,
    decision: JuryDecision,
    *,
    heard: AbstractSet[str],
) -> list[Blocker]:
    """Everything that stops the deliberation from closing on ``decision`` (empty: it may).

    Section 4: quorum; every dossier valid or with a written reason; the jury's total and
    count within the envelope and ``max_laureates``; every departure from the default
    proposal justified; every laureate heard (``heard``: the dossiers whose hearing has a
    recorded start). A laureate that is not valid is always refused; one that is valid
    but not eligible (under ``min_score``) is accepted with a justification, like any
    addition. See :class:`Blocker` for the codes.
    """
    rules = inp.rules
    blockers: list[Blocker] = []

    if not result.quorum_met:
        absent = tuple(j for j in inp.juror_ids if j not in inp.present)
        blockers.append(
            Blocker(
                "quorum",
                params={
                    "present": result.present_count,
                    "required": rules.quorum,
                    "absent": absent,
                },
            )
        )

    for r in result.results:
        if not r.valid and _blank(decision.invalid_reasons.get(r.dossier_id)):
            juror = r.missing[0].juror_id if len(r.missing) == 1 else None
            blockers.append(
                Blocker(
                    "invalid_without_reason",
                    r.dossier_id,
                    juror,
                    invalid_params(r, rules.min_sheets),
                )
            )

    default = {e.dossier_id: e.amount_cents for e in result.default_proposal}
    known = {ref.id for ref in inp.dossiers}
    seen: Counter[str] = Counter(entry.dossier_id for entry in decision.laureates)
    checked: set[str] = set()
    for entry in decision.laureates:
        did = entry.dossier_id
        if did in checked:
            continue
        checked.add(did)
        if seen[did] > 1:
            blockers.append(Blocker("duplicate_laureate", did, params={"count": seen[did]}))
        if did not in known:
            blockers.append(Blocker("unknown_dossier", did))
            continue
        if entry.amount_cents < 0:
            blockers.append(
                Blocker("negative_amount", did, params={"amount_cents": entry.amount_cents})
            )
        r = result.by_id(did)
        if not r.valid:
            blockers.append(Blocker("invalid_laureate", did))
            continue
        if did not in heard:
            blockers.append(Blocker("laureate_not_heard", did))
        if not _blank(entry.justification):
            continue
        if did not in default:
            blockers.append(
                Blocker(
                    "unjustified_addition",
                    did,
                    params={
                        "eligible": r.eligible,
                        "rank": r.rank,
                        "score": r.score,
                        "min_score": rules.min_score,
                    },
                )
            )
        elif default[did] != entry.amount_cents:
            blockers.append(
                Blocker(
                    "unjustified_amount",
                    did,
                    params={"amount_cents": entry.amount_cents, "default_cents": default[did]},
                )
            )

    for e in result.default_proposal:
        if e.dossier_id not in seen and _blank(decision.departures.get(e.dossier_id)):
            blockers.append(Blocker("unjustified_departure", e.dossier_id))

    total = sum(entry.amount_cents for entry in decision.laureates)
    if rules.envelope_cents is not None and total > rules.envelope_cents:
        blockers.append(
            Blocker(
                "over_envelope",
                params={
                    "total_cents": total,
                    "envelope_cents": rules.envelope_cents,
                    "excess_cents": total - rules.envelope_cents,
                },
            )
        )
    count = len(decision.laureates)
    if rules.max_laureates is not None and count > rules.max_laureates:
        blockers.append(
            Blocker(
                "over_count",
                params={
                    "count": count,
                    "max": rules.max_laureates,
                    "excess": count - rules.max_laureates,
                },
            )
        )
    return blockers


# --------------------------------------------------------------------------- console


class DossierStatus(StrEnum):
    """A dossier's status on the secretary's console and the shared screen."""

    A_VENIR = "a_venir"  # not heard yet, no value entered
    EN_AUDITION = "en_audition"  # its hearing is running
    ENTENDU = "entendu"  # heard (its hearing has a recorded start), no value entered
    NOTE = "note"  # its result is valid (section 4)
    INCOMPLET = "incomplet"  # values entered, not valid yet; entering sheets can mend it
    INVALIDE = "invalide"  # not valid and entering sheets cannot mend it


def dossier_status(
    r: DossierResult, *, in_hearing: bool, heard: bool, values_entered: bool, min_sheets: int
) -> DossierStatus:
    """The console's status of a dossier, from its result (the rules decide ``noté``).

    ``en_audition`` while its hearing runs; else ``noté`` when the result is valid (every
    counted juror has a complete, valid sheet and there are at least ``min_sheets``);
    else ``invalide`` when fewer jurors count than ``max(min_sheets, 1)`` and it was heard
    or has a value (entering sheets cannot mend it); else ``incomplet`` when a counted
    juror entered a value; else ``entendu`` when heard; else ``à venir``.
    """
    if in_hearing:
        return DossierStatus.EN_AUDITION
    if r.valid:
        return DossierStatus.NOTE
    if len(r.counted) < max(min_sheets, 1) and (heard or values_entered):
        return DossierStatus.INVALIDE
    if values_entered:
        return DossierStatus.INCOMPLET
    return DossierStatus.ENTENDU if heard else DossierStatus.A_VENIR


# --------------------------------------------------------------------------- aids


def note_deviations(r: DossierResult) -> dict[str, Fraction]:
    """Each counted juror's note minus the dossier's mean note (an aid, exact).

    The mean is ``score`` when the dossier is valid, else the mean of the notes of the
    counted jurors' complete sheets; jurors without a complete sheet have no deviation.
    """
    if not r.notes:
        return {}
    mean = r.score if r.score is not None else sum(r.notes.values(), Fraction(0)) / len(r.notes)
    return {j: note - mean for j, note in r.notes.items()}


def juror_leanings(
    juror_ids: Sequence[str], deviations: Iterable[Mapping[str, Fraction]]
) -> dict[str, Fraction | None]:
    """Each juror's mean deviation over the dossiers they noted (negative: severe).

    ``None`` for a juror without any note.
    """
    sums: dict[str, list[Fraction]] = {j: [] for j in juror_ids}
    for devs in deviations:
        for j, dev in devs.items():
            if j in sums:
                sums[j].append(dev)
    return {j: (sum(v, Fraction(0)) / len(v) if v else None) for j, v in sums.items()}


MENTIONS = (
    "À rejeter",  # note < 4
    "Insuffisant",  # 4 <= note < 7
    "Passable",  # 7 <= note < 10
    "Assez bien",  # 10 <= note < 12
    "Bien",  # 12 <= note < 14
    "Très bien",  # 14 <= note < 17
    "Excellent",  # 17 <= note
)
_MENTION_FLOORS = (4, 7, 10, 12, 14, 17)


def mention(note: Fraction) -> int:
    """Index in :data:`MENTIONS` of a note /20 (Majority Judgment grade), exact bounds."""
    return bisect_right(_MENTION_FLOORS, note)


@record(slots=False)
class AlternativeRanking:
    """Another way of ranking the valid dossiers, shown to the jury as an aid.

    ``ranks`` gives every dossier (``None`` when not valid); ``laureates`` is the
    envelope walk (:func:`propose`) over the eligible dossiers in this order;
    ``entering`` / ``leaving`` compare it with the default proposal.
    """

    method: str  # median | zscore | majority_judgment (named and explained by the faces)
    ranks: dict[str, int | None]
    laureates: tuple[str, ...]
    entering: tuple[str, ...]
    leaving: tuple[str, ...]


def _zscores(
    inp: DeliberationInput, scale: _Scale, valid: Sequence[DossierResult]
) -> dict[str, float]:
    """Mean per dossier of its jurors' z-scores (floats; sums are exactly rounded)."""
    per_juror: dict[str, list[int]] = {}
    for r in valid:
        for jid, note in r.notes.items():
            per_juror.setdefault(jid, []).append(scale.numerator(note))
    spread: dict[str, tuple[int, int, float]] = {}
    for jid, nums in per_juror.items():
        n, total = len(nums), sum(nums)
        # z = (note - mean) / sd = (n * N - S) / sqrt(n * Q - S**2) on numerators N
        var = n * sum(v * v for v in nums) - total * total
        spread[jid] = (n, total, math.sqrt(var) if var > 0 else 0.0)
    out: dict[str, float] = {}
    for r in valid:
        zs: list[float] = []
        for jid, note in r.notes.items():
            n, total, root = spread[jid]
            zs.append((n * scale.numerator(note) - total) / root if root else 0.0)
        out[r.dossier_id] = math.fsum(zs) / len(zs)
    return out


def _majority_value(grades: Iterable[int]) -> tuple[int, ...]:
    """Successive lower-median grades, removing one each time (Balinski-Laraki)."""
    rest = sorted(grades)
    value: list[int] = []
    while rest:
        value.append(rest.pop((len(rest) - 1) // 2))
    return tuple(value)


def _majority_ranks(values: Mapping[str, tuple[int, ...]]) -> dict[str, int]:
    """Rank = 1 + number of dossiers that beat this one.

    ``a`` beats ``b`` when, at the first place their majority values differ, ``a``'s
    grade is higher; when one runs out of grades first, neither beats the other. A
    sequence beats ``x`` exactly when it sorts at or after ``x + (len(MENTIONS),)``.
    """
    ordered = sorted(values.values())
    size = len(ordered)
    cap = (len(MENTIONS),)
    return {did: 1 + size - bisect_left(ordered, value + cap) for did, value in values.items()}


def alternative_rankings(
    inp: DeliberationInput, result: DeliberationResult
) -> list[AlternativeRanking]:
    """The valid dossiers ranked by median, by per-juror z-score, and by Majority Judgment.

    - ``median``: exact median note, highest first.
    - ``zscore``: for each juror, mean and population sd of their notes over the valid
      dossiers they scored; z = (note - mean) / sd, 0 for a juror whose sd is 0; a
      dossier's value is the mean of its jurors' z (floats).
    - ``majority_judgment``: each note /20 becomes a mention (:data:`MENTIONS`, bounds
      4, 7, 10, 12, 14, 17 from below); majority mention = lower median; ties broken by
      Balinski-Laraki's iterative removal (see :func:`_majority_ranks`).

    Equal values share a rank (1, 2, 2, 4). Each ranking's laureates come from the
    same envelope walk as the default proposal, over its eligible dossiers.
    """
    scale = _scale(tuple(inp.criteria))
    refs = {ref.id: ref for ref in inp.dossiers}
    valid = sorted(
        (r for r in result.results if r.valid), key=lambda r: _stable(refs[r.dossier_id])
    )
    baseline = [e.dossier_id for e in result.default_proposal]
    in_baseline = set(baseline)

    methods: list[tuple[str, dict[str, int]]] = []
    medians = {r.dossier_id: r.median for r in valid if r.median is not None}
    order = sorted(medians, key=medians.__getitem__, reverse=True)
    methods.append(("median", _competition(medians, order)))
    zs = _zscores(inp, scale, valid)
    order = sorted(zs, key=zs.__getitem__, reverse=True)
    methods.append(("zscore", _competition(zs, order)))
    floors = [scale.denom * f for f in _MENTION_FLOORS]  # mention() on numerators, faster
    majority = {
        r.dossier_id: _majority_value(
            bisect_right(floors, scale.numerator(note)) for note in r.notes.values()
        )
        for r in valid
    }
    methods.append(("majority_judgment", _majority_ranks(majority)))

    out: list[AlternativeRanking] = []
    for method, ranks in methods:
        eligible = sorted(
            (refs[r.dossier_id] for r in valid if r.eligible),
            key=lambda ref: (ranks[ref.id], *_stable(ref)),
        )
        entries, _flags = propose(_groups(eligible, ranks), inp.rules)
        laureates = tuple(e.dossier_id for e in entries)
        chosen = set(laureates)
        out.append(
            AlternativeRanking(
                method=method,
                ranks={ref.id: ranks.get(ref.id) for ref in inp.dossiers},
                laureates=laureates,
                entering=tuple(d for d in laureates if d not in in_baseline),
                leaving=tuple(d for d in baseline if d not in chosen),
            )
        )
    return out


def kendall_w(inp: DeliberationInput, result: DeliberationResult) -> Fraction | None:
    """Kendall's coefficient of concordance W, with the correction for ties (exact).

    Raters: the jurors (input order) with a note on every valid dossier; objects: the
    valid dossiers. Each juror ranks the dossiers by note, equal notes taking the mean
    of their places. ``W = 12 S / (m² (n³ - n) - m Σ T)`` where ``S`` is the sum of the
    squared deviations of the rank sums from ``m (n + 1) / 2`` and ``T = Σ (t³ - t)``
    over each juror's groups of ``t`` equal notes. ``None`` when fewer than 2 jurors or
    2 dossiers, or when every juror gave one note to all (the denominator is 0).
    """
    scale = _scale(tuple(inp.criteria))
    objects = [r for r in result.results if r.valid]
    raters = [j for j in inp.juror_ids if all(j in r.notes for r in objects)]
    n, m = len(objects), len(raters)
    if n < 2 or m < 2:
        return None
    doubled = [0] * n  # rank sums, times 2 so that mean places stay whole
    ties = 0
    for jid in raters:
        keys = [scale.numerator(r.notes[jid]) for r in objects]
        order = sorted(range(n), key=keys.__getitem__)
        start = 0
        while start < n:
            end = start
            while end + 1 < n and keys[order[end + 1]] == keys[order[start]]:
                end += 1
            for idx in order[start : end + 1]:
                doubled[idx] += start + end + 2  # 2 * mean of places start+1 .. end+1
            t = end - start + 1
            ties += t**3 - t
            start = end + 1
    denominator = m * m * (n**3 - n) - m * ties
    if denominator <= 0:
        return None
    centre = m * (n + 1)  # 2 * m (n + 1) / 2
    # 12 S = 12 * sum((doubled/2 - centre/2)**2) = 3 * sum((doubled - centre)**2)
    return Fraction(3 * sum((x - centre) ** 2 for x in doubled), denominator)
