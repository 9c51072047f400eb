"""The read model of the deliberation (core/readmodel.py) on the demonstration session."""

from __future__ import annotations

from jury_desk.core import fmt
from jury_desk.core.deliberation import DepartureKind, DossierStatus, InvalidReason
from jury_desk.core.domain import DEFAULT_RANGE_THRESHOLD, DEFAULT_SD_THRESHOLD, LaureateDecision
from jury_desk.core.services import Desk
from jury_desk.messages import blocker_text


def test_the_default_proposal_is_the_decision_until_the_jury_sets_one(
    scored_demo: tuple[Desk, str],
) -> None:
    desk, sid = scored_demo
    ds = desk.deliberation_state(sid)
    assert not ds.decision_made
    assert [lau.dossier_id for lau in ds.decision.laureates] == [
        e.dossier_id for e in ds.default_proposal
    ]
    assert ds.departures == () and ds.blockers == () and ds.can_close
    assert ds.quorum.present == 7 and ds.quorum.met
    assert ds.envelope.used_cents == ds.envelope.proposal_total_cents == 7_700_000
    assert ds.envelope.remaining_cents == 9_000_000 - 7_700_000
    assert (ds.thresholds.sd, ds.thresholds.spread) == (
        DEFAULT_SD_THRESHOLD,
        DEFAULT_RANGE_THRESHOLD,
    )
    assert all(d.status is DossierStatus.NOTE and d.heard for d in ds.dossiers)
    assert {j for j, v in ds.leanings.items() if v is not None} == {j.id for j in ds.session.jurors}


def test_departures_blockers_and_the_envelope_follow_the_jury_list(
    scored_demo: tuple[Desk, str],
) -> None:
    desk, sid = scored_demo
    proposal = desk.deliberation_state(sid).default_proposal
    first, second = proposal[0], proposal[1]
    laureates = [
        LaureateDecision(first.dossier_id, first.amount_cents - 100_000),
        *(LaureateDecision(e.dossier_id, e.amount_cents) for e in proposal[2:]),
        LaureateDecision("d01", 1_800_000, "Projet retenu par le jury après débat."),
    ]
    desk.set_decision(sid, laureates, {})
    ds = desk.deliberation_state(sid)
    kinds = {(d.dossier_id, d.kind, d.justified) for d in ds.departures}
    assert kinds == {
        (first.dossier_id, DepartureKind.AMOUNT_CHANGED, False),
        ("d01", DepartureKind.ADDED, True),
        (second.dossier_id, DepartureKind.REMOVED, False),
    }
    assert ds.dossier("d01").departure is not None and ds.dossier("d01").laureate is not None
    assert [(b.code, b.dossier_id) for b in ds.blockers] == [
        ("unjustified_amount", first.dossier_id),
        ("unjustified_departure", second.dossier_id),
    ]
    used = sum(lau.amount_cents for lau in laureates)
    assert ds.envelope.used_cents == used and ds.envelope.remaining_cents == 9_000_000 - used
    assert ds.blockers_on_proposal() == ()  # closing on the proposal would be possible
    text = blocker_text(ds.blockers[0])
    assert fmt.euros(first.amount_cents - 100_000) in text and fmt.euros(first.amount_cents) in text


def test_a_dossier_with_too_few_counted_jurors_is_invalid_with_its_reason(
    scored_demo: tuple[Desk, str],
) -> None:
    desk, sid = scored_demo
    for jid in ("j01", "j02", "j03", "j04", "j05"):
        desk.recuse(sid, jid, "d04", "conflict", "Lien avec le porteur du projet")
    d = desk.deliberation_state(sid).dossier("d04")
    assert all(d.complete.values()) and len(d.counted) == 2  # every counted sheet complete
    assert not d.validity.valid and d.status is DossierStatus.INVALIDE
    assert d.validity.reasons == (InvalidReason.TOO_FEW_JURORS,)
    assert d.validity.params["counted"] == 2 and d.validity.params["need"] == 3
