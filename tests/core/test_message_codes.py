"""Messages as codes, words at the edge (issue 11, point 3), for the replay of an audit
log and the exact layout of a result bundle.

Core raises :class:`~jury_desk.core.replay.ReplayError` and
:class:`~jury_desk.core.zipcheck.LayoutError` as codes with parameters; the catalogue
(``jury_desk.messages``) words them, in French for the command line and the logs, in
English through the translation for the GUI. The verification of a result bundle carries
them in its checks (``Check.key``/``params``), so that its dialog speaks the UI's language.
"""

from __future__ import annotations

import ast
import errno
import json
import re
import sqlite3
import string
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from jury_desk import messages
from jury_desk.core import (
    audit,
    csvio,
    environment,
    export,
    fsutil,
    instance,
    privacy,
    pv_signing,
    replay,
    resources,
    result_document,
    snapshots,
    zipcheck,
)
from jury_desk.core.errors import Problem, Quoted, UserError, nested
from jury_desk.core.replay import Known, Replayer, ReplayError
from jury_desk.core.services import Desk
from tests.conftest import played_demo, rechain_audit, signing_identity

ROOT = Path(__file__).resolve().parent.parent.parent
CORE = ROOT / "jury_desk" / "core"


@dataclass(frozen=True)
class Raised:
    """One ``raise XError(...)`` of core: its catalogue key and the keywords it passes."""

    where: str
    key: str
    keywords: frozenset[str]


def _raised(cls: str, module: Path, key_arg: int, prefix: str, implicit: set[str]) -> list[Raised]:
    out = []
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == cls):
            continue
        where = f"{module.name}:{node.lineno}"
        arg = node.args[key_arg] if len(node.args) > key_arg else None
        assert isinstance(arg, ast.Constant) and isinstance(arg.value, str), (
            f"{where}: {cls} takes its rule as a literal code, not a sentence"
        )
        assert re.fullmatch(r"[a-z0-9_]+", arg.value), f"{where}: « {arg.value} » is no code"
        named = {k.arg for k in node.keywords if k.arg is not None}
        out.append(Raised(where, prefix + arg.value, frozenset(named | implicit)))
    return out


REPLAY = _raised("ReplayError", CORE / "replay.py", 0, "error.replay.", {"seq"})
LAYOUT = _raised("LayoutError", CORE / "zipcheck.py", 1, "error.layout.", set())


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_the_scan_finds_every_refusal() -> None:
    """The source scan itself: each module raises its error in many places."""
    assert len(REPLAY) >= 27 and len(LAYOUT) >= 35
    assert not any(
        "ReplayError(f" in line or "LayoutError(f" in line
        for module in ("replay.py", "zipcheck.py")
        for line in (CORE / module).read_text(encoding="utf-8").splitlines()
    )


@pytest.mark.parametrize("raised", REPLAY + LAYOUT, ids=lambda r: r.where)
def test_every_code_raised_has_a_template_and_its_parameters(raised: Raised) -> None:
    assert raised.key in messages.TEMPLATES, f"{raised.where}: no template {raised.key}"
    missing = _fields(messages.TEMPLATES[raised.key]) - raised.keywords
    assert not missing, f"{raised.where}: {raised.key} needs {sorted(missing)}"


def test_no_template_is_left_unused() -> None:
    used = {r.key for r in REPLAY + LAYOUT}
    for prefix in ("error.replay.", "error.layout."):
        defined = {k for k in messages.TEMPLATES if k.startswith(prefix)}
        assert defined <= used, sorted(defined - used)


def _english() -> dict[str, str]:
    """The committed English translations of the catalogue, read from the .ts."""
    root = ET.parse(resources.path("i18n", "jury_desk_en.ts")).getroot()
    out: dict[str, str] = {}
    for ctx in root.iter("context"):
        if ctx.findtext("name") != messages.CONTEXT:
            continue
        for m in ctx.iter("message"):
            tr = m.find("translation")
            if tr is not None and tr.get("type") is None and (tr.text or "").strip():
                out[m.findtext("source") or ""] = tr.text or ""
    return out


ENGLISH = _english()


def english(context: str, text: str) -> str:
    """A stand-in for ``QCoreApplication.translate`` with the English .ts installed."""
    assert context == messages.CONTEXT
    return ENGLISH.get(text, text)


# The refusals of the machine (disk, file, another program) and the export's writing.
ENVIRONMENT_KEYS = (
    "error.file_in_use",
    "error.export_target_is_folder",
    "error.export_target",
    "error.export_space",
    "error.export_write",
    "error.export_failed",
)

FRENCH_MARKS = re.compile(r"[«»éèàêç]|\bn° |\bentrée\b|\bintrouvable\b|\billisible\b")


@pytest.mark.parametrize(
    "key",
    sorted(
        k
        for k in messages.TEMPLATES
        if k.startswith(("error.replay.", "error.layout.", "error.chain.", "error.tamper."))
        or k.startswith(("error.diff.", "check.replay."))
        or k.startswith(("check.jws.", "check.hash.", "check.chain.", "check.manifest."))
        or k.startswith("check.refused.")
        or k in ("check.problem", "check.result_not_strict", "check.audit_unreadable")
        or k in ("error.export_tampered", "error.audit_chain_broken")
        or k.startswith(("error.env.", "subject.", "after.", "action.", "reason."))
        or k.startswith(("error.location.", "risk.", "advice."))
        or k.startswith(("error.secondary.", "error.purge."))
        or k.startswith(("check.pdf.", "error.schema.", "error.semantic."))
        or k in ("check.findings", "check.structure.unopenable", "check.structure.unreadable")
        or k.startswith(("csv.", "separator.", "encoding.", "error.hearing_already_recorded"))
        or k == "error.hearing_entry"
        or k.startswith(("snapshot.reason.", "error.verify."))
        or k in ENVIRONMENT_KEYS
    ),
)
def test_english_wording_exists_and_is_english(key: str) -> None:
    source = messages.TEMPLATES[key]
    assert source in ENGLISH, f"{key}: no finished English translation"
    text = ENGLISH[source]
    assert not FRENCH_MARKS.search(text), f"{key}: French left in English: {text}"
    assert _fields(text) == _fields(source), key


# --------------------------------------------------------------------------- behaviour


def _replayer() -> Replayer:
    return Replayer(
        None,
        None,
        known=Known(frozenset({"j01"}), frozenset({"d01"}), frozenset({"impact"})),
        manifest_sha256="0" * 64,
    )


IMPORT = {"seq": 1, "action": "session.import", "data": {"manifest_sha256": "0" * 64}, "at": "x"}


def test_a_replay_error_is_a_code_with_parameters_and_its_french_wording() -> None:
    rp = _replayer()
    rp.feed(IMPORT)
    with pytest.raises(ReplayError) as caught:
        rp.feed(
            {
                "seq": 2,
                "action": "score.set",
                "data": {"dossier_id": "d01", "juror_id": "j99", "criterion_id": "impact"},
                "at": "x",
            }
        )
    err = caught.value
    assert (err.code, err.key, err.seq) == ("unknown_juror", "replay.unknown_juror", 2)
    assert err.params == {"seq": 2, "juror": "j99"}
    assert err.message == "entrée n° 2 : juré « j99 » inconnu de la session"
    assert str(err) == err.message
    assert messages.error_text(err.key, err.params, english) == (
        "entry no. 2: juror “j99” unknown to the session"
    )


def test_the_first_entry_must_be_the_import() -> None:
    with pytest.raises(ReplayError) as caught:
        _replayer().feed({**IMPORT, "action": "notes.set"})
    assert caught.value.message == (
        "la première entrée (n° 1) n’est pas l’import de la session (« notes.set »)"
    )
    assert messages.error_text(caught.value.key, caught.value.params, english) == (
        "the first entry (no. 1) is not the session’s import (“notes.set”)"
    )


def test_a_layout_error_is_a_code_with_parameters_and_its_french_wording(tmp_path: Path) -> None:
    path = tmp_path / "x.zip"
    path.write_bytes(b"short")
    with open(path, "rb") as fh, pytest.raises(zipcheck.LayoutError) as caught:
        zipcheck.exact_layout(fh, 5, export.ENTRIES, export._LIMITS)
    err = caught.value
    assert (err.code, err.key, err.params) == ("not_zip", "layout.too_short", {})
    assert err.message == "le fichier est trop court pour être une archive ZIP"
    assert messages.error_text(err.key, err.params, english) == (
        "the file is too short to be a ZIP archive"
    )


# --------------------------------------------------------------------------- verify and export


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Any]]:
    tmp = tmp_path_factory.mktemp("codes")
    with played_demo(tmp) as (desk, sid):
        ident = signing_identity()
        out = tmp / "resultats.zip"
        export.export_session(desk, sid, out, ident, purge_due_on=date(2026, 12, 31))
        yield out, ident


def _entries(path: Path) -> dict[str, bytes]:
    import zipfile

    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _worded(check: export.Check) -> tuple[str, str]:
    """What the GUI's verification dialog shows (``ui.wording.check``), in English."""
    detail = messages.check_text(check.key, dict(check.params), english) if check.key else ""
    return messages.check_label(check.code, english), detail


def test_bytes_after_the_archive_fail_its_structure_in_both_languages(
    exported: tuple[Path, Any], tmp_path: Path
) -> None:
    path, ident = exported
    bad = tmp_path / "appended.zip"
    bad.write_bytes(path.read_bytes() + b"\0" * 40)
    report = export.verify_result(bad, [ident.jwk])
    first = report.checks[0]
    assert (first.code, first.ok) == (export.L_STRUCTURE, False)
    assert first.detail == (
        "des octets suivent l’enregistrement de fin d’archive (commentaire ou ajout)"
    )
    assert first.key == "problem"
    assert _worded(first) == (
        "Archive structure",
        "bytes follow the end-of-archive record (comment or appended data)",
    )


def test_a_replay_refusal_in_verify_is_worded_in_both_languages(
    exported: tuple[Path, Any], tmp_path: Path
) -> None:
    """An audit log whose first entry is not the import: the chain holds, the replay
    refuses; the CLI reads the same French as before, the GUI reads English."""
    path, ident = exported
    entries = _entries(path)
    lines = entries["audit.jsonl"].rstrip(b"\n").split(b"\n")
    log = [json.loads(x) for x in lines[1:]]
    prev = audit.GENESIS
    for i, e in enumerate(log, start=1):
        e["seq"], e["prev"] = i, prev
        e["hash"] = audit.entry_hash(e)
        prev = e["hash"]
    body = audit.to_jsonl(log)
    doc = json.loads(entries["result.json"])
    import hashlib

    doc["files"]["audit.jsonl"] = {"bytes": len(body), "sha256": hashlib.sha256(body).hexdigest()}
    doc["audit_head"] = prev
    result = json.dumps(doc, ensure_ascii=False, indent=2).encode() + b"\n"
    from jury_desk.core import crypto

    entries.update(
        {
            "audit.jsonl": body,
            "result.json": result,
            "result.json.jws": crypto.sign_detached(ident.key, result).encode(),
        }
    )
    bad = tmp_path / "t.zip"
    bad.write_bytes(
        export._zip([(n, entries[n]) for n in export.ENTRIES], datetime(2026, 6, 18, 18, 0))
    )
    report = export.verify_result(bad, [ident.jwk])
    chain = next(c for c in report.checks if c.code == export.L_CHAIN)
    assert not chain.ok
    action = log[0]["action"]
    assert chain.detail == (
        f"la première entrée (n° 1) n’est pas l’import de la session (« {action} »)"
    )
    assert dict(chain.params)["inner"] == "replay.first_not_import"
    assert _worded(chain) == (
        "Audit log chain",
        f"the first entry (no. 1) is not the session’s import (“{action}”)",
    )


def test_an_export_refused_by_the_replay_carries_its_code(tmp_path: Path) -> None:
    """An audit entry naming a juror the manifest does not know, chained anew: the export
    is refused with the same French sentence as before, and its code for the GUI."""
    with played_demo(tmp_path) as (desk, sid):
        found: list[int] = []

        def unknown_juror(seq: int, action: str, data: dict[str, Any]) -> None:
            if not found and action == "score.set":
                data["juror_id"] = "j99"
                found.append(seq)

        con = sqlite3.connect(desk.db_path)
        rechain_audit(con, sid, unknown_juror)
        con.close()
        (target,) = found
        desk._ids.clear()
        with pytest.raises(UserError) as caught:
            export.export_session(desk, sid, tmp_path / "r.zip", signing_identity())
    err = caught.value
    assert err.code == "export_tampered" and err.key == "export_tampered"
    assert err.message == (
        "Export refusé : la base de données ne correspond pas à ce qu’établissent le "
        "manifeste signé par le siège et le journal d’audit (entrée n° "
        f"{target} : juré « j99 » inconnu de la session). La base a pu être modifiée hors "
        "de l’application ; restaurez un instantané intact ou signalez-le au siège. Rien "
        "n’a été modifié."
    )
    assert messages.error_text(err.key, err.params, english) == (
        "Export refused: the database does not match what the manifest signed by "
        f"headquarters and the audit log establish (entry no. {target}: juror “j99” unknown "
        "to the session). The database may have been changed outside the application; "
        "restore an intact snapshot or report it to headquarters. Nothing was changed."
    )


def _chain(n: int) -> list[dict[str, Any]]:
    entries, prev = [], audit.GENESIS
    for seq in range(1, n + 1):
        e: dict[str, Any] = {"seq": seq, "at": "x", "actor": "a", "action": "notes.set"}
        e["data"], e["prev"] = {"notes": str(seq)}, prev
        e["hash"] = prev = audit.entry_hash(e)
        entries.append(e)
    return entries


def test_a_broken_chain_is_a_code_worded_in_both_languages() -> None:
    entries = _chain(4)
    entries[2]["data"] = {"notes": "changé"}
    check = audit.verify_chain(entries)
    assert (check.broken_seq, check.problem_key) == (3, "chain.hash")
    assert check.problem == "entrée n° 3 : son contenu a été modifié (empreinte différente)"
    with pytest.raises(UserError) as caught:
        audit.require_intact(entries)
    err = caught.value
    assert err.message.startswith(
        "Le journal d’audit de cette session est altéré (entrée n° 3 : son contenu a été "
        "modifié (empreinte différente)) : la base a été modifiée hors de jury_desk"
    )
    assert messages.error_text(err.key or "", err.params, english).startswith(
        "The audit log of this session has been altered (entry no. 3: its content was "
        "changed (different hash)): the database was changed outside jury_desk"
    )
    moved = _chain(3)
    del moved[1]
    assert audit.verify_chain(moved).problem == ("entrée n° 2 manquante ou déplacée (trouvé n° 3)")
    relinked = _chain(3)
    relinked[1]["prev"] = "0" * 64
    assert audit.verify_chain(relinked).problem == (
        "entrée n° 2 : le lien vers l’entrée précédente est rompu"
    )


def _kinds(module: Path, call: str) -> set[str]:
    text = module.read_text(encoding="utf-8")
    return set(re.findall(rf'\b{call}\(\s*"([a-z0-9_.]+)"', text))


def test_every_difference_named_in_core_has_a_template() -> None:
    state = {"diff.state." + k for k in _kinds(CORE / "replay.py", "differ")}
    looped = re.findall(r'\("([a-z_]+)", db\.', (CORE / "replay.py").read_text(encoding="utf-8"))
    state |= {"diff.state." + k for k in looped}  # the texts of each dossier, in one loop
    state |= {"diff.state." + k for k in _kinds(CORE / "replay.py", "table")}  # by key
    other = {"diff." + k for k in _kinds(CORE / "replay.py", "_difference")}
    record = {"diff.record." + k for k in _kinds(CORE / "export.py", "differ")}
    assert len(state) >= 20 and len(record) >= 10 and len(other) >= 6
    used = {"error." + k for k in state | other | record if not k.endswith(".")}
    assert used <= set(messages.TEMPLATES), sorted(used - set(messages.TEMPLATES))
    defined = {k for k in messages.TEMPLATES if k.startswith("error.diff.")}
    assert defined <= used, sorted(defined - used)


def test_differences_are_worded_in_both_languages() -> None:
    diffs = replay.document_differences(
        {"a": {"b": [1, 2]}, "c": "x", "e": 1}, {"a": {"b": [1]}, "c": "y", "d": None}
    )
    value = dict(diffs[1].params)["value"]
    assert value == "x" and isinstance(value, Quoted)
    assert [str(d) for d in diffs] == [
        "« a.b » : 2 élément(s), 1 attendu(s)",
        "« c » vaut « x », « y » attendu",
        "« (racine).d » manque",
        "« (racine).e » n’a pas lieu d’être",
    ]
    assert messages.error_text(diffs[1].key, dict(diffs[1].params), english) == (
        "“c” is “x”, “y” expected"
    )
    state = replay._difference(
        "state.score", mine="8", theirs="0", dossier="d01", juror="j02", criterion="impact"
    )
    assert str(state) == "note d01 / j02 / impact : base 8, journal/manifeste 0"
    assert messages.error_text(state.key, dict(state.params), english) == (
        "score d01 / j02 / impact: database 8, log/manifest 0"
    )
    check = export._worded(
        export.L_REPLAY, False, "replay.differs", inners=tuple((d.key, d.params) for d in diffs[:2])
    )
    assert check.detail == (
        "result.json ne correspond pas au journal d’audit : « a.b » : 2 élément(s), 1 "
        "attendu(s) ; « c » vaut « x », « y » attendu"
    )
    assert _worded(check)[1] == (
        "result.json does not match the audit log: “a.b”: 2 item(s), 1 expected; "
        "“c” is “x”, “y” expected"
    )


def test_a_session_bundle_without_manifest_fails_the_manifest_check(
    exported: tuple[Path, Any], tmp_path: Path
) -> None:
    """``verify --session-bundle`` with a bundle that lacks manifest.json: a failed
    check worded by the catalogue (the key used to be a French sentence: a crash)."""
    import zipfile

    path, ident = exported
    hq = tmp_path / "paquet.zip"
    with zipfile.ZipFile(hq, "w") as zf:
        zf.writestr("lisez-moi.txt", "rien")
    report = export.verify_result(path, [ident.jwk], session_bundle=hq)
    failed = {c.code: c for c in report.checks if not c.ok}
    manifest = failed[export.L_MANIFEST]
    assert manifest.detail == "entrée « manifest.json » : entrée obligatoire absente."
    assert _worded(manifest)[1].startswith("entry “manifest.json”: ")


def test_a_justification_that_is_no_sentence_refuses_the_export_with_a_code() -> None:
    from types import SimpleNamespace

    from jury_desk.core.domain import LaureateDecision

    st = SimpleNamespace(laureates=[LaureateDecision("d03", 100, "  trop court ")], departures={})
    with pytest.raises(UserError) as caught:
        export._check_sentences(st)
    err = caught.value
    assert (err.key, err.params) == (
        "justification_not_sentence",
        {"dossier": "d03", "text": "trop court"},
    )
    assert err.message == (
        "Export refusé : la justification du dossier « d03 » (« trop court ») n’est pas une "
        "phrase (20 caractères au moins, avec des lettres). Complétez-la dans la décision du "
        "jury. Rien n’a été modifié."
    )
    assert messages.error_text(err.key or "", err.params, english).startswith(
        "Export refused: the justification of dossier “d03” (“trop court”) is not a sentence"
    )


# ------------------------------------------- the machine in the way: disk, file, program


def _sqlite(message: str) -> sqlite3.OperationalError:
    return sqlite3.OperationalError(message)


SQLITE_KINDS = {
    "full": "database or disk is full",
    "readonly": "attempt to write a readonly database",
    "locked": "database is locked",
    "corrupt": "file is not a database",
    "cantopen": "unable to open database file",
    "io": "disk I/O error",
}
OS_KINDS = {
    "full": errno.ENOSPC,
    "toobig": errno.EFBIG,
    "readonly": errno.EROFS,
    "denied": errno.EACCES,
    "io": errno.EIO,
}


def _environment_problems() -> list[environment.EnvironmentProblem]:
    out = []
    for kind, text in SQLITE_KINDS.items():
        for db in ("/srv/jury/base.sqlite", None):
            p = environment.describe(_sqlite(text), db)
            assert p is not None and p.code == f"db_{kind}"
            out.append(p)
    for kind, number in OS_KINDS.items():
        for exc in (OSError(number, "x", "/srv/out/resultats.zip"), OSError(number, "x")):
            p = environment.describe(exc)
            assert p is not None and p.code == f"os_{kind}"
            out.append(p)
    return out


def test_environment_problems_are_codes_worded_in_french() -> None:
    problems = _environment_problems()
    assert {p.key for p in problems} == {
        k.removeprefix("error.") for k in messages.TEMPLATES if k.startswith("error.env.")
    }
    for p in problems:
        assert p.message == messages.error_text(p.key or "", p.params)
        assert p.message.endswith(" Rien n’a été modifié."), p.message
        assert not re.search(r"\b(à|de) le\b", p.message), p.message
    by_code = {(p.code, "path" in p.params): p for p in problems}
    assert by_code["db_locked", True].message == (
        "La base « /srv/jury/base.sqlite » est verrouillée par un autre programme (une autre "
        "fenêtre de jury_desk, une sauvegarde, un antivirus) : fermez-le, puis recommencez. "
        "Rien n’a été modifié."
    )
    assert by_code["db_readonly", False].message.startswith(
        "La base de données est en lecture seule (support protégé en écriture"
    )
    assert "copiez-la dans" in by_code["db_readonly", False].message
    assert "copiez-le dans" in by_code["os_readonly", True].message
    assert by_code["os_full", True].message == (
        "Le disque qui contient le fichier « /srv/out/resultats.zip » est plein : libérez de "
        "la place (ou choisissez un autre emplacement), puis recommencez. Rien n’a été modifié."
    )
    assert by_code["os_denied", True].message.startswith(
        "Accès refusé au fichier « /srv/out/resultats.zip » : vérifiez les droits"
    )
    assert by_code["os_io", False].message.startswith(
        "Erreur de lecture ou d’écriture sur le support du fichier (clé retirée"
    )


def test_environment_problems_are_worded_in_english() -> None:
    for p in _environment_problems():
        text = messages.error_text(p.key or "", p.params, english)
        assert not FRENCH_MARKS.search(text), text
        assert text.endswith(" Nothing was changed."), text
        if "path" in p.params:
            assert f"“{p.params['path']}”" in text, text
    locked = environment.describe(_sqlite("database is locked"), "/srv/base.sqlite")
    assert locked is not None
    assert messages.error_text(locked.key or "", locked.params, english) == (
        "The database “/srv/base.sqlite” is locked by another program (another jury_desk "
        "window, a backup, an antivirus): close it, then try again. Nothing was changed."
    )


def test_every_subject_has_its_forms() -> None:
    subjects = {k.split(".")[1] for k in messages.TEMPLATES if k.startswith("subject.")}
    assert subjects == {"db", "db_named", "file", "file_named"}
    for s in subjects:
        for form in ("", ".of", ".to"):
            assert f"subject.{s}{form}" in messages.TEMPLATES


def test_a_file_in_use_is_a_code_with_its_action() -> None:
    actions = {k.removeprefix("action.") for k in messages.TEMPLATES if k.startswith("action.")}
    used = {
        node.args[2].value
        for node in ast.walk(ast.parse((CORE / "fsutil.py").read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", None) == "retry"
        and isinstance(node.args[2], ast.Constant)
    }
    assert used == actions
    err = fsutil.FileInUse(Path("/srv/out/resultats.zip"), "replace")
    assert (err.key, err.params) == (
        "file_in_use",
        {"action_code": "replace", "path": Path("/srv/out/resultats.zip")},
    )
    assert err.message.startswith(
        "Impossible de remplacer « /srv/out/resultats.zip » : le fichier est ouvert par un "
        "autre programme depuis plus de deux secondes"
    )
    assert messages.error_text("file_in_use", err.params, english).startswith(
        "Cannot replace “/srv/out/resultats.zip”: the file has been open in another program"
    )
    folder = fsutil.FileInUse(Path("/srv/x"), "delete_folder")
    assert folder.message.startswith("Impossible de supprimer le dossier « /srv/x » : ")


CONVERTED = (
    "environment.py",
    "fsutil.py",
    "instance.py",
    "snapshots.py",
    "privacy.py",
    "csvio.py",
    "desk_hearings.py",
    "result_document.py",
)


def test_no_sentence_is_assembled_in_the_converted_modules() -> None:
    """Their strings are codes; French is only in docstrings (and the log's English).

    ``result_document``'s terminal table (``jury-desk results``) is the command line's
    own French: its section is left out of the scan."""
    for name in CONVERTED:
        source = (CORE / name).read_text(encoding="utf-8")
        if name == "result_document.py":
            source = source.split("# " + "-" * 75 + " terminal")[0]
        tree = ast.parse(source)
        docstrings = {
            id(n.body[0].value)
            for n in ast.walk(tree)
            if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef))
            and n.body
            and isinstance(n.body[0], ast.Expr)
            and isinstance(n.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in docstrings
            ):
                assert not re.search(r"[«»’éèà]", node.value), f"{name}: {node.value}"


def test_the_export_says_what_its_failure_left_in_both_languages() -> None:
    after = export._after_failure(7, True, False)
    assert after == (
        ("failure_recorded", (("seq", 7),)),
        ("deliberation_not_reopened", ()),
        ("export_retry", ()),
    )
    params = {
        "path": "/srv/out/r.zip",
        "after": after,
        **export._os_reason_params(OSError(errno.ENOSPC, "No space left on device")),
    }
    assert messages.error_text("export_write", params) == (
        "Export impossible : le fichier « /srv/out/r.zip » n’a pas pu être écrit (le disque "
        "est plein). Aucun fichier n’a été laissé. L’échec de l’export n° 7 est inscrit au "
        "journal d’audit. La délibération n’a pas pu être rouverte tout de suite : elle le "
        "sera au prochain démarrage de jury_desk (ou rouvrez-la avec un motif). Vous pouvez "
        "relancer l’export."
    )
    assert messages.error_text("export_write", params, english) == (
        "Cannot export: the file “/srv/out/r.zip” could not be written (the disk is full). No "
        "file was left behind. The failure of export no. 7 is recorded in the audit log. The "
        "deliberation could not be reopened right away: it will be at the next start of "
        "jury_desk (or reopen it with a reason). You can run the export again."
    )
    full = environment.describe(OSError(errno.ENOSPC, "x", "/srv/out/r.zip"))
    assert full is not None
    moved = full.saying_after(export._after_failure(None, True, True))
    assert moved.code == "os_full" and moved.message.endswith(
        "puis recommencez. La délibération est restée ouverte. Vous pouvez relancer l’export."
    )
    unknown = export._os_reason_params(OSError(errno.EXDEV, "Invalid cross-device link"))
    assert unknown == {"reason_code": "other", "detail": "Invalid cross-device link"}
    assert messages.error_text("export_failed", {"error": "KeyError", "after": ()}, english) == (
        "The export failed (internal error: KeyError). No file was written. If the error "
        "happens again, report it with the technical log."
    )


def test_the_export_target_refusals_are_codes(tmp_path: Path) -> None:
    folder = tmp_path / "dossier.zip"
    folder.mkdir()
    target = export._Target(folder)
    with pytest.raises(UserError) as caught:
        target.open(10)
    err = caught.value
    assert (err.code, err.key, err.params) == (
        "export_target",
        "export_target_is_folder",
        {"path": folder},
    )
    assert err.message == (
        f"Export impossible : « {folder} » est un dossier ; donnez un nom de fichier .zip."
    )
    missing = export._Target(tmp_path / "absent" / "r.zip")
    with pytest.raises(UserError) as caught:
        missing.open(10)
    err = caught.value
    assert (err.key, err.params["reason_code"]) == ("export_target", "enoent")
    assert "(le dossier n’existe pas). Rien n’a été modifié." in err.message
    assert messages.error_text(err.key or "", err.params, english).endswith(
        "cannot receive the file (the folder does not exist). Nothing was changed."
    )


# ------------------------------------------------------ where a database or an export lives


@pytest.mark.parametrize(
    ("drive_type", "path", "kind"),
    [
        (instance.DRIVE_REMOTE, "Z:\\partage\\jury.sqlite3", "network_drive"),
        (instance.DRIVE_REMOVABLE, "E:\\jury.sqlite3", "removable"),
        (instance.DRIVE_CDROM, "D:\\jury.sqlite3", "cdrom"),
        (3, "\\\\serveur\\jury\\jury.sqlite3", "share"),
        (3, "C:\\Users\\s\\OneDrive\\jury.sqlite3", "onedrive"),
    ],
)
def test_a_refused_location_is_a_code_worded_in_both_languages(
    drive_type: int, path: str, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(instance, "_drive_type", lambda root: drive_type)
    refusal = instance.check_windows_location(path, {"OneDrive": "C:\\Users\\s\\OneDrive"})
    assert refusal is not None
    assert (refusal.code, refusal.key) == ("db_location", "location." + kind)
    assert refusal.message.startswith(f"La base « {path} » ")
    assert "Copiez le fichier sur le disque de l’ordinateur" in refusal.message
    text = messages.error_text(refusal.key, refusal.params, english)
    assert text.startswith(f"The database “{path}” ") and "Copy the file" in text
    assert not FRENCH_MARKS.search(text), text
    refused = refusal.refused()
    assert (refused.code, refused.key, str(refused)) == (
        "db_location",
        refusal.key,
        refusal.message,
    )


# ------------------------------------------------- the second snapshot folder, the purge


def test_a_failed_second_copy_is_a_code_worded_in_both_languages(tmp_path: Path) -> None:
    source = tmp_path / "instantane.sqlite3"
    source.write_bytes(b"x")
    usb = tmp_path / "usb-absent"
    path, problem = snapshots._copy_secondary(tmp_path / "jury.sqlite3", source, usb)
    assert path is None and problem is not None
    assert (problem.code, problem.key) == ("secondary_copy", "secondary.missing")
    assert problem.message == (
        f"La copie de l’instantané dans le second dossier a échoué (dossier « {usb} » "
        "introuvable (clé USB débranchée ?)). L’instantané principal est bien enregistré : "
        f"« {source} »."
    )
    assert messages.error_text(problem.key, problem.params, english) == (
        f"The copy of the snapshot to the second folder failed (folder “{usb}” not found (USB "
        f"key unplugged?)). The main snapshot is saved: “{source}”."
    )
    held = Problem(
        "secondary_copy",
        "secondary.refused",
        source=source,
        **nested(fsutil.FileInUse(usb / "x", "replace")),
    )
    assert held.message.startswith(
        "La copie de l’instantané dans le second dossier a échoué (Impossible de remplacer « "
    )
    assert messages.error_text(held.key, held.params, english).startswith(
        "The copy of the snapshot to the second folder failed (Cannot replace “"
    )


def test_why_a_purge_is_refused_or_a_file_kept_is_a_code(tmp_path: Path) -> None:
    db = tmp_path / "jury.sqlite3"
    db.write_bytes(b"not a database at all" * 100)
    status = privacy.purge_status(db)
    [problem] = status.problems
    assert (problem.code, problem.key) == ("purge_refused", "purge.unreadable")
    assert status.reasons == [
        "La base « jury.sqlite3 » est illisible : impossible de vérifier que ses sessions ont "
        "été exportées."
    ]
    assert messages.error_text(problem.key, problem.params, english) == (
        "The database “jury.sqlite3” is unreadable: its sessions cannot be checked to have "
        "been exported."
    )
    never = Problem("purge_refused", "purge.never_exported", title="Jury 2026")
    assert never.message.startswith("La session « Jury 2026 » n’a jamais été exportée")
    for kept in ("not_a_file", "no_digest", "changed"):
        why = Problem("purge_kept", "purge.kept." + kept)
        assert why.message.endswith("conservé") or "conservé," in why.message
        assert "kept" in messages.error_text(why.key, why.params, english)


# ------------------------------------------------ what verify finds inside the bundle


def test_what_the_semantic_check_finds_is_worded_in_both_languages(
    exported: tuple[Path, Any],
) -> None:
    path, _ = exported
    doc = json.loads(_entries(path)[export.RESULT])
    assert export.schema_findings(doc) == [] == export.verify_semantic_findings(doc)
    doc["deliberation"]["present"] += 1
    doc["deliberation"]["quorum_met"] = False
    assert doc["proposed_laureates"]
    did = doc["results"][0]["dossier_id"]
    doc["results"][0]["rank"] = 99
    findings = result_document.semantic_findings(doc) + export.verify_semantic_findings(doc)
    keys = [k for k, _ in findings]
    assert "semantic.present_count" in keys and "semantic.laureates_without_quorum" in keys
    assert "semantic.rank_contradicts_score" in keys
    french = result_document.semantic_problems(doc) + export.verify_semantics(doc)
    assert "des lauréats sont proposés sans que le quorum soit atteint" in french
    assert f"le rang du dossier « {did} » contredit sa note" in french
    check = export._worded(export.L_SEMANTIC, False, "findings", inners=tuple(findings))
    assert check.detail == " ; ".join(french)
    label, detail = _worded(check)
    assert label and not FRENCH_MARKS.search(label)
    assert f"the rank of dossier “{did}” contradicts its score" in detail
    assert "laureates are proposed although the quorum is not met" in detail
    assert not FRENCH_MARKS.search(detail), detail


def test_a_schema_violation_is_a_code_with_its_place(exported: tuple[Path, Any]) -> None:
    path, _ = exported
    doc = json.loads(_entries(path)[export.RESULT])
    doc["export_seq"] = "un"
    del doc["files"]
    findings = export.schema_findings(doc)
    assert {k for k, _ in findings} == {"schema.root", "schema.at"}
    french = export.schema_problems(doc)
    assert any(t.startswith("en « export_seq » : ") for t in french)
    assert any(t.startswith("en « (racine) » : ") for t in french)
    worded = [messages.error_text(k, dict(p), english) for k, p in findings]
    assert any(t.startswith("at “export_seq”: ") for t in worded)
    assert any(t.startswith("at the root: ") for t in worded)


def test_a_pdf_signed_by_an_untrusted_key_is_a_code(exported: tuple[Path, Any]) -> None:
    path, _ = exported
    pv = _entries(path)[export.PV]
    trusted: list[dict[str, Any]] = []  # the signer's key is trusted by no one
    check = pv_signing.validate_pdf(pv, trusted)
    assert not check.ok and check.key == "pdf.untrusted"
    kid = dict(check.params)["kid"]
    assert check.detail == f"la clé {kid} qui a signé le PDF n’est pas une clé de confiance"
    assert messages.check_text(check.key, dict(check.params), english) == (
        f"key {kid} that signed the PDF is not a trusted key"
    )
    broken = pv_signing.validate_pdf(b"%PDF-1.7 nothing", trusted)
    assert not broken.ok and broken.key in ("pdf.unreadable", "pdf.count")
    assert not FRENCH_MARKS.search(messages.check_text(broken.key, dict(broken.params), english))


def test_a_bundle_that_cannot_be_opened_fails_its_structure_in_both_languages(
    tmp_path: Path,
) -> None:
    report = export.verify_result(tmp_path / "absent.zip", [])
    [check] = report.checks
    assert (check.code, check.ok, check.key) == (export.L_STRUCTURE, False, "structure.unopenable")
    assert check.detail.startswith("impossible d’ouvrir le fichier (")
    assert _worded(check)[1].startswith("the file cannot be opened (")


@pytest.mark.parametrize(
    ("data", "french", "english_text"),
    [
        (
            b"a;b\n",
            "séparateur point-virgule « ; », encodage UTF-8",
            "separator semicolon “;”, encoding UTF-8",
        ),
        (
            "a,é\n".encode("cp1252"),
            "séparateur virgule « , », encodage Windows-1252 (Excel « CSV » ancien format)",
            "separator comma “,”, encoding Windows-1252 (Excel “CSV”, legacy format)",
        ),
    ],
)
def test_what_a_csv_was_read_as_is_a_code(data: bytes, french: str, english_text: str) -> None:
    sheet = csvio.read(data)
    assert sheet.description == french
    worded = messages.template("csv.description", english).format(
        **messages.words(sheet.description_params, english)
    )
    assert worded == english_text


def test_every_snapshot_reason_is_worded() -> None:
    assert {f"snapshot.reason.{r}" for r in snapshots.REASONS} == {
        k for k in messages.TEMPLATES if k.startswith("snapshot.reason.")
    }
    assert snapshots.reason_label("avant-export") == "avant export"
    assert messages.snapshot_reason("avant-purge-2", english) == "before purge 2"


def test_what_verify_warns_about_is_a_code(exported: tuple[Path, Any]) -> None:
    path, ident = exported
    report = export.verify_result(path, [ident.jwk])
    assert report.not_checked_findings == [export.NOT_CHECKED_WITHOUT_BUNDLE]
    assert report.not_checked[0].startswith("sans --session-bundle, les données du manifeste")
    assert [k for k, _ in report.warning_findings] == ["verify.demonstration"]
    assert report.warnings == [
        "SESSION DE DÉMONSTRATION : ce résultat ne porte sur aucune session réelle (clé et "
        "données publiques)"
    ]
    before = export.finding("verify.exported_before", seq=3, before=2)
    assert messages.error_text(before[0], dict(before[1]), english).startswith(
        "export no. 3: the deliberation was exported 2 time(s) before;"
    )


def test_a_session_bundle_that_is_no_zip_fails_the_manifest_check_in_both_languages(
    exported: tuple[Path, Any], tmp_path: Path
) -> None:
    path, ident = exported
    hq = tmp_path / "paquet.zip"
    hq.write_bytes(b"not a zip at all")
    report = export.verify_result(path, [ident.jwk], session_bundle=hq)
    manifest = {c.code: c for c in report.checks if not c.ok}[export.L_MANIFEST]
    assert manifest.detail == "« paquet.zip » n’est pas une archive ZIP lisible."
    detail = _worded(manifest)[1]
    assert "paquet.zip" in detail and not FRENCH_MARKS.search(detail), detail


def test_an_unverified_export_names_its_time_in_each_language() -> None:
    from jury_desk.core import fmt

    when = datetime(2026, 6, 18, 9, 5)
    p = Problem(
        "purge_refused",
        "purge.not_verified",
        title="Jury",
        seq=2,
        date=f"{when:%d/%m/%Y}",
        hour=when.hour,
        minute=f"{when.minute:02d}",
        days=30,
    )
    assert f"(n° 2, le {fmt.datetime_text(when)}) n’a pas été vérifié" in p.message
    assert "(no. 2, on 18/06/2026 at 9:05) has not been verified" in messages.error_text(
        p.key, p.params, english
    )


def test_blockers_name_jurors_dossiers_and_criteria_when_the_reader_has_the_session(
    demo_desk: tuple[Desk, str],
) -> None:
    """The codes carry ids (the command line's words); the GUI words them with the
    session's names: a juror by name, a dossier by reference and title, a criterion by
    its label, and an id it does not know as it is."""
    from jury_desk.core.deliberation import Blocker

    desk, sid = demo_desk
    st = desk.state(sid)
    names = messages.Names.of(st.jurors, st.dossiers, st.criteria)
    j01 = next(j for j in st.jurors if j.id == "j01")
    d05 = next(d for d in st.dossiers if d.id == "d05")
    impact = next(c for c in st.criteria if c.id == "impact")

    quorum = Blocker("quorum", params={"present": 4, "required": 5, "absent": ("j01", "j99")})
    assert j01.name in messages.blocker_text(quorum, names=names)
    assert "j99" in messages.blocker_text(quorum, names=names)
    assert "j01" in messages.blocker_text(quorum)  # the command line's: ids

    invalid = Blocker(
        "invalid_without_reason",
        dossier_id="d05",
        params={
            "dossier": "d05",
            "reasons": ("missing_sheets",),
            "missing": (("j01", ("impact",)),),
        },
    )
    text = messages.blocker_text(invalid, names=names)
    assert names.dossier("d05").startswith(d5_ref := d05.reference)
    assert f"Le dossier {d5_ref} (" in text and j01.name in text and impact.label in text
    assert "d05" not in text and "j01" not in text
    assert len(names.dossier("d05")) <= len(d5_ref) + 3 + messages.TITLE_CHARS


def test_the_pv_says_what_an_invalid_dossier_lacks_with_names_and_labels(
    scored_demo: tuple[Desk, str], tmp_path: Path
) -> None:
    """The PV's « Dossiers sans résultat valide » words the missing sheet with the juror's
    name and the criterion's label (messages.missing_text through Names), and the jury's
    reason."""
    from jury_desk.core import demo_scenario
    from tests.conftest import exported_pv_text

    desk, sid = scored_demo
    demo_scenario.record_hearings(desk, sid)
    desk.clear_score(sid, "d05", "j02", "impact")
    desk.set_invalid_reason(sid, "d05", "Feuille de notation perdue")
    st = desk.state(sid)
    juror = next(j.name for j in st.jurors if j.id == "j02")
    label = next(c.label for c in st.criteria if c.id == "impact")
    text = exported_pv_text(desk, sid, tmp_path)
    section = " ".join(text[text.index("Dossiers sans résultat valide") :].split())
    # the cell wraps beside the others (pdftotext -layout): its parts, each in one piece
    assert f"feuille de {juror} incomplète" in section and f"({label})" in section, section
    assert "j02" not in section and "(impact)" not in section
    assert "Feuille de notation perdue" in section
