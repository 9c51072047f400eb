"""The structure-aware fuzzer (tests/core/fuzzing.py), a fixed number of cases per target.

``scripts/fuzz.py`` runs the same targets longer and prints what it found.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from jury_desk.core import crypto, export, resources
from jury_desk.core.services import Desk
from tests.conftest import played_demo, signing_identity
from tests.core import fuzzing

FAST = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
HQ = crypto.new_private_key()
HQ_TRUST = [crypto.public_jwk(HQ)]
MANIFEST = fuzzing.demo_manifest()
DEMO_BUNDLE = resources.path("demo", "demo-session.zip")


@FAST
@given(fuzzing.mutated(MANIFEST))
def test_fuzz_manifest(doc: Any) -> None:
    event(fuzzing.manifest_target(doc, HQ, HQ_TRUST).split(":")[0])


@pytest.fixture(scope="module")
def csv_desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Desk, str]]:
    tmp = tmp_path_factory.mktemp("fuzzcsv")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("JURY_DESK_DATA_DIR", str(tmp / "data"))
        desk = Desk(tmp / "db.sqlite3")
        sid = desk.import_demo().session_id
        yield desk, sid
        desk.close()


def _ids(desk: Desk, sid: str) -> tuple[list[str], list[str], list[str]]:
    s = desk.state(sid)
    return [c.id for c in s.criteria], [d.id for d in s.dossiers], [j.id for j in s.jurors]


@FAST
@given(data=st.data())
def test_fuzz_scores_csv(csv_desk: tuple[Desk, str], data: st.DataObject) -> None:
    desk, sid = csv_desk
    text = data.draw(fuzzing.scores_csv(*_ids(desk, sid)))
    event(fuzzing.scores_csv_target(desk, sid, text).split(":")[0])


@dataclass
class Genuine:
    path: Path
    identity: crypto.SigningIdentity
    entries: dict[str, bytes]
    doc: dict[str, Any]


@pytest.fixture(scope="module")
def genuine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Genuine]:
    tmp = tmp_path_factory.mktemp("fuzzverify")
    with played_demo(tmp) as (desk, sid):
        ident = signing_identity()
        out = tmp / "r.zip"
        export.export_session(desk, sid, out, ident, purge_due_on=date(2026, 12, 31))
    with zipfile.ZipFile(out) as zf:
        entries = {n: zf.read(n) for n in zf.namelist()}
    yield Genuine(out, ident, entries, json.loads(entries[export.RESULT]))


@settings(FAST, max_examples=25)
@given(data=st.data())
def test_fuzz_verify_resigned_result(genuine: Genuine, data: st.DataObject, tmp_path: Path) -> None:
    doc = data.draw(fuzzing.mutated(genuine.doc))
    if doc == genuine.doc:
        return
    result = json.dumps(doc, ensure_ascii=False, indent=2).encode() + b"\n"
    path = fuzzing.resign(genuine.entries, genuine.identity.key, result, tmp_path / "f.zip")
    event(fuzzing.verify_target(path, [genuine.identity.jwk], DEMO_BUNDLE))


@settings(FAST, max_examples=25)
@given(positions=st.lists(st.integers(0, 10**7), min_size=1, max_size=3), mask=st.integers(1, 255))
def test_fuzz_verify_flipped_bytes(
    genuine: Genuine, positions: list[int], mask: int, tmp_path: Path
) -> None:
    path = tmp_path / "f.zip"
    path.write_bytes(fuzzing.flip(genuine.path.read_bytes(), positions, mask))
    event(fuzzing.verify_target(path, [genuine.identity.jwk], None, genuine.entries))


@pytest.mark.parametrize(
    "text",
    [
        "dossier_id,juror_id,criterion_id,value\nd01,j01\rx,innovation,3\n",
        "dossier_id,juror_id,criterion_id,value\n\rd01,j01,innovation,3\n",
    ],
)
def test_a_carriage_return_inside_a_row_is_refused_in_french(
    csv_desk: tuple[Desk, str], text: str
) -> None:
    """Found by the fuzzer: a lone CR in a field escaped as csv.Error (exit 1)."""
    desk, sid = csv_desk
    assert fuzzing.scores_csv_target(desk, sid, text).startswith(("refusé", "1 note"))
