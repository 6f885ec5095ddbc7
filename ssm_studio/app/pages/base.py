"""What a central page is: a widget, and the commands that mean something on it.

The window's actions (menus, toolbar, shortcuts) act on the current page through ``run``
and are enabled only where ``can`` says so; nothing probes a page or its editor with
hasattr. Commands are plain names with arguments: ``zoom_in``, ``align("left")``,
``tool("link")``, ``polarity("-")``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPointF, Signal
from PySide6.QtWidgets import QWidget

from ..canvas.view import CanvasView


class Page(QObject):
    key = ""
    title = ""
    # Its canvas came or went without the window changing page (a tab of the SPOTlight page):
    # the window enables its canvas actions again.
    view_changed = Signal()

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.widget = widget
        self.commands: dict[str, Callable] = {}

    @property
    def view(self) -> CanvasView | None:
        return None

    def canvases(self) -> list[CanvasView]:
        """Every canvas the page holds, shown or not (the window hears their messages)."""
        return [self.view] if self.view is not None else []

    def can(self, command: str, *args) -> bool:
        if command == "tool":
            view = self.view
            return view is not None and view.editor is not None and args[0] in view.tools
        return command in self.commands

    def supports(self, command: str) -> bool:
        """Whether the page has the command at all (keys on the canvas ask this)."""
        return command in self.commands

    def run(self, command: str, *args):
        if command == "tool":
            return self.view.set_tool(*args) if self.can("tool", *args) else False
        action = self.commands.get(command)
        return action(*args) if action is not None else None

    def tool_names(self) -> dict[str, str]:
        """What the generic tools are called here (the toolbar shows these words)."""
        return {}

    def activate(self) -> None:
        """The page was brought to the front."""

    def deactivate(self) -> None:
        """Another page was brought to the front."""

    def resync(self) -> None:
        """Redraw from the document (after a gesture was cancelled)."""

    def apply_style(self, style) -> None:
        """The canvas style (high contrast, text size) changed."""

    def close(self) -> None:
        """The document is closing: stop following it."""


def canvas_commands(view: CanvasView, editor) -> dict[str, Callable]:
    """The commands every editable canvas has, bound to its view and editor."""

    def centre() -> QPointF:
        return view.mapToScene(view.viewport().rect().center())

    def new_box() -> str | None:
        new_id = editor.add_variable_at(centre())
        view.start_rename(new_id)
        return new_id

    def rename() -> None:
        chosen = editor.selected_variables() or editor.selected_links()
        if chosen:
            view.start_rename(chosen[0])

    def link_selected() -> str | None:
        made = editor.link_selected()
        if made is None:
            view.message.emit(editor.message)
        return made

    def select_all() -> None:
        for item in view.scene().variable_items.values():
            if item.isVisible():
                item.setSelected(True)

    return {
        "zoom_in": view.zoom_in, "zoom_out": view.zoom_out, "zoom_reset": view.zoom_reset, "fit": view.fit,
        "delete": editor.delete_selection, "select_all": select_all, "new_box": new_box, "rename": rename,
        "link_selected": link_selected, "nudge": editor.nudge, "align": editor.align,
    }


def view_commands(views: Callable[[], list[CanvasView]], fit: Callable[[], None]) -> dict[str, Callable]:
    """Zoom and fit for pages of read-only views (side by side: the views are linked)."""

    def each(method: str) -> Callable[[], None]:
        return lambda: [getattr(v, method)() for v in views()[:1]]

    return {"zoom_in": each("zoom_in"), "zoom_out": each("zoom_out"), "zoom_reset": each("zoom_reset"), "fit": fit}
