"""Pairing cards: one printed card per juror, with the QR code and the address that open
their own sheet on their phone (issue 14).

A card is a key to a juror's sheet: it is printed from a private temporary file that the
application removes on close (``external_copies``), never shown on the shared screen,
and worth nothing once the service stops or the juror's device is revoked. Four cards
to an A4 page, with cut marks; the QR code is drawn as vector squares from segno's
matrix, so it prints sharp at any size.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from jury_desk.core.pv_style import FONT, FONT_BOLD, _fit, _register_fonts, wrap_words
from jury_desk.core.records import record

CARDS_PER_PAGE = 4
QR_BORDER = 4  # modules of white around the code: what a reader needs to find it


@record
class Card:
    juror_name: str
    url: str


def qr_matrix(text: str) -> list[list[bool]]:
    """The QR code of ``text`` (error correction M), dark modules as True."""
    import segno

    code = segno.make(text, error="m", micro=False)
    return [[bool(cell) for cell in row] for row in code.matrix]


def cards_pdf(session_title: str, cards: Sequence[Card]) -> bytes:
    """The cards as a PDF, four to an A4 page, in the order given."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    _register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, pageCompression=1)
    canvas.setTitle("Cartes d’appairage — " + session_title)
    canvas.setAuthor("jury_desk")
    canvas.setCreator("jury_desk")
    page_w, page_h = A4
    card_w, card_h = page_w / 2, page_h / 2
    for i, card in enumerate(cards):
        slot = i % CARDS_PER_PAGE
        if slot == 0 and i:
            canvas.showPage()
        if slot == 0:
            _cut_marks(canvas, page_w, page_h)
        x = (slot % 2) * card_w
        y = page_h - (slot // 2 + 1) * card_h
        _card(canvas, x, y, card_w, card_h, session_title, card, mm)
    if not cards:
        canvas.setFont(FONT, 12)
        canvas.drawString(20 * mm, page_h - 30 * mm, "Aucune carte : tous les jurés sont appairés.")
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _cut_marks(canvas: Any, page_w: float, page_h: float) -> None:
    canvas.saveState()
    canvas.setStrokeColorRGB(0.6, 0.6, 0.6)
    canvas.setDash(3, 3)
    canvas.line(page_w / 2, 0, page_w / 2, page_h)
    canvas.line(0, page_h / 2, page_w, page_h / 2)
    canvas.restoreState()


def _card(
    canvas: Any,
    x: float,
    y: float,
    w: float,
    h: float,
    session_title: str,
    card: Card,
    mm: float,
) -> None:
    c = canvas
    pad = 10 * mm
    room = w - 2 * pad
    top = y + h - pad
    c.setFillColorRGB(0.35, 0.35, 0.35)
    c.setFont(FONT, 8)
    c.drawString(x + pad, top - 8, _fit(session_title, FONT, 8, room))
    c.setFillColorRGB(0, 0, 0)
    c.setFont(FONT_BOLD, 15)
    c.drawString(x + pad, top - 28, _fit(card.juror_name, FONT_BOLD, 15, room))
    # The QR code, centred, as large as the card allows.
    matrix = qr_matrix(card.url)
    n = len(matrix) + 2 * QR_BORDER
    side = min(room, h - 2 * pad - 95)
    module = side / n
    qx = x + (w - side) / 2
    qy = top - 40 - side
    c.setFillColorRGB(1, 1, 1)
    c.rect(qx, qy, side, side, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    for r, row in enumerate(matrix):
        for col, dark in enumerate(row):
            if dark:
                c.rect(
                    qx + (col + QR_BORDER) * module,
                    qy + side - (r + QR_BORDER + 1) * module,
                    module,
                    module,
                    stroke=0,
                    fill=1,
                )
    # The address, for a phone that cannot scan, and what to do.
    line = qy - 12
    c.setFont(FONT, 7)
    for part in wrap_words(card.url, FONT, 7, room):
        c.drawString(x + pad, line, part)
        line -= 9
    line -= 3
    c.setFont(FONT, 8)
    advice = (
        "Reliez votre téléphone au même réseau Wi-Fi que l’ordinateur du secrétariat, puis "
        "scannez ce code avec son appareil photo. Carte personnelle : ne la montrez pas, "
        "rendez-la au secrétariat en partant."
    )
    for part in wrap_words(advice, FONT, 8, room):
        c.drawString(x + pad, line, part)
        line -= 10
