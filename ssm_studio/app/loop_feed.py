"""Hands a causal-loop scene the loops of the perspectives it shows.

The scene only draws the report it is given (CldScene.show_report) and says when the one it
shows has gone stale (loops_stale); the session's loop tracker does the search, off the UI
thread, a moment after the last change (several changes in a row make one search). A feed is
a child of its scene, so it goes when the scene goes.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from ..analysis import LoopReport
from ..render.cld_scene import CldScene
from ..workspace.loop_tracker import LoopTracker

DEBOUNCE_MS = 150
# Presenting: a lead stepping on through a storyline has each step shown at once, and the
# loops of what it shows are found once they pause (a search started between two quick steps
# took the UI thread's time through the interpreter lock, up to 60 ms a step on a large map).
PRESENTING_MS = 600


class LoopFeed(QObject):
    _ready = Signal(object)  # a report, from the tracker's worker thread to the UI thread

    def __init__(self, tracker: LoopTracker, scene: CldScene, budget: float = 0.3) -> None:
        super().__init__(scene)
        self.tracker, self.scene, self.budget = tracker, scene, budget
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        # After the views have painted: a search running meanwhile would take half of the UI
        # thread's time through the interpreter lock.
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.refresh)
        self._ready.connect(self._show)
        scene.loops_stale.connect(self.timer.start)
        self.timer.start()

    def presenting(self, on: bool) -> None:
        self.timer.setInterval(PRESENTING_MS if on else DEBOUNCE_MS)

    def refresh(self, wait: bool = False) -> None:
        """Search for the loops of the perspectives the scene shows; ``wait``: on this thread,
        shown before this returns (a screenshot must show them)."""
        self.timer.stop()
        if self.gone():
            return
        visible = self.scene.visible_perspectives()
        everyone = {p.id for p in self.scene.document.project.perspectives}
        chosen = None if visible == everyone else visible
        self.scene.searched_for = visible
        if wait:
            self._show(self.tracker.compute(chosen, self.budget))
        else:
            self.tracker.request(chosen, self._deliver, self.budget, asker=id(self))

    def gone(self) -> bool:
        """Its scene was closed (a closed scene blocks its signals for good, so no stale
        report reaches it either)."""
        return self.scene.signalsBlocked()

    def _deliver(self, report: LoopReport) -> None:
        try:
            self._ready.emit(report)  # queued to the UI thread
        except RuntimeError:
            pass  # the scene (and this feed with it) went while the search ran

    def _show(self, report: LoopReport) -> None:
        if not self.gone():
            self.scene.show_report(report)
