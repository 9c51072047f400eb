"""Each value's author (issue 14): the minutes say, per juror, how many values in force
were entered on the juror's own device and how many by the secretariat, read from the
audit log's actors by the same replay that verifies an export."""

from __future__ import annotations

from pathlib import Path

from jury_desk.core import pv
from jury_desk.core.services import Desk
from tests.conftest import exported_pv_text, replayed

DEVICE = "juré:j01/appareil:a1b2c3"


def _authors(desk: Desk, sid: str) -> dict[str, tuple[int, int]]:
    return pv.value_authors(replayed(desk, sid).score_authors)


def test_the_last_entry_of_each_value_in_force_names_its_author(
    scored_demo: tuple[Desk, str],
) -> None:
    desk, sid = scored_demo
    before = _authors(desk, sid)
    assert desk.value_authors(sid) == before  # read from the whole log, then kept
    total = sum(device + sec for device, sec in before.values())
    assert total == len(desk.state(sid).scores) and all(d == 0 for d, _ in before.values())
    st = desk.state(sid)
    (d1, _, c1), (d2, _, c2), (d3, _, c3) = [k for k in st.scores if k[1] == "j01"][:3]
    desk.record_score(sid, d1, "j01", c1, st.scores[(d1, "j01", c1)], actor=DEVICE)
    desk.record_score(sid, d2, "j01", c2, st.scores[(d2, "j01", c2)], actor=DEVICE)
    # the secretariat corrects one of them afterwards, and clears another value
    desk.record_score(sid, d2, "j01", c2, st.scores[(d2, "j01", c2)], actor="secretariat")
    desk.clear_score(sid, d3, "j01", c3)
    after = _authors(desk, sid)
    assert desk.value_authors(sid) == after  # the services' one query, as the replay says
    device, secretariat = after["j01"]
    assert device == 1
    assert device + secretariat == before["j01"][1] - 1  # one value cleared
    assert {j: a for j, a in after.items() if j != "j01"} == {
        j: a for j, a in before.items() if j != "j01"
    }


def test_the_minutes_print_the_counts(scored_demo: tuple[Desk, str], tmp_path: Path) -> None:
    from jury_desk.core import demo_scenario

    desk, sid = scored_demo
    demo_scenario.record_hearings(desk, sid)
    st = desk.state(sid)
    key = next(k for k in st.scores if k[1] == "j01")
    desk.record_score(sid, key[0], "j01", key[2], st.scores[key], actor=DEVICE)
    text = exported_pv_text(desk, sid, tmp_path)
    authors = _authors(desk, sid)
    assert "Auteur de chaque note en vigueur" in " ".join(text.split())
    line = next(ln for ln in text.splitlines() if "Corinne Malabre" in ln)
    assert f"{authors['j01'][0]} / {authors['j01'][1]}" in line and authors["j01"][0] == 1


def test_the_services_fold_the_log_on_from_where_they_stopped(
    scored_demo: tuple[Desk, str],
) -> None:
    """``Desk.value_authors`` reads only the entries after the last one it folded; if that
    entry is no longer the same (a snapshot restored under it), it folds the log again."""
    desk, sid = scored_demo
    first = desk.value_authors(sid)
    st = desk.state(sid)
    key = next(k for k in st.scores if k[1] == "j02")
    desk.record_score(sid, key[0], "j02", key[2], st.scores[key], actor="juré:j02/appareil:z9")
    assert desk.value_authors(sid)["j02"] == (first["j02"][0] + 1, first["j02"][1] - 1)
    seq = desk._authors[sid][0]
    desk._authors[sid] = (seq, "0" * 64, {})  # the entry it stopped at, changed
    assert desk.value_authors(sid) == _authors(desk, sid)
