"""Issue 12: nothing the jury did not decide can be signed, or verify unseen.

Each test reproduces one finding of the issue: an edited database that the export used
to sign, a result re-signed by a key holder that ``verify`` used to accept (scores,
results, quorum, justification, a truncated audit log, loose JSON), a demo result with
no warning, ``--trust`` that also trusted the installation's store.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from jury_desk.core import audit, bundle, crypto, export, resources, storage
from jury_desk.core.errors import UserError
from jury_desk.core.services import Desk
from tests.conftest import played_demo, rechain_audit, run_cli, signing_identity


@dataclass
class Exported:
    path: Path
    identity: crypto.SigningIdentity
    entries: dict[str, bytes]
    doc: dict[str, Any]


def _entries(path: Path) -> dict[str, bytes]:
    import zipfile

    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Exported]:
    tmp = tmp_path_factory.mktemp("tamper")
    with played_demo(tmp) as (desk, sid):
        ident = signing_identity()
        out = tmp / "resultats.zip"
        export.export_session(desk, sid, out, ident, purge_due_on=date(2026, 12, 31))
        entries = _entries(out)
        yield Exported(out, ident, entries, json.loads(entries["result.json"]))


DEMO_BUNDLE = resources.path("demo", "demo-session.zip")


def _resign(
    ex: Exported,
    out: Path,
    change: Callable[[dict[str, Any]], None] | None = None,
    *,
    result_bytes: bytes | None = None,
    audit_bytes: bytes | None = None,
) -> Path:
    """What a key holder can do: change result.json (and audit.jsonl), sign it again."""
    entries = dict(ex.entries)
    doc = json.loads(entries["result.json"])
    if audit_bytes is not None:
        entries["audit.jsonl"] = audit_bytes
        doc["files"]["audit.jsonl"] = {
            "bytes": len(audit_bytes),
            "sha256": hashlib.sha256(audit_bytes).hexdigest(),
        }
        last = json.loads(audit_bytes.rstrip(b"\n").split(b"\n")[-1])
        doc["audit_head"] = last["hash"]
    if change is not None:
        change(doc)
    data = (
        result_bytes
        if result_bytes is not None
        else json.dumps(doc, ensure_ascii=False, indent=2).encode() + b"\n"
    )
    entries["result.json"] = data
    entries["result.json.jws"] = crypto.sign_detached(ex.identity.key, data).encode()
    out.write_bytes(
        export._zip([(n, entries[n]) for n in export.ENTRIES], datetime(2026, 6, 18, 18, 0))
    )
    return out


def _failed(report: export.VerifyReport) -> dict[str, str]:
    return {c.code: c.detail for c in report.checks if not c.ok}


# --------------------------------------------------------------------------- the database


def _raw(db_path: Path, *sql: str) -> None:
    con = sqlite3.connect(db_path)
    try:
        for statement in sql:
            con.execute(statement)
        con.commit()
    finally:
        con.close()


def test_an_edited_score_is_refused_before_anything_changes(tmp_path: Path) -> None:
    """Finding: ``UPDATE score SET value=…`` and the export signed it."""
    with played_demo(tmp_path) as (desk, sid):
        before = desk.state(sid)
        (d, j, c), _ = next(iter(before.scores.items()))
        _raw(
            desk.db_path,
            f"UPDATE score SET value='0' WHERE session_id='{sid}' AND dossier_id='{d}' "
            f"AND juror_id='{j}' AND criterion_id='{c}'",
        )
        desk._ids.clear()
        out = tmp_path / "r.zip"
        with pytest.raises(UserError) as err:
            export.export_session(desk, sid, out, signing_identity(), accept_proposal=True)
        assert err.value.code == "export_tampered"
        assert f"note {d} / {j} / {c}" in err.value.message
        assert "Rien n’a été modifié" in err.value.message
        after = desk.state(sid)
        assert after.closed_at is None and after.export_seq == 0
        assert after.audit_count == before.audit_count
        assert not out.exists()


def test_manifest_values_edited_in_the_tables_are_refused(tmp_path: Path) -> None:
    """Finding: amount_requested_cents, envelope_cents and quorum came from the tables."""
    for sql, named in (
        (
            "UPDATE dossier SET amount_requested_cents = 5000000 WHERE id = 'd01'",
            "amount_requested",
        ),
        ("UPDATE session SET envelope_cents = 999999999", "session"),
        ("UPDATE session SET quorum = 1", "session"),
    ):
        with played_demo(tmp_path / named / sql[:20].replace(" ", "_")) as (desk, sid):
            _raw(desk.db_path, sql)
            desk._ids.clear()
            with pytest.raises(UserError) as err:
                export.export_session(desk, sid, tmp_path / "r.zip", signing_identity())
            assert err.value.code == "export_tampered", sql
            assert named in err.value.message


def test_a_rewritten_and_rechained_audit_log_is_refused(tmp_path: Path) -> None:
    """Finding: dropping the triggers, rewriting the entries and recomputing the chain.

    The attacker rewrites the import entry to point at a forged manifest: the stored JWS
    of the manifest (schema 2) no longer verifies it."""
    with played_demo(tmp_path) as (desk, sid):
        manifest = desk.manifest_bytes(sid)
        forged = manifest.replace(b'"amount_requested_cents": 1', b'"amount_requested_cents": 9', 1)
        assert forged != manifest
        forged_sha = hashlib.sha256(forged).hexdigest()

        def forge_import(_seq: int, action: str, data: dict[str, Any]) -> None:
            if action == "session.import":
                data["manifest_sha256"] = forged_sha

        con = sqlite3.connect(desk.db_path)
        rechain_audit(con, sid, forge_import)
        con.execute(
            "UPDATE session SET manifest=?, manifest_sha256=? WHERE id=?", (forged, forged_sha, sid)
        )
        con.commit()
        con.close()
        desk._ids.clear()
        # The signer of the demo manifest is the demo key: it vouches for its bytes only.
        with pytest.raises(UserError) as err:
            export.export_session(desk, sid, tmp_path / "r.zip", signing_identity())
        assert err.value.code == "export_tampered"
        assert "signature" in err.value.message or "démonstration" in err.value.message


def test_hearing_and_deliberation_times_are_in_the_audit_data(tmp_path: Path) -> None:
    """The replay needs them (CONTRACT section 6): no reliance on the entry's own time."""
    with played_demo(tmp_path) as (desk, sid):
        actions = {e["action"]: e["data"] for e in desk.audit_entries(sid)}
        assert "started_at" in actions["hearing.start"]
        assert "opened_at" in actions["decision.set"]


def test_the_import_keeps_the_manifest_jws(demo_desk: tuple[Desk, str]) -> None:
    desk, sid = demo_desk
    jws = desk.manifest_jws(sid)
    assert jws is not None and ".." in jws
    trust = bundle.demo_trust()
    assert crypto.verify_detached(jws, desk.manifest_bytes(sid), [trust.jwk])


def test_schema_2_adds_the_jws_column_to_an_old_database(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = storage.make_engine(path)
    storage.MIGRATIONS[0](engine)
    with engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE session DROP COLUMN manifest_jws")
    storage._autocommit(engine, "PRAGMA user_version=1")
    engine.dispose()
    engine = storage.open_database(path)
    with engine.begin() as conn:
        cols = {r[1] for r in conn.exec_driver_sql("PRAGMA table_info(session)")}
        version = conn.exec_driver_sql("PRAGMA user_version").scalar()
    engine.dispose()
    assert "manifest_jws" in cols and version == storage.SCHEMA_VERSION >= 2


# --------------------------------------------------------------------------- verify, key holder


def test_the_genuine_export_verifies_whole_with_the_session_bundle(exported: Exported) -> None:
    report = export.verify_result(
        exported.path, [exported.identity.jwk], session_bundle=DEMO_BUNDLE
    )
    assert report.ok, _failed(report)
    assert report.not_checked == []
    labels = [c.code for c in report.checks]
    assert export.L_MANIFEST in labels and export.L_REPLAY in labels
    replay_check = next(c for c in report.checks if c.code == export.L_REPLAY)
    assert "entièrement" in replay_check.detail
    # A demonstration result says so, visibly.
    assert any("DÉMONSTRATION" in w for w in report.warnings)


def test_a_resigned_score_contradicts_the_audit_log(exported: Exported, tmp_path: Path) -> None:
    def change(doc: dict[str, Any]) -> None:
        doc["scores"][0]["value"] = 0 if doc["scores"][0]["value"] else 1

    path = _resign(exported, tmp_path / "t.zip", change)
    report = export.verify_result(path, [exported.identity.jwk])
    failed = _failed(report)
    assert set(failed) == {export.L_REPLAY}
    s = exported.doc["scores"][0]
    assert (
        f"note {s['dossier_id']} / {s['juror_id']} / {s['criterion_id']}" in failed[export.L_REPLAY]
    )


def test_resigned_results_contradict_the_scores(exported: Exported, tmp_path: Path) -> None:
    """Finding: a non-laureate moved to rank 1 with 14 500 €, verified."""
    last = max(
        (r for r in exported.doc["results"] if r["valid"]),
        key=lambda r: (r["rank"], r["dossier_id"]),
    )

    def change(doc: dict[str, Any]) -> None:
        for r in doc["results"]:
            if r["dossier_id"] == last["dossier_id"]:
                r["rank"] = 1
                r["score"] = 19.5

    path = _resign(exported, tmp_path / "t.zip", change)
    report = export.verify_result(path, [exported.identity.jwk], session_bundle=DEMO_BUNDLE)
    failed = _failed(report)
    assert export.L_REPLAY in failed
    assert "results[" in failed[export.L_REPLAY]
    # Even without the manifest, the ranks no longer agree with the scores.
    report = export.verify_result(path, [exported.identity.jwk])
    assert export.L_SEMANTIC in _failed(report)


def test_an_ineligible_laureate_justified_by_a_dot_is_refused(
    exported: Exported, tmp_path: Path
) -> None:
    ineligible = next(r for r in exported.doc["results"] if not r["eligible"])

    def change(doc: dict[str, Any]) -> None:
        doc["proposed_laureates"].append(
            {
                "dossier_id": ineligible["dossier_id"],
                "amount_cents": 900_000_000,
                "rank": ineligible["rank"],
                "justification": ".",
            }
        )

    path = _resign(exported, tmp_path / "t.zip", change)
    failed = _failed(export.verify_result(path, [exported.identity.jwk]))
    assert export.L_SEMANTIC in failed
    assert "n’est pas une phrase" in failed[export.L_SEMANTIC]
    assert "pas éligible" in failed[export.L_SEMANTIC]
    assert export.L_REPLAY in failed  # and the audit log never recorded that laureate


def test_quorum_met_with_nobody_present_is_refused(exported: Exported, tmp_path: Path) -> None:
    def change(doc: dict[str, Any]) -> None:
        for a in doc["attendance"]:
            a["present"] = False
        doc["deliberation"]["present"] = 0

    path = _resign(exported, tmp_path / "t.zip", change)
    failed = _failed(export.verify_result(path, [exported.identity.jwk]))
    assert "aucun juré n’est présent" in failed[export.L_SEMANTIC]
    assert "jurés absents" in failed[export.L_REPLAY]


def test_an_audit_log_cut_to_its_first_entry_is_refused(exported: Exported, tmp_path: Path) -> None:
    """Finding: audit.jsonl cut to its first entry, audit_head recomputed, verified."""
    first = exported.entries["audit.jsonl"].split(b"\n")[0] + b"\n"
    path = _resign(exported, tmp_path / "t.zip", audit_bytes=first)
    failed = _failed(export.verify_result(path, [exported.identity.jwk]))
    assert set(failed) == {export.L_CHAIN}
    assert "ne se termine pas par l’inscription de l’export n° 1" in failed[export.L_CHAIN]


def test_an_audit_log_that_does_not_start_with_the_import_is_refused(
    exported: Exported, tmp_path: Path
) -> None:
    lines = exported.entries["audit.jsonl"].rstrip(b"\n").split(b"\n")
    entries = [json.loads(x) for x in lines[1:]]
    prev = audit.GENESIS
    for i, e in enumerate(entries, start=1):
        e["seq"], e["prev"] = i, prev
        e["hash"] = audit.entry_hash(e)
        prev = e["hash"]
    path = _resign(exported, tmp_path / "t.zip", audit_bytes=audit.to_jsonl(entries))
    failed = _failed(export.verify_result(path, [exported.identity.jwk]))
    assert "n’est pas l’import de la session" in failed[export.L_CHAIN]


@pytest.mark.parametrize(
    ("edit", "said"),
    [
        (
            lambda t: t.replace(
                b'"format_version": 1', b'"format_version": 1, "format_version": 1'
            ),
            "en double",
        ),
        (lambda t: t.replace(b'"export_seq": 1', b'"export_seq": 1.0'), "export_seq"),
        (lambda t: t.replace(b'"export_seq": 1', b'"export_seq": -0'), "-0"),
        (lambda t: t.replace(b'"export_seq": 1', b'"export_seq": NaN'), "NaN"),
        (lambda t: t.replace(b'"export_seq": 1', b'"export_seq": 9007199254740993'), "2^53"),
        (lambda t: b"\xef\xbb\xbf" + t, "BOM"),
        (
            lambda t: t.replace(
                b'"notes": "', b'"notes": ' + b"[" * 40 + b"]" * 40 + b', "x": "', 1
            ),
            "imbrication",
        ),
    ],
    ids=["duplicate", "one-point-zero", "minus-zero", "nan", "beyond-2^53", "bom", "depth"],
)
def test_loose_json_in_a_signed_result_is_refused(
    exported: Exported, tmp_path: Path, edit: Callable[[bytes], bytes], said: str
) -> None:
    data = edit(exported.entries["result.json"])
    assert data != exported.entries["result.json"]
    path = _resign(exported, tmp_path / "t.zip", result_bytes=data)
    failed = _failed(export.verify_result(path, [exported.identity.jwk]))
    assert export.L_SCHEMA in failed
    assert said in failed[export.L_SCHEMA]


def test_a_session_bundle_of_another_manifest_is_named(
    exported: Exported, tmp_path: Path, hq_key: Any, demo_source: Path
) -> None:
    _, _, key = hq_key
    manifest = demo_source / "manifest.json"
    manifest.write_bytes(manifest.read_bytes().replace(b"Jury", b"Jury (copie)", 1))
    bundle.make_bundle(demo_source, key, tmp_path / "autre.zip")
    report = export.verify_result(
        exported.path, [exported.identity.jwk], session_bundle=tmp_path / "autre.zip"
    )
    failed = _failed(report)
    assert "ne porte pas sur ce paquet de session" in failed[export.L_MANIFEST]


def test_an_unsigned_result_is_not_parsed(exported: Exported, tmp_path: Path) -> None:
    """Nothing in result.json is read before its JWS holds (it could be anything)."""
    entries = dict(exported.entries)
    entries["result.json"] = b"[" * 100_000
    path = tmp_path / "t.zip"
    path.write_bytes(export._zip(list(entries.items()), datetime(2026, 6, 18)))
    report = export.verify_result(path, [exported.identity.jwk])
    assert set(_failed(report)) == {export.L_JWS}
    assert report.not_checked and "n’a pas été lu" in report.not_checked[0]


def test_a_later_export_carries_a_hint(tmp_path: Path) -> None:
    with played_demo(tmp_path) as (desk, sid):
        ident = signing_identity()
        export.export_session(desk, sid, tmp_path / "1.zip", ident)
        desk.reopen(sid, "Correction d’une note saisie par erreur sur la feuille.")
        export.export_session(desk, sid, tmp_path / "2.zip", ident)
        report = export.verify_result(tmp_path / "2.zip", [ident.jwk], session_bundle=DEMO_BUNDLE)
        assert report.ok, _failed(report)
        assert any("export n° 2" in w and "seul le dernier" in w for w in report.warnings)


# --------------------------------------------------------------------------- the command line


def test_verify_trusts_only_the_given_keys(exported: Exported, tmp_path: Path) -> None:
    """Finding: ``verify --trust FILE`` also trusted the installation's trust store."""
    mine = tmp_path / "mine.jwks"
    mine.write_bytes(crypto.jwks_document([exported.identity.jwk]))
    stranger = tmp_path / "stranger.jwks"
    stranger.write_bytes(crypto.jwks_document([crypto.public_jwk(crypto.new_private_key())]))
    assert run_cli("keys", "trust", mine).returncode == 0  # now in the trust store
    r = run_cli("verify", exported.path, "--trust", stranger)
    assert r.returncode == 2, r.stdout
    assert "[ÉCHEC] Signature JWS de result.json" in r.stdout
    r = run_cli("verify", exported.path, "--trust", mine, "--session-bundle", DEMO_BUNDLE)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "[ATTENTION] SESSION DE DÉMONSTRATION" in r.stdout
    assert "[NON VÉRIFIÉ]" not in r.stdout
    r = run_cli("verify", exported.path, "--trust", mine)
    assert r.returncode == 0
    assert "[NON VÉRIFIÉ] sans --session-bundle" in r.stdout


def test_the_demo_key_is_refused_for_other_bytes_before_any_json(tmp_path: Path) -> None:
    """Finding: the public demo key reached the JSON parser before the demo-session check."""
    from cryptography.hazmat.primitives import serialization

    pem = resources.path("demo", "DEMO-KEY-NOT-SECRET.pem").read_bytes()
    key = serialization.load_pem_private_key(pem, None)
    import zipfile

    manifest = b"{" * 10 + b'"not json'  # never parsed: the bytes are not the demo's
    out = tmp_path / "b.zip"
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("manifest.json", manifest)
        zf.writestr("manifest.json.jws", crypto.sign_detached(key, manifest))  # type: ignore[arg-type]
    with pytest.raises(UserError) as err:
        Desk(tmp_path / "db.sqlite3").import_bundle(out)
    assert err.value.code == "jws_untrusted"
    assert "démonstration" in err.value.message


def test_shipped_demo_manifest_is_the_one_the_key_vouches_for() -> None:
    import zipfile

    with zipfile.ZipFile(DEMO_BUNDLE) as zf:
        data = zf.read("manifest.json")
    assert hashlib.sha256(data).hexdigest() == bundle.demo_manifest_sha256()


def test_a_seal_removed_from_its_table_is_refused(tmp_path: Path) -> None:
    """A validated sheet whose seal row is deleted in the file (its later changes would no
    longer need a reason): the export compares the seals with the audit log's."""
    with played_demo(tmp_path) as (desk, sid):
        juror = next(j for j in desk.state(sid).jurors if j.id in desk.state(sid).present)
        assert desk.validate_sheet(sid, "d01", juror.id)
        _raw(desk.db_path, "DELETE FROM sheet_seal")
        with pytest.raises(UserError) as err:
            export.export_session(desk, sid, tmp_path / "r.zip", signing_identity())
        assert err.value.code == "export_tampered"
        assert "feuilles validées" in err.value.message


@pytest.mark.parametrize("table", ["comment", "recusal"])
def test_an_edited_comment_or_recusal_is_refused_and_named(tmp_path: Path, table: str) -> None:
    """The replay's state check walks a table key by key only when it differs: one edited
    comment, or one recusal deleted in the file, is still found and named."""
    with played_demo(tmp_path) as (desk, sid):
        st = desk.state(sid)
        if table == "comment":
            d, j = "d01", next(j.id for j in st.jurors if j.id in st.present)
            desk.set_comment(sid, d, j, "Un commentaire du juré, consigné.")
            sql = (
                f"UPDATE comment SET text='Réécrit dans le fichier.' WHERE session_id='{sid}' "
                f"AND dossier_id='{d}' AND juror_id='{j}'"
            )
            named = f"commentaire {d} / {j}"
        else:
            r = next(r for r in st.recusals if r.source.value == "session")
            sql = (
                f"DELETE FROM recusal WHERE session_id='{sid}' AND juror_id='{r.juror_id}' "
                f"AND dossier_id='{r.dossier_id}'"
            )
            named = f"récusation {r.juror_id} / {r.dossier_id}"
        _raw(desk.db_path, sql)
        desk._ids.clear()
        with pytest.raises(UserError) as err:
            export.export_session(
                desk, sid, tmp_path / "r.zip", signing_identity(), accept_proposal=True
            )
        assert err.value.code == "export_tampered"
        assert named in err.value.message
