"""Exact result archives (CONTRACT section 2): what we write, every reader sees alike;
what other readers could see differently, ``verify`` refuses.

The hostile corpus is built with the raw ZIP writer of :mod:`tests.core.hostile` from
the entries of a genuine export, so every case differs from a valid bundle by one layout
trick only. The interoperability test reads our archive with Debian's ``bsdtar``
(libarchive) and Info-ZIP's ``unzip``, and asserts they see the same four entries with
the same bytes as our reader.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pytest

from jury_desk.core import crypto, export, zipcheck
from tests.conftest import played_demo, signing_identity
from tests.core import hostile
from tests.core.hostile import DEFLATED, STORED, Raw, deflated, local_record, stored, write_zip


@dataclass
class Genuine:
    path: Path
    identity: crypto.SigningIdentity
    entries: dict[str, bytes]


@pytest.fixture(scope="module")
def genuine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Genuine]:
    tmp = tmp_path_factory.mktemp("archive")
    with played_demo(tmp) as (desk, sid):
        ident = signing_identity()
        out = tmp / "resultats.zip"
        export.export_session(desk, sid, out, ident, purge_due_on=date(2026, 12, 31))
        with zipfile.ZipFile(out) as zf:
            entries = {n: zf.read(n) for n in zf.namelist()}
        yield Genuine(out, ident, entries)


def _raws(g: Genuine) -> list[Raw]:
    return [
        stored(n, g.entries[n]) if n == export.PV else deflated(n, g.entries[n])
        for n in export.ENTRIES
    ]


def _with(g: Genuine, i: int, **changes: object) -> list[Raw]:
    raws = _raws(g)
    raws[i] = replace(raws[i], **changes)  # type: ignore[arg-type]
    return raws


def _fake_locals(g: Genuine) -> bytes:
    """A complete set of local entries with another result.json (Java's ZipInputStream
    reads these first)."""
    forged = g.entries[export.RESULT].replace(b'"amount_cents": ', b'"amount_cents": 9', 1)
    raws = _raws(g)
    raws[0] = deflated(export.RESULT, forged)
    return b"".join(local_record(r) for r in raws)


Case = Callable[[Genuine], bytes]

CORPUS: dict[str, tuple[Case, str]] = {
    "prepended-bytes": (lambda g: write_zip(_raws(g), prefix=b"MZ" + b"\0" * 62), "commence à"),
    "prepended-sfx-relative": (
        lambda g: write_zip(_raws(g), prefix=b"#!/bin/sh\n" * 4, relative_to_prefix=True),
        "répertoire central",
    ),
    "prepended-fake-local-set": (
        lambda g: write_zip(_raws(g), prefix=_fake_locals(g)),
        "commence à",
    ),
    "hidden-entry-in-gap": (
        lambda g: write_zip(_with(g, 1, after=local_record(stored("cache.txt", b"cache")))),
        "commence à",
    ),
    "gap-before-central": (lambda g: write_zip(_with(g, 3, after=b"\0" * 16)), "entre la dernière"),
    "trailing-bytes": (lambda g: write_zip(_raws(g), suffix=b"\0" * 40), "suivent"),
    "comment": (lambda g: write_zip(_raws(g), comment=b"hello"), "commentaire"),
    "second-end-record": (
        lambda g: write_zip(_raws(g), suffix=write_zip(_raws(g))[-22:]),
        "second enregistrement",
    ),
    "local-method-differs": (lambda g: write_zip(_with(g, 0, local_method=STORED)), "diffère"),
    "local-name-differs": (
        lambda g: write_zip(_with(g, 1, local_name=b"result.json.jwx")),
        "diffère",
    ),
    "data-descriptor": (lambda g: write_zip(_with(g, 0, flags=0x808)), "descripteur"),
    "encrypted": (lambda g: write_zip(_with(g, 0, flags=0x801)), "chiffrée"),
    "bzip2": (lambda g: write_zip(_with(g, 0, method=hostile.BZIP2)), "compression"),
    "zip64-extra": (
        lambda g: write_zip(_with(g, 2, extra=struct.pack("<HHQQ", 1, 16, 1, 1))),
        "ZIP64",
    ),
    "extra-entry": (lambda g: write_zip([*_raws(g), stored("lisez-moi.txt", b"x")]), "5 entrées"),
    "missing-entry": (lambda g: write_zip(_raws(g)[:3]), "3 entrées"),
    "duplicate-name": (
        lambda g: write_zip([*_raws(g)[:3], deflated(export.RESULT, b"{}")]),
        "en double",
    ),
    "other-name": (
        lambda g: write_zip([*_raws(g)[:3], deflated("../audit.jsonl", b"")]),
        "en trop",
    ),
    "wrong-crc": (lambda g: write_zip(_with(g, 0, crc=1234)), "CRC-32"),
    "size-lie": (
        lambda g: write_zip(_with(g, 0, file_size=len(g.entries[export.RESULT]) + 1)),
        "annonce",
    ),
    "huge-declared-size": (
        lambda g: write_zip(_with(g, 1, file_size=10**9)),
        "au plus",
    ),
    "stored-size-mismatch": (
        lambda g: write_zip(_with(g, 2, file_size=len(g.entries[export.PV]) - 1)),
        "incohérentes",
    ),
    "overlapping-entries": (
        lambda g: write_zip(_with(g, 1, offset=0)),
        "commence à",
    ),
    "bytes-after-deflate-stream": (
        lambda g: write_zip(
            _with(g, 0, data=_raws(g)[0].data + b"junk", compress_size=len(_raws(g)[0].data) + 4)
        ),
        "suivi d’octets",
    ),
    "not-a-zip": (lambda g: b"not a zip at all, but long enough to look", "fin d’archive"),
    "empty": (lambda g: b"", "trop court"),
    "zip64-end-record": (
        lambda g: (
            lambda z: (
                z[:-22]
                + struct.pack(
                    "<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0
                )
            )
        )(write_zip(_raws(g))),
        "ZIP64",
    ),
}


def test_our_raw_writer_makes_a_valid_bundle(genuine: Genuine, tmp_path: Path) -> None:
    """The corpus's base, written by the raw writer, verifies: every case breaks one thing."""
    path = tmp_path / "base.zip"
    path.write_bytes(write_zip(_raws(genuine)))
    report = export.verify_result(path, [genuine.identity.jwk])
    assert report.ok, [c for c in report.checks if not c.ok]


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_verify_refuses_every_inexact_archive(genuine: Genuine, tmp_path: Path, name: str) -> None:
    build, said = CORPUS[name]
    path = tmp_path / f"{name}.zip"
    path.write_bytes(build(genuine))
    report = export.verify_result(path, [genuine.identity.jwk])
    assert not report.ok
    first = report.checks[0]
    assert first.code == export.L_STRUCTURE and not first.ok, report.checks
    assert said in first.detail, first.detail


def test_python_zipfile_alone_would_have_accepted_some(genuine: Genuine) -> None:
    """Why the layout is checked at all: the standard reader sees nothing wrong in these."""
    import io

    for name in ("prepended-sfx-relative", "trailing-bytes", "comment", "hidden-entry-in-gap"):
        with zipfile.ZipFile(io.BytesIO(CORPUS[name][0](genuine))) as zf:
            assert sorted(zf.namelist()) == sorted(export.ENTRIES), name


def test_our_writer_is_exact(genuine: Genuine) -> None:
    with open(genuine.path, "rb") as fh:
        size = genuine.path.stat().st_size
        entries = zipcheck.exact_layout(fh, size, export.ENTRIES, export._LIMITS)
        assert min(e.header_offset for e in entries.values()) == 0
        assert entries[export.PV].method == STORED
        assert entries[export.RESULT].method == DEFLATED
        for name, e in entries.items():
            assert b"".join(zipcheck.stream_exact(fh, e, 10**9)) == genuine.entries[name]


# --------------------------------------------------------------------------- other readers


def _bsdtar(path: Path, dest: Path) -> dict[str, bytes]:
    dest.mkdir()
    subprocess.run(["bsdtar", "-xf", str(path), "-C", str(dest)], check=True, timeout=60)
    listed = subprocess.run(
        ["bsdtar", "-tf", str(path)], check=True, capture_output=True, text=True, timeout=60
    ).stdout.split()
    assert sorted(listed) == sorted(p.name for p in dest.iterdir())
    return {name: (dest / name).read_bytes() for name in listed}


def _unzip(path: Path) -> dict[str, bytes]:
    names = subprocess.run(
        ["unzip", "-Z1", str(path)], check=True, capture_output=True, text=True, timeout=60
    ).stdout.split()
    return {
        n: subprocess.run(
            ["unzip", "-p", str(path), n], check=True, capture_output=True, timeout=60
        ).stdout
        for n in names
    }


@pytest.mark.skipif(
    shutil.which("bsdtar") is None or shutil.which("unzip") is None,
    reason="Debian packages libarchive-tools and unzip (listed in .ci/run)",
)
def test_other_readers_see_the_same_four_entries(genuine: Genuine, tmp_path: Path) -> None:
    ours: dict[str, bytes] = {}
    with open(genuine.path, "rb") as fh:
        entries = zipcheck.exact_layout(
            fh, genuine.path.stat().st_size, export.ENTRIES, export._LIMITS
        )
        for name, e in entries.items():
            ours[name] = b"".join(zipcheck.stream_exact(fh, e, export._LIMITS[name]))
    assert sorted(ours) == sorted(export.ENTRIES)
    assert _bsdtar(genuine.path, tmp_path / "bsdtar") == ours
    assert _unzip(genuine.path) == ours
    # unzip's own integrity test agrees, and lists no comment.
    tested = subprocess.run(
        ["unzip", "-t", str(genuine.path)], capture_output=True, text=True, timeout=60, check=False
    )
    assert tested.returncode == 0 and "No errors detected" in tested.stdout
