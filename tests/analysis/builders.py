"""Tiny diagrams written as text: 'A+B' is a claim A → B with polarity +."""

import re

from ssm_studio.model import CausalLink, Perspective, Project, Variable


def diagram(*claims_by_perspective: tuple[str, list[str]], delays: set[str] = frozenset()) -> Project:
    project = Project()
    variables: dict[str, Variable] = {}
    for name, claims in claims_by_perspective:
        perspective = Perspective(name=name)
        project.perspectives.append(perspective)
        for claim in claims:
            source, polarity, target = re.fullmatch(r"(\w+)([-+?])(\w+)", claim).groups()
            for v in (source, target):
                if v not in variables:
                    variables[v] = Variable(name=v)
            project.cld.links.append(CausalLink(
                source=variables[source].id, target=variables[target].id, perspective=perspective.id,
                polarity=polarity, delay=claim in delays))
    project.cld.variables = list(variables.values())
    return project


def names_of(project: Project, loop) -> list[str]:
    by_id = {v.id: v.name for v in project.cld.variables}
    return [by_id[v] for v in loop.variables]


def rotate_to_min(names: list[str]) -> tuple[str, ...]:
    i = names.index(min(names))
    return tuple(names[i:] + names[:i])
