"""The UI's side of the user's settings (``core.settings``) and of the core services the
hearing room calls at its edges (snapshots, recovery). Imported lazily: none of them is
needed to paint the first window."""

from __future__ import annotations

import base64
import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jury_desk.core.recovery import InterruptedTimer
    from jury_desk.core.services import Desk
    from jury_desk.core.settings import Settings

log = logging.getLogger(__name__)


# The application's one settings object (set by the main controller), for the dialogs that
# keep something in it without being handed it (the signer's name and role).
CURRENT: Settings | None = None


def current() -> Settings:
    return CURRENT if CURRENT is not None else load()


def load() -> Settings:
    from jury_desk.core import settings as core_settings

    return core_settings.load()


def save(settings: Settings) -> None:
    from jury_desk.core import settings as core_settings
    from jury_desk.core.errors import UserError

    try:
        core_settings.save(settings)
    except UserError as exc:  # a full disk must not stop a hearing: log it, keep going
        log.warning("settings not saved: %s", exc.code)


def update(settings: Settings, **values: object) -> None:
    """Set fields of the (mutable) settings object, then save it atomically."""
    for name, value in values.items():
        setattr(settings, name, value)
    save(settings)


def encode_geometry(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def decode_geometry(value: object) -> bytes | None:
    if not value:
        return None
    try:
        return base64.b64decode(str(value), validate=True)
    except ValueError:
        return None


def take_snapshot(desk: Desk, reason: str) -> None:
    """A consistent copy of the database after each hearing (core.snapshots)."""
    from jury_desk.core import api

    try:
        api.take_snapshot(desk, reason)
    except Exception as exc:  # a snapshot that fails must not stop the hearing
        from jury_desk.ui.errors import log_failure

        log_failure(log, f"snapshot failed ({reason})", exc)


def settle_interrupted(desk: Desk, session_id: str) -> list[InterruptedTimer]:
    """Pause the timers that were running when the application stopped (core.recovery)."""
    from jury_desk.core import recovery

    return list(recovery.settle_interrupted(desk, session_id))
