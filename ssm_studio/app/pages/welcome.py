"""The welcome page a new or empty project opens on: recent files, the examples, and a
short tour of how SSM works here, instead of a blank canvas."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from .base import Page

TOUR = """<h3>How SSM works here</h3>
<ol>
<li><b>The situation</b> — draw a <i>rich picture</i> of the mess: people, places, conflicts,
worries, in figures, ink and speech bubbles (F4).</li>
<li><b>Perspectives</b> — add one per stakeholder group (Ctrl+Shift+P). Each is a parallel,
equally valid way of seeing the situation; none is the default.</li>
<li><b>Root definitions</b> — for each perspective, name a relevant system with CATWOE and
PQR (the Root definitions panel).</li>
<li><b>Conceptual models</b> — the activities each system would need, started from its root
definition (F8).</li>
<li><b>Comparison</b> — set each model against the real world, activity by activity.</li>
<li><b>Changes</b> — which changes each perspective finds desirable and feasible.</li>
<li><b>Action</b> — what the partnership agrees to do; export the comparison pack for the board
(Ctrl+Shift+E).</li>
</ol>
<p>Alongside, the <b>causal-loop diagram</b> (F3) holds every perspective's causal claims as
layers: double-click to add a variable, L and drag to claim a link.</p>"""


class WelcomeWidget(QWidget):
    open_path = Signal(str)
    open_example = Signal(str)
    add_perspective = Signal()
    start_drawing = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Welcome")
        title = QLabel("<h2>Welcome to SSM Studio</h2>"
                       "<p>Model a messy situation from several stakeholders' points of view.</p>")
        title.setWordWrap(True)
        start = QPushButton("Add the first perspective…")
        start.setAccessibleName("Add the first perspective")
        start.clicked.connect(self.add_perspective)
        draw = QPushButton("Draw the situation (rich picture)")
        draw.clicked.connect(self.start_drawing)
        self.recent = QListWidget()
        self.recent.setAccessibleName("Recent projects")
        self.recent.itemActivated.connect(lambda item: self.open_path.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.examples = QListWidget()
        self.examples.setAccessibleName("Example projects")
        self.examples.itemActivated.connect(
            lambda item: self.open_example.emit(item.data(Qt.ItemDataRole.UserRole)))
        left = QVBoxLayout()
        left.addWidget(title)
        buttons = QHBoxLayout()
        buttons.addWidget(start)
        buttons.addWidget(draw)
        buttons.addStretch(1)
        left.addLayout(buttons)
        left.addWidget(QLabel("<b>Recent projects</b>"))
        left.addWidget(self.recent, 1)
        left.addWidget(QLabel("<b>Examples</b> (each opens as your own copy)"))
        left.addWidget(self.examples, 1)
        tour = QLabel(TOUR)
        tour.setWordWrap(True)
        tour.setAlignment(Qt.AlignmentFlag.AlignTop)
        tour.setMargin(8)
        scroller = QScrollArea()
        scroller.setWidget(tour)
        scroller.setWidgetResizable(True)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(scroller, 1)

    def fill(self, recent: list[str], examples: list[tuple[str, str]]) -> None:
        self.recent.clear()
        for path in recent:
            item = QListWidgetItem(f"{Path(path).name}    {Path(path).parent}")
            item.setData(Qt.ItemDataRole.UserRole, path)
            self.recent.addItem(item)
        if not recent:
            self.recent.addItem(QListWidgetItem("(none yet)"))
        self.examples.clear()
        for path, title in examples:
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, path)
            self.examples.addItem(item)


class WelcomePage(Page):
    key = "welcome"
    title = "Welcome"

    def __init__(self, lists) -> None:
        super().__init__(WelcomeWidget())
        self.welcome: WelcomeWidget = self.widget
        self._lists = lists  # () -> (recent paths, [(example path, title)])

    def activate(self) -> None:
        self.welcome.fill(*self._lists())
