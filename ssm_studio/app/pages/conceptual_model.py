"""The conceptual-model canvas page: choose a model, start one from a root definition, edit
it with the same tools and keys as the causal-loop diagram."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...edits.stage_edits import move_activities, start_from_root_definition
from ...model.scaffold import size_note
from ...render.cm_scene import CmScene
from ...render.style import CanvasStyle
from ..canvas.tools import AddTool, ConnectTool
from ..canvas.view import CanvasView
from ..cm_editor import CmEditor
from ..session import DocumentSession
from .base import Page, canvas_commands


class ConceptualModelPanel(QWidget):
    def __init__(self, session: DocumentSession, style: CanvasStyle, parent=None) -> None:
        super().__init__(parent)
        self.session, self.canvas_style = session, style  # not QWidget.style()
        self.page: ConceptualModelPage | None = None
        self.setAccessibleName("Conceptual model")
        self.chooser = QComboBox()
        self.chooser.setAccessibleName("Conceptual model or root definition")
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chooser.setMinimumContentsLength(16)
        self.chooser.activated.connect(lambda _: self.show_model(self.chooser.currentData()))
        self.start = QPushButton("Start from the root definition")
        self.start.setToolTip("Draft activities from T, the actors and the measures, for you to edit")
        self.start.setAccessibleName("Start a conceptual model from the root definition")
        self.start.clicked.connect(self.start_from_root_definition)
        self.note = QLabel()
        self.note.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.chooser, 1)
        top.addWidget(self.start)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(top)
        self.layout_.addWidget(self.note)
        self.scene: CmScene | None = None
        self.view: CanvasView | None = None
        self.editor: CmEditor | None = None
        self.current: str | None = None  # "model:<id>" or "rd:<id>"
        self._unsubscribe = session.document.subscribe(self._on_events)
        self.refresh_chooser()

    def refresh_chooser(self) -> None:
        project = self.session.document.project
        self.chooser.clear()
        for perspective in project.perspectives:
            for rd in (r for r in project.root_definitions if r.perspective == perspective.id):
                models = [m for m in project.conceptual_models if m.root_definition == rd.id]
                for cm in models:
                    self.chooser.addItem(f"{perspective.name}: {cm.title or rd.title}", f"model:{cm.id}")
                if not models:
                    self.chooser.addItem(f"{perspective.name}: {rd.title} (no model yet)", f"rd:{rd.id}")
        if self.current is not None:
            index = self.chooser.findData(self.current)
            if index >= 0:
                self.chooser.setCurrentIndex(index)

    def show_model(self, choice: str | None) -> None:
        """``choice`` is "model:<id>" or "rd:<id>" (a root definition with no model yet)."""
        if self.scene is not None:
            self.scene.close()
            self.view.deleteLater()
            self.scene.deleteLater()
            self.scene = self.view = self.editor = None
            if self.page is not None:
                self.page.commands = {}
        self.current = choice
        if choice is None:
            self.start.setEnabled(False)
            self.note.setText("Choose a conceptual model, or a root definition to start one from.")
            return
        kind, ident = choice.split(":", 1)
        self.start.setEnabled(kind == "rd")
        if kind != "model":
            self.note.setText("This root definition has no conceptual model yet: start one from it.")
            return
        self.scene = CmScene(self.session.document, ident, self.canvas_style)
        self.scene.setParent(self)
        self.editor = CmEditor(self.scene, self.session)
        self.view = CanvasView(self.scene, self.editor, bends=False)
        self.view.page = self.page
        self.view.add_tool(AddTool(self.view, "Click on the canvas to add an activity"))
        self.view.add_tool(ConnectTool(self.view, "Drag from an activity to one that depends on it"))
        self.view.setAccessibleName("Conceptual model canvas")
        if self.page is not None:
            self.page.bind(self.view, self.editor)
        self.layout_.addWidget(self.view, 1)
        self.view.fit()
        self._update_note()

    def select_model(self, model_id: str) -> None:
        self.refresh_chooser()
        index = self.chooser.findData(f"model:{model_id}")
        if index >= 0:
            self.chooser.setCurrentIndex(index)
            self.show_model(f"model:{model_id}")

    def start_from_root_definition(self) -> str | None:
        if self.current is None or not self.current.startswith("rd:"):
            return None
        rd_id = self.current.split(":", 1)[1]
        rd = next(r for r in self.session.document.project.root_definitions if r.id == rd_id)
        edit, model_id = start_from_root_definition(rd)
        self.session.push(edit)
        self.select_model(model_id)
        return model_id

    def _update_note(self) -> None:
        cm = self.scene.model() if self.scene else None
        if cm is not None:
            note = size_note(cm.activities)
            self.note.setText(note or f"{len(cm.activities)} activities. Keys: A or double-click adds, F2 renames, "
                              "L then drag (or K) draws a dependency, D marks monitor and control.")

    def _on_events(self, events) -> None:
        if any(e.path[:1] in (("conceptual_models",), ("root_definitions",), ("perspectives",)) for e in events):
            self.refresh_chooser()
            if self.current and self.current.startswith("model:") and self.scene and self.scene.model() is None:
                self.show_model(None)
            self._update_note()

    def close_scene(self) -> None:
        self._unsubscribe()
        if self.scene is not None:
            self.scene.close()


class ConceptualModelPage(Page):
    key = "conceptual-model"
    title = "Conceptual model"

    def __init__(self, session: DocumentSession, style: CanvasStyle) -> None:
        super().__init__(ConceptualModelPanel(session, style))
        self.panel: ConceptualModelPanel = self.widget
        self.panel.page = self
        self.commands = {}

    @property
    def view(self) -> CanvasView | None:
        return self.panel.view

    def bind(self, view: CanvasView, editor: CmEditor) -> None:
        """A model was chosen: the commands now act on its canvas."""
        self.commands = canvas_commands(view, editor)
        self.commands.update({"toggle_mark": editor.toggle_delay, "export_diagram": lambda: "conceptual-model",
                              "tidy": lambda: self.tidy(view, editor)})

    def tool_names(self) -> dict[str, str]:
        return {"add": "Activity", "link": "Dependency"}

    def tidy(self, view: CanvasView, editor: CmEditor):
        """The model as a ranked flow: each activity below those it depends on."""
        from ...layout.diagram_layout import tidy_conceptual_model
        from ..tidy import tidy

        project = self.panel.session.document.project.model_copy(deep=True)
        model_id = editor.model_id
        return tidy(view.window(), view.scene(), lambda: tidy_conceptual_model(project, model_id),
                    lambda positions: self.panel.session.push(move_activities(model_id, positions)),
                    "conceptual model")

    def activate(self) -> None:
        panel = self.panel
        if panel.current is None and panel.chooser.count():
            panel.show_model(panel.chooser.itemData(0))

    def apply_style(self, style: CanvasStyle) -> None:
        self.panel.canvas_style = style
        if self.panel.current is not None:
            self.panel.show_model(self.panel.current)

    def close(self) -> None:
        self.panel.close_scene()
