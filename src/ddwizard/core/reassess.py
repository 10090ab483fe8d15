"""Re-assessment: a new assessment of the same school and trust, starting from an earlier one.

It may use a newer questionnaire. What still fits is carried over (an answer whose question
and chosen option are both in the new questionnaire, with its note and evidence; each area's
confidence and note; the targets and the checklist); what no longer fits is dropped and named,
so nothing is lost without being said.
"""

from __future__ import annotations

from dataclasses import dataclass

from ddwizard.core.assessment import Answer, Assessment, Trust
from ddwizard.core.questionnaire import Questionnaire
from ddwizard.core.statuses import Status


@dataclass(frozen=True)
class Reassessment:
    assessment: Assessment
    carried: tuple[str, ...]  # question ids whose answers (or notes) came across
    dropped: tuple[str, ...]  # question ids whose answers could not: question or option gone


def _fits(answer: Answer, q: Questionnaire) -> bool:
    question = q.question(answer.question)
    if question is None:
        return False
    return answer.option is None or question.option(answer.option) is not None


def reassess(
    old: Assessment,
    questionnaire: Questionnaire,
    *,
    uid: str,
    assessed_on: str,
    label: str | None = None,
) -> Reassessment:
    """The new draft assessment (with `uid`, dated `assessed_on`) and what came across."""
    answers = [a for a in old.answers if _fits(a, questionnaire)]
    dropped = tuple(a.question for a in old.answers if not _fits(a, questionnaire))
    referents = {r.id for r in questionnaire.referents}
    items = set(questionnaire.checklist_items())
    if label is None:
        label = f"Re-assessment ({old.label})" if old.label else "Re-assessment"
    new = old.with_changes(
        # Against the trust's reference as it stands now, not as it stood for the earlier
        # one: storage starts a new assessment's copy from the trust's current reference.
        trust=Trust(old.trust.name),
        uid=uid,
        label=label,
        assessed_on=assessed_on,
        status=Status.DRAFT,
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
        referents=tuple(r for r in old.referents if r in referents),
        answers=tuple(answers),
        referent_notes=tuple(n for n in old.referent_notes if n.referent in referents),
        targets=tuple(t for t in old.targets if t.referent in referents),
        due_diligence=tuple(e for e in old.due_diligence if e.item in items),
    )
    return Reassessment(new, tuple(a.question for a in answers), dropped)


def newer_than(version: str, other: str) -> bool:
    """True when `version` is later than `other`: numerically where both are numbers
    ("10" after "9"), else part by part ("2.1" after "2")."""
    return _version_key(version) > _version_key(other)


def _version_key(version: str) -> tuple:
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in version.split("."))
