"""A Vensim model's equation records: who each variable is, what it reads, with what sign.

The records are ``name = expression ~ units ~ comment |``; a lookup is ``name( points )``,
a stock ``name = INTEG(rates, initial)``, a sketch-only model writes
``name = A FUNCTION OF(a, -b)`` (the minus marks an outflow: a sign, not part of a name).
Subscript ranges, macros' bodies and the control group are not variables (a macro's call is
read as its body, vensim_macros.py); subscripted variables are one variable each, with a note.
"""

from __future__ import annotations

import re

from .equation_links import Cause, Equation, ModelEquations, sign_causes
from .equations import CONTROL, EquationError, Tree, join_continuations, name_key, parse, unquote
from .vensim_macros import Macro, expand, macro_header

OUR_MARK = "Written by SSM Studio"
_HEAD = re.compile(r'^\s*("(?:[^"\\]|\\.)*"|[^"=:(\[~|]+?)\s*(\[[^\]]*\])?\s*(:=|==|=|\()', re.DOTALL)


# In the equation part of a record a quoted name may hold '~' or '|'; the units and the
# comment are plain text up to the record's '|' (a stray quote there is only a character).
_EQUATION_STOP = re.compile(r'"(?:[^"\\]|\\.)*"|[~|]')


def _split_records(body: str) -> list[tuple[str, str]]:
    """Each record as (equation, units and comment), split where Vensim splits them."""
    records: list[tuple[str, str]] = []
    pos, n = 0, len(body)
    while pos < n:
        start = pos
        while True:
            stop = _EQUATION_STOP.search(body, pos)
            if stop is None:
                records.append((body[start:], ""))
                return records
            pos = stop.end()
            if stop.group(0) == "|":
                records.append((body[start:stop.start()], ""))
                break
            if stop.group(0) == "~":
                end = body.find("|", pos)
                end = n if end < 0 else end
                records.append((body[start:stop.start()], body[pos:end]))
                pos = end + 1
                break
    return records


def _records(body: str):
    """Each record in order, with the macro it belongs to (None outside macros)."""
    macro: Macro | None = None
    for equation, notes in _split_records(body):
        upper = equation.upper()
        if macro is not None and ":END OF MACRO:" in upper:
            macro = None
            equation = equation[upper.index(":END OF MACRO:") + len(":END OF MACRO:"):]
        opened = macro_header(equation) if ":MACRO:" in equation.upper() else None
        if opened is not None:
            macro, equation = opened
            yield macro, equation, notes
            continue
        yield macro, equation, notes


def read_equations(body: str) -> ModelEquations:
    model = ModelEquations()
    macros: dict[str, Macro] = {}
    body = join_continuations(body.replace("{UTF-8}", "", 1))
    for macro, equation_text, notes in _records(body):
        if macro is not None:
            macros[macro.key] = macro
            _read_macro_equation(macro, equation_text)
            continue
        if OUR_MARK in notes:
            model.marker = notes
        parts = [equation_text, *notes.split("~")]
        text = parts[0].strip()
        if not text or text.startswith("*"):
            continue  # a group heading (****** .Control ******): its text is the comment
        head = _HEAD.match(text)
        if not head:
            continue  # a subscript range (region: north, south) or an :EXCEPT: line
        name = " ".join(head.group(1).split())
        key = name_key(name)
        if not key or key in CONTROL:
            continue
        note = " ".join(parts[2].split()) if len(parts) > 2 else ""
        rest = text[head.end():]
        equation = model.equations.get(key)
        if equation is None:
            equation = Equation(unquote(name), key, note, "aux", subscripted=bool(head.group(2)))
            model.equations[key] = equation
        else:
            equation.subscripted = True  # one equation per element: the same variable again
            equation.note = equation.note or note
        try:
            _read_right_side(equation, head.group(3), rest)
        except EquationError as error:
            model.unparsed.append(name)
            model.errors.append(f"'{name}': {error}")
    if macros:  # a call of a macro is what the macro's equations make of its inputs
        for equation in model.equations.values():
            equation.trees = [expand(tree, macros) for tree in equation.trees]
    sign_causes(model)
    return model


def _read_macro_equation(macro: Macro, text: str) -> None:
    head = _HEAD.match(text.strip())
    if not head or head.group(3) not in ("=", "=="):
        return
    try:
        tree = parse(text.strip()[head.end():])
    except EquationError:
        return  # an unreadable line of a macro: its calls read as unknown functions
    macro.body.setdefault(name_key(head.group(1)), []).append(tree)


def _read_right_side(equation: Equation, operator: str, rest: str) -> None:
    if operator == "(":
        tree = parse("(" + rest)
        if tree[0] == "table":
            equation.kind, equation.points = "lookup", tree[1]
            return
        raise EquationError("a lookup's points were expected after its name")
    if not rest.strip():
        return
    tree = parse(rest)
    if tree[0] == "call" and tree[1] == "A FUNCTION OF":
        _function_of(equation, tree[2])
        return
    if tree[0] == "table":
        equation.kind, equation.points = "lookup", tree[1]
        return
    if tree[0] == "call" and tree[1] == "INTEG":
        equation.kind = "stock"
    elif operator == ":=" or (tree[0] == "call" and "DATA" in tree[1]):
        equation.kind = "data"
    equation.trees.append(tree)


def _function_of(equation: Equation, args: list[Tree]) -> None:
    """``A FUNCTION OF(a, -b)``: the file names causes, and signs only an outflow."""
    equation.kind = "function of"
    outflows = any(arg[0] == "neg" for arg in args)
    for arg in args:
        negated = arg[0] == "neg"
        inner = arg[1] if negated else arg
        if inner[0] != "var" or inner[1] in CONTROL:
            continue
        # where one cause is marked an outflow, the others are the stock's inflows
        sign = "-" if negated else "+" if outflows else "?"
        if all(c.key != inner[1] for c in equation.causes):
            equation.causes.append(Cause(inner[1], inner[2], sign, False))
