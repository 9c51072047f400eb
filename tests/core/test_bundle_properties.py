"""Property tests of the bundle reader (STYLE habit 13): random names and sizes.

- Any entry name is either refused with :class:`BundleRefused` or is a safe, portable
  relative path; a set of names is either refused or unique after Unicode NFC and case
  folding (checked here against Unicode's own canonical caseless matching).
- Attachments of any size (0 and 1 byte, around the 1 MiB read chunk) go through
  ``make_bundle`` then ``Desk.import_bundle`` and read back byte-identical.
"""

from __future__ import annotations

import io
import json
import random
import tempfile
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from jury_desk.core import bundle, crypto, zipcheck
from jury_desk.core.errors import BundleRefused
from jury_desk.core.services import Desk
from tests.core import hostile

HqKey = tuple[Path, Path, crypto.PrivateKey]
CHUNK = zipcheck.CHUNK
NAME_CODES = {
    "name_empty",
    "name_too_long",
    "name_control",
    "name_backslash",
    "name_absolute",
    "name_dots",
    "name_forbidden_char",
    "name_trailing",
    "name_reserved",
}
RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    "CONIN$",
    "CONOUT$",
    *(f"{d}{i}" for d in ("COM", "LPT") for i in [*"0123456789", "¹", "²", "³"]),
}

# Pieces that make names interesting: separators, dots, drive letters, reserved stems,
# characters Windows forbids, controls, and letters that change under NFC or case folding.
PIECES = [
    "/",
    "\\",
    ".",
    "..",
    " ",
    ":",
    "C:",
    "<",
    ">",
    '"',
    "|",
    "?",
    "*",
    "\x00",
    "\n",
    "\x1f",
    "\x7f",
    "\x85",
    "CON",
    "nul",
    "Com1",
    "lpt²",
    "attachments",
    "d01",
    "é",
    "e\u0301",
    "É",
    "ß",
    "SS",
    "ss",
    "ﬁ",
    "K",
    "\u212a",
    "Å",
    "\u212b",
    "İ",
    "ς",
    "σ",
    "Σ",
    ".pdf",
]
chars = st.characters(blacklist_categories=("Cs", "Cc"))  # controls come from PIECES
names = st.one_of(
    st.lists(st.one_of(st.sampled_from(PIECES), chars), max_size=30).map("".join),
    st.text(chars, max_size=60),
    st.text(st.sampled_from("ab/é.-"), min_size=190, max_size=215),  # around 200 characters
)


def canonical_caseless(name: str) -> str:
    """Unicode 15, D145: NFD(toCasefold(NFD(X)))."""
    return unicodedata.normalize("NFD", unicodedata.normalize("NFD", name).casefold())


def assert_safe(name: str) -> None:
    assert 0 < len(name) <= 200
    assert "\\" not in name
    assert not name.startswith("/")
    assert not (len(name) >= 2 and name[1] == ":")
    assert not any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in name)
    body = name[:-1] if name.endswith("/") else name  # a folder entry ends with one "/"
    for part in body.split("/"):
        assert part not in ("", ".", ".."), name
        assert not set(part) & set('<>:"|?*'), name
        assert part[-1] not in ". ", name
        assert part.split(".")[0].rstrip(" ").upper() not in RESERVED, name


@settings(max_examples=600, deadline=None)
@given(names)
@example("a//")
@example("attachments/d01/dossier.pdf")
@example("COM1.pdf")
@example("..")
def test_a_name_is_refused_or_safe(name: str) -> None:
    try:
        zipcheck.check_name(name)
    except BundleRefused as exc:
        event(exc.code)
        assert exc.code in NAME_CODES
        assert exc.message.startswith("Paquet de session refusé")
        return
    event("accepted")
    assert_safe(name)


# Lists of names built from a few stems and their case / normalisation variants, so that
# duplicates (exact, by case, by Unicode form) are frequent.
def _variants(stem: str) -> st.SearchStrategy[str]:
    forms = {
        stem,
        stem.upper(),
        stem.lower(),
        stem.casefold(),
        stem.title(),
        unicodedata.normalize("NFC", stem),
        unicodedata.normalize("NFD", stem),
        unicodedata.normalize("NFKC", stem),
    }
    return st.sampled_from(sorted(forms))


stems = st.lists(st.sampled_from(PIECES[19:]), min_size=1, max_size=4).map("".join)
name_lists = st.lists(
    st.one_of(
        stems.flatmap(_variants).map(lambda s: f"attachments/d01/{s}"),
        stems.flatmap(_variants).map(lambda s: f"attachments/{s}/"),
        names,
    ),
    min_size=1,
    max_size=10,
)


@settings(max_examples=300, deadline=None)
@given(name_lists)
@example(["attachments/d01/é.pdf", "attachments/d01/e\u0301.pdf"])
@example(["attachments/d01/Straße.pdf", "attachments/d01/STRASSE.pdf"])
@example(["attachments/d01/\u212a.pdf", "attachments/d01/k.pdf"])  # Kelvin sign
def test_an_archive_is_refused_or_its_names_are_safe_and_fold_unique(entries: list[str]) -> None:
    data = hostile.write_zip([hostile.stored(n, b"%PDF-") for n in entries])
    fh = io.BytesIO(data)
    try:
        zf = zipfile.ZipFile(fh)
    except (zipfile.BadZipFile, ValueError):
        return  # a name zipfile itself cannot read: open_archive refuses it as not_zip
    try:
        accepted = zipcheck.inspect(zf, fh, len(data))
    except BundleRefused as exc:
        event(exc.code)
        assert exc.code in NAME_CODES | {"name_duplicate"}
        if exc.code == "name_duplicate":
            assert len({canonical_caseless(n.rstrip("/")) for n in entries}) < len(entries)
        return
    event(f"accepted ({min(len(accepted), 3)}+ names)")
    assert set(accepted) == set(entries)
    for n in accepted:
        assert_safe(n)
    folded = [canonical_caseless(n.rstrip("/")) for n in accepted]
    assert len(set(folded)) == len(folded), accepted


# --------------------------------------------------------------------------- sizes


SIZES = st.one_of(
    st.sampled_from([0, 1, 4, 5, 6, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK - 1, 2 * CHUNK + 1]),
    st.integers(0, 3 * CHUNK),
)


def _content(size: int, seed: int) -> bytes:
    """``size`` bytes that start like a PDF as far as they can."""
    return (b"%PDF-" + random.Random(seed).randbytes(max(size - 5, 0)))[:size]


def _source(root: Path, contents: list[bytes]) -> dict[str, Any]:
    doc = hostile.base_doc()
    atts = []
    for i, data in enumerate(contents):
        path = f"attachments/d01/piece-{i}.pdf"
        (root / "attachments" / "d01").mkdir(parents=True, exist_ok=True)
        (root / path).write_bytes(data)
        atts.append({"path": path, "title": f"Pièce {i}", "media_type": "application/pdf"})
    doc["dossiers"][0]["attachments"] = atts
    plan = hostile.base_files()["attachments/d02/plan.png"]
    (root / "attachments" / "d02").mkdir(parents=True, exist_ok=True)
    (root / "attachments/d02/plan.png").write_bytes(plan)
    (root / "manifest.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return doc


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(sizes=st.lists(SIZES, min_size=1, max_size=3), seed=st.integers(0, 2**32))
@example(sizes=[CHUNK - 1, CHUNK, CHUNK + 1], seed=1)
@example(sizes=[5], seed=2)
@example(sizes=[0], seed=3)
@example(sizes=[1], seed=4)
def test_attachments_of_any_size_round_trip(sizes: list[int], seed: int, hq_key: HqKey) -> None:
    contents = [_content(s, seed + i) for i, s in enumerate(sizes)]
    with tempfile.TemporaryDirectory(prefix="jd-sizes-") as tmp:
        root = Path(tmp)
        _source(root / "source", contents)
        out = root / "bundle.zip"
        bundle.make_bundle(root / "source", hq_key[2], out)
        desk = Desk(root / "jury.sqlite3")
        try:
            if min(sizes) < 5:
                # Too short to start with "%PDF-": refused by the media check, nothing kept.
                with pytest.raises(BundleRefused) as info:
                    desk.import_bundle(out, [crypto.public_jwk(hq_key[2])])
                assert info.value.code == "media_type"
                assert desk.sessions() == []
                assert not [p for p in desk.files.rglob("*") if p.is_file()]
                return
            report = desk.import_bundle(out, [crypto.public_jwk(hq_key[2])])
            assert report.attachment_bytes == sum(sizes) + len(
                hostile.base_files()["attachments/d02/plan.png"]
            )
            for i, data in enumerate(contents):
                assert desk.attachment_content(report.session_id, "d01", i) == data
        finally:
            desk.close()


# --------------------------------------------------------------------------- names, end to end


file_names = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Cf", "Zl", "Zp")),
    min_size=1,
    max_size=40,
).map(lambda s: s.replace("/", "-") + ".pdf")


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(name=file_names)
@example(name="Dossier de candidature — version définitive (2).pdf")
@example(name="e\u0301te\u0301.pdf")
def test_accepted_unicode_names_round_trip_and_never_become_paths(name: str, hq_key: HqKey) -> None:
    path = f"attachments/d01/{name}"
    try:
        zipcheck.check_name(path)
    except BundleRefused:
        return  # covered by test_a_name_is_refused_or_safe
    with tempfile.TemporaryDirectory(prefix="jd-names-") as tmp:
        root = Path(tmp)
        source = root / "source"
        files = hostile.base_files()
        data = files.pop("attachments/d01/budget.pdf")
        files[path] = data
        doc = hostile.base_doc()
        doc["dossiers"][0]["attachments"][1]["path"] = path
        for rel, content in files.items():
            (source / rel).parent.mkdir(parents=True, exist_ok=True)
            (source / rel).write_bytes(content)
        (source / "manifest.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        try:
            bundle.make_bundle(source, hq_key[2], root / "bundle.zip")
        except BundleRefused as exc:
            assert exc.code == "schema"  # e.g. longer than the schema's 200 characters
            return
        desk = Desk(root / "jury.sqlite3")
        try:
            report = desk.import_bundle(root / "bundle.zip", [crypto.public_jwk(hq_key[2])])
            st_ = desk.state(report.session_id)
            assert st_.dossier("d01").attachments[1].path == path
            assert desk.attachment_content(report.session_id, "d01", 1) == data
            stored = [p.relative_to(desk.files).parts for p in desk.files.rglob("*")]
            assert all(len(part) in (2, 64) for parts in stored for part in parts)
        finally:
            desk.close()
