#!/usr/bin/env bash
# Renders the README demo gradebook to PDF and PNG pages so a person can look at it.
# Usage: tests/render/render-gradebook.sh [out-dir]     (default: a new temporary folder)
# Installs libreoffice-calc and poppler-utils with apt-get when missing (needs root); not run by CI.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-$(mktemp -d -t rubric-render.XXXXXX)}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
if ((${#need[@]})); then
  echo "installing ${need[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" fonts-dejavu-core >/dev/null
fi

cd "$repo"
# The README demo command, verbatim but for the output folder. Exit 1 (some traces failed) still writes the gradebook.
dotnet run --project engine/RubricEngine.Cli -- grade rubrics/hw7/hw7.rubric.csx rubrics/hw7/traces --students rubrics/hw7/students.csv \
  -o "$out/hw7-grades.xlsx" -v summary --no-progress || [ $? -eq 1 ]

# A private LibreOffice profile, so a desktop session's settings never change the pages.
profile="$out/.lo-profile"
soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$out" "$out/hw7-grades.xlsx" >/dev/null
pdftoppm -r 60 -png "$out/hw7-grades.pdf" "$out/page"

pages=$(ls "$out"/page-*.png | wc -l)
echo "$out/hw7-grades.pdf: $pages page(s)"
ls "$out"/page-*.png
