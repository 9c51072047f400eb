"""Structure-aware fuzzing of what comes from outside (issue 12, item 8).

Three targets, each a plain function of a hypothesis-drawn input, shared by the test
suite (a fixed, small number of cases: ``tests/core/test_fuzz.py``) and the longer run
(``scripts/fuzz.py``):

- :func:`manifest_target`: the demonstration manifest with values replaced, members
  removed or added at random paths, signed by headquarters and parsed as the import
  does (strict JSON, schema, rules). It must be accepted or refused with
  :class:`BundleRefused`; nothing else may escape.
- :func:`scores_csv_target`: paper sheets made of the session's ids, near-misses and
  junk, imported. All rows or none: on a refusal (``UserError``) nothing changed.
- :func:`verify_target`: a genuine result bundle with its ``result.json`` mutated the same
  way and re-signed (a key holder), or with bytes flipped anywhere in the archive. verify
  must return a report, never raise, and never say ok for a changed bundle.
"""

from __future__ import annotations

import copy
import json
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from jury_desk.core import bundle, crypto, export, resources
from jury_desk.core.errors import BundleRefused, UserError
from jury_desk.core.services import Desk

# --------------------------------------------------------------------------- JSON mutations

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**60), max_value=2**60),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.sampled_from(
        ["", "d01", "j01", "2026-02-30", "2026-06-18T25:00:00+02:00", "\u202e", "x" * 400]
    ),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def _paths(doc: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(doc, dict):
        for k, v in doc.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            out += _paths(v, (*prefix, i))
    return out


@st.composite
def mutated(draw: st.DrawFn, base: Any, rounds: int = 3) -> Any:
    """``base`` with 1 to ``rounds`` edits at random paths: replace, delete, add, copy."""
    doc = copy.deepcopy(base)
    for _ in range(draw(st.integers(1, rounds))):
        paths = _paths(doc)
        path = draw(st.sampled_from(paths))
        if not path:
            continue
        parent = doc
        for p in path[:-1]:
            parent = parent[p]
        key = path[-1]
        op = draw(st.sampled_from(["replace", "delete", "add", "copy"]))
        if op == "replace":
            parent[key] = draw(VALUES)
        elif op == "delete":
            del parent[key]
        elif op == "add" and isinstance(parent, dict):
            parent[draw(st.text(min_size=1, max_size=8))] = draw(VALUES)
        elif op == "add" and isinstance(parent, list):
            parent.insert(key, draw(VALUES))
        else:
            value = doc
            for p in draw(st.sampled_from(paths)):
                value = value[p]
            parent[key] = copy.deepcopy(value)
    return doc


def demo_manifest() -> dict[str, Any]:
    with zipfile.ZipFile(resources.path("demo", "demo-session.zip")) as zf:
        data = zf.read("manifest.json")
    return json.loads(data)  # type: ignore[no-any-return]


# --------------------------------------------------------------------------- targets


def manifest_target(doc: Any, key: crypto.PrivateKey, trusted: list[dict[str, Any]]) -> str:
    """Sign ``doc`` as headquarters, check its signature and parse it as the import does."""
    data = json.dumps(doc, ensure_ascii=False).encode("utf-8")
    jws = crypto.sign_detached(key, data)
    crypto.verify_detached(jws, data, trusted)
    try:
        bundle.parse_manifest(bundle.parse_json(data, bundle.MANIFEST))
    except BundleRefused as exc:
        return f"refusé:{exc.code}"
    return "accepté"


IDS = st.sampled_from(
    ["d01", "d02", "d12", "j01", "j05", "j15", "innovation", "impact", "", "d01 ", "D01", "zz"]
)
CELLS = st.one_of(
    IDS,
    st.sampled_from(
        ["0", "1", "2,5", "3.0", "5", "6", "-1", "1e3", "NaN", "inf", "٣", " 4 ", "4\u200b"]
    ),
    st.text(max_size=12),
)


@st.composite
def scores_csv(draw: st.DrawFn, criteria: list[str], dossiers: list[str], jurors: list[str]) -> str:
    header = draw(
        st.sampled_from(
            [
                "dossier_id,juror_id,criterion_id,value",
                "\ufeffdossier_id,juror_id,criterion_id,value",
                "dossier_id;juror_id;criterion_id;value",
                "dossier_id,juror_id,value",
            ]
        )
    )
    rows = []
    for _ in range(draw(st.integers(0, 8))):
        if draw(st.booleans()):
            row = [
                draw(st.sampled_from(dossiers)),
                draw(st.sampled_from(jurors)),
                draw(st.sampled_from(criteria)),
                draw(st.sampled_from(["0", "1", "2", "3", "4", "5", "2.5"])),
            ]
        else:
            row = [draw(CELLS) for _ in range(draw(st.integers(1, 5)))]
        rows.append(
            ",".join(f'"{c}"' if ("," in c or '"' in c) and '"' not in c else c for c in row)
        )
    sep = draw(st.sampled_from(["\n", "\r\n"]))
    return sep.join([header, *rows]) + sep


def scores_csv_target(desk: Desk, sid: str, text: str) -> str:
    before = desk.state(sid)
    try:
        n = desk.import_scores_csv(sid, text)
    except UserError as exc:
        after = desk.state(sid)
        assert after.scores == before.scores and after.audit_count == before.audit_count, (
            "a refused CSV changed the database"
        )
        return f"refusé:{exc.code}"
    return f"{n} note(s)"


def resign(entries: dict[str, bytes], key: crypto.PrivateKey, result: bytes, out: Path) -> Path:
    files = dict(entries)
    files[export.RESULT] = result
    files[export.JWS] = crypto.sign_detached(key, result).encode()
    out.write_bytes(export._zip([(n, files[n]) for n in export.ENTRIES], datetime(2026, 6, 18)))
    return out


def verify_target(
    path: Path,
    trusted: list[dict[str, Any]],
    session_bundle: Path | None,
    genuine: dict[str, bytes] | None = None,
) -> str:
    """verify never raises; when it accepts a changed archive (``genuine`` given), another
    reader must see exactly the genuine content (only inert metadata changed: a
    permission bit, the creator's version)."""
    report = export.verify_result(path, trusted, session_bundle=session_bundle)
    if report.ok:
        assert genuine is not None, "a changed result.json verified"
        with zipfile.ZipFile(path) as zf:
            seen = {i.filename: zf.read(i) for i in zf.infolist()}
        assert seen == genuine, "verify accepted an archive that zipfile reads differently"
        return "accepté:métadonnée inerte"
    first = next(c for c in report.checks if not c.ok)
    return f"refusé:{first.label}"


def flip(data: bytes, positions: list[int], mask: int) -> bytes:
    out = bytearray(data)
    for p in positions:
        out[p % len(out)] ^= mask
    return bytes(out)
