"""``ssm-studio``: open the app, or inspect, validate and import projects from a shell.

Exit codes are a contract scripts rely on: 0 success, 1 bad input, 2 wrong usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from .. import __version__
from ..errors import SsmError
from . import (
    analysis_commands,
    insight_commands,
    interop_commands,
    journey_commands,
    layout_commands,
    output_commands,
    project_commands,
    room_commands,
    spotlight_commands,
    storyline_commands,
    trace_commands,
)

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2

Command = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    """argparse exits with 2 on usage errors already; keep its message short and plain."""


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="ssm-studio", description=(
        "SSM Studio: rich pictures, root definitions, conceptual models and causal-loop "
        "diagrams with parallel stakeholder perspectives. Run with no command to open the app."
    ))
    parser.add_argument("--version", action="version", version=f"ssm-studio {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    project_commands.register(commands)
    interop_commands.register(commands)
    analysis_commands.register(commands)
    trace_commands.register(commands)
    layout_commands.register(commands)
    insight_commands.register(commands)
    output_commands.register(commands)
    storyline_commands.register(commands)
    spotlight_commands.register(commands)
    journey_commands.register(commands)
    room_commands.register(commands)
    _register_app_commands(commands)
    return parser


def _register_app_commands(commands: argparse._SubParsersAction) -> None:
    """Qt is imported only when such a command runs, so the others start fast."""
    from . import app_commands

    app_commands.register(commands)


def _command_names(parser: argparse.ArgumentParser) -> set[str]:
    for action in parser._actions:  # argparse offers no public way to list subcommands
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def open_app(files: Sequence[str]) -> int:
    try:
        from ..app.launch import run_app
    except ImportError as error:
        print(f"ssm-studio: the desktop app cannot start: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return run_app(list(files))


def _open_usage(args: list[str], commands: set[str]) -> list[str]:
    """``ssm-studio [FILE...]``: refuse options we do not know and mistyped commands."""
    opener = argparse.ArgumentParser(prog="ssm-studio", add_help=False)
    opener.add_argument("files", nargs="*")
    files = opener.parse_args(args).files
    first = Path(files[0]) if files else None
    if first is not None and not first.suffix and not first.exists():
        opener.error(f"'{files[0]}' is neither a file nor a command "
                     f"(commands: {', '.join(sorted(commands))})")
    return files


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    commands = _command_names(parser)
    if not args or (args[0] not in commands and not args[0].startswith("-")):
        return open_app(_open_usage(args, commands))
    options = parser.parse_args(args)
    if options.command is None:
        return open_app([])
    try:
        return options.run(options)
    except SsmError as error:
        print(f"ssm-studio: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("ssm-studio: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
