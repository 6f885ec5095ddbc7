"""Vensim macros, expanded where they are called, so a call's causes and signs are those of
the macro's own equations.

A macro is written ``:MACRO: NAME(input, other input)``, its equations (the one named NAME
is its result), then ``:END OF MACRO:``. A call ``NAME(a, b)`` is read as NAME's equation
with each input replaced by what the call passes; the macro's other variables are replaced
by their own equations in turn. A macro variable that reaches itself (a stock inside the
macro) stands for a non-negative amount, the same assumption the analyser makes of every
stock (polarity.py), and is no cause of anything outside the macro.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .equations import Tree, name_key

_HEADER = re.compile(r":MACRO:\s*(\"(?:[^\"\\]|\\.)*\"|[^(]+?)\s*\(([^)]*)\)", re.IGNORECASE)
_DEPTH = 12  # macros calling macros: deep enough for real models, bounded for broken ones
# What a macro's own stock stands for inside an expansion: a non-negative amount, no cause.
_INNER_STOCK: Tree = ("call", "INTEG", [("num", 0.0), ("num", 1.0)], "integ")


@dataclass
class Macro:
    name: str
    key: str
    inputs: list[str]  # keys, in call order (outputs after ':' are not inputs)
    body: dict[str, list[Tree]] = field(default_factory=dict)


def macro_header(text: str) -> tuple[Macro, str] | None:
    """The macro a record's text opens, and the text after its header (its first equation)."""
    found = _HEADER.search(text)
    if not found:
        return None
    inputs = found.group(2).split(":")[0]
    name = " ".join(found.group(1).split())
    macro = Macro(name, name_key(name), [name_key(part) for part in inputs.split(",") if part.strip()])
    return macro, text[found.end():]


def expand(tree: Tree, macros: dict[str, Macro], depth: int = 0) -> Tree:
    """``tree`` with every call of a known macro replaced by the macro's result."""
    kind = tree[0]
    if kind in ("neg", "not"):
        return (kind, expand(tree[1], macros, depth))
    if kind == "bin":
        return ("bin", tree[1], expand(tree[2], macros, depth), expand(tree[3], macros, depth))
    if kind == "if":
        return ("if", *(expand(part, macros, depth) for part in tree[1:]))
    if kind != "call":
        return tree
    args = [expand(arg, macros, depth) for arg in tree[2]]
    macro = macros.get(tree[3])
    if macro is None or depth >= _DEPTH or macro.key not in macro.body:
        return ("call", tree[1], args, tree[3])
    bound = dict(zip(macro.inputs, args, strict=False))
    return _inline(macro, macro.key, bound, macros, depth + 1, set())


def _inline(macro: Macro, key: str, bound: dict[str, Tree], macros: dict[str, Macro], depth: int,
            busy: set[str]) -> Tree:
    trees = macro.body.get(key)
    if not trees:
        return ("num", 0.0)
    if key in busy:
        return _INNER_STOCK
    busy = busy | {key}

    def substitute(tree: Tree) -> Tree:
        kind = tree[0]
        if kind == "var":
            if tree[1] in bound:
                return bound[tree[1]]
            if tree[1] in macro.body:
                return _inline(macro, tree[1], bound, macros, depth, busy)
            return tree  # a model variable the macro reads by name (rare, but Vensim allows it)
        if kind in ("neg", "not"):
            return (kind, substitute(tree[1]))
        if kind == "bin":
            return ("bin", tree[1], substitute(tree[2]), substitute(tree[3]))
        if kind == "if":
            return ("if", *(substitute(part) for part in tree[1:]))
        if kind == "call":
            return expand(("call", tree[1], [substitute(arg) for arg in tree[2]], tree[3]), macros, depth)
        return tree

    return substitute(trees[0])
