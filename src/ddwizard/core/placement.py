"""Where each referent sits on the practice–purpose plane (DESIGN.md, "Placement").

Purpose is x, practice is y, both in [-1, 1]. An axis with no counted answer is None and
the referent is *not placed*: never placed at 0.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from ddwizard.core.asked import of_assessment
from ddwizard.core.assessment import ReferentNote
from ddwizard.core.questionnaire import FACETS, Axis, Questionnaire, Referent

if TYPE_CHECKING:
    from ddwizard.core.assessment import Assessment

BORDERLINE = 0.1


class Quadrant(StrEnum):
    A = "A"
    B = "B"
    C = "C"
    D = "D"

    @property
    def title(self) -> str:
        return QUADRANT_TITLES[self]

    @property
    def lct_name(self) -> str:
        """Legitimation Code Theory's name, for the method appendix only."""
        return LCT_NAMES[self]

    @property
    def signs(self) -> tuple[int, int]:
        """(purpose sign, practice sign)."""
        return QUADRANT_SIGNS[self]


QUADRANT_TITLES = {
    Quadrant.A: "Aligned",
    Quadrant.B: "Different practice, shared purpose",
    Quadrant.C: "Shared practice, different purpose",
    Quadrant.D: "Different practice, different purpose",
}
LCT_NAMES = {
    Quadrant.A: "sovereign",
    Quadrant.B: "introjected",
    Quadrant.C: "projected",
    Quadrant.D: "exotic",
}
QUADRANT_SIGNS = {
    Quadrant.A: (1, 1),
    Quadrant.B: (1, -1),
    Quadrant.C: (-1, 1),
    Quadrant.D: (-1, -1),
}


def quadrant_of(purpose: float | None, practice: float | None) -> Quadrant | None:
    """Quadrant by signs; None when either coordinate is 0 or missing."""
    if not purpose or not practice:
        return None
    if purpose > 0:
        return Quadrant.A if practice > 0 else Quadrant.B
    return Quadrant.C if practice > 0 else Quadrant.D


def is_borderline(purpose: float | None, practice: float | None) -> bool:
    return bool(borderline_on(purpose, practice))


def borderline_on(purpose: float | None, practice: float | None) -> list[str]:
    """The axes within the borderline band, purpose first; none when not placed."""
    if purpose is None or practice is None:
        return []
    near = ((Axis.PURPOSE, purpose), (Axis.PRACTICE, practice))
    return [axis.value for axis, v in near if abs(v) < BORDERLINE]


@dataclass(frozen=True, slots=True)
class AxisValue:
    value: float | None  # weighted mean of counted scores; None when nothing counted
    spread: float | None  # population standard deviation of the counted scores
    counted: int
    stated: float | None = None  # the same mean over the `stated` questions alone
    lived: float | None = None  # ... and over the `lived` ones
    trust_open: bool = False  # answered, and only with "the trust has no set way here"

    def facet(self, name: str) -> float | None:
        return self.stated if name == "stated" else self.lived if name == "lived" else None


@dataclass(frozen=True, slots=True)
class Position:
    purpose: float | None
    practice: float | None

    @property
    def placed(self) -> bool:
        return self.purpose is not None and self.practice is not None

    @property
    def quadrant(self) -> Quadrant | None:
        return quadrant_of(self.purpose, self.practice)

    @property
    def borderline(self) -> bool:
        return is_borderline(self.purpose, self.practice)

    @property
    def borderline_on(self) -> list[str]:
        return borderline_on(self.purpose, self.practice)


@dataclass(frozen=True, slots=True)
class ReferentPlacement:
    referent: Referent
    purpose: AxisValue
    practice: AxisValue
    answered: int  # questions with any option chosen, "don't know yet" included
    questions: int
    confidence: str | None = None  # one word for the area: the lower of the axes'
    purpose_confidence: str | None = None
    practice_confidence: str | None = None

    def confidence_on(self, axis: Axis | str) -> str | None:
        return self.purpose_confidence if Axis(axis) is Axis.PURPOSE else self.practice_confidence

    @property
    def position(self) -> Position:
        return Position(self.purpose.value, self.practice.value)

    @property
    def placed(self) -> bool:
        return self.position.placed

    @property
    def quadrant(self) -> Quadrant | None:
        return self.position.quadrant

    @property
    def borderline(self) -> bool:
        return self.position.borderline

    def unplaced_reason(self) -> str:
        """Why a referent is not placed, in words; empty when it is placed."""
        missing = [
            a
            for a, v in ((Axis.PURPOSE, self.purpose), (Axis.PRACTICE, self.practice))
            if v.value is None
        ]
        if not missing:
            return ""
        if len(missing) == 2:
            return "no counted answers yet on either axis"
        return f"no counted answers yet on the {missing[0].value} axis"


@dataclass(frozen=True, slots=True)
class Placement:
    referents: tuple[ReferentPlacement, ...]
    overall: Position

    def placed(self) -> list[ReferentPlacement]:
        return [r for r in self.referents if r.placed]

    def by_quadrant(self) -> dict[Quadrant, list[ReferentPlacement]]:
        groups: dict[Quadrant, list[ReferentPlacement]] = {q: [] for q in Quadrant}
        for rp in self.referents:
            if rp.quadrant is not None:
                groups[rp.quadrant].append(rp)
        return groups

    def get(self, referent_id: str) -> ReferentPlacement | None:
        return next((r for r in self.referents if r.referent.id == referent_id), None)


def weighted_mean(pairs: Iterable[tuple[float, float]]) -> float | None:
    """sum(w * x) / sum(w) over (weight, value) pairs; None for none."""
    pairs = list(pairs)
    total = math.fsum(w for w, _ in pairs)
    if not pairs or total <= 0:
        return None
    return _clamp(math.fsum(w * x for w, x in pairs) / total)


def population_sd(values: list[float]) -> float | None:
    if not values:
        return None
    mean = math.fsum(values) / len(values)
    return math.sqrt(math.fsum((v - mean) ** 2 for v in values) / len(values))


def _clamp(x: float) -> float:
    # Rounding in the division can step a hair outside [-1, 1]; the plane never does.
    return max(-1.0, min(1.0, x))


def place_axis(referent: Referent, axis: Axis, chosen: Mapping[str, str]) -> AxisValue:
    counted: list[tuple[float, float]] = []
    by_facet: dict[str, list[tuple[float, float]]] = {f: [] for f in FACETS}
    options = []
    for question in referent.on_axis(axis):
        option = question.option(chosen.get(question.id, ""))
        if option is None:
            continue
        options.append(option)
        if option.score is not None:
            counted.append((question.weight, option.score))
            if question.facet in by_facet:
                by_facet[question.facet].append((question.weight, option.score))
    return AxisValue(
        value=weighted_mean(counted),
        spread=population_sd([s for _, s in counted]),
        counted=len(counted),
        stated=weighted_mean(by_facet["stated"]),
        lived=weighted_mean(by_facet["lived"]),
        trust_open=bool(options) and all(o.trust_open for o in options),
    )


def answered(referent: Referent, chosen: Mapping[str, str]) -> int:
    """How many of an area's questions have one of their options chosen ("don't know yet"
    included)."""
    return sum(1 for q in referent.questions if q.option(chosen.get(q.id, "")) is not None)


def place_referent(
    referent: Referent,
    chosen: Mapping[str, str],
    confidence: str | None = None,
    *,
    note: ReferentNote | None = None,
) -> ReferentPlacement:
    """One area's placement; the assessor's confidence from its `note` (per axis), or one
    word for the area (`confidence`) where that is all there is."""

    def word(c) -> str | None:
        return c.value if c else None

    if note is None and confidence:
        note = ReferentNote.same(referent.id, confidence)  # one word: the same on both axes
    if note is not None:
        confidence = confidence or word(note.confidence)
    return ReferentPlacement(
        referent=referent,
        purpose=place_axis(referent, Axis.PURPOSE, chosen),
        practice=place_axis(referent, Axis.PRACTICE, chosen),
        answered=answered(referent, chosen),
        questions=len(referent.questions),
        confidence=confidence,
        purpose_confidence=word(note.purpose_confidence) if note else None,
        practice_confidence=word(note.practice_confidence) if note else None,
    )


def overall_position(placements: Iterable[ReferentPlacement]) -> Position:
    placed = [p for p in placements if p.placed]
    return Position(
        purpose=weighted_mean((p.referent.weight, p.purpose.value) for p in placed),
        practice=weighted_mean((p.referent.weight, p.practice.value) for p in placed),
    )


def place(
    questionnaire: Questionnaire,
    chosen: Mapping[str, str],
    referent_ids: Iterable[str] | None = None,
    notes: Mapping[str, ReferentNote | str | None] | None = None,
) -> Placement:
    """Place the selected referents (all when None), in questionnaire order; `notes` by
    referent id give the assessor's confidence (a note, or one word for both axes)."""
    selected = None if referent_ids is None else set(referent_ids)
    notes = notes or {}

    def placed(r: Referent) -> ReferentPlacement:
        said = notes.get(r.id)
        if isinstance(said, str):
            return place_referent(r, chosen, said)
        return place_referent(r, chosen, note=said)

    rows = tuple(
        placed(r)
        for r in questionnaire.referents
        if selected is None or not selected or r.id in selected
    )
    return Placement(referents=rows, overall=overall_position(rows))


def place_assessment(questionnaire: Questionnaire, assessment: Assessment) -> Placement:
    """Placement of an :class:`~ddwizard.core.assessment.Assessment`: its areas and
    questions as `core.asked.of_assessment` gives them (the school's phase, the selection,
    and whatever is recorded)."""
    notes = {n.referent: n for n in assessment.referent_notes}
    return place(of_assessment(questionnaire, assessment), assessment.chosen(), None, notes)


def placement_json(assessment_id, placement: Placement) -> dict:
    """The `place --json` document of DESIGN.md."""
    overall = placement.overall
    return {
        "assessment": assessment_id,
        "overall": _position_json(overall),
        "referents": [_referent_json(rp) for rp in placement.referents],
    }


def _referent_json(rp: ReferentPlacement) -> dict:
    axes = {Axis.PURPOSE: rp.purpose, Axis.PRACTICE: rp.practice}
    return {
        "referent": rp.referent.id,
        "title": rp.referent.title,
        **_position_json(rp.position),
        "borderline_on": rp.position.borderline_on,
        "answered": rp.answered,
        "questions": rp.questions,
        "spread": {a.value: v.spread for a, v in axes.items()},
        "facets": {a.value: {f: v.facet(f) for f in FACETS} for a, v in axes.items()},
        "confidence": {a.value: rp.confidence_on(a) for a in axes},
        "trust_open": {a.value: v.trust_open for a, v in axes.items()},
    }


def _position_json(p: Position) -> dict:
    q = p.quadrant
    return {
        "purpose": p.purpose,
        "practice": p.practice,
        "quadrant": q.value if q else None,
        "borderline": p.borderline,
    }
