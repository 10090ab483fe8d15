"""Costs and timeline (one page): every finding with its cost and the totals by basis (known,
estimated, not yet known); then the dates (see `dates`)."""

from __future__ import annotations

from ddwizard.core.assessment import Cost, CostBasis
from ddwizard.report import formats
from ddwizard.report.blocks import Block, Heading, Para, Table, bold, plain
from ddwizard.report.board import dates
from ddwizard.report.inputs import basis, ranked
from ddwizard.report.model import BriefModel

BASIS_WORDS = {
    CostBasis.KNOWN: "Known",
    CostBasis.ESTIMATED: "Estimated",
    CostBasis.UNKNOWN: "Not yet known",
}
BRIEFLY = 160  # characters of a finding in the costs table; all of it in Due diligence
LEVEL_WORDS = {"serious": "Serious", "concern": "Concern", "note": "Note"}


def money(amount: float) -> str:
    return f"\u00a3{amount:,.0f}"


def cost_words(cost: Cost) -> str:
    if basis(cost) is CostBasis.UNKNOWN:
        return "Cost not yet known"
    return f"{money(cost.amount)} ({BASIS_WORDS[cost.basis].lower()})"


def build(m: BriefModel) -> list[Block]:
    out: list[Block] = [Heading("Costs and timeline", 1), Heading("Costs", 2)]
    findings = ranked(m.inputs.findings)
    if not findings:
        out.append(Para(plain("No due-diligence finding is recorded, so no cost either.")))
    else:
        rows = tuple(
            (
                bold(f.area),
                plain(formats.briefly(f.text, BRIEFLY, "Due diligence")),
                plain(LEVEL_WORDS[f.level]),
                plain(cost_words(f.cost)),
                plain(formats.date(f.due, short=True) or "No date"),
            )
            for f in findings
        )
        header = ("Area", "Finding", "Level", "Cost", "Due")
        out.append(Table(header, rows, (0.15, 0.39, 0.12, 0.18, 0.16), dense=True))
        out.append(totals(m))
    return out + dates.build(m)


def in_short(m: BriefModel) -> str:
    """The findings and their money in a sentence, for the cover."""
    found = m.inputs.findings
    if not found:
        return "No due-diligence finding is recorded."
    serious = sum(f.level == "serious" for f in found)
    costed = [f.cost.amount for f in found if basis(f.cost) is not CostBasis.UNKNOWN]
    unknown = len(found) - len(costed)
    said = formats.count(len(found), "finding") + (f" ({serious} serious)" if serious else "")
    if costed:
        said += f"; {money(sum(costed))} known or estimated"
    if unknown:
        said += f"; {formats.count(unknown, 'cost')} not yet known"
    return said + ". Costs and timeline has each one."


def totals(m: BriefModel) -> Table:
    """One row for each basis: how many findings, and what they add up to."""
    rows = []
    for b in CostBasis:
        costs = [f.cost for f in m.inputs.findings if basis(f.cost) is b]
        total = "Not yet known" if b is CostBasis.UNKNOWN else money(sum(c.amount for c in costs))
        rows.append(
            (bold(BASIS_WORDS[b]), plain(formats.count(len(costs), "finding")), plain(total))
        )
    costed = [f.cost.amount for f in m.inputs.findings if basis(f.cost) is not CostBasis.UNKNOWN]
    count = formats.count(len(costed), "finding")
    rows.append((bold("Known and estimated"), plain(count), bold(money(sum(costed)))))
    return Table(("Cost", "Findings", "Total"), tuple(rows), (0.3, 0.3, 0.4))
