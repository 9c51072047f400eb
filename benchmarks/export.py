"""How long the export of a 40-dossier session takes, against a plain reportlab document.

Run: ``uv run python benchmarks/export.py [--dossiers 40] [--runs 5]``.

A synthetic session (the demonstration's jurors and criteria, ``--dossiers`` dossiers
with realistic titles, every sheet filled) is built as headquarters would
(``bundle.make_bundle``, signed with a throw-away P-256 key) and imported into a
throw-away database. Then, in the same process and after one warm-up of each (imports,
font loading):

- **export**: the median wall time of :func:`jury_desk.core.export.export_session`
  (close the deliberation, snapshot, audit entry, procès-verbal with its chart, PAdES
  signature, result.json checked against its schema, JWS, ZIP written with fsync);
  the deliberation is reopened between runs, outside the timing;
- **baseline**: the median time of reportlab laying out a plain document of the same
  page count (a title and a 40-row table of text per page, DejaVu Sans embedded),
  written to memory.

It prints both times, their ratio and the page count. Targets (issue): ratio at most
1.5 and export under 2 s.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from jury_desk.core import bundle, crypto, export, report, resources
from jury_desk.core.services import Desk

WORDS = [
    "atelier",
    "jardin",
    "solidaire",
    "numérique",
    "jeunes",
    "seniors",
    "quartier",
    "partagé",
    "mobile",
    "école",
    "vélo",
    "cuisine",
    "réemploi",
    "santé",
    "sport",
    "lecture",
    "théâtre",
    "musique",
    "radio",
    "emploi",
    "insertion",
    "énergie",
    "mémoire",
    "parentalité",
    "tiers-lieu",
    "épicerie",
    "laverie",
    "potager",
    "journal",
]


def synthetic_source(folder: Path, dossiers: int, seed: int = 2026) -> Path:
    """A session source folder: the demo manifest with ``dossiers`` dossiers, no attachments."""
    rng = random.Random(seed)
    doc: dict[str, Any] = json.loads(
        resources.path("demo", "source", "manifest.json").read_text(encoding="utf-8")
    )
    template = doc["dossiers"][0]
    doc["session"]["id"] = f"bench-export-{dossiers}"
    doc["session"]["title"] = f"Session de mesure — {dossiers} dossiers"
    total = 0
    items = []
    for i in range(dossiers):
        amount = rng.randrange(40, 250) * 10_000
        total += amount
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(3, 8))).capitalize()
        items.append(
            {
                **template,
                "id": f"d{i + 1:02d}",
                "reference": f"LAI-2026-{i + 1:03d}",
                "title": f"{title} : projet n° {i + 1}",
                "amount_requested_cents": amount,
                "budget_total_cents": amount * 3,
                "hearing": {"order": i + 1, "start": None},
                "attachments": [],
            }
        )
    doc["dossiers"] = items
    doc["session"]["envelope_cents"] = total // 3
    doc["conflicts"] = [
        {"juror_id": "j03", "dossier_id": "d01", "reason": "Élue de la commune du projet"}
    ]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "manifest.json").write_text(
        json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    return folder


def fill_scores(desk: Desk, sid: str, seed: int = 7) -> int:
    rng = random.Random(seed)
    st = desk.state(sid)
    rows = []
    for d in st.dossiers:
        quality = rng.random()
        for j in st.jurors:
            if st.recusal(j.id, d.id) is not None:
                continue
            for c in st.criteria:
                values = c.allowed_values()
                pos = min(max(quality + rng.gauss(0, 0.15), 0), 1)
                rows.append((d.id, j.id, c.id, values[round(pos * (len(values) - 1))]))
    return desk.record_scores(sid, rows)


def plain_document(pages: int) -> bytes:
    """Same page count, plain content: a title and a 40-row table of text on every page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    report._register_fonts()
    style = ParagraphStyle("t", fontName=report.FONT_BOLD, fontSize=12, leading=16)
    story: list[Any] = []
    for p in range(pages):
        story.append(Paragraph(f"Page {p + 1} — tableau", style))
        rows = [
            [f"{p * 40 + r}", f"Ligne {r} de la page {p + 1}", "Texte", f"{r * 3},{r % 10}0", "oui"]
            for r in range(40)
        ]
        t = Table(rows, colWidths=[30, 220, 80, 80, 60])
        t.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), report.FONT, 8)]))
        story.append(t)
        if p < pages - 1:
            story.append(PageBreak())
    buf = io.BytesIO()
    SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=22 * mm,
        bottomMargin=20 * mm,
        initialFontName=report.FONT,
    ).build(story)
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dossiers", type=int, default=40)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp_name:
        tmp = Path(tmp_name)
        import os

        os.environ.setdefault("JURY_DESK_DATA_DIR", str(tmp / "data"))
        os.environ.setdefault("JURY_DESK_CONFIG_DIR", str(tmp / "config"))
        hq = crypto.new_private_key()
        source = synthetic_source(tmp / "source", args.dossiers)
        bundle.make_bundle(source, hq, tmp / "session.zip")
        desk = Desk(tmp / "bench.sqlite3")
        sid = desk.import_bundle(tmp / "session.zip", [crypto.public_jwk(hq)]).session_id
        n_scores = fill_scores(desk, sid)
        key = crypto.new_private_key()
        ident = crypto.SigningIdentity(key, crypto.self_signed_certificate(key, "Banc d’essai"), [])

        export_times: list[float] = []
        step_times: dict[int, list[float]] = {}
        pages = 0
        for run in range(args.runs + 1):  # the first run warms up (imports, fonts)
            out = tmp / f"result-{run}.zip"
            marks: list[tuple[int, float]] = []

            def mark(done: int, total: int, marks: list[tuple[int, float]] = marks) -> None:
                marks.append((done, time.perf_counter()))

            start = time.perf_counter()
            rep = export.export_session(desk, sid, out, ident, accept_proposal=True, progress=mark)
            elapsed = time.perf_counter() - start
            pages = rep.pv_pages
            if run:
                export_times.append(elapsed)
                previous = start
                for done, at in marks:  # the time up to step ``done`` belongs to the step before
                    step_times.setdefault(done - 1, []).append(at - previous)
                    previous = at
            desk.reopen(sid, "mesure suivante")
        assert export.verify_result(out, [ident.jwk]).ok

        plain_times: list[float] = []
        for run in range(args.runs + 1):
            start = time.perf_counter()
            plain_document(pages)
            if run:
                plain_times.append(time.perf_counter() - start)
        desk.close()

    t_export = statistics.median(export_times)
    t_plain = statistics.median(plain_times)
    print(f"session : {args.dossiers} dossiers, {n_scores} notes ; procès-verbal de {pages} pages")
    print(f"export complet (médiane de {args.runs}) : {t_export:.3f} s, dont :")
    for step, times in sorted(step_times.items()):
        label = (
            "ouverture du fichier et réservation de la place" if step < 0 else export.STEPS[step]
        )
        print(f"  {label:<48} {statistics.median(times):.3f} s")
    print(f"document reportlab simple de {pages} pages (médiane de {args.runs}) : {t_plain:.3f} s")
    ratio = t_export / t_plain
    print(
        f"rapport export / document simple : {ratio:.2f} (cible ≤ 1,5 ; export < 2 s : "
        f"{'oui' if t_export < 2 else 'non'})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
