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
# Two floors, both reportlab alone working from the pack's finished flowables (every diagram
# already a reportlab drawing, every table made):
# - one pass: laying out and drawing the pages once. The pack's last pass is exactly that, so
#   it is timed on its own, with the save that writes it;
# - multiBuild: how reportlab itself builds a document with a contents page, pass after pass
#   until the page numbers settle, every pass drawing; run afterwards on a copy of the story.
import copy, io
from ssm_studio.report import template
passes, kept = [], {}
build = template.PackTemplate.build
def timed_build(doc, *a, **k):
    start = time.perf_counter()
    try:
        return build(doc, *a, **k)
    finally:
        passes.append((time.perf_counter() - start, doc.drawing, doc.page))
template.PackTemplate.build = timed_build
# Writing the file belongs to the pass that is saved: its time is added to the floor.
from reportlab.pdfgen import canvas as rl_canvas
saves = []
canvas_save = rl_canvas.Canvas.save
def timed_save(canv):
    start = time.perf_counter()
    try:
        return canvas_save(canv)
    finally:
        saves.append(time.perf_counter() - start)
rl_canvas.Canvas.save = timed_save
in_passes = template.PackTemplate.build_in_passes
WITH_MULTIBUILD = len(sys.argv) < 3  # the long pack skips it: a copy of 4,800 pages is gigabytes
def keep_story(doc, story, *a, **k):
    start = time.perf_counter()
    kept["doc"] = doc
    if WITH_MULTIBUILD:
        kept["story"] = copy.deepcopy(story, memo={id(doc): doc})
    kept["copying"] = time.perf_counter() - start  # not the pack's time: taken off below
    return in_passes(doc, story, *a, **k)
template.PackTemplate.build_in_passes = keep_story
with tempfile.TemporaryDirectory() as folder:
    start = time.perf_counter()
    build_pack(proj, folder + "/pack.pdf")
    seconds = time.perf_counter() - start - kept["copying"]
    from pypdf import PdfReader
    pages = len(PdfReader(folder + "/pack.pdf").pages)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
floor, drew, floor_pages = passes[-1]
assert drew, "the last pass is the one that draws"
floor += saves[-1]
multibuild = 0.0
if WITH_MULTIBUILD:
    doc = kept["doc"]
    doc.filename, doc.drawing, doc.progress = io.BytesIO(), True, None
    start = time.perf_counter()
    doc.multiBuild(kept["story"], maxPasses=5)
    multibuild = time.perf_counter() - start
    assert doc.page == pages, (doc.page, pages)
print(json.dumps({"seconds": seconds, "pages": pages, "peak_mb": peak, "floor": floor, "floor_pages": floor_pages,
                  "multibuild": multibuild, "passes": [round(p[0], 2) for p in passes]}))
'''


def run(args, multibuild: bool = True) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    extra = [] if multibuild else ["no-multibuild"]
    out = subprocess.run([sys.executable, "-c", CASE, json.dumps(args), *extra], capture_output=True, text=True,
                         env=env)
    if out.returncode:
        raise SystemExit(out.stderr)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    print("floors: reportlab alone from the pack's finished flowables (diagrams already reportlab drawings):")
    print("  one pass = laying out, drawing and writing the pages once (the pack's own last pass and its save);")
    print("  multiBuild = reportlab's way to a contents page: passes until page numbers settle, each drawing")
    print(f"{'case':<46} {'pages':>6} {'seconds':>8} {'pages/s':>8} {'peak MB':>8} | {'one pass':>8} "
          f"{'pack/it':>8} | {'multiBuild':>10} {'pack/it':>8}")
    for title, args, multibuild in (
        ("10 perspectives, 200 variables, 600 claims", [10, 200, 600, 8], True),
        ("long pack: 10 perspectives, 200 v, 6,000 claims", [10, 200, 6000, 120], False),
    ):
        result = run(args, multibuild)
        if result["floor_pages"] != result["pages"]:
            raise SystemExit(f"the floor laid out {result['floor_pages']} pages, the pack {result['pages']}")
        print(f"{title:<46} {result['pages']:>6} {result['seconds']:>8.2f} "
              f"{result['pages'] / result['seconds']:>8.1f} {result['peak_mb']:>8.0f} | "
              f"{result['floor']:>8.2f} {result['seconds'] / result['floor']:>7.2f}× | "
              + (f"{result['multibuild']:>10.2f} {result['seconds'] / result['multibuild']:>7.2f}×"
                 if result["multibuild"] else f"{'-':>10} {'-':>8}"))


if __name__ == "__main__":
    main()
