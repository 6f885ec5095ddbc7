"""Reading foreign files safely: size, count and depth limits, and XML through defusedxml.

Every file another tool wrote is untrusted (emailed, downloaded, made by a script), so each
reader goes through these helpers: a file larger than the limit is refused before it is
read, XML with entity tricks is refused by defusedxml, and JSON nested deeper than the parser
allows is refused with a message rather than a crash.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import ImportProblem
from ..model.limits import MAX_LINKS, MAX_VARIABLES

MAX_FOREIGN_BYTES = 64 * 1024 * 1024  # far above any real causal map (50 MB is tested)


def read_bytes(path: str | Path) -> bytes:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FOREIGN_BYTES:
            raise ImportProblem(f"'{path.name}' is {size / 2**20:.0f} MB; files over "
                                f"{MAX_FOREIGN_BYTES // 2**20} MB are not imported.")
        return path.read_bytes()
    except OSError as error:
        raise ImportProblem(f"'{path.name}' cannot be read: {error.strerror or error}.") from None


def decode(data: bytes) -> str:
    """UTF-8 (with or without a byte-order mark), else the Windows code page older tools use."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def parse_xml(data: bytes, source: str):
    """The root element, or a message naming the file and the line that is wrong."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        return fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as error:
        raise ImportProblem(f"{source} was refused: it defines XML entities or external "
                            f"references, which can hide an attack ({type(error).__name__}).") from None
    except ParseError as error:
        line, column = getattr(error, "position", (0, 0))
        raise ImportProblem(f"{source} is not well-formed XML at line {line}, column {column + 1}: "
                            f"{str(error).split(':')[0]}.") from None


def parse_xml_in_part(data: bytes, source: str):
    """The root element, and None; or, for a file that breaks off or goes wrong part way
    (a download cut short, a hand edit), everything before the fault and a note saying
    where it is and that the rest was not read. Entity tricks are refused either way."""
    try:
        return parse_xml(data, source), None
    except ImportProblem as problem:
        if "well-formed" not in str(problem):
            raise
        fault = problem
    from xml.etree.ElementTree import ParseError

    from defusedxml.ElementTree import DefusedXMLParser

    target = _PartTree()
    parser = DefusedXMLParser(target=target, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    try:
        parser.feed(data)
        parser.close()
    except ParseError:
        pass
    if target.root is None or not len(target.root):
        raise fault
    where = str(fault).split(" at ", 1)[-1].rstrip(".")
    return target.root, f"the file is not well-formed XML at {where}; what comes before was read, the rest was not"


class _PartTree:
    """An ElementTree builder that keeps what it has built when the parser stops."""

    def __init__(self) -> None:
        from xml.etree.ElementTree import Element

        self.element = Element
        self.root: Element | None = None
        self.open: list[Element] = []

    def start(self, tag, attributes) -> None:
        element = self.element(tag, attributes)
        if self.open:
            self.open[-1].append(element)
        elif self.root is None:
            self.root = element
        self.open.append(element)

    def end(self, _tag) -> None:
        if self.open:
            self.open.pop()

    def data(self, text: str) -> None:
        if not self.open:
            return
        holder = self.open[-1]
        if len(holder):
            holder[-1].tail = (holder[-1].tail or "") + text
        else:
            holder.text = (holder.text or "") + text

    def close(self):
        return self.root


def local(tag: str) -> str:
    """An element's name without its namespace: XMILE comes in OASIS and older isee forms."""
    return tag.rsplit("}", 1)[-1]


def load_json(text: str, source: str) -> Any:
    try:
        return json.loads(text)
    except RecursionError:  # the C parser stops at the interpreter's depth; say so plainly
        raise ImportProblem(f"{source} is nested deeper than any diagram needs; not imported.") from None
    except json.JSONDecodeError as error:
        raise ImportProblem(f"{source} is not valid JSON at line {error.lineno}, column "
                            f"{error.colno}: {error.msg}.") from None


def check_counts(source: str, nodes: int, links: int) -> None:
    if nodes > MAX_VARIABLES or links > MAX_LINKS:
        raise ImportProblem(f"{source} holds {nodes:,} variables and {links:,} links; a project "
                            f"holds at most {MAX_VARIABLES:,} and {MAX_LINKS:,}. Not imported.")
