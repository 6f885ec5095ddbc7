"""Tidy a causal-loop diagram: lay out the variables a set of perspectives uses, keeping the
pinned ones where the user put them."""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Project
from .graphviz_layout import LayoutResult, layout


def tidy_causal_diagram(project: Project, perspectives: Iterable[str] | None = None,
                        engine: str = "auto") -> LayoutResult:
    """New positions for the variables of ``perspectives`` (None: every variable)."""
    chosen = None if perspectives is None else set(perspectives)
    links = [lk for lk in project.cld.links if chosen is None or lk.perspective in chosen]
    if chosen is None:
        variables = list(project.cld.variables)
    else:
        used = {lk.source for lk in links} | {lk.target for lk in links}
        variables = [v for v in project.cld.variables if v.id in used or chosen & set(v.included_by)]
    pinned = {v.id: (v.x, v.y) for v in variables if v.pinned}
    return layout([v.id for v in variables], [(lk.source, lk.target) for lk in links], engine, pinned)


def tidy_conceptual_model(project: Project, model_id: str, engine: str = "auto") -> LayoutResult:
    """A conceptual model as a ranked flow: logical contingency from top to bottom."""
    model = next(cm for cm in project.conceptual_models if cm.id == model_id)
    return layout([a.id for a in model.activities], [(d.source, d.target) for d in model.dependencies],
                  engine, ranked=True)
