"""Worked examples of the deliberation rules (CONTRACT section 4), computed by hand.

The session used throughout has two criteria:

- ``innovation``: weight 3, scale 0-5, step 1;
- ``impact``: weight 1, scale 0-10, step 0.5.

So a sheet (a, b) has the note ``20 * (3 * a/5 + 1 * b/10) / 4 = 3a + b/2``.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from fractions import Fraction

import pytest

from jury_desk.core import fmt
from jury_desk.core.deliberation import (
    BLOCKER_CODES,
    MENTIONS,
    TIE_AT_BOUNDARY,
    Blocker,
    DeliberationResult,
    DepartureKind,
    Missing,
    ProposalEntry,
    ProposalFlag,
    _sqrt_round4,
    alternative_rankings,
    closing_blockers,
    compute,
    departures,
    kendall_w,
    mention,
    sheet_note,
)
from jury_desk.core.domain import (
    Criterion,
    DeliberationInput,
    DossierRef,
    JuryDecision,
    LaureateDecision,
    Rules,
)
from jury_desk.messages import blocker_text, method_label, method_tie_break

F = Fraction
INNOVATION = Criterion("innovation", "Caractère innovant", "", F(3), F(0), F(5), F(1))
IMPACT = Criterion("impact", "Impact", "", F(1), F(0), F(10), F(1, 2))
CRITERIA = (INNOVATION, IMPACT)
JURORS = ("j1", "j2", "j3")

# Sheets (innovation, impact) and their notes 3a + b/2:
SHEETS: dict[str, dict[str, tuple[str, str]]] = {
    # 3*4 + 6/2 = 15 ; 3*5 + 0/2 = 15 ; 15                      -> score 15
    "dA": {"j1": ("4", "6"), "j2": ("5", "0"), "j3": ("4", "6")},
    # 14 ; 14 ; 14                                               -> score 14
    "dB": {"j1": ("4", "4"), "j2": ("4", "4"), "j3": ("4", "4")},
    # 3*5 + 0 = 15 ; 3*4 + 2/2 = 13 ; 3*4 + 4/2 = 14 ; (15+13+14)/3 -> score 14 (tie with dB)
    "dC": {"j1": ("5", "0"), "j2": ("4", "2"), "j3": ("4", "4")},
    # 3*3 + 4/2 = 11 ; 3*3 + 2/2 = 10 ; 3*2 + 6/2 = 9 ; 30/3      -> score 10
    "dD": {"j1": ("3", "4"), "j2": ("3", "2"), "j3": ("2", "6")},
}
AMOUNTS = {"dA": 500_000, "dB": 300_000, "dC": 200_000, "dD": 100_000}


def scores_of(sheets: dict[str, dict[str, tuple[str, str]]]) -> dict[tuple[str, str, str], F]:
    out: dict[tuple[str, str, str], F] = {}
    for did, by_juror in sheets.items():
        for jid, (a, b) in by_juror.items():
            out[(did, jid, "innovation")] = F(a)
            out[(did, jid, "impact")] = F(b)
    return out


def make_input(
    sheets: dict[str, dict[str, tuple[str, str]]] = SHEETS,
    *,
    amounts: dict[str, int] = AMOUNTS,
    present: tuple[str, ...] = JURORS,
    recused: frozenset[tuple[str, str]] = frozenset(),
    **rules: object,
) -> DeliberationInput:
    base = Rules(
        quorum=2, min_sheets=3, min_score=F(12), envelope_cents=900_000, max_laureates=None
    )
    return DeliberationInput(
        rules=replace(base, **rules),  # type: ignore[arg-type]
        criteria=CRITERIA,
        juror_ids=JURORS,
        dossiers=tuple(DossierRef(did, amounts[did], i + 1) for i, did in enumerate(sheets)),
        present=frozenset(present),
        recused=recused,
        scores=scores_of(sheets),
    )


# --------------------------------------------------------------------------- notes


def test_sheet_note_by_the_formula() -> None:
    # 20 * (3 * (3 - 0)/(5 - 0) + 1 * (6.5 - 0)/(10 - 0)) / (3 + 1)
    # = 20 * (1.8 + 0.65) / 4 = 20 * 2.45 / 4 = 12.25
    assert sheet_note(CRITERIA, {"innovation": F(3), "impact": F("6.5")}) == F(49, 4)
    # both at their maximum: 20 * (3 + 1) / 4 = 20
    assert sheet_note(CRITERIA, {"innovation": F(5), "impact": F(10)}) == 20
    assert sheet_note(CRITERIA, {"innovation": F(0), "impact": F(0)}) == 0


def test_sheet_note_with_an_offset_scale() -> None:
    # 1-4 step 1, weight 1 alone: (3 - 1) / (4 - 1) * 20 = 40/3
    crit = (Criterion("c", "C", "", F(1), F(1), F(4), F(1)),)
    assert sheet_note(crit, {"c": F(3)}) == F(40, 3)


@pytest.mark.parametrize(
    "values",
    [
        {"innovation": F(3)},  # impact missing
        {"innovation": F("2.5"), "impact": F(4)},  # off the step of 1
        {"innovation": F(3), "impact": F("4.25")},  # off the step of 0.5
        {"innovation": F(6), "impact": F(4)},  # above the maximum
        {"innovation": F(-1), "impact": F(4)},  # below the minimum
    ],
)
def test_sheet_note_is_none_when_incomplete(values: dict[str, F]) -> None:
    assert sheet_note(CRITERIA, values) is None


def test_statistics_of_one_dossier() -> None:
    sheets = {"d1": {"j1": ("5", "10"), "j2": ("4", "8"), "j3": ("3", "6.5")}}
    result = compute(make_input(sheets, amounts={"d1": 100}))
    r = result.by_id("d1")
    # notes: 3*5 + 10/2 = 20 ; 3*4 + 8/2 = 16 ; 3*3 + 6.5/2 = 12.25
    assert r.notes == {"j1": F(20), "j2": F(16), "j3": F(49, 4)}
    assert r.valid and r.sheets == 3 and r.counted == JURORS
    # score = (20 + 16 + 12.25) / 3 = 48.25 / 3 = 193/12
    assert r.score == F(193, 12)
    assert r.median == 16
    # variance = mean of squares - square of mean
    #          = (400 + 256 + 150.0625)/3 - (193/12)**2 = 268.6875 - 37249/144 = 721/72
    assert r.variance == F(721, 72)
    # sqrt(10.013888...) = 3.164472... -> 3.1645
    assert r.sd == Decimal("3.1645")
    assert r.spread == F(31, 4)  # 20 - 12.25
    # innovation (5 + 4 + 3)/3 = 4 ; impact (10 + 8 + 6.5)/3 = 24.5/3 = 49/6
    assert r.criteria_means == {"innovation": F(4), "impact": F(49, 6)}
    assert r.rank == 1 and not r.ex_aequo and r.eligible
    assert r.missing == () and not r.too_few_sheets
    # sd 3.1645 > 3 (default threshold); spread 7.75 <= 8
    assert r.disagreement


def test_disagreement_compares_exact_values() -> None:
    sheets = {"d1": {"j1": ("5", "10"), "j2": ("4", "8"), "j3": ("3", "6.5")}}

    def disagree(sd: str, spread: str) -> bool:
        inp = make_input(sheets, amounts={"d1": 100}, sd_threshold=F(sd), range_threshold=F(spread))
        return compute(inp).by_id("d1").disagreement

    # the rounded sd 3.1645 is above 3.16448, but the exact one is not:
    # 3.16448**2 = 10.0139336704 > 721/72 = 10.0138888...
    assert not disagree("3.16448", "20")
    # 3.1644**2 = 10.01342736 < 10.0138888...
    assert disagree("3.1644", "20")
    # spread 7.75: above 7, not above 7.75
    assert disagree("20", "7")
    assert not disagree("20", "7.75")


def test_sd_is_rounded_half_to_even_exactly() -> None:
    # sqrt((1.23455)**2) is exactly 1.23455: the 4th decimal 5 is odd, goes up
    assert _sqrt_round4(123455**2, 10**10) == Decimal("1.2346")
    # 1.23465: 6 is even, stays
    assert _sqrt_round4(123465**2, 10**10) == Decimal("1.2346")
    # just above the half goes up
    assert _sqrt_round4(123465**2 + 1, 10**10) == Decimal("1.2347")
    assert _sqrt_round4(0, 1) == Decimal("0.0000")
    assert _sqrt_round4(2, 1) == Decimal("1.4142")


# --------------------------------------------------------------------------- ranking


def test_competition_ranking_with_a_tie() -> None:
    result = compute(make_input())
    # scores: dA 15, dB 14, dC 14, dD 10 -> ranks 1, 2, 2, 4
    ranks = {r.dossier_id: (r.score, r.rank, r.ex_aequo) for r in result.results}
    assert ranks == {
        "dA": (F(15), 1, False),
        "dB": (F(14), 2, True),
        "dC": (F(14), 2, True),
        "dD": (F(10), 4, False),
    }
    # dB before dC: same rank, hearing order 2 before 3
    assert [r.dossier_id for r in result.results] == ["dA", "dB", "dC", "dD"]
    # min_score 12: dD (10) is valid but not eligible
    assert [r.eligible for r in result.results] == [True, True, True, False]
    # dC: innovation (5 + 4 + 4)/3 = 13/3 ; impact (0 + 2 + 4)/3 = 2 ; median of 13,14,15 = 14
    c = result.by_id("dC")
    assert c.criteria_means == {"innovation": F(13, 3), "impact": F(2)}
    assert c.median == 14 and c.spread == 2
    # variance of 15, 13, 14 = (1 + 1 + 0)/3 = 2/3 ; sqrt = 0.81649... -> 0.8165
    assert c.variance == F(2, 3) and c.sd == Decimal("0.8165")
    b = result.by_id("dB")
    assert b.variance == 0 and b.sd == Decimal("0.0000") and not b.disagreement


def test_ties_inside_a_group_follow_hearing_order_then_id() -> None:
    sheets = {"dZ": SHEETS["dB"], "dY": SHEETS["dB"]}
    inp = make_input(sheets, amounts={"dZ": 1, "dY": 1})
    # both heard as given: dZ order 1, dY order 2
    assert [r.dossier_id for r in compute(inp).results] == ["dZ", "dY"]
    same_order = replace(inp, dossiers=(DossierRef("dZ", 1, 1), DossierRef("dY", 1, 1)))
    assert [r.dossier_id for r in compute(same_order).results] == ["dY", "dZ"]


# --------------------------------------------------------------------------- proposal


def test_envelope_walk_flags_a_tie_at_the_boundary() -> None:
    result = compute(make_input())
    # dA 500,000 fits (total 500,000) ; group {dB, dC}: 500,000 + 500,000 = 1,000,000 > 900,000
    # stops ; dB alone: 500,000 + 300,000 = 800,000 <= 900,000 -> flagged
    assert result.default_proposal == (ProposalEntry("dA", 500_000),)
    assert result.proposal_flags == (ProposalFlag(("dB", "dC"), TIE_AT_BOUNDARY),)
    assert result.proposal_total_cents == 500_000


def test_envelope_walk_takes_a_whole_group_that_fits() -> None:
    result = compute(make_input(envelope_cents=1_000_000))
    # 500,000 + (300,000 + 200,000) = 1,000,000 <= 1,000,000 ; dD not eligible
    assert [e.dossier_id for e in result.default_proposal] == ["dA", "dB", "dC"]
    assert result.proposal_flags == ()
    assert result.proposal_total_cents == 1_000_000


def test_envelope_walk_stops_at_the_first_group_that_does_not_fit() -> None:
    # dA 500,000 > 400,000: the walk stops, although dB (300,000) alone would fit after it
    result = compute(make_input(envelope_cents=400_000))
    assert result.default_proposal == ()
    assert result.proposal_flags == ()  # a group of one is never flagged


def test_no_flag_when_no_single_dossier_of_the_group_fits() -> None:
    # 500,000 + 300,000 = 800,000 > 700,000 and 500,000 + 200,000 = 700,000 <= 700,000: dC fits
    assert compute(make_input(envelope_cents=700_000)).proposal_flags == (
        ProposalFlag(("dB", "dC"), TIE_AT_BOUNDARY),
    )
    # 500,000 + 200,000 = 700,000 > 650,000: neither fits alone
    assert compute(make_input(envelope_cents=650_000)).proposal_flags == ()


def test_null_envelope_means_no_limit() -> None:
    result = compute(make_input(envelope_cents=None, min_score=F(0)))
    # every eligible dossier (min_score 0: all four) at its requested amount
    assert [e.dossier_id for e in result.default_proposal] == ["dA", "dB", "dC", "dD"]
    assert result.proposal_total_cents == 1_100_000


def test_max_laureates() -> None:
    # count 1 + group of 2 = 3 > 2 ; 1 + 1 = 2 <= 2 -> flagged
    two = compute(make_input(envelope_cents=None, max_laureates=2))
    assert [e.dossier_id for e in two.default_proposal] == ["dA"]
    assert two.proposal_flags == (ProposalFlag(("dB", "dC"), TIE_AT_BOUNDARY),)
    # 1 + 1 = 2 > 1: no single dossier fits, no flag
    one = compute(make_input(envelope_cents=None, max_laureates=1))
    assert [e.dossier_id for e in one.default_proposal] == ["dA"]
    assert one.proposal_flags == ()
    assert compute(make_input(max_laureates=0)).default_proposal == ()
    # 1 + 2 = 3 <= 3
    three = compute(make_input(envelope_cents=None, max_laureates=3))
    assert [e.dossier_id for e in three.default_proposal] == ["dA", "dB", "dC"]


# --------------------------------------------------------------------------- counted jurors


def test_quorum_failure_and_absent_juror_not_counted() -> None:
    result = compute(make_input(present=("j1", "j2"), quorum=3, min_sheets=2))
    assert result.present_count == 2 and not result.quorum_met
    c = result.by_id("dC")
    # j3 absent: only j1 (15) and j2 (13) count -> 14 ; j3's 14 is ignored
    assert c.counted == ("j1", "j2") and c.sheets == 2
    assert c.notes == {"j1": F(15), "j2": F(13)}
    assert c.score == 14 and c.median == 14 and c.variance == 1  # (1 + 1)/2
    # dD: (11 + 10)/2 = 21/2
    assert result.by_id("dD").score == F(21, 2)


def test_recused_juror_is_not_counted() -> None:
    sheets = {**SHEETS, "dE": {"j1": ("5", "10"), "j2": ("4", "8"), "j3": ("0", "0")}}
    inp = make_input(
        sheets, amounts={**AMOUNTS, "dE": 1}, recused=frozenset({("j3", "dE")}), min_sheets=2
    )
    e = compute(inp).by_id("dE")
    # j3 recused: notes 20 and 16 -> 18 ; j3's 0 never counts
    assert e.counted == ("j1", "j2") and e.notes == {"j1": F(20), "j2": F(16)}
    assert e.score == 18 and e.rank == 1
    assert e.criteria_means == {"innovation": F(9, 2), "impact": F(9)}


def test_missing_sheet_makes_the_dossier_invalid() -> None:
    sheets = {**SHEETS, "dE": {"j1": ("5", "10"), "j3": ("4", "4")}}
    scores = scores_of(sheets)
    scores[("dE", "j2", "innovation")] = F(4)  # j2: impact missing
    scores[("dE", "j3", "impact")] = F("4.25")  # j3: not a valid value (step 0.5)
    inp = replace(make_input(sheets, amounts={**AMOUNTS, "dE": 1}, min_score=F(0)), scores=scores)
    result = compute(inp)
    e = result.by_id("dE")
    assert not e.valid and e.rank is None and e.score is None and e.sd is None
    assert not e.eligible and not e.ex_aequo
    assert e.missing == (Missing("j2", ("impact",)), Missing("j3", ("impact",)))
    assert e.sheets == 1 and e.too_few_sheets  # only j1 complete, 1 < 3
    assert e.notes == {"j1": F(20)}
    assert e.criteria_means == {"innovation": F(5), "impact": F(10)}  # over j1 only
    assert result.results[-1] is e  # invalid ones come last
    assert "dE" not in {p.dossier_id for p in result.default_proposal}


def test_absent_sheet_lists_every_criterion() -> None:
    sheets = {**SHEETS, "dE": {"j1": ("5", "10"), "j2": ("4", "8")}}
    e = compute(make_input(sheets, amounts={**AMOUNTS, "dE": 1})).by_id("dE")
    assert e.missing == (Missing("j3", ("innovation", "impact")),)
    assert e.criteria_means == {"innovation": F(9, 2), "impact": F(9)}


def test_min_sheets() -> None:
    recused = frozenset({("j3", "dA")})
    # 2 complete sheets, nothing missing: valid with min_sheets 2, not with 3
    two = compute(make_input(recused=recused, min_sheets=2)).by_id("dA")
    assert two.valid and two.sheets == 2 and two.score == 15
    three = compute(make_input(recused=recused, min_sheets=3)).by_id("dA")
    assert not three.valid and three.too_few_sheets and three.missing == ()
    # everybody recused: never valid, even with min_sheets 0 (no mean of no note)
    nobody = frozenset((j, "dA") for j in JURORS)
    alone = compute(make_input(recused=nobody, min_sheets=0)).by_id("dA")
    assert not alone.valid and alone.sheets == 0 and alone.too_few_sheets
    assert alone.criteria_means == {"innovation": None, "impact": None}


def test_by_id_and_unknown_id() -> None:
    result = compute(make_input())
    assert isinstance(result, DeliberationResult)
    assert result.by_id("dB").dossier_id == "dB"
    with pytest.raises(KeyError):
        result.by_id("nope")


# --------------------------------------------------------------------------- closing


def accept(result: DeliberationResult, **extra: object) -> JuryDecision:
    laureates = tuple(
        LaureateDecision(e.dossier_id, e.amount_cents) for e in result.default_proposal
    )
    return replace(JuryDecision(laureates=laureates), **extra)  # type: ignore[arg-type]


def blockers_of(
    inp: DeliberationInput, result: DeliberationResult, decision: JuryDecision
) -> list[Blocker]:
    """The closing blockers when every dossier was heard."""
    return closing_blockers(inp, result, decision, heard={d.id for d in inp.dossiers})


def codes(blockers: list[Blocker]) -> list[tuple[str, str | None, str | None]]:
    return [(b.code, b.dossier_id, b.juror_id) for b in blockers]


def test_default_proposal_closes() -> None:
    inp = make_input()
    result = compute(inp)
    assert blockers_of(inp, result, accept(result)) == []


def test_quorum_blocker() -> None:
    inp = make_input(present=("j1", "j2"), quorum=3, min_sheets=2)
    result = compute(inp)
    blockers = blockers_of(inp, result, accept(result))
    assert codes(blockers) == [("quorum", None, None)]
    assert "2 juré(s) présent(s) pour un quorum de 3" in blocker_text(blockers[0])
    assert "j3" in blocker_text(blockers[0])


def test_invalid_dossier_needs_a_reason() -> None:
    sheets = {**SHEETS, "d03": {"j1": ("5", "10"), "j3": ("4", "4")}}
    inp = make_input(sheets, amounts={**AMOUNTS, "d03": 1})
    result = compute(inp)
    blockers = blockers_of(inp, result, accept(result))
    assert codes(blockers) == [("invalid_without_reason", "d03", "j2")]
    assert blocker_text(blockers[0]) == (
        "Le dossier d03 n’est pas valide : il manque la feuille de j2 (critères : innovation, "
        "impact). Saisissez-la ou donnez un motif."
    )
    blank = accept(result, invalid_reasons={"d03": "   "})
    assert codes(blockers_of(inp, result, blank)) == codes(blockers)
    reason = accept(result, invalid_reasons={"d03": "Juré parti avant l'audition"})
    assert blockers_of(inp, result, reason) == []


def test_too_few_sheets_message() -> None:
    inp = make_input(recused=frozenset({("j3", "dD")}))
    result = compute(inp)
    [blocker] = blockers_of(inp, result, accept(result))
    assert (blocker.code, blocker.dossier_id, blocker.juror_id) == (
        "invalid_without_reason",
        "dD",
        None,
    )
    assert blocker_text(blocker) == (
        "Le dossier dD n’est pas valide : 2 juré(s) seulement compte(nt) pour ce dossier "
        "(présents et non déportés), pour un minimum de 3 feuille(s). Revoyez les présences "
        "et les déports ou donnez un motif."
    )


def test_additions_and_amounts_need_a_justification() -> None:
    inp = make_input()
    result = compute(inp)  # default: dA 500,000 ; flagged dB, dC
    settle = JuryDecision(
        laureates=(
            LaureateDecision("dA", 400_000),  # amount changed
            LaureateDecision("dC", 200_000),  # from the tied group
            LaureateDecision("dD", 100_000),  # valid, under min_score (10 < 12)
        )
    )
    blockers = blockers_of(inp, result, settle)
    assert codes(blockers) == [
        ("unjustified_amount", "dA", None),
        ("unjustified_addition", "dC", None),
        ("unjustified_addition", "dD", None),
    ]
    assert "sous le minimum de 12" in blocker_text(blockers[2])
    assert fmt.euros(400_000) in blocker_text(blockers[0]) and fmt.euros(500_000) in blocker_text(
        blockers[0]
    )
    justified = JuryDecision(
        laureates=tuple(replace(e, justification="Décision du jury") for e in settle.laureates)
    )
    assert blockers_of(inp, result, justified) == []  # 700,000 <= 900,000


def test_a_laureate_must_have_been_heard() -> None:
    inp = make_input(envelope_cents=1_000_000)
    result = compute(inp)  # dA, dB, dC
    decision = accept(result)
    heard = {"dA", "dC"}
    blockers = closing_blockers(inp, result, decision, heard=heard)
    assert codes(blockers) == [("laureate_not_heard", "dB", None)]
    assert "dB" in blocker_text(blockers[0]) and "audition" in blocker_text(blockers[0])
    # a dossier that is not a laureate need not have been heard
    assert closing_blockers(inp, result, decision, heard={"dA", "dB", "dC"}) == []


def test_departures_have_a_kind_and_a_justification() -> None:
    inp = make_input(envelope_cents=1_000_000)
    result = compute(inp)  # dA 500,000, dB 300,000, dC 200,000
    decision = JuryDecision(
        laureates=(
            LaureateDecision("dA", 400_000, "Budget revu"),
            LaureateDecision("dD", 100_000),
        ),
        departures={"dB": "Projet déjà financé"},
    )
    found = departures(result, decision)
    assert [(d.dossier_id, d.kind, d.justified) for d in found] == [
        ("dA", DepartureKind.AMOUNT_CHANGED, True),
        ("dD", DepartureKind.ADDED, False),
        ("dB", DepartureKind.REMOVED, True),
        ("dC", DepartureKind.REMOVED, False),
    ]
    assert (found[0].default_cents, found[0].amount_cents) == (500_000, 400_000)
    assert departures(result, accept(result)) == ()


def test_departure_needs_a_justification() -> None:
    inp = make_input(envelope_cents=1_000_000)
    result = compute(inp)  # dA, dB, dC
    without_b = JuryDecision(
        laureates=(LaureateDecision("dA", 500_000), LaureateDecision("dC", 200_000))
    )
    assert codes(blockers_of(inp, result, without_b)) == [("unjustified_departure", "dB", None)]
    explained = replace(without_b, departures={"dB": "Projet déjà financé"})
    assert blockers_of(inp, result, explained) == []


def test_envelope_and_count_are_enforced_even_when_justified() -> None:
    inp = make_input(max_laureates=2)
    result = compute(inp)
    why = "Décision du jury"
    over = JuryDecision(
        laureates=(
            LaureateDecision("dA", 500_000),
            LaureateDecision("dB", 300_000, why),
            LaureateDecision("dC", 200_000, why),
        )
    )
    blockers = blockers_of(inp, result, over)
    assert codes(blockers) == [("over_envelope", None, None), ("over_count", None, None)]
    # 1,000,000 - 900,000 = 100,000
    assert fmt.euros(100_000) in blocker_text(blockers[0])
    assert "3 lauréats pour un maximum de 2" in blocker_text(blockers[1])


def test_unknown_invalid_duplicate_and_negative_laureates() -> None:
    sheets = {**SHEETS, "dE": {"j1": ("5", "10")}}
    inp = make_input(sheets, amounts={**AMOUNTS, "dE": 1})
    result = compute(inp)
    why = "Décision du jury"
    decision = JuryDecision(
        laureates=(
            LaureateDecision("dA", 500_000),
            LaureateDecision("zz", 1, why),
            LaureateDecision("dE", 1, why),
            LaureateDecision("dD", -5, why),
            LaureateDecision("dD", 5, why),
        ),
        invalid_reasons={"dE": "Feuilles perdues"},
    )
    assert codes(blockers_of(inp, result, decision)) == [
        ("unknown_dossier", "zz", None),
        ("invalid_laureate", "dE", None),
        ("duplicate_laureate", "dD", None),
        ("negative_amount", "dD", None),
    ]


def test_every_blocker_code_is_documented() -> None:
    doc = Blocker.__doc__ or ""
    for code in BLOCKER_CODES:
        assert f"``{code}``" in doc


# --------------------------------------------------------------------------- aids


def test_mentions_bounds() -> None:
    assert [MENTIONS[mention(F(x))] for x in ("0", "3.99", "4", "6.99", "7", "10", "12")] == [
        "À rejeter",
        "À rejeter",
        "Insuffisant",
        "Insuffisant",
        "Passable",
        "Assez bien",
        "Bien",
    ]
    assert MENTIONS[mention(F(14))] == "Très bien"
    assert MENTIONS[mention(F(17))] == MENTIONS[mention(F(20))] == "Excellent"


def test_alternative_rankings() -> None:
    inp = make_input()
    result = compute(inp)
    alts = {a.method: a for a in alternative_rankings(inp, result)}
    assert list(alts) == ["median", "zscore", "majority_judgment"]

    # medians: dA 15, dB 14, dC 14, dD 10 -> 1, 2, 2, 4 ; same walk as the default
    median = alts["median"]
    assert median.ranks == {"dA": 1, "dB": 2, "dC": 2, "dD": 4}
    assert median.laureates == ("dA",) and median.entering == median.leaving == ()

    # mentions: 15 and 14 Très bien (5), 13 Bien (4), 11 and 10 Assez bien (3), 9 Passable (2)
    # dA [5,5,5] -> (5,5,5) ; dB [5,5,5] -> (5,5,5), ex aequo with dA ;
    # dC [4,5,5] -> lower median 5, then [4,5] -> 4, then 5: (5,4,5) ; dD [2,3,3] -> (3,2,3)
    mj = alts["majority_judgment"]
    assert mj.ranks == {"dA": 1, "dB": 1, "dC": 3, "dD": 4}
    # walk: {dA, dB} 800,000 <= 900,000 ; dC 1,000,000 > 900,000: stop
    assert mj.laureates == ("dA", "dB") and mj.entering == ("dB",) and mj.leaving == ()
    assert "Balinski-Laraki" in method_tie_break(mj.method)

    # z per juror: j1 notes 15 14 15 11, mean 13.75, variance (1.5625+0.0625+1.5625+7.5625)/4
    # = 2.6875 ; j2 15 14 13 10, mean 13, variance (4+1+0+9)/4 = 3.5 ; j3 15 14 14 9, mean 13.
    # j3 gives dB and dC the same z, so z(dB) - z(dC) = ((14-15)/sqrt(2.6875) + (14-13)/sqrt(3.5))/3
    # = (-0.610 + 0.535)/3 < 0: dC before dB
    z = alts["zscore"]
    assert z.ranks == {"dA": 1, "dC": 2, "dB": 3, "dD": 4}
    for a in alts.values():
        assert method_label(a.method) and method_tie_break(a.method)


def test_alternatives_leave_invalid_dossiers_unranked() -> None:
    sheets = {**SHEETS, "dE": {"j1": ("5", "10")}}
    inp = make_input(sheets, amounts={**AMOUNTS, "dE": 1})
    result = compute(inp)
    for a in alternative_rankings(inp, result):
        assert a.ranks["dE"] is None
        assert "dE" not in a.laureates


def test_majority_judgment_ex_aequo_when_grades_run_out() -> None:
    # dX graded by 2 jurors Bien, Bien ; dY by 3 jurors Bien, Bien, Excellent:
    # (4, 4) and (4, 4, 6): dX runs out first, neither beats the other
    sheets = {
        "dX": {"j1": ("4", "0"), "j2": ("4", "0"), "j3": ("4", "0")},  # 12 each
        "dY": {"j1": ("4", "0"), "j2": ("4", "0"), "j3": ("5", "10")},  # 12, 12, 20
    }
    inp = make_input(
        sheets, amounts={"dX": 1, "dY": 1}, recused=frozenset({("j3", "dX")}), min_sheets=2
    )
    result = compute(inp)
    mj = next(a for a in alternative_rankings(inp, result) if a.method == "majority_judgment")
    assert mj.ranks == {"dX": 1, "dY": 1}


def test_kendall_w_with_ties() -> None:
    inp = make_input()
    result = compute(inp)
    # notes (j1, j2, j3): dA 15 15 15 ; dB 14 14 14 ; dC 15 13 14 ; dD 11 10 9
    # ranks, lowest note = 1, equal notes share the mean place:
    #   j1: dD 1, dB 2, dA 3.5, dC 3.5    (one pair: T = 2**3 - 2 = 6)
    #   j2: dD 1, dC 2, dB 3, dA 4        (T = 0)
    #   j3: dD 1, dB 2.5, dC 2.5, dA 4    (T = 6)
    # rank sums: dA 11.5, dB 7.5, dC 8, dD 3 ; mean 3 * 5 / 2 = 7.5
    # S = 4**2 + 0 + 0.5**2 + 4.5**2 = 36.5
    # W = 12 * 36.5 / (3**2 * (4**3 - 4) - 3 * 12) = 438 / 504 = 73/84
    assert kendall_w(inp, result) == F(73, 84)


def test_kendall_w_perfect_agreement_and_undefined_cases() -> None:
    # every juror gives the same order: dA > dB > dD (dC left out)
    sheets = {k: v for k, v in SHEETS.items() if k != "dC"}
    inp = make_input(sheets)
    assert kendall_w(inp, compute(inp)) == 1
    # a juror recused from one dossier is left out: only j1, j2 remain
    inp2 = make_input(recused=frozenset({("j3", "dA")}), min_sheets=2)
    result2 = compute(inp2)
    assert kendall_w(inp2, result2) is not None
    # one dossier only
    one = make_input({"dA": SHEETS["dA"]})
    assert kendall_w(one, compute(one)) is None
    # all equal notes for every juror: denominator 0
    flat = make_input({"dB": SHEETS["dB"], "dX": SHEETS["dB"]}, amounts={"dB": 1, "dX": 1})
    assert kendall_w(flat, compute(flat)) is None
