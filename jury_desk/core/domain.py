"""Plain data of a jury session, free of storage and of Qt.

Numbers that the rules compare are :class:`fractions.Fraction` (exact); money is in
whole euro cents (``int``). These objects are what the storage layer hands to the
deliberation rules and what the report and the UI read.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import field
from decimal import ROUND_HALF_EVEN, Decimal
from enum import StrEnum
from fractions import Fraction

from jury_desk.core.records import record


class Role(StrEnum):
    ELU = "elu"
    EXPERT = "expert"
    TECHNICIEN = "technicien"


class HolderKind(StrEnum):
    ASSOCIATION = "association"
    COLLECTIF = "collectif"
    HABITANTS = "habitants"
    AUTRE = "autre"


class RecusalKind(StrEnum):
    CONFLICT = "conflict"  # conflict of interest, or a "déport" recorded in the session
    ABSENT = "absent"  # absent from that hearing


class RecusalSource(StrEnum):
    BUNDLE = "bundle"
    SESSION = "session"


_PLAIN_DECIMAL = re.compile(r"\s*-?[0-9]+(?:[.,][0-9]*)?\s*")


def to_fraction(value: object) -> Fraction:
    """Exact value of a JSON number or a decimal string (never through binary float)."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, bool):
        raise TypeError("a boolean is not a number")
    if isinstance(value, int | Decimal):
        return Fraction(value)
    if isinstance(value, float):
        return Fraction(Decimal(repr(value)))
    if isinstance(value, str):
        known = _STRING_FRACTIONS.get(value)
        if known is not None:
            return known
        if not _PLAIN_DECIMAL.fullmatch(value):
            raise ValueError(f"not a plain decimal number: {value!r}")
        fraction = Fraction(Decimal(value.strip().replace(",", ".")))
        if len(value) <= 16:
            if len(_STRING_FRACTIONS) >= 4096:
                _STRING_FRACTIONS.clear()
            _STRING_FRACTIONS[value] = fraction
        return fraction
    raise TypeError(f"not a number: {value!r}")


# Decimal texts already read: a session's scores take a few values tens of thousands of
# times (every replay of the audit log reads each one), and a Fraction is immutable.
_STRING_FRACTIONS: dict[str, Fraction] = {}


def round4(value: Fraction | None) -> float | None:
    """Round half-to-even to 4 decimals for output (CONTRACT section 2)."""
    if value is None:
        return None
    q = Decimal(value.numerator) / Decimal(value.denominator)
    return float(q.quantize(Decimal("0.0001"), rounding=ROUND_HALF_EVEN))


def decimal_text(value: Fraction) -> str:
    """Shortest exact decimal text of a value that has one (scores, weights)."""
    d = Decimal(value.numerator) / Decimal(value.denominator)
    if Fraction(d) != value:
        raise ValueError(f"{value} has no finite decimal form")
    text = format(d.normalize(), "f")
    return text


@record
class Criterion:
    id: str
    label: str
    description: str
    weight: Fraction
    min: Fraction
    max: Fraction
    step: Fraction

    def is_valid(self, value: Fraction) -> bool:
        """Within [min, max] and a whole number of steps above min: ``(value - min) /
        step`` is an integer. Computed on numerators and denominators (positive), as
        Fraction arithmetic would, without building Fractions: every replay of the audit
        log checks each score (45,000 checks per export at 300 dossiers x 15 jurors)."""
        a, b = value.numerator, value.denominator
        lo, hi, step = self.min, self.max, self.step
        if a * lo.denominator < lo.numerator * b or a * hi.denominator > hi.numerator * b:
            return False
        above = (a * lo.denominator - lo.numerator * b) * step.denominator
        return above % (b * lo.denominator * step.numerator) == 0

    def allowed_values(self) -> list[Fraction]:
        n = int((self.max - self.min) / self.step)
        return [self.min + i * self.step for i in range(n + 1)]


@record
class Juror:
    id: str
    name: str
    role: Role
    organisation: str
    commune: str | None


@record
class Timer:
    presentation_s: int
    questions_s: int
    warning_s: int


# The disagreement thresholds' defaults (deliberation aids; a session may change them).
DEFAULT_SD_THRESHOLD = Fraction(3)
DEFAULT_RANGE_THRESHOLD = Fraction(8)


@record
class Rules:
    quorum: int
    min_sheets: int
    min_score: Fraction
    envelope_cents: int | None
    max_laureates: int | None
    # Deliberation aids (flags only, never deciding); the session may change them.
    sd_threshold: Fraction = DEFAULT_SD_THRESHOLD
    range_threshold: Fraction = DEFAULT_RANGE_THRESHOLD


@record
class Attachment:
    path: str  # the name inside the bundle; never a path on disk
    title: str
    media_type: str
    bytes: int
    sha256: str


@record
class Dossier:
    id: str
    reference: str
    title: str
    commune: str
    qpv_code: str
    qpv_name: str
    holder_name: str
    holder_kind: HolderKind
    holder_rna: str | None
    holder_siret: str | None
    holder_contact: str | None
    project_manager: str
    summary: str
    amount_requested_cents: int
    budget_total_cents: int
    hearing_order: int
    hearing_start: str | None
    attachments: tuple[Attachment, ...] = ()


@record
class Conflict:
    juror_id: str
    dossier_id: str
    reason: str


@record
class SessionInfo:
    id: str
    title: str
    edition: int
    date: str
    venue: str
    rules: Rules
    timer: Timer


@record
class Manifest:
    """A parsed, validated ``manifest.json`` (CONTRACT section 1)."""

    session: SessionInfo
    criteria: tuple[Criterion, ...]
    jurors: tuple[Juror, ...]
    dossiers: tuple[Dossier, ...]
    conflicts: tuple[Conflict, ...]


@record
class DossierRef:
    """What the rules need of a dossier."""

    id: str
    amount_requested_cents: int
    hearing_order: int


ScoreKey = tuple[str, str, str]  # (dossier_id, juror_id, criterion_id)


@record(slots=False)
class DeliberationInput:
    """Everything section 4 of the contract needs, as exact values."""

    rules: Rules
    criteria: tuple[Criterion, ...]
    juror_ids: tuple[str, ...]
    dossiers: tuple[DossierRef, ...]
    present: frozenset[str]
    recused: frozenset[tuple[str, str]]  # (juror_id, dossier_id)
    scores: Mapping[ScoreKey, Fraction] = field(default_factory=dict)


@record
class LaureateDecision:
    dossier_id: str
    amount_cents: int
    justification: str = ""


@record(slots=False)
class JuryDecision:
    """The jury's final list and the written reasons that closing requires."""

    laureates: tuple[LaureateDecision, ...] = ()
    departures: Mapping[str, str] = field(default_factory=dict)  # dossier_id -> justification
    invalid_reasons: Mapping[str, str] = field(default_factory=dict)  # dossier_id -> reason
