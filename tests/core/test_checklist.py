"""The closing checklist (issue 13, item 4): what to look at before closing."""

from __future__ import annotations

from jury_desk.core import checklist
from jury_desk.core.services import Desk

REASON = "Audition tenue sur papier après la panne de l’ordinateur"


def codes(items: list[checklist.CheckItem], code: str) -> list[tuple[str | None, str | None]]:
    return [(i.dossier_id, i.juror_id) for i in items if i.code == code]


def test_the_checklist_of_the_demo_day(demo_desk: tuple[Desk, str]) -> None:
    from jury_desk.core import resources

    desk, sid = demo_desk  # the paper sheets, no hearing recorded
    desk.import_scores_csv(sid, resources.path("demo", "demo-scores.csv").read_text("utf-8"))
    st = desk.state(sid)
    items = checklist.closing_checklist(st, ["d04"])
    never = codes(items, checklist.NEVER_HEARD)
    assert len(never) == len(st.dossiers)  # nobody timed in this fixture
    assert next(i for i in items if i.dossier_id == "d04").laureate
    assert len(codes(items, checklist.OPINION_MISSING)) == len(st.dossiers)
    assert codes(items, checklist.JUROR_ABSENT) == []  # attendance not taken: all present
    assert ("d01", "j02") in codes(items, checklist.COMMENT_MISSING)

    desk.record_hearing_afterwards(
        sid,
        "d04",
        started_at="2026-06-18T11:00:00+02:00",
        presentation_s=600,
        questions_s=600,
        reason=REASON,
    )
    desk.set_opinion(sid, "d04", "Projet solide, porté par une équipe expérimentée du quartier.")
    desk.set_comment(sid, "d01", "j02", "Bon projet")
    desk.set_attendance(sid, ["j07"])
    items = checklist.closing_checklist(desk.state(sid), ["d04"])
    assert ("d04", None) not in codes(items, checklist.NEVER_HEARD)
    assert ("d04", None) not in codes(items, checklist.OPINION_MISSING)
    assert ("d01", "j02") not in codes(items, checklist.COMMENT_MISSING)
    assert codes(items, checklist.JUROR_ABSENT) == [(None, "j07")]
    assert not any(i.juror_id == "j07" for i in items if i.code == checklist.COMMENT_MISSING)
