#!/usr/bin/env bash
# Smoke test of the standalone build, outside the normal test run (a build takes minutes):
# build it (unless --no-build), then run the frozen program as a user would, offscreen:
# its version, the bundled examples, a screenshot of the example, the PDF pack, a diagram
# export, and the window itself up to being shown. Exits 0 only if all of it worked.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ "${1:-}" == "--no-build" ]] || bash packaging/build.sh
app=dist/ssm-studio/ssm-studio
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export QT_QPA_PLATFORM=offscreen HOME="$out/home"
mkdir -p "$HOME"

"$app" --version
"$app" components | tee "$out/components.txt"
for part in PySide6-Essentials pygraphviz reportlab Qt; do
  grep -q "^$part " "$out/components.txt" || { echo "About would not list $part" >&2; exit 1; }
done
example=$("$app" examples --json | python3 -c "import json,sys; print(json.load(sys.stdin)['examples'][0]['path'])")
case "$example" in dist/*|*/dist/ssm-studio/*) ;; *) echo "the example is not inside the build: $example" >&2; exit 1 ;; esac
"$app" info "$example"
"$app" screenshot "$example" -o "$out/window.png" --size 1366x768
"$app" report "$example" -o "$out/pack.pdf" 2>/dev/null
"$app" export "$example" --view cld --format png -o "$out/diagram.png"
# Graphviz, from the pygraphviz wheel's libraries bundled in the folder, lays the example out:
"$app" layout "$example" -o "$out/tidy.ssm" --engine neato | tee "$out/layout.txt"
grep -q "with neato" "$out/layout.txt" || { echo "the bundled Graphviz did not run" >&2; exit 1; }
for file in window.png pack.pdf diagram.png; do
  [[ $(stat -c %s "$out/$file") -gt 10000 ]] || { echo "$file is missing or too small" >&2; exit 1; }
done
# The window itself: started on a copy of the example, it must say it is shown.
SSM_STUDIO_REPORT_SHOWN=1 timeout 60 "dist/ssm-studio/SSM Studio" > "$out/gui.log" 2>&1 &
gui=$!
for _ in $(seq 1 60); do grep -q "^shown" "$out/gui.log" && break; sleep 1; done
kill "$gui" 2>/dev/null || true
grep -q "^shown" "$out/gui.log" || { echo "the frozen window never showed:" >&2; cat "$out/gui.log" >&2; exit 1; }
[[ -f "$HOME/Documents/SSM Studio/stoke-worklessness.ssm" ]] || { echo "no copy of the example was made" >&2; exit 1; }
echo "frozen build: version, examples, info, screenshot, report, export, Graphviz layout and window all work"
