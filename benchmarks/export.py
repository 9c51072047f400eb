"""How long the export takes, in process and as a whole command, at 40 and 300 dossiers.

Run: ``uv run python benchmarks/export.py [--sizes 40x7,300x15] [--runs 5] [--process-runs 5]``.

For each size (dossiers x jurors; the demonstration's five criteria), a synthetic
session (``benchmarks/sessions.py``: the demonstration's jurors and criteria, more
jurors copied from them, realistic titles, every sheet filled) is built as headquarters
would (``bundle.make_bundle``, signed with a throw-away P-256 key) and imported into a
throw-away database. Then:

- **export, in process** (after one warm-up: imports, fonts): the median wall time of
  :func:`jury_desk.core.export.export_session` (close the deliberation, snapshot, audit
  entry, procès-verbal with its chart, PAdES signature, result.json checked against its
  schema, JWS, ZIP written with fsync), with its steps; the deliberation is reopened
  between runs, outside the timing. Baseline: reportlab laying out a plain document of
  the same page count (a title and a 40-row table of text per page, DejaVu Sans
  embedded), written to memory.
- **export, whole process**: the median wall time of ``jury-desk export --accept-proposal
  --key PEM`` (which also verifies what it wrote), each run on a fresh copy of the
  database (copied outside the timing), byte code cached. Baseline: ``python -c pass``
  started the same way, in the same run.

Targets (issue 15): as whole processes, 300 x 15 at most 2 s and 40 x 7 at most 0.8 s.

``--profile N`` then runs the command once more under cProfile (outside the timings, on a
fresh copy) and prints its N costliest functions by cumulative time: where the whole
process spends its time, imports included.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sessions import build

from jury_desk.core import crypto, export, pv_style
from jury_desk.core.services import Desk


def plain_document(pages: int) -> bytes:
    """Same page count, plain content: a title and a 40-row table of text on every page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    pv_style._register_fonts()
    style = ParagraphStyle("t", fontName=pv_style.FONT_BOLD, fontSize=12, leading=16)
    story: list[Any] = []
    for p in range(pages):
        story.append(Paragraph(f"Page {p + 1} — tableau", style))
        rows = [
            [f"{p * 40 + r}", f"Ligne {r} de la page {p + 1}", "Texte", f"{r * 3},{r % 10}0", "oui"]
            for r in range(40)
        ]
        t = Table(rows, colWidths=[30, 220, 80, 80, 60])
        t.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), pv_style.FONT, 8)]))
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
        initialFontName=pv_style.FONT,
    ).build(story)
    return buf.getvalue()


def _pem(ident: crypto.SigningIdentity, path: Path) -> Path:
    from cryptography.hazmat.primitives import serialization

    path.write_bytes(
        crypto.private_key_pem(ident.key)
        + ident.certificate.public_bytes(serialization.Encoding.PEM)
    )
    return path


def _process_env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        JURY_DESK_DATA_DIR=str(tmp / "data"),
        JURY_DESK_CONFIG_DIR=str(tmp / "config"),
        PYTHONPYCACHEPREFIX=str(tmp / "pycache"),
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{cmd[2:5]} failed ({done.returncode}): {done.stderr[-800:]}")
    return elapsed


def _profile(cmd: list[str], env: dict[str, str], prof: Path, top: int) -> None:
    """The command once under cProfile; its ``top`` costliest functions, cumulative."""
    import pstats

    _timed([cmd[0], "-m", "cProfile", "-o", str(prof), *cmd[1:]], env)
    stats = pstats.Stats(str(prof), stream=sys.stdout)
    print(f"profil de la commande entière ({top} premières fonctions, temps cumulé) :")
    stats.sort_stats("cumulative").print_stats(top)


def one_size(
    tmp: Path, dossiers: int, jurors: int, runs: int, process_runs: int, profile: int = 0
) -> None:
    t = time.perf_counter()
    desk, sid, n_scores = build(tmp, dossiers, jurors)
    desk.close()
    pristine = tmp / "pristine.sqlite3"  # scored, deliberation not closed
    shutil.copy(tmp / "bench.sqlite3", pristine)
    desk = Desk(tmp / "bench.sqlite3")
    print(
        f"\n{dossiers} dossiers x {jurors} jurors: {n_scores} notes "
        f"(built in {time.perf_counter() - t:.1f} s)"
    )
    key = crypto.new_private_key()
    ident = crypto.SigningIdentity(key, crypto.self_signed_certificate(key, "Banc d’essai"), [])

    export_times: list[float] = []
    step_times: dict[int, list[float]] = {}
    pages = 0
    for run in range(runs + 1):  # the first run warms up (imports, fonts)
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
        out.unlink()
    desk.close()

    plain_times: list[float] = []
    for run in range(runs + 1):
        start = time.perf_counter()
        plain_document(pages)
        if run:
            plain_times.append(time.perf_counter() - start)

    # Whole process: the command a secretary types, on a fresh copy each time.
    env = _process_env(tmp)
    pem = _pem(ident, tmp / "key.pem")
    bare = [sys.executable, "-c", "pass"]
    proc_times: list[float] = []
    bare_times: list[float] = []
    for run in range(process_runs + 1):  # the first run warms the caches
        db = tmp / f"run-{run}.sqlite3"
        shutil.copy(pristine, db)
        out = tmp / f"process-{run}.zip"
        cmd = [sys.executable, "-m", "jury_desk", "export", "--db", str(db), "--out", str(out)]
        cmd += ["--key", str(pem), "--accept-proposal"]
        b = _timed(bare, env)
        e = _timed(cmd, env)
        if run:
            bare_times.append(b)
            proc_times.append(e)
        db.unlink()
        out.unlink()

    if profile:
        db = tmp / "profiled.sqlite3"
        shutil.copy(pristine, db)
        out = tmp / "profiled.zip"
        cmd = [sys.executable, "-m", "jury_desk", "export", "--db", str(db), "--out", str(out)]
        cmd += ["--key", str(pem), "--accept-proposal"]
        _profile(cmd, env, tmp / "export.prof", profile)

    t_export, t_plain = statistics.median(export_times), statistics.median(plain_times)
    t_proc, t_bare = statistics.median(proc_times), statistics.median(bare_times)
    print(f"procès-verbal de {pages} pages")
    print(f"export en processus (médiane de {runs}) : {t_export:.3f} s, dont :")
    for step, times in sorted(step_times.items()):
        label = (
            "ouverture du fichier et réservation de la place" if step < 0 else export.STEPS[step]
        )
        print(f"  {label:<48} {statistics.median(times):.3f} s")
    print(
        f"document reportlab simple de {pages} pages : {t_plain:.3f} s (rapport {t_export / t_plain:.2f})"
    )
    target = 2.0 if dossiers >= 300 else 0.8
    print(
        f"commande « jury-desk export » entière (médiane de {process_runs}) : {t_proc:.3f} s ; "
        f"python -c pass : {t_bare:.3f} s ; cible ≤ {fmt_number(target)} s : "
        f"{'oui' if t_proc <= target else 'NON'}"
    )


def fmt_number(x: float) -> str:
    return f"{x:.1f}".replace(".", ",")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="40x7,300x15", help="dossiers x jurors, comma separated")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--process-runs", type=int, default=5)
    parser.add_argument(
        "--profile", type=int, default=0, metavar="N", help="profile the command once: N lines"
    )
    args = parser.parse_args(argv)
    for size in args.sizes.split(","):
        dossiers, jurors = (int(x) for x in size.lower().split("x"))
        with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp_name:
            tmp = Path(tmp_name)
            os.environ["JURY_DESK_DATA_DIR"] = str(tmp / "data")
            os.environ["JURY_DESK_CONFIG_DIR"] = str(tmp / "config")
            one_size(tmp, dossiers, jurors, args.runs, args.process_runs, args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
