"""The questions the board should ask, drawn from what the paper found: the money, the
findings with no cost yet, the serious findings, dates that contradict each other, areas
not yet settled, what joining changes, and where the evidence is thin."""

from __future__ import annotations

from ddwizard.core.assessment import Confidence, CostBasis, FindingLevel
from ddwizard.report import formats
from ddwizard.report.board.dates import contradictions
from ddwizard.report.board.money import money
from ddwizard.report.inputs import basis, ranked
from ddwizard.report.model import BriefModel
from ddwizard.report.words import call_kind

MAX_QUESTIONS = 8
NAMED = 3  # costs named in the question on money


def ask(m: BriefModel) -> list[str]:
    out = [*_money(m), *_serious(m)]
    if any(not c.startswith("The joining date is not recorded") for c in contradictions(m)):
        out.append(
            "Some dates contradict each other (see Costs and timeline): which will move, "
            "and does any of them change what the board decides?"
        )
    unsettled = [rp.referent.title for rp in m.referents if call_kind(m, rp) == "open"]
    if unsettled:
        out.append(
            f"Who settles what stays the school's call in {formats.areas(unsettled)} not yet "
            "settled, and will the board see it before it decides?"
        )
    out.append("What will our local committee decide, and what will it no longer decide?")
    out.append("What happens to our reserves and our budget on joining?")
    if not m.inputs.joining_on:
        out.append("What is the proposed joining date, and what must be done before it?")
    thin = [rp.referent.title for rp in m.referents if low(m, rp)]
    if thin:
        out.append(f"What evidence would firm up the picture in {formats.names(thin)}?")
    return out[:MAX_QUESTIONS]


def _money(m: BriefModel) -> list[str]:
    found = ranked(m.inputs.findings)
    costed = [f for f in found if basis(f.cost) is not CostBasis.UNKNOWN]
    out = []
    if costed:
        largest = sorted(costed, key=lambda f: -f.cost.amount)[:NAMED]
        named = formats.names([f"{f.area} {money(f.cost.amount)}" for f in largest])
        more = ", among them " if len(costed) > NAMED else ": "
        out.append(
            f"Who meets the {money(sum(f.cost.amount for f in costed))} of costs found"
            f"{more}{named}? What if they rise?"
        )
    uncosted = list(dict.fromkeys(f.area for f in found if basis(f.cost) is CostBasis.UNKNOWN))
    if uncosted:
        out.append(
            f"The findings on {formats.names(uncosted)} have no cost yet: what will each "
            "cost, who pays, and is it settled before the school joins?"
        )
    return out


def _serious(m: BriefModel) -> list[str]:
    serious = [f for f in ranked(m.inputs.findings) if f.level is FindingLevel.SERIOUS]
    d = m.inputs.decision
    # With conditions recorded, the board checks them rather than being asked what page 1
    # may already answer.
    then = (
        "do the conditions on page 1 cover it?"
        if d is not None and d.conditions
        else "is that a condition of joining?"
    )
    return [
        f"{f.area}: {formats.briefly(f.text, 90).rstrip('.')}. How and by when is it put "
        f"right, and {then}"
        for f in serious[:2]
    ]


def low(m: BriefModel, rp) -> bool:
    """Whether the assessor's confidence is low on either axis of an area."""
    return Confidence.LOW in (m.confidence(rp.referent.id, a) for a in ("practice", "purpose"))
