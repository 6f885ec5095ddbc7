"""Building the perspective comparison pack: options, progress, cancel, atomic output."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.platypus import Flowable

from ..analysis import compare_perspectives, find_loops
from ..errors import SsmError
from ..model import Project
from ..storage import write_bytes_atomically
from .fonts import SANS
from .template import PackCancelled, PackTemplate

SECTIONS = ("situation", "perspectives", "comparison", "stage5", "actions", "appendix")
Progress = Callable[[float, str], None]


class PackError(SsmError):
    pass


@dataclass
class PackOptions:
    perspectives: list[str] | None = None  # ids, in the order to print; None: all
    sections: set[str] = field(default_factory=lambda: set(SECTIONS))
    paper: str = "a4"
    landscape: bool = False


class LazyDiagram(Flowable):
    """A diagram that is laid out on every pass but drawn only from the second one: the
    contents page makes reportlab lay the pack out two or three times, and drawing large
    diagrams on a pass whose pages are thrown away was a third of the build time."""

    def __init__(self, drawing, doc) -> None:
        super().__init__()
        self.drawing, self.doc = drawing, doc
        self.width, self.height = drawing.width, drawing.height
        self.hAlign = "CENTER"

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def draw(self) -> None:
        if self.doc.passes > 1:
            renderPDF.draw(self.drawing, self.canv, 0, 0)


def _diagram(scene, width: float, height: float):
    """Qt scene → SVG → reportlab drawing (vector, text selectable), scaled to fit."""
    from svglib.svglib import svg2rlg

    from ..render.export import to_svg

    drawing = svg2rlg(io.BytesIO(to_svg(scene)))
    scale = min(width / drawing.width, height / drawing.height, 1.2)
    drawing.scale(scale, scale)
    drawing.width, drawing.height = drawing.width * scale, drawing.height * scale
    drawing.hAlign = "CENTER"
    drawing.__dict__["fontName"] = SANS  # see tables.swatch
    return drawing


def _model_diagrams(project: Project, chosen: list[str], doc, width: float, height: float) -> dict:
    """Each conceptual model of the chosen perspectives, drawn by the canvas's own scene."""
    from ..render.export import conceptual_model_scene

    rds = {rd.id for rd in project.root_definitions if rd.perspective in chosen}
    drawings = {}
    for cm in project.conceptual_models:
        if cm.root_definition in rds and cm.activities:
            scene = conceptual_model_scene(project, cm.id)
            drawings[cm.id] = LazyDiagram(_diagram(scene, width, height), doc)
            scene.close()
    return drawings


def build_pack(project: Project, out: str | Path, options: PackOptions | None = None,
               progress: Progress | None = None, cancel: Callable[[], bool] | None = None) -> Path:
    """Write the pack to ``out`` (atomically: a cancelled or failed build writes nothing)."""
    from ..render.export import cld_scene
    from ..render.qt_app import ensure_application
    from . import sections
    from .fonts import register_fonts

    options = options or PackOptions()
    if options.paper not in ("a4", "letter"):
        raise PackError(f"paper must be a4 or letter, not '{options.paper}'")
    say = progress or (lambda fraction, message: None)

    def check() -> None:
        if cancel is not None and cancel():
            raise PackCancelled("cancelled")

    register_fonts()
    ensure_application()
    chosen = options.perspectives or [x.id for x in project.perspectives]
    header = f"{project.metadata.title} · perspective comparison pack"
    buffer = io.BytesIO()
    doc = PackTemplate(buffer, options.paper, options.landscape, header, progress, cancel,
                       title=project.metadata.title, author=", ".join(project.metadata.authors) or "SSM Studio",
                       subject="Perspective comparison pack", creator="SSM Studio",
                       keywords="soft systems methodology, CATWOE, causal loop diagram")
    width, height = doc.frame_size()
    wide_width, _ = doc.frame_size(wide=True)
    say(0.02, "Finding loops")
    # A pack of ten perspectives must not spend ten full loop budgets: share three seconds.
    share = min(1.0, 3.0 / max(1, len(chosen)))
    loops = {pid: find_loops(project, [pid], time_budget=share) for pid in chosen}
    check()
    comparison = compare_perspectives(project, chosen, loops=loops)
    diagrams = {}
    if project.cld.variables and ({"perspectives", "comparison"} & options.sections):
        for index, pid in enumerate(chosen):
            check()
            say(0.05 + 0.35 * index / max(1, len(chosen)), "Drawing diagrams")
            scene = cld_scene(project, {pid}, loop_budget=0.1, only_used=True)
            diagrams[pid] = LazyDiagram(_diagram(scene, width, height * 0.62), doc)
            scene.close()
        scene = cld_scene(project, set(chosen), loop_budget=0.3)
        diagrams["overlay"] = LazyDiagram(_diagram(scene, width, height * 0.7), doc)
        scene.close()
    if "perspectives" in options.sections:
        diagrams.update(_model_diagrams(project, chosen, doc, width, height * 0.45))
    if "situation" in options.sections and project.rich_picture.items:
        from ..render.export import rich_picture_scene

        scene = rich_picture_scene(project, set(chosen))
        diagrams["rich-picture"] = LazyDiagram(_diagram(scene, width, height * 0.75), doc)
        scene.close()
    say(0.42, "Writing the pack")
    ctx = sections.Context(project, chosen, width, wide_width, diagrams, loops, comparison)
    story = sections.cover(ctx) + sections.contents()
    if "situation" in options.sections:
        story += sections.situation(ctx)
    if "perspectives" in options.sections:
        for pid in chosen:
            story += sections.perspective_section(ctx, pid)
    if "comparison" in options.sections:
        story += sections.comparison_section(ctx)
    if "stage5" in options.sections:
        story += sections.stage5_section(ctx)
    if "actions" in options.sections:
        story += sections.actions_section(ctx)
    if "appendix" in options.sections:
        story += sections.appendix(ctx)
    check()
    # A first guess for progress; the real count is known after the first layout pass.
    doc.expected_pages = 4 + 3 * len(chosen) * ("perspectives" in options.sections) + 6
    # Two passes fill in the contents page numbers; the first also counts the pages.
    doc.multiBuild(story, maxPasses=4)
    doc.expected_pages = doc.page
    say(1.0, f"Done: {doc.page} pages")
    return _write(Path(out), buffer.getvalue())


def _write(path: Path, data: bytes) -> Path:
    write_bytes_atomically(path, data, keep_backup=False)
    return path
