"""Jurors scoring on their own devices: pairing, what a juror's page may read, its writes.

Qt-free and network-free: :mod:`jury_desk.core.devserver` puts this behind HTTP, the GUI
(or a test) decides when it runs. One :class:`JurorDevices` serves one session.

Rules (issue 14, CONTRACT sections 4 and 6):

- a *pairing* gives one juror a random token of 192 bits (``secrets.token_urlsafe(24)``);
  the hub keeps only its SHA-256, compares in constant time (:func:`hmac.compare_digest`),
  and forgets every token when the server stops, when the session is closed, or when the
  secretary revokes or pairs that juror again;
- a token grants exactly one thing: its juror's own sheet for the dossier being heard
  (the console's current dossier): the criteria, the juror's own values and comment. It
  never reads another juror's value, a note, a ranking, nor anything once the
  deliberation is closed;
- every write goes through the same :class:`~jury_desk.core.services.Desk` methods as
  the laptop's grid (same validation, recusal and absence rules, same transaction and
  audit chain), run by the caller's single ordered writer, with the actor
  ``juré:<id>/appareil:<device>`` so the audit log says which device entered each value;
- a write carries an idempotency key: the same key again (a retry after a lost answer,
  after the server was stopped, or after the application was killed) returns the first
  answer without writing twice; the key is kept in its write's audit entry.
"""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import hmac
import json
import secrets
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, TypeVar

from jury_desk.core.domain import decimal_text
from jury_desk.core.errors import UserError
from jury_desk.core.records import record

if TYPE_CHECKING:
    from jury_desk.core.services import Desk, SessionState

T = TypeVar("T")
# A committed write, applied to the hub's copy of the state (on the loop).
Patch = Callable[["SessionState"], None]
# Runs a blocking callable on the application's single database writer and awaits it.
RunWrite = Callable[[Callable[[], T]], Awaitable[T]]

TOKEN_BYTES = 24  # 192 bits
IDEMPOTENCY_KEYS = 4096  # remembered per hub, oldest forgotten first
TELL_EVERY_S = 0.1  # the console is told of device writes at most this often
CONNECTED_S = 20.0  # a device seen within this many seconds counts as connected
MAX_KEY = 64  # characters of an idempotency key
MAX_COMMENT = 5000  # CONTRACT section 5: other texts at most 5,000 characters


def _digest(token: str) -> bytes:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).digest()


@record
class Pairing:
    juror_id: str
    device: str  # short public id of this pairing, for the audit log and the console
    digest: bytes  # SHA-256 of the token


@record
class DeviceStatus:
    """What the secretary sees for one juror (never a value)."""

    juror_id: str
    name: str
    paired: bool
    connected: bool
    entered: int  # values recorded for the current dossier
    expected: int  # criteria of the session
    can_score: bool
    reason: str | None  # why this juror cannot score the current dossier (a code)
    validated: bool = False  # the juror's sheet for the current dossier is sealed


class JurorDevices:
    """The pairings and the juror pages' reads and writes for one session."""

    def __init__(
        self,
        desk: Desk,
        session_id: str,
        run_write: RunWrite[Any],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.desk = desk
        self.session_id = session_id
        self._run_write = run_write
        self._clock = clock
        self._pairings: dict[str, Pairing] = {}  # juror id -> pairing
        self._seen: dict[str, float] = {}  # juror id -> clock of the last request
        # (juror id, idempotency key) -> the first answer; filled from the audit log on
        # the first write (_load_answers), then by every write, on the writer thread
        self._answers: OrderedDict[tuple[str, str], dict[str, Any]] = OrderedDict()
        self._loaded = False
        self._state: SessionState | None = None
        self._owned = False  # _state is the hub's own copy, patched by device writes
        self._tell_at = -1.0  # loop time of the last on_write
        self._tell_handle: asyncio.TimerHandle | None = None
        self.version = 0  # grows with every state the pages may need to fetch again
        # called with the dossier id after device writes are committed (the console
        # refreshes), at most every TELL_EVERY_S; None: nobody to tell
        self.on_write: Callable[[str], None] | None = None

    # ------------------------------------------------------------------ state

    @property
    def state(self) -> SessionState:
        if self._state is None:
            raise RuntimeError("JurorDevices.reload() was never awaited")
        return self._state

    async def reload(self) -> None:
        """Read the session again (on the writer, so after every write asked before)."""
        st = await self._run_write(lambda: self.desk.state(self.session_id))
        self.use_state(st)

    def _patch(self, apply: Callable[[SessionState], None]) -> None:
        """Apply a committed device write to the hub's state, without reading it again.

        A whole read per write (about 7 ms at 50 jurors) kept the single writer busy and,
        its Python work holding the GIL, the loop's thread waiting: 50 devices at once
        stalled the loop for more than a second (benchmarks/devices.py). The state taken
        from the console (:meth:`use_state`) is never changed: the first patch copies the
        maps it changes.
        """
        st = self.state
        if not self._owned:
            st = dataclasses.replace(
                st, scores=dict(st.scores), comments=dict(st.comments), sealed=set(st.sealed)
            )
            self._state, self._owned = st, True
        apply(st)
        self.version += 1
        self._tell()

    def _tell(self) -> None:
        """``on_write`` soon, once for a burst of writes: the console's refresh reads the
        whole session on the GUI's loop, so it runs at most every TELL_EVERY_S."""
        if self.on_write is None or self._tell_handle is not None:
            return
        loop = asyncio.get_running_loop()
        delay = max(0.0, self._tell_at + TELL_EVERY_S - loop.time())
        self._tell_handle = loop.call_later(delay, self._tell_now)

    def _tell_now(self) -> None:
        self._tell_handle = None
        self._tell_at = asyncio.get_running_loop().time()
        if self.on_write is not None:
            self.on_write(self.current_dossier_id() or "")

    def use_state(self, st: SessionState) -> None:
        """Take a state read elsewhere (the console's refresh); a closed session ends pairings."""
        self._state, self._owned = st, False
        self.version += 1
        if st.closed:
            self.revoke_all()

    # ------------------------------------------------------------------ pairing

    def pair(self, juror_id: str) -> str:
        """A new token for this juror (any earlier one stops working); returns the token."""
        st = self.state
        if st.closed:
            raise UserError("devices_closed")
        st.juror(juror_id)  # KeyError for an unknown juror: a bug of the caller
        token = secrets.token_urlsafe(TOKEN_BYTES)
        self._pairings[juror_id] = Pairing(juror_id, secrets.token_hex(3), _digest(token))
        self._seen.pop(juror_id, None)
        return token

    def revoke(self, juror_id: str) -> None:
        self._pairings.pop(juror_id, None)
        self._seen.pop(juror_id, None)

    def revoke_all(self) -> None:
        """Every token dies; the answers to earlier writes stay (a juror paired again
        retries with the same keys)."""
        self._pairings.clear()
        self._seen.clear()

    def paired(self, juror_id: str) -> bool:
        return juror_id in self._pairings

    def authenticate(self, token: str) -> Pairing | None:
        """The pairing this token opens, or None; compares every pairing in constant time."""
        if not token or len(token) > 128:
            return None
        digest = _digest(token)
        found: Pairing | None = None
        for pairing in self._pairings.values():  # few jurors: compare them all, always
            if hmac.compare_digest(pairing.digest, digest):
                found = pairing
        if found is not None:
            self._seen[found.juror_id] = self._clock()
        return found

    # ------------------------------------------------------------------ reads

    def current_dossier_id(self) -> str | None:
        st = self.state
        if st.closed:
            return None
        return st.current_dossier_id or (st.dossiers[0].id if st.dossiers else None)

    def cannot_score(self, juror_id: str, dossier_id: str | None) -> str | None:
        """Why this juror cannot score this dossier now (a code), or None."""
        st = self.state
        if st.closed:
            return "closed"
        if dossier_id is None:
            return "no_dossier"
        if juror_id not in st.present:
            return "absent"
        if st.recusal(juror_id, dossier_id) is not None:
            return "recused"
        return None

    def sheet(self, juror_id: str) -> dict[str, Any]:
        """Everything the juror's page shows: the current dossier and the juror's own sheet."""
        st = self.state
        juror = st.juror(juror_id)
        did = self.current_dossier_id()
        dossier = st.dossier(did) if did else None
        values = (
            {
                c.id: decimal_text(st.scores[(did, juror_id, c.id)])
                for c in st.criteria
                if (did, juror_id, c.id) in st.scores
            }
            if did
            else {}
        )
        return {
            "version": self.version,
            "session": {"title": st.info.title, "demo": st.is_demo, "closed": st.closed},
            "juror": {"id": juror.id, "name": juror.name},
            "dossier": None
            if dossier is None
            else {
                "id": dossier.id,
                "reference": dossier.reference,
                "title": dossier.title,
                "holder": dossier.holder_name,
                "commune": dossier.commune,
                "order": dossier.hearing_order,
                "count": len(st.dossiers),
            },
            "criteria": [
                {
                    "id": c.id,
                    "label": c.label,
                    "description": c.description,
                    "weight": decimal_text(c.weight),
                    "min": decimal_text(c.min),
                    "max": decimal_text(c.max),
                    "step": decimal_text(c.step),
                }
                for c in st.criteria
            ],
            "values": values,
            "comment": st.comments.get((did, juror_id), "") if did else "",
            "blocked": self.cannot_score(juror_id, did),
            "validated": self.validated(juror_id, did),
        }

    def statuses(self) -> list[DeviceStatus]:
        """Per juror: paired, connected, progress on the current dossier (never a value)."""
        st = self.state
        did = self.current_dossier_id()
        now = self._clock()
        out = []
        for j in st.jurors:
            entered = sum(1 for c in st.criteria if (did, j.id, c.id) in st.scores) if did else 0
            seen = self._seen.get(j.id)
            out.append(
                DeviceStatus(
                    juror_id=j.id,
                    name=j.name,
                    paired=j.id in self._pairings,
                    connected=seen is not None and now - seen <= CONNECTED_S,
                    entered=entered,
                    expected=len(st.criteria),
                    can_score=self.cannot_score(j.id, did) is None,
                    reason=self.cannot_score(j.id, did),
                    validated=self.validated(j.id, did),
                )
            )
        return out

    # ------------------------------------------------------------------ writes

    def actor(self, pairing: Pairing) -> str:
        return f"juré:{pairing.juror_id}/appareil:{pairing.device}"

    def _check_target(self, pairing: Pairing, dossier_id: object) -> str:
        did = self.current_dossier_id()
        if not isinstance(dossier_id, str) or dossier_id != did:
            raise UserError("device_not_current", params={"dossier": str(dossier_id)[:64]})
        reason = self.cannot_score(pairing.juror_id, did)
        if reason is not None:
            raise UserError(f"device_{reason}", params={"dossier": did})
        return did

    @staticmethod
    def _key(key: object) -> str:
        if not isinstance(key, str) or not 8 <= len(key) <= MAX_KEY or not key.isascii():
            raise UserError("device_bad_key")
        return key

    def _load_answers(self) -> None:
        """On the writer, once: the answers of the device writes already in the audit log.

        An idempotency key is kept in its write's audit entry (``request_key``), in the
        same transaction as the value, so a write retried after the application was
        killed, or after the server was stopped and started again, is recognised.
        """
        if self._loaded:
            return
        with self.desk.engine.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT actor, action, data FROM audit WHERE session_id = ? AND actor LIKE ?"
                " ORDER BY seq",
                (self.session_id, "juré:%"),
            ).all()
        for actor, action, raw in rows:
            data = json.loads(raw)
            key = data.get("request_key")
            if not isinstance(key, str):
                continue
            juror_id = actor[len("juré:") :].split("/", 1)[0]
            if action in ("score.set", "score.correct"):
                answer = {
                    "saved": True,
                    "criterion_id": data.get("criterion_id"),
                    "value": data.get("value"),
                }
            elif action == "comment.set":
                answer = {"saved": True, "comment": data.get("text", "")}
            elif action == "sheet.validated":
                answer = {"saved": True, "validated": True}
            else:
                continue
            self._remember((juror_id, key), answer)
        self._loaded = True

    def _remember(self, slot: tuple[str, str], answer: dict[str, Any]) -> None:
        self._answers[slot] = answer
        self._answers.move_to_end(slot)
        while len(self._answers) > IDEMPOTENCY_KEYS:
            self._answers.popitem(last=False)

    async def _once(
        self,
        pairing: Pairing,
        key: str,
        dossier_id: object,
        write: Callable[[str, str], tuple[dict[str, Any], Patch]],
    ) -> dict[str, Any]:
        """Run ``write(dossier_id, key)`` on the writer unless this key was written before.

        The key is looked up before the dossier is checked (a retry answers as the first
        write did, even once the console has moved on), and again on the writer just
        before writing: two copies of one request in flight at once write once.
        """
        slot = (pairing.juror_id, key)
        if not self._loaded:
            await self._run_write(self._load_answers)
        done = self._answers.get(slot)
        if done is not None:
            return {**done, "replayed": True}
        did = self._check_target(pairing, dossier_id)

        def once() -> tuple[dict[str, Any], Patch | None]:
            first = self._answers.get(slot)
            if first is not None:
                return {**first, "replayed": True}, None
            answer, apply = write(did, key)
            self._remember(slot, answer)
            return answer, apply

        answer, apply = await self._run_write(once)
        if apply is not None:  # committed: the page's next read shows it
            self._patch(apply)
        return answer

    def validated(self, juror_id: str, dossier_id: str | None) -> bool:
        """Whether this juror's sheet for the dossier is validated (sealed)."""
        return dossier_id is not None and (dossier_id, juror_id) in self.state.sealed

    async def write_score(
        self,
        pairing: Pairing,
        dossier_id: object,
        criterion_id: object,
        value: object,
        key: object,
        reason: object = None,
    ) -> dict[str, Any]:
        """Record one value of the juror's own sheet; returns once it is committed.

        A validated sheet's value changes only with ``reason`` (refused ``sheet_sealed``).
        """
        idem = self._key(key)
        if not isinstance(criterion_id, str) or not isinstance(value, str) or len(value) > 32:
            raise UserError("device_bad_request")
        if reason is not None and (not isinstance(reason, str) or len(reason) > MAX_COMMENT):
            raise UserError("device_bad_request")
        jid, actor, sid = pairing.juror_id, self.actor(pairing), self.session_id

        def write(did: str, request_key: str) -> tuple[dict[str, Any], Patch]:
            w = self.desk.record_score(
                sid, did, jid, criterion_id, value, actor, request_key=request_key, reason=reason
            )
            v = w.value
            assert v is not None

            def apply(st: SessionState) -> None:
                st.scores[(did, jid, criterion_id)] = v

            return {"saved": True, "criterion_id": criterion_id, "value": decimal_text(v)}, apply

        return await self._once(pairing, idem, dossier_id, write)

    async def validate_sheet(
        self, pairing: Pairing, dossier_id: object, key: object
    ) -> dict[str, Any]:
        """Seal the juror's sheet for the current dossier (« Valider ma feuille »)."""
        idem = self._key(key)
        jid, actor, sid = pairing.juror_id, self.actor(pairing), self.session_id

        def write(did: str, request_key: str) -> tuple[dict[str, Any], Patch]:
            self.desk.validate_sheet(sid, did, jid, actor, request_key=request_key)

            def apply(st: SessionState) -> None:
                st.sealed.add((did, jid))

            return {"saved": True, "validated": True}, apply

        return await self._once(pairing, idem, dossier_id, write)

    async def write_comment(
        self, pairing: Pairing, dossier_id: object, text: object, key: object
    ) -> dict[str, Any]:
        idem = self._key(key)
        if not isinstance(text, str) or len(text) > MAX_COMMENT:
            raise UserError("device_bad_request")
        jid, actor, sid = pairing.juror_id, self.actor(pairing), self.session_id

        def write(did: str, request_key: str) -> tuple[dict[str, Any], Patch]:
            self.desk.set_comment(sid, did, jid, text, actor, request_key=request_key)
            stored = text.strip()

            def apply(st: SessionState) -> None:
                if stored:
                    st.comments[(did, jid)] = stored
                else:  # an empty comment removes the row
                    st.comments.pop((did, jid), None)

            return {"saved": True, "comment": stored}, apply

        return await self._once(pairing, idem, dossier_id, write)
