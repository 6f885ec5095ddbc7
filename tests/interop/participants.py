"""Participants' maps as another tool numbers them: every file has a variable "1", a
perspective "1", a link "1" (ids reused across kinds, as Vensim's sketch numbers do), names
that only partly match from file to file, and in some files one variable written twice
('Global warming' beside Vensim's line-continued 'Global warming\\')."""

from __future__ import annotations

import random

from ssm_studio.model import (
    Action,
    CausalLink,
    Perspective,
    Project,
    RootDefinition,
    Stance,
    Variable,
)
from ssm_studio.model.rich_picture import Bubble, TextItem

CONCEPTS = [
    "Global warming", "Carbon emissions", "Public concern", "Policy ambition", "Energy prices",
    "Renewable investment", "Coal use", "Air quality", "Health costs", "Flood risk", "Insurance costs",
    "Household income", "Fuel poverty", "Home insulation", "Council budget", "Bus ridership",
    "Car journeys", "Road congestion", "Cycling", "Tree planting", "Heat waves", "Crop yields",
    "Food prices", "Migration", "Local jobs", "Skills training", "Green jobs", "Media coverage",
    "Trust in government", "Protest", "Regulation", "Business costs", "Innovation", "Technology cost",
    "Electric cars", "Charging points", "Grid capacity", "Energy demand", "Wellbeing", "Community action",
    "Volunteering", "Biodiversity", "Water shortage", "Drought", "Wildfires", "Tourism",
    "Mismanagement", "Awareness", "Education", "Behaviour change",
]


def variant(name: str, rng: random.Random) -> str:
    """How another participant writes the same idea."""
    return rng.choice([name, name.lower(), name.upper(), name + "s", f"  {name} ", name + "\\", "\\ " + name,
                       name.replace(" ", "  ")])


def participant(number: int, size: int = 40, seed: int = 0) -> Project:
    rng = random.Random(seed * 1000 + number)
    names = rng.sample(CONCEPTS, size - 1)
    if "Global warming" not in names:
        names[0] = "Global warming"
    names = [variant(n, rng) if i % 3 else n for i, n in enumerate(names)]
    if number % 2 == 0:  # the same variable twice in one file (never in the first, the base)
        names.append("Global warming\\")
    else:
        names.append(f"Own idea of participant {number}")
    project = Project()
    project.metadata.title = f"Participant {number}"
    owner = Perspective(id="1", name="My view" if number % 3 else "Residents", stakeholder=f"Participant {number}")
    project.perspectives = [owner]
    variables = [Variable(id=str(i + 1), name=n, x=(i % 8) * 200.0, y=(i // 8) * 120.0, included_by=["1"])
                 for i, n in enumerate(names)]
    project.cld.variables = variables
    links, pairs = [], set()
    for k in range(size * 2):
        a, b = rng.sample(range(len(variables)), 2)
        if (a, b) in pairs:
            continue
        pairs.add((a, b))
        links.append(CausalLink(id=str(k + 1), source=variables[a].id, target=variables[b].id, perspective="1",
                                polarity=rng.choice("+-?")))
    # Both spellings of one variable joined: a claim that folds to a loop of one.
    twice = [v.id for v in variables if v.name.strip().rstrip("\\").strip().casefold() == "global warming"]
    if len(twice) == 2:
        links.append(CausalLink(id=str(size * 2 + 1), source=twice[0], target=twice[1], perspective="1"))
    project.cld.links = links
    project.root_definitions = [RootDefinition(id="1", perspective="1", title=f"Participant {number}'s system")]
    project.actions = [Action(id="1", title=f"Idea {number}", owner="1",
                              stances=[Stance(id="1", perspective="1", desirable="yes")])]
    project.rich_picture.items = [TextItem(id="1", layer="1", text=f"Note of {number}"),
                                  Bubble(id="2", layer="1", owner="1", text="I worry")]
    return Project.model_validate(project.model_dump())


def participants(count: int, size: int = 40, seed: int = 0) -> list[Project]:
    return [participant(n + 1, size, seed) for n in range(count)]
