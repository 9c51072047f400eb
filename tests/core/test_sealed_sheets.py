"""Sealed sheets (issue 14): a validated sheet changes only with a written reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from jury_desk.core import audit, export, storage
from jury_desk.core.domain import decimal_text
from jury_desk.core.errors import UserError
from jury_desk.core.services import Desk
from tests.conftest import exported_pv_text, replayed

CRITERIA = {"innovation": "4", "impact": "7", "implication": "3", "faisabilite": "4"}


def fill(desk: Desk, sid: str, dossier: str = "d01", juror: str = "j02") -> None:
    for cid, v in CRITERIA.items():
        desk.record_score(sid, dossier, juror, cid, v)
    desk.record_score(sid, dossier, juror, "partenariats", "2")


def test_an_incomplete_sheet_cannot_be_validated(demo_desk: tuple[Desk, str]) -> None:
    desk, sid = demo_desk
    for cid, v in CRITERIA.items():
        desk.record_score(sid, "d01", "j02", cid, v)
    with pytest.raises(UserError) as info:
        desk.validate_sheet(sid, "d01", "j02")
    assert info.value.code == "sheet_incomplete"
    assert "artenariat" in info.value.message  # the missing criterion is named
    assert desk.state(sid).sealed == set()


def test_validation_is_audited_once_and_idempotent(demo_desk: tuple[Desk, str]) -> None:
    desk, sid = demo_desk
    fill(desk, sid)
    assert desk.validate_sheet(sid, "d01", "j02", actor="juré:j02/appareil:x") is True
    assert desk.validate_sheet(sid, "d01", "j02") is False  # a retried request
    entries = desk.audit_entries(sid)
    sealed = [e for e in entries if e["action"] == "sheet.validated"]
    assert len(sealed) == 1
    assert sealed[0]["data"] == {"dossier_id": "d01", "juror_id": "j02"}
    assert sealed[0]["actor"] == "juré:j02/appareil:x"
    assert desk.state(sid).sealed == {("d01", "j02")}


def test_a_sealed_value_changes_only_with_a_reason(demo_desk: tuple[Desk, str]) -> None:
    desk, sid = demo_desk
    fill(desk, sid)
    desk.validate_sheet(sid, "d01", "j02")
    for reason in (None, "", "   "):
        with pytest.raises(UserError) as info:
            desk.record_score(sid, "d01", "j02", "impact", "8", reason=reason)
        assert info.value.code == "sheet_sealed"
        with pytest.raises(UserError) as info:
            desk.clear_score(sid, "d01", "j02", "impact", reason=reason)
        assert info.value.code == "sheet_sealed"
    assert desk.state(sid).scores[("d01", "j02", "impact")] == 7  # nothing changed
    w = desk.record_score(sid, "d01", "j02", "impact", "8", reason=" erreur de saisie ")
    assert w.previous == 7 and w.value == 8
    last = desk.audit_entries(sid)[-1]
    assert last["action"] == "score.correct"
    assert last["data"]["previous"] == "7" and last["data"]["value"] == "8"
    assert last["data"]["reason"] == "erreur de saisie" and last["data"]["sealed"] is True
    desk.clear_score(sid, "d01", "j02", "innovation", reason="juré déporté après coup")
    last = desk.audit_entries(sid)[-1]
    assert last["action"] == "score.clear" and last["data"]["reason"] == "juré déporté après coup"
    # Other sheets are not sealed: no reason needed there.
    desk.record_score(sid, "d01", "j03", "impact", "5")
    assert "reason" not in desk.audit_entries(sid)[-1]["data"]


def test_a_paper_import_into_a_sealed_sheet_is_refused_whole(
    demo_desk: tuple[Desk, str],
) -> None:
    desk, sid = demo_desk
    fill(desk, sid)
    desk.validate_sheet(sid, "d01", "j02")
    with pytest.raises(UserError) as info:
        desk.record_scores(sid, [("d01", "j03", "impact", "5"), ("d01", "j02", "impact", "9")])
    assert "sheet_sealed" in (info.value.code, *map(str, info.value.params.values()))
    assert ("d01", "j03", "impact") not in desk.state(sid).scores


def test_the_audit_log_replays_seals_and_reasoned_changes(demo_desk: tuple[Desk, str]) -> None:
    desk, sid = demo_desk
    fill(desk, sid)
    desk.validate_sheet(sid, "d01", "j02")
    desk.record_score(sid, "d01", "j02", "impact", "8", reason="erreur")
    assert audit.verify_chain(desk.audit_entries(sid)).ok
    replayed = export.replayed_state(desk, sid)
    assert replayed.scores[("d01", "j02", "impact")] == 8


def test_replay_refuses_a_sealed_change_without_reason(demo_desk: tuple[Desk, str]) -> None:
    from jury_desk.core.replay import Known, Replayer, ReplayError

    rp = Replayer(
        None,
        None,
        known=Known(
            jurors=frozenset({"j02"}),
            dossiers=frozenset({"d01"}),
            criteria=frozenset({"impact"}),
        ),
        manifest_sha256="0" * 64,
    )
    base = {"dossier_id": "d01", "juror_id": "j02", "criterion_id": "impact"}
    rp.feed_all(
        [
            {
                "seq": 1,
                "action": "session.import",
                "data": {"manifest_sha256": "0" * 64},
                "at": "x",
            },
            {"seq": 2, "action": "score.set", "data": {**base, "value": "7"}, "at": "x"},
            {
                "seq": 3,
                "action": "sheet.validated",
                "data": {"dossier_id": "d01", "juror_id": "j02"},
                "at": "x",
            },
        ]
    )
    with pytest.raises(ReplayError):
        rp.feed({"seq": 4, "action": "score.correct", "data": {**base, "value": "8"}, "at": "x"})


def test_migration_3_adds_the_seal_table_to_a_version_2_database(
    tmp_path: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3
    from pathlib import Path

    path = Path(str(tmp_path)) / "jury.sqlite3"
    with monkeypatch.context() as m:
        m.setattr(storage, "MIGRATIONS", storage.MIGRATIONS[:2])
        m.setattr(storage, "SCHEMA_VERSION", 2)
        desk = Desk(path)
        sid = desk.import_demo().session_id
        desk.close()
    con = sqlite3.connect(path)
    con.execute("DROP TABLE sheet_seal")  # a real version 2 file never had it
    con.commit()
    con.close()
    desk = Desk(path)
    try:
        fill(desk, sid)
        assert desk.validate_sheet(sid, "d01", "j02")
    finally:
        desk.close()
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == 3
    con.close()


def test_the_minutes_list_every_change_made_after_validation(
    scored_demo: tuple[Desk, str], tmp_path: Path
) -> None:
    from jury_desk.core import demo_scenario

    desk, sid = scored_demo
    demo_scenario.record_hearings(desk, sid)
    st = desk.state(sid)
    assert all(st.scores.get(("d01", "j02", c.id)) is not None for c in st.criteria)
    desk.validate_sheet(sid, "d01", "j02", actor="juré:j02/appareil:tel")
    desk.validate_sheet(sid, "d02", "j03")
    old = st.scores[("d01", "j02", "impact")]
    new = old - 1 if old > 0 else old + 1
    desk.record_score(
        sid, "d01", "j02", "impact", new, actor="juré:j02/appareil:tel", reason="Erreur de saisie"
    )
    rp = replayed(desk, sid)
    assert rp.sealed == {("d01", "j02"), ("d02", "j03")}
    (change,) = rp.sealed_changes
    assert (change.juror_id, change.dossier_id, change.criterion_id) == ("j02", "d01", "impact")
    before, after = decimal_text(old), decimal_text(new)
    assert (change.previous, change.value, change.reason) == (before, after, "Erreur de saisie")
    text = exported_pv_text(desk, sid, tmp_path)
    flat = " ".join(text.split())
    assert "Modifications après validation des feuilles" in flat
    assert "2 feuilles de notation validées" in flat
    line = next(ln for ln in text.splitlines() if "Erreur de saisie" in ln)
    assert f"{before} → {after}".replace(".", ",") in line and "son appareil" in line
    name = next(j.name for j in st.jurors if j.id == "j02")
    assert name.split()[0] in text[text.index("Modifications après validation") :]
