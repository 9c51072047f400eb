"""Qt models show text through ``core.text.display`` (issue 12, item 6): what an older
database holds (bidi override, zero-width, NUL) never reaches a view, and a right-to-left
name is isolated so that it cannot reorder what is around it."""

from __future__ import annotations

import sqlite3

from jury_desk.core.services import Desk
from jury_desk.qt.core import Qt
from jury_desk.ui.models import AttendanceModel


def test_the_attendance_list_shows_neutralised_names(
    demo_desk: tuple[Desk, str],
    qtmodeltester,  # type: ignore[no-untyped-def]
) -> None:
    desk, sid = demo_desk
    con = sqlite3.connect(desk.db_path)
    con.execute(
        "UPDATE juror SET name = ? WHERE session_id = ? AND id = 'j01'",
        ("Claire\u202e tnoPuD\u200b\x00", sid),
    )
    con.execute(
        "UPDATE juror SET name = ? WHERE session_id = ? AND id = 'j02'", ("سامية بن علي", sid)
    )
    con.commit()
    con.close()
    desk._ids.clear()  # the names as the file now holds them
    model = AttendanceModel()
    model.set_state(desk.state(sid))
    qtmodeltester.check(model)
    first = model.data(model.index(0), Qt.ItemDataRole.DisplayRole)
    assert "Claire" in first
    for bad in ("\u202e", "\u200b", "\x00"):
        assert bad not in first
    second = model.data(model.index(1), Qt.ItemDataRole.DisplayRole)
    assert second.startswith("\u2068") and "\u2069" in second
    tip = model.data(model.index(0), Qt.ItemDataRole.ToolTipRole)
    assert tip is None or "\u202e" not in tip
