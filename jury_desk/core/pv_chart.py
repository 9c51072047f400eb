"""The ranking chart of the procès-verbal: every valid dossier's note as a bar, the
threshold, the envelope's cut and the ties at the boundary, drawn with reportlab
graphics, split in chunks that fit a page.
"""

from __future__ import annotations

import sys
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from jury_desk.core import fmt
from jury_desk.core.deliberation import TIE_AT_BOUNDARY, DeliberationResult, DossierResult
from jury_desk.core.domain import JuryDecision
from jury_desk.core.pv_style import (
    BAR_ELIGIBLE,
    BAR_OTHER,
    BAR_PROPOSED,
    CUT,
    FONT,
    FONT_BOLD,
    INK,
    MUTED,
    THRESHOLD,
    TIE_BAND,
    _fit,
)

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing

    from jury_desk.core.services import SessionState


def ranking_chart(
    st: SessionState,
    result: DeliberationResult,
    decision: JuryDecision,
    width: float,
    *,
    rows_per_chart: int = 42,
) -> list[Drawing]:
    """Horizontal bars of the valid dossiers' notes, best first, one drawing per chunk.

    Each bar is the dossier's note (mean), with the spread of the jurors' notes (min to
    max) as a whisker and the median as a diamond; a dashed vertical line marks the
    eligibility threshold, a horizontal one the end of the default proposal (the
    envelope cut); ex æquo dossiers share a shaded band and an « = » after their rank;
    a star marks the jury's laureates.
    """
    valid = [r for r in result.results if r.valid]
    if not valid:
        return []
    proposal = [e.dossier_id for e in result.default_proposal]
    chunks = [valid[i : i + rows_per_chart] for i in range(0, len(valid), rows_per_chart)]
    return [
        _chart(st, result, decision, width, chunk, proposal, last=i == len(chunks) - 1)
        for i, chunk in enumerate(chunks)
    ]


def _without_shape_checking() -> None:
    """Before reportlab.graphics.shapes is first imported: reportlab checks every
    attribute set on a shape against its declared type unless ``rl_config.shapeChecking``
    is off then ("a big help when developing", its own docs say, at a cost). The chart
    sets 34,000 of them at 300 dossiers, 20 ms of every export; its shapes are built
    here only, and tested (tests/core/test_report.py)."""
    if "reportlab.graphics.shapes" not in sys.modules:
        from reportlab import rl_config

        rl_config.shapeChecking = 0


def _chart(
    st: SessionState,
    result: DeliberationResult,
    decision: JuryDecision,
    width: float,
    rows: list[DossierResult],
    proposal: list[str],
    *,
    last: bool,
) -> Drawing:
    _without_shape_checking()
    from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
    from reportlab.lib import colors
    from reportlab.pdfbase.pdfmetrics import stringWidth

    row_h = 15.0 if len(rows) <= 30 else 13.0
    label_w = 206.0
    value_w = 34.0
    x0 = label_w + 8
    x1 = width - value_w
    top_pad, bottom_pad = 26.0, 66.0 if last else 30.0
    in_proposal = set(proposal)
    cut_after = None
    for i, r in enumerate(rows):
        if r.dossier_id in in_proposal:
            cut_after = i
    has_cut = (
        bool(proposal)
        and cut_after is not None
        and (cut_after < len(rows) - 1 or rows[-1].dossier_id == proposal[-1])
    )
    gap = row_h if has_cut else 0.0
    plot_h = row_h * len(rows) + gap
    height = top_pad + plot_h + bottom_pad
    d = Drawing(width, height, initialFontName=FONT, initialFontSize=7)
    ink = colors.HexColor(INK)
    muted = colors.HexColor(MUTED)
    laureates = {lau.dossier_id for lau in decision.laureates}
    flagged = {
        did for f in result.proposal_flags if f.flag == TIE_AT_BOUNDARY for did in f.dossier_ids
    }
    rules = st.info.rules

    def x(v: Fraction | float) -> float:
        return x0 + (x1 - x0) * float(v) / 20.0

    plot_top = height - top_pad
    plot_bottom = plot_top - plot_h

    def row_y(i: int) -> float:
        """Bottom of row i."""
        y = plot_top - (i + 1) * row_h
        if has_cut and cut_after is not None and i > cut_after:
            y -= gap
        return y

    # Ex aequo bands (behind everything).
    i = 0
    while i < len(rows):
        j = i
        while j + 1 < len(rows) and rows[j + 1].rank == rows[i].rank:
            j += 1
        if j > i:
            d.add(
                Rect(
                    0,
                    row_y(j),
                    width,
                    row_y(i) + row_h - row_y(j),
                    fillColor=colors.HexColor(TIE_BAND),
                    strokeColor=None,
                )
            )
        i = j + 1

    # Grid and axis.
    for v in range(0, 21, 2):
        xv = x(v)
        d.add(
            Line(
                xv,
                plot_bottom,
                xv,
                plot_top,
                strokeColor=colors.HexColor("#e3e7ed"),
                strokeWidth=0.5,
            )
        )
        d.add(
            String(
                xv,
                plot_bottom - 10,
                str(v),
                fontName=FONT,
                fontSize=7,
                fillColor=muted,
                textAnchor="middle",
            )
        )
    d.add(Line(x0, plot_bottom, x1, plot_bottom, strokeColor=muted, strokeWidth=0.7))
    d.add(
        String(
            (x0 + x1) / 2,
            plot_bottom - 20,
            "note sur 20 (moyenne des jurés)",
            fontName=FONT,
            fontSize=7,
            fillColor=muted,
            textAnchor="middle",
        )
    )
    d.add(
        String(
            x1 + value_w,
            plot_top + 6,
            "note",
            fontName=FONT_BOLD,
            fontSize=7,
            fillColor=muted,
            textAnchor="end",
        )
    )

    for i, r in enumerate(rows):
        assert r.score is not None and r.median is not None
        y = row_y(i)
        yc = y + row_h / 2
        dd = st.dossier(r.dossier_id)
        if r.dossier_id in in_proposal:
            fill = colors.HexColor(BAR_PROPOSED)
        elif r.eligible:
            fill = colors.HexColor(BAR_ELIGIBLE)
        else:
            fill = colors.HexColor(BAR_OTHER)
        bar_h = row_h * 0.56
        d.add(
            Rect(
                x0,
                yc - bar_h / 2,
                x(r.score) - x0,
                bar_h,
                fillColor=fill,
                strokeColor=colors.HexColor("#e08a00") if r.dossier_id in flagged else None,
                strokeWidth=1.4 if r.dossier_id in flagged else 0,
            )
        )
        lo, hi = min(r.notes.values()), max(r.notes.values())
        d.add(Line(x(lo), yc, x(hi), yc, strokeColor=ink, strokeWidth=0.9))
        for end in (lo, hi):
            d.add(Line(x(end), yc - 3, x(end), yc + 3, strokeColor=ink, strokeWidth=0.9))
        xm = x(r.median)
        d.add(
            Polygon(
                [xm, yc + 3.2, xm + 3.2, yc, xm, yc - 3.2, xm - 3.2, yc],
                fillColor=colors.white,
                strokeColor=ink,
                strokeWidth=0.8,
            )
        )
        star = "★ " if r.dossier_id in laureates else ""
        rank = f"{r.rank}{'=' if r.ex_aequo else ''}"
        d.add(
            String(
                20,
                yc - 2.6,
                rank,
                fontName=FONT_BOLD,
                fontSize=7.4,
                fillColor=ink,
                textAnchor="end",
            )
        )
        prefix = f"{star}{dd.reference} "
        room = label_w - 24 - stringWidth(prefix, FONT_BOLD, 7.2)
        title = _fit(dd.title, FONT, 7.2, room)
        d.add(
            String(
                24,
                yc - 2.6,
                prefix,
                fontName=FONT_BOLD,
                fontSize=7.2,
                fillColor=colors.HexColor("#8a5a00") if star else ink,
            )
        )
        d.add(
            String(
                24 + stringWidth(prefix, FONT_BOLD, 7.2),
                yc - 2.6,
                title,
                fontName=FONT,
                fontSize=7.2,
                fillColor=ink,
            )
        )
        d.add(
            String(
                width,
                yc - 2.6,
                fmt.number(r.score, 2),
                fontName=FONT_BOLD,
                fontSize=7.4,
                fillColor=ink,
                textAnchor="end",
            )
        )

    # Threshold.
    xt = x(rules.min_score)
    d.add(
        Line(
            xt,
            plot_bottom,
            xt,
            plot_top + 2,
            strokeColor=colors.HexColor(THRESHOLD),
            strokeWidth=1.1,
            strokeDashArray=[3, 2],
        )
    )
    d.add(
        String(
            xt,
            plot_top + 6,
            f"note minimale {fmt.number(rules.min_score, 2, trim=True)}/20",
            fontName=FONT_BOLD,
            fontSize=7,
            fillColor=colors.HexColor(THRESHOLD),
            textAnchor="middle",
        )
    )

    # Envelope cut.
    if has_cut and cut_after is not None:
        yl = row_y(cut_after) - gap / 2
        d.add(
            Line(
                0,
                yl,
                width,
                yl,
                strokeColor=colors.HexColor(CUT),
                strokeWidth=1.1,
                strokeDashArray=[5, 2],
            )
        )
        env = rules.envelope_cents
        text = (
            f"limite de la proposition par défaut : {len(proposal)} dossier{'s' if len(proposal) > 1 else ''}, "
            f"{fmt.euros(result.proposal_total_cents, with_cents=False)}"
        )
        if env is not None:
            text += f" sur une enveloppe de {fmt.euros(env, with_cents=False)}"
        tw = stringWidth(text, FONT_BOLD, 7)
        d.add(Rect(width - tw - 8, yl - 5, tw + 8, 10, fillColor=colors.white, strokeColor=None))
        d.add(
            String(
                width - 2,
                yl - 2.5,
                text,
                fontName=FONT_BOLD,
                fontSize=7,
                fillColor=colors.HexColor(CUT),
                textAnchor="end",
            )
        )

    if last:
        # Legend, two lines.
        ly = 12.0
        items: list[tuple[str, Any]] = [
            ("proposé (enveloppe)", colors.HexColor(BAR_PROPOSED)),
            ("éligible, hors enveloppe", colors.HexColor(BAR_ELIGIBLE)),
            ("sous la note minimale", colors.HexColor(BAR_OTHER)),
        ]
        lx = 0.0
        for label, colour in items:
            d.add(Rect(lx, ly + 14, 10, 6, fillColor=colour, strokeColor=None))
            d.add(String(lx + 13, ly + 14.5, label, fontName=FONT, fontSize=7, fillColor=ink))
            lx += 13 + stringWidth(label, FONT, 7) + 14
        d.add(Line(lx, ly + 17, lx + 14, ly + 17, strokeColor=ink, strokeWidth=0.9))
        d.add(
            String(
                lx + 17,
                ly + 14.5,
                "notes extrêmes des jurés",
                fontName=FONT,
                fontSize=7,
                fillColor=ink,
            )
        )
        lx = 0.0
        d.add(
            Polygon(
                [lx + 4, ly + 3.2, lx + 7.2, ly, lx + 4, ly - 3.2, lx + 0.8, ly],
                fillColor=colors.white,
                strokeColor=ink,
                strokeWidth=0.8,
            )
        )
        d.add(String(lx + 13, ly - 2.5, "médiane", fontName=FONT, fontSize=7, fillColor=ink))
        lx += 13 + stringWidth("médiane", FONT, 7) + 14
        d.add(Rect(lx, ly - 3, 10, 6, fillColor=colors.HexColor(TIE_BAND), strokeColor=None))
        d.add(
            String(
                lx + 13,
                ly - 2.5,
                "« = » ex æquo (même note exacte)",
                fontName=FONT,
                fontSize=7,
                fillColor=ink,
            )
        )
        lx += 13 + stringWidth("« = » ex æquo (même note exacte)", FONT, 7) + 14
        d.add(
            String(
                lx,
                ly - 2.5,
                "★ lauréat retenu par le jury",
                fontName=FONT,
                fontSize=7,
                fillColor=colors.HexColor("#8a5a00"),
            )
        )
        if flagged:
            lx += stringWidth("★ lauréat retenu par le jury", FONT, 7) + 14
            d.add(
                Rect(
                    lx,
                    ly - 3,
                    10,
                    6,
                    fillColor=colors.white,
                    strokeColor=colors.HexColor("#e08a00"),
                    strokeWidth=1.4,
                )
            )
            d.add(
                String(
                    lx + 13,
                    ly - 2.5,
                    "égalité à la limite",
                    fontName=FONT,
                    fontSize=7,
                    fillColor=ink,
                )
            )
    return d
