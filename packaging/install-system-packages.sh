#!/usr/bin/env bash
# Install the Debian packages listed in system-packages.txt that are not yet installed.
# Quiet and quick when everything is already there (the usual case on a developer's machine).
# Waits for another installer (a software updater running at login) rather than stopping
# with apt's "Could not get lock"; without admin rights it says what to ask for and goes on,
# since the app itself needs no root where the libraries are already there.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
wait_seconds=${SSM_APT_LOCK_WAIT:-600}
missing=()
while read -r name; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  dpkg -s "$name" >/dev/null 2>&1 || missing+=("$name")
done < "$here/system-packages.txt"
((${#missing[@]})) || exit 0
if ! command -v apt-get >/dev/null; then
  echo "Please install with your package manager: ${missing[*]}" >&2
  exit 0
fi
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  # sudo if it can be used here: without a password, or with one typed at this terminal.
  if command -v sudo >/dev/null && { sudo -n true 2>/dev/null || [[ -t 0 ]]; }; then
    sudo_cmd=(sudo)
  else
    echo "These system packages are missing: ${missing[*]}" >&2
    echo "Installing them needs admin rights. Ask whoever looks after this computer to run:" >&2
    echo "  sudo apt-get install ${missing[*]}" >&2
    echo "Going on without them: SSM Studio starts once its Qt libraries are there." >&2
    exit 0
  fi
fi
# apt waits this long for another installer's lock instead of refusing at once.
lock=(-o "DPkg::Lock::Timeout=$wait_seconds")
echo "Installing Debian packages: ${missing[*]} (waiting up to ${wait_seconds} s if another installer is running)" >&2
"${sudo_cmd[@]}" apt-get "${lock[@]}" update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get "${lock[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
