"""A Vensim .mdl that Vensim opens: A FUNCTION OF equations, signed arrows, one view per
perspective (ghosts for variables already drawn in an earlier view), loop symbols named."""

from __future__ import annotations

import re

from .selection import Selection, stock_pipes
from .vensim import OUR_MARK, SKETCH_END, SKETCH_START

# & and % are quoted: PySD refuses them bare, and Vensim reads them either way.
_PLAIN_NAME = re.compile(r"^[^\W\d][\w .$']*$")
_STYLE = "$192-192-192,0,Arial|12||0-0-0|0-0-0|0-0-255|-1--1--1|-1--1--1|96,96,100,0"
_POLARITY_CODE = {"+": 43, "-": 45, "?": 0}
_MARGIN = 60.0
_SHAPE = {"variable": 8, "stock": 3, "flow": 8}  # Vensim's shapes: 3 a box (a level), 8 a plain name


def vensim_name(name: str) -> str:
    name = " ".join(name.split())
    if _PLAIN_NAME.match(name) and not name.endswith(" "):
        return name
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_mdl(selection: Selection) -> str:
    variables = selection.variables
    xs = [v.x for v in variables] or [0.0]
    ys = [v.y for v in variables] or [0.0]
    # Vensim's sketch starts at the top-left corner; the shift is written down so our
    # importer puts the picture back exactly where it was.
    origin = (min(xs) - _MARGIN, min(ys) - _MARGIN)
    causes: dict[str, list[str]] = {v.id: [] for v in variables}
    names = {v.id: vensim_name(v.name) for v in variables}
    pipes = stock_pipes(selection)
    sign_of = {(flow, stock): sign for stock, flows in pipes.items() for flow, sign in flows}
    for link in selection.links:
        if link.source not in causes[link.target]:
            causes[link.target].append(link.source)
    out = ["{UTF-8}"]
    for v in variables:
        # A stock's outflows carry Vensim's minus: A FUNCTION OF(births, -deaths).
        inputs = ", ".join(("-" if sign_of.get((c, v.id)) == "-" else "") + names[c] for c in causes[v.id])
        equation = f"A FUNCTION OF( {inputs})" if inputs else "A FUNCTION OF( )"
        note = " ".join(v.note.split()).replace("|", "/").replace("~", "-")
        out += [f"{names[v.id]} = {equation}", "\t~\t", f"\t~\t{note}", "\t|", ""]
    out += [
        "*" * 56, "\t.SSM Studio", "*" * 56 + "~",
        f"\t\t{OUR_MARK}: one view per perspective; origin {origin[0]:g},{origin[1]:g}", "\t|", "",
        "*" * 56, "\t.Control", "*" * 56 + "~", "\t\tSimulation Control Parameters", "\t|", "",
        "FINAL TIME  = 100", "\t~\tMonth", "\t~\tThe final time for the simulation.", "\t|", "",
        "INITIAL TIME  = 0", "\t~\tMonth", "\t~\tThe initial time for the simulation.", "\t|", "",
        "SAVEPER  = ", "        TIME STEP", "\t~\tMonth [0,?]", "\t~\tThe frequency with which output is stored.",
        "\t|", "",
        "TIME STEP  = 1", "\t~\tMonth [0,?]", "\t~\tThe time step for the simulation.", "\t|", "",
    ]
    drawn: set[str] = set()
    by_id = {v.id: v for v in variables}
    loop_names = _named_loops(selection)
    for index, perspective in enumerate(selection.perspectives):
        out += [f"{SKETCH_START} Sketch information - do not modify anything except names",
                "V300  Do not put anything below this section - it will be ignored",
                f"*{' '.join(perspective.name.split()) or f'View {index + 1}'}", _STYLE]
        own = [lk for lk in selection.links if lk.perspective == perspective.id]
        shown = [v.id for v in variables if v.id not in drawn] if index == 0 else []
        shown += [v for lk in own for v in (lk.source, lk.target) if v not in shown]
        shown += [v.id for v in variables if perspective.id in v.included_by and v.id not in shown]
        uid: dict[str, int] = {}
        valve: dict[str, int] = {}
        next_uid = 1
        for variable_id in dict.fromkeys(shown):
            v = by_id[variable_id]
            bits = 2 if variable_id in drawn else 3  # bit 1 clear: a ghost of the original
            x, y = round(v.x - origin[0]), round(v.y - origin[1])
            shape = _SHAPE[v.kind]
            if v.kind == "flow":
                # A flow is a valve on its pipe with the flow's name attached just below.
                valve[variable_id] = next_uid
                out.append(f"11,{next_uid},0,{x},{y - 14},6,8,34,3,0,0,1,0,0,0")
                next_uid += 1
                shape = 40
            uid[variable_id] = next_uid
            out.append(f"10,{next_uid},{names[variable_id]},{x},{y},46,20,{shape},{bits},0,0,0,0,0,0")
            next_uid += 1
            drawn.add(variable_id)
        for link in own:
            sign = sign_of.get((link.source, link.target))
            if sign == link.polarity and link.source in valve and not link.delay:
                # A pipe from the valve to its stock; Vensim marks the drained end 100.
                a, b = by_id[link.source], by_id[link.target]
                mid = (round((a.x + b.x) / 2 - origin[0]), round((a.y + b.y) / 2 - origin[1]))
                out.append(f"1,{next_uid},{valve[link.source]},{uid[link.target]},{4 if sign == '+' else 100},0,0,22,"
                           f"0,0,0,-1--1--1,,1|({mid[0]},{mid[1]})|")
                next_uid += 1
                continue
            code = _POLARITY_CODE[link.polarity]
            dtype = 65 if link.delay else 64
            a, b = by_id[link.source], by_id[link.target]
            mid = (round((a.x + b.x) / 2 - origin[0]), round((a.y + b.y) / 2 - origin[1]))
            out.append(f"1,{next_uid},{uid[link.source]},{uid[link.target]},0,0,{code},0,0,{dtype},0,"
                       f"-1--1--1,,1|({mid[0]},{mid[1]})|")
            next_uid += 1
        for loop in loop_names.get(perspective.id, []):
            label, name, (lx, ly) = loop
            out += [f"12,{next_uid},0,{round(lx - origin[0])},{round(ly - origin[1])},15,15,"
                    f"{5 if label.startswith('B') else 4},4,0,0,-1,0,0,0", label]
            next_uid += 1
            if name:
                out += [f"12,{next_uid},0,{round(lx - origin[0])},{round(ly - origin[1]) + 22},40,9,8,4,0,0,-1,0,0,0",
                        " ".join(name.split())]
                next_uid += 1
    out += [SKETCH_END, ":L<%^E!@", "9:Current", "15:0,0,0,0,0,0", "19:100,0", "27:0,", "34:0,",
            "4:Time", "5:", "35:Date", "36:YYYY-MM-DD", "37:2000", "38:1", "39:1", "40:2", "41:0",
            "42:1", "24:0", "25:100", "26:100", ""]
    return "\n".join(out)


def _named_loops(selection: Selection) -> dict[str, list[tuple[str, str, tuple[float, float]]]]:
    """Symbols for the loops users named, each drawn in the first chosen perspective that
    holds the whole loop (a loop only the perspectives together make goes in the first view)."""
    project = selection.project
    if not project.cld.loop_names:
        return {}
    from ..analysis.loops import find_loops

    known = {n.key: (n.label, n.name) for n in project.cld.loop_names}
    report = find_loops(project, perspectives=[p.id for p in selection.perspectives],
                        time_budget=1.0, known_labels=known)
    position = {v.id: (v.x, v.y) for v in project.cld.variables}
    placed: dict[str, list[tuple[str, str, tuple[float, float]]]] = {}
    for loop in report.loops:
        if loop.key not in known or not known[loop.key][1]:
            continue
        label, name = known[loop.key]
        xs = [position[v][0] for v in loop.variables]
        ys = [position[v][1] for v in loop.variables]
        centre = (sum(xs) / len(xs), sum(ys) / len(ys))
        view = loop.perspectives[0] if loop.perspectives else selection.perspectives[0].id
        placed.setdefault(view, []).append((label, name, centre))
    return placed
