"""The shipped example is the real Stoke-on-Trent case, rebuilt by its script."""

from ssm_studio.storage import project_to_bytes, read_project


def test_shipped_example_matches_its_build_script(example_path, example_project):
    shipped = read_project(example_path).project
    assert project_to_bytes(shipped, {}) == project_to_bytes(example_project, {})


def test_example_has_three_or_more_perspectives_each_with_claims_and_a_root_definition(example_project):
    project = example_project
    assert len(project.perspectives) >= 3
    for perspective in project.perspectives:
        assert any(link.perspective == perspective.id for link in project.cld.links)
        assert any(rd.perspective == perspective.id for rd in project.root_definitions)


def test_example_speaks_of_the_stoke_case(example_project):
    names = {v.name for v in example_project.cld.variables}
    assert "Worklessness" in names
    assert "Incapacity Benefit claims" in names
    assert "Stoke-on-Trent" in example_project.metadata.title
