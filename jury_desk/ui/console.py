"""The secretary's console: session header, hearing order, and the four pages
(hearing, scoring, attendance and recusals, deliberation).

The scoring and attendance pages, hidden at the start, are built (and their modules
imported) when first asked for (``ConsoleView.grid``, ``ConsoleView.attendance``, or
their tab shown), at the latest once the console is painted (``ConsoleController``): the
first frame does not wait for them. The deliberation page is built by its controller at
its first showing."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, cast

from jury_desk.qt.core import QEvent, QObject, QSize, Qt, Signal
from jury_desk.qt.gui import QFont, QFontMetrics, QResizeEvent
from jury_desk.qt.widgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from jury_desk.ui import a11y, theme
from jury_desk.ui.attachments_view import AttachmentsView
from jury_desk.ui.dossier_panel import DossierPanel
from jury_desk.ui.timer_widget import TimerWidget

if TYPE_CHECKING:
    from jury_desk.ui.attendance_view import AttendanceView
    from jury_desk.ui.scoring_grid import ScoringGridView

log = logging.getLogger(__name__)


class PageScroll(QScrollArea):
    """A page that scrolls down only when it cannot fit: a large text size or a small
    screen never squeezes it nor makes the window taller (issue 17, reflow in the spirit
    of WCAG 1.4.10). With room, the page fills the view exactly, as without it.

    Qt's own « widget resizable » mode gives a page with wrapped text its *preferred*
    height, which scrolled the deliberation page at 100 % on a 720 px screen; this one
    gives it the height it needs at its width, no more."""

    def __init__(self, page: QWidget) -> None:
        super().__init__()
        self.setObjectName("pageScroll")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(False)
        # Not a Tab stop of its own; it still scrolls to whatever Tab reaches inside.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWidget(page)
        page.installEventFilter(self)

    def set_page(self, page: QWidget) -> None:
        """Put the page built late in place of the empty one it was given (deleted), at
        the same place in the Tab order as a page given at the start."""
        self.setWidget(page)
        page.installEventFilter(self)
        # The page's widgets came in at the end of the window's focus chain, in their
        # order: those that take Tab are put back where they would have been, right after
        # this area, the last first (QWidget.setTabOrder leaves a widget where it is when
        # it is already the next to take Tab, and moves nothing after a widget that takes
        # no focus: this area lends itself the Tab focus for the move).
        block: list[QWidget] = []
        w: QWidget | None = page
        while w is not None and (w is page or page.isAncestorOf(w)):
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus:
                block.append(w)
            w = w.nextInFocusChain()
        policy = self.focusPolicy()
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        for w in reversed(block):
            QWidget.setTabOrder(self, w)
        self.setFocusPolicy(policy)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self._fit()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def sizeHint(self) -> QSize:
        page = self.widget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def _fit(self) -> None:
        page = self.widget()
        if page is None:
            return
        view = self.maximumViewportSize()  # the view without scroll bars
        need = page.minimumSizeHint().expandedTo(page.minimumSize())
        width = max(view.width(), need.width())
        height = max(need.height(), min_height_for_width(page, width))
        if height > view.height():  # a vertical bar will show: it takes width
            width = max(need.width(), view.width() - self.verticalScrollBar().sizeHint().width())
            height = max(need.height(), min_height_for_width(page, width))
        page.resize(width, max(height, view.height()))


def min_height_for_width(widget: QWidget, width: int) -> int:
    """The least height ``widget`` needs at ``width``, wrapped text counted. A layout
    asks a child widget only its *preferred* height for a width, so a host with one
    child (the deliberation page's) is looked through."""
    layout = widget.layout()
    if layout is None or not layout.hasHeightForWidth():
        return widget.minimumSizeHint().height()
    item = layout.itemAt(0) if layout.count() == 1 else None
    child = item.widget() if item is not None else None
    if child is not None:
        m = layout.contentsMargins()
        inner = min_height_for_width(child, width - m.left() - m.right())
        return inner + m.top() + m.bottom()
    return layout.minimumHeightForWidth(width)


class ElidedLabel(QLabel):
    """One line cut with « … » to its width; the whole text stays in the tooltip and in
    the accessible name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(1)

    def setText(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self.setAccessibleName(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(
            self._full, Qt.TextElideMode.ElideRight, max(1, self.width())
        )
        super().setText(shown)


class DeliberationPlaceholder(QLabel):
    """What the deliberation tab shows while its first reading is under way."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(self.tr("Lecture de la délibération…"))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setObjectName("hint")
        theme.scaled(self, 1.4)


class ConsoleView(QWidget):
    TAB_HEARING, TAB_SCORING, TAB_ATTENDANCE, TAB_DELIBERATION = range(4)
    LATE_PAGES = (TAB_SCORING, TAB_ATTENDANCE)  # built when first asked for

    # TAB_SCORING or TAB_ATTENDANCE: its page was just built (before it is shown), for
    # the controller to wire it.
    pageBuilt = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("console")
        self._pages: dict[int, QWidget] = {}
        self._late: dict[int, PageScroll] = {}
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)

        header = QFrame()  # its bottom rule is drawn by the console style
        header.setObjectName("consoleHeader")
        header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        hl = QHBoxLayout(header)
        hl.setContentsMargins(12, 8, 12, 8)
        self.demo_badge = QLabel(self.tr("DÉMONSTRATION"))
        self.demo_badge.setObjectName("demoBadge")
        self.demo_badge.setToolTip(
            self.tr("Session fictive : ses résultats ne sont jamais transmis au siège.")
        )
        self.demo_badge.hide()
        hl.addWidget(self.demo_badge)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        # One line, elided: a long title (or a large text size) never widens the window
        # nor eats the page's height; the whole title is in its tooltip and for AT.
        self.session_title = ElidedLabel()
        self.session_title.setObjectName("sessionTitle")
        theme.scaled(self.session_title, 1.15, bold=True)
        self.session_meta = QLabel("")
        self.session_meta.setObjectName("hint")
        self.session_meta.setWordWrap(True)
        titles.addWidget(self.session_title)
        titles.addWidget(self.session_meta)
        hl.addLayout(titles, 1)
        self.blind_badge = QLabel("")
        self.blind_badge.setWordWrap(True)  # reflows at 200 %
        self.blind_badge.setObjectName("blindBadge")
        hl.addWidget(self.blind_badge)
        hl.addSpacing(18)
        self.quorum_badge = QLabel("")
        self.quorum_badge.setWordWrap(True)  # reflows at 200 %
        self.quorum_badge.setObjectName("quorumOk")
        a11y.caption(self.quorum_badge, self.tr("Quorum"))
        hl.addWidget(self.quorum_badge)
        self.header_layout = hl
        root.addWidget(header)

        self.banner = QLabel("")
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        root.addWidget(self.banner)
        # « X quitte la salle » for the dossier in hand, as the room sees it on the projector.
        self.leaving = QLabel("")
        self.leaving.setObjectName("banner")
        self.leaving.setWordWrap(True)
        self.leaving.setAccessibleName(self.tr("Annonce en salle"))
        self.leaving.hide()
        root.addWidget(self.leaving)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(8, 8, 0, 8)
        order_title = QLabel(self.tr("&Ordre de passage"))
        order_title.setObjectName("sectionTitle")
        ll.addWidget(order_title)
        self.order = QTableView()
        self.order.setAccessibleName(self.tr("Ordre de passage"))
        a11y.navigable(self.order)
        self.order.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.order.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.order.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.order.verticalHeader().hide()
        self.order.setWordWrap(False)
        self.order.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.order.setShowGrid(False)
        self.order.setAlternatingRowColors(True)
        # Tab leaves the list (it used to move to the next dossier, silently changing what
        # the projector shows): the arrows move within it.
        self.order.setTabKeyNavigation(False)
        order_title.setBuddy(self.order)
        ll.addWidget(self.order, 1)
        left.setMinimumWidth(300)
        split.addWidget(left)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName(self.tr("Pages de la console"))
        # Hearing page: timer on top, dossier and attachments side by side.
        hearing = QWidget()
        hv = QVBoxLayout(hearing)
        hv.setContentsMargins(8, 8, 8, 8)
        self.timer = TimerWidget()
        hv.addWidget(self.timer)
        hsplit = QSplitter(Qt.Orientation.Horizontal)
        self.dossier = DossierPanel()
        self.attachments = AttachmentsView()
        self.attachments.renderer.hold()  # until the first paint: after_first_paint
        hsplit.addWidget(self.dossier)
        hsplit.addWidget(self.attachments)
        self.dossier.setMinimumWidth(300)
        hsplit.setStretchFactor(0, 2)
        hsplit.setStretchFactor(1, 3)
        hsplit.setSizes([440, 660])
        hv.addWidget(hsplit, 1)
        self.deliberation_host = QWidget()
        self.deliberation_layout = QVBoxLayout(self.deliberation_host)
        self.deliberation_layout.setContentsMargins(0, 0, 0, 0)
        # No mnemonic on the tabs: Ctrl+1…4 (in their tooltips) go to the pages, and the
        # menus' and the pages' Alt keys stay unique.
        self.tabs.addTab(PageScroll(hearing), self.tr("Audition"))
        self._late = {tab: PageScroll(QWidget()) for tab in self.LATE_PAGES}
        self.tabs.addTab(self._late[self.TAB_SCORING], self.tr("Notation"))
        self.tabs.addTab(self._late[self.TAB_ATTENDANCE], self.tr("Présences et déports"))
        self.tabs.addTab(PageScroll(self.deliberation_host), self.tr("Délibération"))
        for i in range(4):
            self.tabs.setTabToolTip(i, f"Ctrl+{i + 1}")
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 4)
        split.setSizes([380, 1200])
        root.addWidget(split, 1)
        # Before anyone else's: a page is built before its tab's other listeners run.
        self.tabs.currentChanged.connect(self._tab_shown)

    # ------------------------------------------------------------------ pages built late

    @property
    def grid(self) -> ScoringGridView:
        """The scoring page (built now if it was not)."""
        return cast("ScoringGridView", self.build_page(self.TAB_SCORING))

    @property
    def attendance(self) -> AttendanceView:
        """The attendance and recusals page (built now if it was not)."""
        return cast("AttendanceView", self.build_page(self.TAB_ATTENDANCE))

    def is_built(self, tab: int) -> bool:
        return tab not in self._late or tab in self._pages

    def build_page(self, tab: int) -> QWidget:
        """The page of ``tab`` (TAB_SCORING or TAB_ATTENDANCE), built if it was not, and
        wired (``pageBuilt``) before this returns."""
        page = self._pages.get(tab)
        if page is not None:
            return page
        if tab == self.TAB_SCORING:
            from jury_desk.ui.scoring_grid import ScoringGridView

            page = ScoringGridView()
        elif tab == self.TAB_ATTENDANCE:
            from jury_desk.ui.attendance_view import AttendanceView

            page = AttendanceView()
        else:
            raise ValueError(f"not a page built late: {tab}")
        self._pages[tab] = page
        self._late[tab].set_page(page)
        self.pageBuilt.emit(tab)
        return page

    def build_pages(self) -> None:
        """Every page not built yet."""
        for tab in self.LATE_PAGES:
            self.build_page(tab)

    def after_first_paint(self) -> None:
        """What waits for the console's first paint: the attachment's render worker
        started (held until now: ``PageRenderer.hold``), then the pages not built yet."""
        self.attachments.renderer.release()
        self.build_pages()

    def _tab_shown(self, tab: int) -> None:
        if tab in self._late:
            self.build_page(tab)

    def finish_order_setup(self) -> None:
        # Not ResizeToContents: that mode measures every row of the model again at each
        # change of any row (300 dossiers: tens of milliseconds per score typed). The
        # widths are measured by ``fit_order_columns`` when the list is filled.
        h = self.order.horizontalHeader()
        h.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        h.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        h.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        h.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)

    def fit_order_columns(self) -> None:
        """Number and time to their contents, the state to its widest label (bold)."""
        from jury_desk.ui.models import A_VENIR, EN_AUDITION, ENTENDU, INCOMPLET, NOTE, state_label

        self.order.resizeColumnToContents(0)
        self.order.resizeColumnToContents(1)
        bold = QFont(self.order.font())
        bold.setBold(True)
        fm = QFontMetrics(bold)
        codes = (A_VENIR, EN_AUDITION, ENTENDU, INCOMPLET, NOTE)
        widest = max(fm.horizontalAdvance(state_label(code)) for code in codes)
        model = self.order.model()
        title = model.headerData(3, Qt.Orientation.Horizontal) if model is not None else ""
        header = QFontMetrics(self.order.horizontalHeader().font()).horizontalAdvance(
            str(title or "")
        )
        self.order.horizontalHeader().resizeSection(3, max(widest, header) + 24)

    def set_projector_thumbnail(self, widget: QWidget) -> None:
        """The projector's live miniature, at the right of the header."""
        self.header_layout.addSpacing(12)
        self.header_layout.addWidget(widget)

    def show_leaving(self, text: str) -> None:
        self.leaving.setText(text)
        self.leaving.setVisible(bool(text))

    def show_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setVisible(bool(text))
