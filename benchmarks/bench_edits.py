"""What one edit costs with the whole main window open, beside the edit alone.

For 60, 1,000 and 5,000 variables (three claims each): a variable move, a rename and a new
causal link, timed three ways:
- document: applied to a bare Document with nobody listening (the model's floor);
- edit + canvas: applied to a Document whose causal-loop scene follows it in a shown
  1600×1000 view: the edit as a user sees it, and the "bare edit" of the goal;
- window: pushed through the session of the main window shown at 1600×1000 with every panel
  visible (navigator, perspectives, loops, inspector showing a variable, root definition,
  history), undo stack included.
Each column counts what runs synchronously on the edit; painting happens later, in frames
(bench_canvas.py), and loop searches run on a worker thread, in neither column.

Run:  QT_QPA_PLATFORM=offscreen python benchmarks/bench_edits.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_canvas import diagram  # noqa: E402

from ssm_studio.app.launch import application  # noqa: E402
from ssm_studio.app.main_window import MainWindow  # noqa: E402
from ssm_studio.app.session import DocumentSession  # noqa: E402
from ssm_studio.edits import Document  # noqa: E402
from ssm_studio.edits.causal_edits import add_link, move_variables, remove_links, rename_variable  # noqa: E402
from ssm_studio.model import CausalLink  # noqa: E402
from ssm_studio.storage import RecoveryStore  # noqa: E402

REPEATS = 15


def settle(app, scene) -> None:
    """Both setups time edits with the loops found and their labels on the canvas."""
    deadline = time.perf_counter() + 10
    while scene.report is None and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.005)
    app.processEvents()


def edits_for(project, i: int):
    """One of each kind, different each time so no edit is a no-op."""
    v = project.cld.variables[i % len(project.cld.variables)]
    w = project.cld.variables[(i * 7 + 3) % len(project.cld.variables)]
    claim = CausalLink(source=v.id, target=w.id, perspective=project.perspectives[i % 4].id)
    return {
        "move": move_variables({v.id: (v.x + 13.0, v.y - 7.0)}),
        "rename": rename_variable(v.id, f"Renamed {i}"),
        "new link": add_link(claim),
    }, claim.id


def time_edits(project, push, after=lambda: None) -> dict[str, float]:
    """Median ms of each kind of edit through ``push``; ``after`` runs untimed after each
    (the window's event loop, so queued work and repaints stay out of the timing)."""
    times: dict[str, list[float]] = {"move": [], "rename": [], "new link": []}
    for i in range(REPEATS):
        edits, claim = edits_for(project, i)
        for kind, edit in edits.items():
            started = time.perf_counter()
            push(edit)
            times[kind].append(time.perf_counter() - started)
            after()
        push(remove_links({claim}))
        after()
    return {kind: statistics.median(values) * 1000 for kind, values in times.items()}


def time_bare(n: int) -> dict[str, float]:
    document = Document(diagram(n))
    return time_edits(document.project, document.apply)


def time_canvas(app, n: int) -> dict[str, float]:
    from ssm_studio.app.canvas.view import CanvasView
    from ssm_studio.app.loop_feed import LoopFeed
    from ssm_studio.render.cld_scene import CldScene
    from ssm_studio.render.layers import LayerState
    from ssm_studio.workspace.loop_tracker import LoopTracker

    document = Document(diagram(n))
    scene = CldScene(document, LayerState())
    tracker = LoopTracker(document)
    LoopFeed(tracker, scene)  # as the app's pages do: loops searched off the UI thread after edits
    view = CanvasView(scene)
    view.resize(1600, 1000)
    view.show()
    settle(app, scene)
    result = time_edits(document.project, document.apply, app.processEvents)
    view.close()
    scene.close()
    tracker.close()
    return result


def time_window(app, n: int) -> dict[str, float]:
    session = DocumentSession(Document(diagram(n)), recovery=RecoveryStore(tempfile.mkdtemp()))
    window = MainWindow(session)
    window.resize(1600, 1000)
    window.show()
    for dock in window._docks.values():
        dock.show()
    app.processEvents()
    project = session.document.project
    window.editor.select({project.cld.variables[0].id})  # the inspector shows a variable
    settle(app, window.scene)
    result = time_edits(project, session.push, app.processEvents)
    session.undo_stack.setClean()
    window.close()
    return result


def main() -> None:
    app = application()
    print(f"median of {REPEATS}, ms; window = main window at 1600×1000 with every panel shown")
    print(f"{'variables':>10} {'edit':>9} {'document':>9} {'edit+canvas':>12} {'window':>8} {'window/canvas':>14}")
    for n in (60, 1_000, 5_000):
        bare, canvas, whole = time_bare(n), time_canvas(app, n), time_window(app, n)
        for kind in ("move", "rename", "new link"):
            print(f"{n:>10,} {kind:>9} {bare[kind]:9.2f} {canvas[kind]:12.2f} {whole[kind]:8.2f} "
                  f"{whole[kind] / canvas[kind]:13.1f}×")


if __name__ == "__main__":
    main()
