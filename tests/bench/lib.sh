# Shared by run.sh and smoke.sh: paths, the Release build, and a runner that reports wall time, CPU time and
# peak resident memory (VmHWM) of one command. GNU time is not needed: /proc/<pid>/status is read while it runs.

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

# build_plain: Release build output (JIT only) instead of the packed tool. The CI smoke run uses it: it checks that
# grading does not crash, and packing would fetch ~210 MB of runtime and crossgen packs on every clean CI machine.
build_plain() {
  dotnet build "$ROOT/engine/RubricEngine.Cli/RubricEngine.Cli.csproj" -c Release -nologo -v q >/dev/null
  dotnet build "$ROOT/tests/RubricEngine.Benchmarks/RubricEngine.Benchmarks.csproj" -c Release -nologo -v q >/dev/null
  RUBRIC="$ROOT/engine/RubricEngine.Cli/bin/Release/net10.0/rubric"
}

# measure <log> <command...>: runs the command, sets WALL (s), CPU (s, user+sys) and PEAK_MB; returns its exit code.
# The sampler forks nothing (bash builtins only, and `read -t` on an idle pipe as its sleep), so it does not take
# CPU from the command it measures on a 2-core machine. CPU comes from the shell's `times` for its children, taken
# before and after (only the measured command is a child in between).
measure() {
  local log="$1"; shift
  local start end pid hwm=0 rc key value unit before after idle
  _children_cpu; before=$CHILDREN_CPU
  exec {idle}<> <(:)
  start=$(date +%s%N)
  "$@" >"$log" 2>&1 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    while read -r key value unit; do
      [[ "$key" == "VmHWM:" ]] && { (( value > hwm )) && hwm=$value; break; }
    done 2>/dev/null <"/proc/$pid/status" || true
    read -t 0.05 -u "$idle" || true
  done
  rc=0; wait "$pid" || rc=$?
  end=$(date +%s%N)
  exec {idle}<&-
  _children_cpu; after=$CHILDREN_CPU
  WALL=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
  CPU=$(awk -v a="$before" -v b="$after" 'BEGIN { printf "%.2f", b - a }')
  PEAK_MB=$(( hwm / 1024 ))
  return $rc
}

# Sets CHILDREN_CPU to the user+sys seconds of this shell's finished children (the second line of `times`).
_children_cpu() {
  local file="${TMPDIR:-/tmp}/rubric-bench-times.$$" line user sys
  times >"$file"
  { read -r line; read -r user sys; } <"$file"
  rm -f "$file"
  CHILDREN_CPU=$(awk -v u="$user" -v s="$sys" 'function sec(t, m) { split(t, m, "m"); return m[1] * 60 + substr(m[2], 1, length(m[2]) - 1) } BEGIN { printf "%.3f", sec(u) + sec(s) }')
}

median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
