"""Wires the secretary's console for one open session: navigation, dossier panel,
attachments, timer, scoring, attendance, recusals and « déport », the shared screen
and the deliberation page."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

from jury_desk.core import quickread, readmodel
from jury_desk.core.errors import UserError
from jury_desk.core.readmodel import Quorum
from jury_desk.qt.core import QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal, Slot
from jury_desk.ui import dialogs, uifmt
from jury_desk.ui.actions import Actions
from jury_desk.ui.console import ConsoleView, DeliberationPlaceholder
from jury_desk.ui.context import SessionContext
from jury_desk.ui.devices_controller import DevicesController
from jury_desk.ui.first_paint import FIRST_PAINT_FALLBACK_MS, AfterFirstPaint
from jury_desk.ui.models import AttendanceModel, HearingOrderModel, RecusalModel, ScoringGridModel
from jury_desk.ui.paper_controller import PaperController
from jury_desk.ui.scoring_controller import ScoringController
from jury_desk.ui.shared_presenter import SharedPresenter, build_frame
from jury_desk.ui.shared_screen import SharedScreen
from jury_desk.ui.timer import Clock, Status
from jury_desk.ui.timer_controller import TimerController

if TYPE_CHECKING:
    from jury_desk.ui.deliberation import DeliberationView as DeliberationView
    from jury_desk.ui.deliberation.controller import Snapshot as Snapshot

log = logging.getLogger(__name__)


class ConsoleController(QObject):
    currentChanged = Signal(str)
    deliberationReady = Signal(object)  # the DeliberationView, once built

    def __init__(
        self,
        ctx: SessionContext,
        view: ConsoleView,
        shared: SharedScreen,
        actions: Actions,
        clock: Clock,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view = view
        self.shared = shared
        self.actions = actions
        self.current: str | None = None
        self._deliberation: DeliberationView | None = None
        self._deliberation_reading: DeliberationPlaceholder | None = None

        self.order_model = HearingOrderModel(self)
        self.grid_model = ScoringGridModel(self)
        self.attendance_model = AttendanceModel(self)
        self.recusal_model = RecusalModel(self)
        self._quorum: tuple[int, int, int, bool, bool] | None = None  # as the page shows it
        view.order.setModel(self.order_model)
        view.finish_order_setup()

        self.presenter = SharedPresenter(ctx, shared)
        self.timer = TimerController(ctx, actions, view.timer, clock, self)
        # The scoring and attendance pages are wired when built (_page_built): when first
        # asked for, or once the console is painted.
        self.scoring = ScoringController(ctx, lambda: view.grid, self.grid_model, actions, self)
        self.paper = PaperController(self, self)
        self.devices = DevicesController(self, self)
        view.pageBuilt.connect(self._page_built)
        AfterFirstPaint(view, view.after_first_paint, fallback_ms=FIRST_PAINT_FALLBACK_MS)

        view.order.selectionModel().currentRowChanged.connect(self._order_row_changed)
        view.tabs.currentChanged.connect(self._tab_changed)
        self.attendance_model.presenceRequested.connect(self.set_present)
        self._connections = [
            (actions.prev_dossier.triggered, self.previous_dossier),
            (actions.next_dossier.triggered, self.next_dossier),
            (actions.deport.triggered, self.deport),
            (actions.page_hearing.triggered, lambda: self.show_page(ConsoleView.TAB_HEARING)),
            (actions.page_scoring.triggered, lambda: self.show_page(ConsoleView.TAB_SCORING)),
            (actions.page_attendance.triggered, lambda: self.show_page(ConsoleView.TAB_ATTENDANCE)),
            (
                actions.page_deliberation.triggered,
                lambda: self.show_page(ConsoleView.TAB_DELIBERATION),
            ),
            (actions.shared_scoring.triggered, self._shared_scoring_toggled),
            (ctx.hub.scoresChanged, self._scores_changed),
            (ctx.hub.hearingChanged, self._hearing_changed),
            (ctx.hub.revealChanged, self._reveal_changed),
            (ctx.hub.currentDossierChanged, self._show_leaving),
            (ctx.hub.recusalsChanged, self._show_leaving),
            (ctx.hub.attendanceChanged, self._show_leaving),
        ]
        for sig, slot in self._connections:
            sig.connect(slot)
        self.refresh_all()
        start = (
            ctx.st.current_dossier_id
            if ctx.st.current_dossier_id in {d.id for d in ctx.st.dossiers}
            else None
        )
        if start is None and ctx.st.dossiers:
            start = self._first_unheard()
        self.select(start, persist=False)
        for tab in ConsoleView.LATE_PAGES:  # any built before the wiring above
            if view.is_built(tab):
                self._page_built(tab)

    @Slot(int)
    def _page_built(self, tab: int) -> None:
        """Wire a page the view has just built, and show it the session as it is."""
        view = self.view
        if tab == ConsoleView.TAB_SCORING:
            self.scoring.attach(view.grid)
            self._grid_on_dossier()
        elif tab == ConsoleView.TAB_ATTENDANCE:
            page = view.attendance
            page.list.setModel(self.attendance_model)
            page.recusals.setModel(self.recusal_model)
            page.finish_setup()
            # Filled again after the setup, as when the page was built with the console
            # (a reset of the model sizes the columns anew).
            self.recusal_model.set_state(self.ctx.st)
            page.deport_button.setDefaultAction(self.actions.deport)
            page.all_present.clicked.connect(self.all_present)
            page.withdraw.clicked.connect(self.withdraw_selected)
            if self._quorum is not None:
                n, total, q, taken, ok = self._quorum
                page.show_quorum(n, total, q, taken, met=ok)

    def _grid_on_dossier(self) -> None:
        """The scoring page on the dossier in hand: its title, the cursor on its first
        open cell (the grid's model is on it already)."""
        d = self.ctx.st.dossier(self.current) if self.current else None
        grid = self.view.grid
        grid.title.setText(f"{d.hearing_order}. {d.title}" if d is not None else "")
        grid.table.go(grid.table.first_open_cell())

    def close(self) -> None:
        """Disconnect from the shared objects (actions, hub) before the console goes away."""
        self.scoring.save_comment()
        for sig, slot in self._connections:
            with contextlib.suppress(RuntimeError, TypeError):
                sig.disconnect(slot)
        self.timer.disconnect_all()
        self.scoring.disconnect_all()
        self.paper.disconnect_all()
        self.devices.disconnect_all()
        self.presenter.disconnect_all()

    # ------------------------------------------------------------------ refresh

    def refresh_all(self) -> None:
        st = self.ctx.st
        v = self.view
        v.session_title.setText(st.info.title)
        day = uifmt.long_date(st.info.date)
        v.session_meta.setText(f"{day[:1].upper()}{day[1:]} — {st.info.venue}")
        v.demo_badge.setVisible(st.is_demo)
        ds = readmodel.build(st)  # the statuses and the quorum, as the deliberation has them
        self.order_model.set_state(st, ds)
        v.fit_order_columns()
        self.attendance_model.set_state(st)
        self.recusal_model.set_state(st)
        if self.current:
            self.grid_model.set_state(st, self.current)
        self._show_quorum(ds.quorum)
        self._show_blind()
        self.scoring.sync_flags()
        self.presenter.push()
        self._show_leaving()

    @Slot()
    def _show_leaving(self, *_args: object) -> None:
        """The « X quitte la salle » notice of the dossier in hand, as the projector has it."""
        self.view.show_leaving(
            build_frame(self.ctx.st, self.current).banner if self.current else ""
        )

    def _show_quorum(self, quorum: Quorum) -> None:
        st = self.ctx.st
        n, total, q = quorum.present, len(st.jurors), quorum.required
        ok = quorum.met
        text = (
            self.tr("{n} présents sur {total} · quorum {q} atteint ✓")
            if ok
            else self.tr("{n} présents sur {total} · quorum {q} NON atteint ✗")
        ).format(n=n, total=total, q=q)
        self.view.quorum_badge.setText(text)
        self.view.quorum_badge.setToolTip(
            self.tr("{n} jurés présents sur {total}, quorum : {q}").format(n=n, total=total, q=q)
        )
        self.view.quorum_badge.setObjectName("quorumOk" if ok else "quorumKo")
        self.view.quorum_badge.style().unpolish(self.view.quorum_badge)
        self.view.quorum_badge.style().polish(self.view.quorum_badge)
        self._quorum = (n, total, q, st.attendance_taken, ok)
        if self.view.is_built(ConsoleView.TAB_ATTENDANCE):
            self.view.attendance.show_quorum(n, total, q, st.attendance_taken, met=ok)

    def _show_blind(self) -> None:
        st = self.ctx.st
        if st.blind and not st.revealed:
            self.view.blind_badge.setText(self.tr("● Notation à l’aveugle"))
        elif st.revealed:
            self.view.blind_badge.setText(self.tr("Notes révélées"))
        else:
            self.view.blind_badge.setText("")

    @Slot(str)
    def _scores_changed(self, dossier_id: str) -> None:
        if dossier_id:
            self.order_model.update_dossier(self.ctx.st, dossier_id)
        else:
            self.order_model.set_state(self.ctx.st)

    @Slot(bool)
    def _reveal_changed(self, _revealed: bool) -> None:
        self.reload()

    @Slot(str)
    def _hearing_changed(self, dossier_id: str) -> None:
        self.order_model.set_state(self.ctx.st)
        if dossier_id == self.current:
            d = self.ctx.dossier(dossier_id)
            self.view.dossier.show_dossier(
                d, len(self.ctx.st.dossiers), self.ctx.st.hearings.get(dossier_id)
            )

    def reload(self) -> None:
        self.ctx.reload()
        self.refresh_all()
        self._show_blind()

    def show_interrupted(self, count: int) -> None:
        if count:
            self.view.show_banner(
                self.tr(
                    "{n} audition(s) interrompue(s) par un arrêt de l’application : "
                    "le chronomètre est en pause au dernier temps enregistré ; F5 pour "
                    "reprendre."
                ).format(n=count)
            )

    # ------------------------------------------------------------------ navigation

    def _first_unheard(self) -> str | None:
        ids = self.ctx.dossier_ids()
        for did in ids:
            h = self.ctx.st.hearings.get(did)
            if h is None or h.state != "entendu":
                return did
        return ids[0] if ids else None

    @Slot(QModelIndex, QModelIndex)
    def _order_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        did = self.order_model.dossier_id(current.row())
        if did != self.current and not self.select(did):
            # Refused (« Annuler »): put the highlight back on the dossier in hand, once the
            # view has finished selecting the row it moved to (done now, it stayed there).
            self._select_row(self.current)
            QTimer.singleShot(0, lambda: self._select_row(self.current))

    def _select_row(self, dossier_id: str | None) -> None:
        if dossier_id is None:
            return
        row = self.order_model.row_of(dossier_id)
        if row >= 0:
            sm = self.view.order.selectionModel()
            sm.blockSignals(True)
            sm.setCurrentIndex(
                self.order_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            sm.blockSignals(False)
            self.view.order.viewport().update()

    def select(self, dossier_id: str | None, persist: bool = True) -> bool:
        """Make ``dossier_id`` the current dossier of the console and of the shared screen."""
        if dossier_id == self.current and dossier_id is not None:
            return True
        if self.timer.timer.status is Status.RUNNING and self.current is not None:
            title = self.ctx.dossier(self.current).title
            if not dialogs.confirm(
                self.view,
                self.tr("Audition en cours"),
                self.tr(
                    "L’audition de « {title} » est en cours. Mettre le chronomètre en pause et changer "
                    "de dossier ?"
                ).format(title=title),
                self.tr("Mettre en pause et changer"),
            ):
                return False
            self.timer.pause_if_running()
        self.scoring.save_comment()
        self.current = dossier_id
        st = self.ctx.st
        self.order_model.set_current(dossier_id or "")
        self._select_row(dossier_id)
        d = st.dossier(dossier_id) if dossier_id else None
        self.view.dossier.show_dossier(
            d, len(st.dossiers), st.hearings.get(dossier_id) if dossier_id else None
        )
        if d is not None:
            atts = d.attachments
            self.view.attachments.set_attachments(
                atts,  # the store is read directly: no need to wait for the Desk
                lambda pos: quickread.attachment_content(self.ctx.db_path, atts[pos]),
            )
        else:
            self.view.attachments.set_attachments((), None)
        self.grid_model.set_state(st, dossier_id or "")
        self.scoring.update_summary()
        self.timer.load(dossier_id)
        if self.view.is_built(ConsoleView.TAB_SCORING):  # else when built (_page_built)
            self._grid_on_dossier()
        self.actions.prev_dossier.setEnabled(
            dossier_id is not None and dossier_id != self.ctx.dossier_ids()[0]
        )
        self.actions.next_dossier.setEnabled(
            dossier_id is not None and dossier_id != self.ctx.dossier_ids()[-1]
        )
        if persist and dossier_id is not None:
            self.ctx.writer.submit(self.ctx.desk.set_current_dossier, self.ctx.sid, dossier_id)
        self.ctx.hub.currentDossierChanged.emit(dossier_id or "")
        self.currentChanged.emit(dossier_id or "")
        return True

    @Slot()
    def previous_dossier(self) -> None:
        self._step(-1)

    @Slot()
    def next_dossier(self) -> None:
        self._step(1)

    def _step(self, delta: int) -> None:
        ids = self.ctx.dossier_ids()
        if not ids:
            return
        i = ids.index(self.current) if self.current in ids else -1
        j = max(0, min(len(ids) - 1, i + delta))
        self.select(ids[j])

    def show_page(self, tab: int) -> None:
        self.view.tabs.setCurrentIndex(tab)
        if tab == ConsoleView.TAB_SCORING:
            self.view.grid.table.setFocus()
            if not self.view.grid.table.currentIndex().isValid():
                self.view.grid.table.go(self.view.grid.table.first_open_cell())
        elif tab == ConsoleView.TAB_ATTENDANCE:
            self.view.attendance.list.setFocus()

    @Slot(int)
    def _tab_changed(self, tab: int) -> None:
        if tab == ConsoleView.TAB_DELIBERATION:
            self._ensure_deliberation()
            return
        mode = "scoring" if tab == ConsoleView.TAB_SCORING else "hearing"
        self.actions.shared_scoring.setChecked(mode == "scoring")
        self.shared.show_hearing()
        self.ctx.hub.sharedModeChanged.emit(mode)

    @Slot(bool)
    def _shared_scoring_toggled(self, on: bool) -> None:
        self.ctx.hub.sharedModeChanged.emit("scoring" if on else "hearing")

    @property
    def deliberation(self) -> DeliberationView | None:
        """The deliberation page, once built (it is built at its first showing)."""
        return self._deliberation

    def when_deliberation(self, fn: Callable[[DeliberationView], None]) -> None:
        """``fn(page)`` now if the deliberation page is built, else once it is."""
        if self._deliberation is not None:
            fn(self._deliberation)
            return

        def ready(view: DeliberationView) -> None:
            self.deliberationReady.disconnect(ready)
            fn(view)

        self.deliberationReady.connect(ready)

    def _ensure_deliberation(self) -> None:
        """The page's first showing: « Lecture… » at once, the session read on the reading
        thread, then the page built on that reading (the GUI's loop never waits for it)."""
        if self._deliberation is not None or self._deliberation_reading is not None:
            return
        from jury_desk.ui.deliberation.controller import read_in_background

        waiting = DeliberationPlaceholder(self.view.deliberation_host)
        self._deliberation_reading = waiting
        self.view.deliberation_layout.addWidget(waiting)
        waiting.show()  # now, not at the layout's next turn
        read_in_background(self.ctx.desk, self.ctx.sid, waiting, self._build_deliberation)

    def _build_deliberation(self, future: Future[Snapshot]) -> None:
        from jury_desk.ui.deliberation import DeliberationView

        try:
            snapshot: Snapshot | None = future.result()
        except Exception:  # the page reads again itself, and says what it refuses
            log.warning("the deliberation's first reading failed", exc_info=True)
            snapshot = None
        host = self.view.deliberation_layout
        view = DeliberationView(
            self.ctx.desk,
            self.ctx.sid,
            self.ctx.hub,
            self.view.deliberation_host,
            writer=self.ctx.writer,
            snapshot=snapshot,
            fill_later=True,
        )
        view.set_shared_screen(self.shared)
        view.navigateRequested.connect(self._navigate)

        def fill() -> None:  # the next turn of the loop: the page filled, then shown
            waiting = self._deliberation_reading
            if waiting is None:
                return  # the console closed meanwhile
            view.fill()
            self._deliberation, self._deliberation_reading = view, None
            host.removeWidget(waiting)
            waiting.deleteLater()
            host.addWidget(view)
            view.show()
            if snapshot is not None and snapshot.state.audit_head != self.ctx.st.audit_head:
                view.controller.refresh_in_background()  # written to while it was read
            self.deliberationReady.emit(view)

        QTimer.singleShot(0, view, fill)

    @Slot(str, str, str)
    def _navigate(self, place: str, dossier_id: str, juror_id: str) -> None:
        """The deliberation points at something to fix: go there."""
        if place == "attendance":
            self.show_page(ConsoleView.TAB_ATTENDANCE)
            return
        if dossier_id and self.select(dossier_id):
            self.show_page(ConsoleView.TAB_SCORING)
            if juror_id:
                for col in range(self.grid_model.columnCount()):
                    if self.grid_model.juror(col).id == juror_id:
                        self.view.grid.table.go(self.grid_model.index(0, col))
                        break

    # ------------------------------------------------------------------ attendance

    def _write(self, fn: Any, *args: Any, done: Any = None) -> None:
        def ok(result: Any) -> None:
            self.reload()
            if done:
                done(result)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, UserError):
                dialogs.show_user_error(self.view, exc)
                self.reload()
            else:
                self.ctx.writer.unhandled(exc)

        self.ctx.writer.submit(fn, *args, on_done=ok, on_error=failed)

    @Slot(str, bool)
    def set_present(self, juror_id: str, present: bool) -> None:
        self._write(
            self.ctx.desk.set_present,
            self.ctx.sid,
            juror_id,
            present,
            done=lambda _: self.ctx.hub.attendanceChanged.emit(),
        )

    @Slot()
    def all_present(self) -> None:
        self._write(
            self.ctx.desk.set_attendance,
            self.ctx.sid,
            [],
            done=lambda _: self.ctx.hub.attendanceChanged.emit(),
        )

    # ------------------------------------------------------------------ recusals

    def _selected_juror(self) -> str | None:
        tab = self.view.tabs.currentIndex()
        if tab == ConsoleView.TAB_SCORING:
            idx = self.view.grid.table.currentIndex()
            if idx.isValid():
                return self.grid_model.juror(idx.column()).id
        elif tab == ConsoleView.TAB_ATTENDANCE:
            idx = self.view.attendance.list.currentIndex()
            if idx.isValid():
                return str(self.attendance_model.data(idx, int(Qt.ItemDataRole.UserRole) + 1))
        return None

    @Slot()
    def deport(self) -> None:
        if self.current is None or self.ctx.st.closed:
            return
        st = self.ctx.st
        off = {r.juror_id for r in st.recusals if r.dossier_id == self.current}
        candidates = [j for j in st.jurors if j.id in st.present and j.id not in off]
        if not candidates:
            return
        d = st.dossier(self.current)
        preselect = self._selected_juror()
        dlg = dialogs.DeportDialog(
            candidates, preselect, f"{d.hearing_order}. {d.title}", self.view
        )
        if dialogs.HEADLESS:
            dlg.accept()
        elif dlg.exec() != dialogs.DeportDialog.DialogCode.Accepted:
            return
        juror_id, kind, reason = dlg.values()
        self.record_recusal(juror_id, self.current, kind, reason)

    def record_recusal(self, juror_id: str, dossier_id: str, kind: str, reason: str) -> None:
        def done(_: object) -> None:
            self.ctx.hub.recusalsChanged.emit(juror_id, dossier_id)
            if kind == "conflict":
                self.ctx.hub.deportRecorded.emit(juror_id, dossier_id)
            name = self.ctx.st.juror(juror_id).name
            self.ctx.hub.statusMessage.emit(
                self.tr("Déport enregistré : {name} quitte la salle pour ce dossier.").format(
                    name=name
                )
                if kind == "conflict"
                else self.tr("Absence à l’audition enregistrée : {name}.").format(name=name)
            )

        self._write(
            self.ctx.desk.recuse, self.ctx.sid, juror_id, dossier_id, kind, reason, done=done
        )

    @Slot()
    def withdraw_selected(self) -> None:
        idx = self.view.attendance.recusals.currentIndex()
        if not idx.isValid():
            return
        juror_id, dossier_id = self.recusal_model.key(idx.row())
        if idx.siblingAtColumn(0).data(int(Qt.ItemDataRole.UserRole) + 2) == "bundle":
            dialogs.show_user_error(
                self.view,
                UserError(
                    "bundle_conflict",
                    self.tr(
                        "Un conflit d’intérêts venu du paquet du siège ne peut pas être retiré."
                    ),
                ),
            )
            return
        if not dialogs.confirm(
            self.view,
            self.tr("Retirer le déport"),
            self.tr(
                "Retirer ce déport ? Le juré pourra de nouveau noter ce dossier "
                "(l’opération est journalisée)."
            ),
            self.tr("Retirer"),
        ):
            return
        self._write(
            self.ctx.desk.withdraw_recusal,
            self.ctx.sid,
            juror_id,
            dossier_id,
            done=lambda _: self.ctx.hub.recusalsChanged.emit(juror_id, dossier_id),
        )
