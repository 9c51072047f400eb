"""The export's short cuts (issue 15) give exactly what the long ways give: the result
schema's checker reports what plain jsonschema reports, the audit log written from the
rows is the one re-encoded from the entries, and the PV's ellipsis cut is the one the
character-by-character loop made."""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import json
import random
import sqlite3
import subprocess
import sys
import textwrap
import zipfile
from fractions import Fraction
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jury_desk.core import audit, export, resources, strictjson
from jury_desk.core.domain import Criterion
from jury_desk.core.errors import UserError
from tests.conftest import ROOT, played_demo, rechain_audit, signing_identity


@pytest.fixture(scope="module")
def played(written: Any) -> Any:
    """The played demo day, and the result.json of its export."""
    desk, sid, report, _, _ = written
    with zipfile.ZipFile(report.path) as z:
        return desk, sid, json.loads(z.read(export.RESULT))


def _plain_messages(doc: Any) -> list[str]:
    schema = resources.schema(export.SCHEMA)
    validator = jsonschema.Draft202012Validator(schema)
    return sorted(e.message for e in validator.iter_errors(doc))


def test_audit_jsonl_from_the_rows_is_the_reencoded_one(played: Any) -> None:
    desk, sid, _ = played
    data, head = desk.audit_jsonl(sid)
    entries = desk.audit_entries(sid)
    assert data == audit.to_jsonl(entries)
    assert head == entries[-1]["hash"] == desk.state(sid).audit_head
    assert audit.verify_chain(audit.parse_jsonl(data)).ok


def test_schema_short_cuts_report_what_jsonschema_reports(played: Any) -> None:
    doc = played[2]
    assert doc["scores"] and doc["attendance"]
    assert export.schema_problems(doc) == [] == _plain_messages(doc)
    rng = random.Random(15)
    breakages = [
        lambda d: d["scores"][0].__setitem__("value", "douze"),
        lambda d: d["scores"][1].__setitem__("juror_id", ""),
        lambda d: d["scores"][2].__setitem__("extra", 1),
        lambda d: d["scores"][3].pop("value"),
        lambda d: d["scores"].__setitem__(4, [1]),
        lambda d: d["scores"][5].__setitem__("value", [2]),
        lambda d: d["scores"][6].__setitem__("value", True),
        lambda d: d["attendance"][0].__setitem__("present", "oui"),
        lambda d: d.__setitem__("export_seq", 0),
    ]
    for breakage in breakages:
        bad = copy.deepcopy(doc)
        breakage(bad)
        # Twice: the second run meets values the first one cached as valid.
        for _ in range(2):
            ours = export.schema_problems(bad)
            plain = _plain_messages(bad)
            assert ours and plain
            assert len(ours) == min(5, len(plain))
            assert all(any(m in o for o in ours) for m in plain[:1])
    several = copy.deepcopy(doc)
    for i in rng.sample(range(len(doc["scores"])), 3):
        several["scores"][i]["criterion_id"] = "pas un id !"
    assert len(export.schema_problems(several)) == 3 == len(_plain_messages(several))


def _fit_by_characters(text: str, font: str, size: float, room: float) -> str:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(text, font, size) <= room:
        return text
    while text and stringWidth(text + "…", font, size) > room:
        text = text[:-1]
    return text.rstrip(" —:,;") + "…"


def test_the_ellipsis_cut_is_the_longest_prefix_that_fits(tmp_path: Path) -> None:
    from jury_desk.core import pv_style

    pv_style._register_fonts()
    rng = random.Random(2026)
    words = ["atelier", "jardin —", "numérique", "x", ":", "a,", "é", "tiers-lieu", "ÉCOLE"]
    for _ in range(500):
        text = " ".join(rng.choice(words) for _ in range(rng.randrange(0, 16)))
        room = rng.uniform(0, 220)
        for font in (pv_style.FONT, pv_style.FONT_BOLD):
            assert pv_style._fit(text, font, 8, room) == _fit_by_characters(text, font, 8, room)


@pytest.mark.parametrize("name", ["result.schema.json", "session.schema.json"])
def test_the_shipped_schemas_are_valid_json_schemas(name: str) -> None:
    """Checked here once, not at every export and verify (a third of a second each)."""
    jsonschema.Draft202012Validator.check_schema(resources.schema(name))


_json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(),
    lambda children: (
        st.lists(children, max_size=4)
        | st.tuples(children, children)
        | st.dictionaries(st.text(max_size=6), children, max_size=4)
    ),
    max_leaves=30,
)


@settings(max_examples=400, deadline=None)
@given(_json_values)
def test_result_json_is_serialised_as_json_dumps_would(doc: Any) -> None:
    expected = json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    assert export._dump(doc) == expected


def test_unusual_values_go_the_standard_way() -> None:
    class Label(str):
        pass

    doc = {"a": [Label("x"), True, 1.5, {}, []], 3: None, "b": {"c": (1, 2)}}
    assert export._dump(doc) == json.dumps(doc, ensure_ascii=False, indent=2).encode() + b"\n"
    with pytest.raises(TypeError):
        export._dump({"a": object()})


def test_played_result_json_is_written_as_json_dumps_would(played: Any) -> None:
    _, _, doc = played
    assert export._dump(doc) == json.dumps(doc, ensure_ascii=False, indent=2).encode() + b"\n"


_fractions = st.fractions(min_value=-50, max_value=50, max_denominator=20)


@settings(max_examples=500, deadline=None)
@given(_fractions, _fractions, _fractions, _fractions.filter(lambda f: f != 0))
def test_criterion_scale_check_is_the_fraction_arithmetic(
    value: Fraction, low: Fraction, high: Fraction, step: Fraction
) -> None:
    crit = Criterion("c", "C", "", Fraction(1), low, high, step)
    in_range = low <= value <= high
    assert crit.is_valid(value) == (in_range and ((value - low) / step).denominator == 1)


def test_criterion_scale_check_on_a_real_scale() -> None:
    crit = Criterion("c", "C", "", Fraction(1), Fraction(0), Fraction(10), Fraction(1, 2))
    valid = [v for v in (Fraction(n, 4) for n in range(-8, 50)) if crit.is_valid(v)]
    assert valid == [Fraction(n, 2) for n in range(21)]


# --------------------------------------------------------------------------- verify after export


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The played demo day exported: its desk, session, report, key and manifest."""
    tmp = tmp_path_factory.mktemp("written")
    with played_demo(tmp) as (desk, sid), pytest.MonkeyPatch.context() as mp:
        mp.setenv("JURY_DESK_DATA_DIR", str(tmp / "data"))
        mp.setenv("JURY_DESK_CONFIG_DIR", str(tmp / "config"))
        ident = signing_identity()
        out = tmp / "resultats.zip"
        report = export.export_session(desk, sid, out, ident, accept_proposal=True)
        yield desk, sid, report, ident, desk.manifest_bytes(sid)


def _replay_key(report: export.VerifyReport) -> str:
    (check,) = [c for c in report.checks if c.code == export.L_REPLAY]
    assert check.ok, check
    return check.key


def _checks(report: export.VerifyReport) -> list[tuple[str, bool, Any]]:
    return [(c.code, c.ok, c.params) for c in report.checks]


def _proof(report: export.ExportReport) -> export.ReplayedAtExport:
    return export.ReplayedAtExport(
        report.result_sha256, report.audit_sha256, report.audit_head, report.audit_count
    )


def test_the_check_after_an_export_takes_the_log_it_replayed_as_checked(written: Any) -> None:
    desk, sid, report, ident, manifest = written
    assert report.result_sha256 in export._exported_parse  # the export's parse, handed over
    after = export.verify_written(desk, sid, report, ident)
    assert not export._exported_parse  # taken by the check, and dropped
    whole = export.verify_result(report.path, [ident.jwk], manifest_bytes=manifest)
    assert after.ok and whole.ok
    with zipfile.ZipFile(report.path) as z:
        written_log = z.read(export.AUDIT)
    assert report.audit_sha256 == hashlib.sha256(written_log).hexdigest()
    assert report.audit_count == written_log.count(b"\n") == len(desk.audit_entries(sid)) - 1
    keys = {c.code: c.key for c in after.checks}
    assert keys[export.L_CHAIN] == "chain.ok_at_export"
    assert keys[export.L_REPLAY] == "replay.ok_at_export"
    whole_keys = {c.code: c.key for c in whole.checks}
    assert (whole_keys[export.L_CHAIN], whole_keys[export.L_REPLAY]) == (
        "chain.ok",
        "replay.ok_whole",
    )
    # The same checks, the same figures (entries, head): everything else read back and
    # checked from the file as the whole verify checks it.
    assert _checks(after) == _checks(whole)


def test_a_log_or_a_document_other_than_the_exported_one_is_checked_in_full(
    written: Any,
) -> None:
    _, _, report, ident, manifest = written
    proof = _proof(report)
    for other in (
        dataclasses.replace(proof, audit_sha256="0" * 64),
        dataclasses.replace(proof, audit_head="0" * 64),
        dataclasses.replace(proof, result_sha256="0" * 64, result_doc={"not": "this"}),
    ):
        checked = export._verify_result(
            report.path, [ident.jwk], manifest_bytes=manifest, replayed_at_export=other
        )
        keys = {c.code: c.key for c in checked.checks}
        assert checked.ok and keys[export.L_CHAIN] == "chain.ok"
        assert keys[export.L_REPLAY] == "replay.ok_whole"
    # Without the manifest nothing is recomputed whole: the proof does not apply.
    checked = export._verify_result(report.path, [ident.jwk], replayed_at_export=proof)
    keys = {c.code: c.key for c in checked.checks}
    assert checked.ok and keys[export.L_REPLAY] == "replay.ok_records"


def test_an_audit_log_rewritten_after_the_export_fails_despite_the_proof(
    written: Any, tmp_path: Path
) -> None:
    _, _, report, ident, manifest = written
    with zipfile.ZipFile(report.path) as z:
        entries = {name: z.read(name) for name in z.namelist()}
        infos = {i.filename: i for i in z.infolist()}
    chain = audit.parse_jsonl(entries[export.AUDIT])
    # A score changed and the whole chain rehashed from it: intact, but another chain.
    at = next(i for i, e in enumerate(chain) if e["action"] == "score.set")
    chain[at]["data"]["value"] = "0"
    prev = chain[at - 1]["hash"]
    for entry in chain[at:]:
        entry["prev"] = prev
        entry["hash"] = prev = audit.entry_hash(entry)
    entries[export.AUDIT] = audit.to_jsonl(chain)
    forged = tmp_path / "forged.zip"
    with zipfile.ZipFile(forged, "w") as z:
        for name, data in entries.items():
            z.writestr(infos[name], data)
    checked = export._verify_result(
        forged, [ident.jwk], manifest_bytes=manifest, replayed_at_export=_proof(report)
    )
    failed = {c.code for c in checked.failed()}
    assert not checked.ok and {export.L_AUDIT_HASH, export.L_CHAIN} <= failed


def test_an_audit_line_that_verify_would_refuse_refuses_the_export(tmp_path: Path) -> None:
    """The export reads the log as verify reads audit.jsonl: a row whose data holds the
    same key twice (the database edited outside jury_desk, the chain computed anew over
    what a lax parser sees) is refused before anything changes."""
    with played_demo(tmp_path) as (desk, sid):
        db = desk.db_path
        before = desk.audit_entries(sid)
        con = sqlite3.connect(db)
        rechain_audit(con, sid, lambda seq, action, data: None)
        target = next(e for e in before if e["action"] == "score.set")
        raw = audit.canonical_json(target["data"]).decode()
        doubled = raw[:-1] + ',"value":' + json.dumps(target["data"]["value"]) + "}"
        con.execute(
            "UPDATE audit SET data=? WHERE session_id=? AND seq=?", (doubled, sid, target["seq"])
        )
        con.commit()
        con.close()
        assert desk.audit_entries(sid)[target["seq"] - 1]["data"] == target["data"]
        with pytest.raises(UserError) as refused:
            export.export_session(
                desk, sid, tmp_path / "r.zip", signing_identity(), accept_proposal=True
            )
        assert refused.value.code == "audit_chain_broken"
        assert dict(refused.value.params)["seq"] == target["seq"]
        assert not (tmp_path / "r.zip").exists()
        assert not desk.state(sid).closed
        assert len(desk.audit_entries(sid)) == len(before)


def test_pyhanko_signs_and_validates_without_its_network_clients(tmp_path: Path) -> None:
    """In a fresh process, as the application imports pyHanko: aiohttp is never imported,
    and pyHanko's clients over HTTP refuse to be built."""
    script = tmp_path / "offline.py"
    script.write_text(
        textwrap.dedent(
            """
            import io, sys
            from reportlab.pdfgen import canvas
            from jury_desk.core import crypto, pv_signing

            buf = io.BytesIO()
            page = canvas.Canvas(buf)
            page.drawString(72, 720, "Procès-verbal")
            page.save()
            key = crypto.new_private_key()
            ident = crypto.SigningIdentity(key, crypto.self_signed_certificate(key, "Test"), [])
            signed = pv_signing.sign_pdf(buf.getvalue(), ident)
            assert pv_signing.validate_pdf(signed, [ident.jwk], ident.jwk).ok
            assert "aiohttp" not in sys.modules, "aiohttp imported"
            from pyhanko.sign.timestamps import HTTPTimeStamper
            from pyhanko_certvalidator.fetchers import _default_fetcher_backend
            for build in (lambda: HTTPTimeStamper("http://tsa.invalid"), _default_fetcher_backend):
                try:
                    build()
                except RuntimeError as exc:
                    assert "never connects out" in str(exc)
                else:
                    raise AssertionError("a client over HTTP was built")
            from jury_desk.core import pv_chart

            pv_chart._without_shape_checking()
            from reportlab.graphics import shapes

            assert "__setattr__" not in shapes.Shape.__dict__, "shapes checked"
            print("hors ligne")
            """
        )
    )
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, check=False, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "hors ligne"


def _export_refused(desk: Any, sid: str, out: Path) -> UserError:
    with pytest.raises(UserError) as refused:
        export.export_session(desk, sid, out, signing_identity(), accept_proposal=True)
    assert not out.exists()
    return refused.value


@pytest.mark.parametrize(
    ("column", "value"),
    [("seq", "'x'"), ("at", "CAST(at AS BLOB)"), ("data", "CAST(data AS BLOB)")],
)
def test_a_log_row_of_another_type_refuses_the_export_as_a_broken_chain(
    tmp_path: Path, column: str, value: str
) -> None:
    """A row edited outside jury_desk to another SQL type (text for the number, bytes for
    a text) is refused as a broken chain, before anything changes, not a crash."""
    with played_demo(tmp_path) as (desk, sid):
        count = len(desk.audit_entries(sid))
        con = sqlite3.connect(desk.db_path)
        rechain_audit(con, sid, lambda seq, action, data: None)
        con.execute(f"UPDATE audit SET {column} = {value} WHERE session_id = ? AND seq = 5", (sid,))
        con.commit()
        con.close()
        refused = _export_refused(desk, sid, tmp_path / "r.zip")
        assert refused.code == "audit_chain_broken"
        assert dict(refused.params)["seq"] == (count if column == "seq" else 5)
        assert not desk.state(sid).closed


def _append_raw(db: Path, sid: str, action: str, data: str, lax: dict[str, Any]) -> None:
    """An entry added outside jury_desk, chained to the head over what a lax parser
    reads of ``data``."""
    con = sqlite3.connect(db)
    seq, prev = con.execute(
        "SELECT seq, hash FROM audit WHERE session_id = ? ORDER BY seq DESC LIMIT 1", (sid,)
    ).fetchone()
    entry = {
        "seq": seq + 1,
        "at": "2026-06-18T18:00:00+02:00",
        "actor": "secretariat",
        "action": action,
        "data": lax,
        "prev": prev,
    }
    con.execute(
        "INSERT INTO audit (session_id, seq, at, actor, action, data, prev, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (sid, seq + 1, entry["at"], "secretariat", action, data, prev, audit.entry_hash(entry)),
    )
    con.commit()
    con.close()


@pytest.mark.parametrize("strict", [False, True])
def test_an_entry_slipped_in_during_the_export_fails_it_and_reopens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, strict: bool
) -> None:
    """An entry added to the log while the export runs (after its own entry, before
    result.json is made): one verify would refuse (the same member twice), or a valid one
    after the export's own. The export fails, writes nothing, reopens the deliberation,
    and nothing is marked verified."""
    from jury_desk.core import pv_signing

    with played_demo(tmp_path) as (desk, sid):
        sign = pv_signing.sign_pdf

        def sign_then_slip(*args: Any, **kwargs: Any) -> bytes:
            if strict:
                _append_raw(
                    desk.db_path, sid, "notes.set", '{"notes":"a","notes":"b"}', {"notes": "b"}
                )
            else:
                _append_raw(desk.db_path, sid, "notes.set", '{"notes":"b"}', {"notes": "b"})
            return sign(*args, **kwargs)

        monkeypatch.setattr(pv_signing, "sign_pdf", sign_then_slip)
        refused = _export_refused(desk, sid, tmp_path / "r.zip")
        assert refused.code == ("export_tampered" if strict else "export_failed")
        assert not desk.state(sid).closed
        actions = [e["action"] for e in desk.audit_entries(sid)]
        assert "export.failed" in actions and "export.verified" not in actions


def test_a_text_beyond_what_verify_reads_of_a_line_is_refused_when_written(
    demo_desk: tuple[Any, str],
) -> None:
    """Every entry jury_desk writes is one verify reads: the notes with more brackets than
    a line may hold objects and arrays are refused when saved, nothing changed."""
    desk, sid = demo_desk
    before = len(desk.audit_entries(sid))
    with pytest.raises(UserError) as refused:
        desk.set_notes(sid, "[" * (audit.MAX_CONTAINERS + 1))
    assert refused.value.code == "audit_entry_too_large"
    assert len(desk.audit_entries(sid)) == before and desk.state(sid).notes == ""
    desk.set_notes(sid, "[" * (audit.MAX_CONTAINERS - 10))  # within: kept
    assert len(desk.audit_entries(sid)) == before + 1


@pytest.mark.parametrize(
    "text",
    ['{"a": 1, "a": 1}', '{"x": {"a": [1], "a": [1]}}', '[{"a": 1}, {"b": 2, "b": 2}]'],
)
def test_a_member_named_twice_is_refused_even_with_the_same_value(text: str) -> None:
    with pytest.raises(strictjson.StrictJsonError) as refused:
        strictjson.loads(text.encode(), max_bytes=1000)
    assert refused.value.key == "json.duplicate_key"
    assert strictjson.loads(b'{"a": {"a": 1}, "b": [{"a": 2}]}', max_bytes=1000)


def test_an_entry_whose_line_is_exactly_the_limit_is_written_one_byte_more_refused(
    demo_desk: tuple[Any, str],
) -> None:
    """The size checked when writing is the size of the line verify reads, to the byte."""
    desk, sid = demo_desk
    desk.set_notes(sid, "x")
    data, _ = desk.audit_jsonl(sid)
    overhead = len(jsonl_last(data)) - 1  # the line of a one-character note, less that note
    desk.set_notes(sid, "y" * (audit.MAX_LINE - overhead))  # a line of MAX_LINE bytes
    data, _ = desk.audit_jsonl(sid)
    assert len(jsonl_last(data)) == audit.MAX_LINE
    before = len(desk.audit_entries(sid))
    with pytest.raises(UserError) as refused:
        desk.set_notes(sid, "z" * (audit.MAX_LINE - overhead + 1))
    assert refused.value.code == "audit_entry_too_large"
    assert len(desk.audit_entries(sid)) == before


def jsonl_last(data: bytes) -> bytes:
    return data.rstrip(b"\n").rsplit(b"\n", 1)[-1]
