"""Paper sheets in the GUI (issue 13, item 3): a preview, then all or nothing, and the
console shows what changed; blank sheets and the attendance sheet as PDFs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from jury_desk.core import resources
from jury_desk.qt.widgets import QDialog
from jury_desk.ui.sheets_dialog import SheetsPreviewDialog

HEAD = "dossier_id,juror_id,criterion_id,value\n"


def accept(
    monkeypatch: pytest.MonkeyPatch, seen: list[SheetsPreviewDialog], skip: bool = False
) -> None:
    def exec_(self: SheetsPreviewDialog) -> int:
        if skip:
            self.skip.setChecked(True)
        self.seen_texts = {  # type: ignore[attr-defined]
            "summary": self.summary.text(),
            "verdict": self.verdict.text(),
            "effects": [self.model.index(r, 4).data() for r in range(self.model.rowCount())],
        }
        seen.append(self)
        if not self.import_button.isEnabled():
            return QDialog.DialogCode.Rejected.value
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(SheetsPreviewDialog, "exec", exec_)


def test_the_demo_sheets_imported_with_a_preview_refresh_the_console(
    gui: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    seen: list[SheetsPreviewDialog] = []
    accept(monkeypatch, seen)
    paper = gui.console.paper
    assert paper.import_sheets_from(resources.path("demo", "demo-scores.csv"))
    gui.wait_writes()
    assert "nouvelle(s) note(s)" in seen[0].seen_texts["summary"]
    st = gui.ctx.st
    assert len(st.scores) > 300  # the console read them again
    assert gui.console.order_model is not None


def test_absent_jurors_rows_skipped_by_choice_and_refused_rows_block(
    gui: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    desk, sid = gui.ctx.desk, gui.ctx.sid
    desk.set_attendance(sid, ["j07"])
    gui.console.reload()
    f = tmp_path / "s.csv"
    f.write_text(HEAD + "d02,j01,innovation,4\nd02,j07,innovation,3\n", encoding="utf-8")
    seen: list[SheetsPreviewDialog] = []
    accept(monkeypatch, seen)
    assert not gui.console.paper.import_sheets_from(f)  # not without the explicit choice
    assert ("d02", "j01", "innovation") not in desk.state(sid).scores
    accept(monkeypatch, seen, skip=True)
    assert gui.console.paper.import_sheets_from(f)
    gui.wait_writes()
    assert desk.state(sid).scores[("d02", "j01", "innovation")] == 4
    assert ("d02", "j07", "innovation") not in desk.state(sid).scores
    f.write_text(HEAD + "d02,j01,innovation,4\nd02,j02,innovation,9\n", encoding="utf-8")
    assert not gui.console.paper.import_sheets_from(f)
    texts = seen[-1].seen_texts["effects"]
    assert "refusée : hors de l’échelle du critère" in texts
    assert "déjà saisie, identique" in texts


def test_a_double_entry_that_differs_imports_nothing(
    gui: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_text(HEAD + "d04,j01,innovation,4\n", encoding="utf-8")
    b.write_text(HEAD + "d04,j01,innovation,2\n", encoding="utf-8")
    seen: list[SheetsPreviewDialog] = []
    accept(monkeypatch, seen)
    assert not gui.console.paper.import_sheets_from(a, b)
    assert "diffèrent sur 1 case" in seen[-1].seen_texts["verdict"]
    assert gui.console.paper.import_sheets_from(a, a)


def test_blank_sheets_and_attendance_sheet(gui: Any, tmp_path: Path) -> None:
    out = gui.console.paper.print_blank_sheets(tmp_path / "vierges.pdf")
    assert out is not None and out.read_bytes().startswith(b"%PDF-")
    out = gui.console.paper.print_attendance_sheet(tmp_path / "emargement.pdf")
    assert out is not None and out.read_bytes().startswith(b"%PDF-")
