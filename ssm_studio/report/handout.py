"""A storyline as a handout: each step a captioned frame, for the room to take away.

The pack's own writers lay it out (PDF or Word), so its rules hold here too: vector
diagrams, no words under 8 pt (a diagram too large for that on a page is shown whole, small and
without its words: a step is a page or two, and the pack prints such a diagram in parts),
a title page and contents. A step draws what it showed: the perspectives' claims (only the
variables they use), a loop on its own, the rich picture with its layers, a conceptual
model, or, for the table pages, the table's rows. Speaker notes stay with the presenter.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import SsmError
from ..model import PAGE_WORDS, Project, Storyline
from ..model.sentences import compose_sentence
from .blocks import Break, Contents, Figure, Grid, Heading, Para, Title

Progress = Callable[[float, str], None]


class HandoutError(SsmError):
    pass


def choose_storyline(project: Project, name: str | None) -> Storyline:
    if not project.storylines:
        raise HandoutError("The project has no storyline: make one in the Storyline panel, or with "
                           "'ssm-studio storyline FILE --generate -o OUT.ssm'.")
    if name is None:
        return project.storylines[0]
    found = next((s for s in project.storylines if s.name.strip().casefold() == name.strip().casefold()), None)
    if found is None:
        known = ", ".join(f"'{s.name}'" for s in project.storylines)
        raise HandoutError(f"There is no storyline called '{name}' (the project has {known}).")
    return found


def handout_blocks(project: Project, storyline: Storyline, media: dict[str, bytes] | None = None,
                   title_page: bool = True) -> tuple[list, dict]:
    """The handout's blocks and the makers of its figures (by key), as the pack's writers
    take them; ``title_page`` False when the pack appends the handout to itself."""
    from ..analysis.loops import find_loops
    from ..render.export import (
        cld_scene,
        conceptual_model_scene,
        rich_picture_scene,
        separated_places,
    )
    from ..render.style import CanvasStyle
    from .loop_drawing import loop_drawing
    from .wordless_drawing import too_large_for_a_page, wordless_drawing

    existing = {p.id: p for p in project.perspectives}
    names = {v.id: v.name for v in project.cld.variables}
    loops = {lp.key: lp for lp in find_loops(project, None, time_budget=1.0).loops} if any(
        s.loop for s in storyline.steps) else {}
    blocks: list = ([Title(storyline.name, project.metadata.title, "A storyline, step by step"), Contents(), Break()]
                    if title_page else [Break(), Heading(f"Storyline: {storyline.name}")])
    makers: dict = {}
    views: dict[tuple, str] = {}  # steps that show the same view share one figure
    places: dict[float, dict] = {}

    def apart(text_scale: float) -> dict:
        """The diagram's boxes moved apart once for every view of it (by the size of words)."""
        if text_scale not in places:
            places[text_scale] = separated_places(project, CanvasStyle(text_scale=text_scale))
        return places[text_scale]
    for number, step in enumerate(storyline.steps, 1):
        shown = {p for p in step.shown if p in existing} or set(existing)
        heading = f"Step {number}: {PAGE_WORDS[step.page]}"
        # (A rich picture's key says so: the writer may enlarge a picture's labels further.)
        view = (step.page, frozenset(shown), step.loop, step.conceptual_model)
        key = views.setdefault(view, f"{'rich-picture' if step.page == 'rich_picture' else 'step'}:{step.id}")
        block: list = [Heading(heading, 1 if title_page else 2)]
        if step.caption:
            block.append(Para(step.caption))
        loop = loops.get(step.loop) if step.loop else None
        if step.loop and loop is None:
            block.append(Para("(The loop this step showed is no longer in the diagram.)", "small"))
        lines = [existing[p] for p in sorted(shown, key=list(existing).index)]
        if step.page in ("overlay", "side_by_side") and project.cld.variables:
            if loop is not None:
                styles = {p.id: p for p in lines if p.id in set(loop.perspectives)} or {p.id: p for p in lines}
                makers[key] = lambda text_scale=1.0, loop=loop, styles=styles: loop_drawing(
                    loop, names, styles, text_scale=text_scale)
            elif too_large_for_a_page(project, shown):
                block.append(Para("The diagram is too large to print its words legibly on a page or two, so it is "
                                  "shown whole without them; the comparison pack prints it in parts.", "small"))
                makers[key] = lambda text_scale=1.0, shown=shown: wordless_drawing(project, shown)
            else:
                makers[key] = lambda text_scale=1.0, shown=shown: cld_scene(
                    project, shown, CanvasStyle(text_scale=text_scale), loop_budget=0.2, only_used=True,
                    apart_as=apart(text_scale))
        elif step.page == "rich_picture" and project.rich_picture.items:
            makers[key] = lambda text_scale=1.0, shown=shown: rich_picture_scene(project, shown, media, text_scale,
                                                                                 apart=True)
        elif step.page == "conceptual_model":
            model = next((cm for cm in project.conceptual_models if cm.id == step.conceptual_model), None)
            model = model or next((cm for cm in project.conceptual_models if cm.activities), None)
            if model is not None and model.activities:
                makers[key] = lambda text_scale=1.0, model=model: conceptual_model_scene(
                    project, model.id, CanvasStyle(text_scale=text_scale), apart=True)
        if key in makers:
            # The caption is above; below the frame only the key to the perspectives' lines.
            block.append(Figure(key, "", alt=f"{heading}. {step.caption}", perspectives=lines, whole_only=True))
        else:
            block += _table(project, step.page, shown)
        blocks += block
    return blocks, makers


def _table(project: Project, page: str, shown: set[str]) -> list:
    """The table pages in a frame: what they list, plainly."""
    names = {p.id: p.name for p in project.perspectives}
    if page == "actions" and project.actions:
        rows = [[a.title, a.owner, f"{a.timescale} term",
                 "; ".join(f"{names.get(s.perspective, '?')}: {s.desirable}/{s.feasible}" for s in a.stances
                           if s.perspective in shown)] for a in project.actions]
        return [Grid(["Change", "Owner", "Timescale", "Desirable / feasible, by perspective"], rows, [3, 2, 1.2, 4])]
    if page == "catwoe" and project.root_definitions:
        rows = [[names.get(rd.perspective, "?"), compose_sentence(rd)] for rd in project.root_definitions
                if rd.perspective in shown]
        return [Grid(["Perspective", "Root definition"], rows, [2, 7])]
    if page == "comparison":
        compared = [[cm.title or "Model", str(len(cm.comparison))] for cm in project.conceptual_models
                    if cm.comparison]
        if compared:
            return [Grid(["Conceptual model", "Activities compared with the world"], compared, [5, 3])]
    return [Para("(Nothing to draw for this step.)", "small")]


def build_handout(project: Project, out: str | Path, storyline_name: str | None = None,
                  media: dict[str, bytes] | None = None, progress: Progress | None = None,
                  cancel: Callable[[], bool] | None = None) -> Path:
    """The handout of a storyline (the first unless named) as a PDF, or Word for .docx;
    written atomically, as the pack is."""
    from .pack import PackOptions, _pdf, _prepare, _write

    storyline = choose_storyline(project, storyline_name)
    if not storyline.steps:
        raise HandoutError(f"The storyline '{storyline.name}' has no steps yet.")
    say, check = _prepare(progress, cancel)
    blocks, makers = handout_blocks(project, storyline, media)
    if Path(out).suffix.lower() == ".docx":
        from .docx_writer import write_docx

        return _write(Path(out), write_docx(project, blocks, makers, say, check))
    chosen = [p.id for p in project.perspectives]
    makers = {key: _kept(make) for key, make in makers.items()}
    return _write(Path(out), _pdf(project, chosen, PackOptions(), blocks, makers, {}, say, check, progress, cancel,
                                  kind=f"handout: {storyline.name}"))


def _kept(make):
    """A figure's drawing made once for each size of words it is asked for: a storyline
    comes back to the same view (and a 30-step handout of a large map drew each again)."""
    from reportlab.graphics.shapes import Drawing

    from .pack import _drawing

    drawings: dict[float, Drawing] = {}

    def kept(text_scale: float = 1.0):
        if text_scale not in drawings:
            made = make(text_scale=text_scale)
            if isinstance(made, Drawing):
                drawings[text_scale] = made
            else:
                try:
                    drawings[text_scale] = _drawing(made)
                finally:
                    made.close()
        return drawings[text_scale]

    return kept
