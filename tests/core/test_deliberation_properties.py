"""Properties of the deliberation rules on random sessions (hypothesis).

Small sessions (up to 7 dossiers, 5 jurors, 3 criteria) with coarse scales and shared
sheet templates, so that exact ties, missing sheets, invalid values, recusals and
absences all happen often.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping
from dataclasses import replace
from decimal import ROUND_HALF_EVEN, Decimal, localcontext
from fractions import Fraction
from random import Random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jury_desk.core.deliberation import (
    DeliberationResult,
    DossierResult,
    alternative_rankings,
    compute,
    kendall_w,
    sheet_note,
)
from jury_desk.core.domain import Criterion, DeliberationInput, DossierRef, Rules

F = Fraction
PROPERTIES = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def criteria_lists(draw: st.DrawFn) -> tuple[Criterion, ...]:
    out = []
    for i in range(draw(st.integers(1, 3))):
        step = draw(st.sampled_from([F(1), F(1, 2), F(1, 4), F(2), F(1, 3)]))
        low = draw(st.sampled_from([F(0), F(1), F(-1), F(1, 2)]))
        high = low + step * draw(st.integers(1, 6))
        weight = draw(st.sampled_from([F(1), F(2), F(3), F(1, 2), F(5, 3)]))
        out.append(Criterion(f"c{i}", f"Critère {i}", "", weight, low, high, step))
    return tuple(out)


def invalid_values(c: Criterion) -> list[Fraction]:
    return [c.min - c.step, c.max + c.step, c.min + c.step / 2]


@st.composite
def sessions(draw: st.DrawFn, gaps: bool = True) -> DeliberationInput:
    """A random session; ``gaps=False``: every sheet complete, from three templates."""
    criteria = draw(criteria_lists())
    juror_ids = tuple(f"j{i}" for i in range(draw(st.integers(1, 5))))
    n = draw(st.integers(1, 7))
    amounts = draw(st.lists(st.sampled_from([0, 100, 200, 300, 500]), min_size=n, max_size=n))
    orders = draw(st.permutations(range(1, n + 1)))
    dossiers = tuple(DossierRef(f"d{i}", amounts[i], orders[i]) for i in range(n))
    ids = [d.id for d in dossiers]
    everybody = st.just(frozenset(juror_ids))
    present = draw(everybody | everybody | st.frozensets(st.sampled_from(juror_ids)))
    recused = frozenset(
        draw(st.sets(st.tuples(st.sampled_from(juror_ids), st.sampled_from(ids)), max_size=3))
    )
    # a few complete sheets shared by many (juror, dossier) pairs make exact ties common
    templates = [
        tuple(draw(st.sampled_from(c.allowed_values())) for c in criteria) for _ in range(3)
    ]
    scores: dict[tuple[str, str, str], Fraction] = {}
    for did in ids:
        for jid in juror_ids:
            kinds = (
                ["template"] * 10 + ["free"] * 3 + ["absent", "partial"] if gaps else ["template"]
            )
            kind = draw(st.sampled_from(kinds))
            if kind == "absent":
                continue
            if kind == "template":
                values = list(draw(st.sampled_from(templates)))
            else:
                values = [draw(st.sampled_from(c.allowed_values())) for c in criteria]
            for c, value in zip(criteria, values, strict=True):
                if kind == "partial" and draw(st.booleans()):
                    if draw(st.booleans()):
                        continue  # missing value
                    value = draw(st.sampled_from(invalid_values(c)))
                scores[(did, jid, c.id)] = value
    rules = Rules(
        quorum=draw(st.integers(1, 5)),
        min_sheets=draw(st.integers(1, 3)),
        min_score=draw(st.sampled_from([F(0), F(0), F(5), F(10), F(12), F(25, 2), F(20)])),
        envelope_cents=draw(st.none() | st.integers(0, 15).map(lambda k: k * 100)),
        max_laureates=draw(st.none() | st.integers(0, 5)),
        sd_threshold=draw(st.sampled_from([F(0), F(1), F(3), F(5, 2)])),
        range_threshold=draw(st.sampled_from([F(0), F(2), F(8), F(9, 2)])),
    )
    return DeliberationInput(rules, criteria, juror_ids, dossiers, present, recused, scores)


# --------------------------------------------------------------------------- oracle


def naive_note(criteria: tuple[Criterion, ...], values: Mapping[str, Fraction]) -> Fraction | None:
    """CONTRACT section 4 word for word, with Criterion.is_valid."""
    total = F(0)
    for c in criteria:
        v = values.get(c.id)
        if v is None or not c.is_valid(v):
            return None
        total += c.weight * (v - c.min) / (c.max - c.min)
    return 20 * total / sum(c.weight for c in criteria)


def precise_sqrt(value: Fraction) -> Decimal:
    """sqrt to 60 digits: exact for a square, far from any tie otherwise."""
    with localcontext() as ctx:
        ctx.prec = 60
        return (Decimal(value.numerator) / Decimal(value.denominator)).sqrt()


def naive_sd(variance: Fraction) -> Decimal:
    return precise_sqrt(variance).quantize(Decimal("0.0001"), rounding=ROUND_HALF_EVEN)


@PROPERTIES
@given(sessions())
def test_each_dossier_matches_the_contract_word_for_word(inp: DeliberationInput) -> None:
    result = compute(inp)
    assert sorted(r.dossier_id for r in result.results) == sorted(d.id for d in inp.dossiers)
    for ref in inp.dossiers:
        r = result.by_id(ref.id)
        counted = tuple(
            j for j in inp.juror_ids if j in inp.present and (j, ref.id) not in inp.recused
        )
        assert r.counted == counted
        notes = {}
        missing = []
        for jid in counted:
            values = {
                c.id: inp.scores[k]
                for c in inp.criteria
                if (k := (ref.id, jid, c.id)) in inp.scores
            }
            note = naive_note(inp.criteria, values)
            assert sheet_note(inp.criteria, values) == note
            if note is None:
                missing.append(jid)
            else:
                notes[jid] = note
        assert r.notes == notes
        assert [m.juror_id for m in r.missing] == missing
        for m in r.missing:
            for cid in m.criterion_ids:
                crit = next(c for c in inp.criteria if c.id == cid)
                value = inp.scores.get((ref.id, m.juror_id, cid))
                assert value is None or not crit.is_valid(value)
        assert r.sheets == len(notes)
        assert r.too_few_sheets == (len(notes) < inp.rules.min_sheets or not notes)
        assert r.valid == (not missing and not r.too_few_sheets)
        for c in inp.criteria:
            sheet_values = [inp.scores[(ref.id, j, c.id)] for j in notes]
            expected = statistics.mean(sheet_values) if sheet_values else None
            assert r.criteria_means[c.id] == expected
        if r.valid:
            marks = list(notes.values())
            variance = statistics.pvariance(marks)
            assert r.score == statistics.mean(marks)
            assert r.median == statistics.median(marks)
            assert r.variance == variance
            assert r.sd == naive_sd(variance)
            assert r.spread == max(marks) - min(marks)
            assert r.eligible == (r.score >= inp.rules.min_score)
            assert r.disagreement == (
                precise_sqrt(variance) > precise_sqrt(inp.rules.sd_threshold**2)
                or r.spread > inp.rules.range_threshold
            )
        else:
            assert r.score is r.median is r.variance is r.sd is r.spread is r.rank is None
            assert not r.eligible and not r.ex_aequo and not r.disagreement


# --------------------------------------------------------------------------- ranking


@PROPERTIES
@given(sessions() | sessions(gaps=False))
def test_exact_ties_share_a_rank(inp: DeliberationInput) -> None:
    result = compute(inp)
    valid = [r for r in result.results if r.valid]
    for r in valid:
        assert r.score is not None
        better = sum(1 for o in valid if o.score is not None and o.score > r.score)
        assert r.rank == 1 + better
        same = [o for o in valid if o.score == r.score]
        assert r.ex_aequo == (len(same) > 1)
        assert {o.rank for o in same} == {r.rank}
    # valid first by rank then hearing order, then invalid by hearing order
    orders = {d.id: d.hearing_order for d in inp.dossiers}
    keys = [(not r.valid, r.rank or 0, orders[r.dossier_id]) for r in result.results]
    assert keys == sorted(keys)


@PROPERTIES
@given(sessions())
def test_a_dossier_with_a_missing_sheet_is_never_ranked(inp: DeliberationInput) -> None:
    result = compute(inp)
    proposed = {e.dossier_id for e in result.default_proposal}
    flagged = {d for f in result.proposal_flags for d in f.dossier_ids}
    for r in result.results:
        if r.missing or r.too_few_sheets:
            assert not r.valid and r.rank is None and r.score is None
            assert r.dossier_id not in proposed | flagged


# --------------------------------------------------------------------------- proposal


def rank_groups(result: DeliberationResult) -> list[list[DossierResult]]:
    groups: list[list[DossierResult]] = []
    for r in result.results:
        if r.eligible:
            if groups and groups[-1][0].rank == r.rank:
                groups[-1].append(r)
            else:
                groups.append([r])
    return groups


@PROPERTIES
@given(sessions() | sessions(gaps=False))
def test_default_proposal_respects_the_envelope_and_the_count(inp: DeliberationInput) -> None:
    result = compute(inp)
    rules = inp.rules
    amounts = {d.id: d.amount_requested_cents for d in inp.dossiers}
    proposal = result.default_proposal
    total = sum(e.amount_cents for e in proposal)
    assert result.proposal_total_cents == total
    assert rules.envelope_cents is None or total <= rules.envelope_cents
    assert rules.max_laureates is None or len(proposal) <= rules.max_laureates
    assert all(e.amount_cents == amounts[e.dossier_id] for e in proposal)
    assert len({e.dossier_id for e in proposal}) == len(proposal)

    # the proposal is made of whole rank groups, best first, and the next one does not fit
    groups = rank_groups(result)
    taken = whole = 0
    for group in groups:
        ids = [r.dossier_id for r in group]
        if [e.dossier_id for e in proposal[taken : taken + len(ids)]] != ids:
            break
        taken += len(ids)
        whole += 1
    assert taken == len(proposal)
    rest = groups[whole:]

    def fits(extra: int, count: int) -> bool:
        return (rules.envelope_cents is None or total + extra <= rules.envelope_cents) and (
            rules.max_laureates is None or len(proposal) + count <= rules.max_laureates
        )

    if rest:
        nxt = rest[0]
        assert not fits(sum(amounts[r.dossier_id] for r in nxt), len(nxt))
        one_fits = any(fits(amounts[r.dossier_id], 1) for r in nxt)
        expected = [tuple(r.dossier_id for r in nxt)] if len(nxt) > 1 and one_fits else []
        assert [f.dossier_ids for f in result.proposal_flags] == expected
        assert all(f.flag == "tie_at_boundary" for f in result.proposal_flags)
    else:
        assert result.proposal_flags == ()


# --------------------------------------------------------------------------- invariances


def per_dossier(result: DeliberationResult) -> dict[str, tuple[object, ...]]:
    """A dossier's result with juror order taken out."""
    return {
        r.dossier_id: (
            replace(r, counted=tuple(sorted(r.counted)), missing=tuple(sorted(r.missing, key=str))),
        )
        for r in result.results
    }


@PROPERTIES
@given(sessions(), st.randoms(use_true_random=False))
def test_invariant_under_permutation_of_jurors(inp: DeliberationInput, rnd: Random) -> None:
    jurors = list(inp.juror_ids)
    rnd.shuffle(jurors)
    shuffled = replace(inp, juror_ids=tuple(jurors))
    a, b = compute(inp), compute(shuffled)
    assert per_dossier(a) == per_dossier(b)
    assert [r.dossier_id for r in a.results] == [r.dossier_id for r in b.results]
    assert (a.default_proposal, a.proposal_flags) == (b.default_proposal, b.proposal_flags)
    assert kendall_w(inp, a) == kendall_w(shuffled, b)
    assert [(x.ranks, x.laureates) for x in alternative_rankings(inp, a)] == [
        (x.ranks, x.laureates) for x in alternative_rankings(shuffled, b)
    ]


@PROPERTIES
@given(sessions(), st.randoms(use_true_random=False))
def test_invariant_under_permutation_of_dossiers(inp: DeliberationInput, rnd: Random) -> None:
    dossiers = list(inp.dossiers)
    rnd.shuffle(dossiers)
    shuffled = replace(inp, dossiers=tuple(dossiers))
    a, b = compute(inp), compute(shuffled)
    assert a == b
    assert kendall_w(inp, a) == kendall_w(shuffled, b)
    assert alternative_rankings(inp, a) == alternative_rankings(shuffled, b)


@PROPERTIES
@given(sessions(), st.data())
def test_raising_one_value_never_lowers_the_note_or_score(
    inp: DeliberationInput, data: st.DataObject
) -> None:
    raisable = [
        (key, c, value)
        for key, value in inp.scores.items()
        for c in inp.criteria
        if c.id == key[2] and c.is_valid(value) and value < c.max
    ]
    if not raisable:
        return
    key, c, value = data.draw(st.sampled_from(raisable))
    higher = data.draw(st.sampled_from([v for v in c.allowed_values() if v > value]))
    raised = replace(inp, scores={**inp.scores, key: higher})
    before, after = compute(inp).by_id(key[0]), compute(raised).by_id(key[0])
    assert after.valid == before.valid
    assert set(after.notes) == set(before.notes)
    for jid, note in before.notes.items():
        assert after.notes[jid] >= note
    if before.valid:
        assert after.score is not None and before.score is not None
        assert after.score >= before.score
        assert after.rank is not None and before.rank is not None
        assert after.rank <= before.rank


@PROPERTIES
@given(sessions(), st.data())
def test_values_of_recused_or_absent_jurors_change_nothing(
    inp: DeliberationInput, data: st.DataObject
) -> None:
    ignored = [
        (j, d.id)
        for d in inp.dossiers
        for j in inp.juror_ids
        if j not in inp.present or (j, d.id) in inp.recused
    ]
    if not ignored:
        return
    pairs = data.draw(st.lists(st.sampled_from(ignored), min_size=1, max_size=3))
    scores = dict(inp.scores)
    for jid, did in pairs:
        for c in inp.criteria:
            if data.draw(st.booleans()):
                scores.pop((did, jid, c.id), None)
            else:
                scores[(did, jid, c.id)] = data.draw(
                    st.sampled_from(c.allowed_values() + invalid_values(c))
                )
    changed = replace(inp, scores=scores)
    a, b = compute(inp), compute(changed)
    assert a == b
    assert kendall_w(inp, a) == kendall_w(changed, b)
    assert alternative_rankings(inp, a) == alternative_rankings(changed, b)


# --------------------------------------------------------------------------- aids


@PROPERTIES
@given(sessions())
def test_aids_stay_within_their_bounds(inp: DeliberationInput) -> None:
    result = compute(inp)
    w = kendall_w(inp, result)
    assert w is None or 0 <= w <= 1
    rules = inp.rules
    amounts = {d.id: d.amount_requested_cents for d in inp.dossiers}
    default = {e.dossier_id for e in result.default_proposal}
    for alt in alternative_rankings(inp, result):
        assert set(alt.ranks) == set(amounts)
        for r in result.results:
            assert (alt.ranks[r.dossier_id] is None) == (not r.valid)
            if r.valid:
                rank = alt.ranks[r.dossier_id]
                assert rank is not None and 1 <= rank <= sum(1 for o in result.results if o.valid)
        total = sum(amounts[d] for d in alt.laureates)
        assert rules.envelope_cents is None or total <= rules.envelope_cents
        assert rules.max_laureates is None or len(alt.laureates) <= rules.max_laureates
        assert all(result.by_id(d).eligible for d in alt.laureates)
        assert set(alt.entering) == set(alt.laureates) - default
        assert set(alt.leaving) == default - set(alt.laureates)
