"""The shared jury screen: it follows the console, shows the timer big, and never shows
a comment, a contact, or — while blind scoring is on — any juror's value.

The privacy checks walk the window's whole widget tree: every label's text, accessible
name and tooltip, every line edit, and every item view's data for every role and every
header.
"""

from __future__ import annotations

from fractions import Fraction

from jury_desk.core.services import Desk
from jury_desk.qt.core import Qt
from jury_desk.qt.widgets import QApplication
from jury_desk.ui.console import ConsoleView
from jury_desk.ui.models import Roles
from jury_desk.ui.shared_presenter import build_frame
from jury_desk.ui.shared_screen import SharedScreen, walk_texts

SECRET_COMMENT = "Porteur fragile, budget irréaliste — à ne pas dire en salle"
CONTACT_PARTS = ["fatou.camara@panier-balzac.example", "06 39 98 41 27", "Fatou Camara"]
IDS = ["W942004518", "89412765300017", "QN09412M"]


def seed(gui) -> None:
    """Values and a comment for d01, written by another process (as paper sheets would)."""
    desk = Desk(gui.db)
    sid = gui.ctx.sid
    try:
        desk.record_score(sid, "d01", "j02", "impact", "7.5")
        desk.record_score(sid, "d01", "j02", "innovation", "4")
        desk.record_score(sid, "d01", "j05", "impact", "9.5")
        desk.set_comment(sid, "d01", "j02", SECRET_COMMENT)
    finally:
        desk.close()
    gui.console.reload()


def show_scoring(gui) -> SharedScreen:
    shared = gui.controller.shared
    gui.controller.projector.show()
    shared.resize(1600, 900)
    gui.console.show_page(ConsoleView.TAB_SCORING)
    QApplication.processEvents()
    assert shared.stack.currentWidget() is shared.scoring_page
    return shared


def test_blind_scoring_never_reaches_the_shared_screen(gui) -> None:
    seed(gui)
    shared = show_scoring(gui)
    texts = walk_texts(shared)
    joined = "\n".join(texts)
    # It does show the dossier, the holder's name, the commune and the neighbourhood.
    assert gui.ctx.st.dossier("d01").title in texts
    assert "Le Panier de Balzac — Vitry-sur-Seine, quartier Balzac" in texts
    for forbidden in [
        SECRET_COMMENT,
        *CONTACT_PARTS,
        *IDS,
        "7,5",
        "7.5",
        "9,5",
        "9.5",
        "Julien Ferrand",
    ]:
        assert forbidden not in joined, forbidden
    model = shared.grid_model
    shown = {
        model.index(r, c).data()
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    }
    assert shown <= {"saisi", "à saisir", "—"}
    assert model.index(1, 1).data() == "saisi"  # j02's impact, entered, masked
    assert model.index(1, 1).data(Roles.State) == "saisi"
    # No value in the frame the screen was given either (the gate, not only the view).
    frame = build_frame(gui.ctx.st, "d01")
    assert frame.grid is not None
    assert all(cell.value is None for row in frame.grid.cells for cell in row)


def test_values_typed_in_the_console_stay_masked_on_the_shared_screen(gui) -> None:
    shared = show_scoring(gui)
    table = gui.console.view.grid.table
    table.setFocus()
    table.go(gui.console.grid_model.index(1, 0))  # j01, impact (0 to 10 by 0.5)
    gui.type("8,5", table)
    gui.key(Qt.Key.Key_Return)
    gui.wait_writes()
    assert gui.ctx.st.scores[("d01", "j01", "impact")] == Fraction(17, 2)
    joined = "\n".join(walk_texts(shared))
    assert "8,5" not in joined and "8.5" not in joined
    assert shared.grid_model.index(1, 0).data() == "saisi"


def test_after_the_reveal_values_are_shown_but_never_comments(gui) -> None:
    seed(gui)
    shared = show_scoring(gui)
    gui.console.scoring.reveal()
    gui.wait_writes()
    assert gui.ctx.st.revealed
    texts = walk_texts(shared)
    joined = "\n".join(texts)
    assert shared.grid_model.index(1, 1).data() == "7,5"  # the walk does see values once allowed
    assert SECRET_COMMENT not in joined
    for part in CONTACT_PARTS + IDS:
        assert part not in joined


def test_the_shared_screen_follows_the_console(gui) -> None:
    shared = gui.controller.shared
    gui.controller.projector.show()
    gui.console.next_dossier()
    assert gui.console.current == "d02"
    assert shared.title_label.text() == gui.ctx.st.dossier("d02").title
    assert shared.position_label.text() == "Dossier 2 sur 12"
    gui.console.show_page(ConsoleView.TAB_HEARING)
    assert shared.stack.currentWidget() is shared.hearing_page
    # The criteria and their descriptions are on the hearing page.
    joined = "\n".join(walk_texts(shared.hearing_page))
    for c in gui.ctx.st.criteria:
        assert c.label in joined and c.description in joined


def test_a_hidden_shared_screen_lays_out_its_criteria_when_shown(gui) -> None:
    """Closed (or not opened yet, as at the start), the screen keeps up with the console but
    makes its criteria's labels only when shown: at the size it is shown at."""
    from jury_desk.qt.widgets import QLabel

    shared = gui.controller.shared
    assert not shared.isVisible()

    def criteria() -> list[str]:  # those replaced are hidden, deleted later
        for _ in range(5):  # the fitting's passes, each showing its labels when queued
            QApplication.processEvents()
        labels = shared.criteria_box.findChildren(QLabel, "criterion")
        return [w.text() for w in labels if not w.isHidden()]

    gui.console.next_dossier()
    assert shared.title_label.text() == gui.ctx.st.dossier("d02").title
    assert criteria() == []
    gui.controller.projector.show()
    shown = criteria()
    assert len(shown) == len(gui.ctx.st.criteria)
    for c, text in zip(gui.ctx.st.criteria, shown, strict=True):
        assert c.label in text
    gui.controller.projector.close()
    gui.console.next_dossier()  # while closed: the title follows, the labels wait
    assert shared.title_label.text() == gui.ctx.st.dossier("d03").title
    gui.controller.projector.show()
    assert len(criteria()) == len(gui.ctx.st.criteria)
    assert shared.title_label.text() == gui.ctx.st.dossier("d03").title


def test_set_page_lends_the_screen_and_show_hearing_takes_it_back(gui) -> None:
    from jury_desk.qt.widgets import QLabel

    shared = gui.controller.shared
    page = QLabel("Classement")
    shared.set_page(page)
    assert shared.stack.currentWidget() is page
    shared.set_mode("scoring")
    assert shared.stack.currentWidget() is page  # the lent page stays until given back
    shared.show_hearing()
    assert shared.stack.currentWidget() is shared.scoring_page


def test_timer_digits_are_at_least_a_sixth_of_the_height(gui) -> None:
    shared = gui.controller.shared
    gui.controller.projector.show()
    for w, h in [(1600, 900), (1920, 1080), (1280, 800), (1024, 768)]:
        shared.resize(w, h)
        QApplication.processEvents()
        assert shared.height() == h
        assert shared.digits_pixel_height() >= h / 6, (w, h, shared.digits_pixel_height())
        # and the longest text, the overtime, fits the panel's width
        fm = shared.digits.fontMetrics()
        assert fm.horizontalAdvance("+00:00") <= shared.digits.width()
        assert shared.digits_pixel_height() <= shared.digits.height()
