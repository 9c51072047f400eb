"""The juror-device server as a process of its own, for tests/e2e/test_devices_kill.py.

Run as ``python device_server.py DB SESSION_ID INFO_JSON``. It opens DB, starts
:class:`~jury_desk.devserver.DeviceServer` on 127.0.0.1 (an ephemeral port) with a
one-thread executor as the single database writer, as the application does, pairs every
juror who can score the dossier being heard, and writes ``{"pid", "port", "dossier",
"tokens": {juror id: token}}`` to INFO_JSON (a temporary file renamed into place, so the
test never reads half of it). Then it serves until SIGTERM (a clean stop) or SIGKILL.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path


async def serve(db: Path, session_id: str, info: Path) -> None:
    from jury_desk.core.devices import JurorDevices
    from jury_desk.core.services import Desk
    from jury_desk.devserver import DeviceServer

    loop = asyncio.get_running_loop()
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="db-writer")
    desk = Desk(db)
    hub = JurorDevices(desk, session_id, lambda fn: loop.run_in_executor(pool, fn))
    await hub.reload()
    server = DeviceServer(hub)
    config = await server.start("127.0.0.1", 0)
    did = hub.current_dossier_id()
    tokens = {j.id: hub.pair(j.id) for j in hub.state.jurors if hub.cannot_score(j.id, did) is None}
    part = info.with_name(info.name + ".part")
    part.write_text(
        json.dumps({"pid": os.getpid(), "port": config.port, "dossier": did, "tokens": tokens}),
        encoding="utf-8",
    )
    part.replace(info)
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    try:
        await stop.wait()
    finally:
        await server.stop()
        pool.shutdown(wait=True)
        desk.close()


if __name__ == "__main__":
    asyncio.run(serve(Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])))
