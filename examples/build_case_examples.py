"""Rebuild the worked examples of three cases in the LGA briefing "Thinking 'Systems': routes
to better outcomes?" through the model API, each complete through all seven stages:

- young people leaving college at Christmas (NEET) in Stoke-on-Trent;
- lone parents and worklessness in a Salford SPOTlight neighbourhood;
- a vulnerable-families (Think Family) case in Meir, with its many services.

Each has three or more perspectives, a rich picture, a root definition and a conceptual model
per perspective, causal claims that form loops (with a polarity the perspectives dispute and
a delay), the stage-5 comparison, actions with each perspective's stance, and a storyline.
The cases are written as data below; ``build`` turns one into a project.

Run:  python examples/build_case_examples.py [FOLDER]
"""

from __future__ import annotations

import sys
from pathlib import Path

from meir_journeys import add_journeys

from ssm_studio.analysis import find_loops
from ssm_studio.analysis.storyline import generate_storyline
from ssm_studio.edits import Document
from ssm_studio.edits.spotlight_edits import take_snapshot
from ssm_studio.model import (
    Action,
    ActionUpdate,
    Activity,
    Actor,
    Bubble,
    CausalLink,
    ChainLink,
    ComparisonRow,
    ConceptualModel,
    Connector,
    Dependency,
    Evidence,
    Issue,
    LoopName,
    Measures,
    Metadata,
    Perspective,
    PlanItem,
    Project,
    Rating,
    Review,
    RootDefinition,
    Stance,
    StencilFigure,
    Stocktake,
    TeamMember,
    TextItem,
    Variable,
    style_for_index,
)
from ssm_studio.storage import save_project

NEET = {
    "file": "stoke-neet-christmas.ssm", "id": "stoke-neet-christmas",
    "title": "Stoke-on-Trent: young people leaving college at Christmas",
    "summary": "Why 17-year-olds drop out of college courses, mostly at Christmas, and what keeps them "
               "learning, seen by the college, the young people, Connexions advisers and the partnership. "
               "Based on the NEET whole-system intervention in the LGA briefing 'Thinking Systems'.",
    "perspectives": [
        ("college", "Further-education college", "Principal, managers and tutors",
         "Young people stay when the course fits them and someone keeps in touch."),
        ("young", "Young people aged 16–18", "Students who left, or nearly left, at Christmas",
         "I chose the course in a hurry in August; by December it was clearly wrong and nobody asked."),
        ("connexions", "Connexions advisers", "Careers and personal advisers",
         "Good advice before enrolment prevents most drop-out; we see them too late."),
        ("lsp", "City partnership (LSP)", "Local Strategic Partnership NEET group",
         "NEET is a floor target: the numbers must fall, and the college must own its share."),
    ],
    "variables": {
        "fit": ("Course fits the young person", -420, -160), "advice": ("Advice before enrolment", -700, -320),
        "leave": ("Students leaving at Christmas", 0, 0), "neet": ("Young people NEET", 380, -120),
        "contact": ("Weekly contact with students at risk", -300, 240), "january": ("Courses starting in January", 420, 260),
        "pressure": ("Pressure on the college to recruit", -40, -420), "funding": ("Funding per enrolled student", 300, -460),
        "friends": ("Friends already out of learning", 700, 80), "confidence": ("Young person's confidence", -640, 80),
    },
    "claims": {
        "college": [("contact", "leave", "-", False, "Weekly contact improved retention."),
                    ("january", "neet", "-", False, "New-year starts catch those who left."),
                    ("leave", "neet", "+", False, ""), ("fit", "leave", "-", False, ""),
                    ("neet", "pressure", "+", True, "Floor targets arrive the year after.")],
        "young": [("fit", "confidence", "+", False, ""), ("confidence", "leave", "-", False, ""),
                  ("friends", "leave", "+", False, "Everyone I know has left."),
                  ("neet", "friends", "+", True, ""), ("leave", "neet", "+", False, "")],
        "connexions": [("advice", "fit", "+", False, "A course chosen with advice fits."),
                       ("pressure", "fit", "-", False, "Recruit first: the course is chosen for the numbers."),
                       ("pressure", "advice", "-", False, "Recruit first, advise later."),
                       ("leave", "neet", "+", False, "")],
        "lsp": [("pressure", "fit", "+", False, "Targets make the college look harder at fit."),
                ("funding", "pressure", "+", False, "Money follows enrolments."),
                ("neet", "pressure", "+", True, "")],
    },
    "conflict": "pressure → fit: the partnership says targets make the college look harder at fit; "
                "Connexions says pressure to recruit cuts advice, so fit falls.",
    "rds": {
        "college": ("Keeping 16–18s in learning", "Young people aged 16–18", "Tutors and student support staff",
                    "Young people at risk of leaving", "Young people still learning on a course that fits",
                    "The principal and governors", "Funding rules; the academic calendar",
                    "spot and support students at risk", "weekly contact and January starts", "reduce NEET numbers"),
        "young": ("A course worth staying on", "The young person", "The young person, with a tutor they trust",
                  "A young person unsure of their course", "A young person on a course they chose well",
                  "The young person and their family", "Money, travel, friends, what is on offer in August",
                  "choose and change course without losing a year", "a second chance in January",
                  "get the qualification that leads somewhere"),
        "connexions": ("Advice before the choice", "School leavers", "Connexions personal advisers",
                       "Leavers choosing a course in a hurry", "Leavers choosing with good advice",
                       "Connexions partnership", "Caseloads; late results in August",
                       "advise every leaver before enrolment", "guidance interviews in the summer",
                       "cut drop-out at source"),
        "lsp": ("NEET below the floor target", "Young people and the city", "Partners in the NEET group",
                "A NEET rate above the floor target", "A NEET rate below it",
                "The LSP board", "The Local Area Agreement", "set targets and share the problem",
                "action planning with front-line staff", "meet the LAA floor target"),
    },
    "activities": {
        "college": ["Identify students at risk each week", "Contact each student weekly",
                    "Offer a course that starts in January", "Track who stays"],
        "young": ["Try the course", "Say when it is wrong", "Switch course without losing the year"],
        "connexions": ["Meet every leaver in the summer", "Match the course to the person", "Follow up in October"],
        "lsp": ["Agree the NEET target", "Bring front-line staff to the table", "Review progress each term"],
    },
    "answers": {
        "college": ("partly", "Tutors notice absence", "Personal tutors", "Retention figures",
                    "Christmas drop-out is seen too late", "Share early-warning signs weekly"),
        "young": ("no", "", "", "", "Changing course means waiting until September", "January starts"),
        "connexions": ("partly", "Interviews in school", "Personal advisers", "Interviews held",
                       "Results come after the interviews", "A second interview on results day"),
        "lsp": ("yes", "Termly reports", "NEET group", "Target met or not", "", ""),
    },
    "actions": [
        ("Courses starting in January, every year", "College", "short",
         {"college": ("yes", "yes", ""), "young": ("yes", "yes", ""), "connexions": ("yes", "yes", ""),
          "lsp": ("yes", "yes", "")}),
        ("A second advice interview on results day", "Connexions", "short",
         {"college": ("yes", "unsure", "Staff on leave in August"), "young": ("yes", "yes", ""),
          "connexions": ("yes", "unsure", "Caseloads"), "lsp": ("yes", "yes", "")}),
        ("Fund the college per student still learning in March", "LSP and funders", "long",
         {"college": ("unsure", "no", "Rules set nationally"), "young": ("yes", "unsure", ""),
          "connexions": ("yes", "unsure", ""), "lsp": ("yes", "no", "Not ours to change")}),
    ],
    "figures": [("school", 0, 0, "FE college", None), ("person", -360, 160, "17-year-old", "young"),
                ("group", 360, 140, "Friends out of college", "young"), ("clock", 0, -260, "Christmas", None),
                ("document", -380, -200, "Course choice in August", "connexions"),
                ("target", 380, -220, "NEET floor target", "lsp"), ("professional", -120, 320, "Tutor", "college")],
    "bubbles": [("thought", "Wrong course. Nobody asked.", 1, -540, 280, "young"),
                ("speech", "We only see them when it has gone wrong.", 4, -560, -320, "connexions"),
                ("speech", "The numbers must come down this year.", 5, 560, -340, "lsp")],
    "connectors": [(1, 0, "enrols"), (0, 2, "drop-outs")],
    "names": {frozenset({"Students leaving at Christmas", "Young people NEET", "Friends already out of learning"}):
              "Everyone I know has left"},
}

LONE_PARENTS = {
    "file": "salford-spotlight-lone-parents.ssm", "id": "salford-spotlight-lone-parents",
    "title": "Salford SPOTlight: lone parents and worklessness",
    "summary": "A six-week SPOTlight on lone parents out of work in one Salford neighbourhood: "
               "childcare, confidence, benefits and the jobs on offer, seen by lone parents, Jobcentre Plus, "
               "the council's Transform trio and employers. Based on Partners IN Salford in the LGA briefing.",
    "perspectives": [
        ("parents", "Lone parents", "Lone parents out of work in the neighbourhood",
         "Work has to fit school hours and pay more than benefits with childcare; trying it must not be a risk."),
        ("jcp", "Jobcentre Plus", "Lone-parent advisers",
         "Regular work-focused interviews move lone parents towards work."),
        ("trio", "Transform trio", "The council's SPOTlight team (not subject experts)",
         "The services each work; together they do not. Challenge the system, not the parents."),
        ("employers", "Local employers", "Employers recruiting in and near the neighbourhood",
         "We want reliable staff; part-time and school-hours jobs are hard to arrange."),
    ],
    "variables": {
        "work": ("Lone parents out of work", 0, 0), "childcare": ("Affordable childcare nearby", -440, -220),
        "confidence": ("Confidence to apply", -420, 200), "training": ("Pre-recruitment training taken up", -60, 340),
        "jobs": ("School-hours jobs offered", 420, -220), "risk": ("Fear of losing benefits", -760, 20),
        "interviews": ("Work-focused interviews", 400, 220), "income": ("Family income", 0, -380),
        "poverty": ("Child poverty", 340, -480),
    },
    "claims": {
        "parents": [("childcare", "work", "-", False, "No childcare, no job."),
                    ("work", "confidence", "-", True, "The longer out, the harder it gets."),
                    ("confidence", "work", "-", False, ""), ("risk", "work", "+", False, ""),
                    ("interviews", "confidence", "-", False, "Interviews feel like checks, not help.")],
        "jcp": [("interviews", "confidence", "+", False, "Advisers build confidence over time."),
                ("interviews", "work", "-", False, ""), ("work", "interviews", "+", False, "")],
        "trio": [("training", "confidence", "+", False, "Pre-recruitment training with the council."),
                 ("training", "work", "-", True, "Jobs follow the training, months later."),
                 ("work", "income", "-", False, ""), ("income", "poverty", "-", False, ""),
                 ("poverty", "confidence", "-", True, "")],
        "employers": [("jobs", "work", "-", False, ""), ("training", "jobs", "+", False,
                                                            "Trained applicants make part-time posts worth it.")],
    },
    "conflict": "interviews → confidence: Jobcentre Plus says regular interviews build confidence; "
                "lone parents say they feel like checks and wear it down.",
    "rds": {
        "parents": ("Work that fits school hours", "Lone parents and their children", "Lone parents, with a trusted adviser",
                    "A lone parent unsure work would pay", "A lone parent in work that pays and fits",
                    "Lone parents themselves", "Benefit rules, childcare places, jobs on offer",
                    "find work that fits and pays", "childcare and a safe trial of work",
                    "raise the family's income"),
        "jcp": ("Lone parents into work", "Lone parents on Income Support", "Lone-parent advisers",
                "Lone parents on benefits", "Lone parents in work", "Department for Work and Pensions",
                "Benefit rules and targets", "hold work-focused interviews", "regular interviews and referrals",
                "reduce the claimant count"),
        "trio": ("A neighbourhood system that connects", "Lone parents, through the services", "The Transform trio and partners",
                 "Services working apart", "Services working as one for lone parents", "The LSP panel",
                 "Six weeks; bi-monthly stocktakes", "find and fix where the system fails", "a SPOTlight action plan",
                 "narrow the gap for the neighbourhood"),
        "employers": ("Reliable local recruits", "Employers", "HR and line managers",
                      "Vacancies hard to fill part-time", "Posts filled by trained local people", "Employers",
                      "Rotas, costs, the labour market", "offer school-hours posts", "recruiting from the training",
                      "fill posts reliably"),
    },
    "activities": {
        "parents": ["Find childcare that fits", "Try work safely", "Keep the job through the school year"],
        "jcp": ["Hold a work-focused interview", "Refer to training", "Match to vacancies"],
        "trio": ["Map the services a lone parent meets", "Find where they fail her", "Agree the action plan",
                 "Report at the stocktake"],
        "employers": ["Design school-hours posts", "Recruit from pre-recruitment training", "Keep new starters"],
    },
    "answers": {
        "parents": ("partly", "Nursery places are far away", "Parents", "", "Places end at 3 pm",
                    "After-school places by the school"),
        "jcp": ("yes", "Interviews every six months", "Advisers", "Interviews held", "", "Fewer, longer interviews"),
        "trio": ("no", "", "", "", "Nobody sees the whole journey", "A journey map for the panel"),
        "employers": ("partly", "Some part-time posts", "HR", "Vacancies filled", "Rotas clash with school",
                      "Fixed school-hours shifts"),
    },
    "actions": [
        ("Pre-recruitment training with council jobs at the end", "Council and employers", "short",
         {"parents": ("yes", "yes", ""), "jcp": ("yes", "yes", ""), "trio": ("yes", "yes", ""),
          "employers": ("yes", "unsure", "Depends on posts")}),
        ("After-school childcare at the primary school", "Children's services", "medium",
         {"parents": ("yes", "unsure", "Cost"), "jcp": ("yes", "yes", ""), "trio": ("yes", "unsure", "Funding"),
          "employers": ("yes", "yes", "")}),
        ("Fewer, longer adviser interviews", "Jobcentre Plus district", "medium",
         {"parents": ("yes", "yes", ""), "jcp": ("unsure", "no", "National rules"), "trio": ("yes", "unsure", ""),
          "employers": ("unsure", "unsure", "")}),
    ],
    "figures": [("house", 0, 0, "Salford neighbourhood", None), ("family", -380, 140, "Lone parent and child", "parents"),
                ("job-centre", 380, 140, "Jobcentre Plus", "jcp"), ("council-office", 0, -300, "Partners IN Salford", "trio"),
                ("factory", 400, -240, "Employers", "employers"), ("school", -420, -220, "Primary school", None),
                ("clock", -120, 300, "3 pm pick-up", "parents")],
    "bubbles": [("thought", "If the job ends, will my benefits come back?", 1, -560, 300, "parents"),
                ("speech", "Six weeks, then a stocktake with the panel.", 3, -160, -460, "trio"),
                ("speech", "We can't do school hours on this rota.", 4, 600, -360, "employers")],
    "connectors": [(1, 2, "interviews"), (1, 5, "school run"), (4, 1, "school-hours post?")],
    "names": {frozenset({"Lone parents out of work", "Confidence to apply"}): "The longer out, the harder"},
    # The SPOTlight cycle: six weeks of analysis, the delivery chain, the plan, two stocktakes.
    "spotlight": {
        "topic": "Lone parents and worklessness", "neighbourhood": "Little Hulton, Salford",
        "starts": "2026-01-05", "ends": "2026-02-13", "sponsor": "Deputy chief executive, Salford City Council",
        "team": [("Transform trio: council lead", "trio: council"), ("Transform trio: police", "trio: police"),
                 ("Transform trio: PCT", "trio: health")],
        "evidence": [
            ("412 lone parents on Income Support in the neighbourhood, up 9% in two years", "DWP tabulation",
             "data", "extent", "high", "2026-01-08", ["work"], []),
            ("Nursery places close at 3 pm; most school-hours jobs end at 3.30", "Childcare audit", "data", "causes",
             "high", "2026-01-14", ["childcare"], [("childcare", "work", "parents")]),
            ("Parents fear a job ending and a wait of weeks for benefits to restart", "Door-step conversations",
             "resident", "causes", "medium", "2026-01-20", ["risk"], [("risk", "work", "parents")]),
            ("Advisers see interviews as help; parents describe them as checks", "Frontline workshop", "frontline",
             "causes", "medium", "2026-01-22", ["interviews"], [("interviews", "confidence", "jcp"),
                                                                ("interviews", "confidence", "parents")]),
            ("Child poverty at twice the city's rate", "Child poverty index", "data", "consequences", "high",
             "2026-01-09", ["poverty"], [("income", "poverty", "trio")]),
            ("Training leads to jobs only when employers commit posts at the start", "Regional skills expert",
             "expert", "responsibility", "low", "2026-02-02", ["training"], [("training", "jobs", "employers")]),
        ],
        "actors": [("DWP", "organisation", "top", ["jcp"]), ("Salford City Council", "organisation", "top", ["trio"]),
                   ("Jobcentre Plus advisers", "team", "middle", ["jcp"]),
                   ("Children's centre", "team", "middle", []),
                   ("Family support worker", "post", "bottom", []),
                   ("Local employers", "organisation", "middle", ["employers"]),
                   ("Lone parents", "service_user", "customer", ["parents"])],
        "chain": [("DWP", "Jobcentre Plus advisers", "funding", {"jcp": (4, "Targets and budgets clear"),
                                                                  "trio": (3, "")}),
                  ("Jobcentre Plus advisers", "Lone parents", "service",
                   {"jcp": (4, "Interviews happen on time"), "parents": (1, "Feels like being checked")}),
                  ("Children's centre", "Lone parents", "service", {"parents": (3, "Good, but closes at 3")}),
                  ("Jobcentre Plus advisers", "Children's centre", "referral",
                   {"jcp": (2, "Referrals by leaflet"), "trio": (1, "Nobody follows a referral up")}),
                  ("Salford City Council", "Children's centre", "funding", {"trio": (3, "")}),
                  ("Local employers", "Lone parents", "service", {"employers": (2, "Few school-hours posts"),
                                                                  "parents": (2, "")}),
                  ("Family support worker", "Lone parents", "information", {})],
        "issues": [("Childcare ends before work does", "Nursery places close at 3 pm; school-hours jobs end at 3.30."),
                   ("Trying work feels like a risk", "A job that ends means weeks without income while benefits restart."),
                   ("Referrals are not followed up", "Advisers refer by leaflet; nobody knows whether parents arrive."),
                   ("Nobody speaks for the front line", "Family support workers see the whole journey and are never asked.")],
        "plan": [(0, "short", "Council and employers", "", "evidence_gap"),
                 (1, "medium", "Children's services", "commissioning", "comparison"),
                 (2, "long", "Jobcentre Plus district", "strategic_planning", "chain_link")],
        "stocktakes": [
            ("2026-04-14", "LSP executive panel", [
                (0, "amber", "Twelve parents on the first course; posts not yet confirmed", 20, 12, "",
                 ""),
                (1, "red", "No provider for after-school places yet", None, None, "Ask the schools' cluster", ""),
                (2, "red", "National rules fix the interval", None, None, "Raise with the district manager", "")]),
            ("2026-06-16", "LSP executive panel", [
                (0, "green", "Eight of twelve started council jobs", 20, 26, "Run a second course",
                 "That training alone moves parents into work: it was the guaranteed post"),
                (1, "amber", "Pilot at one primary from September", None, None, "", ""),
                (2, "red", "No change to the interval", None, None, "Escalate to strategic planning",
                 "That more frequent contact builds confidence")]),
        ],
    },
}

THINK_FAMILY = {
    "file": "meir-think-family.ssm", "id": "meir-think-family", "journeys": True,
    "title": "Meir: families in contact with many services (Think Family)",
    "summary": "Families living chaotic lives in Meir, each dealing with up to thirty services in six months, "
               "and the targeted outreach with family contracts that the council, police, health visitors and "
               "families saw differently. Based on the Vulnerable Families intervention in the LGA briefing.",
    "perspectives": [
        ("family", "Families", "Families offered the outreach",
         "Thirty people come to the door and none of them stays; one worker we trust would change things."),
        ("social", "Children's social care", "Social workers and family support",
         "Risk to children comes first; contracts with rewards and sanctions give families a clear deal."),
        ("police", "Police neighbourhood team", "Neighbourhood officers",
         "Disorder and anti-social behaviour fall when families are held to account."),
        ("health", "Health visitors", "Health visiting and school nursing",
         "Health problems sit under the chaos; help has to start with the parent's own health."),
    ],
    "variables": {
        "services": ("Services each family deals with", 0, -200), "trust": ("Trust in a lead worker", -420, 40),
        "stress": ("Stress in the family", 0, 120), "asb": ("Anti-social behaviour", 420, 200),
        "sanctions": ("Sanctions under the family contract", 560, -120), "engage": ("Family engagement", -380, 320),
        "health": ("Parent's health", -40, 440), "school": ("Children attending school", 380, 460),
        "referrals": ("Referrals between services", 340, -420), "lead": ("One lead worker", -420, -300),
    },
    "claims": {
        "family": [("services", "stress", "+", False, "Thirty contacts in six months."),
                   ("lead", "trust", "+", True, "Trust takes months."), ("trust", "engage", "+", False, ""),
                   ("engage", "stress", "-", False, ""), ("sanctions", "engage", "-", False, "Threats push us away.")],
        "social": [("sanctions", "engage", "+", False, "A clear deal, with rewards, gets engagement."),
                   ("engage", "services", "-", True, "Fewer crises, fewer services."),
                   ("stress", "referrals", "+", False, ""), ("referrals", "services", "+", False, "")],
        "police": [("stress", "asb", "+", False, ""), ("asb", "sanctions", "+", False, ""),
                   ("sanctions", "asb", "-", True, "")],
        "health": [("stress", "health", "-", False, ""), ("health", "school", "+", False, ""),
                   ("health", "engage", "+", False, "A parent who is well can take part."),
                   ("engage", "health", "+", True, "")],
    },
    "conflict": "sanctions → engagement: social care says a clear contract with sanctions gets families "
                "engaged; families say threats push them away.",
    "rds": {
        "family": ("One worker who stays", "The family", "A lead worker the family trusts",
                   "A family overwhelmed by services", "A family with one plan and one worker",
                   "The family, with the lead worker", "Thirty services' rules and waiting lists",
                   "cut the number of workers to one", "a contract the family helped write",
                   "get life back under the family's control"),
        "social": ("Children safe at home", "The children", "Social workers", "Children at risk",
                   "Children safe, family stable", "Children's services", "Child-protection law; caseloads",
                   "agree a contract with each family", "rewards and sanctions, reviewed monthly",
                   "keep children safely at home"),
        "police": ("Quieter streets", "Residents of Meir", "Neighbourhood officers",
                   "Streets troubled by anti-social behaviour", "Quieter streets", "The police district",
                   "Powers and priorities", "hold families to account", "warnings and contracts",
                   "reduce anti-social behaviour"),
        "health": ("Well parents, thriving children", "Parents and children", "Health visitors",
                   "Parents whose health is neglected", "Parents getting the care they need",
                   "The primary care trust", "Clinic hours; caseloads", "find and treat the parent's health needs",
                   "home visits that start with the parent", "help parents manage family life"),
    },
    "activities": {
        "family": ["Choose the lead worker", "Write the plan together", "Review it each month"],
        "social": ["Identify families at risk", "Agree a contract", "Review rewards and sanctions"],
        "police": ["Record anti-social behaviour", "Warn and contract", "Share information with partners"],
        "health": ["Visit at home", "Assess the parent's health", "Refer to treatment"],
    },
    "answers": {
        "family": ("no", "", "", "", "Each service sends its own worker", "One lead worker for each family"),
        "social": ("yes", "Contracts in the pilot", "Family support", "Families signed up", "", ""),
        "police": ("partly", "Warnings", "Officers", "Incidents", "Information not shared", "A shared log"),
        "health": ("partly", "Visits for babies only", "Health visitors", "Visits made",
                   "Parents' own health not asked", "Ask about the parent's health at every visit"),
    },
    "actions": [
        ("One lead worker for each family known to many services", "Children's services", "short",
         {"family": ("yes", "yes", ""), "social": ("yes", "unsure", "Caseloads"), "police": ("yes", "yes", ""),
          "health": ("yes", "yes", "")}),
        ("Family contracts with rewards first, sanctions last", "Children's services and police", "short",
         {"family": ("yes", "unsure", ""), "social": ("yes", "yes", ""), "police": ("unsure", "yes", "Needs teeth"),
          "health": ("yes", "yes", "")}),
        ("Offer the outreach to every family that asks", "The partnership", "long",
         {"family": ("yes", "unsure", ""), "social": ("unsure", "no", "Cost"), "police": ("unsure", "unsure", ""),
          "health": ("yes", "unsure", "")}),
    ],
    "figures": [("family", 0, 0, "Family in Meir", "family"), ("council-office", -420, -240, "Children's services", "social"),
                ("organisation", 420, -240, "Police neighbourhood team", "police"), ("hospital", -420, 240, "Health visitor", "health"),
                ("school", 420, 240, "School", None), ("group", 0, -360, "Thirty services", None),
                ("document", 0, 320, "Family contract", "social")],
    "bubbles": [("speech", "Thirty people come to the door and none of them stays.", 0, -200, 160, "family"),
                ("thought", "Is this help or a warning?", 6, 200, 420, "family"),
                ("speech", "Hold them to the contract.", 2, 600, -380, "police")],
    "connectors": [(1, 0, "contract"), (2, 0, "warnings"), (3, 0, "home visits")],
    "names": {frozenset({"Trust in a lead worker", "Family engagement", "Stress in the family",
                         "Services each family deals with"}): ""},
}

CASES = [NEET, LONE_PARENTS, THINK_FAMILY]


def build(case: dict) -> Project:
    """The project a case describes (ids from the case's own names, so a rebuild diffs cleanly)."""
    counter = [0]

    def sid(prefix: str) -> str:
        counter[0] += 1
        return f"{prefix}-{counter[0]:04d}"

    people = {}
    for index, (key, name, stakeholder, worldview) in enumerate(case["perspectives"]):
        colour, dash = style_for_index(index)
        people[key] = Perspective(id=sid("p"), name=name, stakeholder=stakeholder, worldview=worldview,
                                  colour=colour, dash=dash)
    variables = {k: Variable(id=sid("v"), name=n, x=x, y=y) for k, (n, x, y) in case["variables"].items()}
    links = [CausalLink(id=sid("l"), source=variables[a].id, target=variables[b].id, perspective=people[p].id,
                        polarity=pol, delay=delay, note=note)
             for p, rows in case["claims"].items() for a, b, pol, delay, note in rows]
    rds, models = [], []
    for key, fields in case["rds"].items():
        title, customers, actors, t_in, t_out, owners, environment, what, how, why = fields
        rd = RootDefinition(id=sid("rd"), perspective=people[key].id, title=title, customers=customers,
                            actors=actors, transformation_input=t_in, transformation_output=t_out,
                            worldview=people[key].worldview, owners=owners, environment=environment, what=what,
                            how=how, why=why, measures=Measures(efficacy=f"{t_out} (counted)",
                                                                efficiency="Within existing budgets",
                                                                effectiveness=why[:1].upper() + why[1:]))
        rds.append(rd)
        verbs = case["activities"][key]
        acts = [Activity(id=sid("a"), label=v, x=(i % 3) * 260, y=(i // 3) * 150) for i, v in enumerate(verbs)]
        acts += [Activity(id=sid("a"), label="Monitor against the measures", x=780, y=0, monitor_control=True,
                          measure="efficacy"),
                 Activity(id=sid("a"), label="Take control action", x=780, y=150, monitor_control=True)]
        deps = [Dependency(id=sid("d"), source=acts[i].id, target=acts[i + 1].id) for i in range(len(verbs) - 1)]
        deps += [Dependency(id=sid("d"), source=acts[len(verbs) - 1].id, target=acts[-2].id),
                 Dependency(id=sid("d"), source=acts[-2].id, target=acts[-1].id)]
        exists, how_done, who, judged, comments, change = case["answers"][key]
        rows = [ComparisonRow(id=sid("c"), activity=acts[0].id, exists=exists, how=how_done, who=who, judged=judged,
                              comments=comments, proposed_change=change)]
        rows += [ComparisonRow(id=sid("c"), activity=a.id) for a in acts[1:len(verbs)]]
        models.append(ConceptualModel(id=sid("cm"), root_definition=rd.id, title=title, activities=acts,
                                      dependencies=deps, comparison=rows))
    actions = [Action(id=sid("x"), title=title, owner=owner, timescale=timescale,
                      stances=[Stance(id=sid("s"), perspective=people[p].id, desirable=d, feasible=f, note=n)
                               for p, (d, f, n) in verdicts.items()])
               for title, owner, timescale, verdicts in case["actions"]]
    figures = [StencilFigure(id=sid("r"), stencil=stencil, x=x, y=y, label=label,
                             layer=people[layer].id if layer else None)
               for stencil, x, y, label, layer in case["figures"]]
    items: list = list(figures)
    items += [Bubble(id=sid("r"), style=style, text=text, owner=figures[owner].id, x=x, y=y, layer=people[layer].id)
              for style, text, owner, x, y, layer in case["bubbles"]]
    items += [Connector(id=sid("r"), source=figures[a].id, target=figures[b].id, label=label)
              for a, b, label in case["connectors"]]
    items.append(TextItem(id=sid("r"), text=case["title"], x=-320, y=-640, font_size=22, width=640))
    project = Project(id=case["id"], metadata=Metadata(title=case["title"], summary=case["summary"],
                                                       authors=["SSM Studio example"],
                                                       created="2026-12-04T00:00:00+00:00",
                                                       modified="2026-12-04T00:00:00+00:00"),
                      perspectives=list(people.values()), root_definitions=rds, conceptual_models=models,
                      actions=actions)
    project.cld.variables = list(variables.values())
    project.cld.links = links
    project.rich_picture.items = items
    names = {v.id: v.name for v in project.cld.variables}
    for loop in find_loops(project).loops:
        members = frozenset(names[v] for v in loop.variables)
        project.cld.loop_names.append(LoopName(id=sid("n"), key=loop.key, label=loop.label,
                                               name=case["names"].get(members, "")))
    if "spotlight" in case:
        add_spotlight(project, case, variables, people, links, actions, sid)
    if case.get("journeys"):
        add_journeys(project, variables, people, sid)
    storyline = generate_storyline(project, name="The case, step by step")
    storyline.id = sid("story")
    for step in storyline.steps:
        step.id = sid("step")
    project.storylines = [storyline]
    return Project.model_validate(project.model_dump())


def add_spotlight(project: Project, case: dict, variables: dict, people: dict, links: list, actions: list, sid) -> None:
    """The case's SPOTlight review, its two stocktakes, and a snapshot kept at the first."""
    spec = case["spotlight"]
    claim = {(a, b, p): next(lk.id for lk in links if lk.source == variables[a].id and lk.target == variables[b].id
                             and lk.perspective == people[p].id)
             for a, b, p in {c for item in spec["evidence"] for c in item[7]}}
    evidence = [Evidence(id=sid("e"), statement=st, source=src, kind=kind, aspect=aspect, confidence=conf, dated=dated,
                         variables=[variables[v].id for v in vs], links=[claim[c] for c in cs])
                for st, src, kind, aspect, conf, dated, vs, cs in spec["evidence"]]
    actors = {name: Actor(id=sid("ac"), name=name, kind=kind, position=position,
                          voiced_by=[people[p].id for p in voiced], x=(i % 4) * 260.0, y=(i // 4) * 160.0)
              for i, (name, kind, position, voiced) in enumerate(spec["actors"])}
    chain = [ChainLink(id=sid("ch"), source=actors[a].id, target=actors[b].id, kind=kind,
                       ratings=[Rating(perspective=people[p].id, strength=n, reason=why) for p, (n, why) in rated.items()])
             for a, b, kind, rated in spec["chain"]]
    plan = [PlanItem(id=sid("pl"), action=actions[i].id, horizon=horizon, owner=owner, escalate=escalate, origin=origin)
            for i, horizon, owner, escalate, origin in spec["plan"]]
    stocktakes = [Stocktake(id=sid("st"), dated=dated, panel=panel, updates=[
        ActionUpdate(action=actions[i].id, status=rag, reason=why, planned=planned, actual=actual, decision=decision,
                     assumption_questioned=bool(assumption), assumption=assumption)
        for i, rag, why, planned, actual, decision, assumption in updates])
        for dated, panel, updates in spec["stocktakes"]]
    project.spotlight = Review(topic=spec["topic"], neighbourhood=spec["neighbourhood"], starts=spec["starts"],
                               ends=spec["ends"], sponsor=spec["sponsor"],
                               team=[TeamMember(name=n, part=part) for n, part in spec["team"]],
                               evidence=evidence, actors=list(actors.values()), chain=chain, plan=plan,
                               issues=[Issue(id=sid("is"), title=t, detail=d) for t, d in spec["issues"]],
                               stocktakes=stocktakes)
    edit, snapshot_id = take_snapshot(project, "April panel")
    Document(project).apply(edit)
    project.snapshots[-1].id, project.snapshots[-1].taken = sid("snap"), "2026-04-14T10:00:00+00:00"
    project.spotlight.stocktakes[0].snapshot = project.snapshots[-1].id


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent
    for case in CASES:
        out = folder / case["file"]
        save_project(out, build(case), keep_backup=False)
        print(f"wrote {out}")


if __name__ == "__main__":
    main()
