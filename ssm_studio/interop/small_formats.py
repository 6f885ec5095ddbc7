"""LOOPY (a saved .loopy file or a pasted ?data= link) and sd-ai JSON."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote

from ..errors import ImportProblem
from .foreign import ForeignLink, ForeignMap, ForeignNode
from .lz_string import LzStringError, decompress_from_uri
from .polarity_words import read_polarity
from .reading import load_json


# LOOPY ------------------------------------------------------------------------------------
def loopy_data(text: str, source: str) -> Any:
    text = text.strip()
    found = re.search(r"[?&#]data=([^&\s]+)", text)
    payload = unquote(found.group(1)) if found else text
    if payload.startswith("["):
        return load_json(payload, source)
    try:
        return load_json(decompress_from_uri(payload), source)
    except (LzStringError, KeyError, IndexError):
        raise ImportProblem(f"{source} is not a LOOPY model: paste the whole link (with ?data=) or "
                            "choose the saved .loopy file.") from None


def looks_like_loopy(text: str) -> bool:
    text = text.strip()
    return "data=" in text and "loopy" in text.lower() or text.startswith("[[[")


_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")


def loopy_label(label: str) -> str:
    """LOOPY writes a label through encodeURIComponent twice, and the link or file keeps one
    layer of it: what is left is decoded as LOOPY does (at most twice, and only escapes)."""
    for _ in range(2):
        if not _ESCAPE.search(label):
            break
        label = unquote(label)
    return label


def read_loopy(text: str, source: str) -> ForeignMap:
    data = loopy_data(text, source)
    if not (isinstance(data, list) and len(data) >= 2 and isinstance(data[0], list)):
        raise ImportProblem(f"{source} is not a LOOPY model: it should start with a list of nodes.")
    nodes, edges = data[0], data[1]
    labels = data[2] if len(data) > 2 and isinstance(data[2], list) else []
    fmap = ForeignMap(title="LOOPY model")
    for node in nodes:
        # [id, x, y, initial value, label, hue]
        if isinstance(node, list) and len(node) >= 5:
            fmap.add_node(ForeignNode(str(node[0]), loopy_label(str(node[4])), float(node[1]), float(node[2])))
    for edge in edges:
        # [from, to, arc, strength, rotation]: strength 1 reads "more", -1 "less"
        if isinstance(edge, list) and len(edge) >= 4:
            fmap.links.append(ForeignLink(str(edge[0]), str(edge[1]), read_polarity(edge[3]) or "?"))
    if labels:
        fmap.notes.append(f"{len(labels)} free text label(s) on the LOOPY canvas were not imported")
    return fmap


# sd-ai ------------------------------------------------------------------------------------
def looks_like_sd_ai(data: Any) -> bool:
    return isinstance(data, dict) and isinstance(data.get("relationships"), list)


def read_sd_ai(text: str, source: str) -> ForeignMap:
    data = load_json(text, source)
    if isinstance(data, dict) and isinstance(data.get("model"), dict):
        data = data["model"]  # the engine's response wraps the model
    if not looks_like_sd_ai(data):
        raise ImportProblem(f"{source} is JSON but not an sd-ai model: it has no 'relationships' list.")
    fmap = ForeignMap(title=str(data.get("title") or ""), summary=str(data.get("explanation") or ""))
    for variable in data.get("variables") or []:
        if isinstance(variable, dict) and variable.get("name"):
            name = str(variable["name"])
            fmap.add_node(ForeignNode(name.casefold(), name, note=str(variable.get("documentation") or "")))
    for relation in data["relationships"]:
        if not isinstance(relation, dict):
            continue
        a, b = str(relation.get("from") or ""), str(relation.get("to") or "")
        for name in (a, b):
            if name:
                fmap.add_node(ForeignNode(name.casefold(), name))
        reasons = [str(relation[k]) for k in ("reasoning", "polarityReasoning") if relation.get(k)]
        fmap.links.append(ForeignLink(a.casefold(), b.casefold(), read_polarity(relation.get("polarity")) or "?",
                                      note="\n".join(reasons)))
    return fmap
