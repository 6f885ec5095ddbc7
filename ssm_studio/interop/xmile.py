"""XMILE (.xmile) and Stella/iThink (.stmx, .itmx), in the OASIS and older isee namespaces.

Stocks, flows and converters are read as variables; a flow fills the stock it flows into and
drains the one it leaves; connectors carry their polarity, delay mark and reasoning (kept as
the claim's evidence note); aliases are the variable they stand for. The equations' causes
are claims too, signed where the equation fixes the sign (xmile_equations.py).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from .. import __version__
from ..errors import ImportProblem
from .equation_links import reconcile
from .equations import name_key
from .foreign import ForeignLink, ForeignMap, ForeignNode
from .reading import local, parse_xml_in_part
from .selection import Selection, stock_pipes
from .xmile_equations import read_xmile_equations

OASIS = "http://docs.oasis-open.org/xmile/ns/XMILE/v1.0"
ISEE = "http://iseesystems.com/XMILE"
VENDOR = "SSM Studio"
_ENTITIES = {"stock", "flow", "aux", "converter", "module"}
_TRUE = {"true", "1", "yes"}
_TAG = {"variable": "aux", "stock": "stock", "flow": "flow"}


def xmile_key(name: str) -> str:
    """The same key as an equation's reference to the name (equations.name_key)."""
    return name_key(name)


def _attr(element, name: str) -> str | None:
    """An attribute in any namespace (isee:reasoning, reasoning …)."""
    for key, value in element.attrib.items():
        if local(key) == name:
            return value
    return None


def _child_text(element, name: str) -> str:
    for child in element:
        if local(child.tag) == name:
            return "".join(child.itertext()).strip()
    return ""


def read_xmile(data: bytes, source: str) -> ForeignMap:
    root, broken = parse_xml_in_part(data, source)
    if local(root.tag) != "xmile":
        raise ImportProblem(f"{source} is XML but not XMILE: its root element is <{local(root.tag)}>, "
                            "where an XMILE or Stella file has <xmile>.")
    ours = any(local(e.tag) == "vendor" and (e.text or "").strip() == VENDOR for e in root.iter())
    # Stella writes a line break in a name as the two characters \n; a name keeps it as a space.
    pretty = ((lambda n: " ".join(n.replace("\\n", " ").split())) if ours
              else (lambda n: " ".join(n.replace("\\n", " ").replace("_", " ").split())))
    fmap = ForeignMap(title=next((e.text or "" for e in root.iter() if local(e.tag) == "name"
                                  and e.text and local(e.tag) != "view"), ""))
    if broken:
        fmap.notes.append(broken)
    models = [e for e in root.iter() if local(e.tag) == "model"]
    if not models:
        raise ImportProblem(f"{source} has no <model> element.")
    drawn = False
    for model in models:
        for variables in (e for e in model if local(e.tag) == "variables"):
            for entity in variables:
                kind = local(entity.tag)
                name = entity.get("name") or ""
                if kind not in _ENTITIES or not name.strip():
                    continue
                key = xmile_key(name)
                fmap.add_node(ForeignNode(key, pretty(name), note=_child_text(entity, "doc")))
                fmap.mark(key, kind)
                if kind == "stock":
                    for child in entity:
                        if local(child.tag) in ("inflow", "outflow") and (child.text or "").strip():
                            flow = xmile_key(child.text)
                            fmap.add_node(ForeignNode(flow, pretty(child.text.strip())))
                            fmap.mark(flow, "flow")
                            if not ours:  # our own files say in each view who claims the flow
                                sign = "+" if local(child.tag) == "inflow" else "-"
                                fmap.links.append(ForeignLink(flow, key, sign))
        views = [v for e in model if local(e.tag) == "views" for v in e if local(v.tag) == "view"]
        for index, view in enumerate(views):
            _read_view(view, fmap, pretty, (view.get("name") or f"View {index + 1}") if ours else None)
        drawn = drawn or bool(views)
    # The equations' causes beside the connectors: signed where the equation fixes it.
    reconcile(fmap, read_xmile_equations(models, xmile_key, pretty), drawn)
    if not fmap.nodes:
        raise ImportProblem(f"{source} has no stocks, flows or converters.")
    return fmap


def _read_view(view, fmap: ForeignMap, pretty, perspective: str | None) -> None:
    aliases: dict[str, str] = {}
    for element in view:
        kind = local(element.tag)
        if kind in _ENTITIES and element.get("name"):
            key = xmile_key(element.get("name"))
            node = fmap.nodes.get(key)
            if node is None:
                node = ForeignNode(key, pretty(element.get("name")))
                fmap.add_node(node)
            if node.x is None and element.get("x") is not None:
                try:
                    node.x, node.y = float(element.get("x")), float(element.get("y", "0"))
                except ValueError:
                    fmap.notes.append(f"a position of '{node.name}' is not a number; laid out instead")
        elif kind == "alias" and element.get("uid"):
            original = _child_text(element, "of")
            if original:
                aliases[element.get("uid")] = xmile_key(original)
    unknown = 0
    for connector in (e for e in view if local(e.tag) == "connector"):
        ends: list[str | None] = []
        for end in ("from", "to"):
            holder = next((c for c in connector if local(c.tag) == end), None)
            if holder is None:
                ends.append(None)
                continue
            alias = next((c for c in holder if local(c.tag) == "alias"), None)
            ends.append(aliases.get(alias.get("uid", "")) if alias is not None else xmile_key(holder.text or ""))
        source, target = ends
        if not source or not target or source not in fmap.nodes or target not in fmap.nodes:
            unknown += 1
            continue
        polarity = (connector.get("polarity") or "").strip()
        polarity = polarity if polarity in ("+", "-") else "?"
        delay = (_attr(connector, "delay_mark") or _attr(connector, "delay") or "").lower() in _TRUE
        reasons = [text for text in (_attr(connector, "reasoning") or _child_text(connector, "reasoning"),
                                     _attr(connector, "polarity_reasoning")
                                     or _child_text(connector, "polarity_reasoning")) if text]
        fmap.links.append(ForeignLink(source, target, polarity, delay, "\n".join(reasons), perspective))
    if unknown:
        fmap.notes.append(f"{unknown} connector(s) join something that is not a variable; left out")


def write_xmile(selection: Selection) -> bytes:
    ET.register_namespace("", OASIS)
    ET.register_namespace("isee", ISEE)
    q = lambda tag: f"{{{OASIS}}}{tag}"  # noqa: E731 - a tag in the default namespace
    root = ET.Element(q("xmile"), {"version": "1.0"})
    header = ET.SubElement(root, q("header"))
    ET.SubElement(header, q("vendor")).text = VENDOR
    ET.SubElement(header, q("product"), {"version": __version__}).text = VENDOR
    ET.SubElement(header, q("name")).text = selection.project.metadata.title
    specs = ET.SubElement(root, q("sim_specs"))
    for tag, value in (("start", "0"), ("stop", "100"), ("dt", "1")):
        ET.SubElement(specs, q(tag)).text = value
    model = ET.SubElement(root, q("model"))
    variables = ET.SubElement(model, q("variables"))
    names = {v.id: " ".join(v.name.split()) for v in selection.variables}
    by_id = {v.id: v for v in selection.variables}
    pipes = stock_pipes(selection)
    for v in selection.variables:
        # No equation is written: the map says what causes what, not by how much, so
        # Stella shows each as still to be defined rather than a made-up 0.
        entity = ET.SubElement(variables, q(_TAG[v.kind]), {"name": names[v.id]})
        ET.SubElement(entity, q("eqn"))
        for flow, sign in pipes.get(v.id, []):
            ET.SubElement(entity, q("inflow" if sign == "+" else "outflow")).text = names[flow]
        if v.note:
            ET.SubElement(entity, q("doc")).text = v.note
    ends: dict[str, dict[str, str]] = {}  # flow -> {"-": the stock it drains, "+": the one it fills}
    for stock, flows in pipes.items():
        for flow, sign in flows:
            ends.setdefault(flow, {})[sign] = stock
    views = ET.SubElement(model, q("views"))
    uid = 0
    for perspective in selection.perspectives:
        view = ET.SubElement(views, q("view"), {"name": perspective.name, f"{{{ISEE}}}converter_size": "name_only"})
        own = [lk for lk in selection.links if lk.perspective == perspective.id]
        shown = dict.fromkeys([v for lk in own for v in (lk.source, lk.target)]
                              + [v.id for v in selection.variables if perspective.id in v.included_by])
        if perspective is selection.perspectives[0]:
            shown = dict.fromkeys([v.id for v in selection.variables] + list(shown))
        for variable_id in shown:
            v = by_id[variable_id]
            element = ET.SubElement(view, q(_TAG[v.kind]), {"x": f"{v.x:g}", "y": f"{v.y:g}", "name": names[v.id]})
            if variable_id in ends:  # a flow is drawn as its pipe: out of one stock, into the other
                drains, fills = (by_id.get(ends[variable_id].get(sign, "")) for sign in "-+")
                start = (drains.x, drains.y) if drains else (v.x - 60, v.y)
                end = (fills.x, fills.y) if fills else (v.x + 60, v.y)
                pts = ET.SubElement(element, q("pts"))
                for x, y in (start, end):
                    ET.SubElement(pts, q("pt"), {"x": f"{x:g}", "y": f"{y:g}"})
        for link in own:
            uid += 1
            attributes = {"uid": str(uid)}
            if link.polarity in "+-":
                attributes["polarity"] = link.polarity
            if link.delay:
                attributes[f"{{{ISEE}}}delay_mark"] = "true"
            if link.note:
                attributes[f"{{{ISEE}}}reasoning"] = link.note
            connector = ET.SubElement(view, q("connector"), attributes)
            ET.SubElement(connector, q("from")).text = names[link.source]
            ET.SubElement(connector, q("to")).text = names[link.target]
    ET.indent(root)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"
