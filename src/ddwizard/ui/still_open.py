"""What is still open in an assessment, in words: asked before it is marked final and shown
on the review step (unanswered questions, core ones counted apart; due-diligence items not
done; items with a finding)."""

from __future__ import annotations

from ddwizard.core.assessment import ItemStatus

SETTLED = (ItemStatus.DONE, ItemStatus.NOT_APPLICABLE)


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def still_open(model) -> list[str]:
    """One line per kind of thing still open (none: nothing is)."""
    a, q = model.assessment, model.questionnaire
    chosen = a.chosen()
    todo = [x for r in model.selected_referents() for x in r.questions if x.id not in chosen]
    core = sum(1 for x in todo if getattr(x, "core", False))
    status = {e.item: e.status for e in a.due_diligence}
    found = {e.item for e in a.due_diligence if e.finding is not None and e.finding.matters}
    items = [i for area in q.due_diligence for i in area.items]
    not_done = [i for i in items if status.get(i.id, ItemStatus.NOT_STARTED) not in SETTLED]
    findings = [i.text for i in items if i.id in found]
    lines = []
    if todo:
        of_them = f" ({core} of them core questions)" if core else ""
        questions = _plural(len(todo), "question", "questions")
        lines.append(f"{questions} without an answer{of_them}")
    if not_done:
        items_left = _plural(len(not_done), "due-diligence item", "due-diligence items")
        lines.append(f"{items_left} not done")
    if findings:
        more = f" and {len(findings) - 3} more" if len(findings) > 3 else ""
        named = "; ".join(findings[:3]) + more
        lines.append(_plural(len(findings), "item", "items") + f" with a finding: {named}")
    return lines
