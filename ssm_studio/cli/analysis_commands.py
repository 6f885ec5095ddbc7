"""``loops`` and ``compare``: causal-loop analysis from a shell."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from .lazy import compare_perspectives, display_polarity, find_loops, open_any

if TYPE_CHECKING:
    from ..model import Project


def register(commands: argparse._SubParsersAction) -> None:
    loops = commands.add_parser("loops", help="list feedback loops (R reinforcing, B balancing)")
    loops.add_argument("file", metavar="FILE")
    loops.add_argument("--perspective", action="append", metavar="NAME",
                       help="use this perspective's claims (repeat for several; default: all)")
    loops.add_argument("--max-length", type=_positive_int, metavar="N",
                       help="ignore loops of more than N variables")
    loops.add_argument("--time-budget", type=_positive_float, default=2.0, metavar="SECONDS",
                       help="stop searching after this long and say so (default 2)")
    loops.add_argument("--json", action="store_true", help="print one JSON object")
    loops.set_defaults(run=run_loops)

    compare = commands.add_parser("compare", help="where perspectives' causal claims agree and differ")
    compare.add_argument("file", metavar="FILE")
    compare.add_argument("--perspective", action="append", metavar="NAME",
                         help="compare these perspectives (repeat; default: all)")
    compare.add_argument("--loops", action="store_true",
                         help="compare loop by loop: who holds each loop of the combined map, and "
                              "which loops no perspective sees alone")
    compare.add_argument("--json", action="store_true", help="print one JSON object")
    compare.set_defaults(run=run_compare)


def _compare_loops(project: Project, chosen: list[str] | None, as_json: bool) -> int:
    from ..analysis import compare_loops

    result = compare_loops(project, chosen)
    rows = [holding.as_json(project) for holding in result.holdings]
    if as_json:
        print(json.dumps({"loops": rows, "complete": result.complete, "notes": result.notes},
                         ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        title = f"{row['label']} {row['name']}".strip()
        print(f"{title} ({row['polarity']}): {' → '.join(row['variables'])}")
        if row["combined_only"]:
            print("    no perspective sees this loop alone: it exists only when their claims are combined")
        else:
            print(f"    held by: {', '.join(row['held_by']) or 'none with this polarity'}")
            if row["held_with_other_polarity"]:
                print(f"    held with another polarity by: {', '.join(row['held_with_other_polarity'])}")
    combined = sum(row["combined_only"] for row in rows)
    print(f"{len(rows)} loops; {combined} seen by no perspective alone"
          + ("" if result.complete else " (INCOMPLETE: " + " ".join(result.notes) + ")"))
    return 0


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _positive_float(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return value


def chosen_perspectives(project: Project, names: list[str] | None) -> list[str] | None:
    if not names:
        return None
    return [p.id for p in project.perspectives_named(names)]


def run_loops(options: argparse.Namespace) -> int:
    project = open_any(options.file).project
    report = find_loops(project, chosen_perspectives(project, options.perspective),
                        max_length=options.max_length, time_budget=options.time_budget)
    names = {v.id: v.name for v in project.cld.variables}
    pnames = {p.id: p.name for p in project.perspectives}
    if options.json:
        print(json.dumps({
            "complete": report.complete,
            "found": report.found,
            "complete_up_to_length": report.complete_up_to_length,
            "max_length": report.max_length,
            "stopped_by": report.stopped_by or None,
            "notes": report.notes,
            "loops": [{
                "label": loop.label, "name": loop.name, "polarity": loop.polarity,
                "variables": [names[v] for v in loop.variables], "length": loop.length,
                "has_delay": loop.has_delay,
                "perspectives": [pnames[p] for p in loop.perspectives],
            } for loop in report.loops],
        }, ensure_ascii=False, indent=2))
        return 0
    kinds = {"R": "reinforcing", "B": "balancing", "?": "unknown polarity"}
    for loop in report.loops:
        title = f"{loop.label} {loop.name}".strip()
        held = ", ".join(pnames[p] for p in loop.perspectives) or "no single perspective (claims combined)"
        delay = ", with delay" if loop.has_delay else ""
        print(f"{title}: {kinds[loop.polarity]}, {loop.length} variables{delay}; held by {held}")
        print("    " + " → ".join([names[v] for v in loop.variables] + [names[loop.variables[0]]]))
    status = "complete" if report.complete else "INCOMPLETE"
    print(f"{report.found} loops ({status}, {report.elapsed:.2f} s)")
    for note in report.notes:
        print(note)
    return 0


def run_compare(options: argparse.Namespace) -> int:
    project = open_any(options.file).project
    chosen = chosen_perspectives(project, options.perspective)
    if options.loops:
        return _compare_loops(project, chosen, options.json)
    result = compare_perspectives(project, chosen)
    names = {v.id: v.name for v in project.cld.variables}
    pnames = {p.id: p.name for p in project.perspectives}

    def link(view) -> dict:
        return {"from": names[view.source], "to": names[view.target],
                "claims": {pnames[p]: pol for p, pol in view.claims.items()}}

    if options.json:
        print(json.dumps({
            "perspectives": [pnames[p] for p in result.perspectives],
            "agreements": [link(v) for v in result.by_status("agreed")],
            "conflicts": [link(v) for v in result.by_status("conflict")],
            "uncertain": [link(v) for v in result.by_status("uncertain")],
            "one_only": [link(v) for v in result.by_status("one-only")],
            "similarity": {pnames[a]: {pnames[b]: round(x, 4) for b, x in row.items()}
                           for a, row in result.similarity.items()},
            "variables": {pnames[p]: sorted(names[v] for v in vs) for p, vs in result.variables_used.items()},
            "loops": {pnames[p]: [{"polarity": lp.polarity, "variables": [names[v] for v in lp.variables]}
                                  for lp in r.loops] for p, r in result.loops.items()},
        }, ensure_ascii=False, indent=2))
        return 0

    def line(view) -> str:
        claims = "; ".join(f"{pnames[p]} {display_polarity(pol)}" for p, pol in view.claims.items())
        return f"  {names[view.source]} → {names[view.target]}  ({claims})"

    for title, status in (("Agreed", "agreed"), ("In conflict", "conflict"),
                          ("Uncertain (some say ?)", "uncertain"), ("Held by one perspective only", "one-only")):
        views = result.by_status(status)
        print(f"{title}: {len(views)}")
        for view in views:
            print(line(view))
    print("Similarity (Jaccard over signed links):")
    width = max(len(pnames[p]) for p in result.perspectives)
    for a in result.perspectives:
        cells = " ".join(f"{result.similarity[a][b]:5.2f}" for b in result.perspectives)
        print(f"  {pnames[a]:<{width}} {cells}")
    for p in result.perspectives:
        report = result.loops[p]
        labels = ", ".join(f"{lp.polarity}: {' → '.join(names[v] for v in lp.variables)}" for lp in report.loops)
        print(f"Loops in the claims of {pnames[p]}: {len(report.loops)}" + (f" ({labels})" if labels else ""))
    return 0
