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
import logging
import os
import uuid
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema

from jury_desk import __version__
from jury_desk.core import audit, crypto, deliberation, fmt, report, reporting, resources, zipcheck
from jury_desk.core.errors import BundleRefused, UserError
from jury_desk.core.fsutil import fsync_dir

if TYPE_CHECKING:
    from jury_desk.core.services import Desk

log = logging.getLogger(__name__)

RESULT = reporting.RESULT_NAME
JWS = reporting.JWS_NAME
PV = reporting.PV_NAME
AUDIT = reporting.AUDIT_NAME
ENTRIES = (RESULT, JWS, PV, AUDIT)
SCHEMA = "result.schema.json"

Progress = Callable[[int, int], None]  # (steps done, steps in all)

STEPS = (
    "Clôture de la délibération",
    "Instantané de la base",
    "Inscription de l’export au journal d’audit",
    "Mise en page du procès-verbal",
    "Signature du procès-verbal",
    "result.json et sa signature",
    "Écriture de l’archive",
)
STEP_WRITE = len(STEPS) - 1

_LIMITS = {RESULT: 256 * 1024**2, JWS: 64 * 1024, PV: 1024**3, AUDIT: 2 * 1024**3}


@dataclass(frozen=True, slots=True)
class ExportReport:
    path: Path
    export_seq: int
    result_sha256: str  # of result.json
    zip_bytes: int
    pv_pages: int
    audit_head: str
    signer_kid: str
    snapshot: Any = None  # what take_snapshot returned, when a snapshot was taken


@dataclass(frozen=True, slots=True)
class Check:
    label: str
    ok: bool
    detail: str = ""


@dataclass(frozen=True, slots=True)
class VerifyReport:
    ok: bool
    checks: list[Check] = field(default_factory=list)
    export_seq: int | None = None
    session_id: str | None = None

    def failed(self) -> list[Check]:
        return [c for c in self.checks if not c.ok]


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


def schema_problems(doc: Any) -> list[str]:
    """Schema violations of a result.json (then the rules a schema cannot say), in French."""
    problems = []
    for err in sorted(_validator().iter_errors(doc), key=lambda e: list(e.absolute_path)):
        where = "".join(
            f"[{p}]" if isinstance(p, int) else f".{p}" for p in err.absolute_path
        ).lstrip(".")
        problems.append(f"en « {where or '(racine)'} » : {err.message}")
        if len(problems) >= 5:
            break
    if problems or not isinstance(doc, dict):
        return problems
    return reporting.semantic_problems(doc)


# --------------------------------------------------------------------------- writing


def _os_reason(exc: OSError) -> str:
    reasons = {
        errno.ENOSPC: "le disque est plein",
        errno.EDQUOT: "le quota d’espace disque est atteint",
        errno.EFBIG: "la taille maximale de fichier est atteinte",
        errno.EROFS: "le dossier est en lecture seule",
        errno.EACCES: "accès refusé (droits insuffisants)",
        errno.EPERM: "opération non permise (droits insuffisants)",
        errno.ENOENT: "le dossier n’existe pas",
        errno.ENOTDIR: "un élément du chemin n’est pas un dossier",
        errno.EISDIR: "le nom désigne un dossier",
        errno.ENAMETOOLONG: "le nom est trop long",
        errno.EIO: "erreur d’entrée-sortie du support",
    }
    return reasons.get(exc.errno or 0, exc.strerror or type(exc).__name__)


class _Target:
    """The temporary file of an export, in the target folder, removed unless committed."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.folder = out.parent
        self.tmp = self.folder / f".{out.name}.{uuid.uuid4().hex[:12]}.part"
        self.fd: int | None = None

    def open(self, reserve: int) -> None:
        if self.out.is_dir():
            raise UserError(
                "export_target",
                f"Export impossible : « {self.out} » est un dossier ; "
                "donnez un nom de fichier .zip.",
            )
        try:
            self.fd = os.open(
                self.tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644
            )
        except OSError as exc:
            raise UserError(
                "export_target",
                f"Export impossible : le dossier « {self.folder} » ne peut pas "
                f"recevoir le fichier ({_os_reason(exc)}). Rien n’a été modifié.",
            ) from exc
        try:
            self._reserve(reserve)
        except OSError as exc:
            self.discard()
            raise UserError(
                "export_space",
                f"Export impossible dans « {self.folder} » : {_os_reason(exc)} "
                f"(il faut environ {fmt.number(reserve / 1e6, 1)} Mo). "
                "Rien n’a été modifié.",
            ) from exc

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
        os.replace(self.tmp, self.out)
        fsync_dir(self.folder)

    def discard(self) -> None:
        if self.fd is not None:
            with contextlib.suppress(OSError):
                os.close(self.fd)
            self.fd = None
        try:
            self.tmp.unlink(missing_ok=True)
        except OSError:
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


def export_session(
    desk: Desk,
    session_id: str,
    out: Path,
    identity: crypto.SigningIdentity,
    *,
    accept_proposal: bool = False,
    progress: Progress | None = None,
    purge_due_on: date | None = None,
) -> ExportReport:
    """Close the deliberation and write the signed result bundle to ``out``.

    Raises :class:`~jury_desk.core.errors.ClosingBlocked` (listing every blocking item)
    when the deliberation cannot close, and :class:`UserError` when ``out`` cannot be
    written; in both cases no file is left. ``retention.purge_due_on`` records when the
    personal data of the session is due for purging: ``purge_due_on`` when given, else
    the export date plus the settings' ``purge_after_days``.
    """
    out = Path(out)
    total = len(STEPS)

    def step(i: int) -> None:
        log.debug("export %s: %s", session_id, STEPS[i] if i < total else "fin")
        if progress is not None:
            progress(i, total)

    target = _Target(out)
    target.open(_estimate(desk, session_id))
    seq: int | None = None
    try:
        step(0)
        desk.close_deliberation(session_id, accept_proposal=accept_proposal)
        step(1)
        snapshot = _take_snapshot(desk)
        step(2)
        # The file's name only: the audit log goes to headquarters, a local path
        # (with a user name in it) does not; the path stays in the local ledger.
        seq = desk.record_export(
            session_id,
            {"file": out.name, "signer_kid": identity.kid, "generator": f"jury_desk {__version__}"},
        )
        st = desk.state(session_id)
        result = deliberation.compute(st.deliberation_input())
        generated_at = datetime.now().astimezone()
        name = report.signer_name(identity)

        step(3)
        pv = report.build_pv(
            st, result, report.PvContext(seq, st.audit_head, name, identity.kid, generated_at)
        )
        step(4)
        pdf = report.sign_pdf(pv.pdf, identity, pv.placement, location=st.info.venue)

        step(5)
        audit_bytes, audit_last = desk.audit_jsonl(session_id)
        if audit_last != st.audit_head:
            raise RuntimeError("the audit log changed during the export")
        doc = reporting.result_document(
            st,
            result,
            export_seq=seq,
            signer={"name": name, "kid": identity.kid, "jwk": identity.jwk},
            files={
                PV: {"bytes": len(pdf), "sha256": hashlib.sha256(pdf).hexdigest()},
                AUDIT: {
                    "bytes": len(audit_bytes),
                    "sha256": hashlib.sha256(audit_bytes).hexdigest(),
                },
            },
            audit_head=st.audit_head,
            generated_at=generated_at,
            purge_due_on=purge_due_on if purge_due_on is not None else _purge_due_on(generated_at),
        )
        problems = schema_problems(doc)
        if problems:  # our own output: a bug, never the user's input
            raise RuntimeError("result.json does not match its schema: " + "; ".join(problems))
        result_bytes = json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
        jws = crypto.sign_detached(identity.key, result_bytes).encode("ascii")

        step(STEP_WRITE)
        data = _zip(
            [(RESULT, result_bytes), (JWS, jws), (PV, pdf), (AUDIT, audit_bytes)], generated_at
        )
        target.commit(data)
    except OSError as exc:
        target.discard()
        recorded = (
            (
                f" L’export n° {seq} est inscrit au journal d’audit sans fichier : relancez l’export, "
                f"il portera le n° {seq + 1}."
            )
            if seq is not None
            else ""
        )
        _record_failure(desk, session_id, seq, _os_reason(exc))
        raise UserError(
            "export_write",
            f"Export impossible : le fichier « {out} » n’a pas pu être écrit "
            f"({_os_reason(exc)}). Aucun fichier n’a été laissé.{recorded}",
        ) from exc
    except BaseException as exc:
        target.discard()
        _record_failure(desk, session_id, seq, type(exc).__name__)
        raise
    _remember_path(desk, session_id, seq, out)
    step(total)
    log.info("export n° %s of %s written to %s (%d bytes)", seq, session_id, out, len(data))
    return ExportReport(
        out,
        seq,
        hashlib.sha256(result_bytes).hexdigest(),
        len(data),
        pv.pages,
        st.audit_head,
        identity.kid,
        snapshot,
    )


def _record_failure(desk: Desk, session_id: str, seq: int | None, reason: str) -> None:
    """An export number was taken but no file was written: say so in the audit log."""
    if seq is None:
        return
    from jury_desk.core import storage

    try:
        with storage.transaction(desk.engine) as db:
            audit.append(db, session_id, "export.failed", {"export_seq": seq, "reason": reason})
    except Exception:  # the original failure is what the user must see
        log.exception("could not record the failed export n° %s", seq)


def _remember_path(desk: Desk, session_id: str, seq: int, out: Path) -> None:
    """Keep where the export was written, locally, so that the purge can remove it."""
    from jury_desk.core import paths

    line = (
        json.dumps(
            {"session_id": session_id, "export_seq": seq, "path": str(out.absolute())},
            ensure_ascii=False,
        )
        + "\n"
    )
    try:
        with open(paths.exports_ledger(desk.db_path), "a", encoding="utf-8") as fh:
            fh.write(line)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError:
        log.warning("could not record where export n° %s was written", seq)


# --------------------------------------------------------------------------- verifying


L_STRUCTURE = "Structure de l’archive"
L_JWS = "Signature JWS de result.json"
L_SCHEMA = "Conformité de result.json au schéma"
L_PV_HASH = "Empreinte de proces-verbal.pdf"
L_AUDIT_HASH = "Empreinte de audit.jsonl"
L_CHAIN = "Chaîne du journal d’audit"
L_PDF_SIG = "Signature PAdES du procès-verbal"


def _refusal_text(exc: BundleRefused) -> str:
    return exc.message.split(" — ", 1)[-1]


def _read_archive(path: Path) -> tuple[dict[str, bytes] | None, Check]:
    try:
        zf, fh, size = zipcheck.open_archive(path)
    except BundleRefused as exc:
        text = exc.message.replace("Paquet de session refusé — ", "")
        return None, Check(L_STRUCTURE, False, text)
    try:
        try:
            entries = zipcheck.inspect(zf, fh, size)
        except BundleRefused as exc:
            return None, Check(L_STRUCTURE, False, _refusal_text(exc))
        names = set(entries)
        extra = sorted(names - set(ENTRIES))
        missing = [n for n in ENTRIES if n not in names]
        if extra or missing:
            parts = []
            if extra:
                parts.append("entrée(s) en trop : " + ", ".join(f"« {n} »" for n in extra))
            if missing:
                parts.append("entrée(s) manquante(s) : " + ", ".join(f"« {n} »" for n in missing))
            return None, Check(
                L_STRUCTURE,
                False,
                " ; ".join(parts) + " (exactement result.json, "
                "result.json.jws, proces-verbal.pdf et audit.jsonl sont attendus)",
            )
        budget = zipcheck.Budget()
        files = {}
        try:
            for name in ENTRIES:
                files[name] = zipcheck.read_small(zf, entries[name], budget, _LIMITS[name])
        except BundleRefused as exc:
            return None, Check(L_STRUCTURE, False, _refusal_text(exc))
        return files, Check(L_STRUCTURE, True, "exactement les quatre entrées attendues")
    finally:
        zf.close()
        fh.close()


def verify_written(
    desk: Desk, session_id: str, report: ExportReport, identity: crypto.SigningIdentity
) -> VerifyReport:
    """Verify what an export has just written, trusting the key that signed it, and
    record in the audit log that this export was verified (which allows the purge)."""
    checked = verify_result(report.path, [identity.jwk])
    if checked.ok:
        from jury_desk.core import privacy

        privacy.mark_export_verified(
            desk, session_id, report.export_seq, path=Path(report.path.name)
        )
    return checked


def verify_result(path: Path, trusted: Sequence[Mapping[str, Any]]) -> VerifyReport:
    """Check a result bundle; each check says in French what holds or what does not."""
    path = Path(path)
    trusted_list = [dict(k) for k in trusted]
    files, structure = _read_archive(path)
    checks = [structure]
    if files is None:
        return VerifyReport(False, checks)

    result_bytes = files[RESULT]
    doc: Any = None
    doc_error = ""
    try:
        doc = json.loads(result_bytes.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        doc_error = f"result.json n’est pas du JSON UTF-8 valide ({exc})"

    # The JWS over result.json.
    signer_jwk: dict[str, Any] | None = None
    try:
        jws_text = files[JWS].decode("ascii")
        signer_jwk = crypto.verify_detached(jws_text, result_bytes, trusted_list)
        kid = crypto.thumbprint(signer_jwk)
        signer = doc.get("signer", {}) if isinstance(doc, dict) else {}
        declared = signer.get("kid") if isinstance(signer, dict) else None
        declared_jwk = signer.get("jwk") if isinstance(signer, dict) else None
        try:
            declared_jwk_kid = (
                crypto.thumbprint(declared_jwk) if isinstance(declared_jwk, dict) else None
            )
        except (KeyError, ValueError):
            declared_jwk_kid = None
        if declared is not None and declared != kid:
            checks.append(
                Check(
                    L_JWS,
                    False,
                    f"result.json annonce la clé {declared} mais la signature est "
                    f"celle de la clé {kid}",
                )
            )
        elif declared_jwk_kid != kid:
            checks.append(
                Check(
                    L_JWS,
                    False,
                    "la clé publique donnée dans signer.jwk n’est pas celle "
                    f"qui a signé (clé {kid})",
                )
            )
        else:
            checks.append(Check(L_JWS, True, f"signé par la clé de confiance {kid}"))
    except UnicodeDecodeError:
        checks.append(Check(L_JWS, False, "la signature n’est pas du texte ASCII"))
    except crypto.JwsError as exc:
        checks.append(Check(L_JWS, False, exc.message))

    # The schema.
    if doc_error:
        checks.append(Check(L_SCHEMA, False, doc_error))
    else:
        problems = schema_problems(doc)
        if problems:
            checks.append(Check(L_SCHEMA, False, " ; ".join(problems)))
        else:
            checks.append(
                Check(L_SCHEMA, True, f"format lai.result version 1, export n° {doc['export_seq']}")
            )
    declared_files = doc.get("files") if isinstance(doc, dict) else None

    # The two files that result.json describes.
    for label, name in ((L_PV_HASH, PV), (L_AUDIT_HASH, AUDIT)):
        data = files[name]
        meta = declared_files.get(name) if isinstance(declared_files, dict) else None
        if not isinstance(meta, dict):
            checks.append(Check(label, False, f"result.json ne décrit pas « {name} »"))
            continue
        digest = hashlib.sha256(data).hexdigest()
        if meta.get("bytes") != len(data):
            checks.append(
                Check(
                    label, False, f"{len(data)} octets, result.json en annonce {meta.get('bytes')}"
                )
            )
        elif meta.get("sha256") != digest:
            checks.append(
                Check(
                    label, False, "le SHA-256 du fichier ne correspond pas à celui de result.json"
                )
            )
        else:
            checks.append(Check(label, True, f"{len(data)} octets, SHA-256 {digest[:16]}…"))

    # The audit chain, and its head.
    try:
        items = audit.parse_jsonl(files[AUDIT])
        chain = audit.verify_chain(items)
    except (UnicodeDecodeError, json.JSONDecodeError, TypeError, AttributeError) as exc:
        checks.append(Check(L_CHAIN, False, f"audit.jsonl illisible ({exc})"))
    else:
        head = doc.get("audit_head") if isinstance(doc, dict) else None
        if not chain.ok:
            checks.append(
                Check(
                    L_CHAIN,
                    False,
                    f"première entrée en défaut : n° {chain.broken_seq} — {chain.problem}",
                )
            )
        elif chain.head != head:
            checks.append(
                Check(
                    L_CHAIN,
                    False,
                    f"la dernière entrée ({chain.head[:16]}…) n’est pas "
                    f"l’« audit_head » de result.json ({str(head)[:16]}…)",
                )
            )
        else:
            checks.append(
                Check(
                    L_CHAIN,
                    True,
                    f"{chain.count} entrées chaînées, dernière empreinte {chain.head[:16]}…",
                )
            )

    # The PAdES signature of the PV, by the same key.
    pdf_check = report.validate_pdf(files[PV], trusted_list, signer_jwk)
    checks.append(Check(L_PDF_SIG, pdf_check.ok, pdf_check.detail))

    ok = all(c.ok for c in checks)
    seq = doc.get("export_seq") if isinstance(doc, dict) else None
    sid = doc.get("session_id") if isinstance(doc, dict) else None
    return VerifyReport(
        ok, checks, seq if isinstance(seq, int) else None, sid if isinstance(sid, str) else None
    )
