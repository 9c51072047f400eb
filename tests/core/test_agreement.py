"""Every face of the deliberation agrees with the others (issue 11, item 8).

On generated sessions (the demonstration session's jurors, criteria and dossiers, with
random rules, attendance, recusals, sheets, hearings and jury decisions), this test reads
the same database through:

- the console's status of each dossier and the closing blockers (``Desk.deliberation_state``);
- ``jury-desk results --json`` (``jury_desk.cli.run`` in this process);
- ``result.json`` (``result_document.result_document``);
- the text of the procès-verbal: the PDF is built and read back with ``pdftotext -layout``
  (one PDF per example),

and checks that they agree on validity, ranks, the default proposal and the departures.
``EXAMPLES`` sessions are generated (about 1 s each).
"""

from __future__ import annotations

import contextlib
import io
import json
import random
import re
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jury_desk import cli
from jury_desk.core import crypto, pv, result_document
from jury_desk.core.deliberation import DepartureKind, DossierStatus
from jury_desk.core.domain import LaureateDecision
from jury_desk.core.readmodel import DeliberationState
from jury_desk.core.services import Desk

EXAMPLES = 30

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

SIGNER_KEY = crypto.new_private_key()
SIGNER = {"name": "Secrétaire", "kid": "kid", "jwk": crypto.public_jwk(SIGNER_KEY)}
FILES = {
    "proces-verbal.pdf": {"bytes": 1, "sha256": "a" * 64},
    "audit.jsonl": {"bytes": 1, "sha256": "b" * 64},
}
WHY = "Décision motivée du jury après un débat."
ROW = re.compile(r"^\s*(\d+=?|—)\s+(?:★\s+)?(LAI-\d{4}-\d{3})\b(.*)$")
BARE = re.compile(r"^\s*()(LAI-\d{4}-\d{3})\b(.*)$")  # a row without a rank (section 8)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The demonstration session, imported once; each example works on a copy."""
    folder = tmp_path_factory.mktemp("agreement")
    db = folder / "template.sqlite3"
    desk = Desk(db)
    desk.import_demo()
    desk.close()
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    yield db


@st.composite
def sessions(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "seed": draw(st.integers(0, 2**32 - 1)),
        "quorum": draw(st.integers(1, 7)),
        "min_sheets": draw(st.sampled_from([1, 2, 3, 3, 4, 6])),
        "absent": draw(st.sampled_from([0, 0, 1, 2, 3])),
        "recusals": draw(st.integers(0, 4)),
        "complete": draw(st.sampled_from([1.0, 1.0, 0.99, 0.95, 0.8])),
        "heard": draw(st.sampled_from([1.0, 0.9, 0.7])),
        "decision": draw(st.sampled_from(["none", "default", "edited", "edited"])),
        "justify": draw(st.sampled_from([1.0, 0.5, 0.0])),
        "reasons": draw(st.booleans()),
    }


def _play(desk: Desk, sid: str, g: dict[str, Any]) -> None:  # noqa: C901 - a generated day, step by step
    """Write a generated session through the services (only valid input)."""
    rng = random.Random(g["seed"])
    s = desk.state(sid)
    rows: list[tuple[str, str, str, object]] = []
    for d in s.dossiers:
        for j in s.jurors:
            if (j.id, d.id) in {(c.juror_id, c.dossier_id) for c in s.conflicts}:
                continue
            roll = rng.random()
            if roll > g["complete"] + (1 - g["complete"]) / 2:
                continue  # no sheet
            partial = roll > g["complete"]
            for c in s.criteria:
                if partial and rng.random() < 0.5:
                    continue
                rows.append((d.id, j.id, c.id, rng.choice(c.allowed_values())))
    desk.record_scores(sid, rows)
    absent = rng.sample([j.id for j in s.jurors], g["absent"])
    desk.set_attendance(sid, absent)
    conflicts = {(c.juror_id, c.dossier_id) for c in s.conflicts}
    pairs = [(j.id, d.id) for j in s.jurors for d in s.dossiers if (j.id, d.id) not in conflicts]
    for jid, did in rng.sample(pairs, g["recusals"]):
        desk.recuse(sid, jid, did, "conflict", "Lien avec le porteur du projet")
    for d in s.dossiers:
        if rng.random() < g["heard"]:
            for action, state in (("start", "en_audition"), ("finish", "entendu")):
                desk.save_hearing(
                    sid,
                    d.id,
                    action=action,
                    state=state,
                    phase=None,
                    phase_elapsed_ms=0,
                    running_since=None,
                )
    result = desk.results(sid)
    if g["reasons"]:
        for r in result.results:
            if not r.valid and rng.random() < 0.7:
                desk.set_invalid_reason(sid, r.dossier_id, "Feuille perdue pendant la séance")
    if g["decision"] == "none":
        return
    laureates = [LaureateDecision(e.dossier_id, e.amount_cents) for e in result.default_proposal]
    departures: dict[str, str] = {}
    if g["decision"] == "edited":
        for lau in list(laureates):
            if rng.random() < 0.25:
                laureates.remove(lau)
                if rng.random() < g["justify"]:
                    departures[lau.dossier_id] = WHY
        chosen = {lau.dossier_id for lau in laureates}
        for d in s.dossiers:
            if d.id not in chosen and rng.random() < 0.2:
                laureates.append(LaureateDecision(d.id, d.amount_requested_cents))
        laureates = [
            LaureateDecision(lau.dossier_id, lau.amount_cents - 50_000)
            if rng.random() < 0.3 and lau.amount_cents >= 50_000
            else lau
            for lau in laureates
        ]
        proposal = {e.dossier_id: e.amount_cents for e in result.default_proposal}
        laureates = [
            LaureateDecision(lau.dossier_id, lau.amount_cents, WHY)
            if proposal.get(lau.dossier_id) != lau.amount_cents and rng.random() < g["justify"]
            else lau
            for lau in laureates
        ]
    desk.set_decision(sid, laureates, departures)


def _cli_json(db: Path, sid: str) -> dict[str, Any]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = cli.run(["results", "--db", str(db), "--session", sid, "--json"])
    assert code == 0
    doc: dict[str, Any] = json.loads(out.getvalue())
    return doc


def _pv_sections(ds: DeliberationState, folder: Path) -> dict[str, list[tuple[str, str, str]]]:
    """The PV's text, cut at its numbered headings: rows (rank, reference, rest of line)."""
    st = ds.session
    ctx = pv.PvContext(1, st.audit_head, "Secrétaire", "kid", datetime.now(UTC))
    pdf = folder / "pv.pdf"
    pdf.write_bytes(pv.build_pv(ds, ctx).pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True, text=True
    ).stdout
    sections: dict[str, list[tuple[str, str, str]]] = {}
    current = ""
    for line in text.splitlines():
        stripped = line.strip()
        head = re.match(r"^(\d)\. ", stripped)
        if head:
            current = head.group(1)
        elif stripped.startswith("Dossiers de la proposition par défaut non retenus"):
            current = "7-departures"
        found = ROW.match(line) or (BARE.match(line) if current == "8" else None)
        if found and current:
            sections.setdefault(current, []).append(found.groups())
    return sections


def _rank(text: str) -> int | None:
    return None if text == "—" else int(text.rstrip("="))


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(g=sessions())
def test_every_face_agrees(
    template: Path, tmp_path_factory: pytest.TempPathFactory, g: Any
) -> None:
    folder = tmp_path_factory.mktemp("example")
    db = folder / "jury.sqlite3"
    shutil.copy(template, db)
    with sqlite3.connect(db) as conn:
        conn.execute(
            "UPDATE session SET quorum = ?, min_sheets = ?", (g["quorum"], g["min_sheets"])
        )
    desk = Desk(db)
    try:
        sid = desk.resolve()
        _play(desk, sid, g)
        ds = desk.deliberation_state(sid)
    finally:
        desk.close()
    st_ = ds.session
    ref = {d.id: d.reference for d in st_.dossiers}
    by_ref = {v: k for k, v in ref.items()}

    as_json = _cli_json(db, sid)
    doc = result_document.result_document(
        ds,
        export_seq=1,
        signer=SIGNER,
        files=FILES,
        audit_head=st_.audit_head,
        generated_at=datetime(2026, 6, 18, 17, 5, tzinfo=UTC),
    )
    pv = _pv_sections(ds, folder)

    # ---- validity
    valid = {d.id: d.validity.valid for d in ds.dossiers}
    assert {r["dossier_id"]: r["valid"] for r in as_json["results"]} == valid
    assert {r["dossier_id"]: r["valid"] for r in doc["results"]} == valid
    for d in ds.dossiers:  # the console: noté exactly when valid (no hearing is running)
        assert (d.status is DossierStatus.NOTE) == d.validity.valid, d.id
    pv_ranks = {by_ref[r]: _rank(rank) for rank, r, _ in pv["4"]}
    assert {did: rank is not None for did, rank in pv_ranks.items()} == valid
    invalid = {did for did, ok in valid.items() if not ok}
    assert {by_ref[r] for _, r, _ in pv.get("8", [])} == invalid
    without_reason = {did for did in invalid if not ds.dossier(did).validity.jury_reason}
    assert {
        b.dossier_id for b in ds.blockers if b.code == "invalid_without_reason"
    } == without_reason

    # ---- ranks
    ranks = {d.id: d.result.rank for d in ds.dossiers}
    assert {r["dossier_id"]: r["rank"] for r in as_json["results"]} == ranks
    assert {r["dossier_id"]: r["rank"] for r in doc["results"]} == ranks
    assert pv_ranks == ranks
    assert [r["dossier_id"] for r in as_json["results"]] == [
        r["dossier_id"] for r in doc["results"]
    ]

    # ---- the default proposal
    proposal = [e.dossier_id for e in ds.default_proposal]
    assert [e["dossier_id"] for e in as_json["default_proposal"]] == proposal
    assert doc["default_proposal"] == as_json["default_proposal"]
    assert doc["proposal_flags"] == as_json["proposal_flags"]
    assert [by_ref[r] for _, r, _ in pv.get("6", [])] == proposal

    # ---- the decision and its departures
    laureates = [lau.dossier_id for lau in ds.laureates]
    assert [x["dossier_id"] for x in doc["proposed_laureates"]] == laureates
    assert {x["dossier_id"]: x["rank"] for x in doc["proposed_laureates"]} == {
        did: ranks[did] for did in laureates
    }
    pv_decision = {by_ref[r]: (rank, rest) for rank, r, rest in pv.get("7", [])}
    assert list(pv_decision) == laureates
    kinds = {dep.dossier_id: dep.kind for dep in ds.departures}
    for did, (rank, rest) in pv_decision.items():
        assert _rank(rank) == ranks[did]
        kind = kinds.get(did)
        if kind is DepartureKind.ADDED:
            assert "Ajout" in rest, did
        elif kind is DepartureKind.AMOUNT_CHANGED:
            assert "Montant modifié" in rest, did
        else:
            assert "Conforme" in rest, did
    removed = [d.dossier_id for d in ds.departures if d.kind is DepartureKind.REMOVED]
    assert [x["dossier_id"] for x in doc["departures"]] == removed
    assert [by_ref[r] for _, r, _ in pv.get("7-departures", [])] == removed
    unjustified = {
        (dep.dossier_id, dep.kind)
        for dep in ds.departures
        if not dep.justified and (dep.kind is DepartureKind.REMOVED or valid[dep.dossier_id])
    }
    code_of = {
        "unjustified_addition": DepartureKind.ADDED,
        "unjustified_amount": DepartureKind.AMOUNT_CHANGED,
        "unjustified_departure": DepartureKind.REMOVED,
    }
    assert {
        (b.dossier_id, code_of[b.code]) for b in ds.blockers if b.code in code_of
    } == unjustified

    # ---- hearings: a laureate that was not heard blocks
    not_heard = {did for did in laureates if valid[did] and not ds.dossier(did).heard}
    assert {b.dossier_id for b in ds.blockers if b.code == "laureate_not_heard"} == not_heard
