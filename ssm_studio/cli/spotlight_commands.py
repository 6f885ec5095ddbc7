"""The SPOTlight cycle on the command line: ``spotlight`` (the review: chain, gaps, plan),
``stocktake`` (the latest against the one before), ``snapshot`` (keep the project as it
stands) and ``diff`` (two snapshots, or one and now)."""

from __future__ import annotations

import argparse
import json

from .lazy import open_any


def register(commands: argparse._SubParsersAction) -> None:
    spotlight = commands.add_parser("spotlight", help="the SPOTlight review: the delivery chain's weakest and "
                                                      "disputed links, unheard positions, evidence gaps, the plan")
    spotlight.add_argument("file", metavar="FILE")
    spotlight.add_argument("--json", action="store_true", help="print one JSON object")
    spotlight.set_defaults(run=run_spotlight)
    stocktake = commands.add_parser("stocktake", help="the latest stocktake against the one before: what moved, "
                                                      "what slipped, which assumptions were questioned")
    stocktake.add_argument("file", metavar="FILE")
    stocktake.add_argument("--json", action="store_true", help="print one JSON object")
    stocktake.set_defaults(run=run_stocktake)
    snapshot = commands.add_parser("snapshot", help="keep the claims, names and stances as they stand, in FILE")
    snapshot.add_argument("file", metavar="FILE")
    snapshot.add_argument("name", metavar="NAME")
    snapshot.set_defaults(run=run_snapshot)
    diff = commands.add_parser("diff", help="compare two snapshots (or a snapshot and 'now'): claims, "
                                            "polarities, loops, stances")
    diff.add_argument("file", metavar="FILE")
    diff.add_argument("before", metavar="SNAPSHOT_A")
    diff.add_argument("after", metavar="SNAPSHOT_B", help="a snapshot's name, or 'now' for the project as it is")
    diff.add_argument("--json", action="store_true", help="print one JSON object")
    diff.set_defaults(run=run_diff)


def run_spotlight(options: argparse.Namespace) -> int:
    from ..analysis.spotlight import chain_strengths, evidence_gaps, unheard_positions

    project = open_any(options.file).project
    review = project.spotlight
    strengths, gaps, unheard = chain_strengths(project), evidence_gaps(project), unheard_positions(project)
    titles = {a.id: a.title for a in project.actions}
    if options.json:
        print(json.dumps({
            "topic": review.topic, "neighbourhood": review.neighbourhood, "starts": review.starts,
            "ends": review.ends, "team": [m.model_dump() for m in review.team], "sponsor": review.sponsor,
            "evidence": len(review.evidence), "actors": len(review.actors),
            "chain": [{"source": s.source, "target": s.target, "kind": s.link.kind, "mean": s.mean,
                       "ratings": s.by, "disputed": s.disputed} for s in strengths],
            "unheard_positions": unheard,
            "evidence_gaps": [{"claim": g.claim, "why": g.why} for g in gaps],
            "issues": [{"title": i.title, "detail": i.detail} for i in review.issues],
            "plan": [{"action": titles.get(i.action, "?"), "horizon": i.horizon, "owner": i.owner,
                      "escalate": i.escalate, "origin": i.origin} for i in review.plan],
            "stocktakes": len(review.stocktakes),
        }, ensure_ascii=False, indent=2))
        return 0
    if not review.started:
        print("No SPOTlight review in this project yet.")
        return 0
    print(f"SPOTlight review: {review.topic or '(no topic)'}"
          + (f", {review.neighbourhood}" if review.neighbourhood else "")
          + (f" ({review.starts} to {review.ends})" if review.starts else ""))
    if review.team:
        print("  Team: " + review.team_words
              + (f"; sponsor {review.sponsor}" if review.sponsor else ""))
    print(f"  {len(review.evidence)} evidence item(s), {len(review.actors)} actor(s), {len(review.chain)} link(s)")
    if strengths:
        print("  Delivery chain, weakest first:")
        for s in strengths[:10]:
            rated = ", ".join(f"{who} {value}" for who, value in s.by.items()) or "not rated"
            flag = "  DISPUTED" if s.disputed else ""
            mean = f"{s.mean:.1f}" if s.mean is not None else "–"
            print(f"    {mean:>3}  {s.source} → {s.target} ({s.link.kind}): {rated}{flag}")
    for words in unheard:
        print(f"  No perspective speaks for the {words.lower()} of the chain.")
    if gaps:
        print(f"  {len(gaps)} claim(s) rest on no evidence or only weak evidence:")
        for gap in gaps[:10]:
            print(f"    {gap.claim}: {gap.why}")
    if review.issues:
        print("  Issues:")
        for issue in review.issues:
            print(f"    {issue.title}" + (f": {issue.detail}" if issue.detail else ""))
    if review.plan:
        print("  Action plan:")
        for item in sorted(review.plan, key=lambda i: ("short", "medium", "long").index(i.horizon)):
            extra = f", to {item.escalate.replace('_', ' ')}" if item.escalate else ""
            print(f"    [{item.horizon}] {titles.get(item.action, '?')}" + (f" ({item.owner})" if item.owner else "")
                  + extra)
    return 0


def run_stocktake(options: argparse.Namespace) -> int:
    from ..analysis.spotlight import compare_stocktakes, latest_stocktakes

    project = open_any(options.file).project
    earlier, later = latest_stocktakes(project)
    if later is None:
        if options.json:
            print(json.dumps({"stocktakes": 0}))
        else:
            print("No stocktakes yet.")
        return 0
    comparison = compare_stocktakes(project, earlier, later)
    if options.json:
        print(json.dumps({
            "latest": later.dated, "before": earlier.dated if earlier else None, "panel": later.panel,
            "changes": [{"action": c.action, "before": c.before, "after": c.after, "movement": c.movement,
                         "reason": c.reason, "actual": list(c.trajectory), "assumption_questioned": c.assumption}
                        for c in comparison.changes],
        }, ensure_ascii=False, indent=2))
        return 0
    since = f" (since {earlier.dated})" if earlier else " (the first)"
    print(f"Stocktake of {later.dated}{since}" + (f", panel: {later.panel}" if later.panel else ""))
    print(f"  moved {comparison.count('moved')}, slipped {comparison.count('slipped')}, held "
          f"{comparison.count('held')}, new {comparison.count('new')}")
    for change in comparison.changes:
        was = f"{change.before} → " if change.before else ""
        print(f"  {change.movement:>7}  {change.action}: {was}{change.after or 'not reported'} ({change.reason})")
        if change.assumption:
            print(f"           assumption questioned: {change.assumption}")
    return 0


def run_snapshot(options: argparse.Namespace) -> int:
    from ..edits import Document
    from ..edits.spotlight_edits import take_snapshot
    from ..storage import read_project, save_project

    loaded = read_project(options.file)
    document = Document(loaded.project, loaded.media)
    edit, _ = take_snapshot(document.project, options.name)
    document.apply(edit)
    save_project(options.file, document.project, media=document.media)
    print(f"Kept snapshot '{options.name.strip()}' in {options.file} ({len(document.project.cld.links)} claims).")
    return 0


def run_diff(options: argparse.Namespace) -> int:
    from ..analysis.snapshot_diff import diff, side_of_project, side_of_snapshot
    from ..errors import SsmError

    project = open_any(options.file).project

    def side(name: str):
        if name.strip().casefold() == "now":
            return side_of_project(project)
        found = next((s for s in project.snapshots if s.name.strip().casefold() == name.strip().casefold()), None)
        if found is None:
            known = ", ".join(f"'{s.name}'" for s in project.snapshots) or "none"
            raise SsmError(f"There is no snapshot called '{name}' (the project has {known}; 'now' is the project "
                           "as it is).")
        return side_of_snapshot(found)

    result = diff(side(options.before), side(options.after))
    if options.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        return 0
    print(f"From '{result.before}' to '{result.after}':")
    if result.empty:
        print("  nothing changed in the claims, loops or stances.")
    for title, lines in (("claims added", result.added), ("claims removed", result.removed),
                         ("polarities flipped", result.flipped), ("loops gained", result.loops_gained),
                         ("loops lost", result.loops_lost), ("stances changed", result.stances)):
        if lines:
            print(f"  {title} ({len(lines)}):")
            for line in lines:
                print(f"    {line}")
    return 0
