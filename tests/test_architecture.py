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
