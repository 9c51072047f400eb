"""Display text is neutralised (issue 12, item 6): control characters, bidi overrides and
isolates, invisible characters and look-alike juror names are refused at import, duplicate
dossier references too; what an older database still holds is neutralised wherever it is
shown (``core.text.display``: the CLI table, the Qt models, the PV)."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from jury_desk.core import crypto, text
from jury_desk.core.errors import BundleRefused
from jury_desk.core.services import Desk
from tests.conftest import make_signed_bundle, run_cli

HqKey = tuple[Path, Path, crypto.PrivateKey]
Edit = Callable[[dict[str, Any]], None]


def _import(source: Path, hq_key: HqKey, tmp_path: Path, edit: Edit) -> Desk:
    manifest = source / "manifest.json"
    doc = json.loads(manifest.read_text(encoding="utf-8"))
    doc["session"]["id"] = str(uuid.uuid4())
    for d in doc["dossiers"]:
        for a in d["attachments"]:
            a.pop("bytes", None)
            a.pop("sha256", None)
    edit(doc)
    manifest.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    bundle_path = make_signed_bundle(source, hq_key[2], tmp_path / f"{uuid.uuid4().hex}.zip")
    desk = Desk(tmp_path / "jury.sqlite3")
    try:
        desk.import_bundle(bundle_path, crypto.load_jwks(hq_key[1]))
    except BaseException:
        desk.close()
        raise
    return desk


def _set(path: str, value: str) -> Edit:
    def edit(doc: dict[str, Any]) -> None:
        node: Any = doc
        keys = path.split(".")
        for k in keys[:-1]:
            node = node[int(k)] if k.isdigit() else node[k]
        node[keys[-1]] = value

    return edit


REFUSED = [
    ("nul-in-juror-name", _set("jurors.0.name", "Claire\x00 Dupont"), "text_control", "U+0000"),
    ("tab-in-title", _set("dossiers.0.title", "Jardin\tpartagé"), "text_control", "U+0009"),
    ("newline-in-name", _set("jurors.1.name", "Ali\nBen"), "text_control", "U+000A"),
    ("rlo-in-title", _set("dossiers.1.title", "Projet \u202eeniréd"), "text_bidi", "U+202E"),
    ("isolate-in-venue", _set("session.venue", "Orly \u2067x\u2069"), "text_bidi", "U+2067"),
    ("zero-width-in-name", _set("jurors.2.name", "Sa\u200bmia Benali"), "text_invisible", "U+200B"),
    (
        "cyrillic-look-alike",
        lambda doc: doc["jurors"][1].__setitem__(
            "name", doc["jurors"][0]["name"].replace("a", "а").replace("e", "е")
        ),
        "juror_lookalike",
        "se confondent",
    ),
    (
        "case-and-accent-look-alike",
        lambda doc: doc["jurors"][3].__setitem__("name", doc["jurors"][0]["name"].upper()),
        "juror_lookalike",
        "se confondent",
    ),
    (
        "duplicate-reference",
        lambda doc: doc["dossiers"][2].__setitem__("reference", doc["dossiers"][0]["reference"]),
        "reference_duplicate",
        "deux dossiers",
    ),
]


@pytest.mark.parametrize(
    ("edit", "code", "said"), [r[1:] for r in REFUSED], ids=[r[0] for r in REFUSED]
)
def test_the_import_refuses_misleading_text(
    demo_source: Path, hq_key: HqKey, tmp_path: Path, edit: Edit, code: str, said: str
) -> None:
    with pytest.raises(BundleRefused) as caught:
        _import(demo_source, hq_key, tmp_path, edit)
    assert caught.value.code == code
    assert "manifest.json" in caught.value.message and said in caught.value.message


def test_line_feeds_where_allowed_and_emoji_pass(
    demo_source: Path, hq_key: HqKey, tmp_path: Path
) -> None:
    def edit(doc: dict[str, Any]) -> None:
        doc["dossiers"][0]["summary"] = "Première ligne.\nDeuxième ligne."
        doc["conflicts"][0]["reason"] = "Élue de la commune\ndu projet"
        doc["jurors"][0]["name"] = "Claire Dupont 👩🏽‍🔬"
        doc["dossiers"][1]["title"] = "Jardin « Ἀθηνᾶ » — حديقة"

    desk = _import(demo_source, hq_key, tmp_path, edit)
    desk.close()


def test_display_neutralises_what_an_older_database_holds() -> None:
    assert text.display("Dupont\u202e tnelaV") == "Dupont tnelaV"
    assert text.display("Sa\u200bmia\x00") == "Samia\ufffd"
    assert text.display("a\nb") == "a b" and text.display("a\nb", multiline=True) == "a\nb"
    assert text.display("Samia", isolate=True) == "Samia"
    assert text.display("سامية", isolate=True) == "\u2068سامية\u2069"
    assert text.skeleton("Ｃｌａｉｒｅ") == text.skeleton("claire") == text.skeleton("Сlаirе")


def test_the_cli_table_shows_no_control_from_an_older_database(
    scored_demo: tuple[Desk, str],
) -> None:
    desk, sid = scored_demo
    db = desk.db_path
    desk.close()
    con = sqlite3.connect(db)
    con.execute(
        "UPDATE dossier SET title = ? WHERE session_id = ? AND id = 'd01'",
        ("Jardin\u202e\x1b[31m rouge\u200b", sid),
    )
    con.commit()
    con.close()
    r = run_cli("results", "--db", db)
    assert r.returncode == 0, r.stderr
    assert "Jardin" in r.stdout
    for bad in ("\u202e", "\x1b", "\u200b"):
        assert bad not in r.stdout
