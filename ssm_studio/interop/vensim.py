"""Vensim .mdl: the sketch (V300, and the older V160 form) and the equations, read as one
causal-loop diagram.

Stocks and flows are read as plain variables (a flow pushes its stock up or down); ghosts
are the same variable drawn again; loop symbols (comments reading R, B, R1 …) keep their
names. Every equation's causes are claims too (vensim_equations.py), signed where the
equation fixes the sign (polarity.py), so a model with no sketch, or a sketch that leaves
variables out, still comes in whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import ImportProblem
from .equation_links import reconcile
from .equations import name_key, unquote
from .foreign import ForeignLink, ForeignLoop, ForeignMap, ForeignNode
from .vensim_equations import OUR_MARK, read_equations

__all__ = ["OUR_MARK", "SKETCH_END", "SKETCH_START", "read_mdl", "vensim_key"]

SKETCH_START = "\\\\\\---///"
SKETCH_END = "///---\\\\\\"
_POLARITY = {43: "+", 45: "-", 83: "+", 115: "+", 79: "-", 111: "-", 48: "-"}
_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')
_LOOP_SYMBOL = re.compile(r"^\s*([RB])\s*(\d*)\s*$", re.IGNORECASE)
# Vensim draws names small in tight boxes; ours wrap names in larger boxes, so a sketch from
# Vensim is spread by this much to keep its boxes apart (not our own files: they round-trip).
VENSIM_SPREAD = 1.5


def vensim_key(name: str) -> str:
    """Vensim treats spaces and underscores alike and ignores case."""
    return name_key(name.strip().strip("\\"))


def _split_fields(line: str) -> list[str]:
    """Comma-separated fields; a quoted name may hold commas (it is kept quoted, escapes
    and all, for unquote and name_key to read as the equations do)."""
    if '"' not in line:
        return line.split(",")
    fields, start, pos = [], 0, 0
    while True:
        comma = line.find(",", pos)
        quote = line.find('"', pos)
        if quote != -1 and (comma == -1 or quote < comma):
            close = _QUOTED.match(line, quote)
            pos = close.end() if close else len(line)
            continue
        if comma == -1:
            fields.append(line[start:])
            return fields
        fields.append(line[start:comma])
        start = pos = comma + 1


# The older sketch form (V160) marks a word with '|' and an arrow with '>' where V300 writes
# the type codes 10 and 1; the fields after them are V300's, except that an arrow has no
# id of its own (``|id,name,x,y,…`` and ``>from,to,shape,hidden,polarity,…``). They are read
# as the V300 records they stand for, so polarity codes, delays and positions come in alike.
_OLD_FORM = {
    "|": lambda fields, _made_up: ["10", *fields],
    ">": lambda fields, made_up: ["1", str(made_up), *fields],
}


def _int(fields: list[str], index: int) -> int:
    """atoi: Vensim writes '-1--1--1' where a number is expected and means -1."""
    if index >= len(fields):
        return 0
    try:
        return int(fields[index])
    except ValueError:
        pass
    match = re.match(r"\s*(-?\d+)", fields[index])
    return int(match.group(1)) if match else 0


@dataclass
class _View:
    name: str
    line: int
    records: list[tuple[int, list[str], str]] = field(default_factory=list)  # line, fields, text


def read_mdl(text: str, source: str, as_views: bool | None = None) -> ForeignMap:
    body, _, sketch = text.partition(SKETCH_START)
    model = read_equations(body)
    if SKETCH_START not in text and not model.equations:
        found = f"{len(model.errors)} equation(s) we could not read" if model.errors else "no equations"
        raise ImportProblem(f"{source} has no sketch ('{SKETCH_START} Sketch information') and {found}: "
                            "it does not look like a Vensim model.")
    ours = model.marker is not None
    if ours:  # our sketch signs every arrow; an inflow is only guessed from its neighbour's minus
        for equation in model.equations.values():
            for cause in equation.causes:
                if equation.kind == "function of" and cause.sign == "+":
                    cause.sign = "?"
    origin = (0.0, 0.0)
    if model.marker:
        found_origin = re.search(r"origin (-?[\d.]+),(-?[\d.]+)", model.marker)
        if found_origin:
            origin = (float(found_origin.group(1)), float(found_origin.group(2)))
    views = _views(SKETCH_START + sketch, body.count("\n")) if sketch else []
    fmap = ForeignMap(title="")
    spread = 1.0 if ours else VENSIM_SPREAD
    per_view = ours if as_views is None else as_views
    for view in views:
        _read_view(view, fmap, origin, spread, view.name if per_view else None, source)
    reconcile(fmap, model, bool(views))
    if not fmap.nodes:
        found = f"{len(views)} view(s) with no variables" if views else "no sketch"
        raise ImportProblem(f"{source} has {found} and no equations that name a variable.")
    return fmap


def _views(sketch: str, first_line: int) -> list[_View]:
    views: list[_View] = []
    current: _View | None = None
    lines = sketch.splitlines()
    i = older = 0
    while i < len(lines):
        line = lines[i].rstrip("\r")
        number = first_line + i + 1
        i += 1
        if line.startswith(SKETCH_END):
            break
        if line.startswith(SKETCH_START) or re.match(r"^V\d+\b", line):
            continue
        if line.startswith("*"):
            current = _View(line[1:].strip() or f"View {len(views) + 1}", number)
            views.append(current)
            continue
        if line[:1] in _OLD_FORM:
            if current is None:  # the older form may name no view
                current = _View(f"View {len(views) + 1}", number)
                views.append(current)
            older += 1
            current.records.append((number, _OLD_FORM[line[0]](_split_fields(line[1:]), -older), ""))
            continue
        if line.startswith("$") or current is None or not re.match(r"^\d+,", line):
            continue
        fields = _split_fields(line)
        text = ""
        if fields[0] == "12" and _int(fields, 8) & 4 and i < len(lines):
            text = lines[i].strip()  # the comment's text is on the next line
            i += 1
        current.records.append((number, fields, text))
    return views


def _read_view(view: _View, fmap: ForeignMap, origin: tuple[float, float], spread: float, perspective: str | None,
               source: str) -> None:
    uid_key: dict[int, str] = {}
    valves: dict[int, str | None] = {}
    pending_valve: int | None = None
    comments: list[tuple[float, float, str]] = []
    arrows = []
    for number, fields, text in view.records:
        kind, uid = _int(fields, 0), _int(fields, 1)
        if kind == 10:
            written = fields[2].strip() if len(fields) > 2 else ""
            quoted = written.startswith('"')
            # A bare name may keep a continuation backslash Vensim left in; a quoted one means it.
            key = name_key(written) if quoted else vensim_key(written)
            name = unquote(written) if quoted else written.strip().strip("\\")
            if not key:
                continue
            uid_key[uid] = key
            x, y = _int(fields, 3) * spread + origin[0], _int(fields, 4) * spread + origin[1]
            ghost = len(fields) > 8 and not (_int(fields, 8) & 1)  # bit 1 clear: drawn again
            node = fmap.nodes.get(key)
            if node is None:
                fmap.add_node(ForeignNode(key, " ".join(name.split()), None if ghost else x, None if ghost else y))
            elif not ghost and node.x is None:
                node.x, node.y = x, y
            if _int(fields, 7) & 31 == 3:  # drawn as a box: a stock (a level)
                fmap.mark(key, "stock")
            if pending_valve is not None and _int(fields, 7) & 32:
                valves[pending_valve] = key  # the name on a valve: a flow
                fmap.mark(key, "flow")
                pending_valve = None
        elif kind == 11:
            valves[uid] = None
            pending_valve = uid
        elif kind == 12:
            comments.append((_int(fields, 3) * spread + origin[0], _int(fields, 4) * spread + origin[1], text))
        elif kind == 1:
            arrows.append((number, fields))
    missing = 0
    for _number, fields in arrows:
        start, end, shape = _int(fields, 2), _int(fields, 3), _int(fields, 4)
        if start in valves and end not in valves and (shape in (4, 100) or _int(fields, 7) == 22):
            # A flow pipe: the valve's flow fills the stock it points to and drains the one
            # it comes from (Vensim marks that end 100). Pipes to clouds carry nothing.
            flow, stock_key = valves.get(start), uid_key.get(end)
            if flow and stock_key:
                polarity = "-" if shape == 100 else "+"
                fmap.links.append(ForeignLink(flow, stock_key, polarity, perspective=perspective))
            continue
        # An arrow to or from a valve is an arrow to or from its flow.
        start_key = valves.get(start) if start in valves else uid_key.get(start)
        end_key = valves.get(end) if end in valves else uid_key.get(end)
        if start_key is None or end_key is None:
            if not (_is_cloud(start, view) or _is_cloud(end, view)):
                missing += 1
            continue
        polarity = _POLARITY.get(_int(fields, 6), "?")
        delay = bool(_int(fields, 9) & 0x3F)
        fmap.links.append(ForeignLink(start_key, end_key, polarity, delay, perspective=perspective))
    if missing:
        fmap.notes.append(f"view '{view.name}': {missing} arrow(s) join ids that are not variables; left out")
    _loop_labels(comments, fmap, view.name)


def _is_cloud(uid: int, view: _View) -> bool:
    return any(_int(f, 0) == 12 and _int(f, 1) == uid for _n, f, _t in view.records)


def _loop_labels(comments: list[tuple[float, float, str]], fmap: ForeignMap, view: str) -> None:
    symbols = [(x, y, m) for x, y, text in comments if (m := _LOOP_SYMBOL.match(text))]
    words = [(x, y, text) for x, y, text in comments if text and not _LOOP_SYMBOL.match(text)]
    taken: set[int] = set()
    for x, y, match in symbols:
        near = [(abs(wx - x) + abs(wy - y), i) for i, (wx, wy, _t) in enumerate(words) if i not in taken]
        near = [pair for pair in near if pair[0] <= 70]
        name = ""
        if near:
            _d, index = min(near)
            taken.add(index)
            name = words[index][2]
        kind = match.group(1).upper()
        fmap.loops.append(ForeignLoop(name=name, kind=kind, label=kind + match.group(2), x=x, y=y))
    other = len(words) - len(taken)
    if other:
        fmap.notes.append(f"view '{view}': {other} text comment(s) on the sketch were not imported")
