"""A storyline made from the model itself: the order a workshop lead tells an SSM study in.

The situation (the rich picture), each perspective in turn with its root definition as the
caption, all of them together, each loop (what kind, who holds it, what it runs through),
the claims they disagree on, then the changes and where each perspective stands on them.
Steps are only made for what the project has: no rich picture, no situation step.
"""

from __future__ import annotations

from ..model import Project, Storyline, StoryStep
from ..model.sentences import compose_sentence
from .compare import compare_perspectives
from .loops import find_loops

KIND = {"R": "reinforcing", "B": "balancing", "?": "of unknown kind"}
MAX_LOOP_STEPS = 12  # a room follows a dozen loops; the rest are in the pack


def generate_storyline(project: Project, name: str = "The study, step by step",
                       time_budget: float = 1.0) -> Storyline:
    steps: list[StoryStep] = []
    everyone = [p.id for p in project.perspectives]
    names = {v.id: v.name for v in project.cld.variables}
    perspective_names = {p.id: p.name for p in project.perspectives}
    if project.rich_picture.items:
        steps.append(StoryStep(page="rich_picture", shown=everyone, caption=project.metadata.summary
                               or "The situation as the people in it see it",
                               notes="Stage 1 and 2: the problem situation, unstructured, then expressed."))
    for perspective in project.perspectives:
        rd = next((r for r in project.root_definitions if r.perspective == perspective.id), None)
        caption = compose_sentence(rd) if rd is not None else f"How {perspective.name} see it"
        notes = perspective.worldview or perspective.stakeholder
        steps.append(StoryStep(page="overlay", shown=[perspective.id], caption=caption,
                               notes=f"{perspective.name}. {notes}".strip()))
    if len(everyone) > 1:
        steps.append(StoryStep(page="overlay", shown=everyone, caption="Every perspective together",
                               notes="Each perspective's claims in its own colour and line; "
                                     "the loops no one of them sees alone appear here."))
    if project.cld.links:
        known = {n.key: (n.label, n.name) for n in project.cld.loop_names}
        report = find_loops(project, None, time_budget=time_budget, known_labels=known)
        for loop in report.loops[:MAX_LOOP_STEPS]:
            runs = " \u2192 ".join(names[v] for v in loop.variables + loop.variables[:1])
            title = f"{loop.label} {loop.name}".strip()
            holders = ", ".join(perspective_names[p] for p in loop.perspectives) or "no one perspective alone"
            delay = " It runs through a delay." if loop.has_delay else ""
            steps.append(StoryStep(page="overlay", shown=loop.perspectives or everyone, loop=loop.key,
                                   caption=f"{title} ({KIND.get(loop.polarity, loop.polarity)}): {runs}",
                                   notes=f"Held by {holders}.{delay}"))
        conflicts = compare_perspectives(project, everyone, loop_budget=0.2).by_status("conflict")
        if conflicts:
            pairs = "; ".join(f"{names[c.source]} \u2192 {names[c.target]}" for c in conflicts[:6])
            steps.append(StoryStep(page="overlay", shown=everyone,
                                   caption=f"Where perspectives disagree: {len(conflicts)} claim(s) of opposite sign",
                                   notes=pairs))
    if project.conceptual_models and any(cm.comparison for cm in project.conceptual_models):
        steps.append(StoryStep(page="comparison", shown=everyone, caption="The models beside the real world",
                               notes="Stage 5: what exists, how it is done, how well."))
    if project.actions:
        steps.append(StoryStep(page="actions", shown=everyone,
                               caption=f"{len(project.actions)} change(s): desirable and feasible?",
                               notes="Stages 6 and 7: the accommodation each perspective can live with."))
    return Storyline(name=name, steps=steps)
