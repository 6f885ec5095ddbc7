"""Items keep pictures of themselves on screen; exports must not carry those pictures."""

from ssm_studio.bundled import examples
from ssm_studio.render.export import cld_scene, conceptual_model_scene, rich_picture_scene, to_svg
from ssm_studio.storage import read_project


def example_project():
    return read_project(examples()[0].path).project


def test_diagram_exports_are_vector_with_no_cached_pictures(qapp):
    project = example_project()
    scenes = [cld_scene(project), rich_picture_scene(project)]
    if project.conceptual_models:
        scenes.append(conceptual_model_scene(project, project.conceptual_models[0].id))
    for scene in scenes:
        svg = to_svg(scene)
        assert b"<text" in svg  # labels stay text
        # No item of an export scene caches, loop labels placed after preparing included.
        assert all(item.cacheMode() == item.CacheMode.NoCache for item in scene.items())
        if scene is scenes[0]:
            assert scene.loop_items and b"<image" not in svg
