"""French formatting of numbers, money and dates (shared by the CLI, the GUI and the PV).

Thousands are separated by a narrow no-break space (U+202F), decimals by a comma, and
units follow a no-break space (U+00A0): « 12 500,00 € », « 14,25/20 ».
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction

NNBSP = "\u202f"  # narrow no-break space: thousands, before ; : ! ? and inside « »
NBSP = "\u00a0"  # no-break space: before units

MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def _group(int_part: str) -> str:
    neg = int_part.startswith("-")
    digits = int_part.lstrip("-")
    groups: list[str] = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return ("-" if neg else "") + NNBSP.join(groups)


def number(
    value: Fraction | Decimal | float | int | None, decimals: int = 2, *, trim: bool = False
) -> str:
    """« 1 234,50 » (half-to-even rounding); ``trim`` drops trailing zeros."""
    if value is None:
        return "—"
    if isinstance(value, Fraction):
        d = Decimal(value.numerator) / Decimal(value.denominator)
    else:
        d = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    q = (
        d.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_EVEN)
        if decimals
        else d.quantize(Decimal(1), rounding=ROUND_HALF_EVEN)
    )
    text = format(q, "f")
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    int_part, _, frac = text.partition(".")
    if int_part in ("-0",) and not frac.strip("0"):
        int_part = "0"
    return _group(int_part) + ("," + frac if frac else "")


def euros(cents: int | None, *, with_cents: bool = True) -> str:
    """« 12 500,00 € » (or « 12 500 € »)."""
    if cents is None:
        return "sans limite"
    value = Decimal(cents) / 100
    return number(value, 2 if with_cents else 0) + NBSP + "€"


def note20(value: Fraction | None) -> str:
    return "—" if value is None else number(value, 2) + "/20"


def size(n_bytes: int) -> str:
    """A file size the French way: « 812 octets », « 46 Ko », « 1,4 Mo » (1 Ko = 1 000 octets)."""
    if n_bytes < 1000:
        return f"{n_bytes}\u00a0octet{'s' if n_bytes > 1 else ''}"
    if n_bytes < 999_500:  # « 1 000 Ko » reads as « 1,0 Mo »
        return f"{number(n_bytes / 1000, 0)}\u00a0Ko"
    return f"{number(n_bytes / 1e6, 1)}\u00a0Mo"


def parse_iso(text: str) -> datetime:
    return datetime.fromisoformat(text)


def long_date(value: date | str) -> str:
    """« jeudi 18 juin 2026 »."""
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    first = "1er" if value.day == 1 else str(value.day)
    return f"{WEEKDAYS[value.weekday()]} {first} {MONTHS[value.month - 1]} {value.year}"


def time_hm(value: datetime | str | None) -> str:
    """« 9 h 30 »."""
    if value is None:
        return "—"
    moment = parse_iso(value) if isinstance(value, str) else value
    return f"{moment.hour}{NBSP}h{NBSP}{moment.minute:02d}"


def datetime_text(value: datetime | str | None) -> str:
    """« 18/06/2026 à 9 h 30 »."""
    if value is None:
        return "—"
    moment = parse_iso(value) if isinstance(value, str) else value
    return f"{moment:%d/%m/%Y} à {time_hm(moment)}"


def duration(seconds: int | float | None) -> str:
    """« 10 min 05 s »."""
    if seconds is None:
        return "—"
    s = round(seconds)
    m, s = divmod(s, 60)
    return f"{m}{NBSP}min{NBSP}{s:02d}{NBSP}s"


def quote(text: str) -> str:
    return f"«{NNBSP}{text}{NNBSP}»"
