"""Live announcements: what happens without a keystroke, spoken by the screen reader.

One door for them: ``announce(source, text)`` sends Qt's ``QAccessibleAnnouncementEvent``
(AT-SPI ``object:announcement``, UIA notification), which Orca and NVDA speak without
moving the focus. It does not flood: the same text from the same source is not repeated
within ``REPEAT_MS``, and a caller that speaks often (the timer) gives a ``key`` so only
a change of key is spoken (a new minute, not a new second).

The last announcements are kept in ``history`` (for tests and the diagnostics).
"""

from __future__ import annotations

import logging
import time
from collections import deque

from jury_desk.core.records import record
from jury_desk.qt.core import QObject

log = logging.getLogger(__name__)

REPEAT_MS = 1500


@record
class Announcement:
    text: str
    assertive: bool
    source: str  # the source object's class name, for the record


history: deque[Announcement] = deque(maxlen=200)
_last_text: dict[int, tuple[str, float]] = {}
_last_key: dict[str, object] = {}


def announce(
    source: QObject, text: str, *, assertive: bool = False, key: tuple[str, object] | None = None
) -> bool:
    """Speak ``text`` on behalf of ``source``; False when it was held back (rate limit).

    ``key`` = (channel, value): spoken only when the channel's value changed since the
    last announcement on that channel.
    """
    text = text.strip()
    if not text:
        return False
    if key is not None:
        channel, value = key
        if _last_key.get(channel) == value:
            return False
        _last_key[channel] = value
    now = time.monotonic()
    last = _last_text.get(id(source))
    if last is not None and last[0] == text and (now - last[1]) * 1000 < REPEAT_MS:
        return False
    _last_text[id(source)] = (text, now)
    # Here, not at the top: QAccessible is not needed on the way to the first paint.
    from jury_desk.qt.gui import QAccessible, QAccessibleAnnouncementEvent

    event = QAccessibleAnnouncementEvent(source, text)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive
        if assertive
        else QAccessible.AnnouncementPoliteness.Polite
    )
    QAccessible.updateAccessibility(event)
    history.append(Announcement(text, assertive, type(source).__name__))
    log.debug("announce%s: %s", " (assertive)" if assertive else "", text)
    return True


def forget(channel: str) -> None:
    """Let the next announcement on ``channel`` be spoken even if its value is the same."""
    _last_key.pop(channel, None)
