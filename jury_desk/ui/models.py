"""Item models of the hearing room: hearing order, scoring grid, attendance, recusals,
and the shared screen's restricted grid.

Models hold a snapshot of what they show (taken from ``SessionState``) and never write:
an edit emits a request signal that a controller turns into a write; the model shows
the new value as saved only when told so (:meth:`ScoringGridModel.mark_saved`).
Every model here passes pytest-qt's ``qtmodeltester``.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum
from fractions import Fraction
from typing import Any

from jury_desk.core import readmodel
from jury_desk.core import text as textrules
from jury_desk.core.api import DossierStatus
from jury_desk.core.domain import Criterion, Juror, RecusalKind, RecusalSource, to_fraction
from jury_desk.core.readmodel import DeliberationState
from jury_desk.core.records import record
from jury_desk.core.state import SessionState, format_value
from jury_desk.qt.core import (
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from jury_desk.qt.gui import QBrush, QColor, QFont
from jury_desk.ui import theme, uifmt

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def solid(colour: str) -> QBrush:
    """A plain brush of ``colour``. With the style given, PySide6 takes the one overload it
    needs; from a colour alone it weighs them all, building the gradient and image types
    and their enums on the way (1.2 ms of the first paint)."""
    return QBrush(QColor(colour), Qt.BrushStyle.SolidPattern)


class ShownText:
    """Every text a model shows goes through ``core.text.display``: control, bidi and
    zero-width characters from an older database removed, and the value isolated
    (FSI…PDI) so that a right-to-left name cannot reorder the cells around it."""

    _SHOWN_ROLES = (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole,
    )

    def _data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        raise NotImplementedError

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        value = self._data(index, role)
        if isinstance(value, str) and role in self._SHOWN_ROLES:
            return textrules.display(
                value, multiline="\n" in value, isolate=role == Qt.ItemDataRole.DisplayRole
            )
        return value


class Roles(IntEnum):
    Id = int(Qt.ItemDataRole.UserRole) + 1  # dossier id / juror id / (juror, dossier)
    State = int(Qt.ItemDataRole.UserRole) + 2  # a status code (str)
    Key = int(Qt.ItemDataRole.UserRole) + 3  # (dossier, juror, criterion)
    Reason = int(Qt.ItemDataRole.UserRole) + 4  # why a juror cannot score (str)
    Saved = int(Qt.ItemDataRole.UserRole) + 5  # bool: the shown value is in the database


# --------------------------------------------------------------------------- shared logic

# Dossier states in the hearing order: the read model's (core.deliberation.dossier_status).
A_VENIR, EN_AUDITION, ENTENDU, NOTE, INCOMPLET, INVALIDE = (
    DossierStatus.A_VENIR.value,
    DossierStatus.EN_AUDITION.value,
    DossierStatus.ENTENDU.value,
    DossierStatus.NOTE.value,
    DossierStatus.INCOMPLET.value,
    DossierStatus.INVALIDE.value,
)


def state_label(code: str) -> str:
    return {
        A_VENIR: QCoreApplication.translate("HearingOrderModel", "à venir"),
        EN_AUDITION: QCoreApplication.translate("HearingOrderModel", "en audition"),
        ENTENDU: QCoreApplication.translate("HearingOrderModel", "entendu"),
        NOTE: QCoreApplication.translate("HearingOrderModel", "noté"),
        INCOMPLET: QCoreApplication.translate("HearingOrderModel", "incomplet"),
        INVALIDE: QCoreApplication.translate("HearingOrderModel", "invalide"),
    }[code]


def unavailable_jurors(st: SessionState, dossier_id: str) -> dict[str, tuple[str, str]]:
    """Jurors who cannot score this dossier: juror id -> (kind, reason).

    kind is ``absent`` (absent from the session), ``conflict`` (bundle's conflict of
    interest), ``deport`` (recorded in session) or ``absent_hearing``.
    """
    out: dict[str, tuple[str, str]] = {}
    for j in st.jurors:
        if j.id not in st.present:
            out[j.id] = (
                "absent",
                QCoreApplication.translate("ScoringGridModel", "Absent de la séance"),
            )
    for r in st.recusals:
        if r.dossier_id != dossier_id or r.juror_id in out:
            continue
        if r.kind is RecusalKind.ABSENT:
            out[r.juror_id] = ("absent_hearing", r.reason)
        elif r.source is RecusalSource.BUNDLE:
            out[r.juror_id] = ("conflict", r.reason)
        else:
            out[r.juror_id] = ("deport", r.reason)
    return out


def kind_label(kind: str) -> str:
    return {
        "absent": QCoreApplication.translate("ScoringGridModel", "absent"),
        "absent_hearing": QCoreApplication.translate("ScoringGridModel", "absent à l’audition"),
        "conflict": QCoreApplication.translate("ScoringGridModel", "conflit d’intérêts"),
        "deport": QCoreApplication.translate("ScoringGridModel", "déport"),
    }[kind]


def scale_text(c: Criterion) -> str:
    return QCoreApplication.translate("ScoringGridModel", "de {min} à {max}, pas de {step}").format(
        min=format_value(c.min), max=format_value(c.max), step=format_value(c.step)
    )


def parse_value(text: str) -> Fraction | None:
    """« 3 », « 3,5 » or « 3.5 » → Fraction; None when it is not a number."""
    text = text.strip()
    if not text:
        return None
    try:
        return to_fraction(text)
    except (TypeError, ValueError, ArithmeticError):
        return None


# --------------------------------------------------------------------------- hearing order


def one_dossier_status(st: SessionState, dossier_id: str) -> str:
    """One dossier's status, from the read model (``readmodel.one_dossier_status``)."""
    from jury_desk.core import readmodel

    return readmodel.one_dossier_status(st, dossier_id).value


class HearingOrderModel(ShownText, QAbstractTableModel):
    COL_ORDER, COL_TIME, COL_TITLE, COL_STATE = range(4)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[
            tuple[str, int, str, str, str, str]
        ] = []  # id, order, time, title, holder, state
        self._current = ""

    def set_state(self, st: SessionState, model: DeliberationState | None = None) -> None:
        """Show the session's dossiers with their status from the read model (built from
        ``st`` when not given)."""
        ds = model if model is not None else readmodel.build(st)
        rows = [
            (
                d.id,
                d.hearing_order,
                uifmt.time_hm(d.hearing_start) if d.hearing_start else "",
                d.title,
                d.holder_name,
                ds.dossier(d.id).status.value,
            )
            for d in sorted(st.dossiers, key=lambda d: d.hearing_order)
        ]
        if [r[0] for r in rows] == [r[0] for r in self._rows]:
            self._rows = rows
            if rows:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(rows) - 1, self.columnCount() - 1)
                )
        else:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()

    def update_dossier(self, st: SessionState, dossier_id: str) -> None:
        """One dossier's status again (after a score): its row changes, not the others'
        (300 statuses recomputed at every keystroke's write made typing stall)."""
        row = self.row_of(dossier_id)
        if row < 0:
            self.set_state(st)
            return
        status = one_dossier_status(st, dossier_id)
        if status != self._rows[row][5]:
            self._rows[row] = (*self._rows[row][:5], status)
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def set_current(self, dossier_id: str) -> None:
        """The current dossier (shown bold): only its row and the previous one's change."""
        before, self._current = self._current, dossier_id
        for did in {before, dossier_id}:
            row = self.row_of(did) if did else -1
            if row >= 0:
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def row_of(self, dossier_id: str) -> int:
        for i, r in enumerate(self._rows):
            if r[0] == dossier_id:
                return i
        return -1

    def dossier_id(self, row: int) -> str:
        return self._rows[row][0]

    def ids(self) -> list[str]:
        return [r[0] for r in self._rows]

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < 4
        ):
            return [
                QCoreApplication.translate("HearingOrderModel", "N°"),
                QCoreApplication.translate("HearingOrderModel", "Heure"),
                QCoreApplication.translate("HearingOrderModel", "Dossier"),
                QCoreApplication.translate("HearingOrderModel", "État"),
            ][section]
        if (
            orientation == Qt.Orientation.Vertical
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._rows)
        ):
            _did, order, _time, title, _holder, _state = self._rows[section]
            return QCoreApplication.translate("HearingOrderModel", "Dossier {n}, {title}").format(
                n=order, title=title
            )  # the row header a screen reader announces (the view hides it)
        return None

    def _data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        did, order, time, title, holder, state = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return [str(order), time, title, state_label(state)][col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{title}\n{holder}\n{state_label(state)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if col == self.COL_TIME:
                return time or QCoreApplication.translate("HearingOrderModel", "heure non prévue")
            return [str(order), time, title, state_label(state)][col]
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return f"{title} — {holder}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col in (self.COL_ORDER, self.COL_TIME):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_STATE:
            return solid(theme.STATE_COLOURS[state])
        if role == Qt.ItemDataRole.FontRole and (did == self._current or col == self.COL_STATE):
            f = QFont()
            f.setBold(True)
            return f
        if role == Roles.Id:
            return did
        if role == Roles.State:
            return state
        return None


# --------------------------------------------------------------------------- scoring grid


class ScoringGridModel(ShownText, QAbstractTableModel):
    """Criteria (rows) by jurors (columns) for one dossier.

    A cell's status: ``empty``, ``pending`` (being written), ``saved``, ``error``,
    ``off`` (juror absent or recused). In blind mode, once a value is entered the cell
    shows a mask, never the value (the editor starts empty).
    """

    valueCommitted = Signal(str, str, str, object)  # dossier, juror, criterion, Fraction | None
    invalidValue = Signal(str)  # message

    MASK = "●"

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.dossier_id = ""
        self._criteria: tuple[Criterion, ...] = ()
        self._jurors: tuple[Juror, ...] = ()
        self._values: dict[tuple[str, str], Fraction] = {}  # (juror, criterion) -> saved
        self._pending: dict[tuple[str, str], Fraction | None] = {}
        self._errors: dict[tuple[str, str], str] = {}
        self._off: dict[str, tuple[str, str]] = {}
        self._comments: dict[str, str] = {}
        self._sealed: set[str] = set()  # jurors whose sheet for this dossier is validated
        self.masked = True
        self.read_only = False

    # ------------------------------------------------------------------ feeding

    def set_state(self, st: SessionState, dossier_id: str) -> None:
        structural = (
            dossier_id != self.dossier_id
            or st.criteria != self._criteria
            or st.jurors != self._jurors
        )
        if structural:
            self.beginResetModel()
            self._pending.clear()
            self._errors.clear()
        self.dossier_id = dossier_id
        self._criteria = st.criteria
        self._jurors = st.jurors
        self._values = {(j, c): v for (d, j, c), v in st.scores.items() if d == dossier_id}
        self._off = unavailable_jurors(st, dossier_id) if dossier_id else {}
        self._comments = {j: t for (d, j), t in st.comments.items() if d == dossier_id}
        self._sealed = {j for (d, j) in st.sealed if d == dossier_id}
        self.masked = st.blind and not st.revealed
        self.read_only = st.closed
        if structural:
            self.endResetModel()
        else:
            self._all_changed()

    def set_masked(self, masked: bool) -> None:
        self.masked = masked
        self._all_changed()

    def _all_changed(self) -> None:
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def mark_saved(self, juror_id: str, criterion_id: str, value: Fraction | None) -> None:
        key = (juror_id, criterion_id)
        if value is None:
            self._values.pop(key, None)
        else:
            self._values[key] = value
        self._pending.pop(key, None)
        self._errors.pop(key, None)
        self._cell_changed(key)

    def mark_pending(self, juror_id: str, criterion_id: str, value: Fraction | None) -> None:
        key = (juror_id, criterion_id)
        self._pending[key] = value
        self._errors.pop(key, None)
        self._cell_changed(key)

    def mark_failed(self, juror_id: str, criterion_id: str, message: str) -> None:
        key = (juror_id, criterion_id)
        self._pending.pop(key, None)
        self._errors[key] = message
        self._cell_changed(key)

    def _cell_changed(self, key: tuple[str, str]) -> None:
        idx = self.index_of(*key)
        if idx.isValid():
            self.dataChanged.emit(idx, idx)
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, idx.column(), idx.column())

    # ------------------------------------------------------------------ lookups

    def index_of(self, juror_id: str, criterion_id: str) -> QModelIndex:
        for c_i, c in enumerate(self._criteria):
            if c.id == criterion_id:
                for j_i, j in enumerate(self._jurors):
                    if j.id == juror_id:
                        return self.index(c_i, j_i)
        return QModelIndex()

    def key(self, index: Index) -> tuple[str, str]:
        return self._jurors[index.column()].id, self._criteria[index.row()].id

    def criterion(self, row: int) -> Criterion:
        return self._criteria[row]

    def juror(self, column: int) -> Juror:
        return self._jurors[column]

    def saved_value(self, juror_id: str, criterion_id: str) -> Fraction | None:
        return self._values.get((juror_id, criterion_id))

    def is_available(self, column: int) -> bool:
        return self._jurors[column].id not in self._off

    def off_reason(self, juror_id: str) -> tuple[str, str] | None:
        return self._off.get(juror_id)

    def comment(self, juror_id: str) -> str:
        return self._comments.get(juror_id, "")

    def set_comment_saved(self, juror_id: str, text: str) -> None:
        if text:
            self._comments[juror_id] = text
        else:
            self._comments.pop(juror_id, None)
        col = next((i for i, j in enumerate(self._jurors) if j.id == juror_id), -1)
        if col >= 0:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, col, col)

    def is_sealed(self, juror_id: str) -> bool:
        """The juror's sheet for this dossier is validated: a change needs a reason."""
        return juror_id in self._sealed

    def set_sealed(self, juror_id: str) -> None:
        self._sealed.add(juror_id)
        col = next((i for i, j in enumerate(self._jurors) if j.id == juror_id), -1)
        if col >= 0:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, col, col)

    def filled(self, juror_id: str) -> int:
        return sum(1 for c in self._criteria if (juror_id, c.id) in self._values)

    def completeness(self) -> list[tuple[str, int, int, bool]]:
        """Per juror: (juror id, filled, criteria, available)."""
        n = len(self._criteria)
        return [(j.id, self.filled(j.id), n, j.id not in self._off) for j in self._jurors]

    def cell_status(self, index: Index) -> str:
        key = self.key(index)
        if key[0] in self._off:
            return "off"
        if key in self._pending:
            return "pending"
        if key in self._errors:
            return "error"
        if key in self._values:
            return "saved"
        return "empty"

    # ------------------------------------------------------------------ Qt model

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._criteria)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._jurors)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.read_only and self.is_available(index.column()):
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def _text(self, key: tuple[str, str], status: str) -> str:
        if status == "off":
            kind, _ = self._off[key[0]]
            return kind_label(kind)
        if status == "pending":
            v = self._pending[key]
            if v is None:
                return "…"
            return "…" if self.masked else format_value(v)
        if status in ("saved", "error") and key in self._values:
            return self.MASK if self.masked else format_value(self._values[key])
        return ""

    def _status_words(self, status: str) -> str:
        return {
            "off": QCoreApplication.translate("ScoringGridModel", "ne note pas"),
            "pending": QCoreApplication.translate("ScoringGridModel", "enregistrement en cours"),
            "saved": QCoreApplication.translate("ScoringGridModel", "enregistré"),
            "error": QCoreApplication.translate("ScoringGridModel", "non enregistré"),
            "empty": QCoreApplication.translate("ScoringGridModel", "à saisir"),
        }[status]

    def _data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            not index.isValid()
            or not (0 <= index.row() < len(self._criteria))
            or not (0 <= index.column() < len(self._jurors))
        ):
            return None
        key = self.key(index)
        status = self.cell_status(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(key, status)
        if role == Qt.ItemDataRole.EditRole:
            if self.masked or status == "off" or key not in self._values:
                return ""
            return format_value(self._values[key])
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            # The tooltip is also what a screen reader says after the cell (scale, reason).
            c = self._criteria[index.row()]
            if status == "off":
                kind, reason = self._off[key[0]]
                return f"{kind_label(kind)} — {reason}"
            if status == "error":
                return self._errors[key]
            return f"{c.label} : {scale_text(c)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            c = self._criteria[index.row()]
            j = self._jurors[index.column()]
            shown = self._text(key, status)
            if self.masked and status in ("saved", "pending", "error"):
                shown = QCoreApplication.translate("ScoringGridModel", "saisi")
            return f"{c.label}, {j.name} : {shown or '—'}, {self._status_words(status)}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = theme.CELL_BACKGROUNDS.get(status)
            return solid(colour) if colour else None
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = theme.CELL_FOREGROUNDS.get(status)
            return solid(colour) if colour else None
        if role == Roles.Key:
            return (self.dossier_id, key[0], key[1])
        if role == Roles.State:
            return status
        if role == Roles.Saved:
            return status == "saved"
        if role == Roles.Reason:
            off = self._off.get(key[0])
            return off[1] if off else ""
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self._jurors):
                return None
            j = self._jurors[section]
            off = self._off.get(j.id)
            n, total = self.filled(j.id), len(self._criteria)
            if role == Qt.ItemDataRole.DisplayRole:
                name = _two_lines(j.name, 16)
                if off:
                    return f"{name}\n({kind_label(off[0])})"
                if j.id in self._sealed:
                    sealed = QCoreApplication.translate("ScoringGridModel", "validée")
                    return f"{name}\n{n}/{total} · {sealed}"
                mark = " ✓" if n == total and total else ""
                return f"{name}\n{n}/{total}{mark}"
            if role == Qt.ItemDataRole.ToolTipRole:
                extra = f"\n{kind_label(off[0])} — {off[1]}" if off else ""
                if j.id in self._sealed:
                    extra += "\n" + QCoreApplication.translate(
                        "ScoringGridModel",
                        "Feuille validée : toute modification demande un motif, inscrit au "
                        "procès-verbal.",
                    )
                return f"{j.name} — {j.organisation}{extra}"
            if role == Qt.ItemDataRole.ForegroundRole:
                if off:
                    return solid(theme.C.muted)
                if n == total and total:
                    return solid(theme.C.ok)
                return None
            if role == Roles.Id:
                return j.id
            return None
        if not 0 <= section < len(self._criteria):
            return None
        c = self._criteria[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{c.label}\n{format_value(c.min)}–{format_value(c.max)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{c.label} ({scale_text(c)})\n{c.description}"
        if role == Roles.Id:
            return c.id
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        key = self.key(index)
        c = self._criteria[index.row()]
        text = str(value if value is not None else "").strip()
        if not text:
            # An empty editor changes nothing (in blind mode the editor starts empty):
            # clearing a value is the explicit Delete key (``mark_pending(…, None)``).
            return True
        new = parse_value(text)
        if new is None or not c.is_valid(new):
            self.invalidValue.emit(
                QCoreApplication.translate(
                    "ScoringGridModel", "« {text} » n’est pas admis pour « {label} » : {scale}."
                ).format(text=text, label=c.label, scale=scale_text(c))
            )
            return False
        if key in self._values and self._values[key] == new and key not in self._pending:
            return True  # unchanged: no write
        self._pending[key] = new
        self._errors.pop(key, None)
        self.dataChanged.emit(index, index)
        self.valueCommitted.emit(self.dossier_id, key[0], key[1], new)
        return True


# --------------------------------------------------------------------------- attendance


class AttendanceModel(ShownText, QAbstractListModel):
    """Jurors with a check box « présent »; toggling asks, the controller writes."""

    presenceRequested = Signal(str, bool)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._jurors: tuple[Juror, ...] = ()
        self._present: frozenset[str] = frozenset()
        self.taken = False
        self.read_only = False

    def set_state(self, st: SessionState) -> None:
        if st.jurors != self._jurors:
            self.beginResetModel()
            self._jurors = st.jurors
            self._present = st.present
            self.endResetModel()
        else:
            self._present = st.present
            if self._jurors:
                self.dataChanged.emit(self.index(0), self.index(len(self._jurors) - 1))
        self.taken = st.attendance_taken
        self.read_only = st.closed

    def present_count(self) -> int:
        return len(self._present)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._jurors)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.read_only:
            f |= Qt.ItemFlag.ItemIsUserCheckable
        return f

    def _data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._jurors):
            return None
        j = self._jurors[index.row()]
        present = j.id in self._present
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{j.name} — {j.organisation}"
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if present else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                QCoreApplication.translate("AttendanceModel", "Présent")
                if present
                else QCoreApplication.translate("AttendanceModel", "Absent")
            )
        if role == Qt.ItemDataRole.AccessibleTextRole:
            state = (
                QCoreApplication.translate("AttendanceModel", "présent")
                if present
                else QCoreApplication.translate("AttendanceModel", "absent")
            )
            return f"{j.name}, {state}"
        if role == Qt.ItemDataRole.ForegroundRole and not present:
            return solid(theme.C.muted)
        if role == Roles.Id:
            return j.id
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or self.read_only:
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
        self.presenceRequested.emit(self._jurors[index.row()].id, bool(checked))
        return True


# --------------------------------------------------------------------------- recusals


class RecusalModel(ShownText, QAbstractTableModel):
    """Every recusal of the session: the bundle's conflicts and those recorded in session."""

    COLS = 6

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str, str, str, str, str, str, str, str]] = []

    def set_state(self, st: SessionState) -> None:
        order = {d.id: d.hearing_order for d in st.dossiers}
        rows = []
        for r in sorted(st.recusals, key=lambda r: (order.get(r.dossier_id, 0), r.juror_id)):
            d = st.dossier(r.dossier_id)
            if r.kind is RecusalKind.ABSENT:
                kind = QCoreApplication.translate("RecusalModel", "Absent à l’audition")
            elif r.source is RecusalSource.BUNDLE:
                kind = QCoreApplication.translate("RecusalModel", "Conflit d’intérêts")
            else:
                kind = QCoreApplication.translate("RecusalModel", "Déport")
            source = (
                QCoreApplication.translate("RecusalModel", "Paquet du siège")
                if r.source is RecusalSource.BUNDLE
                else QCoreApplication.translate("RecusalModel", "Séance")
            )
            at = uifmt.time_hm(r.at) if r.at else ""
            rows.append(
                (
                    r.juror_id,
                    r.dossier_id,
                    st.juror(r.juror_id).name,
                    f"{d.hearing_order}. {d.title}",
                    kind,
                    r.reason,
                    source,
                    at,
                    r.source.value,
                )
            )
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else self.COLS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < self.COLS
        ):
            return [
                QCoreApplication.translate("RecusalModel", "Juré"),
                QCoreApplication.translate("RecusalModel", "Dossier"),
                QCoreApplication.translate("RecusalModel", "Nature"),
                QCoreApplication.translate("RecusalModel", "Motif"),
                QCoreApplication.translate("RecusalModel", "Origine"),
                QCoreApplication.translate("RecusalModel", "Heure"),
            ][section]
        if (
            orientation == Qt.Orientation.Vertical
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._rows)
        ):
            return f"{self._rows[section][2]} — {self._rows[section][3]}"  # row header (hidden)
        return None

    def _data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row[2 + index.column()]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return row[2 + index.column()] or QCoreApplication.translate(
                "RecusalModel", "non renseigné"
            )
        if role == Roles.Id:
            return (row[0], row[1])
        if role == Roles.State:
            return row[8]  # "bundle" | "session"
        return None

    def key(self, row: int) -> tuple[str, str]:
        return self._rows[row][0], self._rows[row][1]


# --------------------------------------------------------------------------- shared screen


@record
class SharedCell:
    """One cell as the shared screen may know it: a status, and a value only when allowed."""

    status: str  # "saisi" | "a_saisir" | "off"
    value: str | None = None  # None whenever blind scoring is on and not revealed


@record
class SharedGrid:
    criteria: tuple[str, ...]  # labels
    jurors: tuple[str, ...]  # names
    off: tuple[str | None, ...]  # per juror: "déport", "absent"… or None
    cells: tuple[tuple[SharedCell, ...], ...]  # [criterion][juror]
    complete: tuple[tuple[int, int], ...]  # per juror: (filled, total)
    validated: tuple[bool, ...] = ()  # per juror: the sheet is validated (a tick, no value)


def _two_lines(text: str, longer_than: int) -> str:
    """A long name or label on two lines, cut at the space nearest its middle."""
    if len(text) <= longer_than or " " not in text:
        return text
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    cut = min(spaces, key=lambda i: abs(i - len(text) / 2))
    return text[:cut] + "\n" + text[cut + 1 :]


class SharedGridModel(ShownText, QAbstractTableModel):
    """The shared screen's grid: it is given a :class:`SharedGrid`, nothing else."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._grid = SharedGrid((), (), (), (), ())

    def set_grid(self, grid: SharedGrid) -> None:
        same_shape = grid.criteria == self._grid.criteria and grid.jurors == self._grid.jurors
        if same_shape:
            self._grid = grid
            if self.rowCount() and self.columnCount():
                self.dataChanged.emit(
                    self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
                )
                self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        else:
            self.beginResetModel()
            self._grid = grid
            self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._grid.criteria)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._grid.jurors)

    def _cell_text(self, cell: SharedCell) -> str:
        if cell.status == "off":
            return "—"
        if cell.value is not None:
            return cell.value
        return (
            QCoreApplication.translate("SharedGridModel", "saisi")
            if cell.status == "saisi"
            else QCoreApplication.translate("SharedGridModel", "à saisir")
        )

    def _data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            not index.isValid()
            or not 0 <= index.row() < self.rowCount()
            or not 0 <= index.column() < self.columnCount()
        ):
            return None
        cell = self._grid.cells[index.row()][index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._cell_text(cell)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = {"saisi": theme.S.ok, "a_saisir": theme.S.muted, "off": theme.S.muted}[
                cell.status
            ]
            return solid(colour)
        if role == Roles.State:
            return cell.status
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self._grid.jurors) or role != Qt.ItemDataRole.DisplayRole:
                return None
            off = self._grid.off[section]
            filled, total = self._grid.complete[section]
            validated = section < len(self._grid.validated) and self._grid.validated[section]
            if off:
                second = off
            elif validated:
                second = "✓ " + QCoreApplication.translate("SharedGridModel", "validée")
            else:
                second = f"{filled}/{total}" + (" ✓" if filled == total and total else "")
            return f"{_two_lines(self._grid.jurors[section], 12)}\n{second}"
        if 0 <= section < len(self._grid.criteria) and role == Qt.ItemDataRole.DisplayRole:
            return _two_lines(self._grid.criteria[section], 18)
        return None


def iter_roles() -> Iterable[int]:
    """Every role worth asking a model for (used by the privacy tests)."""
    base = [r.value for r in Qt.ItemDataRole if int(r.value) < int(Qt.ItemDataRole.UserRole)]
    return [*base, *(int(r) for r in Roles)]
