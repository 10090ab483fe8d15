"""Due-diligence findings made in the areas: an answer flagged as below a legal or safety
minimum is not a neutral difference from the trust but a finding, which the checklist (and
the brief's summary) show beside the checklist's own."""

from __future__ import annotations

from dataclasses import dataclass

from ddwizard.core.asked import of_assessment
from ddwizard.core.assessment import Answer, AnswerFlag, Assessment
from ddwizard.core.questionnaire import Question, Questionnaire, Referent


@dataclass(frozen=True, slots=True)
class AreaFinding:
    referent: Referent
    question: Question
    answer: Answer

    @property
    def answer_label(self) -> str:
        """The option chosen, in the questionnaire's words ("" when none is)."""
        option = self.question.option(self.answer.option or "")
        return option.label if option is not None else ""


def below_minimum(questionnaire: Questionnaire, assessment: Assessment) -> list[AreaFinding]:
    """Every answer flagged below a legal or safety minimum, in questionnaire order, in the
    areas chosen for this assessment."""
    found = []
    for referent in of_assessment(questionnaire, assessment).referents:
        for question in referent.questions:
            answer = assessment.answer(question.id)
            if answer is not None and answer.flagged(AnswerFlag.BELOW_MINIMUM):
                found.append(AreaFinding(referent, question, answer))
    return found
