"""Costs and timeline (one page): findings with their cost and totals by basis; the dates
that matter, in order; dates that contradict each other."""

from __future__ import annotations

from collections import defaultdict

from ddwizard.core.assessment import ItemStatus
from ddwizard.report import formats
from ddwizard.report.blocks import Block, Bullets, Heading, Para, Table, bold, lead, plain
from ddwizard.report.inputs import Cost, day
from ddwizard.report.model import BriefModel

BASIS_WORDS = {"known": "known", "estimated": "estimated", "unknown": "not yet known"}


def money(amount: float) -> str:
    return f"\u00a3{amount:,.0f}"


def cost_words(cost: Cost | None) -> str:
    if cost is None:
        return "Cost not recorded"
    if cost.amount is None or cost.basis == "unknown":
        return "Cost not yet known"
    return f"{money(cost.amount)} ({BASIS_WORDS[cost.basis]})"


def build(m: BriefModel) -> list[Block]:
    out: list[Block] = [Heading("Costs and timeline", 1), Heading("Costs", 2)]
    findings = m.inputs.findings
    if findings:
        rows = tuple(
            (
                bold(f.area),
                plain(f.title),
                plain(cost_words(f.cost)),
                plain(formats.date(f.due, short=True) or "No date"),
            )
            for f in findings
        )
        out.append(
            Table(
                ("Area", "Finding on", "Cost", "Due"),
                rows,
                (0.16, 0.54, 0.16, 0.14),
                dense=True,
            )
        )
    out.append(Para(plain(totals(m)), "small"))
    out += [Heading("Dates that contradict each other", 2)]
    clashes = contradictions(m)
    out.append(
        Bullets(tuple(map(plain, clashes)))
        if clashes
        else Para(plain("No dates recorded here contradict each other."))
    )
    out += [Heading("Dates in order", 2), *_dates(m)]
    return out


def totals(m: BriefModel) -> str:
    sums: dict[str, float] = defaultdict(float)
    unknown = unrecorded = 0
    for f in m.inputs.findings:
        if f.cost is None:
            unrecorded += 1
        elif f.cost.amount is None or f.cost.basis == "unknown":
            unknown += 1
        else:
            sums[f.cost.basis] += f.cost.amount
    parts = [
        f"known {money(sums['known'])}",
        f"estimated {money(sums['estimated'])}",
        f"not yet known: {formats.count(unknown, 'finding')}",
    ]
    text = "Totals: " + "; ".join(parts) + "." if sums or unknown else "No cost is recorded yet."
    if unrecorded:
        text += (
            f" {formats.count(unrecorded, 'finding')} without a cost recorded: the "
            "finding's owner should record one, or say it is not yet known."
        )
    return text


Month = tuple[int, int]


def _month(value: str) -> Month | None:
    d = day(value)
    return (d.year, d.month) if d else None


def _dates(m: BriefModel) -> list[Block]:
    """One row a month: the decision's dates, findings and targets due (by name), and how
    many route steps and open checklist items fall due."""
    said: dict[Month, list[str]] = defaultdict(list)
    d = m.inputs.decision
    if d is not None:
        for value, what in ((d.decide_by, "The board decides"), (d.joining_on, "Joining")):
            if _month(value):
                said[_month(value)].append(f"{what} ({formats.date(value)})")
    named: dict[tuple[Month, str], list[str]] = defaultdict(list)
    for f in m.inputs.findings:
        if _month(f.due) and f.area not in named[(_month(f.due), "Findings due")]:
            named[(_month(f.due), "Findings due")].append(f.area)
    for t in m.targets():
        if _month(t.by):
            named[(_month(t.by), "Targets")].append(m.placement.get(t.referent).referent.title)
    counted: dict[tuple[Month, str], int] = defaultdict(int)
    for t in m.targets():
        for step in t.steps:
            if _month(step.by):
                counted[(_month(step.by), "route step")] += 1
    for row in m.checklist():
        is_open = row.entry.status in (ItemStatus.NOT_STARTED, ItemStatus.IN_PROGRESS)
        if is_open and _month(row.entry.due):
            counted[(_month(row.entry.due), "open checklist item")] += 1
    months = set(said) | {k[0] for k in named} | {k[0] for k in counted}
    if not months:
        return [Para(plain("No dates are recorded."))]
    out: list[Block] = []
    for key in sorted(months):
        what = list(said.get(key, []))
        for kind in ("Findings due", "Targets"):
            if named.get((key, kind)):
                what.append(f"{kind}: {formats.names(named[(key, kind)])}")
        for kind in ("route step", "open checklist item"):
            if counted.get((key, kind)):
                what.append(formats.count(counted[(key, kind)], kind))
        month = formats.date(f"{key[0]}-{key[1]:02d}")
        out.append(Para(lead(month, "; ".join(what) + "."), "small"))
    return out


def contradictions(m: BriefModel) -> list[str]:
    """Steps or checklist items due after the joining date; items due after the decision
    they inform; targets dated before their own steps."""
    out = []
    d = m.inputs.decision
    joining = day(d.joining_on) if d else None
    decide = day(d.decide_by) if d else None
    for t in m.targets():
        title = m.placement.get(t.referent).referent.title
        end = day(t.by)
        for i, s in enumerate(t.steps, start=1):
            when = day(s.by)
            if end and when and when > end:
                out.append(
                    f"{title}: step {i} is due {formats.date(s.by)}, after the "
                    f"target's own date, {formats.date(t.by)}."
                )
    for f in m.inputs.findings:
        when = day(f.due)
        if decide and when and when > decide:
            out.append(
                f"{f.title}: due {formats.date(f.due)}, after the board decides "
                f"({formats.date(d.decide_by)}), though it informs the decision."
            )
        if joining and when and when > joining:
            out.append(
                f"{f.title}: due {formats.date(f.due)}, after the joining date "
                f"({formats.date(d.joining_on)})."
            )
    if joining:
        found = {f.item for f in m.inputs.findings}  # (said above)
        for row in m.checklist():
            when = day(row.entry.due)
            if row.item.id in found or row.entry.status == ItemStatus.NOT_APPLICABLE:
                continue
            if when and when > joining:
                out.append(
                    f"Checklist: {row.item.text.rstrip('.')} is due "
                    f"{formats.date(row.entry.due)}, after the joining date."
                )
    if not joining:
        out.append(
            "The joining date is not recorded, so route steps and checklist items "
            "cannot be checked against it."
        )
    return out
