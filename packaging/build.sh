#!/usr/bin/env bash
# Build the standalone one-folder program (dist/ssm-studio/) with PyInstaller, in a virtual
# environment of its own so only declared dependencies are bundled. Prints time and size.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv-build
.venv-build/bin/pip install -q --disable-pip-version-check ".[build]"
# The interface's translations compiled (with the lrelease PySide6 brings) before the package
# is installed again below, so it ships the .qm files.
for ts in resources/i18n/*.ts; do
  .venv-build/bin/pyside6-lrelease -silent "$ts" -qm "${ts%.ts}.qm"
done
# Not editable: PyInstaller must see resources/ and examples/ where the wheel puts them.
.venv-build/bin/pip install -q --disable-pip-version-check --force-reinstall --no-deps .
start=$(date +%s)
.venv-build/bin/pyinstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/ssm-studio.spec
echo "built dist/ssm-studio in $(( $(date +%s) - start )) s; size $(du -sh dist/ssm-studio | cut -f1)"
