"""What every PDF of jury_desk shares: DejaVu Sans (embedded, so accents, « », « — » and
« € » print right), the colours (dark enough to read when printed in grey) and the fitting
of a text into a width. Used by the procès-verbal (:mod:`jury_desk.core.pv`), its chart
(:mod:`jury_desk.core.pv_chart`), its signature stamp (:mod:`jury_desk.core.pv_signing`)
and the printed sheets (:mod:`jury_desk.core.paper`).
"""

from __future__ import annotations

from functools import cache

from jury_desk.core import resources

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
SIGNATURE_FIELD = "Signature-PV"
STAMP_WIDTH, STAMP_HEIGHT = 300.0, 74.0

# Colours (dark enough to read when printed in grey).
INK = "#1b2a3a"
MUTED = "#5a6472"
RULE = "#c5ccd6"
HEAD_BG = "#1f3b5c"
ZEBRA = "#f2f5f9"
BAR_PROPOSED = "#2f6db5"
BAR_ELIGIBLE = "#a9c6e8"
BAR_OTHER = "#c9ccd1"
THRESHOLD = "#b3261e"
CUT = "#1d7a46"
TIE_BAND = "#fff1c2"


@cache
def _register_fonts() -> None:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(FONT, str(resources.path("fonts", "DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(resources.path("fonts", "DejaVuSans-Bold.ttf"))))
    for italic in (0, 1):  # DejaVu Sans ships no oblique here: <i> falls back to upright
        addMapping(FONT, 0, italic, FONT)
        addMapping(FONT, 1, italic, FONT_BOLD)


def _fit(text: str, font: str, size: float, room: float) -> str:
    """``text`` cut with an ellipsis so that it fits ``room`` points."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(text, font, size) <= room:
        return text
    # The longest prefix that fits with its ellipsis: widths only grow with the prefix,
    # so a binary search finds it in log(n) measures instead of one per character cut.
    lo, hi = 0, len(text) - 1  # text[:lo] + "…" fits (or lo == 0); text[:hi + 1] does not
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if stringWidth(text[:mid] + "…", font, size) <= room:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip(" —:,;") + "…"


def wrap_words(text: str, font: str, size: float, room: float) -> list[str]:
    """Greedy lines of ``text`` that fit ``room`` points, cut at ordinary spaces; a word
    wider than the line is cut where it must (a name or an address without spaces)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if stringWidth(candidate, font, size) <= room:
            current = candidate
            continue
        if current:
            lines.append(current)
        pieces = _hard_break(word, font, size, room)
        lines.extend(pieces[:-1])
        current = pieces[-1]
    lines.append(current)
    return lines


def _hard_break(word: str, font: str, size: float, room: float) -> list[str]:
    """A word wider than ``room`` cut into pieces that fit."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    pieces: list[str] = []
    current = ""
    for ch in word:
        if current and stringWidth(current + ch, font, size) > room:
            pieces.append(current)
            current = ch
        else:
            current += ch
    pieces.append(current)
    return pieces
