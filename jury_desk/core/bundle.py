"""Session bundles (CONTRACT sections 1, 3 and 5): read safely, and make (headquarters).

Reading is in two stages so that nothing is extracted before the signature holds:

1. :func:`open_bundle` checks the archive's structure, reads ``manifest.json`` and its
   detached JWS into memory (both small, sizes capped), verifies the JWS against the
   trusted keys, then parses and checks the manifest (JSON Schema and semantic rules).
2. :meth:`OpenedBundle.stage_attachments` streams each listed attachment into a
   staging folder under a name of our own (a counter), hashing and counting as it
   reads; memory stays flat whatever the sizes.

The caller (``services``) writes the rows and moves the staged files into the
content-addressed store in one transaction, or removes the staging folder.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO

import jsonschema

from jury_desk.core import crypto, fsutil, resources, strictjson, zipcheck
from jury_desk.core import text as textrules
from jury_desk.core.domain import (
    Attachment,
    Conflict,
    Criterion,
    Dossier,
    HolderKind,
    Juror,
    Manifest,
    Role,
    Rules,
    SessionInfo,
    Timer,
    to_fraction,
)
from jury_desk.core.errors import BundleRefused, Problem, UserError, nested
from jury_desk.core.records import record
from jury_desk.core.zipcheck import refuse

MANIFEST = "manifest.json"
MANIFEST_JWS = "manifest.json.jws"
MAX_MANIFEST_BYTES = 32 * 1024 * 1024
MAX_JWS_BYTES = 64 * 1024
ID_RE = re.compile(r"[A-Za-z0-9_-]{1,64}")

Progress = Callable[[int, int], None]  # (bytes done, bytes total)

_MAGIC: dict[str, tuple[bytes, ...]] = {
    "application/pdf": (b"%PDF-",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "application/vnd.oasis.opendocument.text": (b"PK\x03\x04",),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (b"PK\x03\x04",),
}


# --------------------------------------------------------------------------- demo trust


@record
class DemoTrust:
    session_id: str
    jwk: dict[str, Any]

    @property
    def kid(self) -> str:
        return crypto.thumbprint(self.jwk)


def demo_trust() -> DemoTrust:
    data = json.loads(resources.path("demo", "demo-trust.json").read_text(encoding="utf-8"))
    return DemoTrust(data["session_id"], data["jwk"])


def demo_bundle_path() -> Path:
    return resources.path("demo", "demo-session.zip")


@cache
def demo_manifest_sha256() -> str:
    """SHA-256 of the one manifest the demo key may sign: the one shipped with the app."""
    with zipfile.ZipFile(demo_bundle_path()) as zf:
        info = zf.getinfo(MANIFEST)
        if info.file_size > MAX_MANIFEST_BYTES:  # pragma: no cover - our own resource
            raise ValueError("demo manifest too large")
        return hashlib.sha256(zf.read(info)).hexdigest()


# --------------------------------------------------------------------------- manifest


def parse_json(data: bytes, entry: str, max_bytes: int = MAX_MANIFEST_BYTES) -> Any:
    """Strict JSON (CONTRACT section 5), the same parser as ``verify``'s."""
    try:
        return strictjson.loads(data, max_bytes=max_bytes)
    except strictjson.StrictJsonError as exc:
        key = "bundle.sentence" if exc.code == "json_encoding" else "bundle.json_invalid"
        raise refuse(exc.code, entry, key, **nested(exc)) from exc


def _schema_error_path(err: jsonschema.ValidationError) -> str:
    parts = []
    for p in err.absolute_path:
        parts.append(f"[{p}]" if isinstance(p, int) else f".{p}")
    return "".join(parts).lstrip(".") or "(racine)"


_JSON_TYPES = ("string", "integer", "number", "object", "array", "null", "boolean")


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=_json_decimal)
    return text if len(text) <= 60 else text[:57] + "…"


_BOUNDS = ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum")


def schema_problem(err: jsonschema.ValidationError) -> Problem:
    """The rule a value breaks (jsonschema's own messages are English): a catalogue key
    ``schema.<rule>`` and its parameters."""
    v, inst, kind = err.validator_value, err.instance, err.validator

    def problem(key: str, **params: object) -> Problem:
        return Problem("schema", "schema." + key, **params)

    if kind == "required":
        missing = [k for k in v if isinstance(inst, dict) and k not in inst]
        return problem("required", field=missing[0] if missing else v)
    if kind == "additionalProperties":
        extra = (
            sorted(set(inst) - set(err.schema.get("properties", {})))
            if isinstance(inst, dict)
            else []
        )
        return problem("additional", fields=", ".join(extra))
    if kind == "type":
        wanted = v if isinstance(v, list) else [v]
        if len(wanted) == 1 and wanted[0] in _JSON_TYPES:
            return problem("type." + str(wanted[0]), value=_shown(inst))
        return problem("type", value=_shown(inst), types=" | ".join(map(str, wanted)))
    if kind in _BOUNDS:
        return problem(kind, value=_shown(inst), bound=v)
    if kind == "enum":
        return problem("enum", value=_shown(inst), admitted=", ".join(map(str, v)))
    if kind == "const":
        return problem("const", value=_shown(inst), expected=_shown(v))
    if kind == "pattern":
        return problem("pattern", value=_shown(inst))
    if kind == "format":
        return problem("format", value=_shown(inst), format=v)
    if kind == "minLength":
        return problem("empty_text") if v == 1 else problem("minLength", limit=v)
    if kind == "maxLength":
        return problem("maxLength", limit=v)
    if kind == "minItems":
        return problem("empty_list") if v == 1 else problem("minItems", limit=v)
    if kind == "maxItems":
        return problem("maxItems", limit=v)
    if kind == "oneOf":
        return problem("oneOf", value=_shown(inst))
    return problem("other", value=_shown(inst), rule=kind)


def check_schema(doc: Any, schema_name: str, entry: str) -> None:
    schema = resources.schema(schema_name)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    err = jsonschema.exceptions.best_match(validator.iter_errors(doc))
    if err is not None:
        raise refuse(
            "schema",
            entry,
            "bundle.schema",
            path=_schema_error_path(err),
            **nested(schema_problem(err)),
        )


def parse_manifest(doc: Any) -> Manifest:
    """Check a decoded manifest (schema + semantic rules) and build the domain objects.

    The checks run in the contract's order: format version, schema, identifiers, text
    rules, then criteria, dossiers and their attachments, conflicts, and the rules; the
    first rule broken refuses the bundle.
    """
    if isinstance(doc, dict) and "format_version" in doc and doc.get("format_version") != 1:
        raise refuse(
            "format_version",
            MANIFEST,
            "bundle.format_version",
            version=repr(doc.get("format_version")),
        )
    check_schema(doc, "session.schema.json", MANIFEST)
    s = doc["session"]
    _need_id(s["id"], "session.id")
    _unique_ids(doc["criteria"], "criteria")
    juror_ids = _unique_ids(doc["jurors"], "jurors")
    dossier_ids = _unique_ids(doc["dossiers"], "dossiers")
    text_problems = textrules.manifest_problems(doc)  # controls, bidi, look-alikes
    if text_problems:
        first = text_problems[0]
        raise refuse(first.code, MANIFEST, "bundle.sentence", **nested(first))
    _bounded(s["min_score"], "session.min_score")
    criteria = tuple(_criterion(c) for c in doc["criteria"])
    jurors = tuple(
        Juror(j["id"], j["name"], Role(j["role"]), j["organisation"], j["commune"])
        for j in doc["jurors"]
    )
    dossiers = _dossiers(doc["dossiers"])
    conflicts = _conflicts(doc["conflicts"], juror_ids, dossier_ids)
    if s["min_sheets"] > len(jurors):
        raise refuse(
            "min_sheets",
            MANIFEST,
            "bundle.min_sheets",
            min_sheets=s["min_sheets"],
            jurors=len(jurors),
        )
    rules = Rules(
        quorum=s["quorum"],
        min_sheets=s["min_sheets"],
        min_score=to_fraction(s["min_score"]),
        envelope_cents=s["envelope_cents"],
        max_laureates=s["max_laureates"],
    )
    t = s["timer"]
    session = SessionInfo(
        id=s["id"],
        title=s["title"],
        edition=s["edition"],
        date=s["date"],
        venue=s["venue"],
        rules=rules,
        timer=Timer(t["presentation_s"], t["questions_s"], t["warning_s"]),
    )
    return Manifest(session, criteria, jurors, dossiers, conflicts)


def _need_id(value: str, where: str) -> None:
    if not ID_RE.fullmatch(value):
        raise refuse("id_pattern", MANIFEST, "bundle.id_pattern", value=repr(value), where=where)


def _unique_ids(items: list[dict[str, Any]], where: str) -> set[str]:
    """The ids of ``items``, each of the identifier pattern and none twice."""
    ids: set[str] = set()
    for item in items:
        _need_id(item["id"], where)
        if item["id"] in ids:
            raise refuse(
                "id_duplicate", MANIFEST, "bundle.id_duplicate", id=item["id"], where=where
            )
        ids.add(item["id"])
    return ids


def _bounded(value: Any, where: str) -> None:
    # A number like 1e99999999 is valid JSON but would make a gigantic exact value.
    if isinstance(value, Decimal) and value.is_finite() and value and abs(value.adjusted()) > 6:
        raise refuse("number_range", MANIFEST, "bundle.number_range", value=value, where=where)


def _criterion(c: dict[str, Any]) -> Criterion:
    """A criterion whose scale is sound: weight > 0, min < max, a whole number of steps
    between them, at most 1000 values."""
    for k in ("weight", "min", "max", "step"):
        _bounded(c[k], f"criteria.{c['id']}.{k}")
    weight, lo, hi, step = (to_fraction(c[k]) for k in ("weight", "min", "max", "step"))

    def broken(code: str, key: str) -> BundleRefused:
        return refuse(code, MANIFEST, key, criterion=c["id"])

    if weight <= 0:
        raise broken("criterion_weight", "bundle.criterion_weight")
    if not lo < hi:
        raise broken("criterion_bounds", "bundle.criterion_bounds")
    if step <= 0:
        raise broken("criterion_step", "bundle.criterion_step")
    if ((hi - lo) / step).denominator != 1:
        raise broken("criterion_step", "bundle.criterion_step_multiple")
    if (hi - lo) / step > 1000:
        raise broken("criterion_step", "bundle.criterion_values")
    return Criterion(c["id"], c["label"], c["description"], weight, lo, hi, step)


def _dossiers(items: list[dict[str, Any]]) -> tuple[Dossier, ...]:
    """The dossiers, each hearing order once, each attachment under its own dossier's
    folder and listed once (names compared as the file systems fold them)."""
    orders: set[int] = set()
    paths: set[str] = set()
    dossiers = []
    for d in items:
        order = d["hearing"]["order"]
        if order in orders:
            raise refuse(
                "hearing_order", MANIFEST, "bundle.hearing_order", order=order, dossier=d["id"]
            )
        orders.add(order)
        atts = []
        for a in d["attachments"]:
            path = a["path"]
            zipcheck.check_name(path)
            parts = path.split("/")
            if len(parts) != 3 or parts[0] != "attachments" or parts[1] != d["id"]:
                raise refuse(
                    "attachment_folder",
                    MANIFEST,
                    "bundle.attachment_folder",
                    path=path,
                    dossier=d["id"],
                )
            if zipcheck.fold(path) in paths:
                raise refuse(
                    "attachment_duplicate", MANIFEST, "bundle.attachment_duplicate", path=path
                )
            paths.add(zipcheck.fold(path))
            atts.append(Attachment(path, a["title"], a["media_type"], a["bytes"], a["sha256"]))
        qpv, holder = d["qpv"], d["holder"]
        dossiers.append(
            Dossier(
                id=d["id"],
                reference=d["reference"],
                title=d["title"],
                commune=d["commune"],
                qpv_code=qpv["code"],
                qpv_name=qpv["name"],
                holder_name=holder["name"],
                holder_kind=HolderKind(holder["kind"]),
                holder_rna=holder["rna"],
                holder_siret=holder["siret"],
                holder_contact=holder["contact"],
                project_manager=d["project_manager"],
                summary=d["summary"],
                amount_requested_cents=d["amount_requested_cents"],
                budget_total_cents=d["budget_total_cents"],
                hearing_order=order,
                hearing_start=d["hearing"].get("start"),
                attachments=tuple(atts),
            )
        )
    return tuple(dossiers)


def _conflicts(
    items: list[dict[str, Any]], juror_ids: set[str], dossier_ids: set[str]
) -> tuple[Conflict, ...]:
    """The declared conflicts of interest: known juror and dossier, each pair once."""
    conflicts = []
    seen_pairs: set[tuple[str, str]] = set()
    for c in items:
        if c["juror_id"] not in juror_ids:
            raise refuse("reference", MANIFEST, "bundle.conflict_juror", juror=c["juror_id"])
        if c["dossier_id"] not in dossier_ids:
            raise refuse("reference", MANIFEST, "bundle.conflict_dossier", dossier=c["dossier_id"])
        pair = (c["juror_id"], c["dossier_id"])
        if pair in seen_pairs:
            raise refuse(
                "conflict_duplicate",
                MANIFEST,
                "bundle.conflict_duplicate",
                juror=pair[0],
                dossier=pair[1],
            )
        seen_pairs.add(pair)
        conflicts.append(Conflict(c["juror_id"], c["dossier_id"], c["reason"]))
    return tuple(conflicts)


# --------------------------------------------------------------------------- reading


@dataclass
class StagedFile:
    attachment: Attachment
    dossier_id: str
    position: int
    staged: Path


@dataclass
class OpenedBundle:
    """A bundle whose structure, signature and manifest have been checked."""

    path: Path
    manifest: Manifest
    manifest_bytes: bytes
    manifest_sha256: str
    signer_kid: str
    is_demo: bool
    _zf: zipfile.ZipFile
    _fh: BinaryIO
    _entries: dict[str, zipcheck.Entry]
    _budget: zipcheck.Budget
    staged: list[StagedFile] = field(default_factory=list)
    manifest_jws: str = ""

    @property
    def attachment_bytes(self) -> int:
        return sum(a.bytes for d in self.manifest.dossiers for a in d.attachments)

    def close(self) -> None:
        self._zf.close()
        self._fh.close()

    def __enter__(self) -> OpenedBundle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def stage_attachments(
        self, staging: Path, progress: Progress | None = None
    ) -> list[StagedFile]:
        """Stream every attachment into ``staging`` (files named by a counter), checked."""
        total = max(self.attachment_bytes, 1)
        done = 0
        n = 0
        for d in self.manifest.dossiers:
            for pos, att in enumerate(d.attachments):
                entry = self._entries[att.path]
                target = staging / f"{n:06d}"
                n += 1
                digest = hashlib.sha256()
                size = 0
                head = b""
                with open(target, "xb") as out:
                    for chunk in zipcheck.stream(
                        self._zf, entry, self._budget, max_bytes=att.bytes
                    ):
                        if len(head) < 16:
                            head += chunk[:16]
                        digest.update(chunk)
                        out.write(chunk)
                        size += len(chunk)
                        done += len(chunk)
                        if progress is not None:
                            progress(done, total)
                    out.flush()
                    os.fsync(out.fileno())
                if size != att.bytes:
                    raise refuse(
                        "size_mismatch",
                        att.path,
                        "bundle.size_mismatch",
                        size=size,
                        announced=att.bytes,
                    )
                if digest.hexdigest() != att.sha256:
                    raise refuse(
                        "hash_mismatch",
                        att.path,
                        "bundle.hash_mismatch",
                    )
                magics = _MAGIC.get(att.media_type, ())
                if magics and not any(head.startswith(m) for m in magics):
                    raise refuse(
                        "media_type",
                        att.path,
                        "bundle.media_type_pdf"
                        if att.media_type == "application/pdf"
                        else "bundle.media_type",
                        media_type=att.media_type,
                    )
                self.staged.append(StagedFile(att, d.id, pos, target))
        if progress is not None:
            progress(total, total)
        return self.staged


def open_bundle(path: Path, trusted: list[dict[str, Any]]) -> OpenedBundle:
    """Check structure, signature and manifest of a session bundle. Extracts nothing."""
    path = Path(path)
    zf, fh, size = zipcheck.open_archive(path)
    try:
        entries = zipcheck.inspect(zf, fh, size)
        for required in (MANIFEST, MANIFEST_JWS):
            if required not in entries:
                raise refuse("missing_entry", required, "bundle.missing_entry")
        for name, entry in entries.items():
            if name in (MANIFEST, MANIFEST_JWS):
                continue
            parts = name.rstrip("/").split("/")
            if (
                parts[0] != "attachments"
                or len(parts) > 3
                or (not entry.is_dir and len(parts) != 3)
                or (entry.is_dir and len(parts) > 2)
            ):
                raise refuse(
                    "unexpected_entry",
                    name,
                    "bundle.unexpected_entry",
                )
            if entry.is_dir and entry.info.file_size:
                raise refuse("unexpected_entry", name, "bundle.folder_content")
        budget = zipcheck.Budget()
        jws_bytes = zipcheck.read_small(zf, entries[MANIFEST_JWS], budget, MAX_JWS_BYTES)
        manifest_bytes = zipcheck.read_small(zf, entries[MANIFEST], budget, MAX_MANIFEST_BYTES)

        demo = demo_trust()
        try:
            jws_text = jws_bytes.decode("ascii")
        except UnicodeDecodeError as exc:
            raise refuse("jws_format", MANIFEST_JWS, "bundle.jws_not_ascii") from exc
        try:
            signer = crypto.verify_detached(jws_text, manifest_bytes, [*trusted, demo.jwk])
        except crypto.JwsError as exc:
            raise refuse(exc.code, MANIFEST_JWS, "bundle.sentence", **nested(exc)) from exc
        kid = crypto.thumbprint(signer)
        is_demo = kid == demo.kid and not any(
            crypto.thumbprint(k) == kid for k in trusted if _is_jwk(k)
        )
        # The public demo key vouches for one manifest only: its bytes are compared
        # before any JSON is parsed (CONTRACT section 3).
        if is_demo and hashlib.sha256(manifest_bytes).hexdigest() != demo_manifest_sha256():
            raise refuse(
                "jws_untrusted",
                MANIFEST_JWS,
                "bundle.demo_key_only_demo",
            )

        doc = parse_json(manifest_bytes, MANIFEST)
        manifest = parse_manifest(doc)
        if is_demo and manifest.session.id != demo.session_id:  # pragma: no cover - same bytes
            raise refuse(
                "jws_untrusted",
                MANIFEST_JWS,
                "bundle.demo_key_only_demo",
            )

        dossier_ids = {d.id for d in manifest.dossiers}
        for name, entry in entries.items():
            if entry.is_dir:
                parts = name.rstrip("/").split("/")
                if len(parts) == 2 and parts[1] not in dossier_ids:
                    raise refuse(
                        "attachment_folder",
                        name,
                        "bundle.attachment_folder_unknown",
                    )
        listed = {a.path for d in manifest.dossiers for a in d.attachments}
        for name, entry in entries.items():
            if name.startswith("attachments/") and not entry.is_dir and name not in listed:
                raise refuse(
                    "unlisted_attachment",
                    name,
                    "bundle.unlisted_attachment",
                )
        for p in sorted(listed):
            if p not in entries or entries[p].is_dir:
                raise refuse(
                    "missing_attachment",
                    p,
                    "bundle.missing_attachment",
                )
        return OpenedBundle(
            path=path,
            manifest=manifest,
            manifest_bytes=manifest_bytes,
            manifest_sha256=hashlib.sha256(manifest_bytes).hexdigest(),
            signer_kid=kid,
            is_demo=is_demo,
            _zf=zf,
            _fh=fh,
            _entries=entries,
            _budget=budget,
            manifest_jws=jws_text,
        )
    except BaseException:
        zf.close()
        fh.close()
        raise


def _is_jwk(k: Any) -> bool:
    try:
        crypto.thumbprint(k)
        return True
    except (KeyError, ValueError, TypeError):
        return False


# --------------------------------------------------------------------------- making


def make_bundle(source: Path, key: crypto.PrivateKey, out: Path) -> dict[str, Any]:
    """Headquarters' side: build and sign a session bundle from ``source``.

    ``source`` holds ``manifest.json`` (attachment ``bytes``/``sha256`` may be left out)
    and ``attachments/``. The result is checked as an importer would before it is kept.
    """
    source = Path(source)
    manifest_path = source / MANIFEST
    if not manifest_path.is_file():
        raise BundleRefused(
            "missing_manifest", key="bundle_missing_manifest", params={"path": manifest_path}
        )
    doc = parse_json(manifest_path.read_bytes(), MANIFEST)
    if not isinstance(doc, dict) or not isinstance(doc.get("dossiers"), list):
        raise refuse("schema", MANIFEST, "bundle.no_dossiers")
    files: list[tuple[str, Path]] = []
    for d in doc["dossiers"]:
        for a in d.get("attachments", []):
            rel = a.get("path", "")
            zipcheck.check_name(rel)
            file_path = source / Path(*rel.split("/"))
            if not file_path.is_file():
                raise refuse("missing_attachment", rel, "bundle.file_not_found", source=source)
            digest = hashlib.sha256()
            size = 0
            with open(file_path, "rb") as fh:
                while chunk := fh.read(zipcheck.CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
            a["bytes"] = size
            a["sha256"] = digest.hexdigest()
            files.append((rel, file_path))
    parse_manifest(_reparse(doc))  # refuse now what an importer would refuse
    manifest_bytes = (
        json.dumps(doc, ensure_ascii=False, indent=2, default=_json_decimal).encode("utf-8") + b"\n"
    )
    jws = crypto.sign_detached(key, manifest_bytes)
    out = Path(out)
    tmp = out.with_name(out.name + ".part")
    try:
        with zipfile.ZipFile(tmp, "w") as zf:
            zf.writestr(_zinfo(MANIFEST, zipfile.ZIP_DEFLATED), manifest_bytes)
            zf.writestr(_zinfo(MANIFEST_JWS, zipfile.ZIP_STORED), jws.encode("ascii"))
            for rel, file_path in files:
                info = _zinfo(rel, zipfile.ZIP_STORED)
                with open(file_path, "rb") as src, zf.open(info, "w", force_zip64=True) as dst:
                    while chunk := src.read(zipcheck.CHUNK):
                        dst.write(chunk)
        with open(tmp, "rb+") as fh2:
            os.fsync(fh2.fileno())
        fsutil.replace(tmp, out)
    except BaseException:
        with contextlib.suppress(OSError, UserError):
            fsutil.unlink(tmp, missing_ok=True)
        raise
    return doc


def _zinfo(name: str, method: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
    info.compress_type = method
    info.external_attr = 0o100644 << 16
    info.create_system = 3
    return info


def _json_decimal(obj: Any) -> Any:
    if isinstance(obj, Decimal):
        return (
            int(obj)
            if obj == obj.to_integral_value() and "E" not in str(obj) and "." not in str(obj)
            else float(obj)
        )
    raise TypeError(f"not JSON serialisable: {obj!r}")


def _reparse(doc: Any) -> Any:
    return json.loads(json.dumps(doc, default=_json_decimal), parse_float=Decimal)
