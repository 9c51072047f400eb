"""What the secretary checks before closing the deliberation (issue 13, item 4).

The contract's blockers (CONTRACT 4) are computed by :mod:`jury_desk.core.deliberation`
and refuse the closing. This list adds what a careful secretary looks at before closing,
which the contract does not forbid: dossiers never heard, reasoned opinions missing,
jurors absent, sheets without a comment. Each is a warning the secretary confirms.

Pure function over the session state; it returns codes and ids, and each face words them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from jury_desk.core.records import record

if TYPE_CHECKING:
    from jury_desk.core.services import SessionState

NEVER_HEARD = "never_heard"  # no recorded start (timed or entered afterwards)
OPINION_MISSING = "opinion_missing"  # no reasoned opinion for the holder
JUROR_ABSENT = "juror_absent"  # marked absent from the session
COMMENT_MISSING = "comment_missing"  # a counted sheet without its juror's comment


@record
class CheckItem:
    code: str
    dossier_id: str | None = None
    juror_id: str | None = None
    laureate: bool = False  # the dossier is on the jury's list


def closing_checklist(st: SessionState, laureate_ids: Iterable[str] = ()) -> list[CheckItem]:
    """The warnings, in the order of the day: hearings, opinions, attendance, comments."""
    laureates = set(laureate_ids)
    out: list[CheckItem] = []
    dossiers = sorted(st.dossiers, key=lambda d: d.hearing_order)
    for d in dossiers:
        h = st.hearings.get(d.id)
        if h is None or h.started_at is None:
            out.append(CheckItem(NEVER_HEARD, d.id, laureate=d.id in laureates))
    for d in dossiers:
        if not st.opinions.get(d.id, "").strip():
            out.append(CheckItem(OPINION_MISSING, d.id, laureate=d.id in laureates))
    if st.attendance_taken:
        for j in st.jurors:
            if j.id not in st.present:
                out.append(CheckItem(JUROR_ABSENT, juror_id=j.id))
    recused = {(r.juror_id, r.dossier_id) for r in st.recusals}
    with_sheet = {(d, j) for (d, j, _c) in st.scores}
    for d in dossiers:
        for j in st.jurors:
            if (
                j.id in st.present
                and (j.id, d.id) not in recused
                and (d.id, j.id) in with_sheet
                and not st.comments.get((d.id, j.id), "").strip()
            ):
                out.append(CheckItem(COMMENT_MISSING, d.id, j.id))
    return out
