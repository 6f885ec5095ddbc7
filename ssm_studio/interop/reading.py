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
