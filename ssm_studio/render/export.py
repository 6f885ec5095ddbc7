"""Diagrams out of Qt: SVG (vector, text kept as text), PNG at a chosen DPI, and PDF.

The pack and every export draw through the same scene as the screen, so print matches it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsScene

from ..analysis import LoopReport
from ..edits import Document
from ..model import Project
from ..storage import write_bytes_atomically
from .cld_scene import CldScene
from .diagram_scene import DiagramScene
from .layers import LayerState
from .style import CanvasStyle

FORMATS = ("png", "svg", "pdf")


# The least room between two printed boxes, in scene units at the scene's own text size: enough
# for a link's arrowhead and its sign to show between them.
PRINT_GAP = 24.0


def cld_scene(project: Project, perspectives: set[str] | None = None,
              style: CanvasStyle | None = None, loop_budget: float = 0.5,
              only_used: bool = False, loops: LoopReport | None = None, apart: bool = False,
              apart_as: dict[str, tuple[float, float]] | None = None) -> CldScene:
    """A scene of the causal-loop diagram showing only ``perspectives`` (None: all).

    ``only_used`` leaves out the variables those perspectives do not use (on screen they
    are faded context; in print they would crowd the page and slow the conversion).
    ``loops``, the loops of exactly those perspectives found already, are drawn without
    searching again. ``apart`` (print): boxes that would touch, on screen or once their
    words are enlarged, are drawn moved apart, so no box hides another's links. ``apart_as``:
    the centres ``separated_places`` found for a wider view (every variable any perspective
    uses), so several views of one diagram are moved apart once, and alike."""
    if loops is None:  # nobody searched for this export: search once, for what it shows
        from ..analysis import find_loops

        everyone = {p.id for p in project.perspectives}
        chosen = None if perspectives is None or set(perspectives) == everyone else perspectives
        loops = find_loops(project, chosen, time_budget=loop_budget)
    if apart_as:
        return _cld_scene(_moved(project, apart_as), perspectives, style, only_used, loops)
    scene = _cld_scene(project, perspectives, style, only_used, loops)
    if apart:
        moved = _separated(scene)
        if moved:
            scene.close()
            scene = _cld_scene(_moved(project, moved), perspectives, style, only_used, loops)
    return scene


def separated_places(project: Project, style: CanvasStyle | None = None) -> dict[str, tuple[float, float]]:
    """Centres that keep apart every variable any perspective uses, printed in ``style``:
    any view showing fewer of them stays apart with them too."""
    from ..analysis import LoopReport

    nothing = LoopReport([], complete=True, complete_up_to_length=0, max_length=None, elapsed=0.0)
    scene = _cld_scene(project, None, style, True, nothing)
    try:
        return _separated(scene)
    finally:
        scene.close()


def _moved(project: Project, moved: dict[str, tuple[float, float]]) -> Project:
    variables = [v.model_copy(update={"x": moved[v.id][0], "y": moved[v.id][1]}) if v.id in moved else v
                 for v in project.cld.variables]
    return project.model_copy(update={"cld": project.cld.model_copy(update={"variables": variables})})


def _separated(scene) -> dict[str, tuple[float, float]]:
    """New centres for the shown boxes of a scene that touch (layout/separation.py)."""
    from ..layout.separation import separate_boxes

    boxes = {}
    for object_id, item in scene.variable_items.items():
        if item.isVisible():
            rect = item.mapRectToScene(item.box)
            boxes[object_id] = (rect.center().x(), rect.center().y(), rect.width(), rect.height())
    gap = PRINT_GAP * scene.style.text_scale
    return separate_boxes(boxes, gap) if len(boxes) > 1 else {}


def _cld_scene(project, perspectives, style, only_used, loops: LoopReport) -> CldScene:
    document = Document(project)
    scene = CldScene(document, LayerState(), style or CanvasStyle(), perspectives=perspectives)
    scene.show_report(loops)
    scene.clearSelection()
    scene.prepare_for_export()
    if only_used:
        for item in scene.variable_items.values():
            if item.base_opacity < 1.0:
                item.setVisible(False)
        scene.geometry_changed()  # what it covers is measured without them
    scene.clear_signs()
    return scene


def rich_picture_scene(project: Project, perspectives: set[str] | None = None,
                       media: dict[str, bytes] | None = None, text_scale: float = 1.0, apart: bool = False):
    """The rich picture with common ground and ``perspectives`` (None: every layer); its
    photos come from ``media`` (the project file's images by key), else show as missing.
    ``text_scale`` enlarges every word with the boxes and bubbles around it (for print).
    ``apart`` (print): figures, words, bubbles and photos that would cover one another are
    drawn moved apart, and each perspective's layer is outlined in its colour and dash, so
    the key tells the layers apart (on paper, in greyscale too)."""
    from .rp_scene import RpScene

    layers = LayerState()
    if perspectives is not None:
        layers.know([p.id for p in project.perspectives])
        layers.show_only(set(perspectives))
    scene = RpScene(Document(project, media), layers, text_scale)
    scene.prepare_for_export()
    if not apart:
        return scene
    moved = _separated_picture(scene, text_scale)
    if moved:
        scene.close()
        items = [i.model_copy(update={"x": i.x + moved[i.id][0], "y": i.y + moved[i.id][1]}) if i.id in moved else i
                 for i in project.rich_picture.items]
        shifted = project.model_copy(update={"rich_picture": project.rich_picture.model_copy(update={"items": items})})
        scene = RpScene(Document(shifted, media), layers, text_scale)
        scene.prepare_for_export()
    _outline_layers(scene, project)
    return scene


def _solid_rects(scene) -> dict[str, QRectF]:
    """What of each picture item must stay clear of the others: a figure with its label, a
    text, a bubble's body, a photo (ink, connectors and drawn shapes may cross things)."""
    from .rp_items import BubbleItem, PictureItem, StencilItem, TextBlockItem

    rects = {}
    for item_id, item in scene.variable_items.items():
        if not item.isVisible():
            continue
        if isinstance(item, StencilItem):
            local = QRectF(-item.w / 2, -item.h / 2, item.w, item.h)
            if item.label:
                local = local.united(item.label_box())
        elif isinstance(item, BubbleItem):
            local = item.body()
        elif isinstance(item, TextBlockItem):
            local = item.box
        elif isinstance(item, PictureItem):
            local = item.boundingRect()
        else:
            continue
        rects[item_id] = item.mapRectToScene(local)
    return rects


def _separated_picture(scene, text_scale: float) -> dict[str, tuple[float, float]]:
    """How far each picture item must move so that no two cover each other."""
    from ..layout.separation import separate_boxes

    rects = _solid_rects(scene)
    boxes = {k: (r.center().x(), r.center().y(), r.width(), r.height()) for k, r in rects.items()}
    moved = separate_boxes(boxes, 6.0 * text_scale) if len(boxes) > 1 else {}
    return {k: (x - boxes[k][0], y - boxes[k][1]) for k, (x, y) in moved.items()}


def _outline_layers(scene, project: Project) -> None:
    """A rounded outline in its perspective's pen round every item on a perspective's layer."""
    from PySide6.QtGui import QPainterPath
    from PySide6.QtWidgets import QGraphicsPathItem

    from .style import perspective_pen

    rects = _solid_rects(scene)
    for item_id, item in scene.variable_items.items():
        perspective = project.perspective(item.layer) if item.layer else None
        if perspective is None or not item.isVisible():
            continue
        rect = rects.get(item_id) or item.sceneBoundingRect()
        path = QPainterPath()
        path.addRoundedRect(rect.adjusted(-4, -4, 4, 4), 8, 8)
        outline = QGraphicsPathItem(path)
        # As thick as a claim's line once the picture is shrunk to print its large words.
        outline.setPen(perspective_pen(perspective.colour, perspective.dash, 1.2 * max(1.0, scene.text_scale)))
        outline.setZValue(item.zValue() - 0.5)
        scene.addItem(outline)


def conceptual_model_scene(project: Project, model_id: str, style: CanvasStyle | None = None,
                           apart: bool = False):
    """One conceptual model, drawn by the canvas's own scene, ready for export; ``apart``
    as for cld_scene."""
    from .cm_scene import CmScene

    scene = CmScene(Document(project), model_id, style or CanvasStyle())
    scene.prepare_for_export()
    moved = _separated(scene) if apart else {}
    if moved:
        scene.close()
        models = [cm.model_copy(update={"activities": [
            a.model_copy(update={"x": moved[a.id][0], "y": moved[a.id][1]}) if a.id in moved else a
            for a in cm.activities]}) if cm.id == model_id else cm for cm in project.conceptual_models]
        scene = CmScene(Document(project.model_copy(update={"conceptual_models": models})), model_id,
                        style or CanvasStyle())
        scene.prepare_for_export()
    return scene


def export_rect(scene: QGraphicsScene) -> QRectF:
    """The whole diagram: a perspective's claims are drawn on all the shared variables,
    and SVG readers do not clip, so nothing may lie outside the exported rectangle."""
    rect = scene.diagram_rect() if isinstance(scene, DiagramScene) else scene.itemsBoundingRect()
    return rect.adjusted(-10, -10, 10, 10)


def to_svg(scene: QGraphicsScene, title: str = "", rect: QRectF | None = None) -> bytes:
    rect = rect or export_rect(scene)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(int(rect.width()), int(rect.height())))
    generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
    generator.setTitle(title)
    generator.setDescription("Drawn by SSM Studio")
    painter = QPainter(generator)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
    painter.end()
    buffer.close()
    return bytes(data)


def to_image(scene: QGraphicsScene, dpi: int = 150, rect: QRectF | None = None) -> QImage:
    """Scene units are screen points at 96 dpi; ``dpi`` scales them for print."""
    rect = rect or export_rect(scene)
    scale = dpi / 96
    width, height = max(1, int(rect.width() * scale)), max(1, int(rect.height() * scale))
    if width * height > 400_000_000:
        raise ValueError(f"a {width} × {height} picture is too large; choose a lower DPI")
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, width, height), rect)
    painter.end()
    # The resolution is recorded only now: set before painting, it made Qt size the text in
    # points for the image's DPI while the boxes kept their screen size, so every label was
    # drawn too large and clipped ("orklessne").
    image.setDotsPerMeterX(int(dpi / 0.0254))
    image.setDotsPerMeterY(int(dpi / 0.0254))
    return image


def to_pdf(scene: QGraphicsScene, title: str = "", rect: QRectF | None = None) -> bytes:
    """One page the size of the diagram (vector; text stays text), as the file's bytes."""
    rect = rect or export_rect(scene)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("SSM Studio")
    writer.setResolution(96)
    writer.setPageSize(QPageSize(QSizeF(rect.width(), rect.height()), QPageSize.Unit.Point))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    painter = QPainter(writer)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    target = QRectF(0, 0, writer.width(), writer.height())
    scene.render(painter, target, rect, Qt.AspectRatioMode.KeepAspectRatio)
    painter.end()
    buffer.close()
    return bytes(data)


def to_png(scene: QGraphicsScene, dpi: int = 150) -> bytes:
    return png_bytes(to_image(scene, dpi))


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise ValueError("the picture could not be encoded as PNG")
    buffer.close()
    return bytes(data)


def write(scene: QGraphicsScene, path: str | Path, fmt: str, dpi: int = 150, title: str = "") -> Path:
    """Draw the whole file in memory, then write it atomically: a full disk or a read-only
    folder raises SaveError (with the reason) and leaves no half-written file."""
    path = Path(path)
    if fmt == "svg":
        data = to_svg(scene, title)
    elif fmt == "png":
        data = to_png(scene, dpi)
    elif fmt == "pdf":
        data = to_pdf(scene, title)
    else:
        raise ValueError(f"unknown format {fmt}")
    write_bytes_atomically(path, data, keep_backup=False)
    return path


def svg_to_png(svg: bytes, dpi: int = 200) -> bytes:
    """An SVG (say, a reportlab drawing) as a PNG at ``dpi``, for documents that want pixels."""
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        raise ValueError("the drawing could not be read as SVG")
    size = renderer.defaultSize()  # in points: 72 to the inch
    scale = dpi / 72.0
    image = QImage(max(1, round(size.width() * scale)), max(1, round(size.height() * scale)),
                   QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    renderer.render(painter)
    painter.end()
    return png_bytes(image)
