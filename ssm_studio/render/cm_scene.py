"""A conceptual model (purposeful activity model) as a scene: activities and the arrows of
logical contingency between them, the monitor-and-control subsystem drawn dashed."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor

from ..edits import ChangeEvent, Document
from .cld_items import LinkItem, VariableItem
from .diagram_scene import DiagramScene
from .style import CanvasStyle

CONTINGENCY = "#333333"


class CmScene(DiagramScene):
    style: CanvasStyle  # type: ignore[assignment]  # the canvas style, not Qt's widget style

    def __init__(self, document: Document, model_id: str, style: CanvasStyle | None = None) -> None:
        super().__init__()
        self.document, self.model_id = document, model_id
        self.style = style or CanvasStyle()
        self.variable_items: dict[str, VariableItem] = {}
        self.link_items: dict[str, LinkItem] = {}
        self.loop_items: dict = {}
        self.setBackgroundBrush(QColor(self.style.background))
        self.follow(document)
        self.rebuild()

    def model(self):
        return next((cm for cm in self.document.project.conceptual_models if cm.id == self.model_id), None)

    def rebuild(self) -> None:
        for table in (self.link_items, self.variable_items):
            for item in table.values():
                self.removeItem(item)
            table.clear()
        cm = self.model()
        if cm is None:
            return
        for activity in cm.activities:
            item = VariableItem(activity.id, activity.label, self.style)
            item.snap = self.snap
            _show_activity(item, activity)
            self.addItem(item)
            self.variable_items[activity.id] = item
        for dependency in cm.dependencies:
            item = LinkItem(dependency.id, self.variable_items[dependency.source],
                            self.variable_items[dependency.target], self.style)
            item.show_sign = False
            item.set_claim("+", False, 0.0, CONTINGENCY, "solid")
            self.addItem(item)
            self.link_items[dependency.id] = item
        self.settle_rect()

    def on_events(self, events: list[ChangeEvent]) -> None:
        mine = [e for e in events if e.path[:2] == ("conceptual_models", self.model_id)
                or (e.path == ("conceptual_models",) and e.id == self.model_id)]
        if not mine:
            return
        if all(e.kind == "changed" and e.path[-1] == "activities" for e in mine):
            cm = self.model()
            by_id = {a.id: a for a in cm.activities}
            for event in mine:  # moves and renames: update in place, keep the selection
                item, activity = self.variable_items.get(event.id), by_id.get(event.id)
                if item is None or activity is None:
                    continue
                _show_activity(item, activity)
                for link in item.links:
                    link.update_geometry()
            return
        self.rebuild_keeping_selection()


def _show_activity(item: VariableItem, activity) -> None:
    """What an activity's box shows of it: its words, place, and whether it is part of
    monitor and control (dashed, and said in the tooltip). Building and updating in place
    both come here, so an edit and its undo draw the box as opening the file would."""
    if item.name != activity.label:
        item.set_name(activity.label)
    if item.pos() != QPointF(activity.x, activity.y):
        item.setPos(activity.x, activity.y)
    if item.dashed != activity.monitor_control:
        item.dashed = activity.monitor_control
        item.update()
    measure = f" ({activity.measure})" if activity.measure else ""
    item.setToolTip(activity.label + (f"\nMonitor and control{measure}" if activity.monitor_control else ""))
