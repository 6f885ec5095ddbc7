"""Two client journeys for the Meir (Think Family) example: written as data, built by
``add_journeys``. The people are invented and named only by pseudonyms, as the app asks.

The first family meets many services in six months (the briefing: "30 in the past six months
was not uncommon"); the second is told twice, by the family and by children's social care,
so the comparison shows where their accounts differ.
"""

from __future__ import annotations

from ssm_studio.model import Effect, Journey, Member, Phase, Project, Service, Touchpoint

SERVICES = ["Children's social care", "Police neighbourhood team", "Health visiting", "GP surgery",
            "Primary school", "Secondary school", "Housing association", "Jobcentre Plus", "Debt advice",
            "Youth offending team", "CAMHS", "Drug and alcohol service", "Education welfare", "Family support",
            "Anti-social behaviour unit", "Food bank", "A&E", "Council tax team", "School nurse",
            "Domestic abuse service", "Citizens Advice", "Early help hub", "Adult mental health",
            "Probation", "Sure Start centre"]

# date, service, channel, members (indexes), what happened, feeling, pain point, wait days, effects, phase
HALL = [
    ("2026-01-05", "Police neighbourhood team", "home_visit", [0, 1], "Officers called after a noise complaint", -1, "", None, [("asb", "+")], 0),
    ("2026-01-07", "Anti-social behaviour unit", "letter", [0], "Warning letter about the noise", -2, "A letter, no name to call", None, [("sanctions", "+"), ("stress", "+")], 0),
    ("2026-01-09", "Housing association", "phone", [0], "Told the tenancy is at risk", -2, "Third person to ask the same questions", 3, [("stress", "+")], 0),
    ("2026-01-12", "Secondary school", "face_to_face", [0, 1], "Meeting about J.'s attendance", -1, "", None, [("school", "-")], 0),
    ("2026-01-14", "Education welfare", "letter", [0], "Fixed-penalty warning for absence", -2, "Nobody asked why", None, [("sanctions", "+")], 0),
    ("2026-01-19", "GP surgery", "face_to_face", [0], "Appointment about sleeping badly", 0, "Ten-minute slot", 12, [("health", "+")], 0),
    ("2026-01-22", "Debt advice", "phone", [0], "Call about rent arrears", 0, "", 9, [("stress", "-")], 0),
    ("2026-01-27", "Children's social care", "home_visit", [0, 2], "Assessment visit after a referral", -2, "Felt judged", None, [("referrals", "+"), ("services", "+")], 0),
    ("2026-02-02", "Health visiting", "home_visit", [0, 2], "Check on L.'s development", 1, "", None, [("health", "+")], 0),
    ("2026-02-04", "Youth offending team", "face_to_face", [1], "First meeting after a caution", -1, "", None, [("asb", "-"), ("services", "+")], 0),
    ("2026-02-09", "Food bank", "face_to_face", [0], "Food parcel", 1, "Needed a voucher from someone else first", 5, [("stress", "-")], 0),
    ("2026-02-11", "Jobcentre Plus", "face_to_face", [0], "Work-search review", -1, "Sanction threatened for a missed call", None, [("sanctions", "+"), ("stress", "+")], 0),
    ("2026-02-16", "CAMHS", "letter", [1], "On the waiting list", -1, "Eighteen weeks' wait", 126, [("services", "+")], 0),
    ("2026-02-18", "Primary school", "face_to_face", [0, 2], "Teacher worried about L.'s tiredness", 0, "", None, [("school", "-")], 0),
    ("2026-02-23", "Early help hub", "phone", [0], "Offered the family outreach", 1, "", None, [("lead", "+")], 1),
    ("2026-03-02", "Family support", "home_visit", [0, 1, 2], "Lead worker's first visit: one plan for the family", 2, "", None, [("lead", "+"), ("trust", "+")], 1),
    ("2026-03-09", "Drug and alcohol service", "face_to_face", [0], "Assessment, with the lead worker there", 1, "", 14, [("health", "+")], 1),
    ("2026-03-16", "Council tax team", "letter", [0], "Summons for council tax arrears", -2, "Came the week the plan started", None, [("stress", "+")], 1),
    ("2026-03-18", "Citizens Advice", "face_to_face", [0], "Help with the summons, booked by the lead worker", 1, "", 2, [("stress", "-")], 1),
    ("2026-03-25", "School nurse", "face_to_face", [2], "Health check at school", 1, "", None, [("health", "+")], 1),
    ("2026-04-01", "Family support", "home_visit", [0, 1, 2], "Family contract agreed: rewards first", 1, "", None, [("engage", "+"), ("trust", "+")], 2),
    ("2026-04-08", "Adult mental health", "phone", [0], "Telephone assessment", 0, "Another set of forms", 35, [("health", "+"), ("services", "+")], 2),
    ("2026-04-15", "Secondary school", "face_to_face", [1], "Back to full-time timetable", 2, "", None, [("school", "+")], 2),
    ("2026-04-22", "Police neighbourhood team", "face_to_face", [1], "Officer checks in on J.", 0, "", None, [("asb", "-")], 2),
    ("2026-05-06", "A&E", "face_to_face", [2], "L.'s asthma attack", -2, "Four hours' wait", 0, [("stress", "+")], 2),
    ("2026-05-13", "Sure Start centre", "face_to_face", [0, 2], "Parenting group, with the lead worker", 1, "", None, [("engage", "+")], 2),
    ("2026-05-20", "Housing association", "home_visit", [0], "Tenancy safe while the plan holds", 2, "", None, [("stress", "-")], 2),
    ("2026-06-03", "Family support", "home_visit", [0, 1, 2], "Monthly review of the plan", 1, "", None, [("trust", "+"), ("engage", "+")], 2),
    ("2026-06-17", "Domestic abuse service", "phone", [0], "Safety planning call", 0, "", 7, [("health", "+")], 2),
    ("2026-06-24", "Probation", "face_to_face", [0], "Meeting about the children's father", -1, "", None, [("services", "+")], 2),
]

# The Khan family, told twice: (family's account, social care's account) per contact;
# date, service, channel, what happened, feeling by each, wait days by each, effects
KHAN = [
    ("2026-02-10", "Children's social care", "home_visit", "First visit after the school's referral", (-2, 0), (None, None), [("referrals", "+")]),
    ("2026-02-24", "Children's social care", "face_to_face", "Child-in-need meeting, nine people round the table", (-2, 1), (None, None), [("services", "+")]),
    ("2026-03-03", "Health visiting", "home_visit", "Visit for the baby", (1, 1), (None, None), [("health", "+")]),
    ("2026-03-17", "Family support", "home_visit", "Family contract discussed", (-1, 1), (21, 7), [("sanctions", "+"), ("engage", "-")]),
    ("2026-04-07", "Family support", "home_visit", "Contract signed", (0, 2), (None, None), [("engage", "+")]),
    ("2026-04-21", "Police neighbourhood team", "home_visit", "Warning about the eldest son", (-2, None), (None, None), [("sanctions", "+"), ("trust", "-")]),
    ("2026-05-05", "Children's social care", "face_to_face", "Review: sanctions mentioned", (-2, 0), (None, None), [("sanctions", "+")]),
    ("2026-05-19", "Primary school", "face_to_face", "Attendance improving", (1, 1), (None, None), [("school", "+")]),
]


def add_journeys(project: Project, variables: dict, people: dict, sid) -> None:
    """The project's services and the two journeys (ids from sid, so a rebuild diffs cleanly)."""
    services = {name: Service(id=sid("sv"), name=name) for name in SERVICES}
    project.services = list(services.values())

    def effects(rows) -> list[Effect]:
        return [Effect(variable=variables[key].id, sign=sign) for key, sign in rows]

    hall_members = [Member(id=sid("m"), pseudonym=p, part=part)
                    for p, part in (("Mum (K.)", "mother"), ("J., 14", "eldest son"), ("L., 6", "daughter"))]
    phases = [Phase(id=sid("ph"), name=n) for n in ("Crisis", "Outreach offered", "Family contract")]
    hall = Journey(id=sid("j"), name="The Hall family (pseudonym)", members=hall_members, phases=phases,
                   note="Six months of contacts before and after the outreach began.",
                   touchpoints=[Touchpoint(id=sid("t"), dated=d, service=services[s].id, channel=ch,
                                           members=[hall_members[i].id for i in who], happened=what, feeling=feel,
                                           pain_point=pain, wait_days=wait, effects=effects(fx), phase=phases[ph].id)
                                for d, s, ch, who, what, feel, pain, wait, fx, ph in HALL])
    khan_members = [Member(id=sid("m"), pseudonym=p, part=part)
                    for p, part in (("Mother (S.)", "mother"), ("Baby", "son"), ("A., 15", "eldest son"))]
    family, social = people["family"].id, people["social"].id
    told = []
    for d, s, ch, what, feelings, waits, fx in KHAN:
        for teller, feeling, wait in zip((family, social), feelings, waits, strict=True):
            if feeling is None:
                continue  # social care's record has no note of the police warning
            told.append(Touchpoint(id=sid("t"), dated=d, service=services[s].id, channel=ch,
                                   members=[khan_members[0].id], happened=what, feeling=feeling, wait_days=wait,
                                   effects=effects(fx), told_by=teller,
                                   pain_point="Felt like a threat" if teller == family and feeling <= -2 else ""))
    khan = Journey(id=sid("j"), name="The Khan family (pseudonym)", members=khan_members, touchpoints=told,
                   note="Told twice: the family's own account beside children's social care's record.")
    project.journeys = [hall, khan]
