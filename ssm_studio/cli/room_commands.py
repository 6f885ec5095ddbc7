"""The workshop room on the command line: ``room host FILE`` hosts a room headless (on a
spare machine, say) and keeps FILE saved as the room changes it; ``room status ADDRESS``
asks a room who is there."""

from __future__ import annotations

import argparse
import json
import sys

from .lazy import open_any

SAVE_EVERY = 30.0  # seconds between saves of a room that has changed


def register(commands: argparse._SubParsersAction) -> None:
    room = commands.add_parser("room", help="host a workshop room, or ask one its status")
    actions = room.add_subparsers(dest="room_command", metavar="ACTION", required=True)
    host = actions.add_parser("host", help="host FILE as a workshop room until stopped (Ctrl+C); FILE is saved "
                                           "as the room changes it, and when the room ends")
    host.add_argument("file", metavar="FILE")
    host.add_argument("--port", type=int, default=8765)
    host.add_argument("--host", default="127.0.0.1", metavar="ADDRESS",
                      help="where to listen (default 127.0.0.1; the room's own network: e.g. 0.0.0.0)")
    host.add_argument("--code", help="the join code (default: a new one, printed)")
    host.add_argument("--participants", type=int, default=40, help="at most this many at once (default 40)")
    host.add_argument("--log", metavar="PATH", help="the room's update log (default: FILE.room beside FILE); a "
                                                     "host that stopped starts again from it")
    host.add_argument("--no-announce", action="store_true", help="do not announce the room on the network (mDNS)")
    host.add_argument("--no-tls", action="store_true",
                      help="serve plain ws:// (default: wss:// on a certificate made on first use and kept in "
                           "~/.ssm-studio/room, its fingerprint printed for participants to check)")
    host.add_argument("--certificates", metavar="FOLDER", help="where the room's certificate is kept "
                                                               "(default ~/.ssm-studio/room)")
    host.add_argument("--for", dest="seconds", type=float, default=None, metavar="SECONDS",
                      help="end the room after this long (default: until stopped)")
    host.set_defaults(run=run_host)
    status = actions.add_parser("status", help="the room at ADDRESS: its project's title and who is there")
    status.add_argument("address", metavar="ADDRESS", help="e.g. wss://192.168.1.20:8765")
    status.add_argument("--code", default="", help="the join code: with it, the room also names its project")
    status.add_argument("--fingerprint", default="",
                        help="the room's certificate fingerprint (shown where it is hosted); a wss:// room is "
                             "sent the code only when its certificate matches")
    status.add_argument("--json", action="store_true", help="print one JSON object")
    status.set_defaults(run=run_status)


def run_host(options: argparse.Namespace) -> int:
    import asyncio
    from pathlib import Path

    from ..errors import SsmError
    from ..room.host import RoomHost, RoomLimits

    path = Path(options.file)
    opened = open_any(path)
    if path.suffix.lower() != ".ssm":
        path = path.with_suffix(".ssm")  # a file of another tool: the room's project is kept beside it
    log = Path(options.log) if options.log else path.with_name(path.name + ".room")
    certificate = None
    if not options.no_tls:
        from ..room.tls import room_certificate

        try:
            certificate = room_certificate(Path(options.certificates) if options.certificates
                                           else Path.home() / ".ssm-studio" / "room")
        except SsmError as error:
            print(f"ssm-studio room host: {error}", file=sys.stderr)
            return 1
    host = RoomHost(opened.project, options.code, options.host, options.port,
                    RoomLimits(participants=max(1, options.participants)), log=log,
                    announce=not options.no_announce, certificate=certificate)

    async def serve() -> None:
        async with host:
            print(f"Workshop room for '{host.document.project.metadata.title}' at {host.address}  join code "
                  f"{host.code}" + (f"  fingerprint {host.fingerprint}" if host.fingerprint else "")
                  + ("  (taken up from its log)" if host.resumed else ""), flush=True)
            saved = host.document.revision
            waited = 0.0
            try:
                while options.seconds is None or waited < options.seconds:
                    step = min(1.0, options.seconds - waited) if options.seconds is not None else 1.0
                    await asyncio.sleep(step)
                    waited += step
                    if host.document.revision != saved and waited % SAVE_EVERY < step:
                        host.save(path)
                        saved = host.document.revision
            finally:
                host.save(path)
                print(f"Room ended; the project is saved in {path}", flush=True)

    try:
        asyncio.run(serve())
    except KeyboardInterrupt:
        pass
    except OSError as error:
        print(f"ssm-studio room host: cannot listen on {options.host}:{options.port} ({error.strerror or error})",
              file=sys.stderr)
        return 1
    return 0


def run_status(options: argparse.Namespace) -> int:
    import asyncio
    import ssl
    from urllib.error import URLError
    from urllib.parse import quote
    from urllib.request import urlopen

    from ..errors import SsmError
    from ..room.client import split_address
    from ..room.tls import fetch_certificate, fingerprint_of, matches, pinned_context

    address, code = options.address.strip().rstrip("/"), options.code
    try:
        scheme, host, port = split_address(address)
        context = None
        if scheme == "wss":
            der = asyncio.run(fetch_certificate(host, port))
            if code and not matches(der, options.fingerprint):
                print(f"ssm-studio room status: the room at {address} shows the fingerprint {fingerprint_of(der)}"
                      + (f", not '{options.fingerprint}'" if options.fingerprint else "")
                      + "; the join code was not sent (give --fingerprint as the room shows it)", file=sys.stderr)
                code = ""
            context = pinned_context(der)
        url = f"{'https' if scheme == 'wss' else 'http'}://{host}:{port}/status?code={quote(code)}"
        with urlopen(url, timeout=5, context=context) as answer:  # noqa: S310 - the user's own room address
            status = json.loads(answer.read(64 * 1024))
    except (URLError, OSError, ValueError, TimeoutError, ssl.SSLError, SsmError) as error:
        print(f"ssm-studio room status: no workshop room answered at {address} ({error})", file=sys.stderr)
        return 1
    if options.json:
        print(json.dumps(status, ensure_ascii=False, indent=2))
    else:
        title = f"'{status['title']}', " if "title" in status else ""
        print(f"{status.get('room', 'A room')} at {address}: {title}"
              f"{status.get('participants', 0)} of at most {status.get('limit', '?')} participant(s)")
    return 0
