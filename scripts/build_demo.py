"""Build the signed demonstration bundle shipped in ``resources/demo/``.

    uv run python scripts/build_demo.py

Reads ``resources/demo/source/`` (manifest and attachments; the PDFs come from
``resources/demo/make_demo_attachments.py``), signs it with the DEMONSTRATION key
``resources/demo/DEMO-KEY-NOT-SECRET.pem`` (public on purpose: it is trusted for the
demonstration session only), and writes ``demo-session.zip``, ``demo-trust.json`` and
``demo-scores.csv`` (a plausible set of paper sheets, for trying the deliberation).
"""

from __future__ import annotations

import csv
import json
import random
from fractions import Fraction
from pathlib import Path

from cryptography.hazmat.primitives import serialization

from jury_desk.core import bundle, crypto

DEMO = Path(__file__).resolve().parent.parent / "resources" / "demo"
KEY = DEMO / "DEMO-KEY-NOT-SECRET.pem"


def main() -> None:
    if KEY.exists():
        key = serialization.load_pem_private_key(KEY.read_bytes(), None)
    else:
        key = crypto.new_private_key()
        KEY.write_bytes(
            b"# DEMONSTRATION KEY - NOT A SECRET. Trusted by jury_desk for the demo session only.\n"
            + crypto.private_key_pem(key)
        )
    assert isinstance(key, crypto.ec.EllipticCurvePrivateKey)
    doc = bundle.make_bundle(DEMO / "source", key, DEMO / "demo-session.zip")
    trust = {
        "session_id": doc["session"]["id"],
        "jwk": crypto.public_jwk(key),
        "note": "Clé de démonstration : de confiance pour la session de démonstration seulement.",
    }
    (DEMO / "demo-trust.json").write_text(
        json.dumps(trust, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    write_scores(doc, DEMO / "demo-scores.csv")
    print(
        f"demo bundle: {DEMO / 'demo-session.zip'} ({(DEMO / 'demo-session.zip').stat().st_size} bytes)"
    )


def write_scores(doc: dict, out: Path) -> None:
    rng = random.Random(2026)
    conflicts = {(c["juror_id"], c["dossier_id"]) for c in doc["conflicts"]}
    quality = {d["id"]: rng.uniform(0.35, 0.9) for d in doc["dossiers"]}
    bias = {j["id"]: rng.uniform(-0.08, 0.08) for j in doc["jurors"]}
    rows = []
    for d in doc["dossiers"]:
        for j in doc["jurors"]:
            if (j["id"], d["id"]) in conflicts:
                continue
            for c in doc["criteria"]:
                lo, hi, step = (Fraction(str(c[k])) for k in ("min", "max", "step"))
                x = min(1.0, max(0.0, quality[d["id"]] + bias[j["id"]] + rng.gauss(0, 0.12)))
                k = round(float((hi - lo) / step) * x)
                v = lo + k * step
                rows.append((d["id"], j["id"], c["id"], _text(v)))
    with open(out, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["dossier_id", "juror_id", "criterion_id", "value"])
        w.writerows(rows)


def _text(v: Fraction) -> str:
    return str(v.numerator) if v.denominator == 1 else str(float(v))


if __name__ == "__main__":
    main()
