"""Files shipped inside the package: resources (stencils, fonts, icons) and example projects.

Found through importlib.resources, so they are where the installed package is: a source
checkout (an editable install maps ``resources/`` and ``examples/``), a wheel in
site-packages, or a frozen build.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path


def resource_dir(name: str) -> Path:
    """A folder of ``resources/`` (fonts, stencils, icons) on the file system."""
    return Path(str(files("ssm_studio.resources") / name))


def examples_dir() -> Path:
    return Path(str(files("ssm_studio.examples")))


@dataclass(frozen=True)
class Example:
    path: Path
    title: str
    summary: str


def examples() -> list[Example]:
    """Every bundled example project with its title, in name order."""
    from .storage import read_project

    found = []
    for path in sorted(examples_dir().glob("*.ssm")):
        metadata = read_project(path).project.metadata
        found.append(Example(path, metadata.title, metadata.summary))
    return found


def default_example() -> Path:
    return examples_dir() / "stoke-worklessness.ssm"
