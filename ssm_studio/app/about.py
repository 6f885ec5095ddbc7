"""Help → About: this version, and the versions and licences of what it bundles."""

from __future__ import annotations

import sys
from importlib.metadata import PackageNotFoundError, version

from .. import __version__

# Distribution, what it is to a user, its licence.
COMPONENTS = [
    ("PySide6-Essentials", "Qt for Python", "LGPL-3.0"),
    ("pydantic", "document model", "MIT"),
    ("networkx", "graph analysis", "BSD-3-Clause"),
    ("reportlab", "PDF comparison pack", "BSD-3-Clause"),
    ("svglib", "diagrams in the pack", "LGPL-3.0"),
    ("Pillow", "images", "MIT-CMU"),
    ("qtawesome", "icon font loader", "MIT"),
    ("pygraphviz", "Graphviz layout (with Graphviz's libraries)", "BSD-3-Clause; Graphviz: EPL-1.0"),
]
ASSETS = [
    ("Qt", "the toolkit", "LGPL-3.0"),
    ("Material Design Icons", "toolbar icons, via qtawesome", "Apache-2.0"),
    ("DejaVu fonts", "text of the PDF pack (resources/fonts)", "Bitstream Vera / public domain"),
    ("Stencils", "rich-picture figures (resources/stencils), drawn for SSM Studio", "MIT"),
]


def component_rows() -> list[tuple[str, str, str, str]]:
    """(name, version, purpose, licence) of everything bundled that is installed here."""
    rows = [("SSM Studio", __version__, "this program", "MIT"),
            ("Python", sys.version.split()[0], "the interpreter", "PSF-2.0")]
    for dist, purpose, licence in COMPONENTS:
        try:
            rows.append((dist, version(dist), purpose, licence))
        except PackageNotFoundError:
            continue  # not part of this installation (an optional component)
    try:
        from PySide6.QtCore import qVersion

        qt = qVersion()
    except ImportError:
        qt = "?"
    for name, purpose, licence in ASSETS:
        rows.append((name, qt if name == "Qt" else "", purpose, licence))
    return rows


def about_html() -> str:
    cells = "".join(f"<tr><td>{name}</td><td>{ver}</td><td>{purpose}</td><td>{licence}</td></tr>"
                    for name, ver, purpose, licence in component_rows())
    return (f"<h3>SSM Studio {__version__}</h3><p>Soft Systems Methodology and causal-loop diagrams "
            "with parallel stakeholder perspectives.</p><p><b>Bundled components</b></p>"
            "<table cellspacing='0' cellpadding='3'><tr><th align='left'>Component</th>"
            "<th align='left'>Version</th><th align='left'>For</th><th align='left'>Licence</th></tr>"
            f"{cells}</table>")
