"""The PDF integration brief: how long a fully answered brief takes to render.

The issue's budget is "about a second" for the default questionnaire fully answered
(~18 areas of 6 questions with notes). The shipped default has grown (23 areas, 154
questions, 128 checklist items), so both are measured: the shipped one as it is, and one cut
to the size the budget was written for.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

from harness import Figure, interleaved
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate

from ddwizard.core.qfile import load_questionnaire
from ddwizard.core.questionnaire import Axis
from ddwizard.report import render_brief
from ddwizard.resources import default_questionnaire_path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.report.builders import filled_assessment  # noqa: E402


def cut_to_budget_size(q, areas: int = 18, per_axis: int = 3):
    """The first `areas` areas with `per_axis` questions on each axis."""
    referents = []
    for r in q.referents[:areas]:
        qs = r.on_axis(Axis.PRACTICE)[:per_axis] + r.on_axis(Axis.PURPOSE)[:per_axis]
        referents.append(dataclasses.replace(r, questions=qs))
    return dataclasses.replace(q, referents=tuple(referents))


def bare_document(q, a) -> bytes:
    """The baseline: the same questions, answers and notes as plain paragraphs, one pass."""
    import io

    style = getSampleStyleSheet()["BodyText"]
    story = []
    for r in q.referents:
        story.append(Paragraph(r.title, style))
        for qu in r.questions:
            answer = a.answer(qu.id)
            story.append(Paragraph(qu.text, style))
            if answer is not None:
                story += [Paragraph(answer.option or "", style), Paragraph(answer.note, style)]
    for e in a.due_diligence:
        story.append(Paragraph(f"{e.item} {e.status} {e.owner} {e.due} {e.note}", style))
    out = io.BytesIO()
    SimpleDocTemplate(out).build(story)
    return out.getvalue()


def run_all() -> list[Figure]:
    shipped = load_questionnaire(default_questionnaire_path())
    figures = []
    for name, q in (
        ("brief: budget size (18 areas x 6 questions, notes)", cut_to_budget_size(shipped)),
        ("brief: shipped default (23 areas, 154 questions)", shipped),
    ):
        a = filled_assessment(q)
        brief, bare = interleaved(
            lambda q=q, a=a: render_brief(a, q), lambda q=q, a=a: bare_document(q, a), rounds=5
        )
        # The budget of the performance issue: at most 2x a bare document of the same
        # text and font. Two layout passes (for page references), tables, figures and
        # font fallback cost more than that today (about 1 s in all): see the issue.
        figures.append(Figure(name, brief, bare, 2.0, note="about 1 s"))
    return figures


if __name__ == "__main__":
    from harness import table

    print(table(run_all()))
