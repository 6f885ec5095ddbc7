"""Kumu JSON: the blueprint export and the full project export (with maps and positions).

Kumu has no polarity of its own; teams keep it in a connection field ("connection type" in
many government maps). The user chooses the field, with a guess; a connection field called
"perspective" sorts the claims into one perspective per participant.
"""

from __future__ import annotations

import json
from typing import Any

from ..errors import ImportProblem
from .foreign import ForeignLink, ForeignLoop, ForeignMap, ForeignNode
from .polarity_words import guess_field, read_polarity
from .reading import load_json
from .selection import Selection

PERSPECTIVE_FIELDS = ("perspective", "participant")
_DELAY_TRUE = {"true", "yes", "1", "delay", "delayed"}


def looks_like_kumu(data: Any) -> bool:
    return isinstance(data, dict) and isinstance(data.get("elements"), list) and "connections" in data


def read_kumu(text: str, source: str, polarity_field: str | None = None) -> ForeignMap:
    data = load_json(text, source)
    if not looks_like_kumu(data):
        raise ImportProblem(f"{source} is JSON but not a Kumu export: it has no 'elements' and "
                            "'connections' lists.")
    fmap = ForeignMap(title=str(data.get("name") or data.get("title") or ""))
    for element in data["elements"]:
        if not isinstance(element, dict):
            continue
        attributes = element.get("attributes") or {}
        key = str(element.get("_id") or attributes.get("id") or "")
        label = attributes.get("label") or attributes.get("name") or ""
        if key:
            fmap.add_node(ForeignNode(key, str(label), note=str(attributes.get("description") or "")))
    _positions(data, fmap)
    connections = [c for c in data.get("connections") or [] if isinstance(c, dict)]
    rows = [{k: v for k, v in (c.get("attributes") or {}).items()
             if k.lower() not in PERSPECTIVE_FIELDS + ("id", "description", "delay")} for c in connections]
    guessed, candidates = guess_field(rows)
    field = polarity_field or guessed
    if polarity_field and polarity_field not in candidates and rows and not any(polarity_field in r for r in rows):
        raise ImportProblem(f"{source} has no connection field '{polarity_field}'. Fields that hold "
                            f"polarities: {', '.join(candidates) or 'none'}.")
    fmap.polarity_field, fmap.polarity_fields = field, candidates
    if field:
        fmap.notes.append(f"polarity read from the connection field '{field}'")
    for connection, row in zip(connections, rows, strict=True):
        attributes = connection.get("attributes") or {}
        source_key, target_key = str(connection.get("from") or ""), str(connection.get("to") or "")
        polarity = (read_polarity(row.get(field)) if field else None) or "?"
        perspective = next((str(v) for k, v in attributes.items() if k.lower() in PERSPECTIVE_FIELDS and v), None)
        delay = str(attributes.get("delay", "")).strip().lower() in _DELAY_TRUE
        link = ForeignLink(source_key, target_key, polarity, delay, str(attributes.get("description") or ""),
                           perspective)
        fmap.links.append(link)
        if str(connection.get("direction", "directed")).lower() == "mutual":
            fmap.links.append(ForeignLink(target_key, source_key, polarity, delay, link.note, perspective))
    by_connection = {str(c.get("_id")): (str(c.get("from")), str(c.get("to"))) for c in connections}
    for loop in data.get("loops") or []:
        if isinstance(loop, dict):
            ends = [by_connection[c] for c in loop.get("connections") or [] if c in by_connection]
            label = str((loop.get("attributes") or {}).get("label") or "")
            if ends:
                fmap.loops.append(ForeignLoop(name=label, nodes=[a for a, _b in ends]))
    return fmap


def _positions(data: dict, fmap: ForeignMap) -> None:
    for kumu_map in data.get("maps") or []:
        if not isinstance(kumu_map, dict):
            continue
        placed = 0
        for entry in kumu_map.get("elements") or []:
            position = entry.get("position") if isinstance(entry, dict) else None
            node = fmap.nodes.get(str(entry.get("element"))) if isinstance(entry, dict) else None
            if node and isinstance(position, dict) and node.x is None:
                try:
                    node.x, node.y = float(position["x"]), float(position["y"])
                    placed += 1
                except (KeyError, TypeError, ValueError):
                    continue
        if placed:
            return  # positions from the first map that has any


def write_kumu(selection: Selection) -> bytes:
    elements, placed = [], []
    for v in selection.variables:
        element_id = f"elem-{v.id}"
        elements.append({"_id": element_id, "attributes": {"label": v.name, "description": v.note}})
        placed.append({"_id": f"node-{v.id}", "element": element_id, "position": {"x": v.x, "y": v.y}})
    connections = []
    for link in selection.links:
        connections.append({
            "_id": f"conn-{link.id}", "from": f"elem-{link.source}", "to": f"elem-{link.target}",
            "direction": "directed",
            "attributes": {"connection type": link.polarity, "delay": "yes" if link.delay else "no",
                           "perspective": selection.perspective_name(link.perspective),
                           "description": link.note},
        })
    document = {
        "name": selection.project.metadata.title,
        "elements": elements, "connections": connections,
        "maps": [{"_id": "map-ssm-studio", "name": selection.project.metadata.title, "elements": placed,
                  "connections": [{"_id": f"edge-{c['_id']}", "connection": c["_id"]} for c in connections]}],
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
