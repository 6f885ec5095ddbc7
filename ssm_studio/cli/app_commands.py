"""``screenshot``: the app's window rendered to a PNG, with or without a display."""

from __future__ import annotations

import argparse
import re

VIEWS = ("cld", "side-by-side", "rich-picture", "conceptual-model", "welcome", "catwoe", "comparison", "actions")


def register(commands: argparse._SubParsersAction) -> None:
    shot = commands.add_parser("screenshot", help="render the main window to a PNG (no display needed)")
    shot.add_argument("file", metavar="FILE")
    shot.add_argument("-o", "--output", required=True, metavar="OUT.png")
    shot.add_argument("--view", choices=VIEWS, default="cld")
    shot.add_argument("--perspective", action="append", metavar="NAME", help="show only these (repeat)")
    shot.add_argument("--size", type=_size, default=(1600, 1000), metavar="WIDTHxHEIGHT")
    shot.add_argument("--high-contrast", action="store_true", help="the projector style")
    shot.add_argument("--storyline", metavar="NAME", help="a step of this storyline, as presented to the room")
    shot.add_argument("--step", type=int, default=1, metavar="N", help="with --storyline: the step (from 1)")
    shot.set_defaults(run=run_screenshot)


def _size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{2,5})[xX×](\d{2,5})", text.strip())
    if not match:
        raise argparse.ArgumentTypeError("write the size as WIDTHxHEIGHT, e.g. 1600x1000")
    return int(match.group(1)), int(match.group(2))


def run_screenshot(options: argparse.Namespace) -> int:
    from ..app.screenshot import take_screenshot

    path = take_screenshot(options.file, options.output, options.view, options.perspective,
                           options.size, options.high_contrast, options.storyline, options.step)
    print(f"Wrote {path}")
    return 0
