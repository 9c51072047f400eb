"""The order list follows a score by changing that dossier's row only (issue 15), and
the status it computes for that dossier alone is the read model's."""

from __future__ import annotations

from typing import Any

from jury_desk.core import readmodel
from jury_desk.core.services import Desk
from jury_desk.ui.models import HearingOrderModel, one_dossier_status


def test_one_dossier_status_is_the_read_models(scored_demo: tuple[Desk, str]) -> None:
    desk, sid = scored_demo
    st = desk.state(sid)
    d, j, c = sorted(st.scores)[0]
    desk.clear_score(sid, d, j, c)  # incomplet (or invalid)
    desk.save_hearing(
        sid,
        st.dossiers[1].id,
        action="start",
        state="en_audition",
        phase="presentation",
        phase_elapsed_ms=0,
        running_since="2026-06-18T09:00:00.000+00:00",
    )
    st = desk.state(sid)
    ds = readmodel.build(st)
    for dossier in st.dossiers:
        assert one_dossier_status(st, dossier.id) == ds.dossier(dossier.id).status.value


def test_a_score_changes_one_row(qtmodeltester: Any, scored_demo: tuple[Desk, str]) -> None:
    desk, sid = scored_demo
    st = desk.state(sid)
    model = HearingOrderModel()
    model.set_state(st)
    qtmodeltester.check(model)
    d, j, c = next(k for k in sorted(st.scores) if one_dossier_status(st, k[0]) == "note")
    before = [model.index(r, model.COL_STATE).data() for r in range(model.rowCount())]
    changed: list[tuple[int, int]] = []
    resets: list[int] = []
    model.dataChanged.connect(lambda a, b, *_: changed.append((a.row(), b.row())))
    model.modelReset.connect(lambda: resets.append(1))
    desk.clear_score(sid, d, j, c)
    st = desk.state(sid)
    model.update_dossier(st, d)
    row = model.row_of(d)
    assert changed == [(row, row)] and not resets
    after = [model.index(r, model.COL_STATE).data() for r in range(model.rowCount())]
    assert after[row] != before[row]
    assert after[:row] + after[row + 1 :] == before[:row] + before[row + 1 :]
    # What a full refresh would show.
    full = HearingOrderModel()
    full.set_state(st)
    assert after == [full.index(r, full.COL_STATE).data() for r in range(full.rowCount())]
