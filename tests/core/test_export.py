"""The result bundle: written atomically, closing first, and verified check by check."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import resource
import signal
import subprocess
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from jury_desk.core import audit, crypto, demo_scenario, export, fmt
from jury_desk.core.errors import ClosingBlocked, UserError
from jury_desk.core.services import Desk
from tests.conftest import played_demo, signing_identity


def _entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def _rezip(entries: dict[str, bytes], out: Path) -> Path:
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return out


def _left_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _folder(tmp_path: Path) -> Path:
    """An output folder of its own (the database of the fixtures lives in tmp_path)."""
    folder = tmp_path / "sortie"
    folder.mkdir()
    return folder


@dataclass
class Exported:
    path: Path
    report: export.ExportReport
    identity: crypto.SigningIdentity
    entries: dict[str, bytes]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Exported]:
    """The demonstration day, exported once for the module."""
    tmp = tmp_path_factory.mktemp("export")
    with played_demo(tmp) as (desk, sid):
        ident = signing_identity()
        out = tmp / "out" / "resultats.zip"
        out.parent.mkdir()
        rep = export.export_session(desk, sid, out, ident, purge_due_on=date(2026, 12, 31))
        desk.close()
        yield Exported(out, rep, ident, _entries(out))


# --------------------------------------------------------------------------- writing


def test_the_archive_holds_exactly_four_files_and_verifies(exported: Exported) -> None:
    assert list(exported.entries) == [
        "result.json",
        "result.json.jws",
        "proces-verbal.pdf",
        "audit.jsonl",
    ]
    assert _left_in(exported.path.parent) == ["resultats.zip"]  # no temporary file left
    report = export.verify_result(exported.path, [exported.identity.jwk])
    assert report.ok, [c for c in report.checks if not c.ok]
    assert [c.code for c in report.checks] == [
        export.L_STRUCTURE,
        export.L_JWS,
        export.L_SCHEMA,
        export.L_PV_HASH,
        export.L_AUDIT_HASH,
        export.L_CHAIN,
        export.L_REPLAY,
        export.L_SEMANTIC,
        export.L_PDF_SIG,
    ]
    assert report.export_seq == 1
    # Without headquarters' session bundle, verify says what it could not check.
    assert any("--session-bundle" in n for n in report.not_checked)
    assert exported.report.export_seq == 1 and exported.report.pv_pages >= 5
    assert (
        exported.report.result_sha256 == hashlib.sha256(exported.entries["result.json"]).hexdigest()
    )


def test_result_json_ends_the_audit_with_its_own_export(exported: Exported) -> None:
    doc = json.loads(exported.entries["result.json"])
    assert export.schema_problems(doc) == []
    lines = audit.parse_jsonl(exported.entries["audit.jsonl"])
    assert audit.verify_chain(lines).ok
    assert doc["audit_head"] == lines[-1]["hash"] == exported.report.audit_head
    assert lines[-1]["action"] == "export.written"
    assert lines[-1]["data"]["export_seq"] == doc["export_seq"] == 1
    # The audit log goes to headquarters: it names the file, never a local path.
    assert lines[-1]["data"]["file"] == exported.path.name
    assert str(exported.path.parent) not in exported.entries["audit.jsonl"].decode("utf-8")
    assert lines[-2]["action"] == "deliberation.close"
    assert doc["files"]["proces-verbal.pdf"] == {
        "bytes": len(exported.entries["proces-verbal.pdf"]),
        "sha256": hashlib.sha256(exported.entries["proces-verbal.pdf"]).hexdigest(),
    }
    assert doc["signer"] == {
        "name": "Claire Dupont — secrétaire du jury",
        "kid": exported.identity.kid,
        "jwk": exported.identity.jwk,
    }
    assert doc["retention"] == {"purge_due_on": "2026-12-31"}
    signer = crypto.verify_detached(
        exported.entries["result.json.jws"].decode(),
        exported.entries["result.json"],
        [exported.identity.jwk],
    )
    assert crypto.thumbprint(signer) == exported.identity.kid


def test_export_is_refused_while_something_blocks_closing(
    scored_demo: tuple[Desk, str], tmp_path: Path
) -> None:
    desk, sid = scored_demo
    desk.set_attendance(sid, ["j01", "j02", "j03"])  # 4 present for a quorum of 5
    before = desk.state(sid)
    folder = _folder(tmp_path)
    out = folder / "resultats.zip"
    out.write_bytes(b"previous export")  # an earlier bundle stays as it was
    with pytest.raises(ClosingBlocked) as caught:
        export.export_session(desk, sid, out, signing_identity(), accept_proposal=True)
    assert any("quorum" in d for d in caught.value.details)
    assert out.read_bytes() == b"previous export"
    assert _left_in(folder) == ["resultats.zip"]
    after = desk.state(sid)
    assert not after.closed and after.audit_count == before.audit_count and after.export_seq == 0


def test_without_accept_proposal_an_unjustified_departure_blocks(
    scored_demo: tuple[Desk, str], tmp_path: Path
) -> None:
    desk, sid = scored_demo
    result = desk.results(sid)
    kept = [e for e in result.default_proposal if e.dossier_id != "d08"]
    from jury_desk.core.domain import LaureateDecision

    desk.set_decision(sid, [LaureateDecision(e.dossier_id, e.amount_cents) for e in kept], {})
    folder = _folder(tmp_path)
    with pytest.raises(ClosingBlocked) as caught:
        export.export_session(desk, sid, folder / "r.zip", signing_identity())
    assert any("d08" in d and "Justifiez" in d for d in caught.value.details)
    assert _left_in(folder) == []
    # --accept-proposal closes on the default proposal instead.
    rep = export.export_session(
        desk, sid, folder / "r.zip", signing_identity(), accept_proposal=True
    )
    doc = json.loads(_entries(rep.path)["result.json"])
    assert [lau["dossier_id"] for lau in doc["proposed_laureates"]] == [
        e.dossier_id for e in result.default_proposal
    ]
    assert doc["departures"] == []


def test_a_folder_that_cannot_be_written_changes_nothing(
    scored_demo: tuple[Desk, str], tmp_path: Path
) -> None:
    """Tests run as root, for whom permission bits mean nothing: the parent is a regular file."""
    desk, sid = scored_demo
    folder = _folder(tmp_path)
    blocker = folder / "pas-un-dossier"
    blocker.write_text("un fichier")
    before = desk.state(sid)
    with pytest.raises(UserError) as caught:
        export.export_session(
            desk, sid, blocker / "resultats.zip", signing_identity(), accept_proposal=True
        )
    assert caught.value.code == "export_target"
    assert (
        "pas-un-dossier" in caught.value.message and "Rien n’a été modifié" in caught.value.message
    )
    after = desk.state(sid)
    assert not after.closed and after.audit_count == before.audit_count
    assert _left_in(folder) == ["pas-un-dossier"]


def test_a_directory_as_target_is_refused(scored_demo: tuple[Desk, str], tmp_path: Path) -> None:
    desk, sid = scored_demo
    with pytest.raises(UserError) as caught:
        export.export_session(desk, sid, tmp_path, signing_identity(), accept_proposal=True)
    assert caught.value.code == "export_target"
    assert not desk.state(sid).closed


@contextlib.contextmanager
def _file_size_limit() -> Iterator[Callable[[int], None]]:
    """Yield a function that lowers this process's RLIMIT_FSIZE; restored on exit.

    SIGXFSZ is ignored meanwhile, so that the kernel answers EFBIG instead of killing us.
    """
    old_limits = resource.getrlimit(resource.RLIMIT_FSIZE)
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)

    def lower(limit: int) -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, old_limits[1]))

    try:
        yield lower
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, old_limits)
        signal.signal(signal.SIGXFSZ, old_handler)


def test_a_write_failing_midway_leaves_no_file(
    scored_demo: tuple[Desk, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The kernel refuses the write itself (RLIMIT_FSIZE, EFBIG) while the archive is written.

    Space is reserved before anything changes, so a full disk is refused up front (see the
    end-to-end test on a tiny tmpfs); a limit imposed by the kernel on this process is the
    honest way to make the real write fail after the export was recorded. The limit is
    lifted as the write fails, as room comes back on a disk once the reserved file is gone.
    """
    desk, sid = scored_demo
    out = tmp_path / "out" / "resultats.zip"
    out.parent.mkdir()
    out.write_bytes(b"previous export")
    with _file_size_limit() as lower:
        commit = export._Target.commit

        def failing_commit(self: export._Target, data: bytes) -> None:
            lower(4096)
            try:
                commit(self, data)
            finally:
                lower(resource.RLIM_INFINITY)

        monkeypatch.setattr(export._Target, "commit", failing_commit)
        with pytest.raises(UserError) as caught:
            export.export_session(desk, sid, out, signing_identity(), accept_proposal=True)
        monkeypatch.undo()
    assert caught.value.code == "export_write"
    assert "taille maximale de fichier" in caught.value.message
    assert "L’échec de l’export n° 1 est inscrit au journal d’audit" in caught.value.message
    assert "La délibération est restée ouverte" in caught.value.message
    assert out.read_bytes() == b"previous export"
    assert _left_in(out.parent) == ["resultats.zip"]
    st = desk.state(sid)
    assert not st.closed
    assert [e["action"] for e in desk.audit_entries(sid)[-4:]] == [
        "deliberation.close",
        "export.written",
        "export.failed",
        "deliberation.reopen",
    ]
    # The next export works, and says it is number 2.
    ident = signing_identity()
    rep = export.export_session(desk, sid, out, ident)
    assert rep.export_seq == 2
    assert export.verify_result(out, [ident.jwk]).ok


def test_space_is_reserved_before_anything_changes(
    scored_demo: tuple[Desk, str], tmp_path: Path
) -> None:
    desk, sid = scored_demo
    before = desk.state(sid)
    folder = _folder(tmp_path)
    with _file_size_limit() as lower, pytest.raises(UserError) as caught:
        lower(64 * 1024)  # far less than the room the archive needs
        export.export_session(desk, sid, folder / "r.zip", signing_identity(), accept_proposal=True)
    assert caught.value.code == "export_space"
    assert "Rien n’a été modifié" in caught.value.message
    assert _left_in(folder) == []
    after = desk.state(sid)
    assert not after.closed and after.audit_count == before.audit_count


def test_a_new_export_after_reopening_supersedes_the_previous(
    demo_desk: tuple[Desk, str], tmp_path: Path
) -> None:
    desk, sid = demo_desk
    demo_scenario.play_demo_deliberation(desk, sid)
    ident = signing_identity()
    first = export.export_session(desk, sid, tmp_path / "n1.zip", ident)
    desk.reopen(sid, "Erreur de saisie sur la feuille de M. Diallo (d03)")
    desk.record_score(sid, "d03", "j04", "impact", 7)
    second = export.export_session(desk, sid, tmp_path / "n2.zip", ident)
    assert (first.export_seq, second.export_seq) == (1, 2)
    doc = json.loads(_entries(second.path)["result.json"])
    assert doc["export_seq"] == 2
    actions = [e["action"] for e in audit.parse_jsonl(_entries(second.path)["audit.jsonl"])]
    assert actions[-5:] == [
        "export.written",
        "deliberation.reopen",
        "score.correct",
        "deliberation.close",
        "export.written",
    ]
    pdf = tmp_path / "pv2.pdf"
    pdf.write_bytes(_entries(second.path)["proces-verbal.pdf"])
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.replace(fmt.NBSP, " ")
    assert "Export n° 2 — remplace l’export n° 1" in text
    assert export.verify_result(second.path, [ident.jwk]).ok


# --------------------------------------------------------------------------- verifying


def _failed(report: export.VerifyReport) -> dict[str, str]:
    return {c.code: c.detail for c in report.checks if not c.ok}


def test_tampering_with_result_json_breaks_its_jws(exported: Exported, tmp_path: Path) -> None:
    entries = dict(exported.entries)
    doc = json.loads(entries["result.json"])
    doc["deliberation"]["notes"] += " Ajout après coup."
    entries["result.json"] = json.dumps(doc, ensure_ascii=False, indent=2).encode() + b"\n"
    report = export.verify_result(_rezip(entries, tmp_path / "t.zip"), [exported.identity.jwk])
    assert not report.ok
    assert set(_failed(report)) == {export.L_JWS}
    assert "ne correspond pas" in _failed(report)[export.L_JWS]


def test_tampering_with_the_jws_is_caught(exported: Exported, tmp_path: Path) -> None:
    entries = dict(exported.entries)
    header, _, sig = entries["result.json.jws"].decode().partition("..")
    entries["result.json.jws"] = f"{header}..{sig[::-1]}".encode()
    report = export.verify_result(_rezip(entries, tmp_path / "t.zip"), [exported.identity.jwk])
    assert set(_failed(report)) == {export.L_JWS}


def test_a_result_signed_by_an_untrusted_key_is_refused(exported: Exported, tmp_path: Path) -> None:
    entries = dict(exported.entries)
    entries["result.json.jws"] = crypto.sign_detached(
        crypto.new_private_key(), entries["result.json"]
    ).encode()
    report = export.verify_result(_rezip(entries, tmp_path / "t.zip"), [exported.identity.jwk])
    assert set(_failed(report)) == {export.L_JWS}
    assert "pas une clé de confiance" in _failed(report)[export.L_JWS]
    # And nothing verifies against a trust list that does not hold the installation's key.
    report = export.verify_result(exported.path, [crypto.public_jwk(crypto.new_private_key())])
    assert set(_failed(report)) == {export.L_JWS, export.L_PDF_SIG}


def test_tampering_with_the_pv_is_caught_twice(exported: Exported, tmp_path: Path) -> None:
    entries = dict(exported.entries)
    pdf = bytearray(entries["proces-verbal.pdf"])
    at = pdf.find(b"stream", 3000) + 64
    pdf[at] ^= 0x01
    entries["proces-verbal.pdf"] = bytes(pdf)
    report = export.verify_result(_rezip(entries, tmp_path / "t.zip"), [exported.identity.jwk])
    assert set(_failed(report)) == {export.L_PV_HASH, export.L_PDF_SIG}
    assert "SHA-256" in _failed(report)[export.L_PV_HASH]


def test_tampering_with_the_audit_names_the_first_broken_entry(
    exported: Exported, tmp_path: Path
) -> None:
    entries = dict(exported.entries)
    lines = entries["audit.jsonl"].split(b"\n")
    entry = json.loads(lines[41])
    assert entry["seq"] == 42
    entry["data"]["forged"] = True
    lines[41] = audit.canonical_json(entry)
    entries["audit.jsonl"] = b"\n".join(lines)
    report = export.verify_result(_rezip(entries, tmp_path / "t.zip"), [exported.identity.jwk])
    failed = _failed(report)
    assert set(failed) == {export.L_AUDIT_HASH, export.L_CHAIN}
    assert "n° 42" in failed[export.L_CHAIN]


def test_a_truncated_audit_no_longer_reaches_the_head(exported: Exported, tmp_path: Path) -> None:
    entries = dict(exported.entries)
    lines = entries["audit.jsonl"].rstrip(b"\n").split(b"\n")
    entries["audit.jsonl"] = b"\n".join(lines[:-1]) + b"\n"
    report = export.verify_result(_rezip(entries, tmp_path / "t.zip"), [exported.identity.jwk])
    failed = _failed(report)
    assert set(failed) == {export.L_AUDIT_HASH, export.L_CHAIN}
    assert "audit_head" in failed[export.L_CHAIN]


@pytest.mark.parametrize("change", ["extra", "missing", "nested"])
def test_an_archive_without_exactly_the_four_entries_is_refused(
    exported: Exported, tmp_path: Path, change: str
) -> None:
    entries = dict(exported.entries)
    if change == "extra":
        entries["lisez-moi.txt"] = b"hello"
    elif change == "missing":
        del entries["audit.jsonl"]
    else:
        entries["sub/result.json"] = entries.pop("result.json")
    report = export.verify_result(_rezip(entries, tmp_path / "t.zip"), [exported.identity.jwk])
    assert not report.ok
    assert [c.code for c in report.checks] == [export.L_STRUCTURE]
    detail = report.checks[0].detail
    assert (
        ("entrées annoncées, exactement 4" in detail)
        if change != "nested"
        else ("en trop" in detail)
    )


def test_a_hostile_archive_is_refused_by_the_zip_checks(exported: Exported, tmp_path: Path) -> None:
    out = tmp_path / "t.zip"
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in exported.entries.items():
            zf.writestr(name, data)
        zf.writestr("../evil.txt", b"x")
    report = export.verify_result(out, [exported.identity.jwk])
    assert [c.ok for c in report.checks] == [False]
    assert "5 entrées annoncées" in report.checks[0].detail
    not_zip = tmp_path / "n.zip"
    not_zip.write_bytes(b"not a zip")
    assert not export.verify_result(not_zip, [exported.identity.jwk]).ok


def test_space_reservation_errors_are_french(tmp_path: Path) -> None:
    assert (
        export._os_reason(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))) == "le disque est plein"
    )
    assert export._os_reason(OSError(errno.EROFS, "x")) == "le dossier est en lecture seule"
