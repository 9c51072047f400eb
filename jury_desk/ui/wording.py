"""The GUI's words for the codes core returns: ``jury_desk.messages`` through Qt's
translation (``QCoreApplication.translate``), so that the English UI is English.

``messages`` is imported by each function, at the first wording, not on the way to the
console's first paint (issue 15).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jury_desk.core.errors import ClosingBlocked, Problem, UserError
from jury_desk.qt.core import QCoreApplication

if TYPE_CHECKING:
    from jury_desk import messages
    from jury_desk.core.api import Blocker, Check
    from jury_desk.core.state import SessionState


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


class _OpenSession:
    """The session the window shows, whose jurors, dossiers and criteria a refusal
    names (:func:`session_opened`); its Names built at the first refusal worded."""

    state: SessionState | None = None
    names: messages.Names | None = None


_open = _OpenSession()


def session_opened(st: SessionState | None) -> None:
    """The session the window now shows (None: none). A juror, a dossier or a criterion
    a refusal names is then worded by its name, reference or label (``names_of``)."""
    _open.state, _open.names = st, None


def open_names() -> messages.Names:
    """How the open session's jurors, dossiers and criteria are named (ids without one)."""
    from jury_desk import messages

    if _open.state is None:
        return messages.IDS
    if _open.names is None:
        _open.names = names_of(_open.state)
    return _open.names


def full(exc: UserError, names: messages.Names | None = None) -> str:
    """A refusal and its details, one per line, in the UI's language (like ``str(exc)``)."""
    lines = details(exc, names)
    return error(exc, names) + "".join(f"\n  – {d}" for d in lines)


def blocker(b: Blocker, names: messages.Names | None = None) -> str:
    """A closing blocker in the UI's language, naming jurors, dossiers and criteria by
    ``names`` (see :func:`names_of`; ids by default)."""
    from jury_desk import messages

    return messages.blocker_text(b, _tr, messages.IDS if names is None else names)


def names_of(st: SessionState) -> messages.Names:
    """How the GUI names the session's jurors, dossiers and criteria in a message."""
    from jury_desk import messages

    return messages.Names.of(st.jurors, st.dossiers, st.criteria)


def export_step(step: str) -> str:
    """A step of the export (``export.STEPS``) in the UI's language."""
    from jury_desk import messages

    return messages.template("export.step." + step, _tr)


def check(c: Check) -> tuple[str, str]:
    """A line of a result bundle's verification (``export.Check``): what is checked, and
    what holds or not, in the UI's language (a detail without a key stays as core gave it)."""
    from jury_desk import messages

    label = messages.check_label(c.code, _tr)
    detail = messages.check_text(c.key, dict(c.params), _tr) if c.key else c.detail
    return label, detail


def error(exc: UserError, names: messages.Names | None = None) -> str:
    """A refusal in the UI's language (its own French sentence when it has no key),
    naming jurors, dossiers and criteria by ``names``, the open session's by default."""
    from jury_desk import messages

    if exc.key is not None and "error." + exc.key in messages.TEMPLATES:
        return messages.error_text(exc.key, exc.params, _tr, names or open_names())
    return exc.message


def problem(p: Problem) -> str:
    """A problem or a warning core returns (a location, a copy that failed) in the UI's
    language."""
    from jury_desk import messages

    return messages.error_text(p.key, p.params, _tr)


def details(exc: UserError, names: messages.Names | None = None) -> list[str]:
    """The details of a refusal: every blocker, worded, when closing is blocked (naming
    by ``names``, the open session's by default)."""
    if isinstance(exc, ClosingBlocked):
        return [blocker(b, names or open_names()) for b in exc.blockers]
    return list(exc.details)


def method_label(method: str) -> str:
    """The name of an alternative ranking in the UI's language."""
    from jury_desk import messages

    return messages.method_label(method, _tr)


def snapshot_reason(reason_slug: str) -> str:
    """Why a snapshot was taken, in the UI's language."""
    from jury_desk import messages

    return messages.snapshot_reason(reason_slug, _tr)
