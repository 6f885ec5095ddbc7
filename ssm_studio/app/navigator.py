"""The navigator: the project's parts in SSM order, one click from each."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from .session import DocumentSession

ROLE = Qt.ItemDataRole.UserRole


class Navigator(QTreeWidget):
    chosen = Signal(str, object)  # what ("cld", "perspective", …), id

    def __init__(self, session: DocumentSession, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.setHeaderHidden(True)
        self.setAccessibleName("Project navigator")
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._activated)
        session.document.subscribe(lambda events: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        project = self.session.document.project
        self.clear()

        def node(parent, text: str, what: str, ident=None) -> QTreeWidgetItem:
            item = QTreeWidgetItem([text])
            item.setData(0, ROLE, (what, ident))
            (parent.addChild(item) if parent is not None else self.addTopLevelItem(item))
            return item

        node(None, f"Situation ({len(project.rich_picture.items)} rich-picture items)", "situation")
        people = node(None, "Perspectives", "perspectives")
        for p in project.perspectives:
            holder = node(people, p.name, "perspective", p.id)
            for rd in (r for r in project.root_definitions if r.perspective == p.id):
                rd_item = node(holder, f"Root definition: {rd.title or 'untitled'}", "root-definition", rd.id)
                for cm in (m for m in project.conceptual_models if m.root_definition == rd.id):
                    node(rd_item, f"Conceptual model ({len(cm.activities)} activities)", "conceptual-model", cm.id)
        cld = project.cld
        node(None, f"Causal-loop diagram ({len(cld.variables)} variables, {len(cld.links)} claims)", "cld")
        node(None, "Comparison of perspectives", "compare")
        node(None, f"Actions ({len(project.actions)})", "actions")
        self.expandAll()

    def _activated(self, item: QTreeWidgetItem, column: int = 0) -> None:
        what, ident = item.data(0, ROLE)
        self.chosen.emit(what, ident)
