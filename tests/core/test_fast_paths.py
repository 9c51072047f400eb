"""The export's short cuts (issue 15) give exactly what the long ways give: the result
schema's checker reports what plain jsonschema reports, the audit log written from the
rows is the one re-encoded from the entries, and the PV's ellipsis cut is the one the
character-by-character loop made."""

from __future__ import annotations

import copy
import json
import random
import zipfile
from fractions import Fraction
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jury_desk.core import audit, export, resources
from jury_desk.core.domain import Criterion
from tests.conftest import played_demo, signing_identity


@pytest.fixture(scope="module")
def played(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The played demo day, and the result.json of its export."""
    tmp = tmp_path_factory.mktemp("fast")
    with played_demo(tmp) as (desk, sid), pytest.MonkeyPatch.context() as mp:
        mp.setenv("JURY_DESK_DATA_DIR", str(tmp / "data"))
        mp.setenv("JURY_DESK_CONFIG_DIR", str(tmp / "config"))
        out = tmp / "resultats.zip"
        export.export_session(desk, sid, out, signing_identity(), accept_proposal=True)
        with zipfile.ZipFile(out) as z:
            doc = json.loads(z.read(export.RESULT))
        yield desk, sid, doc


def _plain_messages(doc: Any) -> list[str]:
    schema = resources.schema(export.SCHEMA)
    validator = jsonschema.Draft202012Validator(schema)
    return sorted(e.message for e in validator.iter_errors(doc))


def test_audit_jsonl_from_the_rows_is_the_reencoded_one(played: Any) -> None:
    desk, sid, _ = played
    data, head = desk.audit_jsonl(sid)
    entries = desk.audit_entries(sid)
    assert data == audit.to_jsonl(entries)
    assert head == entries[-1]["hash"] == desk.state(sid).audit_head
    assert audit.verify_chain(audit.parse_jsonl(data)).ok


def test_schema_short_cuts_report_what_jsonschema_reports(played: Any) -> None:
    doc = played[2]
    assert doc["scores"] and doc["attendance"]
    assert export.schema_problems(doc) == [] == _plain_messages(doc)
    rng = random.Random(15)
    breakages = [
        lambda d: d["scores"][0].__setitem__("value", "douze"),
        lambda d: d["scores"][1].__setitem__("juror_id", ""),
        lambda d: d["scores"][2].__setitem__("extra", 1),
        lambda d: d["scores"][3].pop("value"),
        lambda d: d["scores"].__setitem__(4, [1]),
        lambda d: d["scores"][5].__setitem__("value", [2]),
        lambda d: d["scores"][6].__setitem__("value", True),
        lambda d: d["attendance"][0].__setitem__("present", "oui"),
        lambda d: d.__setitem__("export_seq", 0),
    ]
    for breakage in breakages:
        bad = copy.deepcopy(doc)
        breakage(bad)
        # Twice: the second run meets values the first one cached as valid.
        for _ in range(2):
            ours = export.schema_problems(bad)
            plain = _plain_messages(bad)
            assert ours and plain
            assert len(ours) == min(5, len(plain))
            assert all(any(m in o for o in ours) for m in plain[:1])
    several = copy.deepcopy(doc)
    for i in rng.sample(range(len(doc["scores"])), 3):
        several["scores"][i]["criterion_id"] = "pas un id !"
    assert len(export.schema_problems(several)) == 3 == len(_plain_messages(several))


def _fit_by_characters(text: str, font: str, size: float, room: float) -> str:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(text, font, size) <= room:
        return text
    while text and stringWidth(text + "…", font, size) > room:
        text = text[:-1]
    return text.rstrip(" —:,;") + "…"


def test_the_ellipsis_cut_is_the_longest_prefix_that_fits(tmp_path: Path) -> None:
    from jury_desk.core import pv_style

    pv_style._register_fonts()
    rng = random.Random(2026)
    words = ["atelier", "jardin —", "numérique", "x", ":", "a,", "é", "tiers-lieu", "ÉCOLE"]
    for _ in range(500):
        text = " ".join(rng.choice(words) for _ in range(rng.randrange(0, 16)))
        room = rng.uniform(0, 220)
        for font in (pv_style.FONT, pv_style.FONT_BOLD):
            assert pv_style._fit(text, font, 8, room) == _fit_by_characters(text, font, 8, room)


@pytest.mark.parametrize("name", ["result.schema.json", "session.schema.json"])
def test_the_shipped_schemas_are_valid_json_schemas(name: str) -> None:
    """Checked here once, not at every export and verify (a third of a second each)."""
    jsonschema.Draft202012Validator.check_schema(resources.schema(name))


_json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(),
    lambda children: (
        st.lists(children, max_size=4)
        | st.tuples(children, children)
        | st.dictionaries(st.text(max_size=6), children, max_size=4)
    ),
    max_leaves=30,
)


@settings(max_examples=400, deadline=None)
@given(_json_values)
def test_result_json_is_serialised_as_json_dumps_would(doc: Any) -> None:
    expected = json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    assert export._dump(doc) == expected


def test_unusual_values_go_the_standard_way() -> None:
    class Label(str):
        pass

    doc = {"a": [Label("x"), True, 1.5, {}, []], 3: None, "b": {"c": (1, 2)}}
    assert export._dump(doc) == json.dumps(doc, ensure_ascii=False, indent=2).encode() + b"\n"
    with pytest.raises(TypeError):
        export._dump({"a": object()})


def test_played_result_json_is_written_as_json_dumps_would(played: Any) -> None:
    _, _, doc = played
    assert export._dump(doc) == json.dumps(doc, ensure_ascii=False, indent=2).encode() + b"\n"


_fractions = st.fractions(min_value=-50, max_value=50, max_denominator=20)


@settings(max_examples=500, deadline=None)
@given(_fractions, _fractions, _fractions, _fractions.filter(lambda f: f != 0))
def test_criterion_scale_check_is_the_fraction_arithmetic(
    value: Fraction, low: Fraction, high: Fraction, step: Fraction
) -> None:
    crit = Criterion("c", "C", "", Fraction(1), low, high, step)
    in_range = low <= value <= high
    assert crit.is_valid(value) == (in_range and ((value - low) / step).denominator == 1)


def test_criterion_scale_check_on_a_real_scale() -> None:
    crit = Criterion("c", "C", "", Fraction(1), Fraction(0), Fraction(10), Fraction(1, 2))
    valid = [v for v in (Fraction(n, 4) for n in range(-8, 50)) if crit.is_valid(v)]
    assert valid == [Fraction(n, 2) for n in range(21)]
