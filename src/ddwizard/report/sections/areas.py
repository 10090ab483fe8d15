"""Area by area: position, what it suggests, the trust’s reference, every answer."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Table

from ddwizard.core.assessment import Target
from ddwizard.core.placement import BORDERLINE, Placement, ReferentPlacement
from ddwizard.core.plane import build_scene
from ddwizard.core.questionnaire import EVIDENCE_LABELS, Axis, Question
from ddwizard.report import figures, formats, narrative, text
from ddwizard.report.flow import Paragraph, gap, heading, para, paras, short, subheading
from ddwizard.report.model import BriefModel
from ddwizard.report.sections.summary import near_axes
from ddwizard.report.styles import TEXT_WIDTH, Styles, panel_style

THUMB = 78  # points: the small plane beside each area's facts
CONFIDENCE = {"low": "Low", "medium": "Medium", "high": "High"}


def build(m: BriefModel, st: Styles) -> list[Flowable]:
    story: list[Flowable] = [heading("Area by area", st.h1, "areas", prefix="4")]
    story.append(
        Paragraph(
            "Each area of school life assessed, in the questionnaire’s order: where it sits, "
            "what that suggests, the trust’s own account of the area, what is agreed about it, "
            "and every question with the answer recorded.",
            st.body,
        )
    )
    for i, rp in enumerate(m.referents):
        if i:
            story.append(CondPageBreak(95 * mm))
        story += _area(m, rp, st)
    return story


def _area(m: BriefModel, rp: ReferentPlacement, st: Styles) -> list[Flowable]:
    r = rp.referent
    target = m.assessment.target_for(r.id)
    note = m.assessment.note_for(r.id)
    story: list[Flowable] = [gap(4 * mm)]
    if r.group:
        story.append(para(r.group.upper(), st.kicker))
    story.append(heading(r.title, st.h2, m.anchor(r.id), level=1))
    if r.description:
        story += paras(r.description, st.small)
    story += [gap(2 * mm), _facts(rp, target, st), gap(2 * mm)]
    story += subheading("What this suggests", st.h3)
    story += narrative.flowables("area.j2", st, **_reading(rp))
    story += _reference(m, r.id, st)
    story += subheading("What stays the school’s call", st.h3)
    story += narrative.flowables("call.j2", st, target=target, **_calls(target))
    if note and note.note.strip():
        story += subheading("Assessor’s note", st.h3)
        story += paras(note.note, st.body)
    story += subheading("Questions and answers", st.h3)
    for q in r.questions:
        story += _question(m, q, st)
    return story


def _facts(rp: ReferentPlacement, target: Target | None, st: Styles) -> Table:
    if rp.placed:
        q = rp.quadrant
        if rp.borderline or q is None:
            where = "Borderline" + (f", leaning to {q.value}" if q else "")
        else:
            where = f"{q.value}: {q.title}"
        position = formats.position(rp.purpose.value, rp.practice.value)
        spread = (
            f"purpose {formats.spread(rp.purpose.spread)}, "
            f"practice {formats.spread(rp.practice.spread)}"
        )
    else:
        where, position, spread = "Not yet placed", rp.unplaced_reason().capitalize(), "\u2013"
    facts = [
        ("Quadrant", where),
        ("Position", position),
        ("Spread", spread),
        ("Confidence", CONFIDENCE.get(rp.confidence or "", "Not recorded")),
        ("Answered", f"{rp.answered} of {rp.questions} questions"),
    ]
    if target is not None:
        facts.append(
            (
                "Target",
                formats.position(target.purpose, target.practice)
                + (f", by {formats.date(target.by)}" if target.by else ""),
            )
        )
    widths = [24 * mm, TEXT_WIDTH - 24 * mm - THUMB - 12, THUMB + 12]
    rows = [[k, short(v, st.cell, widths[1]), ""] for k, v in facts]
    rows[0][2] = _thumbnail(rp, target)
    t = Table(rows, colWidths=widths, hAlign="LEFT")
    style = panel_style()
    style.add("SPAN", (2, 0), (2, -1))
    style.add("VALIGN", (2, 0), (2, -1), "MIDDLE")
    t.setStyle(style)
    return t


def _thumbnail(rp: ReferentPlacement, target: Target | None):
    """This area alone on a small plane, with the route to its target."""
    alone = Placement(referents=(rp,), overall=rp.position)
    scene = build_scene(alone, targets=[target] if target else ())
    return figures.thumbnail(scene, THUMB)


def _reading(rp: ReferentPlacement) -> dict:
    q = rp.quadrant
    near = near_axes(rp.position)[0] if rp.placed else ""
    return {
        "placed": rp.placed,
        "borderline": rp.borderline,
        "reason": rp.unplaced_reason(),
        "letter": q.value if q else "",
        "title": q.title if q else "",
        "near": near,
    }


def _calls(target: Target | None) -> dict:
    if target is None:
        return {"purpose_call": "", "practice_call": ""}

    def call(value: float, aligned: str, own: str) -> str:
        if value >= BORDERLINE:
            return aligned
        if value <= -BORDERLINE:
            return own
        return "left open for now: the target sits close to the axis."

    return {
        "purpose_call": call(
            target.purpose,
            "aligns with the trust’s purposes.",
            "the school keeps purposes of its own here, to be made explicit.",
        ),
        "practice_call": call(
            target.practice, "aligns with the trust’s practice.", "stays the school’s call."
        ),
    }


def _reference(m: BriefModel, referent_id: str, st: Styles) -> list[Flowable]:
    ref = m.assessment.trust.reference_for(referent_id)
    if ref is None or not (ref.practice.strip() or ref.purpose.strip()):
        return []
    story = subheading(f"The trust’s reference: {text.markup(m.trust)}", st.h3)
    for label, value in (
        ("What the trust does here", ref.practice),
        ("What the trust does it for", ref.purpose),
    ):
        if value.strip():
            story.append(Paragraph(f"<b>{label}</b>", st.answer))
            story += paras(value, st.quote)
    return story


def _question(m: BriefModel, q: Question, st: Styles) -> list[Flowable]:
    """The question and its answer in one paragraph (so they never part), then the note."""
    axis = "PRACTICE" if q.axis == Axis.PRACTICE else "PURPOSE"
    answer = m.assessment.answer(q.id)
    option = q.option(answer.option) if answer and answer.option else None
    if option is None:
        shown = "<i>Not answered</i>"
        if answer and answer.option:  # a key the questionnaire no longer has
            shown += f" (recorded as {text.markup(answer.option)})"
    else:
        shown = f"<b>{text.markup(option.label)}</b>"
        if option.score is None:
            shown += " (not counted)"
    line = f"Answer: {shown}"
    if answer and answer.evidence:
        sources = formats.names([EVIDENCE_LABELS.get(e, e) for e in answer.evidence])
        line += (
            f'<font color="rgb(122,131,139)">&#160;&#160;\u00b7&#160;&#160;</font>Evidence: '
            f"{text.markup(sources)}"
        )
    story: list[Flowable] = [
        Paragraph(
            f'<font size="6.8" color="rgb(122,131,139)"><b>{axis}</b></font>&#160;&#160;'
            f'{text.markup(q.text)}<br/><font size="9">{line}</font>',
            st.question,
        )
    ]
    if answer and answer.note.strip():
        story += paras(answer.note, st.note)
    return story
