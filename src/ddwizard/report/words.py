"""Positions, targets and calls in words: governors read words before numbers.

"practice largely the trust's; purpose partly other". Borderline is said per axis; low
confidence softens the words ("seems"). `+` and `−` are like and unlike the trust, never
good or bad.
"""

from __future__ import annotations

from ddwizard.core.assessment import Target
from ddwizard.core.placement import BORDERLINE, ReferentPlacement
from ddwizard.report import formats
from ddwizard.report.inputs import BoardInputs, agreement

AXES = ("practice", "purpose")


def degree(value: float) -> str:
    size = abs(value)
    if size >= 0.7:
        return "clearly"
    if size >= 0.4:
        return "largely"
    return "partly"


def axis_words(axis: str, value: float | None, low: bool = False) -> str:
    """One axis in words: 'practice largely the trust's', 'purpose borderline'."""
    if value is None:
        return f"{axis} not yet placed"
    if abs(value) < BORDERLINE:
        return f"{axis} borderline (neither clearly the trust's nor clearly other)"
    side = "the trust's" if value > 0 else "other"
    verb = "seems " if low else ""
    return f"{axis} {verb}{degree(value)} {side}"


def confidence(rp: ReferentPlacement, axis: str) -> str | None:
    """The assessor's confidence on one axis (one value for both in older assessments)."""
    c = rp.confidence
    if isinstance(c, dict):
        return c.get(axis)
    per_axis = getattr(c, axis, None)
    return str(per_axis) if per_axis else (str(c) if c else None)


def where(rp: ReferentPlacement) -> str:
    """Where an area sits, in words: practice first, then purpose."""
    if not rp.placed:
        return "not yet placed: " + rp.unplaced_reason()
    low = {a: confidence(rp, a) == "low" for a in AXES}
    return both(rp.practice.value, rp.purpose.value, low["practice"], low["purpose"])


def both(practice: float, purpose: float, low_practice=False, low_purpose=False) -> str:
    """Both axes in words; said once when they read the same ("practice and purpose
    largely the trust's")."""
    a = axis_words("practice", practice, low_practice)
    b = axis_words("purpose", purpose, low_purpose)
    if a[len("practice") :] == b[len("purpose") :] and "borderline" not in a:
        return "practice and purpose" + a[len("practice") :]
    return f"{a}; {b}"


def numbers(rp: ReferentPlacement) -> str:
    if not rp.placed:
        return "not placed"
    return formats.position(rp.purpose.value, rp.practice.value)


def target_words(t: Target) -> str:
    shown = both(t.practice, t.purpose)
    return f"{shown}, by {formats.date(t.by)}" if t.by else f"{shown}, no date set"


def agreed(t: Target) -> str:
    """Who agreed a target, or that it is only proposed."""
    ag = agreement(t)
    if ag.by:
        when = f", {formats.date(ag.on)}" if ag.on else ""
        return f"agreed by {ag.by}{when}"
    if ag.status == "agreed":
        return "agreed (by whom is not recorded)"
    return "proposed (no agreement recorded)"


def call(
    rp: ReferentPlacement,
    t: Target | None,
    inputs: BoardInputs,
    decide_by: str,
    short: bool = False,
) -> str:
    """What stays the school's call in one area, from the trust's own words, the target,
    or failing both who must decide it and by when."""
    rid = rp.referent.id
    trust_words = inputs.decides(rid)
    if t is not None and t.return_trip:
        said = "The school keeps its practice; the trust adopts it."
    elif t is not None:
        said = _target_call(t)
    else:
        said = ""
    if trust_words:
        return f"{said} The trust leaves to the school: {trust_words}".strip()
    if said:
        return said
    when = f"by {formats.date(decide_by)}" if decide_by else "before the board decides"
    if short:
        return f"Not yet settled: to agree {when}."
    return f"Not yet settled: the headteacher and the trust to agree it {when}."


def _target_call(t: Target) -> str:
    practice = (
        "aligns its practice with the trust's"
        if t.practice >= BORDERLINE
        else "keeps its own practice"
        if t.practice <= -BORDERLINE
        else "keeps practice open for now"
    )
    purpose = (
        "shares the trust's purpose"
        if t.purpose >= BORDERLINE
        else "keeps purposes of its own, to be made explicit"
        if t.purpose <= -BORDERLINE
        else "leaves purpose open for now"
    )
    return f"The school {practice} and {purpose}."
