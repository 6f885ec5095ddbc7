"""Causal-loop canvas speed: scene build, frame time panning and zoomed to fit.

A frame is a synchronous repaint of a shown 1600×1000 view (offscreen platform, real backing
store), the cold first frame included. The baseline is the same diagram as plain
QGraphicsEllipseItem/QGraphicsLineItem/QGraphicsSimpleTextItem in a default QGraphicsView.

Run:  QT_QPA_PLATFORM=offscreen python benchmarks/bench_canvas.py
"""

from __future__ import annotations

import os
import random
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QPainter, QPixmapCache  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QGraphicsLineItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
)

from ssm_studio.edits import Document  # noqa: E402
from ssm_studio.model import CausalLink, Perspective, Project, Variable, style_for_index  # noqa: E402

W, H = 1600, 1000


def diagram(n: int, seed: int = 1) -> Project:
    rng = random.Random(seed)
    perspectives = [Perspective(name=f"P{i}", colour=style_for_index(i)[0], dash=style_for_index(i)[1])
                    for i in range(4)]
    side = int(n ** 0.5) + 1
    variables = [Variable(name=f"Variable number {i}", x=(i % side) * 200.0, y=(i // side) * 120.0)
                 for i in range(n)]
    links = []
    for _ in range(3 * n):
        a = rng.randrange(n)
        b = min(n - 1, max(0, a + rng.choice([1, -1, side, -side, side + 1])))
        links.append(CausalLink(source=variables[a].id, target=variables[b].id,
                                perspective=rng.choice(perspectives).id, polarity=rng.choice("+-?")))
    project = Project(perspectives=perspectives)
    project.cld.variables, project.cld.links = variables, links
    return project


def frame_times(view: QGraphicsView, rect: QRectF, frames: int, pan: bool) -> list[float]:
    """Frames of the *shown* view: each one is a synchronous repaint of its viewport at its
    real size (the offscreen platform paints into a real backing store). The first frame after
    showing or refitting is cold (nothing cached yet) and is counted like every other."""
    app = QApplication.instance()
    times = []
    for i in range(frames):
        if pan:
            view.centerOn(rect.center() + QPointF((i % 20) * 37.0, (i % 7) * 23.0))
        app.processEvents()  # scrolling's own work happens here, outside the frame
        start = time.perf_counter()
        view.viewport().repaint()
        times.append((time.perf_counter() - start) * 1000)
    return times


def zoom_times(view: QGraphicsView, rect: QRectF, frames: int) -> list[float]:
    """Frames of wheel steps around actual size, each timed from the step to the repainted
    viewport (every one is cold for pictures made at the last size)."""
    app = QApplication.instance()
    view.resetTransform()
    view.centerOn(rect.center())
    app.processEvents()
    times = []
    for i in range(frames):
        factor = 1.2 if (i // 5) % 2 == 0 else 1 / 1.2
        start = time.perf_counter()
        if hasattr(view, "zoom_by"):
            view.zoom_by(factor)  # the app's own wheel step
        else:
            view.scale(factor, factor)
        view.viewport().repaint()
        times.append((time.perf_counter() - start) * 1000)
        app.processEvents()
    return times


def shown(view: QGraphicsView) -> QGraphicsView:
    view.resize(W, H)
    view.show()
    QApplication.instance().processEvents()
    assert view.viewport().width() >= W - 40, "the view must really be shown at the stated size"
    return view


def plain_scene(project: Project) -> QGraphicsScene:
    scene = QGraphicsScene()
    where = {}
    for v in project.cld.variables:
        box = QGraphicsRectItem(-60, -15, 120, 30)
        box.setPos(v.x, v.y)
        scene.addItem(box)
        text = QGraphicsSimpleTextItem(v.name, box)
        text.setPos(-55, -8)
        where[v.id] = (v.x, v.y)
    for lk in project.cld.links:
        (x1, y1), (x2, y2) = where[lk.source], where[lk.target]
        scene.addItem(QGraphicsLineItem(x1, y1, x2, y2))
    return scene


def resident_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def stats(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"{statistics.median(values):7.1f} {p95:7.1f}"


def rich_picture(seed: int = 2) -> tuple[Project, dict[str, bytes]]:
    """2,000 strokes of 50 points, 300 stencils, 100 bubbles and 5 photos."""
    import io

    from PIL import Image

    from ssm_studio.model import Bubble, ImageItem, StencilFigure, Stroke
    from ssm_studio.render.stencils import stencils
    from ssm_studio.storage import media_key

    rng = random.Random(seed)
    names = [s.name for s in stencils()]
    items, media = [], {}
    for _ in range(2000):
        x, y = rng.uniform(0, 6000), rng.uniform(0, 4000)
        points, px, py = [], 0.0, 0.0
        for _ in range(50):
            px, py = px + rng.uniform(-6, 8), py + rng.uniform(-6, 6)
            points.append((round(px, 1), round(py, 1)))
        items.append(Stroke(points=points, x=x, y=y))
    figures = [StencilFigure(stencil=rng.choice(names), label="Someone", x=rng.uniform(0, 6000),
                             y=rng.uniform(0, 4000)) for _ in range(300)]
    items += figures
    items += [Bubble(text="What they say", owner=rng.choice(figures).id, x=rng.uniform(0, 6000),
                     y=rng.uniform(0, 4000)) for _ in range(100)]
    for i in range(5):
        buffer = io.BytesIO()
        Image.new("RGB", (2400, 1800), (200 + i * 10, 190, 180)).save(buffer, "JPEG", quality=80)
        data = buffer.getvalue()
        key = media_key(data, "jpg")
        media[key] = data
        items.append(ImageItem(media=key, width=1200, height=900, x=i * 1300.0, y=2000))
    project = Project()
    project.rich_picture.items = items
    return project, media


def bench_rich_picture() -> None:
    import resource

    from ssm_studio.render.layers import LayerState
    from ssm_studio.render.rp_scene import RpScene

    project, media = rich_picture()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    scene = RpScene(Document(project, media), LayerState())
    build = time.perf_counter() - start
    view = QGraphicsView(scene)
    view.setRenderHints(QPainter.RenderHint.Antialiasing)
    rect = scene.diagram_rect()
    scene.setSceneRect(rect)
    shown(view)
    pan = frame_times(view, rect, 40, pan=True)
    view.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
    fit = frame_times(view, rect, 10, pan=False)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("\nrich picture: 2,000 strokes × 50 points, 300 stencils, 100 bubbles, 5 photos")
    print(f"  build {build:.2f} s | pan median/p95 {stats(pan)} ms | fit median/p95 {stats(fit)} ms | "
          f"peak memory {peak:.0f} MB (process; {before:.0f} MB before building)")
    scene.close()


def main() -> None:
    QApplication.instance() or QApplication([])
    from ssm_studio.analysis import find_loops
    from ssm_studio.app.canvas.view import CanvasView
    from ssm_studio.render.cld_scene import CldScene
    from ssm_studio.render.layers import LayerState

    print(f"frame = one repaint of a shown {W}×{H} view, the cold first frame included; "
          "ms (median, 95th percentile)")
    print("pictures MB: how much the process's resident memory grew over the pan frames (the items' "
          "cached pictures); later rows reuse memory the earlier ones freed, so the first row is the "
          "one to read")
    print(f"{'variables':>9} {'links':>6} {'build s':>8} | {'pan med':>7} {'p95':>7} | {'fit med':>7} {'p95':>7} "
          f"| {'zoom med':>8} {'p95':>7} | {'plain pan':>9} {'p95':>7} | {'plain fit':>9} {'p95':>7} "
          f"| {'plain zoom':>10} {'p95':>7} | {'pictures MB':>11}")
    for n in (100, 1_000, 5_000):
        project = diagram(n)
        start = time.perf_counter()
        scene = CldScene(Document(project), LayerState())
        scene.show_report(find_loops(project, time_budget=0.5))  # the scene draws the loops it is handed
        build = time.perf_counter() - start
        view = shown(CanvasView(scene))  # the app's own canvas view, settings and all
        rect = scene.diagram_rect()
        before = resident_mb()
        pan = frame_times(view, rect, 40, pan=True)
        pictures = resident_mb() - before
        view.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        fit = frame_times(view, rect, 20, pan=False)
        zoom = zoom_times(view, rect, 30)
        plain = plain_scene(project)
        plain.setSceneRect(rect)
        plain_view = QGraphicsView(plain)
        plain_view.setRenderHints(view.renderHints())  # the same antialiasing: a fair peer
        shown(plain_view)
        plain_pan = frame_times(plain_view, rect, 40, pan=True)
        plain_view.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        plain_fit = frame_times(plain_view, rect, 20, pan=False)
        plain_zoom = zoom_times(plain_view, rect, 30)
        print(f"{n:>9,} {3 * n:>6,} {build:>8.2f} | {stats(pan)} | {stats(fit)} | {stats(zoom):>16} | "
              f"{stats(plain_pan):>17} | {stats(plain_fit):>17} | {stats(plain_zoom):>18} | {pictures:>11.0f}")
        QPixmapCache.clear()  # the next size starts cold, as a newly opened project would
        view.close()
        plain_view.close()
        scene.close()
    bench_rich_picture()
    print("\nstart-up to a shown window: benchmarks/bench_startup.py (fresh processes, same stopping rule)")


if __name__ == "__main__":
    main()
