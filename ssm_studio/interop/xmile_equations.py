"""An XMILE or Stella model's equations, read into the same form as Vensim's.

A stock's rate is its inflows less its outflows (its ``<eqn>`` is only its initial value);
a converter with a ``<gf>`` is that graphical function of its ``<eqn>``; a ``<gf>`` standing
alone is a lookup other equations call; an arrayed variable's elements are one variable.
"""

from __future__ import annotations

from .equation_links import Equation, ModelEquations, sign_causes
from .equations import EquationError, Tree, parse
from .reading import local

_VARIABLES = {"stock", "flow", "aux", "converter"}


def _children(element, name: str) -> list:
    return [c for c in element if local(c.tag) == name]


def _text(element, name: str) -> str:
    found = _children(element, name)
    return "".join(found[0].itertext()).strip() if found else ""


def _numbers(text: str, sep: str = ",") -> list[float]:
    return [float(part) for part in text.replace(";", sep).split(sep) if part.strip()]


def graph_points(gf) -> list[tuple[float, float]]:
    """A graphical function's points, from ``xpts`` or evenly over ``xscale``."""
    ypts = _children(gf, "ypts")
    if not ypts:
        return []
    ys = _numbers("".join(ypts[0].itertext()), ypts[0].get("sep") or ",")
    xpts = _children(gf, "xpts")
    if xpts:
        xs = _numbers("".join(xpts[0].itertext()), xpts[0].get("sep") or ",")
    else:
        scale = _children(gf, "xscale")
        low = float(scale[0].get("min", "0")) if scale else 0.0
        high = float(scale[0].get("max", str(len(ys) - 1))) if scale else float(len(ys) - 1)
        step = (high - low) / (len(ys) - 1) if len(ys) > 1 else 0.0
        xs = [low + i * step for i in range(len(ys))]
    return list(zip(xs, ys, strict=False))


def read_xmile_equations(models: list, key_of, pretty) -> ModelEquations:
    model = ModelEquations()
    for holder in models:
        for variables in _children(holder, "variables"):
            for entity in variables:
                kind, name = local(entity.tag), entity.get("name") or ""
                if not name.strip():
                    continue
                try:
                    _read(entity, kind, name, model, key_of, pretty)
                except (EquationError, ValueError) as error:
                    model.unparsed.append(pretty(name))
                    model.errors.append(f"'{pretty(name)}': {error}")
    sign_causes(model)
    return model


def _read(entity, kind: str, name: str, model: ModelEquations, key_of, pretty) -> None:
    key = key_of(name)
    if kind == "gf":
        model.equations[key] = Equation(pretty(name), key, "", "lookup", points=graph_points(entity))
        return
    if kind not in _VARIABLES:
        return
    elements = _children(entity, "element")
    equation = Equation(pretty(name), key, _text(entity, "doc"), "stock" if kind == "stock" else "aux",
                        subscripted=bool(_children(entity, "dimensions") or elements))
    model.equations[key] = equation
    texts = [t for t in [_text(entity, "eqn")] + [_text(e, "eqn") for e in elements] if t]
    if kind == "stock":
        rate: Tree = ("num", 0.0)
        for tag, op in (("inflow", "+"), ("outflow", "-")):
            for flow in _children(entity, tag):
                flow_name = (flow.text or "").strip()
                if flow_name:
                    rate = ("bin", op, rate, ("var", key_of(flow_name), pretty(flow_name)))
        initial = parse(texts[0], vensim=False) if texts else ("num", 0.0)
        equation.trees.append(("call", "INTEG", [rate, initial], "integ"))
        return
    gf = _children(entity, "gf")
    points = graph_points(gf[0]) if gf else []
    for text in texts:
        tree = parse(text, vensim=False)
        if points:
            tree = ("call", "WITH LOOKUP", [tree, ("table", points)], "with lookup")
        equation.trees.append(tree)
