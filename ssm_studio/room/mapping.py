"""The one mapping between a project and a Y document (pycrdt), for the workshop room.

Every object of the project with an id, at any depth, is one entry of the Y map ``entries``,
keyed by its path (``cld␟variables␟<id>``); containers without an id (the metadata, the
causal-loop diagram, the SPOTlight review) are entries too. An entry is a Y map of the
object's own fields, each JSON text, so two people changing two fields of one variable both
keep their change; lists of objects with ids are not fields but entries of their own, placed
by a ``_pos`` number (moving one object never rewrites its siblings). Nothing else is mapped:
the project's own validation decides what is a valid project, here as everywhere.

``Mirror`` keeps a Document and a Y document in step: each applied edit (or undo) becomes one
Y transaction; a transaction that arrived from the room becomes one ordinary edit on the
Document, so every page, panel and the loop tracker follow it unchanged. A remote change the
project refuses (a dangling reference, a limit) is not applied, and ``refused`` says why.
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from pycrdt import Doc, Map
from pydantic import BaseModel

from ..edits import (
    ChangeEvent,
    CompositeEdit,
    DeleteEdit,
    Document,
    Edit,
    InsertEdit,
    MoveInListEdit,
    SetFieldsEdit,
)
from ..edits.paths import resolve
from ..errors import SsmError
from ..model import Project
from ..model.base import Identified

SEP = "\x1f"  # the unit separator: no id or field name holds it
POS = "_pos"
ENTRIES = "entries"


def key_of(path: tuple[str, ...]) -> str:
    return SEP.join(path)


def path_of(key: str) -> tuple[str, ...]:
    return tuple(key.split(SEP)) if key else ()


@cache
def _child_kind(model: type[BaseModel], name: str) -> str:
    """How a field of ``model`` is mapped: 'list' (its objects are entries of their own),
    'container' (a sub-object without an id: an entry of its own), or 'value' (JSON text)."""
    annotation = model.model_fields[name].annotation
    if _is_identified_list(annotation):
        return "list"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel) and not issubclass(annotation, Identified) \
            and (model is Project or not issubclass(model, Identified)):
        return "container"
    return "value"


def _unwrap(annotation: Any) -> Any:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def _is_identified_list(annotation: Any) -> bool:
    annotation = _unwrap(annotation)
    if typing.get_origin(annotation) is not list:
        return False
    item = _unwrap(typing.get_args(annotation)[0])
    if typing.get_origin(item) in (typing.Union, types.UnionType):
        members = [_unwrap(m) for m in typing.get_args(item)]
    else:
        members = [item]
    return all(isinstance(m, type) and issubclass(m, Identified) for m in members)


def _json(value: Any) -> str:
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json")
    elif isinstance(value, list):
        value = [v.model_dump(mode="json") if isinstance(v, BaseModel) else v for v in value]
    elif isinstance(value, dict):
        value = {k: v.model_dump(mode="json") if isinstance(v, BaseModel) else v for k, v in value.items()}
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def entries_of(obj: BaseModel, path: tuple[str, ...], pos: float | None = None) -> Iterator[tuple[str, dict[str, str]]]:
    """The entries of ``obj`` and everything inside it, parents before children."""
    own: dict[str, str] = {}
    children: list[tuple[str, BaseModel, tuple[str, ...], float | None]] = []
    for name in type(obj).model_fields:
        kind = _child_kind(type(obj), name)
        value = getattr(obj, name)
        if kind == "list":
            children += [(name, child, (*path, name, child.id), float(i)) for i, child in enumerate(value)]
        elif kind == "container":
            children.append((name, value, (*path, name), None))
        else:
            own[name] = _json(value)
    if pos is not None:
        own[POS] = json.dumps(pos)
    yield key_of(path), own
    for _, child, child_path, child_pos in children:
        yield from entries_of(child, child_path, child_pos)


def doc_from_project(project: Project) -> Doc:
    """A new Y document holding ``project`` (the host loads it before anyone joins)."""
    doc: Doc = Doc()
    entries = doc.get(ENTRIES, type=Map)
    with doc.transaction(origin="load"):
        for key, own in entries_of(project, ()):
            entries[key] = Map(own)
    return doc


def _plain(entry: Any) -> dict[str, str]:
    return json.loads(str(entry))  # y-crdt writes the JSON: one call, not one a field


def children_index(keys) -> dict[str, list[str]]:
    """List path key -> the keys of its objects: one pass over the keys, so building a whole
    project never scans every key once per list."""
    index: dict[str, list[str]] = {}
    for key in keys:
        parent, _, last = key.rpartition(SEP)
        if parent:
            index.setdefault(parent, []).append(key)
    return index


def build(model: type[BaseModel], path: tuple[str, ...], table: dict[str, dict[str, str]],
          index: dict[str, list[str]] | None = None) -> dict:
    """The dict of the object at ``path`` from the entries (its children gathered by _pos)."""
    index = children_index(table) if index is None else index
    own = table.get(key_of(path), {})
    data: dict[str, Any] = {name: json.loads(text) for name, text in own.items() if name != POS}
    for name, field in model.model_fields.items():
        kind = _child_kind(model, name)
        if kind == "container":
            sub = _unwrap(field.annotation)
            data[name] = build(sub, (*path, name), table, index)
        elif kind == "list":
            kids = [k for k in index.get(key_of((*path, name)), []) if k in table]
            kids.sort(key=lambda k: (json.loads(table[k].get(POS, "0")), k))
            item_model = _list_item_model(model, name)
            data[name] = [build(item_model(table[k]), path_of(k), table, index) for k in kids]
    return data


def _list_item_model(model: type[BaseModel], name: str) -> Callable[[dict[str, str]], type[BaseModel]]:
    """The model of one object of a list field (for a union of kinds, by its 'kind')."""
    item = _unwrap(typing.get_args(_unwrap(model.model_fields[name].annotation))[0])
    if typing.get_origin(item) in (typing.Union, types.UnionType):
        by_kind = {}
        for member in (_unwrap(m) for m in typing.get_args(item)):
            kind_field = member.model_fields.get("kind")
            by_kind[kind_field.default if kind_field is not None else None] = member
        return lambda own: by_kind[json.loads(own.get("kind", "null"))]
    return lambda own: item


def project_from_doc(doc: Doc) -> Project:
    entries = doc.get(ENTRIES, type=Map)
    table = json.loads(str(entries))  # y-crdt writes the JSON itself: a fifth of to_py()'s time
    return Project.model_validate(build(Project, (), table))


class Mirror:
    """Keeps ``document`` and ``doc`` in step, both ways (see the module's docstring)."""

    def __init__(self, document: Document, doc: Doc, refused: Callable[[str], None] | None = None) -> None:
        self.document, self.doc = document, doc
        self.entries = doc.get(ENTRIES, type=Map)
        self.refused = refused or (lambda reason: None)
        self._writing = False  # our own transaction: its events are not news
        self._applying = False  # the room's change being applied: its document events are not ours to send
        # A private draft (draft.py) holds this participant's edits back: True means kept here.
        self.hold: Callable[[list[ChangeEvent]], bool] | None = None
        self._unsubscribe = document.subscribe(self._local)
        self._subscription = self.entries.observe_deep(self._remote)
        self.remote_edits = 0

    def close(self) -> None:
        self._unsubscribe()
        self.entries.unobserve(self._subscription)

    # Ours, to the room -------------------------------------------------------------------
    def _local(self, events: list[ChangeEvent]) -> None:
        if self._applying or (self.hold is not None and self.hold(events)):
            return
        self._writing = True
        try:
            with self.doc.transaction(origin="local"):
                for event in events:
                    self._write(event)
        finally:
            self._writing = False

    def _write(self, event: ChangeEvent) -> None:
        project = self.document.project
        if event.kind == "removed":
            gone = key_of((*event.path, event.id or ""))
            for key in [k for k in self.entries.keys() if k == gone or k.startswith(gone + SEP)]:
                del self.entries[key]
            return
        target = (*event.path, event.id) if event.id is not None else event.path
        obj: BaseModel = resolve(project, target)
        if event.kind == "added":
            self._put(obj, target, self._pos_for(event.path, event.id))
        elif event.kind == "moved":
            self.entries[key_of(target)][POS] = json.dumps(self._pos_for(event.path, event.id))
        else:  # changed fields
            entry = self.entries[key_of(target)]
            for name in event.fields:
                if _child_kind(type(obj), name) == "value":
                    entry[name] = _json(getattr(obj, name))
                else:  # a whole list of objects set at once: its entries again
                    prefix = key_of((*target, name))
                    for key in [k for k in self.entries.keys() if k.startswith(prefix + SEP) or k == prefix]:
                        del self.entries[key]
                    for child_key, own in entries_of(obj, target):
                        if child_key.startswith(prefix):
                            self.entries[child_key] = Map(own)

    def _put(self, obj: BaseModel, path: tuple[str, ...], pos: float) -> None:
        for key, own in entries_of(obj, path, pos):
            self.entries[key] = Map(own)

    def _pos_for(self, list_path: tuple[str, ...], obj_id: str | None) -> float:
        """A place between the object's neighbours in the local list (the room keeps their
        places; only this object's changes)."""
        items = resolve(self.document.project, list_path)
        index = next(i for i, item in enumerate(items) if item.id == obj_id)

        def pos(i: int) -> float | None:
            if not 0 <= i < len(items):
                return None
            entry = self.entries.get(key_of((*list_path, items[i].id)))
            return json.loads(entry[POS]) if entry is not None and POS in entry else None

        before, after = pos(index - 1), pos(index + 1)
        if before is None and after is None:
            return float(index)
        if before is None:
            return after - 1.0  # type: ignore[operator]
        if after is None:
            return before + 1.0
        return (before + after) / 2

    # The room's, to us ---------------------------------------------------------------------
    def _remote(self, events: list) -> None:
        if self._writing:
            return
        touched: set[str] = set()
        placed: set[str] = set()  # entries whose place in their list changed
        for event in events:
            if event.path:  # a field of one entry changed
                touched.add(str(event.path[0]))
                if POS in event.keys:
                    placed.add(str(event.path[0]))
            else:  # entries added or removed
                touched.update(event.keys)
        if touched:
            self.pull(touched, placed)

    def pull(self, touched: set[str], placed: set[str] | None = None) -> None:
        """Apply what the room changed in these entries to the document, as one edit
        (``placed``: the entries whose place changed; None: any may have)."""
        try:
            edit = self._edit_for(touched, placed)
        except (SsmError, KeyError, ValueError) as error:
            self.refused(f"A change from the room could not be read, so it was not applied: {error}")
            return
        if edit is None:
            return
        self._applying = True
        try:
            self.document.apply(edit)
            self.remote_edits += 1
        except SsmError as error:
            self.refused(f"A change from the room was refused: {error}")
        finally:
            self._applying = False

    def _edit_for(self, touched: set[str], placed: set[str] | None = None) -> Edit | None:
        # Only the touched entries are read: an object added in the room arrives with all of
        # its own entries in the same transaction, so they are touched too.
        table = {}
        for key in touched:
            entry = self.entries.get(key)
            if entry is not None:
                table[key] = _plain(entry)
        project = self.document.project
        edits: list[Edit] = []
        done: set[str] = set()
        arriving: dict[tuple[str, ...], list[tuple[float, str, Identified]]] = {}
        for key in sorted(touched, key=lambda k: k.count(SEP)):  # parents first
            path = path_of(key)
            if any(key.startswith(d + SEP) for d in done):
                continue  # inside an object added or removed whole
            try:
                local = resolve(project, path)
            except SsmError:
                local = None
            if key not in table:
                if local is not None and isinstance(local, Identified):
                    edits.append(DeleteEdit(path[:-1], path[-1], label="Change from the room"))
                    done.add(key)
                continue
            if local is None:  # new: built whole, with everything inside it
                parent_path = path[:-2]
                parent = resolve(project, parent_path) if parent_path else project
                model = _list_item_model(type(parent), path[-2])(table[key])
                obj = model.model_validate(build(model, path, table))
                assert isinstance(obj, Identified)
                arriving.setdefault(path[:-1], []).append((json.loads(table[key].get(POS, "0")), obj.id, obj))
                done.add(key)
                continue
            moved = placed is None or key in placed
            edits += self._changes(local, path, table[key], project, moved)
        # Several objects new to one list (a merge, a paste) go in by their places: each is
        # placed among the objects already here, then after the new ones placed before it.
        for list_path, new in arriving.items():
            siblings = resolve(project, list_path)
            new.sort(key=lambda placed: (placed[0], placed[1]))
            for k, (pos, _, obj) in enumerate(new):
                index = self._index_among(list_path, siblings, pos) + k
                edits.append(InsertEdit(list_path, obj, index=index, label="Change from the room"))
        return CompositeEdit(edits, label="Change from the room") if edits else None

    def _changes(self, local: BaseModel, path: tuple[str, ...], own: dict[str, str], project: Project,
                 moved: bool = True) -> list[Edit]:
        changes = {name: json.loads(text) for name, text in own.items()
                   if name != POS and name in type(local).model_fields and _child_kind(type(local), name) == "value"
                   and name != "id" and text != _json(getattr(local, name))}
        edits: list[Edit] = []
        if changes:
            typed = type(local).model_validate({**local.model_dump(mode="json"), **changes})
            edits.append(SetFieldsEdit(path, {name: getattr(typed, name) for name in changes},
                                       label="Change from the room"))
        if moved and POS in own and isinstance(local, Identified) and len(path) >= 2:
            siblings = resolve(project, path[:-1])
            here = siblings.index(local)
            others = siblings[:here] + siblings[here + 1:]
            index = self._index_among(path[:-1], others, json.loads(own[POS]))
            if index != here:
                edits.append(MoveInListEdit(path[:-1], local.id, index, label="Change from the room"))
        return edits

    def _index_among(self, list_path: tuple[str, ...], siblings: list, pos: float) -> int:
        """Where an object placed at ``pos`` goes among ``siblings`` (kept in the order of
        their places): a binary search, reading a few places rather than all of them.
        Siblings the same transaction removed from the room have no place; when the search
        meets one, it runs again over those still there (the index given in the whole list)."""
        found = self._search(list_path, siblings, pos)
        if found is not None:
            return found
        there = [s for s in siblings if key_of((*list_path, s.id)) in self.entries]
        low = self._search(list_path, there, pos)
        assert low is not None
        return siblings.index(there[low]) if low < len(there) else len(siblings)

    def _search(self, list_path: tuple[str, ...], siblings: list, pos: float) -> int | None:
        low, high = 0, len(siblings)
        while low < high:
            middle = (low + high) // 2
            entry = self.entries.get(key_of((*list_path, siblings[middle].id)))
            if entry is None:
                return None  # gone from the room in this transaction
            if (json.loads(entry[POS]) if POS in entry else 0.0) < pos:
                low = middle + 1
            else:
                high = middle
        return low
