"""Shared building blocks of the document model: strict base class, ids, bounded strings."""

from __future__ import annotations

import uuid
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from .limits import MAX_NAME_CHARS, MAX_TEXT_CHARS


def new_id() -> str:
    """A fresh stable id; saved in the file so every view can key on it."""
    return str(uuid.uuid4())


Id = Annotated[str, StringConstraints(min_length=1, max_length=64)]
Name = Annotated[str, StringConstraints(max_length=MAX_NAME_CHARS)]
Text = Annotated[str, StringConstraints(max_length=MAX_TEXT_CHARS)]
Colour = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]


class StrictModel(BaseModel):
    """Base of every saved object: unknown fields are an error, assignments are validated."""

    # No NaN or infinity anywhere: a coordinate that is not a number cannot be drawn, and
    # JSON cannot carry it, so a file holding one could be opened but never saved again.
    model_config = ConfigDict(extra="forbid", validate_assignment=True, allow_inf_nan=False)


class Identified(StrictModel):
    id: Id = Field(default_factory=new_id)


class Point(StrictModel):
    x: float = 0.0
    y: float = 0.0
