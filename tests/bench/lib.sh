# Shared by run.sh and smoke.sh: paths, the Release build, and a runner that reports wall time, CPU time and
# peak resident memory (VmHWM) of one command. GNU time is not needed: /proc/<pid> is sampled while it runs.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# The rubric measured is the one a user installs (README: dotnet pack + dotnet tool install), not `dotnet build`
# output: the tool package is precompiled (ReadyToRun) for this RID, build output is JIT-only.
TOOL_DIR="$ROOT/out/bench"
RUBRIC="$TOOL_DIR/tool/rubric"
BENCH="$ROOT/tests/RubricEngine.Benchmarks/bin/Release/net10.0/RubricEngine.Benchmarks"
HW7="$ROOT/rubrics/hw7/hw7.rubric.csx"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

build_release() {
  rm -rf "$TOOL_DIR"
  dotnet pack "$ROOT/engine/RubricEngine.Cli/RubricEngine.Cli.csproj" -c Release -o "$TOOL_DIR/nupkg" -nologo -v q >/dev/null
  # --source: only the freshly packed folder; a fresh --tool-path so no earlier build of the same version is reused.
  dotnet tool install RubricEngine.Cli --tool-path "$TOOL_DIR/tool" --source "$TOOL_DIR/nupkg" >/dev/null
  dotnet build "$ROOT/tests/RubricEngine.Benchmarks/RubricEngine.Benchmarks.csproj" -c Release -nologo -v q >/dev/null
}

# measure <log> <command...>: runs the command, sets WALL (s), CPU (s, user+sys) and PEAK_MB; returns its exit code.
measure() {
  local log="$1"; shift
  local start end pid hwm=0 cpu_ticks=0 tick rc v stat
  tick=$(getconf CLK_TCK)
  start=$(date +%s%N)
  "$@" >"$log" 2>&1 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    v=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    [[ -n "$v" && "$v" -gt "$hwm" ]] && hwm=$v
    stat=$(cat "/proc/$pid/stat" 2>/dev/null || true)
    if [[ -n "$stat" ]]; then
      # Fields after the ")" of the command name: utime is the 12th, stime the 13th.
      v=$(awk '{sub(/^.*\) /, ""); print $12 + $13}' <<<"$stat")
      [[ -n "$v" && "$v" -gt "$cpu_ticks" ]] && cpu_ticks=$v
    fi
    sleep 0.02
  done
  rc=0; wait "$pid" || rc=$?
  end=$(date +%s%N)
  WALL=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
  CPU=$(awk -v t="$cpu_ticks" -v k="$tick" 'BEGIN { printf "%.2f", t / k }')
  PEAK_MB=$(( hwm / 1024 ))
  return $rc
}

median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
