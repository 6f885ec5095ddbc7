"""What every canvas editor shares: the selection, in the order the user made it."""

from __future__ import annotations

from abc import ABC, abstractmethod

from ..render.item_kinds import Arrow, Box


def is_link(item) -> bool:
    return isinstance(item, Arrow)


def is_box(item) -> bool:
    return isinstance(item, Box)


class CanvasEditor(ABC):
    """Base of the causal-loop, conceptual-model and rich-picture editors. Subclasses turn
    gestures into edits; the shared canvas view calls the same method names on each."""

    bends = True  # links can be curved with a handle

    def __init__(self, scene, session) -> None:
        self.scene, self.session = scene, session
        self.message = ""  # the last thing to tell the user
        self.selection_order: list[str] = []  # boxes, oldest choice first ("cause first")
        scene.selectionChanged.connect(self._track)

    def _track(self) -> None:
        try:
            chosen = set(self.selected_variables())
        except RuntimeError:  # the scene is being torn down
            return
        self.selection_order = [v for v in self.selection_order if v in chosen]
        self.selection_order += [v for v in chosen if v not in self.selection_order]
        self.selection_changed()

    def selection_changed(self) -> None:  # noqa: B027 - an optional hook, not abstract
        """Hook for editors that widen a selection (groups)."""

    def selected_variables(self) -> list[str]:
        return [i.object_id for i in self.scene.selectedItems() if is_box(i)]

    def selected_links(self) -> list[str]:
        return [i.object_id for i in self.scene.selectedItems() if is_link(i)]

    def select(self, ids: set[str]) -> None:
        self.scene.clearSelection()
        for key in ids:
            for table in (self.scene.variable_items, self.scene.link_items):
                if key in table:
                    table[key].setSelected(True)

    def link_selected(self) -> str | None:
        """Link the two chosen boxes, the one chosen first as the source."""
        if len(self.selection_order) == 2:
            return self.link(*self.selection_order)
        return self.link_selected_fallback()

    def link_selected_fallback(self) -> str | None:
        self.message = "Select two things (the first one chosen is the source) to link them."
        return None

    def link(self, source: str, target: str, polarity: str = "+") -> str | None:
        """Subclasses draw their kind of link."""
        return None

    # Arranging boxes ---------------------------------------------------------------------
    def align(self, how: str) -> None:
        """Line up the chosen boxes by an edge or their centres, as one undo step."""
        items = [self.scene.variable_items[v] for v in self.selected_variables()]
        if len(items) < 2:
            return
        rects = {i.object_id: i.sceneBoundingRect() for i in items}
        edge = {"left": min(r.left() for r in rects.values()), "right": max(r.right() for r in rects.values()),
                "top": min(r.top() for r in rects.values()), "bottom": max(r.bottom() for r in rects.values()),
                "centre": sum(i.x() for i in items) / len(items), "middle": sum(i.y() for i in items) / len(items)}[how]
        positions = {}
        for item in items:
            r = rects[item.object_id]
            x, y = item.x(), item.y()
            if how == "left":
                x += edge - r.left()
            elif how == "right":
                x += edge - r.right()
            elif how == "centre":
                x = edge
            elif how == "top":
                y += edge - r.top()
            elif how == "bottom":
                y += edge - r.bottom()
            else:
                y = edge
            positions[item.object_id] = (round(x, 1), round(y, 1))
        self.move_boxes(positions)

    @abstractmethod
    def move_boxes(self, positions: dict[str, tuple[float, float]]) -> None:
        """Each editor moves its own kind of box (variables, activities, figures)."""
