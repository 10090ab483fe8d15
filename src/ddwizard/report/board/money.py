"""Costs and timeline (one page): findings with their cost and totals by basis; the dates
that matter, in order; dates that contradict each other."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from ddwizard.core.assessment import ItemStatus
from ddwizard.report import formats
from ddwizard.report.blocks import Block, Bullets, Heading, Para, Table, bold, plain
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
                plain(f.owner or "Not recorded"),
            )
            for f in findings
        )
        out.append(
            Table(
                ("Area", "Finding on", "Cost", "Due", "Owner"),
                rows,
                (0.17, 0.43, 0.15, 0.11, 0.14),
                dense=True,
            )
        )
    out.append(Para(plain(totals(m)), "small"))
    out += [Heading("Dates in order", 2), _dates(m)]
    out += [Heading("Dates that contradict each other", 2)]
    clashes = contradictions(m)
    out.append(
        Bullets(tuple(map(plain, clashes)))
        if clashes
        else Para(plain("No dates recorded here contradict each other."))
    )
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
    text = "Totals: " + "; ".join(parts) + "."
    if unrecorded:
        text += (
            f" {formats.count(unrecorded, 'finding')} without a cost recorded: the "
            "finding's owner should record one, or say it is not yet known."
        )
    return text


def _events(m: BriefModel) -> list[tuple[dt.date, str]]:
    ev: list[tuple[dt.date, str]] = []
    d = m.inputs.decision
    if d is not None:
        for value, what in ((d.decide_by, "The board decides"), (d.joining_on, "Joining date")):
            if day(value):
                ev.append((day(value), what))
    for f in m.inputs.findings:
        if day(f.due):
            ev.append((day(f.due), f"{f.area} finding due"))
    for t in m.targets():
        title = m.placement.get(t.referent).referent.title
        if day(t.by):
            ev.append((day(t.by), f"Target: {title}"))
    return ev


def _dates(m: BriefModel) -> Block:
    by_month: dict[tuple[int, int], list[str]] = defaultdict(list)
    for when, what in sorted(_events(m), key=lambda e: e[0]):
        by_month[(when.year, when.month)].append(what)
    steps: dict[tuple[int, int], int] = defaultdict(int)
    for t in m.targets():
        for s in t.steps:
            if day(s.by):
                steps[(day(s.by).year, day(s.by).month)] += 1
    items: dict[tuple[int, int], int] = defaultdict(int)
    for row in m.checklist():
        if row.entry.status in (ItemStatus.NOT_STARTED, ItemStatus.IN_PROGRESS) and day(
            row.entry.due
        ):
            items[(day(row.entry.due).year, day(row.entry.due).month)] += 1
    rows = []
    for key in sorted(set(by_month) | set(steps) | set(items)):
        what = list(by_month.get(key, []))
        if steps.get(key):
            what.append(formats.count(steps[key], "route step") + " due")
        if items.get(key):
            what.append(formats.count(items[key], "open checklist item") + " due")
        month = formats.date(f"{key[0]}-{key[1]:02d}")
        rows.append((bold(month), plain("; ".join(what))))
    if not rows:
        return Para(plain("No dates are recorded."))
    return Table(("Month", "What falls due"), tuple(rows), (0.18, 0.82), dense=True)


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
