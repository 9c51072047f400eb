"""The result bundle (CONTRACT section 2): written atomically, and verified.

:func:`export_session` closes the deliberation, records the export in the audit chain,
then builds in memory, in this order, the procès-verbal (PDF, signed PAdES), the audit
log (``audit.jsonl``, which therefore ends with the export's own entry), ``result.json``
(whose ``audit_head`` is that last entry's hash and whose ``files`` gives the size and
SHA-256 of the two others; checked against the schema before anything is written) and
its detached JWS, and writes the four into one ZIP: a temporary file in the target
folder, ``fsync``, ``os.replace``. The temporary file is opened, and the room for the
archive reserved, before anything changes: a folder that cannot be written or a full
disk is refused with nothing recorded and nothing left behind.

:func:`verify_result` checks a result bundle as headquarters would, one labelled check
per property (structure, JWS, schema, file hashes, audit chain, PDF signature).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import importlib
import importlib.util
import io
import json
import json.encoder
import logging
import os
import unicodedata
import uuid
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema

from jury_desk import __version__, messages
from jury_desk.core import (
    audit,
    crypto,
    environment,
    fmt,
    fsutil,
    ledger,
    pv,
    pv_signing,
    readmodel,
    replay,
    resources,
    result_document,
    strictjson,
    zipcheck,
)
from jury_desk.core.domain import decimal_text
from jury_desk.core.errors import BundleRefused, Finding, Problem, UserError, finding, nested
from jury_desk.core.records import record

if TYPE_CHECKING:
    from jury_desk.core.services import Desk

log = logging.getLogger(__name__)

RESULT = result_document.RESULT_NAME
JWS = result_document.JWS_NAME
PV = result_document.PV_NAME
AUDIT = result_document.AUDIT_NAME
ENTRIES = (RESULT, JWS, PV, AUDIT)
SCHEMA = "result.schema.json"

Progress = Callable[[int, int], None]  # (steps done, steps in all)

# The export's steps, in order (worded by ``messages.template("export.step." + step)``).
STEPS = ("snapshot", "close", "audit", "pv_layout", "pv_signature", "result", "archive")
STEP_WRITE = len(STEPS) - 1

# Entry sizes verify accepts (checked on the headers, then counted while reading). The
# PV is held in memory for its signature check; audit.jsonl is streamed line by line.
_LIMITS = {RESULT: 16 * 1024**2, JWS: 64 * 1024, PV: 10 * 1024**2, AUDIT: 2 * 1024**3}
# Objects and lists in result.json (a session of 200 dossiers, 30 jurors and 10
# criteria holds about 65,000): bounds the memory of its parse.
MAX_RESULT_CONTAINERS = 250_000


@record
class ExportReport:
    path: Path
    export_seq: int
    result_sha256: str  # of result.json
    zip_bytes: int
    pv_pages: int
    audit_head: str
    signer_kid: str
    snapshot: Any = None  # what take_snapshot returned, when a snapshot was taken
    sha256: str = ""  # of the archive as written
    audit_count: int = 0  # entries in audit.jsonl, the export's own included
    audit_sha256: str = ""  # of audit.jsonl, as the export read, checked and replayed it


@record
class ReplayedAtExport:
    """What an export established before it signed: it read the audit log as the bytes
    of audit.jsonl whose SHA-256 is ``audit_sha256``, parsed each line as verify parses
    it, checked the chain (``audit_count`` entries ending at ``audit_head``, the last one
    its own) and replayed it over the session's manifest, which gives exactly the
    result.json whose SHA-256 is ``result_sha256``.

    :func:`verify_written` gives it to ``_verify_result``, which still reads back and
    checks the file it was written to (layout, JWS, the PDF's and the log's hashes,
    result.json strictly and against its schema, the PDF signature), and takes the
    chain and its replay as checked when the file holds those very bytes: parsing,
    hashing and replaying them again took a third of a second at 300 dossiers x 15
    jurors, for the same answer. Anything else is checked in full. It also hands over
    the export's strict parse of result.json (``result_doc``), taken for the file's
    result.json only when the file holds those very bytes."""

    result_sha256: str
    audit_sha256: str
    audit_head: str
    audit_count: int
    # result.json as the export parsed it, with verify's bounds (the same bytes, parsed
    # once): None when not at hand
    result_doc: Any = field(default=None, repr=False, compare=False)


# result.json as the last export parsed it, by its SHA-256: handed to the check that
# follows it (verify_written takes it, and it is dropped).
_exported_parse: dict[str, Any] = {}


@record
class Check:
    """One line of a verification: ``code`` names what is checked (``structure``,
    ``jws``…; worded by :func:`messages.check_label`), ``detail`` says in French what
    holds or what does not. ``key`` and ``params``, when set, word ``detail`` in another
    language (:func:`messages.check_text`); a failure from a deeper layer (replay, layout,
    JWS, strict JSON) is carried as ``inner`` and ``inner_params`` (see :func:`_failed`)."""

    code: str
    ok: bool
    detail: str = ""
    key: str = ""
    params: tuple[tuple[str, object], ...] = ()

    @property
    def label(self) -> str:
        return messages.check_label(self.code)


def _worded(code: str, ok: bool, key: str, **params: object) -> Check:
    """A check whose detail comes from the catalogue (``check.<key>``)."""
    return Check(code, ok, messages.check_text(key, params), key, tuple(params.items()))


def _failed(code: str, problem: Problem, key: str = "problem") -> Check:
    """A failed check whose detail is what a deeper layer found (``check.<key>`` wraps it)."""
    return _worded(code, False, key, **nested(problem))


@record
class VerifyReport:
    ok: bool
    checks: list[Check] = field(default_factory=list)
    export_seq: int | None = None
    session_id: str | None = None
    # Shown, but not failures; and what could not be checked: codes (``error.verify.*``).
    warning_findings: list[Finding] = field(default_factory=list)
    not_checked_findings: list[Finding] = field(default_factory=list)

    def failed(self) -> list[Check]:
        return [c for c in self.checks if not c.ok]

    @property
    def warnings(self) -> list[str]:
        """The warnings in French (the command line's words)."""
        return [messages.error_text(k, dict(p)) for k, p in self.warning_findings]

    @property
    def not_checked(self) -> list[str]:
        """What could not be checked, in French."""
        return [messages.error_text(k, dict(p)) for k, p in self.not_checked_findings]


# --------------------------------------------------------------------------- schema


def _inline_refs(node: Any, defs: Mapping[str, Any]) -> Any:
    """The schema with its local ``#/$defs/...`` references replaced by their targets.

    The same schema, validated about twice as fast: jsonschema resolves a ``$ref`` on
    every instance it meets, and result.json has thousands of scores. The result schema
    has no recursive reference.
    """
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/") and len(node) == 1:
            return _inline_refs(defs[ref[len("#/$defs/") :]], defs)
        return {k: _inline_refs(v, defs) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_inline_refs(v, defs) for v in node]
    return node


_LEAF = (str, int, float, bool, type(None))
_VALID_LEAVES: dict[tuple[int, type, object], bool] = {}


def _properties_once(
    validator: Any, properties: Mapping[str, Any], instance: Any, schema: Any
) -> Iterator[Any]:
    """The ``properties`` keyword, with each (sub-schema, plain value) pair found valid
    checked once: result.json repeats the same ids and values tens of thousands of times
    (36,000 scores at 300 dossiers x 15 jurors x 8 criteria), and a plain value's
    validity against a sub-schema cannot depend on where it stands (the references are
    inlined, none is dynamic). What fails is checked, and reported, every time."""
    if not validator.is_type(instance, "object"):
        return
    for prop, sub in properties.items():
        if prop not in instance:
            continue
        value = instance[prop]
        key = (id(sub), type(value), value) if isinstance(value, _LEAF) else None
        if key is not None and key in _VALID_LEAVES:
            continue
        errors = list(validator.descend(value, sub, path=prop, schema_path=prop))
        if errors:
            yield from errors
        elif key is not None:
            if len(_VALID_LEAVES) > 200_000:
                _VALID_LEAVES.clear()
            _VALID_LEAVES[key] = True


def _leaf_valid(validator: Any, value: Any, sub: Any) -> bool:
    key = (id(sub), type(value), value)
    if key in _VALID_LEAVES:
        return True
    if next(validator.descend(value, sub), None) is not None:
        return False
    if len(_VALID_LEAVES) > 200_000:
        _VALID_LEAVES.clear()
    _VALID_LEAVES[key] = True
    return True


_FLAT_ITEM = {"type", "additionalProperties", "required", "properties"}


def _items_flat(validator: Any, items: Any, instance: Any, schema: Any) -> Iterator[Any]:
    """The ``items`` keyword, with a short way through arrays of flat records (an object
    of plain values, no other property allowed: the scores, comments, attendance…): an
    item that is a dict with only known keys, every required one, and plain values each
    valid is accepted without building a validator for it. Any other item (or any
    other kind of ``items``) goes through jsonschema's own keyword, which says what is
    wrong."""
    if (
        not isinstance(items, dict)
        or not items.keys() <= _FLAT_ITEM
        or items.get("type") != "object"
        or items.get("additionalProperties") is not False
        or not validator.is_type(instance, "array")
        or schema.get("prefixItems")
    ):
        yield from _ITEMS(validator, items, instance, schema)
        return
    props: Mapping[str, Any] = items.get("properties", {})
    known = props.keys()
    required = set(items.get("required", ()))
    sub_id = {k: id(sub) for k, sub in props.items()}
    valid = _VALID_LEAVES
    for index, item in enumerate(instance):
        if type(item) is dict and item.keys() <= known and required <= item.keys():
            for k, v in item.items():
                if isinstance(v, _LEAF) and (
                    (sub_id[k], type(v), v) in valid or _leaf_valid(validator, v, props[k])
                ):
                    continue
                break
            else:
                continue
        yield from validator.descend(item, items, path=index)


_ITEMS = jsonschema.Draft202012Validator.VALIDATORS["items"]


@cache
def _validator() -> jsonschema.Draft202012Validator:
    # The schema ships with the application: checking it against the meta-schema took a
    # third of a second of every export and verify; tests/core/test_fast_paths.py does it.
    schema = resources.schema(SCHEMA)
    fast = jsonschema.validators.extend(
        jsonschema.Draft202012Validator, {"properties": _properties_once, "items": _items_flat}
    )
    inlined = _inline_refs(schema, schema.get("$defs", {}))
    return fast(inlined)


def schema_findings(doc: Any, *, semantic: bool = True) -> list[Finding]:
    """Schema violations of a result.json (then the rules a schema cannot say), as codes;
    where a violation lies is a JSON path, what it is jsonschema's own (English) words."""
    problems: list[Finding] = []
    for err in sorted(_validator().iter_errors(doc), key=lambda e: list(e.absolute_path)):
        where = "".join(
            f"[{p}]" if isinstance(p, int) else f".{p}" for p in err.absolute_path
        ).lstrip(".")
        if where:
            problems.append(finding("schema.at", where=where, detail=err.message))
        else:
            problems.append(finding("schema.root", detail=err.message))
        if len(problems) >= 5:
            break
    if problems or not isinstance(doc, dict) or not semantic:
        return problems
    return result_document.semantic_findings(doc)


def schema_problems(doc: Any, *, semantic: bool = True) -> list[str]:
    """The same in French."""
    return [messages.error_text(k, dict(p)) for k, p in schema_findings(doc, semantic=semantic)]


# SHA-256 of the result.json bytes this process found valid against the schema.
_schema_valid: list[bytes] = []


def _schema_findings_of(data: bytes, doc: Any) -> list[Finding]:
    """``schema_findings(doc, semantic=False)`` for ``doc`` parsed strictly from ``data``.

    Validity is a function of the bytes alone (the strict parse is, and the schema ships
    with the application): bytes already found valid in this process are not walked
    again. The export checks the document it signs, then verifies the archive it wrote,
    which holds the same bytes (0.15 s at 300 dossiers x 15 jurors). The verify still
    reads them from the file, checks their JWS and parses them itself; what fails is
    checked, and reported, every time."""
    digest = hashlib.sha256(data).digest()
    if digest in _schema_valid:
        return []
    problems = schema_findings(doc, semantic=False)
    if not problems:
        del _schema_valid[:-7]
        _schema_valid.append(digest)
    return problems


def _schema_problems_of(data: bytes, doc: Any) -> list[str]:
    """The same in French (the export's own check: a failure is a bug, logged)."""
    return [messages.error_text(k, dict(p)) for k, p in _schema_findings_of(data, doc)]


# --------------------------------------------------------------------------- writing


_OS_REASONS = {
    errno.ENOSPC: "enospc",
    errno.EDQUOT: "edquot",
    errno.EFBIG: "efbig",
    errno.EROFS: "erofs",
    errno.EACCES: "eacces",
    errno.EPERM: "eperm",
    errno.ENOENT: "enoent",
    errno.ENOTDIR: "enotdir",
    errno.EISDIR: "eisdir",
    errno.ENAMETOOLONG: "enametoolong",
    errno.EIO: "eio",
}


def _os_reason_params(exc: OSError) -> dict[str, object]:
    """Why the system refused a write, as a code (``reason.<code>`` in the catalogue);
    ``other`` with the system's own words for an errno the catalogue does not know."""
    code = _OS_REASONS.get(exc.errno or 0)
    if code is not None:
        return {"reason_code": code}
    return {"reason_code": "other", "detail": exc.strerror or type(exc).__name__}


def _os_reason(exc: OSError) -> str:
    """The reason in French (the command line's words)."""
    params = _os_reason_params(exc)
    return messages.template(f"reason.{params['reason_code']}").format(**params)


class _Target:
    """The temporary file of an export, in the target folder, removed unless committed."""

    def __init__(
        self,
        out: Path,
        db_path: Path | None = None,
        session_id: str = "",
        *,
        was_open: bool = False,
        audit_count: int = 0,
    ) -> None:
        self.out = out
        self.folder = out.parent
        self.tmp = self.folder / f".{out.name}.{uuid.uuid4().hex[:12]}.part"
        self.fd: int | None = None
        self.db_path = db_path
        self.session_id = session_id
        self.was_open = was_open
        self.audit_count = audit_count

    def open(self, reserve: int) -> None:
        if self.out.is_dir():
            raise UserError(
                "export_target", key="export_target_is_folder", params={"path": self.out}
            )
        # An earlier export of the same name open in a viewer, the antivirus or OneDrive:
        # refused now, before an export number is taken (Windows cannot replace it).
        fsutil.ensure_not_held(self.out)
        try:
            self._record()
            self.fd = os.open(
                self.tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644
            )
            ledger.lock_part(self.fd)
        except OSError as exc:
            raise UserError(
                "export_target", params={"folder": self.folder, **_os_reason_params(exc)}
            ) from exc
        fsutil.hide(self.tmp)  # Windows: a dot does not hide it
        try:
            self._reserve(reserve)
        except OSError as exc:
            self.discard()
            raise UserError(
                "export_space",
                params={
                    "folder": self.folder,
                    "megabytes": fmt.number(reserve / 1e6, 1),
                    **_os_reason_params(exc),
                },
            ) from exc

    def _record(self) -> None:
        """Known before it exists: a killed export's .part is removed at next start."""
        if self.db_path is None:
            return
        try:
            ledger.record_part(
                self.db_path,
                self.session_id,
                self.tmp,
                self.out,
                was_open=self.was_open,
                audit_count=self.audit_count,
            )
        except OSError:  # only the clean-up after a crash is lost; the write fails below
            log.warning("the export's temporary file could not be recorded in the ledger")

    def _reserve(self, size: int) -> None:
        assert self.fd is not None
        if hasattr(os, "posix_fallocate"):
            try:
                os.posix_fallocate(self.fd, 0, size)
            except OSError as exc:
                if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO):
                    raise
                log.debug("space reservation not supported here (%s)", exc)
        else:  # Windows: extending a file allocates it
            os.ftruncate(self.fd, size)

    def commit(self, data: bytes) -> None:
        assert self.fd is not None
        fd = self.fd
        view = memoryview(data)
        os.lseek(fd, 0, os.SEEK_SET)
        while view:
            n = os.write(fd, view)
            view = view[n:]
        os.ftruncate(fd, len(data))
        os.fsync(fd)
        os.close(fd)
        self.fd = None
        fsutil.replace(self.tmp, self.out)
        fsutil.fsync_dir(self.folder)

    def release(self) -> None:
        """Give the reserved room back but keep the empty file, as a marker: if what the
        export changed cannot be undone now, the next start finds it and does it."""
        if self.fd is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(self.fd, 0)
            with contextlib.suppress(OSError):
                os.close(self.fd)
            self.fd = None

    def discard(self) -> None:
        if self.fd is not None:
            with contextlib.suppress(OSError):
                os.close(self.fd)
            self.fd = None
        try:
            fsutil.unlink(self.tmp, missing_ok=True)
        except (OSError, UserError):
            log.warning("could not remove %s", self.tmp)


def _estimate(desk: Desk, session_id: str) -> int:
    """Room to reserve for the archive: generous, it is given back once the size is known."""
    with desk.engine.connect() as conn:  # counts only: not the whole state
        dossiers, audit_count, scores = conn.exec_driver_sql(
            "SELECT (SELECT count(*) FROM dossier WHERE session_id = ?),"
            " (SELECT count(*) FROM audit WHERE session_id = ?),"
            " (SELECT count(*) FROM score WHERE session_id = ?)",
            (session_id, session_id, session_id),
        ).one()
    return 512 * 1024 + 12 * 1024 * dossiers + 300 * (audit_count + 8) + 64 * scores


def _is_closed(desk: Desk, session_id: str) -> bool:
    """``desk.state(session_id).closed``, without reading the whole session."""
    with desk.engine.connect() as conn:
        row = conn.exec_driver_sql(
            "SELECT closed_at FROM deliberation WHERE session_id = ?", (session_id,)
        ).first()
    if row is None:  # refused as the whole reading refuses it
        return bool(desk.state(session_id).closed)
    return row[0] is not None


def _optional(module: str) -> Any:
    """A jury_desk module that may not be there (snapshots, settings)."""
    if importlib.util.find_spec(module) is None:
        return None
    return importlib.import_module(module)


def _take_snapshot(desk: Desk) -> Any:
    """A database snapshot before the export, when the snapshots module is installed."""
    module = _optional("jury_desk.core.snapshots")
    take = getattr(module, "take_snapshot", None)
    if take is None:
        return None
    return take(desk, getattr(module, "BEFORE_EXPORT", "avant-export"))


def _purge_due_on(generated_at: datetime) -> date | None:
    """When the personal data of this session should be purged (settings' retention)."""
    module = _optional("jury_desk.core.settings")
    load = getattr(module, "load", None)
    if load is None:
        return None
    days = getattr(load(), "purge_after_days", None)
    if not isinstance(days, int) or days < 0:
        return None
    return (generated_at + timedelta(days=days)).date()


def _zip(files: Sequence[tuple[str, bytes]], when: datetime) -> bytes:
    buf = io.BytesIO()
    stamp = (
        max(when.year, 1980),
        when.month,
        when.day,
        when.hour,
        when.minute,
        when.second - when.second % 2,
    )
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in files:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_STORED if name == PV else zipfile.ZIP_DEFLATED
            info.external_attr = 0o100644 << 16
            info.create_system = 3
            zf.writestr(info, data)
    return buf.getvalue()


# --------------------------------------------------------------------------- binding


def _tampered(detail: str | Problem, params: Mapping[str, object] | None = None) -> UserError:
    """The export refused: the database is not what the signed record establishes. What
    differs is a ``Problem`` (a replay's), or a catalogue key (``error.<detail>``) with
    ``params``, carried as codes."""
    if isinstance(detail, Problem):
        return UserError("export_tampered", params=nested(detail))
    inner = tuple((params or {}).items())
    return UserError("export_tampered", params={"inner": detail, "inner_params": inner})


@dataclass
class _Binding:
    """A replay of the stored manifest and the audit log, kept so that the entries the
    export itself appends are folded in without replaying the whole day again."""

    manifest: Any
    replayer: replay.Replayer
    head: str
    count: int
    # audit.jsonl's bytes the entries were read from, when they were (an export's)
    log: list[bytes] | None = None

    def state(self) -> Any:
        return replay.session_state(
            self.manifest, self.replayer.state, audit_head=self.head, audit_count=self.count
        )

    def advance(self, desk: Desk, session_id: str) -> None:
        """Fold in the entries appended since, checking that they extend the same chain
        (only those are read: the ones before were checked when the binding was made).
        Each is read as verify reads a line of audit.jsonl; all are checked before any
        is folded in, so that a refusal leaves the binding as it was."""
        from jury_desk.core import storage

        with storage.reading(desk.engine) as db:
            appended, _ = audit.jsonl(db, session_id, after=self.count)
        entries: list[dict[str, Any]] = []
        head = self.head
        for line in jsonl_lines(appended):
            seq = self.count + len(entries) + 1
            try:
                (entry,) = log_entries((line,))
            except strictjson.StrictJsonError as exc:
                raise _tampered("tamper.chain_broken_at", {"seq": seq}) from exc
            if (
                entry.get("seq") != seq
                or entry.get("prev") != head
                or audit.entry_hash(entry) != entry.get("hash")
            ):
                raise _tampered("tamper.chain_broken_at", {"seq": seq})
            head = str(entry["hash"])
            entries.append(entry)
        for entry in entries:
            try:
                self.replayer.feed(entry)
            except replay.ReplayError as exc:
                raise _tampered(exc) from exc
        self.head, self.count = head, self.count + len(entries)
        if self.log is not None:
            self.log.append(appended)

    def audit_jsonl(self) -> bytes:
        """audit.jsonl as far as the binding goes: the bytes whose every line it parsed
        as verify parses them, checked link by link and replayed (a binding made from
        the bytes of the log, as the export makes it)."""
        if self.log is None:
            raise ValueError("this binding was not made from the bytes of audit.jsonl")
        return b"".join(self.log)


def _bind(
    desk: Desk,
    session_id: str,
    entries: list[dict[str, Any]] | None = None,
    chain: audit.ChainCheck | None = None,
    log: bytes | None = None,
) -> _Binding:
    """``entries`` and their ``chain`` check, when the caller has read and checked them
    (from the audit.jsonl bytes ``log``, when given: the binding then gives them back)."""
    if log is not None and (entries is None or chain is None):
        raise ValueError("the bytes of the log go with the entries read from them")

    manifest_bytes = desk.manifest_bytes(session_id)
    if entries is None or chain is None:
        entries = desk.audit_entries(session_id)
        chain = audit.verify_chain(entries)
    if not chain.ok:
        raise _tampered(
            "tamper.chain_broken",
            {
                "seq": chain.broken_seq,
                "inner": chain.problem_key,
                "inner_params": chain.problem_params,
            },
        )
    try:
        manifest = _parse_manifest(manifest_bytes)
    except BundleRefused as exc:
        if exc.key in ("bundle_refused", "bundle_refused_entry"):
            raise _tampered("tamper.manifest_unreadable." + exc.key, exc.params) from exc
        raise _tampered("tamper.manifest_unreadable.bundle_refused", nested(exc)) from exc
    _check_manifest_signature(desk, session_id, manifest_bytes)
    try:
        rp = replay.Replayer(manifest_bytes, manifest)
        rp.feed_all(entries)
    except replay.ReplayError as exc:
        raise _tampered(exc) from exc
    return _Binding(manifest, rp, chain.head, chain.count, [log] if log is not None else None)


_parsed_manifest: tuple[bytes, Any] | None = None  # the last manifest parsed, and its bytes


def _parse_manifest(manifest_bytes: bytes) -> Any:
    """``bundle.parse_manifest`` of ``manifest_bytes`` (strict JSON, schema, rules), the
    domain objects kept for the same bytes: the export binds to the manifest, then
    verifies what it wrote against it, and its schema check took 0.1 s at 300 dossiers.
    The objects are frozen; a refusal is not kept (the same bytes are refused again)."""
    global _parsed_manifest
    from jury_desk.core import bundle

    known = _parsed_manifest
    if known is not None and known[0] == manifest_bytes:
        return known[1]
    manifest = bundle.parse_manifest(bundle.parse_json(manifest_bytes, bundle.MANIFEST))
    _parsed_manifest = (bytes(manifest_bytes), manifest)
    return manifest


def replayed_state(desk: Desk, session_id: str) -> Any:
    """The session as the stored manifest bytes and the audit log alone rebuild it."""
    return _bind(desk, session_id).state()


def _check_manifest_signature(desk: Desk, session_id: str, manifest_bytes: bytes) -> None:
    """The stored manifest still verifies against the JWS kept at import (schema 2),
    with the key that was trusted then, when that key is still known here."""
    from jury_desk.core import bundle, keys, storage

    jws = desk.manifest_jws(session_id)
    if jws is None:  # imported before schema 2: nothing to check against
        return
    with storage.reading(desk.engine) as db:
        row = db.get(storage.SessionRow, session_id)
        assert row is not None
        kid, is_demo = row.trusted_kid, row.is_demo
    candidates = [bundle.demo_trust().jwk] if is_demo else []
    with contextlib.suppress(UserError, OSError, ValueError):
        candidates += keys.trusted_keys()
    known = [k for k in candidates if _kid_of(k) == kid]
    if not known:
        log.warning("export: the key %s that signed the manifest is no longer trusted here", kid)
        return
    try:
        crypto.verify_detached(jws, manifest_bytes, known)
    except crypto.JwsError as exc:
        raise _tampered("tamper.manifest_signature", nested(exc)) from exc
    if is_demo and hashlib.sha256(manifest_bytes).hexdigest() != bundle.demo_manifest_sha256():
        raise _tampered("tamper.demo_manifest", {})


def _kid_of(jwk: Mapping[str, Any]) -> str | None:
    try:
        return crypto.thumbprint(dict(jwk))
    except (KeyError, ValueError, TypeError):
        return None


def check_bound(
    desk: Desk, session_id: str, st: Any | None = None, binding: _Binding | None = None
) -> tuple[Any, _Binding]:
    """Refuse (UserError naming the first difference) when the database's session is
    not the one that the signed manifest and the audit log establish. Returns the
    replayed state and the binding; given an earlier ``binding``, only the entries
    appended since are replayed."""
    if binding is None:
        binding = _bind(desk, session_id)
    else:
        binding.advance(desk, session_id)
    expected = binding.state()
    st = st if st is not None else desk.state(session_id)
    diffs = replay.state_differences(st, expected)
    if diffs:
        raise _tampered(diffs[0].key, dict(diffs[0].params))
    return expected, binding


def _check_sentences(st: Any) -> None:
    """Justifications are sentences (CONTRACT section 4); verify refuses anything else."""
    texts = [
        (lau.dossier_id, lau.justification) for lau in st.laureates if lau.justification.strip()
    ]
    texts += list(st.departures.items())
    for did, text in texts:
        if len(text.strip()) < 20 or not any(c.isalpha() for c in text):
            raise UserError(
                "justification_not_sentence", params={"dossier": did, "text": text.strip()[:40]}
            )


def _check_document(
    doc: Mapping[str, Any], expected_state: Any, result_kwargs: dict[str, Any]
) -> tuple[bytes, Any]:
    """result.json about to be signed, against the one the replay gives; returns its
    bytes (what is signed and written) and what they parse to.

    Both are serialised the same way: equal bytes are equal documents, and only when
    they differ are both parsed to say where. The document to sign is still parsed
    strictly: what the contract's reader would refuse is never signed."""
    actual_bytes = _dump(doc)
    actual = strictjson.loads(
        actual_bytes, max_bytes=_LIMITS[RESULT], max_containers=MAX_RESULT_CONTAINERS
    )
    expected = result_document.result_document(readmodel.build(expected_state), **result_kwargs)
    # Compared in the compact form the C encoder writes (four times faster than the
    # indented one): equal texts of the same form are equal documents.
    if _compact(doc) != (expected_text := _compact(expected)):
        diffs = replay.document_differences(
            actual, strictjson.loads(expected_text.encode("utf-8"), max_bytes=_LIMITS[RESULT])
        )
        if diffs:
            first = {"inner": diffs[0].key, "inner_params": diffs[0].params}
            raise _tampered("tamper.result_json", first)
    return actual_bytes, actual


def _compact(doc: Any) -> str:
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


SIGNER_MAX = 120  # characters of the signer's name, and of their role


def signer_line(name: str, role: str = "") -> tuple[str, str]:
    """The signer as the minutes print them (the name and role typed in the GUI or given
    to ``export --signer/--signer-role``): trimmed, a name of 3 to :data:`SIGNER_MAX`
    characters, no control character in either. Refused otherwise, nothing changed."""
    name, role = " ".join(name.split()), " ".join(role.split())
    if not (3 <= len(name) <= SIGNER_MAX and len(role) <= SIGNER_MAX) or any(
        unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn") for ch in name + role
    ):
        raise UserError("signer", params={"max": SIGNER_MAX})
    return name, role


def default_signer(identity: crypto.SigningIdentity) -> str:
    """The name the minutes are signed in when no signer is given: the key's."""
    return pv.signer_name(identity)


def export_session(
    desk: Desk,
    session_id: str,
    out: Path,
    identity: crypto.SigningIdentity,
    *,
    accept_proposal: bool = False,
    progress: Progress | None = None,
    purge_due_on: date | None = None,
    signer: tuple[str, str] | None = None,
) -> ExportReport:
    """Close the deliberation and write the signed result bundle to ``out``.

    Raises :class:`~jury_desk.core.errors.ClosingBlocked` (listing every blocking item)
    when the deliberation cannot close, and :class:`UserError` when ``out`` cannot be
    written; in both cases no file is left. ``retention.purge_due_on`` records when the
    personal data of the session is due for purging: ``purge_due_on`` when given, else
    the export date plus the settings' ``purge_after_days``. ``signer`` is the name and
    role the secretary gave (kept in the settings), for the minutes' signature lines.
    """
    out = Path(out)
    total = len(STEPS)
    # A signer that would not print is refused before anything changes.
    signer = signer_line(*signer) if signer and signer[0].strip() else None

    def step(i: int) -> None:
        log.debug("export %s: %s", session_id, STEPS[i] if i < total else "fin")
        if progress is not None:
            progress(i, total)

    # The chain read once, as the bytes of audit.jsonl, each line parsed as verify parses
    # it; checked (refused as check_chain refuses), then bound: the bytes written are
    # those, and verify_written need not check them again (ReplayedAtExport).
    log_bytes, _ = desk.audit_jsonl(session_id)
    entries = _read_log(log_bytes)
    chain = audit.require_intact(entries)
    before = desk.state(session_id)
    binding = _bind(desk, session_id, entries, chain, log_bytes)
    del entries, log_bytes
    _, binding = check_bound(desk, session_id, before, binding)  # before anything changes
    _check_sentences(before)
    target = _Target(
        out,
        desk.db_path,
        session_id,
        was_open=not before.closed,
        audit_count=before.audit_count,
    )
    target.open(_estimate(desk, session_id))
    seq: int | None = None
    closed_here = False
    try:
        # The snapshot first: a full disk there leaves the deliberation as it was.
        step(0)
        snapshot = _take_snapshot(desk)
        step(1)
        was_closed = _is_closed(desk, session_id)
        # Nothing was written since ``before`` was read (the snapshot only reads): the
        # closing decides on it.
        desk.close_deliberation(session_id, accept_proposal=accept_proposal, state=before)
        closed_here = not was_closed
        step(2)
        # The file's name only: the audit log goes to headquarters, a local path
        # (with a user name in it) does not; the path stays in the local ledger.
        seq = desk.record_export(
            session_id,
            {"file": out.name, "signer_kid": identity.kid, "generator": f"jury_desk {__version__}"},
        )
        ds = desk.deliberation_state(session_id)
        st = ds.session
        generated_at = datetime.now().astimezone()
        name = pv.signer_name(identity)

        step(3)
        signer_name, signer_role = signer if signer else (name, "")
        replayed = binding.replayer.state
        minutes = pv.build_pv(
            ds,
            pv.PvContext(
                seq,
                st.audit_head,
                signer_name,
                identity.kid,
                generated_at,
                signer_role,
                value_authors=pv.value_authors(replayed.score_authors),
                sealed_sheets=len(replayed.sealed),
                sealed_changes=tuple(replayed.sealed_changes),
            ),
        )
        step(4)
        pdf = pv_signing.sign_pdf(minutes.pdf, identity, minutes.placement, location=st.info.venue)

        step(5)
        # What is signed is what the manifest and the audit log establish, nothing else:
        # the export's own entries folded in, and the log written is the one replayed.
        binding.advance(desk, session_id)
        if binding.head != st.audit_head or not _ends_with_export(binding.replayer.state, seq):
            raise RuntimeError("the audit log changed during the export")
        expected, _ = check_bound(desk, session_id, st, binding)
        audit_bytes = binding.audit_jsonl()
        audit_sha256 = hashlib.sha256(audit_bytes).hexdigest()
        doc_kwargs: dict[str, Any] = {
            "export_seq": seq,
            "signer": {"name": name, "kid": identity.kid, "jwk": identity.jwk},
            "files": {
                PV: {"bytes": len(pdf), "sha256": hashlib.sha256(pdf).hexdigest()},
                AUDIT: {
                    "bytes": len(audit_bytes),
                    "sha256": audit_sha256,
                },
            },
            "audit_head": st.audit_head,
            "generated_at": generated_at,
            "purge_due_on": purge_due_on
            if purge_due_on is not None
            else _purge_due_on(generated_at),
        }
        doc = result_document.result_document(ds, **doc_kwargs)
        result_bytes, parsed = _check_document(doc, expected, doc_kwargs)
        _exported_parse.clear()
        # The schema checks what is signed, as parsed back (as verify reads it).
        problems = _schema_problems_of(result_bytes, parsed) or (
            result_document.semantic_problems(doc)
        )
        if problems:  # our own output: a bug, never the user's input
            raise RuntimeError("result.json does not match its schema: " + "; ".join(problems))
        jws = crypto.sign_detached(identity.key, result_bytes).encode("ascii")

        step(STEP_WRITE)
        data = _zip(
            [(RESULT, result_bytes), (JWS, jws), (PV, pdf), (AUDIT, audit_bytes)], generated_at
        )
        target.commit(data)
    except BaseException as exc:
        target.release()
        problem = environment.describe(exc, desk.db_path)
        reason = problem.code if problem is not None else type(exc).__name__
        reopened = _record_failure(desk, session_id, seq, reason, reopen=closed_here)
        if reopened:
            target.discard()
        after = _after_failure(seq, closed_here, reopened)
        if isinstance(exc, OSError):
            raise UserError(
                "export_write", params={"path": out, "after": after, **_os_reason_params(exc)}
            ) from exc
        if problem is not None:
            raise problem.saying_after(after) from exc
        if isinstance(exc, UserError) and seq is None and not closed_here:
            raise  # refused before anything changed (closing blocked…)
        if isinstance(exc, Exception) and not isinstance(exc, UserError):
            raise ExportFailed(
                "export_failed", params={"error": type(exc).__name__, "after": after}
            ) from exc
        raise
    digest = hashlib.sha256(data).hexdigest()
    _remember_path(desk, session_id, seq, out, digest)
    step(total)
    log.info("export n° %s of %s written (%d bytes)", seq, session_id, len(data))
    result_sha256 = hashlib.sha256(result_bytes).hexdigest()
    _exported_parse[result_sha256] = parsed  # for verify_written, which takes it
    return ExportReport(
        out,
        seq,
        result_sha256,
        len(data),
        minutes.pages,
        st.audit_head,
        identity.kid,
        snapshot,
        digest,
        binding.count,
        audit_sha256,
    )


class ExportFailed(UserError):
    """An export failed on a bug: the deliberation is as it was, and it can be retried."""


def check_chain(desk: Desk, session_id: str) -> None:
    """Refuse to go on when the session's audit chain does not verify (edited database)."""
    desk.check_audit_chain(session_id)


def _after_failure(seq: int | None, closed_here: bool, reopened: bool) -> environment.After:
    """What the failed export left: said to the user after the cause (``after.<key>``)."""
    parts: list[tuple[str, tuple[tuple[str, object], ...]]] = []
    if seq is not None:
        parts.append(("failure_recorded", (("seq", seq),)))
    if closed_here and reopened:
        parts.append(("deliberation_open", ()))
    elif closed_here:
        parts.append(("deliberation_not_reopened", ()))
    parts.append(("export_retry", ()))
    return tuple(parts)


def _record_failure(
    desk: Desk, session_id: str, seq: int | None, reason: str, *, reopen: bool = False
) -> bool:
    """Undo what a failed export changed: record the failure of export n° ``seq`` (its
    number was taken) and reopen the deliberation if this export closed it, in one
    transaction. Returns whether the deliberation is open again (or was not closed here)."""
    if seq is None and not reopen:
        return True
    from jury_desk.core import storage

    try:
        with storage.transaction(desk.engine) as db:
            if seq is not None:
                audit.append(
                    db,
                    session_id,
                    "export.failed",
                    {"export_seq": seq, "reason": reason, "reopened": reopen},
                )
            if reopen:
                row = db.get(storage.DeliberationRow, session_id)
                if row is not None and row.closed_at:
                    row.closed_at = None
                    db.add(row)
                    why = f"l’export n° {seq} a échoué" if seq is not None else "l’export a échoué"
                    audit.append(
                        db,
                        session_id,
                        "deliberation.reopen",
                        {
                            "reason": f"Réouverture automatique : {why} ({reason}).",
                            "automatic": True,
                        },
                    )
    except Exception as exc:  # the original failure is what the user must see
        log.error("could not record the failed export n° %s (%s)", seq, type(exc).__name__)
        return False
    return True


def _remember_path(desk: Desk, session_id: str, seq: int, out: Path, sha256: str) -> None:
    """Keep where the export was written and its SHA-256, locally, for the purge."""
    try:
        ledger.record_written(desk.db_path, session_id, seq, out, sha256)
    except OSError:
        log.warning("could not record where export n° %s was written", seq)


# --------------------------------------------------------------------------- verifying


def _refusal_text(exc: BundleRefused) -> str:
    return exc.message.split(" — ", 1)[-1]


def _refusal_check(code: str, exc: BundleRefused) -> Check:
    """A failed check whose detail is a refused session bundle, without its prefix."""
    if exc.key in ("bundle_refused", "bundle_refused_entry"):
        return _worded(code, False, "refused." + exc.key, **exc.params)
    if exc.key is None:  # pragma: no cover - every refusal of a bundle has its key
        return Check(code, False, _refusal_text(exc))
    # The French without its prefix (« Paquet de session refusé — »); the key words it whole.
    return Check(code, False, _refusal_text(exc), "problem", tuple(nested(exc).items()))


# What each check is about (worded by ``messages.check_label``).
L_STRUCTURE = "structure"
L_JWS = "jws"
L_SCHEMA = "schema"
L_PV_HASH = "pv_hash"
L_AUDIT_HASH = "audit_hash"
L_CHAIN = "chain"
L_REPLAY = "replay"
L_MANIFEST = "manifest"
L_SEMANTIC = "semantic"
L_PDF_SIG = "pdf_signature"

MAX_AUDIT_LINE = audit.MAX_LINE

NOT_CHECKED_WITHOUT_BUNDLE = finding("verify.without_bundle")


@dataclass
class _Archive:
    fh: Any
    entries: dict[str, zipcheck.ExactEntry]
    result: bytes
    jws: bytes
    pv: bytes
    audit_sha256: str
    audit_bytes: int


def _read_archive(path: Path) -> tuple[_Archive | None, Check]:
    """Exact layout, then the bytes read on bounded streams: result.json, its JWS and
    the PV in memory (small, capped), audit.jsonl only hashed (it is parsed later, line
    by line, once its hash is known)."""
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed by the caller
    except OSError as exc:
        return None, _worded(L_STRUCTURE, False, "structure.unopenable", detail=exc.strerror)
    try:
        size = os.fstat(fh.fileno()).st_size
        entries = zipcheck.exact_layout(fh, size, ENTRIES, _LIMITS)

        def read(name: str) -> bytes:
            return b"".join(zipcheck.stream_exact(fh, entries[name], _LIMITS[name]))

        jws, result, pv = read(JWS), read(RESULT), read(PV)
        digest, n = hashlib.sha256(), 0
        for chunk in zipcheck.stream_exact(fh, entries[AUDIT], _LIMITS[AUDIT]):
            digest.update(chunk)
            n += len(chunk)
    except zipcheck.LayoutError as exc:
        fh.close()
        return None, _failed(L_STRUCTURE, exc)
    except OSError as exc:
        fh.close()
        return None, _worded(L_STRUCTURE, False, "structure.unreadable", detail=exc.strerror or exc)
    except BaseException:
        fh.close()
        raise
    archive = _Archive(fh, entries, result, jws, pv, digest.hexdigest(), n)
    return archive, _worded(L_STRUCTURE, True, "structure.ok")


def _audit_lines(archive: _Archive) -> Iterator[bytes]:
    """audit.jsonl line by line, each line at most MAX_AUDIT_LINE bytes."""
    pending = b""
    for chunk in zipcheck.stream_exact(archive.fh, archive.entries[AUDIT], _LIMITS[AUDIT]):
        pending += chunk
        *lines, pending = pending.split(b"\n")
        yield from lines
        if len(pending) > MAX_AUDIT_LINE:
            raise strictjson.StrictJsonError("audit_line_too_long", limit=MAX_AUDIT_LINE)
    if pending:
        yield pending


def jsonl_lines(data: bytes) -> list[bytes]:
    """The lines of audit.jsonl bytes, as :func:`_audit_lines` cuts them."""
    lines = data.split(b"\n")
    if lines and not lines[-1]:
        lines.pop()
    return lines


def log_entries(lines: Iterable[bytes]) -> Iterator[dict[str, Any]]:
    """audit.jsonl's entries, each line parsed as verify parses it: strictly, bounded,
    an object (:class:`~jury_desk.core.strictjson.StrictJsonError` otherwise)."""
    for line in lines:
        if not line.strip():
            raise strictjson.StrictJsonError("audit_line_empty")
        entry = strictjson.loads(
            line, max_bytes=MAX_AUDIT_LINE, max_containers=audit.MAX_CONTAINERS
        )
        if not isinstance(entry, dict):
            raise strictjson.StrictJsonError("audit_line_not_object")
        yield entry


def _read_log(data: bytes) -> list[dict[str, Any]]:
    """The session's audit.jsonl bytes as entries, refused as a broken chain (the
    database was edited outside jury_desk) when a line does not parse as verify parses
    it."""
    entries: list[dict[str, Any]] = []
    try:
        entries.extend(log_entries(jsonl_lines(data)))
    except strictjson.StrictJsonError as exc:
        seq = len(entries) + 1
        unreadable = (("seq", seq), ("inner", exc.key), ("inner_params", tuple(exc.params.items())))
        raise UserError(
            "audit_chain_broken",
            params={"seq": seq, "inner": "chain.unreadable", "inner_params": unreadable},
        ) from exc
    return entries


def verify_written(
    desk: Desk, session_id: str, report: ExportReport, identity: crypto.SigningIdentity
) -> VerifyReport:
    """Verify what an export has just written, trusting the key that signed it, and
    record in the audit log that this export was verified (which allows the purge)."""
    checked = _verify_result(
        report.path,
        [identity.jwk],
        manifest_bytes=desk.manifest_bytes(session_id),
        replayed_at_export=ReplayedAtExport(
            report.result_sha256,
            report.audit_sha256,
            report.audit_head,
            report.audit_count,
            _exported_parse.pop(report.result_sha256, None),
        ),
    )
    if checked.ok:
        from jury_desk.core import privacy

        privacy.mark_export_verified(
            desk,
            session_id,
            report.export_seq,
            path=Path(report.path.name),
            sha256=report.sha256 or None,
        )
    return checked


def session_bundle_manifest(path: Path) -> bytes:
    """``manifest.json`` of headquarters' own session bundle (its bytes, as signed)."""
    from jury_desk.core import bundle

    zf, fh, size = zipcheck.open_archive(Path(path))
    try:
        entries = zipcheck.inspect(zf, fh, size)
        if bundle.MANIFEST not in entries:
            raise zipcheck.refuse("missing_entry", bundle.MANIFEST, "bundle.missing_entry")
        return zipcheck.read_small(
            zf, entries[bundle.MANIFEST], zipcheck.Budget(), bundle.MAX_MANIFEST_BYTES
        )
    finally:
        zf.close()
        fh.close()


def verify_result(
    path: Path,
    trusted: Sequence[Mapping[str, Any]],
    *,
    session_bundle: Path | None = None,
    manifest_bytes: bytes | None = None,
) -> VerifyReport:
    """Check a result bundle; each check says in French what holds or what does not.

    In this order, nothing parsed before it is known to be bounded and signed: the exact
    archive layout and the entries' sizes; the JWS over the bytes of result.json; the
    SHA-256 of the PV and of audit.jsonl; then result.json, parsed strictly and checked
    against its schema; audit.jsonl, parsed line by line, its chain and its replay; the
    PDF signature. ``session_bundle`` (headquarters' own bundle) or ``manifest_bytes``
    gives the manifest against which result.json is recomputed whole.
    """
    return _verify_result(
        path, trusted, session_bundle=session_bundle, manifest_bytes=manifest_bytes
    )


def _verify_result(
    path: Path,
    trusted: Sequence[Mapping[str, Any]],
    *,
    session_bundle: Path | None = None,
    manifest_bytes: bytes | None = None,
    replayed_at_export: ReplayedAtExport | None = None,
) -> VerifyReport:
    """:func:`verify_result`, given what the export that wrote ``path`` replayed (see
    :class:`ReplayedAtExport`): only :func:`verify_written` knows it, from that export's
    report in the same process."""
    path = Path(path)
    trusted_list = [dict(k) for k in trusted]
    archive, structure = _read_archive(path)
    checks = [structure]
    if archive is None:
        return VerifyReport(False, checks)
    try:
        return _verify(
            archive, checks, trusted_list, session_bundle, manifest_bytes, replayed_at_export
        )
    finally:
        archive.fh.close()


def _verify(
    archive: _Archive,
    checks: list[Check],
    trusted: list[dict[str, Any]],
    session_bundle: Path | None,
    manifest_bytes: bytes | None,
    replayed_at_export: ReplayedAtExport | None = None,
) -> VerifyReport:
    warnings: list[Finding] = []
    not_checked: list[Finding] = []
    pv_digest = hashlib.sha256(archive.pv).hexdigest()

    # 1. The JWS over the exact bytes of result.json: nothing unsigned is parsed.
    signer_jwk: dict[str, Any] | None = None
    try:
        signer_jwk = crypto.verify_detached(archive.jws.decode("ascii"), archive.result, trusted)
    except UnicodeDecodeError:
        checks.append(_worded(L_JWS, False, "jws.not_ascii"))
    except crypto.JwsError as exc:
        checks.append(_failed(L_JWS, exc))

    def pdf_check() -> None:
        pdf = pv_signing.validate_pdf(archive.pv, trusted, signer_jwk)
        checks.append(Check(L_PDF_SIG, pdf.ok, pdf.detail, pdf.key, pdf.params))

    if signer_jwk is None:
        pdf_check()
        not_checked.append(finding("verify.result_not_read"))
        return VerifyReport(False, checks, not_checked_findings=not_checked)
    kid = crypto.thumbprint(signer_jwk)

    # 2. result.json, strictly (as the export that wrote these very bytes parsed them).
    # What the export established holds only for the result.json it wrote.
    proof = replayed_at_export
    if proof is not None and proof.result_sha256 != hashlib.sha256(archive.result).hexdigest():
        proof = None
    try:
        if proof is not None and proof.result_doc is not None:
            doc = proof.result_doc
        else:
            doc = strictjson.loads(
                archive.result, max_bytes=_LIMITS[RESULT], max_containers=MAX_RESULT_CONTAINERS
            )
    except strictjson.StrictJsonError as exc:
        checks.append(_worded(L_JWS, True, "jws.ok", kid=kid))
        checks.append(_failed(L_SCHEMA, exc, "result_not_strict"))
        pdf_check()
        return VerifyReport(False, checks)
    checks.append(_signer_check(doc, kid))
    problems = _schema_findings_of(archive.result, doc)
    if problems:
        checks.append(_worded(L_SCHEMA, False, "findings", inners=tuple(problems)))
        pdf_check()
        return VerifyReport(False, checks)
    checks.append(_worded(L_SCHEMA, True, "schema.ok", seq=doc["export_seq"]))
    files = doc["files"]
    for label, name, size, digest in (
        (L_PV_HASH, PV, len(archive.pv), pv_digest),
        (L_AUDIT_HASH, AUDIT, archive.audit_bytes, archive.audit_sha256),
    ):
        meta = files[name]
        if meta["bytes"] != size:
            checks.append(_worded(label, False, "hash.size", size=size, announced=meta["bytes"]))
        elif meta["sha256"] != digest:
            checks.append(_worded(label, False, "hash.differs"))
        else:
            checks.append(_worded(label, True, "hash.ok", size=size, digest=digest[:16]))

    # 3. The manifest, when headquarters gives its own bundle.
    manifest = None
    if session_bundle is not None:
        try:
            manifest_bytes = session_bundle_manifest(session_bundle)
        except BundleRefused as exc:
            checks.append(_refusal_check(L_MANIFEST, exc))
            manifest_bytes = None
    if manifest_bytes is not None:
        manifest = _manifest_check(doc, manifest_bytes, checks)
    elif session_bundle is None:
        not_checked.append(NOT_CHECKED_WITHOUT_BUNDLE)

    # 4. audit.jsonl: chain, ends, replay.
    replay_result = _check_audit(archive, doc, manifest, manifest_bytes, checks, proof)

    # 5. What the document says, against itself and against the replay.
    if replay_result is not None:
        checks.append(replay_result)
    semantic = result_document.semantic_findings(doc) + verify_semantic_findings(doc)
    checks.append(
        _worded(L_SEMANTIC, False, "findings", inners=tuple(semantic[:5]))
        if semantic
        else _worded(L_SEMANTIC, True, "semantic.ok")
    )
    pdf_check()
    if doc.get("demonstration"):
        warnings.append(finding("verify.demonstration"))
    if doc["export_seq"] > 1:
        seq = doc["export_seq"]
        warnings.append(finding("verify.exported_before", seq=seq, before=seq - 1))
    ok = all(c.ok for c in checks)
    return VerifyReport(
        ok,
        checks,
        doc["export_seq"],
        doc["session_id"],
        warning_findings=warnings,
        not_checked_findings=not_checked,
    )


def _signer_check(doc: Any, kid: str) -> Check:
    signer = doc.get("signer") if isinstance(doc, dict) else None
    declared = signer.get("kid") if isinstance(signer, dict) else None
    declared_jwk = signer.get("jwk") if isinstance(signer, dict) else None
    try:
        declared_jwk_kid = (
            crypto.thumbprint(declared_jwk) if isinstance(declared_jwk, dict) else None
        )
    except (KeyError, ValueError, TypeError):
        declared_jwk_kid = None
    if declared is not None and declared != kid:
        return _worded(L_JWS, False, "jws.declared_kid", declared=declared, kid=kid)
    if declared_jwk_kid != kid:
        return _worded(L_JWS, False, "jws.declared_jwk", kid=kid)
    return _worded(L_JWS, True, "jws.ok", kid=kid)


def _manifest_check(doc: Any, manifest_bytes: bytes, checks: list[Check]) -> Any:

    digest = hashlib.sha256(manifest_bytes).hexdigest()
    if digest != doc["source_manifest_sha256"]:
        checks.append(
            _worded(
                L_MANIFEST,
                False,
                "manifest.other_bundle",
                digest=digest[:16],
                declared=doc["source_manifest_sha256"][:16],
            )
        )
        return None
    try:
        manifest = _parse_manifest(manifest_bytes)
    except BundleRefused as exc:
        checks.append(_refusal_check(L_MANIFEST, exc))
        return None
    if manifest.session.id != doc["session_id"]:
        checks.append(_worded(L_MANIFEST, False, "manifest.other_session"))
        return None
    checks.append(_worded(L_MANIFEST, True, "manifest.ok", digest=digest[:16]))
    return manifest


def _known_ids(doc: Mapping[str, Any]) -> replay.Known:
    criteria: set[str] = set()
    for r in doc["results"]:
        criteria.update(r["criteria_means"])
    return replay.Known(
        frozenset(a["juror_id"] for a in doc["attendance"]),
        frozenset(r["dossier_id"] for r in doc["results"]),
        frozenset(criteria),
    )


def _check_audit(
    archive: _Archive,
    doc: Mapping[str, Any],
    manifest: Any,
    manifest_bytes: bytes | None,
    checks: list[Check],
    proof: ReplayedAtExport | None = None,
) -> Check | None:
    """The audit log's chain and replay; ``proof``, what the export that wrote this very
    result.json established (checked against it by the caller)."""
    if (
        proof is not None
        and manifest is not None
        and proof.audit_sha256 == archive.audit_sha256
        and proof.audit_head == doc["audit_head"]
    ):
        # audit.jsonl is, byte for byte, the log that the export which wrote this file
        # parsed as below, checked and replayed into this very result.json.
        checks.append(
            _chain_ok("chain.ok_at_export", proof.audit_count, doc["export_seq"], proof.audit_head)
        )
        return _worded(L_REPLAY, True, "replay.ok_at_export")
    if manifest is not None:
        replayer = replay.Replayer(manifest_bytes, manifest)
    else:
        replayer = replay.Replayer(
            None, None, known=_known_ids(doc), manifest_sha256=doc["source_manifest_sha256"]
        )
    replay_error: list[replay.ReplayError] = []

    def entries() -> Iterator[dict[str, Any]]:
        for entry in log_entries(_audit_lines(archive)):
            if not replay_error:
                try:
                    replayer.feed(entry)
                except replay.ReplayError as exc:
                    replay_error.append(exc)
            yield entry

    try:
        chain = audit.verify_chain(entries())
    except (strictjson.StrictJsonError, zipcheck.LayoutError) as exc:
        checks.append(_failed(L_CHAIN, exc, "audit_unreadable"))
        return None
    broken = _chain_problem(chain, doc["audit_head"])
    if broken is not None:
        checks.append(broken)
        return None
    if replay_error and replay_error[0].seq == 1:
        checks.append(_failed(L_CHAIN, replay_error[0]))
        return None
    rp = replayer.state
    if not _ends_with_export(rp, doc["export_seq"]):
        checks.append(_worded(L_CHAIN, False, "chain.no_export", seq=doc["export_seq"]))
        return None
    checks.append(_chain_ok("chain.ok", chain.count, doc["export_seq"], chain.head))
    if replay_error:
        return _failed(L_REPLAY, replay_error[0])
    if manifest is not None:
        expected = _expected_document(manifest, rp, doc, chain.count)
        # Serialised as result.json is: the same bytes are the same document, and
        # only a document that differs is parsed to say where.
        diffs = (
            []
            if expected == archive.result
            else replay.document_differences(
                doc, strictjson.loads(expected, max_bytes=_LIMITS[RESULT])
            )
        )
    else:
        diffs = _record_differences(doc, rp)
    if diffs:
        inners = tuple((d.key, d.params) for d in diffs[:3])
        return _worded(L_REPLAY, False, "replay.differs", inners=inners)
    return _worded(
        L_REPLAY, True, "replay.ok_whole" if manifest is not None else "replay.ok_records"
    )


def _chain_ok(key: str, count: int, seq: object, head: str) -> Check:
    """The chain holds: ``count`` entries up to export n° ``seq``, ending at ``head``."""
    return _worded(L_CHAIN, True, key, count=count, seq=seq, head=head[:16])


def _ends_with_export(replayed: replay.Replayed, seq: object) -> bool:
    """The replayed chain's last entry is export n° ``seq``."""
    return replayed.last_action == replay.EXPORT and replayed.last_data.get("export_seq") == seq


def _chain_problem(chain: audit.ChainCheck, head: object) -> Check | None:
    """The chain's failure, or None when it holds and ends at ``head``."""
    if not chain.ok:
        return _worded(
            L_CHAIN,
            False,
            "chain.broken",
            seq=chain.broken_seq,
            inner=chain.problem_key,
            inner_params=chain.problem_params,
        )
    if chain.head != head:
        return _worded(L_CHAIN, False, "chain.head", head=chain.head[:16], declared=str(head)[:16])
    return None


def _expected_document(
    manifest: Any, rp: replay.Replayed, doc: Mapping[str, Any], count: int
) -> bytes:
    """result.json as the manifest and the replayed audit log give it, serialised."""
    state = replay.session_state(manifest, rp, audit_head=doc["audit_head"], audit_count=count)
    retention = doc.get("retention")
    expected = result_document.result_document(
        readmodel.build(state),
        export_seq=rp.export_seq,
        signer=doc["signer"],
        files=doc["files"],
        audit_head=doc["audit_head"],
        generated_at=datetime.fromisoformat(doc["generated_at"]),
        purge_due_on=date.fromisoformat(retention["purge_due_on"]) if retention else None,
    )
    expected["generator"] = doc["generator"]
    expected["generated_at"] = doc["generated_at"]
    return _dump(expected)


def _dump(doc: Any) -> bytes:
    """``json.dumps(doc, ensure_ascii=False, indent=2)`` in UTF-8 and a newline: the
    bytes of result.json. The standard library's C encoder does not indent, and its
    Python one took 70 ms per document at 300 dossiers x 15 jurors (the export
    serialises two, verify one): :func:`_indented` writes the same text in less than
    half of that, and anything it does not know goes the standard way."""
    try:
        text = _indented(doc)
    except (_Unusual, RecursionError):  # RecursionError: circular, or deeper than json goes
        text = json.dumps(doc, ensure_ascii=False, indent=2)
    return text.encode("utf-8") + b"\n"


class _Unusual(Exception):
    """A value :func:`_indented` leaves to :func:`json.dumps` (which also says what is
    wrong with it)."""


_encode_str = json.encoder.encode_basestring  # ensure_ascii=False


def _scalar_text(o: Any) -> str:
    """What :func:`json.dumps` writes for a plain value (subclasses included)."""
    if isinstance(o, str):
        return _encode_str(o)
    if o is None:
        return "null"
    if o is True:
        return "true"
    if o is False:
        return "false"
    if isinstance(o, int):
        return int.__repr__(o)
    if isinstance(o, float):
        if o != o:
            return "NaN"
        if o in (float("inf"), float("-inf")):
            return "Infinity" if o > 0 else "-Infinity"
        return float.__repr__(o)
    raise _Unusual


def _key_text(k: Any) -> str:
    if isinstance(k, str):
        return _encode_str(k)
    raise _Unusual  # json turns numbers and constants into names: left to it


def _indented(doc: Any) -> str:
    """The text of ``json.dumps(doc, ensure_ascii=False, indent=2)``, for documents of
    dicts with string keys, lists, tuples and plain values (:class:`_Unusual`
    otherwise). A dict of plain strings, integers and constants (a score, a
    comment…: most of result.json) is written in one join."""
    out: list[str] = []
    put = out.append
    enc = _encode_str

    def flat(o: dict[Any, Any], inner: str, nl: str) -> bool:
        parts = []
        for k, v in o.items():
            if type(k) is not str:
                return False
            tv = type(v)
            if tv is str:
                parts.append(enc(k) + ": " + enc(v))
            elif tv is int:
                parts.append(enc(k) + ": " + int.__repr__(v))
            elif v is None:
                parts.append(enc(k) + ": null")
            elif v is True:
                parts.append(enc(k) + ": true")
            elif v is False:
                parts.append(enc(k) + ": false")
            else:
                return False
        put("{" + inner + ("," + inner).join(parts) + nl + "}")
        return True

    def walk(o: Any, nl: str) -> None:
        t = type(o)
        if t is str:
            put(enc(o))
        elif isinstance(o, dict):
            if not o:
                put("{}")
                return
            inner = nl + "  "
            if t is dict and flat(o, inner, nl):
                return
            opening = "{"
            for k, v in o.items():
                put(opening + inner + _key_text(k) + ": ")
                opening = ","
                walk(v, inner)
            put(nl + "}")
        elif isinstance(o, (list, tuple)):
            if not o:
                put("[]")
                return
            inner = nl + "  "
            opening = "["
            for v in o:
                put(opening + inner)
                opening = ","
                walk(v, inner)
            put(nl + "]")
        else:
            put(_scalar_text(o))

    walk(doc, "\n")
    return "".join(out)


def _record_differences(doc: Mapping[str, Any], rp: replay.Replayed) -> list[replay.Difference]:
    """Without the manifest: the record (not the computation) against the replay."""
    from jury_desk.core.domain import to_fraction

    out: list[replay.Difference] = []

    def differ(what: str, mine: Any, theirs: Any, **ids: object) -> None:
        if mine != theirs and len(out) < 5:
            params = {"mine": repr(mine), "theirs": repr(theirs), **ids}
            out.append(replay.Difference("diff.record." + what, tuple(params.items())))

    differ(
        "absent",
        sorted(a["juror_id"] for a in doc["attendance"] if not a["present"]),
        sorted(rp.absent),
    )
    differ(
        "present_count",
        doc["deliberation"]["present"],
        len(doc["attendance"]) - len(rp.absent),
    )
    differ(
        "recusals",
        sorted(
            (r["juror_id"], r["dossier_id"], r["kind"], r["reason"])
            for r in doc["recusals"]
            if r["source"] == "session"
        ),
        sorted((j, d, k, reason) for (j, d), (k, reason) in rp.recusals.items()),
    )
    mine = {(s["dossier_id"], s["juror_id"], s["criterion_id"]): s["value"] for s in doc["scores"]}
    for key in sorted(set(mine) | set(rp.scores)):
        a = mine.get(key)
        b = rp.scores.get(key)
        if a is None or b is None or to_fraction(a) != b:
            b_text = None if b is None else decimal_text(b)
            differ("score", a, b_text, score=" / ".join(key))
    differ(
        "comments",
        sorted((c["dossier_id"], c["juror_id"], c["text"]) for c in doc["comments"]),
        sorted((d, j, t.strip()) for (d, j), t in rp.comments.items() if t.strip()),
    )
    differ(
        "opinions",
        sorted((o["dossier_id"], o["text"]) for o in doc["opinions"]),
        sorted((d, t.strip()) for d, t in rp.opinions.items() if t.strip()),
    )
    differ(
        "hearings",
        sorted(
            (h["dossier_id"], h["started_at"], h["presentation_s"], h["questions_s"])
            for h in doc["hearings"]
        ),
        sorted(
            (
                d,
                h.started_at,
                h.presentation_s if h.started_at else None,
                h.questions_s if h.started_at else None,
            )
            for d, h in rp.hearings.items()
        ),
    )
    differ("notes", doc["deliberation"]["notes"], rp.notes)
    differ("opened", doc["deliberation"]["opened_at"], rp.opened_at)
    differ("closed", doc["deliberation"]["closed_at"], rp.closed_at)
    differ(
        "laureates",
        sorted(
            (x["dossier_id"], x["amount_cents"], x["justification"] or "")
            for x in doc["proposed_laureates"]
        ),
        sorted(
            (x.dossier_id, x.amount_cents, x.justification.strip()) for x in rp.laureates.values()
        ),
    )
    differ("export_seq", doc["export_seq"], rp.export_seq)
    return out


def _is_sentence(text: Any) -> bool:
    """CONTRACT section 4: at least 20 characters, letters among them."""
    return isinstance(text, str) and len(text.strip()) >= 20 and any(c.isalpha() for c in text)


def verify_semantic_findings(doc: Mapping[str, Any]) -> list[Finding]:
    """What a key holder could write that contradicts the rules or itself, as codes."""
    problems: list[Finding] = []
    results = {r["dossier_id"]: r for r in doc["results"]}
    default = {e["dossier_id"]: e["amount_cents"] for e in doc["default_proposal"]}
    for lau in doc["proposed_laureates"]:
        did = lau["dossier_id"]
        r = results.get(did)
        justification = lau.get("justification")
        departs = default.get(did) != lau["amount_cents"]
        if departs and not _is_sentence(justification):
            problems.append(finding("semantic.departure_not_sentence", dossier=did))
        if r is not None and not r["eligible"] and not _is_sentence(justification):
            problems.append(finding("semantic.ineligible_unjustified", dossier=did))
    for d in doc["departures"]:
        if not _is_sentence(d["justification"]):
            problems.append(finding("semantic.removal_not_sentence", dossier=d["dossier_id"]))
    present = sum(1 for a in doc["attendance"] if a["present"])
    delib = doc["deliberation"]
    if delib["present"] != present:
        problems.append(
            finding("semantic.present_count", declared=delib["present"], counted=present)
        )
    if delib["quorum_met"] and present == 0:
        problems.append(finding("semantic.quorum_nobody"))
    if doc["proposed_laureates"] and not delib["quorum_met"]:
        problems.append(finding("semantic.laureates_without_quorum"))
    valid = [r for r in doc["results"] if r["valid"]]
    for r in doc["results"]:
        if r["eligible"] and not r["valid"]:
            problems.append(finding("semantic.eligible_not_valid", dossier=r["dossier_id"]))
    for r in valid:
        better = sum(1 for o in valid if o["score"] > r["score"])
        not_worse = sum(1 for o in valid if o["score"] >= r["score"])
        if r["rank"] is None or not better + 1 <= r["rank"] <= not_worse:
            problems.append(finding("semantic.rank_contradicts_score", dossier=r["dossier_id"]))
            break
    return problems


def verify_semantics(doc: Mapping[str, Any]) -> list[str]:
    """The same in French."""
    return [messages.error_text(k, dict(p)) for k, p in verify_semantic_findings(doc)]
