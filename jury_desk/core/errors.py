"""The two families of errors: what the user can act on, and everything else.

A :class:`UserError` carries a stable ``code`` (for tests, logs and translation) and a
French message that names the entry and the rule concerned. The refusals of the scoring,
attendance, recusal and deliberation services are given as a catalogue ``key`` with
``params`` instead of a sentence: ``message`` is then their French wording from
``jury_desk.messages``, and the GUI words ``key`` and ``params`` in its own language. The CLI turns it into exit
code 2 and one line on stderr; the GUI turns it into a dialog, in one place each.
Anything else that escapes is a bug (exit code 1, the error dialog).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jury_desk.core.deliberation import Blocker


class UserError(Exception):
    """Refused input or action; nothing was changed."""

    def __init__(
        self,
        code: str,
        message: str | None = None,
        *,
        details: list[str] | None = None,
        params: Mapping[str, object] | None = None,
        key: str | None = None,
    ) -> None:
        self.code = code
        self.params: dict[str, object] = dict(params or {})
        # ``key``: the entry of ``jury_desk.messages`` (``error.<key>``) that words this
        # refusal; None when the refusal brings its own French sentence.
        self.key: str | None = key if key is not None else (code if message is None else None)
        if message is None:
            from jury_desk import messages

            assert self.key is not None
            message = messages.error_text(self.key, self.params)
        super().__init__(message)
        self.message = message
        self.details = list(details or [])

    def __str__(self) -> str:
        if not self.details:
            return self.message
        return self.message + "\n" + "\n".join(f"  – {d}" for d in self.details)


class Problem(Exception):
    """What is wrong with one piece of input, as a catalogue ``key`` (``error.<key>`` in
    ``jury_desk.messages``) and its ``params``; ``code`` is the stable refusal code.

    It is the inner part of a refusal (a JSON document, a JWS, a text field): the layer
    that knows which entry it concerns wraps it, see :meth:`BundleRefused.of`.
    ``message`` is its French wording, for logs and the command line.
    """

    def __init__(self, code: str, key: str, **params: object) -> None:
        from jury_desk import messages

        self.code = code
        self.key = key
        self.params: dict[str, object] = params
        self.message = messages.error_text(key, params)
        super().__init__(self.message)

    def refused(self) -> UserError:
        """This problem as the refusal of an action (its code, key and parameters)."""
        return UserError(self.code, key=self.key, params=self.params)


class Quoted(str):
    """A text parameter shown between the reader's quotation marks (« … » in French,
    “…” in English): the catalogue's ``quote`` template adds them."""

    __slots__ = ()


# One thing found wrong in a document: a catalogue key (``error.<key>``) and its
# parameters, as pairs; several are carried as ``inners`` and worded into ``{messages}``.
Finding = tuple[str, tuple[tuple[str, object], ...]]


def finding(key: str, **params: object) -> Finding:
    return key, tuple(params.items())


def nested(problem: Problem | UserError) -> dict[str, object]:
    """The parameters that word ``problem`` (an inner problem, or a refusal being wrapped
    with its line or entry) inside another message's ``{message}``."""
    return {"inner": problem.key or problem.code, "inner_params": tuple(problem.params.items())}


class BundleRefused(UserError):
    """A session bundle was refused (CONTRACT section 5)."""

    @classmethod
    def of(cls, entry: str | None, problem: Problem) -> BundleRefused:
        """« Paquet de session refusé — entrée « … » : <problem> » as a code, a key
        and parameters (the GUI words it in its own language)."""
        params: dict[str, object] = nested(problem)
        if entry:
            params["entry"] = entry
        return cls(
            problem.code,
            key="bundle_refused_entry" if entry else "bundle_refused",
            params=params,
        )


class DatabaseError(UserError):
    """The database cannot be opened as it is (newer version, wrong place, locked)."""


class ClosingBlocked(UserError):
    """The deliberation cannot close: ``blockers`` lists every blocking item (codes).

    ``details`` holds their French wording, for the command line.
    """

    def __init__(self, blockers: tuple[Blocker, ...]) -> None:
        from jury_desk import messages

        super().__init__(
            "closing_blocked",
            details=[messages.blocker_text(b) for b in blockers],
        )
        self.blockers = blockers
