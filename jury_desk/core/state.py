"""What a session looks like once read: plain dataclasses, no database library.

:class:`SessionState` and its parts are filled by :meth:`jury_desk.core.services.Desk.state`
(SQLAlchemy/sqlmodel) and by :func:`jury_desk.core.quickread.read_state` (plain
``sqlite3``, read-only, for the GUI's first paint and the read-only commands). This
module imports only the domain types, so that a screen or a command that only shows a
session does not pay for the ORM (``tests/core/test_import_cost.py``).
``jury_desk.core.services`` re-exports every name defined here.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction

from jury_desk.core.domain import (
    DEFAULT_RANGE_THRESHOLD,
    DEFAULT_SD_THRESHOLD,
    Conflict,
    Criterion,
    DeliberationInput,
    Dossier,
    DossierRef,
    Juror,
    JuryDecision,
    LaureateDecision,
    RecusalKind,
    RecusalSource,
    Rules,
    SessionInfo,
    decimal_text,
)
from jury_desk.core.records import record


@record
class SessionSummary:
    id: str
    title: str
    date: str
    is_demo: bool
    imported_at: str
    closed: bool


@record
class Recusal:
    juror_id: str
    dossier_id: str
    kind: RecusalKind
    reason: str
    source: RecusalSource
    at: str | None


@record
class Hearing:
    dossier_id: str
    state: str  # a_venir | en_audition | entendu
    started_at: str | None
    presentation_s: int | None
    questions_s: int | None
    phase: str | None
    phase_elapsed_ms: int
    running_since: str | None


@dataclass
class SessionState:
    """Everything about one session, read in one transaction."""

    info: SessionInfo
    is_demo: bool
    manifest_sha256: str
    criteria: tuple[Criterion, ...]
    jurors: tuple[Juror, ...]
    dossiers: tuple[Dossier, ...]
    conflicts: tuple[Conflict, ...]
    attendance_taken: bool
    present: frozenset[str]
    recusals: tuple[Recusal, ...]
    scores: dict[tuple[str, str, str], Fraction]
    comments: dict[tuple[str, str], str]  # (dossier, juror) -> text
    opinions: dict[str, str]
    invalid_reasons: dict[str, str]
    hearings: dict[str, Hearing]
    blind: bool
    revealed: bool
    current_dossier_id: str | None
    opened_at: str | None
    closed_at: str | None
    notes: str
    decision_made: bool
    laureates: tuple[LaureateDecision, ...]
    departures: dict[str, str]
    export_seq: int
    audit_head: str
    audit_count: int
    sd_threshold: Fraction = DEFAULT_SD_THRESHOLD
    range_threshold: Fraction = DEFAULT_RANGE_THRESHOLD
    # the validated (sealed) sheets, as (dossier, juror): a later change needs a reason
    sealed: set[tuple[str, str]] = field(default_factory=set)
    _juror_by_id: dict[str, Juror] = field(default_factory=dict, repr=False, compare=False)
    _dossier_by_id: dict[str, Dossier] = field(default_factory=dict, repr=False, compare=False)

    def juror(self, juror_id: str) -> Juror:
        if not self._juror_by_id:
            self._juror_by_id = {j.id: j for j in self.jurors}
        return self._juror_by_id[juror_id]

    def dossier(self, dossier_id: str) -> Dossier:
        if not self._dossier_by_id:
            self._dossier_by_id = {d.id: d for d in self.dossiers}
        return self._dossier_by_id[dossier_id]

    @property
    def closed(self) -> bool:
        return self.closed_at is not None

    @property
    def rules(self) -> Rules:
        r = self.info.rules
        return Rules(
            r.quorum,
            r.min_sheets,
            r.min_score,
            r.envelope_cents,
            r.max_laureates,
            self.sd_threshold,
            self.range_threshold,
        )

    def recusal(self, juror_id: str, dossier_id: str) -> Recusal | None:
        for r in self.recusals:
            if r.juror_id == juror_id and r.dossier_id == dossier_id:
                return r
        return None

    def deliberation_input(self) -> DeliberationInput:
        return DeliberationInput(
            rules=self.rules,
            criteria=self.criteria,
            juror_ids=tuple(j.id for j in self.jurors),
            dossiers=tuple(
                DossierRef(d.id, d.amount_requested_cents, d.hearing_order) for d in self.dossiers
            ),
            present=self.present,
            recused=frozenset((r.juror_id, r.dossier_id) for r in self.recusals),
            scores=self.scores,
        )

    def decision(self) -> JuryDecision:
        return JuryDecision(self.laureates, dict(self.departures), dict(self.invalid_reasons))


@record
class ScoreWrite:
    dossier_id: str
    juror_id: str
    criterion_id: str
    value: Fraction | None
    previous: Fraction | None
    at: str


def format_value(v: Fraction) -> str:
    return decimal_text(v).replace(".", ",")


def scores_csv(st: SessionState) -> str:
    """Every score of the session as CSV (``dossier_id,juror_id,criterion_id,value``), in
    hearing, juror and criterion order: what ``jury-desk scores export`` prints."""
    import csv  # not at the GUI's start

    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["dossier_id", "juror_id", "criterion_id", "value"])
    d_order = {d.id: d.hearing_order for d in st.dossiers}
    j_order = {j.id: i for i, j in enumerate(st.jurors)}
    c_order = {c.id: i for i, c in enumerate(st.criteria)}
    for (d, j, c), v in sorted(
        st.scores.items(),
        key=lambda kv: (d_order[kv[0][0]], j_order[kv[0][1]], c_order[kv[0][2]]),
    ):
        w.writerow([d, j, c, decimal_text(v)])
    return out.getvalue()


def value_authors(score_authors: Mapping[tuple[str, str, str], str]) -> dict[str, tuple[int, int]]:
    """Per juror: how many values in force they entered on their own device, and how many
    the secretariat entered for them, from the actor of each value's last entry (a
    juror's device is « juré:<id>/appareil:<code> »)."""
    out: dict[str, tuple[int, int]] = {}
    for (_dossier, juror, _criterion), actor in score_authors.items():
        device, secretariat = out.get(juror, (0, 0))
        if actor.startswith(f"juré:{juror}/"):
            out[juror] = (device + 1, secretariat)
        else:
            out[juror] = (device, secretariat + 1)
    return out
