"""The navigator: the project as the seven stages of SSM, and the causal-loop diagram
beside them, one click from each part."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from ..session import DocumentSession
from .following import Following

ROLE = Qt.ItemDataRole.UserRole
FOLLOWS = [("perspectives",), ("root_definitions",), ("conceptual_models",), ("actions",)]
COUNTED = [("rich_picture", "items"), ("cld", "variables"), ("cld", "links")]  # only their number shows


class Navigator(QTreeWidget):
    chosen = Signal(str, object)  # what ("cld", "perspective", …), id

    def __init__(self, session: DocumentSession, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.setHeaderHidden(True)
        self.setAccessibleName("Project navigator")
        self.setWordWrap(True)
        self.setMinimumWidth(150)
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._activated)
        self.following = Following(self, session.document, FOLLOWS, self.refresh)
        self.counting = Following(self, session.document, COUNTED, self.refresh, kinds=("added", "removed"))
        self.refresh()

    def refresh(self) -> None:
        project = self.session.document.project
        self.clear()

        def node(parent, text: str, what: str, ident=None, tip: str = "") -> QTreeWidgetItem:
            item = QTreeWidgetItem([text])
            item.setData(0, ROLE, (what, ident))
            # The whole name first: a narrow panel cuts it with "…".
            item.setToolTip(0, text if not tip or tip.startswith(text) else f"{text}\n{tip}")
            (parent.addChild(item) if parent is not None else self.addTopLevelItem(item))
            return item

        def stage(number: int, text: str, what: str, tip: str) -> QTreeWidgetItem:
            item = node(None, f"{number}  {text}", what, None, tip)
            font = QFont(item.font(0))
            font.setBold(True)
            item.setFont(0, font)
            return item

        perspectives = {p.id: p.name for p in project.perspectives}
        stage(1, "The situation", "situation", "Stage 1: the problem situation, unstructured")
        stage(2, f"Rich picture ({len(project.rich_picture.items)} items)", "situation",
              "Stage 2: the problem situation expressed as a rich picture")
        definitions = stage(3, "Root definitions", "perspectives",
                            "Stage 3: root definitions of relevant systems, one perspective each")
        for p in project.perspectives:
            holder = node(definitions, p.name, "perspective", p.id)
            for rd in (r for r in project.root_definitions if r.perspective == p.id):
                node(holder, rd.title or "untitled", "root-definition", rd.id)
        models = stage(4, "Conceptual models", "conceptual-model", "Stage 4: conceptual models of the systems")
        rd_owner = {rd.id: rd.perspective for rd in project.root_definitions}
        for cm in project.conceptual_models:
            owner = perspectives.get(rd_owner.get(cm.root_definition, ""), "?")
            node(models, f"{owner}: {cm.title or 'untitled'} ({len(cm.activities)})", "conceptual-model", cm.id)
        stage(5, "Comparison with the situation", "comparison", "Stage 5: models compared with the real world")
        stage(6, "Desirable and feasible changes", "actions",
              "Stage 6: changes each perspective finds desirable and feasible")
        stage(7, f"Action to improve ({len(project.actions)})", "actions", "Stage 7: action to improve")
        cld = project.cld
        node(None, f"Causal-loop diagram ({len(cld.variables)} variables, {len(cld.links)} claims)", "cld")
        node(None, "Perspectives side by side", "compare")
        node(None, "CATWOE of every perspective", "catwoe")
        self.expandAll()

    def _activated(self, item: QTreeWidgetItem, column: int = 0) -> None:
        what, ident = item.data(0, ROLE)
        self.chosen.emit(what, ident)

    def close_document(self) -> None:
        self.following.stop()
        self.counting.stop()
