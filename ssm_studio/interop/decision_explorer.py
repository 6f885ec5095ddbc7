"""Decision Explorer's .mdx XML: concepts, links with a sign, positions from the first view."""

from __future__ import annotations

from ..errors import ImportProblem
from .foreign import ForeignLink, ForeignMap, ForeignNode
from .reading import local, parse_xml_in_part

_SIGN = {"positive": "+", "negative": "-", "+": "+", "-": "-"}


def read_mdx(data: bytes, source: str) -> ForeignMap:
    root, broken = parse_xml_in_part(data, source)
    if local(root.tag) != "model" or not any(local(e.tag) == "concepts" for e in root):
        raise ImportProblem(f"{source} is XML but not a Decision Explorer model: it needs <model> "
                            "with <concepts>.")
    fmap = ForeignMap(title="")
    if broken:
        fmap.notes.append(broken)
    for concepts in (e for e in root if local(e.tag) == "concepts"):
        for concept in concepts:
            if local(concept.tag) == "concept" and concept.get("id"):
                fmap.add_node(ForeignNode(concept.get("id"), "".join(concept.itertext())))
    unsigned = 0
    for links in (e for e in root if local(e.tag) == "links"):
        for link in links:
            if local(link.tag) != "link":
                continue
            sign = _SIGN.get((link.get("sign") or "").strip().lower())
            unsigned += sign is None
            fmap.links.append(ForeignLink(link.get("linkfrom", ""), link.get("linkto", ""), sign or "?"))
    views = [v for e in root if local(e.tag) == "views" for v in e]
    if views:
        for position in views[0]:
            node = fmap.nodes.get(position.get("concept", ""))
            if node is not None and local(position.tag) == "position":
                try:
                    node.x, node.y = float(position.get("x")), float(position.get("y"))
                except (TypeError, ValueError):
                    continue
        if len(views) > 1:
            fmap.notes.append(f"{len(views) - 1} further view(s): positions taken from the first")
    styles = {c.get("style") for e in root if local(e.tag) == "concepts" for c in e} - {None, "standard"}
    if styles:
        fmap.notes.append(f"concept styles ({', '.join(sorted(styles))}) are not carried over")
    return fmap
