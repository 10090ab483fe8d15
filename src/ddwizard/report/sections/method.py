"""The method appendix: the framework in our own words, the arithmetic, the sources, and what
was left unanswered in this assessment."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from ddwizard import written_by
from ddwizard.core.placement import BORDERLINE, Quadrant
from ddwizard.report import formats, narrative, text
from ddwizard.report.flow import Paragraph, gap, heading, table
from ddwizard.report.model import BriefModel
from ddwizard.report.styles import ACCENT, TEXT_WIDTH, Styles

SOURCES = (
    "Cruddas, L. (2023) <i>Starting with Why: why join a trust and why a trust-based "
    "system?</i> London: Confederation of School Trusts.",
    "Greany, T. and Bernardes, E. (2024) <i>A constant dance: values-based leadership in "
    "multi-academy trusts</i>. University of Nottingham and Whole Education.",
    "Maton, K. (2014) <i>Knowledge and Knowers: Towards a realist sociology of education</i>. "
    "London: Routledge.",
    "Rollett, S. (2022) <i>Integrating practices as Trusts grow</i>. Nottingham: "
    "Confederation of School Trusts.",
)
SIGNS = {
    Quadrant.A: ("+", "+"),
    Quadrant.B: ("+", "\u2212"),
    Quadrant.C: ("\u2212", "+"),
    Quadrant.D: ("\u2212", "\u2212"),
}


def build(m: BriefModel, st: Styles) -> list[Flowable]:
    story: list[Flowable] = [heading("Appendix: method", st.h1, "method")]
    q = m.questionnaire
    counts = _answer_counts(m)
    story += narrative.flowables(
        "method.j2",
        st,
        inserts={"quadrants": _quadrants(st)},
        band=f"{BORDERLINE:.1f}",
        q_title=q.title,
        q_id=q.id,
        q_version=q.version,
        made_with=written_by(),
        areas=len(m.referents),
        gaps=_gaps(m),
        **counts,
    )
    story += [Paragraph(s, st.ref) for s in SOURCES]
    return story


def _quadrants(st: Styles):
    head = ("", "Purpose", "Practice", "In this brief", "In Legitimation Code Theory")
    rows = [[Paragraph(h, st.cell_head) for h in head]]
    for q in Quadrant:
        purpose, practice = SIGNS[q]
        rows.append(
            [
                Paragraph(q.value, st.cell_bold),
                Paragraph(text.markup(purpose), st.cell),
                Paragraph(text.markup(practice), st.cell),
                Paragraph(q.title, st.cell),
                Paragraph(q.lct_name.capitalize(), st.cell),
            ]
        )
    widths = [10 * mm, 20 * mm, 20 * mm, 64 * mm, TEXT_WIDTH - 114 * mm]
    return [table(rows, widths, extra=[("TEXTCOLOR", (0, 1), (0, -1), ACCENT)]), gap(3 * mm)]


def _answer_counts(m: BriefModel) -> dict:
    answered = unknown = questions = 0
    for rp in m.referents:
        for q in rp.referent.questions:
            questions += 1
            a = m.assessment.answer(q.id)
            option = q.option(a.option) if a and a.option else None
            if option is not None:
                answered += 1
                unknown += option.score is None
    return {"answered": answered, "unknown": unknown, "questions": questions}


def _gaps(m: BriefModel) -> list[dict]:
    """Areas with unanswered or "don't know yet" questions, in words."""
    out = []
    for rp in m.referents:
        missing = unknown = 0
        for q in rp.referent.questions:
            a = m.assessment.answer(q.id)
            option = q.option(a.option) if a and a.option else None
            missing += option is None
            unknown += option is not None and option.score is None
        parts = []
        if missing:
            parts.append(f"{formats.count(missing, 'question')} unanswered")
        if unknown:
            parts.append(f"{unknown} answered \u201cdon’t know yet\u201d")
        if parts:
            out.append({"title": rp.referent.title, "text": formats.names(parts) + "."})
    return out
