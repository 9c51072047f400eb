"""Before closing: the checklist, and a hearing entered afterwards from it (issue 13,
item 4; CONTRACT 4 and 7)."""

from __future__ import annotations

from typing import Any

import pytest

from jury_desk.core.services import Desk
from jury_desk.qt.core import QDate, QDateTime, Qt, QTime
from jury_desk.qt.widgets import QDialog, QMainWindow
from jury_desk.ui.deliberation import DeliberationView
from jury_desk.ui.deliberation.closing import ClosingChecklistDialog, HearingAfterwardsDialog
from jury_desk.ui.hub import Hub

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
REASON = "Audition tenue sur papier après la panne de l’ordinateur"


@pytest.fixture
def window(qtbot: Any) -> QMainWindow:
    win = QMainWindow()
    qtbot.addWidget(win)
    return win


@pytest.fixture
def view(qtbot: Any, window: QMainWindow, demo_desk: tuple[Desk, str]) -> DeliberationView:
    from jury_desk.core import resources

    desk, sid = demo_desk  # the paper sheets, no hearing recorded
    desk.import_scores_csv(sid, resources.path("demo", "demo-scores.csv").read_text("utf-8"))
    desk.reveal(sid)
    win = window
    page = DeliberationView(desk, sid, Hub(), win)
    win.setCentralWidget(page)
    win.resize(1280, 720)
    win.show()
    return page


def test_the_checklist_lists_warnings_and_needs_them_acknowledged(
    qtbot: Any, view: DeliberationView
) -> None:
    dialog = ClosingChecklistDialog(view.snapshot, [], view)
    qtbot.addWidget(dialog)
    texts = [dialog.warnings.item(i).text() for i in range(dialog.warnings.count())]
    assert any(t.startswith("d01 — ") and "jamais entendu" in t for t in texts)
    assert any("lauréat proposé jamais entendu" in t for t in texts)  # the rules' laureates
    assert any("pas d’avis motivé" in t for t in texts)
    assert not dialog.close_button.isEnabled()
    dialog.seen.setChecked(True)
    assert dialog.close_button.isEnabled()
    blocked = ClosingChecklistDialog(view.snapshot, ["Quorum non atteint"], view)
    qtbot.addWidget(blocked)
    blocked.seen.setChecked(True)
    assert not blocked.close_button.isEnabled() and blocked.blockers.count() == 1


def test_a_hearing_entered_afterwards_from_the_checklist(
    qtbot: Any, view: DeliberationView, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk, sid = view.desk, view.session_id
    dialog = ClosingChecklistDialog(view.snapshot, [], view)
    qtbot.addWidget(dialog)
    dialog.hearingRequested.connect(view.enter_hearing_afterwards)
    view.controller.changed.connect(dialog.refresh)

    def fill(self: HearingAfterwardsDialog) -> int:
        assert not self.ok.isEnabled()  # no reason yet
        self.start.setDateTime(QDateTime(QDate(2026, 6, 18), QTime(16, 40)))
        self.presentation.setValue(9)
        self.questions.setValue(11)
        self.reason.setPlainText(REASON)
        assert self.ok.isEnabled()
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(HearingAfterwardsDialog, "exec", fill)
    row = next(
        i
        for i in range(dialog.warnings.count())
        if dialog.warnings.item(i).text().startswith("d01 — ")
    )
    dialog.warnings.setCurrentRow(row)
    assert dialog.hearing_button.isEnabled()
    with qtbot.waitSignal(view.controller.done) as done:
        qtbot.mouseClick(dialog.hearing_button, Qt.MouseButton.LeftButton)
    assert done.args == ["hearing"]
    h = desk.state(sid).hearings["d01"]
    assert (h.started_at, h.presentation_s, h.questions_s) == (
        "2026-06-18T16:40:00+02:00",
        540,
        660,
    )
    texts = [dialog.warnings.item(i).text() for i in range(dialog.warnings.count())]
    assert not any(t.startswith("d01 — ") and "jamais entendu" in t for t in texts)
    entries = [e for e in desk.audit_entries(sid) if e["action"] == "hearing.recorded_afterwards"]
    assert entries[-1]["data"]["reason"] == REASON and entries[-1]["actor"] == "secretariat"
