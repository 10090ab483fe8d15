"""A school weighing three candidate trusts, built in memory from the demo: the demo's
Wenmoor assessment and two others, each with its decision, findings about the trust with
costs, and what each trust leaves its schools to decide."""

from __future__ import annotations

import random

from ddwizard import services
from ddwizard.core import bundle
from ddwizard.core.assessment import (
    Answer,
    ChecklistEntry,
    Cost,
    Decision,
    Finding,
    ItemStatus,
    Perspective,
    Trust,
    TrustReference,
)
from ddwizard.core.compare import compare

QUESTION = "Which trust, if any, should the governing board apply to join?"
TRUSTS = ("Wenmoor Learning Trust", "Fellside Schools Trust", "Dales Church Schools Trust")
FINDINGS = {
    TRUSTS[0]: (
        (
            "trust_pooling",
            "concern",
            "Reserves above 5% of income are pooled each year end: "
            "the school's 11% carry-forward comes down to 5%.",
            52000,
            "estimated",
        ),
        (
            "trust_central_charge",
            "note",
            "Central charge of 5% of funding; the list of what it buys is promised for December.",
            41500,
            "known",
        ),
    ),
    TRUSTS[1]: (
        (
            "trust_forecast",
            "serious",
            "The trust forecasts an in-year deficit in 2027-28 and has no recovery plan yet.",
            412000,
            "estimated",
        ),
        (
            "trust_capacity",
            "concern",
            "Four schools joined last year; the school improvement team did not grow.",
            None,
            "unknown",
        ),
    ),
    TRUSTS[2]: (
        (
            "trust_scheme_delegation",
            "note",
            "The local committee keeps a budget remit and appoints the headteacher with the trust.",
            None,
            None,
        ),
    ),
}
DECIDES = {
    TRUSTS[0]: {"early_reading": "Which phonics programme to teach, with the trust's review."},
    TRUSTS[1]: {},
    TRUSTS[2]: {
        "faith": "Collective worship and RE, with the diocese.",
        "curriculum_intent": "The curriculum's local content and its order.",
    },
}


def demo():
    data = bundle.parse_json(services.resource("demo.json").read_bytes(), "demo.json")
    q = services.shipped_default()

    def lookup(qid, version):
        return q if (q.id, q.version) == (qid, version) else None

    assessment, questionnaire, _ = bundle.read_bundle(data, lookup, "demo.json")
    return assessment, questionnaire


def _answers(base, q, seed: int):
    if seed == 0:
        return base.answers
    rng = random.Random(seed)
    out = []
    for a in base.answers:
        question = q.question(a.question)
        if question is not None and rng.random() < 0.45:
            a = Answer(a.question, rng.choice([o.key for o in question.options]))
        out.append(a)
    return tuple(out)


def _entries(base, trust: str):
    found = {}
    for item, level, text, amount, basis in FINDINGS[trust]:
        cost = Cost(amount, basis) if basis else None
        finding = Finding(level, text, cost)
        found[item] = ChecklistEntry(
            item, ItemStatus.DONE, "", "Chair of governors", "2027-01-10", finding
        )
    out = []
    for e in base.due_diligence:
        said = e.status.value == "concern" or (e.finding is not None and e.finding.matters)
        if said and e.item.startswith("trust_"):  # Wenmoor's: each trust has its own, above
            e = ChecklistEntry(e.item, ItemStatus.DONE, e.note, e.owner, e.due)
        elif e.status.value == "concern":  # format 1's concern, read as format 2 reads it
            finding = Finding("concern", e.note)
            e = ChecklistEntry(e.item, ItemStatus.DONE, e.note, e.owner, e.due, finding)
        out.append(found.pop(e.item, e))
    return (*out, *found.values())


def candidate(base, q, index: int, *, decision=True):
    trust = TRUSTS[index]
    decides = DECIDES[trust]
    reference = tuple(
        TrustReference(r.referent, r.practice, r.purpose, decides.get(r.referent, ""))
        for r in base.trust.reference
    )
    return base.with_changes(
        uid=f"option-{index}",
        trust=Trust(trust, reference, "2026-11-01"),
        label="Headteacher's look at the trust",
        assessor="Priya Shah",
        assessor_role="Headteacher",
        perspective=Perspective.SCHOOL,
        answers=_answers(base, q, index),
        due_diligence=_entries(base, trust),
        decision=Decision(
            QUESTION,
            "2027-01-20",
            ("2027-04-01", "2027-09-01", "2027-04-01")[index],
            "Resilience for a small school, and colleagues to work with on reading.",
            f"{trust} wants a church primary in the dales.",
            ("Apply to join", "Do not apply yet", "Keep in reserve")[index],
            (("The central charge is fixed for two years",), (), ())[index],
        )
        if decision
        else None,
    )


def options(n: int = 3, *, decisions: bool = True):
    base, q = demo()
    items = [(i + 1, candidate(base, q, i, decision=decisions), q) for i in range(n)]
    return compare(items)
