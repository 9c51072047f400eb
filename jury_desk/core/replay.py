"""The session rebuilt from what was signed: the manifest bytes and the audit log alone.

CONTRACT sections 2 and 6: ``result.json`` is derivable. :class:`Replayer` folds the
audit entries, one at a time (so that ``verify`` can stream a large ``audit.jsonl``),
over the manifest that headquarters signed, and rebuilds attendance, recusals, scores,
comments, hearings, opinions, reasons, notes and the jury's decisions.
:func:`session_state` turns that into the same :class:`~jury_desk.core.services.SessionState`
the database gives, so that :mod:`~jury_desk.core.deliberation` and
:mod:`~jury_desk.core.result_document` compute the expected ``result.json`` with the very code
the export uses. :func:`state_differences` and :func:`document_differences` name what
differs, as codes (:class:`Difference`) that ``jury_desk.messages`` words.

Without the manifest (``verify`` without ``--session-bundle``) the replay still rebuilds
the record (who was present, who was recused, every value, text and decision) for the
ids that ``result.json`` itself lists; only the computation (notes, ranks, proposal) then
needs the manifest.

Nothing here reads the database or a file: pure functions over bytes and dicts.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from jury_desk.core import audit
from jury_desk.core.domain import (
    DEFAULT_RANGE_THRESHOLD,
    DEFAULT_SD_THRESHOLD,
    LaureateDecision,
    Manifest,
    RecusalKind,
    RecusalSource,
    decimal_text,
    to_fraction,
)
from jury_desk.core.errors import Problem, Quoted
from jury_desk.core.records import record

if TYPE_CHECKING:
    from jury_desk.core.services import SessionState

IMPORT = "session.import"
EXPORT = "export.written"

# Entries that record something outside the session's record (or nothing to replay).
INFORMATIONAL = frozenset(
    {
        "export.failed",
        "export.verified",
        "snapshot.restore",
        "settings.blind",
        "scores.reveal",
    }
)


class ReplayError(Problem):
    """The audit log cannot be replayed: ``code`` says why, ``seq`` names the entry.

    The catalogue key is ``replay.<code>`` (``error.replay.<code>`` in
    ``jury_desk.messages``), worded with ``params`` (``seq`` among them); ``message`` is
    the French wording, for the command line and the logs."""

    def __init__(self, code: str, seq: int | None = None, **params: object) -> None:
        super().__init__(code, "replay." + code, seq=seq, **params)
        self.seq = seq


@dataclass
class HearingRecord:
    started_at: str | None = None
    presentation_s: int | None = None
    questions_s: int | None = None


@dataclass
class Known:
    """The ids a replay without manifest accepts (those result.json lists)."""

    jurors: frozenset[str]
    dossiers: frozenset[str]
    criteria: frozenset[str]


@record
class SealedChange:
    """A value changed on a validated (sealed) sheet, with its reason: the minutes list
    every one (issue 14)."""

    at: str
    actor: str
    dossier_id: str
    juror_id: str
    criterion_id: str
    previous: str | None  # None: the value had been cleared
    value: str | None  # None: cleared
    reason: str


@dataclass
class Replayed:
    manifest_sha256: str
    is_demo: bool = False
    attendance_taken: bool = False
    absent: set[str] = field(default_factory=set)
    recusals: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)  # kind, reason
    scores: dict[tuple[str, str, str], Fraction] = field(default_factory=dict)
    # Who entered each value in force: the actor of its last entry (a juror's device is
    # « juré:<id>/appareil:<code> »; the laptop's grid and paper sheets, the secretariat).
    score_authors: dict[tuple[str, str, str], str] = field(default_factory=dict)
    sealed: set[tuple[str, str]] = field(default_factory=set)  # (dossier, juror) validated
    sealed_changes: list[SealedChange] = field(default_factory=list)  # in the log's order
    comments: dict[tuple[str, str], str] = field(default_factory=dict)
    opinions: dict[str, str] = field(default_factory=dict)
    invalid_reasons: dict[str, str] = field(default_factory=dict)
    notes: str = ""
    hearings: dict[str, HearingRecord] = field(default_factory=dict)
    sd_threshold: Fraction = DEFAULT_SD_THRESHOLD
    range_threshold: Fraction = DEFAULT_RANGE_THRESHOLD
    blind: bool | None = None
    revealed: bool = False
    opened_at: str | None = None
    closed_at: str | None = None
    decision_made: bool = False
    laureates: dict[str, LaureateDecision] = field(default_factory=dict)
    departures: dict[str, str] = field(default_factory=dict)
    export_seq: int = 0
    count: int = 0
    last_action: str | None = None
    last_data: dict[str, Any] = field(default_factory=dict)
    unknown_actions: set[str] = field(default_factory=set)


def _text(data: Mapping[str, Any], key: str, seq: int, *, allow_none: bool = False) -> Any:
    value = data.get(key)
    if value is None and allow_none:
        return None
    if not isinstance(value, str):
        raise ReplayError("field_missing", seq, field=key)
    return value


class Replayer:
    """Folds audit entries, in order, over a manifest (or over ``known`` ids)."""

    def __init__(
        self,
        manifest_bytes: bytes | None,
        manifest: Manifest | None,
        *,
        known: Known | None = None,
        manifest_sha256: str | None = None,
    ) -> None:
        if manifest_bytes is not None:
            manifest_sha256 = hashlib.sha256(manifest_bytes).hexdigest()
        if manifest_sha256 is None:
            raise ValueError("the manifest or its SHA-256 is needed")
        self.manifest = manifest
        self.state = Replayed(manifest_sha256)
        if manifest is not None:
            self.criteria = {c.id: c for c in manifest.criteria}
            self.jurors: frozenset[str] = frozenset(j.id for j in manifest.jurors)
            self.dossiers: frozenset[str] = frozenset(d.id for d in manifest.dossiers)
            self.criterion_ids: frozenset[str] = frozenset(self.criteria)
            self.conflicts = {(c.juror_id, c.dossier_id) for c in manifest.conflicts}
            self.state.hearings = {d.id: HearingRecord() for d in manifest.dossiers}
        else:
            if known is None:
                raise ValueError("a replay without manifest needs the known ids")
            self.criteria = {}
            self.jurors, self.dossiers, self.criterion_ids = (
                known.jurors,
                known.dossiers,
                known.criteria,
            )
            self.conflicts = set()
            self.state.hearings = {d: HearingRecord() for d in known.dossiers}

    # ------------------------------------------------------------------ checks

    def _juror(self, data: Mapping[str, Any], seq: int) -> str:
        jid = _text(data, "juror_id", seq)
        if jid not in self.jurors:
            raise ReplayError("unknown_juror", seq, juror=jid[:64])
        return str(jid)

    def _dossier(self, data: Mapping[str, Any], seq: int, key: str = "dossier_id") -> str:
        did = _text(data, key, seq)
        if did not in self.dossiers:
            raise ReplayError("unknown_dossier", seq, dossier=did[:64])
        return str(did)

    def _criterion(self, data: Mapping[str, Any], seq: int) -> str:
        cid = _text(data, "criterion_id", seq)
        if cid not in self.criterion_ids:
            raise ReplayError("unknown_criterion", seq, criterion=cid[:64])
        return str(cid)

    def _value(self, data: Mapping[str, Any], cid: str, seq: int) -> Fraction:
        raw = _text(data, "value", seq)
        try:
            value = to_fraction(raw)
        except (TypeError, ValueError, ArithmeticError) as exc:
            raise ReplayError("value_unreadable", seq, value=raw[:20]) from exc
        crit = self.criteria.get(cid)
        if crit is not None and not crit.is_valid(value):
            raise ReplayError("value_out_of_scale", seq, value=raw, criterion=cid)
        return value

    @staticmethod
    def _int_or_none(data: Mapping[str, Any], key: str, seq: int) -> int | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ReplayError("field_invalid", seq, field=key)
        return value

    # ------------------------------------------------------------------ folding

    def feed(self, entry: Mapping[str, Any]) -> None:
        st = self.state
        seq = entry.get("seq")
        action = entry.get("action")
        data = entry.get("data")
        at = entry.get("at")
        if not isinstance(seq, int) or not isinstance(action, str) or not isinstance(data, dict):
            raise ReplayError("entry_shape", st.count + 1)
        if not isinstance(at, str):
            raise ReplayError("no_date", seq)
        st.count += 1
        if st.count == 1:
            if action != IMPORT:
                raise ReplayError("first_not_import", seq, action=action[:40])
            if data.get("manifest_sha256") != st.manifest_sha256:
                raise ReplayError("other_manifest", seq)
            st.is_demo = bool(data.get("demo", False))
        elif action == IMPORT:
            raise ReplayError("second_import", seq)
        else:
            self._apply(action, data, seq, at)
            if action in audit.SCORE_ACTIONS:
                key = (data["dossier_id"], data["juror_id"], data["criterion_id"])
                actor = str(entry.get("actor", ""))
                if action == "score.clear":
                    st.score_authors.pop(key, None)
                else:
                    st.score_authors[key] = actor
                if (key[0], key[1]) in st.sealed:  # _apply checked the reason
                    previous, value = data.get("previous"), data.get("value")
                    st.sealed_changes.append(
                        SealedChange(
                            at,
                            actor,
                            *key,
                            previous if isinstance(previous, str) else None,
                            value if isinstance(value, str) else None,
                            str(data["reason"]).strip(),
                        )
                    )
        st.last_action = action
        st.last_data = dict(data)

    def _apply(  # noqa: C901 - one branch per audit action; to become a dispatch table
        self, action: str, data: Mapping[str, Any], seq: int, at: str
    ) -> None:
        st = self.state
        if action == "attendance.set":
            absent = data.get("absent")
            if not isinstance(absent, list) or not all(isinstance(j, str) for j in absent):
                raise ReplayError("absent_list", seq)
            for j in absent:
                self._juror({"juror_id": j}, seq)
            st.absent = set(absent)
            st.attendance_taken = True
        elif action == "attendance.juror":
            jid = self._juror(data, seq)
            present = data.get("present")
            if not isinstance(present, bool):
                raise ReplayError("field_invalid", seq, field="present")
            if present:
                st.absent.discard(jid)
            else:
                st.absent.add(jid)
            st.attendance_taken = True
        elif action == "recusal.add":
            pair = (self._juror(data, seq), self._dossier(data, seq))
            kind = _text(data, "kind", seq)
            if kind not in {k.value for k in RecusalKind}:
                raise ReplayError("recusal_kind", seq, kind=kind)
            if pair in self.conflicts or pair in st.recusals:
                raise ReplayError("recusal_duplicate", seq)
            st.recusals[pair] = (kind, _text(data, "reason", seq))
        elif action == "recusal.remove":
            pair = (self._juror(data, seq), self._dossier(data, seq))
            if st.recusals.pop(pair, None) is None:
                raise ReplayError("recusal_missing", seq)
        elif action in ("score.set", "score.correct"):
            key = (self._dossier(data, seq), self._juror(data, seq), self._criterion(data, seq))
            self._check_seal(st, key, data, seq)
            st.scores[key] = self._value(data, key[2], seq)
        elif action == "sheet.validated":
            pair = (self._dossier(data, seq), self._juror(data, seq))
            if pair in st.sealed:
                raise ReplayError("sheet_validated", seq)
            st.sealed.add(pair)
        elif action == "score.clear":
            key = (self._dossier(data, seq), self._juror(data, seq), self._criterion(data, seq))
            self._check_seal(st, key, data, seq)
            if st.scores.pop(key, None) is None:
                raise ReplayError("clear_missing", seq)
        elif action == "comment.set":
            ckey = (self._dossier(data, seq), self._juror(data, seq))
            self._set(st.comments, ckey, _text(data, "text", seq))
        elif action == "opinion.set":
            self._set(st.opinions, self._dossier(data, seq), _text(data, "text", seq))
        elif action == "invalid_reason.set":
            self._set(st.invalid_reasons, self._dossier(data, seq), _text(data, "reason", seq))
        elif action == "notes.set":
            st.notes = _text(data, "notes", seq)
        elif action == "settings.thresholds":
            try:
                st.sd_threshold = to_fraction(_text(data, "sd", seq))
                st.range_threshold = to_fraction(_text(data, "spread", seq))
            except (TypeError, ValueError, ArithmeticError) as exc:
                raise ReplayError("thresholds_unreadable", seq) from exc
        elif action.startswith("hearing."):
            did = self._dossier(data, seq)
            h = st.hearings.setdefault(did, HearingRecord())
            verb = action.split(".", 1)[1]
            if "started_at" in data:
                h.started_at = _text(data, "started_at", seq, allow_none=True)
            elif verb == "reset":  # entries written before "started_at" was recorded
                h.started_at = None
            elif verb == "start" and h.started_at is None:
                h.started_at = at
            h.presentation_s = self._int_or_none(data, "presentation_s", seq)
            h.questions_s = self._int_or_none(data, "questions_s", seq)
        elif action == "deliberation.open":
            if st.opened_at is None:
                st.opened_at = _text(data, "opened_at", seq) if "opened_at" in data else at
        elif action == "decision.set":
            self._decision(data, seq, at)
        elif action == "deliberation.close":
            closed = _text(data, "closed_at", seq) if "closed_at" in data else at
            if "opened_at" in data:
                st.opened_at = _text(data, "opened_at", seq)
            elif st.opened_at is None:
                st.opened_at = closed
            st.closed_at = closed
        elif action == "deliberation.reopen":
            st.closed_at = None
        elif action == EXPORT:
            n = data.get("export_seq")
            if n != st.export_seq + 1:
                raise ReplayError("export_order", seq, number=str(n), previous=st.export_seq)
            st.export_seq = n
        elif action == "settings.blind":
            st.blind = bool(data.get("blind"))
        elif action == "scores.reveal":
            st.revealed = True
        elif action not in INFORMATIONAL:
            st.unknown_actions.add(action)

    @staticmethod
    def _check_seal(
        st: Replayed, key: tuple[str, str, str], data: Mapping[str, Any], seq: int
    ) -> None:
        """A change to a validated sheet must carry its reason (issue 14)."""
        if (key[0], key[1]) in st.sealed:
            reason = data.get("reason")
            if not isinstance(reason, str) or not reason.strip():
                raise ReplayError("sealed_without_reason", seq)

    @staticmethod
    def _set(target: dict[Any, str], key: Any, text: str) -> None:
        if text.strip():
            target[key] = text
        else:
            target.pop(key, None)

    def _decision(self, data: Mapping[str, Any], seq: int, at: str) -> None:
        st = self.state
        laureates = data.get("laureates")
        departures = data.get("departures")
        if not isinstance(laureates, list) or not isinstance(departures, dict):
            raise ReplayError("decision_unreadable", seq)
        chosen: dict[str, LaureateDecision] = {}
        for lau in laureates:
            if not isinstance(lau, dict):
                raise ReplayError("laureate_unreadable", seq)
            did = self._dossier(lau, seq)
            amount = lau.get("amount_cents")
            if not isinstance(amount, int) or isinstance(amount, bool) or amount < 0:
                raise ReplayError("laureate_amount", seq, dossier=did)
            if did in chosen:
                raise ReplayError("laureate_duplicate", seq, dossier=did)
            chosen[did] = LaureateDecision(did, amount, _text(lau, "justification", seq))
        deps: dict[str, str] = {}
        for did, text in departures.items():
            self._dossier({"dossier_id": did}, seq)
            if not isinstance(text, str):
                raise ReplayError("justification_unreadable", seq)
            if text.strip():
                deps[did] = text
        st.laureates, st.departures, st.decision_made = chosen, deps, True
        if st.opened_at is None:
            opened = data.get("opened_at")
            st.opened_at = opened if isinstance(opened, str) else at

    def feed_all(self, entries: Iterable[Mapping[str, Any]]) -> Replayed:
        for e in entries:
            self.feed(e)
        return self.state


# --------------------------------------------------------------------------- as a SessionState


def session_state(
    manifest: Manifest, rp: Replayed, *, audit_head: str, audit_count: int
) -> SessionState:
    """The :class:`SessionState` the database should hold, rebuilt from the replay."""
    from jury_desk.core.state import Hearing, Recusal, SessionState

    jurors = manifest.jurors
    recusals = [
        Recusal(
            c.juror_id, c.dossier_id, RecusalKind.CONFLICT, c.reason, RecusalSource.BUNDLE, None
        )
        for c in manifest.conflicts
    ] + [
        Recusal(j, d, RecusalKind(kind), reason, RecusalSource.SESSION, None)
        for (j, d), (kind, reason) in rp.recusals.items()
    ]
    order = {d.id: d.hearing_order for d in manifest.dossiers}
    return SessionState(
        info=manifest.session,
        is_demo=rp.is_demo,
        manifest_sha256=rp.manifest_sha256,
        criteria=manifest.criteria,
        jurors=jurors,
        dossiers=tuple(sorted(manifest.dossiers, key=lambda d: d.hearing_order)),
        conflicts=manifest.conflicts,
        attendance_taken=rp.attendance_taken,
        present=frozenset(j.id for j in jurors if j.id not in rp.absent),
        recusals=tuple(recusals),
        scores=dict(rp.scores),
        comments=dict(rp.comments),
        opinions=dict(rp.opinions),
        invalid_reasons=dict(rp.invalid_reasons),
        hearings={
            did: Hearing(
                did,
                "",
                h.started_at,
                h.presentation_s,
                h.questions_s,
                None,
                0,
                None,
            )
            for did, h in rp.hearings.items()
        },
        blind=bool(rp.blind),
        revealed=rp.revealed,
        current_dossier_id=None,
        opened_at=rp.opened_at,
        closed_at=rp.closed_at,
        notes=rp.notes,
        decision_made=rp.decision_made,
        laureates=tuple(sorted(rp.laureates.values(), key=lambda x: order.get(x.dossier_id, 0))),
        departures=dict(rp.departures),
        export_seq=rp.export_seq,
        audit_head=audit_head,
        audit_count=audit_count,
        sd_threshold=rp.sd_threshold,
        range_threshold=rp.range_threshold,
        sealed=set(rp.sealed),
    )


def _shown(value: Any) -> str:
    if isinstance(value, Fraction):
        value = decimal_text(value)
    if isinstance(value, str):  # quoted in the reader's language
        return Quoted(value if len(value) <= 76 else value[:75] + "…")
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "…"


@record
class Difference:
    """One way a record differs from the replay of what was signed: the catalogue key
    ``diff.<kind>`` (``error.diff.<kind>`` in ``jury_desk.messages``) and its parameters;
    ``str()`` is its French wording."""

    key: str
    params: tuple[tuple[str, object], ...] = ()

    def __str__(self) -> str:
        from jury_desk import messages

        return messages.error_text(self.key, dict(self.params))


def _difference(kind: str, **params: object) -> Difference:
    return Difference("diff." + kind, tuple(params.items()))


def state_differences(db: SessionState, replayed: SessionState) -> list[Difference]:
    """Where the database's session differs from the replay of what was signed."""
    out: list[Difference] = []

    def differ(kind: str, mine: Any, theirs: Any, **ids: object) -> None:
        if mine != theirs:
            out.append(
                _difference("state." + kind, mine=_shown(mine), theirs=_shown(theirs), **ids)
            )

    differ("session", db.info, replayed.info)
    differ("manifest_sha256", db.manifest_sha256, replayed.manifest_sha256)
    differ("demo", db.is_demo, replayed.is_demo)
    differ("criteria", db.criteria, replayed.criteria)
    differ("jurors", db.jurors, replayed.jurors)
    rd = {d.id: d for d in replayed.dossiers}
    for d in db.dossiers:
        other = rd.get(d.id)
        if other is None:
            out.append(_difference("dossier_missing", dossier=d.id))
        elif d != other:
            fields = [
                f.name
                for f in dataclasses.fields(d)
                if getattr(d, f.name) != getattr(other, f.name)
            ]
            f = fields[0] if fields else "?"
            differ("dossier", getattr(d, f), getattr(other, f), dossier=d.id, field=f)
    if len(db.dossiers) != len(replayed.dossiers):
        out.append(_difference("dossier_list"))
    differ(
        "conflicts",
        sorted((c.juror_id, c.dossier_id, c.reason) for c in db.conflicts),
        sorted((c.juror_id, c.dossier_id, c.reason) for c in replayed.conflicts),
    )
    differ("present", sorted(db.present), sorted(replayed.present))
    # a seal removed or added in the table changes which changes need a reason
    differ("sealed", sorted(db.sealed), sorted(replayed.sealed))

    def rec(st: SessionState) -> dict[tuple[str, str], tuple[str, str, str]]:
        return {
            (r.juror_id, r.dossier_id): (r.kind.value, r.reason, r.source.value)
            for r in st.recusals
        }

    def table(
        kind: str, mine: Mapping[Any, Any], theirs: Mapping[Any, Any], names: tuple[str, ...]
    ) -> None:
        """A table compared key by key (a key is a tuple of ``names``, or one id), walked
        only when it differs: equal dicts have equal values under every key (22,500 scores
        at 300 dossiers x 15 jurors, compared twice by an export)."""
        if mine == theirs:
            return
        for key in sorted(set(mine) | set(theirs)):
            ids = dict(zip(names, key if isinstance(key, tuple) else (key,), strict=True))
            differ(kind, mine.get(key), theirs.get(key), **ids)

    table("recusal", rec(db), rec(replayed), ("juror", "dossier"))
    table("score", db.scores, replayed.scores, ("dossier", "juror", "criterion"))
    table("comment", db.comments, replayed.comments, ("dossier", "juror"))
    table("opinion", db.opinions, replayed.opinions, ("dossier",))
    table("invalid_reason", db.invalid_reasons, replayed.invalid_reasons, ("dossier",))
    table("departure", db.departures, replayed.departures, ("dossier",))
    for did in sorted(set(db.hearings) | set(replayed.hearings)):
        a, b = db.hearings.get(did), replayed.hearings.get(did)
        pa = (a.started_at, a.presentation_s, a.questions_s) if a else None
        pb = (b.started_at, b.presentation_s, b.questions_s) if b else None
        differ("hearing", pa, pb, dossier=did)
    differ("notes", db.notes, replayed.notes)
    differ("opened", db.opened_at, replayed.opened_at)
    differ("closed", db.closed_at, replayed.closed_at)
    differ("decision_made", db.decision_made, replayed.decision_made)
    differ(
        "laureates",
        sorted((x.dossier_id, x.amount_cents, x.justification) for x in db.laureates),
        sorted((x.dossier_id, x.amount_cents, x.justification) for x in replayed.laureates),
    )
    differ("sd_threshold", db.sd_threshold, replayed.sd_threshold)
    differ("range_threshold", db.range_threshold, replayed.range_threshold)
    differ("export_seq", db.export_seq, replayed.export_seq)
    return out


def document_differences(actual: Any, expected: Any, path: str = "") -> list[Difference]:
    """Paths where two decoded JSON documents differ, the first ones first."""
    out: list[Difference] = []
    _diff(actual, expected, path, out)
    return out


def _diff(a: Any, b: Any, path: str, out: list[Difference], limit: int = 5) -> None:
    if len(out) >= limit:
        return
    where = path or "(racine)"
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b), key=str):
            if k not in a:
                out.append(_difference("document.missing", path=f"{where}.{k}"))
            elif k not in b:
                out.append(_difference("document.extra", path=f"{where}.{k}"))
            else:
                _diff(a[k], b[k], f"{path}.{k}" if path else str(k), out, limit)
            if len(out) >= limit:
                return
        return
    if isinstance(a, list) and isinstance(b, list):
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            _diff(x, y, f"{path}[{i}]", out, limit)
            if len(out) >= limit:
                return
        if len(a) != len(b):
            out.append(_difference("document.length", path=where, count=len(a), expected=len(b)))
        return
    if type(a) is not type(b) or a != b:
        out.append(_difference("document.value", path=where, value=_shown(a), expected=_shown(b)))
