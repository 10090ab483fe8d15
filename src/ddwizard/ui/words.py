"""Positions on the plane, in words. Neutral on purpose: `+` is "like the trust", `-` is
"unlike it"; neither is good or bad, and nothing here reads as a score."""

from __future__ import annotations

from ddwizard.core.placement import Position, ReferentPlacement


def signed(value: float) -> str:
    return f"{value:+.2f}".replace("-", "\u2212")


def quadrant_words(position: Position) -> str:
    q = position.quadrant
    if not position.placed:
        return "not placed"
    if q is None:
        return "on an axis"
    text = f"{q.value} ({q.title})"
    near = " and ".join(position.borderline_on)  # which axis it lies close to, if any
    return f"{text}, borderline on {near}" if near else text


def position_words(rp: ReferentPlacement, answered: str = "") -> str:
    """Where an area sits, then how much is answered (`answered`: those words instead of
    the count of all its questions, e.g. "2 of 2 core questions answered")."""
    answered = f"{answered or f'{rp.answered} of {rp.questions} questions answered'}."
    if not rp.placed:
        return f"Not placed yet: {rp.unplaced_reason()}. {answered}"
    p = rp.position
    where = f"Purpose {signed(p.purpose)}, practice {signed(p.practice)}."
    if p.quadrant is None:
        verdict = "The point sits on an axis, between quadrants."
    elif p.borderline:
        verdict = (
            f"Close to an axis, so borderline: nearest quadrant {p.quadrant.value} "
            f"({p.quadrant.title})."
        )
    else:
        verdict = f"Quadrant {p.quadrant.value}: {p.quadrant.title}."
    return f"{verdict}\n{where}\n{answered}"
