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


@pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)
def test_pairing_cards_print_a_working_code_for_each_juror_not_yet_paired(
    gui: Any, tmp_path: Any
) -> None:
    """« Imprimer les cartes d’appairage… »: one card per juror not yet paired, opened in
    the system's reader; each code read back from the printed page opens that juror's
    sheet; the file is private and removed when the application closes."""
    import stat
    import subprocess
    from pathlib import Path

    import zxingcpp
    from PIL import Image

    from jury_desk.qt.core import QUrl

    gui.key(Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dlg = gui.console.devices.dialog
    opened: list[str] = []

    def opener(url: QUrl) -> bool:
        opened.append(url.toLocalFile())
        return True

    dlg.opener = opener
    assert not dlg.cards_button.isEnabled()  # no code before the service runs
    config = run(gui, dlg.start("127.0.0.1", 0))
    dlg.pair("j01")  # already paired: no card for them
    dlg.cards_button.click()
    assert len(opened) == 1
    path = Path(opened[0])
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    subprocess.run(["pdftoppm", "-r", "150", "-png", path, tmp_path / "p"], check=True)
    urls: list[str] = []
    for page in sorted(tmp_path.glob("p-*.png")):
        with Image.open(page) as img:
            urls += [r.text for r in zxingcpp.read_barcodes(img) if r.valid]
    jurors = [j.id for j in gui.ctx.st.jurors]
    assert len(urls) == len(jurors) - 1
    assert all(u.startswith(config.origin + "/#t=") for u in urls)
    assert all(gui.console.devices.hub.paired(j) for j in jurors)

    async def sheet(token: str) -> tuple[int, dict[str, Any]]:
        async with (
            aiohttp.ClientSession() as http,
            http.get(
                config.origin + "/api/sheet",
                headers={"Origin": config.origin, "Authorization": f"Bearer {token}"},
            ) as r,
        ):
            return r.status, await r.json()

    seen = set()
    for url in urls:
        status, doc = run(gui, sheet(url.split("#t=", 1)[1]))
        assert status == 200, doc
        seen.add(doc["juror"]["id"])
    assert seen == set(jurors) - {"j01"}
    dlg.cards_button.click()  # everyone is paired now: nothing new is printed
    assert len(opened) == 1 and "déjà appairés" in dlg.state_label.text()
    run(gui, dlg.stop())
    dlg.shutdown()
    assert not path.exists()


@pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_devices_window_has_no_alt_key_twice(make_gui: Any, language: str) -> None:
    from collections import Counter

    from jury_desk.qt.widgets import QAbstractButton, QLabel
    from tests.ui.test_mnemonics import mnemonic

    gui = make_gui(language=language)
    gui.open_demo()
    gui.console.devices.show()
    dlg = gui.console.devices.dialog
    texts = [b.text() for b in dlg.findChildren(QAbstractButton)]
    texts += [lab.text() for lab in dlg.findChildren(QLabel) if lab.buddy() is not None]
    keys = Counter(m for m in map(mnemonic, texts) if m)
    assert len(keys) >= 6 and max(keys.values()) == 1, (language, texts)
