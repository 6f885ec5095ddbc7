"""Presenting a storyline to a room: full screen, the projector look, one key a step.

The window itself presents (the room sees the real model, and the lead can stop, make the
edit a participant suggests, an ordinary undoable edit, and carry on): its panels, menus,
toolbar and status bar step aside, High Contrast goes on, and a caption band shows the
step's words. Right, Down, Page Down, Space and Enter go on; Left, Up, Page Up and Backspace
go back; Home and End jump; between steps on one canvas the view glides to the new area
(camera_glide.py); L turns on a spotlight that follows the pointer; Esc (or F5
again) stops and gives back the window as it was.
Presentation clickers send Page Up and Page Down (some send F5, Esc and "." too, which
blanks the screen here as in slide software). A presenter view, a window of its own for the
lead's screen, shows the step, the next one, the notes and the time.

A step names perspectives and a loop that may since have been deleted: such a step is
played without them, or skipped if nothing of it is left, with a note, never an error.
"""

from __future__ import annotations

import time
from collections.abc import Mapping

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPainterPath
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QVBoxLayout, QWidget

from ..analysis.loops import Loop
from ..model import PAGE_WORDS, Storyline, StoryStep
from .camera_glide import CameraGlide, centre_of


def _app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)  # presenting needs the running app
    return app


NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space, Qt.Key.Key_Return,
             Qt.Key.Key_Enter}
BACK_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace}
STOP_KEYS = {Qt.Key.Key_Escape, Qt.Key.Key_F5}
BLANK_KEYS = {Qt.Key.Key_Period, Qt.Key.Key_B}
SPOTLIGHT_KEY = Qt.Key.Key_L  # a spotlight that follows the pointer, as a laser pointer would


def apply_step(window, step: StoryStep, loops: Mapping[str, Loop] | None,
               glide: CameraGlide | None = None) -> tuple[bool, list[str]]:
    """Show ``step`` in ``window``; whether anything of it could be shown, and notes on what
    it names that is no longer in the project. With ``glide``, a step on the page already
    shown travels there from where the view was (camera_glide.py)."""
    project = window.session.document.project
    page_before = window.page_key
    existing = [p.id for p in project.perspectives]
    shown = [p for p in step.shown if p in existing]
    notes: list[str] = []
    if step.shown and not shown:
        return False, ["every perspective this step showed has been deleted"]
    if len(shown) < len(step.shown):
        notes.append(f"{len(step.shown) - len(shown)} perspective(s) of this step were deleted; shown without them")
    if step.loop and loops is not None and step.loop not in loops:
        return False, ["the loop this step showed is no longer in the diagram"]
    window.show_page(step.page)
    if step.page in ("overlay", "side_by_side"):
        window.scene.expect_highlight(step.loop or None)  # shown with the perspectives, in one pass
    window.layers.show_only(set(shown or existing))
    if step.page in ("overlay", "side_by_side"):
        window.scene.highlight_loop(step.loop or None)
    if step.page == "conceptual_model" and step.conceptual_model:
        if any(cm.id == step.conceptual_model for cm in project.conceptual_models):
            window.models.select_model(step.conceptual_model)
        else:
            notes.append("the conceptual model this step showed has been deleted")
    view = window.page.view
    if view is not None:
        travel = glide is not None and window.page_key == page_before and view.isVisible()
        start, start_centre = view.transform(), centre_of(view)
        area = _loop_area(window, step.loop, loops) if step.area is None and step.page == "overlay" else None
        if step.area is not None:
            area = QRectF(step.area.x, step.area.y, step.area.width, step.area.height)
        if area is not None:
            view.fitInView(area, Qt.AspectRatioMode.KeepAspectRatio)
            if view.transform().m11() > 1.5:  # a small loop is not blown up past legible
                view.resetTransform()
                view.scale(1.5, 1.5)
                view.centerOn(area.center())
        elif hasattr(view, "fit"):
            view.fit()
        if travel and glide is not None:
            glide.glide(view, start, start_centre)
    return True, notes


def _loop_area(window, key: str, loops: Mapping[str, Loop] | None = None) -> QRectF | None:
    """A loop step with no area of its own: the loop's boxes with room around them. The loop
    is the presentation's own (found once for the whole diagram): the scene's report follows
    the perspectives shown and may not be in yet, and a step must not land elsewhere then."""
    loop = (loops or {}).get(key) if key else None
    report = window.scene.report
    if loop is None and report is not None and key:
        loop = next((lp for lp in report.loops if lp.key == key), None)
    if loop is None:
        return None
    area = QRectF()
    for variable_id in loop.variables:
        item = window.scene.variable_items.get(variable_id)
        if item is not None:
            area = area.united(item.sceneBoundingRect())
    return area.adjusted(-160, -120, 160, 120) if not area.isNull() else None


class CaptionBand(QLabel):
    """The step's caption across the foot of the projected window, in large words."""

    def __init__(self, parent: QMainWindow) -> None:
        super().__init__(parent)
        self.window_ = parent
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAccessibleName("Step caption")
        self.setStyleSheet("QLabel { background: rgba(0, 0, 0, 215); color: white; font-size: 26px; "
                           "font-weight: 600; padding: 14px 28px; }")
        self.hide()

    def show_text(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))
        self.place()
        # The page takes its new height before it is fitted. Only layout requests are handled:
        # processing every event here would let a clicker's next key re-enter the step.
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    def remove(self) -> None:
        central = self.window_.centralWidget()
        if central is not None:
            central.setContentsMargins(0, 0, 0, 0)
        self.deleteLater()

    def place(self) -> None:
        """Across the foot of the window, in the room the page leaves it (the page is given
        a bottom margin of the caption's height, so a fitted diagram stays above it)."""
        parent = self.window_
        width = parent.width()
        # Long captions (a root definition) in smaller words, never below 20 px.
        size = 26 if len(self.text()) < 160 else 22 if len(self.text()) < 320 else 20
        self.setStyleSheet(f"QLabel {{ background: rgba(0, 0, 0, 215); color: white; font-size: {size}px; "
                           "font-weight: 600; padding: 12px 28px; }")
        height = self.heightForWidth(width) if self.hasHeightForWidth() else self.sizeHint().height()
        height = height if self.isVisible() else 0
        central = parent.centralWidget()
        if central is not None:
            central.setContentsMargins(0, 0, 0, height)
        self.setGeometry(0, parent.height() - height, width, height)
        self.raise_()


class Spotlight(QWidget):
    """The room's eyes on one place: everything dimmed but a circle round the pointer."""

    RADIUS = 110

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # clicks go through
        self.at = QPoint(parent.width() // 2, parent.height() // 2)
        self.hide()

    def follow(self, at: QPoint) -> None:
        self.at = at
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        shade = QPainterPath()
        shade.addRect(QRectF(self.rect()))
        hole = QPainterPath()
        hole.addEllipse(QPointF(self.at), self.RADIUS, self.RADIUS)
        painter.fillPath(shade.subtracted(hole), QColor(0, 0, 0, 170))
        painter.end()


class PresenterView(QWidget):
    """For the lead's own screen: this step, the next, the notes and the time."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Presenter view — SSM Studio")
        self.setAccessibleName("Presenter view")
        layout = QVBoxLayout(self)
        self.position = QLabel()
        self.current = QLabel()
        self.next = QLabel()
        self.notes = QLabel()
        self.clock = QLabel()
        for label in (self.position, self.current, self.next, self.notes, self.clock):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
        self.current.setStyleSheet("font-size: 20px; font-weight: 600;")
        self.notes.setStyleSheet("font-size: 16px;")
        layout.addStretch(1)
        self.resize(720, 480)

    def show_step(self, storyline: Storyline, index: int, notes: list[str]) -> None:
        steps = storyline.steps
        step = steps[index]
        self.position.setText(f"{storyline.name}: step {index + 1} of {len(steps)} · {PAGE_WORDS[step.page]}")
        self.current.setText(step.caption or "(no caption)")
        following = steps[index + 1] if index + 1 < len(steps) else None
        self.next.setText(f"Next: {following.caption or PAGE_WORDS[following.page]}" if following else "Next: the end")
        said = [step.notes] if step.notes else []
        self.notes.setText("\n".join(said + [f"Note: {n}" for n in notes]) or "No speaker notes.")

    def show_time(self, seconds: float) -> None:
        minutes, rest = divmod(int(seconds), 60)
        self.clock.setText(f"Elapsed {minutes}:{rest:02d}")


class Presentation(QObject):
    """One run of a storyline in a window."""

    step_shown = Signal(int, list)  # index, notes
    stopped = Signal()

    def __init__(self, window, storyline_id: str, start: int = 0, presenter: bool | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.storyline_id = storyline_id
        self.index = start
        self.notes: list[str] = []
        self.blank = False
        self._loop_keys: dict[str, Loop] | None = None  # the whole diagram's loops, by key
        self._unsubscribe = window.session.document.subscribe(self._document_changed)
        self._saved: dict = {}
        self._bars: list = []
        self._tools: list = []
        self.caption = CaptionBand(window)
        self.spotlight = Spotlight(window)
        self.started = time.monotonic()
        many_screens = len(QGuiApplication.screens()) > 1
        self.presenter = PresenterView() if (presenter if presenter is not None else many_screens) else None
        self._tick = QTimer(self)
        self._tick.timeout.connect(self._show_time)
        self.glide = CameraGlide(self)  # between steps on one canvas, the view travels

    # Running ------------------------------------------------------------------------------
    @property
    def storyline(self) -> Storyline | None:
        return next((s for s in self.window.session.document.project.storylines if s.id == self.storyline_id), None)

    def begin(self, full_screen: bool = True) -> None:
        """``full_screen`` False keeps the window's size (a screenshot of a step)."""
        window = self.window
        window.presentation = self  # the window keeps its panels aside while this runs
        self._saved = {"geometry": window.saveGeometry(), "state": window.saveState(),
                       "contrast": window.actions_["high_contrast"].isChecked(),
                       "menu": window.menuBar().isVisible(), "status": window.statusBar().isVisible(),
                       "page": window.page_key}
        if not self._saved["contrast"]:
            window.actions_["high_contrast"].trigger()
        for dock in window._docks.values():
            dock.hide()
        window.main_toolbar.hide()
        # No scroll bars on the projector (the views pan by dragging all the same).
        self._bars = [page.view for page in window.pages.values() if page.view is not None]
        for view in self._bars:
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        window.menuBar().hide()
        window.statusBar().hide()
        self._tools = [w for w in (getattr(page.panel, "side", None) for page in window.pages.values()
                                   if hasattr(page, "panel")) if w is not None and w.isVisibleTo(w.parentWidget())]
        for tools in self._tools:  # a page's own palette (the rich picture's figures)
            tools.hide()
        screens = QGuiApplication.screens()
        if full_screen and len(screens) > 1:  # the projector: the screen the window is not on
            own = window.screen()
            window.setScreen(next((s for s in screens if s is not own), own))
        if full_screen:
            window.showFullScreen()
        _app().installEventFilter(self)
        window.pages["overlay"].loop_feed.presenting(True)
        if self.presenter is not None:
            self.presenter.show()
            self._tick.start(1000)
        self.go(self.index, 1)

    def go(self, index: int, direction: int = 1) -> None:
        """Show step ``index``; a step with nothing left of it is passed over, onward."""
        storyline = self.storyline
        if storyline is None or not storyline.steps:
            self.stop()
            return
        index = max(0, min(index, len(storyline.steps) - 1))
        self.glide.finish()  # a key mid-glide: land where it was going, then move on
        skipped: list[str] = []
        while 0 <= index < len(storyline.steps):
            self.caption.show_text(storyline.steps[index].caption)
            shown, notes = apply_step(self.window, storyline.steps[index], self._loops(), self.glide)
            if shown:
                break
            skipped.append(f"step {index + 1} skipped: {notes[0]}")
            index += direction
        else:
            index = max(0, min(self.index, len(storyline.steps) - 1))
            notes = []
        self.index = index
        self.notes = skipped + notes
        self.blank = False
        self.window.page.widget.setVisible(True)
        if self.caption.text() != storyline.steps[index].caption:  # came back to a step shown before
            self.caption.show_text(storyline.steps[index].caption)
        if self.presenter is not None:
            self.presenter.show_step(storyline, index, self.notes)
        self.step_shown.emit(index, self.notes)

    def forward(self) -> None:
        self.go(self.index + 1, 1)

    def back(self) -> None:
        self.go(self.index - 1, -1)

    def stop(self) -> None:
        self.glide.finish()
        _app().removeEventFilter(self)
        self._unsubscribe()
        self._tick.stop()
        window = self.window
        window.presentation = None
        window.pages["overlay"].loop_feed.presenting(False)
        self.caption.remove()
        self.spotlight.deleteLater()
        for tools in self._tools:
            tools.show()
        for view in self._bars:
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
            view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        if self.presenter is not None:
            self.presenter.close()
        window.showNormal()
        if self._saved:
            window.restoreGeometry(self._saved["geometry"])
            window.restoreState(self._saved["state"])
            window.menuBar().setVisible(self._saved["menu"])
            window.statusBar().setVisible(self._saved["status"])
            window.main_toolbar.show()
            if not self._saved["contrast"] and window.actions_["high_contrast"].isChecked():
                window.actions_["high_contrast"].trigger()
            window.show_all_layers()
            window.scene.highlight_loop(None)
        self.stopped.emit()

    # What the room sees -------------------------------------------------------------------
    def toggle_blank(self) -> None:
        """A black screen while the room talks (the "." of slide software)."""
        self.blank = not self.blank
        self.window.page.widget.setVisible(not self.blank)
        self.caption.setVisible(not self.blank and bool(self.caption.text()))

    def _loops(self) -> dict[str, Loop] | None:
        if self._loop_keys is None:
            from ..analysis.loops import find_loops

            self._loop_keys = {lp.key: lp for lp in find_loops(self.window.session.document.project, None,
                                                               time_budget=1.0).loops}
        return self._loop_keys

    def _document_changed(self, _events) -> None:
        self._loop_keys = None  # an edit while presenting: the loops are found again when needed

    def _show_time(self) -> None:
        if self.presenter is not None:
            self.presenter.show_time(time.monotonic() - self.started)

    def toggle_spotlight(self) -> None:
        spot = self.spotlight
        spot.setGeometry(self.window.rect())
        spot.setVisible(not spot.isVisible())
        spot.raise_()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize and watched is self.window:
            self.caption.place()
            self.spotlight.setGeometry(self.window.rect())
        if event.type() == QEvent.Type.MouseMove and self.spotlight.isVisible():
            self.spotlight.follow(self.window.mapFromGlobal(event.globalPosition().toPoint()))
        if event.type() != QEvent.Type.KeyPress or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        if QApplication.activeModalWidget() is not None or self._typing(watched):
            return False  # a dialog or a text field opened to edit: the keys are theirs
        key = event.key()
        if key in STOP_KEYS:
            self.stop()
        elif key in NEXT_KEYS:
            self.forward()
        elif key in BACK_KEYS:
            self.back()
        elif key == Qt.Key.Key_Home:
            self.go(0, 1)
        elif key == Qt.Key.Key_End:
            storyline = self.storyline
            self.go(len(storyline.steps) - 1 if storyline else 0, -1)
        elif key in BLANK_KEYS:
            self.toggle_blank()
        elif key == SPOTLIGHT_KEY:
            self.toggle_spotlight()
        else:
            return False
        return True

    @staticmethod
    def _typing(widget) -> bool:
        """Someone is typing in a field (a name, a note, a table cell): arrows move its cursor."""
        from PySide6.QtWidgets import (
            QAbstractSpinBox,
            QComboBox,
            QLineEdit,
            QPlainTextEdit,
            QTextEdit,
        )

        if isinstance(widget, (QLineEdit, QAbstractSpinBox)):
            return not getattr(widget, "isReadOnly", lambda: False)()
        if isinstance(widget, (QPlainTextEdit, QTextEdit)):
            return not widget.isReadOnly()
        return isinstance(widget, QComboBox) and widget.isEditable()


def toggle_presentation(window, storyline_id: str | None = None, start: int = 0,
                        presenter: bool | None = None) -> Presentation | None:
    """F5: present (the chosen storyline, or the first; one made from the model, as an
    undoable edit, when the project has none), or stop presenting."""
    running = getattr(window, "presentation", None)
    if running is not None:
        running.stop()
        return None
    project = window.session.document.project
    if not project.storylines:
        from ..analysis.storyline import generate_storyline
        from ..edits.storyline_edits import add_storyline

        if not window.session.push(add_storyline(generate_storyline(project))):
            return None
    if storyline_id is None or all(s.id != storyline_id for s in project.storylines):
        storyline_id = project.storylines[0].id
    presentation = Presentation(window, storyline_id, start, presenter)
    presentation.begin()
    return presentation
