"""A first draft of a conceptual model from its root definition, for the user to edit.

Built from the root definition alone, as SSM asks: activities from T, the actors and the
environment, then the monitor-and-control subsystem from the 5Es. Verb phrases only.
"""

from __future__ import annotations

from .ssm_stages import Activity, Dependency, RootDefinition


def _clip(text: str, limit: int = 90) -> str:
    text = " ".join(text.split()).rstrip(".")
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def scaffold(rd: RootDefinition) -> tuple[list[Activity], list[Dependency]]:
    source, result = _clip(rd.transformation_input) or "the input", _clip(rd.transformation_output) or "the output"
    steps = [f"Find out about {source}"]
    if rd.actors:
        steps.append(f"Agree the part each actor plays ({_clip(rd.actors, 60)})")
    steps.append(f"Decide how to turn {source} into {result}")
    if rd.how:
        steps.append(f"Arrange the means: {_clip(rd.how, 70)}")
    steps.append(f"Turn {source} into {result}")
    if rd.customers:
        steps.append(f"Make the change known to {_clip(rd.customers, 60)}")
    if rd.environment:
        steps.append(f"Take account of {_clip(rd.environment, 70)}")
    activities = [Activity(label=step, x=(i % 3) * 240.0, y=(i // 3) * 140.0) for i, step in enumerate(steps)]
    chosen = [(name, text) for name, text in (("efficacy", rd.measures.efficacy),
                                              ("efficiency", rd.measures.efficiency),
                                              ("effectiveness", rd.measures.effectiveness)) if text]
    measures = "; ".join(f"{name}: {_clip(text, 30)}" for name, text in chosen) or "efficacy, efficiency, effectiveness"
    control = [
        Activity(label=f"Define measures of performance ({measures})", x=760, y=0, monitor_control=True,
                 measure="effectiveness"),
        Activity(label="Monitor the activities against the measures", x=760, y=140, monitor_control=True,
                 measure="efficacy"),
        Activity(label="Take control action", x=760, y=280, monitor_control=True),
    ]
    transform = next(a for a in activities if a.label.startswith("Turn "))
    links = [Dependency(source=a.id, target=b.id) for a, b in zip(activities, activities[1:], strict=False)]
    links += [Dependency(source=control[0].id, target=control[1].id),
              Dependency(source=control[1].id, target=control[2].id),
              Dependency(source=transform.id, target=control[1].id)]
    return activities + control, links


def size_note(activities: list[Activity]) -> str:
    """A gentle word when a model strays from Checkland's 7 ± 2 activities."""
    count = sum(1 for a in activities if not a.monitor_control)
    if 5 <= count <= 9:
        return ""
    if count < 5:
        return f"{count} activities: models usually have about 7 ± 2; is something left out?"
    return f"{count} activities: models usually have about 7 ± 2; could some be grouped into one?"
