"""Hearings entered afterwards (CONTRACT 4 and 7): held without the timer, each with its
start, durations and reason, all or none, every one in the audit log."""

from __future__ import annotations

import json

import pytest
from sqlmodel import select

from jury_desk.core import hearings
from jury_desk.core.errors import UserError
from jury_desk.core.services import Desk
from jury_desk.core.storage import AuditRow, reading

REASON = "Audition tenue sur papier après la panne de l’ordinateur"


def audit_entries(desk: Desk, sid: str, action: str) -> list[dict[str, object]]:
    with reading(desk.engine) as db:
        rows = db.exec(select(AuditRow).where(AuditRow.session_id == sid)).all()
    return [json.loads(r.data) for r in rows if r.action == action]


def test_a_hearing_entered_afterwards_is_recorded_and_audited(demo_desk) -> None:
    desk, sid = demo_desk
    h = desk.record_hearing_afterwards(
        sid,
        "d03",
        started_at="2026-06-18T14:05:00+02:00",
        presentation_s="540",
        questions_s=600,
        reason=REASON,
    )
    assert (h.state, h.started_at, h.presentation_s, h.questions_s) == (
        "entendu",
        "2026-06-18T14:05:00+02:00",
        540,
        600,
    )
    assert audit_entries(desk, sid, "hearing.recorded_afterwards") == [
        {
            "dossier_id": "d03",
            "started_at": "2026-06-18T14:05:00+02:00",
            "presentation_s": 540,
            "questions_s": 600,
            "reason": REASON,
        }
    ]


@pytest.mark.parametrize(
    ("started", "pres", "reason", "code"),
    [
        ("2026-06-18 14:05", "540", REASON, "hearing_start_invalid"),  # no offset
        ("18/06/2026 14h05", "540", REASON, "hearing_start_invalid"),
        ("2026-06-18T14:05:00+02:00", "-3", REASON, "hearing_duration_invalid"),
        ("2026-06-18T14:05:00+02:00", "99999", REASON, "hearing_duration_invalid"),
        ("2026-06-18T14:05:00+02:00", "540", "panne", "hearing_reason_required"),
        ("2026-06-18T14:05:00+02:00", "540", "12345678901234567890123", "hearing_reason_required"),
    ],
)
def test_refusals_change_nothing(demo_desk, started, pres, reason, code) -> None:
    desk, sid = demo_desk
    with pytest.raises(UserError) as exc:
        desk.record_hearing_afterwards(
            sid, "d03", started_at=started, presentation_s=pres, questions_s=0, reason=reason
        )
    assert exc.value.code == code
    assert desk.state(sid).hearings["d03"].started_at is None
    assert audit_entries(desk, sid, "hearing.recorded_afterwards") == []


def test_a_hearing_already_recorded_is_not_entered_twice(demo_desk) -> None:
    desk, sid = demo_desk
    desk.record_hearing_afterwards(
        sid,
        "d03",
        started_at="2026-06-18T14:05:00+02:00",
        presentation_s=1,
        questions_s=1,
        reason=REASON,
    )
    with pytest.raises(UserError) as exc:
        desk.record_hearing_afterwards(
            sid,
            "d03",
            started_at="2026-06-18T15:05:00+02:00",
            presentation_s=1,
            questions_s=1,
            reason=REASON,
        )
    assert exc.value.code == "hearing_already_recorded"


def test_csv_all_rows_or_none(demo_desk) -> None:
    desk, sid = demo_desk
    good = (
        "dossier_id,started_at,presentation_s,questions_s,reason\n"
        f"d04,2026-06-18T14:05:00+02:00,540,600,{REASON}\n"
        f'd05,2026-06-18T14:30:00+02:00,600,480,"{REASON}, deuxième"\n'
    )
    bad = good + "d99,2026-06-18T15:00:00+02:00,600,480,Dossier inconnu du jury ce jour\n"
    with pytest.raises(UserError) as exc:
        desk.import_hearings_csv(sid, bad)
    assert "d99" in exc.value.message
    st = desk.state(sid)
    assert st.hearings["d04"].started_at is None and st.hearings["d05"].started_at is None
    assert desk.import_hearings_csv(sid, "\ufeff" + good) == 2
    st = desk.state(sid)
    assert st.hearings["d05"].started_at == "2026-06-18T14:30:00+02:00"
    assert len(audit_entries(desk, sid, "hearing.recorded_afterwards")) == 2


def test_csv_shape_refusals() -> None:
    with pytest.raises(UserError) as exc:
        hearings.parse_csv("dossier_id,started_at\nd01,x\n")
    assert exc.value.code == "csv_header"
    with pytest.raises(UserError) as exc:
        hearings.parse_csv(
            "dossier_id,started_at,presentation_s,questions_s,reason\n"
            f"d01,2026-06-18T14:05:00+02:00,1,1,{REASON}\n"
            f"d01,2026-06-18T15:05:00+02:00,1,1,{REASON}\n"
        )
    assert exc.value.code == "hearing_duplicate"
    with pytest.raises(UserError) as exc:
        hearings.parse_csv("")
    assert exc.value.code == "csv_empty"


def test_is_sentence() -> None:
    assert hearings.is_sentence(REASON)
    assert not hearings.is_sentence("trop court")
    assert not hearings.is_sentence("1" * 30)


def test_a_second_recording_is_refused_as_a_code_naming_the_entry(demo_desk) -> None:
    from jury_desk import messages

    desk, sid = demo_desk
    first = hearings.check_entry("d03", "2026-06-18T14:05:00+02:00", 1, 1, REASON)
    desk.record_hearings_afterwards(sid, [first])
    with pytest.raises(UserError) as alone:
        desk.record_hearings_afterwards(sid, [first])
    assert (alone.value.key, alone.value.params["dossier"]) == (
        "hearing_already_recorded.started",
        "d03",
    )
    assert alone.value.message.startswith("L’audition du dossier d03 est déjà enregistrée (")
    assert alone.value.message.endswith("). Aucune audition n’a été enregistrée.")
    other = hearings.check_entry("d04", "2026-06-18T15:05:00+02:00", 1, 1, REASON)
    with pytest.raises(UserError) as second:
        desk.record_hearings_afterwards(sid, [other, first])
    err = second.value
    assert (err.code, err.key) == ("hearing_already_recorded", "hearing_entry")
    assert err.message.startswith("Audition 2 (dossier d03) : L’audition du dossier d03 est ")
    english = {
        messages.TEMPLATES["error.hearing_entry"]: "Hearing {index} (dossier {dossier}): {message}",
        messages.TEMPLATES["error.hearing_already_recorded.started"]: (
            "The hearing of dossier {dossier} is already recorded (started on {started}). "
            "No hearing was recorded."
        ),
    }
    text = messages.error_text(err.key or "", err.params, lambda c, t: english.get(t, t))
    assert text.startswith("Hearing 2 (dossier d03): The hearing of dossier d03 is already ")
    assert desk.state(sid).hearings["d04"].started_at is None  # all or none
