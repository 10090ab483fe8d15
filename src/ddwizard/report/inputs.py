"""What the board paper needs beyond placements, as explicit typed inputs.

The decision, findings with their cost, who agreed each target, each step's owner and who
needs to know, and what the trust leaves its schools to decide: :func:`board_inputs` reads
them from the assessment where it records them, and otherwise derives only what today's data
supports (a checklist item marked as a concern is a finding, its note the text, its cost not
recorded). Nothing is invented: what is missing stays missing, and the paper says who must
record it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ddwizard.core.assessment import Assessment, ItemStatus, Target
from ddwizard.core.questionnaire import Questionnaire

BASES = ("known", "estimated", "unknown")
LEVELS = ("serious", "concern", "note")  # levels that make a finding, most serious first


@dataclass(frozen=True, slots=True)
class Decision:
    question: str = ""
    decide_by: str = ""
    joining_on: str = ""
    school_reasons: str = ""
    trust_reasons: str = ""
    recommendation: str = ""
    conditions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Cost:
    amount: float | None
    basis: str  # known | estimated | unknown


@dataclass(frozen=True, slots=True)
class Finding:
    item: str  # checklist item id
    area: str  # checklist area title
    title: str  # checklist item text
    level: str  # serious | concern | note
    text: str
    cost: Cost | None  # None: no cost recorded
    owner: str = ""
    due: str = ""


@dataclass(frozen=True, slots=True)
class Agreement:
    status: str = ""  # proposed | agreed | "" (not recorded)
    by: str = ""
    on: str = ""


@dataclass(frozen=True, slots=True)
class BoardInputs:
    decision: Decision | None
    findings: tuple[Finding, ...]
    assessor_role: str = ""
    perspective: str = ""
    school_decides: dict[str, str] | None = None  # referent id -> the trust's words

    def decides(self, referent_id: str) -> str:
        return (self.school_decides or {}).get(referent_id, "")


def board_inputs(a: Assessment, q: Questionnaire) -> BoardInputs:
    return BoardInputs(
        decision=_decision(getattr(a, "decision", None)),
        findings=tuple(_findings(a, q)),
        assessor_role=str(getattr(a, "assessor_role", "") or ""),
        perspective=str(getattr(a, "perspective", "") or ""),
        school_decides={
            r.referent: str(getattr(r, "school_decides", "") or "")
            for r in a.trust.reference
            if str(getattr(r, "school_decides", "") or "").strip()
        },
    )


def agreement(t: Target) -> Agreement:
    return Agreement(
        str(getattr(t, "status", "") or ""),
        str(getattr(t, "agreed_by", "") or ""),
        str(getattr(t, "agreed_on", "") or ""),
    )


def step_people(step) -> tuple[str, str]:
    """A step's owner and who needs to know ("" where not recorded)."""
    return str(getattr(step, "owner", "") or ""), str(getattr(step, "tell", "") or "")


def _decision(d) -> Decision | None:
    if d is None:
        return None
    fields = ("question", "decide_by", "joining_on", "school_reasons", "trust_reasons")
    values = {f: str(getattr(d, f, "") or "") for f in (*fields, "recommendation")}
    conditions = tuple(str(c) for c in getattr(d, "conditions", ()) or () if str(c).strip())
    decision = Decision(**values, conditions=conditions)
    return decision if any(values.values()) or conditions else None


def _findings(a: Assessment, q: Questionnaire):
    items = q.checklist_items()
    seen: set[str] = set()
    for entry in a.due_diligence:
        if entry.item in seen or entry.item not in items:
            continue
        seen.add(entry.item)
        area, item = items[entry.item]
        f = getattr(entry, "finding", None)
        level = str(getattr(f, "level", "") or "") if f is not None else ""
        if level in LEVELS:
            text, cost = str(getattr(f, "text", "") or entry.note), _cost(getattr(f, "cost", None))
        elif entry.status == ItemStatus.CONCERN:
            level, text, cost = "concern", entry.note, None
        else:
            continue
        yield Finding(entry.item, area.title, item.text, level, text, cost, entry.owner, entry.due)


def _cost(c) -> Cost | None:
    if c is None:
        return None
    basis = str(getattr(c, "basis", "") or "unknown")
    amount = getattr(c, "amount", None)
    return Cost(
        float(amount) if amount is not None else None, basis if basis in BASES else "unknown"
    )


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
