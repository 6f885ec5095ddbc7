"""Client journeys on the command line: ``journeys FILE`` prints each journey's counts
(contacts, distinct services, the most services in any six months), the feedback loops it
feeds and where its accounts differ; ``--json`` prints the same as one object."""

from __future__ import annotations

import argparse
import json

from .lazy import open_any


def register(commands: argparse._SubParsersAction) -> None:
    journeys = commands.add_parser("journeys", help="each client journey's contacts and services (in any six "
                                                    "months), and the feedback loops it feeds")
    journeys.add_argument("file", metavar="FILE")
    journeys.add_argument("--window", type=int, default=182, metavar="DAYS",
                          help="the window for the most services met (default 182 days: six months)")
    journeys.add_argument("--json", action="store_true", help="print one JSON object")
    journeys.set_defaults(run=run_journeys)


def run_journeys(options: argparse.Namespace) -> int:
    from ..analysis import find_loops
    from ..analysis.journeys import compare_accounts, counts, identifying_places, loops_fed

    project = open_any(options.file).project
    if options.window < 1:
        raise SystemExit("ssm-studio journeys: --window is a number of days, at least 1")
    report = find_loops(project, time_budget=2.0) if project.journeys else None
    names = {v.id: v.name for v in project.cld.variables}
    rows = []
    for journey in project.journeys:
        count = counts(journey, options.window)
        fed = loops_fed(project, journey, report)
        rows.append((journey, count, fed, compare_accounts(project, journey), identifying_places(journey)))
    if options.json:
        print(json.dumps({"services": [{"name": s.name, "actor": s.actor} for s in project.services], "journeys": [
            {"name": j.name, "client": j.client, "members": [m.pseudonym for m in j.members],
             "contacts": c.contacts, "services": c.services, "pain_points": c.pain_points,
             "mean_feeling": c.mean_feeling, "longest_wait_days": c.longest_wait, "first": c.first, "last": c.last,
             "out_of_date_order": c.out_of_order,
             "busiest_window": {"days": c.window_days, "services": c.busiest.services,
                                "contacts": c.busiest.contacts, "starts": c.busiest.starts, "ends": c.busiest.ends},
             "loops_fed": [{"label": f.loop.label, "name": f.loop.name, "polarity": f.loop.polarity,
                            "variables": [names.get(v, "?") for v in f.loop.variables],
                            "touchpoints": len(f.touchpoints)} for f in fed],
             "accounts": a.contacts,
             "differences": [{"dated": d.dated, "service": d.service, "words": d.words} for d in a.differences],
             "looks_identifying": places}
            for j, c, fed, a, places in rows]}, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("No client journeys in this project yet.")
        return 0
    for journey, count, fed, compared, places in rows:
        lanes = ", ".join(m.pseudonym for m in journey.members) or "no members"
        print(f"{journey.name} ({journey.client}: {lanes})")
        print(f"  {count.words()}")
        if count.first:
            print(f"  From {count.first} to {count.last}; {count.pain_points} pain point(s)"
                  + (f"; longest wait {count.longest_wait} day(s)" if count.longest_wait is not None else ""))
        if count.out_of_order:
            print(f"  {count.out_of_order} touchpoint(s) were recorded out of date order (shown in date order).")
        if fed:
            print(f"  Feeds {len(fed)} loop(s):")
            for item in fed[:10]:
                loop = item.loop
                title = f"{loop.label} {loop.name}".strip()
                print(f"    {title}: {' → '.join(names.get(v, '?') for v in loop.variables)} "
                      f"({len(item.touchpoints)} touchpoint(s))")
        else:
            print("  Feeds no feedback loop (no touchpoint affects a variable on a loop).")
        if len(compared.accounts) > 1:
            told = "; ".join(f"{who} {n}" for who, n in compared.contacts.items())
            print(f"  Accounts: {told}; {len(compared.differences)} difference(s)")
            for difference in compared.differences[:8]:
                print(f"    {difference.dated or 'undated'} {difference.service}: {difference.words}")
        if places:
            print(f"  Warning: {', '.join(places[:3])} look(s) like a real name with a date of birth; "
                  "use a pseudonym.")
    return 0
