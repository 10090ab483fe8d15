"""Where each referent sits on the practice–purpose plane (DESIGN.md, "Placement").

Purpose is x, practice is y, both in [-1, 1]. An axis with no counted answer is None and
the referent is *not placed*: never placed at 0.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from ddwizard.core.questionnaire import Axis, Questionnaire, Referent

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
    if purpose is None or practice is None:
        return False
    return abs(purpose) < BORDERLINE or abs(practice) < BORDERLINE


@dataclass(frozen=True, slots=True)
class AxisValue:
    value: float | None  # weighted mean of counted scores; None when nothing counted
    spread: float | None  # population standard deviation of the counted scores
    counted: int


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


@dataclass(frozen=True, slots=True)
class ReferentPlacement:
    referent: Referent
    purpose: AxisValue
    practice: AxisValue
    answered: int  # questions with any option chosen, "don't know yet" included
    questions: int
    confidence: str | None = None

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
    for question in referent.on_axis(axis):
        option = question.option(chosen.get(question.id, ""))
        if option is not None and option.score is not None:
            counted.append((question.weight, option.score))
    return AxisValue(
        value=weighted_mean(counted),
        spread=population_sd([s for _, s in counted]),
        counted=len(counted),
    )


def answered(referent: Referent, chosen: Mapping[str, str]) -> int:
    """How many of an area's questions have one of their options chosen ("don't know yet"
    included)."""
    return sum(1 for q in referent.questions if q.option(chosen.get(q.id, "")) is not None)


def place_referent(
    referent: Referent, chosen: Mapping[str, str], confidence: str | None = None
) -> ReferentPlacement:
    return ReferentPlacement(
        referent=referent,
        purpose=place_axis(referent, Axis.PURPOSE, chosen),
        practice=place_axis(referent, Axis.PRACTICE, chosen),
        answered=answered(referent, chosen),
        questions=len(referent.questions),
        confidence=confidence,
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
    confidence: Mapping[str, str | None] | None = None,
) -> Placement:
    """Place the selected referents (all when None), in questionnaire order."""
    selected = None if referent_ids is None else set(referent_ids)
    confidence = confidence or {}
    rows = tuple(
        place_referent(r, chosen, confidence.get(r.id))
        for r in questionnaire.referents
        if selected is None or not selected or r.id in selected
    )
    return Placement(referents=rows, overall=overall_position(rows))


def place_assessment(questionnaire: Questionnaire, assessment) -> Placement:
    """Placement of an :class:`~ddwizard.core.assessment.Assessment`."""
    confidence = {
        n.referent: (n.confidence.value if n.confidence else None)
        for n in assessment.referent_notes
    }
    return place(questionnaire, assessment.chosen(), assessment.referents or None, confidence)


def placement_json(assessment_id, placement: Placement) -> dict:
    """The `place --json` document of DESIGN.md."""
    overall = placement.overall
    return {
        "assessment": assessment_id,
        "overall": _position_json(overall),
        "referents": [
            {
                "referent": rp.referent.id,
                "title": rp.referent.title,
                **_position_json(rp.position),
                "answered": rp.answered,
                "questions": rp.questions,
                "spread": {"purpose": rp.purpose.spread, "practice": rp.practice.spread},
                "confidence": rp.confidence,
            }
            for rp in placement.referents
        ],
    }


def _position_json(p: Position) -> dict:
    q = p.quadrant
    return {
        "purpose": p.purpose,
        "practice": p.practice,
        "quadrant": q.value if q else None,
        "borderline": p.borderline,
    }
