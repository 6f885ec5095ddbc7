"""Version in one place, the changelog, About's component list, and the Linux desktop files."""

import configparser
import re
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

from ssm_studio import __version__

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"


def test_the_version_lives_in_one_place(capsys):
    from ssm_studio.cli.main import main

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and project["project"]["dynamic"] == ["version"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "ssm_studio.__version__"}
    try:
        main(["--version"])
    except SystemExit:
        pass
    assert capsys.readouterr().out.strip() == f"ssm-studio {__version__}"
    metainfo = ET.parse(PACKAGING / "org.ssmstudio.SsmStudio.metainfo.xml").getroot()
    assert metainfo.find("releases/release").get("version") == __version__


def test_the_changelog_records_this_version():
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "Keep a Changelog" in text and "## [Unreleased]" in text
    assert re.search(rf"^## \[{re.escape(__version__)}\] - \d{{4}}-\d{{2}}-\d{{2}}$", text, re.MULTILINE)


def test_about_lists_versions_and_licences_of_bundled_components(qapp):
    from PySide6.QtCore import qVersion

    from ssm_studio.app.about import about_html, component_rows

    names = {row[0] for row in component_rows()}
    assert {"SSM Studio", "Python", "PySide6-Essentials", "reportlab", "Qt", "Material Design Icons",
            "DejaVu fonts"} <= names
    html = about_html()
    assert __version__ in html and qVersion() in html and "Apache-2.0" in html and "LGPL-3.0" in html


def test_desktop_entry_file_type_and_icons():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(PACKAGING / "org.ssmstudio.SsmStudio.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"].startswith("ssm-studio ") and desktop["Icon"] == "ssm-studio"
    assert "application/x-ssm-studio" in desktop["MimeType"]
    mime = ET.parse(PACKAGING / "ssm-studio-mime.xml").getroot()
    namespace = "{http://www.freedesktop.org/standards/shared-mime-info}"
    kind = mime.find(f"{namespace}mime-type")
    assert kind.get("type") == "application/x-ssm-studio"
    assert kind.find(f"{namespace}glob").get("pattern") == "*.ssm"
    icons = ROOT / "resources" / "icons"
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        assert (icons / f"ssm-studio-{size}.png").is_file()
    assert (icons / "ssm-studio.ico").is_file() and (icons / "ssm-studio.icns").is_file()


def test_the_appstream_metainfo_validates():
    # appstreamcli comes with packaging/system-packages.txt, which the test command installs.
    assert shutil.which("appstreamcli"), "install the Debian package 'appstream'"
    done = subprocess.run(["appstreamcli", "validate", "--no-net",
                           str(PACKAGING / "org.ssmstudio.SsmStudio.metainfo.xml")],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_components_command_lists_what_about_shows(capsys):
    import json

    from ssm_studio.cli.main import main

    assert main(["components", "--json"]) == 0
    parts = {row["name"]: row for row in json.loads(capsys.readouterr().out)["components"]}
    assert parts["SSM Studio"]["version"] == __version__
    assert parts["pygraphviz"]["licence"].endswith("Graphviz: EPL-1.0")
    assert parts["Material Design Icons"]["licence"] == "Apache-2.0"
