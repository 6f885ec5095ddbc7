"""Editing a conceptual model on the canvas: the same gestures and keys as the causal-loop
diagram (the view is shared), producing activity and dependency edits."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF

from ..edits.stage_edits import (
    add_activity,
    add_dependency,
    change_activity,
    move_activities,
    remove_from_model,
    set_monitor_control,
)
from ..errors import SsmError
from ..model import Activity, Dependency
from ..render.cm_scene import CmScene
from .canvas_editor import CanvasEditor
from .session import DocumentSession


class CmEditor(CanvasEditor):
    bends = False  # contingency arrows are straight

    def __init__(self, scene: CmScene, session: DocumentSession) -> None:
        super().__init__(scene, session)

    @property
    def model_id(self) -> str:
        return self.scene.model_id

    def add_variable_at(self, at: QPointF, name: str = "Do something") -> str | None:
        activity = self.session.make(Activity, label=name.strip() or "Do something", x=round(at.x(), 1),
                                     y=round(at.y(), 1))
        if activity is None or not self.session.push(add_activity(self.model_id, activity)):
            return None
        self.select({activity.id})
        return activity.id

    def rename(self, activity_id: str, label: str) -> bool:
        label = label.strip()
        cm = self.scene.model()
        current = next(a.label for a in cm.activities if a.id == activity_id)
        if not label or label == current:
            return False
        return self.session.push(change_activity(self.model_id, activity_id, label=label))

    def commit_moves(self, ids: Iterable[str]) -> bool:
        """After a drag of the boxes ``ids``: one undo step for those that moved."""
        cm = self.scene.model()
        wanted = set(ids)
        moved = {}
        for activity in (a for a in cm.activities if a.id in wanted):
            item = self.scene.variable_items.get(activity.id)
            if item is not None and (item.x(), item.y()) != (activity.x, activity.y):
                moved[activity.id] = (round(item.x(), 1), round(item.y(), 1))
        if moved:
            self.session.push(move_activities(self.model_id, moved))
        return bool(moved)

    def move_boxes(self, positions: dict[str, tuple[float, float]]) -> None:
        self.session.push(move_activities(self.model_id, positions))

    def nudge(self, dx: float, dy: float) -> None:
        cm = self.scene.model()
        chosen = set(self.selected_variables())
        moved = {a.id: (a.x + dx, a.y + dy) for a in cm.activities if a.id in chosen}
        if moved:
            self.session.push(move_activities(self.model_id, moved))

    def link(self, source: str, target: str, polarity: str = "+") -> str | None:
        dependency = Dependency(source=source, target=target)
        try:
            edit = add_dependency(self.session.document.project, self.model_id, dependency)
        except SsmError as error:
            self.message = str(error)
            return None
        if not self.session.push(edit):
            return None
        self.select({dependency.id})
        return dependency.id

    def toggle_delay(self) -> None:
        """D marks the chosen activities as part of monitor and control (or not)."""
        cm = self.scene.model()
        chosen = set(self.selected_variables())
        if not chosen:
            return
        turn_on = not all(a.monitor_control for a in cm.activities if a.id in chosen)
        self.session.push(set_monitor_control(
            self.model_id, [a.id for a in cm.activities if a.id in chosen], turn_on))

    def set_polarity(self, polarity: str) -> None:
        """Logical contingency has no polarity; the keys do nothing here."""

    def set_curvature(self, link_id: str, curvature: float) -> None:
        """Contingency arrows stay straight."""

    def delete_selection(self) -> None:
        activities, links = set(self.selected_variables()), set(self.selected_links())
        if activities or links:
            self.session.push(remove_from_model(self.session.document.project, self.model_id,
                                                activities, links))
