"""Rules of the house that keep the core usable without a display."""

import subprocess
import sys
import textwrap
from pathlib import Path

PURE = ["model", "edits", "storage", "interop", "layout", "analysis", "workspace"]


def test_core_packages_import_with_pyside6_unimportable():
    code = textwrap.dedent(f"""
        import sys
        class Refuse:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"):
                    raise ImportError("Qt is not allowed here: " + name)
        sys.meta_path.insert(0, Refuse())
        import importlib, pkgutil
        for room in {PURE!r}:
            package = importlib.import_module("ssm_studio." + room)
            for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
                importlib.import_module(info.name)
        import ssm_studio.cli.main, ssm_studio.errors, ssm_studio.bundled
        assert not any(m.startswith("PySide6") for m in sys.modules)
        print("ok")
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_pyside6_is_the_sound_pinned_version():
    from importlib.metadata import version

    # 6.12.0 decrements None's refcount on every QGraphicsItem.setPos (see pyproject.toml).
    assert version("PySide6-Essentials") != "6.12.0"


def test_setpos_does_not_leak_references_to_none(qapp):
    from PySide6.QtWidgets import QGraphicsRectItem

    item = QGraphicsRectItem(0, 0, 10, 10)
    before = sys.getrefcount(None)
    for i in range(5000):
        item.setPos(i, i)
    after = sys.getrefcount(None)
    # A sound binding leaves None's count where it was (give or take the interpreter's noise).
    assert abs(after - before) < 100, (before, after)


def test_the_command_line_starts_without_the_model_qt_or_networkx():
    """--version and --help stay fast: nothing heavy is imported before a file is read."""
    code = textwrap.dedent("""
        import sys
        from ssm_studio.cli.main import main
        try:
            main(["--version"])
        except SystemExit:
            pass
        heavy = sorted({m.split(".")[0] for m in sys.modules} & {"pydantic", "PySide6", "networkx", "reportlab"})
        print(heavy)
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_dialogs_use_only_the_windows_public_commands():
    """Dialogs and their commands call what the window offers (last_folder, maybe_save,
    set_session, say …), never its private methods, which may change under them."""
    import re

    app = Path(__file__).resolve().parents[1] / "ssm_studio" / "app"
    reaching = [f"{path.name}:{n}" for path in app.glob("*dialog*.py")
                for n, line in enumerate(path.read_text().splitlines(), 1) if re.search(r"\bwindow\._\w", line)]
    assert not reaching, reaching
    assert len(list(app.glob("*dialog*.py"))) >= 3


def test_items_and_scenes_are_known_by_their_classes_not_probed():
    """The canvas, editors, overview, exports and pack ask what an item is with isinstance
    on the item kinds (render/item_kinds.py) and call the Diagram protocol on scenes; no
    ``hasattr`` on a scene or an item and no ``role`` attribute."""
    import re

    root = Path(__file__).resolve().parents[1] / "ssm_studio"
    probing = re.compile(r"hasattr\((scene|item|link|self\.scene|m|owner)\b|getattr\((item|scene|owner|m|i), *\"|\.role\b|\"role\"")
    rooms = [root / "render", root / "app", root / "report"]
    found = [f"{path.relative_to(root)}:{n}: {line.strip()}" for room in rooms for path in room.rglob("*.py")
             for n, line in enumerate(path.read_text().splitlines(), 1) if probing.search(line)]
    assert not found, found


def test_every_scene_answers_the_diagram_protocol_and_every_item_has_a_kind(qapp):
    from ssm_studio.analysis import find_loops
    from ssm_studio.bundled import examples
    from ssm_studio.edits import Document
    from ssm_studio.render.cld_scene import CldScene
    from ssm_studio.render.cm_scene import CmScene
    from ssm_studio.render.diagram_scene import Diagram
    from ssm_studio.render.item_kinds import Arrow, Box, Marker
    from ssm_studio.render.layers import LayerState
    from ssm_studio.render.rp_scene import RpScene
    from ssm_studio.storage import read_project

    project = read_project(examples()[0].path).project
    document = Document(project)
    layers = LayerState()
    causal = CldScene(document, layers)
    causal.show_report(find_loops(project, None, time_budget=5))
    assert causal.loop_items
    scenes = [causal, RpScene(document, layers), CmScene(document, project.conceptual_models[0].id)]
    for scene in scenes:
        assert isinstance(scene, Diagram), type(scene).__name__
        assert scene.variable_items, type(scene).__name__
        assert all(isinstance(i, Box) and not isinstance(i, Arrow) for i in scene.variable_items.values())
        assert all(isinstance(i, Arrow) and not isinstance(i, Box) for i in scene.link_items.values())
        assert all(isinstance(i, Marker) for i in scene.loop_items.values())
        scene.close()
