"""What the options paper is about, worked out once: one school, each candidate trust with
its own board-paper model, and the comparison that sets their areas side by side.

Each trust keeps the :class:`BriefModel` its own board paper is built from, so the options
paper says a trust's positions, findings, costs and calls in the same words as that trust's
brief. Only the due diligence a school does on a trust (the checklist's `trust` side) is
compared: the school's own side is the same school whichever trust it joins.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ddwizard.core.assessment import ItemStatus
from ddwizard.core.compare import AreaComparison, Comparison, Kind
from ddwizard.core.errors import UserError
from ddwizard.core.placement import ReferentPlacement
from ddwizard.report.model import BriefModel, ChecklistRow, make_model

TRUST_SIDE = "trust"
OPEN = (ItemStatus.NOT_STARTED, ItemStatus.IN_PROGRESS)


class OptionsError(UserError):
    """The options paper could not be made; the message says why, in words."""


@dataclass(frozen=True)
class TrustOption:
    """One candidate trust: its assessment's model, its findings limited to the trust side."""

    name: str
    model: BriefModel  # inputs.findings: only those on the trust side of the checklist
    all_findings: int  # findings of every side, for saying what is left to the trust's brief

    @property
    def decision(self):
        return self.model.inputs.decision

    def placed(self, referent_id: str) -> ReferentPlacement | None:
        return self.model.placement.get(referent_id)

    def open_items(self) -> list[ChecklistRow]:
        """Trust-side checklist items not yet done, soonest due first."""
        rows = [r for r in trust_side(self.model) if r.entry.status in OPEN]
        return sorted(rows, key=lambda r: (not r.entry.due, r.entry.due))


@dataclass(frozen=True)
class OptionsModel:
    comparison: Comparison
    school: str
    options: tuple[TrustOption, ...]  # in the comparison's order

    @property
    def areas(self) -> tuple[AreaComparison, ...]:
        return self.comparison.areas

    @property
    def draft(self) -> bool:
        return any(o.model.draft for o in self.options)

    @property
    def names(self) -> list[str]:
        return [o.name for o in self.options]

    def decide_by(self) -> str:
        """The earliest date any option says the board must decide by ("" when none)."""
        dates = [o.decision.decide_by for o in self.options if o.decision and o.decision.decide_by]
        return min(dates) if dates else ""


def trust_side(m: BriefModel) -> list[ChecklistRow]:
    return [r for r in m.checklist() if r.area.side == TRUST_SIDE]


def options_model(c: Comparison) -> OptionsModel:
    """The options paper's model; only a comparison of candidate trusts makes one."""
    if c.kind != Kind.TRUSTS:
        raise OptionsError(
            f"an options paper compares candidate trusts for one school; these assessments "
            f"compare {c.kind.words}"
        )
    options = []
    for i, member in enumerate(c.members):
        full = make_model(member.assessment, member.questionnaire)
        on_trust = {r.item.id for r in trust_side(full)}
        findings = tuple(f for f in full.inputs.findings if f.item in on_trust)
        model = replace(full, inputs=replace(full.inputs, findings=findings))
        options.append(TrustOption(c.name(i), model, len(full.inputs.findings)))
    school = c.members[0].assessment.school.name or "the school"
    return OptionsModel(c, school, tuple(options))
