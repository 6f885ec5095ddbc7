"""Words composed from a root definition's parts, as SSM practitioners write them."""

from __future__ import annotations

from .ssm_stages import RootDefinition

CATWOE = (
    ("C", "Customers", "customers"),
    ("A", "Actors", "actors"),
    ("T", "Transformation", None),
    ("W", "Worldview", "worldview"),
    ("O", "Owners", "owners"),
    ("E", "Environmental constraints", "environment"),
)


def transformation(rd: RootDefinition) -> str:
    """'input → output', with a gap where a side is still missing."""
    if not rd.transformation_input and not rd.transformation_output:
        return ""
    return f"{rd.transformation_input or '…'} \u2192 {rd.transformation_output or '…'}"


def catwoe_value(rd: RootDefinition, letter: str) -> str:
    for key, _title, field in CATWOE:
        if key == letter:
            return transformation(rd) if field is None else getattr(rd, field)
    raise KeyError(letter)


def _lower_first(text: str) -> str:
    """The user's words as written (names like 'Jobcentre Plus' keep their capitals),
    without a closing full stop, which the sentence supplies."""
    return text.strip().rstrip(".")


def compose_sentence(rd: RootDefinition) -> str:
    """The root definition in the PQR form, or the user's own wording when they wrote one.

    "A system owned by O, operated by A, to P (T), by means of Q, in order to R, for C,
    within E." Missing parts are left out rather than invented.
    """
    if rd.sentence:
        return rd.sentence
    parts = ["A system"]
    if rd.owners:
        parts.append(f"owned by {_lower_first(rd.owners)}")
    if rd.actors:
        parts.append(f"operated by {_lower_first(rd.actors)}")
    what = _lower_first(rd.what) if rd.what else ""
    t = transformation(rd)
    if what and t:
        parts.append(f"to {what} (turning {_lower_first(t)})")
    elif what:
        parts.append(f"to {what}")
    elif t:
        parts.append(f"to turn {_lower_first(t)}")
    if rd.how:
        parts.append(f"by means of {_lower_first(rd.how)}")
    if rd.why:
        parts.append(f"in order to {_lower_first(rd.why)}")
    if rd.customers:
        parts.append(f"for {_lower_first(rd.customers)}")
    if rd.environment:
        parts.append(f"within {_lower_first(rd.environment)}")
    if len(parts) == 1:
        return ""
    return f"{parts[0]} {', '.join(parts[1:])}."


def transformation_problems(rd: RootDefinition) -> list[str]:
    """Plain-words checks of T: both sides present, the output a changed form of the input."""
    problems = []
    if not rd.transformation_input.strip():
        problems.append("Say what goes in: the input that the system changes.")
    if not rd.transformation_output.strip():
        problems.append("Say what comes out: the same input, changed.")
    if rd.transformation_input.strip() and rd.transformation_output.strip():
        words_in = {w.lower().strip(".,") for w in rd.transformation_input.split() if len(w) > 3}
        words_out = {w.lower().strip(".,") for w in rd.transformation_output.split() if len(w) > 3}
        if words_in and not words_in & words_out:
            problems.append("The output does not mention the input: in SSM the input is present in "
                            "the output in changed form ('people out of work → people in work').")
    return problems
