"""One perspective's own picture for a small view: its variables only, laid out afresh and
drawn in, the model untouched."""

from ssm_studio.layout.diagram_layout import BOX_ALLOWANCE, _zoom_to_fit, own_picture
from ssm_studio.workspace.opening import open_any


def test_a_perspective_is_laid_out_from_its_own_variables_without_moving_the_model(example_path):
    project = open_any(example_path).project
    before = project.model_dump()
    for perspective in project.perspectives:
        picture = own_picture(project, perspective.id, aspect=1.5)
        own = {v for link in project.cld.links if link.perspective == perspective.id
               for v in (link.source, link.target)}
        included = {v.id for v in project.cld.variables if perspective.id in v.included_by}
        assert own <= set(picture.positions) <= own | included
        # No two boxes overlap.
        places = list(picture.positions.values())
        for i, (x1, y1) in enumerate(places):
            for x2, y2 in places[i + 1:]:
                apart_x = abs(x1 - x2) >= BOX_ALLOWANCE[0] - 0.5
                apart_y = abs(y1 - y2) >= BOX_ALLOWANCE[1] - 0.5
                assert apart_x or apart_y, perspective.name
    assert project.model_dump() == before


def test_its_picture_is_tighter_than_the_shared_map_it_comes_from(example_path):
    project = open_any(example_path).project
    shared = {v.id: (v.x, v.y) for v in project.cld.variables}
    for perspective in project.perspectives:
        picture = own_picture(project, perspective.id, aspect=1.5).positions
        from_map = {vid: shared[vid] for vid in picture}
        assert _zoom_to_fit(picture, 1.5) >= _zoom_to_fit(from_map, 1.5) * 0.99, perspective.name
