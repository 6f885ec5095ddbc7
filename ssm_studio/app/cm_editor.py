"""Editing a conceptual model on the canvas: the same gestures and keys as the causal-loop
diagram (the view is shared), producing activity and dependency edits."""

from __future__ import annotations

from PySide6.QtCore import QPointF

from ..edits import CompositeEdit, DeleteEdit, Edit, InsertEdit, SetFieldsEdit
from ..model import Activity, ConceptualModel, Dependency, RootDefinition
from ..model.scaffold import scaffold
from ..render.cm_scene import CmScene
from .canvas_editor import CanvasEditor
from .session import DocumentSession


class CmEditor(CanvasEditor):
    bends = False  # contingency arrows are straight

    def __init__(self, scene: CmScene, session: DocumentSession) -> None:
        super().__init__(scene, session)

    @property
    def path(self) -> tuple[str, str]:
        return ("conceptual_models", self.scene.model_id)

    def add_variable_at(self, at: QPointF, name: str = "Do something") -> str:
        activity = Activity(label=name, x=round(at.x(), 1), y=round(at.y(), 1))
        self.session.push(InsertEdit((*self.path, "activities"), activity, label="Add activity"))
        self.select({activity.id})
        return activity.id

    def rename(self, activity_id: str, label: str) -> bool:
        label = label.strip()
        cm = self.scene.model()
        current = next(a.label for a in cm.activities if a.id == activity_id)
        if not label or label == current:
            return False
        self.session.push(SetFieldsEdit((*self.path, "activities", activity_id), {"label": label},
                                        label="Rename activity"))
        return True

    def commit_moves(self) -> bool:
        cm = self.scene.model()
        edits: list[Edit] = []
        for activity in cm.activities:
            item = self.scene.variable_items.get(activity.id)
            if item is not None and (item.x(), item.y()) != (activity.x, activity.y):
                edits.append(SetFieldsEdit((*self.path, "activities", activity.id),
                                           {"x": round(item.x(), 1), "y": round(item.y(), 1)}))
        if edits:
            self.session.push(CompositeEdit(edits, label="Move"))
        return bool(edits)

    def nudge(self, dx: float, dy: float) -> None:
        cm = self.scene.model()
        chosen = set(self.selected_variables())
        edits = [SetFieldsEdit((*self.path, "activities", a.id), {"x": a.x + dx, "y": a.y + dy})
                 for a in cm.activities if a.id in chosen]
        if edits:
            self.session.push(CompositeEdit(edits, label="Move"))

    def link(self, source: str, target: str, polarity: str = "+") -> str | None:
        if source == target:
            self.message = "An activity cannot depend on itself."
            return None
        cm = self.scene.model()
        if any(d.source == source and d.target == target for d in cm.dependencies):
            self.message = "That dependency is already drawn."
            return None
        dependency = Dependency(source=source, target=target)
        self.session.push(InsertEdit((*self.path, "dependencies"), dependency, label="Add dependency"))
        self.select({dependency.id})
        return dependency.id

    def toggle_delay(self) -> None:
        """D marks the chosen activities as part of monitor and control (or not)."""
        cm = self.scene.model()
        chosen = set(self.selected_variables())
        if not chosen:
            return
        turn_on = not all(a.monitor_control for a in cm.activities if a.id in chosen)
        self.session.push(CompositeEdit(
            [SetFieldsEdit((*self.path, "activities", a.id), {"monitor_control": turn_on})
             for a in cm.activities if a.id in chosen], label="Monitor and control"))

    def set_polarity(self, polarity: str) -> None:
        """Logical contingency has no polarity; the keys do nothing here."""

    def set_curvature(self, link_id: str, curvature: float) -> None:
        """Contingency arrows stay straight."""

    def delete_selection(self) -> None:
        cm = self.scene.model()
        activities, links = set(self.selected_variables()), set(self.selected_links())
        links |= {d.id for d in cm.dependencies if d.source in activities or d.target in activities}
        edits: list[Edit] = [DeleteEdit((*self.path, "dependencies"), i) for i in links]
        edits += [DeleteEdit((*self.path, "comparison"), r.id) for r in cm.comparison if r.activity in activities]
        edits += [DeleteEdit((*self.path, "activities"), i) for i in activities]
        if edits:
            self.session.push(CompositeEdit(edits, label="Delete"))


def scaffold_edit(session: DocumentSession, rd: RootDefinition) -> tuple[Edit, str]:
    """'Start from the root definition': a new model for ``rd`` drafted from its parts."""
    activities, dependencies = scaffold(rd)
    model = ConceptualModel(root_definition=rd.id, title=rd.title, activities=activities, dependencies=dependencies)
    return InsertEdit(("conceptual_models",), model, label="Start model from root definition"), model.id
