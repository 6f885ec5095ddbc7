"""Edits of storylines and their steps: each one undoable step, as every other change."""

from __future__ import annotations

from ..model import Storyline, StoryStep
from .base import DeleteEdit, Edit, InsertEdit, MoveInListEdit, SetFieldsEdit

STORYLINES = ("storylines",)


def steps_of(storyline_id: str) -> tuple[str, ...]:
    return (*STORYLINES, storyline_id, "steps")


def add_storyline(storyline: Storyline) -> Edit:
    return InsertEdit(STORYLINES, storyline, label=f"Add storyline '{storyline.name}'")


def remove_storyline(storyline_id: str) -> Edit:
    return DeleteEdit(STORYLINES, storyline_id, label="Delete storyline")


def rename_storyline(storyline_id: str, name: str) -> Edit:
    return SetFieldsEdit((*STORYLINES, storyline_id), {"name": name}, label=f"Rename storyline to '{name}'")


def add_step(storyline_id: str, step: StoryStep, index: int | None = None) -> Edit:
    return InsertEdit(steps_of(storyline_id), step, index=index, label="Add step")


def remove_step(storyline_id: str, step_id: str) -> Edit:
    return DeleteEdit(steps_of(storyline_id), step_id, label="Delete step")


def move_step(storyline_id: str, step_id: str, index: int) -> Edit:
    return MoveInListEdit(steps_of(storyline_id), step_id, index, label="Move step")


def change_step(storyline_id: str, step_id: str, **changes: object) -> Edit:
    words = {"caption": "Edit caption", "notes": "Edit speaker notes"}
    label = words.get(next(iter(changes)), "Change step") if len(changes) == 1 else "Change step"
    return SetFieldsEdit((*steps_of(storyline_id), step_id), changes, label=label)
