"""``leverage`` (where to push) and ``hygiene`` (loops to name, stale names, the shortest
independent loop set) from the command line."""

from __future__ import annotations

import argparse
import json

from .analysis_commands import chosen_perspectives
from .lazy import open_any


def _question(commands: argparse._SubParsersAction, name: str, help_text: str, run,
              *extra: tuple[tuple, dict]) -> None:
    """A command about a project file: FILE, its own arguments, --perspective and --json."""
    parser = commands.add_parser(name, help=help_text)
    parser.add_argument("file", metavar="FILE")
    for args, kwargs in extra:
        parser.add_argument(*args, **kwargs)
    parser.add_argument("--perspective", action="append", metavar="NAME", help="these claims only (repeat)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(run=run)


def register(commands: argparse._SubParsersAction) -> None:
    _question(commands, "leverage", "degree, betweenness, loops and MICMAC influence per variable", run_leverage)
    _question(commands, "predict", "what a sustained push on one variable does to the others, from the "
              "signs alone (rises, falls, ambiguous)", run_predict,
              (("variable",), {"metavar": "VARIABLE"}),
              (("--down",), {"action": "store_true", "help": "push it down (default: up)"}))
    _question(commands, "archetypes", "candidate system archetypes, as questions for the room", run_archetypes)
    _question(commands, "hygiene", "loops to name, saved names whose loop is gone, and the shortest "
              "independent loop set", run_hygiene)


def run_leverage(options: argparse.Namespace) -> int:
    from ..analysis.leverage import leverage

    project = open_any(options.file).project
    rows = leverage(project, chosen_perspectives(project, options.perspective))
    if options.json:
        print(json.dumps({"variables": [row.as_json() for row in rows]}, ensure_ascii=False, indent=2))
        return 0
    print(f"{'variable':<44} {'in':>3} {'out':>4} {'between':>8} {'loops':>6} {'influence':>10} "
          f"{'dependence':>11}  quadrant")
    for row in rows:
        print(f"{row.name[:44]:<44} {row.in_degree:>3} {row.out_degree:>4} {row.betweenness:>8.3f} "
              f"{row.loops:>6} {row.influence:>10.0f} {row.dependence:>11.0f}  {row.quadrant}")
    return 0


def run_hygiene(options: argparse.Namespace) -> int:
    from ..analysis.loop_hygiene import loop_hygiene

    project = open_any(options.file).project
    result = loop_hygiene(project, chosen_perspectives(project, options.perspective))
    if options.json:
        print(json.dumps(result.as_json(project), ensure_ascii=False, indent=2))
        return 0
    print(f"Loops without a name: {', '.join(result.unnamed) or 'none'}")
    stale = ", ".join(f"{label} '{name}'" for label, name in result.stale_names)
    print(f"Saved names whose loop is gone: {stale or 'none'}"
          + ("" if result.complete else " (the search was incomplete, so none are called gone)"))
    if result.independent_set:
        print(f"Shortest independent loop set ({len(result.independent_set)} loops use every looped link):")
        for cycle in result.independent_set:
            print("  " + " \u2192 ".join(cycle))
    return 0


def run_predict(options: argparse.Namespace) -> int:
    from ..analysis.prediction import predict_press
    from .trace_commands import _variable

    project = open_any(options.file).project
    _variable(project, options.variable)
    result = predict_press(project, options.variable, not options.down,
                           chosen_perspectives(project, options.perspective))
    if options.json:
        print(json.dumps({"pressed": result.pressed, "direction": result.direction, "samples": result.samples,
                          "responses": [r.as_json() for r in result.responses], "note": result.note},
                         ensure_ascii=False, indent=2))
        return 0
    print(f"Pushing '{result.pressed}' {result.direction}, from the signs alone "
          f"({result.samples} stable systems with random strengths):")
    for verdict in ("rises", "falls", "ambiguous"):
        names = [r.name for r in result.responses if r.verdict == verdict]
        if names:
            print(f"  {verdict}: {', '.join(names)}")
    print("Ambiguous means the answer depends on how strong the links are, which the map does not say."
          + (f" ({result.note})" if result.note else ""))
    return 0


def run_archetypes(options: argparse.Namespace) -> int:
    from ..analysis.archetypes import find_archetypes

    project = open_any(options.file).project
    found = find_archetypes(project, chosen_perspectives(project, options.perspective))
    names = {v.id: v.name for v in project.cld.variables}
    if options.json:
        print(json.dumps({"archetypes": [c.as_json(names) for c in found]}, ensure_ascii=False, indent=2))
        return 0
    for candidate in found:
        print(f"{candidate.archetype} ({', '.join(candidate.loops)})\n    {candidate.question}")
    print(f"{len(found)} candidate archetypes: patterns in the loops, to test with the people who know "
          "the situation, not conclusions.")
    return 0
