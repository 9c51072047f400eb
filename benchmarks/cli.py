"""How long the read-only commands take as whole processes, against two baselines.

Run: ``uv run python benchmarks/cli.py [--runs 9] [--no-cache] [--large]``.

Each read-only command of the contract (``results --json``, ``results``, ``scores
export``, ``verify``, ``keys show``) is started as a fresh ``python -m jury_desk``
process on the played demonstration day (and, with ``--large``, ``results --json`` on
300 dossiers x 15 jurors x 8 criteria); the median wall time of ``--runs`` runs is
printed with, from the same run, the median of two baselines started the same way:

- ``python -c pass``: the interpreter's own start;
- ``python -c "import sqlite3, json"``: what a command that reads a SQLite file and
  prints JSON cannot do without.

Processes start warm, as an installed application does: byte code is cached (in a
folder of our own, the tree is not touched) even where the environment sets
PYTHONDONTWRITEBYTECODE; ``--no-cache`` measures without it. Target (issue 15):
``results --json`` on the demonstration at most 0.25 s.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASELINES = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "python -c 'import sqlite3, json'": [sys.executable, "-c", "import sqlite3, json"],
}


def _env(base: Path, cached: bool) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        JURY_DESK_DATA_DIR=str(base / "data"),
        JURY_DESK_CONFIG_DIR=str(base / "config"),
        PYTHONPYCACHEPREFIX=str(base / ("pycache" if cached else "no-pycache")),
    )
    if cached:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def _time(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{cmd[3:6]} failed ({done.returncode}): {done.stderr[-500:]}")
    return elapsed


def prepare(base: Path, large: bool) -> dict[str, list[str]]:
    """The played demo day, its export, an installation key; the commands to time."""
    os.environ["JURY_DESK_DATA_DIR"] = str(base / "data")
    os.environ["JURY_DESK_CONFIG_DIR"] = str(base / "config")
    from jury_desk.core import demo_scenario, export, keys
    from jury_desk.core.services import Desk

    db = base / "demo.sqlite3"
    desk = Desk(db)
    sid = desk.import_demo().session_id
    demo_scenario.play_demo_deliberation(desk, sid)
    ident = keys.new_identity("Banc d’essai", force=True)
    result = base / "resultats.zip"
    played = base / "played.sqlite3"
    desk.close()
    shutil.copy(db, played)
    desk = Desk(played)
    export.export_session(desk, sid, result, ident, accept_proposal=True)
    desk.close()
    trust = base / "trust.jwks"
    trust.write_text(keys.public_jwk_document(ident), encoding="utf-8")
    jd = [sys.executable, "-m", "jury_desk"]
    commands = {
        "results --json": [*jd, "results", "--db", str(db), "--json"],
        "results": [*jd, "results", "--db", str(db)],
        "scores export": [*jd, "scores", "export", "--db", str(db)],
        "verify": [*jd, "verify", str(result), "--trust", str(trust)],
        "keys show": [*jd, "keys", "show"],
    }
    if large:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from sessions import build

        t = time.perf_counter()
        big, _, _ = build(base / "large", 300, 15, 8)
        big.close()
        print(f"300 x 15 x 8 session built in {time.perf_counter() - t:.1f} s")
        commands["results --json (300x15x8)"] = [
            *jd,
            "results",
            "--db",
            str(base / "large" / "bench.sqlite3"),
            "--json",
        ]
    return commands


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--no-cache", action="store_true", help="no byte code cache")
    parser.add_argument("--large", action="store_true", help="also results on 300x15x8")
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="jd-bench-cli-"))
    try:
        commands = prepare(base, args.large)
        env = _env(base, cached=not args.no_cache)
        every = {**BASELINES, **commands}
        for cmd in every.values():  # warm the file cache (and the byte code cache)
            _time(cmd, env)
        times: dict[str, list[float]] = {name: [] for name in every}
        for _ in range(args.runs):  # interleaved, so that a busy moment hits all alike
            for name, cmd in every.items():
                times[name].append(_time(cmd, env))
    finally:
        shutil.rmtree(base, ignore_errors=True)
    med = {name: statistics.median(t) for name, t in times.items()}
    bare, light = med["python -c pass"], med["python -c 'import sqlite3, json'"]
    cache = "no byte code cache" if args.no_cache else "byte code cached"
    print(f"Whole processes, median of {args.runs} ({cache})")
    print(f"  {'':34} {'seconds':>8} {'x pass':>7} {'x sqlite3+json':>15}")
    for name, m in med.items():
        print(f"  {name:34} {m:8.3f} {m / bare:7.2f} {m / light:15.2f}")
    verdict = "met" if med["results --json"] <= 0.25 else "MISSED"
    print(f"  target: results --json on the demo <= 0.25 s: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
