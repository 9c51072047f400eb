"""Pages of a PDF attachment, rendered in a separate process (``jury_desk.render_worker``).

The GUI never parses a candidate's PDF: :class:`PageRenderer` starts the worker with a
:class:`QProcess` (signals only, the event loop never waits), sends it the bytes and the
pages wanted, and turns its frames into :class:`QImage` pages. The worker runs with
memory and time limits (``core.sandbox``: rlimits it sets itself on POSIX, a Job Object
the parent assigns it to on Windows) and the parent kills it after
:data:`~jury_desk.core.sandbox.WALL_SECONDS`; a worker that ends without finishing is
reported through :attr:`PageRenderer.failed` with a code, which the view words.
"""

from __future__ import annotations

import json
import logging
import struct
import sys

from jury_desk import render_worker
from jury_desk.core import sandbox
from jury_desk.qt.core import (
    QCoreApplication,
    QObject,
    QProcess,
    QProcessEnvironment,
    QTimer,
    Signal,
    Slot,
)
from jury_desk.qt.gui import QImage

log = logging.getLogger(__name__)

# Why a render did not finish; the view turns each into a French sentence.
KILLED = "killed"  # over the memory or time limit (or crashed on the document)
TIMEOUT = "timeout"
UNREADABLE = "unreadable"
PASSWORD = "password"
TOO_LARGE = "too_large"
NO_WORKER = "no_worker"


def worker_command() -> tuple[str, list[str]]:
    return render_worker.worker_command()


def _stop_all(processes: list[QProcess]) -> None:
    for proc in processes:
        if proc.state() != QProcess.ProcessState.NotRunning:
            proc.kill()
            proc.waitForFinished(1000)
    processes.clear()


class PageRenderer(QObject):
    """One render at a time: ``pages`` of a document, ``width`` pixels wide."""

    opened = Signal(int)  # pages in the document
    pageReady = Signal(int, QImage)
    finished = Signal()  # the pages asked for are all there
    failed = Signal(str)  # a code above

    def __init__(self, parent: QObject | None = None, wall_seconds: float | None = None) -> None:
        super().__init__(parent)
        self._process: QProcess | None = None
        self._buffer = bytearray()
        self._job: sandbox.WindowsJob | None = None
        self._done = False
        self._payload = b""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(
            int(1000 * (wall_seconds if wall_seconds is not None else sandbox.WALL_SECONDS))
        )
        self._timer.timeout.connect(self._on_timeout)
        self.last_pid: int | None = None
        self._held = False
        self._pending: tuple[bytes, int, int, int] | None = None
        self._live: list[QProcess]
        app = QCoreApplication.instance()
        if app is not None:  # no worker outlives the application
            app.aboutToQuit.connect(self.cancel)
        # Nor this object: ``destroyed`` comes before Qt deletes the children (the
        # QProcess), which would otherwise complain that its process still runs.
        live = self._live = []
        self.destroyed.connect(lambda *_: _stop_all(live))

    def running(self) -> bool:
        """A render is under way (or held, to start at ``release``)."""
        return self._process is not None or self._pending is not None

    def hold(self) -> None:
        """Renders asked for from now on wait for ``release`` (the console's start: the
        worker process is started once the console is painted, not on the way to it)."""
        self._held = True

    def release(self) -> None:
        """Start the render asked for while held, as it was asked."""
        self._held = False
        pending, self._pending = self._pending, None
        if pending is not None:
            self.render(*pending)

    def render(self, data: bytes, width: int, first: int = 0, count: int = 3) -> None:
        """Start rendering (any render in progress is abandoned)."""
        self.cancel()
        if self._held:
            self._pending = (data, width, first, count)
            return
        self._payload = render_worker.request(width, first, count, data)
        self._buffer = bytearray()
        self._done = False
        proc = QProcess(self)
        program, args = worker_command()
        env = QProcessEnvironment.systemEnvironment()
        env.insert("QT_QPA_PLATFORM", "offscreen")
        proc.setProcessEnvironment(env)
        proc.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        proc.setStandardErrorFile(QProcess.nullDevice())
        proc.started.connect(self._on_started)
        proc.readyReadStandardOutput.connect(self._on_output)
        proc.finished.connect(self._on_finished)
        proc.errorOccurred.connect(self._on_error)
        self._process = proc
        self._live.append(proc)
        self._timer.start()
        proc.start(program, args)

    @Slot()
    def cancel(self) -> None:
        self._pending = None
        proc, self._process = self._process, None
        self._timer.stop()
        if proc is not None:
            self._live.remove(proc)
            for signal in (
                proc.started,
                proc.readyReadStandardOutput,
                proc.finished,
                proc.errorOccurred,
            ):
                signal.disconnect()
            if proc.state() != QProcess.ProcessState.NotRunning:
                proc.kill()
                proc.waitForFinished(1000)
            proc.deleteLater()
        self._close_job()

    def _close_job(self) -> None:
        job, self._job = self._job, None
        if job is not None:
            job.close()

    @Slot()
    def _on_started(self) -> None:
        proc = self._process
        if proc is None:
            return
        self.last_pid = int(proc.processId())
        if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
            try:
                self._job = sandbox.WindowsJob()
                self._job.assign(self.last_pid)
            except OSError:
                log.warning("render worker: no job object, wall-clock limit only")
        proc.write(self._payload)
        proc.closeWriteChannel()
        self._payload = b""

    @Slot()
    def _on_output(self) -> None:
        proc = self._process
        if proc is None:
            return
        self._buffer += bytes(proc.readAllStandardOutput().data())
        while len(self._buffer) >= 5:
            kind = bytes(self._buffer[:1])
            (size,) = struct.unpack(">I", self._buffer[1:5])
            if len(self._buffer) < 5 + size:
                return
            payload = bytes(self._buffer[5 : 5 + size])
            del self._buffer[: 5 + size]
            self._frame(kind, payload)

    def _frame(self, kind: bytes, payload: bytes) -> None:
        if kind == b"H":
            self.opened.emit(int(json.loads(payload)["pages"]))
        elif kind == b"P" and len(payload) > 4:
            (index,) = struct.unpack(">I", payload[:4])
            image = QImage()
            if image.loadFromData(payload[4:], "PNG"):
                self.pageReady.emit(index, image)
        elif kind == b"E":
            code = str(json.loads(payload).get("error", UNREADABLE))
            self._fail(code if code in (PASSWORD, TOO_LARGE) else UNREADABLE)

    def _fail(self, code: str) -> None:
        if self._done:
            return
        self._done = True
        self.cancel()
        log.info("render worker stopped: %s", code)
        self.failed.emit(code)

    @Slot(int, QProcess.ExitStatus)
    def _on_finished(self, exit_code: int, status: QProcess.ExitStatus) -> None:
        if self._process is None:
            return
        self._on_output()
        if self._done:
            return
        if status == QProcess.ExitStatus.NormalExit and exit_code == 0:
            self._done = True
            self.cancel()
            self.finished.emit()
        else:
            self._fail(KILLED)

    @Slot(QProcess.ProcessError)
    def _on_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._fail(NO_WORKER)

    @Slot()
    def _on_timeout(self) -> None:
        if self._process is not None:
            self._fail(TIMEOUT)
