"""Safe reading of ZIP archives from outside (CONTRACT section 5).

Nothing here writes to disk. :func:`inspect` checks the central directory and every
local header before a single byte of content is read: names, links, encryption,
compression methods, overlapping data, entry count. :func:`stream` then yields an
entry's content in chunks while counting its real size, so that a lying header or a
zip bomb is caught while reading, never trusted.
"""

from __future__ import annotations

import stat
import struct
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from jury_desk.core.errors import BundleRefused, Problem
from jury_desk.core.records import record

MAX_ENTRIES = 10_000
MAX_TOTAL_BYTES = 4 * 1024**3
MAX_RATIO = 200
MAX_PATH_CHARS = 200
CHUNK = 1024 * 1024

_WINDOWS_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(10)),
    *(f"LPT{i}" for i in range(10)),
    "COM¹",
    "COM²",
    "COM³",
    "LPT¹",
    "LPT²",
    "LPT³",
    "CONIN$",
    "CONOUT$",
}
_FORBIDDEN_CHARS = set('<>:"|?*\\')


def refuse(code: str, entry: str | None, key: str, **params: object) -> BundleRefused:
    """A refused bundle: ``code`` (stable), the entry concerned, and the rule broken as
    the catalogue ``key`` (``error.<key>`` in ``jury_desk.messages``) with ``params``."""
    return BundleRefused.of(entry, Problem(code, key, **params))


def check_name(name: str) -> None:
    """Refuse a name that could not be a safe, portable relative path."""
    shown = (
        name.encode("unicode_escape").decode("ascii")
        if any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in name)
        else name
    )
    if not name:
        raise refuse("name_empty", None, "zip.name_empty")
    if len(name) > MAX_PATH_CHARS:
        raise refuse("name_too_long", shown[:60] + "…", "zip.name_too_long", limit=MAX_PATH_CHARS)
    if any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in name):
        raise refuse("name_control", shown, "zip.name_control")
    if "\\" in name:
        raise refuse("name_backslash", shown, "zip.name_backslash")
    if name.startswith("/") or (len(name) >= 2 and name[1] == ":" and name[0].isalpha()):
        raise refuse("name_absolute", shown, "zip.name_absolute")
    parts = (
        name[:-1].split("/") if name.endswith("/") else name.split("/")
    )  # one "/" marks a folder
    for part in parts:
        if part in ("", ".", ".."):
            raise refuse("name_dots", shown, "zip.name_dots")
        if any(c in _FORBIDDEN_CHARS for c in part):
            raise refuse(
                "name_forbidden_char",
                shown,
                "zip.name_forbidden_char",
            )
        if part[-1] in ". ":
            raise refuse(
                "name_trailing",
                shown,
                "zip.name_trailing",
            )
        stem = part.split(".")[0].rstrip(" ").upper()
        if stem in _WINDOWS_RESERVED:
            raise refuse("name_reserved", shown, "zip.name_reserved", part=part)


def fold(name: str) -> str:
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).casefold())


@record
class Entry:
    name: str
    info: zipfile.ZipInfo
    is_dir: bool


_LOCAL = struct.Struct("<IHHHHHIIIHH")


def inspect(zf: zipfile.ZipFile, fh: BinaryIO, archive_size: int) -> dict[str, Entry]:
    infos = zf.infolist()
    if len(infos) > MAX_ENTRIES:
        raise refuse(
            "too_many_entries", None, "zip.too_many_entries", count=len(infos), limit=MAX_ENTRIES
        )
    seen: dict[str, str] = {}
    entries: dict[str, Entry] = {}
    spans: list[tuple[int, int, str]] = []
    for info in infos:
        name = info.orig_filename
        check_name(name)
        key = fold(name.rstrip("/"))
        if key in seen:
            raise refuse(
                "name_duplicate",
                name,
                "zip.name_duplicate",
                other=seen[key],
            )
        seen[key] = name
        mode = (info.external_attr >> 16) & 0xFFFF
        if (mode and stat.S_ISLNK(mode)) or info.external_attr & 0x400:  # 0x400: reparse point
            raise refuse(
                "link",
                name,
                "zip.link",
            )
        if info.flag_bits & 0x1:
            raise refuse("encrypted", name, "zip.encrypted")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise refuse(
                "compression",
                name,
                "zip.compression",
                method=info.compress_type,
            )
        spans.append((*_data_span(fh, info, archive_size), name))
        is_dir = name.endswith("/")
        entries[name] = Entry(name, info, is_dir)
    spans.sort()
    reach, owner = 0, ""
    for start, end, name in spans:
        if start < reach:
            raise refuse("overlap", name, "zip.overlap", other=owner)
        if end > reach:
            reach, owner = end, name
    return entries


def _data_span(fh: BinaryIO, info: zipfile.ZipInfo, archive_size: int) -> tuple[int, int]:
    fh.seek(info.header_offset)
    raw = fh.read(_LOCAL.size)
    if len(raw) != _LOCAL.size or raw[:4] != b"PK\x03\x04":
        raise refuse("local_header", info.orig_filename, "zip.local_header")
    fields = _LOCAL.unpack(raw)
    name_len, extra_len = fields[9], fields[10]
    start = info.header_offset
    end = info.header_offset + _LOCAL.size + name_len + extra_len + info.compress_size
    if info.flag_bits & 0x8:
        end += 12
    if end > archive_size:
        raise refuse("truncated", info.orig_filename, "zip.truncated")
    return start, end


class Budget:
    """Counts uncompressed bytes over the whole archive while reading."""

    def __init__(self, limit: int | None = None) -> None:
        self.limit = MAX_TOTAL_BYTES if limit is None else limit
        self.used = 0

    def take(self, n: int, entry: str) -> None:
        self.used += n
        if self.used > self.limit:
            raise refuse(
                "total_size",
                entry,
                "zip.total_size",
                limit=f"{self.limit / 1024**3:g}".replace(".", ","),
            )


def stream(
    zf: zipfile.ZipFile,
    entry: Entry,
    budget: Budget,
    *,
    max_bytes: int | None = None,
    on_chunk: Callable[[int], None] | None = None,
) -> Iterator[bytes]:
    """Yield the content of ``entry`` chunk by chunk, counting sizes as it goes."""
    info = entry.info
    ratio_cap = MAX_RATIO * max(info.compress_size, 1)
    got = 0
    try:
        with zf.open(info) as src:
            while True:
                chunk = src.read(CHUNK)
                if not chunk:
                    break
                got += len(chunk)
                if got > ratio_cap:
                    raise refuse("ratio", entry.name, "zip.ratio", limit=MAX_RATIO)
                if max_bytes is not None and got > max_bytes:
                    raise refuse("entry_size", entry.name, "zip.entry_size")
                budget.take(len(chunk), entry.name)
                if on_chunk is not None:
                    on_chunk(len(chunk))
                yield chunk
        if got != info.file_size:
            raise refuse(
                "header_size",
                entry.name,
                "zip.header_size",
                announced=info.file_size,
                got=got,
            )
    except zipfile.BadZipFile as exc:
        raise refuse("corrupt", entry.name, "zip.corrupt", detail=str(exc)) from exc
    except (EOFError, OSError, ValueError, zlib.error) as exc:  # zlib.error is none of the others
        if isinstance(exc, BundleRefused):
            raise
        raise refuse("corrupt", entry.name, "zip.unreadable", detail=str(exc)) from exc


def read_small(zf: zipfile.ZipFile, entry: Entry, budget: Budget, limit: int) -> bytes:
    return b"".join(stream(zf, entry, budget, max_bytes=limit))


def open_archive(path: Path) -> tuple[zipfile.ZipFile, BinaryIO, int]:
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed by the caller with the ZipFile
    except OSError as exc:
        raise BundleRefused(
            "unreadable",
            key="bundle_unreadable",
            params={"file": path.name, "detail": exc.strerror},
        ) from exc
    size = path.stat().st_size
    try:
        zf = zipfile.ZipFile(fh)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        fh.close()
        raise BundleRefused("not_zip", key="bundle_not_zip", params={"file": path.name}) from exc
    return zf, fh, size


# --------------------------------------------------------------------------- exact layout

_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")
_ALLOWED_FLAGS = 0x800 | 0x6  # UTF-8 names, deflate option bits
_SIG_LOCAL, _SIG_CENTRAL, _SIG_END = b"PK\x03\x04", b"PK\x01\x02", b"PK\x05\x06"
_SIG_Z64_END, _SIG_Z64_LOC = b"PK\x06\x06", b"PK\x06\x07"


class LayoutError(Problem):
    """The archive is not exactly laid out: ``code`` is the kind of fault (several rules
    share one), the catalogue key ``layout.<rule>`` (``error.layout.<rule>`` in
    ``jury_desk.messages``) with ``params`` says which rule; ``message`` is its French
    wording, without any prefix."""

    def __init__(self, code: str, rule: str, **params: object) -> None:
        super().__init__(code, "layout." + rule, **params)


@record
class ExactEntry:
    name: str
    method: int
    crc: int
    compress_size: int
    file_size: int
    header_offset: int
    data_offset: int


def _read_at(fh: BinaryIO, offset: int, n: int) -> bytes:
    fh.seek(offset)
    return fh.read(n)


def _extra_tags(extra: bytes) -> list[int] | None:
    tags, i = [], 0
    while i < len(extra):
        if i + 4 > len(extra):
            return None
        tag, size = struct.unpack_from("<HH", extra, i)
        tags.append(tag)
        i += 4 + size
    return tags if i == len(extra) else None


@record
class _Central:
    """One central-directory record: the entry, and what its local header must repeat."""

    entry: ExactEntry
    flags: int
    needed: int
    when: tuple[int, int]
    name_extra: bytes  # raw name followed by the extra field
    extra_len: int


def exact_layout(
    fh: BinaryIO, archive_size: int, expected: tuple[str, ...], limits: dict[str, int]
) -> dict[str, ExactEntry]:
    """Check that the archive is exactly ``expected`` (CONTRACT section 2) and nothing else.

    One end-of-archive record, at the very end, with no comment and no ZIP64 record; the
    central directory right before it, listing exactly the expected names once each; the
    first local header at byte 0 and every entry right after the previous one; each local
    header equal to its central-directory record (name, flags, method, CRC, sizes, extra);
    no encryption, no data descriptor, stored or deflate only; declared sizes within
    ``limits``. Reads only headers (a few KB), whatever the archive's size.
    """
    n_total, cd_size, cd_start = _end_record(fh, archive_size, len(expected))
    central = _read_at(fh, cd_start, cd_size)
    if len(central) != cd_size:
        raise LayoutError("truncated", "central_truncated")
    entries: dict[str, ExactEntry] = {}
    records: list[_Central] = []
    pos = 0
    for _ in range(n_total):
        record, pos = _central_record(central, pos, expected, limits)
        if record.entry.name in entries:
            raise LayoutError("duplicate_entry", "duplicate_entry", name=record.entry.name)
        entries[record.entry.name] = record.entry
        records.append(record)
    if pos != cd_size:
        raise LayoutError("central", "central_extra")
    missing = [n for n in expected if n not in entries]
    if missing:
        raise LayoutError("missing_entry", "missing_entry", name=missing[0])
    reach = 0
    for record in sorted(records, key=lambda r: r.entry.header_offset):
        _check_local(fh, record, reach)
        reach = record.entry.data_offset + record.entry.compress_size
    if reach != cd_start:
        raise LayoutError("gap", "gap_before_central", count=cd_start - reach)
    return entries


def _end_record(fh: BinaryIO, archive_size: int, n_expected: int) -> tuple[int, int, int]:
    """The end-of-archive record, last in the file: (entries, central size, central start)."""
    if archive_size < _END.size:
        raise LayoutError("not_zip", "too_short")
    end = _read_at(fh, archive_size - _END.size, _END.size)
    if end[:4] != _SIG_END:
        tail = _read_at(fh, max(0, archive_size - 65_557), 65_557)
        if _SIG_END in tail:
            raise LayoutError("trailing_bytes", "trailing_bytes")
        raise LayoutError("not_zip", "no_end")
    (_, disk, cd_disk, n_disk, n_total, cd_size, cd_start, comment_len) = _END.unpack(end)
    if comment_len:
        raise LayoutError("comment", "comment")
    if disk or cd_disk or n_disk != n_total:
        raise LayoutError("multi_disk", "multi_disk")
    if n_total == 0xFFFF or cd_size == 0xFFFFFFFF or cd_start == 0xFFFFFFFF:
        raise LayoutError("zip64", "zip64")
    if n_total != n_expected:
        raise LayoutError("entry_count", "entry_count", count=n_total, expected=n_expected)
    if cd_start + cd_size != archive_size - _END.size:
        raise LayoutError("gap_before_end", "gap_before_end")
    if cd_size > 64 * 1024:
        raise LayoutError("central_size", "central_size")
    return n_total, cd_size, cd_start


def _central_record(
    central: bytes, pos: int, expected: tuple[str, ...], limits: dict[str, int]
) -> tuple[_Central, int]:
    """The central-directory record at ``pos``, checked; and where the next one starts."""
    if pos + _CENTRAL.size > len(central) or central[pos : pos + 4] != _SIG_CENTRAL:
        raise LayoutError("central", "central_corrupt")
    f = _CENTRAL.unpack_from(central, pos)
    (flags, method, crc, csize, usize) = (f[3], f[4], f[7], f[8], f[9])
    name_len, extra_len, comment_l, disk_start, offset = f[10], f[11], f[12], f[13], f[16]
    needed, when, internal, external = f[2], (f[5], f[6]), f[14], f[15]
    raw_name = central[pos + _CENTRAL.size : pos + _CENTRAL.size + name_len]
    extra = central[pos + _CENTRAL.size + name_len : pos + _CENTRAL.size + name_len + extra_len]
    next_pos = pos + _CENTRAL.size + name_len + extra_len + comment_l
    try:
        name = raw_name.decode("utf-8" if flags & 0x800 else "cp437")
    except UnicodeDecodeError as exc:
        raise LayoutError("name", "name") from exc
    if name not in expected:
        raise LayoutError("unexpected_entry", "unexpected_entry", name=name[:80])
    if comment_l or disk_start:
        raise LayoutError("central", "entry_comment", name=name)
    if needed > 20 or internal:
        raise LayoutError("central", "entry_attributes", name=name)
    kind = (external >> 16) & 0o170000
    if kind not in (0, stat.S_IFREG) or external & 0x410:  # 0x10 folder, 0x400 reparse
        raise LayoutError("link", "link", name=name)
    _check_method(name, flags, method, extra, csize, usize, limits.get(name, 0))
    header_len = _LOCAL.size + name_len
    entry = ExactEntry(name, method, crc, csize, usize, offset, offset + header_len + extra_len)
    return _Central(entry, flags, needed, when, raw_name + extra, extra_len), next_pos


def _check_method(
    name: str, flags: int, method: int, extra: bytes, csize: int, usize: int, limit: int
) -> None:
    """Flags, compression, extra field and sizes of one entry."""
    if flags & ~_ALLOWED_FLAGS:
        if flags & 0x41:
            raise LayoutError("flags", "encrypted", name=name)
        if flags & 0x8:
            raise LayoutError("flags", "data_descriptor", name=name)
        raise LayoutError("flags", "flags", name=name, flags=f"{flags:#06x}")
    if method not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise LayoutError("compression", "compression", name=name, method=method)
    tags = _extra_tags(extra)
    if tags is None or 0x0001 in tags:
        raise LayoutError("zip64", "entry_zip64", name=name)
    if usize > limit:
        raise LayoutError("entry_size", "entry_size", name=name, size=usize, limit=limit)
    if method == zipfile.ZIP_STORED and csize != usize:
        raise LayoutError("sizes", "sizes", name=name)


def _check_local(fh: BinaryIO, record: _Central, reach: int) -> None:
    """The entry starts where the previous one ended, and its local header repeats its
    central-directory record byte for byte."""
    entry = record.entry
    if entry.header_offset != reach:
        raise LayoutError(
            "gap" if entry.header_offset > reach else "overlap",
            "offset",
            name=entry.name,
            offset=entry.header_offset,
            expected=reach,
        )
    head = _read_at(fh, entry.header_offset, _LOCAL.size + len(record.name_extra))
    if len(head) != _LOCAL.size + len(record.name_extra) or head[:4] != _SIG_LOCAL:
        raise LayoutError("local_header", "local_header", name=entry.name)
    lf = _LOCAL.unpack_from(head)
    local = (lf[2], lf[1], (lf[4], lf[5]), lf[3], lf[6], lf[7], lf[8], lf[10])
    central = (
        record.flags,
        record.needed,
        record.when,
        entry.method,
        entry.crc,
        entry.compress_size,
        entry.file_size,
        record.extra_len,
    )
    if (
        local != central
        or lf[9] + lf[10] != len(record.name_extra)
        or head[_LOCAL.size :] != record.name_extra
    ):
        raise LayoutError("local_mismatch", "local_mismatch", name=entry.name)


def stream_exact(fh: BinaryIO, entry: ExactEntry, limit: int) -> Iterator[bytes]:
    """The content of an entry checked by :func:`exact_layout`, chunk by chunk: sizes
    counted while reading (never more than ``limit`` bytes), CRC-32 checked at the end."""
    remaining = entry.compress_size
    fh.seek(entry.data_offset)
    inflater = zlib.decompressobj(-15) if entry.method == zipfile.ZIP_DEFLATED else None
    crc, got = 0, 0

    def account(chunk: bytes) -> bytes:
        nonlocal crc, got
        got += len(chunk)
        if got > min(limit, entry.file_size):
            raise LayoutError("entry_size", "content_too_long", name=entry.name)
        crc = zlib.crc32(chunk, crc)
        return chunk

    try:
        while remaining:
            raw = fh.read(min(CHUNK, remaining))
            if not raw:
                raise LayoutError("truncated", "content_truncated", name=entry.name)
            remaining -= len(raw)
            if inflater is None:
                yield account(raw)
                continue
            data = inflater.decompress(raw, CHUNK)
            while True:
                if data:
                    yield account(data)
                if not inflater.unconsumed_tail:
                    break
                data = inflater.decompress(inflater.unconsumed_tail, CHUNK)
        if inflater is not None:
            while tail := inflater.flush(CHUNK) if not inflater.eof else b"":
                yield account(tail)
            if not inflater.eof or inflater.unused_data:
                raise LayoutError("corrupt", "deflate_incomplete", name=entry.name)
    except zlib.error as exc:
        raise LayoutError("corrupt", "deflate_corrupt", name=entry.name) from exc
    if got != entry.file_size:
        raise LayoutError(
            "header_size", "header_size", name=entry.name, announced=entry.file_size, got=got
        )
    if crc != entry.crc:
        raise LayoutError("crc", "crc", name=entry.name)
