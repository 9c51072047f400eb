"""What waits for a widget's first paint: the start's deferred work (the Desk's opening,
the settings written, the single-instance server, the collector resumed)."""

from __future__ import annotations

import inspect
import weakref
from collections.abc import Callable

from jury_desk.qt.core import QEvent, QObject, QTimer

# A window never painted (started minimised) still gets what waits for its first paint,
# this long after it was asked (the application's start, the console's late pages).
FIRST_PAINT_FALLBACK_MS = 3000


class AfterFirstPaint(QObject):
    """Calls ``then`` once, from the event loop, after ``target`` was first painted, or
    after ``fallback_ms`` when given and it was not painted by then (a window started
    minimised). A bound method is held weakly: a view that is never painted must not keep
    its controller alive (a Qt object left to the cyclic collector can be freed on any
    thread)."""

    def __init__(
        self, target: QObject, then: Callable[[], None], fallback_ms: int | None = None
    ) -> None:
        super().__init__(target)
        self.then: Callable[[], Callable[[], None] | None] | None = (
            weakref.WeakMethod(then) if inspect.ismethod(then) else (lambda: then)
        )
        target.installEventFilter(self)
        if fallback_ms is not None:
            QTimer.singleShot(fallback_ms, self, self._call)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if self.then is not None and event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self, self._call)
        return False

    def _call(self) -> None:
        ref, self.then = self.then, None
        then = ref() if ref is not None else None
        if then is not None:
            then()
