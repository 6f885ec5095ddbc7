"""Time and peak memory to build the comparison pack; pages per second on a long pack.

Run:  QT_QPA_PLATFORM=offscreen python benchmarks/bench_report.py
Each case runs in a fresh process so peak memory (ru_maxrss) is its own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

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
# The floor: reportlab alone making the same pages from the pack's finished flowables (every
# table made, every diagram already a reportlab drawing): laying them out, drawing them with
# reportlab's own renderer (renderPDF) and writing the file, once. It is timed on a second
# build of the same pack with our diagram writer switched off, counting that build's one
# pass and its save only. Our own pass is printed beside it.
from reportlab.pdfgen import canvas as rl_canvas
from ssm_studio.report import drawing_code, template
passes, saves = [], []
build = template.PackTemplate.build
def timed_build(doc, *a, **k):
    start = time.perf_counter()
    try:
        return build(doc, *a, **k)
    finally:
        passes.append(time.perf_counter() - start)
template.PackTemplate.build = timed_build
canvas_save = rl_canvas.Canvas.save
def timed_save(canv):
    start = time.perf_counter()
    try:
        return canvas_save(canv)
    finally:
        saves.append(time.perf_counter() - start)
rl_canvas.Canvas.save = timed_save
# A loop search cut short by its time budget can list other loops on another run, and the
# pages with them: the floor's build replays the loop searches of ours, so both lay out the
# very same pages (its pass is timed, not its searches).
from ssm_studio.report import pack as pack_module
recorded, replaying = {"find_loops": [], "compare_loops": []}, [False]
def recording(name, real):
    def call(*a, **k):
        if replaying[0]:
            return recorded[name].pop(0)
        recorded[name].append(real(*a, **k))
        return recorded[name][-1]
    return call
pack_module.find_loops = recording("find_loops", pack_module.find_loops)
pack_module.compare_loops = recording("compare_loops", pack_module.compare_loops)
from pypdf import PdfReader
with tempfile.TemporaryDirectory() as folder:
    start = time.perf_counter()
    build_pack(proj, folder + "/pack.pdf")
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    pages = len(PdfReader(folder + "/pack.pdf").pages)
    own_pass, own_passes = sum(passes) + saves[-1], len(passes)
    passes.clear(), saves.clear()
    drawing_code.draw = lambda drawing, canvas: False  # reportlab's renderer draws every diagram
    replaying[0] = True
    build_pack(proj, folder + "/floor.pdf")
    assert len(passes) == 1, passes
    floor = passes[-1] + saves[-1]
    floor_pages = len(PdfReader(folder + "/floor.pdf").pages)
print(json.dumps({"seconds": seconds, "pages": pages, "peak_mb": peak, "floor": floor, "floor_pages": floor_pages,
                  "own_pass": own_pass, "own_passes": own_passes}))
'''


def run(args) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", CASE, json.dumps(args)], capture_output=True, text=True, env=env)
    if out.returncode:
        raise SystemExit(out.stderr)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    print("floor: reportlab alone from the pack's finished flowables (tables made, diagrams already reportlab")
    print("drawings): laying out, drawing with reportlab's renderer and writing the same pages, once.")
    print("our pass: the pack's own layout-and-drawing pass and save (diagrams written by drawing_code).")
    print(f"{'case':<46} {'pages':>6} {'seconds':>8} {'pages/s':>8} {'peak MB':>8} | {'floor s':>8} "
          f"{'pack/it':>8} | {'our pass':>8} {'passes':>6}")
    for title, args in (
        ("10 perspectives, 200 variables, 600 claims", [10, 200, 600, 8]),
        ("long pack: 10 perspectives, 200 v, 6,000 claims", [10, 200, 6000, 120]),
    ):
        result = run(args)
        if result["floor_pages"] != result["pages"]:
            raise SystemExit(f"the floor laid out {result['floor_pages']} pages, the pack {result['pages']}")
        print(f"{title:<46} {result['pages']:>6} {result['seconds']:>8.2f} "
              f"{result['pages'] / result['seconds']:>8.1f} {result['peak_mb']:>8.0f} | "
              f"{result['floor']:>8.2f} {result['seconds'] / result['floor']:>7.2f}× | "
              f"{result['own_pass']:>8.2f} {result['own_passes']:>6}")


if __name__ == "__main__":
    main()
