"""A refusal the secretary reads in the window names the open session's jurors,
dossiers and criteria (a juror by name, a dossier by reference and title); the command
line, and the window with no session open, keep the ids its user types."""

from __future__ import annotations

import pytest

from jury_desk import messages
from jury_desk.core.errors import UserError
from jury_desk.ui import wording
from tests.ui.conftest import Gui

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _refused(call: object) -> UserError:
    with pytest.raises(UserError) as refused:
        call()  # type: ignore[operator]
    return refused.value


def test_a_refusal_names_the_open_sessions_juror_and_dossier(gui: Gui) -> None:
    desk, sid = gui.controller.get_desk(), gui.controller.ctx.sid
    st = desk.state(sid)
    juror = next(j for j in st.jurors if j.id == "j04")
    dossier = next(d for d in st.dossiers if d.id == "d03")
    first = st.criteria[0].id

    desk.recuse(sid, "j04", "d03", "conflict", "Membre du bureau de l’association")
    again = _refused(
        lambda: desk.recuse(sid, "j04", "d03", "conflict", "Membre du bureau de l’association")
    )
    shown = wording.error(again)
    assert f"« {juror.name} »" in shown and dossier.reference in shown
    assert "j04" not in shown and "d03" not in shown
    assert "« j04 »" in str(again)  # the command line's words: the ids

    desk.set_present(sid, "j04", False)
    absent = _refused(lambda: desk.record_score(sid, "d01", "j04", first, "3"))
    assert wording.error(absent).startswith(f"Le juré « {juror.name} » est absent")

    # A CSV's line keeps the ids the user reads in the file.
    row = UserError(
        "csv_row",
        params={
            "line": 3,
            "dossier": "d03",
            "juror": "j04",
            "criterion": first,
            "value": "3",
            "inner": "juror_absent",
            "inner_params": (("juror", "j04"),),
        },
    )
    assert "juré j04" in wording.error(row)

    # The window back on its welcome page: no session open, ids.
    gui.controller.close_console()
    assert wording.open_names() is messages.IDS
    assert "« j04 »" in wording.error(absent)
