"""Attachments cannot hurt the day (issue 12, item 4): a PDF is rendered by a separate
process with memory and time limits; a hostile one is killed and said in French while
the console keeps running; an ordinary one shows its pages, a few at a time."""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from jury_desk.core import sandbox
from jury_desk.core.domain import Attachment
from jury_desk.qt.core import QTimer
from jury_desk.ui import pdf_render
from jury_desk.ui.attachments_view import AttachmentsView
from tests.pdfbomb import simple_pdf, xobject_bomb

ROOT = Path(__file__).resolve().parents[2]


def _attachment(title: str, data: bytes) -> Attachment:
    import hashlib

    return Attachment(
        f"attachments/d01/{title}.pdf",
        title,
        "application/pdf",
        len(data),
        hashlib.sha256(data).hexdigest(),
    )


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie is dead for our purpose
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().split()[2] != "Z"
    except OSError:
        return False


def test_an_ordinary_pdf_shows_its_pages_a_few_at_a_time(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = AttachmentsView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    data = simple_pdf(5, "Dossier")
    view.set_attachments((_attachment("Dossier", data),), lambda _i: data)
    qtbot.waitUntil(lambda: view.pages_shown() >= 1, timeout=30_000)
    assert view.page_count() == 5
    assert view.current_kind() is view.pdf
    qtbot.waitUntil(lambda: not view.renderer.running(), timeout=30_000)
    shown = view.pages_shown()
    assert 1 <= shown <= 5
    # Scrolling to the end asks for the next pages until all are there.
    for _ in range(5):
        if view.pages_shown() == 5:
            break
        bar = view.pdf.verticalScrollBar()
        bar.setValue(bar.maximum())
        qtbot.waitUntil(lambda: not view.renderer.running(), timeout=30_000)
    assert view.pages_shown() == 5
    label = view._page_labels[0]
    assert label.pixmap() is not None and not label.pixmap().isNull()
    view.renderer.cancel()


def test_the_nested_forms_bomb_is_killed_and_the_console_keeps_running(qtbot) -> None:  # type: ignore[no-untyped-def]
    bomb = xobject_bomb(12, 10)
    assert len(bomb) < 8_000
    view = AttachmentsView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    ticks = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    view.set_attachments((_attachment("Dossier piégé", bomb),), lambda _i: bomb)
    qtbot.waitUntil(lambda: view.renderer.last_pid is not None, timeout=30_000)
    pid = view.renderer.last_pid
    assert pid is not None and pid != os.getpid()
    qtbot.waitUntil(
        lambda: view.message.text().startswith("Cette pièce jointe n’a pas pu être affichée"),
        timeout=60_000,
    )
    timer.stop()
    assert view.current_kind() is view.message
    assert "mémoire ou de temps" in view.message.text() or "trop de temps" in view.message.text()
    assert len(ticks) > 3  # the event loop went on ticking all along
    qtbot.waitUntil(lambda: not _alive(pid), timeout=10_000)
    # The rest of the view still works: an ordinary attachment shows afterwards.
    data = simple_pdf(2)
    view.set_attachments((_attachment("Budget", data),), lambda _i: data)
    qtbot.waitUntil(lambda: view.pages_shown() >= 1, timeout=30_000)
    view.renderer.cancel()


def test_a_worker_past_the_wall_clock_is_killed(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(
        pdf_render,
        "worker_command",
        lambda: (sys.executable, ["-c", "import time; time.sleep(120)"]),
    )
    renderer = pdf_render.PageRenderer(wall_seconds=0.5)
    with qtbot.waitSignal(renderer.failed, timeout=30_000) as blocker:
        renderer.render(simple_pdf(1), 300)
    assert blocker.args == [pdf_render.TIMEOUT]
    assert not renderer.running()
    assert renderer.last_pid is not None
    qtbot.waitUntil(lambda: not _alive(renderer.last_pid), timeout=10_000)


def test_an_unreadable_pdf_is_said_plainly(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = AttachmentsView()
    qtbot.addWidget(view)
    junk = b"%PDF-1.7\n" + os.urandom(2000)
    view.set_attachments((_attachment("Abîmé", junk),), lambda _i: junk)
    qtbot.waitUntil(
        lambda: view.message.text().startswith("Cette pièce jointe n’a pas pu être affichée"),
        timeout=30_000,
    )
    assert "pas un document PDF lisible" in view.message.text()
    view.renderer.cancel()


def test_the_worker_limits_its_own_memory() -> None:
    script = textwrap.dedent(
        """
        from jury_desk.core import sandbox
        sandbox.limit_self(256 * 1024**2, 5)
        try:
            block = bytearray(512 * 1024**2)
        except MemoryError:
            print("refused")
        """
    )
    r = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert r.stdout.strip() == "refused", r.stderr


def test_the_windows_job_carries_the_limits() -> None:
    """The Job Object's limits, checked off Windows through the same ctypes structure."""
    info = sandbox.job_limits(512 * 1024**2, 20)
    flags = info.BasicLimitInformation.LimitFlags
    assert flags & sandbox.JOB_OBJECT_LIMIT_PROCESS_MEMORY
    assert flags & sandbox.JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
    assert flags & sandbox.JOB_OBJECT_LIMIT_PROCESS_TIME
    assert info.ProcessMemoryLimit == 512 * 1024**2
    assert info.BasicLimitInformation.PerProcessUserTimeLimit == 20 * 10_000_000
    if ctypes.sizeof(ctypes.c_void_p) == 8:  # JOBOBJECT_EXTENDED_LIMIT_INFORMATION, x64
        assert ctypes.sizeof(info) == 144
    if sys.platform != "win32":
        with pytest.raises(OSError):
            sandbox.WindowsJob()
