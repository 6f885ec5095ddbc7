"""Every change to a document as a reversible edit; the document emits change events."""

from .base import (
    CompositeEdit,
    DeleteEdit,
    Edit,
    InsertEdit,
    InsertManyEdit,
    MoveInListEdit,
    SetFieldsEdit,
)
from .document import Document, History
from .events import ChangeEvent
from .paths import PathError, resolve, resolve_list

__all__ = [
    "ChangeEvent",
    "CompositeEdit",
    "DeleteEdit",
    "Document",
    "Edit",
    "History",
    "InsertEdit",
    "InsertManyEdit",
    "MoveInListEdit",
    "PathError",
    "SetFieldsEdit",
    "resolve",
    "resolve_list",
]
