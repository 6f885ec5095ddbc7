"""``trace`` (what drives a variable, or what it drives) and ``paths`` (the signed routes
from a push to an outcome): the causes and uses trees and signed paths, from the command line."""

from __future__ import annotations

import argparse
import json

from ..errors import SsmError
from .analysis_commands import _positive_int, chosen_perspectives
from .lazy import open_any


class UnknownVariable(SsmError):
    pass


def register(commands: argparse._SubParsersAction) -> None:
    trace = commands.add_parser("trace", help="the causes of a variable, or what it drives, as a tree")
    trace.add_argument("file", metavar="FILE")
    trace.add_argument("variable", metavar="VARIABLE", help="its name (any case)")
    direction = trace.add_mutually_exclusive_group(required=True)
    direction.add_argument("--causes", action="store_true", help="what drives it")
    direction.add_argument("--uses", action="store_true", help="what it drives")
    trace.add_argument("--depth", type=_positive_int, default=3, metavar="N", help="levels (default 3)")
    trace.add_argument("--perspective", action="append", metavar="NAME", help="these claims only (repeat)")
    trace.add_argument("--json", action="store_true", help="print one JSON object")
    trace.set_defaults(run=run_trace)

    paths = commands.add_parser("paths", help="every signed route from one variable to another")
    paths.add_argument("file", metavar="FILE")
    paths.add_argument("source", metavar="FROM")
    paths.add_argument("target", metavar="TO")
    paths.add_argument("--max-length", type=_positive_int, default=6, metavar="N",
                       help="routes of at most N links (default 6)")
    paths.add_argument("--perspective", action="append", metavar="NAME", help="these claims only (repeat)")
    paths.add_argument("--json", action="store_true", help="print one JSON object")
    paths.set_defaults(run=run_paths)


def _variable(project, name: str) -> None:
    wanted = name.strip().casefold()
    if not any(v.name.strip().casefold() == wanted or v.id == name for v in project.cld.variables):
        close = [v.name for v in project.cld.variables if wanted in v.name.casefold()][:5]
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        raise UnknownVariable(f"there is no variable called '{name}'.{hint}")


def run_trace(options: argparse.Namespace) -> int:
    from ..analysis import causes_tree, uses_tree

    project = open_any(options.file).project
    _variable(project, options.variable)
    chosen = chosen_perspectives(project, options.perspective)
    make = causes_tree if options.causes else uses_tree
    tree = make(project, options.variable, options.depth, chosen)
    if options.json:
        print(json.dumps({"direction": "causes" if options.causes else "uses", "tree": tree.as_dict()},
                         ensure_ascii=False, indent=2))
        return 0
    arrow = "\u2190" if options.causes else "\u2192"

    def show(node, indent: int) -> None:
        for child in node.children:
            signs = "/".join("\u2212" if p == "-" else p for p in child.polarities)
            marks = (" ||" if child.delay else "") + (" (loop closes)" if child.loops_back else "")
            print(f"{'    ' * indent}{arrow} {child.name} [{signs}]{marks}")
            show(child, indent + 1)

    print(tree.name)
    show(tree, 1)
    return 0


def run_paths(options: argparse.Namespace) -> int:
    from ..analysis import signed_paths

    project = open_any(options.file).project
    for name in (options.source, options.target):
        _variable(project, name)
    chosen = chosen_perspectives(project, options.perspective)
    report = signed_paths(project, options.source, options.target, options.max_length, chosen)
    names = {v.id: v.name for v in project.cld.variables}
    rows = [{"variables": [names[v] for v in path.variables], "sign": path.sign,
             "polarities": [step.polarity for step in path.steps]} for path in report.paths]
    if options.json:
        print(json.dumps({"paths": rows, "mixed": report.mixed, "complete": report.complete},
                         ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        print(f"[{row['sign']}] " + " \u2192 ".join(row["variables"]))
    verdict = ("both rising and falling routes: a push may have opposite effects" if report.mixed
               else "all routes agree in sign" if rows else "no route")
    print(f"{len(rows)} routes; {verdict}" + ("" if report.complete else " (INCOMPLETE: stopped early)"))
    return 0
