"""Synthetic sessions for the benchmarks: one builder, shared by ``export.py``,
``cli.py`` and ``gui.py``.

:func:`synthetic_source` starts from the demonstration's manifest (its jurors, criteria
and rules) and writes ``dossiers`` dossiers with realistic titles; with ``jurors`` or
``criteria`` above the demonstration's (7 and 5), more are added, copies of the
demonstration's with their own ids. :func:`build` makes the signed bundle, imports it
into a fresh database and fills every sheet (:func:`fill_scores`).

``benchmarks/deliberation.py`` keeps its own in-memory ``Synthetic`` (pure rules input).
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from jury_desk.core import bundle, crypto, resources
from jury_desk.core.services import Desk

WORDS = [
    "atelier",
    "jardin",
    "solidaire",
    "numérique",
    "jeunes",
    "seniors",
    "quartier",
    "partagé",
    "mobile",
    "école",
    "vélo",
    "cuisine",
    "réemploi",
    "santé",
    "sport",
    "lecture",
    "théâtre",
    "musique",
    "radio",
    "emploi",
    "insertion",
    "énergie",
    "mémoire",
    "parentalité",
    "tiers-lieu",
    "épicerie",
    "laverie",
    "potager",
    "journal",
]


def synthetic_source(
    folder: Path, dossiers: int, seed: int = 2026, jurors: int = 7, criteria: int = 5
) -> Path:
    """A session source folder: the demo manifest with ``dossiers`` dossiers, no attachments."""
    rng = random.Random(seed)
    doc: dict[str, Any] = json.loads(
        resources.path("demo", "source", "manifest.json").read_text(encoding="utf-8")
    )
    template = doc["dossiers"][0]
    doc["session"]["id"] = f"bench-{dossiers}x{jurors}x{criteria}"
    doc["session"]["title"] = f"Session de mesure — {dossiers} dossiers"
    base_jurors, base_criteria = list(doc["jurors"]), list(doc["criteria"])
    doc["jurors"] = [
        {**base_jurors[i % len(base_jurors)], "id": f"j{i + 1:02d}"}
        | ({} if i < len(base_jurors) else {"name": f"Juré n° {i + 1}"})
        for i in range(jurors)
    ]
    doc["criteria"] = [
        base_criteria[i]
        if i < len(base_criteria)
        else {
            **base_criteria[i % len(base_criteria)],
            "id": f"{base_criteria[i % len(base_criteria)]['id']}-{i + 1}",
        }
        for i in range(criteria)
    ]
    total = 0
    items = []
    for i in range(dossiers):
        amount = rng.randrange(40, 250) * 10_000
        total += amount
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(3, 8))).capitalize()
        items.append(
            {
                **template,
                "id": f"d{i + 1:02d}",
                "reference": f"LAI-2026-{i + 1:03d}",
                "title": f"{title} : projet n° {i + 1}",
                "amount_requested_cents": amount,
                "budget_total_cents": amount * 3,
                "hearing": {"order": i + 1, "start": None},
                "attachments": [],
            }
        )
    doc["dossiers"] = items
    doc["session"]["envelope_cents"] = total // 3
    doc["session"]["quorum"] = min(doc["session"]["quorum"], jurors)
    doc["conflicts"] = [
        {"juror_id": "j03", "dossier_id": "d01", "reason": "Élue de la commune du projet"}
    ]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "manifest.json").write_text(
        json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    return folder


def fill_scores(desk: Desk, sid: str, seed: int = 7) -> int:
    rng = random.Random(seed)
    st = desk.state(sid)
    rows = []
    for d in st.dossiers:
        quality = rng.random()
        for j in st.jurors:
            if st.recusal(j.id, d.id) is not None:
                continue
            for c in st.criteria:
                values = c.allowed_values()
                pos = min(max(quality + rng.gauss(0, 0.15), 0), 1)
                rows.append((d.id, j.id, c.id, values[round(pos * (len(values) - 1))]))
    return desk.record_scores(sid, rows)


def build(
    folder: Path, dossiers: int, jurors: int = 7, criteria: int = 5, scores: bool = True
) -> tuple[Desk, str, int]:
    """A signed bundle made (its key added to the installation's trusted keys, in the
    configuration folder of ``JURY_DESK_CONFIG_DIR``), imported into
    ``folder/bench.sqlite3`` and (with ``scores``) every sheet filled: the open Desk, the
    session id and the number of scores."""
    from jury_desk.core import keys

    folder.mkdir(parents=True, exist_ok=True)
    hq = crypto.new_private_key()
    jwks = folder / "hq.jwks"
    jwks.write_bytes(crypto.jwks_document([crypto.public_jwk(hq)]))
    keys.add_trusted(jwks, "Siège (banc d’essai)")  # an export checks the manifest's signer
    source = synthetic_source(folder / "source", dossiers, jurors=jurors, criteria=criteria)
    bundle.make_bundle(source, hq, folder / "session.zip")
    desk = Desk(folder / "bench.sqlite3")
    sid = desk.import_bundle(folder / "session.zip", [crypto.public_jwk(hq)]).session_id
    hear_all(desk, sid)
    return desk, sid, fill_scores(desk, sid) if scores else 0


def hear_all(desk: Desk, sid: str) -> None:
    """Every dossier heard (entered afterwards, in one transaction): a laureate must have
    a recorded hearing before the deliberation closes."""
    from jury_desk.core.hearings import HearingEntry

    entries = [
        HearingEntry(
            d.id,
            f"2026-06-18T{9 + i // 6 % 9:02d}:{i % 6 * 10:02d}:00+02:00",
            540,
            480,
            "Audition tenue sur papier, saisie après coup pour la mesure.",
        )
        for i, d in enumerate(desk.state(sid).dossiers)
    ]
    desk.record_hearings_afterwards(sid, entries)
