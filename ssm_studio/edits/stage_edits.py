"""Edits of SSM stages 3 to 7: root definitions, conceptual models, the stage-5 comparison,
actions and each perspective's stance, with the cascades that keep references whole.

Widgets call these and nothing else, so every change the app can make is here, headless
and testable (the hypothesis undo test generates each of them).
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from ..errors import EditRefused
from ..model import (
    Action,
    Activity,
    ComparisonRow,
    ConceptualModel,
    Dependency,
    Project,
    RootDefinition,
    Stance,
)
from ..model.scaffold import scaffold
from .base import CompositeEdit, DeleteEdit, Edit, InsertEdit, SetFieldsEdit
from .refusal import build
from .spotlight_edits import forget

ROOT_DEFINITIONS = ("root_definitions",)
MODELS = ("conceptual_models",)
ACTIONS = ("actions",)


# Root definitions ------------------------------------------------------------------------
def add_root_definition(rd: RootDefinition) -> Edit:
    return InsertEdit(ROOT_DEFINITIONS, rd, label="Add root definition")


def change_root_definition(rd_id: str, **changes: object) -> Edit:
    return SetFieldsEdit((*ROOT_DEFINITIONS, rd_id), changes, label="Edit root definition")


def change_measures(rd_id: str, **changes: object) -> Edit:
    """The 5Es by which the system would be judged."""
    return SetFieldsEdit((*ROOT_DEFINITIONS, rd_id, "measures"), changes, label="Edit measure")


def remove_root_definition(project: Project, rd_id: str) -> Edit:
    """A root definition goes with its conceptual models (and their comparison rows)."""
    edits: list[Edit] = [remove_conceptual_model(project, cm.id)
                         for cm in project.conceptual_models if cm.root_definition == rd_id]
    edits.append(DeleteEdit(ROOT_DEFINITIONS, rd_id))
    return CompositeEdit(edits, label="Remove root definition")


# Conceptual models -----------------------------------------------------------------------
def add_conceptual_model(model: ConceptualModel) -> Edit:
    return InsertEdit(MODELS, model, label="Add conceptual model")


def start_from_root_definition(rd: RootDefinition) -> tuple[Edit, str]:
    """'Start from the root definition': a new model drafted from its parts; returns the
    edit and the new model's id."""
    activities, dependencies = scaffold(rd)
    model = ConceptualModel(root_definition=rd.id, title=rd.title, activities=activities,
                            dependencies=dependencies)
    return InsertEdit(MODELS, model, label="Start model from root definition"), model.id


def change_conceptual_model(model_id: str, **changes: object) -> Edit:
    return SetFieldsEdit((*MODELS, model_id), changes, label="Edit conceptual model")


def remove_conceptual_model(project: Project, model_id: str) -> Edit:
    """Actions proposed from its comparison rows keep their text and lose the link back."""
    model = _model(project, model_id)
    rows = {row.id for row in model.comparison}
    edits: list[Edit] = [SetFieldsEdit((*ACTIONS, a.id), {"source_row": None})
                         for a in project.actions if a.source_row in rows]
    edits.append(DeleteEdit(MODELS, model_id))
    return CompositeEdit(edits, label="Remove conceptual model")


def add_activity(model_id: str, activity: Activity) -> Edit:
    return InsertEdit((*MODELS, model_id, "activities"), activity, label="Add activity")


def change_activity(model_id: str, activity_id: str, **changes: object) -> Edit:
    label = "Rename activity" if set(changes) == {"label"} else "Change activity"
    return SetFieldsEdit((*MODELS, model_id, "activities", activity_id), changes, label=label)


def move_activities(model_id: str, positions: dict[str, tuple[float, float]]) -> Edit:
    return CompositeEdit([SetFieldsEdit((*MODELS, model_id, "activities", aid), {"x": x, "y": y})
                          for aid, (x, y) in positions.items()], label="Move")


def set_monitor_control(model_id: str, activity_ids: list[str], on: bool) -> Edit:
    return CompositeEdit([SetFieldsEdit((*MODELS, model_id, "activities", aid), {"monitor_control": on})
                          for aid in activity_ids], label="Monitor and control")


def add_dependency(project: Project, model_id: str, dependency: Dependency) -> Edit:
    model = _model(project, model_id)
    if dependency.source == dependency.target:
        raise EditRefused("An activity cannot depend on itself.")
    if any(d.source == dependency.source and d.target == dependency.target for d in model.dependencies):
        raise EditRefused("That dependency is already drawn.")
    return InsertEdit((*MODELS, model_id, "dependencies"), dependency, label="Add dependency")


def remove_from_model(project: Project, model_id: str, activity_ids: set[str],
                      dependency_ids: AbstractSet[str] = frozenset()) -> Edit:
    """Delete activities (with their arrows and comparison rows) and arrows, as one step."""
    model = _model(project, model_id)
    path = (*MODELS, model_id)
    doomed_deps = set(dependency_ids) | {d.id for d in model.dependencies
                                         if d.source in activity_ids or d.target in activity_ids}
    doomed_rows = {row.id for row in model.comparison if row.activity in activity_ids}
    edits: list[Edit] = [SetFieldsEdit((*ACTIONS, a.id), {"source_row": None})
                         for a in project.actions if a.source_row in doomed_rows]
    edits += [DeleteEdit((*path, "dependencies"), d.id) for d in model.dependencies if d.id in doomed_deps]
    edits += [DeleteEdit((*path, "comparison"), rid) for rid in sorted(doomed_rows)]
    edits += [DeleteEdit((*path, "activities"), a.id) for a in model.activities if a.id in activity_ids]
    return CompositeEdit(edits, label="Delete")


# Stage 5: comparison with the real situation -----------------------------------------------
def set_comparison(project: Project, model_id: str, activity_id: str, **fields: object) -> Edit:
    """Fill in an activity's row of the comparison table (made on first use)."""
    model = _model(project, model_id)
    if not any(a.id == activity_id for a in model.activities):
        raise EditRefused("That activity is no longer in the model; nothing was changed.")
    row = next((r for r in model.comparison if r.activity == activity_id), None)
    path = (*MODELS, model_id, "comparison")
    if row is None:
        return InsertEdit(path, build(ComparisonRow, activity=activity_id, **fields), label="Compare activity")
    return SetFieldsEdit((*path, row.id), fields, label="Compare activity")


def propose_change(project: Project, model_id: str, activity_id: str) -> tuple[Edit, str]:
    """Stage 5 → 6: the row's proposed change (or its activity) becomes an action."""
    model = _model(project, model_id)
    activity = next((a for a in model.activities if a.id == activity_id), None)
    if activity is None:
        raise EditRefused("That activity is no longer in the model; nothing was changed.")
    row = next((r for r in model.comparison if r.activity == activity_id), None)
    title = row.proposed_change if row is not None and row.proposed_change else f"Improve: {activity.label}"
    edits: list[Edit] = []
    if row is None:
        row = ComparisonRow(activity=activity_id)
        edits.append(InsertEdit((*MODELS, model_id, "comparison"), row))
    action = Action(title=_fit_name(title), source_row=row.id)
    edits.append(InsertEdit(ACTIONS, action))
    return CompositeEdit(edits, label="Propose change"), action.id


# Stages 6 and 7: actions and each perspective's stance ---------------------------------------
def add_action(action: Action) -> Edit:
    return InsertEdit(ACTIONS, action, label="Add change")


def change_action(action_id: str, **changes: object) -> Edit:
    return SetFieldsEdit((*ACTIONS, action_id), changes, label="Edit change")


def remove_actions(action_ids: set[str], project: Project | None = None) -> Edit:
    """With ``project``, the SPOTlight plan and stocktakes let go of these actions too."""
    edits = forget(project, actions=set(action_ids)) if project is not None else []
    return CompositeEdit([*edits, *(DeleteEdit(ACTIONS, aid) for aid in sorted(action_ids))],
                         label="Remove change" if len(action_ids) == 1 else f"Remove {len(action_ids)} changes")


def set_stance(project: Project, action_id: str, perspective_id: str, **fields: object) -> Edit:
    """A perspective's view of a change: desirable, feasible and why (made on first use)."""
    action = next((a for a in project.actions if a.id == action_id), None)
    if action is None:
        raise EditRefused("That change is no longer listed; nothing was changed.")
    stance = next((s for s in action.stances if s.perspective == perspective_id), None)
    path = (*ACTIONS, action_id, "stances")
    label = "Note on stance" if set(fields) == {"note"} else "Record stance"
    if stance is None:
        return InsertEdit(path, build(Stance, perspective=perspective_id, **fields), label=label)
    return SetFieldsEdit((*path, stance.id), fields, label=label)


def _model(project: Project, model_id: str) -> ConceptualModel:
    model = next((cm for cm in project.conceptual_models if cm.id == model_id), None)
    if model is None:
        raise EditRefused("That conceptual model no longer exists; nothing was changed.")
    return model


def _fit_name(text: str, limit: int = 500) -> str:
    """A proposed change's wording may be long; an action's title holds the first part."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
