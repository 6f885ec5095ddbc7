"""World Café tables in the workshop room: the facilitator splits the room into tables, each
a room of its own on the same host, starting from the project as it is; people are seated
round-robin; each table models its question; gathering the tables brings each table's work
back into the whole room through the ordinary merge (interop/merge.py) and its review.

What a table brings back (``contribution``) is what it changed: the perspectives it made or
changed (each joins as a perspective of its own, 'Families (Table 2)', beside the one it
grew from, so the room can compare them), the variables those hold, and the actions it added
or changed. A table that changed nothing brings nothing.

The arrangement (which tables, who sits where, whether they are open) lives in a map of the
room's main document of its own, ``tables``, which the project mapping never reads: like
presence, it never reaches a saved file."""

from __future__ import annotations

import json

from pycrdt import Doc, Map

from ..edits import perspective_edits as pe
from ..model import Project
from .transport import ROOM_PATH

TABLES = "tables"
ARRANGEMENT = "arrangement"
MAX_TABLES = 12


def table_path(table_id: str) -> str:
    return f"{ROOM_PATH}/{table_id}"


def write_arrangement(doc: Doc, arrangement: dict) -> None:
    doc.get(TABLES, type=Map)[ARRANGEMENT] = json.dumps(arrangement, ensure_ascii=False, sort_keys=True)


def read_arrangement(doc: Doc) -> dict:
    """{'open': bool, 'tables': [{'id', 'name', 'members': [client ids]}]}; closed if unreadable."""
    text = doc.get(TABLES, type=Map).get(ARRANGEMENT)
    try:
        arrangement = json.loads(text) if text else {}
    except (TypeError, ValueError):
        arrangement = {}
    if not isinstance(arrangement, dict) or not isinstance(arrangement.get("tables"), list):
        return {"open": False, "tables": []}
    return arrangement


def seat_of(arrangement: dict, who: str) -> dict | None:
    """The table ``who`` sits at while the tables are open."""
    if not arrangement.get("open"):
        return None
    return next((t for t in arrangement["tables"] if isinstance(t, dict) and who in t.get("members", [])), None)


def seat_round_robin(people: list[str], count: int) -> list[list[str]]:
    tables: list[list[str]] = [[] for _ in range(count)]
    for index, who in enumerate(sorted(people)):
        tables[index % count].append(who)
    return tables


def contribution(start: Project, table: Project) -> Project | None:
    """What the table changed since ``start``, as a project to merge (see the module's
    docstring); None when it changed nothing."""
    before = {p.id: _perspective_state(start, p.id) for p in start.perspectives}
    changed = {p.id for p in table.perspectives if before.get(p.id) != _perspective_state(table, p.id)}
    old_actions = {a.id: a.model_dump(mode="json") for a in start.actions}
    new_actions = [a for a in table.actions if old_actions.get(a.id) != a.model_dump(mode="json")]
    new_variables = {v.id for v in table.cld.variables} - {v.id for v in start.cld.variables}
    if not changed and not new_actions and not new_variables:
        return None
    # The perspectives the table left as they were are removed from a copy by the ordinary
    # edit (their claims, definitions, items and stances with them); the copy is checked whole
    # below, so it is changed directly rather than through a Document's listeners and undo.
    copy = table.model_copy(deep=True)
    for perspective in [p for p in table.perspectives if p.id not in changed]:
        pe.remove_perspective(copy, perspective.id).apply(copy)
    data = copy.model_dump(mode="json")
    kept_actions = {a.id for a in new_actions}
    data["actions"] = [a for a in data["actions"] if a["id"] in kept_actions]
    return Project.model_validate(data)


def _perspective_state(project: Project, perspective_id: str) -> str:
    """Everything one perspective holds, as comparable text."""
    perspective = project.perspective(perspective_id)
    rds = [rd for rd in project.root_definitions if rd.perspective == perspective_id]
    rd_ids = {rd.id for rd in rds}
    held = {
        "perspective": perspective.model_dump(mode="json") if perspective is not None else None,
        "claims": sorted((lk.model_dump(mode="json") for lk in project.cld.links if lk.perspective == perspective_id),
                         key=lambda d: d["id"]),
        "variables": sorted(v.id for v in project.cld.variables if perspective_id in v.included_by),
        "items": sorted((i.model_dump(mode="json") for i in project.rich_picture.items if i.layer == perspective_id),
                        key=lambda d: d["id"]),
        "root_definitions": [rd.model_dump(mode="json") for rd in rds],
        "models": [cm.model_dump(mode="json") for cm in project.conceptual_models if cm.root_definition in rd_ids],
    }
    return json.dumps(held, sort_keys=True)
