"""The interface's language, through Qt's own translation workflow.

Strings are marked where they are written, ``tr("Context", "text")`` (QCoreApplication.
translate; ``QT_TRANSLATE_NOOP`` for tables of words kept at module level), extracted by
pyside6-lupdate into ``resources/i18n/ssm_studio_<language>.ts`` (Qt Linguist edits them):

    pyside6-lupdate -tr-function-alias translate+=tr,QT_TRANSLATE_NOOP+=N -target-language cy \\
        ssm_studio/app/*.py ssm_studio/app/*/*.py -ts resources/i18n/ssm_studio_cy.ts

The translator loads the compiled ``.qm``: packaging/build.sh compiles it with
pyside6-lrelease; where none is installed beside the ``.ts`` (a checkout, an editable install)
it is compiled once, by the lrelease that comes with PySide6, beside it or into the user's
cache. The
language is the one chosen in the Help menu (kept in Preferences), else the system's on first
start, else English, the language the strings are written in.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QStandardPaths, QTranslator

LANGUAGES = {"en": "English", "cy": "Cymraeg"}  # the languages the interface speaks, in their own words
_installed: list[QTranslator] = []


def N(context: str, text: str) -> str:  # noqa: N802 - Qt's QT_TRANSLATE_NOOP, by a short name lupdate is told of
    """Marks ``text`` for translation where it is kept (a table of words at module level);
    ``tr(context, text)`` translates it where it is shown."""
    return text


def tr(context: str, text: str, n: int = -1) -> str:
    """``text`` in the interface's language (``n``: a count, for the right plural form)."""
    return QCoreApplication.translate(context, text, None, n)


def arg(text: str, *values: object) -> str:
    """``text`` with %1, %2 … filled in, as QString.arg does (a translation may reorder them)."""
    for number, value in sorted(enumerate(values, 1), reverse=True):  # %10 before %1
        text = text.replace(f"%{number}", str(value))
    return text


def system_language() -> str:
    """The system's language where the interface speaks it, else English."""
    code = QLocale.system().name().split("_")[0].lower()
    return code if code in LANGUAGES else "en"


def chosen_language(stored: str | None) -> str:
    return stored if stored in LANGUAGES else system_language()


def translations_folder() -> Path:
    from ..bundled import resource_dir

    return resource_dir("i18n")


def compiled(language: str) -> Path | None:
    """The ``.qm`` of ``language``: the one beside its ``.ts`` (an installed build's, or one
    compiled there before), else compiled by the lrelease that comes with PySide6, beside the
    ``.ts`` where that folder may be written (a checkout) or into the user's cache, and again
    whenever the ``.ts`` is newer; None if there is none to be had."""
    source = translations_folder() / f"ssm_studio_{language}.ts"
    beside = source.with_suffix(".qm")
    cache = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation) or
                 Path.home() / ".cache" / "ssm-studio") / "i18n" / beside.name
    for candidate in (beside, cache):
        if candidate.is_file() and (not source.is_file() or candidate.stat().st_mtime >= source.stat().st_mtime):
            return candidate
    if not source.is_file():
        return None
    for target in (beside, cache):
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            done = subprocess.run([str(lrelease()), "-silent", str(source), "-qm", str(target)],
                                  capture_output=True, timeout=60, check=False)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if done.returncode == 0 and target.is_file():
            return target
    return None


def lrelease() -> Path:
    import PySide6

    folder = Path(PySide6.__file__).parent
    return next((p for p in (folder / "lrelease", folder / "lrelease.exe", folder / "Qt" / "libexec" / "lrelease")
                 if p.is_file()), folder / "lrelease")


def install(language: str) -> bool:
    """Speak ``language`` from now on (strings already shown keep theirs); True if it is
    English or its translation loaded."""
    app = QCoreApplication.instance()
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    if language == "en" or app is None:
        return language == "en"
    path = compiled(language)
    translator = QTranslator(app)
    if path is None or not translator.load(str(path)):
        return False
    QCoreApplication.installTranslator(translator)
    _installed.append(translator)
    return True
