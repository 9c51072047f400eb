"""The procès-verbal's PAdES B-B signature (pyHanko) and its validation.

The signature's visible stamp is drawn by reportlab with the same TTF as the PV
(pyHanko's own stamp font mangles « — » and accents, and its TTF engine needs fontTools
and HarfBuzz, which the application does not ship). pyHanko's synchronous calls run
``asyncio.run`` and fail inside a running loop (qasync): the ``async`` functions are the
real ones, the synchronous wrappers run them in a fresh loop, in another thread when this
one already runs a loop. pyHanko is imported when a PDF is signed (FIELD-NOTES: 0.34 s).
"""

from __future__ import annotations

import asyncio
import importlib.machinery
import io
import sys
import types
from collections.abc import Awaitable, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import Any, TypeVar

from jury_desk import __version__, messages
from jury_desk.core import crypto, fmt
from jury_desk.core.pv import SignaturePlacement, signer_name
from jury_desk.core.pv_style import (
    BAR_PROPOSED,
    FONT,
    FONT_BOLD,
    HEAD_BG,
    INK,
    MUTED,
    SIGNATURE_FIELD,
    STAMP_HEIGHT,
    STAMP_WIDTH,
    _register_fonts,
)
from jury_desk.core.records import record
from jury_desk.core.result_document import short_title

T = TypeVar("T")


class Offline:
    """What pyHanko's clients over HTTP are in jury_desk: refused when built."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        raise RuntimeError("jury_desk never connects out (no time-stamp, OCSP or CRL fetched)")


# pyHanko's modules that reach the network, and the names pyHanko imports from them.
_NETWORK_MODULES = {
    "pyhanko.sign.timestamps.aiohttp_client": ("HTTPTimeStamper",),
    "pyhanko_certvalidator.fetchers.aiohttp_fetchers": ("AIOHttpFetcherBackend",),
}


def _offline_pyhanko() -> None:
    """Before pyHanko is first imported: its clients over HTTP (the time-stamping client,
    the certificate, OCSP and CRL fetchers) are classes that refuse to be built.
    ``pyhanko.sign.timestamps`` and ``pyhanko.sign.validation`` import them whatever is
    signed or checked, and with them aiohttp, which builds two TLS contexts on import
    (65 ms of every export and verify). jury_desk signs PAdES B-B without a time-stamp,
    validates with ``allow_fetching=False`` and never connects out. Without effect on a
    module already imported (a test that imports pyHanko itself first)."""
    for name, classes in _NETWORK_MODULES.items():
        if name in sys.modules:
            continue
        module = types.ModuleType(name, "jury_desk: offline, nothing fetched over HTTP")
        module.__spec__ = importlib.machinery.ModuleSpec(name, None)
        for cls in classes:
            setattr(module, cls, Offline)
        module.__dict__["__all__"] = list(classes)
        sys.modules[name] = module


_offline_pyhanko()  # pyHanko is imported in this module only, after it


def _run(factory: Callable[[], Awaitable[T]]) -> T:
    """Run a coroutine to completion from synchronous code, inside a running loop or not."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(_as_coro(factory))
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pdf-sign") as pool:
        return pool.submit(lambda: asyncio.run(_as_coro(factory))).result()


async def _as_coro(factory: Callable[[], Awaitable[T]]) -> T:
    return await factory()


def stamp_pdf(
    identity: crypto.SigningIdentity,
    signed_at: datetime,
    *,
    width: float = STAMP_WIDTH,
    height: float = STAMP_HEIGHT,
) -> bytes:
    """The appearance of the visible signature: a one-page PDF the size of the stamp."""
    from reportlab.lib import colors
    from reportlab.pdfgen.canvas import Canvas

    _register_fonts()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(width, height), initialFontName=FONT)
    c.setFillColor(colors.HexColor("#eef4fb"))
    c.setStrokeColor(colors.HexColor(BAR_PROPOSED))
    c.setLineWidth(1)
    c.roundRect(0.5, 0.5, width - 1, height - 1, 4, stroke=1, fill=1)
    c.setFillColor(colors.HexColor(HEAD_BG))
    c.setFont(FONT_BOLD, 8.6)
    c.drawString(8, height - 15, "Signé électroniquement — procès-verbal")
    c.setFillColor(colors.HexColor(INK))
    c.setFont(FONT, 8)
    name = signer_name(identity)
    c.drawString(8, height - 28, f"Par : {short_title(name, 58)}")
    c.drawString(8, height - 40, f"Le {fmt.datetime_text(signed_at.astimezone())}")
    c.setFont(FONT, 6.6)
    c.drawString(8, height - 53, "Clé (empreinte) : " + crypto.fingerprint_text(identity.kid))
    c.setFillColor(colors.HexColor(MUTED))
    c.drawString(8, height - 65, f"Signature PAdES B-B — jury_desk {__version__}")
    c.showPage()
    c.save()
    return buf.getvalue()


def _asn1(identity: crypto.SigningIdentity) -> tuple[Any, Any, list[Any]]:
    from asn1crypto import keys as akeys
    from asn1crypto import x509 as ax509
    from cryptography.hazmat.primitives import serialization

    cert = identity.certificate
    if cert is None:  # a bare key (--key PEM): pyHanko needs a certificate, make one for it
        cert = crypto.self_signed_certificate(identity.key, signer_name(identity))
    key_der = identity.key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    chain = [
        ax509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in identity.chain
    ]
    return (
        ax509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),
        akeys.PrivateKeyInfo.load(key_der),
        chain,
    )


async def sign_pdf_async(
    pdf_bytes: bytes,
    identity: crypto.SigningIdentity,
    placement: SignaturePlacement | None = None,
    *,
    reason: str = "Procès-verbal de délibération du jury",
    location: str | None = None,
) -> bytes:
    """Sign ``pdf_bytes`` PAdES B-B with ``identity``; a visible stamp at ``placement``."""
    from pyhanko.pdf_utils.content import PdfContent
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.layout import (
        AxisAlignment,
        BoxConstraints,
        InnerScaling,
        Margins,
        SimpleBoxLayoutRule,
    )
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign import fields, signers
    from pyhanko.stamp import StaticStampStyle
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    cert, key, chain = _asn1(identity)
    signer = signers.SimpleSigner(
        signing_cert=cert,
        signing_key=key,
        cert_registry=SimpleCertificateStore.from_certs([cert, *chain]),
    )
    meta = signers.PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason,
        location=location,
        name=signer_name(identity),
    )
    stamp_style = None
    spec = fields.SigFieldSpec(SIGNATURE_FIELD)
    if placement is not None:
        x1, y1, x2, y2 = placement.box
        appearance = stamp_pdf(identity, datetime.now().astimezone(), width=x2 - x1, height=y2 - y1)

        class _ImportedStamp(PdfContent):
            """The stamp page, imported from bytes (pyHanko's own class wants a file name)."""

            def render(self) -> bytes:
                w = self._ensure_writer
                xobj = w.import_page_as_xobject(PdfFileReader(io.BytesIO(appearance)), page_ix=0)
                name = "/ImportStamp"
                self.resources.xobject[name] = xobj
                bx1, by1, bx2, by2 = xobj.get_object()["/BBox"]
                self.box = BoxConstraints(width=abs(bx1 - bx2), height=abs(by1 - by2))
                return name.encode("ascii") + b" Do"

        stamp_style = StaticStampStyle(
            background=_ImportedStamp(),
            border_width=0,
            background_opacity=1.0,
            background_layout=SimpleBoxLayoutRule(
                x_align=AxisAlignment.ALIGN_MID,
                y_align=AxisAlignment.ALIGN_MID,
                margins=Margins(),
                inner_content_scaling=InnerScaling.NO_SCALING,
            ),
        )
        spec = fields.SigFieldSpec(
            SIGNATURE_FIELD,
            on_page=placement.page_index,
            box=(int(x1), int(y1), round(x2), round(y2)),
        )
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes), strict=False)
    pdf_signer = signers.PdfSigner(meta, signer, stamp_style=stamp_style, new_field_spec=spec)
    out = await pdf_signer.async_sign_pdf(writer)
    data: bytes = out.getvalue()
    return data


def sign_pdf(
    pdf_bytes: bytes,
    identity: crypto.SigningIdentity,
    placement: SignaturePlacement | None = None,
    **kwargs: Any,
) -> bytes:
    """Synchronous :func:`sign_pdf_async` (``asyncio.run`` only when no loop runs here)."""
    return _run(lambda: sign_pdf_async(pdf_bytes, identity, placement, **kwargs))


@record
class PdfSignatureCheck:
    ok: bool
    detail: str  # French (``key`` and ``params`` word it in another language)
    signer_jwk: dict[str, str] | None = None
    signer_name: str | None = None
    key: str = ""  # ``check.<key>`` of the catalogue that words ``detail``, when one does
    params: tuple[tuple[str, object], ...] = ()


async def validate_pdf_async(
    pdf_bytes: bytes, trusted: Sequence[dict[str, Any]], expected_jwk: dict[str, Any] | None = None
) -> PdfSignatureCheck:
    """Check the PV's PAdES signature: one signature, intact, valid, covering the whole file.

    The signer certificate's public key must be ``expected_jwk`` when given (the key that
    signed result.json), and in any case one of ``trusted``. That key being trusted, its
    certificate is taken as the trust anchor (a self-signed installation certificate
    has no other).
    """
    from cryptography import x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import async_validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    try:
        reader = PdfFileReader(io.BytesIO(pdf_bytes), strict=False)
        sigs = reader.embedded_signatures
    except Exception as exc:  # pyHanko raises several kinds on a damaged file
        return _failed("pdf.unreadable", kind=type(exc).__name__, error=str(exc))
    if len(sigs) != 1:
        return _failed("pdf.count", count=len(sigs))
    sig = sigs[0]
    try:
        cert_asn1 = sig.signer_cert
        cert = x509.load_der_x509_certificate(cert_asn1.dump())
        pub = cert.public_key()
        jwk = crypto.public_jwk(pub)  # type: ignore[arg-type]
    except Exception as exc:
        return _failed("pdf.cert_unreadable", error=str(exc))
    kid = crypto.thumbprint(jwk)
    name_attrs = cert.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)
    name = str(name_attrs[0].value) if name_attrs else cert.subject.rfc4514_string()
    if expected_jwk is not None and crypto.thumbprint(dict(expected_jwk)) != kid:
        return _failed("pdf.other_key", jwk, name, kid=kid)
    trusted_kids = {t for t in (_kid_or_none(k) for k in trusted) if t}
    if kid not in trusted_kids:
        return _failed("pdf.untrusted", jwk, name, kid=kid)
    try:
        vc = ValidationContext(
            trust_roots=[cert_asn1], allow_fetching=False, revocation_mode="soft-fail"
        )
        status = await async_validate_pdf_signature(sig, vc)
    except (SignatureValidationError, ValueError) as exc:
        return _failed("pdf.invalid", jwk, name, error=str(exc))
    except Exception as exc:
        return _failed("pdf.unverifiable", jwk, name, kind=type(exc).__name__, error=str(exc))
    if not status.intact:
        return _failed("pdf.modified", jwk, name)
    if not status.valid:
        return _failed("pdf.not_valid", jwk, name)
    if status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        return _failed("pdf.appended", jwk, name)
    if not status.trusted:
        return _failed("pdf.cert_invalid", jwk, name)
    key = "pdf.ok"
    params: dict[str, object] = {"name": name, "kid": kid}
    if status.signer_reported_dt is not None:
        when = status.signer_reported_dt.astimezone()
        key = "pdf.ok_when"
        params |= {"date": f"{when:%d/%m/%Y}", "hour": when.hour, "minute": f"{when:%M}"}
    return PdfSignatureCheck(
        True, messages.check_text(key, params), jwk, name, key, tuple(params.items())
    )


def _failed(
    key: str, jwk: dict[str, str] | None = None, name: str | None = None, **params: object
) -> PdfSignatureCheck:
    """A failed check as its catalogue key (``check.<key>``) and parameters."""
    return PdfSignatureCheck(
        False, messages.check_text(key, params), jwk, name, key, tuple(params.items())
    )


def _kid_or_none(jwk: dict[str, Any]) -> str | None:
    try:
        return crypto.thumbprint(jwk)
    except (KeyError, ValueError, TypeError):
        return None


def validate_pdf(
    pdf_bytes: bytes, trusted: Sequence[dict[str, Any]], expected_jwk: dict[str, Any] | None = None
) -> PdfSignatureCheck:
    return _run(lambda: validate_pdf_async(pdf_bytes, trusted, expected_jwk))
