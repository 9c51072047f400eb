"""What the GUI's start and the read-only commands pay for: importing the core and reading
a session must not load the libraries that only importing a bundle, exporting or
managing keys need (JSON Schema, cryptography, pyHanko, reportlab); the first paint's
read path and the read-only commands do not load the ORM either (SQLAlchemy, sqlmodel,
pydantic). Checked in fresh interpreters, on ``sys.modules``; the figures themselves
are in ``benchmarks/gui.py`` and ``benchmarks/cli.py``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from jury_desk.core.services import Desk

HEAVY = ("jsonschema", "cryptography", "pyhanko", "pyhanko_certvalidator", "reportlab")
ORM = ("sqlalchemy", "sqlmodel", "pydantic")

PROBE = r"""
import json, sys
HEAVY = {heavy!r}
{body}
loaded = sorted(m for m in sys.modules if m.split(".")[0] in HEAVY)
orm = sorted({{m.split(".")[0] for m in sys.modules if m.split(".")[0] in {orm!r}}})
print(json.dumps({{"loaded": loaded, "orm": orm, "result": result}}))
"""


def _probe(body: str) -> dict[str, object]:
    code = PROBE.format(heavy=HEAVY, orm=ORM, body=body)
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert out.returncode == 0, out.stderr
    report: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return report


def test_importing_the_services_leaves_the_heavy_libraries_out() -> None:
    report = _probe(
        "import jury_desk.core.services\nresult = hasattr(jury_desk.core.services, 'Desk')"
    )
    assert report["result"] is True
    assert report["loaded"] == []


def test_opening_a_session_as_the_gui_does_leaves_them_out(tmp_path: Path) -> None:
    db = tmp_path / "jury.sqlite3"
    desk = Desk(db)
    sid = desk.import_demo().session_id
    st = desk.state(sid)
    n_dossiers = len(st.dossiers)
    expected = [sid, n_dossiers, len(st.jurors)]
    desk.close()
    # The GUI's start on an existing database: open it, pick the session, settle the
    # timers left running, read the whole state.
    report = _probe(
        "from jury_desk.core import recovery\n"
        "from jury_desk.core.services import Desk\n"
        f"desk = Desk({str(db)!r})\n"
        "sid = desk.resolve(None)\n"
        "recovery.settle_interrupted(desk, sid)\n"
        "st = desk.state(sid)\n"
        "result = [sid, len(st.dossiers), len(st.jurors)]\n"
        "desk.close()\n"
    )
    assert n_dossiers > 0
    assert report["result"] == expected
    assert report["loaded"] == []


def test_the_first_paint_read_path_leaves_the_orm_out(tmp_path: Path) -> None:
    """What the console's first frame reads (``core.quickread``: the session, its
    attachments, the rules' results) needs neither the ORM nor the heavy libraries."""
    db = tmp_path / "jury.sqlite3"
    desk = Desk(db)
    sid = desk.import_demo().session_id
    expected = [sid, len(desk.state(sid).dossiers)]
    desk.close()
    report = _probe(
        "from jury_desk.core import deliberation, quickread, result_document\n"
        f"st = quickread.load({str(db)!r})\n"
        "d = next(d for d in st.dossiers if d.attachments)\n"
        f"assert quickread.attachment_content({str(db)!r}, d.attachments[0])[:5] == b'%PDF-'\n"
        "deliberation.compute(st.deliberation_input())\n"
        "result = [st.info.id, len(st.dossiers)]\n"
    )
    assert report["result"] == expected
    assert report["orm"] == []
    assert report["loaded"] == []


def test_the_audit_chain_checks_leave_the_orm_out() -> None:
    report = _probe(
        "from jury_desk.core import audit\n"
        "e = {'seq': 1, 'at': 'x', 'actor': 'a', 'action': 'b', 'data': {}, 'prev': audit.GENESIS}\n"
        "e['hash'] = audit.entry_hash(e)\n"
        "result = audit.verify_chain(audit.parse_jsonl(audit.to_jsonl([e]))).ok\n"
    )
    assert report["result"] is True
    assert report["orm"] == []


def test_the_libraries_still_load_when_a_bundle_is_imported(tmp_path: Path) -> None:
    """The laziness moved the imports, it did not drop them: importing the demo bundle
    checks its signature (cryptography) and its schema (jsonschema)."""
    report = _probe(
        "from jury_desk.core.services import Desk\n"
        f"desk = Desk({str(tmp_path / 'jury.sqlite3')!r})\n"
        "result = desk.import_demo().dossiers\n"
        "desk.close()\n"
    )
    assert isinstance(report["result"], int) and report["result"] > 0
    loaded = report["loaded"]
    assert isinstance(loaded, list)
    assert {"jsonschema", "cryptography"} <= {str(m).split(".")[0] for m in loaded}


def test_ui_package_leaves_the_orm_for_later_and_restores_the_collector() -> None:
    """``jury_desk.ui`` imports the light core (no Qt yet, no ORM); ``import_core`` later
    imports the services with the cyclic collector paused, and leaves it as it found
    it: on when it was on, off when the caller had turned it off."""
    for before in (True, False):
        report = _probe(
            "import gc\n"
            f"gc.enable() if {before!r} else gc.disable()\n"
            "import jury_desk.ui\n"
            "first = ['jury_desk.core.quickread' in sys.modules,\n"
            "         'jury_desk.core.services' in sys.modules, 'sqlalchemy' in sys.modules]\n"
            "jury_desk.ui.import_core()\n"
            "result = [first, gc.isenabled(), 'jury_desk.core.services' in sys.modules,\n"
            "          any(m.split('.')[0] in ('PySide6', 'shiboken6') for m in sys.modules)]\n"
        )
        assert report["result"] == [[True, False, False], before, True, False]
        assert report["loaded"] == []
