"""Assessments built in code for the brief's tests: one rich and hand-made, one filled in
over any questionnaire (the shipped default, for the look and the timing)."""

from __future__ import annotations

import random
from dataclasses import replace

from ddwizard.core.assessment import (
    Answer,
    AnswerFlag,
    Assessment,
    ChecklistEntry,
    Confidence,
    Cost,
    CostBasis,
    Decision,
    Finding,
    FindingLevel,
    ItemStatus,
    Perspective,
    ReferentNote,
    School,
    Status,
    Step,
    Target,
    TargetStatus,
    Trust,
    TrustReference,
)
from ddwizard.core.questionnaire import (
    Axis,
    ChecklistArea,
    ChecklistItem,
    Means,
    Option,
    Question,
    Questionnaire,
    Referent,
)

SCALE = (
    Option("own", "The trust's own", 1.0),
    Option("mostly", "Mostly the trust's", 0.5),
    Option("mix", "A mix", 0.0),
    Option("other", "Mostly other", -0.5),
    Option("entirely", "Entirely other", -1.0),
    Option("unknown", "Don't know yet", None),
    Option("open", "The trust has no set way here", None, means=Means.TRUST_OPEN),
)
SCORES = {o.key: o.score for o in SCALE}

# id, title, group, answers (practice keys, purpose keys); None = unanswered
AREAS = (
    (
        "curriculum",
        "Curriculum intent",
        "Teaching and learning",
        ("own", "mostly", "own"),
        ("own", "mostly", "mostly"),
    ),  # A
    (
        "reading",
        "Early reading and phonics",
        "Teaching and learning",
        ("other", "entirely", "other"),
        ("own", "mostly", "own"),
    ),  # B
    (
        "behaviour",
        "Behaviour policy",
        "Inclusion and welfare",
        ("mostly", "own", "mostly"),
        ("other", "entirely", "mostly"),
    ),  # C
    (
        "finance",
        "Financial practice",
        "Operations",
        ("other", "entirely", "mix"),
        ("other", "other", "entirely"),
    ),  # D
    (
        "hr",
        "HR practice",
        "People",
        ("mix", "mostly", "other"),
        ("mostly", "own", "mostly"),
    ),  # borderline (practice 0)
    (
        "estates",
        "Site management",
        "Operations",
        ("mostly", None, "unknown"),
        (None, "unknown", None),
    ),  # not placed
)


def question(qid: str, axis: Axis, text: str) -> Question:
    return Question(qid, axis, text, SCALE, help="", evidence=("documents", "leaders"))


def rich_questionnaire() -> Questionnaire:
    referents = []
    for rid, title, group, practice, purpose in AREAS:
        qs = [
            question(
                f"{rid}_pr{i}",
                Axis.PRACTICE,
                f"How close is the school's {title.lower()} practice {i + 1} to the trust's?",
            )
            for i in range(len(practice))
        ]
        qs += [
            question(
                f"{rid}_pu{i}",
                Axis.PURPOSE,
                f"How far is {title.lower()} aimed at the trust's purpose {i + 1}?",
            )
            for i in range(len(purpose))
        ]
        referents.append(
            Referent(
                rid,
                title,
                group,
                tuple(qs),
                description=f"What the school does about {title.lower()}.",
            )
        )
    checklist = (
        ChecklistArea(
            "dd_finance",
            "Finance",
            (
                ChecklistItem("accounts", "Audited accounts for the last three years"),
                ChecklistItem("deficit", "Budget forecast and any deficit recovery plan"),
            ),
        ),
        ChecklistArea(
            "dd_safeguarding",
            "Safeguarding",
            (
                ChecklistItem("scr", "Single central record checked"),
                ChecklistItem("dsl", "Designated safeguarding lead in post"),
            ),
        ),
        ChecklistArea(
            "dd_estates",
            "Estates and land",
            (
                ChecklistItem("condition", "Condition survey of the buildings"),
                ChecklistItem("lease", "Land ownership and leases"),
            ),
        ),
    )
    return Questionnaire("rich", "2", "A rich test questionnaire", tuple(referents), checklist)


def rich_assessment(q: Questionnaire | None = None, **changes) -> Assessment:
    q = q or rich_questionnaire()
    answers = []
    for rid, _title, _group, practice, purpose in AREAS:
        for axis, keys in (("pr", practice), ("pu", purpose)):
            for i, key in enumerate(keys):
                evidence = ("documents", "staff") if i % 2 else ("leaders",)
                note = f"Note on {rid} {axis}{i}: seen in the staff handbook." if i == 0 else ""
                answers.append(Answer(f"{rid}_{axis}{i}", key, note, evidence))
    notes = (
        ReferentNote.same("curriculum", Confidence.HIGH, "Leaders spoke clearly about intent."),
        ReferentNote.same("reading", Confidence.MEDIUM, "The phonics scheme differs from ours."),
        ReferentNote.same("behaviour", Confidence.LOW, "Church school: purposes partly tacit."),
        ReferentNote.same("finance", Confidence.HIGH, ""),
    )
    targets = (
        Target(
            "reading",
            0.8,
            0.7,
            "2027-09",
            True,
            "The trust wants this phonics approach.",
            (
                Step(0.8, -0.6, "2027-01", "Review outcomes of the school's phonics"),
                Step(0.8, 0.7, "2027-09", "Adopt the approach across the trust"),
            ),
        ),
        Target(
            "finance",
            0.6,
            0.6,
            "2027-07",
            False,
            "Move to the trust's finance system.",
            (Step(0.6, -0.5, "2027-01", "Agree what finance is for"),),
        ),
        Target("behaviour", 0.5, 0.6, "2027-12", False, "Make the purposes explicit."),
    )
    checklist = (
        ChecklistEntry(
            "accounts", ItemStatus.DONE, "Clean opinion each year.", "CFO", "2026-12-01"
        ),
        ChecklistEntry(
            "deficit",
            ItemStatus.DONE,
            "Deficit of £85k forecast for 2027.",
            "CFO",
            "2026-12-15",
            Finding(FindingLevel.CONCERN),
        ),
        ChecklistEntry("scr", ItemStatus.IN_PROGRESS, "", "DSL", ""),
        ChecklistEntry(
            "condition",
            ItemStatus.DONE,
            "Roof needs replacing.",
            "Estates lead",
            "2027-02",
            Finding(FindingLevel.CONCERN),
        ),
        ChecklistEntry("lease", ItemStatus.NOT_APPLICABLE, "Freehold.", "", ""),
    )
    base = Assessment(
        uid="00000000-0000-4000-8000-000000000001",
        school=School("Oakfield Primary School", "123456", "Primary", "Northshire"),
        trust=Trust(
            "Northern Lights Trust",
            (
                TrustReference(
                    "curriculum",
                    "A knowledge-rich curriculum, planned centrally.",
                    "Every child a powerful learner.",
                ),
                TrustReference(
                    "reading",
                    "Systematic synthetic phonics from Reception.",
                    "Every child reads fluently by seven.",
                ),
            ),
        ),
        questionnaire_id=q.id,
        questionnaire_version=q.version,
        label="Pre-join visit",
        assessor="Sam Patel",
        assessed_on="2026-11-22",
        status=Status.DRAFT,
        answers=tuple(answers),
        referent_notes=notes,
        targets=targets,
        due_diligence=checklist,
    )
    return base.with_changes(**changes)


def filled_assessment(q: Questionnaire, seed: int = 7, **changes) -> Assessment:
    """Every question of `q` answered, with notes; targets for a third of the areas;
    every checklist item with a status. Deterministic for a given seed."""
    rng = random.Random(seed)
    answers, notes, targets = [], [], []
    for n, r in enumerate(q.referents):
        lean = (rng.uniform(-0.8, 0.9), rng.uniform(-0.8, 0.9))
        for qu in r.questions:
            centre = lean[0] if qu.axis == Axis.PURPOSE else lean[1]
            counted = [o for o in qu.options if o.score is not None]
            option = min(counted, key=lambda o: abs(o.score - centre + rng.uniform(-0.4, 0.4)))
            if rng.random() < 0.05:
                option = next((o for o in qu.options if o.score is None), option)
            evidence = tuple(
                rng.sample(
                    ("documents", "leaders", "staff", "pupils", "observation"), rng.randint(1, 3)
                )
            )
            answers.append(Answer(qu.id, option.key, _note(rng, r.title), evidence))
        notes.append(ReferentNote.same(r.id, rng.choice(list(Confidence)), _note(rng, r.title)))
        if n % 3 == 0:
            targets.append(
                Target(
                    r.id,
                    0.7,
                    0.6 if n % 2 else -0.4,
                    "2027-09",
                    n % 4 == 0,
                    f"Agreed with the head for {r.title.lower()}.",
                    (Step(0.7, lean[1], "2027-03", "Agree purpose first"),),
                )
            )
    statuses = (
        [ItemStatus.DONE] * 8
        + [ItemStatus.IN_PROGRESS] * 5
        + [ItemStatus.NOT_STARTED] * 4
        + [ItemStatus.NOT_APPLICABLE] * 2
    )
    checklist = tuple(
        ChecklistEntry(
            i.id,
            rng.choice(statuses),
            "Checked against the documents." if k % 2 else "",
            rng.choice(("CFO", "Head", "Clerk", "")),
            "2027-01-15",
            Finding(FindingLevel.CONCERN, "A concern found.") if k % 20 == 7 else None,
        )
        for k, (_area, i) in enumerate(q.checklist_items().values())
    )
    base = Assessment(
        uid="00000000-0000-4000-8000-000000000002",
        school=School("St Siân's Church of England Primary School", "100200", "Primary", "Wessex"),
        trust=Trust("The Łódź Learning Partnership"),
        questionnaire_id=q.id,
        questionnaire_version=q.version,
        label="Pre-join visit",
        assessor="Zoë Ellis",
        assessed_on="2026-11-22",
        answers=tuple(answers),
        referent_notes=tuple(notes),
        targets=tuple(targets),
        due_diligence=checklist,
    )
    return base.with_changes(**changes)


def _note(rng: random.Random, title: str) -> str:
    sentences = (
        f"Leaders described their approach to {title.lower()} in some detail.",
        "Staff we spoke to gave a consistent account.",
        "The written policy is older than current practice.",
        "Pupils could explain what is expected of them and why.",
        "We saw this in two lessons and in the minutes of the last governors' meeting.",
    )
    return " ".join(rng.sample(sentences, rng.randint(1, 4)))


DECISION = Decision(
    question="Whether Oakfield Primary School applies to join Northern Lights Trust",
    decide_by="2026-12-01",
    joining_on="2027-01-01",
    school_reasons="Resilience: a small school with one leader.",
    trust_reasons="A strong phonics practice the trust wants to learn from.",
    recommendation="Join, subject to the conditions.",
    conditions=("The trust meets the pension deficit", "A roof survey before joining"),
)


def decided_assessment(q: Questionnaire | None = None, **changes) -> Assessment:
    """The rich assessment with everything version 2 records: the decision, findings with
    costs, agreed targets, steps with owners, per-axis confidence, flagged answers, what the
    trust leaves to its schools, and who prepared it."""
    q = q or rich_questionnaire()
    a = rich_assessment(q)
    answers = {x.question: x for x in a.answers}
    answers["behaviour_pu0"] = Answer(
        "behaviour_pu0", "other", "Two leaders described different aims.", (), ("sources_disagree",)
    )
    answers["hr_pr2"] = Answer(
        "hr_pr2",
        "other",
        "Two staff files lack right-to-work checks.",
        (),
        (AnswerFlag.BELOW_MINIMUM,),
    )
    answers["curriculum_pr2"] = Answer(
        "curriculum_pr2", "open", "Local history is left to schools."
    )
    notes = tuple(
        ReferentNote(n.referent, Confidence.HIGH, Confidence.LOW, n.note)
        if n.referent == "behaviour"
        else n
        for n in a.referent_notes
    )
    reading, finance, behaviour = a.targets
    targets = (
        replace(
            reading,
            status=TargetStatus.AGREED,
            agreed_by="Both boards",
            agreed_on="2026-11-30",
            steps=(
                Step(
                    0.8,
                    -0.6,
                    "2027-01",
                    "Review outcomes of the school's phonics",
                    "Head of English",
                    "Trust reading lead; parents by letter",
                ),
                Step(0.8, 0.7, "2027-09", "Adopt the approach across the trust", "Trust CEO"),
            ),
        ),
        finance,
        behaviour,
    )
    entries = {e.item: e for e in a.due_diligence}
    entries["deficit"] = ChecklistEntry(
        "deficit",
        ItemStatus.DONE,
        "Deficit of £85k forecast for 2027.",
        "CFO",
        "2026-12-15",
        Finding(FindingLevel.SERIOUS, "Deficit of £85k.", Cost(85_000, CostBasis.KNOWN)),
    )
    entries["condition"] = ChecklistEntry(
        "condition",
        ItemStatus.DONE,
        "Roof needs replacing.",
        "Estates lead",
        "2027-02",
        Finding(FindingLevel.CONCERN, "", Cost(180_000, CostBasis.ESTIMATED)),
    )
    entries["lease"] = ChecklistEntry(
        "lease",
        ItemStatus.DONE,
        "Freehold, but a covenant is unclear.",
        "",
        "",
        Finding(FindingLevel.NOTE, "Lease unclear.", Cost(None, CostBasis.UNKNOWN)),
    )
    entries["accounts"] = ChecklistEntry(
        "accounts",
        ItemStatus.DONE,
        "Clean opinion each year.",
        "CFO",
        "2026-12-01",
        Finding(FindingLevel.NONE, "Nothing to report."),
    )
    reference = (
        *a.trust.reference,
        TrustReference("behaviour", "", "", "Rewards and the house system."),
    )
    base = a.with_changes(
        answers=tuple(answers.values()),
        referent_notes=notes,
        targets=targets,
        due_diligence=tuple(entries.values()),
        decision=DECISION,
        assessor_role="Director of school improvement",
        perspective=Perspective.TRUST,
        trust=Trust(a.trust.name, reference),
    )
    return base.with_changes(**changes)


def long_text(length: int, seed: str) -> str:
    """Text of exactly `length` characters, in sentences of ordinary words, with blank
    lines between paragraphs now and then (as notes are typed)."""
    rng = random.Random(seed)
    words = [
        "the",
        "school",
        "trust",
        "pupils",
        "curriculum",
        "staff",
        "governors",
        "leaders",
        "reading",
        "finance",
        "estates",
        "policy",
        "evidence",
        "visit",
        "practice",
        "purpose",
        "phonics",
        "deficit",
        "pension",
        "roof",
        "lease",
    ]
    out: list[str] = []
    size = 0
    while size <= length:
        word = rng.choice(words)
        end = rng.random()
        word += ".\n\n" if end < 0.01 else "." if end < 0.08 else ""
        out.append(word)
        size += len(word) + 1
    return " ".join(out)[:length]


def at_limits(q: Questionnaire | None = None) -> Assessment:
    """Every text field of an assessment at its limit (core.limits): every name and short
    field SHORT_MAX characters, every note and other long text LONG_MAX."""
    from ddwizard.core.limits import LONG_MAX, SHORT_MAX

    q = q or rich_questionnaire()

    def short(key: str) -> str:
        return long_text(SHORT_MAX, key)

    def long(key: str) -> str:
        return long_text(LONG_MAX, key)

    answers = tuple(
        Answer(qu.id, qu.options[i % 2].key, long(qu.id), ("documents",))
        for r in q.referents
        for i, qu in enumerate(r.questions)
    )
    steps = tuple(
        Step(0.2 * i, 0.3, f"2027-0{i + 1}", long(f"step{i}"), short(f"o{i}"), long(f"t{i}"))
        for i in range(2)
    )
    return Assessment(
        uid="00000000-0000-4000-8000-000000000009",
        school=School(short("school"), short("urn"), short("phase"), short("la")),
        trust=Trust(
            short("trust"),
            tuple(
                TrustReference(r.id, long(f"p{r.id}"), long(f"u{r.id}"), long(f"d{r.id}"))
                for r in q.referents
            ),
        ),
        questionnaire_id=q.id,
        questionnaire_version=q.version,
        label=short("label"),
        assessor=short("assessor"),
        assessed_on="2026-11-22",
        assessor_role=short("role"),
        perspective=Perspective.SCHOOL,
        decision=Decision(
            long("question"),
            "2026-12-01",
            "2027-04-01",
            long("school"),
            long("trust"),
            long("recommendation"),
            (long("c1"), long("c2")),
        ),
        answers=answers,
        referent_notes=tuple(
            ReferentNote(r.id, Confidence.LOW, Confidence.HIGH, long(r.id)) for r in q.referents
        ),
        targets=tuple(
            Target(
                r.id,
                0.5,
                0.5,
                "2027-09",
                False,
                long(f"why{r.id}"),
                steps,
                TargetStatus.AGREED,
                short("by"),
                "2026-12-01",
            )
            for r in q.referents
        ),
        due_diligence=tuple(
            ChecklistEntry(
                item.id,
                ItemStatus.IN_PROGRESS,
                long(f"n{item.id}"),
                short(f"w{item.id}"),
                "2027-01-15",
                Finding(FindingLevel.SERIOUS, long(f"f{item.id}"), Cost(1000, CostBasis.KNOWN)),
            )
            for item in (i for _a, i in q.checklist_items().values())
        ),
    )


def concern(item: str, note: str, owner: str = "", due: str = "") -> ChecklistEntry:
    """An item done with a finding of level concern whose text is its note (what a format 1
    status "concern" became)."""
    return ChecklistEntry(
        item, ItemStatus.DONE, note, owner, due, Finding(FindingLevel.CONCERN, note)
    )
