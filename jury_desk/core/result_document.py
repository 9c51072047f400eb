"""The results as data (``result.json``, CONTRACT section 2) and as a terminal table.

:func:`results_json` gives the ``results``, ``default_proposal`` and ``proposal_flags``
fields (``jury-desk results --json``); :func:`result_document` the whole ``result.json``
of an export; :func:`results_table` the French table that ``jury-desk results`` prints.
Computed numbers are written rounded half-to-even to 4 decimals
(:func:`~jury_desk.core.domain.round4`); every comparison was made before, on exact
values, by :mod:`jury_desk.core.deliberation`. Raw values (scores, weights) are written
exactly. Nothing here reads the database or writes a file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from jury_desk import __version__, messages
from jury_desk.core import fmt
from jury_desk.core import text as textrules
from jury_desk.core.deliberation import TIE_AT_BOUNDARY, DeliberationResult, DepartureKind
from jury_desk.core.domain import round4
from jury_desk.core.errors import Finding, finding

if TYPE_CHECKING:
    from jury_desk.core.readmodel import DeliberationState, DossierState
    from jury_desk.core.services import SessionState

FORMAT = "lai.result"
FORMAT_VERSION = 1
GENERATOR = "jury_desk"
PV_NAME = "proces-verbal.pdf"
AUDIT_NAME = "audit.jsonl"
RESULT_NAME = "result.json"
JWS_NAME = "result.json.jws"


# --------------------------------------------------------------------------- numbers


@lru_cache(maxsize=4096)  # a session has a few distinct values and thousands of scores
def exact_number(value: Fraction) -> int | float:
    """A raw value that has a short decimal form (scores, weights), as a JSON number."""
    d = Decimal(value.numerator) / Decimal(value.denominator)
    if Fraction(d) != value:  # not a finite decimal: fall back to the contract's rounding
        rounded = round4(value)
        assert rounded is not None
        return rounded
    if d == d.to_integral_value():
        return int(d)
    return float(d)


def _r4(value: Fraction | Decimal | None) -> float | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return round4(Fraction(value))
    return round4(value)


# --------------------------------------------------------------------------- results


def result_entry(ds: DeliberationState, d: DossierState) -> dict[str, Any]:
    """One item of ``results`` (``score``, ``median``, ``sd``, ``rank`` null when not valid)."""
    r = d.result
    entry: dict[str, Any] = {
        "dossier_id": r.dossier_id,
        "valid": r.valid,
        "sheets": r.sheets,
        "score": _r4(r.score) if r.valid else None,
        "median": _r4(r.median) if r.valid else None,
        "sd": _r4(r.sd) if r.valid else None,
        "criteria_means": {c.id: _r4(r.criteria_means.get(c.id)) for c in ds.session.criteria},
        "rank": r.rank if r.valid else None,
        "ex_aequo": r.ex_aequo,
        "eligible": r.eligible,
    }
    if not r.valid:
        entry["missing"] = [
            {"juror_id": m.juror_id, "criterion_ids": list(m.criterion_ids)} for m in r.missing
        ]
        if d.validity.jury_reason:
            entry["invalid_reason"] = d.validity.jury_reason
    return entry


def results_json(ds: DeliberationState) -> dict[str, Any]:
    """The ``results``, ``default_proposal`` and ``proposal_flags`` fields of result.json."""
    return {
        "results": [result_entry(ds, d) for d in ds.ranked],
        "default_proposal": [
            {"dossier_id": e.dossier_id, "amount_cents": e.amount_cents}
            for e in ds.default_proposal
        ],
        "proposal_flags": [
            {"dossier_ids": list(f.dossier_ids), "flag": f.flag} for f in ds.proposal_flags
        ],
    }


def result_document(
    ds: DeliberationState,
    *,
    export_seq: int,
    signer: Mapping[str, Any],
    files: Mapping[str, Mapping[str, Any]],
    audit_head: str,
    generated_at: datetime,
    purge_due_on: date | None = None,
) -> dict[str, Any]:
    """The whole ``result.json`` (CONTRACT section 2) of a closed deliberation.

    ``signer`` is ``{"name", "kid", "jwk"}`` (public key only); ``files`` gives
    ``{"bytes", "sha256"}`` of ``proces-verbal.pdf`` and ``audit.jsonl``.
    """
    if generated_at.tzinfo is None:
        raise ValueError("generated_at must carry its offset")
    st = ds.session
    d_order = {d.id: d.hearing_order for d in st.dossiers}
    j_order = {j.id: i for i, j in enumerate(st.jurors)}
    c_order = {c.id: i for i, c in enumerate(st.criteria)}

    recusals = sorted(st.recusals, key=lambda r: (d_order[r.dossier_id], j_order[r.juror_id]))
    hearings = []
    for d in sorted(st.dossiers, key=lambda d: d.hearing_order):
        h = st.hearings.get(d.id)
        heard = h is not None and h.started_at is not None
        hearings.append(
            {
                "dossier_id": d.id,
                "started_at": h.started_at if heard and h is not None else None,
                "presentation_s": h.presentation_s if heard and h is not None else None,
                "questions_s": h.questions_s if heard and h is not None else None,
            }
        )
    scores = [
        {"dossier_id": d, "juror_id": j, "criterion_id": c, "value": exact_number(v)}
        for (d, j, c), v in sorted(
            st.scores.items(),
            key=lambda kv: (d_order[kv[0][0]], j_order[kv[0][1]], c_order[kv[0][2]]),
        )
    ]
    comments = [
        {"dossier_id": d, "juror_id": j, "text": text}
        for (d, j), text in sorted(
            st.comments.items(), key=lambda kv: (d_order[kv[0][0]], j_order[kv[0][1]])
        )
        if text.strip()
    ]
    laureates = [
        {
            "dossier_id": lau.dossier_id,
            "amount_cents": lau.amount_cents,
            "rank": ds.dossier(lau.dossier_id).result.rank,
            "justification": lau.justification.strip() or None,
        }
        for lau in ds.laureates
    ]
    doc: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "session_id": st.info.id,
        "export_seq": export_seq,
        "demonstration": st.is_demo,
        "source_manifest_sha256": st.manifest_sha256,
        "generated_at": generated_at.isoformat(timespec="seconds"),
        "generator": {"name": GENERATOR, "version": __version__},
        "signer": {"name": signer["name"], "kid": signer["kid"], "jwk": dict(signer["jwk"])},
        "attendance": [{"juror_id": j.id, "present": j.id in st.present} for j in st.jurors],
        "recusals": [
            {
                "juror_id": r.juror_id,
                "dossier_id": r.dossier_id,
                "kind": r.kind.value,
                "reason": r.reason,
                "source": r.source.value,
            }
            for r in recusals
        ],
        "hearings": hearings,
        "scores": scores,
        "comments": comments,
        **results_json(ds),
        "proposed_laureates": laureates,
        "departures": [
            {"dossier_id": dep.dossier_id, "justification": dep.justification}
            for dep in ds.departures
            if dep.kind is DepartureKind.REMOVED
        ],
        "opinions": [
            {"dossier_id": did, "text": st.opinions[did].strip()}
            for did in sorted(st.opinions, key=lambda x: d_order[x])
            if st.opinions[did].strip()
        ],
        "deliberation": {
            "opened_at": st.opened_at,
            "closed_at": st.closed_at,
            "present": ds.quorum.present,
            "quorum_met": ds.quorum.met,
            "notes": st.notes,
        },
        "files": {
            name: {"bytes": int(f["bytes"]), "sha256": str(f["sha256"])}
            for name, f in files.items()
        },
        "audit_head": audit_head,
    }
    if purge_due_on is not None:
        doc["retention"] = {"purge_due_on": purge_due_on.isoformat()}
    return doc


def semantic_findings(doc: Mapping[str, Any]) -> list[Finding]:
    """What a schema cannot say about a result.json, as codes (empty when all holds)."""
    problems: list[Finding] = []
    results = {r["dossier_id"]: r for r in doc.get("results", [])}
    default = {e["dossier_id"]: e["amount_cents"] for e in doc.get("default_proposal", [])}
    chosen = set()
    for lau in doc.get("proposed_laureates", []):
        did = lau["dossier_id"]
        chosen.add(did)
        r = results.get(did)
        if r is None:
            problems.append(finding("semantic.laureate_without_result", dossier=did))
            continue
        if not r["valid"]:
            problems.append(finding("semantic.laureate_not_valid", dossier=did))
        if r["rank"] != lau["rank"]:
            problems.append(finding("semantic.laureate_rank", dossier=did))
        if default.get(did) != lau["amount_cents"] and not (lau.get("justification") or "").strip():
            problems.append(finding("semantic.laureate_unjustified", dossier=did))
    left_out = {did for did in default if did not in chosen}
    listed = {d["dossier_id"] for d in doc.get("departures", [])}
    if left_out != listed:
        problems.append(finding("semantic.departures_listed"))
    for did in default:
        if did not in results:
            problems.append(finding("semantic.default_unknown", dossier=did))
    return problems


def semantic_problems(doc: Mapping[str, Any]) -> list[str]:
    """The same in French (empty when all holds)."""
    return [messages.error_text(key, dict(params)) for key, params in semantic_findings(doc)]


# --------------------------------------------------------------------------- terminal


_ROLE = {"elu": "élu", "expert": "expert", "technicien": "technicien"}


def short_title(title: str, width: int) -> str:
    title = textrules.display(title)  # nothing that could reorder or hide the columns
    title = re.sub(
        r"[ \t\r\n]+", " ", title
    ).strip()  # keep no-break spaces (str.split() would not)
    return title if len(title) <= width else title[: width - 1].rstrip() + "…"


def _cell(text: str, width: int, right: bool = False) -> str:
    text = text if len(text) <= width else text[: width - 1] + "…"
    return text.rjust(width) if right else text.ljust(width)


def why_invalid(ds: DeliberationState, d: DossierState) -> str:
    """Why a dossier is not valid, with the jury's reason, in French (terminal, PV)."""
    st = ds.session
    what = messages.missing_text(  # criteria by their ids: the terminal's columns
        d.validity.params,
        names=messages.Names(jurors={j.id: j.name for j in st.jurors}),
        criteria=len(st.criteria),
    )
    parts = [what] if what else []
    if d.validity.jury_reason:
        parts.append(f"motif : {fmt.quote(d.validity.jury_reason)}")
    return "non valide : " + " ; ".join(parts) if parts else "non valide"


def results_table(ds: DeliberationState) -> str:
    """The ranking, the default proposal and its flags, for a terminal (French)."""
    st, result = ds.session, ds.result
    rules = st.info.rules
    lines: list[str] = []
    lines.append(
        textrules.display(st.info.title) + (" — SESSION DE DÉMONSTRATION" if st.is_demo else "")
    )
    lines.append(f"Séance du {fmt.long_date(st.info.date)} — {textrules.display(st.info.venue)}")
    quorum = "atteint" if ds.quorum.met else "NON ATTEINT"
    lines.append(
        f"Présents : {ds.quorum.present} sur {len(st.jurors)} (quorum de {ds.quorum.required} : {quorum}) — "
        f"note minimale : {fmt.note20(rules.min_score)} — au moins {rules.min_sheets} feuilles par dossier"
    )
    lines.append("")
    widths = (5, 46, 9, 8, 11, 9, 9)
    head = ("Rang", "Dossier", "Note /20", "Médiane", "Écart-type", "Feuilles", "Éligible")
    lines.append(
        "  ".join(
            _cell(h, w, right=i >= 2) for i, (h, w) in enumerate(zip(head, widths, strict=True))
        )
        + "  Remarques"
    )
    lines.append("  ".join("─" * w for w in widths) + "  " + "─" * 12)
    for ds_d in ds.ranked:
        r, d = ds_d.result, ds_d.dossier
        label = f"{d.reference} {short_title(d.title, widths[1] - len(d.reference) - 1)}"
        if r.valid:
            rank = f"{r.rank}" + ("=" if r.ex_aequo else "")
            cells = (
                rank,
                label,
                fmt.number(r.score, 2),
                fmt.number(r.median, 2),
                fmt.number(r.sd, 2),
                f"{r.sheets}/{len(r.counted)}",
                "oui" if r.eligible else "non",
            )
            remarks = []
            if r.ex_aequo:
                remarks.append("ex æquo")
            if r.disagreement:
                remarks.append("désaccord du jury")
            if ds_d.in_proposal:
                remarks.append("proposé")
            elif r.eligible:
                remarks.append("éligible, hors enveloppe")
            if ds_d.tie_at_boundary:
                remarks.append("égalité à la limite")
        else:
            cells = ("—", label, "—", "—", "—", f"{r.sheets}/{len(r.counted)}", "non")
            remarks = [why_invalid(ds, ds_d)]
        lines.append(
            "  ".join(
                _cell(c, w, right=i >= 2)
                for i, (c, w) in enumerate(zip(cells, widths, strict=True))
            )
            + "  "
            + ", ".join(remarks)
        )
    if any(r.ex_aequo for r in result.results):
        lines.append("(« = » : ex æquo, même note exacte.)")
    lines.append("")

    env = ds.envelope.envelope_cents
    cap = ds.envelope.max_laureates
    limits = f"enveloppe : {fmt.euros(env)}" + (
        f", au plus {cap} lauréat(s)" if cap is not None else ""
    )
    lines.append(f"Proposition par défaut ({limits}) :")
    if not ds.default_proposal:
        lines.append("  aucun dossier éligible ne tient dans l’enveloppe.")
    for i, e in enumerate(ds.default_proposal, start=1):
        d = st.dossier(e.dossier_id)
        r = result.by_id(e.dossier_id)
        lines.append(
            f"  {i:>2}. {d.reference} {short_title(d.title, 44):<44}  "
            f"{fmt.note20(r.score):>9}  {fmt.euros(e.amount_cents):>14}"
        )
    total = ds.envelope.proposal_total_cents
    used = f"Total : {fmt.euros(total)}"
    if env is not None:
        used += f" sur {fmt.euros(env)} — reste {fmt.euros(env - total)}"
    lines.append("  " + used + ".")
    for f in ds.proposal_flags:
        lines.append("  " + flag_sentence(st, result, f.dossier_ids, f.flag))
    return "\n".join(lines) + "\n"


def flag_sentence(
    st: SessionState, result: DeliberationResult, dossier_ids: Sequence[str], flag: str
) -> str:
    """A proposal flag in words."""
    refs = [st.dossier(d).reference for d in dossier_ids]
    names = ", ".join(refs[:-1]) + " et " + refs[-1] if len(refs) > 1 else refs[0]
    if flag == TIE_AT_BOUNDARY:
        r = result.by_id(dossier_ids[0])
        return (
            f"Égalité à la limite de l’enveloppe : {names} sont ex æquo au rang {r.rank} ; "
            "l’un d’eux seul tiendrait dans l’enveloppe, mais pas tous ensemble. "
            "Le jury doit trancher."
        )
    return f"Signalement « {flag} » : {names}."


def role_label(role: str) -> str:
    return _ROLE.get(role, role)
