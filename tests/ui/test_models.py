"""Every item model of the hearing room passes qtmodeltester, in the states it meets
(empty, filled, masked, with recusals and absences), and the grid model validates."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

import pytest

from jury_desk.core import resources
from jury_desk.core.services import Desk, SessionState
from jury_desk.qt.core import Qt
from jury_desk.ui.models import (
    AttendanceModel,
    HearingOrderModel,
    RecusalModel,
    Roles,
    ScoringGridModel,
    SharedGridModel,
)
from jury_desk.ui.shared_presenter import build_frame


@pytest.fixture
def state(tmp_path) -> Iterator[tuple[Desk, str]]:
    desk = Desk(tmp_path / "m.sqlite3")
    sid = desk.import_demo().session_id
    yield desk, sid
    desk.close()


def busy_state(desk: Desk, sid: str) -> SessionState:
    """Paper sheets for every dossier, a juror absent, a déport, a comment."""
    desk.import_scores_csv(
        sid, resources.path("demo", "demo-scores.csv").read_text(encoding="utf-8")
    )
    desk.set_present(sid, "j07", False)
    desk.recuse(sid, "j02", "d04", "conflict", "Trésorier de l’association")
    desk.set_comment(sid, "d01", "j01", "Très bon dossier")
    return desk.state(sid)


def test_hearing_order_model(qtmodeltester, state) -> None:
    desk, sid = state
    m = HearingOrderModel()
    qtmodeltester.check(m)
    m.set_state(desk.state(sid))
    m.set_current("d03")
    qtmodeltester.check(m)
    assert m.rowCount() == 12 and m.index(2, 2).data(Roles.Id) == "d03"
    assert m.index(0, 3).data() == "à venir"
    st = busy_state(desk, sid)
    m.set_state(st)
    qtmodeltester.check(m)
    assert {m.index(r, 3).data(Roles.State) for r in range(12)} <= {"note", "incomplet"}


def dossier_status(desk: Desk, sid: str, dossier_id: str) -> str:
    """The status the hearing order shows (the read model's)."""
    m = HearingOrderModel()
    m.set_state(desk.state(sid))
    row = next(r for r in range(m.rowCount()) if m.index(r, 0).data(Roles.Id) == dossier_id)
    return str(m.index(row, 3).data(Roles.State))


def test_dossier_status_follows_hearing_and_sheets(state) -> None:
    desk, sid = state
    assert dossier_status(desk, sid, "d01") == "a_venir"
    desk.save_hearing(
        sid,
        "d01",
        action="start",
        state="en_audition",
        phase="presentation",
        phase_elapsed_ms=0,
        running_since=None,
    )
    assert dossier_status(desk, sid, "d01") == "en_audition"
    desk.save_hearing(
        sid,
        "d01",
        action="finish",
        state="entendu",
        phase=None,
        phase_elapsed_ms=0,
        running_since=None,
        presentation_s=600,
        questions_s=600,
    )
    assert dossier_status(desk, sid, "d01") == "entendu"
    desk.record_score(sid, "d01", "j01", "innovation", "3")
    assert dossier_status(desk, sid, "d01") == "incomplet"


def test_dossier_status_is_the_rules_validity(state) -> None:
    """« noté » only when the deliberation counts the dossier valid: min_sheets included."""
    desk, sid = state
    desk.import_scores_csv(
        sid, resources.path("demo", "demo-scores.csv").read_text(encoding="utf-8")
    )
    assert dossier_status(desk, sid, "d01") == "note"
    # Five déports leave two counted jurors, both with complete sheets, for a minimum of
    # three sheets: every counted sheet is complete, yet the dossier is not valid.
    for jid in ("j01", "j02", "j03", "j04", "j05"):
        desk.recuse(sid, jid, "d01", "conflict", "Lien avec le porteur du projet")
    assert dossier_status(desk, sid, "d01") == "invalide"
    assert not desk.deliberation_state(sid).dossier("d01").validity.valid


def test_scoring_grid_model(qtmodeltester, state) -> None:
    desk, sid = state
    m = ScoringGridModel()
    qtmodeltester.check(m)
    m.set_state(desk.state(sid), "d01")
    qtmodeltester.check(m)
    assert (m.rowCount(), m.columnCount()) == (5, 7)
    st = busy_state(desk, sid)
    m.set_state(st, "d03")
    qtmodeltester.check(m)
    # j01 conflicts with d03 (bundle), j07 is absent.
    assert m.index(0, 0).data(Roles.State) == "off" and m.index(0, 6).data() == "absent"
    assert m.headerData(6, Qt.Orientation.Horizontal) == "Amina Touré\n(absent)"
    # Masked (blind) until revealed.
    assert (
        m.masked
        and m.index(0, 1).data() == m.MASK
        and m.index(0, 1).data(Qt.ItemDataRole.EditRole) == ""
    )
    m.set_masked(False)
    qtmodeltester.check(m)
    assert m.index(0, 1).data() not in ("", m.MASK)


def test_scoring_grid_model_validates_before_asking_a_write(state) -> None:
    desk, sid = state
    m = ScoringGridModel()
    m.set_state(desk.state(sid), "d01")
    asked: list[tuple[str, str, str, Fraction | None]] = []
    refused: list[str] = []
    m.valueCommitted.connect(lambda d, j, c, v: asked.append((d, j, c, v)))
    m.invalidValue.connect(refused.append)
    impact = m.index(1, 0)
    assert not m.setData(impact, "7,25")  # step 0.5
    assert not m.setData(impact, "11")
    assert not m.setData(impact, "beaucoup")
    assert len(refused) == 3 and "de 0 à 10, pas de 0,5" in refused[0]
    assert m.setData(impact, " 7,5 ")
    assert asked == [("d01", "j01", "impact", Fraction(15, 2))]
    assert impact.data(Roles.State) == "pending" and impact.data(Roles.Saved) is False
    m.mark_saved("j01", "impact", Fraction(15, 2))
    assert impact.data(Roles.State) == "saved" and impact.data(Roles.Saved) is True
    assert m.setData(impact, "7.5") and len(asked) == 1  # unchanged: no write asked
    assert m.setData(impact, "") and len(asked) == 1  # empty: nothing cleared by accident
    m.mark_failed("j01", "innovation", "refusé")
    assert m.index(0, 0).data(Roles.State) == "error"


def test_attendance_model(qtmodeltester, state) -> None:
    desk, sid = state
    m = AttendanceModel()
    qtmodeltester.check(m)
    m.set_state(desk.state(sid))
    qtmodeltester.check(m)
    asked: list[tuple[str, bool]] = []
    m.presenceRequested.connect(lambda j, p: asked.append((j, p)))
    assert m.index(0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert m.setData(m.index(2), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert asked == [("j03", False)]
    # Shown absent only once written.
    assert m.index(2).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    m.set_state(busy_state(desk, sid))
    qtmodeltester.check(m)
    assert m.index(6).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked


def test_recusal_model(qtmodeltester, state) -> None:
    desk, sid = state
    m = RecusalModel()
    qtmodeltester.check(m)
    m.set_state(desk.state(sid))
    qtmodeltester.check(m)
    assert m.rowCount() == 2  # the bundle's two conflicts
    m.set_state(busy_state(desk, sid))
    qtmodeltester.check(m)
    rows = [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]
    deport = next(r for r in rows if r[0] == "Karim Benhadj")
    assert deport[2:5] == ["Déport", "Trésorier de l’association", "Séance"] and deport[5]
    assert m.index(0, 0).data(Roles.State) == "bundle"


def test_shared_grid_model(qtmodeltester, state) -> None:
    desk, sid = state
    m = SharedGridModel()
    qtmodeltester.check(m)
    st = busy_state(desk, sid)
    frame = build_frame(st, "d03")
    assert frame.grid is not None
    m.set_grid(frame.grid)
    qtmodeltester.check(m)
    assert m.index(0, 0).data() == "—"  # j01: conflict of interest
    assert m.index(0, 1).data() == "saisi"
    st.revealed = True
    m.set_grid(build_frame(st, "d03").grid)  # type: ignore[arg-type]
    qtmodeltester.check(m)
    assert m.index(0, 1).data() not in ("saisi", "à saisir", "—")
