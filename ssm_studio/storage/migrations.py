"""Step-by-step upgrades of project.json from older format versions.

Each step takes the raw JSON dict of version N and returns version N + 1. Old files are
kept in tests/fixtures so every step stays exercised.
"""

from __future__ import annotations

from collections.abc import Callable

from ..errors import InvalidProjectError, NewerFormatError
from ..model import FORMAT_VERSION

Migration = Callable[[dict], dict]

# from-version -> function producing from-version + 1
MIGRATIONS: dict[int, Migration] = {}


def register(from_version: int) -> Callable[[Migration], Migration]:
    def decorate(step: Migration) -> Migration:
        MIGRATIONS[from_version] = step
        return step

    return decorate


def migrate(data: dict, source: str, target: int = FORMAT_VERSION,
            steps: dict[int, Migration] | None = None) -> dict:
    """Bring ``data`` up to ``target``; refuse files from the future with the version needed."""
    steps = MIGRATIONS if steps is None else steps
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InvalidProjectError(
            f"{source}: the project has no valid format_version, so it cannot be read safely."
        )
    if version > target:
        raise NewerFormatError(
            f"{source} was saved by a newer SSM Studio (file format {version}; this version reads "
            f"up to {target}). Please update SSM Studio to open it. The file has not been changed."
        )
    while version < target:
        step = steps.get(version)
        if step is None:
            raise InvalidProjectError(f"{source}: no upgrade is known from file format {version}.")
        data = step(data)
        version += 1
        data["format_version"] = version
    return data


@register(1)
def _variables_can_be_pinned(data: dict) -> dict:
    """Format 2 adds ``pinned`` to variables; a format-1 variable is not pinned (the default),
    so nothing in the document needs to change."""
    return data


@register(2)
def _variables_have_a_kind(data: dict) -> dict:
    """Format 3 adds ``kind`` (variable, stock or flow) to variables; every format-2
    variable is a plain variable (the default), so nothing in the document changes."""
    return data


@register(3)
def _projects_have_storylines(data: dict) -> dict:
    """Format 4 adds ``storylines`` (steps to present); a format-3 project has none (the
    default), so nothing in the document changes."""
    return data


@register(4)
def _projects_have_a_spotlight_review(data: dict) -> dict:
    """Format 5 adds ``spotlight`` (the SPOTlight review: evidence, delivery chain, action plan,
    stocktakes) and ``snapshots``; a format-4 project has an empty review and none (the
    defaults), so nothing in the document changes."""
    return data


@register(5)
def _projects_have_client_journeys(data: dict) -> dict:
    """Format 6 adds ``services`` (kept per project) and ``journeys`` (a client's or a family's
    touchpoints with services, tied to causal-loop variables); a format-5 project has none
    (the defaults), so nothing in the document changes."""
    return data
