"""The privacy gate between the session and the shared jury screen.

:func:`build_frame` is the only code that reads a ``SessionState`` for the shared
screen. It copies out the dossier's title, the holder's name, the commune and the
priority neighbourhood's name, the criteria, and per cell of the grid either « saisi »
/ « à saisir » or — only when blind scoring is off or the scores are revealed — the
value. Comments, contacts, RNA/SIRET, amounts and summaries are never copied.
"""

from __future__ import annotations

import contextlib

from jury_desk.core.domain import RecusalKind, RecusalSource
from jury_desk.core.state import SessionState, format_value
from jury_desk.qt.core import QCoreApplication, QObject, Slot
from jury_desk.ui.context import SessionContext
from jury_desk.ui.models import SharedCell, SharedGrid, kind_label, unavailable_jurors
from jury_desk.ui.shared_screen import SharedCriterion, SharedFrame, SharedScreen
from jury_desk.ui.timer import TimerView


def values_hidden(st: SessionState) -> bool:
    return st.blind and not st.revealed


def build_frame(st: SessionState, dossier_id: str | None) -> SharedFrame:
    criteria = tuple(
        SharedCriterion(
            c.label,
            c.description,
            QCoreApplication.translate("SharedPresenter", "{min} à {max} · coefficient {w}").format(
                min=format_value(c.min), max=format_value(c.max), w=format_value(c.weight)
            ),
        )
        for c in st.criteria
    )
    hidden = values_hidden(st)
    if not dossier_id:
        return SharedFrame(
            st.info.title,
            st.is_demo,
            "",
            QCoreApplication.translate("SharedPresenter", "En attente du prochain dossier"),
            "",
            "",
            criteria,
            None,
            hidden,
            "",
        )
    d = st.dossier(dossier_id)
    off = unavailable_jurors(st, dossier_id)
    cells = []
    for c in st.criteria:
        row = []
        for j in st.jurors:
            if j.id in off:
                row.append(SharedCell("off"))
                continue
            v = st.scores.get((dossier_id, j.id, c.id))
            if v is None:
                row.append(SharedCell("a_saisir"))
            else:
                row.append(SharedCell("saisi", None if hidden else format_value(v)))
        cells.append(tuple(row))
    n = len(st.criteria)
    complete = tuple(
        (sum(1 for c in st.criteria if (dossier_id, j.id, c.id) in st.scores), n) for j in st.jurors
    )
    grid = SharedGrid(
        criteria=tuple(c.label for c in st.criteria),
        jurors=tuple(j.name for j in st.jurors),
        off=tuple(kind_label(off[j.id][0]) if j.id in off else None for j in st.jurors),
        cells=tuple(cells),
        complete=complete,
        validated=tuple((dossier_id, j.id) in st.sealed for j in st.jurors),
    )
    # Who leaves the room for this dossier (present at the session, recused for it).
    leaving = []
    for r in st.recusals:
        if (
            r.dossier_id != dossier_id
            or r.juror_id not in st.present
            or r.kind is RecusalKind.ABSENT
        ):
            continue
        name = st.juror(r.juror_id).name
        why = (
            QCoreApplication.translate("SharedPresenter", "conflit d’intérêts")
            if r.source is RecusalSource.BUNDLE
            else QCoreApplication.translate("SharedPresenter", "déport")
        )
        leaving.append(
            QCoreApplication.translate(
                "SharedPresenter", "{name} quitte la salle pour ce dossier ({why})."
            ).format(name=name, why=why)
        )
    qpv = (
        QCoreApplication.translate("SharedPresenter", "quartier {name}").format(name=d.qpv_name)
        if d.qpv_name
        else ""
    )
    return SharedFrame(
        session_title=st.info.title,
        is_demo=st.is_demo,
        position=QCoreApplication.translate("SharedPresenter", "Dossier {n} sur {total}").format(
            n=d.hearing_order, total=len(st.dossiers)
        ),
        title=d.title,
        holder=d.holder_name,
        place=", ".join(x for x in (d.commune, qpv) if x),
        criteria=criteria,
        grid=grid,
        blind=hidden,
        banner="\n".join(leaving),
    )


class SharedPresenter(QObject):
    """Keeps the shared screen in step with the console, through the hub."""

    def __init__(self, ctx: SessionContext, screen: SharedScreen) -> None:
        super().__init__(screen)
        self.ctx = ctx
        self.screen = screen
        self.dossier_id: str | None = None
        hub = ctx.hub
        hub.currentDossierChanged.connect(self._on_current)
        for sig in (hub.scoresChanged, hub.hearingChanged):
            sig.connect(self._on_any)
        for sig2 in (hub.recusalsChanged, hub.commentsChanged):
            sig2.connect(self._on_pair)
        hub.attendanceChanged.connect(self.push)
        hub.blindChanged.connect(self._on_flag)
        hub.revealChanged.connect(self._on_flag)
        hub.timerUpdated.connect(self._on_timer)
        hub.sharedModeChanged.connect(self.screen.set_mode)

    def disconnect_all(self) -> None:
        hub = self.ctx.hub
        for sig, slot in (
            (hub.currentDossierChanged, self._on_current),
            (hub.scoresChanged, self._on_any),
            (hub.hearingChanged, self._on_any),
            (hub.recusalsChanged, self._on_pair),
            (hub.commentsChanged, self._on_pair),
            (hub.attendanceChanged, self.push),
            (hub.blindChanged, self._on_flag),
            (hub.revealChanged, self._on_flag),
            (hub.timerUpdated, self._on_timer),
            (hub.sharedModeChanged, self.screen.set_mode),
        ):
            with contextlib.suppress(RuntimeError, TypeError):
                sig.disconnect(slot)

    @Slot(str)
    def _on_current(self, dossier_id: str) -> None:
        self.dossier_id = dossier_id or None
        self.push()

    @Slot(str)
    def _on_any(self, _dossier_id: str) -> None:
        self.push()

    @Slot(str, str)
    def _on_pair(self, _a: str, _b: str) -> None:
        self.push()

    @Slot(bool)
    def _on_flag(self, _v: bool) -> None:
        self.push()

    @Slot(object)
    def _on_timer(self, view: TimerView) -> None:
        self.screen.set_timer(view)

    @Slot()
    def push(self) -> None:
        self.screen.show_frame(build_frame(self.ctx.st, self.dossier_id))
