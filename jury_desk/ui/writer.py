"""The one database writer: a single worker thread, so writes happen in the order asked.

Every change (a score, a comment, a timer action, an import) goes through
:class:`DbWriter`. Two ways in:

* :meth:`DbWriter.submit` for quick writes: the callback runs on the GUI thread once
  the write has returned (``Desk`` methods return only after the commit is durable),
  delivered by a queued Qt signal. It works whether or not the asyncio loop runs.
* :meth:`DbWriter.run` for slow work awaited in a coroutine (qasync):
  ``await writer.run(desk.import_bundle, path)`` is ``loop.run_in_executor`` on the
  same single thread.

Why score writes are not done on the GUI thread: ``Desk.record_score`` measured 2.5 ms
median, 4.8 ms at the 95th percentile and up to 10 ms here (WAL, ``synchronous=FULL``,
one fsync per commit). A laptop's disk can take far longer to fsync; off the GUI thread
typing stays fluid whatever the disk, and a cell shows « enregistré » only when the
write has returned.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_futures
from functools import partial
from typing import Any

from jury_desk.qt.core import QObject, Qt, Signal, Slot

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


def _log_write_failure(exc: BaseException) -> None:
    from jury_desk.ui.errors import log_failure

    log_failure(log, "write failed", exc)


class DbWriter(QObject):
    # future, on_done, on_error, result, exception
    _finished = Signal(object, object, object, object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="jury-desk-db")
        self._pending: set[Future[Any]] = set()
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        # Errors no callback handles go here (the app routes them to a dialog).
        self.unhandled: Failed = _log_write_failure

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Done | None = None,
        on_error: Failed | None = None,
        **kwargs: Any,
    ) -> Future[Any]:
        fut: Future[Any] = self.executor.submit(fn, *args, **kwargs)
        self._pending.add(fut)

        def _report(f: Future[Any]) -> None:
            exc = f.exception()
            self._finished.emit(f, on_done, on_error, None if exc else f.result(), exc)

        fut.add_done_callback(_report)
        return fut

    @Slot(object, object, object, object, object)
    def _deliver(
        self,
        fut: Future[Any],
        on_done: Done | None,
        on_error: Failed | None,
        result: Any,
        exc: BaseException | None,
    ) -> None:
        # A write stays pending until its callback has run on the GUI thread: whoever
        # waits for ``busy`` to fall then sees the state the callback left, never a
        # window where the write has returned but its callback has not yet run.
        self._pending.discard(fut)
        if exc is not None:
            (on_error or self.unhandled)(exc)
        elif on_done is not None:
            on_done(result)

    async def run(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        loop = asyncio.get_event_loop()
        return await loop.run_in_executor(self.executor, partial(fn, *args, **kwargs))

    @property
    def busy(self) -> bool:
        """True until every write asked has returned *and* its callback has run."""
        return bool(self._pending)

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait for the writes already asked (before closing). True if all finished."""
        _done, not_done = wait_futures(list(self._pending), timeout=timeout)
        return not not_done

    def shutdown(self) -> None:
        self.flush()
        self.executor.shutdown(wait=True)
