"""The procès-verbal's layout: a French PDF (reportlab platypus).

:func:`build_pv` lays out the minutes of a deliberation from its read model
(:class:`~jury_desk.core.readmodel.DeliberationState`). Every page carries a header, the
page number (« Page 2 sur 7 ») and the head of the audit chain. Big tables are plain-text
cells wrapped here (:func:`wrap_lines`), not Paragraphs: three times faster to lay out.
The ranking chart is drawn by :mod:`jury_desk.core.pv_chart`, the fonts and colours come
from :mod:`jury_desk.core.pv_style`, and :mod:`jury_desk.core.pv_signing` signs the result
(PAdES) and validates it. reportlab is imported when a PDF is made (FIELD-NOTES: 0.1 s).
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar
from xml.sax.saxutils import escape

from jury_desk import __version__, messages
from jury_desk.core import crypto, fmt
from jury_desk.core import text as textrules
from jury_desk.core.deliberation import (
    DepartureKind,
    DossierResult,
)
from jury_desk.core.domain import RecusalKind, RecusalSource
from jury_desk.core.pv_chart import ranking_chart
from jury_desk.core.pv_style import (
    FONT,
    FONT_BOLD,
    HEAD_BG,
    INK,
    MUTED,
    RULE,
    STAMP_HEIGHT,
    STAMP_WIDTH,
    THRESHOLD,
    ZEBRA,
    _fit,
    _register_fonts,
    wrap_words,
)
from jury_desk.core.records import record
from jury_desk.core.result_document import flag_sentence, role_label, short_title
from jury_desk.core.state import value_authors as value_authors

if TYPE_CHECKING:
    from reportlab.platypus import Flowable, Table

    from jury_desk.core.readmodel import DeliberationState
    from jury_desk.core.replay import SealedChange
    from jury_desk.core.services import SessionState

log = logging.getLogger(__name__)

T = TypeVar("T")

# --------------------------------------------------------------------------- text


_SPACE_BEFORE = re.compile(r" ([:;!?»])")
_BREAKABLE = re.compile(r"[ \t\r\n]+")
_SPACE_AFTER = re.compile(r"« ")


def typo(text: str) -> str:
    """French spacing: no-break space before « : », narrow ones before ; ! ? » and after «.
    The text is made printable first (:func:`printable`)."""
    text = printable(text)

    def before(m: re.Match[str]) -> str:
        return (fmt.NBSP if m.group(1) == ":" else fmt.NNBSP) + m.group(1)

    text = _SPACE_BEFORE.sub(before, text)
    return _SPACE_AFTER.sub("«" + fmt.NNBSP, text).replace("'", "’")


def esc(text: str) -> str:
    """User or programme text made safe for a Paragraph (XML escaped, French spacing)."""
    return escape(typo(text.strip())).replace("\r\n", "\n").replace("\n", "<br/>")


def _markup(text: str, size: float) -> str:
    """reportlab breaks lines at U+202F (it counts it as a space): keep it unbreakable.

    A no-break space (U+00A0, which reportlab does not break) set at 63 % of the font
    size has the width of DejaVu's narrow no-break space.
    """
    if fmt.NNBSP not in text:
        return text
    return text.replace(fmt.NNBSP, f'<font size="{size * 0.63:.2f}">{fmt.NBSP}</font>')


def local(iso: str | None) -> datetime | None:
    """A stored RFC 3339 time, in the machine's time zone (the jury's)."""
    if not iso:
        return None
    return fmt.parse_iso(iso).astimezone()


def when(iso: str | None) -> str:
    value = local(iso)
    return "—" if value is None else fmt.datetime_text(value)


def signer_name(identity: crypto.SigningIdentity) -> str:
    if identity.certificate is None:
        return f"Clé {crypto.fingerprint_text(identity.kid)[:19]}"
    return identity.name


@record(slots=False)
class _Styles:
    body: Any
    small: Any
    cell: Any
    cell_right: Any
    cell_bold: Any
    head: Any
    h1: Any
    h2: Any
    h3: Any
    title: Any
    subtitle: Any
    banner: Any
    note: Any


@cache
def _styles() -> _Styles:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    _register_fonts()
    body = ParagraphStyle(
        "body",
        fontName=FONT,
        fontSize=9.2,
        leading=12.6,
        textColor=colors.HexColor(INK),
        spaceAfter=4,
    )
    return _Styles(
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8, leading=10.4, spaceAfter=2),
        cell=ParagraphStyle("cell", parent=body, fontSize=8, leading=10, spaceAfter=0),
        cell_right=ParagraphStyle(
            "cellr", parent=body, fontSize=8, leading=10, spaceAfter=0, alignment=TA_RIGHT
        ),
        cell_bold=ParagraphStyle(
            "cellb", parent=body, fontName=FONT_BOLD, fontSize=8, leading=10, spaceAfter=0
        ),
        head=ParagraphStyle(
            "head",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=7.6,
            leading=9.4,
            textColor=colors.white,
            spaceAfter=0,
        ),
        h1=ParagraphStyle(
            "h1",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=12.5,
            leading=16,
            spaceBefore=12,
            spaceAfter=6,
            textColor=colors.HexColor(HEAD_BG),
        ),
        h2=ParagraphStyle(
            "h2",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=10,
            leading=13,
            spaceBefore=8,
            spaceAfter=4,
        ),
        h3=ParagraphStyle(
            "h3",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=9.2,
            leading=12,
            spaceBefore=6,
            spaceAfter=2,
            keepWithNext=1,
        ),
        title=ParagraphStyle(
            "title",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=20,
            leading=25,
            alignment=TA_CENTER,
            spaceAfter=4,
            textColor=colors.HexColor(HEAD_BG),
        ),
        subtitle=ParagraphStyle(
            "subtitle", parent=body, fontSize=11, leading=15, alignment=TA_CENTER, spaceAfter=3
        ),
        banner=ParagraphStyle(
            "banner",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=10,
            leading=14,
            alignment=TA_CENTER,
            textColor=colors.HexColor(THRESHOLD),
        ),
        note=ParagraphStyle(
            "note",
            parent=body,
            fontSize=7.6,
            leading=9.8,
            textColor=colors.HexColor(MUTED),
            spaceAfter=3,
        ),
    )


def para(markup: str, style: Any) -> Flowable:
    from reportlab.platypus import Paragraph

    return Paragraph(_markup(markup, style.fontSize), style)


# --------------------------------------------------------------------------- layout data


@record
class PvContext:
    """What the minutes say about their own export."""

    export_seq: int
    audit_head: str
    signer_name: str
    signer_kid: str
    generated_at: datetime
    # The signer's role (« Secrétaire du jury », asked once and kept in the settings) and
    # the place of « Fait à … » (else the venue's first part: « Orly »).
    signer_role: str = ""
    place: str = ""
    # Per juror, the values in force entered on their own device and by the secretariat
    # (the laptop's grid, paper sheets), from the audit log (``value_authors``).
    value_authors: Mapping[str, tuple[int, int]] | None = None
    # The sheets validated (sealed) by their juror or the secretariat, and every value
    # changed on one afterwards, with its reason (``replay.Replayed.sealed_changes``);
    # None: not known (the section is left out).
    sealed_sheets: int | None = None
    sealed_changes: Sequence[SealedChange] = ()


@record
class SignaturePlacement:
    page_index: int  # 0-based
    box: tuple[float, float, float, float]  # x1, y1, x2, y2 in PDF points


@record
class PvDocument:
    pdf: bytes
    pages: int
    placement: SignaturePlacement | None


# --------------------------------------------------------------------------- the PDF


def build_pv(ds: DeliberationState, ctx: PvContext) -> PvDocument:
    """Lay out the procès-verbal (unsigned) from the deliberation's read model."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    _register_fonts()
    st = ds.session
    holder: dict[str, Any] = {}
    canvas_class = _canvas_class(st, ctx, holder)
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=22 * mm,
        bottomMargin=20 * mm,
        title=f"Procès-verbal — {st.info.title}",
        author=ctx.signer_name,
        subject=f"Délibération du jury, export n° {ctx.export_seq}",
        creator=f"jury_desk {__version__}",
        producer=f"jury_desk {__version__} (reportlab)",
        lang="fr-FR",
        initialFontName=FONT,
    )
    builder = _Builder(ds, ctx, doc.width)
    doc.build(builder.story(), canvasmaker=canvas_class)
    placement = None
    if builder.signature_box.position is not None:
        page, x, y = builder.signature_box.position
        placement = SignaturePlacement(page - 1, (x, y, x + STAMP_WIDTH, y + STAMP_HEIGHT))
    return PvDocument(buf.getvalue(), int(holder.get("pages", 0)), placement)


def _canvas_class(st: SessionState, ctx: PvContext, holder: dict[str, Any]) -> type:
    """A canvas that draws header and footer once the page count is known."""
    from reportlab.lib import colors
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    title = st.info.title
    seq = f"Export n° {ctx.export_seq}"
    head_short = ctx.audit_head[:16]
    demo = st.is_demo

    class PvCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            if not kwargs.get("initialFontName"):  # else an unembedded Helvetica is declared
                kwargs["initialFontName"] = FONT
            super().__init__(*args, **kwargs)
            self._states: list[dict[str, Any]] = []

        def showPage(self) -> None:  # reportlab's name
            self._states.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._states)
            holder["pages"] = total
            for state in self._states:
                self.__dict__.update(state)
                self._decorate(total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _decorate(self, total: int) -> None:
            w, h = self._pagesize
            left, right = 51.0, w - 51.0
            self.saveState()
            self.setStrokeColor(colors.HexColor(RULE))
            self.setLineWidth(0.6)
            self.line(left, h - 50, right, h - 50)
            self.line(left, 46, right, 46)
            self.setFillColor(colors.HexColor(MUTED))
            self.setFont(FONT, 7.4)
            right_text = "DÉMONSTRATION — sans valeur juridique" if demo else seq
            right_font = FONT_BOLD if demo else FONT
            room = right - left - stringWidth(right_text, right_font, 7.4) - 18
            self.drawString(left, h - 45, _fit(f"Procès-verbal — {title}", FONT, 7.4, room))
            if demo:
                self.setFillColor(colors.HexColor(THRESHOLD))
            self.setFont(right_font, 7.4)
            self.drawRightString(right, h - 45, right_text)
            self.setFillColor(colors.HexColor(MUTED))
            self.setFont(FONT, 7.4)
            self.drawString(left, 36, f"{seq} — journal d’audit : dernière empreinte {head_short}…")
            self.setFont(FONT_BOLD, 7.4)
            self.drawRightString(right, 36, f"Page {self._pageNumber} sur {total}")
            self.restoreState()

    return PvCanvas


class _SignatureBox:
    """Where the visible signature goes: a flowable that remembers its page and place."""

    def __init__(self) -> None:
        self.position: tuple[int, float, float] | None = None

    def flowable(self) -> Flowable:
        from reportlab.lib import colors
        from reportlab.platypus import Flowable

        box = self

        class _Box(Flowable):
            def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
                return STAMP_WIDTH, STAMP_HEIGHT

            def draw(self) -> None:
                canv = self.canv
                x, y = canv.absolutePosition(0, 0)
                box.position = (canv.getPageNumber(), float(x), float(y))
                canv.saveState()
                canv.setStrokeColor(colors.HexColor(RULE))
                canv.setDash(2, 2)
                canv.rect(0, 0, STAMP_WIDTH, STAMP_HEIGHT, stroke=1, fill=0)
                canv.setFont(FONT, 7)
                canv.setFillColor(colors.HexColor(MUTED))
                canv.drawCentredString(
                    STAMP_WIDTH / 2,
                    STAMP_HEIGHT / 2 - 3,
                    "Emplacement de la signature électronique",
                )
                canv.restoreState()

        return _Box()


@record
class Wrap:
    """A table cell of plain text, wrapped to its column by :meth:`_Builder.table`."""

    text: str
    bold: bool = False
    lines: int = 2


def wrap_lines(text: str, font: str, size: float, room: float, max_lines: int = 0) -> str:
    """Greedy wrap at ordinary spaces (never at a no-break space); a word wider than the
    column is cut where it must. Nothing is left out: ``max_lines`` is the number of lines
    a cell usually takes (kept for callers), not a limit (issue 12: tables wrap, never cut).
    """
    del max_lines
    # str.split() would eat no-break spaces
    lines = wrap_words(typo(_BREAKABLE.sub(" ", text).strip()), font, size, room)
    return "\n".join(lines)


EMOJI_SHOWN = "[émoji]"


@cache
def _covered() -> frozenset[int]:
    """Code points both PV fonts can draw."""
    from reportlab.pdfbase import pdfmetrics

    _register_fonts()
    regular = pdfmetrics.getFont(FONT).face.charToGlyph
    bold = pdfmetrics.getFont(FONT_BOLD).face.charToGlyph
    return frozenset(regular) & frozenset(bold)


def _emoji_part(ch: str) -> bool:
    cp = ord(ch)
    return (
        0x1F000 <= cp <= 0x1FAFF
        or 0x2600 <= cp <= 0x27BF
        or 0x1F1E6 <= cp <= 0x1F1FF
        or cp in (0xFE0F, 0xFE0E, 0x200D, 0x20E3)
        or 0xE0020 <= cp <= 0xE007F
        or unicodedata.category(ch) == "So"
    )


def printable(value: str) -> str:
    """Text as the PV can show it: neutralised (``core.text.display``), and every
    character the embedded fonts lack shown by a visible mark instead of vanishing:
    « [émoji] » for a pictograph sequence, U+FFFD for any other."""
    covered = _covered()
    out: list[str] = []
    in_emoji = False
    for ch in textrules.display(value, multiline=True):
        if ord(ch) in covered or ch == "\n":
            out.append(ch)
            in_emoji = False
        elif _emoji_part(ch):
            if not in_emoji:
                out.append(EMOJI_SHOWN)
            in_emoji = True
        else:
            out.append("\ufffd" if 0xFFFD in covered else "?")
            in_emoji = False
    return "".join(out)


class _Builder:
    def __init__(self, ds: DeliberationState, ctx: PvContext, width: float) -> None:
        self.ds = ds
        self.st = ds.session
        self.result = ds.result
        self.ctx = ctx
        self.width = width
        self.s = _styles()
        self.decision = ds.decision
        self.proposal = {e.dossier_id: e.amount_cents for e in ds.default_proposal}
        self.laureates = {lau.dossier_id: lau for lau in ds.decision.laureates}
        self.signature_box = _SignatureBox()

    # ---------------------------------------------------------------- helpers

    def p(self, markup: str, style: Any = None) -> Flowable:
        return para(markup, style or self.s.body)

    def heading(self, text: str, level: int = 1) -> list[Flowable]:
        """A heading that never ends a page: a page break first when little room is left.

        (A heading kept with the next flowable by ``keepWithNext`` would push a long table
        to the next page whole, leaving a blank page behind.)
        """
        from reportlab.platypus import CondPageBreak

        return [
            CondPageBreak(120 if level == 1 else 90),
            para(esc(text), self.s.h1 if level == 1 else self.s.h2),
        ]

    def dossier_cell(self, did: str) -> Flowable:
        """Reference and title in one wrapped cell (small tables)."""
        d = self.st.dossier(did)
        return para(f"<b>{esc(d.reference)}</b> {esc(d.title)}", self.s.cell)

    def ref_title(self, did: str, lines: int = 2) -> list[Any]:
        """Reference (bold) and title as two plain cells: big tables lay out much faster."""
        d = self.st.dossier(did)
        return [Wrap(d.reference, bold=True, lines=1), Wrap(d.title, lines=lines)]

    def table(
        self,
        rows: Sequence[Sequence[Any]],
        widths: Sequence[float],
        *,
        right: Sequence[int] = (),
        center: Sequence[int] = (),
        extra: Sequence[tuple[Any, ...]] = (),
        header: bool = True,
    ) -> Table:
        """A table; header strings and :class:`Wrap` cells are wrapped to their column as plain text.

        Plain (newline-separated) strings are drawn directly; a Paragraph per cell would cost
        several times more to lay out, on every page a long table spans.
        """
        from reportlab.lib import colors
        from reportlab.platypus import Table, TableStyle

        head_rows = 1 if header else 0
        scale = self.width / sum(widths)
        col_w = [w * scale for w in widths]
        data: list[list[Any]] = []
        cell_style: list[tuple[Any, ...]] = []
        for i, row in enumerate(rows):
            cells: list[Any] = []
            for c, cell in enumerate(row):
                room = col_w[c] - 7
                if i < head_rows and isinstance(cell, str):
                    cells.append(wrap_lines(cell, FONT_BOLD, 7.6, room, 3))
                elif isinstance(cell, Wrap):
                    font = FONT_BOLD if cell.bold else FONT
                    cells.append(wrap_lines(cell.text, font, 8, room, cell.lines))
                    if cell.bold:
                        cell_style.append(("FONT", (c, i), (c, i), FONT_BOLD, 8))
                else:
                    cells.append(cell)
            data.append(cells)
        # A row taller than what is left of the page (a long reason, a long name) is
        # split across pages rather than refused.
        t = Table(data, colWidths=col_w, repeatRows=head_rows, hAlign="LEFT", splitInRow=1)
        style: list[tuple[Any, ...]] = [
            ("FONT", (0, 0), (-1, -1), FONT, 8),
            ("TEXTCOLOR", (0, 0), (-1, -1), colors.HexColor(INK)),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 2.6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.6),
            ("LEFTPADDING", (0, 0), (-1, -1), 3.5),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3.5),
            ("LINEBELOW", (0, 0), (-1, -1), 0.35, colors.HexColor(RULE)),
        ]
        if head_rows:
            style += [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(HEAD_BG)),
                ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
                ("FONT", (0, 0), (-1, 0), FONT_BOLD, 7.6, 9.4),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
            ]
        style += cell_style
        for i in range(head_rows, len(data)):
            if (i - head_rows) % 2 == 1:
                style.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor(ZEBRA)))
        for c in right:
            style.append(("ALIGN", (c, head_rows), (c, -1), "RIGHT"))
        for c in center:
            style.append(("ALIGN", (c, head_rows), (c, -1), "CENTER"))
        style += list(extra)
        t.setStyle(TableStyle(style))
        return t

    # ---------------------------------------------------------------- story

    def story(self) -> list[Flowable]:
        out: list[Flowable] = []
        for section in (
            self.title_block,
            self.rules_block,
            self.jury_block,
            self.recusals_block,
            self.hearings_block,
            self.results_block,
            self.sealed_block,
            self.chart_block,
            self.proposal_block,
            self.decision_block,
            self.invalid_block,
            self.opinions_block,
            self.notes_block,
            self.closing_block,
            self.signatures_block,
        ):
            out.extend(section())
        return out

    def title_block(self) -> list[Flowable]:
        from reportlab.platypus import Spacer

        st, s = self.st, self.s
        out: list[Flowable] = [
            para("PROCÈS-VERBAL", s.title),
            para("de la délibération du jury", s.subtitle),
            Spacer(1, 4),
            para(f"<b>{esc(st.info.title)}</b>", s.subtitle),
            para(
                esc(
                    f"Édition {st.info.edition} — séance du {fmt.long_date(st.info.date)} — {st.info.venue}"
                ),
                s.subtitle,
            ),
        ]
        seq = self.ctx.export_seq
        line = f"Export n° {seq}"
        if seq > 1:
            line += f" — remplace l’export n° {seq - 1}"
        line += f" — établi le {fmt.datetime_text(self.ctx.generated_at.astimezone())}"
        out.append(para(esc(line), s.subtitle))
        if seq > 1:
            out.append(
                para(
                    esc(
                        f"Ce procès-verbal annule et remplace celui de l’export n° {seq - 1} : la délibération "
                        "a été rouverte puis close à nouveau, ou exportée une nouvelle fois. Seul le présent "
                        "export fait foi."
                    ),
                    s.note,
                )
            )
        if st.is_demo:
            out.append(Spacer(1, 4))
            out.append(
                para(
                    "SESSION DE DÉMONSTRATION — ce document n’a aucune valeur juridique.", s.banner
                )
            )
        out.append(Spacer(1, 6))
        return out

    def rules_block(self) -> list[Flowable]:
        from reportlab.platypus import Spacer

        st, s = self.st, self.s
        r = st.info.rules
        t = st.info.timer
        env = fmt.euros(r.envelope_cents)
        cap = "sans limite" if r.max_laureates is None else str(r.max_laureates)
        rows = [
            ["Règle de la session", "Valeur"],
            ["Quorum (jurés présents)", str(r.quorum)],
            ["Feuilles complètes exigées par dossier", str(r.min_sheets)],
            ["Note minimale pour être éligible", fmt.note20(r.min_score)],
            ["Enveloppe", env],
            ["Nombre maximal de lauréats", cap],
            [
                "Temps d’audition prévus",
                f"présentation {fmt.duration(t.presentation_s)}, questions {fmt.duration(t.questions_s)}",
            ],
        ]
        out: list[Flowable] = [*self.heading("Règles de la session et critères")]
        body = [[Wrap(a), Wrap(b, bold=True)] for a, b in rows[1:]]
        out.append(self.table([rows[0], *body], [55, 45]))
        crit_rows: list[list[Any]] = [["Critère", "Coef.", "Échelle", "Ce qui est apprécié"]]
        for c in st.criteria:
            scale = (
                f"de {fmt.number(c.min, 2, trim=True)} à {fmt.number(c.max, 2, trim=True)}, "
                f"pas de {fmt.number(c.step, 2, trim=True)}"
            )
            crit_rows.append(
                [
                    Wrap(c.label, bold=True, lines=3),
                    fmt.number(c.weight, 2, trim=True),
                    Wrap(scale),
                    para(esc(c.description or "—"), s.cell),
                ]
            )
        out.append(Spacer(1, 8))
        out.append(self.table(crit_rows, [24, 7, 17, 52], center=(1,)))
        out.append(
            para(
                esc(
                    "La note d’une feuille, sur 20, vaut 20 × Σ(coef × (valeur − min) / (max − min)) / Σ coef. "
                    "La note d’un dossier est la moyenne des notes des jurés présents et non déportés ; "
                    "l’écart-type est celui de la population de ces notes. Les comparaisons (classement, "
                    "égalités, seuil) portent sur les valeurs exactes ; les nombres affichés sont arrondis."
                ),
                s.note,
            )
        )
        return out

    def jury_block(self) -> list[Flowable]:
        st, s, res = self.st, self.s, self.result
        authors = self.ctx.value_authors
        head: list[Any] = ["Juré", "Qualité", "Organisation", "Présence"]
        if authors is not None:
            head.append(Wrap("Notes : sur son appareil / par le secrétariat", lines=2))
        rows: list[list[Any]] = [head]
        for j in st.jurors:
            present = j.id in st.present
            row: list[Any] = [
                Wrap(j.name, bold=True),
                role_label(j.role.value),
                Wrap(j.organisation or "—", lines=3),
                "présent" if present else "ABSENT",
            ]
            if authors is not None:
                device, secretariat = authors.get(j.id, (0, 0))
                row.append(f"{device} / {secretariat}")
            rows.append(row)
        extra = [
            ("FONT", (3, i), (3, i), FONT_BOLD, 8)
            for i, j in enumerate(st.jurors, start=1)
            if j.id not in st.present
        ]
        widths = [27, 13, 46, 14] if authors is None else [24, 12, 32, 12, 20]
        out: list[Flowable] = [
            *self.heading("1. Composition du jury et présences"),
            self.table(rows, widths, extra=extra),
        ]
        if authors is not None:
            out.append(
                para(
                    esc(
                        "Auteur de chaque note en vigueur, d’après le journal d’audit : le juré "
                        "sur son propre appareil, ou le secrétariat du jury (grille du portable, "
                        "feuilles papier)."
                    ),
                    self.s.note,
                )
            )
        r = st.info.rules
        n, total = res.present_count, len(st.jurors)
        if res.quorum_met:
            sentence = (
                f"Le quorum est atteint : {n} juré{'s' if n > 1 else ''} présent{'s' if n > 1 else ''} "
                f"sur {total}, pour un quorum fixé à {r.quorum}."
            )
        else:
            sentence = (
                f"Le quorum n’est pas atteint : {n} juré{'s' if n > 1 else ''} présent{'s' if n > 1 else ''} "
                f"sur {total}, pour un quorum fixé à {r.quorum}."
            )
        out.append(para("", s.small))
        out.append(self.p(f"<b>{esc(sentence)}</b>"))
        if not st.attendance_taken:
            out.append(
                para(
                    esc(
                        "Les présences n’ont pas été relevées : tous les jurés sont réputés présents."
                    ),
                    s.note,
                )
            )
        return out

    def recusals_block(self) -> list[Flowable]:
        st, s = self.st, self.s
        out: list[Flowable] = [
            *self.heading("2. Conflits d’intérêts, déports et absences aux auditions")
        ]
        if not st.recusals:
            out.append(self.p("Aucun juré n’a été récusé ni ne s’est déporté."))
            return out
        order = {d.id: d.hearing_order for d in st.dossiers}
        rows: list[list[Any]] = [["Juré", "Dossier", "Nature", "Origine", "Motif"]]
        for rec in sorted(st.recusals, key=lambda x: (order[x.dossier_id], x.juror_id)):
            if rec.kind != RecusalKind.CONFLICT:
                kind = "Absent de l’audition"
            elif rec.source == RecusalSource.BUNDLE:
                kind = "Conflit d’intérêts"
            else:
                kind = "Déport (conflit d’intérêts déclaré en séance)"
            if rec.source == RecusalSource.BUNDLE:
                origin = "Paquet du siège (déclaré avant la séance)"
            else:
                origin = f"Séance, enregistré le {when(rec.at)}"
            rows.append(
                [
                    para(esc(st.juror(rec.juror_id).name), s.cell),
                    self.dossier_cell(rec.dossier_id),
                    para(esc(kind), s.cell),
                    para(esc(origin), s.cell),
                    para(esc(rec.reason), s.cell),
                ]
            )
        out.append(self.table(rows, [16, 25, 18, 17, 24]))
        out.append(
            para(
                esc(
                    "Un juré récusé ou déporté ne note pas le dossier concerné et n’est pas compté "
                    "dans ses feuilles."
                ),
                s.note,
            )
        )
        return out

    def hearings_block(self) -> list[Flowable]:
        st, s = self.st, self.s
        t = st.info.timer
        ordered = sorted(st.dossiers, key=lambda d: d.hearing_order)
        starts = {
            d.id: local(h.started_at)
            for d in ordered
            if (h := st.hearings.get(d.id)) is not None and h.started_at
        }
        days = {v.date() for v in starts.values() if v is not None}
        one_day = len(days) == 1
        rows: list[list[Any]] = [
            ["N°", "Réf.", "Projet", "Horaire prévu", "Début effectif", "Présentation", "Questions"]
        ]
        for d in ordered:
            h = st.hearings.get(d.id)
            planned = fmt.time_hm(d.hearing_start) if d.hearing_start else "—"
            begun = starts.get(d.id)
            if h is None or begun is None:
                rows.append(
                    [
                        str(d.hearing_order),
                        *self.ref_title(d.id, lines=3),
                        planned,
                        "non entendu",
                        "—",
                        "—",
                    ]
                )
                continue
            rows.append(
                [
                    str(d.hearing_order),
                    *self.ref_title(d.id, lines=3),
                    planned,
                    fmt.time_hm(begun) if one_day else fmt.datetime_text(begun),
                    self._timed(h.presentation_s, t.presentation_s),
                    self._timed(h.questions_s, t.questions_s),
                ]
            )
        out: list[Flowable] = [
            *self.heading("3. Auditions"),
            self.table(rows, [4.5, 15, 25, 8.5, 9 if one_day else 15, 19, 19], right=(0, 3, 4)),
        ]
        note = (
            f"Durées mesurées par le chronomètre de séance ; temps prévus : présentation "
            f"{fmt.duration(t.presentation_s)}, questions {fmt.duration(t.questions_s)}. "
            "Un dépassement est indiqué en rouge."
        )
        if one_day:
            note = f"Auditions du {fmt.long_date(next(iter(days)))}. " + note
        out.append(para(esc(note), s.note))
        return out

    def _timed(self, value: int | None, allowed: int) -> Flowable | str:
        if value is None:
            return "—"
        text = fmt.duration(value)
        if value <= allowed:
            return para(esc(text), self.s.cell_right)
        extra = value - allowed
        over = f"+{extra}{fmt.NBSP}s" if extra < 60 else "+" + fmt.duration(extra)
        return para(
            f"<font color='{THRESHOLD}'><b>{esc(text)}</b> ({esc(over)})</font>", self.s.cell_right
        )

    def results_block(self) -> list[Flowable]:
        st, s, res = self.st, self.s, self.result
        out: list[Flowable] = [*self.heading("4. Résultats par dossier")]
        rows: list[list[Any]] = [
            [
                "Rang",
                "Réf.",
                "Projet",
                "Note /20",
                "Médiane",
                "Écart-type",
                "Min – max",
                "Feuilles",
                "Éligible",
            ]
        ]
        for r in res.results:
            rank = "—" if r.rank is None else (f"{r.rank} ex æquo" if r.ex_aequo else str(r.rank))
            feuilles = f"{r.sheets} / {len(r.counted)}"
            if r.valid:
                lo, hi = min(r.notes.values()), max(r.notes.values())
                rows.append(
                    [
                        rank,
                        *self.ref_title(r.dossier_id),
                        fmt.number(r.score, 2),
                        fmt.number(r.median, 2),
                        fmt.number(r.sd, 2),
                        f"{fmt.number(lo, 1)} – {fmt.number(hi, 1)}",
                        feuilles,
                        "oui" if r.eligible else "non",
                    ]
                )
            else:
                rows.append(
                    [
                        rank,
                        *self.ref_title(r.dossier_id),
                        "non valide",
                        "—",
                        "—",
                        "—",
                        feuilles,
                        "non",
                    ]
                )
        extra = [("FONT", (3, 1), (3, -1), FONT_BOLD, 8)]
        out.append(
            self.table(
                rows,
                [6.5, 14.5, 21, 8, 9, 10.5, 11, 9.5, 10],
                right=(3, 4, 5, 6, 7),
                center=(8,),
                extra=extra,
            )
        )
        flagged = [r for r in res.results if r.disagreement]
        note = (
            "« Feuilles » : feuilles complètes sur jurés appelés à noter (présents et non déportés). "
            "« Min – max » : note la plus basse et la plus haute des jurés."
        )
        if flagged:
            names = ", ".join(st.dossier(r.dossier_id).reference for r in flagged)
            note += (
                f" Désaccord marqué du jury (écart-type > {fmt.number(st.sd_threshold, 1, trim=True)} "
                f"ou étendue > {fmt.number(st.range_threshold, 1, trim=True)} points) : {names}."
            )
        out.append(para(esc(note), s.note))

        # Per-criterion means.
        crit = st.criteria
        head: list[Any] = ["Rang", "Dossier"]
        for c in crit:
            head.append(
                f"{short_title(c.label, 28)} (/{fmt.number(c.max, 2, trim=True)}, coef. "
                f"{fmt.number(c.weight, 2, trim=True)})"
            )
        head.append("Note /20")
        rows2: list[list[Any]] = [head]
        for r in res.results:
            rank = "—" if r.rank is None else (f"{r.rank}=" if r.ex_aequo else str(r.rank))
            row: list[Any] = [rank, Wrap(st.dossier(r.dossier_id).reference, bold=True, lines=1)]
            for c in crit:
                row.append(fmt.number(r.criteria_means.get(c.id), 2))
            row.append(fmt.number(r.score, 2) if r.valid else "—")
            rows2.append(row)
        crit_w = max(8.0, min(14.0, 60.0 / max(len(crit), 1)))
        widths = [6.0, 15.0] + [crit_w] * len(crit) + [9.0]
        out.extend(self.heading("Moyennes par critère", 2))
        out.append(
            self.table(
                rows2,
                widths,
                right=tuple(range(2, len(crit) + 3)),
                extra=[("FONT", (len(crit) + 2, 1), (len(crit) + 2, -1), FONT_BOLD, 8)],
            )
        )
        out.append(
            para(
                esc(
                    "Moyenne des valeurs brutes données par les jurés comptés, sur l’échelle de chaque "
                    "critère."
                ),
                s.note,
            )
        )
        return out

    def sealed_block(self) -> list[Flowable]:
        """« Modifications après validation »: every value changed on a validated sheet."""
        count, changes = self.ctx.sealed_sheets, self.ctx.sealed_changes
        if not count:
            return []
        st, s = self.st, self.s
        out: list[Flowable] = [*self.heading("Modifications après validation des feuilles", 2)]
        out.append(
            self.p(
                esc(
                    f"{count} feuille{'s' if count > 1 else ''} de notation "
                    f"validée{'s' if count > 1 else ''} par le juré ou par le secrétariat. "
                    "Après la validation, toute modification d’une note demande un motif, "
                    "consigné au journal d’audit."
                )
            )
        )
        if not changes:
            out.append(self.p("Aucune note n’a été modifiée après la validation de sa feuille."))
            return out
        names = {j.id: j.name for j in st.jurors}
        labels = {c.id: c.label for c in st.criteria}
        rows: list[list[Any]] = [
            ["Date", "Juré", "Dossier", "Critère", "Ancienne → nouvelle", "Motif", "Saisie"]
        ]
        for ch in changes:
            # the audit log's decimal text (« 3.5 »), written the French way
            before = "—" if ch.previous is None else ch.previous.replace(".", ",")
            after = "effacée" if ch.value is None else ch.value.replace(".", ",")
            by = "son appareil" if ch.actor.startswith(f"juré:{ch.juror_id}/") else "secrétariat"
            rows.append(
                [
                    Wrap(when(ch.at), lines=2),
                    Wrap(names.get(ch.juror_id, ch.juror_id), lines=2),
                    Wrap(st.dossier(ch.dossier_id).reference, bold=True, lines=1),
                    Wrap(labels.get(ch.criterion_id, ch.criterion_id), lines=2),
                    f"{before} → {after}",
                    para(esc(ch.reason), s.cell),
                    by,
                ]
            )
        out.append(self.table(rows, [15, 14, 14, 14, 11, 21, 11], center=(4,)))
        return out

    def chart_block(self) -> list[Flowable]:
        from reportlab.platypus import KeepTogether

        s = self.s
        drawings = ranking_chart(self.st, self.result, self.decision, self.width)
        out: list[Flowable] = []
        if not drawings:
            return [
                *self.heading("5. Classement"),
                self.p("Aucun dossier n’a de résultat valide : pas de classement."),
            ]
        for i, drawing in enumerate(drawings):
            title = "5. Classement" if i == 0 else "5. Classement (suite)"
            out.append(KeepTogether([para(title, s.h1), drawing]))
        return out

    def proposal_block(self) -> list[Flowable]:
        st, s, res = self.st, self.s, self.result
        r = st.info.rules
        out: list[Flowable] = [*self.heading("6. Proposition par défaut")]
        limits = f"dans la limite de l’enveloppe de {fmt.euros(r.envelope_cents)}"
        if r.envelope_cents is None:
            limits = "sans limite d’enveloppe"
        if r.max_laureates is not None:
            limits += f" et de {r.max_laureates} lauréat{'s' if r.max_laureates > 1 else ''}"
        out.append(
            self.p(
                esc(
                    "Calculée par l’application selon le règlement : les dossiers éligibles sont pris dans l’ordre du "
                    f"classement, chacun au montant demandé, {limits} ; un groupe d’ex æquo est pris en entier ou "
                    "pas du tout."
                )
            )
        )
        if not res.default_proposal:
            out.append(
                self.p(
                    "Aucun dossier éligible ne tient dans l’enveloppe : la proposition par défaut est vide."
                )
            )
        else:
            rows: list[list[Any]] = [
                ["Rang", "Réf.", "Projet", "Note /20", "Montant demandé", "Cumul"]
            ]
            total = 0
            for e in res.default_proposal:
                dr = res.by_id(e.dossier_id)
                total += e.amount_cents
                rows.append(
                    [
                        str(dr.rank) + ("=" if dr.ex_aequo else ""),
                        *self.ref_title(e.dossier_id),
                        fmt.number(dr.score, 2),
                        fmt.euros(e.amount_cents),
                        fmt.euros(total),
                    ]
                )
            out.append(self.table(rows, [6, 15, 37, 9, 16.5, 16.5], right=(3, 4, 5)))
        total = res.proposal_total_cents
        used = f"Total proposé : {fmt.euros(total)}"
        if r.envelope_cents is not None:
            used += (
                f" sur une enveloppe de {fmt.euros(r.envelope_cents)}, soit un reste de "
                f"{fmt.euros(r.envelope_cents - total)}"
            )
        out.append(para("", s.small))
        out.append(self.p(f"<b>{esc(used)}.</b>"))
        for f in res.proposal_flags:
            out.append(self.p(f"<b>{esc(flag_sentence(st, res, f.dossier_ids, f.flag))}</b>"))
        nxt = self._first_left_out()
        if nxt is not None:
            d = st.dossier(nxt.dossier_id)
            out.append(
                para(
                    esc(
                        f"Premier dossier éligible non retenu : {d.reference} (rang {nxt.rank}, "
                        f"{fmt.euros(d.amount_requested_cents)} demandés)."
                    ),
                    s.note,
                )
            )
        return out

    def _first_left_out(self) -> DossierResult | None:
        for r in self.result.results:
            if r.eligible and r.dossier_id not in self.proposal:
                return r
        return None

    def decision_block(self) -> list[Flowable]:
        st, s, res = self.st, self.s, self.result
        r = st.info.rules
        out: list[Flowable] = [*self.heading("7. Décision du jury : lauréats proposés")]
        if not st.decision_made:
            out.append(
                self.p(
                    "Le jury n’a pas arrêté de liste propre : la proposition par défaut tient lieu de décision."
                )
            )
        lau = self.ds.laureates
        if not lau:
            out.append(self.p("Le jury ne propose aucun lauréat."))
        else:
            rows: list[list[Any]] = [
                [
                    "Rang",
                    "Réf.",
                    "Projet",
                    "Note /20",
                    "Montant accordé",
                    "Par rapport à la proposition",
                ]
            ]
            for entry in lau:
                dr = res.by_id(entry.dossier_id)
                dep = self.ds.departure(entry.dossier_id)
                if dep is None:
                    change = "Conforme"
                elif dep.kind is DepartureKind.ADDED:
                    change = "Ajout"
                else:
                    change = f"Montant modifié (proposé : {fmt.euros(dep.default_cents)})"
                cell: list[Any] = [
                    para(f"<b>{esc(change)}</b>" if change != "Conforme" else esc(change), s.cell)
                ]
                if dep is not None or entry.justification.strip():
                    cell.append(para(esc(entry.justification or "(aucune justification)"), s.cell))
                rows.append(
                    [
                        "—" if dr.rank is None else str(dr.rank) + ("=" if dr.ex_aequo else ""),
                        *self.ref_title(entry.dossier_id, lines=3),
                        fmt.number(dr.score, 2),
                        fmt.euros(entry.amount_cents),
                        cell,
                    ]
                )
            out.append(self.table(rows, [6.5, 14.5, 21, 7.5, 13.5, 37], right=(3, 4)))
            total = sum(x.amount_cents for x in lau)
            used = f"Total accordé : {fmt.euros(total)} pour {len(lau)} lauréat{'s' if len(lau) > 1 else ''}"
            if r.envelope_cents is not None:
                used += (
                    f", sur une enveloppe de {fmt.euros(r.envelope_cents)} (reste "
                    f"{fmt.euros(r.envelope_cents - total)})"
                )
            out.append(para("", s.small))
            out.append(self.p(f"<b>{esc(used)}.</b>"))
        deps = [
            (dep.dossier_id, dep.justification)
            for dep in self.ds.departures
            if dep.kind is DepartureKind.REMOVED
        ]
        if deps:
            out.extend(
                self.heading("Dossiers de la proposition par défaut non retenus par le jury", 2)
            )
            rows3: list[list[Any]] = [
                ["Rang", "Dossier", "Montant proposé", "Justification du jury"]
            ]
            for did, text in deps:
                dr = res.by_id(did)
                rows3.append(
                    [
                        str(dr.rank),
                        self.dossier_cell(did),
                        fmt.euros(self.proposal[did]),
                        para(esc(text or "(aucune justification)"), s.cell),
                    ]
                )
            out.append(self.table(rows3, [6, 34, 14, 46], right=(2,)))
        elif st.decision_made:
            out.append(
                para(esc("Tous les dossiers de la proposition par défaut ont été retenus."), s.note)
            )
        return out

    def invalid_block(self) -> list[Flowable]:
        st, s = self.st, self.s
        invalid = [r for r in self.result.results if not r.valid]
        if not invalid:
            return []
        out: list[Flowable] = [*self.heading("8. Dossiers sans résultat valide")]
        rows: list[list[Any]] = [["Dossier", "Ce qui manque", "Motif consigné par le jury"]]
        names = messages.Names.of(st.jurors, (), st.criteria)
        for r in invalid:
            validity = self.ds.dossier(r.dossier_id).validity
            missing = messages.missing_text(validity.params, names=names, criteria=len(st.criteria))
            rows.append(
                [
                    self.dossier_cell(r.dossier_id),
                    para(esc(missing or "—"), s.cell),
                    para(esc(validity.jury_reason or "(aucun motif)"), s.cell),
                ]
            )
        out.append(self.table(rows, [30, 35, 35]))
        return out

    def opinions_block(self) -> list[Flowable]:
        from reportlab.platypus import KeepTogether

        st, s = self.st, self.s
        n = 9 if any(not r.valid for r in self.result.results) else 8
        out: list[Flowable] = [*self.heading(f"{n}. Avis motivés du jury")]
        items = [
            (d, st.opinions.get(d.id, "").strip())
            for d in sorted(st.dossiers, key=lambda d: d.hearing_order)
        ]
        given = [(d, text) for d, text in items if text]
        if not given:
            out.append(self.p("Le jury n’a consigné aucun avis motivé."))
            return out
        out.append(para(esc("Avis transmis aux porteurs de projet."), s.note))
        for d, text in given:
            status = "lauréat" if d.id in self.laureates else f"non{fmt.NBSP}retenu"
            out.append(
                KeepTogether(
                    [
                        para(
                            f"{esc(d.reference)} — {esc(d.title)} <font color='{MUTED}'>({status})</font>",
                            s.h3,
                        ),
                        self.p(esc(text)),
                    ]
                )
            )
        missing = [d for d, text in items if not text]
        if missing:
            out.append(
                para(
                    esc("Sans avis consigné : " + ", ".join(d.reference for d in missing) + "."),
                    s.note,
                )
            )
        return out

    def notes_block(self) -> list[Flowable]:
        st = self.st
        n = 10 if any(not r.valid for r in self.result.results) else 9
        out: list[Flowable] = [*self.heading(f"{n}. Notes de délibération")]
        paragraphs = [part for part in st.notes.splitlines() if part.strip()]
        if not paragraphs:
            out.append(self.p("Aucune note n’a été consignée."))
        out.extend(self.p(esc(part)) for part in paragraphs)
        return out

    def closing_block(self) -> list[Flowable]:
        from reportlab.platypus import KeepTogether, Spacer

        st, s, ctx = self.st, self.s, self.ctx
        n = 11 if any(not r.valid for r in self.result.results) else 10
        opened, closed = when(st.opened_at), when(st.closed_at)
        if st.closed_at:
            sentence = f"La délibération, ouverte le {opened}, a été close le {closed}."
        else:
            sentence = f"La délibération, ouverte le {opened}, n’est pas close : ce document est un projet."
        block: list[Flowable] = [
            para(f"{n}. Clôture et signature", s.h1),
            self.p(f"<b>{esc(sentence)}</b>"),
            self.p(
                esc(
                    "Chaque saisie, correction, présence, récusation, chronométrage et décision a été inscrite au "
                    "journal d’audit chaîné de la séance (fichier audit.jsonl joint à l’export). "
                    f"Ce journal compte {st.audit_count} entrées ; l’empreinte SHA-256 de la dernière est :"
                )
            ),
            para(f"<font name='{FONT_BOLD}'>{ctx.audit_head}</font>", s.small),
            Spacer(1, 4),
            self.p(esc(self.made_at())),
            self.p(
                esc(
                    f"Le présent procès-verbal est signé électroniquement (signature PAdES) par "
                    f"« {ctx.signer_name} »"
                    + (f", {ctx.signer_role}," if ctx.signer_role else "")
                    + " au moyen de la clé d’empreinte :"
                )
            ),
            para(
                f"<font name='{FONT_BOLD}'>{crypto.fingerprint_text(ctx.signer_kid)}</font>",
                s.small,
            ),
            para(
                esc(
                    "La même clé signe le fichier result.json (signature JWS détachée). Toute modification "
                    "du document après signature la rend invalide."
                ),
                s.note,
            ),
            Spacer(1, 6),
            self.signature_box.flowable(),
        ]
        return [KeepTogether(block)]

    def made_at(self) -> str:
        """« Fait à Orly, le jeudi 18 juin 2026. » (the closing's day, else the export's)."""
        place = self.ctx.place.strip() or self.st.info.venue.split(",")[0].strip()
        closed = local(self.st.closed_at)
        day = (closed or self.ctx.generated_at).date()
        return f"Fait à {place}, le {fmt.long_date(day)}."

    def signatures_block(self) -> list[Flowable]:
        """A page to sign by hand: the president and each member present."""
        from reportlab.lib import colors
        from reportlab.platypus import PageBreak, Table, TableStyle

        st, s = self.st, self.s
        rows: list[list[Any]] = [
            [
                para("<b>Membre du jury</b>", s.cell),
                para("<b>Qualité</b>", s.cell),
                para("<b>Signature</b>", s.cell),
            ],
            [para("<b>Président(e) du jury</b><br/>Nom :", s.cell), "", ""],
        ]
        for j in st.jurors:
            if j.id in st.present:
                rows.append(
                    [
                        para(f"<b>{esc(j.name)}</b><br/>{esc(j.organisation or '')}", s.cell),
                        para(esc(role_label(j.role.value)), s.cell),
                        "",
                    ]
                )
        w = self.width
        table = Table(
            rows,
            colWidths=[w * 0.42, w * 0.2, w * 0.38],
            rowHeights=[None] + [40.0] * (len(rows) - 1),
            repeatRows=1,
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), FONT, 8),  # empty cells too: no Helvetica
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor(RULE)),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(ZEBRA)),
                ]
            )
        )
        return [
            PageBreak(),
            para(esc("Signatures des membres du jury présents"), s.h1),
            self.p(esc(self.made_at())),
            para(
                esc(
                    "Les membres du jury présents à la séance signent ci-dessous le présent "
                    "procès-verbal, dont un exemplaire signé électroniquement est joint à "
                    "l’export."
                ),
                s.note,
            ),
            table,
        ]
