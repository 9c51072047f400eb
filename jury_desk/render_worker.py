"""The PDF render worker: a separate process that turns pages of one attachment into PNG.

Started by the GUI (``jury_desk.ui.pdf_render``) as ``<python> -m jury_desk
--render-worker`` or, frozen, ``<the application> --render-worker`` (``__main__``
dispatches on that argument before anything else: no logging set up, no user file
touched). It limits itself first (``core.sandbox.limit_self``; on Windows the parent
puts it in a Job Object), then reads from standard input one header line of JSON,
``{"width": pixels, "first": page, "count": pages}``, followed by the PDF's bytes to the
end of the stream, loads them with QtPdf offscreen, and writes to standard output
frames of ``kind (1 byte) + length (4 bytes, big-endian) + payload``:

- ``H``: JSON ``{"pages": total}``, once the document is open;
- ``P``: a rendered page, ``index (4 bytes) + PNG``, in order;
- ``E``: JSON ``{"error": code}`` (``unreadable``, ``password``, ``too_large``), then it ends.

A document that needs more memory or time than allowed ends the process (the kernel or
the job kills it; the parent kills it on its own wall-clock limit): the GUI says so and
carries on. Nothing is written to disk.
"""

from __future__ import annotations

import json
import os
import struct
import sys
from typing import BinaryIO

ARGUMENT = "--render-worker"
MAX_INPUT = 128 * 1024**2
MAX_PAGES_PER_CALL = 8
MAX_WIDTH = 2400
MAX_HEIGHT_RATIO = 3


def worker_command() -> tuple[str, list[str]]:
    """The program and arguments that start a render worker, from source or frozen
    (PyInstaller's one folder: ``sys.executable`` is the application itself)."""
    if getattr(sys, "frozen", False):
        return sys.executable, [ARGUMENT]
    return sys.executable, ["-m", "jury_desk", ARGUMENT]


def request(width: int, first: int, count: int, data: bytes) -> bytes:
    """What the parent writes to a worker's standard input."""
    header = json.dumps({"width": int(width), "first": int(first), "count": int(count)})
    return header.encode("ascii") + b"\n" + data


def frames(stream: bytes) -> list[tuple[bytes, bytes]]:
    """A worker's whole output, cut into (kind, payload) frames (a cut last frame is dropped)."""
    out: list[tuple[bytes, bytes]] = []
    i = 0
    while i + 5 <= len(stream):
        (size,) = struct.unpack(">I", stream[i + 1 : i + 5])
        if i + 5 + size > len(stream):
            break
        out.append((stream[i : i + 1], stream[i + 5 : i + 5 + size]))
        i += 5 + size
    return out


def frame(kind: bytes, payload: bytes) -> bytes:
    return kind + struct.pack(">I", len(payload)) + payload


def _write(out: BinaryIO, kind: bytes, payload: bytes) -> None:
    out.write(frame(kind, payload))
    out.flush()


def _error(out: BinaryIO, code: str) -> int:
    _write(out, b"E", json.dumps({"error": code}).encode("ascii"))
    return 3


def main(argv: list[str]) -> int:
    from jury_desk.core import sandbox

    sandbox.limit_self()
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    out: BinaryIO = sys.stdout.buffer if sys.stdout is not None else os.fdopen(1, "wb")
    inp: BinaryIO = sys.stdin.buffer if sys.stdin is not None else os.fdopen(0, "rb")
    try:
        header = json.loads(inp.readline(4096).decode("ascii"))
        width = max(16, min(MAX_WIDTH, int(header["width"])))
        first = max(0, int(header.get("first", 0)))
        count = max(0, min(MAX_PAGES_PER_CALL, int(header.get("count", 1))))
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return _error(out, "bad_request")
    chunks: list[bytes] = []
    size = 0
    while chunk := inp.read(1024 * 1024):
        size += len(chunk)
        if size > MAX_INPUT:
            return _error(out, "too_large")
        chunks.append(chunk)
    data = b"".join(chunks)
    del chunks

    from jury_desk.qt.core import QBuffer, QByteArray, QIODevice, QSize
    from jury_desk.qt.gui import QColor, QGuiApplication, QImage, QPainter
    from jury_desk.qt.pdf import QPdfDocument

    app = QGuiApplication([sys.argv[0] if sys.argv else "jury-desk-render"])
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    doc = QPdfDocument()
    doc.load(buffer)
    while doc.status() == QPdfDocument.Status.Loading:
        app.processEvents()
    if doc.status() != QPdfDocument.Status.Ready:
        code = "password" if doc.error() == QPdfDocument.Error.IncorrectPassword else "unreadable"
        return _error(out, code)
    total = doc.pageCount()
    _write(out, b"H", json.dumps({"pages": total}).encode("ascii"))
    for index in range(first, min(total, first + count)):
        points = doc.pagePointSize(index)
        ratio = points.height() / points.width() if points.width() > 0 else 1.414
        height = max(16, min(MAX_HEIGHT_RATIO * width, round(width * ratio)))
        rendered = doc.render(index, QSize(width, height))
        # A page is paper: pdfium leaves the background transparent, paint it white.
        image = QImage(rendered.size(), QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        if not rendered.isNull():
            painter = QPainter(image)
            painter.drawImage(0, 0, rendered)
            painter.end()
        else:
            image = rendered
        png = QBuffer()
        png.open(QIODevice.OpenModeFlag.WriteOnly)
        saved = not image.isNull() and image.save(png, "PNG")  # type: ignore[call-overload]
        if not saved:
            return _error(out, "unreadable")
        _write(out, b"P", struct.pack(">I", index) + bytes(png.data().data()))
    doc.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
