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
