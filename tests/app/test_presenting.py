"""Presenting a storyline: F5 in, keys and clickers through the steps, Esc out; an edit on
the way is undoable; a step whose perspective or loop has gone is skipped (issue #23, item 2)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from ssm_studio.analysis.storyline import generate_storyline
from ssm_studio.edits.causal_edits import claim_link
from ssm_studio.edits.storyline_edits import add_storyline, remove_storyline
from ssm_studio.model import Storyline, StoryStep


def _without_storylines(window) -> None:
    """The example comes with a storyline of its own: these tests present the one they make."""
    project = window.session.document.project
    for told in list(project.storylines):
        assert window.session.push(remove_storyline(told.id))
    window.session.undo_stack.clear()


def _storyline(window) -> Storyline:
    _without_storylines(window)
    project = window.session.document.project
    storyline = generate_storyline(project)
    assert window.session.push(add_storyline(storyline))
    return project.storylines[-1]


def _press(qtbot, window, key) -> None:
    qtbot.keyClick(window.focusWidget() or window, key)


def test_f5_presents_full_screen_and_esc_gives_the_window_back(qtbot, window):
    _storyline(window)
    assert not window.actions_["high_contrast"].isChecked()
    window.actions_["present"].trigger()
    presentation = window.presentation
    assert presentation is not None and window.isFullScreen()
    assert window.actions_["high_contrast"].isChecked()  # the projector look
    assert not window.menuBar().isVisible() and not window.main_toolbar.isVisible()
    assert not any(dock.isVisible() for dock in window._docks.values())
    assert presentation.caption.isVisible() and presentation.caption.text()
    _press(qtbot, window, Qt.Key.Key_Escape)
    assert window.presentation is None and not window.isFullScreen()
    assert not window.actions_["high_contrast"].isChecked()
    assert window.menuBar().isVisible() and window.main_toolbar.isVisible()


def test_the_keys_and_a_clicker_step_through_pages_perspectives_and_loops(qtbot, window):
    storyline = _storyline(window)
    project = window.session.document.project
    window.actions_["present"].trigger()
    presentation = window.presentation
    steps = storyline.steps
    assert window.page_key == "rich_picture"  # the situation first
    seen = []
    for index in range(1, len(steps)):
        key = (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Space)[index % 3]  # a clicker sends Page Down
        _press(qtbot, window, key)
        assert presentation.index == index
        step = steps[index]
        assert window.page_key == step.page
        visible = {p.id for p in project.perspectives if window.layers.is_visible(p.id)}
        assert visible == set(step.shown or [p.id for p in project.perspectives])
        if step.page == "overlay":
            assert window.scene.highlighted == (step.loop or None)
            if step.loop:
                seen.append(step.loop)
        assert presentation.caption.text() == step.caption
    assert seen  # loops were picked on the way
    _press(qtbot, window, Qt.Key.Key_PageUp)
    assert presentation.index == len(steps) - 2
    _press(qtbot, window, Qt.Key.Key_Home)
    assert presentation.index == 0 and window.page_key == "rich_picture"
    _press(qtbot, window, Qt.Key.Key_End)
    assert presentation.index == len(steps) - 1
    _press(qtbot, window, Qt.Key.Key_Period)  # blank the screen while the room talks
    assert presentation.blank and not window.page.widget.isVisible()
    _press(qtbot, window, Qt.Key.Key_Period)
    assert not presentation.blank
    window.actions_["present"].trigger()  # F5 again stops
    assert window.presentation is None


def test_an_edit_while_presenting_is_an_ordinary_undoable_edit(qtbot, window):
    _storyline(window)
    project = window.session.document.project
    window.actions_["present"].trigger()
    _press(qtbot, window, Qt.Key.Key_Right)
    depth = window.session.undo_stack.count()
    owner = project.perspectives[0].id
    claimed = {(lk.source, lk.target) for lk in project.cld.links if lk.perspective == owner}
    ids = [v.id for v in project.cld.variables]
    a, b = next((a, b) for a in ids for b in ids if a != b and (a, b) not in claimed)
    assert window.session.push(claim_link(project, a, b, owner, "+")[0])  # a participant's claim
    assert window.presentation is not None and window.session.undo_stack.count() == depth + 1
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.undo_stack.count() == depth + 1 and window.session.undo_stack.index() == depth
    _press(qtbot, window, Qt.Key.Key_Right)  # and carry on
    assert window.presentation.index == 2
    window.presentation.stop()


def test_a_step_whose_perspective_or_loop_has_gone_is_skipped_with_a_note(qtbot, window):
    _without_storylines(window)
    project = window.session.document.project
    first = project.perspectives[0].id
    storyline = Storyline(name="Gaps", steps=[
        StoryStep(page="overlay", shown=[first], caption="Still here"),
        StoryStep(page="overlay", shown=["deleted-perspective"], caption="Gone"),
        StoryStep(page="overlay", loop="a-loop-since-deleted", caption="Loop gone"),
        StoryStep(page="overlay", shown=[first, "deleted-perspective"], caption="Half here"),
    ])
    assert window.session.push(add_storyline(storyline))
    window.actions_["present"].trigger()
    presentation = window.presentation
    notes = []
    presentation.step_shown.connect(lambda index, said: notes.append((index, said)))
    _press(qtbot, window, Qt.Key.Key_Right)
    assert presentation.index == 3 and presentation.caption.text() == "Half here"
    said = notes[-1][1]
    assert any("step 2 skipped" in n and "deleted" in n for n in said)
    assert any("step 3 skipped" in n and "no longer in the diagram" in n for n in said)
    assert any("1 perspective(s) of this step were deleted" in n for n in said)
    _press(qtbot, window, Qt.Key.Key_Left)  # back over the gaps to the first step
    assert presentation.index == 0
    presentation.stop()


def test_the_presenter_view_shows_this_step_the_next_and_the_notes(qtbot, window):
    from ssm_studio.app.presenting import toggle_presentation

    storyline = _storyline(window)
    presentation = toggle_presentation(window, storyline.id, presenter=True)
    view = presentation.presenter
    assert view is not None and view.isVisible()
    assert view.current.text() == storyline.steps[0].caption
    assert view.next.text() == f"Next: {storyline.steps[1].caption}"
    assert "step 1 of" in view.position.text()
    _press(qtbot, window, Qt.Key.Key_Right)
    assert view.current.text() == storyline.steps[1].caption
    assert storyline.steps[1].notes in view.notes.text()
    presentation._show_time()
    assert view.clock.text().startswith("Elapsed 0:")
    presentation.stop()
    assert not view.isVisible()


def test_f5_on_a_project_with_no_storyline_makes_one_as_an_undoable_edit(qtbot, window):
    _without_storylines(window)
    project = window.session.document.project
    assert not project.storylines
    window.actions_["present"].trigger()
    assert len(project.storylines) == 1 and window.presentation is not None
    window.presentation.stop()
    window.session.undo_stack.undo()
    assert not project.storylines


def test_a_step_renders_as_the_room_sees_it_at_projector_sizes(tmp_path, example_path):
    """ssm-studio screenshot FILE --storyline NAME --step N, at 1920×1080 and 1280×720."""
    import subprocess
    import sys

    from PySide6.QtGui import QImage

    story = tmp_path / "story.ssm"
    made = subprocess.run([sys.executable, "-m", "ssm_studio.cli.main", "storyline", str(example_path), "--generate",
                           "--name", "Board", "-o", str(story)], capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    for size, step in (("1920x1080", 9), ("1280x720", 1)):
        out = tmp_path / f"step-{size}.png"
        shot = subprocess.run([sys.executable, "-m", "ssm_studio.cli.main", "screenshot", str(story), "--storyline",
                               "board", "--step", str(step), "--size", size, "-o", str(out)],
                              capture_output=True, text=True, timeout=120)
        assert shot.returncode == 0, shot.stderr
        image = QImage(str(out))
        assert f"{image.width()}x{image.height()}" == size
        foot = QColor(image.pixel(image.width() // 2, image.height() - 8))
        assert foot.lightness() < 80  # the caption band across the foot
    wrong = subprocess.run([sys.executable, "-m", "ssm_studio.cli.main", "screenshot", str(story), "--storyline",
                            "Board", "--step", "99", "-o", str(tmp_path / "x.png")], capture_output=True, text=True,
                           timeout=120)
    assert wrong.returncode == 1 and "has steps 1 to" in wrong.stderr


def test_the_spotlight_follows_the_pointer_and_dims_the_rest(qtbot, window):
    _storyline(window)
    window.actions_["present"].trigger()
    presentation = window.presentation
    _press(qtbot, window, Qt.Key.Key_L)
    spot = presentation.spotlight
    assert spot.isVisible() and spot.geometry() == window.rect()
    at = window.view.viewport().rect().center()
    qtbot.mouseMove(window.view.viewport(), at)
    seen = window.grab().toImage()
    centre = window.view.viewport().mapTo(window, at)
    assert spot.at == centre
    inside = QColor(seen.pixel(centre.x(), centre.y() + 20)).lightness()
    corner = QColor(seen.pixel(20, 20)).lightness()
    assert corner < inside  # dimmed outside the circle
    _press(qtbot, window, Qt.Key.Key_L)
    assert not spot.isVisible()
    presentation.stop()


def test_between_steps_on_one_canvas_the_view_glides_and_a_key_lands_it_at_once(qtbot, window):
    from ssm_studio.app.presenting import apply_step

    from .conftest import fresh_loops

    storyline = _storyline(window)
    fresh_loops(qtbot, window.scene)  # the loops' areas no longer change under the test
    steps = storyline.steps
    # A step on the overlay followed by one of its loops: the view goes from the whole map to the loop.
    index = next(i for i in range(1, len(steps) - 1) if steps[i].page == "overlay" and not steps[i].loop
                 and steps[i + 1].page == "overlay" and steps[i + 1].loop)
    window.actions_["present"].trigger()
    presentation = window.presentation
    qtbot.wait(100)  # the window settles at its full-screen size before anyone steps
    presentation.go(index)
    presentation.glide.finish()
    view = window.page.view

    def state():
        return view.transform().m11(), view.mapToScene(view.viewport().rect().center())

    def where_a_jump_lands():
        """The step shown again at once, without a glide: where the view must have landed."""
        apply_step(window, steps[presentation.index], presentation._loops())
        return state()

    whole = view.transform().m11()
    _press(qtbot, window, Qt.Key.Key_Right)
    assert presentation.index == index + 1
    assert presentation.glide.running  # travelling, not jumped
    assert abs(view.transform().m11() - whole) < 0.05 * whole  # it starts from where the room was looking
    qtbot.waitUntil(lambda: not presentation.glide.running, timeout=2000)
    landed = state()
    assert landed[0] > whole * 1.1  # closer in, on the loop
    jump = where_a_jump_lands()
    assert jump[0] == landed[0] and (jump[1] - landed[1]).manhattanLength() < 2
    # Back, and on again: a key mid-glide lands it at once where it was going.
    _press(qtbot, window, Qt.Key.Key_Left)
    assert presentation.glide.running
    _press(qtbot, window, Qt.Key.Key_Right)  # Presentation.go finishes the glide first
    assert presentation.index == index + 1
    presentation.glide.finish()
    mid = state()
    jump = where_a_jump_lands()
    assert jump[0] == mid[0] and (jump[1] - mid[1]).manhattanLength() < 2
    _press(qtbot, window, Qt.Key.Key_Escape)
    assert not presentation.glide.running


def test_a_diagram_too_large_to_draw_in_a_glide_s_frame_jumps(qtbot, window, monkeypatch):
    from ssm_studio.app import camera_glide

    storyline = _storyline(window)
    steps = storyline.steps
    index = next(i for i in range(1, len(steps) - 1) if steps[i].page == "overlay" and not steps[i].loop
                 and steps[i + 1].page == "overlay" and steps[i + 1].loop)
    window.actions_["present"].trigger()
    presentation = window.presentation
    qtbot.wait(100)
    presentation.go(index)
    monkeypatch.setattr(camera_glide, "GLIDE_MAX_ITEMS", 3)  # the example, as if it were a workshop's whole map
    _press(qtbot, window, Qt.Key.Key_Right)
    assert presentation.index == index + 1 and not presentation.glide.running
    assert window.page.view.transform().m11() > 0.6  # there at once, on the loop
    presentation.stop()
