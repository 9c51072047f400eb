#!/usr/bin/env bash
# The frozen-build part of CI (called by .ci/run): builds dist/jury_desk with build.spec,
# then checks the frozen application the way the source tree cannot: its self-test,
# the headless commands on a demo database, and the GUI on the demo for a few seconds.
# Prints the build time, the one-folder size and the self-test duration. Exits non-zero
# on the first failure.
#
#   scripts/ci_frozen.sh              build and check
#   FROZEN_SKIP_BUILD=1 scripts/ci_frozen.sh   check an existing dist/jury_desk
#   FROZEN_MAX_MB=170                 ceiling of the one-folder size (MiB), a regression gate
set -euo pipefail
cd "$(dirname "$0")/.."

DIST=dist/jury_desk
APP="$DIST/jury-desk"  # Windows has jury-desk-console.exe besides; here the one binary has a terminal
MAX_MB=${FROZEN_MAX_MB:-170}
DEMO_SECONDS=${FROZEN_DEMO_SECONDS:-8}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/jury_desk-frozen-XXXXXX")
DEMO_PID=""
cleanup() {
  if [ -n "$DEMO_PID" ] && kill -0 "$DEMO_PID" 2>/dev/null; then
    kill "$DEMO_PID" 2>/dev/null || true
    wait "$DEMO_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "ÉCHEC (frozen) : $*" >&2; exit 1; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# The frozen application never writes to this user's folders.
export JURY_DESK_DATA_DIR="$WORK/data" JURY_DESK_CONFIG_DIR="$WORK/config"

# ------------------------------------------------------------------ build
shopt -s nullglob
for ts in resources/i18n/*.ts; do
  qm="${ts%.ts}.qm"
  if [ ! -f "$qm" ]; then
    echo "== pyside6-lrelease $ts"
    uv run pyside6-lrelease -silent "$ts" -qm "$qm"
  fi
done
shopt -u nullglob

if [ "${FROZEN_SKIP_BUILD:-0}" != 1 ]; then
  echo "== pyinstaller --noconfirm --clean build.spec"
  mkdir -p build
  t0=$(now)
  if ! uv run pyinstaller --noconfirm --clean build.spec >build/pyinstaller.log 2>&1; then
    tail -40 build/pyinstaller.log
    fail "PyInstaller a échoué (journal complet : build/pyinstaller.log)"
  fi
  BUILD_S=$(since "$t0")
  grep "jury_desk build.spec" build/pyinstaller.log || true
  echo "construction : ${BUILD_S} s"
fi
[ -x "$APP" ] || fail "$APP introuvable"

# ------------------------------------------------------------------ size and links
broken=$(find "$DIST" -xtype l)
[ -z "$broken" ] || fail "liens cassés dans $DIST : $broken"
SIZE_MB=$(du -sm "$DIST" | cut -f1)
echo "== taille du dossier $DIST : ${SIZE_MB} Mo (plafond ${MAX_MB} Mo) ; les 12 plus gros fichiers :"
find "$DIST" -type f -printf '%s %P\n' | sort -rn | awk 'NR <= 12 { printf "   %6.1f Mo  %s\n", $1 / 1048576, $2 }'
[ "$SIZE_MB" -le "$MAX_MB" ] || fail "le dossier fait ${SIZE_MB} Mo, plus que ${MAX_MB} Mo"

# ------------------------------------------------------------------ self-test
echo "== $APP --self-test"
t0=$(now)
"$APP" --self-test || fail "l’auto-test de l’application gelée a échoué"
SELFTEST_S=$(since "$t0")

# ------------------------------------------------------------------ headless commands
DB="$WORK/ci.sqlite3"
echo "== commandes : import, scores import, results, export, verify"
"$APP" import resources/demo/demo-session.zip --db "$DB" || fail "import du paquet de démonstration"
"$APP" scores import resources/demo/demo-scores.csv --db "$DB" || fail "saisie des notes"
"$APP" hearings import resources/demo/demo-hearings.csv --db "$DB" || fail "auditions saisies après coup"
"$APP" results --db "$DB" >"$WORK/results.txt" || fail "results"
head -5 "$WORK/results.txt"
"$APP" results --json --db "$DB" >"$WORK/results.json" || fail "results --json"
uv run python - "$WORK/results.json" <<'EOF' || fail "results --json n’est pas le résultat attendu"
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
assert len(doc["results"]) == 12, len(doc["results"])
assert doc["default_proposal"], "empty default proposal"
print(f"results --json : {len(doc['results'])} dossiers, {len(doc['default_proposal'])} dans la proposition")
EOF
"$APP" keys new --name "CI jury_desk" >/dev/null || fail "keys new"
"$APP" keys export --jwk "$WORK/installation.jwks" || fail "keys export"
"$APP" export --db "$DB" --out "$WORK/resultat.zip" --accept-proposal || fail "export"
"$APP" verify "$WORK/resultat.zip" --trust "$WORK/installation.jwks" || fail "verify"

# ------------------------------------------------------------------ GUI on the demo
echo "== $APP --demo (offscreen, ${DEMO_SECONDS} s)"
DEMO_LOG="$WORK/demo.out"
QT_QPA_PLATFORM=offscreen JURY_DESK_DATA_DIR="$WORK/demo-data" JURY_DESK_CONFIG_DIR="$WORK/demo-config" \
  "$APP" --demo --no-err-windows >"$DEMO_LOG" 2>&1 &
DEMO_PID=$!
sleep "$DEMO_SECONDS"
if ! kill -0 "$DEMO_PID" 2>/dev/null; then
  status=0; wait "$DEMO_PID" || status=$?
  DEMO_PID=""
  cat "$DEMO_LOG"
  tail -30 "$WORK/demo-data/logs/jury_desk.log" 2>/dev/null || true
  fail "--demo s’est arrêtée avant ${DEMO_SECONDS} s (code ${status})"
fi
kill "$DEMO_PID"
wait "$DEMO_PID" 2>/dev/null || true
DEMO_PID=""
if grep -q "Traceback" "$WORK/demo-data/logs/jury_desk.log" "$DEMO_LOG" 2>/dev/null; then
  cat "$DEMO_LOG"; grep -A20 "Traceback" "$WORK/demo-data/logs/jury_desk.log" || true
  fail "--demo a journalisé une exception"
fi
echo "--demo tournait encore après ${DEMO_SECONDS} s, sans exception journalisée"

echo "== application gelée : construction ${BUILD_S:-—} s, dossier ${SIZE_MB} Mo, auto-test ${SELFTEST_S} s"
