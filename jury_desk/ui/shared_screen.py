"""The shared jury screen: a second top-level window for the projector or a large display.

It shows only what it is given in a :class:`SharedFrame` — title, holder's name,
commune and priority neighbourhood, criteria, and the scoring grid as a
:class:`~jury_desk.ui.models.SharedGrid` — plus the timer's digits. The presenter
(``shared_presenter``) builds the frame from the session and is the privacy gate:
no comment, no contact, no identifier of the holder, and no value while blind scoring
is on, ever reach this window.

Type is sized from the window's own height, so it reads from the back of the room on
any screen: the timer's digits are at least a sixth of the height.
"""

from __future__ import annotations

from jury_desk.core.records import record
from jury_desk.qt.core import QEvent, QObject, Qt, QTimer, Signal
from jury_desk.qt.gui import (
    QCloseEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMoveEvent,
    QResizeEvent,
    QScreen,
    QShowEvent,
)
from jury_desk.qt.widgets import (
    QAbstractItemView,
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from jury_desk.ui import a11y, theme, uifmt
from jury_desk.ui.models import SharedGrid, SharedGridModel
from jury_desk.ui.timer import Level, Status, TimerView
from jury_desk.ui.timer_widget import phase_label, status_label

DIGITS_HEIGHT_SHARE = 0.20  # digit glyph height / window height (the issue asks >= 1/6)
CRITERIA_NAME_SHARE = 0.034  # a criterion's name, pixel size / window height
CRITERIA_TEXT_SHARE = 0.030  # its scale and description
CRITERIA_MIN_TEXT_SHARE = 0.025  # never below a 40th of the height (issue 13)


@record
class SharedCriterion:
    label: str
    description: str
    scale: str  # « de 0 à 5 — coefficient 3 »


@record
class SharedFrame:
    """Everything the shared screen may show about the current dossier."""

    session_title: str
    is_demo: bool
    position: str  # « Dossier 3 sur 12 »
    title: str
    holder: str
    place: str  # « Vitry-sur-Seine — quartier Balzac »
    criteria: tuple[SharedCriterion, ...]
    grid: SharedGrid | None
    blind: bool  # values are hidden
    banner: str  # « X quitte la salle pour ce dossier. » or ""


EMPTY_FRAME = SharedFrame("", False, "", "", "", "", (), None, True, "")


def _font(px: float, bold: bool = False) -> QFont:
    f = QFont(theme.FAMILY)
    f.setPixelSize(max(8, int(px)))
    f.setBold(bold)
    return f


class SharedScreen(QMainWindow):
    """Top-level window; ``set_page``/``show_hearing`` let the deliberation view borrow it.

    A main window, so that assistive technology sees a frame of its own (a plain top-level
    QWidget is exposed as a « filler »)."""

    geometryChanged = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sharedScreen")
        self.setWindowTitle(self.tr("jury_desk — écran du jury"))
        self.setAccessibleName(self.tr("Écran partagé du jury"))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        # Shown or moved to the projector, it never takes the keyboard from the console.
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.resize(1280, 720)
        self._frame = EMPTY_FRAME
        self._mode = "hearing"
        self._external: QWidget | None = None
        self._level = "normal"
        self._wide = True
        self._criteria_scale = 1.0
        self._criteria_details = True  # each criterion's description (dropped if no room)
        self._criteria_stale = False  # criteria to lay out when next shown (_fill_criteria)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self._fit_criteria)

        body = QWidget(self)
        body.setObjectName("sharedBody")
        self.setCentralWidget(body)
        root = QVBoxLayout(body)
        # The window's size comes from its screen (or the user), never from its content:
        # with the default constraint a page whose minimum grows with the type (itself
        # sized from the window) made the window grow without end (30,000 px wide).
        window_layout = self.layout()
        assert window_layout is not None
        window_layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        root.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        root.setContentsMargins(36, 24, 36, 24)
        root.setSpacing(10)
        top = QHBoxLayout()
        self.session_label = QLabel("")
        self.session_label.setObjectName("sharedMuted")
        self.position_label = QLabel("")
        self.position_label.setObjectName("sharedMuted")
        self.position_label.setAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        self.session_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.session_label.setMinimumWidth(1)  # elided to fit (see _elide)
        top.addWidget(self.session_label, 1)
        top.addWidget(self.position_label)
        root.addLayout(top)
        self.title_label = QLabel("")
        self.title_label.setObjectName("sharedTitle")
        self.title_label.setWordWrap(True)
        a11y.caption(self.title_label, self.tr("Titre du dossier"))
        root.addWidget(self.title_label)
        self.holder_label = QLabel("")
        self.holder_label.setObjectName("sharedHolder")
        self.holder_label.setWordWrap(True)
        root.addWidget(self.holder_label)
        self.banner = QLabel("")
        self.banner.setObjectName("sharedBanner")
        self.banner.setWordWrap(True)
        a11y.caption(self.banner, self.tr("Annonce"))
        self.banner.hide()
        root.addWidget(self.banner)

        self.stack = QStackedWidget()
        self.stack.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        root.addWidget(self.stack, 1)

        # -- hearing page: the big timer and the criteria
        self.hearing_page = QWidget()
        hl = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.hearing_page)
        self.hearing_layout = hl
        hl.setContentsMargins(0, 8, 0, 0)
        hl.setSpacing(28)
        self.timer_panel = QFrame()
        self.timer_panel.setObjectName("sharedTimer")
        self.timer_panel.setProperty("level", "normal")
        tl = QVBoxLayout(self.timer_panel)
        tl.setContentsMargins(20, 8, 20, 8)
        self.phase_label = QLabel("")
        self.phase_label.setObjectName("sharedPhase")
        self.phase_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.digits = QLabel("00:00")
        self.digits.setObjectName("sharedDigits")
        self.digits.setAlignment(Qt.AlignmentFlag.AlignCenter)
        a11y.caption(self.digits, self.tr("Chronomètre"))
        self.digits.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.digits.setMinimumSize(1, 1)  # its font is sized to fit (see _resize_fonts)
        self.timer_state = QLabel("")
        self.timer_state.setObjectName("sharedPhase")
        self.timer_state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        tl.addWidget(self.phase_label)
        tl.addWidget(self.digits, 1)
        tl.addWidget(self.timer_state)
        hl.addWidget(self.timer_panel, 3)
        self.criteria_box = QWidget()
        # Never lets the criteria push the window taller: they shrink to fit (_fit_criteria).
        self.criteria_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.criteria_box.setMinimumHeight(0)
        self.criteria_layout = QGridLayout(self.criteria_box)
        self.criteria_layout.setContentsMargins(0, 0, 0, 0)
        self.criteria_layout.setHorizontalSpacing(24)
        self.criteria_layout.setVerticalSpacing(6)
        hl.addWidget(self.criteria_box, 2)
        # The room the box gets changes with the title (one line or two), the banner and
        # the window: the criteria are fitted again to the height it has (eventFilter).
        self.criteria_box.installEventFilter(self)
        self.stack.addWidget(self.hearing_page)

        # -- scoring page: the grid (statuses, or values once allowed)
        self.scoring_page = QWidget()
        sl = QVBoxLayout(self.scoring_page)
        sl.setContentsMargins(0, 8, 0, 0)
        self.grid_model = SharedGridModel(self)
        self.grid_view = QTableView()
        self.grid_view.setObjectName("sharedGrid")
        self.grid_view.setModel(self.grid_model)
        self.grid_view.setAccessibleName(self.tr("Grille de notation"))
        self.grid_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.grid_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.grid_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.grid_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.grid_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid_view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.grid_view.setWordWrap(True)
        self.grid_view.setMinimumSize(1, 1)
        self.grid_view.horizontalHeader().setMinimumSectionSize(24)
        self.grid_view.verticalHeader().setMinimumSectionSize(24)
        sl.addWidget(self.grid_view, 1)
        self.grid_note = QLabel("")
        self.grid_note.setObjectName("sharedMuted")
        self.grid_note.setWordWrap(True)
        sl.addWidget(self.grid_note)
        self.stack.addWidget(self.scoring_page)

        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(400)
        self._save_timer.timeout.connect(self.geometryChanged)
        # Black-out: a plain black child over the whole window (not in the layout).
        self._black = QWidget(self)
        self._black.setObjectName("sharedBlack")
        self._black.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._black.setStyleSheet("QWidget#sharedBlack { background: black; }")
        self._black.hide()
        self._apply_style()
        self._resize_fonts()

    # ------------------------------------------------------------------ look

    def _apply_style(self) -> None:
        s = theme.S
        self.setStyleSheet(f"""
QWidget#sharedScreen {{ background: {s.bg}; }}
QWidget#sharedScreen QLabel {{ color: {s.text}; background: transparent; }}
QWidget#sharedScreen QLabel#sharedMuted {{ color: {s.muted}; }}
QWidget#sharedScreen QLabel#sharedBanner {{ background: {s.banner_bg}; color: {s.banner_text};
    padding: 10px 16px; border-radius: 4px; }}
QFrame#sharedTimer {{ background: {s.panel}; border-radius: 10px; }}
QFrame#sharedTimer[level="warning"] {{ background: {s.warn_bg}; }}
QFrame#sharedTimer[level="warning"] QLabel {{ color: {s.warn_text}; }}
QFrame#sharedTimer[level="overtime"] {{ background: {s.over_bg}; }}
QFrame#sharedTimer[level="overtime"] QLabel {{ color: {s.over_text}; }}
QTableView#sharedGrid {{ background: {s.panel}; color: {s.text}; gridline-color: {s.muted}; border: 0; }}
QTableView#sharedGrid QHeaderView::section {{ background: {s.bg}; color: {s.text}; border: 0;
    border-bottom: 2px solid {s.muted}; padding: 6px; }}
QTableView#sharedGrid QTableCornerButton::section {{ background: {s.bg}; border: 0; }}
""")

    def refresh_theme(self) -> None:
        self._apply_style()
        self.show_frame(self._frame)

    def _resize_fonts(self) -> None:
        h = max(self.height(), 300)
        self.session_label.setFont(_font(h * 0.028))
        self.position_label.setFont(_font(h * 0.028))
        self.title_label.setFont(_font(h * 0.055, bold=True))
        self.holder_label.setFont(_font(h * 0.036))
        self.banner.setFont(_font(h * 0.036, bold=True))
        self.phase_label.setFont(_font(h * 0.045, bold=True))
        self.timer_state.setFont(_font(h * 0.034))
        self.grid_note.setFont(_font(h * 0.028))
        # 16:9 screens: timer left (60 %), criteria right; 16:10, 4:3: criteria below.
        wide = self.width() >= 1.7 * h
        self.hearing_layout.setDirection(
            QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        )
        self.hearing_layout.setSpacing(28 if wide else max(8, int(h * 0.012)))
        # Digits: a digit's glyph is DIGITS_HEIGHT_SHARE of the height, unless the panel's
        # width cannot hold « +00:00 » at that size.
        target = h * DIGITS_HEIGHT_SHARE
        probe = _font(100, bold=True)
        fm = QFontMetrics(probe)
        glyph = max(1, fm.tightBoundingRect("0").height())
        px = 100 * target / glyph
        inner = self.width() - 72
        avail = (inner - 28) * 0.6 - 48 if wide else inner - 48
        width_100 = max(1, fm.horizontalAdvance("+00:00"))
        px = min(px, 100 * max(avail, 100) / width_100)
        if wide:
            self.timer_panel.setMinimumHeight(0)
            self.timer_panel.setMaximumHeight(16777215)
        else:
            panel_h = int(h * 0.42)
            self.timer_panel.setFixedHeight(panel_h)
            line_100 = max(1, fm.height())
            px = min(px, 100 * (panel_h - h * 0.10 - 28) / line_100)
        self.digits.setFont(_font(px, bold=True))
        self._wide = wide
        self._criteria_scale = 1.0
        self._criteria_details = True
        self.grid_view.setFont(_font(h * 0.036, bold=True))
        self.grid_view.horizontalHeader().setFont(_font(h * 0.025))
        self.grid_view.verticalHeader().setFont(_font(h * 0.026, bold=True))
        self._fill_criteria()

    def _elide_session(self) -> None:
        frame = self._frame
        demo = self.tr("DÉMONSTRATION — ") if frame.is_demo else ""
        text = demo + frame.session_title
        room = self.width() - 72 - self.position_label.sizeHint().width() - 24
        self.session_label.setText(
            self.session_label.fontMetrics().elidedText(
                text, Qt.TextElideMode.ElideRight, max(40, room)
            )
        )
        self.session_label.setToolTip(text)

    def digits_pixel_height(self) -> int:
        """Height of a digit's glyph as drawn (the issue's « sixth of the screen » check)."""
        return int(QFontMetrics(self.digits.font()).tightBoundingRect("0").height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._black.setGeometry(self.rect())
        self._resize_fonts()
        self._elide_session()
        self._save_timer.start()

    def moveEvent(self, event: QMoveEvent) -> None:
        super().moveEvent(event)
        self._save_timer.start()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowStateChange:
            self._save_timer.start()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.geometryChanged.emit()
        self.closed.emit()
        super().closeEvent(event)

    # ------------------------------------------------------------------ content

    def show_frame(self, frame: SharedFrame) -> None:
        self._frame = frame
        self._elide_session()
        self.position_label.setText(frame.position)
        self.title_label.setText(frame.title)
        self.holder_label.setText(" — ".join(x for x in (frame.holder, frame.place) if x))
        self.banner.setText(frame.banner)
        self.banner.setVisible(bool(frame.banner) and not self.page_borrowed())
        if frame.grid is not None:
            self.grid_model.set_grid(frame.grid)
        self.grid_note.setText(
            self.tr("Notation à l’aveugle : les notes restent masquées jusqu’à la délibération.")
            if frame.blind
            else ""
        )
        self._fill_criteria()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (
            obj is self.criteria_box
            and event.type() == QEvent.Type.Resize
            and isinstance(event, QResizeEvent)
            and event.size().height() < event.oldSize().height()
        ):
            # Less room than it was fitted for (the title took a second line once the
            # window settled, a banner came): shrink again where they no longer fit. Only
            # ever smaller here, so that the box's minimum, which follows its labels, can
            # never swing it back and forth; the next dossier or resize starts from full.
            self._fit_timer.start()
        return super().eventFilter(obj, event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._criteria_stale:
            self._fill_criteria()

    def _fill_criteria(self, refit: bool = True) -> None:
        if not self.isVisible():
            # Hidden (no projector yet, or closed): its criteria are laid out when it is
            # shown (showEvent), at the size it is shown at; not at each dossier before.
            self._criteria_stale = True
            return
        self._criteria_stale = False
        lay = self.criteria_layout
        while lay.count():
            taken = lay.takeAt(0)
            w = taken.widget() if taken is not None else None
            if w is not None:
                w.hide()  # at once: deleteLater waits for the event loop
                w.deleteLater()
        for r in range(lay.rowCount()):
            lay.setRowStretch(r, 0)
        if not self._frame.criteria:
            return
        h = max(self.height(), 300)
        wide = getattr(self, "_wide", True)
        head = QLabel(self.tr("Critères de notation"))
        head.setObjectName("sharedMuted")
        head.setFont(_font(h * 0.028, bold=True))
        lay.addWidget(head, 0, 0, 1, 1 if wide else 2)
        label_px, text_px = self._criteria_px()
        muted = theme.S.muted
        columns = 1 if wide else 2
        for i, c in enumerate(self._frame.criteria, start=1):
            # One wrapped label per criterion: Qt sizes its height for the width it gets.
            more = f" — {uifmt.html_text(c.description)}" if self._criteria_details else ""
            label = QLabel(
                f'<div style="font-size:{label_px}px; font-weight:bold">{i}.&nbsp;{uifmt.html_text(c.label)}</div>'
                f'<div style="font-size:{text_px}px; color:{muted}"><b>{uifmt.html_text(c.scale)}</b>'
                f"{more}</div>"
            )
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setObjectName("criterion")
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            # No fixed name: Qt reads the label's text (markup stripped), as it shows.
            lay.addWidget(label, 1 + (i - 1) // columns, (i - 1) % columns)
        lay.setRowStretch(1 + (len(self._frame.criteria) + columns - 1) // columns, 1)
        if refit:
            self._fit_timer.start()

    def _criteria_px(self) -> tuple[int, int]:
        """Pixel sizes of a criterion's name and of its text, at the current scale."""
        h = max(self.height(), 300)
        k = self._criteria_scale
        return round(h * CRITERIA_NAME_SHARE * k), round(h * CRITERIA_TEXT_SHARE * k)

    def criteria_text_px(self) -> int:
        """The smallest type of the criteria as drawn (the issue asks at least 1/40 of the height)."""
        return self._criteria_px()[1]

    def _criteria_height(self) -> int:
        lay = self.criteria_layout
        cols = 1 if self._wide else 2
        width = self.criteria_box.width()
        col_w = width if cols == 1 else (width - lay.horizontalSpacing()) // 2
        rows: dict[int, int] = {}
        for i in range(lay.count()):
            item = lay.itemAt(i)
            w = item.widget() if item is not None else None
            if w is None:
                continue
            pos = lay.getItemPosition(i)
            r, cs = int(pos[0]), int(pos[3])  # type: ignore[index]
            hh = (
                w.heightForWidth(width if cs > 1 else col_w)
                if w.hasHeightForWidth()
                else w.sizeHint().height()
            )
            rows[r] = max(rows.get(r, 0), hh)
        return sum(rows.values()) + lay.verticalSpacing() * max(0, len(rows) - 1)

    def _fit_criteria(self) -> None:
        """Shrink the criteria's type until they fit their box, never below a 40th of the
        height; if they still do not fit, show each criterion's name and scale only."""
        if not self._frame.criteria or not self.criteria_box.isVisible():
            return
        floor = CRITERIA_MIN_TEXT_SHARE / CRITERIA_TEXT_SHARE
        while (
            self._criteria_scale - 0.05 >= floor
            and self._criteria_height() > self.criteria_box.height()
        ):
            self._criteria_scale = round(self._criteria_scale - 0.05, 2)
            self._fill_criteria(refit=False)
        if self._criteria_details and self._criteria_height() > self.criteria_box.height():
            self._criteria_details = False
            self._fill_criteria(refit=False)

    def set_timer(self, view: TimerView) -> None:
        self.digits.setText(view.digits() if view.status is not Status.FINISHED else "—")
        self.phase_label.setText(phase_label(view).upper())
        self.timer_state.setText(status_label(view))
        level = (
            view.level.value
            if view.status in (Status.RUNNING, Status.PAUSED)
            else Level.NORMAL.value
        )
        if level != self._level:
            self._level = level
            self.timer_panel.setProperty("level", level)
            for w in (self.timer_panel, self.phase_label, self.digits, self.timer_state):
                w.style().unpolish(w)
                w.style().polish(w)

    def timer_level(self) -> str:
        return self._level

    # ------------------------------------------------------------------ pages

    def set_mode(self, mode: str) -> None:
        """``hearing`` (timer and criteria) or ``scoring`` (the grid)."""
        self._mode = mode
        if self._external is None or self.stack.currentWidget() is not self._external:
            self._show_own_page()

    def mode(self) -> str:
        return self._mode

    def set_page(self, widget: QWidget) -> None:
        """Show a page provided by another view (the deliberation's ranking).

        The current dossier's header (position, title, holder, announcement) belongs to
        the hearing: it is hidden while the page is shown, and :meth:`show_hearing`
        brings it back.
        """
        if self._external is not None and self._external is not widget:
            self.stack.removeWidget(self._external)
        self._external = widget
        if self.stack.indexOf(widget) < 0:
            self.stack.addWidget(widget)
        self.stack.setCurrentWidget(widget)
        self._show_header(False)

    def show_hearing(self) -> None:
        """Back to the hearing room's own pages, with the dossier's header."""
        self._show_own_page()
        self._show_header(True)

    def _show_own_page(self) -> None:
        page = self.scoring_page if self._mode == "scoring" else self.hearing_page
        if page is self.hearing_page and self.stack.currentWidget() is not page:
            # Sized or shown while another page was up, the criteria were not fitted:
            # again from the full type, for the room they have now.
            self._criteria_scale = 1.0
            self._criteria_details = True
            self._fill_criteria()
        self.stack.setCurrentWidget(page)

    def page_borrowed(self) -> bool:
        """True while another view's page is shown (see :meth:`set_page`)."""
        return self._external is not None and self.stack.currentWidget() is self._external

    def _show_header(self, on: bool) -> None:
        for w in (self.position_label, self.title_label, self.holder_label):
            w.setVisible(on)
        self.banner.setVisible(on and bool(self._frame.banner))

    # ------------------------------------------------------------------ placement

    def move_to_screen(self, screen: QScreen) -> None:
        full = self.isFullScreen()
        if full:
            self.showNormal()
        geo = screen.availableGeometry()
        handle = self.windowHandle()
        if handle is not None and isinstance(screen, QScreen):
            handle.setScreen(screen)
        w, h = min(self.width(), geo.width()), min(self.height(), geo.height())
        self.setGeometry(geo.x() + (geo.width() - w) // 2, geo.y() + (geo.height() - h) // 2, w, h)
        if full:
            self.showFullScreen()

    def set_blackout(self, on: bool) -> None:
        """A black screen over everything (the room sees nothing), until turned off."""
        if on:
            self._black.setGeometry(self.rect())
            self._black.show()
            self._black.raise_()
        else:
            self._black.hide()

    def blacked_out(self) -> bool:
        return not self._black.isHidden()

    def toggle_fullscreen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()


def walk_texts(root: QObject) -> list[str]:
    """Every text the window holds: labels, line edits, and item views' data for all roles.

    Used by the privacy tests and by the debug command that dumps the shared screen.
    """
    from jury_desk.qt.widgets import QAbstractItemView as View
    from jury_desk.qt.widgets import QLineEdit

    out: list[str] = []
    objs: list[QObject] = [root, *root.findChildren(QObject)]
    for o in objs:
        if isinstance(o, QLabel):
            out.append(o.text())
            out.append(o.accessibleName())
            out.append(o.toolTip())
        elif isinstance(o, QLineEdit):
            out.append(o.text())
        elif isinstance(o, View) and o.model() is not None:
            m = o.model()
            roles = list(range(0, 16)) + [int(Qt.ItemDataRole.UserRole) + i for i in range(1, 8)]
            for r in range(m.rowCount()):
                for c in range(m.columnCount()):
                    idx = m.index(r, c)
                    for role in roles:
                        v = m.data(idx, role)
                        if v is not None:
                            out.append(str(v))
            for orient, n in (
                (Qt.Orientation.Horizontal, m.columnCount()),
                (Qt.Orientation.Vertical, m.rowCount()),
            ):
                for s in range(n):
                    for role in roles:
                        v = m.headerData(s, orient, role)
                        if v is not None:
                            out.append(str(v))
        if isinstance(o, QWidget):
            out.append(o.windowTitle())
    return [t for t in out if t]
