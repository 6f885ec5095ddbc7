"""Renaming an incoming file's ids so that they join a project without a clash.

Ids are renamed kind by kind. Files numbered by another tool reuse "1" for a variable, a
perspective and a link, so one map for every kind would send a perspective's references to
a variable's new id (or leave a link's id clashing because a picture item of the same number
came in unchanged). Each reference field names the kind it points to.
"""

from __future__ import annotations

from typing import Any

from ..model import Project
from ..model.base import new_id

# Where each kind of object lives, and its reference fields: (field, kind it names).
KINDS = ("perspective", "variable", "link", "item", "root_definition", "model", "activity", "dependency",
         "row", "action", "stance")


def ids_by_kind(project: Project) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {kind: set() for kind in KINDS}
    found["perspective"].update(p.id for p in project.perspectives)
    found["variable"].update(v.id for v in project.cld.variables)
    found["link"].update(lk.id for lk in project.cld.links)
    found["item"].update(i.id for i in project.rich_picture.items)
    found["root_definition"].update(rd.id for rd in project.root_definitions)
    for cm in project.conceptual_models:
        found["model"].add(cm.id)
        found["activity"].update(a.id for a in cm.activities)
        found["dependency"].update(d.id for d in cm.dependencies)
        found["row"].update(r.id for r in cm.comparison)
    for action in project.actions:
        found["action"].add(action.id)
        found["stance"].update(s.id for s in action.stances)
    return found


def fresh_maps(incoming: Project, taken: dict[str, set[str]], keep: dict[str, set[str]]) -> dict[str, dict[str, str]]:
    """For each kind, a new id for every incoming id the project already uses (but those in ``keep``)."""
    mine = ids_by_kind(incoming)
    return {kind: {old: new_id() for old in mine[kind] & taken[kind] - keep.get(kind, set())} for kind in KINDS}


def renamed(data: dict[str, Any], maps: dict[str, dict[str, str]]) -> dict[str, Any]:
    """``data`` (a project's JSON dump) with every id and reference renamed; in place."""
    def name(kind: str, value):
        return maps[kind].get(value, value) if isinstance(value, str) else value

    for p in data.get("perspectives", []):
        p["id"] = name("perspective", p["id"])
    cld = data.get("cld", {})
    for v in cld.get("variables", []):
        v["id"] = name("variable", v["id"])
        v["included_by"] = [name("perspective", q) for q in v.get("included_by") or []]
    for link in cld.get("links", []):
        link["id"] = name("link", link["id"])
        link["perspective"] = name("perspective", link["perspective"])
        link["source"], link["target"] = name("variable", link["source"]), name("variable", link["target"])
    for item in data.get("rich_picture", {}).get("items", []):
        item["id"] = name("item", item["id"])
        item["layer"] = name("perspective", item.get("layer"))
        for ref in ("owner", "source", "target"):
            if ref in item:
                item[ref] = name("item", item[ref])
        if "members" in item:
            item["members"] = [name("item", m) for m in item["members"]]
    for rd in data.get("root_definitions", []):
        rd["id"], rd["perspective"] = name("root_definition", rd["id"]), name("perspective", rd["perspective"])
    for cm in data.get("conceptual_models", []):
        cm["id"], cm["root_definition"] = name("model", cm["id"]), name("root_definition", cm["root_definition"])
        for activity in cm.get("activities", []):
            activity["id"] = name("activity", activity["id"])
        for dep in cm.get("dependencies", []):
            dep["id"] = name("dependency", dep["id"])
            dep["source"], dep["target"] = name("activity", dep["source"]), name("activity", dep["target"])
        for row in cm.get("comparison", []):
            row["id"], row["activity"] = name("row", row["id"]), name("activity", row["activity"])
    for action in data.get("actions", []):
        action["id"], action["source_row"] = name("action", action["id"]), name("row", action.get("source_row"))
        for stance in action.get("stances", []):
            stance["id"], stance["perspective"] = name("stance", stance["id"]), name("perspective", stance["perspective"])
    return data
