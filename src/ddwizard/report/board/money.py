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
                plain(f.title),
                plain(LEVEL_WORDS[f.level]),
                plain(cost_words(f.cost)),
                plain(formats.date(f.due, short=True) or "No date"),
            )
            for f in findings
        )
        header = ("Area", "Finding on", "Level", "Cost", "Due")
        out.append(Table(header, rows, (0.16, 0.42, 0.1, 0.18, 0.14), dense=True))
        out.append(totals(m))
    return out + dates.build(m)


def totals(m: BriefModel) -> Table:
    """One row for each basis: how many findings, and what they add up to."""
    rows = []
    for b in CostBasis:
        costs = [f.cost for f in m.inputs.findings if basis(f.cost) is b]
        total = "Not yet known" if b is CostBasis.UNKNOWN else money(sum(c.amount for c in costs))
        rows.append(
            (bold(BASIS_WORDS[b]), plain(formats.count(len(costs), "finding")), plain(total))
        )
    return Table(("Cost", "Findings", "Total"), tuple(rows), (0.3, 0.3, 0.4))
