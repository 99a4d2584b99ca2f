#!/usr/bin/env bash
# Fuzz one target of the rubric engine for a given time, outside CI.
#
#   tests/fuzz/run.sh <traces|text> <seconds> [afl|loop]
#
# traces: the trace reader on raw file bytes (read as .json, .jsonl and .md).
# text:   message text -> Markdown parse -> segmentation -> number extraction -> LaTeX normalization.
#
# Mode afl (default when afl-fuzz is on PATH): publishes the harness, instruments RubricEngine.dll with SharpFuzz
# (`dotnet tool install --global SharpFuzz.CommandLine`) and runs AFL++ (`apt-get install afl++`) on it.
# Mode loop: the harness's own coverage-less mutation loop, no instrumentation needed.
# Output goes to tests/fuzz/out/<target>/ (findings, crashes, a summary line); it is not committed.
set -euo pipefail

target="${1:?usage: run.sh <traces|text> <seconds> [afl|loop]}"
seconds="${2:?usage: run.sh <traces|text> <seconds> [afl|loop]}"
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
mode="${3:-$(command -v afl-fuzz >/dev/null 2>&1 && echo afl || echo loop)}"
out="$here/out/$target"
bin="$here/out/bin-$target"
rm -rf "$out/findings" "$out/crashes"
mkdir -p "$out"

echo "building the harness ($mode) into $bin"
rm -rf "$bin"
dotnet publish "$here/RubricEngine.Fuzz/RubricEngine.Fuzz.csproj" -c Release -o "$bin" -v q --nologo >/dev/null

# Seeds: the bundled sample traces for the reader; their message texts (and the blog) for the text pipeline.
seeds="$out/seeds"
rm -rf "$seeds" && mkdir -p "$seeds"
case "$target" in
  traces) find "$repo/rubrics" -path '*/traces/*' -type f -size -200k -exec cp {} "$seeds/" \; ;;
  text)
    cp "$repo/rubrics/hw7/sources/resnet-blog.md" "$seeds/"
    i=0
    for f in "$repo"/rubrics/hw7/traces/*.json; do
      python3 - "$f" "$seeds" "$i" <<'PY' || true
import json, sys, os
d = json.load(open(sys.argv[1]))
for j, m in enumerate(d.get("messages", [])):
    if m.get("role") == "assistant" and len(m["content"]) < 16000:
        open(os.path.join(sys.argv[2], f"msg-{sys.argv[3]}-{j}.md"), "w").write(m["content"])
PY
      i=$((i + 1))
    done ;;
  *) echo "unknown target '$target' (traces | text)" >&2; exit 2 ;;
esac
echo "$(ls "$seeds" | wc -l) seeds"

if [ "$mode" = afl ]; then
  command -v sharpfuzz >/dev/null 2>&1 || export PATH="$PATH:$HOME/.dotnet/tools"
  sharpfuzz "$bin/RubricEngine.dll"
  export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1
  # -V stops after the given time; -t is per input (ms): .NET start-up is paid once, inputs run in a fork server.
  echo "afl-fuzz -i $seeds -o $out/findings -t 5000 -m none -V $seconds -- dotnet $bin/RubricEngine.Fuzz.dll $target"
  afl-fuzz -i "$seeds" -o "$out/findings" -t 5000 -m none -V "$seconds" -- dotnet "$bin/RubricEngine.Fuzz.dll" "$target" > "$out/afl.log" 2>&1 || true
  stats="$out/findings/default/fuzzer_stats"
  if [ -f "$stats" ]; then
    grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|bitmap_cvg|stability)' "$stats" | tee "$out/summary.txt"
  else
    tail -n 30 "$out/afl.log"; exit 1
  fi
else
  (cd "$out" && dotnet "$bin/RubricEngine.Fuzz.dll" "$target" --loop "$seconds" "$seeds") | tee "$out/loop.log" | tail -n 1 | tee "$out/summary.txt"
fi
echo "crashes (if any): $out/findings/default/crashes or $out/crashes; replay with: dotnet $bin/RubricEngine.Fuzz.dll $target --replay <file>"
