"""Canvas frames as a user feels them: from the input to the end of the paint that shows it.

Each frame starts when an input is sent to the canvas of the *whole main window* (every
panel shown) — a middle-button drag that pans, a wheel step that zooms, the Fit command, a
variable dragged with the select tool, a loop picked in the Loops panel — and ends when the
canvas's paint that follows it has finished (a hook on the view's paintEvent). Nothing is
painted in an untimed step first: scrolling, the scene's own work and every cold cache are
inside the frame. Between inputs the app gets 16 ms of real time, a mouse's rate, and any
work it leaves over lands in the next frame, as a user would feel it. Pans travel 40 px a
move for 60 moves, so new items keep coming in. The first frame after the window is shown
is timed from ``show()``.

The peer is plain Qt drawing the same count: a ``QGraphicsRectItem`` with a
``QGraphicsSimpleTextItem`` per variable and a ``QGraphicsPathItem`` per claim, with the same
pens (colours, widths, dashes) and the same device-coordinate caching as ours, in a view of
the same viewport size, driven by the same inputs through the same hook. Ours and the peer
alternate which goes first in each fresh process.

Diagrams: the benchmark grid (variables in rows, short links between neighbours) and a map as
a user makes one: random links between random variables, laid out by the product as an
import would be (``layout.layout``), so long links cross the whole map.

Run:  QT_QPA_PLATFORM=offscreen python benchmarks/bench_frames.py [--runs 3] [--sizes 1000,5000]
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
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QEvent, QEventLoop, QPoint, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QMouseEvent, QPainter, QPainterPath, QWheelEvent  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QMainWindow,
)

GAP_MS = 16.0  # real time between a user's inputs
TIMEOUT_S = 20.0  # a frame that never comes fails the run rather than hanging it
SIZES = ((1600, 1000), (1366, 768))


class PaintClock:
    """When the canvas last finished painting; installed on a view class's paintEvent."""

    def __init__(self) -> None:
        self.ends: dict[int, float] = {}  # by id of the view that painted: only the view under test counts

    def hook(self, view_class) -> None:
        original = view_class.paintEvent
        clock = self

        def timed(view, event):
            original(view, event)
            clock.ends[id(view)] = time.perf_counter()

        view_class.paintEvent = timed

    def last_end(self, view) -> float:
        return self.ends.get(id(view), 0.0)


CLOCK = PaintClock()


def _wait(seconds: float) -> None:
    app = QApplication.instance()
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def frame(view, send) -> float:
    """ms from ``send()`` to the end of ``view``'s next paint."""
    app = QApplication.instance()
    _wait(GAP_MS / 1000)
    start = time.perf_counter()
    send()
    deadline = start + TIMEOUT_S
    while CLOCK.last_end(view) < start:
        if time.perf_counter() > deadline:
            raise RuntimeError("no paint followed the input")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    # The first paint may show only part of the change (a scroll blits the viewport and
    # paints the strip it exposed, then the rest follows): paints already queued behind it
    # belong to the same frame.
    for _ in range(3):
        app.processEvents()
    return (CLOCK.last_end(view) - start) * 1000


def _mouse(view, kind, at: QPointF, button, buttons) -> None:
    event = QMouseEvent(kind, at, view.viewport().mapToGlobal(at.toPoint()).toPointF(), button, buttons,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), event)


def _move(view, at: QPointF, held):
    point = QPointF(at)
    return lambda: _mouse(view, QEvent.Type.MouseMove, point, Qt.MouseButton.NoButton, held)


def pan_frames(view, moves: int = 60, step: float = 40.0) -> list[float]:
    """A middle-button drag across the map: each move a frame, new items coming in."""
    centre = QPointF(view.viewport().rect().center())
    middle = Qt.MouseButton.MiddleButton
    _mouse(view, QEvent.Type.MouseButtonPress, centre, middle, middle)
    times, at = [], QPointF(centre)
    for i in range(moves):
        direction = -1 if (i // 30) % 2 == 0 else 1  # there and back, 1,200 px each way
        at = at + QPointF(direction * step, direction * step * 0.25)
        times.append(frame(view, _move(view, at, middle)))
    _mouse(view, QEvent.Type.MouseButtonRelease, at, middle, Qt.MouseButton.NoButton)
    return times


def zoom_frames(view, middle, steps: int = 30) -> list[float]:
    """Wheel steps at the centre of the map: in five, out five, and so on."""
    view.resetTransform()
    view.centerOn(middle.x, middle.y)
    _wait(0.05)
    centre = QPointF(view.viewport().rect().center())
    times = []
    for i in range(steps):
        delta = 120 if (i // 5) % 2 == 0 else -120
        event = QWheelEvent(centre, view.viewport().mapToGlobal(centre.toPoint()).toPointF(), QPoint(0, 0),
                            QPoint(0, delta), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                            Qt.ScrollPhase.NoScrollPhase, False)
        times.append(frame(view, lambda e=event: QApplication.sendEvent(view.viewport(), e)))
        shown = view.mapToScene(view.viewport().rect()).boundingRect()
        if not shown.contains(QPointF(middle.x, middle.y)):  # a zoom off the map measures nothing
            raise RuntimeError(f"the zoom left the map: {shown} does not hold the centre")
    return times


def fit_frames(view, fit, places: list[QPointF]) -> list[float]:
    """Fit from actual size at places across the map (each fit starts from a close view)."""
    times = []
    for place in places:
        view.resetTransform()
        view.centerOn(place)
        _wait(0.05)
        times.append(frame(view, fit))
    return times


def drag_frames(view, item_centre: QPointF, moves: int = 30) -> list[float]:
    left = Qt.MouseButton.LeftButton
    at = view.mapFromScene(item_centre).toPointF()
    _mouse(view, QEvent.Type.MouseButtonPress, at, left, left)
    times = []
    for i in range(moves):
        at = at + QPointF(6.0, 3.0 if i % 2 else -2.0)
        times.append(frame(view, _move(view, at, left)))
    _mouse(view, QEvent.Type.MouseButtonRelease, at, left, Qt.MouseButton.NoButton)
    return times


# Diagrams ------------------------------------------------------------------------------
def grid_map(n: int):
    from bench_canvas import diagram

    return diagram(n)


def random_map(n: int, seed: int = 3):
    """Random links between random variables, laid out by the product as an import is."""
    from ssm_studio.layout.graphviz_layout import layout
    from ssm_studio.model import CausalLink, Perspective, Project, Variable, style_for_index

    rng = random.Random(seed)
    perspectives = [Perspective(name=f"P{i}", colour=style_for_index(i)[0], dash=style_for_index(i)[1])
                    for i in range(4)]
    # Ids numbered, not random: the layout's result depends on their order, and every
    # process must draw the same map.
    variables = [Variable(id=f"v{i:05d}", name=f"Random variable {i}") for i in range(n)]
    links = []
    for _ in range(3 * n):
        a, b = rng.sample(range(n), 2)
        links.append(CausalLink(source=variables[a].id, target=variables[b].id,
                                perspective=rng.choice(perspectives).id, polarity=rng.choice("+-?")))
    places = layout([v.id for v in variables], [(lk.source, lk.target) for lk in links]).positions
    for v in variables:
        v.x, v.y = places[v.id]
    project = Project(perspectives=perspectives)
    project.cld.variables, project.cld.links = variables, links
    return project


MAPS = {"grid": grid_map, "random": random_map}


def central_variable(project):
    """Where every pan, zoom and drag starts, for ours and the peer alike: the variable
    nearest the middle of the map (Graphviz's layouts differ a little between processes,
    and a corner of a map is emptier than its middle)."""
    variables = project.cld.variables
    cx = (min(v.x for v in variables) + max(v.x for v in variables)) / 2
    cy = (min(v.y for v in variables) + max(v.y for v in variables)) / 2
    return min(variables, key=lambda v: (v.x - cx) ** 2 + (v.y - cy) ** 2)


# Ours: the whole window ----------------------------------------------------------------
def our_window(project, size):
    from ssm_studio.app.canvas.view import CanvasView
    from ssm_studio.app.main_window import MainWindow
    from ssm_studio.app.session import DocumentSession
    from ssm_studio.edits import Document
    from ssm_studio.storage import RecoveryStore

    if not getattr(CanvasView, "_timed", False):
        CLOCK.hook(CanvasView)
        CanvasView._timed = True
    folder = Path(tempfile.mkdtemp())
    window = MainWindow(DocumentSession(Document(project), recovery=RecoveryStore(folder / "recovery")))
    window.resize(*size)
    for dock in window._docks.values():  # every panel shown, as the window opens
        dock.show()
    start = time.perf_counter()
    window.show()
    first = _first_paint(window.view, start)
    return window, window.view, first


def _first_paint(view, start: float) -> float:
    app = QApplication.instance()
    deadline = start + 60
    while CLOCK.last_end(view) < start:
        if time.perf_counter() > deadline:
            raise RuntimeError("the canvas never painted")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    return (CLOCK.last_end(view) - start) * 1000


def run_ours(project, size) -> dict:
    window, view, first = our_window(project, size)
    app = QApplication.instance()
    deadline = time.perf_counter() + 30
    while window.scene.report is None and time.perf_counter() < deadline:  # loops found off the UI thread
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    view.resetTransform()
    middle = central_variable(window.session.document.project)
    view.centerOn(middle.x, middle.y)
    _wait(0.1)
    result = {"first": first, "viewport": [view.viewport().width(), view.viewport().height()]}
    result["pan"] = pan_frames(view)
    result["zoom"] = zoom_frames(view, middle)
    rect = window.scene.diagram_rect()
    places = [QPointF(rect.left() + rect.width() * f, rect.top() + rect.height() * g)
              for f, g in ((0.2, 0.3), (0.5, 0.5), (0.8, 0.7), (0.3, 0.8), (0.7, 0.2))]
    result["fit"] = fit_frames(view, window.actions_["zoom_fit"].trigger, places)
    view.resetTransform()
    view.centerOn(middle.x, middle.y)
    window.actions_["tool_select"].trigger()
    _wait(0.05)
    result["drag"] = drag_frames(view, QPointF(middle.x, middle.y))
    window.undo_action.trigger()  # the drag undone (a move leaves the loops as they were)
    _wait(0.05)
    loops = window.loops.list
    rows = min(loops.count(), 10)
    loops.setCurrentRow(-1)  # none highlighted: each pick below changes the picture
    _wait(0.05)
    # Pick a loop (the rest fades), then clear it: each a change on screen wherever the
    # loop runs (picking one loop after another off screen would change nothing in view).
    result["loop"] = []
    for r in range(rows):
        result["loop"].append(frame(view, lambda r=r: loops.setCurrentRow(r)))
        result["loop"].append(frame(view, lambda: loops.setCurrentRow(-1)))
    window.session.undo_stack.setClean()
    window.close()
    return result


# The peer: plain items of the same count -----------------------------------------------
class PeerView(QGraphicsView):
    """A plain view that pans with the middle button and zooms with the wheel, as ours."""

    def __init__(self, scene) -> None:
        super().__init__(scene)
        self._from = None
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.MiddleButton:
            self._from = event.position()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._from is not None:
            delta = event.position() - self._from
            self._from = event.position()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - int(delta.x()))
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - int(delta.y()))
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        self._from = None
        super().mouseReleaseEvent(event)

    def wheelEvent(self, event) -> None:
        # About the wheel's own point, as ours: Qt's AnchorUnderMouse asks where the
        # cursor is, and offscreen there is none, so the zoom would drift off the map.
        steps = event.angleDelta().y() / 120
        factor = 1.2 ** steps
        at = event.position().toPoint()
        before = self.mapToScene(at)
        self.scale(factor, factor)
        centre = self.mapToScene(self.viewport().rect().center())
        self.centerOn(centre + (before - self.mapToScene(at)))


def _curve(a: QPointF, b: QPointF) -> QPainterPath:
    path = QPainterPath(a)
    path.quadTo(QPointF((a.x() + b.x()) / 2 + (b.y() - a.y()) * 0.1, (a.y() + b.y()) / 2 - (b.x() - a.x()) * 0.1), b)
    return path


class PeerBox(QGraphicsRectItem):
    """A plain box whose links follow it when dragged, as a plain-Qt diagram app would."""

    def __init__(self) -> None:
        super().__init__(-60, -16, 120, 32)
        self.links: list[tuple[QGraphicsPathItem, PeerBox, PeerBox]] = []
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)  # as our boxes

    def itemChange(self, change, value):
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            for line, source, target in self.links:
                line.setPath(_curve(source.pos(), target.pos()))
        return super().itemChange(change, value)


def peer_scene(project):
    from ssm_studio.render.style import perspective_pen

    scene = QGraphicsScene()
    boxes = {}
    for v in project.cld.variables:
        box = PeerBox()
        box.setPos(v.x, v.y)
        text = QGraphicsSimpleTextItem(v.name, box)
        text.setPos(-55, -8)
        scene.addItem(box)
        boxes[v.id] = box
    styles = {p.id: (p.colour, p.dash) for p in project.perspectives}
    for lk in project.cld.links:
        source, target = boxes[lk.source], boxes[lk.target]
        item = QGraphicsPathItem(_curve(source.pos(), target.pos()))
        item.setPen(perspective_pen(*styles[lk.perspective], 1.8))  # our pens, dashes and all
        item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)  # as our links
        scene.addItem(item)
        source.links.append((item, source, target))
        target.links.append((item, source, target))
    rect = scene.itemsBoundingRect()
    scene.setSceneRect(rect.adjusted(-2000, -2000, 2000, 2000))
    return scene, rect, boxes


def run_peer(project, size, viewport) -> dict:
    if not getattr(PeerView, "_timed", False):
        CLOCK.hook(PeerView)
        PeerView._timed = True
    scene, rect, boxes = peer_scene(project)
    view = PeerView(scene)
    window = QMainWindow()
    window.setCentralWidget(view)
    window.resize(*size)
    start = time.perf_counter()
    window.show()
    first = _first_paint(view, start)
    # The same room for the diagram as our canvas has beside its panels.
    window.resize(window.width() - (view.viewport().width() - viewport[0]),
                  window.height() - (view.viewport().height() - viewport[1]))
    _wait(0.1)
    middle = central_variable(project)
    view.resetTransform()
    view.centerOn(middle.x, middle.y)
    _wait(0.1)
    result = {"first": first, "viewport": [view.viewport().width(), view.viewport().height()]}
    result["pan"] = pan_frames(view)
    result["zoom"] = zoom_frames(view, middle)
    places = [QPointF(rect.left() + rect.width() * f, rect.top() + rect.height() * g)
              for f, g in ((0.2, 0.3), (0.5, 0.5), (0.8, 0.7), (0.3, 0.8), (0.7, 0.2))]
    result["fit"] = fit_frames(view, lambda: view.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio), places)
    view.resetTransform()
    view.centerOn(middle.x, middle.y)
    _wait(0.05)
    result["drag"] = drag_frames(view, QPointF(middle.x, middle.y))
    window.close()
    return result


# One fresh process per run; the parent prints the table -----------------------------------
def child(map_kind: str, n: int, size: tuple[int, int], who: str, viewport: list[int] | None) -> dict:
    """One side in a fresh process of its own: nothing either leaves behind can touch the
    other. The peer is given our canvas's size from our process."""
    QApplication.instance() or QApplication([])
    project = MAPS[map_kind](n)
    if who == "ours":
        return run_ours(project, size)
    assert viewport is not None
    return run_peer(project, size, viewport)


def _run(kind: str, n: int, w: str, h: str, who: str, viewport) -> dict:
    spec = f"{kind}:{n}:{w}:{h}:{who}:" + (f"{viewport[0]}x{viewport[1]}" if viewport else "-")
    out = subprocess.run([sys.executable, __file__, "--child", spec], capture_output=True, text=True, timeout=1800)
    if out.returncode != 0:
        raise SystemExit(f"run failed ({spec}):\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] if ordered else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="1000,5000")
    parser.add_argument("--maps", default="grid,random")
    parser.add_argument("--windows", default="1600x1000,1366x768")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, n, w, h, who, room = args.child.split(":")
        viewport = [int(v) for v in room.split("x")] if room != "-" else None
        print(json.dumps(child(kind, int(n), (int(w), int(h)), who, viewport)))
        return
    print("frame: input sent -> end of the canvas paint that shows it (ms), the whole window with its panels;")
    print(f"median of {args.runs} fresh processes (range of their medians); p95 over all frames; "
          "peer = plain items, same pens and caching, same inputs")
    header = (f"{'map':>6} {'vars':>5} {'window':>9} | {'measure':>7} | {'ours med':>8} {'(range)':>15} {'p95':>7}"
              f" | {'peer med':>8} {'p95':>7} | {'× peer':>6}")
    print(header)
    print("-" * len(header))
    for kind in args.maps.split(","):
        for n in (int(s) for s in args.sizes.split(",")):
            for window in args.windows.split(","):
                w, h = window.split("x")
                runs: list[dict] = []
                viewport = None
                for run in range(args.runs):
                    # Fresh processes, and who goes first alternates; the peer takes our
                    # canvas's size, so the very first run is ours.
                    if run % 2 == 0:
                        ours = _run(kind, n, w, h, "ours", None)
                        viewport = ours["viewport"]
                        peer = _run(kind, n, w, h, "peer", viewport)
                    else:
                        peer = _run(kind, n, w, h, "peer", viewport)
                        ours = _run(kind, n, w, h, "ours", None)
                    runs.append({"ours": ours, "peer": peer})
                for measure in ("first", "pan", "zoom", "fit", "drag", "loop"):
                    ours = [r["ours"][measure] for r in runs]
                    peer = [r["peer"].get(measure) for r in runs]
                    flat = [v for values in ours for v in (values if isinstance(values, list) else [values])]
                    medians = [median(v) if isinstance(v, list) else v for v in ours]
                    peer_flat = [v for values in peer if values is not None
                                 for v in (values if isinstance(values, list) else [values])]
                    peer_medians = [median(v) if isinstance(v, list) else v for v in peer if v is not None]
                    ours_med = median(medians)
                    peer_text, ratio = f"{'—':>8} {'—':>7}", f"{'—':>6}"
                    if peer_medians:
                        peer_med = median(peer_medians)
                        peer_text = f"{peer_med:8.1f} {p95(peer_flat):7.1f}"
                        ratio = f"{ours_med / peer_med:6.2f}" if peer_med > 0 else f"{'—':>6}"
                    spread = f"({min(medians):.1f}–{max(medians):.1f})"
                    print(f"{kind:>6} {n:>5} {window:>9} | {measure:>7} | {ours_med:8.1f} {spread:>15} "
                          f"{p95(flat):7.1f} | {peer_text} | {ratio}")
                sys.stdout.flush()


if __name__ == "__main__":
    main()
