"""The pictures of the deliberation, drawn with QPainter for the projector.

- :class:`EnvelopeBar`: what the envelope allows, what the jury grants, what remains.
- :class:`DotsChart`: each dossier's notes as dots, with the mean and the median.
- :class:`HeatmapChart`: jurors by dossiers, each note coloured by how far it sits
  from the dossier's mean (secretary's screen; the shared screen only after the
  reveal).
- :class:`AlternativesChart`: the ranking by the rules against the median, the
  per-juror z-scores and Majority Judgment, and who would enter or leave.

Colours are the Okabe-Ito set (safe for colour-blind readers), every mark is also
told by a shape or a word, and text is never under 15 px. Each chart carries an
accessible description that says in words what it draws.
"""

from __future__ import annotations

from fractions import Fraction
from functools import cache
from typing import TYPE_CHECKING

from jury_desk.core import fmt
from jury_desk.core.api import DossierResult
from jury_desk.core.records import record
from jury_desk.qt.core import QEvent, QPointF, QRect, QRectF, QSize, Qt
from jury_desk.qt.gui import (
    QAccessible,
    QBrush,
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from jury_desk.qt.widgets import QSizePolicy, QToolTip, QWidget
from jury_desk.ui import theme, wording

if TYPE_CHECKING:
    from jury_desk.ui.deliberation.controller import Snapshot


@record(slots=False)
class Scheme:
    """The colours of a picture: the console's (dark on white) or the shared screen's."""

    ink: QColor
    muted: QColor
    grid: QColor
    paper: QColor
    band: QColor
    blue: QColor  # a laureate, a note
    sky: QColor
    orange: QColor  # an addition, a median
    vermillion: QColor  # a departure, a disagreement, an overrun
    proposal_bg: QColor
    tie_bg: QColor  # a tie at the boundary of the envelope
    alert_bg: QColor
    alert_ink: QColor
    ok_ink: QColor
    absent: QColor


@cache
def _console(high_contrast: bool) -> Scheme:
    c = theme.C
    return Scheme(
        ink=QColor(c.text),
        muted=QColor(c.muted),
        grid=QColor("#BDBDBD"),
        paper=QColor(c.bg),
        band=QColor(c.window),
        blue=QColor("#0072B2"),
        sky=QColor("#56B4E9"),
        orange=QColor("#E69F00"),
        vermillion=QColor("#D55E00"),
        proposal_bg=QColor(c.highlight_bg),
        tie_bg=QColor(c.warn_bg),
        alert_bg=QColor(c.error_bg),
        alert_ink=QColor(c.error),
        ok_ink=QColor(c.ok),
        absent=QColor(c.off_bg),
    )


@cache
def _shared(high_contrast: bool) -> Scheme:
    if high_contrast:  # the shared screen is black on white then
        return _console(True)
    s = theme.S
    return Scheme(
        ink=QColor(s.text),
        muted=QColor(s.muted),
        grid=QColor("#3B4C70"),
        paper=QColor(s.bg),
        band=QColor(s.panel),
        blue=QColor("#56B4E9"),
        sky=QColor("#B5DEF7"),
        orange=QColor("#F5B630"),
        vermillion=QColor("#FF8A5B"),
        proposal_bg=QColor("#1D3F73"),
        tie_bg=QColor("#5C4300"),
        alert_bg=QColor("#5A1A10"),
        alert_ink=QColor("#FFB38A"),
        ok_ink=QColor(s.ok),
        absent=QColor("#2A3550"),
    )


def console_scheme() -> Scheme:
    """The secretary's screen, following the theme's high-contrast switch."""
    return _console(theme.high_contrast)


def shared_scheme() -> Scheme:
    """The shared screen (white on dark blue, or black on white in high contrast)."""
    return _shared(theme.high_contrast)


MIN_TEXT_PX = 15


def _with_alpha(color: QColor, alpha: int) -> QColor:
    c = QColor(color)
    c.setAlpha(alpha)
    return c


def _luminance(c: QColor) -> float:
    return 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF()


def text_on(fill: QColor) -> QColor:
    """Black or white, whichever reads better on ``fill``."""
    return QColor("#111111") if _luminance(fill) >= 0.5 else QColor("#FFFFFF")


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    t = max(0.0, min(1.0, t))
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


def _f(value: Fraction | int | float) -> float:
    return float(value)


# Rows a shared-screen picture's size hint asks room for, at most. The shared panel sets
# its type from its own height (px = height / 36) and a picture's minimum height is about
# px x (8 + 1.6 rows): with more than 17 rows the minimum outgrows the height that set
# the type, and the window grows without end (300 dossiers: 47,000 x 70,000 pixels,
# seconds per paint). 12 keeps it under 0.8 of the height, as with the demonstration.
SHARED_HINT_ROWS = 12


class Chart(QWidget):
    """Common ground: fonts sized for a projector, a white page, the snapshot."""

    def __init__(self, parent: QWidget | None = None, *, shared: bool = False) -> None:
        super().__init__(parent)
        self._snap: Snapshot | None = None
        self._described = True  # the accessible description is that of ``_snap``
        self.shared = shared  # drawn for the shared screen (its colours)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # reachable by Tab, read by screen readers

    @property
    def sc(self) -> Scheme:
        return shared_scheme() if self.shared else console_scheme()

    @property
    def snap(self) -> Snapshot:
        """The snapshot drawn (asked only once there is one: painting, describing)."""
        assert self._snap is not None
        return self._snap

    def set_snapshot(self, snap: Snapshot | None) -> None:
        self._snap = snap
        # The description (every dossier's figures, for a screen reader) takes tens of
        # milliseconds at 300 dossiers: written now when an assistive technology is
        # listening or the chart has the focus, else when the chart gains it.
        self._described = False
        if QAccessible.isActive() or self.hasFocus() or snap is None:
            self._describe_now()
        self.updateGeometry()
        self.update()

    def _describe_now(self) -> None:
        self.setAccessibleDescription(self.describe())
        self._described = True

    def focusInEvent(self, event: QFocusEvent) -> None:
        if not self._described:
            self._describe_now()
        super().focusInEvent(event)

    def describe(self) -> str:
        return ""

    def px(self) -> float:
        """Body text size in pixels: the widget's font, larger when the picture is large
        (a projected picture), never under :data:`MIN_TEXT_PX`."""
        by_size = min(self.height() / 42, self.width() / 75)
        return max(self.base_px(), by_size)

    def base_px(self) -> float:
        """Text size from the font alone (size hints must not depend on the size)."""
        return float(max(MIN_TEXT_PX + 3, self.fontInfo().pixelSize()))

    def font_px(self, scale: float = 1.0, bold: bool = False) -> QFont:
        f = QFont(self.font())
        f.setPixelSize(max(MIN_TEXT_PX, round(self.px() * scale)))
        f.setBold(bold)
        return f

    def _hint_rows(self, n: int) -> int:
        """Rows a size hint asks room for. On the shared screen, whose type grows with
        the picture's height, a hint that grew with every row made a feedback loop (300
        dossiers: a picture millions of pixels high, seconds to paint): there the rows
        share the room the screen has."""
        return min(n, SHARED_HINT_ROWS) if self.shared else n

    def paintEvent(self, event: QPaintEvent) -> None:
        p = self._begin(event.rect())
        try:
            if self._snap is None:
                return
            nothing = self._nothing_to_draw()
            if nothing is not None:
                self._empty(p, nothing)
                return
            self._paint(p)
        finally:
            p.end()

    def _nothing_to_draw(self) -> str | None:
        """What to say instead of the picture when there is nothing to draw."""
        return None

    def _paint(self, p: QPainter) -> None:
        raise NotImplementedError

    def _begin(self, area: QRect | None = None) -> QPainter:
        """A painter clipped to ``area`` (the part to repaint: in a scroll area, the visible
        part), with the paper filled there only."""
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        area = area if area is not None else self.rect()
        p.setClipRect(area)
        p.fillRect(area, self.sc.paper)
        return p

    def _empty(self, p: QPainter, text: str) -> None:
        p.setFont(self.font_px(1.2))
        p.setPen(self.sc.muted)
        p.drawText(
            QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text
        )

    @staticmethod
    def _elide(fm: QFontMetricsF, text: str, width: float) -> str:
        return fm.elidedText(text, Qt.TextElideMode.ElideRight, max(0.0, width))


def _fit(room: float, n: int, low: float, high: float) -> float:
    """The height of one of ``n`` rows sharing ``room``, within [low, high]."""
    return max(low, min(high, room / max(1, n)))


def _dossier_rows(snap: Snapshot) -> list[DossierResult]:
    return list(snap.result.results)


# --------------------------------------------------------------------------- envelope


class EnvelopeBar(Chart):
    """The envelope, live: requested (eligible dossiers), granted by the jury, remaining."""

    def __init__(self, parent: QWidget | None = None, *, shared: bool = False) -> None:
        super().__init__(parent, shared=shared)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Enveloppe"))
        self._segments: list[tuple[QRectF, str]] = []

    def px(self) -> float:
        return self.base_px()  # a fixed height: the type does not follow the width

    def sizeHint(self) -> QSize:
        return QSize(900, int(self.base_px() * 7.8))

    def minimumSizeHint(self) -> QSize:
        return QSize(400, int(self.base_px() * 7.8))

    def figures(self) -> dict[str, int | None]:
        snap = self.snap
        return {
            "envelope": snap.model.envelope.envelope_cents,
            "requested": snap.requested_eligible_cents,
            "proposed": snap.model.envelope.proposal_total_cents,
            "granted": snap.granted_total_cents,
            "remaining": snap.remaining_cents,
        }

    def describe(self) -> str:
        if self._snap is None:
            return ""
        f = self.figures()
        text = self.tr(
            "Enveloppe {env} ; accordé par le jury {granted} ; proposition des règles "
            "{proposed} ; demandé par les dossiers éligibles {requested}."
        ).format(
            env=fmt.euros(f["envelope"], with_cents=False),
            granted=fmt.euros(f["granted"], with_cents=False),
            proposed=fmt.euros(f["proposed"], with_cents=False),
            requested=fmt.euros(f["requested"], with_cents=False),
        )
        remaining = f["remaining"]
        if remaining is not None:
            text += " " + (
                self.tr("Reste {v}.") if remaining >= 0 else self.tr("Dépassement {v}.")
            ).format(v=fmt.euros(abs(remaining), with_cents=False))
        # What the colours say (orange: added by the jury; hatched: amount changed), in words.
        snap = self.snap
        ids = {r.dossier_id for r in snap.result.results}
        kinds: dict[str, list[str]] = {"added": [], "amount": []}
        for lau in snap.decision.laureates:
            if lau.dossier_id in ids:
                kind = snap.departure_kind(snap.result.by_id(lau.dossier_id))
                if kind in kinds:
                    kinds[kind].append(lau.dossier_id)
        if kinds["added"]:
            text += " " + self.tr("Ajoutés par le jury (en orange) : {ids}.").format(
                ids=", ".join(kinds["added"])
            )
        if kinds["amount"]:
            text += " " + self.tr("Montant modifié par le jury (hachuré) : {ids}.").format(
                ids=", ".join(kinds["amount"])
            )
        return text

    def _paint(self, p: QPainter) -> None:
        snap = self.snap
        f = self.figures()
        envelope, granted = f["envelope"], f["granted"] or 0
        requested, proposed = f["requested"] or 0, f["proposed"] or 0
        remaining = f["remaining"]
        px = self.px()
        margin = px * 0.8
        width = self.width() - 2 * margin

        # Line of figures, big.
        p.setFont(self.font_px(1.15, bold=True))
        fm = QFontMetricsF(p.font())
        y = margin * 0.6
        parts: list[tuple[str, QColor]] = [
            (self.tr("Enveloppe {v}").format(v=fmt.euros(envelope, with_cents=False)), self.sc.ink),
            (self.tr("Accordé {v}").format(v=fmt.euros(granted, with_cents=False)), self.sc.blue),
        ]
        if remaining is not None:
            if remaining >= 0:
                parts.append(
                    (
                        self.tr("Reste {v}").format(v=fmt.euros(remaining, with_cents=False)),
                        self.sc.ok_ink,
                    )
                )
            else:
                parts.append(
                    (
                        self.tr("Dépassement {v}").format(
                            v=fmt.euros(-remaining, with_cents=False)
                        ),
                        self.sc.alert_ink,
                    )
                )
        x = margin
        for i, (text, color) in enumerate(parts):
            if i:
                p.setPen(self.sc.muted)
                p.drawText(QPointF(x, y + fm.ascent()), "  ·  ")
                x += fm.horizontalAdvance("  ·  ")
            p.setPen(color)
            p.drawText(QPointF(x, y + fm.ascent()), text)
            x += fm.horizontalAdvance(text)
        p.setFont(self.font_px(0.9))
        fs = QFontMetricsF(p.font())
        side = self.tr("Proposition des règles {p}  ·  Demandé (éligibles) {r}").format(
            p=fmt.euros(proposed, with_cents=False), r=fmt.euros(requested, with_cents=False)
        )
        p.setPen(self.sc.muted)
        side_w = fs.horizontalAdvance(side)
        if x + side_w + px < margin + width:
            p.drawText(QPointF(margin + width - side_w, y + fm.ascent()), side)

        scale_max = max(envelope or 0, granted, requested, proposed, 1)

        def to_x(cents: int) -> float:
            return margin + width * cents / scale_max

        # The requested bar, thin, above.
        top = y + fm.height() + px * 0.5
        req_h = px * 0.45
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self.sc.absent)
        p.drawRect(QRectF(margin, top, to_x(requested) - margin, req_h))
        p.setFont(self.font_px(0.8))
        p.setPen(self.sc.muted)

        # The granted bar: one segment per laureate, in rank order.
        bar_top = top + req_h + px * 0.25
        bar_h = px * 2.0
        self._segments = []
        order = {r.dossier_id: i for i, r in enumerate(snap.result.results)}
        laureates = sorted(snap.decision.laureates, key=lambda lau: order.get(lau.dossier_id, 0))
        start = 0
        p.setFont(self.font_px(0.85, bold=True))
        fl = QFontMetricsF(p.font())
        for i, lau in enumerate(laureates):
            x0, x1 = to_x(start), to_x(start + lau.amount_cents)
            rect = QRectF(x0, bar_top, x1 - x0, bar_h)
            kind = (
                snap.departure_kind(snap.result.by_id(lau.dossier_id))
                if lau.dossier_id in order
                else None
            )
            color = (
                self.sc.orange if kind == "added" else (self.sc.blue if i % 2 == 0 else self.sc.sky)
            )
            p.setPen(QPen(self.sc.paper, 2))
            p.setBrush(color)
            p.drawRect(rect)
            if kind == "amount":
                p.setBrush(QBrush(self.sc.paper, Qt.BrushStyle.BDiagPattern))
                p.drawRect(rect)
            label = lau.dossier_id
            if fl.horizontalAdvance(label) + 8 < rect.width():
                p.setPen(text_on(color))
                p.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
            self._segments.append((rect, lau.dossier_id))
            start += lau.amount_cents

        if envelope is not None:
            ex = to_x(envelope)
            if granted < envelope:  # what remains, outlined
                rect = QRectF(to_x(granted), bar_top, ex - to_x(granted), bar_h)
                p.setPen(QPen(self.sc.ok_ink, 2, Qt.PenStyle.DashLine))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRect(rect.adjusted(1, 1, -1, -1))
            elif granted > envelope:  # the overrun, hatched over the segments
                rect = QRectF(ex, bar_top - 3, to_x(granted) - ex, bar_h + 6)
                p.setPen(QPen(self.sc.vermillion, 3))
                p.setBrush(QBrush(self.sc.vermillion, Qt.BrushStyle.DiagCrossPattern))
                p.drawRect(rect)
            p.setPen(QPen(self.sc.ink, 4))
            p.drawLine(QPointF(ex, top - 2), QPointF(ex, bar_top + bar_h + 4))

        # The rules' proposal, a triangle under the bar.
        tx = to_x(proposed)
        ty = bar_top + bar_h + 3
        tri = QPainterPath()
        tri.moveTo(tx, ty)
        tri.lineTo(tx - px * 0.45, ty + px * 0.6)
        tri.lineTo(tx + px * 0.45, ty + px * 0.6)
        tri.closeSubpath()
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self.sc.ink)
        p.drawPath(tri)
        p.setFont(self.font_px(0.8))
        p.setPen(self.sc.ink)
        label = self.tr("proposition des règles")
        lw = QFontMetricsF(p.font()).horizontalAdvance(label)
        lx = min(max(margin, tx - lw / 2), margin + width - lw)
        p.drawText(QPointF(lx, ty + px * 0.6 + QFontMetricsF(p.font()).ascent() + 2), label)

    def event(self, e: QEvent) -> bool:
        if isinstance(e, QHelpEvent) and e.type() == e.Type.ToolTip and self._snap is not None:
            for rect, did in self._segments:
                if rect.contains(QPointF(e.pos())):
                    d = self._snap.state.dossier(did)
                    amount = self._snap.granted[did].amount_cents
                    QToolTip.showText(
                        e.globalPos(), f"{did} — {d.title}\n{fmt.euros(amount)}", self
                    )
                    return True
            QToolTip.hideText()
            e.ignore()
            return True
        return super().event(e)


# --------------------------------------------------------------------------- dots


class DotsChart(Chart):
    """One line per dossier: every counted juror's note as a dot, the mean, the median."""

    def __init__(self, parent: QWidget | None = None, *, shared: bool = False) -> None:
        super().__init__(parent, shared=shared)
        self.setAccessibleName(self.tr("Notes de chaque dossier : points, moyenne et médiane"))
        self._row_rects: list[tuple[QRectF, str]] = []

    def sizeHint(self) -> QSize:
        n = len(self._snap.result.results) if self._snap is not None else 8
        n = self._hint_rows(n)
        return QSize(1100, int(self.base_px() * 5 + n * self.base_px() * 2.1))

    def minimumSizeHint(self) -> QSize:
        n = len(self._snap.result.results) if self._snap is not None else 4
        n = self._hint_rows(n)
        return QSize(600, int(self.base_px() * 5 + n * self.base_px() * 2.1 * 0.8))

    def describe(self) -> str:
        if self._snap is None:
            return ""
        lines = []
        for r in _dossier_rows(self._snap):
            notes = " ; ".join(fmt.number(n, 1) for n in sorted(r.notes.values()))
            if r.valid:
                lines.append(
                    self.tr("{id} : moyenne {mean}, médiane {median}, notes {notes}").format(
                        id=r.dossier_id,
                        mean=fmt.number(r.score, 2),
                        median=fmt.number(r.median, 2),
                        notes=notes,
                    )
                )
            else:
                lines.append(
                    self.tr("{id} : non valide, notes {notes}").format(
                        id=r.dossier_id, notes=notes or "—"
                    )
                )
        return "\n".join(lines)

    def _nothing_to_draw(self) -> str | None:
        return None if self.snap.result.results else self.tr("Aucun dossier")

    def _paint(self, p: QPainter) -> None:
        snap = self.snap
        px = self.px()
        margin = px * 0.8
        label_font = self.font_px(1.0)
        fm = QFontMetricsF(label_font)
        label_w = min(self.width() * 0.36, fm.horizontalAdvance("M") * 26)
        value_w = (
            max(
                fm.horizontalAdvance("00,00 ⚠"),
                QFontMetricsF(self.font_px(0.9)).horizontalAdvance(self.tr("moyenne")),
            )
            + px * 1.5
        )
        x0 = margin + label_w + px
        x1 = self.width() - margin - value_w
        if x1 - x0 < 100:
            x1 = x0 + 100

        def to_x(v: float) -> float:
            return x0 + (x1 - x0) * v / 20.0

        # Legend.
        y = margin * 0.5
        self._legend(p, QPointF(margin, y), px)
        axis_y = y + px * 2.6
        rows = _dossier_rows(snap)
        top = axis_y + px * 0.5
        row_h = _fit(self.height() - top - px * 2.0, len(rows), px * 1.5, px * 3.0)
        bottom = top + row_h * len(rows)
        # Only the rows the painter's clip reaches are drawn (in a scroll area, or 300
        # dossiers on a projector, most are out of sight: ~60 ms for all of them).
        clip = p.clipBoundingRect()
        first = max(0, int((clip.top() - top) // row_h) - 1)
        last = min(len(rows), int((clip.bottom() - top) // row_h) + 2)

        # Bands first, then the grid over them.
        self._row_rects = [
            (QRectF(margin, top + i * row_h, self.width() - 2 * margin, row_h), r.dossier_id)
            for i, r in enumerate(rows)
        ]  # every row's, for the tooltips
        for i in range(first, last):
            band, r = self._row_rects[i][0], rows[i]
            if r.dossier_id in snap.boundary_ties:
                p.fillRect(band, self.sc.tie_bg)
            elif r.dossier_id in snap.granted:
                p.fillRect(band, self.sc.proposal_bg)
            elif i % 2:
                p.fillRect(band, self.sc.band)
        p.setFont(self.font_px(0.9))
        fa = QFontMetricsF(p.font())
        for v in range(0, 21, 2):
            x = to_x(v)
            p.setPen(QPen(self.sc.grid, 1 if v % 4 else 1.6))
            p.drawLine(QPointF(x, top), QPointF(x, bottom))
            if v % 4 == 0:
                p.setPen(self.sc.muted)
                t = str(v)
                p.drawText(QPointF(x - fa.horizontalAdvance(t) / 2, axis_y - 2), t)
        p.setPen(self.sc.muted)
        head = self.tr("moyenne")
        p.drawText(QPointF(self.width() - margin - fa.horizontalAdvance(head), axis_y - 2), head)

        threshold = _f(snap.state.rules.min_score)
        radius = max(6.0, min(px * 0.42, row_h * 0.22))
        for i in range(first, last):
            r = rows[i]
            ry = top + i * row_h
            cy = ry + row_h / 2
            # label
            laureate = r.dossier_id in snap.granted
            p.setFont(self.font_px(1.0, bold=laureate))
            fl = QFontMetricsF(p.font())
            rank = f"{r.rank}" if r.rank is not None else "—"
            p.setPen(self.sc.ink if r.valid else self.sc.muted)
            p.drawText(
                QRectF(margin + 4, ry, fl.horizontalAdvance("000"), row_h),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                rank,
            )
            title = f"{r.dossier_id}  {snap.state.dossier(r.dossier_id).title}"
            lx = margin + 4 + fl.horizontalAdvance("000") + px * 0.5
            p.drawText(
                QRectF(lx, ry, label_w - (lx - margin), row_h),
                Qt.AlignmentFlag.AlignVCenter,
                self._elide(fl, title, label_w - (lx - margin)),
            )
            # dots (equal notes stacked a little)
            seen: dict[Fraction, int] = {}
            p.setPen(QPen(self.sc.ink, 1.2))
            p.setBrush(_with_alpha(self.sc.blue if r.valid else self.sc.muted, 190))
            for note in sorted(r.notes.values()):
                k = seen.get(note, 0)
                seen[note] = k + 1
                dy = (-1) ** k * ((k + 1) // 2) * radius * 0.9
                p.drawEllipse(QPointF(to_x(_f(note)), cy + dy), radius, radius)
            if r.valid and r.score is not None and r.median is not None:
                # mean: a thick black bar; median: an orange diamond
                mx = to_x(_f(r.score))
                p.setPen(
                    QPen(
                        self.sc.ink,
                        max(4.0, px * 0.22),
                        Qt.PenStyle.SolidLine,
                        Qt.PenCapStyle.FlatCap,
                    )
                )
                p.drawLine(QPointF(mx, cy - row_h * 0.4), QPointF(mx, cy + row_h * 0.4))
                dx = to_x(_f(r.median))
                d = radius * 1.25
                diamond = QPainterPath()
                diamond.moveTo(dx, cy - d)
                diamond.lineTo(dx + d, cy)
                diamond.lineTo(dx, cy + d)
                diamond.lineTo(dx - d, cy)
                diamond.closeSubpath()
                p.setPen(QPen(self.sc.ink, 2))
                p.setBrush(self.sc.orange)
                p.drawPath(diamond)
                p.setFont(self.font_px(1.0, bold=True))
                p.setPen(self.sc.alert_ink if r.disagreement else self.sc.ink)
                text = fmt.number(r.score, 2) + (" ⚠" if r.disagreement else "")
                p.drawText(
                    QRectF(x1 + px * 0.6, ry, value_w, row_h), Qt.AlignmentFlag.AlignVCenter, text
                )
            else:
                p.setFont(self.font_px(0.9, bold=True))
                p.setPen(self.sc.alert_ink)
                p.drawText(
                    QRectF(x1 + px * 0.6, ry, value_w, row_h),
                    Qt.AlignmentFlag.AlignVCenter,
                    self.tr("non valide"),
                )
        # the threshold, dashed, over the rows
        tx = to_x(threshold)
        p.setPen(QPen(self.sc.vermillion, 3, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(tx, top), QPointF(tx, bottom))
        p.setFont(self.font_px(0.9, bold=True))
        p.setPen(self.sc.vermillion)
        label = self.tr("seuil {v}").format(v=fmt.number(snap.state.rules.min_score, 2, trim=True))
        p.drawText(QPointF(tx + 4, bottom + QFontMetricsF(p.font()).ascent() + 2), label)

    def _legend(self, p: QPainter, origin: QPointF, px: float) -> None:
        p.setFont(self.font_px(0.95))
        fm = QFontMetricsF(p.font())
        x, cy = origin.x(), origin.y() + fm.height() / 2 + 2
        r = max(6.0, px * 0.36)
        p.setPen(QPen(self.sc.ink, 1.2))
        p.setBrush(_with_alpha(self.sc.blue, 190))
        p.drawEllipse(QPointF(x + r, cy), r, r)
        x += 2 * r + 6
        for text, draw in (
            (self.tr("note d'un juré"), None),
            (self.tr("moyenne"), "mean"),
            (self.tr("médiane"), "median"),
            (self.tr("seuil d'éligibilité"), "threshold"),
            (self.tr("lauréat du jury"), "laureate"),
            (self.tr("ex æquo à la limite"), "tie"),
        ):
            if draw == "mean":
                p.setPen(QPen(self.sc.ink, max(4.0, px * 0.22)))
                p.drawLine(QPointF(x + 4, cy - r * 1.3), QPointF(x + 4, cy + r * 1.3))
                x += 14
            elif draw == "median":
                d = r * 1.2
                path = QPainterPath()
                path.moveTo(x + d, cy - d)
                path.lineTo(x + 2 * d, cy)
                path.lineTo(x + d, cy + d)
                path.lineTo(x, cy)
                path.closeSubpath()
                p.setPen(QPen(self.sc.ink, 2))
                p.setBrush(self.sc.orange)
                p.drawPath(path)
                x += 2 * d + 6
            elif draw == "threshold":
                p.setPen(QPen(self.sc.vermillion, 3, Qt.PenStyle.DashLine))
                p.drawLine(QPointF(x + 4, cy - r * 1.3), QPointF(x + 4, cy + r * 1.3))
                x += 14
            elif draw in ("laureate", "tie"):
                p.setPen(QPen(self.sc.grid, 1))
                p.setBrush(self.sc.proposal_bg if draw == "laureate" else self.sc.tie_bg)
                p.drawRect(QRectF(x, cy - r * 1.2, r * 3, r * 2.4))
                x += r * 3 + 6
            p.setPen(self.sc.ink)
            p.drawText(QPointF(x, cy + fm.ascent() / 2 - 2), text)
            x += fm.horizontalAdvance(text) + px * 1.2

    def event(self, e: QEvent) -> bool:
        if isinstance(e, QHelpEvent) and e.type() == e.Type.ToolTip and self._snap is not None:
            for rect, did in self._row_rects:
                if rect.contains(QPointF(e.pos())):
                    r = self._snap.result.by_id(did)
                    notes = " ; ".join(fmt.number(n, 2) for n in sorted(r.notes.values()))
                    text = self.tr(
                        "{id} — notes : {notes}\nmoyenne {mean} · médiane {median} · écart-type {sd}"
                    ).format(
                        id=did,
                        notes=notes or "—",
                        mean=fmt.number(r.score, 2),
                        median=fmt.number(r.median, 2),
                        sd=fmt.number(r.sd, 2),
                    )
                    QToolTip.showText(e.globalPos(), text, self)
                    return True
            QToolTip.hideText()
            e.ignore()
            return True
        return super().event(e)


# --------------------------------------------------------------------------- heatmap


def _short_name(name: str) -> tuple[str, str]:
    first, _, last = name.partition(" ")
    return (first, last) if last else (name, "")


class HeatmapChart(Chart):
    """Jurors by dossiers: each note, coloured by its distance to the dossier's mean.

    Individual values: never on the shared screen before the reveal.
    """

    SATURATION = 4.0  # points /20 away from the mean that give the full colour

    def __init__(self, parent: QWidget | None = None, *, shared: bool = False) -> None:
        super().__init__(parent, shared=shared)
        self.setAccessibleName(self.tr("Carte des notes : jurés par dossiers"))
        self._cells: list[tuple[QRectF, str]] = []

    def sizeHint(self) -> QSize:
        n = len(self._snap.result.results) if self._snap is not None else 8
        n = self._hint_rows(n)
        return QSize(1100, int(self.base_px() * 9 + (n + 1) * self.base_px() * 2.0))

    def minimumSizeHint(self) -> QSize:
        n = len(self._snap.result.results) if self._snap is not None else 4
        n = self._hint_rows(n)
        return QSize(600, int(self.base_px() * 8 + (n + 1) * self.base_px() * 1.6))

    def px(self) -> float:
        """As large as the picture allows, but small enough for every row to fit: on a
        4:3 projector the last dossiers were cut off. Never under :data:`MIN_TEXT_PX`."""
        n = len(self._snap.result.results) if self._snap is not None else 0
        units = 7.5 + (n + 1) * 1.6  # legend, column heads, rows and margins, in px
        return max(float(MIN_TEXT_PX), min(super().px(), self.height() / units))

    def deviation(self, r: DossierResult, juror_id: str) -> float | None:
        """The juror's note minus the dossier's mean (the read model's)."""
        dev = self.snap.model.dossier(r.dossier_id).deviations.get(juror_id)
        return None if dev is None else _f(dev)

    def color_for(self, dev: float) -> QColor:
        t = min(1.0, abs(dev) / self.SATURATION)
        return _mix(self.sc.paper, self.sc.blue if dev > 0 else self.sc.orange, t * 0.95)

    def juror_leaning(self) -> dict[str, float | None]:
        """Each juror's mean distance to the dossiers' means (negative: severe)."""
        return {j: None if v is None else _f(v) for j, v in self.snap.model.leanings.items()}

    def agreement_level(self, w: Fraction) -> str:
        """Words for Kendall's W (usual reading: 0.7 and over strong, under 0.5 weak)."""
        if w >= Fraction(7, 10):
            return self.tr("accord fort")
        if w >= Fraction(1, 2):
            return self.tr("accord moyen")
        return self.tr("accord faible")

    def describe(self) -> str:
        if self._snap is None:
            return ""
        w = self._snap.concordance
        lines = [
            self.tr("Concordance de Kendall W = {w}").format(
                w=fmt.number(w, 2) if w is not None else "—"
            )
        ]
        for j, lean in self.juror_leaning().items():
            if lean is not None:
                lines.append(
                    self.tr("{name} : écart moyen {v}").format(
                        name=self._snap.state.juror(j).name, v=_signed(lean)
                    )
                )
        return "\n".join(lines)

    def _nothing_to_draw(self) -> str | None:
        return None if self.snap.result.results else self.tr("Aucun dossier")

    def _paint(self, p: QPainter) -> None:
        snap = self.snap
        st = snap.state
        px = self.px()
        margin = px * 0.8
        rows = _dossier_rows(snap)
        jurors = list(st.jurors)
        body = self.font_px(1.0)
        fm = QFontMetricsF(body)
        label_w = min(self.width() * 0.3, fm.horizontalAdvance("M") * 20)

        # Legend: the gradient and Kendall's W.
        y = margin * 0.5
        p.setFont(self.font_px(0.95))
        fl = QFontMetricsF(p.font())
        left_t = self.tr("plus sévère que la moyenne du dossier")
        right_t = self.tr("plus généreux")
        x = margin
        p.setPen(self.sc.ink)
        p.drawText(QPointF(x, y + fl.ascent()), left_t)
        x += fl.horizontalAdvance(left_t) + px * 0.5
        grad_w = px * 10
        grad = QLinearGradient(x, 0, x + grad_w, 0)
        grad.setColorAt(0.0, self.color_for(-self.SATURATION))
        grad.setColorAt(0.5, self.sc.paper)
        grad.setColorAt(1.0, self.color_for(self.SATURATION))
        p.setPen(QPen(self.sc.ink, 1))
        p.setBrush(QBrush(grad))
        p.drawRect(QRectF(x, y + 2, grad_w, fl.height() - 4))
        p.setFont(self.font_px(0.8))
        fs = QFontMetricsF(p.font())
        for v, pos in ((-4, 0.0), (0, 0.5), (4, 1.0)):
            t = _signed(v, 0)
            p.drawText(
                QPointF(
                    x + grad_w * pos - fs.horizontalAdvance(t) / 2,
                    y + fl.height() + fs.ascent() + 1,
                ),
                t,
            )
        p.setFont(self.font_px(0.95))
        x += grad_w + px * 0.5
        p.drawText(QPointF(x, y + fl.ascent()), right_t)
        w = snap.concordance
        if w is not None:
            x += fl.horizontalAdvance(right_t) + px * 1.5
            p.setFont(self.font_px(0.95, bold=True))
            wt = self.tr("W de Kendall : {w} — {level}").format(
                w=fmt.number(w, 2), level=self.agreement_level(w)
            )
            wide = QFontMetricsF(p.font()).horizontalAdvance(wt)
            if x + wide <= self.width() - margin:
                p.drawText(QPointF(x, y + fl.ascent()), wt)
            else:  # no room after the legend: under it, on the right
                p.drawText(QPointF(self.width() - margin - wide, y + fl.height() + fl.ascent()), wt)

        # Column heads: jurors' names on two lines.
        head_top = y + fl.height() + px * 1.6
        head_h = px * 2.6
        grid_left = margin + label_w + px * 0.5
        col_w = (self.width() - margin - grid_left) / max(1, len(jurors))
        row_h = _fit(
            self.height() - head_top - head_h - px * 0.6 - margin, len(rows) + 1, px * 1.6, px * 3.0
        )
        p.setFont(self.font_px(0.9, bold=True))
        fh = QFontMetricsF(p.font())
        present = st.present
        for c, j in enumerate(jurors):
            first, last = _short_name(j.name)
            rect = QRectF(grid_left + c * col_w, head_top, col_w, head_h)
            p.setPen(self.sc.ink if j.id in present else self.sc.muted)
            p.drawText(
                QRectF(rect.x(), rect.y(), rect.width(), head_h / 2),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                self._elide(fh, first, col_w - 4),
            )
            p.drawText(
                QRectF(rect.x(), rect.y() + head_h / 2, rect.width(), head_h / 2),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                self._elide(fh, last or j.id, col_w - 4),
            )

        # Cells.
        grid_top = head_top + head_h
        self._cells = []
        recused = {(rc.juror_id, rc.dossier_id): rc for rc in st.recusals}
        cell_font = self.font_px(1.0, bold=True)
        small = self.font_px(0.8)
        clip = p.clipBoundingRect()  # the visible part: rows out of it are not drawn
        for i, r in enumerate(rows):
            ry = grid_top + i * row_h
            if not clip.isEmpty() and (ry + row_h < clip.top() or ry > clip.bottom()):
                self._cells.extend(
                    (
                        QRectF(grid_left + c * col_w, ry, col_w, row_h).adjusted(
                            1.5, 1.5, -1.5, -1.5
                        ),
                        f"{r.dossier_id}|{j.id}",
                    )
                    for c, j in enumerate(jurors)
                )
                continue
            laureate = r.dossier_id in snap.granted
            if r.dossier_id in snap.boundary_ties:
                p.fillRect(QRectF(margin, ry, label_w, row_h), self.sc.tie_bg)
            elif laureate:
                p.fillRect(QRectF(margin, ry, label_w, row_h), self.sc.proposal_bg)
            p.setFont(self.font_px(1.0, bold=laureate))
            flb = QFontMetricsF(p.font())
            p.setPen(self.sc.ink if r.valid else self.sc.muted)
            label = f"{r.rank if r.rank is not None else '—'}. {r.dossier_id}  {st.dossier(r.dossier_id).title}"
            p.drawText(
                QRectF(margin + 4, ry, label_w - 8, row_h),
                Qt.AlignmentFlag.AlignVCenter,
                self._elide(flb, label, label_w - 8),
            )
            for c, j in enumerate(jurors):
                rect = QRectF(grid_left + c * col_w, ry, col_w, row_h).adjusted(
                    1.5, 1.5, -1.5, -1.5
                )
                self._cells.append((rect, f"{r.dossier_id}|{j.id}"))
                note = r.notes.get(j.id)
                rc = recused.get((j.id, r.dossier_id))
                if j.id not in present or rc is not None:
                    p.setPen(Qt.PenStyle.NoPen)
                    p.setBrush(self.sc.absent)
                    p.drawRect(rect)
                    p.setBrush(QBrush(self.sc.paper, Qt.BrushStyle.BDiagPattern))
                    p.drawRect(rect)
                    p.setFont(small)
                    p.setPen(self.sc.ink)
                    word = (
                        self.tr("absent")
                        if j.id not in present or (rc and rc.kind == "absent")
                        else self.tr("déport")
                    )
                    p.drawText(rect, Qt.AlignmentFlag.AlignCenter, word)
                    continue
                if note is None:
                    p.setPen(QPen(self.sc.vermillion, 3))
                    p.setBrush(self.sc.paper)
                    p.drawRect(rect.adjusted(1, 1, -1, -1))
                    p.setFont(small)
                    p.setPen(self.sc.alert_ink)
                    p.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.tr("manque"))
                    continue
                dev = self.deviation(r, j.id) or 0.0
                fill = self.color_for(dev)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(fill)
                p.drawRect(rect)
                p.setFont(cell_font)
                p.setPen(text_on(fill))
                p.drawText(rect, Qt.AlignmentFlag.AlignCenter, fmt.number(note, 1))

        # Footer: each juror's mean distance (leaning).
        fy = grid_top + len(rows) * row_h + px * 0.3
        p.setPen(QPen(self.sc.ink, 2))
        p.drawLine(QPointF(margin, fy), QPointF(self.width() - margin, fy))
        p.setFont(self.font_px(0.95, bold=True))
        p.setPen(self.sc.ink)
        p.drawText(
            QRectF(margin + 4, fy, label_w - 8, row_h),
            Qt.AlignmentFlag.AlignVCenter,
            self.tr("Écart moyen du juré"),
        )
        leaning = self.juror_leaning()  # once, not once per juror
        for c, j in enumerate(jurors):
            lean = leaning.get(j.id)
            rect = QRectF(grid_left + c * col_w, fy, col_w, row_h)
            p.drawText(
                rect, Qt.AlignmentFlag.AlignCenter, _signed(lean) if lean is not None else "—"
            )

    def event(self, e: QEvent) -> bool:
        if isinstance(e, QHelpEvent) and e.type() == e.Type.ToolTip and self._snap is not None:
            for rect, key in self._cells:
                if rect.contains(QPointF(e.pos())):
                    did, jid = key.split("|")
                    r = self._snap.result.by_id(did)
                    note = r.notes.get(jid)
                    who = self._snap.state.juror(jid).name
                    text = f"{who} — {did}\n" + (
                        self.tr("note {n} ; écart à la moyenne {d}").format(
                            n=fmt.number(note, 2), d=_signed(self.deviation(r, jid) or 0.0)
                        )
                        if note is not None
                        else self.tr("pas de note")
                    )
                    QToolTip.showText(e.globalPos(), text, self)
                    return True
            QToolTip.hideText()
            e.ignore()
            return True
        return super().event(e)


def _signed(v: float, decimals: int = 1) -> str:
    text = fmt.number(abs(v), decimals)
    if text.strip("0,") == "":
        return text
    return ("+" if v > 0 else "−") + text


# --------------------------------------------------------------------------- alternatives


class AlternativesChart(Chart):
    """The rules' ranking beside three other methods: lines show who moves, and who
    would enter or leave the laureates."""

    def __init__(self, parent: QWidget | None = None, *, shared: bool = False) -> None:
        super().__init__(parent, shared=shared)
        self.setAccessibleName(self.tr("Comparaison avec d'autres méthodes de classement"))

    def columns(self) -> list[tuple[str, str, dict[str, int | None], set[str]]]:
        """(method, heading, ranks, laureates), the rules' own ranking first."""
        snap = self.snap
        ranks = {r.dossier_id: r.rank for r in snap.result.results}
        cols = [("rules", self.tr("Moyenne\n(règle)"), ranks, set(snap.default_amounts))]
        heads = {
            "median": self.tr("Médiane"),
            "zscore": self.tr("z-scores\npar juré"),
            "majority_judgment": self.tr("Jugement\nmajoritaire"),
        }
        for alt in snap.alternatives:
            cols.append(
                (
                    alt.method,
                    heads.get(alt.method, wording.method_label(alt.method)),
                    dict(alt.ranks),
                    set(alt.laureates),
                )
            )
        return cols

    def changes(self) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
        """(label, entering, leaving) for each alternative."""
        return [
            (wording.method_label(alt.method), alt.entering, alt.leaving)
            for alt in self.snap.alternatives
        ]

    def sizeHint(self) -> QSize:
        n = sum(1 for r in self._snap.result.results if r.valid) if self._snap is not None else 8
        n = self._hint_rows(n)
        return QSize(1100, int(self.base_px() * (8 + 2.0 * n)))

    def minimumSizeHint(self) -> QSize:
        n = sum(1 for r in self._snap.result.results if r.valid) if self._snap is not None else 4
        n = self._hint_rows(n)
        return QSize(600, int(self.base_px() * (7 + 1.6 * n)))

    def describe(self) -> str:
        if self._snap is None:
            return ""
        lines = []
        for label, entering, leaving in self.changes():
            lines.append(f"{label} : " + self._change_text(entering, leaving))
        return "\n".join(lines)

    def _change_text(self, entering: tuple[str, ...], leaving: tuple[str, ...]) -> str:
        if not entering and not leaving:
            return self.tr("mêmes lauréats")
        parts = []
        if entering:
            parts.append(self.tr("entrerait : {ids}").format(ids=", ".join(entering)))
        if leaving:
            parts.append(self.tr("sortirait : {ids}").format(ids=", ".join(leaving)))
        return " ; ".join(parts)

    def _nothing_to_draw(self) -> str | None:
        if any(r.valid for r in self.snap.result.results):
            return None
        return self.tr("Aucun dossier valide : rien à comparer.")

    def _paint(self, p: QPainter) -> None:
        snap = self.snap
        px = self.px()
        margin = px * 0.8
        cols = self.columns()
        valid = [r for r in snap.result.results if r.valid]
        stable = {r.dossier_id: i for i, r in enumerate(valid)}
        moving_in = {d for _, ent, _ in self.changes() for d in ent}
        moving_out = {d for _, _, lea in self.changes() for d in lea}

        body = self.font_px(1.0)
        fm = QFontMetricsF(body)
        label_w = min(self.width() * 0.3, fm.horizontalAdvance("M") * 19)
        right_w = fm.horizontalAdvance("d000") + px
        changes_h = (len(snap.alternatives) + 1) * fm.height() * 1.15 + px
        head_h = px * 2.8
        top = margin * 0.5 + head_h
        n = len(valid)
        avail = self.height() - top - changes_h - margin
        row_h = _fit(avail, n, px * 1.5, px * 3.0)
        xs_left = margin + label_w + px
        xs_right = self.width() - margin - right_w
        step = (xs_right - xs_left) / max(1, len(cols) - 1)
        xs = [xs_left + i * step for i in range(len(cols))]
        radius = max(11.0, min(row_h * 0.42, px * 0.85))

        # headings
        p.setFont(self.font_px(0.95, bold=True))
        p.setPen(self.sc.ink)
        for x, (_, head, _, _) in zip(xs, cols, strict=True):
            p.drawText(
                QRectF(x - step / 2, margin * 0.5, step, head_h - px * 0.4),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                head,
            )

        # positions: rows in each column's order (rank, then the rules' order)
        pos: list[dict[str, float]] = []
        for _, _, ranks, _ in cols:

            def place(d: str, rk: dict[str, int | None] = ranks) -> tuple[int, int]:
                return (rk.get(d) or 10**6, stable[d])

            order = sorted((r.dossier_id for r in valid), key=place)
            pos.append({d: top + (i + 0.5) * row_h for i, d in enumerate(order)})

        # bands behind the rules' column rows, the labels
        for d in (r.dossier_id for r in valid):
            y = pos[0][d]
            band = QRectF(margin, y - row_h / 2, label_w, row_h)
            if d in snap.boundary_ties:
                p.fillRect(band, self.sc.tie_bg)
            elif d in snap.default_amounts:
                p.fillRect(band, self.sc.proposal_bg)
            p.setFont(self.font_px(1.0, bold=d in snap.default_amounts))
            flb = QFontMetricsF(p.font())
            p.setPen(self.sc.ink)
            label = f"{d}  {snap.state.dossier(d).title}"
            p.drawText(
                band.adjusted(4, 0, -4, 0),
                Qt.AlignmentFlag.AlignVCenter,
                self._elide(flb, label, label_w - 8),
            )
            p.setFont(self.font_px(1.0, bold=d in moving_in or d in moving_out))
            p.setPen(self.sc.alert_ink if d in moving_in or d in moving_out else self.sc.ink)
            p.drawText(
                QRectF(xs[-1] + radius + 6, pos[-1][d] - row_h / 2, right_w, row_h),
                Qt.AlignmentFlag.AlignVCenter,
                d,
            )

        # lines
        for d in (r.dossier_id for r in valid):
            if d in moving_in:
                pen = QPen(self.sc.orange, 5)
            elif d in moving_out:
                pen = QPen(self.sc.vermillion, 5, Qt.PenStyle.DashLine)
            elif d in snap.default_amounts:
                pen = QPen(self.sc.blue, 3)
            else:
                pen = QPen(self.sc.grid, 3)
            p.setPen(pen)
            path = QPainterPath(QPointF(xs[0], pos[0][d]))
            for i in range(1, len(cols)):
                x0, x1 = xs[i - 1], xs[i]
                y0, y1 = pos[i - 1][d], pos[i][d]
                path.cubicTo(
                    QPointF((x0 + x1) / 2, y0), QPointF((x0 + x1) / 2, y1), QPointF(x1, y1)
                )
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(path)

        # circles with the rank inside: filled = laureate by that method
        p.setFont(self.font_px(0.85, bold=True))
        for i, (_, _, ranks, laureates) in enumerate(cols):
            for d in (r.dossier_id for r in valid):
                c = QPointF(xs[i], pos[i][d])
                if d in laureates:
                    fill = self.sc.orange if d in moving_in and i else self.sc.blue
                    p.setPen(QPen(self.sc.ink, 1.5))
                    p.setBrush(fill)
                    ink = text_on(fill)
                else:
                    p.setPen(
                        QPen(self.sc.vermillion if d in moving_out and i else self.sc.muted, 2.5)
                    )
                    p.setBrush(self.sc.paper)
                    ink = self.sc.ink
                p.drawEllipse(c, radius, radius)
                p.setPen(ink)
                p.drawText(
                    QRectF(c.x() - radius, c.y() - radius, 2 * radius, 2 * radius),
                    Qt.AlignmentFlag.AlignCenter,
                    str(ranks.get(d) or "—"),
                )

        # who would change
        y = top + n * row_h + px * 0.8
        p.setFont(self.font_px(1.0, bold=True))
        fb = QFontMetricsF(p.font())
        p.setPen(self.sc.ink)
        p.drawText(
            QPointF(margin, y + fb.ascent()),
            self.tr(
                "Qui changerait ? ● lauréat selon la méthode, ○ non retenu ; trait orange : "
                "entrerait, tireté rouge : sortirait"
            ),
        )
        y += fb.height() * 1.15
        p.setFont(self.font_px(1.0))
        fr = QFontMetricsF(p.font())
        for label, entering, leaving in self.changes():
            changed = bool(entering or leaving)
            p.setPen(self.sc.alert_ink if changed else self.sc.ink)
            text = f"{label} : {self._change_text(entering, leaving)}"
            p.drawText(
                QPointF(margin + px, y + fr.ascent()),
                self._elide(fr, text, self.width() - 2 * margin - px),
            )
            y += fr.height() * 1.15
