"""Suggested routes across the plane, after the framework's advice.

The framework's warning is that the risk lies less in the journey than in leaving the route
unclear to the people making it. Its usual advice: where purposes differ, make the purpose
shared first (move right, across the practice axis), then bring practice together (move up).
"""

from __future__ import annotations

from ddwizard.core.assessment import Step, Target

PURPOSE_FIRST = (
    "Agree what this area is for: make the shared purpose explicit with leaders and staff"
)
PRACTICE_NEXT = "Bring practice together, keeping what serves the shared purpose"
PRACTICE_HOME = (
    "Take the school's practice into the trust: share it, test it and adopt it as the trust's own"
)
REVIEW = "Review whether the school's practice is serving the shared purpose"


def suggest_route(start: tuple[float, float] | None, target: Target) -> tuple[Step, ...]:
    """Steps from `start` (purpose, practice) towards the target; purpose before practice.

    Returns no steps when the target is one move away (or the area is not placed yet):
    the arrow from now to the target already says everything.
    """
    if start is None:
        return ()
    x0, y0 = start
    x1, y1 = target.purpose, target.practice
    purpose_moves = _sign(x0) != _sign(x1) or abs(x1 - x0) >= 0.5
    practice_moves = _sign(y0) != _sign(y1) or abs(y1 - y0) >= 0.5
    if target.return_trip and y1 > 0 and y0 < 0:
        return (Step(x1, y0, "", REVIEW), Step(x1, y1, target.by, PRACTICE_HOME))
    if purpose_moves and practice_moves:
        return (Step(x1, y0, "", PURPOSE_FIRST), Step(x1, y1, target.by, PRACTICE_NEXT))
    if purpose_moves:
        return (Step(x1, y1, target.by, PURPOSE_FIRST),)
    if practice_moves:
        return (Step(x1, y1, target.by, PRACTICE_NEXT),)
    return ()


def _sign(v: float) -> int:
    return (v > 0) - (v < 0)
