"""Render the main window offscreen to a PNG, for documentation and visual checks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ..errors import SsmError


class ScreenshotError(SsmError):
    pass


def take_screenshot(file: str, out: str, view: str = "cld", perspectives: list[str] | None = None,
                    size: tuple[int, int] = (1600, 1000), high_contrast: bool = False,
                    storyline: str | None = None, step: int | None = None) -> Path:
    """``storyline`` and ``step`` (from 1): that step as the room sees it when presented."""
    from .launch import application

    application()
    from .main_window import MainWindow
    from .session import DocumentSession

    session = DocumentSession.open(file)
    window = MainWindow(session)
    project = session.document.project
    if perspectives:
        ids = set()
        for name in perspectives:
            found = project.perspective_named(name)
            if found is None:
                known = ", ".join(f"'{p.name}'" for p in project.perspectives)
                raise ScreenshotError(f"there is no perspective called '{name}' (the file has: {known})")
            ids.add(found.id)
        window.layers.show_only(ids)
        window.layers.set_active(next(p.id for p in project.perspectives if p.id in ids))
    if high_contrast:
        window.actions_["high_contrast"].setChecked(True)
        window.toggle_high_contrast()
    window.resize(*size)
    window.show()
    for _ in range(3):
        QCoreApplication.processEvents()
    window.pages["overlay"].loop_feed.refresh(wait=True)  # the picture must show the loops
    if storyline is not None:
        _present_step(window, storyline, step or 1)
    else:
        window.set_mode({"cld": "overlay"}.get(view, view))
        for _ in range(3):
            QCoreApplication.processEvents()
        window.fit_current()
    QCoreApplication.processEvents()
    target = Path(out)
    if not window.grab().save(str(target), "PNG"):
        raise ScreenshotError(f"could not write '{target}'")
    session.undo_stack.setClean()
    window.close()
    return target


def _present_step(window, name: str, number: int) -> None:
    from .presenting import Presentation

    project = window.session.document.project
    chosen = next((s for s in project.storylines if s.name.strip().casefold() == name.strip().casefold()), None)
    if chosen is None:
        known = ", ".join(f"'{s.name}'" for s in project.storylines) or "none"
        raise ScreenshotError(f"there is no storyline called '{name}' (the file has: {known})")
    if not 1 <= number <= len(chosen.steps):
        raise ScreenshotError(f"the storyline '{chosen.name}' has steps 1 to {len(chosen.steps)}, not {number}")
    presentation = Presentation(window, chosen.id, number - 1, presenter=False)
    presentation.begin(full_screen=False)
    for _ in range(3):
        QCoreApplication.processEvents()
    window.pages["overlay"].loop_feed.refresh(wait=True)
    presentation.go(number - 1)  # again, now the loops of the perspectives shown are known
    QCoreApplication.processEvents()
