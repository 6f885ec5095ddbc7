#!/usr/bin/env bash
# Install the Debian packages listed in system-packages.txt that are not yet installed.
# Quiet and quick when everything is already there (the usual case on a developer's machine).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
missing=()
while read -r name; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  dpkg -s "$name" >/dev/null 2>&1 || missing+=("$name")
done < "$here/system-packages.txt"
if ((${#missing[@]})); then
  if ! command -v apt-get >/dev/null; then
    echo "Please install with your package manager: ${missing[*]}" >&2
    exit 0
  fi
  sudo_cmd=""
  [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
  echo "Installing Debian packages: ${missing[*]}" >&2
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
