"""What the board paper reads from the assessment beyond placements: the decision, and the
findings with where each was found.

Findings come from two places: a checklist entry whose finding has a level (level "none" is
no finding), and an answer flagged as below a legal or safety minimum (a finding on that
area and question, its text the answer's note, level serious, its cost not yet known).
Nothing is invented: what is missing stays missing, and the paper says who must record it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ddwizard.core.asked import of_assessment
from ddwizard.core.assessment import (
    AnswerFlag,
    Assessment,
    Cost,
    CostBasis,
    Decision,
    Finding,
    FindingLevel,
)
from ddwizard.core.questionnaire import Questionnaire

RANK = {FindingLevel.SERIOUS: 0, FindingLevel.CONCERN: 1, FindingLevel.NOTE: 2}
UNKNOWN_COST = Cost(None, CostBasis.UNKNOWN)


@dataclass(frozen=True, slots=True)
class Found:
    """A finding with where it was found: a checklist item, or an area's question."""

    finding: Finding
    item: str  # the checklist item's id, or the question's
    area: str  # the checklist area's title, or the area's
    title: str  # the checklist item's text, or the question's
    owner: str = ""
    due: str = ""
    from_answer: bool = False  # an answer below a minimum, not a checklist entry

    @property
    def level(self) -> FindingLevel:
        return self.finding.level

    @property
    def text(self) -> str:
        return self.finding.text

    @property
    def cost(self) -> Cost:
        """The recorded cost; a finding without one is not yet costed."""
        return self.finding.cost or UNKNOWN_COST


@dataclass(frozen=True, slots=True)
class BoardInputs:
    decision: Decision | None
    findings: tuple[Found, ...]

    @property
    def decide_by(self) -> str:
        return self.decision.decide_by if self.decision else ""

    @property
    def joining_on(self) -> str:
        return self.decision.joining_on if self.decision else ""


def board_inputs(a: Assessment, q: Questionnaire) -> BoardInputs:
    decision = a.decision if a.decision is not None and not a.decision.is_empty() else None
    return BoardInputs(decision, (*_checklist_findings(a, q), *_answer_findings(a, q)))


def _checklist_findings(a: Assessment, q: Questionnaire):
    items = q.checklist_items()
    seen: set[str] = set()
    for entry in a.due_diligence:
        if entry.item in seen or entry.item not in items:
            continue
        seen.add(entry.item)
        f = entry.finding
        if f is None or not f.matters:
            continue
        area, item = items[entry.item]
        if not f.text.strip():
            f = Finding(f.level, entry.note, f.cost)  # the item's note says what was found
        yield Found(f, entry.item, area.title, item.text, entry.owner, entry.due)


def _answer_findings(a: Assessment, q: Questionnaire):
    for r in of_assessment(q, a).referents:
        for question in r.questions:
            answer = a.answer(question.id)
            if answer is None or not answer.flagged(AnswerFlag.BELOW_MINIMUM):
                continue
            text = answer.note.strip() or "Recorded as below what law or guidance requires."
            finding = Finding(FindingLevel.SERIOUS, text, UNKNOWN_COST)
            yield Found(finding, question.id, r.title, question.text, from_answer=True)


# -- dates -------------------------------------------------------------------------------

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def day(value: str) -> dt.date | None:
    """The last day a date can mean: 2027-09 is 30 September 2027. None if not a date."""
    value = (value or "").strip()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        m = _MONTH.match(value)
        if not m or not 1 <= int(m.group(2)) <= 12:
            return None
        y, mo = int(m.group(1)), int(m.group(2))
        return dt.date(y + mo // 12, mo % 12 + 1, 1) - dt.timedelta(days=1)


def ranked(findings: tuple[Found, ...]) -> list[Found]:
    """Serious before concern before note; the largest cost first within a level, otherwise
    in the order recorded."""
    return sorted(findings, key=lambda f: (RANK.get(f.level, 3), -(f.cost.amount or 0)))


def basis(cost: Cost) -> CostBasis:
    """Known, estimated, or not yet known (an amount without a basis is not yet known)."""
    return cost.basis if cost.amount is not None else CostBasis.UNKNOWN
