"""Wires the scoring grid: a committed cell → one ordered write → « enregistré ».

A value is shown as saved only once ``Desk.record_score`` (or ``clear_score``) has
returned, which is after the commit (WAL, ``synchronous=FULL``). Writes go through the
session's single writer thread, in the order typed. Undo (Ctrl+Z) re-writes the
previous value of the last change made here, as a new audited correction.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from datetime import datetime
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from jury_desk.core import fmt
from jury_desk.core.errors import UserError
from jury_desk.core.records import record
from jury_desk.core.state import ScoreWrite, format_value
from jury_desk.qt.core import QModelIndex, QObject, Qt, QTimer, Signal, Slot
from jury_desk.ui import dialogs, wording
from jury_desk.ui.actions import Actions
from jury_desk.ui.announce import announce
from jury_desk.ui.context import SessionContext
from jury_desk.ui.models import ScoringGridModel, kind_label

if TYPE_CHECKING:
    from jury_desk.ui.scoring_grid import ScoringGridView

log = logging.getLogger(__name__)

UNDO_ACTOR = "secretariat (annulation)"


@record
class Change:
    dossier_id: str
    juror_id: str
    criterion_id: str
    previous: Fraction | None
    value: Fraction | None


class ScoringController(QObject):
    # Emitted once a value is durable: dossier, juror, criterion, value text ("" when cleared).
    saved = Signal(str, str, str, str)

    def __init__(
        self,
        ctx: SessionContext,
        grid: Callable[[], ScoringGridView],
        model: ScoringGridModel,
        actions: Actions,
        parent: QObject | None = None,
    ) -> None:
        """``grid`` gives the scoring page, built if it was not (the console builds it
        when first asked for, once painted at the latest); the page is wired here when
        it is built (``attach``), the model and the actions at once."""
        super().__init__(parent)
        self.ctx = ctx
        self._grid = grid
        self._view: ScoringGridView | None = None
        self.model = model
        self.actions = actions
        self.undo_stack: list[Change] = []
        self._comment_key: tuple[str, str] | None = None  # (dossier, juror) the box is showing
        model.valueCommitted.connect(self._write)
        actions.undo.triggered.connect(self.undo)
        actions.reveal.triggered.connect(self.reveal)
        actions.blind.triggered.connect(self._blind_action)
        actions.validate_sheets.triggered.connect(self.validate_sheets)
        self.sync_flags()

    @property
    def view(self) -> ScoringGridView:
        """The scoring page, built and wired if it was not."""
        if self._view is None:
            self.attach(self._grid())
        assert self._view is not None
        return self._view

    def attach(self, view: ScoringGridView) -> None:
        """Wire the scoring page, once built (again: nothing)."""
        if self._view is view:
            return
        self._view = view
        model = self.model
        view.set_model(model)
        view.set_actions(self.actions.undo, self.actions.deport, self.actions.validate_sheets)
        view.table.clearRequested.connect(self._clear)
        view.table.blockedInput.connect(self._blocked)
        view.delegate.message.connect(self._typing_message)
        model.modelReset.connect(lambda: view.show_message(""))
        view.table.selectionModel().currentChanged.connect(self._current_changed)
        model.modelReset.connect(self._load_comment)
        view.comment.submit.connect(self.save_comment)
        view.blind.clicked.connect(self._blind_clicked)
        view.reveal.clicked.connect(self.reveal)
        # The page's own widgets as the session is; the actions keep the state they have
        # (the window enables them when a session opens, as when the page was built
        # with the console).
        self._sync_view()
        self.update_summary()
        self._load_comment()

    def disconnect_all(self) -> None:
        for a, slot in (
            (self.actions.undo, self.undo),
            (self.actions.reveal, self.reveal),
            (self.actions.blind, self._blind_action),
            (self.actions.validate_sheets, self.validate_sheets),
        ):
            with contextlib.suppress(RuntimeError, TypeError):
                a.triggered.disconnect(slot)

    # ------------------------------------------------------------------ state

    def sync_flags(self) -> None:
        st = self.ctx.st
        can_toggle = not st.revealed and not st.closed
        self.actions.blind.setChecked(st.blind)
        self.actions.blind.setEnabled(can_toggle)
        self.actions.reveal.setEnabled(st.blind and not st.revealed and not st.closed)
        self._sync_view()
        self.actions.undo.setEnabled(bool(self.undo_stack) and not st.closed)
        self.actions.validate_sheets.setEnabled(not st.closed)
        self.update_summary()

    def _sync_view(self) -> None:
        """The blind box and the reveal button, if the page is built (else when it is)."""
        view = self._view
        if view is None:
            return
        st = self.ctx.st
        view.blind.setChecked(st.blind)
        view.blind.setEnabled(not st.revealed and not st.closed)
        view.reveal.setVisible(st.blind)
        view.reveal.setEnabled(st.blind and not st.revealed and not st.closed)
        if st.revealed:
            view.reveal.setText(self.tr("Notes révélées"))

    def update_summary(self) -> None:
        if self._view is None:
            return  # the page is not built: it will be when it is
        comp = self.model.completeness()
        counting = [c for c in comp if c[3]]
        done = sum(1 for c in counting if c[1] == c[2] and c[2])
        text = self.tr("Fiches complètes : {done} sur {n}").format(done=done, n=len(counting))
        sealed = sum(1 for c in counting if self.model.is_sealed(c[0]))
        if sealed:
            text += " — " + self.tr("{n} validée(s)").format(n=sealed)
        off = len(comp) - len(counting)
        if off:
            text += " — " + self.tr("{off} juré(s) ne notent pas ce dossier").format(off=off)
        if self.model.masked:
            text += " — " + self.tr("valeurs masquées (notation à l’aveugle)")
        self.view.summary.setText(text)

    # ------------------------------------------------------------------ writing values

    @Slot(str, str, str, object)
    def _write(
        self,
        dossier_id: str,
        juror_id: str,
        criterion_id: str,
        value: Fraction | None,
        actor: str = "secretariat",
        record_undo: bool = True,
        reason: str | None = None,
    ) -> None:
        if reason is None and (dossier_id, juror_id) in self.ctx.st.sealed:
            # Asked once the grid's editor has closed (this runs inside its commit).
            QTimer.singleShot(
                0,
                lambda: self._ask_reason(
                    dossier_id, juror_id, criterion_id, value, actor, record_undo
                ),
            )
            return
        desk, sid = self.ctx.desk, self.ctx.sid
        fn: Any = desk.clear_score if value is None else desk.record_score
        args: tuple[Any, ...] = (sid, dossier_id, juror_id, criterion_id)
        if value is not None:
            args = (*args, value)
        self.ctx.writer.submit(
            fn,
            *args,
            actor=actor,
            reason=reason,
            on_done=lambda w: self._saved(w, record_undo),
            on_error=lambda exc: self._failed(dossier_id, juror_id, criterion_id, exc),
        )

    def _ask_reason(
        self,
        dossier_id: str,
        juror_id: str,
        criterion_id: str,
        value: Fraction | None,
        actor: str,
        record_undo: bool,
    ) -> None:
        """A validated sheet: the change is written with its reason, or given up."""
        criterion, juror = self._names(juror_id, criterion_id)
        if value is None:
            what = self.tr("Effacer « {criterion} » de {juror}.")
        elif self.model.masked:
            what = self.tr("Modifier « {criterion} » de {juror}.")
        else:
            what = self.tr("Modifier « {criterion} » de {juror} : {value}.")
        what = what.format(
            criterion=criterion, juror=juror, value="" if value is None else format_value(value)
        )
        reason = dialogs.ask_sealed_change_reason(self.view, what)
        self.view.table.setFocus()  # the keyboard back in the grid, whatever the answer
        if reason is None:
            if self.model.dossier_id == dossier_id:
                saved = self.model.saved_value(juror_id, criterion_id)
                self.model.mark_saved(juror_id, criterion_id, saved)
                self.view.table.go(self.model.index_of(juror_id, criterion_id))
            self.view.say(
                self.tr("Modification abandonnée : la feuille de {juror} est validée.").format(
                    juror=juror
                ),
                assertive=True,
            )
            return
        self._write(dossier_id, juror_id, criterion_id, value, actor, record_undo, reason)

    @Slot()
    def validate_sheets(self) -> None:
        """Seal the complete sheets of this dossier not yet validated (laptop-typed sheets
        are validated at the end of the hearing, as a juror's device does for its own)."""
        st, did = self.ctx.st, self.model.dossier_id
        if not did or st.closed:
            return
        jurors = [
            j
            for j, filled, total, available in self.model.completeness()
            if available and total and filled == total and not self.model.is_sealed(j)
        ]
        if not jurors:
            self.view.say(
                self.tr("Aucune feuille complète à valider pour ce dossier."), assertive=True
            )
            return
        names = ", ".join(st.juror(j).name for j in jurors)
        if not dialogs.confirm(
            self.view,
            self.tr("Valider les feuilles"),
            self.tr(
                "Valider les feuilles complètes de : {names} ?\n\nUne modification ultérieure "
                "de ces feuilles demandera un motif, inscrit au procès-verbal."
            ).format(names=names),
            self.tr("&Valider"),
        ):
            return
        desk, sid = self.ctx.desk, self.ctx.sid

        def write() -> list[str]:
            return [j for j in jurors if desk.validate_sheet(sid, did, j)]

        def done(_newly: list[str]) -> None:
            for j in jurors:
                st.sealed.add((did, j))
                if self.model.dossier_id == did:
                    self.model.set_sealed(j)
            self.update_summary()
            self.ctx.hub.scoresChanged.emit(did)
            self.view.say(self.tr("Feuilles validées : {names}.").format(names=names))

        def failed(exc: BaseException) -> None:
            self.ctx.hub.scoresChanged.emit(did)  # those sealed before the refusal show
            if isinstance(exc, UserError):
                dialogs.show_user_error(self.view, exc)
            else:
                self.ctx.writer.unhandled(exc)

        self.ctx.writer.submit(write, on_done=done, on_error=failed)

    def _saved(self, w: ScoreWrite, record_undo: bool) -> None:
        key = (w.dossier_id, w.juror_id, w.criterion_id)
        if w.value is None:
            self.ctx.st.scores.pop(key, None)
        else:
            self.ctx.st.scores[key] = w.value
        if self.model.dossier_id == w.dossier_id:
            self.model.mark_saved(w.juror_id, w.criterion_id, w.value)
        if record_undo:
            self.undo_stack.append(Change(*key, w.previous, w.value))
        self.actions.undo.setEnabled(bool(self.undo_stack))
        self.update_summary()
        self._say_saved(w, record_undo)
        self.ctx.hub.scoresChanged.emit(w.dossier_id)
        self.saved.emit(*key, "" if w.value is None else format_value(w.value))

    def _failed(
        self, dossier_id: str, juror_id: str, criterion_id: str, exc: BaseException
    ) -> None:
        if not isinstance(exc, UserError):
            self.ctx.writer.unhandled(exc)
            message = self.tr("La valeur n’a pas été enregistrée (erreur inattendue).")
        else:
            message = wording.error(exc)
        if self.model.dossier_id == dossier_id:
            self.model.mark_failed(juror_id, criterion_id, message)
        self.view.say(self.tr("Non enregistré — {message}").format(message=message), assertive=True)

    def _names(self, juror_id: str, criterion_id: str) -> tuple[str, str]:
        c = next(c for c in self.ctx.st.criteria if c.id == criterion_id)
        return c.label, self.ctx.st.juror(juror_id).name

    def _say_saved(self, w: ScoreWrite, record_undo: bool) -> None:
        """« Caractère innovant, Corinne Malabre : 3, enregistré » (« saisi » when blind)."""
        if not record_undo:
            return  # an undo says its own sentence
        criterion, juror = self._names(w.juror_id, w.criterion_id)
        if w.value is None:
            self.view.say(
                self.tr("Effacé : « {criterion} » de {juror}.").format(
                    criterion=criterion, juror=juror
                )
            )
            return
        shown = self.tr("saisi") if self.model.masked else format_value(w.value)
        text = self.tr("{criterion}, {juror} : {value}, enregistré").format(
            criterion=criterion, juror=juror, value=shown
        )
        self.view.show_message("")  # an old refusal no longer applies
        announce(self.view.message, text)

    @Slot(str)
    def _typing_message(self, text: str) -> None:
        # A refused keystroke is said at once (the text stays as typed).
        if text:
            announce(self.view.message, text, assertive=True)

    @Slot(QModelIndex)
    def _blocked(self, index: QModelIndex) -> None:
        juror_id, _criterion_id = self.model.key(index)
        name = self.model.juror(index.column()).name
        off = self.model.off_reason(juror_id)
        if off is not None:
            kind, reason = off
            text = self.tr(
                "{juror} ne note pas ce dossier ({kind} — {reason}) : cette case ne prend pas "
                "de saisie."
            ).format(juror=name, kind=kind_label(kind), reason=reason)
        else:
            text = self.tr("La session est close : les notes ne se modifient plus.")
        self.view.say(text, assertive=True)

    @Slot(QModelIndex)
    def _clear(self, index: QModelIndex) -> None:
        if not index.isValid() or not self.model.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return
        juror_id, criterion_id = self.model.key(index)
        if self.model.saved_value(juror_id, criterion_id) is None:
            return
        self.model.mark_pending(juror_id, criterion_id, None)
        self._write(self.model.dossier_id, juror_id, criterion_id, None)

    @Slot()
    def undo(self) -> None:
        if not self.undo_stack or self.ctx.st.closed:
            return
        ch = self.undo_stack.pop()
        self.actions.undo.setEnabled(bool(self.undo_stack))
        if self.model.dossier_id == ch.dossier_id:
            self.model.mark_pending(ch.juror_id, ch.criterion_id, ch.previous)
            # Back to the undone cell, so the next keystroke corrects it if need be.
            self.view.table.go(self.model.index_of(ch.juror_id, ch.criterion_id))
        self._write(
            ch.dossier_id,
            ch.juror_id,
            ch.criterion_id,
            ch.previous,
            actor=UNDO_ACTOR,
            record_undo=False,
        )
        c = next(c for c in self.ctx.st.criteria if c.id == ch.criterion_id)
        j = self.ctx.st.juror(ch.juror_id)
        if self.model.masked:
            shown = (
                self.tr("valeur précédente (masquée)")
                if ch.previous is not None
                else self.tr("vide")
            )
        else:
            shown = format_value(ch.previous) if ch.previous is not None else self.tr("vide")
        self.view.say(
            self.tr("Annulé : « {criterion} » de {juror} revient à {value}.").format(
                criterion=c.label, juror=j.name, value=shown
            )
        )

    # ------------------------------------------------------------------ comments

    @Slot(QModelIndex, QModelIndex)
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            juror = self.model.juror(current.column())
            if self._comment_key != (self.model.dossier_id, juror.id):
                self.save_comment()
                self._show_comment(juror.id)

    @Slot()
    def _load_comment(self) -> None:
        self._comment_key = None
        cur = self.view.table.currentIndex()
        if self.model.columnCount():
            col = cur.column() if cur.isValid() else 0
            self._show_comment(self.model.juror(col).id)
        else:
            self.view.comment.clear()

    def _show_comment(self, juror_id: str) -> None:
        j = self.ctx.st.juror(juror_id)
        self._comment_key = (self.model.dossier_id, juror_id)
        self.view.comment_label.setText(self.tr("Commentaire de {name}").format(name=j.name))
        self.view.comment.setPlainText(self.model.comment(juror_id))
        off = self.model.off_reason(juror_id)
        self.view.comment.setReadOnly(off is not None or self.ctx.st.closed)
        self.view.comment_state.setText("")

    @Slot()
    def save_comment(self) -> None:
        key = self._comment_key
        if key is None or self.view.comment.isReadOnly():
            return
        dossier_id, juror_id = key
        text = self.view.comment.toPlainText().strip()
        saved = self.ctx.st.comments.get((dossier_id, juror_id), "")
        if text == saved:
            return
        self.view.comment_state.setText(self.tr("enregistrement…"))

        def done(_: object) -> None:
            if text:
                self.ctx.st.comments[(dossier_id, juror_id)] = text
            else:
                self.ctx.st.comments.pop((dossier_id, juror_id), None)
            if self.model.dossier_id == dossier_id:
                self.model.set_comment_saved(juror_id, text)
            if self._comment_key == key:
                self.view.comment_state.setText(
                    self.tr("Commentaire enregistré ✓ {time}").format(time=fmt.time_hm(_now()))
                )
            self.ctx.hub.commentsChanged.emit(dossier_id, juror_id)

        def failed(exc: BaseException) -> None:
            self.view.comment_state.setText(self.tr("Commentaire NON enregistré"))
            if isinstance(exc, UserError):
                dialogs.show_user_error(self.view, exc)
            else:
                self.ctx.writer.unhandled(exc)

        self.ctx.writer.submit(
            self.ctx.desk.set_comment,
            self.ctx.sid,
            dossier_id,
            juror_id,
            text,
            on_done=done,
            on_error=failed,
        )

    # ------------------------------------------------------------------ blind mode

    @Slot(bool)
    def _blind_clicked(self, checked: bool) -> None:
        self.set_blind(checked)

    @Slot(bool)
    def _blind_action(self, checked: bool) -> None:
        self.set_blind(checked)

    def set_blind(self, on: bool) -> None:
        st = self.ctx.st
        if on == st.blind or st.revealed or st.closed:
            self.sync_flags()
            return
        if not on and not dialogs.confirm(
            self.view,
            self.tr("Notation à l’aveugle"),
            self.tr(
                "Désactiver la notation à l’aveugle ? Les valeurs déjà saisies deviendront visibles "
                "ici et sur l’écran partagé."
            ),
            self.tr("Désactiver"),
        ):
            self.sync_flags()
            return

        def done(_: object) -> None:
            self.ctx.st.blind = on
            self.model.set_masked(on and not self.ctx.st.revealed)
            self.sync_flags()
            self.ctx.hub.blindChanged.emit(on)

        def failed(exc: BaseException) -> None:
            self.sync_flags()
            self.ctx.writer.unhandled(exc)

        self.ctx.writer.submit(
            self.ctx.desk.set_blind, self.ctx.sid, on, on_done=done, on_error=failed
        )

    @Slot()
    def reveal(self) -> None:
        st = self.ctx.st
        if not st.blind or st.revealed or st.closed:
            return
        if not dialogs.confirm(
            self.view,
            self.tr("Révéler les notes"),
            self.tr(
                "Révéler toutes les notes de la session ? Cela ouvre la délibération ; les valeurs "
                "deviennent visibles ici et sur l’écran partagé. Ce choix est définitif et journalisé."
            ),
            self.tr("Révéler"),
        ):
            return

        def done(_: object) -> None:
            self.ctx.reload()
            self.model.set_masked(False)
            self.sync_flags()
            self.ctx.hub.revealChanged.emit(True)

        self.ctx.writer.submit(self.ctx.desk.reveal, self.ctx.sid, on_done=done)


def _now() -> datetime:
    return datetime.now().astimezone()
