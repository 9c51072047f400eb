"""The procès-verbal: its content (pdftotext), its fonts, its chart and its PAdES signature,
checked by pyHanko and by poppler's pdfsig."""

from __future__ import annotations

import asyncio
import dataclasses
import io
import re
import subprocess
from collections.abc import Iterator
from datetime import datetime
from fractions import Fraction
from pathlib import Path

import pytest

from jury_desk.core import crypto, deliberation, fmt, pv, pv_chart, pv_signing, pv_style, readmodel
from jury_desk.core.domain import RecusalKind, RecusalSource
from jury_desk.core.state import Recusal, SessionState
from tests.conftest import played_demo, signing_identity


@dataclasses.dataclass
class Built:
    st: SessionState
    result: deliberation.DeliberationResult
    pv: pv.PvDocument
    signed: bytes
    identity: crypto.SigningIdentity
    text: str  # pdftotext -layout, no-break spaces made plain


def _plain(text: str) -> str:
    return text.replace(fmt.NBSP, " ").replace(fmt.NNBSP, " ")


def pdftotext(pdf: bytes, tmp: Path) -> str:
    path = tmp / "minutes.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True)
    return _plain(out.stdout.decode("utf-8"))


def pdfsig(pdf: bytes, tmp: Path) -> str:
    path = tmp / "signed.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdfsig", str(path)], capture_output=True, check=False)
    return out.stdout.decode("utf-8") + out.stderr.decode("utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    """The demonstration day, closed, its PV laid out and signed once for the module."""
    tmp = tmp_path_factory.mktemp("pv")
    with played_demo(tmp) as (desk, sid):
        desk.close_deliberation(sid)
        ds = desk.deliberation_state(sid)
        st, result = ds.session, ds.result
        ident = signing_identity()
        ctx = pv.PvContext(
            1, st.audit_head, pv.signer_name(ident), ident.kid, datetime.now().astimezone()
        )
        minutes = pv.build_pv(ds, ctx)
        signed = pv_signing.sign_pdf(minutes.pdf, ident, minutes.placement, location=st.info.venue)
        yield Built(st, result, minutes, signed, ident, pdftotext(signed, tmp))


def test_the_pv_states_the_facts_of_the_session(built: Built) -> None:
    text = built.text
    st = built.st
    flat = re.sub(r"\s+", " ", text)
    assert "PROCÈS-VERBAL" in text
    assert "séance du jeudi 18 juin 2026 — Orly, bâtiment Askia" in text
    assert "SESSION DE DÉMONSTRATION — ce document n’a aucune valeur juridique." in text
    # Jury, attendance and quorum.
    assert "Thomas Riou" in text and "ABSENT" in text
    assert "Le quorum est atteint : 6 jurés présents sur 7, pour un quorum fixé à 5." in text
    # Recusals: the two of the bundle and the déport of the session, with their reasons.
    assert "Élue de la commune" in text
    assert "Membre du conseil" in text
    assert "Préside l’Union sportive" in text
    # Hearings as timed, the overrun shown.
    assert "10 min 55 s (+55 s)" in text
    # Results and ranking.
    assert re.search(r"1\s+LAI-2026-004\s+Clic’Seniors", text)
    assert "16,14" in text and "note minimale 12/20" in text
    # Default proposal, decision, departures.
    assert (
        "Total proposé : 77 000,00 € sur une enveloppe de 90 000,00 €, soit un reste de 13 000,00 €."
        in flat
    )
    assert "Total accordé : 79 500,00 € pour 6 lauréats" in flat
    assert re.search(r"LAI-2026-009\s+La Lavandière.*18 000,00 € Montant modifié \(proposé :", text)
    assert "20 000,00 €)" in text
    assert "Déjà financé pour la même action" in text
    for title in (
        "Clic’Seniors : médiation numérique à domicile et en pied d’immeuble",
        "Bouge ton quartier : sport-santé en pied d’immeuble",
        "La Gazette du Plateau : un journal de quartier écrit par ses habitants",
    ):
        assert f"{title} (lauréat)" in flat
    assert "Tandem réussite : l’aide aux devoirs par les étudiants du quartier (non retenu)" in flat
    # Notes, closing, audit head (in full once, short on every page), page numbers.
    assert "décide à l’unanimité des présents" in flat
    assert re.search(r"a été close le \d\d/\d\d/\d{4} à \d{1,2} h \d\d\.", flat)
    assert st.audit_head in text
    pages = built.pv.pages
    assert pages >= 5
    assert text.count(st.audit_head[:16]) == pages + 1
    for n in range(1, pages + 1):
        assert f"Page {n} sur {pages}" in text
    assert "Export n° 1" in text and "remplace" not in text


def test_every_font_is_embedded(built: Built, tmp_path: Path) -> None:
    path = tmp_path / "minutes.pdf"
    path.write_bytes(built.signed)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    fonts = out.splitlines()[2:]
    assert fonts, out
    assert all("DejaVuSans" in line for line in fonts), out
    assert all(line.split()[-5] == "yes" for line in fonts), out  # the "emb" column


def test_pyhanko_and_pdfsig_both_find_the_signature_valid(built: Built, tmp_path: Path) -> None:
    check = pv_signing.validate_pdf(built.signed, [built.identity.jwk], built.identity.jwk)
    assert check.ok, check.detail
    assert check.signer_name == "Claire Dupont — secrétaire du jury"
    out = pdfsig(built.signed, tmp_path)
    assert "Signature Field Name: Signature-PV" in out
    assert "Signer Certificate Common Name: Claire Dupont — secrétaire du jury" in out
    assert "Signature Validation: Signature is Valid." in out
    assert "Total document signed" in out


def test_the_visible_stamp_sits_on_the_signature_block(built: Built) -> None:
    placement = built.pv.placement
    assert placement is not None
    # the closing block, then the page the members sign by hand
    assert placement.page_index == built.pv.pages - 2
    x1, y1, x2, y2 = placement.box
    assert 40 < x1 < x2 < 560 and 40 < y1 < y2 < 800
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(built.signed))
    field = reader.embedded_signatures[0].sig_field
    rect = [float(v) for v in field["/Rect"]]
    assert rect == pytest.approx([x1, y1, x2, y2], abs=1)
    assert "/AP" in field  # it has an appearance of its own


def test_a_modified_pdf_fails_both_checks(built: Built, tmp_path: Path) -> None:
    data = bytearray(built.signed)
    at = data.find(b"stream", 3000) + 100
    data[at] ^= 0x01
    check = pv_signing.validate_pdf(bytes(data), [built.identity.jwk], built.identity.jwk)
    assert not check.ok
    assert "Digest Mismatch" in pdfsig(bytes(data), tmp_path)


def test_content_added_after_signing_is_detected(built: Built) -> None:
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    w = IncrementalPdfFileWriter(io.BytesIO(built.signed))
    w.root["/Lang"] = generic.pdf_string("en-GB")
    w.update_root()
    out = io.BytesIO()
    w.write(out)
    check = pv_signing.validate_pdf(out.getvalue(), [built.identity.jwk], built.identity.jwk)
    assert not check.ok
    assert "après la signature" in check.detail


def test_the_signer_must_be_trusted_and_be_the_expected_key(built: Built) -> None:
    other = crypto.public_jwk(crypto.new_private_key())
    untrusted = pv_signing.validate_pdf(built.signed, [other])
    assert not untrusted.ok and "pas une clé de confiance" in untrusted.detail
    mismatch = pv_signing.validate_pdf(built.signed, [built.identity.jwk, other], other)
    assert not mismatch.ok and "pas par celle qui a signé result.json" in mismatch.detail


def test_signing_works_inside_a_running_event_loop(built: Built) -> None:
    """qasync runs a loop on the GUI thread: pyHanko's sync API would fail there."""
    ident = signing_identity("Secrétariat — « séance » d’été")

    async def inside() -> tuple[bytes, bytes]:
        sync_result = pv_signing.sign_pdf(built.pv.pdf, ident, built.pv.placement)
        async_result = await pv_signing.sign_pdf_async(built.pv.pdf, ident, built.pv.placement)
        return sync_result, async_result

    for signed in asyncio.run(inside()):
        check = pv_signing.validate_pdf(signed, [ident.jwk], ident.jwk)
        assert check.ok, check.detail
        assert check.signer_name == "Secrétariat — « séance » d’été"


def test_a_bare_key_gets_a_certificate_of_its_own(built: Built, tmp_path: Path) -> None:
    key = crypto.new_private_key()
    ident = crypto.SigningIdentity(key, None, [])
    signed = pv_signing.sign_pdf(built.pv.pdf, ident, built.pv.placement)
    assert pv_signing.validate_pdf(signed, [ident.jwk], ident.jwk).ok
    assert "Signature Validation: Signature is Valid." in pdfsig(signed, tmp_path)


def test_the_stamp_renders_dashes_accents_and_guillemets(tmp_path: Path) -> None:
    ident = signing_identity("Hélène Lefèvre — « secrétariat »")
    stamp = pv_signing.stamp_pdf(ident, datetime(2026, 6, 18, 17, 5).astimezone())
    text = pdftotext(stamp, tmp_path)
    assert "Signé électroniquement — procès-verbal" in text
    assert "Par : Hélène Lefèvre — « secrétariat »" in text
    assert crypto.fingerprint_text(ident.kid)[:14] in text


def test_the_chart_marks_threshold_cut_and_ex_aequo(built: Built) -> None:
    from reportlab.graphics.shapes import Rect, String

    st = built.st
    scores = dict(st.scores)
    for (d, j, c), v in st.scores.items():
        if d == "d10":
            scores[("d02", j, c)] = v
    # j02 is déported from d10 on the demo day: take them out of d02 too, for the same sheets;
    # with a threshold of 11/20 both are eligible, tied at rank 7, and only d02 alone would fit.
    rules = dataclasses.replace(st.info.rules, min_score=Fraction(11))
    deport = Recusal("j02", "d02", RecusalKind.CONFLICT, "déport", RecusalSource.SESSION, None)
    st = dataclasses.replace(
        st,
        scores=scores,
        recusals=(*st.recusals, deport),
        info=dataclasses.replace(st.info, rules=rules),
    )
    ds = readmodel.build(st)
    result = ds.result
    assert result.proposal_flags
    (drawing,) = pv_chart.ranking_chart(st, result, ds.decision, 480)
    strings = [s.text for s in drawing.contents if isinstance(s, String)]
    assert "note minimale 11/20" in strings
    assert any(s.startswith("limite de la proposition par défaut : 6 dossiers") for s in strings)
    assert strings.count("7=") == 2  # d02 and d10 share rank 7
    bands = [
        r
        for r in drawing.contents
        if isinstance(r, Rect)
        and r.fillColor is not None
        and r.fillColor.hexval().lower() == "0x" + pv_style.TIE_BAND[1:].lower()
        and r.width == drawing.width
    ]
    assert len(bands) == 1  # one band across the two tied rows (the legend has its own swatch)
    flagged = [
        r
        for r in drawing.contents
        if isinstance(r, Rect)
        and r.strokeColor is not None
        and r.strokeWidth == 1.4
        and r.height > 7
    ]
    assert len(flagged) == 2  # the tie at the boundary is outlined (the legend swatch is smaller)


def test_a_narrow_no_break_space_never_breaks_a_line() -> None:
    from reportlab.platypus import Paragraph

    style = pv._styles().body
    p = pv.para(pv.esc(f"Montant accordé : {fmt.euros(1_250_000)} au total"), style)
    assert isinstance(p, Paragraph)
    p.wrap(70, 1000)
    lines = [
        "".join(getattr(w, "text", w) for w in line.words)
        if hasattr(line, "words")
        else " ".join(line[1])
        for line in p.blPara.lines
    ]
    joined = [ln for ln in lines if "500,00" in ln]
    assert joined and "12" in joined[0], lines


def test_plain_table_cells_never_break_at_a_no_break_space() -> None:
    pv_style._register_fonts()
    text = f"présentation {fmt.duration(600)}, questions {fmt.duration(605)} ; total {fmt.euros(1_250_000)}"
    for room in (60, 90, 140, 215):
        lines = pv.wrap_lines(text, pv_style.FONT_BOLD, 8, room, 6).split("\n")
        assert len(lines) > 1
        for whole in (fmt.duration(600), fmt.duration(605), fmt.euros(1_250_000)):
            assert any(whole in line for line in lines), (room, lines)


def test_an_rsa_certificate_signs_too(built: Built, tmp_path: Path) -> None:
    """A PKCS#12 from headquarters may hold an RSA key (PS256 for the JWS)."""
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ident = crypto.SigningIdentity(
        key, crypto.self_signed_certificate(key, "Siège — service des labels"), []
    )
    signed = pv_signing.sign_pdf(built.pv.pdf, ident, built.pv.placement)
    check = pv_signing.validate_pdf(signed, [ident.jwk], ident.jwk)
    assert check.ok, check.detail
    assert "Signature Validation: Signature is Valid." in pdfsig(signed, tmp_path)


def test_made_at_and_the_signature_page(tmp_path: Path) -> None:
    """Issue 13, item 7: « Fait à …, le … », the signer's role, a page for the members."""
    from datetime import datetime

    from jury_desk.core import readmodel
    from jury_desk.core.services import Desk

    desk = Desk(tmp_path / "j.sqlite3")
    try:
        sid = desk.import_demo().session_id
        desk.set_attendance(sid, ["j07"])
        st = desk.state(sid)
        ds = readmodel.build(st)
        ctx = pv.PvContext(
            1,
            st.audit_head,
            "Marie Dupont",
            "k" * 43,
            datetime.now().astimezone(),
            "secrétaire du jury",
        )
        minutes = pv.build_pv(ds, ctx)
    finally:
        desk.close()
    out = tmp_path / "minutes.pdf"
    out.write_bytes(minutes.pdf)
    import subprocess

    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Fait à Orly, le " in text
    flat = " ".join(text.split())
    assert "Marie Dupont" in flat and "secrétaire du jury, au moyen de la clé" in flat
    last = text.split("\f")[-2]
    assert "Signatures des membres du jury présents" in last and "Président(e) du jury" in last
    assert "Corinne Malabre" in last and "Amina Touré" not in last  # j07 is absent
