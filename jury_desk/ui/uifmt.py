"""Dates and times on screen in the interface's language (issue 13, item 9).

French (the source language): :mod:`jury_desk.core.fmt` (« jeudi 18 juin 2026 »,
« 9 h 30 », « 18/06/2026 à 9 h 30 »). English: « Thursday 18 June 2026 », « 9:30 »,
« 18/06/2026 at 9:30 ». The language is the one the application installed
(``QLocale.setDefault`` in ``ui.app.install_translators``).
"""

from __future__ import annotations

from datetime import date, datetime

from jury_desk.core import fmt
from jury_desk.qt.core import QLocale

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def html_text(text: str) -> str:
    """``html.escape(text)`` (quotes too) for Qt's rich text, without importing :mod:`html`,
    whose table of 2,000 named entities took 6 ms of the start."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )


def french() -> bool:
    return QLocale().language() == QLocale.Language.French


def _moment(value: datetime | str) -> datetime:
    return fmt.parse_iso(value) if isinstance(value, str) else value


def long_date(value: date | str) -> str:
    if french():
        return fmt.long_date(value)
    day = date.fromisoformat(value[:10]) if isinstance(value, str) else value
    return f"{_DAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


def time_hm(value: datetime | str | None) -> str:
    if french() or value is None:
        return fmt.time_hm(value)
    m = _moment(value)
    return f"{m.hour}:{m.minute:02d}"


def datetime_text(value: datetime | str | None) -> str:
    if french() or value is None:
        return fmt.datetime_text(value)
    m = _moment(value)
    return f"{m:%d/%m/%Y} at {time_hm(m)}"
