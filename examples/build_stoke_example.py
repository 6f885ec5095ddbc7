"""Rebuild examples/stoke-worklessness.ssm through the model API.

The situation comes from the Stoke-on-Trent case in "Thinking 'Systems': routes to better
outcomes?" (LGA briefing): worklessness and Incapacity Benefit claims, 17-year-olds leaving
college at Christmas, vulnerable families in contact with up to 30 services in six months,
and Floor Target Action Planning that brought front-line staff "to the table".

Run:  python examples/build_stoke_example.py [OUT.ssm]
"""

from __future__ import annotations

import sys
from pathlib import Path

from ssm_studio.analysis import find_loops
from ssm_studio.analysis.storyline import generate_storyline
from ssm_studio.model import (
    Action,
    Activity,
    Bubble,
    CausalLink,
    ComparisonRow,
    ConceptualModel,
    Connector,
    Dependency,
    LoopName,
    Measures,
    Metadata,
    Perspective,
    Project,
    RootDefinition,
    Stance,
    StencilFigure,
    TextItem,
    Variable,
    style_for_index,
)
from ssm_studio.storage import save_project

# Stable ids keep the example diff-friendly when it is rebuilt.
_counter = 0


def sid(prefix: str) -> str:
    global _counter
    _counter += 1
    return f"{prefix}-{_counter:04d}"


def perspective(index: int, name: str, stakeholder: str, worldview: str) -> Perspective:
    colour, dash = style_for_index(index)
    return Perspective(id=sid("p"), name=name, stakeholder=stakeholder, worldview=worldview,
                       colour=colour, dash=dash)


def build() -> Project:
    global _counter
    _counter = 0
    council = perspective(
        0, "City partnership (LSP)", "Stoke-on-Trent Local Strategic Partnership",
        "Paid employment, reached through skills and educational attainment, is in the medium "
        "to long term the only sustainable route out of deprivation for most citizens.")
    jobcentre = perspective(
        1, "Jobcentre Plus advisers", "Front-line employment advisers",
        "Worklessness falls when claimants are moved into jobs quickly; off-flow targets keep "
        "everyone focused on that.")
    residents = perspective(
        2, "Residents out of work", "Incapacity Benefit claimants and lone parents in Meir",
        "Work has to pay and fit round health and family; services should see a whole person "
        "and family, not thirty separate cases.")
    college = perspective(
        3, "Further-education college", "College managers and tutors",
        "Young people stay in learning when the course fits them and someone keeps in touch; "
        "drop-out at Christmas is a sign the system started them on the wrong course.")
    people = [council, jobcentre, residents, college]

    names = {
        "work": "Worklessness", "skills": "Skills and qualifications",
        "invest": "Business investment in the city", "demand": "Employer demand for local workers",
        "depriv": "Deprivation", "pressure": "Pressure to meet off-flow targets",
        "quick": "Quick job placements", "churn": "Return to benefits within months",
        "support": "Quality of adviser support", "confid": "Confidence of job seekers",
        "risk": "Perceived risk of losing benefits", "willing": "Willingness to take work",
        "services": "Services each family deals with", "stress": "Stress on families",
        "health": "Poor health", "ib": "Incapacity Benefit claims",
        "joined": "Joined-up working between services", "dropout": "Students leaving college at Christmas",
        "contact": "Regular contact with students", "january": "Courses starting in January",
        "neet": "Young people not in education, employment or training",
    }
    layout = {
        "work": (0, 0), "skills": (-520, -300), "invest": (-260, -470), "demand": (60, -420),
        "depriv": (-420, 120), "pressure": (420, -120), "quick": (520, 140), "churn": (260, 300),
        "support": (700, -300), "confid": (-160, 330), "risk": (-20, 560), "willing": (120, 420),
        "services": (-760, 460), "stress": (-900, 250), "health": (-860, 20), "ib": (-620, -80),
        "joined": (-560, 640), "dropout": (460, -660), "contact": (760, -620), "january": (860, -460),
        "neet": (320, -560),
    }
    variables = {k: Variable(id=sid("v"), name=n, x=layout[k][0] * 0.7, y=layout[k][1] * 0.7)
                 for k, n in names.items()}

    def claims(owner: Perspective, rows: list[tuple[str, str, str, bool, str]]) -> list[CausalLink]:
        return [CausalLink(id=sid("l"), source=variables[a].id, target=variables[b].id,
                           perspective=owner.id, polarity=pol, delay=delay, note=note)
                for a, b, pol, delay, note in rows]

    links = claims(council, [
        ("skills", "invest", "+", True, "Investors look for a skilled workforce (LAA premise)."),
        ("invest", "demand", "+", False, ""),
        ("demand", "work", "-", False, "More local vacancies, fewer people out of work."),
        ("work", "depriv", "+", False, ""),
        ("depriv", "skills", "-", True, "Educational attainment is lowest in deprived wards."),
        ("joined", "services", "-", False, "Vulnerable Families pilot in Meir."),
    ])
    links += claims(jobcentre, [
        ("work", "pressure", "+", False, "Floor targets on worklessness."),
        ("pressure", "quick", "+", False, ""),
        ("quick", "work", "-", False, "Off-flows into jobs."),
        ("pressure", "support", "+", False, "Targets focus advisers' time."),
        ("demand", "work", "-", False, ""),
    ])
    links += claims(residents, [
        ("work", "confid", "-", True, "The longer out of work, the less confident."),
        ("confid", "work", "-", False, ""),
        ("pressure", "support", "-", False, "Rushed interviews, the wrong jobs."),
        ("quick", "churn", "+", True, "Jobs that do not fit do not last."),
        ("churn", "work", "+", False, ""),
        ("risk", "willing", "-", False, "Fear of losing benefits if the job ends."),
        ("willing", "work", "-", False, ""),
        ("services", "stress", "+", False, "30 contacts in six months was not uncommon."),
        ("stress", "health", "+", True, ""),
        ("health", "ib", "+", False, ""),
        ("ib", "services", "+", False, ""),
        ("support", "confid", "+", False, ""),
    ])
    links += claims(college, [
        ("dropout", "neet", "+", False, "Mostly 17-year-olds on the wrong course."),
        ("contact", "dropout", "-", False, "Weekly contact improved retention."),
        ("january", "neet", "-", False, "New-year starts catch those who left."),
        ("neet", "work", "+", True, ""),
        ("neet", "dropout", "?", False, "Does seeing friends out of college make leaving easier?"),
    ])
    variables["joined"].included_by = [residents.id]

    rds = [
        RootDefinition(
            id=sid("rd"), perspective=council.id, title="Skills-led route out of deprivation",
            customers="Workless residents and their families", actors="LSP partners: council, "
            "Jobcentre Plus, college, employers, voluntary sector",
            transformation_input="Residents without the skills local employers need",
            transformation_output="Residents with those skills, in sustained paid work",
            worldview=council.worldview, owners="The Local Strategic Partnership board",
            environment="Local Area Agreement floor targets; national benefit rules; the local "
            "labour market", what="raise skills and attract investment",
            how="joint action plans across partners, neighbourhood by neighbourhood",
            why="reduce deprivation sustainably",
            measures=Measures(efficacy="Skills levels rise", efficiency="Existing budgets, not "
                              "new money", effectiveness="Worklessness and deprivation fall",
                              ethicality="No group left beyond the plan's horizon",
                              elegance="One plan partners recognise as their own")),
        RootDefinition(
            id=sid("rd"), perspective=jobcentre.id, title="Off-flow into work",
            customers="Claimants", actors="Jobcentre Plus advisers",
            transformation_input="Claimants on benefits", transformation_output="Claimants in jobs",
            worldview=jobcentre.worldview, owners="Department for Work and Pensions",
            environment="Benefit rules, targets, vacancies available", what="place claimants in jobs",
            how="regular adviser interviews and job matching", why="reduce the claimant count",
            measures=Measures(efficacy="Off-flows into work", efficiency="Interviews per placement",
                              effectiveness="Claimant count falls")),
        RootDefinition(
            id=sid("rd"), perspective=residents.id, title="Work that fits a family's life",
            kind="issue-based", customers="Residents out of work and their children",
            actors="Residents, with advisers and family workers",
            transformation_input="Residents unsure work would pay or last",
            transformation_output="Residents confident to take work that pays and lasts",
            worldview=residents.worldview, owners="Residents themselves, with the services",
            environment="Benefit rules, childcare, health conditions, jobs on offer",
            what="build confidence and remove the risk of trying work",
            how="one trusted worker and a joined-up plan per family",
            why="escape worklessness for good",
            measures=Measures(efficacy="Residents try work", effectiveness="Work still held after "
                              "a year", ethicality="Families treated with respect")),
        RootDefinition(
            id=sid("rd"), perspective=college.id, title="Keeping 16–18s in learning",
            customers="Young people aged 16–18", actors="Tutors and student support staff",
            transformation_input="Young people at risk of leaving their course",
            transformation_output="Young people still learning on a course that fits",
            worldview=college.worldview, owners="The college principal and governors",
            environment="Funding rules; the academic calendar", what="spot and support students "
            "at risk", how="weekly contact and January starts", why="reduce NEET numbers",
            measures=Measures(efficacy="Retention rises", efficiency="Within mainstream budgets",
                              effectiveness="NEET falls (target: 25 %)")),
    ]

    def model(rd: RootDefinition, verbs: list[str]) -> ConceptualModel:
        acts = [Activity(id=sid("a"), label=v, x=(i % 3) * 260, y=(i // 3) * 150)
                for i, v in enumerate(verbs)]
        acts += [
            Activity(id=sid("a"), label="Define measures of efficacy, efficiency, effectiveness",
                     x=780, y=0, monitor_control=True, measure="effectiveness"),
            Activity(id=sid("a"), label="Monitor activities against the measures", x=780, y=150,
                     monitor_control=True, measure="efficacy"),
            Activity(id=sid("a"), label="Take control action", x=780, y=300, monitor_control=True),
        ]
        deps = [Dependency(id=sid("d"), source=acts[i].id, target=acts[i + 1].id)
                for i in range(len(verbs) - 1)]
        control = acts[len(verbs):]
        deps += [Dependency(id=sid("d"), source=control[0].id, target=control[1].id),
                 Dependency(id=sid("d"), source=control[1].id, target=control[2].id),
                 Dependency(id=sid("d"), source=acts[len(verbs) - 1].id, target=control[1].id)]
        rows = [ComparisonRow(id=sid("c"), activity=a.id) for a in acts]
        return ConceptualModel(id=sid("cm"), root_definition=rd.id, title=rd.title,
                               activities=acts, dependencies=deps, comparison=rows)

    models = [
        model(rds[0], ["Find out which skills local employers need", "Agree a shared plan with partners",
                       "Fund courses that teach those skills", "Promote the city to investors",
                       "Match trained residents to new jobs"]),
        model(rds[1], ["Interview claimants regularly", "Identify vacancies",
                       "Match claimants to vacancies", "Record off-flows"]),
        model(rds[2], ["Agree one trusted worker per family", "Understand the family's whole situation",
                       "Show that work will pay", "Arrange childcare and health support",
                       "Support the first months in work"]),
        model(rds[3], ["Identify students at risk of leaving", "Keep weekly contact",
                       "Offer a course that fits", "Start new courses in January"]),
    ]
    row = models[3].comparison[1]
    row.exists, row.how, row.who = "partly", "Tutors call some students", "Personal tutors"
    row.proposed_change = "Fund weekly contact for every student at risk"
    # What each model's first activities look like in Stoke today (stage 5).
    answers = [
        [("partly", "Employer surveys every few years", "Council economic development", "Not judged",
          "Skills plans lag behind what employers ask for", "Ask employers each year through the LSP")],
        [("yes", "Fortnightly interviews", "Jobcentre Plus advisers", "Off-flow counts",
          "Interviews are short", "Longer first interviews for people on Incapacity Benefit")],
        [("no", "", "", "", "Families see many workers, none leads", "One lead worker per family")],
        [("partly", "Tutors notice absence", "Personal tutors", "Retention figures",
          "Christmas drop-out is seen too late", "Share early-warning signs each week")],
    ]
    for model_rows, cm in zip(answers, models, strict=True):
        for values, row in zip(model_rows, cm.comparison, strict=False):
            row.exists, row.how, row.who, row.judged, row.comments, row.proposed_change = values

    def stances(*verdicts: tuple[Perspective, str, str, str]) -> list[Stance]:
        return [Stance(id=sid("s"), perspective=p.id, desirable=d, feasible=f, note=n)
                for p, d, f, n in verdicts]

    actions = [
        Action(id=sid("x"), title="Offer college courses starting in January", owner="College",
               timescale="short", source_row=models[3].comparison[3].id,
               stances=stances((council, "yes", "yes", ""), (jobcentre, "yes", "yes", ""),
                               (residents, "yes", "unsure", "Only if travel is paid"),
                               (college, "yes", "yes", "Mainstreamed after the pilot"))),
        Action(id=sid("x"), title="One lead worker for each family known to many services",
               owner="Council children's services", timescale="medium",
               stances=stances((council, "yes", "unsure", "Needs data sharing"),
                               (jobcentre, "unsure", "no", "Targets are per claimant"),
                               (residents, "yes", "yes", ""), (college, "yes", "yes", ""))),
        Action(id=sid("x"), title="Judge advisers on jobs still held after six months",
               owner="Jobcentre Plus district", timescale="long",
               stances=stances((council, "yes", "unsure", ""), (jobcentre, "no", "no",
                               "National targets set elsewhere"), (residents, "yes", "unsure", ""),
                               (college, "unsure", "unsure", ""))),
    ]

    def fig(stencil: str, x: float, y: float, label: str, layer: Perspective | None = None) -> StencilFigure:
        return StencilFigure(id=sid("r"), stencil=stencil, x=x, y=y, label=label,
                             layer=layer.id if layer else None)

    city = fig("council-office", 0, 0, "Stoke-on-Trent LSP")
    jcp = fig("job-centre", 420, 40, "Jobcentre Plus")
    fe = fig("school", 420, -320, "FE college")
    family = fig("family", -380, 200, "Family in Meir")
    employer = fig("factory", -420, -300, "Employers")
    gp = fig("hospital", -700, 120, "GP surgery")
    items = [
        city, jcp, fe, family, employer, gp,
        fig("group", 60, 320, "Front-line staff 'at the table'"),
        fig("money", -180, -360, "Business investment"),
        fig("crossed-swords", 240, 180, "Targets v. lasting jobs", jobcentre),
        fig("clock", 640, 40, "Off-flow targets", jobcentre),
        fig("person", 620, -300, "17-year-old on the wrong course", college),
        fig("wall", -200, 420, "Fear of losing benefits", residents),
        fig("eye", -40, -520, "LSP board", council),
        Bubble(id=sid("r"), style="speech", text="Thirty appointments in six months, and nobody "
               "talks to each other.", owner=family.id, x=-560, y=360, layer=residents.id),
        Bubble(id=sid("r"), style="thought", text="Will this job still be there at Easter?",
               owner=family.id, x=-150, y=330, layer=residents.id),
        Bubble(id=sid("r"), style="speech", text="We need them placed this quarter.", owner=jcp.id,
               x=560, y=200, layer=jobcentre.id),
        Bubble(id=sid("r"), style="thought", text="Left at Christmas: wrong course.", owner=fe.id,
               x=600, y=-440, layer=college.id),
        Connector(id=sid("r"), source=family.id, target=jcp.id, label="client journey"),
        Connector(id=sid("r"), source=family.id, target=gp.id, label="fit notes"),
        Connector(id=sid("r"), source=employer.id, target=city.id, label="skills they need",
                  layer=council.id),
        TextItem(id=sid("r"), text="Reducing worklessness: whole-system intervention, first LAA",
                 x=-300, y=-620, font_size=22, width=600),
    ]
    project = Project(
        id="stoke-on-trent-worklessness",
        metadata=Metadata(
            title="Stoke-on-Trent: reducing worklessness",
            summary="Worklessness and Incapacity Benefit claims, young people leaving college, and "
            "families in contact with many services, seen by four stakeholder groups. Based on the "
            "Stoke-on-Trent case in the LGA briefing 'Thinking Systems: routes to better outcomes?'.",
            authors=["SSM Studio example"], created="2026-11-27T00:00:00+00:00",
            modified="2026-11-27T00:00:00+00:00"),
        perspectives=people,
        root_definitions=rds, conceptual_models=models, actions=actions,
    )
    project.cld.variables = list(variables.values())
    project.cld.links = links
    project.rich_picture.items = items
    name_loops(project, {
        frozenset({"Worklessness", "Confidence of job seekers"}): "Vicious circle of confidence",
        frozenset({"Worklessness", "Pressure to meet off-flow targets", "Quick job placements",
                   "Return to benefits within months"}): "Revolving door",
    })
    # The story a workshop lead tells with it: generated from the model, as the app does.
    storyline = generate_storyline(project, name="Worklessness in Stoke, step by step")
    storyline.id = sid("story")
    for step in storyline.steps:
        step.id = sid("step")
    project.storylines = [storyline]
    return Project.model_validate(project.model_dump())


def name_loops(project: Project, names: dict[frozenset[str], str]) -> None:
    """Record every loop's label, and the names the workshop gave two of them."""
    report = find_loops(project)
    variable_names = {v.id: v.name for v in project.cld.variables}
    for loop in report.loops:
        members = frozenset(variable_names[v] for v in loop.variables)
        project.cld.loop_names.append(LoopName(id=sid("n"), key=loop.key, label=loop.label,
                                               name=names.get(members, "")))


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("stoke-worklessness.ssm")
    save_project(out, build(), keep_backup=False)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
