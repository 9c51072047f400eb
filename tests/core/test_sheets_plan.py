"""Paper sheets previewed before they are written (issue 13, item 3)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from jury_desk.core import sheets
from jury_desk.core.errors import UserError
from jury_desk.core.services import Desk

HEAD = "dossier_id,juror_id,criterion_id,value\n"


def test_rows_are_classified_against_the_session(demo_desk: tuple[Desk, str]) -> None:
    desk, sid = demo_desk
    desk.record_score(sid, "d01", "j01", "innovation", "3")
    desk.record_score(sid, "d01", "j01", "impact", "6")
    desk.set_attendance(sid, ["j07"])
    text = (
        HEAD
        + "d01,j01,innovation,4\n"  # changes 3 → 4
        + "d01,j01,impact,6\n"  # the same again
        + "d01,j02,innovation,2\n"  # new
        + "d01,j07,innovation,2\n"  # absent juror: skippable
        + "d01,j02,partenariats,7\n"  # out of the 0–5 scale
        + "d99,j02,innovation,1\n"  # unknown dossier
    )
    plan = sheets.plan_scores_import(desk.state(sid), text)
    kinds = [(r.line, r.kind, r.code) for r in plan.rows]
    assert kinds == [
        (2, sheets.CHANGED, None),
        (3, sheets.SAME, None),
        (4, sheets.NEW, None),
        (5, sheets.SKIPPABLE, "juror_absent"),
        (6, sheets.REFUSED, "value_out_of_scale"),
        (7, sheets.REFUSED, "unknown_dossier"),
    ]
    changed = plan.of(sheets.CHANGED)[0]
    assert (changed.old, changed.new) == (Fraction(3), Fraction(4))
    assert not plan.can_import(skip_absent=True)  # refused rows: all or nothing
    with pytest.raises(UserError):
        plan.rows_to_write(skip_absent=True)


def test_absent_jurors_rows_are_left_out_only_by_choice(demo_desk: tuple[Desk, str]) -> None:
    desk, sid = demo_desk
    desk.set_attendance(sid, ["j07"])
    text = HEAD.replace(",", ";") + "d01;j02;innovation;2\nd01;j07;impact;3,5\n"
    plan = sheets.plan_scores_import(desk.state(sid), text)
    assert plan.delimiter == ";"
    assert not plan.can_import(skip_absent=False)
    rows = plan.rows_to_write(skip_absent=True)
    assert rows == [("d01", "j02", "innovation", "2")]
    desk.record_scores(sid, rows, "feuilles-papier")
    assert desk.state(sid).scores[("d01", "j02", "innovation")] == 2


def test_a_bad_file_shape_is_refused(demo_desk: tuple[Desk, str]) -> None:
    desk, sid = demo_desk
    with pytest.raises(UserError) as exc:
        sheets.plan_scores_import(desk.state(sid), "a,b\n1,2\n")
    assert exc.value.code == "csv_header"


def test_double_entry_compares_two_typings() -> None:
    first = HEAD + "d01,j01,innovation,4\nd01,j01,impact,6\nd01,j02,impact,5\n"
    second = HEAD + "d01,j01,impact,6\nd01,j01,innovation,3\nd01,j03,impact,5\n"
    diffs = sheets.compare_typings(first, second)
    assert [(d.dossier_id, d.juror_id, d.criterion_id, d.first, d.second) for d in diffs] == [
        ("d01", "j01", "innovation", "4", "3"),
        ("d01", "j02", "impact", "5", None),
        ("d01", "j03", "impact", None, "5"),
    ]
    assert sheets.compare_typings(first, first) == []
