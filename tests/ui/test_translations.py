"""Translations: the .ts is complete and up to date with the sources, the committed .qm
is what the .ts compiles to, and the application really speaks English when asked."""

from __future__ import annotations

import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from jury_desk.core import resources
from jury_desk.qt.core import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parent.parent.parent
TS = resources.path("i18n", "jury_desk_en.ts")
QM = resources.path("i18n", "jury_desk_en.qm")


def _script():  # scripts/ is not a package
    spec = importlib.util.spec_from_file_location(
        "build_translations", ROOT / "scripts" / "build_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element | None]:
    root = ET.parse(ts).getroot()
    out = {}
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            out[(name, m.findtext("source") or "")] = m.find("translation")
    return out


def test_every_source_string_is_translated_and_the_ts_is_current(tmp_path: Path) -> None:
    build = _script()
    copy = tmp_path / "jury_desk_en.ts"
    shutil.copy(TS, copy)
    build.lupdate(copy, "en")  # what the sources ask today, merged into the committed file
    now = _messages(copy)
    committed = _messages(TS)
    assert set(now) == set(committed), "run: uv run python scripts/build_translations.py"
    unfinished = [
        key
        for key, tr in now.items()
        if tr is None
        or tr.get("type") in ("unfinished", "vanished", "obsolete")
        or not (tr.text or "").strip()
    ]
    assert unfinished == [], f"{len(unfinished)} string(s) without English: {unfinished[:5]}"
    assert len(now) > 300


def test_placeholders_survive_translation() -> None:
    import re

    for (_ctx, source), tr in _messages(TS).items():
        assert tr is not None
        assert sorted(re.findall(r"\{\w*\}", source)) == sorted(
            re.findall(r"\{\w*\}", tr.text or "")
        ), source


def test_committed_qm_is_the_compiled_ts(tmp_path: Path) -> None:
    build = _script()
    out = tmp_path / "jury_desk_en.qm"
    build.lrelease(TS, out)
    assert out.read_bytes() == QM.read_bytes(), (
        "run: uv run python scripts/build_translations.py --no-update"
    )


def test_the_translator_gives_english(qapp) -> None:
    t = QTranslator()
    assert t.load(str(QM))
    assert t.translate("Actions", "&Importer un paquet de session…") == "&Import a session bundle…"
    assert t.translate("HearingOrderModel", "à venir") == "upcoming"


@pytest.mark.usefixtures("qloop")
def test_the_console_in_english(make_gui) -> None:
    gui = make_gui(language="en")
    gui.open_demo()
    menus = [a.text() for a in gui.window.menuBar().actions()]
    assert menus[:3] == ["&File", "H&earing", "S&coring"]
    assert gui.console.view.tabs.tabText(1) == "Scoring"
    assert gui.console.order_model.index(0, 3).data() == "upcoming"
    assert gui.controller.shared.position_label.text() == "Dossier 1 of 12"
    assert QCoreApplication.translate("TimerWidget", "en pause") == "paused"


@pytest.mark.usefixtures("qloop")
def test_dates_and_times_in_english(make_gui) -> None:
    """Issue 13, item 9: « closed on 04/12/2026 à 21 h 58 » and « 9 h 30 » in English."""
    from jury_desk.ui import uifmt

    gui = make_gui(language="en")
    gui.open_demo()
    assert uifmt.time_hm("2026-06-18T09:30:00+02:00") == "9:30"
    assert uifmt.long_date("2026-06-18") == "Thursday 18 June 2026"
    assert "Thursday 18 June 2026" in gui.console.view.session_meta.text()
    assert gui.console.order_model.index(0, 1).data() in ("9:30", "")  # planned time
    assert "à" not in uifmt.datetime_text("2026-12-04T21:58:00+01:00")


def test_blockers_and_refusals_are_worded_in_english(qapp) -> None:
    """Core returns codes; the GUI words them through the catalogue and Qt's translator."""
    from jury_desk import messages
    from jury_desk.core.deliberation import Blocker
    from jury_desk.core.errors import UserError
    from jury_desk.ui import wording

    t = QTranslator()
    assert t.load(str(QM))
    QCoreApplication.installTranslator(t)
    try:
        b = Blocker("laureate_not_heard", "d04")
        assert wording.blocker(b).startswith("Dossier d04 is proposed as a laureate")
        assert messages.blocker_text(b).startswith("Le dossier d04 est proposé comme lauréat")
        invalid = Blocker(
            "invalid_without_reason",
            "d05",
            "j03",
            {
                "dossier": "d05",
                "reasons": ("missing_sheets",),
                "missing": (("j03", ("impact",)),),
                "counted": 6,
                "sheets": 5,
                "need": 3,
            },
        )
        assert wording.blocker(invalid) == (
            "Dossier d05 is not valid: the sheet of j03 (criteria: impact) is missing. "
            "Enter it or give a reason."
        )
        refusal = UserError("juror_absent", params={"juror": "j07"})
        assert refusal.message.startswith("Le juré « j07 » est absent")
        assert wording.error(refusal).startswith("Juror “j07” is absent")
    finally:
        QCoreApplication.removeTranslator(t)


def test_a_refused_bundle_is_worded_in_english(qapp, tmp_path: Path) -> None:
    """Import refusals (archive layout, schema, signature, text rules) are codes with
    parameters; the English GUI shows them in English, nested parts included."""
    from jury_desk.core import crypto
    from jury_desk.core.errors import UserError
    from jury_desk.core.services import Desk
    from jury_desk.ui import wording
    from tests.core import hostile

    kit = hostile.Kit(crypto.new_private_key())
    trusted = [crypto.public_jwk(kit.hq)]
    cases = hostile.by_id()
    chosen = {
        "name-dotdot-top": "Session bundle refused — entry",
        "schema-extra-property": "does not conform to the schema at",
        "jws-untrusted-key": "is not a trusted key",
        "json-duplicate-key": "invalid JSON (duplicate key",
    }
    t = QTranslator()
    assert t.load(str(QM))
    QCoreApplication.installTranslator(t)
    try:
        desk = Desk(tmp_path / "jury.sqlite3")
        try:
            for case_id, english in chosen.items():
                path = tmp_path / f"{case_id}.zip"
                path.write_bytes(cases[case_id].build(kit))
                with pytest.raises(UserError) as info:
                    desk.import_bundle(path, trusted)
                worded = wording.error(info.value)
                assert info.value.message.startswith("Paquet de session refusé")
                assert english in worded, worded
                assert not any(w in worded for w in ("refusé", "entrée", "«", " : ")), worded
        finally:
            desk.close()
    finally:
        QCoreApplication.removeTranslator(t)


def test_a_verified_export_is_worded_in_english(qapp, tmp_path: Path) -> None:
    """The export dialog's verification lines (what is checked, what holds) follow the
    UI's language: the English GUI shows the ten checks of a genuine export in English,
    and the French ones are those the command line prints."""
    from jury_desk.core import export
    from jury_desk.ui import wording
    from tests.conftest import played_demo, signing_identity

    with played_demo(tmp_path) as (desk, sid):
        ident = signing_identity()
        out = tmp_path / "out" / "resultats.zip"
        out.parent.mkdir()
        rep = export.export_session(desk, sid, out, ident, accept_proposal=True)
        checked = export.verify_written(desk, sid, rep, ident)
        desk.close()
    assert checked.ok, checked.failed()
    french = [wording.check(c) for c in checked.checks]
    assert french == [(c.label, c.detail) for c in checked.checks]
    t = QTranslator()
    assert t.load(str(QM))
    QCoreApplication.installTranslator(t)
    try:
        english = [wording.check(c) for c in checked.checks]
        steps = [wording.export_step(step) for step in export.STEPS]
    finally:
        QCoreApplication.removeTranslator(t)
    assert steps[0] == "Database snapshot" and len(set(steps)) == len(export.STEPS)
    assert (
        "Archive structure",
        "exactly the four expected entries, contiguous, no byte to spare",
    ) in english
    for label, detail in english:
        words = re.sub(r"“[^”]*”", "", label + detail)  # the signer's name is data
        assert not any(w in words for w in ("é", "è", "«", " de ", " du ", "signé")), words
