"""A causal link's estimated bounds always hold the curve it draws once worked out."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ssm_studio.render.cld_items import LinkItem, VariableItem
from ssm_studio.render.style import CanvasStyle


@pytest.fixture(scope="module")
def style(qapp):
    return CanvasStyle()


@settings(max_examples=150, deadline=None)
@given(x=st.floats(-900, 900), y=st.floats(-900, 900), curvature=st.floats(-0.9, 0.9),
       offset=st.floats(-0.5, 0.5), same=st.booleans())
def test_estimate_holds_the_curve(style, x, y, curvature, offset, same):
    a = VariableItem("a", "Confidence of job seekers", style)
    b = a if same else VariableItem("b", "Worklessness", style)
    b.setPos(x, y) if not same else None
    link = LinkItem("l", a, b, style)
    link.offset = offset
    link.set_claim("+", True, curvature, "#0072B2", "dash")
    estimate = link.boundingRect()
    exact = link.exact_rect()
    assert estimate.contains(exact), (estimate, exact)
    link.settle()
    assert link.boundingRect() == exact
