"""What an edit does to an assessment: one immutable value per kind of edit, each with the
one function that applies it (`apply`). Storage applies the same value in one transaction
with its audit rows (`Database.apply`); the app's model applies it in memory and announces
it, typed, to the widgets that show it. No rule of change is written anywhere else.

An answer or an area's note emptied of everything is dropped, as storage drops its row;
`inverse(before)` is the change that puts back what `before` held (for undo)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, ClassVar

from ddwizard.core.assessment import (
    Answer,
    AnswerFlag,
    Assessment,
    Axis,
    ChecklistEntry,
    Confidence,
    ReferentNote,
    Step,
    Target,
)
from ddwizard.core.change import Change, put
from ddwizard.core.detail_changes import (  # noqa: F401 - named here with every other change
    DecisionSet,
    DetailSet,
    ReferenceTaken,
    SchoolSet,
    StatusSet,
    TrustChosen,
    TrustReferenceSet,
    TrustRenamed,
)

if TYPE_CHECKING:
    from ddwizard.core.questionnaire import Questionnaire


# --- answers ---------------------------------------------------------------------------------


def _answer(a: Assessment, question: str) -> Answer:
    return a.answer(question) or Answer(question)


def _with_answer(a: Assessment, question: str, **fields) -> Assessment:
    new = replace(_answer(a, question), **fields)
    kept = None if new == Answer(question) else new
    return a.with_changes(answers=put(a.answers, "question", question, kept))


@dataclass(frozen=True, slots=True)
class AnswerChosen(Change):
    """An option chosen for a question ("don't know yet" is an option too)."""

    key_of: ClassVar = ("option", "question")
    question: str
    option: str
    moves_placement: ClassVar[bool] = True

    def apply(self, a: Assessment) -> Assessment:
        return _with_answer(a, self.question, option=self.option)

    def inverse(self, before: Assessment) -> Change:
        return _option_change(self.question, _answer(before, self.question).option)


@dataclass(frozen=True, slots=True)
class AnswerCleared(Change):
    """A question's chosen option taken away: not answered any more (its note stays)."""

    key_of: ClassVar = ("option", "question")
    question: str
    moves_placement: ClassVar[bool] = True

    def apply(self, a: Assessment) -> Assessment:
        return _with_answer(a, self.question, option=None)

    def inverse(self, before: Assessment) -> Change:
        return _option_change(self.question, _answer(before, self.question).option)


def _option_change(question: str, option: str | None) -> Change:
    return AnswerCleared(question) if option is None else AnswerChosen(question, option)


@dataclass(frozen=True, slots=True)
class AnswerNoted(Change):
    """The assessor's note on one question."""

    key_of: ClassVar = ("note", "question")
    question: str
    note: str

    def apply(self, a: Assessment) -> Assessment:
        return _with_answer(a, self.question, note=self.note)

    def inverse(self, before: Assessment) -> Change:
        return AnswerNoted(self.question, _answer(before, self.question).note)


@dataclass(frozen=True, slots=True)
class EvidenceSet(Change):
    """The sources an answer rests on (documents, a visit...)."""

    key_of: ClassVar = ("evidence", "question")
    question: str
    evidence: tuple[str, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "evidence", tuple(self.evidence))

    def apply(self, a: Assessment) -> Assessment:
        return _with_answer(a, self.question, evidence=self.evidence)

    def inverse(self, before: Assessment) -> Change:
        return EvidenceSet(self.question, _answer(before, self.question).evidence)


@dataclass(frozen=True, slots=True)
class AnswerFlagsSet(Change):
    """The flags on an answer: below a legal or safety minimum (a due-diligence finding,
    not a neutral difference), and sources that disagree."""

    key_of: ClassVar = ("flags", "question")
    question: str
    flags: tuple[AnswerFlag, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "flags", Answer(self.question, flags=self.flags).flags)

    def apply(self, a: Assessment) -> Assessment:
        return _with_answer(a, self.question, flags=self.flags)

    def inverse(self, before: Assessment) -> Change:
        return AnswerFlagsSet(self.question, _answer(before, self.question).flags)


# --- an area's confidence and note ------------------------------------------------------------


def _view(a: Assessment, referent: str) -> ReferentNote:
    return a.note_for(referent) or ReferentNote(referent)


def _with_view(a: Assessment, referent: str, **fields) -> Assessment:
    new = replace(_view(a, referent), **fields)
    kept = None if new == ReferentNote(referent) else new
    return a.with_changes(referent_notes=put(a.referent_notes, "referent", referent, kept))


@dataclass(frozen=True, slots=True)
class ConfidenceSet(Change):
    """How sure the assessor is of an area's answers on one axis, or on both when `axis`
    is None (None confidence: not said)."""

    key_of: ClassVar = ("confidence", "referent")
    referent: str
    confidence: Confidence | None
    axis: Axis | None = None
    moves_placement: ClassVar[bool] = True

    def __post_init__(self) -> None:
        if self.confidence is not None:
            object.__setattr__(self, "confidence", Confidence(self.confidence))
        if self.axis is not None:
            object.__setattr__(self, "axis", Axis(self.axis))

    @property
    def key(self) -> tuple:
        return ("confidence", self.referent, self.axis)

    def apply(self, a: Assessment) -> Assessment:
        axes = [self.axis] if self.axis else list(Axis)
        fields = {f"{axis.value}_confidence": self.confidence for axis in axes}
        return _with_view(a, self.referent, **fields)

    def inverse(self, before: Assessment) -> Change:
        view = _view(before, self.referent)
        if self.axis is not None:
            return ConfidenceSet(self.referent, view.confidence_on(self.axis), self.axis)
        if view.purpose_confidence == view.practice_confidence:
            return ConfidenceSet(self.referent, view.purpose_confidence)
        return ConfidencesSet(self.referent, view.purpose_confidence, view.practice_confidence)


@dataclass(frozen=True, slots=True)
class ConfidencesSet(Change):
    """Both axes' confidences at once, each its own (undoing a change to both)."""

    key_of: ClassVar = ("confidence", "referent")
    referent: str
    purpose: Confidence | None
    practice: Confidence | None
    moves_placement: ClassVar[bool] = True

    def apply(self, a: Assessment) -> Assessment:
        return _with_view(
            a, self.referent, purpose_confidence=self.purpose, practice_confidence=self.practice
        )

    def inverse(self, before: Assessment) -> Change:
        view = _view(before, self.referent)
        return ConfidencesSet(self.referent, view.purpose_confidence, view.practice_confidence)


@dataclass(frozen=True, slots=True)
class ReferentNoted(Change):
    """The assessor's note on a whole area."""

    key_of: ClassVar = ("referent_note", "referent")
    referent: str
    note: str

    def apply(self, a: Assessment) -> Assessment:
        return _with_view(a, self.referent, note=self.note)

    def inverse(self, before: Assessment) -> Change:
        return ReferentNoted(self.referent, _view(before, self.referent).note)


# --- targets and their routes ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TargetSet(Change):
    """An area's agreed target, as a whole (a new one, or any of its fields changed)."""

    key_of: ClassVar = ("target", "target.referent")
    target: Target

    def apply(self, a: Assessment) -> Assessment:
        return a.with_changes(targets=put(a.targets, "referent", self.target.referent, self.target))

    def inverse(self, before: Assessment) -> Change:
        return _target_change(before, self.target.referent)


@dataclass(frozen=True, slots=True)
class TargetRemoved(Change):
    """An area's target cleared, with its route."""

    key_of: ClassVar = ("target", "referent")
    referent: str

    def apply(self, a: Assessment) -> Assessment:
        return a.with_changes(targets=put(a.targets, "referent", self.referent, None))

    def inverse(self, before: Assessment) -> Change:
        return _target_change(before, self.referent)


@dataclass(frozen=True, slots=True)
class RouteSet(Change):
    """The dated steps from now to an area's target (nothing happens without a target)."""

    key_of: ClassVar = ("target", "referent")
    referent: str
    steps: tuple[Step, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "steps", tuple(self.steps))

    def apply(self, a: Assessment) -> Assessment:
        target = a.target_for(self.referent)
        if target is None:
            return a
        return TargetSet(replace(target, steps=self.steps)).apply(a)

    def inverse(self, before: Assessment) -> Change:
        target = before.target_for(self.referent)
        return RouteSet(self.referent, target.steps if target else ())


def _target_change(before: Assessment, referent: str) -> Change:
    old = before.target_for(referent)
    return TargetRemoved(referent) if old is None else TargetSet(old)


# --- the checklist ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChecklistEntrySet(Change):
    """One due-diligence item's status, note, owner and date."""

    key_of: ClassVar = ("checklist", "entry.item")
    entry: ChecklistEntry

    def apply(self, a: Assessment) -> Assessment:
        entries = put(a.due_diligence, "item", self.entry.item, self.entry)
        return a.with_changes(due_diligence=entries)

    def inverse(self, before: Assessment) -> Change:
        item = self.entry.item
        return ChecklistEntrySet(before.entry_for(item) or ChecklistEntry(item))


# --- what is assessed --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AreasSelected(Change):
    """The referents chosen for this school (none: all of the questionnaire's)."""

    key_of: ClassVar = ("referents", "")
    referents: tuple[str, ...]
    moves_placement: ClassVar[bool] = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "referents", tuple(self.referents))

    def apply(self, a: Assessment) -> Assessment:
        return a.with_changes(referents=self.referents)

    def inverse(self, before: Assessment) -> Change:
        return AreasSelected(before.referents)


_KEPT_FOR_QUESTIONS = ("referents", "answers", "referent_notes", "targets", "due_diligence")


@dataclass(frozen=True, slots=True)
class QuestionnaireSwitched(Change):
    """Another questionnaire, while nothing is answered: whatever was kept for the old
    one's questions and areas goes with it."""

    key_of: ClassVar = ("questionnaire", "")
    questionnaire: Questionnaire
    moves_placement: ClassVar[bool] = True

    def apply(self, a: Assessment) -> Assessment:
        q, emptied = self.questionnaire, dict.fromkeys(_KEPT_FOR_QUESTIONS, ())
        return a.with_changes(questionnaire_id=q.id, questionnaire_version=q.version, **emptied)

    def inverse(self, before: Assessment) -> Change:
        raise NotImplementedError("the earlier questionnaire is not kept in the change")
