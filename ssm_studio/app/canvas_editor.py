"""What every canvas editor shares: the selection, in the order the user made it."""

from __future__ import annotations


def is_link(item) -> bool:
    return hasattr(item, "link_id")


def is_box(item) -> bool:
    return hasattr(item, "variable_id") and not is_link(item)


class CanvasEditor:
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

    def selection_changed(self) -> None:
        """Hook for editors that widen a selection (groups)."""

    def selected_variables(self) -> list[str]:
        return [i.variable_id for i in self.scene.selectedItems() if is_box(i)]

    def selected_links(self) -> list[str]:
        return [i.link_id for i in self.scene.selectedItems() if is_link(i)]

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
