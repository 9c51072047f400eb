"""The deliberation page of the secretary's console, and its page on the shared screen.

:class:`DeliberationView` lays out, at a glance: the state of the deliberation (blind
scores, open, closed) with its actions, the live envelope, the ranking and the
pictures in tabs, the jury's decision, the opinions and notes, and, always in view,
what still blocks closing (each item leads to where it is fixed). Every action has a
keyboard shortcut (listed in :data:`SHORTCUTS`) and every control is reachable by Tab.

:class:`SharedDeliberationPanel` is what the shared screen may show: nothing from the
scores before the reveal of blind scores, then the ranking (or, when the secretary
chooses it, one of the pictures), never a comment, a contact or a holder's name.
"""

from __future__ import annotations

import logging
from functools import partial
from typing import TYPE_CHECKING, Any

from jury_desk.core import fmt
from jury_desk.core.services import Desk
from jury_desk.qt.core import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QObject,
    QSortFilterProxyModel,
    Qt,
    Signal,
    Slot,
)
from jury_desk.qt.gui import QAction, QHideEvent, QKeySequence, QResizeEvent, QShowEvent
from jury_desk.qt.widgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from jury_desk.ui import theme, uifmt, wording
from jury_desk.ui.deliberation.charts import (
    AlternativesChart,
    Chart,
    DotsChart,
    EnvelopeBar,
    HeatmapChart,
    shared_scheme,
)
from jury_desk.ui.deliberation.controller import DeliberationController, Snapshot
from jury_desk.ui.deliberation.decision import DecisionPanel, OpinionsPanel, ReasonDialog
from jury_desk.ui.deliberation.delegates import WrappedItems
from jury_desk.ui.deliberation.models import (
    DOSSIER_ID_ROLE,
    KIND_ROLE,
    SORT_ROLE,
    BlockersModel,
    DecisionModel,
    RankingModel,
)

if TYPE_CHECKING:  # the dialog (crypto, export, JSON Schema) loads when first opened
    from jury_desk.ui.deliberation.export_dialog import ExportDialog

log = logging.getLogger(__name__)


def _t(text: str) -> str:
    return QCoreApplication.translate("DeliberationView", text)


# (action name, key sequence, what it does); shown in tooltips and in the shortcuts help.
# None of them is taken by the main window (Ctrl+1…4 pages, Ctrl+E shared screen, Ctrl+D
# déport, Ctrl+G grid, Ctrl+Z, F1, F5…F8, F11).
SHORTCUTS: tuple[tuple[str, str, Any], ...] = (  # Any: QT_TRANSLATE_NOOP is typed object
    ("tab1", "Alt+1", QT_TRANSLATE_NOOP("DeliberationView", "Classement")),
    ("tab2", "Alt+2", QT_TRANSLATE_NOOP("DeliberationView", "Nuage des notes")),
    ("tab3", "Alt+3", QT_TRANSLATE_NOOP("DeliberationView", "Jurés × dossiers")),
    ("tab4", "Alt+4", QT_TRANSLATE_NOOP("DeliberationView", "Autres méthodes")),
    ("tab5", "Alt+5", QT_TRANSLATE_NOOP("DeliberationView", "Décision du jury")),
    ("tab6", "Alt+6", QT_TRANSLATE_NOOP("DeliberationView", "Avis et notes")),
    (
        "reveal",
        "Ctrl+R",
        QT_TRANSLATE_NOOP("DeliberationView", "Révéler les notes et ouvrir la délibération"),
    ),
    (
        "project",
        "Ctrl+J",
        QT_TRANSLATE_NOOP(
            "DeliberationView", "Projeter sur l'écran partagé, ou revenir à l'audition"
        ),
    ),
    (
        "blockers",
        "Ctrl+Shift+B",
        QT_TRANSLATE_NOOP("DeliberationView", "Aller à la liste de ce qui bloque la clôture"),
    ),
    ("close", "Ctrl+Shift+C", QT_TRANSLATE_NOOP("DeliberationView", "Clore la délibération")),
    ("export", "Ctrl+Shift+E", QT_TRANSLATE_NOOP("DeliberationView", "Exporter le résultat signé")),
    (
        "reopen",
        "Ctrl+Shift+O",
        QT_TRANSLATE_NOOP("DeliberationView", "Rouvrir la délibération (avec un motif)"),
    ),
)


class _FitTable(QTableView):
    """The shared ranking: every row in view, rows as tall as the room allows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.px = 24
        self.stretch_column = 1  # the dossier's: it takes the room the others leave
        self.stale = True  # the columns' widths to measure again (new values, new type)

    def fit(self) -> None:
        model = self.model()
        rows = model.rowCount() if model is not None else 0
        if not rows:
            return
        room = self.viewport().height() or self.height() - self.horizontalHeader().height()
        row_h = max(self.px * 1.25, min(self.px * 1.9, room / rows))
        self.verticalHeader().setDefaultSectionSize(int(row_h))
        f = self.font()
        f.setPixelSize(max(15, min(self.px, round(row_h / 1.5))))
        if f.pixelSize() != self.font().pixelSize():
            self.setFont(f)
            self.stale = True
        if self.stale and self.isVisible():
            self._measure()

    def _measure(self) -> None:
        """The columns' widths, measured once per reading or type size, in view (the
        final type). Not ResizeToContents, which measured forty rows of every column
        again at each layout of the page (each picture shown: ~20 ms at 300 dossiers)."""
        self.stale = False
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.resizeColumnsToContents()
        header.setSectionResizeMode(self.stretch_column, QHeaderView.ResizeMode.Stretch)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit()


def _scroll(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area


# --------------------------------------------------------------------------- shared screen


class SharedDeliberationPanel(QWidget):
    """The deliberation on the shared screen (a page for ``SharedScreen.set_page``).

    Before the reveal of blind scores it shows a notice and builds nothing that could
    hold a score. Afterwards it shows the ranking (the shared columns: no sheets, no
    holder, no comment), with the envelope, or one picture the secretary chooses
    (:meth:`set_picture`).
    """

    PICTURES = ("ranking", "dots", "alternatives", "heatmap")

    def __init__(
        self,
        source: DeliberationController | Desk,
        session_id: str | None = None,
        hub: QObject | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if isinstance(source, DeliberationController):
            self.controller = source
        else:
            assert session_id is not None
            self.controller = DeliberationController(source, session_id, hub, self)
        self.setObjectName("sharedDeliberation")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setAccessibleName(self.tr("Délibération du jury"))
        self._picture = "ranking"
        self._snap: Snapshot | None = None
        self._styled_px = 0

        self.title = QLabel(self.tr("Délibération du jury"), self)
        self.title.setObjectName("sharedTitle")
        self.subtitle = QLabel(self)
        self.subtitle.setObjectName("sharedSubtitle")
        self.notice = QLabel(self)
        self.notice.setObjectName("sharedNotice")
        self.notice.setWordWrap(True)
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.content: QWidget | None = None  # built at the first snapshot that may be shown
        self.envelope: EnvelopeBar | None = None
        self.stack: QStackedWidget | None = None
        self.ranking: RankingModel | None = None
        self.table: _FitTable | None = None
        self.pictures: dict[str, Chart] = {}

        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.title)
        self._layout.addWidget(self.subtitle)
        self._layout.addWidget(self.notice, 1)
        self._apply_style()
        self.controller.changed.connect(self._apply)
        self._apply(self.controller.snapshot)

    # ------------------------------------------------------------------ content

    def _build(self) -> None:
        content = QWidget(self)
        lay = QVBoxLayout(content)
        lay.setContentsMargins(0, 0, 0, 0)
        self.envelope = EnvelopeBar(content, shared=True)
        self.envelope.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.stack = QStackedWidget(content)
        self.ranking = RankingModel(self, shared=True)
        table = _FitTable(self.stack)
        table.setObjectName("sharedRanking")
        table.setAccessibleName(self.tr("Classement"))
        table.setModel(self.ranking)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Widths from the first forty rows (more than a screen shows), not from all of
        # them at each restyle (300 dossiers: seconds). Not 0 ("the rows in view"): a
        # hidden table has none in view, and Qt then measures every row.
        table.horizontalHeader().setResizeContentsPrecision(40)
        self.table = table
        self.stack.addWidget(table)
        lay.addWidget(self.envelope)
        lay.addWidget(self.stack, 1)
        self._layout.insertWidget(2, content, 1)
        self.content = content
        self._apply_style()

    def _picture_widget(self, name: str) -> QWidget:
        if name == "ranking":
            assert self.table is not None
            return self.table
        widget = self.pictures.get(name)
        if widget is None:
            cls: type[Chart] = {
                "dots": DotsChart,
                "alternatives": AlternativesChart,
                "heatmap": HeatmapChart,
            }[name]
            widget = cls(self.stack, shared=True)
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            # Drawn in whatever room the shared screen has: its hints (which grow with
            # the type, itself sized from the screen) must never size the window.
            widget.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
            assert self.stack is not None
            self.stack.addWidget(widget)
            self.pictures[name] = widget
            if self._snap is not None:
                widget.set_snapshot(self._snap)
            self._size_fonts()
        return widget

    @property
    def picture(self) -> str:
        return self._picture

    def set_picture(self, name: str) -> bool:
        """Show ``name`` (one of :data:`PICTURES`). Before the reveal nothing is shown:
        the choice is kept for then, and the answer is ``False``."""
        if name not in self.PICTURES:
            raise ValueError(name)
        self._picture = name
        if self.controller.snapshot.hidden:
            return False
        if self.stack is not None:
            self.stack.setCurrentWidget(self._picture_widget(name))
        return True

    @Slot(object)
    def _apply(self, snap: Snapshot) -> None:
        self._snap = snap
        st = snap.state
        self.subtitle.setText(f"{st.info.title} — {uifmt.long_date(st.info.date)}")
        if snap.hidden:
            # Nothing from the scores exists on this page before the reveal.
            self.notice.setText(
                self.tr(
                    "Les notes restent masquées.\nLe classement sera affiché "
                    "quand le secrétariat les révélera."
                )
            )
            self.notice.show()
            if self.content is not None:
                self._teardown()
            return
        self.notice.hide()
        if self.content is None:
            self._build()
        assert self.envelope is not None and self.ranking is not None and self.stack is not None
        self.envelope.set_snapshot(snap)
        self.ranking.set_snapshot(snap)
        assert self.table is not None
        self.table.stale = True
        for widget in self.pictures.values():
            widget.set_snapshot(snap)
        self.stack.setCurrentWidget(self._picture_widget(self._picture))
        if snap.closed:
            self.title.setText(self.tr("Délibération du jury — close"))
        else:
            self.title.setText(self.tr("Délibération du jury"))
        self._size_fonts()

    def _teardown(self) -> None:
        assert self.content is not None
        self.content.hide()
        self.content.deleteLater()
        self.content = self.envelope = self.stack = self.table = None
        self.ranking = None
        self.pictures = {}

    # ------------------------------------------------------------------ looks

    def _apply_style(self, px: int = 24) -> None:
        s = theme.S
        sc = shared_scheme()
        self.setStyleSheet(f"""
QWidget#sharedDeliberation {{ background: {s.bg}; color: {s.text}; }}
QLabel {{ color: {s.text}; background: transparent; }}
QLabel#sharedSubtitle {{ color: {s.muted}; }}
QTableView#sharedRanking {{ background: {s.bg}; color: {s.text}; border: 0;
                           gridline-color: {sc.grid.name()}; }}
QTableView#sharedRanking QHeaderView::section {{ background: {s.panel}; color: {s.muted};
    font-weight: bold; font-size: {round(px * 0.85)}px; border: 0; padding: 4px 8px; }}
QTableView#sharedRanking QTableCornerButton::section {{ background: {s.panel}; border: 0; }}
""")

    def _size_fonts(self) -> None:
        """Type sized from the panel's own height, legible from the back of the room."""
        h = max(self.height(), 480)
        px = max(20, round(h / 36))
        if px != self._styled_px:
            self._styled_px = px
            self._apply_style(px)
            if self.table is not None:
                self.table.stale = True
        f = self.font()
        f.setPixelSize(round(px * 1.7))
        f.setBold(True)
        self.title.setFont(f)
        f = self.font()
        f.setPixelSize(px)
        self.subtitle.setFont(f)
        f.setPixelSize(round(px * 1.5))
        self.notice.setFont(f)
        if self.table is not None and self.ranking is not None:
            self.table.px = px
            self.table.stretch_column = self.ranking.column_of("dossier")
            self.table.fit()
        if self.envelope is not None:
            f = self.font()
            f.setPixelSize(round(px * 0.8))
            self.envelope.setFont(f)
        for widget in self.pictures.values():
            f = self.font()
            f.setPixelSize(px)
            widget.setFont(f)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._size_fonts()


# --------------------------------------------------------------------------- console page


class DeliberationView(QWidget):
    """The secretary's deliberation page.

    ``DeliberationView(desk, session_id, hub, parent)``; ``writer`` (the application's
    ``DbWriter``) orders the writes with the console's. :meth:`set_shared_screen` gives
    it the shared screen (``set_page(widget)`` / ``show_hearing()``).
    """

    # A blocker that is fixed elsewhere in the console: place ("attendance", "scores"),
    # dossier id, juror id ("" when none).
    navigateRequested = Signal(str, str, str)

    TAB_RANKING, TAB_DOTS, TAB_HEATMAP, TAB_ALTERNATIVES, TAB_DECISION, TAB_OPINIONS = range(6)

    def __init__(
        self,
        desk: Desk,
        session_id: str,
        hub: QObject | None = None,
        parent: QWidget | None = None,
        *,
        writer: Any = None,
        snapshot: Snapshot | None = None,
        fill_later: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("deliberationView")
        self.setAccessibleName(self.tr("Délibération"))
        self.desk = desk
        self.session_id = session_id
        self.controller = DeliberationController(
            desk, session_id, hub, self, writer=writer, snapshot=snapshot
        )
        self._shared_screen: Any = None
        self._shared_panel: SharedDeliberationPanel | None = None
        self._read_at_build = True  # see showEvent
        self._ranking_columns = -1  # the ranking's columns when their widths were measured
        self.export_dialog: ExportDialog | None = None
        self.actions_by_name: dict[str, QAction] = {}

        self._build_header()
        self._build_body()
        self._build_actions()

        self.controller.changed.connect(self._apply)
        self.controller.failed.connect(self._show_refusal)
        self.controller.done.connect(self._action_done)
        self.decision.model.decisionEdited.connect(self._decision_edited)
        self.decision.model.invalidReasonEdited.connect(self.controller.set_invalid_reason)
        self.decision.resetRequested.connect(self.controller.accept_default)
        self.opinions.opinionSaved.connect(self.controller.set_opinion)
        self.opinions.notesSaved.connect(self.controller.set_notes)
        mode_changed = getattr(hub, "sharedModeChanged", None)
        if mode_changed is not None:  # the console took the shared screen back
            mode_changed.connect(self._shared_screen_taken)
        if not fill_later:
            self.fill()

    def fill(self) -> None:
        """Show the controller's reading. The console builds the page, returns to the
        loop, then fills it: two short turns of the loop rather than one long one."""
        self._apply(self.controller.snapshot)

    # ------------------------------------------------------------------ building

    def _build_header(self) -> None:
        self.heading = QLabel(self.tr("Délibération"), self)
        self.heading.setObjectName("sectionTitle")
        theme.scaled(self.heading, 1.5, bold=True)  # follows the text size both ways
        self.status = QLabel(self)
        self.status.setObjectName("deliberationStatus")
        self.status.setWordWrap(True)

        self.reveal_button = QPushButton(self)
        self.reveal_button.setObjectName("primary")
        self.reveal_button.clicked.connect(self._reveal_or_open)

        self.picture_combo = QComboBox(self)
        self.picture_combo.setAccessibleName(self.tr("Image à projeter"))
        for key, label in (
            ("ranking", self.tr("Classement")),
            ("dots", self.tr("Nuage des notes")),
            ("alternatives", self.tr("Autres méthodes")),
            ("heatmap", self.tr("Jurés × dossiers")),
        ):
            self.picture_combo.addItem(label, key)
        self.picture_combo.currentIndexChanged.connect(self._picture_changed)
        self.project_button = QPushButton(self.tr("Projeter"), self)
        self.project_button.setCheckable(True)
        self.project_button.setAccessibleName(self.tr("Projeter sur l'écran partagé"))
        self.project_button.toggled.connect(self._project_toggled)

        self.message = QLabel(self)
        self.message.setObjectName("refusal")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.message.hide()
        self.info = QLabel(self)
        self.info.setObjectName("banner")
        self.info.setWordWrap(True)
        self.info.hide()

        self.envelope = EnvelopeBar(self)
        self.envelope.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def _build_body(self) -> None:
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("deliberationTabs")
        self.tabs.setDocumentMode(True)

        self.ranking = RankingModel(self)
        self.ranking_proxy = QSortFilterProxyModel(self)
        self.ranking_proxy.setSortRole(SORT_ROLE)
        self.ranking_proxy.setSourceModel(self.ranking)
        self.ranking_table = QTableView(self)
        self.ranking_table.setObjectName("rankingTable")
        self.ranking_table.setAccessibleName(self.tr("Classement des dossiers"))
        self.ranking_table.setModel(self.ranking_proxy)
        # Column widths from the first twenty rows (the best ranked, a screenful), not all 300.
        self.ranking_table.horizontalHeader().setResizeContentsPrecision(20)
        self.ranking_table.setSortingEnabled(True)
        self.ranking_table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.ranking_table.setTabKeyNavigation(False)
        self.ranking_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.ranking_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.ranking_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ranking_table.verticalHeader().setVisible(False)
        self.ranking_table.setWordWrap(False)
        self.ranking_table.activated.connect(self._ranking_activated)
        legend = QLabel(
            self.tr(
                "Fond bleu : proposition des règles · fond jaune : ex æquo à la limite "
                "de l'enveloppe · ⚠ : désaccord du jury ou dossier non valide · "
                "Entrée sur une ligne : décision du jury pour ce dossier."
            ),
            self,
        )
        legend.setObjectName("hint")
        legend.setWordWrap(True)
        page = QWidget(self)
        lay = QVBoxLayout(page)
        lay.addWidget(self.ranking_table, 1)
        lay.addWidget(legend)

        self.dots = DotsChart(self)
        self.heatmap = HeatmapChart(self)
        self.alternatives = AlternativesChart(self)
        self.decision = DecisionPanel(self)
        self.opinions = OpinionsPanel(self)
        heat_note = QLabel(
            self.tr(
                "Les notes de chaque juré : cette carte reste sur l'écran du secrétariat "
                "et ne peut être projetée qu'après la révélation des notes."
            ),
            self,
        )
        heat_note.setObjectName("hint")
        heat_note.setWordWrap(True)  # unwrapped, it made the window 1,667 px wide at least
        # Who entered each value in force (as the minutes say it): devices or secretariat.
        self.authors_note = QLabel(self)
        self.authors_note.setObjectName("hint")
        self.authors_note.setWordWrap(True)
        self.authors_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        heat_page = QWidget(self)
        hl = QVBoxLayout(heat_page)
        hl.addWidget(_scroll(self.heatmap), 1)
        hl.addWidget(heat_note)
        hl.addWidget(self.authors_note)

        for widget, label in (
            (page, self.tr("Classement")),
            (_scroll(self.dots), self.tr("Nuage des notes")),
            (heat_page, self.tr("Jurés × dossiers")),
            (_scroll(self.alternatives), self.tr("Autres méthodes")),
            (self.decision, self.tr("Décision du jury")),
            (self.opinions, self.tr("Avis et notes")),
        ):
            self.tabs.addTab(widget, label)
        for i, (_, keys, _) in enumerate(SHORTCUTS[:6]):
            self.tabs.setTabToolTip(i, keys)

        # The closing column: always in view.
        side = QFrame(self)
        side.setObjectName("closingColumn")
        side.setFrameShape(QFrame.Shape.StyledPanel)
        self.blockers_title = QLabel(self.tr("Avant de clore"), side)
        self.blockers_title.setObjectName("sectionTitle")
        self.blockers_title.setWordWrap(True)
        self.blockers = BlockersModel(self)
        self.blockers_view = QListView(side)
        self.blockers_view.setObjectName("blockersList")
        self.blockers_view.setAccessibleName(self.tr("Ce qui bloque encore la clôture"))
        self.blockers_view.setModel(self.blockers)
        self.blockers_view.setWordWrap(True)
        # Wrapped items measured again when the list's width changes (its scroll bar
        # appearing, the window resized): measured once, a long blocker lost its last line.
        self.blockers_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.blockers_view.setItemDelegate(WrappedItems(self.blockers_view))
        self.blockers_view.setSpacing(4)
        self.blockers_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.blockers_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.blockers_view.activated.connect(self._blocker_activated)
        self.blockers_title.setBuddy(self.blockers_view)
        self.blockers_hint = QLabel(
            self.tr("Entrée ou double-clic : aller où cela se règle."), side
        )
        self.blockers_hint.setObjectName("hint")
        self.blockers_hint.setWordWrap(True)
        self.nothing_blocks = QLabel(self.tr("✔ Rien ne bloque la clôture."), side)
        self.nothing_blocks.setObjectName("quorumOk")
        self.nothing_blocks.setWordWrap(True)

        self.close_button = QPushButton(self.tr("Clore la &délibération…"), side)
        self.close_button.setObjectName("primary")
        self.close_button.clicked.connect(self.request_close)
        self.export_button = QPushButton(self.tr("Exporter le résultat &signé…"), side)
        self.export_button.setObjectName("primary")
        self.export_button.clicked.connect(self.open_export_dialog)
        self.reopen_button = QPushButton(self.tr("&Rouvrir la délibération…"), side)
        self.reopen_button.clicked.connect(self.request_reopen)
        self.closing_status = QLabel(side)
        self.closing_status.setObjectName("closingStatus")
        self.closing_status.setWordWrap(True)

        sl = QVBoxLayout(side)
        sl.addWidget(self.blockers_title)
        sl.addWidget(self.nothing_blocks)
        sl.addWidget(self.blockers_view, 1)
        sl.addWidget(self.blockers_hint)
        self.side_stretch = QWidget(side)  # takes the room when nothing blocks
        self.side_stretch.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        sl.addWidget(self.side_stretch, 1)
        sl.addWidget(self.closing_status)
        sl.addWidget(self.close_button)
        sl.addWidget(self.export_button)
        sl.addWidget(self.reopen_button)
        side.setMinimumWidth(360)

        # An explicit minimum: the pages (charts, tables) scroll or elide below their
        # hints, so that no page sets the window's minimum width beyond a laptop's screen.
        self.tabs.setMinimumWidth(420)
        # Blind means blind on the console too: until the reveal the pages that hold a
        # score (ranking, charts, the jury's list) give way to this notice.
        self.hidden_notice = QLabel(
            self.tr(
                "Notation à l’aveugle : les notes, le classement et les graphiques restent "
                "masqués, sur cette console comme sur l’écran partagé, jusqu’à leur "
                "révélation (Ctrl+R).\n\nLa colonne de droite dit ce qui reste à faire "
                "avant la clôture."
            ),
            self,
        )
        self.hidden_notice.setObjectName("hiddenNotice")
        self.hidden_notice.setWordWrap(True)
        self.hidden_notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hidden_notice.setMargin(24)
        self.hidden_notice.setMinimumWidth(1)
        self.body = QStackedWidget(self)
        self.body.addWidget(self.tabs)
        self.body.addWidget(self.hidden_notice)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.body)
        split.addWidget(side)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        self.splitter = split

        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.heading)
        titles.addWidget(self.status)
        top.addLayout(titles, 1)
        top.addWidget(self.reveal_button)
        top.addWidget(self.picture_combo)
        top.addWidget(self.project_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.info)
        layout.addWidget(self.envelope)
        layout.addWidget(split, 1)
        self.envelope.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def _build_actions(self) -> None:
        handlers: dict[str, Any] = {
            "reveal": self._reveal_or_open,
            "project": self.project_button.toggle,
            "blockers": lambda: self.blockers_view.setFocus(Qt.FocusReason.ShortcutFocusReason),
            "close": self.request_close,
            "export": self.open_export_dialog,
            "reopen": self.request_reopen,
        }
        for i in range(6):
            handlers[f"tab{i + 1}"] = partial(self.show_tab, i)
        for name, keys, text in SHORTCUTS:
            action = QAction(_t(str(text)), self)
            action.setShortcut(QKeySequence(keys))
            # Wherever the focus is in the window while this page is shown (the page's
            # show/hide events turn them on and off): Alt+1…6 used to need a click first.
            if name in ("close", "export", "reopen"):  # acts: only from within the page
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            else:
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
                action.setEnabled(False)
            action.triggered.connect(handlers[name])
            self.addAction(action)
            self.actions_by_name[name] = action
        native = QKeySequence.SequenceFormat.NativeText
        for name, button in (
            ("close", self.close_button),
            ("export", self.export_button),
            ("reopen", self.reopen_button),
            ("project", self.project_button),
        ):
            button.setToolTip(
                f"{self.actions_by_name[name].text()} "
                f"({self.actions_by_name[name].shortcut().toString(native)})"
            )

    # ------------------------------------------------------------------ state

    @property
    def snapshot(self) -> Snapshot:
        return self.controller.snapshot

    @Slot(object)
    def _apply(self, snap: Snapshot) -> None:
        st = snap.state
        self.heading.setToolTip(st.info.title)
        self.status.setText(self._status_text(snap))
        if snap.hidden:
            self.reveal_button.setText(self.tr("Révéler les notes"))
            self.reveal_button.setToolTip(
                self.tr(
                    "Les notes sont masquées (mode à l'aveugle) : les révéler "
                    "ouvre la délibération (Ctrl+R)"
                )
            )
            self.reveal_button.show()
        elif not st.opened_at and not snap.closed:
            self.reveal_button.setText(self.tr("Ouvrir la délibération"))
            self.reveal_button.setToolTip(self.tr("Ouvrir la délibération (Ctrl+R)"))
            self.reveal_button.show()
        else:
            self.reveal_button.hide()

        self.body.setCurrentWidget(self.hidden_notice if snap.hidden else self.tabs)
        self.envelope.setVisible(not snap.hidden)
        if snap.hidden:
            # Nothing from the scores reaches this page's widgets before the reveal.
            self.ranking.clear()
            for chart in (self.envelope, self.dots, self.heatmap, self.alternatives):
                chart.set_snapshot(None)
        else:
            self._show_scores(snap)
        self.opinions.set_snapshot(snap)
        self._apply_closing(snap)

    def _show_scores(self, snap: Snapshot) -> None:
        self.envelope.set_snapshot(snap)
        self.ranking.set_snapshot(snap)
        columns = self.ranking.columnCount()
        if columns != self._ranking_columns:  # else kept: measuring again costs ~40 ms
            self._ranking_columns = columns
            self.ranking_table.resizeColumnsToContents()
            dossier_col = self.ranking.column_of("dossier")
            self.ranking_table.setColumnWidth(
                dossier_col,
                min(
                    self.ranking_table.columnWidth(dossier_col),
                    self.fontMetrics().averageCharWidth() * 40,
                ),
            )
        for chart in (self.dots, self.heatmap, self.alternatives):
            chart.set_snapshot(snap)
        self.decision.set_snapshot(snap)
        self.authors_note.setText(self._authors_text(snap))

    def _authors_text(self, snap: Snapshot) -> str:
        """« Saisie des notes en vigueur (sur son appareil / par le secrétariat) : … »"""
        if not snap.authors:
            return ""
        parts = [
            self.tr("{name} {device} / {secretariat}").format(
                name=j.name, device=snap.authors[j.id][0], secretariat=snap.authors[j.id][1]
            )
            for j in snap.state.jurors
            if j.id in snap.authors
        ]
        return self.tr(
            "Saisie des notes en vigueur, sur son appareil / par le secrétariat : {list}."
        ).format(list=" ; ".join(parts))

    def _apply_closing(self, snap: Snapshot) -> None:
        self.blockers.set_blockers(snap.blockers, wording.names_of(snap.state))
        blocked = bool(snap.blockers)
        self.nothing_blocks.setVisible(not blocked and not snap.closed)
        self.blockers_view.setVisible(blocked and not snap.closed)
        self.blockers_hint.setVisible(blocked and not snap.closed)
        self.side_stretch.setVisible(not blocked or snap.closed)
        self.blockers_title.setText(
            self.tr("Délibération close")
            if snap.closed
            else self.tr("Avant de clore : {n} point(s) à régler").format(n=len(snap.blockers))
            if blocked
            else self.tr("Avant de clore")
        )
        # Only what can be done now is shown: close while open; export and reopen once closed.
        self.close_button.setVisible(not snap.closed)
        self.close_button.setEnabled(not snap.closed)
        self.export_button.setVisible(snap.closed)
        self.export_button.setEnabled(snap.closed)
        self.reopen_button.setVisible(snap.closed)
        self.reopen_button.setEnabled(snap.closed)
        self.closing_status.setText(self._closing_text(snap))
        for name, enabled in (
            ("close", not snap.closed),
            ("export", snap.closed),
            ("reopen", snap.closed),
        ):
            self.actions_by_name[name].setEnabled(enabled)

    def _status_text(self, snap: Snapshot) -> str:
        st = snap.state
        parts = []
        if snap.hidden:
            parts.append(self.tr("Notes masquées (à l'aveugle)"))
        elif st.blind:
            parts.append(self.tr("Notes révélées"))
        if snap.closed:
            parts.append(self.tr("close le {when}").format(when=uifmt.datetime_text(st.closed_at)))
        elif st.opened_at:
            parts.append(
                self.tr("ouverte le {when}").format(when=uifmt.datetime_text(st.opened_at))
            )
        else:
            parts.append(self.tr("pas encore ouverte"))
        q = snap.model.quorum
        quorum = (
            self.tr("quorum atteint ({n} présents sur {q} requis)")
            if q.met
            else self.tr("quorum NON atteint ({n} présents sur {q} requis)")
        )
        parts.append(quorum.format(n=q.present, q=q.required))
        w = snap.concordance
        if w is not None and not snap.hidden:  # computed from the scores: after the reveal
            parts.append(self.tr("accord du jury W = {w}").format(w=fmt.number(w, 2)))
        return " · ".join(parts)

    def _closing_text(self, snap: Snapshot) -> str:
        st = snap.state
        lines = []
        if snap.closed:
            lines.append(self.tr("Close le {when}.").format(when=uifmt.datetime_text(st.closed_at)))
        if st.export_seq:
            lines.append(self.tr("Dernier export : n° {n}.").format(n=st.export_seq))
            if not snap.closed:
                lines.append(
                    self.tr("Le prochain export portera le n° {n} et remplacera le n° {m}.").format(
                        n=st.export_seq + 1, m=st.export_seq
                    )
                )
        elif snap.closed:
            lines.append(self.tr("Pas encore exporté."))
        else:
            lines.append(self.tr("Une fois close, la délibération s'exporte en un paquet signé."))
        return "\n".join(lines)

    # ------------------------------------------------------------------ messages

    @Slot(str, list)
    def _show_refusal(self, message: str, details: list[str]) -> None:
        self.info.hide()
        text = message + "".join(f"\n  – {d}" for d in details)
        self.message.setText(text)
        self.message.setAccessibleName(text)
        self.message.show()
        if details:
            self.blockers_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _clear_message(self) -> None:
        for label in (self.message, self.info):
            label.clear()
            label.hide()

    @Slot(str)
    def _action_done(self, action: str) -> None:
        self._clear_message()
        if action == "close":
            self.open_export_dialog()
        elif action == "reopen":
            st = self.snapshot.state
            self._show_info(
                self.tr(
                    "Délibération rouverte. Le prochain export portera le n° {n}{replaces}."
                ).format(
                    n=st.export_seq + 1,
                    replaces=self.tr(" et remplacera le n° {m}").format(m=st.export_seq)
                    if st.export_seq
                    else "",
                )
            )

    def _show_info(self, text: str) -> None:
        self.info.setText(text)
        self.info.setAccessibleName(text)
        self.info.show()

    # ------------------------------------------------------------------ actions

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        page = self.tabs.currentWidget()
        target = {
            self.TAB_RANKING: self.ranking_table,
            self.TAB_DECISION: self.decision.table,
            self.TAB_OPINIONS: self.opinions.dossiers,
        }.get(index)
        (target or page).setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot()
    def _reveal_or_open(self) -> None:
        snap = self.snapshot
        if snap.hidden:
            if self.confirm_reveal():
                self.controller.reveal()
        elif not snap.state.opened_at and not snap.closed:
            self.controller.open()

    @Slot()
    def _decision_edited(self) -> None:
        model = self.decision.model
        self.controller.set_decision(model.laureates(), model.departures())

    @Slot()
    def request_close(self) -> None:
        """Close on the jury's list: refused with the list of blockers, or confirmed."""
        snap = self.snapshot
        if snap.closed:
            return
        self.opinions.commit_pending()
        if not snap.blockers and not self.confirm_close(snap):
            return
        self.controller.close()

    def confirm_reveal(self) -> bool:
        """Ask before revealing: it cannot be undone (tests replace this)."""
        from jury_desk.ui import dialogs

        return bool(
            dialogs.confirm(
                self,
                self.tr("Révéler les notes"),
                self.tr(
                    "Révéler toutes les notes de la session ? Cela ouvre la délibération ; les valeurs deviennent "
                    "visibles ici et sur l'écran partagé. Ce choix est définitif et journalisé."
                ),
                self.tr("Révéler"),
                self.tr("Annuler"),
            )
        )

    def confirm_close(self, snap: Snapshot) -> bool:
        """Ask before closing, with the checklist of what to look at (tests replace this)."""
        from jury_desk.ui import dialogs
        from jury_desk.ui.deliberation.closing import ClosingChecklistDialog, checklist_lines

        warnings = checklist_lines(snap)
        if warnings and not dialogs.HEADLESS:
            dialog = ClosingChecklistDialog(snap, [], self)
            dialog.hearingRequested.connect(self.enter_hearing_afterwards)
            self.controller.changed.connect(dialog.refresh)
            try:
                return dialog.exec() == QDialog.DialogCode.Accepted
            finally:
                self.controller.changed.disconnect(dialog.refresh)
                dialog.deleteLater()
        lines = [
            self.tr("Lauréats : {n}, pour un total de {total}.").format(
                n=len(snap.decision.laureates), total=fmt.euros(snap.granted_total_cents)
            )
        ]
        if warnings:
            lines.append(self.tr("À vérifier :") + "\n" + "\n".join(f"– {w}" for w in warnings))
        lines.append(
            self.tr(
                "Après la clôture, toute modification demandera de rouvrir la délibération "
                "avec un motif, inscrit au journal d'audit."
            )
        )
        return bool(
            dialogs.confirm(
                self,
                self.tr("Clore la délibération"),
                "\n\n".join(lines),
                self.tr("Clore"),
                self.tr("Annuler"),
            )
        )

    @Slot(str)
    def enter_hearing_afterwards(self, dossier_id: str) -> bool:
        """A hearing held without the timer: its start, durations and reason (a dialog)."""
        from jury_desk.ui.deliberation.closing import HearingAfterwardsDialog

        dialog = HearingAfterwardsDialog(self.snapshot, dossier_id, self)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            values = dialog.values()
        finally:
            dialog.deleteLater()
        self.controller.record_hearing_afterwards(**values)
        return True

    @Slot()
    def open_export_dialog(self) -> ExportDialog | None:
        if not self.snapshot.closed:
            self._show_refusal(
                self.tr("Closez d'abord la délibération : l'export porte sur la décision close."),
                [],
            )
            return None
        if self.export_dialog is not None and self.export_dialog.running:
            self.export_dialog.raise_()
            return self.export_dialog
        from jury_desk.ui.deliberation.export_dialog import ExportDialog

        dialog = ExportDialog(self.desk, self.session_id, self, writer=self.controller.writer)
        dialog.written.connect(lambda _report: self.controller.exported())
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.export_dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def request_reopen(self) -> None:
        if not self.snapshot.closed:
            return
        reason = ReasonDialog.ask(
            self,
            self.tr("Rouvrir la délibération"),
            self.tr(
                "Pourquoi rouvrir la délibération ? Le motif est inscrit au journal d'audit ; "
                "un nouvel export, numéroté, remplacera le précédent."
            ),
            self.tr("Rouvrir"),
        )
        if reason:
            self.controller.reopen(reason)

    # ------------------------------------------------------------------ navigation

    @Slot()
    def _ranking_activated(self) -> None:
        index = self.ranking_table.currentIndex()
        did = index.data(DOSSIER_ID_ROLE) if index.isValid() else None
        if did:
            self.show_tab(self.TAB_DECISION)
            self.decision.focus_dossier(did, DecisionModel.LAUREATE, edit=False)

    @Slot()
    def _blocker_activated(self) -> None:
        index = self.blockers_view.currentIndex()
        if index.isValid():
            self.go_to_blocker(index.row())

    def go_to_blocker(self, row: int) -> None:
        """Lead to the place where a blocker is fixed."""
        b = self.blockers.blocker(row)
        code = self.blockers.index(row).data(KIND_ROLE)
        if code == "quorum":
            self.navigateRequested.emit("attendance", "", "")
            self._show_info(
                self.tr("Le quorum se règle dans les présences, sur la console d'audition.")
            )
            return
        if code == "laureate_not_heard" and b.dossier_id:
            # The hearing is recorded on the console (timer), or the laureate taken off here.
            self.navigateRequested.emit("hearing", b.dossier_id, "")
            return
        self.show_tab(self.TAB_DECISION)
        if b.dossier_id:
            column = (
                DecisionModel.GRANTED
                if code in ("negative_amount",)
                else DecisionModel.JUSTIFICATION
            )
            if code in ("invalid_laureate", "duplicate_laureate", "unknown_dossier"):
                column = DecisionModel.LAUREATE
            self.decision.focus_dossier(b.dossier_id, column, edit=column != DecisionModel.LAUREATE)
            if code == "invalid_without_reason" and b.juror_id:
                # Either the sheet is entered on the console, or a reason is written here.
                self.navigateRequested.emit("scores", b.dossier_id, b.juror_id)
        else:  # over the envelope or the count: the list itself
            self.decision.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------------ shared screen

    def shared_panel(self) -> SharedDeliberationPanel:
        """The page for the shared screen, following this view."""
        if self._shared_panel is None:
            self._shared_panel = SharedDeliberationPanel(self.controller)
            self._shared_panel.set_picture(self.picture_combo.currentData())
        return self._shared_panel

    def set_shared_screen(self, screen: Any) -> None:
        """The application's shared screen (``set_page(widget)``, ``show_hearing()``)."""
        self._shared_screen = screen
        self.project_button.setEnabled(screen is not None)

    @Slot(bool)
    def _project_toggled(self, on: bool) -> None:
        screen = self._shared_screen
        if screen is None:
            if on:
                self.project_button.setChecked(False)
                self._show_info(self.tr("Aucun écran partagé n'est ouvert."))
            return
        if on:
            screen.set_page(self.shared_panel())
            self.project_button.setText(self.tr("Revenir à l'audition"))
        else:
            screen.show_hearing()
            self.project_button.setText(self.tr("Projeter"))

    @Slot(str)
    def _shared_screen_taken(self, _mode: str) -> None:
        if self.project_button.isChecked():
            self.project_button.blockSignals(True)
            self.project_button.setChecked(False)
            self.project_button.blockSignals(False)
            self.project_button.setText(self.tr("Projeter"))

    @Slot(int)
    def _picture_changed(self, _index: int) -> None:
        if self._shared_panel is not None and not self._shared_panel.set_picture(
            self.picture_combo.currentData()
        ):
            self._show_info(
                self.tr(
                    "Les notes sont masquées : cette image sera projetée après leur révélation."
                )
            )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._page_keys(True)
        if self._read_at_build:  # the first showing follows the reading the page was built on
            self._read_at_build = False
            return
        # The page shows its last reading at once (kept current by the hub's signals) and
        # reads again off the GUI thread: on a 300-dossier session a reading is ~180 ms.
        self.controller.refresh_in_background()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:  # larger text: the ranking measured again
            self._ranking_columns = -1
            snap = self.controller.latest
            if snap is not None and not snap.hidden:
                self._show_scores(snap)
        super().changeEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._page_keys(False)

    def _page_keys(self, on: bool) -> None:
        for name, action in self.actions_by_name.items():
            if name in ("close", "export", "reopen"):
                continue  # these follow the deliberation's state (_apply)
            action.setEnabled(on)
