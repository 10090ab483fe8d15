"""The summary (two pages at most): why each side wants this, what changes on joining, what
stays the school's call, the findings that matter, questions to ask, evidence still missing."""

from __future__ import annotations

from ddwizard.core.assessment import ItemStatus
from ddwizard.report import formats
from ddwizard.report.blocks import Block, Bullets, Heading, Para, Table, bold, join, lead, plain
from ddwizard.report.board.money import cost_words
from ddwizard.report.model import BriefModel
from ddwizard.report.words import call, confidence

# What changes on joining, and where the paper looks for it in the default questionnaire:
# the trust's reference for an area, and findings in checklist areas.
CHANGES = (
    ("Employer", "hr_practice", ("staffing_tupe", "pensions")),
    ("Land and buildings", "estates_site", ("land_buildings",)),
    ("Admission authority", "", ("admissions",)),
    ("The local committee's remit", "governance", ("governance_legal",)),
    ("Funding and reserves", "financial_management", ("finance_records",)),
    ("Systems", "ict_data", ("ict_data_protection",)),
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
        ref = m.assessment.trust.reference_for(referent) if referent else None
        if ref is not None and ref.practice.strip():
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


def _findings(m: BriefModel) -> list[Block]:
    out: list[Block] = [Heading("Findings that matter", 2)]
    if not m.inputs.findings:
        out.append(Para(plain("No due-diligence finding is recorded.")))
        return out
    items = []
    for f in m.inputs.findings:
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
    return out


def questions(m: BriefModel) -> list[str]:
    """Questions for the board to put to the trust, drawn from the findings (one per
    checklist area, the findings being listed just above) and from what joining changes."""
    by_area: dict[str, list] = {}
    for f in m.inputs.findings:
        by_area.setdefault(f.area, []).append(f)
    out = []
    for area, found in by_area.items():
        which = f"The {area} finding" + (f"s ({len(found)})" if len(found) > 1 else "")
        costed = [f for f in found if f.cost is not None and f.cost.amount is not None]
        if costed and len(costed) == len(found):
            money = " and ".join(cost_words(f.cost) for f in costed)
            out.append(f"{which}: who meets the {money}, and what happens if it rises?")
        else:
            out.append(
                f"{which}: what will it cost, who pays, and is it settled before the "
                "school joins?"
            )
    out.append("What will our local committee decide, and what will it no longer decide?")
    out.append("What happens to our reserves and our budget on joining?")
    if m.inputs.decision is None or not m.inputs.decision.joining_on:
        out.append("What is the proposed joining date, and what must be done before it?")
    return out[:MAX_QUESTIONS]


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
    low = [
        rp.referent.title
        for rp in m.referents
        if "low" in (confidence(rp, "practice"), confidence(rp, "purpose"))
    ]
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
