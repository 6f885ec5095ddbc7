"""A fuzzer of the .ssm loader: damaged archives and hostile project.json documents.

Every case must end one of two ways: refused with an SsmError whose message names the
file, or accepted, after which saving and loading again gives identical bytes (a file
that opens must also save). Run more cases than CI does with

    SSM_FUZZ_CASES=5000 python -m pytest tests/storage/test_loader_fuzz.py
"""

from __future__ import annotations

import copy
import io
import json
import random
import zipfile
from collections.abc import Iterator

from ssm_studio.model import Project

SOURCE = "'fuzzed.ssm'"

HOSTILE_VALUES = [
    None, True, -1, 0, 10**40, -(10**300), 1e308, "NaN", "Infinity", "", "x" * 600,
    "\u0000", "\u202e", [], {}, [[[[[]]]]], {"id": "x"}, 3.5, "yes",
    "#ZZZZZZ", "media/../../etc/passwd",
]
RAW_TOKENS = [b"NaN", b"Infinity", b"-Infinity", b"1e400", b"-1e400", b"9" * 5000, b"1" * 4400,
              b"[" * 3000 + b"]" * 3000, b'"\\ud800"', b"null", b"{}", b"[]"]


def archive(project_json: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as out:
        out.writestr("project.json", project_json)
        for name, data in (extra or {}).items():
            out.writestr(name, data)
    return buffer.getvalue()


def _paths(node, prefix=()) -> Iterator[tuple]:
    """Every place in a JSON tree: dict keys and list indexes."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield (*prefix, key)
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield (*prefix, index)
            yield from _paths(value, (*prefix, index))


def _get(node, path):
    for step in path:
        node = node[step]
    return node


def _ids(data) -> list[str]:
    return [value for path in _paths(data) if path[-1] == "id" and isinstance(value := _get(data, path), str)]


def mutate_json(rng: random.Random, data: dict) -> bytes:
    """One to four structural mutations of a project's JSON, then serialised."""
    data = copy.deepcopy(data)
    ids = _ids(data)
    for _ in range(rng.randint(1, 4)):
        places = list(_paths(data))
        if not places:
            break
        path = rng.choice(places)
        parent, key = _get(data, path[:-1]), path[-1]
        action = rng.randrange(8)
        if action == 0:
            parent[key] = rng.choice(HOSTILE_VALUES)
        elif action == 1 and ids:  # a reference to some other object, or to nothing
            parent[key] = rng.choice(ids + ["no-such-id"])
        elif action == 2:
            del parent[key]
        elif action == 3 and isinstance(parent, list):
            parent.insert(key, copy.deepcopy(parent[key]))  # a duplicate (same id)
        elif action == 4 and isinstance(parent, dict):
            parent["unexpected_" + str(rng.randrange(100))] = 1
        elif action == 5 and isinstance(parent[key], (int, float)) and not isinstance(parent[key], bool):
            parent[key] = rng.choice([float("nan"), float("inf"), -float("inf"), 1e308 * 10, 10**30])
        elif action == 6:
            data["format_version"] = rng.choice([0, -1, 2, 99, "1", True, 10**100, None, 1.0])
        else:
            parent[key] = copy.deepcopy(rng.choice(HOSTILE_VALUES))
    text = json.dumps(data, allow_nan=True).encode()
    if rng.random() < 0.2:  # raw tokens json.dumps would never write
        at = rng.randrange(len(text))
        cut = text.find(b",", at)
        if cut > 0:
            text = text[:cut + 1] + b'"k":' + rng.choice(RAW_TOKENS) + b"," + text[cut + 1:]
    return text


def mutate_bytes(rng: random.Random, blob: bytes) -> bytes:
    data = bytearray(blob)
    action = rng.randrange(4)
    if action == 0:
        for _ in range(rng.randint(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    elif action == 1:
        del data[rng.randrange(len(data)):]
    elif action == 2:
        at = rng.randrange(len(data))
        data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
    else:
        start = rng.randrange(len(data))
        del data[start:start + rng.randint(1, 200)]
    return bytes(data)


def cases(seed: int, count: int, example: Project) -> Iterator[tuple[str, bytes]]:
    """(description, file bytes) pairs, the same for the same seed."""
    rng = random.Random(seed)
    base = json.loads(example.model_dump_json())
    whole = archive(example.model_dump_json().encode())
    for index in range(count):
        kind = rng.randrange(10)
        if kind < 6:
            yield f"case {index}: project.json mutated", archive(mutate_json(rng, base))
        elif kind < 9:
            yield f"case {index}: archive bytes mutated", mutate_bytes(rng, whole)
        else:
            extra = {rng.choice(["media/x.png", "media/" + "a" * 64 + ".png", "../evil", "media/"]): b"\x89PNG"}
            yield f"case {index}: unexpected members", archive(mutate_json(rng, base), extra)
