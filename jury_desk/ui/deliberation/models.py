"""Item models of the deliberation: ranking, the jury's decision, blockers, checks.

Each model reads a :class:`~jury_desk.ui.deliberation.controller.Snapshot` and never
calls a service: the decision model says what the secretary edited
(``decisionEdited``, ``invalidReasonEdited``) and the controller writes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from jury_desk import messages
from jury_desk.core import fmt
from jury_desk.core.api import Blocker, DossierResult
from jury_desk.core.domain import Dossier, LaureateDecision
from jury_desk.qt.core import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from jury_desk.qt.gui import QBrush, QFont
from jury_desk.ui import wording
from jury_desk.ui.deliberation.charts import Scheme, console_scheme, shared_scheme
from jury_desk.ui.deliberation.controller import Snapshot

Index = QModelIndex | QPersistentModelIndex

DOSSIER_ID_ROLE = Qt.ItemDataRole.UserRole + 1  # str: the row's dossier id
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # a value that sorts the column
KIND_ROLE = Qt.ItemDataRole.UserRole + 3  # departure kind (decision) / blocker code
PARTS_ROLE = Qt.ItemDataRole.UserRole + 4  # (first line, detail): a check, laid out apart

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def _bold(base: QFont | None = None) -> QFont:
    font = QFont(base) if base is not None else QFont()
    font.setBold(True)
    return font


def dossier_label(d: Dossier) -> str:
    return f"{d.id} — {d.title}"


def two_lines(text: str) -> str:
    """A long heading on two lines, cut at the space nearest the middle."""
    if len(text) < 14 or " " not in text:
        return text
    middle = len(text) / 2
    cut = min((i for i, ch in enumerate(text) if ch == " "), key=lambda i: abs(i - middle))
    return text[:cut] + "\n" + text[cut + 1 :]


# --------------------------------------------------------------------------- ranking


class RankingModel(QAbstractTableModel):
    """The ranking, one row per dossier in the rules' order (valid by rank, then invalid).

    ``shared=True`` gives the columns fit for the shared screen: rank, dossier, note,
    median, eligibility, proposal; no sheets, no per-criterion means, no holder.
    """

    FULL = (
        "rank",
        "dossier",
        "score",
        "median",
        "sd",
        "sheets",
        "eligible",
        "proposal",
        "decision",
        "criteria",
        "requested",
    )
    SHARED = ("rank", "dossier", "score", "median", "eligible", "proposal", "decision")

    def __init__(self, parent: QObject | None = None, *, shared: bool = False) -> None:
        super().__init__(parent)
        self.shared = shared
        self._snap: Snapshot | None = None
        self._rows: tuple[DossierResult, ...] = ()
        self._columns: list[tuple[str, str]] = []  # (kind, criterion id)
        self._set_columns(())

    def _set_columns(self, criteria: tuple[str, ...]) -> None:
        cols: list[tuple[str, str]] = []
        for kind in self.SHARED if self.shared else self.FULL:
            if kind == "criteria":
                cols.extend(("criterion", cid) for cid in criteria)
            else:
                cols.append((kind, ""))
        self._columns = cols

    def clear(self) -> None:
        """No rows (blind scores not revealed: nothing of them is held here)."""
        self.beginResetModel()
        self._snap = None
        self._rows = ()
        self.endResetModel()

    def set_snapshot(self, snap: Snapshot) -> None:
        """The same dossiers in the same order and the same columns: the rows change in
        place (``dataChanged``: the views keep their scroll, selection and sort, and a
        300-dossier table is not rebuilt at each change); otherwise the model resets."""
        columns = self._columns
        self._set_columns(tuple(c.id for c in snap.state.criteria))
        rows = snap.result.results
        same = (
            self._snap is not None
            and columns == self._columns
            and [r.dossier_id for r in rows] == [r.dossier_id for r in self._rows]
        )
        if same and rows:
            self._snap, self._rows = snap, rows
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(rows) - 1, len(self._columns) - 1)
            )
            return
        if same:
            self._snap, self._rows = snap, rows
            return
        self.beginResetModel()
        self._snap = snap
        self._rows = rows
        self.endResetModel()

    @property
    def sc(self) -> Scheme:
        return shared_scheme() if self.shared else console_scheme()

    def column_of(self, kind: str, criterion_id: str = "") -> int:
        return self._columns.index((kind, criterion_id))

    def row_of(self, dossier_id: str) -> int:
        for i, r in enumerate(self._rows):
            if r.dossier_id == dossier_id:
                return i
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Vertical
            and role == Qt.ItemDataRole.DisplayRole
            and self._snap is not None
            and 0 <= section < len(self._rows)
        ):
            # The row header a screen reader announces with each cell (the view hides it).
            return dossier_label(self._snap.state.dossier(self._rows[section].dossier_id))
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        kind, cid = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            if kind == "criterion":
                return two_lines(self._criterion(cid).label)
            return {
                "rank": self.tr("Rang"),
                "dossier": self.tr("Dossier"),
                "score": self.tr("Note /20"),
                "median": self.tr("Médiane"),
                "sd": self.tr("Écart-type"),
                "sheets": self.tr("Feuilles"),
                "eligible": self.tr("Éligible"),
                "proposal": self.tr("Proposition"),
                "decision": self.tr("Jury"),
                "requested": self.tr("Demandé"),
            }[kind]
        if role == Qt.ItemDataRole.ToolTipRole:
            if kind == "criterion":
                c = self._criterion(cid)
                return self.tr("Moyenne des valeurs brutes, de {min} à {max}, poids {w}").format(
                    min=fmt.number(c.min, trim=True),
                    max=fmt.number(c.max, trim=True),
                    w=fmt.number(c.weight, trim=True),
                )
            return {
                "score": self.tr("Moyenne des notes sur 20 des jurés qui comptent"),
                "sd": self.tr("Écart-type des notes ; ⚠ signale un désaccord du jury"),
                "sheets": self.tr(
                    "Feuilles complètes sur jurés qui comptent (présents, non déportés)"
                ),
                "proposal": self.tr(
                    "Proposition par défaut des règles (enveloppe parcourue par rang)"
                ),
                "decision": self.tr("Liste du jury : lauréats retenus et montants accordés"),
            }.get(kind)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if kind == "dossier" else _CENTER
        return None

    def _criterion(self, cid: str) -> Any:
        assert self._snap is not None
        return next(c for c in self._snap.state.criteria if c.id == cid)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._snap is None:
            return None
        r = self._rows[index.row()]
        kind, cid = self._columns[index.column()]
        snap = self._snap
        d = snap.state.dossier(r.dossier_id)
        tie = r.dossier_id in snap.boundary_ties
        in_proposal = r.dossier_id in snap.default_amounts
        if role == DOSSIER_ID_ROLE:
            return r.dossier_id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            text = self._text(r, d, kind, cid, tie, in_proposal)
            if role == Qt.ItemDataRole.DisplayRole:
                return text
            if kind == "sd" and r.disagreement:
                text = text.replace("⚠", self.tr("désaccord"))
            if text in ("", "—"):
                text = self.tr("sans valeur")  # never an empty name for a screen reader
            if kind == "dossier" and tie:
                # The tie's colour, in words.
                text += " — " + self.tr("ex æquo à la limite de l’enveloppe")
            return text
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return self._tooltip(r, d, kind, tie)
        if role == SORT_ROLE:
            return self._sort_key(r, d, kind, cid)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if kind == "dossier" else (_RIGHT if kind == "requested" else _CENTER)
        if role == Qt.ItemDataRole.FontRole:
            if in_proposal or (kind == "sd" and r.disagreement):
                return _bold()
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if tie:
                return QBrush(self.sc.tie_bg)
            if in_proposal:
                return QBrush(self.sc.proposal_bg)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if (kind == "sd" and r.disagreement) or (
                not r.valid and kind in ("sheets", "eligible")
            ):
                return QBrush(self.sc.alert_ink)
            if not r.valid:
                return QBrush(self.sc.muted)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r, d, kind, tie)
        return None

    def _text(
        self, r: DossierResult, d: Dossier, kind: str, cid: str, tie: bool, in_proposal: bool
    ) -> str:
        if kind == "rank":
            if r.rank is None:
                return "—"
            return f"{r.rank}" + (self.tr(" ex æquo") if r.ex_aequo else "")
        if kind == "dossier":
            return dossier_label(d)
        if kind == "score":
            return fmt.number(r.score, 2) if r.score is not None else "—"
        if kind == "median":
            return fmt.number(r.median, 2) if r.median is not None else "—"
        if kind == "sd":
            if r.sd is None:
                return "—"
            return fmt.number(r.sd, 2) + (" ⚠" if r.disagreement else "")
        if kind == "criterion":
            mean = r.criteria_means.get(cid)
            return fmt.number(mean, 2) if mean is not None else "—"
        if kind == "sheets":
            text = f"{r.sheets}/{len(r.counted)}"
            return text + (" ⚠" if not r.valid else "")
        if kind == "eligible":
            if not r.valid:
                return self.tr("Non valide")
            return self.tr("Oui") if r.eligible else self.tr("Non (sous le seuil)")
        if kind == "proposal":
            if in_proposal:
                return "✔ " + fmt.euros(self._snap.default_amounts[r.dossier_id], with_cents=False)  # type: ignore[union-attr]
            if tie:
                return self.tr("Ex æquo à la limite")
            return ""
        if kind == "decision":
            lau = self._snap.granted.get(r.dossier_id) if self._snap else None
            return "✔ " + fmt.euros(lau.amount_cents, with_cents=False) if lau else ""
        if kind == "requested":
            return fmt.euros(d.amount_requested_cents, with_cents=False)
        return ""

    def _sort_key(self, r: DossierResult, d: Dossier, kind: str, cid: str) -> Any:
        big = 10**9
        if kind == "rank":
            return r.rank if r.rank is not None else big
        if kind == "dossier":
            return d.id
        if kind in ("score", "median"):
            value = r.score if kind == "score" else r.median
            return float(value) if value is not None else -1.0
        if kind == "sd":
            return float(r.sd) if r.sd is not None else -1.0
        if kind == "criterion":
            mean = r.criteria_means.get(cid)
            return float(mean) if mean is not None else -1.0
        if kind == "sheets":
            return r.sheets
        if kind == "eligible":
            return 2 if r.eligible else (1 if r.valid else 0)
        if kind == "proposal":
            return self._snap.default_amounts.get(r.dossier_id, -1) if self._snap else -1
        if kind == "decision":
            lau = self._snap.granted.get(r.dossier_id) if self._snap else None
            return lau.amount_cents if lau else -1
        if kind == "requested":
            return d.amount_requested_cents
        return 0

    def _tooltip(self, r: DossierResult, d: Dossier, kind: str, tie: bool) -> str | None:
        if kind == "dossier":
            lines = [
                d.title,
                self.tr("{commune} — {qpv}").format(commune=d.commune, qpv=d.qpv_name),
            ]
            if not self.shared:
                lines.append(self.tr("Porteur : {name}").format(name=d.holder_name))
            return "\n".join(lines)
        if kind == "sd" and r.disagreement:
            assert self._snap is not None
            rules = self._snap.state.rules
            return self.tr(
                "Désaccord : écart-type au-dessus de {sd} ou étendue au-dessus de {spread} "
                "(étendue : {value})"
            ).format(
                sd=fmt.number(rules.sd_threshold, trim=True),
                spread=fmt.number(rules.range_threshold, trim=True),
                value=fmt.number(r.spread, 2),
            )
        if kind == "sheets" and not r.valid:
            missing = ", ".join(m.juror_id for m in r.missing)
            return self.tr("Dossier non valide. Feuilles manquantes : {who}").format(
                who=missing or "—"
            )
        if kind == "proposal" and tie:
            return self.tr("Groupe ex æquo à la limite de l'enveloppe : le jury tranche")
        return None


# --------------------------------------------------------------------------- decision


@dataclass
class _DecisionRow:
    result: DossierResult
    dossier: Dossier
    laureate: bool
    amount_cents: int
    justification: str
    kind: str | None  # departure kind against the rules' proposal (Snapshot.departure_kind)


class DecisionModel(QAbstractTableModel):
    """The jury's list, every dossier one row: laureate or not, amount, justification.

    The justification column holds every written reason the rules ask for: of an
    addition, of a changed amount, of a laureate of the proposal left out, or of a
    dossier that is not valid. What the secretary edits is emitted, not written:
    ``decisionEdited`` (the whole list changed) and ``invalidReasonEdited``.
    """

    LAUREATE, RANK, DOSSIER, REQUESTED, PROPOSED, GRANTED, DEPARTURE, JUSTIFICATION = range(8)

    decisionEdited = Signal()
    invalidReasonEdited = Signal(str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._snap: Snapshot | None = None
        self._rows: list[_DecisionRow] = []
        self._drafts: dict[str, str] = {}  # justifications kept while not needed

    # ------------------------------------------------------------------ snapshot

    def set_snapshot(self, snap: Snapshot) -> None:
        rows = []
        granted = snap.granted
        for r in snap.result.results:
            did = r.dossier_id
            d = snap.state.dossier(did)
            lau = granted.get(did)
            if not r.valid:
                text = snap.state.invalid_reasons.get(did, "")
            elif lau is not None:
                text = lau.justification
            elif did in snap.default_amounts:
                text = snap.decision.departures.get(did, "")
            else:
                text = ""
            amount = (
                lau.amount_cents if lau else snap.default_amounts.get(did, d.amount_requested_cents)
            )
            rows.append(
                _DecisionRow(
                    r,
                    d,
                    lau is not None,
                    amount,
                    text or self._drafts.get(did, ""),
                    snap.departure_kind(r),
                )
            )
        same = [x.result.dossier_id for x in rows] == [x.result.dossier_id for x in self._rows]
        if same and self._rows:
            self._snap, self._rows = snap, rows
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, self.JUSTIFICATION))
        else:
            self.beginResetModel()
            self._snap, self._rows = snap, rows
            self.endResetModel()

    def row_of(self, dossier_id: str) -> int:
        for i, row in enumerate(self._rows):
            if row.result.dossier_id == dossier_id:
                return i
        return -1

    def laureates(self) -> list[LaureateDecision]:
        return [
            LaureateDecision(x.result.dossier_id, x.amount_cents, x.justification)
            for x in self._rows
            if x.laureate
        ]

    def departures(self) -> dict[str, str]:
        """Justifications of the proposal's laureates that the jury left out."""
        assert self._snap is not None
        default = self._snap.default_amounts
        return {
            x.result.dossier_id: x.justification
            for x in self._rows
            if not x.laureate and x.result.dossier_id in default and x.justification.strip()
        }

    def needs_justification(self, row: int) -> bool:
        return self._rows[row].kind is not None

    # ------------------------------------------------------------------ Qt model

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 8

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 8:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Lauréat"),
                self.tr("Rang"),
                self.tr("Dossier"),
                self.tr("Demandé"),
                self.tr("Proposé"),
                self.tr("Accordé"),
                self.tr("Écart"),
                self.tr("Justification ou motif"),
            )[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return {
                self.LAUREATE: self.tr(
                    "Cochez (Espace) pour retenir le dossier parmi les lauréats"
                ),
                self.PROPOSED: self.tr("Montant de la proposition par défaut des règles"),
                self.GRANTED: self.tr("Montant accordé par le jury (F2 pour modifier)"),
                self.DEPARTURE: self.tr("Ce qui s'écarte de la proposition par défaut"),
                self.JUSTIFICATION: self.tr(
                    "Obligatoire pour chaque écart et pour chaque dossier non valide (F2 pour écrire)"
                ),
            }.get(section)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._snap is None or self._snap.closed:
            return base
        row = self._rows[index.row()]
        col = index.column()
        if col == self.LAUREATE and (row.result.valid or row.laureate):
            # a laureate that is no longer valid can still be taken off the list
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if col == self.GRANTED and row.laureate:
            return base | Qt.ItemFlag.ItemIsEditable
        if col == self.JUSTIFICATION:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(  # noqa: C901 - one branch per column and role; to be split per column
        self, index: Index, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or self._snap is None:
            return None
        row = self._rows[index.row()]
        col = index.column()
        r, d = row.result, row.dossier
        did = r.dossier_id
        default = self._snap.default_amounts.get(did)
        missing_text = row.kind is not None and not row.justification.strip()
        if role == DOSSIER_ID_ROLE:
            return did
        if role == KIND_ROLE:
            return row.kind or ""
        if role == Qt.ItemDataRole.CheckStateRole and col == self.LAUREATE:
            if not r.valid and not row.laureate:
                return None
            return Qt.CheckState.Checked if row.laureate else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.EditRole:
            if col == self.GRANTED:
                return float(Decimal(row.amount_cents) / 100)
            if col == self.JUSTIFICATION:
                return row.justification
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if col == self.LAUREATE:
                if role == Qt.ItemDataRole.AccessibleTextRole:
                    if not r.valid:
                        return self.tr("non valide")
                    return self.tr("lauréat") if row.laureate else self.tr("non retenu")
                return None
            if col == self.RANK:
                return str(r.rank) if r.rank is not None else "—"
            if col == self.DOSSIER:
                return dossier_label(d)
            if col == self.REQUESTED:
                return fmt.euros(d.amount_requested_cents, with_cents=False)
            if col == self.PROPOSED:
                return fmt.euros(default, with_cents=False) if default is not None else "—"
            if col == self.GRANTED:
                return fmt.euros(row.amount_cents) if row.laureate else "—"
            if col == self.DEPARTURE:
                return self._departure_text(row)
            if col == self.JUSTIFICATION:
                if missing_text:
                    return self.tr("⚠ à justifier")
                return row.justification
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col in (self.REQUESTED, self.PROPOSED, self.GRANTED):
                return _RIGHT
            return _CENTER if col in (self.LAUREATE, self.RANK) else _LEFT
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == self.JUSTIFICATION and missing_text:
                return QBrush(console_scheme().alert_ink)
            if not r.valid:
                return QBrush(console_scheme().muted)
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if col in (self.JUSTIFICATION, self.DEPARTURE) and missing_text:
                return QBrush(console_scheme().alert_bg)
            if did in self._snap.boundary_ties:
                return QBrush(console_scheme().tie_bg)
            if row.laureate:
                return QBrush(console_scheme().proposal_bg)
            return None
        if role == Qt.ItemDataRole.FontRole and (row.laureate or missing_text):
            return _bold()
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.DOSSIER:
                return d.title
            if col == self.JUSTIFICATION and row.justification:
                return row.justification
            if col == self.DEPARTURE and did in self._snap.boundary_ties:
                return self.tr("Groupe ex æquo à la limite de l'enveloppe : le jury tranche")
        return None

    def _departure_text(self, row: _DecisionRow) -> str:
        if row.kind == "invalid":
            return self.tr("Non valide : motif")
        if row.kind == "added":
            if not row.result.eligible:
                return self.tr("Ajout sous le seuil")
            return self.tr("Ajout")
        if row.kind == "removed":
            return self.tr("Retrait")
        if row.kind == "amount":
            return self.tr("Montant modifié")
        assert self._snap is not None
        if row.result.dossier_id in self._snap.boundary_ties:
            return self.tr("Ex æquo à la limite")
        return ""

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not (
            self.flags(index) & (Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable)
        ):
            return False
        row = self._rows[index.row()]
        col = index.column()
        did = row.result.dossier_id
        if col == self.LAUREATE and role == Qt.ItemDataRole.CheckStateRole:
            checked = check_state(value) == Qt.CheckState.Checked
            if checked == row.laureate:
                return False
            row.laureate = checked
            if checked:
                assert self._snap is not None
                row.amount_cents = self._snap.default_amounts.get(
                    did, row.dossier.amount_requested_cents
                )
        elif col == self.GRANTED and role == Qt.ItemDataRole.EditRole:
            cents = parse_euros(value)
            if cents is None or cents == row.amount_cents:
                return False
            row.amount_cents = cents
        elif col == self.JUSTIFICATION and role == Qt.ItemDataRole.EditRole:
            text = str(value or "").strip()
            if text == row.justification:
                return False
            row.justification = text
            self._drafts[did] = text
            if not row.result.valid:
                self.dataChanged.emit(index, index)
                self.invalidReasonEdited.emit(did, text)
                return True
        else:
            return False
        self.dataChanged.emit(
            self.index(index.row(), 0), self.index(index.row(), self.JUSTIFICATION)
        )
        self.decisionEdited.emit()
        return True


def check_state(value: Any) -> Qt.CheckState:
    if isinstance(value, Qt.CheckState):
        return value
    return Qt.CheckState(int(value))


def parse_euros(value: Any) -> int | None:
    """Cents from a number of euros (float, int, or French text « 12 500,50 € »)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        text = repr(float(value))
    else:
        text = str(value).replace("€", "").replace(fmt.NNBSP, "").replace(fmt.NBSP, "")
        text = text.replace(" ", "").replace(",", ".")
    try:
        cents = (Decimal(text) * 100).quantize(Decimal(1))
    except InvalidOperation:
        return None
    return int(cents) if cents >= 0 else None


# --------------------------------------------------------------------------- blockers


class BlockersModel(QAbstractListModel):
    """What still stops the deliberation from closing, in the rules' order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: tuple[Blocker, ...] = ()
        self._names = messages.IDS

    def set_blockers(
        self, items: tuple[Blocker, ...], names: messages.Names = messages.IDS
    ) -> None:
        """The blockers, worded with ``names`` (``wording.names_of`` the session)."""
        before = {wording.blocker(b, self._names) for b in self._items}
        self.beginResetModel()
        self._items, self._names = tuple(items), names
        self.endResetModel()
        solved = before - {wording.blocker(b, names) for b in self._items}
        if solved:
            from jury_desk.ui.announce import announce

            text = (
                self.tr("Plus rien ne bloque la clôture.")
                if not self._items
                else self.tr("Réglé : {what}").format(what=" ; ".join(sorted(solved)))
            )
            announce(self, text)

    def blocker(self, row: int) -> Blocker:
        return self._items[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        b = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return wording.blocker(b, self._names)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.tr("À régler : {message}").format(message=wording.blocker(b, self._names))
        if role == DOSSIER_ID_ROLE:
            return b.dossier_id or ""
        if role == KIND_ROLE:
            return b.code
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(console_scheme().alert_ink)
        return None


# --------------------------------------------------------------------------- checks


class ChecksModel(QAbstractListModel):
    """The checks of a verification: (label, ok, detail)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[tuple[str, bool, str]] = []

    def set_checks(self, checks: list[tuple[str, bool, str]]) -> None:
        self.beginResetModel()
        self._items = [(str(label), bool(ok), str(detail or "")) for label, ok, detail in checks]
        self.endResetModel()

    def all_ok(self) -> bool:
        return bool(self._items) and all(ok for _, ok, _ in self._items)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        label, ok, detail = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            mark = "✔" if ok else "✘"
            return f"{mark}  {label}" + (f"\n     {detail}" if detail else "")
        if role == PARTS_ROLE:
            return (f"{'✔' if ok else '✘'}  {label}", detail)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            state = self.tr("réussi") if ok else self.tr("échec")
            return f"{label} : {state}" + (f". {detail}" if detail else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return detail or label
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(console_scheme().ok_ink if ok else console_scheme().alert_ink)
        if role == KIND_ROLE:
            return "ok" if ok else "failed"
        return None
