"""The options paper's first pages: the decision, the options, and the summary a governing
board reads before anything else (why each trust, how each sits, where they differ most)."""

from __future__ import annotations

from ddwizard.core.assessment import CostBasis
from ddwizard.report import formats
from ddwizard.report.blocks import Block, Bullets, Heading, Para, Table, bold, join, lead, plain
from ddwizard.report.board.areas import spread
from ddwizard.report.board.cover import PERSPECTIVES
from ddwizard.report.board.money import money
from ddwizard.report.board.questions import ask as questions
from ddwizard.report.inputs import basis
from ddwizard.report.options_model import OptionsModel, TrustOption
from ddwizard.report.words import axis_words

MISSING = "Not recorded yet"
DIFFER = 0.5  # a difference this large on an axis is one the board should see
SHOWN = 8  # differences in the summary; every area is in the side-by-side table
ASKED = 4  # questions per trust


def cover(om: OptionsModel) -> list[Block]:
    out: list[Block] = [
        Heading(f"Options paper: {om.school}", 1),
        Para(
            plain(f"Candidate trusts side by side: {formats.names(om.names)}. For decision."),
            "lead",
        ),
        Heading("The decision", 2),
        *_decision(om),
        Heading("The options", 2),
        _options(om),
        Heading("About this paper", 2),
        Para(
            join(
                bold("How to read it. "),
                "Page 2 summarises the choice. Then each area of school life with each trust, "
                "in words; what would stay the school's call with each; and what the school's "
                "due diligence found about each trust, with costs. Each position is relative "
                "to that trust: \u201cthe trust's\u201d means the trust named above it. Like "
                "the trust and unlike the trust are descriptions, never marks of quality.",
            ),
            "small",
        ),
        Para(
            lead(
                "Confidential",
                f"prepared for the governing board of {om.school}; please do not share it "
                "further without the agreement of the trusts named.",
            ),
            "small",
        ),
    ]
    return out


def _decision(om: OptionsModel) -> list[Block]:
    recorded = [o for o in om.options if o.decision is not None]
    out: list[Block] = []
    if not recorded:
        out.append(
            Para(
                join(
                    bold("No decision is recorded yet. "),
                    "Before this paper goes to the board, "
                    f"{_who(om.options)} must record, in each assessment's Decision part, the "
                    "question for the board, the date it must decide by and the proposed "
                    "joining date with that trust.",
                )
            )
        )
    asked = list(dict.fromkeys(o.decision.question for o in recorded if o.decision.question))
    rows = [
        ("The board is asked", " / ".join(asked)),
        ("Decide by", formats.date(om.decide_by())),
    ]
    out.append(_facts(rows))
    if recorded:
        out.append(_per_trust(om))
        missing = [o for o in om.options if o.decision is None]
        if missing:
            out.append(
                Para(
                    lead(
                        "Not recorded for " + formats.names([o.name for o in missing]),
                        f"{_who(missing)} must record the decision in the assessment's "
                        "Decision part.",
                    ),
                    "small",
                )
            )
    return out


def _who(options: list[TrustOption] | tuple[TrustOption, ...]) -> str:
    """Who prepared each assessment, so the paper can say who must record what is missing."""
    people = [
        f"{o.model.assessment.assessor} (for {o.name})"
        for o in options
        if o.model.assessment.assessor
    ]
    return formats.names(people) if people else "whoever prepared each assessment"


def _per_trust(om: OptionsModel) -> Table:
    rows = []
    for o in om.options:
        d = o.decision
        rows.append(
            (
                bold(o.name),
                plain(formats.date(d.joining_on) if d and d.joining_on else MISSING),
                plain(d.recommendation if d and d.recommendation else MISSING),
                plain("; ".join(d.conditions) if d and d.conditions else "None recorded"),
            )
        )
    return Table(
        ("With", "Proposed joining date", "Recommendation", "Conditions"),
        tuple(rows),
        (0.2, 0.18, 0.31, 0.31),
        dense=True,
    )


def _options(om: OptionsModel) -> Table:
    rows = []
    for o in om.options:
        a = o.model.assessment
        role = a.assessor_role.strip() or "role not recorded"
        view = PERSPECTIVES.get(a.perspective or "", "perspective not recorded")
        when = " \u00b7 ".join(x for x in (a.label, formats.date(a.assessed_on)) if x)
        status = "Draft" if o.model.draft else "Final"
        rows.append(
            (
                bold(o.name),
                plain(f"{when or 'Undated'} ({status})"),
                plain(f"{a.assessor or 'Assessor not recorded'} ({role}); {view}"),
            )
        )
    return Table(("Trust", "Assessment", "Prepared by"), tuple(rows), (0.26, 0.3, 0.44))


def _facts(rows: list[tuple[str, str]]) -> Table:
    body = tuple((bold(k), plain(v or MISSING)) for k, v in rows)
    return Table(("The decision", "As recorded"), body, (0.3, 0.7))


def summary(om: OptionsModel) -> list[Block]:
    out: list[Block] = [Heading("Summary", 1), Heading("Why each side wants this", 2)]
    for o in om.options:
        d = o.decision
        school = d.school_reasons if d and d.school_reasons else MISSING
        trust = d.trust_reasons if d and d.trust_reasons else MISSING
        out.append(Para(join(bold(f"With {o.name}. "), lead("The school", school + " "))))
        out.append(Para(lead("The trust", trust), "small"))
    out += [Heading("Each trust at a glance", 2), _glance(om)]
    out += [Heading("Where the trusts differ most", 2), *differences(om)]
    out.append(Heading("Questions the board should ask each trust", 2))
    for o in om.options:
        asked = questions(o.model)[:ASKED]
        out.append(Para(bold(o.name)))
        out.append(Bullets(tuple(map(plain, asked))))
    return out


def _glance(om: OptionsModel) -> Table:
    rows = []
    for o in om.options:
        found = o.model.inputs.findings
        said = _levels([f.level.value for f in found])
        found_words = formats.count(len(found), "finding").capitalize()
        findings = f"{found_words}{f' ({said})' if said else ''}. {_totals(found)}"
        still = formats.count(len(o.open_items()), "item")
        rows.append((bold(o.name), plain(spread(o.model)), plain(findings), plain(still)))
    return Table(
        (
            "Trust",
            "How the areas sit",
            "Due diligence on the trust: findings and costs",
            "Still open",
        ),
        tuple(rows),
        (0.18, 0.3, 0.42, 0.1),
        dense=True,
    )


def _totals(found) -> str:
    """What the findings add up to, by basis, in a sentence."""
    sums = {b: 0.0 for b in CostBasis}
    unknown = 0
    for f in found:
        if basis(f.cost) is CostBasis.UNKNOWN:
            unknown += 1
        else:
            sums[f.cost.basis] += f.cost.amount
    if not found:
        return "No cost."
    return (
        f"Known {money(sums[CostBasis.KNOWN])}; estimated {money(sums[CostBasis.ESTIMATED])}; "
        f"not yet known: {formats.count(unknown, 'finding')}."
    )


def _levels(levels: list[str]) -> str:
    """'1 serious, 2 concerns': the levels found, most serious first."""
    plural = {"serious": "serious", "concern": "concerns", "note": "notes"}
    return ", ".join(
        formats.count(levels.count(level), level, plural[level])
        for level in ("serious", "concern", "note")
        if level in levels
    )


def differences(om: OptionsModel) -> list[Block]:
    """Areas where the trusts' positions are DIFFER or more apart on an axis, largest first,
    each trust's position said in words."""
    items = []
    for area in om.comparison.by_gap():
        for axis in ("practice", "purpose"):
            gap = area.gap(axis)
            if gap is None or gap < DIFFER - 1e-9:
                continue
            views = []
            for o, p in zip(om.options, area.points, strict=True):
                value = getattr(p, axis)
                words = axis_words(axis, value).removeprefix(f"{axis} ")
                views.append(f"with {o.name}, {words}")
            items.append(lead(f"{area.title}, {axis}", "; ".join(views) + "."))
    if not items:
        return [Para(plain("No area differs by 0.5 or more on either axis between the trusts."))]
    out: list[Block] = [Bullets(tuple(items[:SHOWN]))]
    if len(items) > SHOWN:
        out.append(
            Para(plain(f"{len(items) - SHOWN} more: see Each area, trust by trust."), "small")
        )
    return out
