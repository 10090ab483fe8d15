"""Appendix: area by area (what is particular to each area, never a paragraph repeated from
another), and the method and sources."""

from __future__ import annotations

from ddwizard import written_by
from ddwizard.core.assessment import AnswerFlag
from ddwizard.core.placement import BORDERLINE, Quadrant
from ddwizard.core.questionnaire import EVIDENCE_LABELS, Axis, Question
from ddwizard.report import formats, narrative
from ddwizard.report.blocks import Block, Heading, Para, Run, Table, bold, join, lead, plain
from ddwizard.report.model import BriefModel
from ddwizard.report.words import agreed, call, numbers, target_words, where

SOURCES = (
    (
        "Cruddas, L. (2023) ",
        "Starting with Why: why join a trust and why a trust-based system?",
        " London: Confederation of School Trusts.",
    ),
    (
        "Greany, T. and Bernardes, E. (2024) ",
        "A constant dance: values-based leadership in multi-academy trusts",
        ". University of Nottingham and Whole Education.",
    ),
    (
        "Maton, K. (2014) ",
        "Knowledge and Knowers: Towards a realist sociology of education",
        ". London: Routledge.",
    ),
    (
        "Rollett, S. (2022) ",
        "Integrating practices as Trusts grow",
        ". Nottingham: Confederation of School Trusts.",
    ),
)


def areas(m: BriefModel, title: str) -> list[Block]:
    out: list[Block] = [
        Heading(title, 1),
        Para(
            plain(
                "Each area in the questionnaire's order: where it sits, in words and in "
                "numbers; the trust's own account; the target and the school's call; every "
                "question with the answer recorded."
            ),
            "small",
        ),
    ]
    for rp in m.referents:
        r = rp.referent
        t = m.assessment.target_for(r.id)
        out.append(Heading(r.title, 2))
        spread = (
            f"spread purpose {formats.spread(rp.purpose.spread)}, practice "
            f"{formats.spread(rp.practice.spread)}"
            if rp.placed
            else ""
        )
        conf = ", ".join(
            f"{a} {m.confidence(r.id, a) or 'not recorded'}" for a in ("practice", "purpose")
        )
        said = where(rp, m.note(r.id))
        facts = [
            lead("Where it sits", f"{said} ({numbers(rp)}{'; ' + spread if spread else ''})."),
            lead("Confidence", conf + "."),
            lead("Answered", f"{rp.answered} of {rp.questions} questions."),
        ]
        disagree = m.flagged(rp, AnswerFlag.SOURCES_DISAGREE)
        if disagree:
            facts.append(
                lead(
                    "Sources disagree",
                    f"on {formats.count(len(disagree), 'question')} (marked below): "
                    "the position rests on the answer the assessor judged better supported.",
                )
            )
        if m.earlier is not None:
            before = m.earlier.placement.get(r.id)
            label = m.earlier.assessment.label or "the earlier assessment"
            when = formats.date(m.earlier.assessment.assessed_on)
            said = where(before) if before is not None else "not assessed"
            facts.append(lead(f"At {label}" + (f" ({when})" if when else ""), said + "."))
        if t is not None:
            numbers_t = formats.position(t.purpose, t.practice)
            facts.append(lead("Target", f"{target_words(t)} ({numbers_t}); {agreed(t)}."))
        facts.append(lead("The school's call", call(m, rp)))
        # One panel of facts: each area's reads as its own, never a repeated paragraph.
        out.append(
            Para(join(*(join(f, "\n") if i < len(facts) - 1 else f for i, f in enumerate(facts))))
        )
        ref = m.assessment.trust.reference_for(r.id)
        if ref is not None:
            for label, value in (
                ("What the trust does here", ref.practice),
                ("What the trust does it for", ref.purpose),
            ):
                if value.strip():
                    out.append(Para(lead(label, value.strip()), "quote"))
        note = m.assessment.note_for(r.id)
        if note is not None and note.note.strip():
            out.append(Para(lead("Assessor's note", note.note.strip())))
        out.append(_answers(m, r.questions))
    return out


FLAG_WORDS = {
    AnswerFlag.BELOW_MINIMUM: "Below what law or statutory guidance requires (a finding).",
    AnswerFlag.SOURCES_DISAGREE: "Sources disagree.",
}


def _answers(m: BriefModel, questions: tuple[Question, ...]) -> Table:
    rows = []
    for q in questions:
        a = m.assessment.answer(q.id)
        option = q.option(a.option) if a and a.option else None
        if option is None:
            shown = "Not answered" + (f" (recorded as {a.option})" if a and a.option else "")
        else:
            shown = option.label + (" (not counted)" if option.score is None else "")
        extra = [FLAG_WORDS[f] for f in a.flags] if a else []
        if a and a.evidence:
            extra.append(
                "Evidence: " + formats.names([EVIDENCE_LABELS.get(e, e) for e in a.evidence])
            )
        if a and a.note.strip():
            extra.append(a.note.strip())
        answer = join(bold(shown), *(f"\n{x}" for x in extra))
        axis = "Practice" if q.axis == Axis.PRACTICE else "Purpose"
        rows.append((plain(axis), plain(q.text), answer))
    return Table(("Axis", "Question", "Answer"), tuple(rows), (0.12, 0.48, 0.40))


def method(m: BriefModel, title: str) -> list[Block]:
    q = m.questionnaire
    answered = unknown = total = 0
    for rp in m.referents:
        for question in rp.referent.questions:
            total += 1
            a = m.assessment.answer(question.id)
            option = question.option(a.option) if a and a.option else None
            answered += option is not None
            unknown += option is not None and option.score is None
    out: list[Block] = [Heading(title, 1)]
    out += narrative.paper_blocks(
        "method.j2",
        inserts={"quadrants": [_quadrants()]},
        band=f"{BORDERLINE:.1f}",
        q_title=q.title,
        q_id=q.id,
        q_version=q.version,
        made_with=written_by(),
        areas=len(m.referents),
        gaps=_gaps(m),
        answered=answered,
        unknown=unknown,
        questions=total,
    )
    out += [Para((Run(a), Run(b, italic=True), Run(c)), "small") for a, b, c in SOURCES]
    return out


def _quadrants() -> Table:
    signs = {1: "+", -1: "\u2212"}
    rows = []
    for quad in Quadrant:
        purpose, practice = quad.signs
        rows.append(
            (
                bold(quad.value),
                plain(signs[purpose]),
                plain(signs[practice]),
                plain(quad.title),
                plain(quad.lct_name.capitalize()),
            )
        )
    return Table(
        ("", "Purpose", "Practice", "In this paper", "In Legitimation Code Theory"),
        tuple(rows),
        (0.08, 0.12, 0.12, 0.4, 0.28),
    )


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
            parts.append(f"{unknown} answered \u201cdon\u2019t know yet\u201d")
        if parts:
            out.append({"title": rp.referent.title, "text": formats.names(parts) + "."})
    return out
