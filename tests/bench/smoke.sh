#!/usr/bin/env bash
# CI smoke benchmark: generate 100 traces, grade them once with the hw7 rubric into xlsx and CSV, print the figures.
# Fails (non-zero) only when grading crashes; slow is reported, never fatal. Takes well under a minute.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/rubric-smoke.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
export RUBRIC_CACHE="$WORK/cache"

build_plain
"$BENCH" generate "$WORK/traces" 100 182
rc=0
measure "$WORK/grade.log" "$RUBRIC" grade "$HW7" "$WORK/traces" -o "$WORK/grades.xlsx" --csv "$WORK/grades.csv" --no-progress -v quiet || rc=$?
# Exit code 1 means "some traces could not be graded or a finding tripped --fail-on": a result, not a crash.
if [[ $rc -ne 0 && $rc -ne 1 ]] || [[ ! -s "$WORK/grades.csv" ]]; then
  echo "smoke: grading crashed (exit $rc)"; cat "$WORK/grade.log"; exit 1
fi
rows=$(( $(wc -l < "$WORK/grades.csv") - 1 ))
echo "smoke: graded $rows traces (cold rubric compile included) in ${WALL} s wall, ${CPU} s CPU, peak ${PEAK_MB} MB"
