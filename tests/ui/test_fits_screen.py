"""The day fits the hardware a public body has (issue 13, item 1).

The console is a laptop at 1280×720 logical pixels (1920×1080 at 150 %); the projector
anything from 1024×768 (4:3) to 1920×1080. Every console page and every projection is
rendered at those sizes, in French and in English: the windows keep the size they were
given (no content may size a window), no two visible widgets of a layout overlap, and the
projector's type scales with its height. With ``JURY_DESK_SHOTS=1`` the screenshots
of ``docs/screenshots/`` are taken anew.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from jury_desk.core import resources
from jury_desk.qt.core import QSize, Qt
from jury_desk.qt.widgets import QApplication, QLabel, QStackedWidget, QWidget
from jury_desk.ui.console import ConsoleView, PageScroll
from jury_desk.ui.deliberation import DeliberationView

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
LAPTOP = QSize(1280, 720)
PROJECTORS = (QSize(1024, 768), QSize(1280, 720), QSize(1920, 1080))
PAGES = {
    ConsoleView.TAB_HEARING: "audition",
    ConsoleView.TAB_SCORING: "notation",
    ConsoleView.TAB_ATTENDANCE: "presences",
    ConsoleView.TAB_DELIBERATION: "deliberation",
}


def settle(n: int = 6) -> None:
    for _ in range(n):
        QApplication.processEvents()


def overlaps(root: QWidget) -> list[str]:
    """Pairs of visible widgets placed by the same layout whose rectangles intersect."""
    found: list[str] = []
    for parent in [root, *root.findChildren(QWidget)]:
        lay = parent.layout()
        if lay is None or not parent.isVisible() or isinstance(parent, QStackedWidget):
            continue
        kids = [
            w
            for w in parent.findChildren(QWidget, options=_direct())
            if w.isVisible()
            and lay.indexOf(w) >= 0
            and w.width() > 0
            and w.height() > 0
            and not w.isWindow()
        ]
        for i, a in enumerate(kids):
            for b in kids[i + 1 :]:
                if a.geometry().intersects(b.geometry()):
                    found.append(
                        f"{type(a).__name__}#{a.objectName()} {a.geometry().getRect()} × "
                        f"{type(b).__name__}#{b.objectName()} {b.geometry().getRect()}"
                    )
    return found


def _direct() -> Any:
    from jury_desk.qt.core import Qt

    return Qt.FindChildOption.FindDirectChildrenOnly


def shoot(widget: QWidget, name: str) -> None:
    if not os.environ.get("JURY_DESK_SHOTS"):  # JURY_DESK_SHOTS=1 refreshes docs/screenshots
        return
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))


@pytest.fixture(params=["fr", "en"])
def day(request: Any, make_gui: Any) -> Iterator[Any]:
    g = make_gui(language=request.param)
    g.open_demo()
    g.lang = request.param
    desk, sid = g.ctx.desk, g.ctx.sid
    desk.import_scores_csv(
        sid, resources.path("demo", "demo-scores.csv").read_text(encoding="utf-8")
    )
    g.console.reload()
    g.window.resize(LAPTOP)
    settle()
    yield g


def test_every_console_page_fits_a_1280x720_laptop(day: Any) -> None:
    window = day.window
    for tab, name in PAGES.items():
        day.console.show_page(tab)
        if tab == ConsoleView.TAB_DELIBERATION:
            day.deliberation()  # the page itself, not « Lecture… » while it is read
        settle()
        assert window.size() == LAPTOP, (name, window.size())
        assert window.minimumSizeHint().width() <= LAPTOP.width(), name
        assert window.minimumSizeHint().height() <= LAPTOP.height(), name
        assert overlaps(window) == [], name
        # nothing wider than the laptop: no page scrolls sideways (the scoring page did
        # with a fifth command in one row)
        sideways = [
            s.objectName()
            for s in window.findChildren(PageScroll)
            if s.horizontalScrollBar().isVisible()
        ]
        assert sideways == [], name
        shoot(window, f"console-{name}-{day.lang}")
    view = day.deliberation()
    assert isinstance(view, DeliberationView)
    for i in range(view.tabs.count()):
        view.show_tab(i)
        settle()
        assert window.size() == LAPTOP, (i, window.size())
        assert overlaps(window) == [], i
    # Once the deliberation page has been shown the window still fits (it needed 1,667 px).
    day.console.show_page(ConsoleView.TAB_HEARING)
    settle()
    assert window.minimumSizeHint().width() <= LAPTOP.width()


def projections(day: Any) -> Iterator[str]:
    """Every page the shared screen can show, before and after the reveal."""
    console, shared = day.console, day.controller.shared
    console.show_page(ConsoleView.TAB_HEARING)
    settle()
    yield "audition"
    console.show_page(ConsoleView.TAB_SCORING)
    shared.set_mode("scoring")
    settle()
    yield "notation"
    shared.set_mode("hearing")
    console.show_page(ConsoleView.TAB_DELIBERATION)
    settle()
    view = day.deliberation()
    view.project_button.setChecked(True)
    settle()
    yield "deliberation-masquee"
    if view.controller.snapshot.hidden:
        view.controller.reveal()
        day.wait_writes()
    for key in ("ranking", "dots", "alternatives", "heatmap"):
        view.picture_combo.setCurrentIndex(view.picture_combo.findData(key))
        settle(10)
        yield f"deliberation-{key}"
    view.project_button.setChecked(False)
    settle()


def every_heatmap_cell_shown(shared: QWidget, day: Any) -> bool:
    """Every juror × dossier cell of the projected heatmap is drawn inside the picture
    (on a 4:3 projector the last dossiers used to fall below its edge)."""
    from jury_desk.ui.deliberation.charts import HeatmapChart

    charts = [c for c in shared.findChildren(HeatmapChart) if c.isVisible()]
    assert len(charts) == 1
    chart = charts[0]
    chart.grab()  # paints it, which lays the cells out
    st = day.ctx.st
    expected = len(st.dossiers) * len(st.jurors)
    cells = chart._cells
    return len(cells) == expected and all(
        rect.bottom() <= chart.height() and rect.right() <= chart.width() for rect, _ in cells
    )


def test_the_shared_screen_never_sizes_itself_from_its_content(day: Any) -> None:
    shared = day.controller.shared
    day.controller.projector.show()
    largest = QSize(0, 0)
    for size in PROJECTORS:
        shared.resize(size)
        settle()
        for name in projections(day):
            largest = largest.expandedTo(shared.size())
            assert shared.size() == size, (name, size, shared.size())
            assert day.window.size() == LAPTOP, name
            assert overlaps(shared) == [], (name, size)
            if name == "deliberation-heatmap":
                assert every_heatmap_cell_shown(shared, day), size
            if (day.lang == "fr" and size != LAPTOP) or name == "audition":
                shoot(shared, f"projecteur-{size.width()}x{size.height()}-{name}-{day.lang}")
    assert largest == QSize(1920, 1080)


@pytest.mark.parametrize("size", PROJECTORS, ids=lambda s: f"{s.width()}x{s.height()}")
def test_the_projector_type_scales_with_its_height(gui: Any, size: QSize) -> None:
    shared = gui.controller.shared
    gui.controller.projector.show()
    gui.console.show_page(ConsoleView.TAB_HEARING)
    shared.resize(size)
    settle(10)
    assert shared.size() == size
    h = size.height()
    assert shared.digits_pixel_height() >= h / 6
    criteria = [w for w in shared.criteria_box.findChildren(QLabel, "criterion") if w.isVisible()]
    assert criteria, "the criteria are shown"
    for label in criteria:
        assert label.geometry().bottom() <= shared.criteria_box.height()
    assert shared.criteria_text_px() >= h / 40
    # The criteria never overlap the timer (« criteria heading over the timer box » at 1024×768).
    timer = shared.timer_panel.geometry()
    assert not timer.intersects(shared.criteria_box.geometry())
    assert overlaps(shared) == []


def assert_criteria_whole(gui: Any, why: object = None) -> None:
    """Every criterion is on the shared screen, whole (no label shorter than its text),
    inside its box, in type at least a 40th of the screen's height."""
    shared = gui.controller.shared
    labels = [w for w in shared.criteria_box.findChildren(QLabel, "criterion") if w.isVisible()]
    assert len(labels) == len(gui.ctx.st.criteria), why
    for label in labels:
        needed = label.heightForWidth(label.width())
        assert label.height() >= needed, (why, label.text()[:40], label.height(), needed)
        assert label.geometry().bottom() <= shared.criteria_box.height(), why
    assert shared.criteria_text_px() >= shared.height() / 40, why


@pytest.mark.parametrize("size", PROJECTORS, ids=lambda s: f"{s.width()}x{s.height()}")
def test_every_criterion_shows_whole_whatever_the_title_takes(gui: Any, size: QSize) -> None:
    """The criteria fit the room left by the title, on one line or two: a change of the
    box's height (a longer title, a banner) fits them again, and no label shows less than
    its text (it was cut at its third line under a two-line title)."""
    shared = gui.controller.shared
    gui.console.show_page(ConsoleView.TAB_HEARING)
    gui.controller.projector.show()
    shared.resize(size)
    for _ in range(2):  # d01's title takes two lines at 1280×720, d02's one
        for dossier in ("d01", "d02", "d01"):
            gui.console.select(dossier)
            settle(10)
            assert_criteria_whole(gui, (size, dossier))


def test_the_criteria_fit_again_when_their_box_loses_height(gui: Any) -> None:
    """Fitted, then the title above takes more lines (as when the window settled after its
    first fit): the criteria are fitted again, none cut."""
    shared = gui.controller.shared
    gui.console.show_page(ConsoleView.TAB_HEARING)
    gui.controller.projector.show()
    shared.resize(QSize(1280, 720))
    gui.console.select("d02")  # a one-line title
    settle(10)
    before = shared.criteria_box.height()
    shared.title_label.setText(shared.title_label.text() + " — " + "très long intitulé " * 8)
    settle(10)
    assert shared.criteria_box.height() < before
    assert_criteria_whole(gui)


def test_the_criteria_are_fitted_when_the_hearing_page_comes_back(gui: Any) -> None:
    """Shown and sized while the grid was up, the screen fits its criteria when the hearing
    page comes back (they were laid out for another size, and cut)."""
    shared = gui.controller.shared
    gui.console.show_page(ConsoleView.TAB_SCORING)
    gui.controller.projector.show()
    shared.resize(QSize(1920, 1080))
    settle(10)
    shared.resize(QSize(1024, 768))
    settle(10)
    assert shared.stack.currentWidget() is shared.scoring_page
    gui.console.show_page(ConsoleView.TAB_HEARING)
    settle(10)
    assert shared.stack.currentWidget() is shared.hearing_page
    assert_criteria_whole(gui)


def test_every_recusal_cell_shows_its_whole_text_on_the_laptop(day: Any) -> None:
    """The attendance page at 1280×720: the recusals' columns each at least as wide as
    their title, each cell's text whole (wrapped to more lines if need be), after the model
    is reset by a change too; the dossier and the reason were squeezed to « ossi » and
    « 3… ». The jurors' list wraps their organisations instead of scrolling sideways."""
    day.console.show_page(ConsoleView.TAB_ATTENDANCE)
    settle()
    page = day.console.view.attendance
    jurors = page.list
    assert not jurors.horizontalScrollBar().isVisible()
    for row in range(jurors.model().rowCount()):
        rect = jurors.visualRect(jurors.model().index(row, 0))
        assert rect.right() <= jurors.viewport().width(), row
    table = page.recusals
    for attempt in ("opened", "after a reset"):
        model = table.model()
        assert model.rowCount() > 0
        head = table.horizontalHeader()
        for col in range(model.columnCount()):
            title = str(model.headerData(col, Qt.Orientation.Horizontal))
            assert head.sectionSize(col) >= table.fontMetrics().horizontalAdvance(title), (
                attempt,
                title,
            )
            for row in range(model.rowCount()):
                index = model.index(row, col)
                needed = table.sizeHintForIndex(index)
                assert table.rowHeight(row) >= needed.height(), (attempt, title, row)
                text = str(index.data() or "")
                for word in re.split(r"\s+|(?<=-)", text):  # where Qt may break a line
                    width = table.fontMetrics().horizontalAdvance(word)
                    assert head.sectionSize(col) >= width, (attempt, title, word)
        # nothing hidden sideways either
        assert sum(head.sectionSize(c) for c in range(model.columnCount())) <= (
            table.viewport().width()
        ), attempt
        model.set_state(day.ctx.st)  # a change resets the model
        settle()
