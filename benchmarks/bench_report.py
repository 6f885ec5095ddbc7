"""Time and peak memory to build the comparison pack; pages per second on a long pack; and
the floor, reportlab's platypus alone making the same content from scratch.

Run:  QT_QPA_PLATFORM=offscreen python benchmarks/bench_report.py
Each case runs in a fresh process so peak memory (ru_maxrss) is its own; the floor runs in
another fresh process (benchmarks/pack_floor.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile

CASE = r'''
import json, random, resource, sys, tempfile, time
from ssm_studio.model import (Action, Activity, CausalLink, ComparisonRow, ConceptualModel, Measures,
                              Perspective, Project, RootDefinition, Stance, Variable, style_for_index)
from ssm_studio.report import build_pack

def project(perspectives, variables, claims, rows_per_model, seed=3):
    rng = random.Random(seed)
    ps = [Perspective(name=f"Stakeholder group {i}", stakeholder=f"Group {i}", worldview="A view " * 12,
                      colour=style_for_index(i)[0], dash=style_for_index(i)[1]) for i in range(perspectives)]
    side = int(variables ** 0.5) + 1
    vs = [Variable(name=f"Variable {i}", x=(i % side) * 190.0, y=(i // side) * 120.0) for i in range(variables)]
    ls = [CausalLink(source=rng.choice(vs).id, target=rng.choice(vs).id, perspective=rng.choice(ps).id,
                     polarity=rng.choice("+-?"), note="Evidence from the workshop, " * 2) for _ in range(claims)]
    rds, cms, actions = [], [], []
    for p in ps:
        rd = RootDefinition(perspective=p.id, title=f"System of {p.name}", customers="People", actors="Staff",
                            transformation_input="people out of work", transformation_output="people in work",
                            worldview=p.worldview, owners="Board", environment="Budgets", what="help", how="advice",
                            why="reduce worklessness", measures=Measures(efficacy="placements"))
        acts = [Activity(label=f"Activity {j} of {p.name}") for j in range(rows_per_model)]
        rds.append(rd)
        cms.append(ConceptualModel(root_definition=rd.id, activities=acts,
                                   comparison=[ComparisonRow(activity=a.id, exists="partly", how="Done by hand " * 3)
                                               for a in acts]))
    for k in range(30):
        actions.append(Action(title=f"Change {k}", stances=[Stance(perspective=p.id, desirable=rng.choice(["yes", "no", "unsure"]),
                                                                    feasible="yes") for p in ps]))
    proj = Project(perspectives=ps, root_definitions=rds, conceptual_models=cms, actions=actions)
    proj.cld.variables, proj.cld.links = vs, ls
    return proj

args = json.loads(sys.argv[1])
proj = project(*args)
from pypdf import PdfReader
with tempfile.TemporaryDirectory() as folder:
    start = time.perf_counter()
    build_pack(proj, folder + "/pack.pdf")
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    pages = len(PdfReader(folder + "/pack.pdf").pages)
    # The floor's content, taken after our build (untimed): see benchmarks/pack_floor.py.
    sys.path.insert(0, sys.argv[2])
    import pack_floor
    pack_floor.capture(proj, sys.argv[3])
print(json.dumps({"seconds": seconds, "pages": pages, "peak_mb": peak}))
'''


def run(args) -> dict:
    """Our pack in one fresh process, then the floor from the same content in another."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    here = os.path.dirname(os.path.abspath(__file__))
    with tempfile.TemporaryDirectory() as folder:
        content = os.path.join(folder, "content.pickle")
        out = subprocess.run([sys.executable, "-c", CASE, json.dumps(args), here, content], capture_output=True,
                             text=True, env=env)
        if out.returncode:
            raise SystemExit(out.stderr)
        result = json.loads(out.stdout.strip().splitlines()[-1])
        floor = subprocess.run([sys.executable, os.path.join(here, "pack_floor.py"), content,
                                os.path.join(folder, "floor.pdf")], capture_output=True, text=True, env=env)
        if floor.returncode:
            raise SystemExit(floor.stderr)
        seconds, pages = floor.stdout.split()
        result["floor"], result["floor_pages"] = float(seconds), int(pages)
    return result


def main() -> None:
    print("floor: reportlab's platypus alone, from scratch in a fresh process, laying out and drawing the")
    print("same blocks and the same diagram marks as the pack (benchmarks/pack_floor.py); the pack is timed")
    print("whole in its own fresh process, loop searches and diagrams included.")
    print(f"{'case':<46} {'pages':>6} {'seconds':>8} {'pages/s':>8} {'peak MB':>8} | {'floor s':>8} "
          f"{'pages':>6} {'pack/it':>8}")
    for title, args in (
        ("10 perspectives, 200 variables, 600 claims", [10, 200, 600, 8]),
        ("long pack: 10 perspectives, 200 v, 6,000 claims", [10, 200, 6000, 120]),
    ):
        result = run(args)
        print(f"{title:<46} {result['pages']:>6} {result['seconds']:>8.2f} "
              f"{result['pages'] / result['seconds']:>8.1f} {result['peak_mb']:>8.0f} | "
              f"{result['floor']:>8.2f} {result['floor_pages']:>6} {result['seconds'] / result['floor']:>7.2f}×")


if __name__ == "__main__":
    main()
