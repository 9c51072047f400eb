"""Hostile PDFs for the attachment viewer's tests and benchmark (issue 12, item 4)."""

from __future__ import annotations

import zlib


def _pdf(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _stream(dictionary: bytes, data: bytes) -> bytes:
    packed = zlib.compress(data, 9)
    return (
        b"<< "
        + dictionary
        + b" /Filter /FlateDecode /Length %d >>\nstream\n" % len(packed)
        + packed
        + b"\nendstream"
    )


def xobject_bomb(depth: int = 12, fanout: int = 10) -> bytes:
    """A small PDF (about 5.5 KB at 12 x 10) whose one page draws a form XObject that
    draws the next one ``fanout`` times, ``depth`` levels deep: ``fanout ** depth``
    drawing operations for a renderer that expands them."""
    # 1 catalog, 2 pages, 3 page, 4 page content, 5.. the forms (5 is level 0).
    first_form = 5
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /XObject << /X0 %d 0 R >> >> >>" % first_form,
        _stream(b"", b"q 1 0 0 1 20 20 cm /X0 Do Q"),
    ]
    for level in range(depth + 1):
        if level == depth:
            body = b"0.2 0.3 0.8 rg 0 0 5 5 re f"
            resources = b""
        else:
            calls = b"".join(
                b"q 0.9 0 0 0.9 %d %d cm /X Do Q " % (i * 3, (i * 7) % 11) for i in range(fanout)
            )
            body = calls
            resources = b"/Resources << /XObject << /X %d 0 R >> >>" % (first_form + level + 1)
        objects.append(  # uncompressed, as such a file usually comes
            b"<< /Type /XObject /Subtype /Form /BBox [0 0 555 802] %s /Length %d >>\n"
            b"stream\n%s\nendstream" % (resources, len(body), body)
        )
    return _pdf(objects)


def simple_pdf(pages: int = 3, label: str = "Page") -> bytes:
    """A plain PDF of ``pages`` A4 pages, each with a large filled square and a caption."""
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids = []
    font = 3
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for i in range(pages):
        page_no = len(objects) + 1
        kids.append(b"%d 0 R" % page_no)
        content = b"0.1 0.4 0.2 rg 100 300 395 395 re f BT /F1 36 Tf 100 150 Td (%s %d) Tj ET" % (
            label.encode("latin-1"),
            i + 1,
        )
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R"
            b" /Resources << /Font << /F1 %d 0 R >> >> >>" % (page_no + 1, font)
        )
        objects.append(_stream(b"", content))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), pages)
    return _pdf(objects)
