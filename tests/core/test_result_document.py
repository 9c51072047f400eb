"""The results as data (result.json fields) and as the terminal table."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from typing import Any

import pytest

from jury_desk.core import crypto, demo_scenario, export, fmt, readmodel, result_document
from jury_desk.core.services import Desk

SIGNER_KEY = crypto.new_private_key()
SIGNER = {
    "name": "Secrétariat du jury",
    "kid": crypto.thumbprint(crypto.public_jwk(SIGNER_KEY)),
    "jwk": crypto.public_jwk(SIGNER_KEY),
}
FILES = {
    "proces-verbal.pdf": {"bytes": 10, "sha256": "a" * 64},
    "audit.jsonl": {"bytes": 20, "sha256": "b" * 64},
}


def _doc(desk: Desk, sid: str, **kw: Any) -> dict[str, Any]:
    ds = desk.deliberation_state(sid)
    st = ds.session
    return result_document.result_document(
        ds,
        export_seq=1,
        signer=SIGNER,
        files=FILES,
        audit_head=st.audit_head,
        generated_at=datetime(2026, 6, 18, 17, 5, tzinfo=UTC),
        **kw,
    )


def _half_even(value: Fraction) -> float:
    d = Decimal(value.numerator) / Decimal(value.denominator)
    return float(d.quantize(Decimal("0.0001"), rounding=ROUND_HALF_EVEN))


def test_results_json_has_exactly_the_three_fields_with_rounded_numbers(
    scored_demo: tuple[Desk, str],
) -> None:
    desk, sid = scored_demo
    ds = desk.deliberation_state(sid)
    result = ds.result
    doc = result_document.results_json(ds)
    assert set(doc) == {"results", "default_proposal", "proposal_flags"}
    assert [r["dossier_id"] for r in doc["results"]] == [r.dossier_id for r in result.results]
    for item, r in zip(doc["results"], result.results, strict=True):
        assert item["score"] == _half_even(r.score)
        assert item["median"] == _half_even(r.median)
        assert item["sd"] == float(r.sd)
        assert item["rank"] == r.rank
        assert item["criteria_means"] == {c: _half_even(v) for c, v in r.criteria_means.items()}
        assert "missing" not in item
    assert doc["default_proposal"] == [
        {"dossier_id": e.dossier_id, "amount_cents": e.amount_cents}
        for e in result.default_proposal
    ]
    assert sum(e["amount_cents"] for e in doc["default_proposal"]) == 7_700_000
    assert doc["proposal_flags"] == []


def test_an_invalid_dossier_has_null_numbers_and_lists_what_is_missing(
    scored_demo: tuple[Desk, str],
) -> None:
    desk, sid = scored_demo
    desk.clear_score(sid, "d05", "j03", "impact")
    desk.set_invalid_reason(sid, "d05", "Feuille de Mme Marchetti illisible")
    ds = desk.deliberation_state(sid)
    item = next(r for r in result_document.results_json(ds)["results"] if r["dossier_id"] == "d05")
    assert item["valid"] is False
    assert item["score"] is item["median"] is item["sd"] is item["rank"] is None
    assert item["missing"] == [{"juror_id": "j03", "criterion_ids": ["impact"]}]
    assert item["invalid_reason"] == "Feuille de Mme Marchetti illisible"
    table = result_document.results_table(ds)
    line = next(ln for ln in table.splitlines() if "LAI-2026-005" in ln)
    assert "non valide" in line and "Hélène Marchetti" in line and "impact" in line


def test_results_table_is_french_and_names_ex_aequo_and_the_boundary_tie(
    scored_demo: tuple[Desk, str],
) -> None:
    desk, sid = scored_demo
    st = desk.state(sid)
    inp = st.deliberation_input()
    # d02 gets d10's exact sheets: both rank 7, 14 500 + 9 000 € do not fit in the 13 000 € left,
    # d02 alone would: tie at the boundary.
    scores = dict(inp.scores)
    for (d, j, c), v in inp.scores.items():
        if d == "d10":
            scores[("d02", j, c)] = v
    ds = readmodel.build(dataclasses.replace(st, scores=scores))
    result = ds.result
    assert result.by_id("d02").ex_aequo and result.by_id("d10").ex_aequo
    table = result_document.results_table(ds)
    assert "Séance du jeudi 18 juin 2026 — Orly, bâtiment Askia" in table
    assert f"Total : 77{fmt.NNBSP}000,00{fmt.NBSP}€ sur 90{fmt.NNBSP}000,00{fmt.NBSP}€" in table
    assert f"reste 13{fmt.NNBSP}000,00{fmt.NBSP}€" in table
    rows = {ln.split()[1]: ln for ln in table.splitlines() if ln[:1].isdigit() and "LAI-" in ln}
    assert rows["LAI-2026-004"].split()[0] == "1"
    assert "16,18" in rows["LAI-2026-004"]
    assert rows["LAI-2026-002"].split()[0] == "7=" and "ex æquo" in rows["LAI-2026-002"]
    assert "égalité à la limite" in rows["LAI-2026-010"]
    assert (
        "Égalité à la limite de l’enveloppe : LAI-2026-002 et LAI-2026-010 sont ex æquo au rang 7"
        in table
        or "Égalité à la limite de l’enveloppe : LAI-2026-010 et LAI-2026-002 sont ex æquo au rang 7"
        in table
    )
    assert "Le jury doit trancher." in table
    as_json = result_document.results_json(ds)
    assert as_json["proposal_flags"] == [
        {"dossier_ids": list(result.proposal_flags[0].dossier_ids), "flag": "tie_at_boundary"}
    ]


def test_result_document_of_the_demo_day_follows_the_schema(demo_desk: tuple[Desk, str]) -> None:
    desk, sid = demo_desk
    demo_scenario.play_demo_deliberation(desk, sid)
    desk.close_deliberation(sid)
    doc = _doc(desk, sid, purge_due_on=date(2026, 7, 18))
    assert export.schema_problems(doc) == []
    assert (
        doc["format"] == "lai.result"
        and doc["format_version"] == 1
        and doc["demonstration"] is True
    )
    assert doc["generated_at"] == "2026-06-18T17:05:00+00:00"
    assert doc["retention"] == {"purge_due_on": "2026-07-18"}
    assert {a["juror_id"]: a["present"] for a in doc["attendance"]}["j06"] is False
    deport = [r for r in doc["recusals"] if r["source"] == "session"]
    assert deport == [
        {
            "juror_id": "j02",
            "dossier_id": "d10",
            "kind": "conflict",
            "reason": demo_scenario.DEPORT[2],
            "source": "session",
        }
    ]
    assert len([r for r in doc["recusals"] if r["source"] == "bundle"]) == 2
    assert all(
        h["started_at"] and h["presentation_s"] and h["questions_s"] for h in doc["hearings"]
    )
    laureates = {lau["dossier_id"]: lau for lau in doc["proposed_laureates"]}
    assert set(laureates) == {"d04", "d12", "d09", "d11", "d07", "d10"}
    assert laureates["d04"]["justification"] is None  # as proposed: nothing to justify
    assert laureates["d09"]["amount_cents"] == 1_800_000 and laureates["d09"]["justification"]
    assert laureates["d10"]["rank"] == 7 and laureates["d10"]["justification"]
    assert [lau["rank"] for lau in doc["proposed_laureates"]] == sorted(
        lau["rank"] for lau in doc["proposed_laureates"]
    )
    assert doc["departures"] == [
        {"dossier_id": "d08", "justification": demo_scenario.DEPARTURES["d08"]}
    ]
    assert len(doc["opinions"]) == len(demo_scenario.OPINIONS)
    assert doc["deliberation"]["present"] == 6 and doc["deliberation"]["quorum_met"] is True
    assert doc["deliberation"]["closed_at"] and doc["deliberation"]["notes"] == demo_scenario.NOTES
    # Values are exact (0.5 steps), computed numbers rounded to 4 decimals.
    assert {s["value"] for s in doc["scores"] if s["criterion_id"] == "impact"} <= {
        x / 2 for x in range(21)
    }
    d04 = next(r for r in doc["results"] if r["dossier_id"] == "d04")
    assert d04["score"] == 16.1364  # 16.13636… rounded half-to-even
    assert len(doc["scores"]) == 410 - 60 - 5  # j06's sheets and j02's on d10 were never entered


@pytest.mark.parametrize(
    "breach",
    [
        "extra_field",
        "missing_field",
        "unjustified_addition",
        "departure_not_listed",
        "bad_hash",
        "rank_mismatch",
    ],
)
def test_schema_and_rules_refuse_a_broken_document(
    demo_desk: tuple[Desk, str], breach: str
) -> None:
    desk, sid = demo_desk
    demo_scenario.play_demo_deliberation(desk, sid)
    desk.close_deliberation(sid)
    doc = _doc(desk, sid)
    if breach == "extra_field":
        doc["comment"] = "hors contrat"
    elif breach == "missing_field":
        del doc["audit_head"]
    elif breach == "unjustified_addition":
        next(lau for lau in doc["proposed_laureates"] if lau["dossier_id"] == "d10")[
            "justification"
        ] = None
    elif breach == "departure_not_listed":
        doc["departures"] = []
    elif breach == "bad_hash":
        doc["files"]["audit.jsonl"]["sha256"] = "XYZ"
    elif breach == "rank_mismatch":
        doc["proposed_laureates"][0]["rank"] = 9
    assert export.schema_problems(doc) != []


def test_the_demo_day_follows_its_schedule_when_given_a_clock(demo_desk: tuple[Desk, str]) -> None:
    desk, sid = demo_desk
    seen: list[datetime] = []
    day = demo_scenario.play_demo_deliberation(desk, sid, clock=seen.append)
    assert seen == sorted(seen) and len(seen) > 36  # 3 timer actions per hearing, and the rest
    assert seen[0].isoformat().startswith("2026-06-18T09:2") and seen[-1].hour == 16
    assert day.absent == "j06" and {lau.dossier_id for lau in day.laureates} >= {"d10"}
    st = desk.state(sid)
    assert st.decision_made and not st.closed
    assert st.recusal("j02", "d10") is not None
    assert all(h.state == "entendu" for h in st.hearings.values())
