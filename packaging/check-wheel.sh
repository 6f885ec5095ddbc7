#!/usr/bin/env bash
# Prove that a real install works: build the wheel, install it (not editable) into a fresh
# virtual environment with its declared dependencies only, and run the installed command on
# the example that ships inside it. Run by .ci/run; prints the wheel's size.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
python=${PYTHON:-python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$python" -m pip wheel -q --no-deps --no-build-isolation -w "$work/dist" "$here" 2>/dev/null \
  || "$python" -m pip wheel -q --no-deps -w "$work/dist" "$here"
wheel=$(ls "$work"/dist/ssm_studio-*.whl)
echo "wheel: $(basename "$wheel") $(du -k "$wheel" | cut -f1) KB"

"$python" -m venv "$work/venv"
"$work/venv/bin/pip" install -q --disable-pip-version-check "$wheel"
"$work/venv/bin/pip" check

cd "$work"  # away from the checkout, so only the installed package can be imported
installed=$("$work/venv/bin/python" -c "import ssm_studio, pathlib; print(pathlib.Path(ssm_studio.__file__).parent)")
case "$installed" in
  "$work/venv/"*) ;;
  *) echo "ssm_studio was imported from $installed, not from the installed wheel" >&2; exit 1 ;;
esac
example=$("$work/venv/bin/python" -c "from ssm_studio.bundled import default_example; print(default_example())")
[ -f "$example" ] || { echo "the example project is missing from the wheel" >&2; exit 1; }
"$work/venv/bin/ssm-studio" examples
"$work/venv/bin/ssm-studio" info "$example" >/dev/null
QT_QPA_PLATFORM=offscreen "$work/venv/bin/ssm-studio" screenshot "$example" -o "$work/shot.png" --view rich-picture --size 800x500 >/dev/null
QT_QPA_PLATFORM=offscreen "$work/venv/bin/ssm-studio" report "$example" -o "$work/pack.pdf" >/dev/null 2>&1
size=$(stat -c %s "$work/shot.png")
[ "$size" -gt 20000 ] || { echo "the screenshot from the installed wheel is suspiciously small ($size bytes)" >&2; exit 1; }
echo "installed wheel: examples, info, screenshot and report work"
