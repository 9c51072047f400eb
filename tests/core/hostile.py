"""A corpus of hostile and broken session bundles (CONTRACT sections 1, 3 and 5).

Every bundle is built here, in memory, by a small ZIP writer of our own
(:func:`write_zip`): local headers, central directory and end record are packed with
:mod:`struct`, so the corpus can hold what :mod:`zipfile` refuses to write — overlapping
entries, lying sizes, links, the encryption flag, unknown compression methods, duplicate
names, names with ``..``, drive letters, control characters or NUL bytes.

Unless a case is about the signature, its manifest is signed with the trusted
headquarters key, so that the import really reaches the rule under test instead of
stopping at the JWS.

:data:`CORPUS` lists the cases; each names the ``UserError.code`` expected, a piece of
text the French message must hold (the entry or the rule), whether it also goes
through the real command line, and what it needs set up (a session already imported,
a smaller total budget).
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
import stat
import struct
import unicodedata
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from jury_desk.core import crypto, resources

SESSION_ID = "7c1f6a0e-3b7d-4f4e-9a51-2d9c1e7b8a20"
MANIFEST = "manifest.json"
MANIFEST_JWS = "manifest.json.jws"
REFUSED = "Paquet de session refusé"

# ZIP record layouts (APPNOTE 4.3.7, 4.3.12, 4.3.16).
_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")
_DOS_TIME, _DOS_DATE = 0, ((2026 - 1980) << 9) | (1 << 5) | 1

STORED, DEFLATED, BZIP2, LZMA = (
    zipfile.ZIP_STORED,
    zipfile.ZIP_DEFLATED,
    zipfile.ZIP_BZIP2,
    zipfile.ZIP_LZMA,
)
DEFLATE64 = 9  # APPNOTE 4.4.5; zipfile has no constant for it
UTF8_FLAG, ENCRYPTED_FLAG = 0x800, 0x1


# --------------------------------------------------------------------------- raw ZIP writer


@dataclass
class Raw:
    """One entry as written: every header field can lie."""

    name: str | bytes
    data: bytes = b""  # the bytes stored in the archive (already compressed if method != 0)
    plain: bytes | None = None  # the uncompressed content (CRC and size); defaults to data
    method: int = STORED
    flags: int = UTF8_FLAG
    mode: int = stat.S_IFREG | 0o644
    create_system: int = 3
    dos_attr: int = 0  # low byte(s) of the external attributes (MS-DOS attributes)
    crc: int | None = None
    file_size: int | None = None  # declared uncompressed size (both headers)
    compress_size: int | None = None  # declared compressed size (both headers)
    offset: int | None = None  # central record points here instead of at its own local header
    local: bool = True  # write a local header + data for this entry
    local_method: int | None = None  # the local header says another method
    local_name: bytes | None = None  # the local header names another file
    extra: bytes = b""  # extra field, in both headers
    after: bytes = b""  # bytes written after this entry's data (a gap)

    @property
    def name_bytes(self) -> bytes:
        return self.name if isinstance(self.name, bytes) else self.name.encode("utf-8")


def stored(name: str | bytes, data: bytes, **kw: Any) -> Raw:
    return Raw(name, data, **kw)


def deflated(name: str | bytes, plain: bytes, **kw: Any) -> Raw:
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    return Raw(name, co.compress(plain) + co.flush(), plain=plain, method=DEFLATED, **kw)


def local_record(e: Raw) -> bytes:
    plain = e.data if e.plain is None else e.plain
    crc = zlib.crc32(plain) if e.crc is None else e.crc
    csize = len(e.data) if e.compress_size is None else e.compress_size
    usize = len(plain) if e.file_size is None else e.file_size
    name = e.name_bytes
    if e.local_name is not None:
        name = e.local_name
    method = e.method if e.local_method is None else e.local_method
    head = _LOCAL.pack(
        0x04034B50,
        20,
        e.flags,
        method,
        _DOS_TIME,
        _DOS_DATE,
        crc,
        csize,
        usize,
        len(name),
        len(e.extra),
    )
    return head + name + e.extra + e.data


def write_zip(
    entries: list[Raw],
    *,
    comment: bytes = b"",
    prefix: bytes = b"",
    suffix: bytes = b"",
    relative_to_prefix: bool = False,
) -> bytes:
    """``prefix``: bytes before the first entry (offsets count them unless
    ``relative_to_prefix``, as a self-extracting stub would); ``suffix``: after the end."""
    out = bytearray(prefix)
    base = len(prefix) if relative_to_prefix else 0
    offsets: list[int] = []
    for e in entries:
        offsets.append(len(out) - base)
        if e.local:
            out += local_record(e)
        out += e.after
    cd_start = len(out)
    for e, own in zip(entries, offsets, strict=True):
        plain = e.data if e.plain is None else e.plain
        crc = zlib.crc32(plain) if e.crc is None else e.crc
        csize = len(e.data) if e.compress_size is None else e.compress_size
        usize = len(plain) if e.file_size is None else e.file_size
        name = e.name_bytes
        out += _CENTRAL.pack(
            0x02014B50,
            (e.create_system << 8) | 20,
            20,
            e.flags,
            e.method,
            _DOS_TIME,
            _DOS_DATE,
            crc,
            csize,
            usize,
            len(name),
            len(e.extra),
            0,
            0,
            0,
            ((e.mode & 0xFFFF) << 16) | e.dos_attr,
            own if e.offset is None else e.offset,
        )
        out += name + e.extra
    cd_size = len(out) - cd_start
    out += _END.pack(
        0x06054B50, 0, 0, len(entries), len(entries), cd_size, cd_start - base, len(comment)
    )
    out += comment + suffix
    return bytes(out)


# --------------------------------------------------------------------------- the valid base


def pdf_bytes(label: str, size: int = 2_000) -> bytes:
    body = bytearray(f"%PDF-1.7\n% {label}\n".encode())
    seed = hashlib.sha256(label.encode()).digest()
    while len(body) < size - 7:
        seed = hashlib.sha256(seed).digest()
        body += seed
    return bytes(body[: size - 7]) + b"\n%%EOF\n"


def png_bytes(label: str) -> bytes:
    return b"\x89PNG\r\n\x1a\n" + hashlib.sha256(label.encode()).digest() * 8


def base_files() -> dict[str, bytes]:
    return {
        "attachments/d01/dossier-candidature.pdf": pdf_bytes("d01 dossier"),
        "attachments/d01/budget.pdf": pdf_bytes("d01 budget", 3_000),
        "attachments/d02/plan.png": png_bytes("d02 plan"),
    }


def _att(path: str, title: str, media: str) -> dict[str, Any]:
    return {"path": path, "title": title, "media_type": media}


def _dossier(did: str, order: int, atts: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": did,
        "reference": f"LAI-2026-{order:03d}",
        "title": f"Projet {did}",
        "commune": "Vitry-sur-Seine",
        "qpv": {"code": "QN09401M", "name": "Balzac"},
        "holder": {
            "name": "Association des habitants",
            "kind": "association",
            "rna": "W941000001",
            "siret": None,
            "contact": "contact@example.org",
        },
        "project_manager": "Camille Martin",
        "summary": "Un projet de quartier.",
        "amount_requested_cents": 1_500_000,
        "budget_total_cents": 4_200_000,
        "hearing": {"order": order, "start": "2026-06-18T09:30:00+02:00"},
        "attachments": atts,
    }


def base_doc() -> dict[str, Any]:
    """A small valid manifest; attachment ``bytes``/``sha256`` are filled by :meth:`Kit.fill`."""
    return {
        "format": "lai.session",
        "format_version": 1,
        "session": {
            "id": SESSION_ID,
            "title": "Jury d’essai — corpus hostile",
            "edition": 2026,
            "date": "2026-06-18",
            "venue": "Orly, bâtiment Askia",
            "quorum": 2,
            "min_sheets": 2,
            "min_score": 12.5,
            "envelope_cents": 3_000_000,
            "max_laureates": None,
            "timer": {"presentation_s": 600, "questions_s": 600, "warning_s": 60},
        },
        "criteria": [
            {
                "id": "innovation",
                "label": "Caractère innovant",
                "description": "",
                "weight": 3,
                "min": 0,
                "max": 5,
                "step": 1,
            },
            {
                "id": "impact",
                "label": "Impact pour les habitants",
                "description": "",
                "weight": 1,
                "min": 0,
                "max": 10,
                "step": 0.5,
            },
        ],
        "jurors": [
            {
                "id": "j01",
                "name": "Juré Un",
                "role": "elu",
                "organisation": "Ville",
                "commune": "Orly",
            },
            {
                "id": "j02",
                "name": "Juré Deux",
                "role": "expert",
                "organisation": "CD94",
                "commune": None,
            },
            {
                "id": "j03",
                "name": "Juré Trois",
                "role": "technicien",
                "organisation": "EPT",
                "commune": None,
            },
        ],
        "dossiers": [
            _dossier(
                "d01",
                1,
                [
                    _att(
                        "attachments/d01/dossier-candidature.pdf",
                        "Dossier de candidature",
                        "application/pdf",
                    ),
                    _att("attachments/d01/budget.pdf", "Budget prévisionnel", "application/pdf"),
                ],
            ),
            _dossier("d02", 2, [_att("attachments/d02/plan.png", "Plan", "image/png")]),
        ],
        "conflicts": [
            {"juror_id": "j03", "dossier_id": "d01", "reason": "Élue de la commune du projet"}
        ],
    }


def manifest_bytes(doc: Any) -> bytes:
    return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"


def jws_parts(header: dict[str, Any], signature: bytes) -> bytes:
    h = crypto.b64url(json.dumps(header, separators=(",", ":")).encode())
    return f"{h}..{crypto.b64url(signature)}".encode("ascii")


@dataclass
class Kit:
    """The keys and the valid base every hostile bundle starts from."""

    hq: crypto.PrivateKey
    other: crypto.PrivateKey = field(default_factory=crypto.new_private_key)

    @property
    def hq_kid(self) -> str:
        return crypto.thumbprint(crypto.public_jwk(self.hq))

    @property
    def demo(self) -> crypto.PrivateKey:
        # Loaded with cryptography directly: the file opens with a comment line.
        key = serialization.load_pem_private_key(
            resources.path("demo", "DEMO-KEY-NOT-SECRET.pem").read_bytes(), None
        )
        assert isinstance(key, ec.EllipticCurvePrivateKey)
        return key

    @staticmethod
    def fill(doc: dict[str, Any], files: dict[str, bytes]) -> dict[str, Any]:
        """Set ``bytes`` and ``sha256`` of every listed attachment found in ``files``."""
        for d in doc.get("dossiers", []):
            for a in d.get("attachments", []):
                content = files.get(a.get("path", ""), b"")
                a.setdefault("bytes", len(content))
                a.setdefault("sha256", hashlib.sha256(content).hexdigest())
        return doc

    def doc(self) -> dict[str, Any]:
        return self.fill(base_doc(), base_files())

    def sign(self, data: bytes, key: crypto.PrivateKey | None = None) -> bytes:
        return crypto.sign_detached(key or self.hq, data).encode("ascii")

    def entries(
        self,
        doc: dict[str, Any] | None = None,
        files: dict[str, bytes] | None = None,
        *,
        key: crypto.PrivateKey | None = None,
        raw_manifest: bytes | None = None,
        jws: bytes | None = None,
    ) -> list[Raw]:
        """The entries of a correctly signed bundle for ``doc`` and ``files``."""
        files = base_files() if files is None else files
        doc = self.fill(base_doc(), files) if doc is None else doc
        m = manifest_bytes(doc) if raw_manifest is None else raw_manifest
        sig = self.sign(m, key) if jws is None else jws
        return [
            deflated(MANIFEST, m),
            stored(MANIFEST_JWS, sig),
            *(stored(name, data) for name, data in files.items()),
        ]

    def bundle(
        self,
        doc: dict[str, Any] | None = None,
        files: dict[str, bytes] | None = None,
        *,
        extra: list[Raw] | None = None,
        key: crypto.PrivateKey | None = None,
    ) -> bytes:
        return write_zip([*self.entries(doc, files, key=key), *(extra or [])])


# --------------------------------------------------------------------------- the corpus


@dataclass(frozen=True)
class Case:
    id: str
    code: str  # the expected UserError.code
    needle: str  # text the French message must hold: the entry or the rule
    build: Callable[[Kit], bytes]
    cli: bool = False  # also run through ``jury-desk import`` in a subprocess
    preimport: bool = False  # the valid base session is imported first
    total_budget: int | None = None  # run with zipcheck's 4 GiB budget lowered to this
    streamed: bool = False  # refused while streaming attachments, after the JWS and manifest held


CORPUS: list[Case] = []


def case(
    id: str, code: str, needle: str, **kw: Any
) -> Callable[[Callable[[Kit], bytes]], Callable[[Kit], bytes]]:
    def register(build: Callable[[Kit], bytes]) -> Callable[[Kit], bytes]:
        CORPUS.append(Case(id, code, needle, build, **kw))
        return build

    return register


def extra_entry(id: str, name: str | bytes, code: str, needle: str, **kw: Any) -> None:
    """A valid signed bundle plus one entry with a hostile name."""

    def build(kit: Kit) -> bytes:
        return kit.bundle(extra=[stored(name, pdf_bytes("intrus", 200))])

    CORPUS.append(Case(id, code, needle, build, **kw))


def renamed_attachment(id: str, name: str, code: str, needle: str, **kw: Any) -> None:
    """A bundle whose manifest lists, and whose ZIP holds, an attachment with a hostile name."""

    def build(kit: Kit) -> bytes:
        files = base_files()
        files[name] = files.pop("attachments/d01/budget.pdf")
        doc = base_doc()
        doc["dossiers"][0]["attachments"][1]["path"] = name
        return kit.bundle(kit.fill(doc, files), files)

    CORPUS.append(Case(id, code, needle, build, **kw))


# -- names: traversal, absolute, drive letters, backslashes (zipcheck.check_name)
extra_entry("name-dotdot-top", "../evil.pdf", "name_dots", "../evil.pdf", cli=True)
renamed_attachment(
    "name-dotdot-listed",
    "attachments/d01/../../../../tmp/evil.pdf",
    "name_dots",
    "attachments/d01/../../../../tmp/evil.pdf",
    cli=True,
)
extra_entry("name-dot-component", "attachments/./d01/x.pdf", "name_dots", "« .. », « . »")
extra_entry("name-empty-component", "attachments//x.pdf", "name_dots", "attachments//x.pdf")
extra_entry(
    "name-absolute", "/tmp/jury-desk-evil.pdf", "name_absolute", "/tmp/jury-desk-evil.pdf", cli=True
)
extra_entry(
    "name-drive-letter", "C:/Windows/evil.pdf", "name_absolute", "lettre de lecteur", cli=True
)
extra_entry("name-drive-relative", "c:evil.pdf", "name_absolute", "c:evil.pdf")
extra_entry(
    "name-backslash", "attachments\\d01\\evil.pdf", "name_backslash", "barre oblique inverse"
)
extra_entry(
    "name-backslash-traversal", "..\\..\\evil.pdf", "name_backslash", "..\\..\\evil.pdf", cli=True
)
extra_entry("name-unc", "\\\\server\\share\\evil.pdf", "name_backslash", "barre oblique inverse")
# -- names: control characters (shown escaped in the message)
extra_entry(
    "name-control-newline", "attachments/d01/a\nb.pdf", "name_control", "attachments/d01/a\\nb.pdf"
)
extra_entry(
    "name-control-nul", "manifest.json\x00.pdf", "name_control", "manifest.json\\x00.pdf", cli=True
)
extra_entry(
    "name-control-del", "attachments/d01/a\x7fb.pdf", "name_control", "caractère de contrôle"
)
extra_entry(
    "name-control-c1", "attachments/d01/a\x85b.pdf", "name_control", "caractère de contrôle"
)
# -- names: characters Windows forbids
for _label, _ch in [
    ("lt", "<"),
    ("gt", ">"),
    ("colon", ":"),
    ("quote", '"'),
    ("pipe", "|"),
    ("question", "?"),
    ("star", "*"),
]:
    extra_entry(
        f"name-char-{_label}",
        f"attachments/d01/a{_ch}b.pdf",
        "name_forbidden_char",
        f"attachments/d01/a{_ch}b.pdf",
    )
extra_entry(
    "name-trailing-dot", "attachments/d01/x.pdf.", "name_trailing", "se termine par un point"
)
extra_entry(
    "name-trailing-space", "attachments/d01/x.pdf ", "name_trailing", "attachments/d01/x.pdf "
)
extra_entry(
    "name-trailing-dot-folder", "attachments/d01./x.pdf", "name_trailing", "attachments/d01./x.pdf"
)
# -- names: reserved by Windows, with any extension, any case
extra_entry("name-reserved-CON", "CON", "name_reserved", "« CON » est un nom réservé")
extra_entry("name-reserved-nul.txt", "attachments/d01/nul.txt", "name_reserved", "« nul.txt »")
renamed_attachment(
    "name-reserved-COM1.pdf", "attachments/d01/COM1.pdf", "name_reserved", "« COM1.pdf »"
)
extra_entry("name-reserved-folder", "attachments/Lpt9/x.pdf", "name_reserved", "« Lpt9 »")
extra_entry(
    "name-reserved-superscript", "attachments/d01/com¹.tar.gz", "name_reserved", "« com¹.tar.gz »"
)
extra_entry("name-reserved-aux-space", "attachments/d01/AUX .pdf", "name_reserved", "« AUX .pdf »")
# -- names: length, emptiness, encoding
extra_entry(
    "name-too-long",
    "attachments/d01/" + "a" * 181 + ".pdf",
    "name_too_long",
    "plus de 200 caractères",
)
extra_entry("name-empty", "", "name_empty", "nom vide")


@case("name-invalid-utf8", "not_zip", "archive ZIP lisible")
def _name_invalid_utf8(kit: Kit) -> bytes:
    # The UTF-8 flag is set but the name is not UTF-8: zipfile cannot even list it.
    return kit.bundle(extra=[stored(b"attachments/d01/\xff\xfe.pdf", b"%PDF-x")])


# -- duplicate names, also after Unicode NFC and case folding
@case("dup-exact-manifest", "name_duplicate", "nom en double", cli=True)
def _dup_exact(kit: Kit) -> bytes:
    # A second manifest.json after the signed one: a reader taking the last would be fooled.
    fake = base_doc()
    fake["session"]["title"] = "Titre substitué"
    return kit.bundle(extra=[deflated(MANIFEST, manifest_bytes(kit.fill(fake, base_files())))])


def _dup(a: str, b: str) -> Callable[[Kit], bytes]:
    def build(kit: Kit) -> bytes:
        files = base_files()
        files[a] = files.pop("attachments/d01/budget.pdf")
        doc = base_doc()
        doc["dossiers"][0]["attachments"][1]["path"] = a
        return kit.bundle(kit.fill(doc, files), files, extra=[stored(b, files[a])])

    return build


CORPUS.append(
    Case(
        "dup-case",
        "name_duplicate",
        "attachments/d01/BUDGET.pdf",
        _dup("attachments/d01/budget.pdf", "attachments/d01/BUDGET.pdf"),
    )
)
CORPUS.append(
    Case(
        "dup-nfc-nfd",
        "name_duplicate",
        "forme Unicode",
        _dup(
            unicodedata.normalize("NFC", "attachments/d01/prévisionnel.pdf"),
            unicodedata.normalize("NFD", "attachments/d01/prévisionnel.pdf"),
        ),
    )
)
CORPUS.append(
    Case(
        "dup-casefold-sharp-s",
        "name_duplicate",
        "attachments/d01/STRASSE.pdf",
        _dup("attachments/d01/straße.pdf", "attachments/d01/STRASSE.pdf"),
    )
)


@case("dup-file-and-folder", "name_duplicate", "attachments/d01/")
def _dup_file_folder(kit: Kit) -> bytes:
    return kit.bundle(extra=[stored("attachments/d01", b""), stored("attachments/d01/", b"")])


# -- kinds of entry: links, encryption, compression methods
@case("symlink", "link", "liens symboliques", cli=True)
def _symlink(kit: Kit) -> bytes:
    entries = kit.entries()
    entries[2] = stored(
        "attachments/d01/dossier-candidature.pdf", b"/etc/passwd", mode=stat.S_IFLNK | 0o777
    )
    return write_zip(entries)


@case("symlink-dir", "link", "attachments/d02")
def _symlink_dir(kit: Kit) -> bytes:
    return kit.bundle(extra=[stored("attachments/d02", b"/", mode=stat.S_IFLNK | 0o777)])


@case("symlink-made-on-dos", "link", "liens symboliques")
def _symlink_dos(kit: Kit) -> bytes:
    entries = kit.entries()
    entries[2] = stored(
        "attachments/d01/dossier-candidature.pdf",
        b"/etc/passwd",
        mode=stat.S_IFLNK | 0o777,
        create_system=0,
    )
    return write_zip(entries)


@case("reparse-point", "link", "points d’analyse")
def _reparse_point(kit: Kit) -> bytes:
    entries = kit.entries()
    entries[2] = replace(entries[2], create_system=0, mode=0, dos_attr=0x400 | 0x20)
    return write_zip(entries)


@case("encrypted", "encrypted", "entrée chiffrée")
def _encrypted(kit: Kit) -> bytes:
    entries = kit.entries()
    entries[3] = replace(entries[3], flags=UTF8_FLAG | ENCRYPTED_FLAG)
    return write_zip(entries)


def _method(method: int) -> Callable[[Kit], bytes]:
    def build(kit: Kit) -> bytes:
        entries = kit.entries()
        entries[2] = replace(entries[2], method=method)
        return write_zip(entries)

    return build


CORPUS.append(Case("compression-bzip2", "compression", "méthode de compression 12", _method(BZIP2)))
CORPUS.append(Case("compression-lzma", "compression", "méthode de compression 14", _method(LZMA)))
CORPUS.append(
    Case("compression-deflate64", "compression", "méthode de compression 9", _method(DEFLATE64))
)
CORPUS.append(
    Case("compression-made-up-99", "compression", "méthode de compression 99", _method(99))
)


# -- archive structure: overlaps, lying sizes, truncation
@case("overlap-shared-data", "overlap", "chevauchent", cli=True)
def _overlap_shared(kit: Kit) -> bytes:
    # A second central record points at the local header of the first attachment.
    entries = kit.entries()
    offset = len(local_record(entries[0])) + len(local_record(entries[1]))
    ghost = stored("attachments/d02/copie.png", entries[2].data, local=False, offset=offset)
    return write_zip([*entries, ghost])


@case("overlap-quoted", "overlap", "chevauchent")
def _overlap_quoted(kit: Kit) -> bytes:
    # Fifield's "quoted overlap": an entry's data holds another entry's local header.
    entries = kit.entries()
    inner = stored("attachments/d02/plan.png", base_files()["attachments/d02/plan.png"])
    inner_bytes = local_record(inner)
    outer = stored("attachments/d01/budget.pdf", inner_bytes)
    head = entries[:3]
    start = sum(len(local_record(e)) for e in head)
    inner_offset = start + _LOCAL.size + len(outer.name_bytes)
    return write_zip([*head, outer, replace(inner, local=False, offset=inner_offset)])


@case("lying-compress-size-past-end", "truncated", "dépassent la fin")
def _lying_csize(kit: Kit) -> bytes:
    entries = kit.entries()
    entries[4] = replace(entries[4], compress_size=10_000_000)
    return write_zip(entries)


@case("lying-compress-size-into-next", "overlap", "chevauchent")
def _lying_csize_next(kit: Kit) -> bytes:
    entries = kit.entries()
    entries[2] = replace(entries[2], compress_size=len(entries[2].data) + 40)
    return write_zip(entries)


@case("lying-file-size-small", "corrupt", "attachments/d01/budget.pdf", streamed=True)
def _lying_usize_small(kit: Kit) -> bytes:
    # The headers announce 100 bytes; the deflate stream holds 3,000 (manifest says 3,000).
    entries = kit.entries()
    content = base_files()["attachments/d01/budget.pdf"]
    entries[3] = deflated("attachments/d01/budget.pdf", content, file_size=100)
    return write_zip(entries)


@case("crc-mismatch", "corrupt", "attachments/d02/plan.png", streamed=True)
def _crc(kit: Kit) -> bytes:
    entries = kit.entries()
    entries[4] = replace(entries[4], crc=0xDEADBEEF)
    return write_zip(entries)


@case("corrupt-deflate", "corrupt", "attachments/d01/budget.pdf", streamed=True)
def _corrupt_deflate(kit: Kit) -> bytes:
    entries = kit.entries()
    content = base_files()["attachments/d01/budget.pdf"]
    good = deflated("attachments/d01/budget.pdf", content)
    entries[3] = replace(good, data=b"\xff" * 7 + good.data[7:])
    return write_zip(entries)


@case("local-header-missing", "local_header", "en-tête local")
def _local_missing(kit: Kit) -> bytes:
    entries = kit.entries()
    entries[2] = replace(entries[2], offset=3)  # points into the middle of the first record
    return write_zip(entries)


@case("truncated-archive", "not_zip", "archive ZIP lisible")
def _truncated(kit: Kit) -> bytes:
    data = kit.bundle()
    return data[: len(data) * 2 // 3]


@case("not-a-zip", "not_zip", "archive ZIP lisible", cli=True)
def _not_zip(kit: Kit) -> bytes:
    return "Ceci n’est pas un paquet de session.\n".encode() * 40


@case("empty-file", "not_zip", "archive ZIP lisible")
def _empty(kit: Kit) -> bytes:
    return b""


@case("too-many-entries", "too_many_entries", "10001 entrées")
def _too_many(kit: Kit) -> bytes:
    extra = [stored(f"attachments/d02/f{i:05d}.pdf", b"") for i in range(10_001 - 5)]
    return kit.bundle(extra=extra)


# -- zip bombs and sizes (counted while reading)
@case("ratio-attachment", "ratio", "taux de compression supérieur à 200", streamed=True)
def _ratio_attachment(kit: Kit) -> bytes:
    files = base_files()
    bomb = b"%PDF-1.7\n" + bytes(16 * 1024 * 1024)
    files["attachments/d01/budget.pdf"] = bomb
    doc = kit.fill(base_doc(), files)
    entries = kit.entries(doc, files)
    entries[3] = deflated("attachments/d01/budget.pdf", bomb)
    return write_zip(entries)


@case("ratio-manifest", "ratio", "manifest.json")
def _ratio_manifest(kit: Kit) -> bytes:
    # Caught while reading the manifest, before the signature is even looked at.
    padded = manifest_bytes(kit.doc()) + b" " * (8 * 1024 * 1024)
    return write_zip(kit.entries(raw_manifest=padded))


@case(
    "total-size-over-budget",
    "total_size",
    "taille totale décompressée",
    total_budget=6_000,
    streamed=True,
)
def _total(kit: Kit) -> bytes:
    return kit.bundle()  # valid: 8 KB of content against a budget lowered to 6 KB


@case("jws-too-big", "entry_size", "manifest.json.jws")
def _jws_big(kit: Kit) -> bytes:
    return write_zip(kit.entries(jws=b"A" * (65 * 1024)))


# -- the entries of section 1, and nothing else
@case("missing-manifest", "missing_entry", "« manifest.json »")
def _no_manifest(kit: Kit) -> bytes:
    return write_zip(kit.entries()[1:])


@case("missing-jws", "missing_entry", "« manifest.json.jws »")
def _no_jws(kit: Kit) -> bytes:
    entries = kit.entries()
    return write_zip([entries[0], *entries[2:]])


extra_entry("unexpected-top-level", "readme.txt", "unexpected_entry", "« readme.txt »")
extra_entry(
    "unexpected-deep", "attachments/d01/sub/x.pdf", "unexpected_entry", "attachments/d01/sub/x.pdf"
)
extra_entry(
    "unexpected-attachments-file", "attachments/x.pdf", "unexpected_entry", "attachments/x.pdf"
)


@case("folder-with-content", "unexpected_entry", "un dossier ne peut pas avoir de contenu")
def _dir_content(kit: Kit) -> bytes:
    return kit.bundle(extra=[stored("attachments/d02/", b"surprise")])


extra_entry(
    "unlisted-attachment",
    "attachments/d01/extra.pdf",
    "unlisted_attachment",
    "« attachments/d01/extra.pdf »",
)


@case("listed-attachment-missing", "missing_attachment", "« attachments/d02/plan.png »")
def _missing_att(kit: Kit) -> bytes:
    entries = kit.entries()
    return write_zip(entries[:4])


# -- the signature (section 3)
@case("jws-does-not-verify", "jws_invalid", "la signature ne correspond pas")
def _jws_invalid(kit: Kit) -> bytes:
    doc = kit.doc()
    signed = manifest_bytes(doc)
    doc["session"]["envelope_cents"] = 99_000_000  # changed after signing
    return write_zip(kit.entries(raw_manifest=manifest_bytes(doc), jws=kit.sign(signed)))


@case("jws-untrusted-key", "jws_untrusted", "n’est pas une clé de confiance", cli=True)
def _jws_untrusted(kit: Kit) -> bytes:
    return kit.bundle(key=kit.other)


@case("jws-kid-spoofed", "jws_invalid", "manifest.json.jws")
def _jws_kid_spoof(kit: Kit) -> bytes:
    # Signed by an unknown key under the trusted key's kid.
    m = manifest_bytes(kit.doc())
    header = {"alg": "ES256", "kid": kit.hq_kid}
    h = crypto.b64url(json.dumps(header, separators=(",", ":")).encode())
    other = crypto.sign_detached(kit.other, m)
    return write_zip(kit.entries(raw_manifest=m, jws=f"{h}..{other.split('..')[1]}".encode()))


@case("jws-demo-key-other-session", "jws_untrusted", "session de démonstration", cli=True)
def _jws_demo(kit: Kit) -> bytes:
    return kit.bundle(key=kit.demo)


@case("jws-alg-none", "jws_alg", "« none »")
def _jws_none(kit: Kit) -> bytes:
    return write_zip(kit.entries(jws=jws_parts({"alg": "none", "kid": kit.hq_kid}, b"")))


@case("jws-alg-hs256", "jws_alg", "« HS256 »")
def _jws_hs256(kit: Kit) -> bytes:
    # The classic key-confusion attack: an HMAC keyed with the public key's bytes.
    m = manifest_bytes(kit.doc())
    header = {"alg": "HS256", "kid": kit.hq_kid}
    h = crypto.b64url(json.dumps(header, separators=(",", ":")).encode())
    secret = json.dumps(crypto.public_jwk(kit.hq)).encode()
    mac = hmac.new(secret, f"{h}.{crypto.b64url(m)}".encode(), hashlib.sha256).digest()
    return write_zip(kit.entries(raw_manifest=m, jws=f"{h}..{crypto.b64url(mac)}".encode()))


@case("jws-attached-payload", "jws_format", "JWS détaché")
def _jws_attached(kit: Kit) -> bytes:
    m = manifest_bytes(kit.doc())
    h, sig = kit.sign(m).decode().split("..")
    return write_zip(kit.entries(raw_manifest=m, jws=f"{h}.{crypto.b64url(m)}.{sig}".encode()))


@case("jws-garbage", "jws_format", "manifest.json.jws")
def _jws_garbage(kit: Kit) -> bytes:
    return write_zip(kit.entries(jws=b"!!!..???"))


@case("jws-not-ascii", "jws_format", "ASCII")
def _jws_not_ascii(kit: Kit) -> bytes:
    return write_zip(kit.entries(jws="signé..é".encode()))


@case("jws-extra-header-jku", "jws_header", "paramètres non pris en charge")
def _jws_jku(kit: Kit) -> bytes:
    m = manifest_bytes(kit.doc())
    header = {"alg": "ES256", "kid": kit.hq_kid, "jku": "https://evil.example/jwks"}
    return write_zip(kit.entries(raw_manifest=m, jws=jws_parts(header, b"\0" * 64)))


@case("jws-b64-false", "jws_header", "en charge")
def _jws_b64(kit: Kit) -> bytes:
    m = manifest_bytes(kit.doc())
    header = {"alg": "ES256", "kid": kit.hq_kid, "b64": False, "crit": ["b64"]}
    return write_zip(kit.entries(raw_manifest=m, jws=jws_parts(header, b"\0" * 64)))


@case("jws-crit-unknown", "jws_header", "crit")
def _jws_crit(kit: Kit) -> bytes:
    m = manifest_bytes(kit.doc())
    header = {"alg": "ES256", "kid": kit.hq_kid, "crit": ["urn:example:x"], "urn:example:x": 1}
    return write_zip(kit.entries(raw_manifest=m, jws=jws_parts(header, b"\0" * 64)))


@case("jws-no-kid", "jws_header", "kid")
def _jws_no_kid(kit: Kit) -> bytes:
    m = manifest_bytes(kit.doc())
    return write_zip(kit.entries(raw_manifest=m, jws=jws_parts({"alg": "ES256"}, b"\0" * 64)))


@case("folder-of-unknown-dossier", "attachment_folder", "attachments/zz99")
def _folder_unknown(kit: Kit) -> bytes:
    return kit.bundle(extra=[stored("attachments/zz99/", b"")])


@case("folder-too-deep", "unexpected_entry", "attachments/d01/sub")
def _folder_deep(kit: Kit) -> bytes:
    return kit.bundle(extra=[stored("attachments/d01/sub/", b"")])


# -- JSON (signed: these reach the parser)
def _signed_text(text: bytes) -> Callable[[Kit], bytes]:
    def build(kit: Kit) -> bytes:
        return write_zip(kit.entries(raw_manifest=text))

    return build


CORPUS.append(
    Case(
        "json-invalid",
        "json_invalid",
        "JSON invalide",
        _signed_text(b'{"format": "lai.session", "format_version": 1,'),
    )
)
CORPUS.append(
    Case(
        "json-not-utf8",
        "json_encoding",
        "UTF-8",
        _signed_text('{"format": "lai.session", "title": "Réunion"}'.encode("latin-1")),
    )
)


@case("json-duplicate-key", "json_invalid", "clé « envelope_cents » en double")
def _json_dupkey(kit: Kit) -> bytes:
    # A second "envelope_cents" after the first: parsers disagree on which one wins.
    m = manifest_bytes(kit.doc())
    m = m.replace(
        b'"envelope_cents": 3000000,', b'"envelope_cents": 3000000, "envelope_cents": 99000000,', 1
    )
    assert b"99000000" in m
    return write_zip(kit.entries(raw_manifest=m))


@case("json-nan", "json_invalid", "NaN")
def _json_nan(kit: Kit) -> bytes:
    m = manifest_bytes(kit.doc()).replace(b'"weight": 3', b'"weight": NaN', 1)
    return write_zip(kit.entries(raw_manifest=m))


@case("json-infinity", "json_invalid", "Infinity")
def _json_inf(kit: Kit) -> bytes:
    m = manifest_bytes(kit.doc()).replace(b'"max": 5', b'"max": Infinity', 1)
    return write_zip(kit.entries(raw_manifest=m))


@case("json-bom", "json_encoding", "BOM")
def _json_bom(kit: Kit) -> bytes:
    return write_zip(kit.entries(raw_manifest=b"\xef\xbb\xbf" + manifest_bytes(kit.doc())))


@case("json-integer-beyond-2^53", "json_invalid", "2^53")
def _json_big_int(kit: Kit) -> bytes:
    m = manifest_bytes(kit.doc()).replace(
        b'"envelope_cents": 3000000', b'"envelope_cents": 18446744073709551617', 1
    )
    return write_zip(kit.entries(raw_manifest=m))


@case("json-minus-zero", "json_invalid", "-0")
def _json_minus_zero(kit: Kit) -> bytes:
    m = manifest_bytes(kit.doc()).replace(b'"envelope_cents": 3000000', b'"envelope_cents": -0', 1)
    return write_zip(kit.entries(raw_manifest=m))


@case("json-integer-as-1.0", "schema", "envelope_cents")
def _json_one_point_zero(kit: Kit) -> bytes:
    m = manifest_bytes(kit.doc()).replace(
        b'"envelope_cents": 3000000', b'"envelope_cents": 3000000.0', 1
    )
    return write_zip(kit.entries(raw_manifest=m))


@case("json-too-deep", "json_invalid", "imbrication")
def _json_deep(kit: Kit) -> bytes:
    m = manifest_bytes(kit.doc()).replace(
        b'"envelope_cents": 3000000', b'"envelope_cents": ' + b"[" * 33 + b"]" * 33, 1
    )
    return write_zip(kit.entries(raw_manifest=m))


@case("format-version-2", "format_version", "version de format 2", cli=True)
def _fv2(kit: Kit) -> bytes:
    doc = kit.doc()
    doc["format_version"] = 2
    return kit.bundle(doc)


def _mutated(mutate: Callable[[dict[str, Any]], None]) -> Callable[[Kit], bytes]:
    def build(kit: Kit) -> bytes:
        doc = kit.doc()
        mutate(doc)
        return kit.bundle(doc)

    return build


def _schema(id: str, needle: str, mutate: Callable[[dict[str, Any]], None]) -> None:
    CORPUS.append(Case(f"schema-{id}", "schema", needle, _mutated(mutate)))


def _semantic(
    id: str, code: str, needle: str, mutate: Callable[[dict[str, Any]], None], **kw: Any
) -> None:
    CORPUS.append(Case(id, code, needle, _mutated(mutate), **kw))


_schema("root-empty-object", "(racine)", lambda d: d.clear())
CORPUS.append(Case("schema-root-array", "schema", "(racine)", _signed_text(b"[]\n")))
_schema("missing-session", "session", lambda d: d.pop("session"))
_schema("wrong-format", "format", lambda d: d.__setitem__("format", "lai.result"))
_schema("extra-property", "propriété inconnue « extra »", lambda d: d.__setitem__("extra", True))
_schema("role", "jurors[0].role", lambda d: d["jurors"][0].__setitem__("role", "president"))
_schema(
    "holder-kind",
    "dossiers[0].holder.kind",
    lambda d: d["dossiers"][0]["holder"].__setitem__("kind", "entreprise"),
)
_schema(
    "negative-cents",
    "dossiers[1].amount_requested_cents",
    lambda d: d["dossiers"][1].__setitem__("amount_requested_cents", -1),
)
_schema(
    "fractional-cents",
    "session.envelope_cents",
    lambda d: d["session"].__setitem__("envelope_cents", 1500.5),
)
_schema(
    "min-score-over-20", "session.min_score", lambda d: d["session"].__setitem__("min_score", 25)
)
_schema("weight-0", "criteria[0].weight", lambda d: d["criteria"][0].__setitem__("weight", 0))
_schema("step-0", "criteria[1].step", lambda d: d["criteria"][1].__setitem__("step", 0))
_schema("id-with-space", "dossiers[0].id", lambda d: d["dossiers"][0].__setitem__("id", "d 01"))
_schema(
    "sha256-uppercase",
    "sha256",
    lambda d: d["dossiers"][1]["attachments"][0].__setitem__("sha256", "A" * 64),
)
_schema(
    "media-type-exe",
    "media_type",
    lambda d: d["dossiers"][1]["attachments"][0].__setitem__(
        "media_type", "application/x-msdownload"
    ),
)

# -- semantic rules of section 1
_semantic(
    "id-trailing-newline-dossier",
    "id_pattern",
    "'d01\\n'",
    lambda d: d["dossiers"][0].__setitem__("id", "d01\n"),
)
_semantic(
    "id-trailing-newline-session",
    "id_pattern",
    "session.id",
    lambda d: d["session"].__setitem__("id", SESSION_ID + "\n"),
)
_semantic(
    "id-trailing-newline-juror",
    "id_pattern",
    "jurors",
    lambda d: d["jurors"][1].__setitem__("id", "j02\n"),
)
_semantic(
    "id-duplicate-dossier",
    "id_duplicate",
    "« d01 » en double dans dossiers",
    lambda d: d["dossiers"][1].__setitem__("id", "d01"),
)
_semantic(
    "id-duplicate-juror",
    "id_duplicate",
    "« j01 » en double dans jurors",
    lambda d: d["jurors"][2].__setitem__("id", "j01"),
)
_semantic(
    "id-duplicate-criterion",
    "id_duplicate",
    "« impact » en double dans criteria",
    lambda d: d["criteria"][0].__setitem__("id", "impact"),
)
_semantic(
    "conflict-unknown-juror",
    "reference",
    "« j99 » n’existe pas",
    lambda d: d["conflicts"][0].__setitem__("juror_id", "j99"),
)
_semantic(
    "conflict-unknown-dossier",
    "reference",
    "« d99 » n’existe pas",
    lambda d: d["conflicts"][0].__setitem__("dossier_id", "d99"),
)
_semantic(
    "conflict-duplicate",
    "conflict_duplicate",
    "j03 / d01",
    lambda d: d["conflicts"].append(dict(d["conflicts"][0])),
)
_semantic(
    "hearing-order-duplicate",
    "hearing_order",
    "ordre de passage 1 en double",
    lambda d: d["dossiers"][1]["hearing"].__setitem__("order", 1),
)
_semantic(
    "criterion-step-not-multiple",
    "criterion_step",
    "multiple entier du pas",
    lambda d: d["criteria"][1].__setitem__("step", 0.3),
)
_semantic(
    "criterion-min-equals-max",
    "criterion_bounds",
    "min doit être < max",
    lambda d: d["criteria"][0].__setitem__("min", 5),
)
_semantic(
    "criterion-min-above-max",
    "criterion_bounds",
    "critère « impact »",
    lambda d: d["criteria"][1].update(min=10, max=0),
)
_semantic(
    "criterion-too-many-values",
    "criterion_step",
    "plus de 1000 valeurs",
    lambda d: d["criteria"][1].update(max=10, step=0.001),
)
_semantic(
    "min-sheets-over-jurors",
    "min_sheets",
    "min_sheets (4)",
    lambda d: d["session"].update(min_sheets=4),
)


@case("attachment-other-dossier-folder", "attachment_folder", "attachments/d02/")
def _att_folder(kit: Kit) -> bytes:
    # d02 lists a file that sits under d01's folder.
    doc = kit.doc()
    doc["dossiers"][1]["attachments"].append(copy.deepcopy(doc["dossiers"][0]["attachments"][0]))
    return kit.bundle(doc)


@case("attachment-listed-twice", "attachment_duplicate", "listée deux fois")
def _att_twice(kit: Kit) -> bytes:
    doc = kit.doc()
    doc["dossiers"][0]["attachments"].append(copy.deepcopy(doc["dossiers"][0]["attachments"][0]))
    return kit.bundle(doc)


@case("attachment-path-traversal-listed-only", "name_dots", "attachments/d01/..")
def _att_path_manifest(kit: Kit) -> bytes:
    # Only the manifest names a hostile path; the ZIP itself is clean.
    doc = kit.doc()
    doc["dossiers"][0]["attachments"][1]["path"] = "attachments/d01/.."
    return kit.bundle(doc)


# -- content: sizes, hashes, media types (checked while streaming, after the signature)
@case("size-mismatch", "size_mismatch", "attachments/d01/budget.pdf", streamed=True)
def _size_mismatch(kit: Kit) -> bytes:
    doc = kit.doc()
    doc["dossiers"][0]["attachments"][1]["bytes"] += 1
    return kit.bundle(doc)


@case("size-larger-than-listed", "entry_size", "plus grande que la taille annoncée", streamed=True)
def _size_smaller(kit: Kit) -> bytes:
    doc = kit.doc()
    doc["dossiers"][0]["attachments"][1]["bytes"] -= 1
    return kit.bundle(doc)


@case("hash-mismatch", "hash_mismatch", "« attachments/d01/budget.pdf »", cli=True, streamed=True)
def _hash_mismatch(kit: Kit) -> bytes:
    files = base_files()
    doc = kit.fill(base_doc(), files)
    content = bytearray(files["attachments/d01/budget.pdf"])
    content[100] ^= 0x01  # same size, one bit flipped after the manifest was made
    files["attachments/d01/budget.pdf"] = bytes(content)
    return kit.bundle(doc, files)


@case("pdf-without-magic", "media_type", "%PDF-", streamed=True)
def _not_pdf(kit: Kit) -> bytes:
    files = base_files()
    files["attachments/d01/budget.pdf"] = b"MZ\x90\x00" + files["attachments/d01/budget.pdf"][4:]
    return kit.bundle(kit.fill(base_doc(), files), files)


@case("png-without-magic", "media_type", "image/png", streamed=True)
def _not_png(kit: Kit) -> bytes:
    files = base_files()
    files["attachments/d02/plan.png"] = b"GIF89a" + files["attachments/d02/plan.png"][6:]
    return kit.bundle(kit.fill(base_doc(), files), files)


# -- a session that is already in the database
@case(
    "reimport-different-manifest", "session_exists", "déjà dans la base", cli=True, preimport=True
)
def _reimport(kit: Kit) -> bytes:
    doc = kit.doc()
    doc["session"]["title"] = "Jury d’essai — titre modifié"
    return kit.bundle(doc)


# --------------------------------------------------------------------------- lying sizes
#
# Headers that announce MORE bytes than the entry really holds. Sizes are counted while
# reading, never trusted from headers: the count disagrees with the header, refused.


def _larger_header(deflate: bool) -> Callable[[Kit], bytes]:
    def build(kit: Kit) -> bytes:
        entries = kit.entries()
        content = base_files()["attachments/d01/budget.pdf"]
        entry = deflated("attachments/d01/budget.pdf", content) if deflate else entries[3]
        entries[3] = replace(entry, file_size=len(content) + 5_000)
        return write_zip(entries)

    return build


case("header-size-larger-deflate", "header_size", "en-tête annonce", streamed=True)(
    _larger_header(True)
)
case("header-size-larger-stored", "header_size", "en-tête annonce", streamed=True)(
    _larger_header(False)
)


def by_id() -> dict[str, Case]:
    out: dict[str, Case] = {}
    for c in CORPUS:
        assert c.id not in out, f"duplicate case id {c.id}"
        out[c.id] = c
    return out
