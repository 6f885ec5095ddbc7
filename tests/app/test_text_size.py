"""Larger and smaller text: no crash, the window keeps its size, the canvas text follows."""

import subprocess
import sys
import textwrap


def test_larger_then_smaller_text_twice_does_not_crash():
    """Loop labels changed size without telling the scene's index, and Qt crashed in a later
    paint (a segmentation fault, so this runs in its own process)."""
    code = textwrap.dedent("""
        from ssm_studio.app.launch import application
        from ssm_studio.app.main_window import MainWindow
        from ssm_studio.app.session import DocumentSession
        from ssm_studio.bundled import default_example
        from ssm_studio.storage import RecoveryStore
        import tempfile
        app = application()
        session = DocumentSession.open(default_example(), recovery=RecoveryStore(tempfile.mkdtemp()))
        window = MainWindow(session, None)
        window.resize(1366, 768)
        window.show()
        for _ in range(5):
            app.processEvents()
        window.pages["overlay"].loop_feed.refresh(wait=True)
        assert window.scene.loop_items
        for key in ("text_bigger", "text_bigger", "text_smaller", "text_smaller", "text_bigger"):
            window.actions_[key].trigger()
            for _ in range(5):
                app.processEvents()
            window.grab()
        window.session.undo_stack.setClean()
        print("survived", window.width())
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["survived", "1366"]


def test_the_rich_picture_s_words_grow_on_the_projector_and_the_model_keeps_its_sizes(window, qtbot):
    window.show_page("rich_picture")
    scene = window.pages["rich_picture"].panel.scene
    items = window.session.document.project.rich_picture.items
    sizes = [(item.id, getattr(item, "width", None), getattr(item, "height", None)) for item in items]
    before = scene.smallest_label()
    bubble = next(item for item in items if item.kind == "bubble")
    drawn = scene.variable_items[bubble.id].boundingRect().width()
    window.actions_["high_contrast"].trigger()  # F7, as a workshop lead presses it
    assert scene.text_scale >= 1.4
    assert scene.smallest_label() >= before * 1.35  # every label larger, none left behind
    assert scene.variable_items[bubble.id].boundingRect().width() > drawn  # the bubble grew with its words
    assert [(item.id, getattr(item, "width", None), getattr(item, "height", None)) for item in items] == sizes
    assert window.session.undo_stack.count() == 0  # a look, not an edit
    window.actions_["high_contrast"].trigger()
    assert scene.text_scale == 1.0 and scene.smallest_label() == before
