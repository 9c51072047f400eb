"""The secretary's window for the jurors' devices, with the real server on loopback and a
real HTTP client standing in for a juror's phone (issue 14)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import aiohttp
import pytest

from jury_desk.qt.core import Qt


def run(gui: Any, coro: Any, timeout: int = 10_000) -> Any:
    task = asyncio.ensure_future(coro)
    gui.qtbot.waitUntil(task.done, timeout=timeout)
    return task.result()


# raise_() of the window: the offscreen platform cannot, a real desktop does
@pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)
def test_pair_a_juror_who_scores_from_a_phone_and_the_console_follows(gui: Any) -> None:
    gui.key(Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    ctl = gui.console.devices
    dlg = ctl.dialog
    assert dlg is not None and dlg.isVisible()
    assert dlg.windowHandle() is not gui.controller.shared.windowHandle()
    assert not dlg.pair_button.isEnabled()  # nothing to pair before the service runs
    config = run(gui, dlg.start("127.0.0.1", 0))
    assert config is not None and ctl.server.running
    url = dlg.pair("j01")
    assert url.startswith(config.origin + "/#t=")
    assert not dlg.qr.pixmap().isNull()
    token = url.split("#t=", 1)[1]
    dossier = gui.console.current

    async def phone() -> tuple[int, dict[str, Any]]:
        async with (
            aiohttp.ClientSession() as http,
            http.put(
                config.origin + "/api/score",
                data=json.dumps(
                    {
                        "dossier_id": dossier,
                        "criterion_id": "innovation",
                        "value": "4",
                        "key": "phone-write-0001",
                    }
                ),
                headers={
                    "Content-Type": "application/json",
                    "Origin": config.origin,
                    "Authorization": f"Bearer {token}",
                },
            ) as r,
        ):
            return r.status, await r.json()

    status, answer = run(gui, phone())
    assert (status, answer["value"]) == (200, "4")
    gui.qtbot.waitUntil(lambda: gui.ctx.st.scores.get((dossier, "j01", "innovation")) == 4)
    row = next(r for r in dlg.model.rows if r.juror_id == "j01")
    assert (row.paired, row.entered) == (True, 1)
    # progress, never the value
    assert [dlg.model.text(row, c) for c in range(1, 4)] == ["appairé", "connecté", "1 sur 5"]
    entry = gui.ctx.desk.audit_entries(gui.ctx.sid)[-1]
    assert entry["actor"].startswith("juré:j01/appareil:")
    run(gui, dlg.stop())
    assert not ctl.server.running and not ctl.hub.paired("j01")
