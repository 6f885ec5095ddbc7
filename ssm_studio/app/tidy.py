"""Diagram → Tidy Layout: Graphviz (or the built-in layout) off the UI thread, with progress and
cancel, animated into place, then one undoable step."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QPointF, Qt, QVariantAnimation, Signal
from PySide6.QtWidgets import QProgressDialog

ANIMATION_MS = 350


class TidyJob(QObject):
    """Lays out on a worker thread; ``done`` arrives on the UI thread with the positions (or
    not at all when cancelled, or when the document changed meanwhile)."""

    done = Signal(object)  # LayoutResult
    failed = Signal(str)

    def __init__(self, compute: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cancelled = False
        self._thread = threading.Thread(target=self._run, args=(compute,), daemon=True, name="ssm-tidy")

    def start(self) -> None:
        self._thread.start()

    def _run(self, compute) -> None:
        try:
            result = compute()
        except Exception as error:  # noqa: BLE001 - said to the user, never lost in a thread
            if not self.cancelled:
                self._emit(self.failed, f"The layout failed: {error}")
            return
        if not self.cancelled:
            self._emit(self.done, result)

    def _emit(self, signal, value) -> None:
        try:
            signal.emit(value)  # queued to the UI thread
        except RuntimeError:
            pass  # the window closed meanwhile


def tidy(window, scene, compute: Callable[[], object], push_moves: Callable[[dict], bool],
         what: str = "diagram") -> TidyJob:
    """Start a tidy of ``scene``: ``compute`` runs off the UI thread; the boxes glide to the
    new places, and ``push_moves`` then records them as one undo step."""
    revision = window.session.document.revision
    progress = QProgressDialog(f"Laying out the {what}…", "Cancel", 0, 0, window)
    progress.setWindowTitle("Tidy layout")
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(400)  # quick layouts finish before it would show
    job = TidyJob(compute, window)

    def cancel() -> None:
        job.cancelled = True
        window.say("Tidy layout cancelled; nothing moved.")

    def finished(result) -> None:
        progress.reset()
        if job.cancelled:
            return
        if window.session.document.revision != revision:
            window.say("The diagram changed while it was being laid out; nothing moved. Try again.")
            return
        animate(scene, result.positions, lambda: _record(window, push_moves, result))

    def failed(message: str) -> None:
        progress.reset()
        window.refuse(message)

    progress.canceled.connect(cancel)
    job.done.connect(finished)
    job.failed.connect(failed)
    window.tidy_job = job  # kept alive until it reports
    job.start()
    return job


def _record(window, push_moves, result) -> None:
    if push_moves(result.positions):
        engine = "the built-in layout" if result.engine == "fallback" else f"Graphviz ({result.engine})"
        window.say(f"Tidied {len(result.positions)} boxes with {engine}. Ctrl+Z puts them back."
                   + (f" {result.note}" if result.note else ""))


def animate(scene, positions: dict[str, tuple[float, float]], then: Callable[[], None]) -> None:
    """Glide each box from where it is to where the layout puts it; ``then`` runs at the end."""
    items = {key: scene.variable_items[key] for key in positions if key in scene.variable_items}
    starts = {key: item.pos() for key, item in items.items()}
    animation = QVariantAnimation(scene)
    animation.setStartValue(0.0)
    animation.setEndValue(1.0)
    animation.setDuration(ANIMATION_MS)

    def step(value) -> None:
        t = float(value)
        for key, item in items.items():
            start, end = starts[key], QPointF(*positions[key])
            item.setPos(end if t >= 1.0 else start + (end - start) * t)  # exactly there at the end

    animation.valueChanged.connect(step)
    animation.finished.connect(then)
    animation.start(QVariantAnimation.DeletionPolicy.DeleteWhenStopped)
