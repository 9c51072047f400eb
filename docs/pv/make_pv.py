"""Render the demonstration session's procès-verbal to PNG pages: docs/pv/pv-1.png, …

Run: ``uv run python docs/pv/make_pv.py`` (needs poppler's ``pdftoppm``).

The demonstration day is played through ``Desk`` (:mod:`jury_desk.core.demo_scenario`:
one absent juror, a déport, the hearings as timed, a departure from the default
proposal, opinions and notes), then exported and signed as the application does, in a
throw-away folder. When libfaketime is installed (Debian package ``faketime``) the script
runs itself under it and moves the clock to the time of each step of the day (Paris
time, 18 June 2026), so that the PV shows the times of a real session day rather than
the minute the script ran; without it, every time is the current one.

The signed PDF is kept beside the pages (``proces-verbal-demo.pdf``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
LIBFAKETIME = Path("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1")
CLOCK_ENV = "JURY_DESK_PV_CLOCK_FILE"


def _set_clock(when: datetime) -> None:
    clock = os.environ.get(CLOCK_ENV)
    if not clock:
        return
    local = when.astimezone()  # TZ=Europe/Paris in the child
    Path(clock).write_text(local.strftime("@%Y-%m-%d %H:%M:%S"), encoding="ascii")


def _reexec_under_faketime(tmp: Path) -> int | None:
    if os.environ.get(CLOCK_ENV) or not LIBFAKETIME.exists():
        return None
    clock = tmp / "clock"
    clock.write_text("@2026-06-18 09:00:00", encoding="ascii")
    env = {**os.environ, "LD_PRELOAD": str(LIBFAKETIME), "FAKETIME_TIMESTAMP_FILE": str(clock),
           "FAKETIME_NO_CACHE": "1", "FAKETIME_DONT_FAKE_MONOTONIC": "1", "TZ": "Europe/Paris",
           CLOCK_ENV: str(clock)}
    return subprocess.run([sys.executable, __file__], env=env, check=False).returncode


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="pv-demo-") as tmp_name:
        tmp = Path(tmp_name)
        code = _reexec_under_faketime(tmp)
        if code is not None:
            return code
        os.environ["JURY_DESK_DATA_DIR"] = str(tmp / "data")
        os.environ["JURY_DESK_CONFIG_DIR"] = str(tmp / "config")

        from jury_desk.core import crypto, demo_scenario, export
        from jury_desk.core.services import Desk

        desk = Desk(tmp / "jury.sqlite3")
        _set_clock(datetime.fromisoformat("2026-06-18T08:40:00+02:00"))
        sid = desk.import_demo().session_id
        key = crypto.new_private_key()
        ident = crypto.SigningIdentity(key, crypto.self_signed_certificate(key, "Claire Dupont — secrétaire du jury"), [])
        demo_scenario.play_demo_deliberation(desk, sid, clock=_set_clock)
        _set_clock(datetime.fromisoformat("2026-06-18T17:08:30+02:00"))
        rep = export.export_session(desk, sid, tmp / "resultats.zip", ident)
        desk.close()
        assert export.verify_result(rep.path, [ident.jwk]).ok

        pdf = HERE / "proces-verbal-demo.pdf"
        with zipfile.ZipFile(rep.path) as zf:
            pdf.write_bytes(zf.read("proces-verbal.pdf"))
        for old in HERE.glob("pv-*.png"):
            old.unlink()
        pdftoppm = shutil.which("pdftoppm")
        if pdftoppm is None:
            print("pdftoppm introuvable (paquet poppler-utils)", file=sys.stderr)
            return 1
        subprocess.run([pdftoppm, "-r", "80", "-png", str(pdf), str(HERE / "pv")], check=True)
        pages = sorted(HERE.glob("pv-*.png"))
        size = sum(p.stat().st_size for p in HERE.iterdir() if p.is_file())
        print(f"{rep.pv_pages} pages rendues dans {HERE} ({size / 1e6:.2f} Mo en tout) : "
              + ", ".join(p.name for p in pages))
    return 0


if __name__ == "__main__":
    sys.exit(main())
