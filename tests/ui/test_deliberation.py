"""The deliberation page, on the demo session with its paper sheets (pytest-qt, offscreen).

A secretary reveals the blind scores, departs once from the rules' proposal, is refused
the closing until each departure is justified, closes, exports, and sees the export
verified; reopening asks for a reason and the next export is numbered 2. The shared
screen shows nothing individual before the reveal.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from jury_desk.core import export, fmt, keys
from jury_desk.core.services import Desk
from jury_desk.qt.core import QModelIndex, Qt
from jury_desk.qt.widgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)
from jury_desk.ui import announce, wording
from jury_desk.ui.deliberation import DeliberationView, SharedDeliberationPanel
from jury_desk.ui.deliberation.charts import (
    AlternativesChart,
    DotsChart,
    EnvelopeBar,
    HeatmapChart,
)
from jury_desk.ui.deliberation.controller import Snapshot
from jury_desk.ui.deliberation.decision import ReasonDialog
from jury_desk.ui.deliberation.models import (
    KIND_ROLE,
    BlockersModel,
    ChecksModel,
    DecisionModel,
    RankingModel,
    parse_euros,
)
from jury_desk.ui.hub import Hub

# The offscreen platform says so about every top-level window: not ours to fix.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

REMOVED, ADDED = "d08", "d10"  # a laureate of the rules' proposal, and the next eligible one
WHY_REMOVED = "Projet déjà financé par le contrat de ville cette année"
WHY_ADDED = "Seul projet sport-santé du territoire"


@pytest.fixture
def hub() -> Hub:
    return Hub()


@pytest.fixture
def window(qtbot: Any) -> QMainWindow:
    """The application's main window, until the app shell hosts the page."""
    win = QMainWindow()
    qtbot.addWidget(win)
    win.resize(1600, 1000)
    return win


@pytest.fixture
def view(
    qtbot: Any, window: QMainWindow, scored_demo: tuple[Desk, str], hub: Hub
) -> DeliberationView:
    desk, sid = scored_demo
    page = DeliberationView(desk, sid, hub, window)
    window.setCentralWidget(page)
    window.show()
    qtbot.waitExposed(window)
    return page


def row_index(view: DeliberationView, dossier_id: str, column: int) -> QModelIndex:
    model = view.decision.model
    return model.index(model.row_of(dossier_id), column)


def blocker_messages(view: DeliberationView) -> list[str]:
    model = view.blockers
    return [model.index(r).data() for r in range(model.rowCount())]


def named(view: DeliberationView, dossier_id: str) -> str:
    """How the page names a dossier: its reference and the start of its title."""
    return wording.names_of(view.desk.state(view.session_id)).dossier(dossier_id)


def texts_under(widget: QWidget) -> list[str]:
    """Every text a person could read in ``widget``: labels, and the cells of its tables."""
    out = [w.text() for w in widget.findChildren(QLabel) if w.isVisibleTo(widget)]
    for table in widget.findChildren(QTableView):
        m = table.model()
        for r in range(m.rowCount()):
            for c in range(m.columnCount()):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = m.index(r, c).data(role)
                    if value:
                        out.append(str(value))
        for c in range(m.columnCount()):
            out.append(str(m.headerData(c, Qt.Orientation.Horizontal)))
    return out


def depart_by_keyboard(qtbot: Any, view: DeliberationView) -> None:
    """Remove d08 with Space and add d10 with Enter, as a secretary at the keyboard."""
    view.show_tab(view.TAB_DECISION)
    table = view.decision.table
    table.setFocus()
    table.setCurrentIndex(row_index(view, REMOVED, DecisionModel.LAUREATE))
    qtbot.keyClick(table, Qt.Key.Key_Space)
    table.setCurrentIndex(row_index(view, ADDED, DecisionModel.LAUREATE))
    qtbot.keyClick(table, Qt.Key.Key_Return)


def type_in_editor(qtbot: Any, view: DeliberationView, text: str) -> None:
    """Type in the cell editor that has the focus, then Enter: the write is awaited."""
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), editor
    editor.clear()
    editor.insert(text)  # QTest types ASCII only; the accents go in as a paste would
    with qtbot.waitSignal(view.controller.done):  # Qt commits the editor on the next turn
        qtbot.keyClick(editor, Qt.Key.Key_Return)


def run_export(qtbot: Any, view: DeliberationView, folder: Path) -> Any:
    dialog = view.export_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.folder_edit.setText(str(folder))
    with qtbot.waitSignal(dialog.ended, timeout=60_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.verify_report is not None, dialog.outcome.text()
    assert dialog.verify_report.ok, dialog.outcome.text()
    return dialog


# --------------------------------------------------------------------------- models


def test_models_pass_the_model_tester(qtmodeltester: Any, scored_demo: tuple[Desk, str]) -> None:
    desk, sid = scored_demo
    desk.reveal(sid)
    laureates = [
        lau for lau in desk.deliberation_state(sid).decision.laureates if lau.dossier_id != REMOVED
    ]
    desk.set_decision(sid, laureates, {})
    snap = Snapshot.read(desk, sid)
    assert snap.blockers  # the departure is not justified: the blockers model has rows

    for shared in (False, True):
        ranking = RankingModel(shared=shared)
        ranking.set_snapshot(snap)
        qtmodeltester.check(ranking)
        assert ranking.rowCount() == 12
    decision = DecisionModel()
    decision.set_snapshot(snap)
    qtmodeltester.check(decision)
    blockers = BlockersModel()
    blockers.set_blockers(snap.blockers)
    qtmodeltester.check(blockers)
    checks = ChecksModel()
    checks.set_checks([("Structure", True, "quatre entrées"), ("Signature", False, "clé inconnue")])
    qtmodeltester.check(checks)
    assert not checks.all_ok()


def test_ranking_shows_the_rules_figures(scored_demo: tuple[Desk, str]) -> None:
    desk, sid = scored_demo
    snap = Snapshot.read(desk, sid)
    model = RankingModel()
    model.set_snapshot(snap)
    first = {
        model.headerData(c, Qt.Orientation.Horizontal): model.index(0, c).data()
        for c in range(model.columnCount())
    }
    assert first["Rang"] == "1" and first["Dossier"].startswith("d04 — ")
    assert first["Note /20"] == "16,18" and first["Médiane"] == "16,18"
    assert first["Écart-type"] == "0,65" and first["Feuilles"] == "7/7"
    assert first["Éligible"] == "Oui" and first["Proposition"].startswith("✔ 13")
    assert first["Caractère\ninnovant"] == "4,00"  # a per-criterion mean, raw scale
    eighth = model.index(7, model.column_of("eligible")).data()
    assert eighth == "Non (sous le seuil)"
    # The shared columns carry neither sheets nor the holder.
    shared = RankingModel(shared=True)
    shared.set_snapshot(snap)
    heads = [shared.headerData(c, Qt.Orientation.Horizontal) for c in range(shared.columnCount())]
    assert "Feuilles" not in heads and "Demandé" not in heads
    tip = shared.index(0, shared.column_of("dossier")).data(Qt.ItemDataRole.ToolTipRole)
    assert snap.state.dossier("d04").holder_name not in tip


def test_amounts_are_read_in_french() -> None:
    assert parse_euros("12 500,50 €") == 1_250_050
    assert parse_euros(13000.0) == 1_300_000
    assert parse_euros("douze") is None
    assert parse_euros(-1) is None


# --------------------------------------------------------------------------- reveal


def test_reveal_opens_the_deliberation_and_tells_the_hub(
    qtbot: Any, view: DeliberationView, hub: Hub, dialog_log: Any
) -> None:
    assert view.snapshot.hidden
    dialog_log.answer = False  # « Annuler »: nothing revealed
    qtbot.mouseClick(view.reveal_button, Qt.MouseButton.LeftButton)
    assert not view.desk.state(view.session_id).revealed
    dialog_log.answer = True
    assert view.reveal_button.isVisible() and view.reveal_button.text() == "Révéler les notes"
    with qtbot.waitSignal(hub.revealChanged) as revealed:
        qtbot.mouseClick(view.reveal_button, Qt.MouseButton.LeftButton)
    assert revealed.args == [True]
    assert dialog_log.confirms == ["Révéler les notes", "Révéler les notes"]
    st = view.desk.state(view.session_id)
    assert st.revealed and st.opened_at
    assert not view.reveal_button.isVisible()
    assert "Notes révélées" in view.status.text() and "ouverte le" in view.status.text()
    actions = [e["action"] for e in view.desk.audit_entries(view.session_id)]
    assert "scores.reveal" in actions and "deliberation.open" in actions


# --------------------------------------------------------------------------- the whole flow


def test_depart_justify_close_export_and_verify(
    qtbot: Any, qloop: Any, view: DeliberationView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk, sid = view.desk, view.session_id
    view.controller.reveal()
    depart_by_keyboard(qtbot, view)
    st = desk.state(sid)
    assert {lau.dossier_id for lau in st.laureates} == {"d04", "d09", "d12", "d11", "d07", ADDED}
    # The envelope follows: 77 000 € - 10 000 € + 14 500 €.
    assert view.envelope.figures()["granted"] == 8_150_000
    assert view.envelope.figures()["remaining"] == 850_000
    # Both departures are listed as blocking, and say so in the decision table.
    messages = blocker_messages(view)
    assert len(messages) == 2
    assert any(named(view, ADDED) in m and "Justifiez cet ajout" in m for m in messages)
    assert any(named(view, REMOVED) in m and "Justifiez ce retrait" in m for m in messages)
    assert row_index(view, ADDED, DecisionModel.DEPARTURE).data() == "Ajout"
    assert row_index(view, REMOVED, DecisionModel.DEPARTURE).data() == "Retrait"
    assert row_index(view, REMOVED, DecisionModel.JUSTIFICATION).data() == "⚠ à justifier"

    # Closing is refused, with the list, and nothing is closed.
    monkeypatch.setattr(
        view, "confirm_close", lambda snap: pytest.fail("no confirmation when blocked")
    )
    qtbot.mouseClick(view.close_button, Qt.MouseButton.LeftButton)
    assert view.message.isVisible()
    assert "ne peut pas être close" in view.message.text()
    assert (
        "Justifiez cet ajout" in view.message.text()
        and "Justifiez ce retrait" in view.message.text()
    )
    assert not desk.state(sid).closed

    # Each blocker leads to its justification cell: Enter on it, type, Enter.
    view.blockers_view.setFocus()
    row = next(i for i, m in enumerate(blocker_messages(view)) if named(view, ADDED) in m)
    view.blockers_view.setCurrentIndex(view.blockers.index(row))
    qtbot.keyClick(view.blockers_view, Qt.Key.Key_Return)
    assert view.tabs.currentIndex() == view.TAB_DECISION
    assert view.decision.table.currentIndex() == row_index(view, ADDED, DecisionModel.JUSTIFICATION)
    type_in_editor(qtbot, view, WHY_ADDED)
    assert blocker_messages(view) == [m for m in messages if named(view, REMOVED) in m]
    # The other one by the table itself: F2 on the cell.
    table = view.decision.table
    table.setFocus()
    table.setCurrentIndex(row_index(view, REMOVED, DecisionModel.JUSTIFICATION))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    type_in_editor(qtbot, view, WHY_REMOVED)
    assert blocker_messages(view) == []
    assert view.nothing_blocks.isVisible()
    st = desk.state(sid)
    assert st.departures == {REMOVED: WHY_REMOVED}
    assert {lau.dossier_id: lau.justification for lau in st.laureates}[ADDED] == WHY_ADDED

    # The reasoned opinion of one dossier, and the notes.
    view.show_tab(view.TAB_OPINIONS)
    view.opinions.select_dossier(ADDED)
    view.opinions.opinion.setPlainText("Le jury salue un projet qui fait bouger tout le quartier.")
    qtbot.mouseClick(view.opinions.save_opinion, Qt.MouseButton.LeftButton)
    view.opinions.notes.setPlainText("Débat sur l'équilibre entre sport et éducation.")
    qtbot.mouseClick(view.opinions.save_notes, Qt.MouseButton.LeftButton)
    st = desk.state(sid)
    assert st.opinions[ADDED].startswith("Le jury salue")
    assert st.notes.startswith("Débat")

    # Close (confirmed), then the export dialog opens by itself.
    monkeypatch.setattr(view, "confirm_close", lambda snap: True)
    qtbot.mouseClick(view.close_button, Qt.MouseButton.LeftButton)
    assert desk.state(sid).closed
    assert not view.close_button.isEnabled() and view.reopen_button.isEnabled()
    assert (
        view.decision.model.flags(row_index(view, ADDED, DecisionModel.JUSTIFICATION))
        & Qt.ItemFlag.ItemIsEditable
        == Qt.ItemFlag.NoItemFlags
    )  # read-only once closed
    dialog = run_export(qtbot, view, tmp_path)
    assert dialog.report is not None and dialog.report.export_seq == 1
    assert dialog.report.path.parent == tmp_path and dialog.report.path.name.endswith(
        "export-01.zip"
    )
    assert dialog.outcome.isVisible() and "vérifié" in dialog.outcome.text()
    # structure, JWS, schema, both file hashes, audit chain, result.json replayed from the
    # audit log, the session manifest, the decisions' coherence, the PV's signature
    assert dialog.checks.rowCount() == 10 and dialog.checks.all_ok()
    assert desk.state(sid).export_seq == 1
    assert "Dernier export : n° 1." in view.closing_status.text()

    # What was written carries the decision, its justifications and the opinion.
    with zipfile.ZipFile(dialog.report.path) as zf:
        doc = json.loads(zf.read("result.json"))
    proposed = {e["dossier_id"]: e for e in doc["proposed_laureates"]}
    assert REMOVED not in proposed and proposed[ADDED]["justification"] == WHY_ADDED
    assert {d["dossier_id"]: d["justification"] for d in doc["departures"]} == {
        REMOVED: WHY_REMOVED
    }
    assert any(o["dossier_id"] == ADDED for o in doc["opinions"])
    # and the dialog's verdict is the real one.
    again = export.verify_result(dialog.report.path, [keys.load_identity().jwk])
    assert again.ok


def test_an_invalid_dossier_needs_a_reason(qtbot: Any, view: DeliberationView) -> None:
    desk, sid = view.desk, view.session_id
    view.controller.reveal()  # blind: the decision's table is there from the reveal on
    desk.clear_score(sid, "d05", "j02", "impact")
    view.controller.refresh()
    # Named as the room knows them: the dossier by its reference and title, the juror by
    # name, the criterion by its label (the codes carry ids).
    expected = (
        f"Le dossier {named(view, 'd05')} n’est pas valide : il manque la feuille de "
        "Karim Benhadj (critères : Impact pour les habitants)"
    )
    assert any(m.startswith(expected) for m in blocker_messages(view)), blocker_messages(view)
    assert named(view, "d05").startswith("LAI-2026-005 (")
    ranking_row = view.ranking.row_of("d05")
    assert (
        view.ranking.index(ranking_row, view.ranking.column_of("eligible")).data() == "Non valide"
    )
    index = row_index(view, "d05", DecisionModel.LAUREATE)
    assert index.data(Qt.ItemDataRole.CheckStateRole) is None  # cannot be a laureate
    assert row_index(view, "d05", DecisionModel.DEPARTURE).data() == "Non valide : motif"
    view.blockers_view.setCurrentIndex(view.blockers.index(0))
    view.go_to_blocker(0)
    type_in_editor(qtbot, view, "Feuille de Karim Benhadj perdue ; le jury statue sans elle")
    assert desk.state(sid).invalid_reasons["d05"].startswith("Feuille")
    assert not any(named(view, "d05") in m for m in blocker_messages(view))


def test_over_the_envelope_blocks_and_shows(qtbot: Any, view: DeliberationView) -> None:
    view.controller.reveal()
    model = view.decision.model
    assert model.setData(row_index(view, "d04", DecisionModel.GRANTED), 30_000.0)
    assert view.envelope.figures()["remaining"] == -400_000  # 77 000 € + 17 000 € - 90 000 €
    assert "Dépassement " + fmt.euros(400_000, with_cents=False) in view.envelope.describe()
    # The hatching, in words.
    assert "Montant modifié par le jury (hachuré) : d04." in view.envelope.describe()
    codes = [view.blockers.index(r).data(KIND_ROLE) for r in range(view.blockers.rowCount())]
    assert "over_envelope" in codes and "unjustified_amount" in codes
    qtbot.mouseClick(view.decision.reset_button, Qt.MouseButton.LeftButton)
    assert view.envelope.figures()["remaining"] == 1_300_000
    assert blocker_messages(view) == []
    # Settled blockers are spoken.
    assert announce.history[-1].text == "Plus rien ne bloque la clôture."


# --------------------------------------------------------------------------- reopen


def test_reopen_needs_a_reason_and_the_next_export_is_numbered_2(
    qtbot: Any, qloop: Any, view: DeliberationView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk, sid = view.desk, view.session_id
    view.controller.reveal()
    monkeypatch.setattr(view, "confirm_close", lambda snap: True)
    view.request_close()  # on the rules' proposal: nothing blocks
    first = run_export(qtbot, view, tmp_path)
    first.close()

    # Cancelled, or blank: nothing changes.
    monkeypatch.setattr(ReasonDialog, "ask", classmethod(lambda cls, *a: None))
    qtbot.mouseClick(view.reopen_button, Qt.MouseButton.LeftButton)
    assert desk.state(sid).closed
    view.controller.reopen("   ")
    assert desk.state(sid).closed and "motif est obligatoire" in view.message.text()
    # With a reason: reopened, audited, and the next export will replace n° 1.
    reason = "Erreur de saisie découverte sur la feuille de d02"
    monkeypatch.setattr(ReasonDialog, "ask", classmethod(lambda cls, *a: reason))
    qtbot.mouseClick(view.reopen_button, Qt.MouseButton.LeftButton)
    assert not desk.state(sid).closed
    entry = [e for e in desk.audit_entries(sid) if e["action"] == "deliberation.reopen"][-1]
    assert entry["data"]["reason"] == reason
    assert "portera le n° 2" in view.info.text() and "remplacera le n° 1" in view.info.text()

    view.request_close()
    second = view.export_dialog
    assert second is not None and second is not first
    heading = second.findChild(QLabel, "exportHeading")
    assert (
        heading is not None
        and "Export n° 2" in heading.text()
        and "remplace l'export n° 1" in heading.text()
    )
    run_export(qtbot, view, tmp_path)
    assert second.report is not None and second.report.export_seq == 2
    assert second.report.path.name.endswith("export-02.zip")
    assert (tmp_path / first.report.path.name).exists()  # the first is kept, superseded  # type: ignore[union-attr]


# --------------------------------------------------------------------------- shared screen


def test_the_shared_screen_shows_nothing_individual_before_the_reveal(
    qtbot: Any, view: DeliberationView, hub: Hub
) -> None:
    desk, sid = view.desk, view.session_id
    desk.set_comment(sid, "d04", "j03", "Commentaire confidentiel du juré")
    st = desk.state(sid)
    panel = view.shared_panel()
    qtbot.addWidget(panel)
    panel.resize(1280, 720)
    panel.show()
    # An independent panel (the application may build its own) follows the hub.
    own = SharedDeliberationPanel(desk, sid, hub)
    qtbot.addWidget(own)

    private = [j.name for j in st.jurors] + ["Commentaire confidentiel"]
    private += [d.holder_contact for d in st.dossiers if d.holder_contact]
    notes = {"16,18", "15,77", "16,0", "17,4"}  # a dossier's score, a juror's note
    for p in (panel, own):
        assert not p.findChildren(HeatmapChart) and not p.findChildren(DotsChart)
        assert not p.findChildren(AlternativesChart) and not p.findChildren(QTableView)
        assert not p.findChildren(EnvelopeBar)
        seen = " ".join(texts_under(p))
        assert "masquées" in seen
        assert not any(x in seen for x in private) and not any(n in seen for n in notes)
        assert not p.set_picture("heatmap") and not p.set_picture("dots")

    with qtbot.waitSignal(own.controller.changed):
        view.controller.reveal()
    for p in (panel, own):
        tables = p.findChildren(QTableView)
        assert len(tables) == 1
        seen = " ".join(texts_under(p))
        assert "16,18" in seen and "d04" in seen
        assert not any(x in seen for x in private)
        assert not any(d.holder_name in seen for d in st.dossiers)
        assert p.set_picture("heatmap") and p.findChildren(HeatmapChart)


def test_projecting_uses_the_shared_screen(qtbot: Any, view: DeliberationView) -> None:
    class Screen:
        def __init__(self) -> None:
            self.page: QWidget | None = None

        def set_page(self, widget: QWidget) -> None:
            self.page = widget

        def show_hearing(self) -> None:
            self.page = None

    screen = Screen()
    view.set_shared_screen(screen)
    qtbot.mouseClick(view.project_button, Qt.MouseButton.LeftButton)
    assert isinstance(screen.page, SharedDeliberationPanel)
    qtbot.mouseClick(view.project_button, Qt.MouseButton.LeftButton)
    assert screen.page is None


# --------------------------------------------------------------------------- keyboard and pictures


def test_every_action_has_a_shortcut(qtbot: Any, view: DeliberationView) -> None:
    window = view.window()
    window.activateWindow()
    qtbot.waitActive(window)
    view.ranking_table.setFocus()
    qtbot.keyClick(view.ranking_table, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)
    assert view.tabs.currentIndex() == view.TAB_DECISION
    qtbot.keyClick(view.decision.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert view.desk.state(view.session_id).revealed
    for name in ("close", "export", "reopen", "project", "blockers", "reveal"):
        assert not view.actions_by_name[name].shortcut().isEmpty()
    for button in (
        view.close_button,
        view.export_button,
        view.reopen_button,
        view.reveal_button,
        view.decision.reset_button,
        view.opinions.save_opinion,
    ):
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
        assert button.text() or button.accessibleName()
    for widget in (
        view.ranking_table,
        view.decision.table,
        view.blockers_view,
        view.dots,
        view.heatmap,
    ):
        assert widget.accessibleName()


@pytest.mark.parametrize("cls", [DotsChart, HeatmapChart, AlternativesChart, EnvelopeBar])
@pytest.mark.parametrize("shared", [False, True])
def test_pictures_draw_and_say_what_they_show(
    qtbot: Any, scored_demo: tuple[Desk, str], cls: type, shared: bool
) -> None:
    desk, sid = scored_demo
    desk.clear_score(sid, "d05", "j02", "impact")  # an invalid dossier among them
    snap = Snapshot.read(desk, sid)
    chart = cls(shared=shared)
    qtbot.addWidget(chart)
    chart.set_snapshot(snap)
    chart.resize(1280, 720 if cls is not EnvelopeBar else chart.sizeHint().height())
    image = chart.grab().toImage()
    assert not image.isNull()
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
    }
    assert len(colours) > 8  # something was drawn, not a blank page
    # Described when reached by the keyboard (or at once when a screen reader listens).
    chart.show()
    chart.activateWindow()
    chart.setFocus()
    qtbot.waitUntil(lambda: chart.accessibleDescription() != "", timeout=2_000)
    description = chart.accessibleDescription()
    if cls is DotsChart:
        assert "d04 : moyenne 16,18" in description and "d05 : non valide" in description
    if cls is HeatmapChart:
        assert "Kendall" in description and "Corinne Malabre" in description
    if cls is AlternativesChart:
        assert "mêmes lauréats" in description
    if cls is EnvelopeBar:
        assert "Enveloppe 90" in description and "Reste 13" in description


def test_writes_go_through_the_application_writer(
    qtbot: Any, window: QMainWindow, scored_demo: tuple[Desk, str]
) -> None:
    from jury_desk.ui.writer import DbWriter

    desk, sid = scored_demo
    desk.reveal(sid)
    writer = DbWriter()
    page = DeliberationView(desk, sid, Hub(), window, writer=writer)
    window.setCentralWidget(page)
    try:
        index = row_index(page, REMOVED, DecisionModel.LAUREATE)
        with qtbot.waitSignal(page.controller.done) as done:
            page.decision.model.setData(
                index, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole
            )
        assert done.args == ["decision"]
        assert REMOVED not in {lau.dossier_id for lau in desk.state(sid).laureates}
        with qtbot.waitSignal(page.controller.failed) as refused:
            page.controller.reopen("pas close")
        assert "n’est pas close" in refused.args[0]
    finally:
        writer.shutdown()


def test_a_laureate_that_became_invalid_can_be_taken_off(
    qtbot: Any, view: DeliberationView
) -> None:
    desk, sid = view.desk, view.session_id
    view.controller.reveal()
    view.controller.accept_default()  # the jury's list: the rules' proposal, d04 first
    desk.clear_score(sid, "d04", "j01", "innovation")
    view.controller.refresh()
    codes = [view.blockers.index(r).data(KIND_ROLE) for r in range(view.blockers.rowCount())]
    row = codes.index("invalid_laureate")
    view.go_to_blocker(row)
    table = view.decision.table
    assert table.currentIndex() == row_index(view, "d04", DecisionModel.LAUREATE)
    assert table.currentIndex().data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    with qtbot.waitSignal(view.controller.done):
        qtbot.keyClick(table, Qt.Key.Key_Space)
    assert "d04" not in {lau.dossier_id for lau in desk.state(sid).laureates}
    assert (
        row_index(view, "d04", DecisionModel.LAUREATE).data(Qt.ItemDataRole.CheckStateRole) is None
    )


def test_the_reason_dialog_needs_a_reason(qtbot: Any) -> None:
    dialog = ReasonDialog("Rouvrir la délibération", "Pourquoi ?", "Rouvrir")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled() and ok.text() == "Rouvrir"
    dialog.text.setPlainText("   ")
    assert not ok.isEnabled()
    dialog.text.setPlainText(" Erreur de saisie ")
    assert ok.isEnabled() and dialog.reason() == "Erreur de saisie"


def test_a_tie_at_the_boundary_is_highlighted(scored_demo: tuple[Desk, str]) -> None:
    import dataclasses

    from jury_desk.core import readmodel
    from jury_desk.ui.deliberation.charts import console_scheme

    desk, sid = scored_demo
    st = desk.state(sid)
    # The demo has no tie at the boundary: d02 gets d10's exact sheets, both rank 7, and
    # 14 500 + 9 000 € do not fit in the 13 000 € left while d02 alone would.
    scores = dict(st.scores)
    for (d, j, c), v in st.scores.items():
        if d == "d10":
            scores[("d02", j, c)] = v
    snap = Snapshot(readmodel.build(dataclasses.replace(st, scores=scores)))
    assert snap.boundary_ties == {"d02", "d10"}
    ranking = RankingModel()
    ranking.set_snapshot(snap)
    for did in ("d10", "d02"):
        row = ranking.row_of(did)
        assert ranking.index(row, ranking.column_of("proposal")).data() == "Ex æquo à la limite"
        assert (
            ranking.index(row, 0).data(Qt.ItemDataRole.BackgroundRole).color()
            == console_scheme().tie_bg
        )
    decision = DecisionModel()
    decision.set_snapshot(snap)
    assert (
        decision.index(decision.row_of("d10"), DecisionModel.DEPARTURE).data()
        == "Ex æquo à la limite"
    )
    assert (
        ranking.index(ranking.row_of("d04"), 0).data(Qt.ItemDataRole.BackgroundRole).color()
        == console_scheme().proposal_bg
    )


# --------------------------------------------------------------------------- blind on the console


def test_blind_means_blind_on_the_console_page_too(
    qtbot: Any, view: DeliberationView, dialog_log: Any
) -> None:
    """Issue 13, item 6: before the reveal no juror's /20, dot chart or ranking on the
    console either; after it, all of it."""
    assert view.snapshot.hidden
    assert view.body.currentWidget() is view.hidden_notice and view.hidden_notice.isVisible()
    assert not view.tabs.isVisible() and not view.envelope.isVisible()
    assert view.ranking.rowCount() == 0
    for chart in (view.envelope, view.dots, view.heatmap, view.alternatives):
        assert chart._snap is None and chart.accessibleDescription() == ""
    shown = "\n".join(texts_under(view))
    for note in ("16,18", "17,4", "15,1"):  # notes of the demo's sheets
        assert note not in shown
    view.controller.reveal()
    assert view.body.currentWidget() is view.tabs and view.tabs.isVisible()
    assert view.ranking.rowCount() == len(view.snapshot.state.dossiers)
    assert view.dots._snap is not None


def test_the_export_runs_on_the_application_writer(
    qtbot: Any,
    qloop: Any,
    scored_demo: tuple[Desk, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The export (close, audit entries, the verified mark) is ordered with every other
    write: it runs on the one database writer's thread, not beside it (issue 11, item 4)."""
    import threading

    from jury_desk.core import api
    from jury_desk.core.errors import UserError
    from jury_desk.ui.deliberation.export_dialog import ExportDialog
    from jury_desk.ui.writer import DbWriter

    desk, sid = scored_demo
    threads: list[str] = []

    def fake_export(*_args: Any, **_kwargs: Any) -> Any:
        threads.append(threading.current_thread().name)
        raise UserError("closed")  # stop there: only the thread matters here

    monkeypatch.setattr(api, "export_session", fake_export)  # the front ends' door
    writer = DbWriter()
    try:
        dialog = ExportDialog(desk, sid, writer=writer, folder=tmp_path)
        qtbot.addWidget(dialog)
        dialog.show()
        with qtbot.waitSignal(dialog.ended, timeout=20_000):
            qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    finally:
        writer.shutdown()
    assert len(threads) == 1 and threads[0].startswith("jury-desk-db")


def test_the_jurors_page_says_who_entered_each_value(qtbot: Any, view: DeliberationView) -> None:
    """Issue 14: as the minutes do, the page says per juror how many values in force were
    entered on their own device and how many by the secretariat."""
    desk, sid = view.desk, view.session_id
    st = desk.state(sid)
    key = next(k for k in st.scores if k[1] == "j01")
    desk.record_score(sid, key[0], "j01", key[2], st.scores[key], actor="juré:j01/appareil:x1")
    view.controller.reveal()
    counts = desk.value_authors(sid)
    assert counts["j01"][0] == 1
    text = view.authors_note.text()
    assert text.startswith("Saisie des notes en vigueur, sur son appareil / par le secrétariat")
    name = st.juror("j01").name
    assert f"{name} 1 / {counts['j01'][1]}" in text


def test_a_long_blocker_is_measured_at_the_width_it_is_painted(
    qtbot: Any, view: DeliberationView
) -> None:
    """Each blocker wraps at the list's painted width (its viewport less the spacing on
    both sides); measured wider, a long one lost its last line above an empty one."""
    from jury_desk.qt.widgets import QStyleOptionViewItem

    desk, sid = view.desk, view.session_id
    view.controller.reveal()
    desk.clear_score(sid, "d05", "j02", "impact")
    view.controller.refresh()
    lst = view.blockers_view
    index = view.blockers.index(0)
    delegate = lst.itemDelegateForIndex(index)

    def hint(width: int) -> tuple[int, int]:
        lst.resize(width, 400)
        option = QStyleOptionViewItem()
        option.initFrom(lst)
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        option.rect.setWidth(10_000)  # what QListView may pass: wider than it paints
        size = delegate.sizeHint(option, index)
        return size.width(), size.height()

    _wide_w, wide_h = hint(600)
    narrow_w, narrow_h = hint(260)
    assert narrow_w <= lst.viewport().width() - 2 * lst.spacing()
    assert narrow_h > wide_h  # more lines at the painted width, not at the one passed


def test_a_long_check_detail_wraps_under_its_label(qtbot: Any) -> None:
    """The export dialog's checks: the detail wraps in full under the label, indented past
    the mark, and the row is as tall as its lines at the width the list paints it."""
    from jury_desk.ui.deliberation.delegates import CheckLines
    from jury_desk.ui.deliberation.models import ChecksModel

    model = ChecksModel()
    detail = "440 entrées chaînées depuis l’import du manifeste jusqu’à l’export n° 1, " * 4
    model.set_checks([("Chaîne du journal d’audit", True, detail), ("Structure", True, "")])
    view = QListView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setWordWrap(True)
    delegate = CheckLines(view)
    view.setItemDelegate(delegate)
    view.resize(420, 400)
    view.show()
    qtbot.waitExposed(view)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = view.visualRect(model.index(0))
    line = view.fontMetrics().height()
    head, below = delegate._rects(option, model.index(0))
    assert below.left() > head.left()  # under the label, past the mark
    assert below.right() < view.viewport().width()
    assert below.height() >= 4 * line  # the whole detail, wrapped, not elided
    tall = delegate.sizeHint(option, model.index(0)).height()
    assert tall >= head.height() + below.height()
    assert view.visualRect(model.index(0)).height() == tall
    assert delegate.sizeHint(option, model.index(1)).height() < 2 * line  # no detail
