"""The interface in Welsh (issue #27, item 1), through Qt's own workflow: strings marked where
they are written, extracted by pyside6-lupdate, translated in resources/i18n/ssm_studio_cy.ts,
compiled by pyside6-lrelease, loaded as the language chosen in Help → Language.

So far the main window's menus, actions and toolbar, and the workshop room's panel and
dialogs, are marked; MARKED lists the modules
held to having every user-visible string marked, and grows as the rest of the interface is."""

from __future__ import annotations

import ast
import subprocess
import xml.etree.ElementTree as ET  # noqa: S405 - our own file, written by lupdate
from pathlib import Path

import pytest

from ssm_studio.app import i18n

ROOT = Path(__file__).resolve().parents[2]
WELSH = ROOT / "resources" / "i18n" / "ssm_studio_cy.ts"
MARKED = [ROOT / "ssm_studio" / "app" / name for name in ("window_actions.py", "room_panel.py", "room_dialogs.py")]
# The calls whose first text argument a user reads: in the marked modules it must be tr(...)
# or a word marked with QT_TRANSLATE_NOOP (N), never a bare string.
TEXT_CALLS = {"act": 1, "command": 1, "menu": 0, "addMenu": 0, "addToolBar": 0, "setAccessibleName": 0,
              "setToolTip": 0, "setText": 0, "setIconText": 0, "addAction": 0, "QLabel": 0, "QPushButton": 0,
              "QCheckBox": 0, "setWindowTitle": 0, "setPlaceholderText": 0, "addRow": 0, "addItem": 0,
              "QListWidgetItem": 0}


def _messages(ts: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) -> the translation, None while unfinished."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):  # noqa: S314 - our own file
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") not in ("unfinished", "obsolete", "vanished")
            found[(name, message.findtext("source") or "")] = (translation.text or "") if done else None
    return found


def test_every_marked_string_of_the_interface_has_a_welsh_translation(tmp_path):
    extracted = tmp_path / "now.ts"
    subprocess.run([str(Path(i18n.lrelease()).with_name("lupdate")), "-silent", "-tr-function-alias",
                    "translate+=tr,QT_TRANSLATE_NOOP+=N", "-target-language", "cy", *map(str, MARKED), "-ts", str(extracted)],
                   check=True, capture_output=True, timeout=120)
    wanted = _messages(extracted)
    kept = _messages(WELSH)
    assert len(wanted) >= 100
    missing = sorted(f"{c}: {s!r}" for c, s in wanted if (c, s) not in kept)
    assert not missing, "marked but not in ssm_studio_cy.ts (run pyside6-lupdate, see app/i18n.py):\n" + \
        "\n".join(missing)
    unfinished = sorted(f"{c}: {s!r}" for (c, s) in wanted if not kept[(c, s)])
    assert not unfinished, "not translated yet:\n" + "\n".join(unfinished)
    for (_context, source), welsh in kept.items():  # what a shortcut, a tab or a placeholder needs stays
        if welsh:
            assert ("\t" in source) == ("\t" in welsh) and ("%1" in source) == ("%1" in welsh), source


def test_no_user_visible_string_is_left_unmarked_in_the_marked_modules():
    unmarked = []
    for path in MARKED:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            index = TEXT_CALLS.get(name)
            if index is None or len(node.args) <= index:
                continue
            text = node.args[index]
            if isinstance(text, ast.Constant) and isinstance(text.value, str) and text.value.strip():
                unmarked.append(f"{path.name}:{node.lineno}: {text.value!r}")
            elif isinstance(text, ast.JoinedStr):
                unmarked.append(f"{path.name}:{node.lineno}: an f-string (use tr() and %1)")
    assert not unmarked, "\n".join(unmarked)


@pytest.fixture
def welsh(qapp):
    assert i18n.install("cy")
    yield
    i18n.install("en")


def test_a_window_made_in_welsh_speaks_welsh_and_english_again_after(qtbot, welsh, store):
    from ssm_studio.app.main_window import MainWindow
    from ssm_studio.app.session import DocumentSession

    from .conftest import discard_changes

    window = MainWindow(DocumentSession(recovery=store))
    qtbot.addWidget(window, before_close_func=discard_changes)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[:3] == ["&Ffeil", "&Golygu", "G&weld"] and "&Cymorth" in menus
    assert window.actions_["save"].text() == "&Cadw"
    assert window.actions_["tool_link"].text().startswith("Offeryn &Cysylltu")
    assert window.actions_["pol_minus"].text().endswith("\t-")  # the key is still shown
    assert window.actions_["save"].shortcut().toString()  # and still works
    assert window.language_actions["cy"].isChecked() or not window.preferences.language()


def test_the_language_is_chosen_in_the_help_menu_and_kept(qtbot, window):
    window.language_actions["cy"].trigger()
    assert window.preferences.language() == "cy"
    assert "Cymraeg" in window.statusBar().currentMessage()
    window.language_actions["en"].trigger()
    assert window.preferences.language() == "en"
    assert i18n.chosen_language("xx") in i18n.LANGUAGES and i18n.chosen_language("cy") == "cy"
