"""Stage 6–7: which changes people holding different worldviews can all live with."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Action, Project


@dataclass
class ActionStanding:
    action: Action
    accepting: list[str]  # perspectives finding it both desirable and feasible
    objecting: list[str]  # perspectives finding it not desirable, or not feasible
    unsure: list[str]  # the rest, including perspectives that said nothing

    @property
    def score(self) -> int:
        return len(self.accepting)


def accommodation(project: Project) -> list[ActionStanding]:
    """Changes ordered by how many perspectives find them desirable and feasible, then by
    fewest objections; ties keep the order the group listed them in."""
    order = [p.id for p in project.perspectives]
    standings = []
    for action in project.actions:
        by = {s.perspective: s for s in action.stances}
        accepting, objecting, unsure = [], [], []
        for pid in order:
            stance = by.get(pid)
            if stance is None:
                unsure.append(pid)
            elif stance.desirable == "yes" and stance.feasible == "yes":
                accepting.append(pid)
            elif "no" in (stance.desirable, stance.feasible):
                objecting.append(pid)
            else:
                unsure.append(pid)
        standings.append(ActionStanding(action, accepting, objecting, unsure))
    position = {id(s): i for i, s in enumerate(standings)}
    return sorted(standings, key=lambda s: (-s.score, len(s.objecting), position[id(s)]))
