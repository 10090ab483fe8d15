"""The visit pack's content, built once from an assessment and written as PDF or Word.

What it holds, in the order a visit takes it: the documents to ask the school for (each
named once, under the first area that needs it, with the other areas it serves); then the
questions answered before the visit (from those documents), on the visit, and afterwards,
the core set first in each; then the trust's own account of each area, to look up on the
day. Plain values: the writers decide the look.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ddwizard.core.asked import of_assessment
from ddwizard.core.assessment import Assessment
from ddwizard.core.questionnaire import (
    EVIDENCE_LABELS,
    Axis,
    Question,
    Questionnaire,
    Referent,
)
from ddwizard.report import formats, text

WHEN_TITLES = {
    "before": "Before the visit: from the documents",
    "visit": "On the visit",
    "after": "After the visit",
}
WHEN_INTROS = {
    "before": "Answer these from the documents the school sends, before you go. Where a "
    "document leaves a question open, carry it into the visit.",
    "visit": "Ask, look and listen on the day: leaders, staff, pupils, governors, parents, "
    "and lessons where the school opens them.",
    "after": "Answer these once the visit is over, from what you saw and read together, "
    "and from any follow-up the school sends.",
}
CORE_TITLE = "Core questions"
FURTHER_TITLE = "Further questions"
CORE_INTRO = "The short set for a first visit."
FURTHER_INTRO = "For a longer visit, a later one, or where the core set leaves things open."
SETS = ((True, CORE_TITLE, CORE_INTRO), (False, FURTHER_TITLE, FURTHER_INTRO))

EXPLANATION = (
    "Each area is looked at with two questions. Practice: how close is what the school does, "
    "day to day, to the way the trust's schools do it? Purpose: how close are the school's "
    "reasons for doing it to the aims the trust has recorded for that area? Each question's "
    "answers run from most like the trust to most unlike the trust, then answers that are "
    "not counted (not known yet, the trust has no set way here, does not apply). Like the "
    "trust and unlike the trust are the two ends of a scale, not a verdict: a school can do "
    "things its own way for sound reasons. The answers show how far apart the school and the "
    "trust are, area by area, so both can see what joining would change and what could stay "
    "the school's own."
)
REQUESTS_INTRO = (
    "The documents below help us prepare for the visit. Please send what you already have; "
    "nothing needs to be written specially, and a document that does not exist is worth "
    "knowing about too. Each is listed once, under the first area it informs."
)
TRUST_WAYS_TITLE = "The trust's way in each area"
HELP_LIMIT = 220  # characters of help printed in full; longer help is cut to its sentences


@dataclass(frozen=True)
class Request:
    text: str
    also: tuple[str, ...]  # the other areas (titles) this document informs


@dataclass(frozen=True)
class RequestGroup:
    area: str
    requests: tuple[Request, ...]


@dataclass(frozen=True)
class Box:
    label: str
    hint: str
    counted: bool = True  # False: not known yet, the trust has no set way, does not apply


@dataclass(frozen=True)
class VisitQuestion:
    number: int
    axis: str  # "Practice" or "Purpose"
    text: str
    help: str  # in brief
    boxes: tuple[Box, ...]
    sources: str  # where to look, in words
    recorded: str  # the answer recorded so far ("" if none)
    note: str  # the note recorded so far


@dataclass(frozen=True)
class AreaQuestions:
    area: str
    questions: tuple[VisitQuestion, ...]


@dataclass(frozen=True)
class QuestionSet:
    title: str  # core or further
    intro: str
    areas: tuple[AreaQuestions, ...]


@dataclass(frozen=True)
class Part:
    key: str  # before, visit or after
    title: str
    intro: str
    sets: tuple[QuestionSet, ...]

    @property
    def count(self) -> int:
        return sum(len(a.questions) for s in self.sets for a in s.areas)

    @property
    def core_count(self) -> int:
        return sum(len(a.questions) for s in self.sets if s.title == CORE_TITLE for a in s.areas)


@dataclass(frozen=True)
class TrustWay:
    area: str
    practice: str
    purpose: str


@dataclass(frozen=True)
class VisitPack:
    school: str
    trust: str
    label: str
    visit_date: str  # as the brief writes dates; "" if not set
    assessor: str
    phase: str
    areas: tuple[str, ...]
    requests: tuple[RequestGroup, ...]
    parts: tuple[Part, ...]
    trust_ways: tuple[TrustWay, ...]

    @property
    def title(self) -> str:
        return f"Visit pack: {text.plain(self.school) or 'the school'}"

    @property
    def request_count(self) -> int:
        return sum(len(g.requests) for g in self.requests)


def make_visit_pack(assessment: Assessment, questionnaire: Questionnaire) -> VisitPack:
    """The visit pack for `assessment`: its areas and questions (`core.asked.of_assessment`)."""
    areas = of_assessment(questionnaire, assessment).referents
    asked = [(r, r.questions) for r in areas]
    trust = assessment.trust
    ways = (
        (r.title, way.practice.strip(), way.purpose.strip())
        for r in areas
        if (way := trust.reference_for(r.id)) is not None
    )
    return VisitPack(
        school=assessment.school.name,
        trust=trust.name,
        label=assessment.label,
        visit_date=formats.date(assessment.assessed_on),
        assessor=assessment.assessor,
        phase=assessment.school.phase,
        areas=tuple(r.title for r in areas),
        requests=_requests(asked),
        parts=_parts(asked, assessment),
        trust_ways=tuple(TrustWay(*w) for w in ways if w[1] or w[2]),
    )


def _requests(asked: list[tuple[Referent, tuple[Question, ...]]]) -> tuple[RequestGroup, ...]:
    """Each document once, under the first area that asks for it (two spellings that differ
    only in case, spacing or a final full stop are the same document)."""
    first: dict[str, tuple[str, str]] = {}  # key -> (as written first, first area)
    serves: dict[str, list[str]] = {}
    for referent, questions in asked:
        for q in questions:
            for request in q.requests:
                key = _request_key(request)
                if not key:
                    continue
                first.setdefault(key, (" ".join(request.split()), referent.title))
                areas = serves.setdefault(key, [])
                if referent.title not in areas:
                    areas.append(referent.title)
    groups: dict[str, list[Request]] = {}
    for key, (written, area) in first.items():
        also = tuple(a for a in serves[key] if a != area)
        groups.setdefault(area, []).append(Request(written, also))
    return tuple(RequestGroup(area, tuple(reqs)) for area, reqs in groups.items())


def _request_key(request: str) -> str:
    return " ".join(request.split()).rstrip(".").casefold()


def _parts(asked, assessment: Assessment) -> tuple[Part, ...]:
    numbers = iter(range(1, 100_000))
    parts = []
    for when in WHEN_TITLES:
        sets = []
        for core, title, intro in SETS:
            blocks = []
            for referent, questions in asked:
                picked = [q for q in questions if _when(q) == when and q.core == core]
                if picked:
                    made = tuple(_question(q, next(numbers), assessment) for q in picked)
                    blocks.append(AreaQuestions(referent.title, made))
            if blocks:
                sets.append(QuestionSet(title, intro, tuple(blocks)))
        if sets:
            parts.append(Part(when, WHEN_TITLES[when], WHEN_INTROS[when], tuple(sets)))
    return tuple(parts)


def _when(q: Question) -> str:
    """When a question is taken; one that does not say is taken on the visit."""
    return q.when if q.when in WHEN_TITLES else "visit"


def _question(q: Question, number: int, assessment: Assessment) -> VisitQuestion:
    answer = assessment.answer(q.id)
    chosen = q.option(answer.option) if answer and answer.option else None
    return VisitQuestion(
        number=number,
        axis="Practice" if q.axis == Axis.PRACTICE else "Purpose",
        text=q.text.strip(),
        help=brief_help(q.help),
        boxes=tuple(Box(o.label.strip(), o.hint.strip(), o.score is not None) for o in q.options),
        sources=", ".join(EVIDENCE_LABELS.get(e, e) for e in q.evidence),
        recorded=chosen.label.strip() if chosen else "",
        note=answer.note.strip() if answer else "",
    )


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def brief_help(help_text: str, limit: int = HELP_LIMIT) -> str:
    """Help in brief: whole when short; else its first sentences, up to about `limit`
    characters (at least the first sentence)."""
    help_text = " ".join(help_text.split())
    if len(help_text) <= limit:
        return help_text
    kept = ""
    for sentence in _SENTENCE_END.split(help_text):
        if kept and len(kept) + 1 + len(sentence) > limit:
            break
        kept = f"{kept} {sentence}".strip()
    return kept


def part_summary(part: Part) -> str:
    """'On the visit: 58 questions, 24 of them core'."""
    said = f"{part.title}: {formats.count(part.count, 'question')}"
    return f"{said}, {part.core_count} of them core" if part.core_count else said


def subtitle(pack: VisitPack, markup=lambda s: s) -> str:
    trust = markup(pack.trust) or "the trust"
    return f"Compared with {trust}: what to ask for, and what to ask"


def trust_ways_intro(pack: VisitPack, markup=lambda s: s) -> str:
    trust = markup(pack.trust) or "the trust"
    return (
        f"What {trust} has recorded for each area: what its schools do (practice) and why "
        "(purpose). Each question's answers are set beside it."
    )
