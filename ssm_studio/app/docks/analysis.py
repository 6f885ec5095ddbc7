"""The analysis panel: the questions a partnership asks of its map, for the perspectives shown.

What drives a variable and what it drives (trees), the signed routes between two variables,
what a push does (sign-only prediction), which loops each perspective holds and which no one
sees alone, candidate archetypes, leverage and loop hygiene. Each runs on a worker thread
and answers in plain words; the map is copied first, so editing goes on meanwhile.
"""

from __future__ import annotations

import html
import threading

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..session import DocumentSession
from .analysis_answers import answer
from .following import Following


class _Worker(QObject):
    answered = Signal(int, str)  # request number, HTML

    def run(self, number: int, compute) -> None:
        def work() -> None:
            try:
                text = compute()
            except Exception as error:  # noqa: BLE001 - said in the panel, never lost
                text = f"<p>That question could not be answered: {html.escape(str(error))}</p>"
            try:
                self.answered.emit(number, text)
            except RuntimeError:
                pass  # the panel closed meanwhile

        threading.Thread(target=work, daemon=True, name="ssm-analysis").start()


class AnalysisPanel(QWidget):
    def __init__(self, session: DocumentSession, visible_perspectives, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.visible_perspectives = visible_perspectives  # () -> set of perspective ids shown
        self.setAccessibleName("Analysis")
        self.variable = QComboBox()
        self.variable.setAccessibleName("Variable to ask about")
        self.target = QComboBox()
        self.target.setAccessibleName("Second variable, for routes")
        for chooser in (self.variable, self.target):  # long names must not widen the panel
            chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            chooser.setMinimumContentsLength(12)
        self.answer = QTextBrowser()
        self.answer.setAccessibleName("Answer")
        self.answer.setOpenLinks(False)
        self._worker = _Worker(self)
        self._worker.answered.connect(self._show)
        self._asked = 0
        grid = QGridLayout()
        grid.setSpacing(3)
        questions = [
            ("Causes", "What drives the chosen variable?", lambda: self.ask("causes")),
            ("Effects", "What does the chosen variable drive?", lambda: self.ask("uses")),
            ("Push up", "What happens if the chosen variable is pushed up (signs only)?", lambda: self.ask("up")),
            ("Push down", "… and pushed down?", lambda: self.ask("down")),
            ("Routes", "Every signed route from the chosen variable to the second one", lambda: self.ask("paths")),
            ("Loops", "Which perspectives hold each loop, and which loops no one sees alone",
             lambda: self.ask("loops")),
            ("Archetypes", "Candidate system archetypes, as questions", lambda: self.ask("archetypes")),
            ("Leverage", "Where to push: degree, betweenness, loops, MICMAC", lambda: self.ask("leverage")),
            ("Hygiene", "Loops to name, stale names, the shortest independent loop set",
             lambda: self.ask("hygiene")),
        ]
        self.buttons = {}
        for index, (text, tip, slot) in enumerate(questions):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.clicked.connect(slot)
            grid.addWidget(button, index // 2, index % 2)  # two columns keep the panel narrow
            self.buttons[text] = button
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Variable"))
        layout.addWidget(self.variable)
        layout.addWidget(QLabel("to (for routes)"))
        layout.addWidget(self.target)
        layout.addLayout(grid)
        layout.addWidget(self.answer, 1)
        self.following = Following(self, session.document, [("cld", "variables")], self.refresh,
                                   kinds=("added", "removed", "changed"))
        self.refresh()

    def refresh(self) -> None:
        for chooser in (self.variable, self.target):
            current = chooser.currentData()
            chooser.blockSignals(True)
            chooser.clear()
            for v in sorted(self.session.document.project.cld.variables, key=lambda v: v.name.casefold()):
                chooser.addItem(v.name, v.id)
            index = chooser.findData(current)
            chooser.setCurrentIndex(index if index >= 0 else 0)
            chooser.blockSignals(False)
        if self.target.count() > 1 and self.target.currentIndex() == self.variable.currentIndex():
            self.target.setCurrentIndex(1)

    def ask(self, question: str) -> int:
        """Ask on a worker thread; returns the request's number (the panel shows the newest)."""
        project = self.session.document.project.model_copy(deep=True)
        everyone = {p.id for p in project.perspectives}
        shown = self.visible_perspectives()
        chosen = None if shown == everyone else sorted(shown)
        first, second = self.variable.currentData(), self.target.currentData()
        self._asked += 1
        self.answer.setHtml("<p><i>Working it out…</i></p>")
        self._worker.run(self._asked, lambda: answer(project, question, chosen, first, second))
        return self._asked

    def _show(self, number: int, text: str) -> None:
        if number == self._asked:  # an older question's late answer is not shown
            self.answer.setHtml(text)
            self.last_answer = text

    def close_document(self) -> None:
        self.following.stop()
