"""A typed score is exactly the score meant: property tests of ``core.score_input``.

Random keystroke sequences (digits, comma, point, minus, backspace, Enter, Escape) are
played against random criterion scales; whatever is committed must be the number the
keys spell (read by an independent parser) and an admitted value; a complete admitted
text is never refused; PARTIAL means some admitted value is written that way.
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

from hypothesis import example, given, settings
from hypothesis import strategies as st

from jury_desk.core.domain import Criterion
from jury_desk.core.score_input import Key, Reason, ScoreInput, Verdict, judge

_ORACLE = re.compile(r"-?([0-9]+([.,][0-9]+)?|[.,][0-9]+)")


def oracle(text: str) -> Fraction | None:
    """The number a text spells, by another road than the module's."""
    if not _ORACLE.fullmatch(text):
        return None
    t = text.replace(",", ".")
    if t.startswith("-."):
        t = "-0" + t[1:]
    elif t.startswith("."):
        t = "0" + t
    return Fraction(Decimal(t))


def crit(lo: Fraction, step: Fraction, n: int) -> Criterion:
    return Criterion("c", "Critère", "", Fraction(1), lo, lo + n * step, step)


@st.composite
def criteria(draw: st.DrawFn) -> Criterion:
    decimals = draw(st.integers(0, 2))
    unit = Fraction(1, 10**decimals)
    step = unit * draw(st.sampled_from([1, 2, 5, 25]))
    lo = unit * draw(st.integers(-30, 150))
    n = draw(st.integers(1, 40))
    return crit(lo, step, n)


KEYS = st.sampled_from([*"0123456789", ",", ".", "-", Key.BACKSPACE, Key.ENTER, Key.ESCAPE])
EXAMPLES = 3000


@settings(max_examples=EXAMPLES, deadline=None)
@given(criteria(), st.lists(KEYS, max_size=14))
def test_a_committed_value_is_the_number_the_keys_spell(c: Criterion, keys: list) -> None:
    cell = ScoreInput(c)
    typed = ""
    for key in keys:
        before = cell.text
        outcome = cell.press(key)
        if key is Key.ENTER:
            spelled = oracle(before)
            if outcome.committed:
                assert outcome.judgement.value == spelled
                assert spelled is not None and c.is_valid(spelled)
                assert not (before.startswith("-") and c.min >= 0)
                typed = ""
            else:
                # Nothing is committed only when the text is empty or not admitted.
                assert (
                    before.strip() == ""
                    or spelled is None
                    or not c.is_valid(spelled)
                    or (before.startswith("-") and c.min >= 0)
                )
                assert cell.text == before  # a refused Enter keeps the text as typed
        elif key is Key.ESCAPE:
            typed = ""
            assert cell.text == ""
        elif key is Key.BACKSPACE:
            typed = typed[:-1]
        else:
            typed += key
        if key is not Key.ENTER or not outcome.committed:
            assert cell.text == typed  # nothing silently dropped


def written_forms(v: Fraction) -> list[str]:
    """The ways an admitted value can be written (with up to 3 trailing zeros)."""
    d = Decimal(v.numerator) / Decimal(v.denominator)
    text = format(abs(d).normalize(), "f")
    ip, _, fp = text.partition(".")
    sign = "-" if v < 0 else ""
    forms = []
    for pad in range(4):
        frac = fp + "0" * pad
        for i in [ip, ""] if ip == "0" else [ip]:
            for sep in ".,":
                forms.append(f"{sign}{i}{sep}{frac}" if frac else f"{sign}{i}{sep}")
            if not frac:
                forms.append(f"{sign}{i}")
    return forms


@settings(max_examples=1500, deadline=None)
@given(criteria(), st.text(alphabet="0123456789,.-", max_size=6))
@example(crit(Fraction(-1), Fraction(1), 1), "-.")  # found by hypothesis: 0 is never « -,0 »
@example(crit(Fraction(-1), Fraction(1, 2), 2), "-,")
def test_partial_means_some_admitted_value_begins_so(c: Criterion, text: str) -> None:
    j = judge(text, c)
    if j.verdict in (Verdict.VALID, Verdict.EMPTY):
        return
    if text.startswith("-") and c.min >= 0:
        assert j.verdict is Verdict.REFUSED
        return
    forms = [f for v in c.allowed_values() for f in written_forms(v)]
    # Leading zeros do not change a number (« 01 » is 1): compare without them.
    norm = re.sub(r"^(-?)0+(?=[0-9])", r"\1", text)
    begins = any(f.startswith(norm) and f != norm for f in forms)
    assert (j.verdict is Verdict.PARTIAL) == begins, (text, c, j)


def test_the_issue_case_fifteen_on_zero_to_ten() -> None:
    c = crit(Fraction(0), Fraction(1), 10)
    cell = ScoreInput(c)
    cell.press("1")
    assert cell.judgement.verdict is Verdict.VALID
    out = cell.press("5")
    assert cell.text == "15"  # the « 5 » is kept, not dropped
    assert out.judgement.verdict is Verdict.REFUSED
    assert out.judgement.reason is Reason.ABOVE_MAX
    out = cell.press(Key.ENTER)
    assert not out.committed and cell.text == "15"


def test_reasons() -> None:
    half = crit(Fraction(0), Fraction(1, 2), 10)  # 0 to 5 by 0,5
    assert judge("3,2", half).reason is Reason.OFF_STEP
    assert judge("3,", half).verdict is Verdict.PARTIAL
    assert judge("3,50", half).verdict is Verdict.VALID
    assert judge(",5", half).value == Fraction(1, 2)
    assert judge("a", half).reason is Reason.NOT_A_NUMBER
    assert judge("-1", half).reason is Reason.BELOW_MIN
    tens = crit(Fraction(10), Fraction(1), 10)  # 10 to 20
    assert judge("1", tens).verdict is Verdict.PARTIAL
    assert judge("3", tens).reason is Reason.BELOW_MIN
    assert judge("25", tens).reason is Reason.ABOVE_MAX
    neg = crit(Fraction(-2), Fraction(1), 4)  # -2 to 2
    assert judge("-", neg).verdict is Verdict.PARTIAL
    assert judge("-2", neg).value == -2
    assert judge("-3", neg).reason is Reason.BELOW_MIN
