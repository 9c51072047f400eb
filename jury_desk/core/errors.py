"""The two families of errors: what the user can act on, and everything else.

A :class:`UserError` carries a stable ``code`` (for tests, logs and translation) and a
French message that names the entry and the rule concerned. The CLI turns it into exit
code 2 and one line on stderr; the GUI turns it into a dialog, in one place each.
Anything else that escapes is a bug (exit code 1, the error dialog).
"""

from __future__ import annotations


class UserError(Exception):
    """Refused input or action; nothing was changed."""

    def __init__(self, code: str, message: str, *, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.details = list(details or [])

    def __str__(self) -> str:
        if not self.details:
            return self.message
        return self.message + "\n" + "\n".join(f"  – {d}" for d in self.details)


class BundleRefused(UserError):
    """A session bundle was refused (CONTRACT section 5)."""


class DatabaseError(UserError):
    """The database cannot be opened as it is (newer version, wrong place, locked)."""


class ClosingBlocked(UserError):
    """The deliberation cannot close: ``details`` lists every blocking item."""
