from ssm_studio.analysis.accommodation import accommodation
from ssm_studio.model import Action, Perspective, Project, Stance


def test_changes_are_ordered_by_how_many_can_accept_them():
    a, b, c = (Perspective(name=n) for n in "ABC")
    def action(title, *verdicts):
        return Action(title=title, stances=[Stance(perspective=p.id, desirable=d, feasible=f)
                                            for p, (d, f) in zip((a, b, c), verdicts, strict=False)])
    project = Project(perspectives=[a, b, c], actions=[
        action("one", ("yes", "yes"), ("no", "yes"), ("unsure", "yes")),
        action("all", ("yes", "yes"), ("yes", "yes"), ("yes", "yes")),
        action("two", ("yes", "yes"), ("yes", "yes")),
        action("two but objected", ("yes", "yes"), ("yes", "yes"), ("yes", "no")),
    ])
    order = accommodation(project)
    assert [s.action.title for s in order] == ["all", "two", "two but objected", "one"]
    last = order[-1]
    assert (last.accepting, last.objecting, last.unsure) == ([a.id], [b.id], [c.id])
    assert order[1].unsure == [c.id]  # said nothing: counted as unsure, not as agreeing
