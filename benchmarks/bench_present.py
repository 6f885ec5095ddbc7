"""Presenting: from a key press to the painted next step, and a handout of 30 steps.

Each case runs in a fresh process on an offscreen screen of 1920×1080 (the platform's own
configuration file, so the window really is full screen at that size). The storyline is the
one generated from the model. A frame starts when the key press is sent to the window and
ends when the widget that draws the step's page (its canvas, or its table) has finished
painting (a hook on their paintEvent; a paint of any other widget does not end the frame); the steps are stepped through forward and back
with 16 ms of real time between presses, every step counted, the first included. Where
the view glides to a step's area on the same canvas, "landed" times the paint after the
glide ends too. The
handout is a storyline of 30 steps (the generated steps, repeated as needed), built whole.

Run:  python benchmarks/bench_present.py [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCREEN = {"synchronousWindowSystemEvents": False, "windowFrameMargins": False,
          "screens": [{"name": "projector", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96,
                       "logicalBaseDpi": 96, "dpr": 1}]}

CHILD = r'''
import json, sys, time
sys.path.insert(0, sys.argv[3])
from PySide6.QtCore import QEvent, QEventLoop, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from ssm_studio.app.launch import application
app = application()
from ssm_studio.analysis.storyline import generate_storyline
from ssm_studio.app.main_window import MainWindow
from ssm_studio.app.presenting import toggle_presentation
from ssm_studio.app.session import DocumentSession
from ssm_studio.edits import Document
from ssm_studio.storage import RecoveryStore, read_project
import tempfile
from pathlib import Path

case = sys.argv[1]
if case == "map":
    import bench_frames
    project = bench_frames.random_map(1000)
else:
    project = read_project(case).project
project.storylines = [generate_storyline(project)]
ends = {}  # the last paint's end, by widget
def hook(cls):
    original = cls.paintEvent
    def timed(widget, event):
        original(widget, event)
        ends[id(widget)] = time.perf_counter()
    cls.paintEvent = timed
from ssm_studio.app.canvas.view import CanvasView
from ssm_studio.app.pages.stage_tables import SpreadsheetTable
from ssm_studio.app.pages.tables import CatwoeMatrix
for cls in (CanvasView, SpreadsheetTable, CatwoeMatrix):  # what every page paints with
    hook(cls)
window = MainWindow(DocumentSession(Document(project), recovery=RecoveryStore(Path(tempfile.mkdtemp()))))
window.show()
def wait(seconds):
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
wait(0.5)
deadline = time.perf_counter() + 30
while window.scene.report is None and time.perf_counter() < deadline:
    app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
presentation = toggle_presentation(window, presenter=False)
wait(0.3)
assert window.isFullScreen() and window.width() == 1920, (window.width(), window.height())
steps = len(project.storylines[0].steps)
times = []
def painter_of(page):
    """The widget that draws the page now shown: its canvas, or its table."""
    if page.view is not None:
        return page.view
    return next(w for w in page.widget.findChildren(QWidget) if isinstance(w, (SpreadsheetTable, CatwoeMatrix))
                and w.isVisible())
def press(key):
    wait(0.016)
    start = time.perf_counter()
    target = window.focusWidget() or window
    app.sendEvent(target, QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier))
    shown = id(painter_of(window.page))  # the step is applied as the key is taken
    deadline = start + 20
    while ends.get(shown, 0.0) < start:
        if time.perf_counter() > deadline:
            raise SystemExit("no paint of the step's page followed the key")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    for _ in range(3):  # paints queued behind the first belong to the same step
        app.processEvents()
    first = (ends[shown] - start) * 1000
    if presentation.glide.running:  # the view travels to the step's area: wait till it lands
        while presentation.glide.running:
            if time.perf_counter() > deadline:
                raise SystemExit("the glide never landed")
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        # Its last frame is where it lands (a landing repaints only if the view was not
        # there yet): the step is settled at the last paint once nothing more is queued.
        for _ in range(3):
            app.processEvents()
    return first, (ends[shown] - start) * 1000
settled = []
for key in [Qt.Key.Key_Right] * (steps - 1) + [Qt.Key.Key_Left] * (steps - 1):
    first, rest = press(key)
    times.append(first)
    settled.append(rest)
presentation.stop()
# The handout of 30 steps.
from ssm_studio.report.handout import build_handout
told = project.storylines[0]
while len(told.steps) < 30:
    told.steps += [s.model_copy(update={"id": f"{s.id}-{len(told.steps)}"}) for s in told.steps[:30 - len(told.steps)]]
start = time.perf_counter()
with tempfile.TemporaryDirectory() as folder:
    build_handout(project, folder + "/handout.pdf")
handout = time.perf_counter() - start
window.session.undo_stack.setClean()
window.close()
print(json.dumps({"times": times, "settled": settled, "steps": steps, "handout": handout}))
'''


def run(case: str, config: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    out = subprocess.run([sys.executable, "-c", CHILD, case, "", str(HERE)], capture_output=True, text=True, env=env,
                         timeout=1200)
    if out.returncode:
        raise SystemExit(out.stderr[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    config = os.path.join(tempfile.mkdtemp(), "screens.json")
    with open(config, "w") as out:
        json.dump(SCREEN, out)
    examples = sorted((HERE.parent / "examples").glob("*.ssm"))
    cases = [(e.stem, str(e)) for e in examples] + [("random map, 1,000 variables", "map")]
    print("key press -> the next step painted, full screen 1920x1080 (ms); every step forward and back;")
    print(f"median of {options.runs} fresh processes (range of their medians); p95 over all steps; handout of 30 steps (s)")
    print("landed: to the paint after the view's glide to the step's area ends (220 ms by design), where it glides")
    print(f"{'case':<32} {'steps':>5} | {'median':>7} {'(range)':>15} {'p95':>7} | {'landed med':>10} {'p95':>7}"
          f" | {'handout s':>9}")
    for name, case in cases:
        results = [run(case, config) for _ in range(options.runs)]
        medians = [statistics.median(r["times"]) for r in results]
        every = sorted(t for r in results for t in r["times"])
        p95 = every[int(0.95 * (len(every) - 1))]
        handout = statistics.median(r["handout"] for r in results)
        landed = sorted(t for r in results for t in r["settled"])
        landed_med = statistics.median(statistics.median(r["settled"]) for r in results)
        print(f"{name:<32} {results[0]['steps']:>5} | {statistics.median(medians):>7.1f} "
              f"{f'({min(medians):.1f}–{max(medians):.1f})':>15} {p95:>7.1f} | {landed_med:>10.1f} "
              f"{landed[int(0.95 * (len(landed) - 1))]:>7.1f} | {handout:>9.2f}")


if __name__ == "__main__":
    main()
