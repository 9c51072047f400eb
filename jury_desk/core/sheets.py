"""Paper sheets: what an import would do, before it does it (issue 13, item 3).

:func:`plan_scores_import` reads a sheets CSV (``dossier_id,juror_id,criterion_id,value``,
with ``;`` or ``,`` as Excel saves it: :mod:`jury_desk.core.csvio`) against the session
as it is and classifies every row: a new value, a value that changes one already entered
(old → new), the same value again, a row refused and why, or a row of an absent or
recused juror — refused too, but which the secretary may choose to leave out explicitly.
The import itself stays all or nothing (:meth:`Desk.import_scores_csv` /
:meth:`Desk.record_scores`): :meth:`ScoresPlan.rows_to_write` gives it the rows.

Pure: no database, no Qt; codes and values, which each face words.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

from jury_desk.core import csvio
from jury_desk.core.domain import to_fraction
from jury_desk.core.errors import UserError
from jury_desk.core.records import record

if TYPE_CHECKING:
    from jury_desk.core.services import SessionState

COLUMNS = ("dossier_id", "juror_id", "criterion_id", "value")

NEW, CHANGED, SAME, REFUSED, SKIPPABLE = "new", "changed", "same", "refused", "skippable"


def _header_refused(line: int, rec: list[str]) -> UserError:
    return UserError(
        "csv_header",
        key="sheet_csv_header",
        params={"line": line, "expected": ",".join(COLUMNS), "found": ",".join(rec)},
    )


@record
class PlannedRow:
    line: int  # in the file, the header being line 1
    dossier_id: str
    juror_id: str
    criterion_id: str
    raw: str  # the value as written
    kind: str  # NEW, CHANGED, SAME, REFUSED or SKIPPABLE
    old: Fraction | None = None
    new: Fraction | None = None
    # REFUSED/SKIPPABLE: unknown_dossier, unknown_juror, unknown_criterion,
    # value_not_number, value_out_of_scale, duplicate_row, juror_absent, juror_recused
    code: str | None = None


@record
class ScoresPlan:
    rows: tuple[PlannedRow, ...]
    delimiter: str  # « ; » or « , », as found

    def of(self, kind: str) -> list[PlannedRow]:
        return [r for r in self.rows if r.kind == kind]

    def can_import(self, skip_absent: bool) -> bool:
        """All or nothing: no refused row, and the absent or recused jurors' rows left
        out by an explicit choice."""
        if self.of(REFUSED):
            return False
        return skip_absent or not self.of(SKIPPABLE)

    def rows_to_write(self, skip_absent: bool) -> list[tuple[str, str, str, str]]:
        if not self.can_import(skip_absent):
            raise UserError("sheets_refused")
        return [
            (r.dossier_id, r.juror_id, r.criterion_id, r.raw)
            for r in self.rows
            if r.kind in (NEW, CHANGED)
        ]


def plan_scores_import(st: SessionState, source: str | bytes) -> ScoresPlan:
    """Every row of the sheets file, classified against ``st`` (see module docstring).

    A file whose shape is wrong (no header, wrong columns) raises :class:`UserError`."""
    sheet = csvio.read(source)
    criteria = {c.id: c for c in st.criteria}
    jurors = {j.id for j in st.jurors}
    dossiers = {d.id for d in st.dossiers}
    recused = {(r.juror_id, r.dossier_id) for r in st.recusals}
    recused |= {(c.juror_id, c.dossier_id) for c in st.conflicts}
    out: list[PlannedRow] = []
    seen: set[tuple[str, str, str]] = set()
    header = False
    for line, rec in enumerate(sheet.rows(), start=1):
        if not rec or all(not f.strip() for f in rec):
            continue
        if not header:
            header = True
            if tuple(f.strip() for f in rec) != COLUMNS:
                raise _header_refused(line, rec)
            continue
        if len(rec) != len(COLUMNS):
            raise UserError(
                "csv_columns", key="sheet_csv_columns", params={"line": line, "found": len(rec)}
            )
        d, j, c, raw = (f.strip() for f in rec)

        def row(kind: str, code: str | None = None, **kw: Fraction | None) -> PlannedRow:
            return PlannedRow(line, d, j, c, raw, kind, code=code, **kw)  # noqa: B023

        if d not in dossiers:
            out.append(row(REFUSED, "unknown_dossier"))
            continue
        if j not in jurors:
            out.append(row(REFUSED, "unknown_juror"))
            continue
        crit = criteria.get(c)
        if crit is None:
            out.append(row(REFUSED, "unknown_criterion"))
            continue
        try:
            value = to_fraction(raw)
        except (TypeError, ValueError, ArithmeticError):
            out.append(row(REFUSED, "value_not_number"))
            continue
        if not crit.is_valid(value):
            out.append(row(REFUSED, "value_out_of_scale", new=value))
            continue
        if (d, j, c) in seen:
            out.append(row(REFUSED, "duplicate_row", new=value))
            continue
        seen.add((d, j, c))
        if st.attendance_taken and j not in st.present:
            out.append(row(SKIPPABLE, "juror_absent", new=value))
            continue
        if (j, d) in recused:
            out.append(row(SKIPPABLE, "juror_recused", new=value))
            continue
        old = st.scores.get((d, j, c))
        if old is None:
            out.append(row(NEW, new=value))
        elif old == value:
            out.append(row(SAME, old=old, new=value))
        else:
            out.append(row(CHANGED, old=old, new=value))
    if not header:
        raise UserError("csv_empty", key="sheet_csv_empty")
    return ScoresPlan(tuple(out), sheet.delimiter)


@record
class TypingDifference:
    """Double entry: a cell the two typings do not agree on (None: not typed)."""

    dossier_id: str
    juror_id: str
    criterion_id: str
    first: str | None
    second: str | None


def _cells(source: str | bytes) -> dict[tuple[str, str, str], str]:
    sheet = csvio.read(source)
    out: dict[tuple[str, str, str], str] = {}
    header = False
    for line, rec in enumerate(sheet.rows(), start=1):
        if not rec or all(not f.strip() for f in rec):
            continue
        if not header:
            header = True
            if tuple(f.strip() for f in rec) != COLUMNS:
                raise _header_refused(line, rec)
            continue
        if len(rec) != len(COLUMNS):
            raise UserError(
                "csv_columns", key="sheet_csv_columns", params={"line": line, "found": len(rec)}
            )
        d, j, c, raw = (f.strip() for f in rec)
        out[(d, j, c)] = raw
    return out


def _same_value(a: str, b: str) -> bool:
    try:
        return to_fraction(a) == to_fraction(b)
    except (TypeError, ValueError, ArithmeticError):
        return a == b


def compare_typings(first: str | bytes, second: str | bytes) -> list[TypingDifference]:
    """Double entry: the cells where a second typing of the same paper sheets differs
    from the first (values compared as numbers: « 3,5 » and « 3.5 » agree)."""
    a, b = _cells(first), _cells(second)
    out = []
    for key in sorted(set(a) | set(b)):
        va, vb = a.get(key), b.get(key)
        if va is None or vb is None or not _same_value(va, vb):
            out.append(TypingDifference(*key, va, vb))
    return out
