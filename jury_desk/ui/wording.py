"""The GUI's words for the codes core returns: ``jury_desk.messages`` through Qt's
translation (``QCoreApplication.translate``), so that the English UI is English.
"""

from __future__ import annotations

from jury_desk import messages
from jury_desk.core.deliberation import Blocker
from jury_desk.core.errors import ClosingBlocked, UserError
from jury_desk.qt.core import QCoreApplication


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def full(exc: UserError) -> str:
    """A refusal and its details, one per line, in the UI's language (like ``str(exc)``)."""
    lines = details(exc)
    return error(exc) + "".join(f"\n  – {d}" for d in lines)


def blocker(b: Blocker) -> str:
    """A closing blocker in the UI's language."""
    return messages.blocker_text(b, _tr)


def error(exc: UserError) -> str:
    """A refusal in the UI's language (its own French sentence when it has no key)."""
    if exc.key is not None and "error." + exc.key in messages.TEMPLATES:
        return messages.error_text(exc.key, exc.params, _tr)
    return exc.message


def details(exc: UserError) -> list[str]:
    """The details of a refusal: every blocker, worded, when closing is blocked."""
    if isinstance(exc, ClosingBlocked):
        return [blocker(b) for b in exc.blockers]
    return list(exc.details)


def method_label(method: str) -> str:
    """The name of an alternative ranking in the UI's language."""
    return messages.method_label(method, _tr)
