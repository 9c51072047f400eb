"""What a typed score says, keystroke by keystroke: the input logic of a score cell.

A cell's text is judged against its criterion's scale (``min``, ``max``, ``step``) and is
one of four things:

- ``EMPTY``: nothing typed; committing it changes nothing;
- ``VALID``: a complete number that is an admitted value (``min + k·step`` within bounds):
  the only text that may be committed, and the value committed is exactly the number
  the text spells (« 3 », « 3,5 », « 3.50 », « ,5 » = 0,5);
- ``PARTIAL``: the beginning of an admitted value (« 1 » on a 10–20 scale, « 3, »,
  « - » when negatives are admitted): Enter refuses it as incomplete;
- ``REFUSED``: no keystroke can make it admitted (« 15 » on 0–10, « 3,2 » with a step
  of 0,5, « a »): it stays as typed, marked refused, with the reason.

The text is never altered: a refused keystroke is kept, so the person sees what they
typed and why it cannot be saved, and Enter never saves a value other than the one
shown. The screen words the ``Reason`` codes. Pure Python: the console's grid uses it,
and a juror-device page can too.
"""

from __future__ import annotations

import re
from enum import Enum
from fractions import Fraction

from jury_desk.core.domain import Criterion
from jury_desk.core.records import record

__all__ = ["Judgement", "Key", "Reason", "ScoreInput", "Verdict", "judge", "spelled_value"]

_TEXT = re.compile(r"(?P<sign>-?)(?P<int>[0-9]*)(?:(?P<sep>[.,])(?P<frac>[0-9]*))?")


class Verdict(Enum):
    EMPTY = "empty"
    PARTIAL = "partial"
    VALID = "valid"
    REFUSED = "refused"


class Reason(Enum):
    NONE = "none"
    NOT_A_NUMBER = "not_a_number"  # a character that no number contains
    INCOMPLETE = "incomplete"  # the beginning of an admitted value
    BELOW_MIN = "below_min"
    ABOVE_MAX = "above_max"
    OFF_STEP = "off_step"  # within bounds, between two admitted values


@record
class Judgement:
    verdict: Verdict
    reason: Reason
    value: Fraction | None  # the number the text spells, when it is a complete number

    @property
    def committable(self) -> bool:
        return self.verdict is Verdict.VALID


def spelled_value(text: str) -> Fraction | None:
    """The number a complete text spells (« 3,5 » → 7/2), or None when it spells none."""
    m = _TEXT.fullmatch(text.strip())
    if m is None or not (m["int"] or m["frac"]):
        return None
    if m["sep"] and not m["frac"]:
        return None  # « 3, »: not finished
    value = Fraction(int(m["int"] or "0"))
    if m["frac"]:
        value += Fraction(int(m["frac"]), 10 ** len(m["frac"]))
    return -value if m["sign"] else value


def _admits_between(c: Criterion, lo: Fraction, hi: Fraction, hi_closed: bool) -> bool:
    """Whether an admitted value v lies in [lo, hi) (or [lo, hi] when ``hi_closed``)."""
    lo = max(lo, c.min)
    k = -((c.min - lo) // c.step)  # ceil((lo - min) / step)
    v = c.min + k * c.step
    return v <= c.max and (v <= hi if hi_closed else v < hi)


def _admits_prefix(c: Criterion, negative: bool, int_digits: str, frac: str | None) -> bool:
    """Whether some admitted value is written with this beginning (sign, digits…)."""
    # The magnitudes whose decimal writing starts with the digits typed, as intervals.
    intervals: list[tuple[Fraction, Fraction]] = []
    n = Fraction(int(int_digits or "0"))
    top = max(abs(c.min), abs(c.max))
    if not int_digits and frac is None:
        intervals.append((Fraction(0), top + 1))  # « - »: any magnitude
    elif frac is not None:
        low = n + (Fraction(int(frac), 10 ** len(frac)) if frac else 0)
        intervals.append((low, low + Fraction(1, 10 ** len(frac))))
    else:
        intervals.append((n, n + 1))  # « 3 » → 3 and 3,x
        if n > 0:  # « 1 » → 1x, 1xx… (a leading zero is not the start of a longer number)
            scale = 10
            while n * scale <= top:
                intervals.append((n * scale, (n + 1) * scale))
                scale *= 10
    for lo, hi in intervals:
        if negative:
            # magnitude m in [lo, hi) ⇔ value in (-hi, -lo]; a minus sign never writes 0
            # (« -0 », « -,5 » for 0,5 are not how an admitted value is written).
            if _admits_open_low(c, -hi, -lo, hi_closed=lo > 0):
                return True
        elif _admits_between(c, lo, hi, hi_closed=False):
            return True
    return False


def _admits_open_low(c: Criterion, lo: Fraction, hi: Fraction, hi_closed: bool = True) -> bool:
    """Whether an admitted value lies in (lo, hi] (or (lo, hi) unless ``hi_closed``)."""
    if hi < c.min or (hi == c.min and not hi_closed):
        return False
    k = (hi - c.min) // c.step  # floor
    if not hi_closed and c.min + k * c.step == hi:
        k -= 1  # the largest admitted value strictly below hi
    v = c.min + k * c.step
    v = min(v, c.min + ((c.max - c.min) // c.step) * c.step)
    return v > lo and v >= c.min


def judge(text: str, c: Criterion) -> Judgement:
    """The verdict on ``text`` as a value of criterion ``c`` (see the module's docstring)."""
    s = text.strip()
    if not s:
        return Judgement(Verdict.EMPTY, Reason.NONE, None)
    m = _TEXT.fullmatch(s)
    if m is None:
        return Judgement(Verdict.REFUSED, Reason.NOT_A_NUMBER, None)
    value = spelled_value(s)
    if m["sign"] and c.min >= 0:
        return Judgement(Verdict.REFUSED, Reason.BELOW_MIN, value)
    if value is not None and c.is_valid(value):
        return Judgement(Verdict.VALID, Reason.NONE, value)
    negative = bool(m["sign"])
    frac = m["frac"] if m["sep"] else None
    if _admits_prefix(c, negative, m["int"], frac):
        return Judgement(Verdict.PARTIAL, Reason.INCOMPLETE, value)
    if value is None:
        # An unfinished number that cannot become admitted: say which bound it misses.
        probe = Fraction(int(m["int"] or "0"))
        probe = -probe if negative else probe
        if negative and probe <= c.min:
            return Judgement(Verdict.REFUSED, Reason.BELOW_MIN, None)
        if probe > c.max:
            return Judgement(Verdict.REFUSED, Reason.ABOVE_MAX, None)
        if probe < c.min:
            return Judgement(Verdict.REFUSED, Reason.BELOW_MIN, None)
        return Judgement(Verdict.REFUSED, Reason.OFF_STEP, None)
    if value > c.max:
        return Judgement(Verdict.REFUSED, Reason.ABOVE_MAX, value)
    if value < c.min:
        return Judgement(Verdict.REFUSED, Reason.BELOW_MIN, value)
    return Judgement(Verdict.REFUSED, Reason.OFF_STEP, value)


class Key(Enum):
    """The keys a score cell understands besides characters."""

    BACKSPACE = "backspace"
    ENTER = "enter"
    ESCAPE = "escape"


@record
class Outcome:
    """What a key did: the committed value (``committed``), or why nothing was."""

    judgement: Judgement
    committed: bool = False
    cancelled: bool = False


class ScoreInput:
    """One cell being typed: characters are kept as typed; Enter commits only a VALID text.

    ``press`` returns the outcome; after a commit or a cancel the cell is empty again
    (the next cell starts fresh), after a refused Enter the text stays as it was.
    """

    def __init__(self, criterion: Criterion, text: str = "") -> None:
        self.criterion = criterion
        self.text = text

    @property
    def judgement(self) -> Judgement:
        return judge(self.text, self.criterion)

    def press(self, key: str | Key) -> Outcome:
        if key is Key.BACKSPACE:
            self.text = self.text[:-1]
            return Outcome(self.judgement)
        if key is Key.ESCAPE:
            j = self.judgement
            self.text = ""
            return Outcome(j, cancelled=True)
        if key is Key.ENTER:
            j = self.judgement
            if j.verdict is Verdict.VALID:
                self.text = ""
                return Outcome(j, committed=True)
            return Outcome(j)
        assert isinstance(key, str)
        self.text += key
        return Outcome(self.judgement)
