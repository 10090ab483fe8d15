"""The dates that matter, in order, and the dates that contradict each other: a route step
or checklist item due after the joining date that must come before it; an item due after the
decision it informs; a target dated before its own steps; joining before the decision."""

from __future__ import annotations

import re
from collections import defaultdict

from ddwizard.core.assessment import ItemStatus
from ddwizard.report import formats
from ddwizard.report.blocks import Block, Bullets, Heading, Para, lead, plain
from ddwizard.report.inputs import day
from ddwizard.report.model import BriefModel

SETTLED = (ItemStatus.DONE, ItemStatus.NOT_APPLICABLE)
NAMED = 5  # items named in one contradiction; the rest counted (all are in Appendix B)
# A step whose action says it comes before joining must be dated before it.
_BEFORE_JOINING = re.compile(
    r"\bbefore (the school )?(joins|joining|transfer|conversion|converting|the transfer)\b", re.I
)
Month = tuple[int, int]


def build(m: BriefModel) -> list[Block]:
    clashes = contradictions(m)
    return [
        Heading("Dates that contradict each other", 2),
        Bullets(tuple(map(plain, clashes)))
        if clashes
        else Para(plain("No dates recorded here contradict each other.")),
        Heading("Dates in order", 2),
        *in_order(m),
    ]


def contradictions(m: BriefModel) -> list[str]:
    joining, decide = day(m.inputs.joining_on), day(m.decide_by)
    out = _targets_before_steps(m)
    if joining and decide and joining < decide:
        out.append(
            f"The proposed joining date ({formats.date(m.inputs.joining_on)}) is before the "
            f"board decides ({formats.date(m.decide_by)})."
        )
    if joining:
        out += _steps_after_joining(m, joining)
        late = [
            (r.item.text, r.entry.due)
            for r in m.checklist()
            if r.entry.status not in SETTLED and _after(r.entry.due, joining)
        ]
        found = {r.item.id for r in m.checklist() if r.entry.status not in SETTLED}
        late += [
            (f.title, f.due)
            for f in m.inputs.findings
            if f.item not in found and _after(f.due, joining)
        ]
        if late:
            out.append(
                f"Due after the joining date ({formats.date(m.inputs.joining_on)}), though "
                f"due diligence and the conversion's steps come before it: {_named(late)}."
            )
    else:
        out.append(
            "The joining date is not recorded, so route steps and checklist items "
            "cannot be checked against it."
        )
    if decide:
        informs = [
            (r.item.text, r.entry.due)
            for r in m.checklist()
            if r.area.side != "conversion"
            and r.entry.status not in SETTLED
            and _after(r.entry.due, decide)
        ]
        if informs:
            out.append(
                f"Due after the board decides ({formats.date(m.decide_by)}), though each "
                f"informs the decision: {_named(informs)}."
            )
    return out


def _after(value: str, limit) -> bool:
    when = day(value)
    return bool(when and when > limit)


def _named(items: list[tuple[str, str]]) -> str:
    shown = [f"{text.rstrip('.')} ({formats.date(due, short=True)})" for text, due in items]
    if len(shown) > NAMED:
        rest = len(shown) - NAMED
        shown = [*shown[:NAMED], f"{formats.count(rest, 'more item')} (Appendix B)"]
    return formats.names(shown)


def _targets_before_steps(m: BriefModel) -> list[str]:
    out = []
    for t in m.targets():
        title = m.placement.get(t.referent).referent.title
        end = day(t.by)
        for i, s in enumerate(t.steps, start=1):
            if end and _after(s.by, end):
                out.append(
                    f"{title}: the target is dated {formats.date(t.by)}, before its own "
                    f"step {i} ({formats.date(s.by)})."
                )
    return out


def _steps_after_joining(m: BriefModel, joining) -> list[str]:
    """Steps due after joining that must come before it: their action says so, or their
    target is due by the joining date."""
    out = []
    for t in m.targets():
        title = m.placement.get(t.referent).referent.title
        target_first = (end := day(t.by)) is not None and end <= joining
        for i, s in enumerate(t.steps, start=1):
            if _after(s.by, joining) and (target_first or _BEFORE_JOINING.search(s.action)):
                out.append(
                    f"{title}: step {i} is due {formats.date(s.by)}, after the joining date "
                    f"({formats.date(m.inputs.joining_on)}), though it must come before it."
                )
    return out


def _month(value: str) -> Month | None:
    d = day(value)
    return (d.year, d.month) if d else None


def in_order(m: BriefModel) -> list[Block]:
    """One row a month: the decision's dates, findings and targets due (by name), and how
    many route steps and open checklist items fall due."""
    said: dict[Month, list[str]] = defaultdict(list)
    for value, what in ((m.decide_by, "The board decides"), (m.inputs.joining_on, "Joining")):
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
