"""Blank scoring sheets and the attendance sheet (issue 13, items 3 and 7)."""

from __future__ import annotations

import re

from jury_desk.core import paper
from jury_desk.core.services import Desk


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_blank_sheets_one_page_per_juror(demo_desk: tuple[Desk, str]) -> None:
    desk, sid = demo_desk
    st = desk.state(sid)
    pdf = paper.blank_sheets_pdf(st)
    assert pdf.startswith(b"%PDF-")
    assert page_count(pdf) == len(st.jurors)


def test_attendance_sheet(demo_desk: tuple[Desk, str]) -> None:
    desk, sid = demo_desk
    pdf = paper.attendance_sheet_pdf(desk.state(sid))
    assert pdf.startswith(b"%PDF-") and page_count(pdf) == 1
