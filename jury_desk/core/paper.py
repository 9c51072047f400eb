"""Paper for the day the laptop fails, and for the opening (issue 13, items 3 and 7).

- :func:`blank_sheets_pdf`: one page per juror, the dossiers in hearing order by the
  criteria with their scales and ids, to be typed back later as a sheets CSV
  (``dossier_id,juror_id,criterion_id,value``) — the ids are printed for that.
- :func:`attendance_sheet_pdf`: the « feuille d’émargement » printed at the opening:
  each juror's name, role and organisation, and a box to sign.

Both are plain reportlab documents in French with the PV's font (DejaVu Sans, embedded).
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from jury_desk.core import fmt
from jury_desk.core.pv import esc
from jury_desk.core.pv_style import FONT, FONT_BOLD, HEAD_BG, INK, MUTED, RULE, _register_fonts

if TYPE_CHECKING:
    from jury_desk.core.services import SessionState

ROLES = {"elu": "Élu(e)", "expert": "Expert(e)", "technicien": "Technicien(ne)"}


def _role(role: Any) -> str:
    key = str(getattr(role, "value", role))
    return ROLES.get(key, key)


def _value(v: Any) -> str:
    return fmt.number(float(v), 0 if float(v).is_integer() else 1)


def _doc(buf: io.BytesIO, title: str, landscape_page: bool) -> Any:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    size = landscape(A4) if landscape_page else A4
    return SimpleDocTemplate(
        buf,
        pagesize=size,
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
        title=title,
        author="jury_desk",
    )


def _styles() -> dict[str, Any]:
    from reportlab.lib.styles import ParagraphStyle

    _register_fonts()
    return {
        "title": ParagraphStyle("t", fontName=FONT_BOLD, fontSize=14, leading=17, textColor=INK),
        "meta": ParagraphStyle("m", fontName=FONT, fontSize=9, leading=11, textColor=MUTED),
        "cell": ParagraphStyle("c", fontName=FONT, fontSize=8, leading=9.6, textColor=INK),
        "head": ParagraphStyle("h", fontName=FONT_BOLD, fontSize=7.5, leading=9, textColor="white"),
        "body": ParagraphStyle("b", fontName=FONT, fontSize=9.5, leading=12, textColor=INK),
    }


def blank_sheets_pdf(st: SessionState) -> bytes:
    """One page per juror (present jurors first when attendance is taken, in the
    manifest's order otherwise): dossiers × criteria, empty cells to fill by hand."""
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, Spacer, Table, TableStyle

    s = _styles()
    buf = io.BytesIO()
    doc = _doc(buf, f"Feuilles de notation — {st.info.title}", landscape_page=True)
    crits = st.criteria
    head = [Paragraph("Dossier", s["head"])] + [
        Paragraph(
            f"{esc(c.label)}<br/><font size='6.5'>{esc(c.id)} · de {_value(c.min)} à "
            f"{_value(c.max)}, pas {_value(c.step)} · coef. {_value(c.weight)}</font>",
            s["head"],
        )
        for c in crits
    ]
    story: list[Any] = []
    recused = {(r.juror_id, r.dossier_id) for r in st.recusals}
    recused |= {(c.juror_id, c.dossier_id) for c in st.conflicts}
    dossiers = sorted(st.dossiers, key=lambda d: d.hearing_order)
    width = doc.width
    first = 62 * mm
    col = (width - first) / max(1, len(crits))
    for n, j in enumerate(st.jurors):
        if n:
            story.append(PageBreak())
        story.append(Paragraph(esc(f"Feuille de notation — {j.name} ({j.id})"), s["title"]))
        story.append(
            Paragraph(
                esc(
                    f"{st.info.title} — {fmt.long_date(st.info.date)} — {st.info.venue}. "
                    "Une valeur par case, dans l’échelle du critère ; case barrée : juré "
                    "récusé pour ce dossier. Signature du juré en bas de page."
                ),
                s["meta"],
            )
        )
        story.append(Spacer(1, 4 * mm))
        rows: list[list[Any]] = [head]
        style = [
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
            ("GRID", (0, 0), (-1, -1), 0.5, RULE),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ]
        for r, d in enumerate(dossiers, start=1):
            rows.append(
                [Paragraph(f"<b>{esc(d.id)}</b> {esc(d.title)}", s["cell"])] + [""] * len(crits)
            )
            if (j.id, d.id) in recused:
                style.append(("BACKGROUND", (1, r), (-1, r), "#d9dde3"))
                rows[-1][1] = Paragraph("récusé(e)", s["cell"])
        table = Table(rows, colWidths=[first] + [col] * len(crits), repeatRows=1, rowHeights=None)
        table.setStyle(TableStyle(style))
        story.append(table)
        story.append(Spacer(1, 6 * mm))
        story.append(Paragraph(esc("Signature du juré :"), s["body"]))
    doc.build(story)
    return buf.getvalue()


def attendance_sheet_pdf(st: SessionState) -> bytes:
    """The « feuille d’émargement » of the session: one line per juror, a box to sign."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    s = _styles()
    buf = io.BytesIO()
    doc = _doc(buf, f"Feuille d’émargement — {st.info.title}", landscape_page=False)
    story: list[Any] = [
        Paragraph(esc("Feuille d’émargement"), s["title"]),
        Paragraph(
            esc(f"{st.info.title} — séance du {fmt.long_date(st.info.date)} — {st.info.venue}"),
            s["meta"],
        ),
        Spacer(1, 6 * mm),
    ]
    rows: list[list[Any]] = [
        [
            Paragraph("Juré", s["head"]),
            Paragraph("Qualité", s["head"]),
            Paragraph("Organisme", s["head"]),
            Paragraph("Signature", s["head"]),
        ]
    ]
    for j in st.jurors:
        rows.append(
            [
                Paragraph(f"<b>{esc(j.name)}</b>", s["cell"]),
                Paragraph(esc(_role(j.role)), s["cell"]),
                Paragraph(esc(j.organisation or ""), s["cell"]),
                "",
            ]
        )
    w = doc.width
    table = Table(
        rows,
        colWidths=[w * 0.28, w * 0.16, w * 0.28, w * 0.28],
        rowHeights=[None] + [16 * mm] * len(st.jurors),
        repeatRows=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
                ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    story.append(table)
    story.append(Spacer(1, 8 * mm))
    story.append(
        Paragraph(
            esc(
                f"Quorum : {st.info.rules.quorum} membres présents. "
                "Arrêtée à l’ouverture de la séance par le secrétariat du jury."
            ),
            s["body"],
        )
    )
    doc.build(story)
    return buf.getvalue()
