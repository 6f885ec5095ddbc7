"""System-dynamics equations parsed into a small tree: what each variable depends on.

Vensim and XMILE write nearly the same arithmetic (``a * b / (c + d)``, builtins called by
name, ``IF THEN ELSE``) but spell names differently: Vensim names hold spaces
(``Contact Rate c``), XMILE's use underscores and ``IF c THEN a ELSE b`` is syntax, not a
call. One tokenizer with a switch for the two, one Pratt parser, and a tree of tuples that
``polarity.py`` reads to sign each dependency. Nothing is evaluated.

Trees: ``("num", value)``, ``("var", key, name as written)``, ``("neg", a)``, ``("not", a)``,
``("bin", op, a, b)``, ``("call", NAME, [args])``, ``("if", c, a, b)``,
``("table", [(x, y), ...])`` for a lookup written inline, ``("str", text)`` for a data
function's file or sheet name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Tree = tuple[Any, ...]

# Time and the run's settings are the clock, not causes (PySD adds no link from them).
CONTROL = {"time", "initial time", "final time", "time step", "saveper", "dt", "starttime", "stoptime",
           "start time", "stop time"}

_NUMBER = re.compile(r"(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_OPERATORS = ("<=", ">=", "<>", "!=", "==", "+", "-", "*", "/", "^", "(", ")", ",", "<", ">", "=", "[", "]")
_VENSIM_WORD = re.compile(r"[^\W\d](?:[\w'$&%.]|[ \t]+(?=[\w'$&%]))*", re.UNICODE)
_XMILE_WORD = re.compile(r"[^\W\d][\w'$.]*", re.UNICODE)
_LOGIC = {":AND:": "AND", ":OR:": "OR", ":NOT:": "NOT", ":NA:": "NA"}
_XMILE_KEYWORDS = {"AND", "OR", "NOT", "IF", "THEN", "ELSE", "MOD"}


class EquationError(ValueError):
    """An equation we cannot parse; the message says where."""


@dataclass
class Token:
    kind: str  # "num", "str", "name", "op", "end"
    text: str
    at: int


def unquote(name: str) -> str:
    """A name as its tool shows it: a quoted name without its quotes and escapes."""
    name = name.strip()
    if len(name) >= 2 and name[0] == '"' and name[-1] == '"':
        return re.sub(r'\\(["\\])', r"\1", name[1:-1])
    return name


def name_key(name: str) -> str:
    """Vensim and XMILE alike: case, spaces and underscores do not tell names apart."""
    name = name.strip()
    if len(name) >= 2 and name[0] == '"' and name[-1] == '"':
        name = re.sub(r'\\(["\\])', r"\1", name[1:-1])  # escaped quotes and backslashes
    name = name.replace("\\n", " ")
    return re.sub(r"[\s_]+", " ", name).strip().casefold()


def join_continuations(text: str) -> str:
    """Vensim breaks long lines with a backslash at the end: the line goes on."""
    return re.sub(r"\\[ \t]*\r?\n[ \t]*", " ", text)


def tokenize(text: str, vensim: bool = True) -> list[Token]:
    tokens: list[Token] = []
    word = _VENSIM_WORD if vensim else _XMILE_WORD
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char.isspace():
            i += 1
            continue
        if char == '"':
            end = i + 1
            while end < n and text[end] != '"':
                end += 2 if text[end] == "\\" else 1
            if end >= n:
                raise EquationError(f"a quoted name is not closed (from character {i + 1})")
            tokens.append(Token("name", text[i:end + 1], i))
            i = end + 1
            continue
        if char == "'":  # a string: a file or sheet name for a data function
            close = text.find("'", i + 1)
            if close < 0:
                raise EquationError(f"a quoted string is not closed (from character {i + 1})")
            tokens.append(Token("str", text[i:close + 1], i))
            i = close + 1
            continue
        if char == ":" and vensim:
            found = next((w for w in _LOGIC if text.startswith(w, i) or text.upper().startswith(w, i)), None)
            if found:
                tokens.append(Token("op", _LOGIC[found], i))
                i += len(found)
                continue
        number = _NUMBER.match(text, i)
        if number:
            tokens.append(Token("num", number.group(), i))
            i = number.end()
            continue
        named = word.match(text, i)
        if named:
            value = named.group().rstrip(" .")
            upper = value.upper()
            kind = "op" if not vensim and upper in _XMILE_KEYWORDS else "name"
            tokens.append(Token(kind, upper if kind == "op" else value, i))
            i += len(value)
            continue
        operator = next((op for op in _OPERATORS if text.startswith(op, i)), None)
        if operator is None:
            if char == "{":  # a Vensim comment inside an equation
                close = text.find("}", i)
                i = n if close < 0 else close + 1
                continue
            raise EquationError(f"'{char}' at character {i + 1} is not part of an equation")
        tokens.append(Token("op", operator, i))
        i += len(operator)
    tokens.append(Token("end", "", n))
    return tokens


# Binding power of each infix operator: OR < AND < comparisons < + - < * / < ^.
_INFIX = {"OR": 1, "AND": 2, "=": 3, "==": 3, "<>": 3, "!=": 3, "<": 3, ">": 3, "<=": 3, ">=": 3,
          "+": 4, "-": 4, "*": 5, "/": 5, "MOD": 5, "^": 7}


class _Parser:
    def __init__(self, tokens: list[Token]) -> None:
        self.tokens, self.i = tokens, 0

    def peek(self) -> Token:
        return self.tokens[self.i]

    def take(self) -> Token:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def expect(self, text: str) -> None:
        token = self.take()
        if token.text != text:
            found = token.text or "the end"
            raise EquationError(f"expected '{text}' at character {token.at + 1}, found {found}")

    def expression(self, power: int = 0) -> Tree:
        left = self.prefix()
        while True:
            token = self.peek()
            bind = _INFIX.get(token.text) if token.kind == "op" else None
            if bind is None or bind <= power:
                return left
            self.take()
            # ^ groups to the right; the others to the left.
            right = self.expression(bind - 1 if token.text == "^" else bind)
            op = {"==": "=", "!=": "<>"}.get(token.text, token.text)
            left = ("bin", op, left, right)

    def prefix(self) -> Tree:
        token = self.take()
        if token.kind == "num":
            return ("num", float(token.text))
        if token.kind == "str":
            return ("str", token.text)
        if token.kind == "op":
            if token.text == "-":
                operand = self.expression(6)
                return ("num", -operand[1]) if operand[0] == "num" else ("neg", operand)
            if token.text == "+":
                return self.expression(6)
            if token.text == "NOT":
                return ("not", self.expression(2))
            if token.text == "NA":
                return ("num", -1e38)
            if token.text == "(":
                if self.peek().text == "[":
                    return self.table()
                inner = self.expression()
                self.expect(")")
                return inner
            if token.text == "IF":
                condition = self.expression()
                self.expect("THEN")
                then = self.expression()
                self.expect("ELSE")
                return ("if", condition, then, self.expression())
            if token.text == "[":  # a lookup's points written without their parentheses
                self.i -= 1
                return self.table(closed=False)
        if token.kind == "name":
            return self.name(token)
        found = token.text or "the end"
        raise EquationError(f"unexpected {found} at character {token.at + 1}")

    def name(self, token: Token) -> Tree:
        if self.peek().text == "[":  # subscripts: one variable, whatever the element
            depth = 0
            while True:
                part = self.take()
                if part.kind == "end":
                    raise EquationError(f"a subscript opened at character {token.at + 1} is not closed")
                depth += {"[": 1, "]": -1}.get(part.text, 0)
                if depth == 0:
                    break
        if self.peek().text == "(":
            self.take()
            args: list[Tree] = []
            if self.peek().text != ")":
                while True:
                    args.append(self.table() if self.peek().text == "[" else self.expression())
                    if self.peek().text != ",":
                        break
                    self.take()
            self.expect(")")
            function = " ".join(token.text.upper().replace("_", " ").split())
            if function == "IF THEN ELSE" and len(args) == 3:  # Vensim's spelling of XMILE's IF
                return ("if", *args)
            return ("call", function, args, name_key(token.text))
        return ("var", name_key(token.text), " ".join(unquote(token.text).split()))

    def table(self, closed: bool = True) -> Tree:
        """``[(x0,y0)-(x1,y1)],(x,y),(x,y)…`` (the range in brackets is optional)."""
        points: list[tuple[float, float]] = []
        if self.peek().text == "[":
            depth = 0
            while True:
                part = self.take()
                if part.kind == "end":
                    raise EquationError("a lookup's range is not closed")
                depth += {"[": 1, "]": -1}.get(part.text, 0)
                if depth == 0:
                    break
        while self.peek().text == ",":
            self.take()
            if self.peek().text != "(":
                self.i -= 1
                break
            self.take()
            x = self.signed_number()
            self.expect(",")
            y = self.signed_number()
            self.expect(")")
            points.append((x, y))
        if closed and self.peek().text == ")":
            self.take()
        return ("table", points)

    def signed_number(self) -> float:
        sign = -1.0 if self.peek().text == "-" and self.take() else 1.0
        token = self.take()
        if token.kind != "num":
            raise EquationError(f"a lookup point needs a number at character {token.at + 1}")
        return sign * float(token.text)


def parse(text: str, vensim: bool = True) -> Tree:
    """The tree of one right-hand side; EquationError names what stopped it."""
    text = join_continuations(text)
    parser = _Parser(tokenize(text, vensim))
    if parser.peek().text == "[":  # a lookup variable: its points are the whole right side
        tree = parser.table(closed=False)
    else:
        tree = parser.expression()
    rest = parser.peek()
    if rest.kind != "end":
        raise EquationError(f"unexpected '{rest.text}' at character {rest.at + 1}")
    return tree


# Arguments read only once, at the start of a run: a stock's initial value and the like.
# They are not causes (no loop runs through them; Vensim's loop tools leave them out).
INITIAL_ARGS: dict[str, set[int]] = {
    "INTEG": {1}, "SMOOTHI": {2}, "SMOOTH3I": {2}, "SMOOTH N": {2}, "DELAY1I": {2}, "DELAY3I": {2},
    "DELAY N": {2}, "DELAY FIXED": {2}, "DELAY": {2}, "DELAY1": {2}, "DELAY3": {2}, "DELAYN": {3},
    "SMTH1": {2}, "SMTH3": {2}, "SMTHN": {3}, "ACTIVE INITIAL": {1}, "INITIAL": {0}, "INIT": {0},
    "PREVIOUS": {1}, "SAMPLE IF TRUE": {2},
}


def walk(tree: Tree, visit: Callable[[Tree], None], runtime_only: bool = False) -> None:
    """``visit`` every node; ``runtime_only`` leaves out what is read only for an initial value."""
    visit(tree)
    kind = tree[0]
    if kind in ("neg", "not"):
        walk(tree[1], visit, runtime_only)
    elif kind == "bin":
        walk(tree[2], visit, runtime_only)
        walk(tree[3], visit, runtime_only)
    elif kind == "if":
        for part in tree[1:]:
            walk(part, visit, runtime_only)
    elif kind == "call":
        skip = INITIAL_ARGS.get(tree[1], set()) if runtime_only else set()
        for i, arg in enumerate(tree[2]):
            if i not in skip:
                walk(arg, visit, runtime_only)


def references(tree: Tree, initial: bool = False) -> list[tuple[str, str]]:
    """The variables a tree reads as it runs, in order, once each, as (key, name as
    written): not a lookup's name (the table is a shape, not a cause), not the clock, not
    what is read only for an initial value (unless ``initial``)."""
    found: dict[str, str] = {}

    def visit(node: Tree) -> None:
        if node[0] == "var" and node[1] not in CONTROL:
            found.setdefault(node[1], node[2])

    walk(tree, visit, runtime_only=not initial)
    return list(found.items())
