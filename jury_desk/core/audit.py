"""The hash-chained audit log (CONTRACT section 6).

Each session has its own chain. An entry is ``{seq, at, actor, action, data, prev,
hash}`` where ``hash`` is the SHA-256 hex of the canonical JSON of the entry without
``hash``, and ``prev`` the previous entry's hash (64 zeros for the first). Entries are
appended in the same transaction as the change they record; database triggers refuse
any UPDATE or DELETE of the table.

The functions that read or check a chain already out of the database (``verify_chain``,
``entry_hash``, ``parse_jsonl``…) are pure: importing this module does not import the
ORM, so ``jury-desk verify`` never loads it. ``append``, ``entries`` and ``head`` take a
database session, whose caller has loaded SQLAlchemy already.
"""

from __future__ import annotations

import hashlib
import json
import json.encoder
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from jury_desk.core.records import record

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlmodel import Session

    from jury_desk.core.storage import AuditRow

GENESIS = "0" * 64
# The actions that set, correct or clear one value (the replay, the devices' retries and
# each value's author read them)
SCORE_ACTIONS = frozenset({"score.set", "score.correct", "score.clear"})


# What ``json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)``
# builds on every call, built once: the chain is hashed entry by entry (22,800 entries at
# 300 dossiers x 15 jurors, hashed by the export and again by its verify).
_canonical = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode


def canonical_json(obj: Any) -> bytes:
    return _canonical(obj).encode("utf-8")


def entry_hash(entry: Mapping[str, Any]) -> str:
    body = {k: v for k, v in entry.items() if k != "hash"}
    return hashlib.sha256(canonical_json(body)).hexdigest()


# What verify reads of one line of audit.jsonl (export.log_entries): at most MAX_LINE
# bytes and MAX_CONTAINERS objects and arrays, counted on the bytes (a bracket inside a
# text counts). An entry beyond is refused when written (a text pasted whole), never found
# out by the export or at headquarters.
MAX_LINE = 1024 * 1024
MAX_CONTAINERS = 10_000
_HASH_MEMBER = len(b'"hash":"",') + 64


def append(
    db: Session | Connection,
    session_id: str,
    action: str,
    data: Mapping[str, Any],
    actor: str = "secretariat",
) -> dict[str, Any]:
    """Append one entry to the session's chain, inside the caller's transaction."""
    from sqlmodel import Session

    from jury_desk.core.storage import now_iso

    if isinstance(db, Session):
        db.flush()
        conn = db.connection()
    else:
        conn = db
    last = conn.exec_driver_sql(
        "SELECT seq, hash FROM audit WHERE session_id = ? ORDER BY seq DESC LIMIT 1",
        (session_id,),
    ).first()
    entry: dict[str, Any] = {
        "seq": (last[0] + 1) if last else 1,
        "at": now_iso(),
        "actor": actor,
        "action": action,
        "data": dict(data),
        "prev": last[1] if last else GENESIS,
    }
    body = canonical_json(entry)  # what entry_hash hashes: the entry before its hash
    entry["hash"] = hashlib.sha256(body).hexdigest()
    # Its line in audit.jsonl is that body with the member « "hash":"<64 hex>", » added:
    # as long plus _HASH_MEMBER bytes, with the same objects and arrays.
    if len(body) + _HASH_MEMBER > MAX_LINE or body.count(b"{") + body.count(b"[") > MAX_CONTAINERS:
        from jury_desk.core.errors import UserError

        raise UserError("audit_entry_too_large")
    conn.exec_driver_sql(
        "INSERT INTO audit (session_id, seq, at, actor, action, data, prev, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            session_id,
            entry["seq"],
            entry["at"],
            actor,
            action,
            canonical_json(entry["data"]).decode("utf-8"),
            entry["prev"],
            entry["hash"],
        ),
    )
    return entry


def row_to_entry(row: AuditRow) -> dict[str, Any]:
    return {
        "seq": row.seq,
        "at": row.at,
        "actor": row.actor,
        "action": row.action,
        "data": json.loads(row.data),
        "prev": row.prev,
        "hash": row.hash,
    }


def entries(db: Session, session_id: str, *, after: int = 0) -> list[dict[str, Any]]:
    """The session's chain, in order (from entry n° ``after + 1`` when given). Read with
    plain SQL: an export reads every entry (one per score: 36,000 at 300 dossiers x 15
    jurors x 8 criteria), and building an ORM object for each cost ten times the read."""
    rows = (
        db.connection()
        .exec_driver_sql(
            "SELECT seq, at, actor, action, data, prev, hash FROM audit"
            " WHERE session_id = ? AND seq > ? ORDER BY seq",
            (session_id, after),
        )
        .all()
    )
    loads = json.loads
    return [
        {
            "seq": seq,
            "at": at,
            "actor": actor,
            "action": action,
            "data": loads(data),
            "prev": prev,
            "hash": hash_,
        }
        for seq, at, actor, action, data, prev, hash_ in rows
    ]


def jsonl(db: Session, session_id: str, *, after: int = 0) -> tuple[bytes, str]:
    """``to_jsonl(entries(db, session_id))`` and the chain's head, written straight from
    the rows: ``data`` is stored as its canonical JSON (``append`` is the only writer,
    and triggers forbid changing a row), so each line is put together around it, in
    canonical key order, without parsing and re-encoding every entry (36,000 of them at
    300 dossiers x 15 jurors x 8 criteria). From entry n° ``after + 1`` when given (the
    head is then :data:`GENESIS` when there is none)."""
    enc = json.encoder.encode_basestring  # ensure_ascii=False, as canonical_json
    rows = db.connection().exec_driver_sql(
        "SELECT seq, at, actor, action, data, prev, hash FROM audit"
        " WHERE session_id = ? AND seq > ? ORDER BY seq",
        (session_id, after),
    )
    parts: list[str] = []
    last = GENESIS
    try:
        for seq, at, actor, action, data, prev, hash_ in rows:
            parts.append(
                f'{{"action":{enc(action)},"actor":{enc(actor)},"at":{enc(at)},"data":{data},'
                f'"hash":{enc(hash_)},"prev":{enc(prev)},"seq":{seq:d}}}\n'
            )
            last = hash_
    except (TypeError, ValueError) as exc:  # a column of another type: edited outside
        from jury_desk.core.errors import UserError

        seq = after + len(parts) + 1
        raise UserError(
            "audit_chain_broken",
            params={"seq": seq, "inner": "chain.row", "inner_params": (("seq", seq),)},
        ) from exc
    return "".join(parts).encode("utf-8"), last


def head(db: Session, session_id: str) -> str:
    from sqlmodel import col, select

    from jury_desk.core.storage import AuditRow

    last = db.exec(
        select(AuditRow)
        .where(AuditRow.session_id == session_id)
        .order_by(col(AuditRow.seq).desc())
        .limit(1)
    ).first()
    return last.hash if last else GENESIS


@record
class ChainCheck:
    ok: bool
    count: int
    head: str
    broken_seq: int | None = None  # the first entry that does not verify
    # What is wrong with it: the catalogue key ``chain.<code>`` (``error.chain.<code>`` in
    # ``jury_desk.messages``) and its parameters; ``problem`` is the French wording.
    problem_code: str | None = None
    problem_params: tuple[tuple[str, object], ...] = ()

    @property
    def problem_key(self) -> str | None:
        return None if self.problem_code is None else "chain." + self.problem_code

    @property
    def problem(self) -> str | None:
        """What is wrong with the first entry that does not verify, in French."""
        from jury_desk import messages

        key = self.problem_key
        return None if key is None else messages.error_text(key, dict(self.problem_params))


def verify_chain(items: Iterable[Mapping[str, Any]]) -> ChainCheck:
    prev = GENESIS
    expected_seq = 1
    count = 0
    for entry in items:
        seq = entry.get("seq")
        if seq != expected_seq:
            return ChainCheck(
                False,
                count,
                prev,
                expected_seq,
                "missing",
                (("seq", expected_seq), ("found", seq)),
            )
        if entry.get("prev") != prev:
            return ChainCheck(
                False,
                count,
                prev,
                expected_seq,
                "link",
                (("seq", seq),),
            )
        if entry_hash(entry) != entry.get("hash"):
            return ChainCheck(
                False,
                count,
                prev,
                expected_seq,
                "hash",
                (("seq", seq),),
            )
        prev = str(entry["hash"])
        expected_seq += 1
        count += 1
    return ChainCheck(True, count, prev)


def require_intact(items: Iterable[Mapping[str, Any]]) -> ChainCheck:
    """The chain's check, or a refusal (UserError ``audit_chain_broken``) when it does not
    verify: the database was edited outside jury_desk, its results are not attested."""
    from jury_desk.core.errors import UserError

    chain = verify_chain(items)
    if not chain.ok:
        raise UserError(
            "audit_chain_broken",
            params={
                "seq": chain.broken_seq,
                "inner": chain.problem_key,
                "inner_params": chain.problem_params,
            },
        )
    return chain


def to_jsonl(items: Iterable[Mapping[str, Any]]) -> bytes:
    return b"".join(canonical_json(dict(e)) + b"\n" for e in items)


def parse_jsonl(data: bytes) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for line in data.decode("utf-8").splitlines():
        if line.strip():
            out.append(json.loads(line))
    return out
