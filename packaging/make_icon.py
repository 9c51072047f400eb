"""Draws the application icon and writes resources/icons/jury_desk.png and .ico.

A gold star on a deep blue rounded tile, drawn with QPainter at every size (not scaled
down from the large one, so the small sizes stay sharp). The .ico container is written
here around PNG images, which Windows accepts since Vista, so no imaging library is
needed. Run it again after changing the drawing:

    uv run python packaging/make_icon.py
"""

from __future__ import annotations

import math
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter, QPainterPath, QPolygonF

ROOT = Path(__file__).resolve().parent.parent
ICON_DIR = ROOT / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
PNG_SIZE = 256

TILE_TOP, TILE_BOTTOM = QColor("#2b63b8"), QColor("#173a73")
STAR, STAR_EDGE = QColor("#f6bd1a"), QColor("#c98e00")


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    margin = max(0.5, size / 32)
    tile = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    gradient = QLinearGradient(tile.topLeft(), tile.bottomLeft())
    gradient.setColorAt(0, TILE_TOP)
    gradient.setColorAt(1, TILE_BOTTOM)
    path = QPainterPath()
    radius = size * 0.2
    path.addRoundedRect(tile, radius, radius)
    p.fillPath(path, gradient)

    cx, cy = size / 2, size * 0.53
    outer, inner = size * 0.36, size * 0.36 * 0.45
    points = []
    for i in range(10):
        r = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        points.append(QPointF(cx + r * math.cos(angle), cy + r * math.sin(angle)))
    p.setPen(STAR_EDGE if size >= 32 else Qt.PenStyle.NoPen)
    p.setBrush(STAR)
    p.drawPolygon(QPolygonF(points))
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # stubs say bytes, runtime wants str
        raise RuntimeError("PNG encoding failed")
    buffer.close()
    return bytes(data.data())


def ico_bytes(images: list[tuple[int, bytes]]) -> bytes:
    """An ICO container (ICONDIR + ICONDIRENTRY per image) around square PNG images."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = [], []
    for size, png in images:
        dim = 0 if size >= 256 else size  # 0 means 256
        entries.append(struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset))
        blobs.append(png)
        offset += len(png)
    return header + b"".join(entries) + b"".join(blobs)


def main() -> int:
    ICON_DIR.mkdir(parents=True, exist_ok=True)
    pngs = [(size, png_bytes(draw(size))) for size in ICO_SIZES]
    (ICON_DIR / "jury_desk.ico").write_bytes(ico_bytes(pngs))
    (ICON_DIR / "jury_desk.png").write_bytes(png_bytes(draw(PNG_SIZE)))
    print(
        f"written: {ICON_DIR / 'jury_desk.ico'} ({', '.join(map(str, ICO_SIZES))} px), "
        f"{ICON_DIR / 'jury_desk.png'} ({PNG_SIZE} px)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
