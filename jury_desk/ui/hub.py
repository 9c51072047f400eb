"""One small typed signal hub: the events that cross windows.

The console, the shared jury screen and the deliberation view never call each other:
they emit and listen here. Payloads are plain Python objects (ids, dataclasses);
nothing private travels on a signal that the shared screen listens to unless the
presenter that builds its frame filters it (see ``shared_presenter``).
"""

from __future__ import annotations

from jury_desk.qt.core import QObject, Signal


class Hub(QObject):
    # The session was opened or re-read as a whole: payload is the session id.
    sessionChanged = Signal(str)
    # The console moved to another dossier: payload is the dossier id ("" for none).
    currentDossierChanged = Signal(str)
    # One or more values were saved (or cleared): payload is the dossier id.
    scoresChanged = Signal(str)
    # A comment was saved: (dossier id, juror id).
    commentsChanged = Signal(str, str)
    # The hearing timer moved: payload is a ``timer.TimerView``.
    timerUpdated = Signal(object)
    # A hearing state changed (start, pause, next, finish, reset): dossier id.
    hearingChanged = Signal(str)
    # A recusal was added or withdrawn: (juror id, dossier id).
    recusalsChanged = Signal(str, str)
    # Attendance changed.
    attendanceChanged = Signal()
    # Blind scoring switched on or off: payload is the new value.
    blindChanged = Signal(bool)
    # The scores were revealed (deliberation).
    revealChanged = Signal(bool)
    # What the shared screen shows: "hearing" or "scoring".
    sharedModeChanged = Signal(str)
    # A « déport » was just recorded: (juror id, dossier id) — the shared screen announces it.
    deportRecorded = Signal(str, str)
    # A message for the status bar (already translated).
    statusMessage = Signal(str)
