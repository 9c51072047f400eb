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
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from jury_desk.core.errors import BundleRefused

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


def refuse(code: str, entry: str | None, rule: str) -> BundleRefused:
    where = f"entrée « {entry} » : " if entry else ""
    return BundleRefused(code, f"Paquet de session refusé — {where}{rule}")


def check_name(name: str) -> None:
    """Refuse a name that could not be a safe, portable relative path."""
    shown = (
        name.encode("unicode_escape").decode("ascii")
        if any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in name)
        else name
    )
    if not name:
        raise refuse("name_empty", None, "une entrée porte un nom vide.")
    if len(name) > MAX_PATH_CHARS:
        raise refuse(
            "name_too_long", shown[:60] + "…", f"chemin de plus de {MAX_PATH_CHARS} caractères."
        )
    if any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in name):
        raise refuse("name_control", shown, "le nom contient un caractère de contrôle.")
    if "\\" in name:
        raise refuse("name_backslash", shown, "le nom contient une barre oblique inverse (\\).")
    if name.startswith("/") or (len(name) >= 2 and name[1] == ":" and name[0].isalpha()):
        raise refuse("name_absolute", shown, "chemin absolu ou lettre de lecteur interdits.")
    parts = (
        name[:-1].split("/") if name.endswith("/") else name.split("/")
    )  # one "/" marks a folder
    for part in parts:
        if part in ("", ".", ".."):
            raise refuse("name_dots", shown, "le chemin contient « .. », « . » ou un élément vide.")
        if any(c in _FORBIDDEN_CHARS for c in part):
            raise refuse(
                "name_forbidden_char",
                shown,
                'le nom contient un caractère interdit (< > : " | ? *).',
            )
        if part[-1] in ". ":
            raise refuse(
                "name_trailing",
                shown,
                "un élément du chemin se termine par un point ou une espace.",
            )
        stem = part.split(".")[0].rstrip(" ").upper()
        if stem in _WINDOWS_RESERVED:
            raise refuse("name_reserved", shown, f"« {part} » est un nom réservé par Windows.")


def fold(name: str) -> str:
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).casefold())


@dataclass(frozen=True, slots=True)
class Entry:
    name: str
    info: zipfile.ZipInfo
    is_dir: bool


_LOCAL = struct.Struct("<IHHHHHIIIHH")


def inspect(zf: zipfile.ZipFile, fh: BinaryIO, archive_size: int) -> dict[str, Entry]:
    infos = zf.infolist()
    if len(infos) > MAX_ENTRIES:
        raise refuse("too_many_entries", None, f"{len(infos)} entrées (au plus {MAX_ENTRIES}).")
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
                f"nom en double (identique à « {seen[key]} » à la casse ou à la forme Unicode près).",
            )
        seen[key] = name
        mode = (info.external_attr >> 16) & 0xFFFF
        if (mode and stat.S_ISLNK(mode)) or info.external_attr & 0x400:  # 0x400: reparse point
            raise refuse(
                "link",
                name,
                "les liens symboliques et les points d’analyse (reparse points) sont interdits.",
            )
        if info.flag_bits & 0x1:
            raise refuse("encrypted", name, "entrée chiffrée.")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise refuse(
                "compression",
                name,
                f"méthode de compression {info.compress_type} (seules « stored » et « deflate » sont admises).",
            )
        spans.append((*_data_span(fh, info, archive_size), name))
        is_dir = name.endswith("/")
        entries[name] = Entry(name, info, is_dir)
    spans.sort()
    reach, owner = 0, ""
    for start, end, name in spans:
        if start < reach:
            raise refuse("overlap", name, f"ses données chevauchent celles de « {owner} ».")
        if end > reach:
            reach, owner = end, name
    return entries


def _data_span(fh: BinaryIO, info: zipfile.ZipInfo, archive_size: int) -> tuple[int, int]:
    fh.seek(info.header_offset)
    raw = fh.read(_LOCAL.size)
    if len(raw) != _LOCAL.size or raw[:4] != b"PK\x03\x04":
        raise refuse("local_header", info.orig_filename, "en-tête local absent ou corrompu.")
    fields = _LOCAL.unpack(raw)
    name_len, extra_len = fields[9], fields[10]
    start = info.header_offset
    end = info.header_offset + _LOCAL.size + name_len + extra_len + info.compress_size
    if info.flag_bits & 0x8:
        end += 12
    if end > archive_size:
        raise refuse("truncated", info.orig_filename, "les données dépassent la fin de l’archive.")
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
                f"la taille totale décompressée dépasse {self.limit / 1024**3:g} Gio.",
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
                    raise refuse(
                        "ratio", entry.name, f"taux de compression supérieur à {MAX_RATIO}."
                    )
                if max_bytes is not None and got > max_bytes:
                    raise refuse(
                        "entry_size", entry.name, "l’entrée est plus grande que la taille annoncée."
                    )
                budget.take(len(chunk), entry.name)
                if on_chunk is not None:
                    on_chunk(len(chunk))
                yield chunk
        if got != info.file_size:
            raise refuse(
                "header_size",
                entry.name,
                f"l’en-tête annonce {info.file_size} octets, l’entrée en contient {got}.",
            )
    except zipfile.BadZipFile as exc:
        raise refuse("corrupt", entry.name, f"données corrompues ({exc}).") from exc
    except (EOFError, OSError, ValueError, zlib.error) as exc:  # zlib.error is none of the others
        if isinstance(exc, BundleRefused):
            raise
        raise refuse("corrupt", entry.name, f"données illisibles ({exc}).") from exc


def read_small(zf: zipfile.ZipFile, entry: Entry, budget: Budget, limit: int) -> bytes:
    return b"".join(stream(zf, entry, budget, max_bytes=limit))


def open_archive(path: Path) -> tuple[zipfile.ZipFile, BinaryIO, int]:
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed by the caller with the ZipFile
    except OSError as exc:
        raise BundleRefused(
            "unreadable", f"Impossible d’ouvrir « {path.name} » : {exc.strerror}."
        ) from exc
    size = path.stat().st_size
    try:
        zf = zipfile.ZipFile(fh)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        fh.close()
        raise BundleRefused(
            "not_zip",
            f"Paquet de session refusé — « {path.name} » n’est pas une archive ZIP lisible.",
        ) from exc
    return zf, fh, size
