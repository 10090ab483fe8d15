"""The summary (two pages at most): why each side wants this, what changes on joining, what
stays the school's call, the findings that matter, questions to ask, evidence still missing."""

from __future__ import annotations

from ddwizard.core.assessment import ItemStatus
from ddwizard.report import formats
from ddwizard.report.blocks import Block, Bullets, Heading, Para, Table, bold, join, lead, plain
from ddwizard.report.board.money import cost_words
from ddwizard.report.model import BriefModel
from ddwizard.report.words import call, confidence

# What changes on joining, and where the paper looks for it in the default questionnaire
# (version 2 ids first, then version 1's): the trust's reference for an area, and findings
# in checklist areas.
CHANGES = (
    ("Employer", ("staff_hr", "hr_practice"), ("staffing_tupe", "pensions")),
    ("Land and buildings", ("estates", "estates_site"), ("land_buildings",)),
    ("Admission authority", (), ("admissions",)),
    ("The local committee's remit", ("governance",), ("governance_legal", "trust_governance")),
    (
        "Funding and reserves",
        ("finance", "financial_management"),
        ("finance_records", "trust_finance"),
    ),
    ("Systems", ("ict_data",), ("ict_data_protection",)),
)
MAX_QUESTIONS = 8


def build(m: BriefModel) -> list[Block]:
    out: list[Block] = [Heading("Summary", 1)]
    out += _why(m)
    out += [Heading("What changes for the school on joining", 2), _changes(m)]
    out += _calls(m)
    out += _findings(m)
    out += [Heading("Questions the board should ask", 2), Bullets(tuple(map(plain, questions(m))))]
    out += _missing(m)
    return out


def _why(m: BriefModel) -> list[Block]:
    d = m.inputs.decision
    missing = "Not recorded yet: the assessor records it in the Decision part."
    school = d.school_reasons if d and d.school_reasons else missing
    trust = d.trust_reasons if d and d.trust_reasons else missing
    return [
        Heading("Why each side wants this", 2),
        Para(lead(f"{m.school}", school)),
        Para(lead(f"{m.trust}", trust)),
    ]


def _changes(m: BriefModel) -> Table:
    rows = []
    area_of = {row.item.id: row.area.id for row in m.checklist()}
    for topic, referent, areas in CHANGES:
        said = []
        refs = (m.assessment.trust.reference_for(r) for r in referent)
        ref = next((r for r in refs if r is not None and r.practice.strip()), None)
        if ref is not None:
            said.append(f"The trust: {ref.practice.strip()}")
        found = [f for f in m.inputs.findings if area_of.get(f.item) in areas]
        if found:
            said.append(
                f"See {formats.count(len(found), 'finding')} below "
                f"({formats.names(list(dict.fromkeys(f.area for f in found)))})."
            )
        shown = " ".join(said) or "Not recorded: the assessor should ask the trust and record it."
        rows.append((bold(topic), plain(shown)))
    return Table(("What changes", "What this paper knows"), tuple(rows), (0.26, 0.74))


def _calls(m: BriefModel) -> list[Block]:
    keeps, aligns, trips, open_ = [], [], [], []
    decide_by = m.decide_by
    for rp in m.referents:
        t = m.assessment.target_for(rp.referent.id)
        words = call(rp, t, m.inputs, decide_by)
        title = rp.referent.title
        if t is not None and t.return_trip:
            trips.append(title)
        elif words.startswith("Not yet settled"):
            open_.append(title)
        elif "keeps its own practice" in words or "leaves to the school" in words:
            keeps.append(title)
        else:
            aligns.append(title)
    items = []
    if keeps:
        items.append(lead("The school keeps its own practice", formats.names(keeps) + "."))
    if trips:
        items.append(
            lead(
                "Return trips",
                f"{formats.names(trips)}: the school keeps its practice and the trust adopts it.",
            )
        )
    if aligns:
        items.append(lead("Aligning with the trust", formats.names(aligns) + "."))
    if open_:
        when = formats.date(decide_by) if decide_by else "before the board decides"
        items.append(
            lead(
                "Not yet settled",
                f"{formats.count(len(open_), 'area')} ({formats.names(open_)}): for the "
                f"headteacher and the trust to agree, {when}.",
            )
        )
    return [
        Heading("What stays the school's call", 2),
        Bullets(tuple(items)) if items else Para(plain("No areas are selected.")),
    ]


MATTER = 6  # findings in the summary; every one is in Costs and in Due diligence


def matter(m: BriefModel) -> list:
    """The findings that matter most: serious before concern before note, the largest
    cost first within a level, otherwise in the checklist's order."""
    rank = {"serious": 0, "concern": 1, "note": 2}
    return sorted(
        m.inputs.findings,
        key=lambda f: (rank.get(f.level, 3), -(f.cost.amount or 0) if f.cost else 0),
    )


def _findings(m: BriefModel) -> list[Block]:
    out: list[Block] = [Heading("Findings that matter", 2)]
    if not m.inputs.findings:
        out.append(Para(plain("No due-diligence finding is recorded.")))
        return out
    items = []
    ranked = matter(m)
    for f in ranked[:MATTER]:
        due = f", due {formats.date(f.due)}" if f.due else ""
        owner = f" ({f.owner})" if f.owner else ""
        items.append(
            join(
                bold(f"{f.area}: "),
                f"{f.text.strip()} ",
                bold(cost_words(f.cost)),
                f"{due}{owner}.",
            )
        )
    out.append(Bullets(tuple(items)))
    if len(ranked) > MATTER:
        rest = formats.names(list(dict.fromkeys(f.area for f in ranked[MATTER:])))
        out.append(Para(plain(f"{len(ranked) - MATTER} more in Due diligence ({rest})."), "small"))
    return out


def questions(m: BriefModel) -> list[str]:
    """Questions for the board to put to the trust: from the findings (the costed ones one
    by one, the rest together), from what joining changes, and from the gaps."""
    out = []
    uncosted = []
    for f in matter(m):
        if f.cost is not None and f.cost.amount is not None:
            out.append(f"{f.area}: who meets the {cost_words(f.cost)}, and what if it rises?")
        elif f.area not in uncosted:
            uncosted.append(f.area)
    if uncosted:
        out.insert(
            0,
            f"The findings on {formats.names(uncosted)} have no cost "
            "yet: what will each cost, who pays, and is it settled before the school joins?",
        )
    out.append("What will our local committee decide, and what will it no longer decide?")
    out.append("What happens to our reserves and our budget on joining?")
    d = m.inputs.decision
    if d is None or not d.joining_on:
        out.append("What is the proposed joining date, and what must be done before it?")
    low = [rp.referent.title for rp in m.referents if _low(rp)]
    if low:
        out.append(f"What evidence would firm up the picture in {formats.names(low)}?")
    return out[:MAX_QUESTIONS]


def _low(rp) -> bool:
    return "low" in (confidence(rp, "practice"), confidence(rp, "purpose"))


def _missing(m: BriefModel) -> list[Block]:
    items = []
    open_items = [
        r
        for r in m.checklist()
        if r.entry.status in (ItemStatus.NOT_STARTED, ItemStatus.IN_PROGRESS)
    ]
    if open_items:
        started = sum(r.entry.status == ItemStatus.IN_PROGRESS for r in open_items)
        items.append(
            plain(
                f"{formats.count(len(open_items), 'checklist item')} still open "
                f"({started} in progress); see Due diligence."
            )
        )
    low = [rp.referent.title for rp in m.referents if _low(rp)]
    if low:
        items.append(
            plain(
                f"Low confidence in {formats.names(low)}: the position there "
                "rests on thin evidence."
            )
        )
    unplaced = [rp.referent.title for rp in m.referents if not rp.placed]
    if unplaced:
        items.append(plain(f"Not yet placed, answers missing: {formats.names(unplaced)}."))
    unanswered = sum(rp.questions - rp.answered for rp in m.referents)
    if unanswered:
        items.append(plain(f"{formats.count(unanswered, 'question')} not yet answered."))
    if not items:
        items.append(plain("Nothing recorded as missing."))
    return [Heading("Evidence still missing", 2), Bullets(tuple(items))]
