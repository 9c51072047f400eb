"""Importing a valid session bundle (CONTRACT sections 1, 3 and 5): what is stored, how.

The refusals are in ``test_bundle_hostile.py``; this file checks the import that works:
the content-addressed store, the progress callback, flat memory, the re-import rule and
the demonstration session.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import tracemalloc
import zipfile
from pathlib import Path
from typing import Any

import pytest

from jury_desk.core import bundle, crypto, zipcheck
from jury_desk.core.errors import BundleRefused, UserError
from jury_desk.core.services import Desk
from tests.conftest import make_signed_bundle
from tests.core import hostile

HqKey = tuple[Path, Path, crypto.PrivateKey]


def trusted_of(hq_key: HqKey) -> list[dict[str, Any]]:
    return crypto.load_jwks(hq_key[1])


def dump(db: Path) -> list[str]:
    con = sqlite3.connect(db)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def store_files(desk: Desk) -> dict[str, bytes]:
    if not desk.files.exists():
        return {}
    return {
        str(p.relative_to(desk.files)): p.read_bytes()
        for p in sorted(desk.files.rglob("*"))
        if p.is_file()
    }


def source_attachments(source: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(source).as_posix()): p.read_bytes()
        for p in sorted((source / "attachments").rglob("*"))
        if p.is_file()
    }


def write_source(root: Path, doc: dict[str, Any], files: dict[str, bytes]) -> Path:
    """A headquarters source folder: manifest.json (without sizes and hashes) + attachments/."""
    root.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    (root / "manifest.json").write_text(
        json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    return root


# --------------------------------------------------------------------------- round trip


def test_make_then_import_the_demo_source(tmp_path: Path, demo_source: Path, hq_key: HqKey) -> None:
    out = make_signed_bundle(demo_source, hq_key[2], tmp_path / "session.zip")
    sources = source_attachments(demo_source)
    desk = Desk(tmp_path / "jury.sqlite3")
    calls: list[tuple[int, int]] = []
    report = desk.import_bundle(
        out, trusted_of(hq_key), lambda done, total: calls.append((done, total))
    )

    assert report.dossiers == 12
    assert report.attachments == len(sources) == 19
    assert report.attachment_bytes == sum(len(b) for b in sources.values())
    assert not report.is_demo and not report.unchanged  # signed by headquarters, not the demo key

    # Every attachment reads back byte-identical to its source file.
    st = desk.state(report.session_id)
    seen = 0
    for d in st.dossiers:
        for pos, att in enumerate(d.attachments):
            content = desk.attachment_content(report.session_id, d.id, pos)
            assert content == sources[att.path]
            assert hashlib.sha256(content).hexdigest() == att.sha256
            seen += 1
    assert seen == len(sources)

    # The stored manifest is the signed one, byte for byte, and the import is audited.
    with zipfile.ZipFile(out) as zf:
        signed = zf.read(bundle.MANIFEST)
    assert desk.manifest_bytes(report.session_id) == signed
    entries = desk.audit_entries(report.session_id)
    assert [e["action"] for e in entries] == ["session.import"]
    assert entries[0]["data"]["manifest_sha256"] == hashlib.sha256(signed).hexdigest()
    assert entries[0]["data"]["signer_kid"] == crypto.thumbprint(crypto.public_jwk(hq_key[2]))
    assert entries[0]["data"]["demo"] is False

    # The store is content-addressed: <sha[:2]>/<sha>, and no name from the bundle is a path.
    stored = store_files(desk)
    assert len(stored) == len(set(sources.values()))
    for rel, data in stored.items():
        sha = hashlib.sha256(data).hexdigest()
        assert rel == f"{sha[:2]}/{sha}"
    bundle_parts = {part for name in sources for part in name.split("/")}
    store_parts = {part for p in desk.files.rglob("*") for part in p.relative_to(desk.files).parts}
    assert all(re.fullmatch(r"[0-9a-f]{2}|[0-9a-f]{64}", part) for part in store_parts)
    assert not bundle_parts & store_parts

    # Progress: increasing, ending at the total.
    total = report.attachment_bytes
    assert calls, "the progress callback was never called"
    assert all(t == total for _, t in calls)
    dones = [d for d, _ in calls]
    assert dones == sorted(dones) and dones[0] > 0
    assert len(set(dones)) >= len(sources)  # at least one step per attachment
    assert calls[-1] == (total, total)
    desk.close()


def test_import_memory_stays_flat_and_progress_counts_chunks(tmp_path: Path, hq_key: HqKey) -> None:
    big = b"%PDF-1.7\n" + os.urandom(24 * 1024 * 1024)
    files = hostile.base_files()
    files["attachments/d01/budget.pdf"] = big
    source = write_source(tmp_path / "source", hostile.base_doc(), files)
    out = make_signed_bundle(source, hq_key[2], tmp_path / "big.zip")
    desk = Desk(tmp_path / "jury.sqlite3")
    calls: list[tuple[int, int]] = []
    tracemalloc.start()
    try:
        report = desk.import_bundle(out, trusted_of(hq_key), lambda d, t: calls.append((d, t)))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < len(big) / 3, f"peak {peak} bytes while importing {len(big)}"
    assert desk.attachment_content(report.session_id, "d01", 1) == big
    dones = [d for d, _ in calls]
    assert dones == sorted(dones)
    assert len(dones) >= len(big) // zipcheck.CHUNK  # one call per chunk at least
    assert calls[-1] == (report.attachment_bytes, report.attachment_bytes)
    desk.close()


def test_same_content_in_two_sessions_is_stored_once(
    tmp_path: Path, demo_source: Path, hq_key: HqKey
) -> None:
    desk = Desk(tmp_path / "jury.sqlite3")
    demo = desk.import_demo()
    before = store_files(desk)
    doc = json.loads((demo_source / "manifest.json").read_text(encoding="utf-8"))
    doc["session"]["id"] = "autre-session-2026"
    (demo_source / "manifest.json").write_text(
        json.dumps(doc, ensure_ascii=False), encoding="utf-8"
    )
    other = desk.import_bundle(
        make_signed_bundle(demo_source, hq_key[2], tmp_path / "b.zip"), trusted_of(hq_key)
    )
    assert store_files(desk) == before
    assert desk.attachment_content(other.session_id, "d01", 0) == desk.attachment_content(
        demo.session_id, "d01", 0
    )
    assert {s.id for s in desk.sessions()} == {demo.session_id, "autre-session-2026"}
    desk.close()


# --------------------------------------------------------------------------- re-import


def test_reimport_of_the_same_manifest_changes_nothing(
    tmp_path: Path, demo_source: Path, hq_key: HqKey
) -> None:
    out = make_signed_bundle(demo_source, hq_key[2], tmp_path / "session.zip")
    db = tmp_path / "jury.sqlite3"
    desk = Desk(db)
    first = desk.import_bundle(out, trusted_of(hq_key))
    db_before, files_before = dump(db), store_files(desk)
    audit_before = desk.audit_entries(first.session_id)

    again = desk.import_bundle(out, trusted_of(hq_key))
    assert again.unchanged and not first.unchanged
    assert (again.session_id, again.dossiers, again.attachments) == (first.session_id, 12, 19)
    assert dump(db) == db_before
    assert store_files(desk) == files_before
    assert desk.audit_entries(first.session_id) == audit_before
    assert not any(p.name.startswith(".staging") for p in desk.files.iterdir())
    desk.close()


def test_reimport_with_a_different_manifest_is_refused(
    tmp_path: Path, demo_source: Path, hq_key: HqKey
) -> None:
    out = make_signed_bundle(demo_source, hq_key[2], tmp_path / "session.zip")
    db = tmp_path / "jury.sqlite3"
    desk = Desk(db)
    first = desk.import_bundle(out, trusted_of(hq_key))
    manifest_before = desk.manifest_bytes(first.session_id)
    db_before, files_before = dump(db), store_files(desk)

    doc = json.loads((demo_source / "manifest.json").read_text(encoding="utf-8"))
    doc["session"]["envelope_cents"] = 1  # same session id, another envelope
    (demo_source / "manifest.json").write_text(
        json.dumps(doc, ensure_ascii=False), encoding="utf-8"
    )
    changed = make_signed_bundle(demo_source, hq_key[2], tmp_path / "changed.zip")
    with pytest.raises(UserError) as info:
        desk.import_bundle(changed, trusted_of(hq_key))
    assert info.value.code == "session_exists"
    assert first.session_id in info.value.message
    assert desk.manifest_bytes(first.session_id) == manifest_before
    assert dump(db) == db_before
    assert store_files(desk) == files_before
    assert desk.state(first.session_id).info.rules.envelope_cents == 9_000_000
    desk.close()


# --------------------------------------------------------------------------- demo session


def test_demo_bundle_imports_with_no_trust_file_and_is_flagged(tmp_path: Path) -> None:
    desk = Desk(tmp_path / "jury.sqlite3")
    report = desk.import_bundle(bundle.demo_bundle_path(), ())
    demo = bundle.demo_trust()
    assert report.is_demo and report.session_id == demo.session_id
    assert desk.state(report.session_id).is_demo
    assert [s.is_demo for s in desk.sessions()] == [True]
    entry = desk.audit_entries(report.session_id)[0]
    assert entry["data"]["demo"] is True and entry["data"]["signer_kid"] == demo.kid
    assert desk.import_demo().unchanged
    desk.close()


def test_demo_session_signed_by_headquarters_is_not_a_demonstration(
    tmp_path: Path, demo_source: Path, hq_key: HqKey
) -> None:
    out = make_signed_bundle(demo_source, hq_key[2], tmp_path / "session.zip")
    desk = Desk(tmp_path / "jury.sqlite3")
    report = desk.import_bundle(out, trusted_of(hq_key))
    assert report.session_id == bundle.demo_trust().session_id
    assert not report.is_demo and not desk.state(report.session_id).is_demo
    desk.close()


def test_make_refuses_what_an_importer_would_refuse(
    tmp_path: Path, demo_source: Path, hq_key: HqKey
) -> None:
    doc = json.loads((demo_source / "manifest.json").read_text(encoding="utf-8"))
    doc["dossiers"][1]["hearing"]["order"] = doc["dossiers"][0]["hearing"]["order"]
    (demo_source / "manifest.json").write_text(
        json.dumps(doc, ensure_ascii=False), encoding="utf-8"
    )
    out = tmp_path / "session.zip"
    with pytest.raises(BundleRefused) as info:
        make_signed_bundle(demo_source, hq_key[2], out)
    assert info.value.code == "hearing_order"
    assert list(tmp_path.glob("session.zip*")) == []  # neither the bundle nor its .part


# --------------------------------------------------------------------------- limits


def test_limits_are_inclusive(tmp_path: Path) -> None:
    """10,000 entries and 200-character paths are allowed; one more is refused."""
    zipcheck.check_name("attachments/d01/" + "a" * 180 + ".pdf")  # 200 characters
    with pytest.raises(BundleRefused):
        zipcheck.check_name("attachments/d01/" + "a" * 181 + ".pdf")
    for count, refused in ((zipcheck.MAX_ENTRIES, False), (zipcheck.MAX_ENTRIES + 1, True)):
        path = tmp_path / f"{count}.zip"
        path.write_bytes(
            hostile.write_zip(
                [hostile.stored(f"attachments/d01/f{i:05d}.pdf", b"") for i in range(count)]
            )
        )
        zf, fh, size = zipcheck.open_archive(path)
        try:
            if refused:
                with pytest.raises(BundleRefused) as info:
                    zipcheck.inspect(zf, fh, size)
                assert info.value.code == "too_many_entries"
            else:
                assert len(zipcheck.inspect(zf, fh, size)) == count
        finally:
            zf.close()
            fh.close()
