"""A causal-loop diagram from a spreadsheet of links (from, to, polarity, …).

Many groups start with a list in Excel; this turns it into a diagram. All problems are
collected and reported with their line numbers, and nothing is produced unless every row
is good.
"""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path

from pydantic import ValidationError

from ..errors import ImportProblem, describe_validation_error
from ..layout.graphviz_layout import layout
from ..model import (
    CausalLink,
    Perspective,
    Polarity,
    Project,
    Variable,
    parse_polarity,
    style_for_index,
)
from ..model.limits import MAX_LINKS, MAX_NAME_CHARS, MAX_PERSPECTIVES, MAX_TEXT_CHARS
from .reading import decode, read_bytes

REQUIRED = ("from", "to", "polarity")
OPTIONAL = ("perspective", "delay", "note", "from x", "from y", "to x", "to y")
# Where each end sits on the canvas (SSM Studio writes them, so a round trip keeps the picture).
POSITION_COLUMNS = ("from x", "from y", "to x", "to y")
_TRUE = {"1", "yes", "y", "true", "t", "||", "delay", "delayed"}
_FALSE = {"", "0", "no", "n", "false", "f"}


def import_csv(path: str | Path, perspective: str | None = None) -> Project:
    path = Path(path)
    text = decode(read_bytes(path))  # the size limit and the encodings every foreign file gets
    return links_from_csv_text(text, f"'{path.name}'", perspective or path.stem, title=path.stem)


def _header_map(header: list[str], source: str) -> dict[str, int]:
    columns = {name.strip().lower(): i for i, name in enumerate(header)}
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        raise ImportProblem(
            f"{source} has no column {', '.join(repr(m) for m in missing)} in its first row. "
            "The first row must name the columns: from, to, polarity "
            "(and optionally perspective, delay, note, from x, from y, to x, to y)."
        )
    return {name: columns[name] for name in REQUIRED + OPTIONAL if name in columns}


def links_from_csv_text(text: str, source: str, default_perspective: str,
                        title: str = "Imported diagram") -> Project:
    rows = csv.reader(io.StringIO(text))
    try:
        header = next(rows)
    except StopIteration:
        raise ImportProblem(f"{source} is empty: it needs a header row and at least one link.") from None
    except csv.Error as error:
        raise ImportProblem(f"{source} is not a readable CSV file ({error}).") from None
    cols = _header_map(header, source)

    def cell(row: list[str], name: str) -> str:
        index = cols.get(name)
        return row[index].strip() if index is not None and index < len(row) else ""

    problems: list[str] = []
    parsed: list[tuple[str, str, Polarity, str, bool, str]] = []
    placed: dict[str, tuple[float, float]] = {}  # variable name (folded) -> where the file puts it
    alone: list[str] = []  # variables named with no claim
    try:
        for row in rows:
            line = rows.line_num
            if not any(c.strip() for c in row):
                continue
            source_name, target_name = cell(row, "from"), cell(row, "to")
            polarity_text = cell(row, "polarity")
            polarity = parse_polarity(polarity_text)
            delay_text = cell(row, "delay").lower()
            if source_name and not target_name and not polarity_text:
                # a variable with no claims: a 'from' alone (how write_csv keeps one)
                if len(source_name) > MAX_NAME_CHARS:
                    problems.append(f"line {line}: a variable name is longer than {MAX_NAME_CHARS} characters")
                _read_positions(row, cell, source_name, "", placed, problems, line)
                alone.append(source_name)
                continue
            if not source_name or not target_name:
                problems.append(f"line {line}: a variable name is empty ('from' and 'to' are both needed;"
                                " a 'from' alone, with no polarity, is a variable with no claims)")
            elif max(len(source_name), len(target_name)) > MAX_NAME_CHARS:
                problems.append(f"line {line}: a variable name is longer than {MAX_NAME_CHARS} characters")
            if polarity is None:
                problems.append(
                    f"line {line}: unknown polarity '{polarity_text[:20]}' "
                    "(use +, -, ?, positive, negative, s, o or unknown)"
                )
            if delay_text not in _TRUE | _FALSE:
                problems.append(f"line {line}: delay '{delay_text[:20]}' is not yes or no")
            note = cell(row, "note")
            if len(note) > MAX_TEXT_CHARS:
                problems.append(f"line {line}: the note is too long")
            if len(cell(row, "perspective")) > MAX_NAME_CHARS:
                problems.append(f"line {line}: the perspective name is longer than {MAX_NAME_CHARS} characters")
            _read_positions(row, cell, source_name, target_name, placed, problems, line)
            parsed.append((source_name, target_name, polarity or "?",
                           cell(row, "perspective") or default_perspective,
                           delay_text in _TRUE, note))
            if len(parsed) > MAX_LINKS:
                raise ImportProblem(f"{source} has more than {MAX_LINKS:,} links; not imported.")
    except csv.Error as error:
        problems.append(f"line {rows.line_num}: {error}")
    if problems:
        raise ImportProblem(f"{source} was not imported; fix these rows and try again:", problems)
    if not parsed and not alone:
        raise ImportProblem(f"{source} has a header row but no links.")
    named = {row[3].casefold() for row in parsed}
    if len(named) > MAX_PERSPECTIVES:
        raise ImportProblem(f"{source} names {len(named):,} perspectives; a project holds at most "
                            f"{MAX_PERSPECTIVES}. Not imported.")
    try:
        return _build_project(parsed, title, placed, alone, default_perspective)
    except ValidationError as error:  # a limit the row checks above did not foresee
        raise ImportProblem(f"{source} was not imported: {describe_validation_error(error)}.") from None


def _read_positions(row, cell, source_name: str, target_name: str, placed: dict, problems: list[str],
                    line: int) -> None:
    for name, (x_column, y_column) in ((source_name, POSITION_COLUMNS[:2]), (target_name, POSITION_COLUMNS[2:])):
        x_text, y_text = cell(row, x_column), cell(row, y_column)
        if not (x_text or y_text) or name.casefold() in placed:
            continue
        try:
            x, y = float(x_text), float(y_text)
        except ValueError:
            problems.append(f"line {line}: the position of '{name[:40]}' is not two numbers")
            continue
        if not (math.isfinite(x) and math.isfinite(y)):
            problems.append(f"line {line}: the position of '{name[:40]}' is not two numbers")
            continue
        placed[name.casefold()] = (x, y)


def _build_project(parsed: list[tuple[str, str, Polarity, str, bool, str]], title: str,
                   placed: dict[str, tuple[float, float]] | None = None, alone: list[str] | None = None,
                   default_perspective: str = "Imported") -> Project:
    placed = placed or {}
    project = Project()
    project.metadata.title = title[:MAX_NAME_CHARS]
    variables: dict[str, Variable] = {}
    perspectives: dict[str, Perspective] = {}

    def variable(name: str) -> Variable:
        key = name.casefold()
        if key not in variables:
            variables[key] = Variable(name=name)
        return variables[key]

    links = []
    for source_name, target_name, polarity, perspective_name, delay, note in parsed:
        key = perspective_name.casefold()
        if key not in perspectives:
            colour, dash = style_for_index(len(perspectives))
            perspectives[key] = Perspective(name=perspective_name, colour=colour, dash=dash)
        links.append(CausalLink(
            source=variable(source_name).id, target=variable(target_name).id,
            perspective=perspectives[key].id, polarity=polarity, delay=delay, note=note,
        ))
    for name in alone or []:
        variable(name)
    if not perspectives:  # variables and no claims: still one perspective to hold them
        colour, dash = style_for_index(0)
        perspectives[""] = Perspective(name=default_perspective[:MAX_NAME_CHARS], colour=colour, dash=dash)
    pinned = {v.id: placed[key] for key, v in variables.items() if key in placed}
    if len(pinned) < len(variables):  # lay out only what the file does not place
        pinned = layout([v.id for v in variables.values()], [(lk.source, lk.target) for lk in links],
                        pinned=pinned).positions
    for v in variables.values():
        v.x, v.y = pinned[v.id]
    project.perspectives = list(perspectives.values())
    project.cld.variables = list(variables.values())
    project.cld.links = links
    return Project.model_validate(project.model_dump())
