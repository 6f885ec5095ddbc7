"""``ssm-studio room host`` and ``room status`` (issue #26, item 7), on 127.0.0.1, bounded."""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import sys
import time

from ssm_studio.cli.main import main
from ssm_studio.edits import History
from ssm_studio.edits import causal_edits as ce
from ssm_studio.room.client import RoomClient
from ssm_studio.storage import read_project

from .test_room import MEIR


def test_a_headless_host_serves_reports_its_status_and_saves_what_the_room_did(tmp_path, capsys):
    project = tmp_path / "room.ssm"
    shutil.copy(MEIR, project)
    host = subprocess.Popen([sys.executable, "-m", "ssm_studio.cli.main", "room", "host", str(project), "--port", "0",
                             "--code", "CLI777", "--for", "4", "--certificates", str(tmp_path / "tls")],
                            stdout=subprocess.PIPE, text=True)
    try:
        line = host.stdout.readline() if host.stdout else ""
        address = line.split(" at ")[1].split()[0]
        fingerprint = line.split("fingerprint ")[1].strip()
        assert "join code CLI777" in line and address.startswith("wss://127.0.0.1:")
        assert main(["room", "status", address, "--json"]) == 0
        assert json.loads(capsys.readouterr().out) == {"room": "SSM Studio workshop room", "participants": 0,
                                                       "limit": 40}  # no title without the code
        assert main(["room", "status", address, "--code", "cli777"]) == 0  # no fingerprint: the code is kept back
        said = capsys.readouterr()
        assert "the join code was not sent" in said.err and "Meir" not in said.out
        assert main(["room", "status", address, "--code", "cli777", "--fingerprint", fingerprint]) == 0
        assert "'Meir: families in contact with many services (Think Family)', 0 of at most 40" in capsys.readouterr().out

        async def edit() -> None:
            client = RoomClient(address, "CLI777", fingerprint=fingerprint)
            document = await client.join()
            History(document).push(ce.rename_variable(document.project.cld.variables[0].id, "Saved by the host"))
            await asyncio.sleep(0.3)
            await client.leave()

        asyncio.run(edit())
        host.wait(timeout=20)
    finally:
        host.kill()
    assert host.returncode == 0
    assert read_project(project).project.cld.variables[0].name == "Saved by the host"
    started = time.perf_counter()
    assert main(["room", "status", address]) == 1  # nothing listens once the room has ended
    assert "no workshop room answered" in capsys.readouterr().err and time.perf_counter() - started < 6
