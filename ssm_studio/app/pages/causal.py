"""The causal-loop page: every visible perspective's claims drawn together (the overlay)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...render.cld_scene import CldScene
from ...render.layers import LayerState
from ...render.style import CanvasStyle
from ..canvas.tools import AddTool, ConnectTool
from ..canvas.view import CanvasView
from ..cld_editor import CldEditor
from ..loop_feed import LoopFeed
from ..session import DocumentSession
from .base import Page, canvas_commands

EMPTY_HINT = ("<h3>No variables yet</h3><p>Double-click anywhere to add a variable (or press N).</p>"
              "<p>Press L, then drag from a cause to its effect: the claim belongs to the active "
              "perspective, chosen in the Perspectives panel.</p><p>+ − ? set a claim's polarity; "
              "D marks a delay.</p>")


class CausalPage(Page):
    key = "overlay"
    title = "Causal-loop diagram"

    def __init__(self, session: DocumentSession, layers: LayerState, style: CanvasStyle) -> None:
        super().__init__(QWidget())
        self.session = session
        self.scene = CldScene(session.document, layers, style)
        self.loop_feed = LoopFeed(session.loops, self.scene)
        self.scene.setParent(self.widget)
        self.editor = CldEditor(self.scene, session, layers)
        self._view = CanvasView(self.scene, self.editor)
        self._view.page = self
        self._view.setAccessibleName("Causal-loop diagram canvas")
        self._view.setAccessibleDescription("Variables and the causal claims of the visible perspectives")
        self._view.add_tool(AddTool(self._view, "Click on the canvas to add a variable"))
        self._view.add_tool(ConnectTool(self._view, "Drag from a cause to its effect; the claim goes to "
                                                    "the active perspective"))
        # Drawn over the canvas but never in the way of a click or double-click on it.
        self.hint = QLabel(EMPTY_HINT, self._view.viewport())
        self.hint.setWordWrap(True)
        self.hint.setMargin(24)
        self.hint.setFixedWidth(420)
        self.hint.setStyleSheet("color: #555555; background: transparent")
        self.hint.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._view)
        self.commands = canvas_commands(self._view, self.editor)
        self.commands.update({
            "copy": self.editor.copy, "paste": self.editor.paste,
            "polarity": self.editor.set_polarity, "toggle_mark": self.editor.toggle_delay,
            "export_diagram": lambda: "cld", "tidy": self.tidy,
        })
        self._unsubscribe = session.document.subscribe(self._show_hint)
        self._show_hint()

    @property
    def view(self) -> CanvasView:
        return self._view

    def tidy(self):
        """Lay out the variables of the perspectives shown (pinned ones stay)."""
        from ...edits.causal_edits import move_variables
        from ...layout.diagram_layout import tidy_causal_diagram
        from ..tidy import tidy

        window = self._view.window()
        project = self.session.document.project.model_copy(deep=True)  # the worker's own copy
        shown = self.scene.visible_perspectives()
        chosen = None if shown == {p.id for p in project.perspectives} else shown
        return tidy(window, self.scene, lambda: tidy_causal_diagram(project, chosen),
                    lambda positions: self.session.push(move_variables(positions)), "causal-loop diagram")

    def tool_names(self) -> dict[str, str]:
        return {"add": "Variable", "link": "Link"}

    def _show_hint(self, events=None) -> None:
        """A new project's canvas says how to start instead of showing nothing."""
        empty = not self.session.document.project.cld.variables
        self.hint.setVisible(empty)
        if empty:
            self.hint.adjustSize()

    def resync(self) -> None:
        self.scene.rebuild()

    def apply_style(self, style: CanvasStyle) -> None:
        self.scene.apply_style(style)

    def close(self) -> None:
        self._unsubscribe()
        self.scene.close()
