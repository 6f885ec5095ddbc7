"""An imported model's equations as causal claims, beside the arrows its diagram draws.

Each format reads its equations into a ``ModelEquations`` (Vensim: vensim_equations.py,
XMILE: xmile_equations.py); from here on they are the same: every cause signed where the
equation fixes it (polarity.py), then reconciled with the drawn arrows, and the import's
notes say what only one of the two had.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .equations import Tree, references
from .foreign import ForeignLink, ForeignMap, ForeignNode
from .polarity import INFERRED_NOTE, Signs

SUBSCRIPT_NOTE = "Subscripted in the model: one variable here stands for all its elements."


@dataclass
class Cause:
    key: str
    name: str  # as written
    sign: str  # "+", "-" or "?"
    inferred: bool  # the sign comes from our reading of the equation, not the file's words


@dataclass
class Equation:
    name: str
    key: str
    note: str
    kind: str  # "aux", "stock", "lookup", "data", "function of"
    subscripted: bool = False
    trees: list[Tree] = field(default_factory=list)
    causes: list[Cause] = field(default_factory=list)
    points: list[tuple[float, float]] = field(default_factory=list)
    initial: set[str] = field(default_factory=set)  # read only for the initial value


@dataclass
class ModelEquations:
    equations: dict[str, Equation] = field(default_factory=dict)  # by key, in file order
    marker: str | None = None  # our own header, when we wrote the file
    unparsed: list[str] = field(default_factory=list)  # names whose equation we could not read
    errors: list[str] = field(default_factory=list)

    @property
    def full(self) -> list[Equation]:
        """Equations with a real right-hand side (not A FUNCTION OF, not a lookup, not empty)."""
        return [e for e in self.equations.values() if e.kind in ("aux", "stock", "data") and e.trees]


def sign_causes(model: ModelEquations) -> None:
    """Each equation's causes, signed where its tree fixes the sign."""
    lookups = {e.key: e.points for e in model.equations.values() if e.kind == "lookup"}
    signs = Signs({e.key: e.trees for e in model.equations.values() if e.trees}, lookups)
    for equation in model.equations.values():
        if not equation.trees:
            continue
        seen: dict[str, str] = {}
        for tree in equation.trees:
            for key, name in references(tree):
                if key not in seen and key != equation.key and key not in lookups:
                    seen[key] = name
        equation.initial = {key for tree in equation.trees for key, _name in references(tree, initial=True)
                            if key not in seen}
        for key, name in seen.items():
            sign = signs.link(key, equation.key)
            equation.causes.append(Cause(key, name, sign, sign != "?"))


def flows_of(equation: Equation) -> list[tuple[str, str]]:
    """A stock's flows: the variables its rate adds or takes away as they are
    (``INTEG(births - deaths, …)``; Vensim's sketch-only ``A FUNCTION OF(births, -deaths)``).
    A rate that is any other expression names no flows: its terms are not pipes."""
    if equation.kind == "function of":
        if not any(c.sign == "-" for c in equation.causes):
            return []  # no outflow marked: nothing says this is a stock
        return [(c.key, c.name) for c in equation.causes if c.sign != "?"]
    if equation.kind != "stock" or not equation.trees or equation.trees[0][0] != "call":
        return []
    terms: list[tuple[str, str]] = []

    def collect(tree: Tree) -> bool:
        if tree[0] == "var":
            terms.append((tree[1], tree[2]))
            return True
        if tree[0] == "num":
            return True
        if tree[0] == "neg":
            return collect(tree[1])
        if tree[0] == "bin" and tree[1] in "+-":
            return collect(tree[2]) and collect(tree[3])
        return False

    return terms if collect(equation.trees[0][2][0]) else []


def reconcile(fmap: ForeignMap, model: ModelEquations, sketched: bool) -> None:
    """The sketch's arrows and the equations' causes, one set of claims; the notes say what
    only one of them had."""
    for equation in model.equations.values():
        if equation.kind == "lookup":
            continue
        node = fmap.nodes.get(equation.key)
        if node is None:
            node = ForeignNode(equation.key, equation.name)
            fmap.add_node(node)
        if equation.kind == "stock":
            node.kind = "stock"
        # A sketch says what is a flow (its valves); without one, the stock's rate does.
        for key, name in [] if sketched else flows_of(equation):
            fmap.add_node(ForeignNode(key, name))
            fmap.mark(key, "flow")
        note = node.note or equation.note
        if equation.subscripted:
            note = (note + "\n" if note else "") + SUBSCRIPT_NOTE
        node.note = note
    by_ends: dict[tuple[str, str], list[ForeignLink]] = {}
    for link in fmap.links:
        by_ends.setdefault((link.source, link.target), []).append(link)
    sketch_ends = set(by_ends)
    undrawn = signed_by_us = function_of = disagree = 0
    for equation in model.equations.values():
        for cause in equation.causes:
            ends = (cause.key, equation.key)
            if ends in by_ends:
                for link in by_ends[ends]:
                    if link.polarity == "?" and cause.sign != "?":
                        link.polarity = cause.sign
                        link.note = _join(link.note, INFERRED_NOTE if cause.inferred else "")
                        signed_by_us += cause.inferred
                    elif cause.inferred and cause.sign not in ("?", link.polarity):
                        disagree += 1
                        link.note = _join(link.note, f"The equation reads as {cause.sign}; the arrow is drawn "
                                                     f"{link.polarity}.")
                continue
            fmap.add_node(ForeignNode(cause.key, cause.name))
            link = ForeignLink(cause.key, equation.key, cause.sign,
                               note=INFERRED_NOTE if cause.inferred and cause.sign != "?" else "")
            fmap.links.append(link)
            by_ends[ends] = [link]
            signed_by_us += cause.inferred and cause.sign != "?"
            if equation.kind == "function of":
                function_of += 1
            else:
                undrawn += 1
    read = {(c.key, e.key) for e in model.full for c in e.causes}
    full = {e.key for e in model.full}
    lookups = {e.key for e in model.equations.values() if e.kind == "lookup"}  # called, not read
    initial = {(a, e.key) for e in model.full for a in e.initial}
    unused = sum(1 for ends in sketch_ends if ends[1] in full and ends[0] not in lookups
                 and ends not in read and ends not in initial)
    first_only = len(sketch_ends & initial)
    if function_of:
        fmap.notes.append(f"{function_of} link(s) from A FUNCTION OF equations with no arrow drawn")
    if undrawn:
        where = "with no arrow drawn" if sketched else "(the file has no sketch)"
        fmap.notes.append(f"{undrawn} link(s) read from the equations {where}")
    if signed_by_us:
        fmap.notes.append(f"{signed_by_us} link sign(s) inferred from the equations (marked in each claim's note)")
    if disagree:
        fmap.notes.append(f"{disagree} arrow(s) drawn with the opposite sign to their equation; the drawn sign kept")
    if first_only:
        fmap.notes.append(f"{first_only} arrow(s) drawn from a variable read only for an initial value "
                          "(no loop runs through them); kept, unsigned")
    if unused:
        fmap.notes.append(f"{unused} arrow(s) drawn to a variable whose equation does not use their cause; kept")
    if model.unparsed:
        shown = "; ".join(model.errors[:3])
        fmap.notes.append(f"{len(model.unparsed)} equation(s) could not be read, so their links are the sketch's "
                          f"only: {shown}")


def _join(note: str, more: str) -> str:
    if not more or more in note:
        return note
    return f"{note}\n{more}" if note else more
