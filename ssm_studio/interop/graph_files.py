"""General graph files: GraphML, GEXF, GML and Graphviz DOT (labels, not ids, as names;
polarity from an attribute where there is one), and GraphML and DOT written back out."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from ..errors import ImportProblem
from .foreign import ForeignLink, ForeignMap, ForeignNode
from .polarity_words import guess_field, read_polarity
from .reading import local, parse_xml_in_part
from .selection import Selection

_NOT_POLARITY = {"perspective", "participant", "note", "description", "delay", "id", "weight"}
_TRUE = {"true", "1", "yes"}


def _number(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _add_links(fmap: ForeignMap, edges: list[tuple[str, str, dict[str, Any]]], polarity_field: str | None,
               source: str) -> None:
    rows = [{k: v for k, v in attrs.items() if k.lower() not in _NOT_POLARITY} for _a, _b, attrs in edges]
    guessed, candidates = guess_field(rows)
    if polarity_field and not any(polarity_field in row for row in rows):
        raise ImportProblem(f"{source} has no link attribute '{polarity_field}'. Attributes that hold "
                            f"polarities: {', '.join(candidates) or 'none'}.")
    field = polarity_field or guessed
    fmap.polarity_field, fmap.polarity_fields = field, candidates
    if field:
        fmap.notes.append(f"polarity read from the link attribute '{field}'")
    for (a, b, attrs), row in zip(edges, rows, strict=True):
        lowered = {k.lower(): v for k, v in attrs.items()}
        fmap.links.append(ForeignLink(
            a, b, (read_polarity(row.get(field)) if field else None) or "?",
            str(lowered.get("delay", "")).strip().lower() in _TRUE,
            str(lowered.get("note") or lowered.get("description") or ""),
            str(lowered.get("perspective") or lowered.get("participant") or "") or None))


def _node(key: str, attrs: dict[str, Any]) -> ForeignNode:
    lowered = {k.lower(): v for k, v in attrs.items()}
    name = lowered.get("label") or lowered.get("name") or key
    return ForeignNode(key, str(name), _number(lowered.get("x")), _number(lowered.get("y")),
                       str(lowered.get("note") or lowered.get("description") or ""))


# GraphML ----------------------------------------------------------------------------------
def read_graphml(data: bytes, source: str, polarity_field: str | None = None) -> ForeignMap:
    root, broken = parse_xml_in_part(data, source)
    if local(root.tag) != "graphml":
        raise ImportProblem(f"{source} is XML but not GraphML: its root is <{local(root.tag)}>.")
    keys = {k.get("id"): k.get("attr.name") or k.get("id") for k in root if local(k.tag) == "key"}
    graph = next((g for g in root if local(g.tag) == "graph"), None)
    if graph is None:
        raise ImportProblem(f"{source} has no <graph> element.")

    def attributes(element) -> dict[str, Any]:
        return {keys.get(d.get("key"), d.get("key")): (d.text or "").strip()
                for d in element if local(d.tag) == "data"}

    fmap = ForeignMap(title=attributes(graph).get("title", ""))
    if broken:
        fmap.notes.append(broken)
    _read_elements(fmap, graph, attributes, polarity_field, source)
    return fmap


def _read_elements(fmap: ForeignMap, root, attributes, polarity_field: str | None, source: str) -> None:
    """Nodes and edges of a GraphML or GEXF tree (``attributes`` reads each one's data)."""
    edges = []
    for element in root.iter():
        kind = local(element.tag)
        if kind == "node" and element.get("id"):
            fmap.add_node(_node(element.get("id"), attributes(element)))
        elif kind == "edge":
            edges.append((element.get("source", ""), element.get("target", ""), attributes(element)))
    _add_links(fmap, edges, polarity_field, source)


def write_graphml(selection: Selection) -> bytes:
    ns = "http://graphml.graphdrawing.org/xmlns"
    ET.register_namespace("", ns)
    q = lambda tag: f"{{{ns}}}{tag}"  # noqa: E731
    root = ET.Element(q("graphml"))
    fields = [("title", "graph", "string"), ("label", "node", "string"), ("x", "node", "double"),
              ("y", "node", "double"), ("note", "node", "string"), ("polarity", "edge", "string"),
              ("delay", "edge", "boolean"), ("perspective", "edge", "string"), ("note_e", "edge", "string")]
    for key, owner, kind in fields:
        ET.SubElement(root, q("key"), {"id": key, "for": owner, "attr.name": key.removesuffix("_e"),
                                        "attr.type": kind})
    graph = ET.SubElement(root, q("graph"), {"id": "G", "edgedefault": "directed"})
    ET.SubElement(graph, q("data"), {"key": "title"}).text = selection.project.metadata.title
    for v in selection.variables:
        node = ET.SubElement(graph, q("node"), {"id": v.id})
        for key, value in (("label", v.name), ("x", f"{v.x:g}"), ("y", f"{v.y:g}"), ("note", v.note)):
            ET.SubElement(node, q("data"), {"key": key}).text = value
    for link in selection.links:
        edge = ET.SubElement(graph, q("edge"), {"id": link.id, "source": link.source, "target": link.target})
        for key, value in (("polarity", link.polarity), ("delay", "true" if link.delay else "false"),
                           ("perspective", selection.perspective_name(link.perspective)), ("note_e", link.note)):
            ET.SubElement(edge, q("data"), {"key": key}).text = value
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"


# GEXF -------------------------------------------------------------------------------------
def read_gexf(data: bytes, source: str, polarity_field: str | None = None) -> ForeignMap:
    root, broken = parse_xml_in_part(data, source)
    if local(root.tag) != "gexf":
        raise ImportProblem(f"{source} is XML but not GEXF: its root is <{local(root.tag)}>.")
    titles = {a.get("id"): a.get("title") or a.get("id") for a in root.iter() if local(a.tag) == "attribute"}

    def attributes(element) -> dict[str, Any]:
        found = {titles.get(v.get("for") or v.get("id"), v.get("for")): v.get("value")
                 for v in element.iter() if local(v.tag) == "attvalue"}
        for key in ("label", "kind", "type", "weight"):
            if element.get(key) is not None:
                found.setdefault(key, element.get(key))
        position = next((p for p in element if local(p.tag) == "position"), None)
        if position is not None:
            found["x"], found["y"] = position.get("x"), position.get("y")
            up = _number(found["y"]) if found["y"] is not None else None
            if up is not None:
                found["y"] = -up  # GEXF's y points up, ours down
        return found

    fmap = ForeignMap(title="")
    if broken:
        fmap.notes.append(broken)
    _read_elements(fmap, root, attributes, polarity_field, source)
    return fmap


def write_gexf(selection: Selection) -> bytes:
    """GEXF 1.3 for Gephi: positions in the viz namespace (y up, as GEXF has it), the claim's
    sign, delay, perspective and note as edge attributes, which read_gexf reads back."""
    ns, viz = "http://gexf.net/1.3", "http://gexf.net/1.3/viz"
    ET.register_namespace("", ns)
    ET.register_namespace("viz", viz)
    q = lambda tag: f"{{{ns}}}{tag}"  # noqa: E731
    root = ET.Element(q("gexf"), {"version": "1.3"})
    meta = ET.SubElement(root, q("meta"))
    ET.SubElement(meta, q("description")).text = selection.project.metadata.title
    graph = ET.SubElement(root, q("graph"), {"defaultedgetype": "directed", "mode": "static"})
    for owner, names in (("node", ["note"]), ("edge", ["polarity", "delay", "perspective", "note"])):
        declared = ET.SubElement(graph, q("attributes"), {"class": owner})
        for name in names:
            ET.SubElement(declared, q("attribute"), {"id": f"{owner}-{name}", "title": name,
                                                     "type": "boolean" if name == "delay" else "string"})
    nodes = ET.SubElement(graph, q("nodes"))
    for v in selection.variables:
        node = ET.SubElement(nodes, q("node"), {"id": v.id, "label": v.name})
        values = ET.SubElement(node, q("attvalues"))
        ET.SubElement(values, q("attvalue"), {"for": "node-note", "value": v.note})
        ET.SubElement(node, f"{{{viz}}}position", {"x": f"{v.x:g}", "y": f"{-v.y:g}", "z": "0"})
    edges = ET.SubElement(graph, q("edges"))
    for link in selection.links:
        edge = ET.SubElement(edges, q("edge"), {"id": link.id, "source": link.source, "target": link.target})
        values = ET.SubElement(edge, q("attvalues"))
        for name, value in (("polarity", link.polarity), ("delay", "true" if link.delay else "false"),
                            ("perspective", selection.perspective_name(link.perspective)), ("note", link.note)):
            ET.SubElement(values, q("attvalue"), {"for": f"edge-{name}", "value": value})
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"


# GML --------------------------------------------------------------------------------------
def read_gml(text: str, source: str, polarity_field: str | None = None) -> ForeignMap:
    import networkx as nx

    try:
        graph = nx.parse_gml(text.splitlines(), label=None)
    except (nx.NetworkXError, ValueError, IndexError) as error:
        raise ImportProblem(f"{source} is not readable GML: {error}.") from None
    fmap = ForeignMap(title=str(graph.graph.get("label") or graph.graph.get("name") or ""))
    for key, attrs in graph.nodes(data=True):
        graphics = attrs.get("graphics") or {}
        merged = {**attrs, "x": graphics.get("x", attrs.get("x")), "y": graphics.get("y", attrs.get("y"))}
        fmap.add_node(_node(str(key), merged))
    edges = [(str(a), str(b), dict(attrs)) for a, b, attrs in graph.edges(data=True)]
    if not graph.is_directed():
        fmap.notes.append("the GML graph is undirected: each link read in the direction written")
    _add_links(fmap, edges, polarity_field, source)
    return fmap


# Graphviz DOT -----------------------------------------------------------------------------
def read_dot(text: str, source: str, polarity_field: str | None = None) -> ForeignMap:
    try:
        import pygraphviz
    except ImportError:
        raise ImportProblem("Reading DOT files needs Graphviz, which is not installed with SSM Studio "
                            "on this computer.") from None
    try:
        graph = pygraphviz.AGraph(string=text)
    except (ValueError, TypeError, pygraphviz.DotError) as error:
        raise ImportProblem(f"{source} is not readable DOT: {str(error).strip() or 'syntax error'}.") from None
    fmap = ForeignMap(title=_dot_text(str(graph.graph_attr.get("label") or graph.name or "")))
    for node in graph.nodes():
        attrs = {key: value if key == "label" and value == "\\N" else _dot_text(value)
                 for key, value in node.attr.items() if value is not None}
        position = attrs.pop("pos", None)
        if position and "," in position:
            x, y = position.rstrip("!").split(",")[:2]
            attrs["x"], attrs["y"] = x, -float(y) if _number(y) is not None else None
        if not attrs.get("label") or attrs.get("label") == "\\N":
            attrs["label"] = str(node)
        fmap.add_node(_node(str(node), attrs))
    edges = []
    for edge in graph.edges():
        attrs = {k: _dot_text(v) for k, v in edge.attr.items() if v}
        edges.append((str(edge[0]), str(edge[1]), attrs))
    _add_links(fmap, edges, polarity_field, source)
    return fmap


_DOT_ESCAPE = re.compile(r"\\([\\nlr])")


def _dot_text(text: str) -> str:
    """A DOT string as Graphviz shows it: pygraphviz hands back the escapes as written
    (a backslash doubled, \\n for a line break), which Graphviz reads when it draws."""
    return _DOT_ESCAPE.sub(lambda m: "\\" if m.group(1) == "\\" else "\n", text)


def _dot_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def write_dot(selection: Selection) -> bytes:
    lines = [f"digraph {_dot_quote(selection.project.metadata.title)} {{",
             "  node [shape=plaintext, fontname=\"Helvetica\"];", "  edge [fontname=\"Helvetica\"];"]
    for v in selection.variables:
        lines.append(f"  {_dot_quote(v.id)} [label={_dot_quote(v.name)}, pos=\"{v.x:g},{-v.y:g}!\", "
                     f"note={_dot_quote(v.note)}];")
    styles = {p.id: (p.colour, {"solid": "solid", "dot": "dotted"}.get(p.dash, "dashed"))
              for p in selection.perspectives}
    for link in selection.links:
        colour, style = styles[link.perspective]
        lines.append(
            f"  {_dot_quote(link.source)} -> {_dot_quote(link.target)} [label={_dot_quote(link.polarity)}, "
            f"polarity={_dot_quote(link.polarity)}, delay={'true' if link.delay else 'false'}, "
            f"perspective={_dot_quote(selection.perspective_name(link.perspective))}, "
            f"note={_dot_quote(link.note)}, color={_dot_quote(colour)}, style={style}];")
    lines.append("}")
    return ("\n".join(lines) + "\n").encode("utf-8")
