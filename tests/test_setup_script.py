"""The set-up's first step (packaging/install-system-packages.sh) as a laptop user meets it:
it waits for another installer's lock instead of stopping, and without admin rights it says
what to ask for and lets the set-up go on."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "packaging" / "install-system-packages.sh"


def fake_bin(folder: Path, uid: int, sudo_works: bool) -> Path:
    bin_dir = folder / "bin"
    bin_dir.mkdir()
    log = folder / "apt.log"
    scripts = {
        "dpkg": "exit 1",  # every package missing
        "apt-get": f'echo "$@" >> "{log}"',
        "id": f"echo {uid}",
        "sudo": ('[ "$1" = "-n" ] && exit 0; exec "$@"' if sudo_works else "exit 1"),
    }
    for name, body in scripts.items():
        path = bin_dir / name
        path.write_text(f"#!/bin/sh\n{body}\n")
        path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return bin_dir


def run(tmp_path, uid: int, sudo_works: bool):
    bin_dir = fake_bin(tmp_path, uid, sudo_works)
    env = dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}", SSM_APT_LOCK_WAIT="42")
    done = subprocess.run(["bash", str(SCRIPT)], env=env, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=60)
    log = tmp_path / "apt.log"
    return done, log.read_text().splitlines() if log.exists() else []


def test_apt_waits_for_another_installers_lock(tmp_path):
    done, calls = run(tmp_path, uid=0, sudo_works=False)
    assert done.returncode == 0, done.stderr
    assert len(calls) == 2 and calls[0].endswith("update -qq") and " install " in calls[1]
    assert all("DPkg::Lock::Timeout=42" in call for call in calls)
    assert "waiting up to 42 s" in done.stderr


def test_a_user_with_sudo_installs_through_it(tmp_path):
    done, calls = run(tmp_path, uid=1000, sudo_works=True)
    assert done.returncode == 0, done.stderr
    assert len(calls) == 2


def test_without_admin_rights_it_says_what_to_ask_for_and_goes_on(tmp_path):
    done, calls = run(tmp_path, uid=1000, sudo_works=False)
    assert done.returncode == 0  # the rest of the set-up still runs
    assert calls == []
    assert "needs admin rights" in done.stderr and "sudo apt-get install libegl1" in done.stderr
