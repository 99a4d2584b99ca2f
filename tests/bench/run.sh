#!/usr/bin/env bash
# Bulk-grading benchmark of the `rubric` CLI with the hw7 rubric (see BENCHMARKS.md for the targets).
# Packs and installs the Release tool once (lib.sh build_release), generates synthetic corpora, and prints medians of REPEAT runs (default 3):
#   traces/s; wall, CPU and peak memory at each size into xlsx, into CSV only and (up to 10k) into the --html review
#   site; the parse-only floor;
#   rubric cold vs warm start; one trace with a warm cache; --threads 1 vs --threads 2.
# Environment: SIZES (default "1000 10000 50000"), REPEAT (3), BENCH_DIR (default: a fresh temp dir, removed after).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SIZES="${SIZES:-1000 10000 50000}"
REPEAT="${REPEAT:-3}"
if [[ -n "${BENCH_DIR:-}" ]]; then WORK="$BENCH_DIR"; mkdir -p "$WORK"; else WORK="$(mktemp -d "${TMPDIR:-/tmp}/rubric-bench.XXXXXX")"; trap 'rm -rf "$WORK"' EXIT; fi
export RUBRIC_CACHE="$WORK/cache"

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo), load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
build_release

# row <label> <repeat> <command...>: median wall, CPU and peak of REPEAT runs.
row() {
  local label="$1" n="$2"; shift 2
  local walls="" cpus="" peaks="" i
  for ((i = 0; i < n; i++)); do
    measure "$WORK/last.log" "$@" || { local rc=$?; [[ $rc -eq 1 ]] || { echo "FAILED ($rc): $*"; cat "$WORK/last.log"; exit 1; }; }
    walls+="$WALL"$'\n'; cpus+="$CPU"$'\n'; peaks+="$PEAK_MB"$'\n'
  done
  ROW_WALL=$(printf '%s' "$walls" | median); ROW_CPU=$(printf '%s' "$cpus" | median); ROW_PEAK=$(printf '%s' "$peaks" | median)
  printf '%-44s wall %7.2f s  cpu %7.2f s  peak %6s MB  load %s\n' "$label" "$ROW_WALL" "$ROW_CPU" "$ROW_PEAK" "$(cut -d' ' -f1 /proc/loadavg)"
}

# html_site <corpus>: grade into a review site in a folder of its own under $WORK/sites. `exec`: measure runs it in
# the background, so the process it samples for peak memory is rubric itself, not a subshell.
html_site() { exec "$RUBRIC" grade "$HW7" "$1" --html "$WORK/sites/site-$RANDOM$RANDOM" --no-progress -v quiet; }

# Rubric start: compile with an empty cache, then load from the warm cache.
row "rubric check, cold (empty cache)" 1 env RUBRIC_CACHE="$WORK/cold-cache-$RANDOM" "$RUBRIC" check "$HW7"
"$RUBRIC" check "$HW7" >/dev/null 2>&1 || true
row "rubric check, warm cache" "$REPEAT" "$RUBRIC" check "$HW7"
row "grade 1 trace, warm cache (CSV)" "$REPEAT" "$RUBRIC" grade "$HW7" "$ROOT/rubrics/hw7/traces/01-alice-all-in-one.json" --csv "$WORK/one.csv" --no-progress -v quiet

for n in $SIZES; do
  corpus="$WORK/corpus-$n"
  [[ -d "$corpus" ]] || "$BENCH" generate "$corpus" "$n" 182
  row "parse-only floor, $n traces" "$REPEAT" "$BENCH" parse "$corpus" "$(nproc)" floor
  floor=$ROW_WALL
  row "  read with TraceReader, $n traces" "$REPEAT" "$BENCH" parse "$corpus" "$(nproc)" reader
  row "grade $n traces -> CSV" "$REPEAT" "$RUBRIC" grade "$HW7" "$corpus" --csv "$WORK/g.csv" --no-progress -v quiet
  printf '%-44s %7.0f traces/s; %.1fx the parse-only floor\n' "  rate" "$(awk -v n="$n" -v w="$ROW_WALL" 'BEGIN { print n / w }')" "$(awk -v a="$ROW_WALL" -v b="$floor" 'BEGIN { print a / b }')"
  row "grade $n traces -> xlsx" "$REPEAT" "$RUBRIC" grade "$HW7" "$corpus" -o "$WORK/g.xlsx" --no-progress -v quiet
  # The review site (index + one page per trace; 10k: ~260 MB), each run into a new folder. Sites are deleted only
  # at the end: ext4 skips recently deleted inodes one by one when it creates files, so a run just after deleting a
  # site was 2-3x slower (perf: recently_deleted, find_inode_bit).
  if (( n <= 10000 )); then
    row "grade $n traces -> --html (new folder)" "$REPEAT" html_site "$corpus"
  fi
done
rm -rf "$WORK/sites"

n="$(awk '{ print $NF }' <<<"$SIZES")"
[[ " $SIZES " == *" 10000 "* ]] && n=10000
row "grade $n traces -> CSV, --threads 1" "$REPEAT" "$RUBRIC" grade "$HW7" "$WORK/corpus-$n" --csv "$WORK/g.csv" --no-progress -v quiet --threads 1
one=$ROW_WALL
row "grade $n traces -> CSV, --threads 2" "$REPEAT" "$RUBRIC" grade "$HW7" "$WORK/corpus-$n" --csv "$WORK/g.csv" --no-progress -v quiet --threads 2
two=$ROW_WALL
printf '%-44s %.2fx\n' "  speed-up, 2 threads over 1" "$(awk -v a="$one" -v b="$two" 'BEGIN { print a / b }')"
# The same run confined to one core (taskset): the process then sees one processor, so it grades on one thread with
# one GC heap, and nothing (GC, the writer thread) gets a second core for free.
if command -v taskset >/dev/null; then
  row "grade $n traces -> CSV, 1 core (taskset -c 0)" "$REPEAT" taskset -c 0 "$RUBRIC" grade "$HW7" "$WORK/corpus-$n" --csv "$WORK/g.csv" --no-progress -v quiet
  printf '%-44s %.2fx\n' "  speed-up, 2 cores over 1" "$(awk -v a="$ROW_WALL" -v b="$two" 'BEGIN { print a / b }')"
fi
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
