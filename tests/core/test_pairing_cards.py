"""Pairing cards (issue 14): one card per juror whose QR code, read back from the printed
page by an independent decoder (ZXing), is exactly that juror's address."""

from __future__ import annotations

import secrets
import subprocess
from pathlib import Path

import zxingcpp
from PIL import Image

from jury_desk.core.pairing_cards import CARDS_PER_PAGE, Card, cards_pdf

NAMES = [
    "Corinne Malabre",
    "Karim Benhadj",
    "Hélène Marchetti",
    "Ousmane Diallo",
    "Claire Vasseur-Lemoine",
    "Thomas Riou",
    "Amina Touré",
]


def _cards() -> list[Card]:
    return [
        Card(name, f"http://192.168.137.1:8765/#t={secrets.token_urlsafe(24)}") for name in NAMES
    ]


def _pages(pdf: bytes, tmp: Path, dpi: int = 150) -> list[Path]:
    src = tmp / "cartes.pdf"
    src.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", src, tmp / "page"], check=True)
    return sorted(tmp.glob("page-*.png"))


def test_each_card_scans_to_its_jurors_address(tmp_path: Path) -> None:
    cards = _cards()
    pages = _pages(cards_pdf("Jury du Label Actions Innovantes 2026", cards), tmp_path)
    assert len(pages) == -(-len(cards) // CARDS_PER_PAGE)  # four to a page
    read: list[str] = []
    for page in pages:
        with Image.open(page) as img:
            read += [r.text for r in zxingcpp.read_barcodes(img) if r.valid]
    assert sorted(read) == sorted(c.url for c in cards)


def test_each_card_names_its_juror_and_spells_the_address(tmp_path: Path) -> None:
    cards = _cards()
    src = tmp_path / "cartes.pdf"
    src.write_bytes(cards_pdf("Jury du Label Actions Innovantes 2026", cards))
    text = subprocess.run(
        ["pdftotext", "-raw", src, "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    flat = "".join(text.split())
    for card in cards:
        assert card.juror_name in text
        assert "".join(card.url.split()) in flat  # wrapped over lines, whole
    assert "Carte personnelle" in text


def test_no_card_says_so() -> None:
    assert cards_pdf("Session", []).startswith(b"%PDF")
