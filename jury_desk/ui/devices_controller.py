"""Wires the jurors' devices into the console: one :class:`JurorDevices` for the open
session, its server, the secretary's window, and the console's refresh after a device
wrote (issue 14)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

from jury_desk.qt.core import QObject, Slot

if TYPE_CHECKING:  # the service (aiohttp) and its dialog load when first used
    from jury_desk.core.devices import JurorDevices
    from jury_desk.devserver import DeviceServer
    from jury_desk.ui.devices_window import DevicesDialog

log = logging.getLogger(__name__)


class DevicesController(QObject):
    def __init__(self, console: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.console = console
        self.ctx = console.ctx
        self._tasks: set[asyncio.Task[Any]] = set()
        # Built when first used (the dialog): they need the Desk and aiohttp, which the
        # console's first paint does without (issue 15).
        self._hub: JurorDevices | None = None
        self._server: DeviceServer | None = None
        self.dialog: DevicesDialog | None = None
        h = self.ctx.hub
        self._connections = [
            (console.actions.devices.triggered, self.show),
            (h.sessionChanged, self._session_changed),
            (h.scoresChanged, self._state_changed),
            (h.currentDossierChanged, self._state_changed),
            (h.recusalsChanged, self._state_changed),
            (h.attendanceChanged, self._state_changed),
        ]
        for sig, slot in self._connections:
            sig.connect(slot)

    @property
    def hub(self) -> JurorDevices:
        if self._hub is None:
            from jury_desk.core.devices import JurorDevices

            writer = self.ctx.writer

            def run_write(fn: Callable[[], Any]) -> Coroutine[Any, Any, Any]:
                return writer.run(fn)  # the one database writer: ordered with the grid

            self._hub = JurorDevices(self.ctx.desk, self.ctx.sid, run_write)
            self._hub.on_write = self._device_wrote
            self._hub.use_state(self.ctx.st)
        return self._hub

    @property
    def server(self) -> DeviceServer:
        if self._server is None:
            from jury_desk.devserver import DeviceServer

            self._server = DeviceServer(self.hub)
        return self._server

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    @Slot()
    def show(self) -> None:
        if self.dialog is None:
            from jury_desk.ui.devices_window import DevicesDialog

            self.dialog = DevicesDialog(
                self.hub, self.server, self.spawn, self.console.view.window()
            )
        self.dialog.refresh()
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()

    def _session_changed(self, *_args: object) -> None:
        if self._hub is None:
            return  # nothing built yet (the session's opening emits this too)
        # closed, reopened, restored: read it again here, whoever else reads it too
        self.ctx.reload()
        self._state_changed()

    def _state_changed(self, *_args: object) -> None:
        if self._hub is None:
            return  # nothing built yet: it reads the state when it is
        self.hub.use_state(self.ctx.st)
        if self.ctx.st.closed and self.server.running:
            self.spawn(self.server.stop())  # never serving a closed session
        if self.dialog is not None:
            self.dialog.refresh()

    def _device_wrote(self, dossier_id: str) -> None:
        self.ctx.reload()
        self.ctx.hub.scoresChanged.emit(dossier_id)

    def disconnect_all(self) -> None:
        for sig, slot in self._connections:
            with contextlib.suppress(RuntimeError, TypeError):
                sig.disconnect(slot)
        if self.dialog is not None:
            self.dialog.shutdown()
        if self._server is not None and self._server.running:
            self.spawn(self._server.stop())
        if self._hub is not None:
            self._hub.revoke_all()
