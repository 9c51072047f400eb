"""Hearings entered afterwards: held without the app's timer (a paper day, a crash).

CONTRACT section 4: every proposed laureate was heard, its hearing having a recorded
start, timed in the app or entered afterwards by the secretary with a reason that the
audit log records. Section 7: ``jury-desk hearings import CSV`` with the columns
``dossier_id,started_at,presentation_s,questions_s,reason``, all rows or none.

Pure functions: they check and parse; :meth:`jury_desk.core.services.Desk.
record_hearings_afterwards` writes. Refusals are :class:`UserError` with a code, and a
French message for the command line (the GUI words the codes itself where it can).
"""

from __future__ import annotations

import csv
import io
from datetime import datetime

from jury_desk.core.errors import UserError, nested
from jury_desk.core.records import record

COLUMNS = ("dossier_id", "started_at", "presentation_s", "questions_s", "reason")
MAX_DURATION_S = 4 * 3600  # a hearing longer than four hours is a typing error
MIN_SENTENCE = 20


@record
class HearingEntry:
    """One hearing held without the timer."""

    dossier_id: str
    started_at: str  # RFC 3339 with its offset, seconds precision
    presentation_s: int
    questions_s: int
    reason: str


def is_sentence(text: str) -> bool:
    """CONTRACT 4: a reason is a sentence, at least 20 characters with letters among them."""
    t = text.strip()
    return len(t) >= MIN_SENTENCE and any(ch.isalpha() for ch in t)


def check_started_at(text: str) -> str:
    """An RFC 3339 date-time with its offset, normalised to seconds precision."""
    t = text.strip()
    try:
        dt = datetime.fromisoformat(t.replace("Z", "+00:00"))
    except ValueError:
        raise UserError(
            "hearing_start_invalid", key="hearing_start_unreadable", params={"time": t}
        ) from None
    if dt.tzinfo is None or "T" not in t.upper():
        raise UserError("hearing_start_invalid", key="hearing_start_no_zone", params={"time": t})
    return dt.replace(microsecond=0).isoformat()


def check_duration(value: object, what: str) -> int:
    """Seconds of ``what`` (« presentation » or « questions »)."""
    text = str(value).strip()
    if not text.isdigit():
        raise UserError(
            "hearing_duration_invalid",
            key=f"hearing_duration_not_integer.{what}",
            params={"text": text},
        )
    n = int(text)
    if n > MAX_DURATION_S:
        raise UserError(
            "hearing_duration_invalid",
            key=f"hearing_duration_too_long.{what}",
            params={"seconds": n},
        )
    return n


def check_entry(
    dossier_id: str,
    started_at: str,
    presentation_s: object,
    questions_s: object,
    reason: str,
) -> HearingEntry:
    """One hearing, checked field by field (not yet against the session)."""
    reason = reason.strip()
    if not is_sentence(reason):
        raise UserError("hearing_reason_required")
    return HearingEntry(
        dossier_id.strip(),
        check_started_at(started_at),
        check_duration(presentation_s, "presentation"),
        check_duration(questions_s, "questions"),
        reason,
    )


def parse_csv(text: str) -> list[HearingEntry]:
    """The CSV of CONTRACT 7, checked whole: the first bad line refuses the file."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    entries: list[HearingEntry] = []
    header_seen = False
    for line_no, rec in enumerate(reader, start=1):
        if not rec or all(not f.strip() for f in rec):
            continue
        if not header_seen:
            header_seen = True
            if tuple(f.strip() for f in rec) != COLUMNS:
                raise UserError(
                    "csv_header",
                    key="hearing_csv_header",
                    params={"line": line_no, "expected": ",".join(COLUMNS), "found": ",".join(rec)},
                )
            continue
        if len(rec) != len(COLUMNS):
            raise UserError(
                "csv_columns",
                key="hearing_csv_columns",
                params={"line": line_no, "expected": len(COLUMNS), "found": len(rec)},
            )
        try:
            entries.append(check_entry(*rec))
        except UserError as exc:
            raise UserError(
                exc.code,
                key="hearing_row",
                params={"line": line_no, "dossier": rec[0].strip(), **nested(exc)},
            ) from exc
    if not header_seen:
        raise UserError("csv_empty", key="hearing_csv_empty")
    seen: set[str] = set()
    for e in entries:
        if e.dossier_id in seen:
            raise UserError("hearing_duplicate", params={"dossier": e.dossier_id})
        seen.add(e.dossier_id)
    return entries
