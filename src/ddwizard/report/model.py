"""What the brief is about, worked out once: placements, groupings, anchors and page numbers."""

from __future__ import annotations

from dataclasses import dataclass, field

from ddwizard.core.assessment import (
    AnswerFlag,
    Assessment,
    ChecklistEntry,
    Confidence,
    ReferentNote,
    Status,
    Target,
)
from ddwizard.core.placement import Placement, Quadrant, ReferentPlacement, place_assessment
from ddwizard.core.questionnaire import ChecklistArea, ChecklistItem, Question, Questionnaire
from ddwizard.report.inputs import BoardInputs, board_inputs


@dataclass(frozen=True)
class Earlier:
    assessment: Assessment
    questionnaire: Questionnaire
    placement: Placement


@dataclass(frozen=True)
class ChecklistRow:
    area: ChecklistArea
    item: ChecklistItem
    entry: ChecklistEntry


@dataclass
class BriefModel:
    assessment: Assessment
    questionnaire: Questionnaire
    placement: Placement
    inputs: BoardInputs
    earlier: Earlier | None = None
    pages: dict[str, int] = field(default_factory=dict)  # anchor -> page, from the last pass
    total_pages: int | None = None
    _checklist: tuple[ChecklistRow, ...] | None = field(default=None, repr=False, compare=False)

    @property
    def draft(self) -> bool:
        return self.assessment.status != Status.FINAL

    @property
    def decide_by(self) -> str:
        return self.inputs.decide_by

    @property
    def school(self) -> str:
        return self.assessment.school.name or "the school"

    @property
    def trust(self) -> str:
        return self.assessment.trust.name or "the trust"

    @property
    def referents(self) -> tuple[ReferentPlacement, ...]:
        return self.placement.referents

    def anchor(self, referent_id: str) -> str:
        """A bookmark name for an area (ids are the trust's text, so we use the index)."""
        index = next(i for i, rp in enumerate(self.referents) if rp.referent.id == referent_id)
        return f"area-{index}"

    def page(self, anchor: str) -> str:
        """The page an anchor fell on in the last pass ("?" before the first)."""
        return str(self.pages.get(anchor, "?"))

    def targets(self) -> list[Target]:
        """Targets of selected areas, in questionnaire order."""
        return [
            t
            for rp in self.referents
            if (t := self.assessment.target_for(rp.referent.id)) is not None
        ]

    def clear_in(self, quadrant: Quadrant) -> list[ReferentPlacement]:
        """Placed areas in a quadrant and not borderline."""
        return [rp for rp in self.referents if rp.quadrant == quadrant and not rp.borderline]

    def borderline(self) -> list[ReferentPlacement]:
        return [rp for rp in self.referents if rp.placed and rp.borderline]

    def unplaced(self) -> list[ReferentPlacement]:
        return [rp for rp in self.referents if not rp.placed]

    def checklist(self) -> list[ChecklistRow]:
        """Every checklist item with its entry (a blank one when none was recorded)."""
        if self._checklist is None:
            entries: dict[str, ChecklistEntry] = {}
            for entry in self.assessment.due_diligence:
                entries.setdefault(entry.item, entry)  # the first, as Assessment.entry_for
            self._checklist = tuple(
                ChecklistRow(area, item, entries.get(item.id) or ChecklistEntry(item.id))
                for area in self.questionnaire.due_diligence
                for item in area.items
            )
        return list(self._checklist)

    def note(self, referent_id: str) -> ReferentNote | None:
        return self.assessment.note_for(referent_id)

    def confidence(self, referent_id: str, axis: str) -> Confidence | None:
        """How sure the assessor is of one axis's answers in an area (None: not said)."""
        note = self.note(referent_id)
        return note.confidence_on(axis) if note is not None else None

    def flagged(self, rp: ReferentPlacement, flag: AnswerFlag) -> list[Question]:
        """The area's questions whose answer carries `flag`."""
        out = []
        for q in rp.referent.questions:
            a = self.assessment.answer(q.id)
            if a is not None and a.flagged(flag):
                out.append(q)
        return out

    def trust_open(self, rp: ReferentPlacement) -> list[Question]:
        """The area's questions answered "the trust has no set way here"."""
        out = []
        for q in rp.referent.questions:
            a = self.assessment.answer(q.id)
            option = q.option(a.option) if a is not None and a.option else None
            if option is not None and option.trust_open:
                out.append(q)
        return out


def make_model(
    assessment: Assessment,
    questionnaire: Questionnaire,
    earlier: tuple[Assessment, Questionnaire] | None = None,
) -> BriefModel:
    placed_earlier = None
    if earlier is not None:
        ea, eq = earlier
        placed_earlier = Earlier(ea, eq, place_assessment(eq, ea))
    return BriefModel(
        assessment,
        questionnaire,
        place_assessment(questionnaire, assessment),
        board_inputs(assessment, questionnaire),
        placed_earlier,
    )
