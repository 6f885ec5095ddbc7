"""``layout``: tidy a diagram automatically (Graphviz, or the built-in layout) into a new file."""

from __future__ import annotations

import argparse
import sys
import time

from .analysis_commands import chosen_perspectives
from .lazy import open_any, save_project

ENGINES = ("auto", "dot", "neato", "sfdp", "fallback")


def register(commands: argparse._SubParsersAction) -> None:
    tidy = commands.add_parser("layout", help="lay the causal-loop diagram out automatically")
    tidy.add_argument("file", metavar="FILE")
    tidy.add_argument("-o", "--output", required=True, metavar="OUT.ssm")
    tidy.add_argument("--engine", choices=ENGINES, default="auto",
                      help="auto chooses by size: dot when small, neato mid-size, sfdp beyond")
    tidy.add_argument("--perspective", action="append", metavar="NAME",
                      help="lay out the variables these perspectives use (repeat; default: all)")
    tidy.set_defaults(run=run_layout)


def run_layout(options: argparse.Namespace) -> int:
    from ..layout.diagram_layout import tidy_causal_diagram

    project = open_any(options.file).project
    chosen = chosen_perspectives(project, options.perspective)
    started = time.perf_counter()
    result = tidy_causal_diagram(project, chosen, options.engine)
    elapsed = time.perf_counter() - started
    tidy = project.model_copy(deep=True)
    for variable in tidy.cld.variables:
        if variable.id in result.positions:
            variable.x, variable.y = result.positions[variable.id]
    save_project(options.output, tidy)
    if result.note:
        print(f"ssm-studio layout: {result.note}", file=sys.stderr)
    pinned = sum(1 for v in project.cld.variables if v.pinned and v.id in result.positions)
    print(f"Laid out {len(result.positions)} variables with {result.engine} in {elapsed:.2f} s "
          f"({pinned} pinned, left in place); wrote {options.output}")
    return 0
