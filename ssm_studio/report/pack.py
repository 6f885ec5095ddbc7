"""Building the perspective comparison pack: options, progress, cancel, atomic output."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..analysis import compare_perspectives, find_loops
from ..analysis.loop_comparison import compare_loops
from ..errors import SsmError
from ..model import Project
from ..storage import write_bytes_atomically
from . import sections as sections_module
from .fonts import SANS
from .sections import MAX_DRAWN_LOOP_LENGTH, MAX_DRAWN_LOOPS
from .template import PackCancelled, PackTemplate

SECTIONS = ("summary", "situation", "perspectives", "comparison", "loops", "stage5", "actions", "spotlight",
            "journeys", "appendix")
Progress = Callable[[float, str], None]


class PackError(SsmError):
    pass


@dataclass
class PackOptions:
    perspectives: list[str] | None = None  # ids, in the order to print; None: all
    sections: set[str] = field(default_factory=lambda: set(SECTIONS))
    paper: str = "a4"
    landscape: bool = False
    a3_overlay: bool = False  # the overlay of every perspective on an A3 landscape page
    storyline: str | None = None  # a storyline's name: its handout appended to the pack


def _drawing(scene):
    """Qt scene → SVG → reportlab drawing (vector, text selectable), at the scene's own size:
    the writer chooses the scale that keeps its text legible."""
    from svglib.svglib import svg2rlg

    from ..render.diagram_scene import DiagramScene
    from ..render.export import to_svg
    from .svg_drawing import Unsupported, svg_drawing

    svg = to_svg(scene)
    try:
        drawing = svg_drawing(svg)  # Qt's own SVG, read directly (a tenth of svglib's time)
    except Unsupported:
        drawing = svg2rlg(io.BytesIO(svg))  # a photo, or anything else Qt rarely writes
    drawing.hAlign = "CENTER"
    drawing.__dict__["fontName"] = SANS  # see tables.swatch
    if not isinstance(scene, DiagramScene):  # any other drawing: nothing to measure
        return drawing
    smallest = scene.smallest_label()
    if smallest is not None:  # a picture: its labels, not its icons' words, must be legible
        drawing.__dict__["smallest_label"] = smallest
    elif scene.variable_items:  # how much paper its boxes alone need
        drawing.__dict__["box_area"] = sum(item.box.width() * item.box.height()
                                           for item in scene.variable_items.values() if item.isVisible())
    return drawing


def _scenes(project: Project, chosen: list[str], sections: set[str], holdings,
            loops: dict | None = None, everything=None, media: dict[str, bytes] | None = None) -> dict:
    """Makers of every figure the chosen sections show, by key; each makes a scene or a
    drawing when called, so the PDF and the Word writer draw only what they use."""
    from ..render.export import cld_scene, conceptual_model_scene, rich_picture_scene
    from ..render.style import CanvasStyle
    from .loop_drawing import loop_drawing

    makers: dict = {}
    # Every figure can be drawn again with larger words (their boxes grow to fit them): that
    # is how a large diagram keeps 8-point labels on paper. Printed boxes never touch (apart).
    if project.cld.variables and "perspectives" in sections:
        for pid in chosen:
            makers[pid] = lambda text_scale=1.0, pid=pid: cld_scene(
                project, {pid}, CanvasStyle(text_scale=text_scale), loop_budget=0.1, only_used=True,
                loops=(loops or {}).get(pid), apart=True)
    if project.cld.variables and "comparison" in sections:
        all_of_them = set(chosen) == {p.id for p in project.perspectives}
        makers["overlay"] = lambda text_scale=1.0: cld_scene(project, set(chosen), CanvasStyle(text_scale=text_scale),
                                                             loop_budget=0.3,
                                                             loops=everything if all_of_them else None, apart=True)
    if "perspectives" in sections:
        rds = {rd.id for rd in project.root_definitions if rd.perspective in chosen}
        for cm in project.conceptual_models:
            if cm.root_definition in rds and cm.activities:
                makers[cm.id] = lambda text_scale=1.0, cm=cm: conceptual_model_scene(
                    project, cm.id, CanvasStyle(text_scale=text_scale), apart=True)
    if "situation" in sections and project.rich_picture.items:
        makers["rich-picture"] = lambda text_scale=1.0: rich_picture_scene(project, set(chosen), media, text_scale,
                                                                           apart=True)
    names = {v.id: v.name for v in project.cld.variables}
    styles = {pid: project.perspective(pid) for pid in chosen}
    if "loops" in sections:
        drawable = [h for h in holdings if h.combined_only and 2 <= h.loop.length <= MAX_DRAWN_LOOP_LENGTH]
        for h in drawable[:MAX_DRAWN_LOOPS]:
            makers[f"loop:{h.loop.key}"] = lambda text_scale=1.0, h=h: loop_drawing(h.loop, names, styles,
                                                                                     text_scale=text_scale)
    return makers


def _splits(project: Project, chosen: list[str], loops: dict, makers: dict) -> dict:
    """For each perspective's diagram, its loops drawn one by one: what the PDF prints in its
    place if the whole diagram cannot be printed with legible labels. Their makers are added
    to ``makers``; each draws only if the PDF asks for it."""
    from .loop_drawing import loop_drawing

    names = {v.id: v.name for v in project.cld.variables}
    splits = {}
    for pid in chosen:
        if pid not in makers:
            continue
        own = {pid: project.perspective(pid)}
        splits[pid] = []
        for loop in [lp for lp in loops[pid].loops if 2 <= lp.length <= MAX_DRAWN_LOOP_LENGTH][:MAX_DRAWN_LOOPS]:
            key = f"loop-of:{pid}:{loop.key}"
            makers[key] = lambda text_scale=1.0, loop=loop, own=own: loop_drawing(loop, names, own,
                                                                                  text_scale=text_scale)
            title = f"{loop.label} {loop.name}".strip()
            members = " \u2192 ".join(names[v] for v in (loop.variables + loop.variables[:1])[:MAX_DRAWN_LOOP_LENGTH + 1])
            splits[pid].append((key, f"Loop {title}.", f"Loop {title}: {members}."))
    return splits


def build_pack(project: Project, out: str | Path, options: PackOptions | None = None,
               progress: Progress | None = None, cancel: Callable[[], bool] | None = None,
               media: dict[str, bytes] | None = None) -> Path:
    """Write the pack to ``out`` (atomically: a cancelled or failed build writes nothing).
    A ``.docx`` name writes the Word document of the same sections; anything else, the PDF.
    ``media``: the project file's images by key, for the photos in the rich picture."""
    options = options or PackOptions()
    if options.paper not in ("a4", "letter"):
        raise PackError(f"paper must be a4 or letter, not '{options.paper}'")
    say, check = _prepare(progress, cancel)
    chosen = options.perspectives or [x.id for x in project.perspectives]
    say(0.02, "Finding loops")
    known = {n.key: (n.label, n.name) for n in project.cld.loop_names}
    # A pack of ten perspectives must not spend ten full loop budgets: share three seconds.
    # Every claim is searched once, for the labels all the others follow.
    share = min(1.0, 3.0 / max(1, len(chosen)))
    every_one = set(chosen) == {p.id for p in project.perspectives}
    # When every perspective is in the pack this search is also the loop comparison's.
    everything = find_loops(project, None, time_budget=1.5 if every_one else share, known_labels=known)
    loops = {pid: find_loops(project, [pid], time_budget=share, known_labels=known, labels_of_all=everything)
             for pid in chosen}
    check()
    comparison = compare_perspectives(project, chosen, loops=loops)
    holdings = compare_loops(project, chosen, time_budget=1.5, known_labels=known,
                             report=everything if every_one else None)
    check()
    makers = _scenes(project, chosen, options.sections, holdings.holdings, loops, everything, media)
    if "journeys" in options.sections:
        from .journey_sections import journey_makers

        makers.update(journey_makers(project))
    ctx = sections_module.Context(project, chosen, loops, comparison, holdings, set(makers), everything)
    blocks = _blocks(ctx, options.sections)
    if options.storyline is not None:  # the storyline's frames after the pack's own sections
        from .handout import choose_storyline, handout_blocks

        told, frames = handout_blocks(project, choose_storyline(project, options.storyline), media, title_page=False)
        blocks += told
        makers.update(frames)
    if Path(out).suffix.lower() == ".docx":
        from .docx_writer import write_docx

        data = write_docx(project, blocks, makers, say, check)
        say(1.0, "Done")
        return _write(Path(out), data)
    splits = _splits(project, chosen, loops, makers)  # Word pictures are never split
    return _write(Path(out), _pdf(project, chosen, options, blocks, makers, splits, say, check, progress, cancel))


def _prepare(progress: Progress | None, cancel: Callable[[], bool] | None):
    """What every printed document needs first: its fonts, a Qt application for the
    diagrams, a progress callback and a check that raises PackCancelled when asked."""
    from ..render.qt_app import ensure_application
    from .fonts import register_fonts

    say = progress or (lambda fraction, message: None)

    def check() -> None:
        if cancel is not None and cancel():
            raise PackCancelled("cancelled")

    register_fonts()
    ensure_application()
    return say, check


def _blocks(ctx, sections: set[str]) -> list:
    s = sections_module
    story = s.cover(ctx) + s.contents()
    if "summary" in sections:
        story += s.summary(ctx)
    if "situation" in sections:
        story += s.situation(ctx)
    if "perspectives" in sections:
        for pid in ctx.perspectives:
            story += s.perspective_section(ctx, pid)
    if "comparison" in sections:
        story += s.comparison_section(ctx)
    if "loops" in sections:
        story += s.loop_comparison_section(ctx)
    if "stage5" in sections:
        story += s.stage5_section(ctx)
    if "actions" in sections:
        story += s.actions_section(ctx)
    if "spotlight" in sections:  # only where the project has a SPOTlight review
        from .spotlight_sections import spotlight_section

        story += spotlight_section(ctx)
    if "journeys" in sections:  # only where the project has client journeys
        from .journey_sections import journeys_section

        story += journeys_section(ctx)
    if "appendix" in sections:
        story += s.appendix(ctx)
    return story


def _pdf(project, chosen, options, blocks, makers, splits, say, check, progress, cancel,
         kind: str = "perspective comparison pack") -> bytes:
    from reportlab.graphics.shapes import Drawing

    from .pdf_writer import PdfWriter

    header = f"{project.metadata.title} · {kind}"
    buffer = io.BytesIO()
    doc = PackTemplate(buffer, options.paper, options.landscape, header, progress, cancel,
                       title=project.metadata.title, author=", ".join(project.metadata.authors) or "SSM Studio",
                       subject=kind[:1].upper() + kind[1:], creator="SSM Studio",
                       keywords="soft systems methodology, CATWOE, causal loop diagram")
    made_count = [0]

    def make_drawing(key: str, text_scale: float = 1.0):
        check()
        made_count[0] += 1
        say(min(0.42, 0.05 + 0.35 * made_count[0] / max(1, len(makers))), "Drawing diagrams")
        made = makers[key](text_scale=text_scale)
        if isinstance(made, Drawing):
            return made
        try:
            return _drawing(made)
        finally:
            made.close()

    story = PdfWriter(doc, make_drawing, set(makers), options.a3_overlay, splits).render(blocks)
    say(0.42, "Writing the pack")
    check()
    doc.build_once(story)
    say(1.0, f"Done: {doc.page} pages")
    return buffer.getvalue()


def _write(path: Path, data: bytes) -> Path:
    write_bytes_atomically(path, data, keep_backup=False)
    return path
