"""Why the model refused a value, in words a policy officer can act on."""

from __future__ import annotations

from pydantic import ValidationError

_FIELD_WORDS = {
    "name": "The name", "label": "The label", "title": "The title", "note": "The note",
    "text": "The text", "caption": "The caption", "worldview": "The worldview",
    "stakeholder": "The stakeholder", "notes": "The notes", "summary": "The summary",
    "key": "The loop key", "owner": "The owner", "description": "The description",
    "reason": "The reason", "statement": "The statement",
}


def _subject(loc: tuple) -> str:
    names = [part for part in loc if isinstance(part, str)]
    if not names:
        return "The value"
    field = names[-1]
    return _FIELD_WORDS.get(field, f"'{field.replace('_', ' ')}'")


def describe_refusal(error: ValidationError) -> str:
    """One sentence per problem (at most three), e.g. 'The name is too long (612
    characters; at most 500).'"""
    sentences = []
    for problem in error.errors()[:3]:
        kind, ctx = problem.get("type", ""), problem.get("ctx") or {}
        subject = _subject(tuple(problem.get("loc", ())))
        given = problem.get("input")
        if kind == "string_too_long":
            size = f"{len(given):,} characters; " if isinstance(given, str) else ""
            sentences.append(f"{subject} is too long ({size}at most {ctx.get('max_length', '?'):,}).")
        elif kind == "string_too_short":
            sentences.append(f"{subject} cannot be left empty.")
        elif kind == "too_long":
            sentences.append(f"{subject} holds too many entries (at most {ctx.get('max_length', '?'):,}).")
        elif kind == "finite_number":
            sentences.append(f"{subject} must be a finite number.")
        elif kind == "literal_error":
            sentences.append(f"{subject} must be one of {ctx.get('expected', 'the listed values')}.")
        elif kind == "string_pattern_mismatch":
            sentences.append(f"{subject} is not in the expected form.")
        elif kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
            sentences.append(f"{subject} is out of range ({problem.get('msg', '').lower()}).")
        else:
            sentences.append(f"{subject}: {problem.get('msg', 'not accepted')}.")
    more = len(error.errors()) - 3
    if more > 0:
        sentences.append(f"({more} more problems.)")
    return " ".join(sentences)


def build(cls, **fields):
    """Make a model object from what the user typed, or refuse with the reason."""
    from ..errors import EditRefused

    try:
        return cls(**fields)
    except ValidationError as error:
        raise EditRefused(describe_refusal(error)) from None
