#!/usr/bin/env bash
# Linux desktop integration for the current user: the desktop entry, the .ssm file type
# (application/x-ssm-studio) and the icon at the usual sizes, under ~/.local/share.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
share=${XDG_DATA_HOME:-$HOME/.local/share}
install -Dm644 "$here/org.ssmstudio.SsmStudio.desktop" "$share/applications/org.ssmstudio.SsmStudio.desktop"
install -Dm644 "$here/org.ssmstudio.SsmStudio.metainfo.xml" "$share/metainfo/org.ssmstudio.SsmStudio.metainfo.xml"
install -Dm644 "$here/ssm-studio-mime.xml" "$share/mime/packages/ssm-studio.xml"
for size in 16 24 32 48 64 128 256 512; do
  install -Dm644 "$here/../resources/icons/ssm-studio-$size.png" "$share/icons/hicolor/${size}x${size}/apps/ssm-studio.png"
  install -Dm644 "$here/../resources/icons/ssm-studio-$size.png" \
    "$share/icons/hicolor/${size}x${size}/mimetypes/application-x-ssm-studio.png"
done
install -Dm644 "$here/../resources/icons/ssm-studio.svg" "$share/icons/hicolor/scalable/apps/ssm-studio.svg"
command -v update-mime-database >/dev/null && update-mime-database "$share/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$share/applications" || true
echo "installed the desktop entry, file type and icons under $share"
