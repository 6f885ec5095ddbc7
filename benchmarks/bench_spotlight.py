"""The SPOTlight cycle at size: open, diff two snapshots, build the pack.

The project is the Salford worked example grown to a 200-actor delivery chain (400 links,
each rated by every perspective), 1,000 evidence items and 12 stocktakes, each reporting on
every action and keeping a snapshot; between snapshots a tenth of the claims flip polarity
and some are added, so each diff has real work (loops found again from each side's claims).

- open: ``read_project`` of the saved file, the whole of it (unzip, JSON, validation);
- diff: the first and the last snapshot compared (claims, flips, loops, stances);
- pack: the full PDF pack, with and without the SPOTlight section; the goal allows 1.5x the
  pack without it plus the share of pages the section adds.

Each measure runs in a fresh process, alternating with / without for the pack, three runs;
medians and ranges are printed.

Run:  QT_QPA_PLATFORM=offscreen python benchmarks/bench_spotlight.py [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def grown(seed: int = 7):
    """The Salford example with a chain, evidence and stocktakes of the benchmark's size."""
    from ssm_studio.edits import Document
    from ssm_studio.edits.spotlight_edits import take_snapshot
    from ssm_studio.model import (
        ActionUpdate,
        Actor,
        CausalLink,
        ChainLink,
        Evidence,
        Rating,
        Stocktake,
    )
    from ssm_studio.storage import read_project

    rng = random.Random(seed)
    project = read_project(ROOT / "examples" / "salford-spotlight-lone-parents.ssm").project
    review = project.spotlight
    people = [p.id for p in project.perspectives]
    positions = ["top", "middle", "bottom", "customer"]
    review.actors = [Actor(name=f"Actor {i}", position=positions[i % 4], voiced_by=[people[i % len(people)]] if i % 3
                           else [], x=(i % 20) * 200.0, y=(i // 20) * 120.0) for i in range(200)]
    review.chain = [ChainLink(source=review.actors[i % 200].id, target=review.actors[(i * 7 + 1) % 200].id,
                              kind=rng.choice(["funding", "referral", "service", "information", "accountability"]),
                              ratings=[Rating(perspective=p, strength=rng.randint(1, 5), reason="") for p in people])
                    for i in range(400)]
    variables, links = project.cld.variables, project.cld.links
    review.evidence = [Evidence(statement=f"Evidence {i}", kind=rng.choice(["data", "frontline", "resident", "expert"]),
                                confidence=rng.choice(["low", "medium", "high"]), dated="2026-01-20",
                                variables=[rng.choice(variables).id], links=[rng.choice(links).id])
                       for i in range(1000)]
    review.stocktakes = []
    document = Document(project)
    for month in range(12):
        dated = f"{2026 + (month + 2) // 12}-{(month + 2) % 12 + 1:02d}-15"
        for link in rng.sample(project.cld.links, max(1, len(project.cld.links) // 10)):
            link.polarity = "-" if link.polarity == "+" else "+"
        a, b = rng.sample(variables, 2)
        project.cld.links.append(CausalLink(source=a.id, target=b.id, perspective=rng.choice(people), polarity="+"))
        edit, snapshot_id = take_snapshot(project, f"Stocktake {month + 1}")
        document.apply(edit)
        review.stocktakes.append(Stocktake(dated=dated, panel="Panel", snapshot=snapshot_id, updates=[
            ActionUpdate(action=action.id, status=rng.choice(["red", "amber", "green"]), reason="Reported",
                         actual=float(month * 3)) for action in project.actions]))
    return type(project).model_validate(project.model_dump())


CHILD = r'''
import json, sys, time, tempfile
sys.path.insert(0, sys.argv[2])
import bench_spotlight
from pathlib import Path
measure, path = sys.argv[1], sys.argv[3]
from ssm_studio.storage import read_project
if measure == "open":
    start = time.perf_counter()
    read_project(path)
    print(json.dumps({"ms": (time.perf_counter() - start) * 1000}))
elif measure == "diff":
    from ssm_studio.analysis.snapshot_diff import diff, side_of_snapshot
    project = read_project(path).project
    first, last = project.snapshots[0], project.snapshots[-1]
    start = time.perf_counter()
    result = diff(side_of_snapshot(first), side_of_snapshot(last))
    elapsed = (time.perf_counter() - start) * 1000
    print(json.dumps({"ms": elapsed, "flips": len(result.flipped), "added": len(result.added),
                      "loops": len(result.loops_gained) + len(result.loops_lost)}))
else:
    from ssm_studio.report.pack import SECTIONS, PackOptions, build_pack
    project = read_project(path).project
    sections = set(SECTIONS) if measure == "pack_with" else set(SECTIONS) - {"spotlight"}
    out = Path(tempfile.mkdtemp()) / "pack.pdf"
    start = time.perf_counter()
    build_pack(project, out, PackOptions(sections=sections))
    elapsed = time.perf_counter() - start
    from pypdf import PdfReader
    print(json.dumps({"ms": elapsed * 1000, "pages": len(PdfReader(out).pages)}))
'''


def run(measure: str, path: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, measure, str(HERE), str(path)], capture_output=True, text=True,
                         timeout=1200, env=dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen")))
    if out.returncode:
        raise SystemExit(out.stderr[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    from ssm_studio.storage import save_project

    project = grown()
    path = Path(tempfile.mkdtemp()) / "spotlight-grown.ssm"
    save_project(path, project, keep_backup=False)
    review = project.spotlight
    print(f"project: {len(review.actors)} actors, {len(review.chain)} chain links, {len(review.evidence)} evidence, "
          f"{len(review.stocktakes)} stocktakes, {len(project.snapshots)} snapshots, {len(project.cld.variables)} "
          f"variables, {len(project.cld.links)} claims; file {path.stat().st_size / 1024:.0f} KB")
    results: dict[str, list[dict]] = {m: [] for m in ("open", "diff", "pack_with", "pack_without")}
    for n in range(options.runs):
        results["open"].append(run("open", path))
        results["diff"].append(run("diff", path))
        order = ("pack_with", "pack_without") if n % 2 == 0 else ("pack_without", "pack_with")
        for measure in order:
            results[measure].append(run(measure, path))

    def row(name: str, key: str, goal: str) -> None:
        values = [r["ms"] for r in results[key]]
        print(f"{name:<32} {statistics.median(values):>9.1f} ({min(values):.1f}–{max(values):.1f}) {goal}")

    print(f"{'measure':<32} {'median ms':>9} (range)   goal")
    row("open", "open", "")
    row("diff, first to last snapshot", "diff", "<= 100 ms")
    row("pack with the SPOTlight section", "pack_with", "")
    row("pack without it", "pack_without", "")
    with_ms = statistics.median(r["ms"] for r in results["pack_with"])
    without_ms = statistics.median(r["ms"] for r in results["pack_without"])
    pages_with, pages_without = results["pack_with"][0]["pages"], results["pack_without"][0]["pages"]
    allowed = 1.5 * without_ms + without_ms * (pages_with - pages_without) / max(1, pages_without)
    print(f"pages: {pages_with} with, {pages_without} without; allowed {allowed:.0f} ms; "
          f"with / without = {with_ms / without_ms:.2f}; {'met' if with_ms <= allowed else 'NOT met'}")
    d = results["diff"][0]
    print(f"the diff found {d['flips']} flips, {d['added']} claims added, {d['loops']} loops gained or lost")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
