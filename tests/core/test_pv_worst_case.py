"""Any valid input lays out (issue 12, item 6): the procès-verbal of a session whose every
text is as long as the schema allows, multi-line, in several scripts and with emoji,
builds, keeps every word (tables wrap, nothing is cut with « … »), and shows emoji as a
visible replacement rather than dropping them."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from jury_desk.core import crypto, demo_scenario, pv
from jury_desk.core.services import Desk
from tests.conftest import make_signed_bundle, signing_identity

HqKey = tuple[Path, Path, crypto.PrivateKey]

SCRIPTS = "Ελληνικά Кириллица עברית العربية 漢字かなカナ हिन्दी ქართული"
EMOJI = "🎉👩🏽‍🔬🇫🇷"


def _long(prefix: str, size: int, *, words: bool = True, end: str = "") -> str:
    """``size`` characters of mixed scripts and emoji (or one word), ending with ``end``."""
    base = (f"{prefix} {SCRIPTS} {EMOJI} " if words else prefix + "x" * 40) * (size // 40 + 2)
    sep = " " if words else ""
    return base[: size - len(end) - len(sep)].rstrip() + sep + end if end else base[:size]


def _worst_case_source(source: Path, name_len: int) -> dict[str, str]:
    manifest = source / "manifest.json"
    doc = json.loads(manifest.read_text(encoding="utf-8"))
    doc["session"]["id"] = str(uuid.uuid4())
    doc["session"]["title"] = _long("Jury du Label", 300)
    doc["session"]["venue"] = _long("Salle", 200)  # CONTRACT 5: names 200, titles 300
    marks = {}
    for i, j in enumerate(doc["jurors"]):
        # one name without any space (a single word longer than any column)
        marks[f"juror{i}"] = f"FinDuNom{i}"
        j["name"] = _long(f"Juré{i}", name_len, words=i != 0, end=f"FinDuNom{i}")
        j["organisation"] = _long(f"Organisme{i}", 200)
    for i, d in enumerate(doc["dossiers"]):
        marks[f"title{i}"] = f"FinDuTitre{i}"
        d["title"] = _long(f"Projet{i}", 300, end=f"FinDuTitre{i}")
        d["holder"]["name"] = _long(f"Porteur{i}", 200)
        d["summary"] = "\n".join(_long(f"Résumé{i}-{k}", 999) for k in range(5))  # 4,999
        for a in d["attachments"]:
            a.pop("bytes", None)
            a.pop("sha256", None)
    for c in doc["criteria"]:
        c["label"] = _long("Critère", 300)
    for n, c in enumerate(doc["conflicts"]):
        marks[f"conflict{n}"] = f"FinDuMotif{n}"
        c["reason"] = "Lien familial\n" + _long("Motif", 900, end=f"FinDuMotif{n}")
    manifest.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    return marks


@pytest.fixture
def worst(
    tmp_path: Path, demo_source: Path, hq_key: HqKey
) -> Iterator[tuple[Desk, str, dict[str, str]]]:
    marks = _worst_case_source(demo_source, 200)  # the longest name CONTRACT 5 allows
    bundle_path = make_signed_bundle(demo_source, hq_key[2], tmp_path / "session.zip")
    desk = Desk(tmp_path / "jury.sqlite3")
    sid = desk.import_bundle(bundle_path, crypto.load_jwks(hq_key[1])).session_id
    # The demonstration day's script, played on this session (it plays only demo sessions).
    con = sqlite3.connect(desk.db_path)
    con.execute("UPDATE session SET is_demo = 1 WHERE id = ?", (sid,))
    con.commit()
    con.close()
    demo_scenario.play_demo_deliberation(desk, sid)
    con = sqlite3.connect(desk.db_path)  # and back: the export checks the database
    con.execute("UPDATE session SET is_demo = 0 WHERE id = ?", (sid,))
    con.commit()
    con.close()
    desk._ids.clear()
    long_note = "\n".join(_long(f"Délibération {k}", 1000) for k in range(5))
    desk.set_notes(sid, long_note + " FinDesNotes")
    marks["notes"] = "FinDesNotes"
    st = desk.state(sid)
    for d in st.dossiers:
        desk.set_opinion(
            sid, d.id, "Avis motivé du jury : " + _long("Avis", 4900, end=f"FinDeLAvis{d.id}")
        )
        marks[f"opinion{d.id}"] = f"FinDeLAvis{d.id}"
    yield desk, sid, marks
    desk.close()


def _pdftotext(pdf: bytes, tmp: Path) -> str:
    path = tmp / "minutes.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return "".join(out.split())  # words may be broken anywhere by the wrapping


def test_the_worst_case_session_lays_out_and_keeps_every_word(
    worst: tuple[Desk, str, dict[str, str]], tmp_path: Path
) -> None:
    desk, sid, marks = worst
    ds = desk.deliberation_state(sid)
    ident = signing_identity()
    minutes = pv.build_pv(
        ds,
        pv.PvContext(
            1, ds.session.audit_head, "Secrétaire", ident.kid, datetime.now().astimezone()
        ),
    )
    assert minutes.pages >= 2
    flat = _pdftotext(minutes.pdf, tmp_path)
    for key, mark in marks.items():
        assert mark in flat, f"{key}: the end of the text ({mark}) is missing from the PV"
    assert "[émoji]" in flat or "\ufffd" in flat  # emoji shown as a visible replacement
    if shutil.which("pdftoppm"):
        out = tmp_path / "pages"
        out.mkdir()
        (out / "minutes.pdf").write_bytes(minutes.pdf)
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "40",
                "-png",
                "-f",
                "1",
                "-l",
                "3",
                str(out / "minutes.pdf"),
                str(out / "p"),
            ],
            check=True,
        )


def test_the_export_of_the_worst_case_session_verifies(
    worst: tuple[Desk, str, dict[str, str]], tmp_path: Path
) -> None:
    from jury_desk.core import export

    desk, sid, _marks = worst
    ident = signing_identity()
    rep = export.export_session(desk, sid, tmp_path / "r.zip", ident)
    assert export.verify_result(rep.path, [ident.jwk]).ok
