"""The headless session through core.services: attendance, recusals, scores, audit."""

from __future__ import annotations

from fractions import Fraction

import pytest

from jury_desk.core import audit, resources
from jury_desk.core.domain import LaureateDecision, RecusalKind, RecusalSource
from jury_desk.core.errors import ClosingBlocked, UserError
from jury_desk.core.services import Desk


def test_demo_import_gives_the_session(demo_desk: tuple[Desk, str]) -> None:
    desk, sid = demo_desk
    st = desk.state(sid)
    assert st.is_demo
    assert len(st.dossiers) == 12 and len(st.jurors) == 7 and len(st.criteria) == 5
    # Until attendance is taken, every juror counts as present.
    assert st.present == frozenset(j.id for j in st.jurors)
    assert not st.attendance_taken
    # The bundle's conflicts are recusals from the start.
    bundle_recusals = [r for r in st.recusals if r.source is RecusalSource.BUNDLE]
    assert {(r.juror_id, r.dossier_id) for r in bundle_recusals} == {("j01", "d03"), ("j05", "d08")}
    assert desk.resolve() == sid


def test_score_write_is_validated_and_audited(demo_desk: tuple[Desk, str]) -> None:
    desk, sid = demo_desk
    w = desk.record_score(sid, "d01", "j02", "impact", "7,5")
    assert w.value == Fraction(15, 2) and w.previous is None
    # A correction replaces the value and is audited with the previous one.
    w2 = desk.record_score(sid, "d01", "j02", "impact", "8")
    assert w2.previous == Fraction(15, 2)
    assert desk.state(sid).scores[("d01", "j02", "impact")] == 8
    entries = desk.audit_entries(sid)
    assert [e["action"] for e in entries[-2:]] == ["score.set", "score.correct"]
    assert entries[-1]["data"] == {
        "dossier_id": "d01",
        "juror_id": "j02",
        "criterion_id": "impact",
        "value": "8",
        "previous": "7.5",
    }
    assert audit.verify_chain(entries).ok


@pytest.mark.parametrize(
    ("criterion", "value", "code"),
    [
        ("impact", "7,25", "value_out_of_scale"),  # not on the 0.5 step
        ("innovation", "6", "value_out_of_scale"),  # above max 5
        ("innovation", "-1", "value_out_of_scale"),
        ("innovation", "trois", "value_not_number"),
        ("nope", "1", "unknown_criterion"),
    ],
)
def test_bad_values_change_nothing(
    demo_desk: tuple[Desk, str], criterion: str, value: str, code: str
) -> None:
    desk, sid = demo_desk
    before = desk.audit_entries(sid)
    with pytest.raises(UserError) as exc:
        desk.record_score(sid, "d01", "j02", criterion, value)
    assert exc.value.code == code
    assert desk.audit_entries(sid) == before
    assert desk.state(sid).scores == {}


def test_recused_and_absent_jurors_cannot_score(demo_desk: tuple[Desk, str]) -> None:
    desk, sid = demo_desk
    with pytest.raises(UserError) as exc:
        desk.record_score(sid, "d03", "j01", "innovation", 3)  # bundle conflict
    assert exc.value.code == "juror_recused"
    desk.recuse(sid, "j02", "d06", RecusalKind.CONFLICT, "Élu de la commune du projet (déport)")
    with pytest.raises(UserError):
        desk.record_score(sid, "d06", "j02", "innovation", 3)
    desk.set_attendance(sid, ["j07"])
    with pytest.raises(UserError) as exc:
        desk.record_score(sid, "d01", "j07", "innovation", 3)
    assert exc.value.code == "juror_absent"
    st = desk.state(sid)
    assert "j07" not in st.present and len(st.present) == 6
    r = st.recusal("j02", "d06")
    assert r is not None and r.source is RecusalSource.SESSION and r.at
    actions = [e["action"] for e in desk.audit_entries(sid)]
    assert "recusal.add" in actions and "attendance.set" in actions


def test_recusal_needs_a_reason_and_is_unique(demo_desk: tuple[Desk, str]) -> None:
    desk, sid = demo_desk
    with pytest.raises(UserError):
        desk.recuse(sid, "j02", "d06", "conflict", "   ")
    with pytest.raises(UserError):
        desk.recuse(sid, "j01", "d03", "conflict", "déjà en conflit")
    desk.recuse(sid, "j02", "d06", "absent", "Sorti pendant l’audition")
    with pytest.raises(UserError):
        desk.recuse(sid, "j02", "d06", "absent", "encore")
    desk.withdraw_recusal(sid, "j02", "d06")
    assert desk.state(sid).recusal("j02", "d06") is None


def test_paper_sheets_all_or_nothing(demo_desk: tuple[Desk, str]) -> None:
    desk, sid = demo_desk
    good = "dossier_id,juror_id,criterion_id,value\nd01,j02,innovation,4\nd01,j02,impact,6.5\n"
    assert desk.import_scores_csv(sid, good) == 2
    bad = "dossier_id,juror_id,criterion_id,value\nd02,j02,innovation,4\nd02,j02,impact,6.3\n"
    before = desk.audit_entries(sid)
    with pytest.raises(UserError) as exc:
        desk.import_scores_csv(sid, bad)
    msg = exc.value.message
    assert "Ligne 3" in msg and "6.3" in msg and "pas de 0,5" in msg
    assert desk.audit_entries(sid) == before
    assert ("d02", "j02", "innovation") not in desk.state(sid).scores


def test_a_refused_paper_sheet_names_its_file_line_blank_lines_included(
    demo_desk: tuple[Desk, str],
) -> None:
    desk, sid = demo_desk
    text = "dossier_id,juror_id,criterion_id,value\n\nd02,j02,innovation,4\n\n\nd02,j02,impact,7\n"
    with pytest.raises(UserError) as exc:
        desk.import_scores_csv(sid, text.replace("impact,7", "impact,11"))
    err = exc.value
    assert (err.code, err.key) == ("value_out_of_scale", "csv_row")
    assert err.params["line"] == 6  # the file's line, not the row's number
    assert err.params["inner"] == "value_out_of_scale"
    assert err.message.startswith("Ligne 6 (dossier d02, juré j02, critère impact, valeur « 11 »)")
    assert desk.import_scores_csv(sid, text) == 2


def test_scores_export_round_trip(scored_demo: tuple[Desk, str]) -> None:
    desk, sid = scored_demo
    text = desk.export_scores_csv(sid)
    source = resources.path("demo", "demo-scores.csv").read_text(encoding="utf-8")
    assert sorted(text.splitlines()[1:]) == sorted(source.splitlines()[1:])


def test_closing_on_the_default_proposal(scored_demo: tuple[Desk, str]) -> None:
    desk, sid = scored_demo
    res = desk.results(sid)
    assert res.quorum_met and all(r.valid for r in res.results)
    desk.close_deliberation(sid, accept_proposal=True)
    st = desk.state(sid)
    assert st.closed
    assert [lau.dossier_id for lau in st.laureates] == sorted(
        (p.dossier_id for p in res.default_proposal), key=lambda d: st.dossier(d).hearing_order
    )
    # Closed: nothing changes any more until reopened with a reason.
    with pytest.raises(UserError) as exc:
        desk.record_score(sid, "d01", "j02", "innovation", 0)
    assert exc.value.code == "closed"
    with pytest.raises(UserError):
        desk.reopen(sid, "")
    desk.reopen(sid, "Erreur de saisie signalée par un juré")
    desk.record_score(sid, "d01", "j02", "innovation", 0)
    assert audit.verify_chain(desk.audit_entries(sid)).ok


def test_departure_needs_a_justification(scored_demo: tuple[Desk, str]) -> None:
    desk, sid = scored_demo
    res = desk.results(sid)
    proposal = [p.dossier_id for p in res.default_proposal]
    outside = next(r.dossier_id for r in res.results if r.dossier_id not in proposal)
    left_out = proposal[-1]
    laureates = [
        LaureateDecision(p.dossier_id, p.amount_cents)
        for p in res.default_proposal
        if p.dossier_id != left_out
    ]
    laureates.append(LaureateDecision(outside, 100_000, ""))
    desk.set_decision(sid, laureates, {})
    with pytest.raises(ClosingBlocked) as exc:
        desk.close_deliberation(sid)
    text = str(exc.value)
    assert outside in text and left_out in text
    laureates[-1] = LaureateDecision(outside, 100_000, "Projet structurant pour le quartier")
    desk.set_decision(sid, laureates, {left_out: "Financement déjà acquis par ailleurs"})
    desk.close_deliberation(sid)
    assert desk.state(sid).closed


def test_quorum_blocks_closing(scored_demo: tuple[Desk, str]) -> None:
    desk, sid = scored_demo
    desk.set_attendance(sid, ["j04", "j05", "j06"])  # 4 present, quorum 5
    with pytest.raises(ClosingBlocked) as exc:
        desk.close_deliberation(sid, accept_proposal=True)
    assert any("quorum" in d.lower() for d in exc.value.details)
