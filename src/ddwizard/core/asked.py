"""What is asked of this school: the areas and questions for its phase, and the core set
for a first visit. A question or area that the phase leaves out is still kept wherever an
answer, a note, a source or a flag is recorded on it: nothing recorded is hidden silently."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, replace

from ddwizard.core.assessment import Answer, Assessment
from ddwizard.core.questionnaire import Question, Questionnaire, Referent, phase_key

PHASE_WORDS = {
    "nursery": "nursery",
    "primary": "primary",
    "secondary": "secondary",
    "all_through": "all-through",
    "special": "special",
    "alternative": "alternative provision",
    "post16": "16 plus",
}


def school_phase(assessment: Assessment) -> str | None:
    """The school's phase as one of PHASES, or None (not said, or one no file names)."""
    return phase_key(assessment.school.phase)


def recorded(answer: Answer | None) -> bool:
    """Whether anything at all is recorded on a question."""
    return answer is not None and answer != Answer(answer.question)


def area_recorded(referent: Referent, assessment: Assessment) -> int:
    """How many of an area's questions have something recorded."""
    return sum(recorded(assessment.answer(q.id)) for q in referent.questions)


def for_school(questionnaire: Questionnaire, assessment: Assessment) -> Questionnaire:
    """The questionnaire as asked of this school: areas and questions for its phase, and any
    other that has something recorded on it, in the file's order."""
    return asked_of(questionnaire, school_phase(assessment), (), _recorded_in(assessment))


def of_assessment(questionnaire: Questionnaire, assessment: Assessment) -> Questionnaire:
    """The areas and questions of this assessment, the one rule that placement, the printed
    outputs, the stored question counts and comparisons read (see `asked_of`)."""
    phase = school_phase(assessment)
    return asked_of(questionnaire, phase, assessment.referents, _recorded_in(assessment))


def asked_of(
    questionnaire: Questionnaire,
    phase: str | None,
    selected: Collection[str],
    is_recorded: Callable[[str], bool],
) -> Questionnaire:
    """The selected areas (every one when none is selected) asked of a school of `phase` or
    with something recorded on them (`is_recorded`, by question id), each with its phase's
    questions and any other with something recorded on it, in the file's order. Storage
    counts with this too, from the rows it holds, so it takes the parts, not an Assessment."""
    chosen = set(selected)
    areas = []
    for r in questionnaire.referents:
        if chosen and r.id not in chosen:
            continue
        if not r.for_phase(phase) and not any(is_recorded(q.id) for q in r.questions):
            continue
        questions = tuple(q for q in r.questions if q.for_phase(phase) or is_recorded(q.id))
        areas.append(r if questions == r.questions else replace(r, questions=questions))
    return replace(questionnaire, referents=tuple(areas))


def _recorded_in(assessment: Assessment) -> Callable[[str], bool]:
    return lambda question: recorded(assessment.answer(question))


def out_of_phase(referent: Referent | Question, phase: str | None) -> bool:
    """Not asked of a school of this phase."""
    return bool(referent.phases) and phase is not None and phase not in referent.phases


def a_school(phase: str) -> str:
    """'a primary school', 'an all-through school'."""
    words = PHASE_WORDS.get(phase, phase)
    return f"{'an' if words[:1] in 'aeiou' else 'a'} {words} school"


def phases_words(phases: tuple[str, ...]) -> str:
    """'primary and special schools', for saying which schools an area is asked of."""
    words = [PHASE_WORDS.get(p, p) for p in phases]
    listed = words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"
    return f"{listed} schools"


def has_core(questionnaire: Questionnaire) -> bool:
    """Whether the questionnaire marks a core set at all (format 1 files do not)."""
    return any(q.core for r in questionnaire.referents for q in r.questions)


def core_of(referent: Referent) -> tuple[Question, ...]:
    """An area's core questions; all of them when it marks none (nothing would be asked)."""
    return tuple(q for q in referent.questions if q.core) or referent.questions


def starts_with_core(questionnaire: Questionnaire, assessment: Assessment) -> bool:
    """Whether a visit starts with the core set: the questionnaire has one and nothing is
    recorded outside it yet (an assessment with such answers opens with all questions)."""
    if not has_core(questionnaire):
        return False
    return not any(
        recorded(assessment.answer(q.id))
        for r in questionnaire.referents
        for q in r.questions
        if not q.core
    )


@dataclass(frozen=True, slots=True)
class Unanswered:
    """The chosen areas' questions without an answer ("don't know yet" is an answer): of
    the core set for a first visit (`core_of` each area), and of all their questions."""

    core: tuple[Question, ...]
    core_total: int
    every: tuple[Question, ...]
    total: int


def unanswered(referents: Iterable[Referent], assessment: Assessment) -> Unanswered:
    """What is still to answer in these areas (as asked of the school)."""
    chosen = assessment.chosen()
    core, every, core_total, total = [], [], 0, 0
    for r in referents:
        in_core = core_of(r)
        core += [q for q in in_core if q.option(chosen.get(q.id, "")) is None]
        every += [q for q in r.questions if q.option(chosen.get(q.id, "")) is None]
        core_total, total = core_total + len(in_core), total + len(r.questions)
    return Unanswered(tuple(core), core_total, tuple(every), total)
