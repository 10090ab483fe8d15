"""The summary (two pages at most): why each side wants this, what changes on joining, what
stays the school's call, the findings that matter, questions to ask, evidence still missing."""

from __future__ import annotations

from ddwizard.core.assessment import CostBasis, ItemStatus
from ddwizard.core.statuses import ITEM_STATUS_LABELS
from ddwizard.report import formats
from ddwizard.report.blocks import Block, Bullets, Heading, Para, Table, bold, join, lead, plain
from ddwizard.report.board.money import cost_words, money
from ddwizard.report.board.questions import ask, low
from ddwizard.report.inputs import basis, ranked
from ddwizard.report.model import BriefModel
from ddwizard.report.words import agreed, call_kind, not_settled, target_words

# What changes on joining: what it usually means in England, then what this paper knows
# from the trust's reference and the targets in those areas (ids of the default
# questionnaire, versions 2 and 3 first, then version 1's) and the findings in those
# checklist areas; where no area speaks to it (admissions), what the checklist records: the
# items that say it (quoted, with their status) and how far that checklist area has got.
CHANGES = (
    (
        "Employer",
        "The trust becomes the employer; staff transfer to it on their existing terms, "
        "under TUPE (the rules for a change of employer).",
        ("staff_hr", "hr_practice"),
        ("staffing_tupe", "pensions"),
    ),
    (
        "Land and buildings",
        "Council land is let to the trust on a long lease (often 125 years); "
        "church land stays with its trustees.",
        ("estates", "estates_site"),
        ("land_buildings", "pfi_contracts"),
    ),
    (
        "Admission authority",
        "The trust becomes the admission authority (within the Admissions Code).",
        (),
        ("admissions",),
        ("adm_authority",),
    ),
    (
        "The local committee's remit",
        "The governing board becomes a local committee: it decides what the trust's scheme "
        "of delegation gives it, no more.",
        ("governance",),
        ("governance_legal", "trust_governance"),
    ),
    (
        "Funding and reserves",
        "Funding goes to the trust, which takes a central charge or pools it; the school's "
        "balances pass to the trust.",
        ("finance", "financial_management"),
        ("finance_records", "trust_finance"),
    ),
    (
        "Systems",
        "The school may move to the trust's finance, HR, data and IT systems.",
        ("ict_data",),
        ("ict_data_protection",),
    ),
)
BRIEFLY = 120  # characters of the trust's own words in the summary; all in Appendix A
QUOTED = 135  # characters of a checklist item's note in the summary; all in Appendix B
OPEN = (ItemStatus.NOT_STARTED, ItemStatus.IN_PROGRESS)
MAX_QUESTIONS = 8


def build(m: BriefModel) -> list[Block]:
    out: list[Block] = [Heading("Summary", 1)]
    out += _why(m)
    out += [Heading("What changes for the school on joining", 2), _changes(m)]
    out += _calls(m)
    out += _findings(m)
    out += [Heading("Questions the board should ask", 2), Bullets(tuple(map(plain, ask(m))))]
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
    for topic, usually, referents, areas, *quoted in CHANGES:
        said = [join(bold("Usually: "), usually)]
        said += [k for k in (_known(m, rid) for rid in referents) if k]
        if quoted:
            said += _checklist_says(m, areas, quoted[0])
        found = [f for f in m.inputs.findings if area_of.get(f.item) in areas]
        if found:
            said.append(join(bold("Findings, below: "), _by_area(found) + "."))
        if len(said) == 1:
            said.append(plain("Nothing recorded for this school yet: ask the trust."))
        cell = join(
            *(join(part, "\n") if i < len(said) - 1 else part for i, part in enumerate(said))
        )
        rows.append((bold(topic), cell))
    return Table(("What changes", "What it means here"), tuple(rows), (0.22, 0.78))


def _by_area(found) -> str:
    """Findings by the area they were found in, each area once with its findings' costs:
    'Finance (£38,000 estimated; cost not yet known) and Pensions (£412,000 estimated)'."""
    costs: dict[str, list[str]] = {}
    for f in found:
        costs.setdefault(f.area, []).append(_cost(f.cost))
    return formats.names([f"{area} ({'; '.join(said)})" for area, said in costs.items()])


def _known(m: BriefModel, referent_id: str):
    """What the trust says it does in an area, and the target there, briefly."""
    rp = m.placement.get(referent_id)
    if rp is None:
        return ()
    parts = []
    ref = m.assessment.trust.reference_for(referent_id)
    if ref is not None and ref.practice.strip():
        parts.append(f"The trust: {formats.briefly(ref.practice, BRIEFLY, 'Appendix A')}")
    if ref is not None and ref.school_decides.strip():
        left = formats.briefly(ref.school_decides, BRIEFLY, "Appendix A")
        parts.append(f"Left to the school: {left}")
    t = m.assessment.target_for(referent_id)
    if t is not None:
        parts.append(f"Target: {target_words(t)}; {agreed(t)}.")
    return join(bold(f"{rp.referent.title}: "), " ".join(parts)) if parts else ()


def _checklist_says(m: BriefModel, areas: tuple[str, ...], quoted: tuple[str, ...]) -> list:
    """What the checklist records where no area speaks to a change, in one paragraph: the
    first of the `quoted` items with something recorded (its status, date and note), the
    school's local authority, and how far those checklist areas have got. Nothing when
    nothing there is recorded."""
    rows = [r for r in m.checklist() if r.area.id in areas]
    if not any(_recorded(r.entry) for r in rows):
        return []
    said = []
    row = next((r for i in quoted for r in rows if r.item.id == i and _recorded(r.entry)), None)
    if row is not None:
        e = row.entry
        due = f", due {formats.date(e.due, short=True)}" if e.due and e.status in OPEN else ""
        status = f"{ITEM_STATUS_LABELS[e.status].lower()}{due}"
        note = formats.briefly(e.note, QUOTED, "Appendix B") if e.note.strip() else row.item.text
        said += [bold(f"Recorded ({status}): "), f"{_as_sentence(note)} "]
    la = m.assessment.school.local_authority.strip()
    done = sum(r.entry.status is ItemStatus.DONE for r in rows)
    said.append(
        (f"Local authority: {la}; " if la else "")
        + f"{done} of {formats.count(len(rows), 'checklist item')} done."
    )
    return [join(*said)]


def _as_sentence(text: str) -> str:
    """`text` ending as a sentence does, so that what follows it starts a new one."""
    return text if text.endswith((".", "!", "?")) else f"{text}."


def _recorded(entry) -> bool:
    return entry.status is not ItemStatus.NOT_STARTED or bool(entry.note.strip())


def _cost(cost) -> str:
    """'£412,000 estimated', 'cost not yet known'."""
    if basis(cost) is CostBasis.UNKNOWN:
        return "cost not yet known"
    return f"{money(cost.amount)} {cost.basis.value}"


def _calls(m: BriefModel) -> list[Block]:
    """The areas grouped by what stays the school's call; each area's own words are in
    Areas at a glance."""
    kinds: dict[str, list[str]] = {k: [] for k in ("trip", "aligns", "keeps", "leaves", "open")}
    for rp in m.referents:
        kinds[call_kind(m, rp)].append(rp.referent.title)
    said = {
        "trip": ("Return trips", "the school keeps its practice and the trust adopts it."),
        "aligns": ("Aligning with the trust, with a target", ""),
        "keeps": ("Keeping its own practice, with a target", ""),
        "leaves": ("No target; the trust says what its schools decide there", ""),
    }
    items = []
    for kind, (label, then) in said.items():
        if kinds[kind]:
            items.append(lead(label, _areas(kinds[kind]) + (f": {then}" if then else ".")))
    if kinds["open"]:
        who = not_settled(m).removeprefix("Not yet settled: ").replace(" it ", " them ")
        items.append(lead("Not yet settled", f"{_areas(kinds['open'])}: {who}"))
    return [
        Heading("What stays the school's call", 2),
        Para(plain("Area by area in Areas at a glance; in short:"), "small"),
        Bullets(tuple(items)) if items else Para(plain("No areas are selected.")),
    ]


def _areas(titles: list[str]) -> str:
    """Areas by name, only counted when there are many (Areas at a glance names them)."""
    if len(titles) <= 3:
        return formats.names(titles)
    if len(titles) <= 6:
        return f"{formats.count(len(titles), 'area')} ({formats.names(titles)})"
    return formats.count(len(titles), "area")


MATTER = 6  # findings in the summary; every one is in Costs and in Due diligence


def matter(m: BriefModel) -> list:
    return ranked(m.inputs.findings)


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


def _missing(m: BriefModel) -> list[Block]:
    items = []
    open_items = [r for r in m.checklist() if r.entry.status in OPEN]
    if open_items:
        started = sum(r.entry.status == ItemStatus.IN_PROGRESS for r in open_items)
        items.append(
            plain(
                f"{formats.count(len(open_items), 'checklist item')} still open "
                f"({started} in progress); see Due diligence."
            )
        )
    thin = [rp.referent.title for rp in m.referents if low(m, rp)]
    if thin:
        items.append(
            plain(
                f"Low confidence in {formats.names(thin)}: the position there "
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
