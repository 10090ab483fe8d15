"""What is still open in an assessment, in words: asked before it is marked final and shown
on the review step (unanswered questions of the core set, and of all questions when every
one is shown; due-diligence items not done; the findings the board will weigh; what the
decision still lacks, or its dates that contradict each other; targets not yet agreed)."""

from __future__ import annotations

from ddwizard.core.assessment import FindingLevel, ItemStatus, TargetStatus
from ddwizard.ui.pages.decision import joining_before_decision

SETTLED = (ItemStatus.DONE, ItemStatus.NOT_APPLICABLE)
LEVEL_WORDS = {
    FindingLevel.SERIOUS: ("serious", "serious"),
    FindingLevel.CONCERN: ("concern", "concerns"),
    FindingLevel.NOTE: ("note", "notes"),
}
NAMED = 3  # findings named in the line; the rest are counted


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def still_open(model) -> list[str]:
    """One line per kind of thing still open (none: nothing is)."""
    a = model.assessment
    lines = [unanswered_words(model), _items(model), _findings(model), _decision(a), _targets(a)]
    return [line for line in lines if line]


def unanswered_words(model) -> str:
    """The questions without an answer, in plain words: of the core set while the pages show
    only that (the questions a first visit asks), and of all questions too once they show
    every one ("" when none is left of those shown)."""
    from ddwizard.core.asked import unanswered

    left = unanswered(model.selected_referents(), model.assessment)
    every = f"{len(left.every)} of all {_plural(left.total, 'question', 'questions')}"
    if not model.offers_core():
        return f"{every} without an answer" if left.every else ""
    core = f"{len(left.core)} of {_plural(left.core_total, 'core question', 'core questions')}"
    if model.core_only() or not left.every:
        return f"{core} without an answer" if left.core else ""
    if not left.core:
        return f"Every core question answered; {every} without an answer"
    return f"{core} without an answer, and {every}"


def _items(model) -> str:
    status = {e.item: e.status for e in model.assessment.due_diligence}
    items = [i for area in model.questionnaire.due_diligence for i in area.items]
    left = [i for i in items if status.get(i.id, ItemStatus.NOT_STARTED) not in SETTLED]
    if not left:
        return ""
    return _plural(len(left), "due-diligence item", "due-diligence items") + " not done"


def _findings(model) -> str:
    """The findings, gravest first, some named: a board weighs them before it decides."""
    texts = {i.id: i.text for area in model.questionnaire.due_diligence for i in area.items}
    order = list(LEVEL_WORDS)
    found = sorted(
        (e for e in model.assessment.due_diligence if e.finding and e.finding.matters),
        key=lambda e: order.index(e.finding.level),
    )
    if not found:
        return ""
    counts = []
    for level, (one, many) in LEVEL_WORDS.items():
        if n := sum(1 for e in found if e.finding.level is level):
            counts.append(_plural(n, one, many))
    named = [
        (e.finding.text.strip() or texts.get(e.item, e.item)).rstrip(". ") for e in found[:NAMED]
    ]
    more = f" and {len(found) - NAMED} more" if len(found) > NAMED else ""
    head = _plural(len(found), "due-diligence finding", "due-diligence findings")
    return f"{head} ({', '.join(counts)}): {'; '.join(named)}{more}"


def _decision(a) -> str:
    d = a.decision
    if d is None:
        return "No decision recorded: the question for the governing board and when it decides"
    lacks = [
        words
        for words, value in (
            ("the question for the board", d.question),
            ("the date it decides by", d.decide_by),
            ("a recommendation", d.recommendation),
        )
        if not value.strip()
    ]
    if lacks:
        return "The decision still needs " + _and(lacks)
    return joining_before_decision(d).rstrip(".")


def _targets(a) -> str:
    proposed = [t for t in a.targets if t.status is not TargetStatus.AGREED]
    if not proposed:
        return ""
    return _plural(len(proposed), "target", "targets") + " not yet agreed"


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
