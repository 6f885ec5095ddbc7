"""The sign of each dependency, read from the parsed equation (equations.py).

A link x → y is + when y rises as x rises with everything else held, − when it falls, and
``?`` whenever the answer depends on values the equation does not fix. The analyser works on
signs only: the sign of each sub-expression's *value* and of its *change* as x rises, combined
by the rules of calculus (a product's change is a'b + ab', a quotient's a'/b − ab'/b², …).

One assumption, the discipline's own and stated in every inferred claim's note: a stock holds
a non-negative amount. A constant's sign is its number's; anything else has the sign its own
equation gives, or none. So ``births = population * birth rate`` with ``birth rate = 0.03``
gives + from both, ``deaths = population / lifetime`` − from lifetime, and
``adjustment = (goal - stock) / time`` leaves ``?`` from time (the gap may have either sign).
"""

from __future__ import annotations

from .equations import Tree, walk

PLUS, MINUS, ZERO, UNKNOWN = "+", "-", "0", "?"
INFERRED_NOTE = "Sign inferred from the model's equation (stocks taken as non-negative)."

# How each builtin moves with each argument: + rises with it, ? depends on values; the
# last entry repeats for any further arguments. Names as equations.py spells calls.
_RISING_INPUT = ("+", "?", "+", "?")  # input, delay or smoothing time, initial value, order
MONOTONE: dict[str, tuple[str, ...]] = {
    "MAX": ("+",), "MIN": ("+",), "SUM": ("+",), "EXP": ("+",), "LN": ("+",), "LOG10": ("+",),
    "SQRT": ("+",), "INTEGER": ("+",), "INT": ("+",), "INITIAL": ("+",), "INIT": ("+",),
    "ACTIVE INITIAL": ("+", "+"), "PREVIOUS": ("+", "+"), "GAME": ("+",),
    "SMOOTH": _RISING_INPUT, "SMOOTHI": _RISING_INPUT, "SMOOTH3": _RISING_INPUT, "SMOOTH3I": _RISING_INPUT,
    "SMOOTH N": _RISING_INPUT, "SMTH1": _RISING_INPUT, "SMTH3": _RISING_INPUT,
    "SMTHN": ("+", "?", "?", "+"), "DELAY1": _RISING_INPUT, "DELAY1I": _RISING_INPUT, "DELAY3": _RISING_INPUT,
    "DELAY3I": _RISING_INPUT, "DELAY N": _RISING_INPUT, "DELAY FIXED": _RISING_INPUT,
    "DELAY": _RISING_INPUT, "DELAYN": ("+", "?", "?", "+"), "DELAY INFORMATION": _RISING_INPUT,
    "STEP": ("+", "?"), "RAMP": ("+", "?", "?"), "SAMPLE IF TRUE": ("?", "+", "+"),
}
_SIGN_FOLLOWS_INPUTS = set(MONOTONE) - {"EXP", "LN", "LOG10", "SQRT"}
_ALWAYS_POSITIVE = {"EXP", "SQRT", "ABS"}
_QUOTIENTS = {"ZIDZ", "XIDZ", "SAFEDIV"}


def flip(sign: str) -> str:
    return {PLUS: MINUS, MINUS: PLUS}.get(sign, sign)


def times(a: str, b: str) -> str:
    if ZERO in (a, b):
        return ZERO
    if UNKNOWN in (a, b):
        return UNKNOWN
    return PLUS if a == b else MINUS


def plus(a: str, b: str) -> str:
    if a == ZERO:
        return b
    if b == ZERO or a == b:
        return a
    return UNKNOWN


def slope(points: list[tuple[float, float]]) -> str:
    """A lookup's shape: + if it never falls, − if it never rises, ? if it does both."""
    ys = [y for _x, y in sorted(points)]
    steps = [b - a for a, b in zip(ys, ys[1:], strict=False)]
    if not steps or all(s == 0 for s in steps):
        return ZERO
    if all(s >= 0 for s in steps):
        return PLUS
    if all(s <= 0 for s in steps):
        return MINUS
    return UNKNOWN


def _same(signs: list[str]) -> str:
    known = [s for s in signs if s != ZERO]
    if not known:
        return ZERO if signs else UNKNOWN
    return known[0] if all(s == known[0] for s in known) else UNKNOWN


def mentions(tree: Tree, key: str) -> bool:
    found = []
    walk(tree, lambda node: found.append(True) if node[0] == "var" and node[1] == key else None)
    return bool(found)


class Signs:
    """Signs over one model: ``trees`` maps a variable's key to its right-hand side,
    ``lookups`` a lookup variable's key to its points."""

    def __init__(self, trees: dict[str, list[Tree]], lookups: dict[str, list[tuple[float, float]]] | None = None
                 ) -> None:
        self.trees = trees
        self.lookups = lookups or {}
        self._values: dict[str, str] = {}
        self._busy: set[str] = set()

    # What a link is --------------------------------------------------------------------
    def link(self, cause: str, target: str) -> str:
        """+, − or ? for cause → target (``?`` too where the target has no equation)."""
        signs = [self.change(tree, cause) for tree in self.trees.get(target, [])]
        sign = _same(signs)
        return sign if sign in (PLUS, MINUS) else UNKNOWN

    # The sign of a value ---------------------------------------------------------------
    def value(self, key: str) -> str:
        if key in self._values:
            return self._values[key]
        trees = self.trees.get(key)
        if not trees or key in self._busy:
            return UNKNOWN
        self._busy.add(key)
        try:
            sign = _same([self.value_of(tree) for tree in trees])
        finally:
            self._busy.discard(key)
        self._values[key] = sign
        return sign

    def value_of(self, tree: Tree) -> str:
        kind = tree[0]
        if kind == "num":
            return PLUS if tree[1] > 0 else MINUS if tree[1] < 0 else ZERO
        if kind == "var":
            return self.value(tree[1])
        if kind == "neg":
            return flip(self.value_of(tree[1]))
        if kind == "table":
            return _same([PLUS if y > 0 else MINUS if y < 0 else ZERO for _x, y in tree[1]])
        if kind == "if":
            return _same([self.value_of(tree[2]), self.value_of(tree[3])])
        if kind == "bin":
            op, a, b = tree[1], self.value_of(tree[2]), self.value_of(tree[3])
            if op == "+":
                return plus(a, b)
            if op == "-":
                return plus(a, flip(b))
            if op in ("*", "/"):
                return times(a, b)
            if op == "^":
                return PLUS if a == PLUS else UNKNOWN
            return UNKNOWN
        if kind == "call":
            return self._call_value(tree)
        return UNKNOWN

    def _call_value(self, tree: Tree) -> str:
        name, args, key = tree[1], tree[2], tree[3]
        if name == "INTEG":
            return PLUS  # a stock: the one assumption (see the module's note)
        if name in _ALWAYS_POSITIVE:
            return PLUS
        if key in self.lookups:
            return self.value_of(("table", self.lookups[key]))
        if name == "WITH LOOKUP" and len(args) == 2:
            return self.value_of(args[1])
        if name in _QUOTIENTS and len(args) >= 2:
            return times(self.value_of(args[0]), self.value_of(args[1]))
        values = [self.value_of(arg) for arg in args]
        if name == "MAX" and any(v in (PLUS, ZERO) for v in values):
            return PLUS  # never below a non-negative argument
        if name == "MIN" and any(v in (MINUS, ZERO) for v in values):
            return MINUS
        if name in _SIGN_FOLLOWS_INPUTS:
            rule = MONOTONE[name]
            return _same([self.value_of(arg) for i, arg in enumerate(args) if rule[min(i, len(rule) - 1)] == PLUS])
        return UNKNOWN

    # The sign of a change as ``x`` rises -----------------------------------------------
    def change(self, tree: Tree, x: str) -> str:
        kind = tree[0]
        if kind in ("num", "table", "str"):
            return ZERO
        if kind == "var":
            return PLUS if tree[1] == x else ZERO
        if kind == "neg":
            return flip(self.change(tree[1], x))
        if kind == "not":
            return UNKNOWN if mentions(tree, x) else ZERO
        if kind == "if":
            if mentions(tree[1], x):
                return UNKNOWN  # a threshold: the sign turns on where x stands
            return plus(self.change(tree[2], x), self.change(tree[3], x))
        if kind == "bin":
            return self._bin_change(tree, x)
        if kind == "call":
            return self._call_change(tree, x)
        return UNKNOWN

    def _bin_change(self, tree: Tree, x: str) -> str:
        op, a, b = tree[1], tree[2], tree[3]
        da, db = self.change(a, x), self.change(b, x)
        if op == "+":
            return plus(da, db)
        if op == "-":
            return plus(da, flip(db))
        if op == "*":
            return plus(times(da, self.value_of(b)), times(self.value_of(a), db))
        if op == "/":
            return self._quotient(a, b, da, db)
        if op == "^":
            if db != ZERO:
                return UNKNOWN
            if b[0] == "num" and self.value_of(a) == PLUS:
                return da if b[1] > 0 else flip(da) if b[1] < 0 else ZERO
            return UNKNOWN if da != ZERO else ZERO
        return ZERO if da == db == ZERO else UNKNOWN  # a comparison or a logical test

    def _quotient(self, a: Tree, b: Tree, da: str, db: str) -> str:
        # (a/b)' = a'/b − a·b'/b²: the first term has a'·sign(b), the second −sign(a)·b'
        return plus(times(da, self.value_of(b)), flip(times(self.value_of(a), db)))

    def _call_change(self, tree: Tree, x: str) -> str:
        name, args, key = tree[1], tree[2], tree[3]
        if not any(mentions(arg, x) for arg in args):
            return ZERO
        if key in self.lookups and len(args) == 1:
            return times(slope(self.lookups[key]), self.change(args[0], x))
        if name == "WITH LOOKUP" and len(args) == 2 and args[1][0] == "table":
            return times(slope(args[1][1]), self.change(args[0], x))
        if name == "LOOKUP" and len(args) == 2 and args[0][0] == "var" and args[0][1] in self.lookups:
            return times(slope(self.lookups[args[0][1]]), self.change(args[1], x))
        if name == "INTEG" and args:
            return self.change(args[0], x)  # through the rates; the initial value is no cause
        if name in _QUOTIENTS and len(args) >= 2:
            if len(args) > 2 and mentions(args[2], x):
                return UNKNOWN
            return self._quotient(args[0], args[1], self.change(args[0], x), self.change(args[1], x))
        if name == "POWER" and len(args) == 2:
            return self._bin_change(("bin", "^", args[0], args[1]), x)
        rule = MONOTONE.get(name)
        if rule is None:
            return UNKNOWN  # a function or macro we do not know: no guess
        total = ZERO
        for i, arg in enumerate(args):
            d = self.change(arg, x)
            total = plus(total, times(rule[min(i, len(rule) - 1)], d))
        return total
