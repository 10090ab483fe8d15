"""Positions, targets and calls in words: governors read words before numbers.

"practice largely the trust's; purpose partly other". Borderline is said per axis; low
confidence softens the words ("seems"). `+` and `−` are like and unlike the trust, never
good or bad.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ddwizard.core.assessment import ReferentNote, Target, TargetStatus
from ddwizard.core.placement import BORDERLINE, ReferentPlacement
from ddwizard.report import formats

if TYPE_CHECKING:
    from ddwizard.report.model import BriefModel

AXES = ("practice", "purpose")


def degree(value: float) -> str:
    size = abs(value)
    if size >= 0.7:
        return "clearly"
    if size >= 0.4:
        return "largely"
    return "partly"


def axis_words(axis: str, value: float | None, low: bool = False, short: bool = False) -> str:
    """One axis in words: 'practice largely the trust's', 'purpose borderline' (explained,
    unless `short`: a table explains it once)."""
    if value is None:
        return f"{axis} not yet placed"
    if abs(value) < BORDERLINE:
        said = "" if short else " (neither clearly the trust's nor clearly other)"
        return f"{axis} borderline{said}"
    side = "the trust's" if value > 0 else "other"
    verb = "seems " if low else ""
    return f"{axis} {verb}{degree(value)} {side}"


def confidence(rp: ReferentPlacement, axis: str, note: ReferentNote | None = None) -> str | None:
    """The assessor's confidence on one axis, from the area's note where given (the lower of
    the two, as placed, otherwise)."""
    if note is not None:
        said = note.confidence_on(axis)
        return str(said) if said else None
    return str(rp.confidence) if rp.confidence else None


def where(rp: ReferentPlacement, note: ReferentNote | None = None, short: bool = False) -> str:
    """Where an area sits, in words: practice first, then purpose; an axis the assessor is
    unsure of is softened ("seems")."""
    if not rp.placed:
        return "not yet placed: " + rp.unplaced_reason()
    low = {a: confidence(rp, a, note) == "low" for a in AXES}
    return both(rp.practice.value, rp.purpose.value, low["practice"], low["purpose"], short)


def both(
    practice: float, purpose: float, low_practice=False, low_purpose=False, short=False
) -> str:
    """Both axes in words; said once when they read the same ("practice and purpose
    largely the trust's")."""
    a = axis_words("practice", practice, low_practice, short)
    b = axis_words("purpose", purpose, low_purpose, short)
    if a[len("practice") :] == b[len("purpose") :] and "borderline" not in a:
        return "practice and purpose" + a[len("practice") :]
    return f"{a}; {b}"


def numbers(rp: ReferentPlacement) -> str:
    if not rp.placed:
        return "not placed"
    return formats.position(rp.purpose.value, rp.practice.value)


def target_words(t: Target) -> str:
    shown = both(t.practice, t.purpose)
    if t.return_trip:  # the trust's by the trust taking the school's way: say so
        shown += ", as the trust takes up the school's practice"
    return f"{shown}, by {formats.date(t.by)}" if t.by else f"{shown}, no date set"


def agreed(t: Target, short: bool = False) -> str:
    """Who agreed a target (and when, unless `short`), or that it is only proposed."""
    when = f", {formats.date(t.agreed_on)}" if t.agreed_on and not short else ""
    if t.agreed_by.strip():
        return f"agreed by {t.agreed_by.strip()}{when}"
    if t.status is TargetStatus.AGREED:
        return f"agreed{when} (by whom is not recorded)"
    if t.status is TargetStatus.PROPOSED:
        return "proposed, not yet agreed"
    return "proposed (no agreement recorded)"


TRUST_WORDS_SHORT = 160  # characters of the trust's words in the table; all in Appendix A


def call(m: BriefModel, rp: ReferentPlacement, short: bool = False) -> str:
    """What stays the school's call in one area: from its target, from answers that the
    trust has no set way here, or from the trust's own words on what schools decide; failing
    all three, who must decide it and by when."""
    rid = rp.referent.id
    t = m.assessment.target_for(rid)
    said = []
    if t is not None and t.return_trip:
        said.append("The school keeps its practice; the trust adopts it.")
    elif t is not None:
        said.append(_target_call(t))
    ref = m.assessment.trust.reference_for(rid)
    trust_words = " ".join(ref.school_decides.split()) if ref is not None else ""
    if trust_words:
        if short:
            trust_words = formats.briefly(trust_words, TRUST_WORDS_SHORT, "Appendix A")
        said.append(f"The trust leaves to the school: {trust_words}")
    open_ = m.trust_open(rp)
    if open_:
        of = f"{len(open_)} of {len(rp.referent.questions)} questions"
        said.append(f"The trust has no set way here ({of}): the school decides.")
    if said:
        return " ".join(said)
    return not_settled(m, short)


def call_kind(m: BriefModel, rp: ReferentPlacement) -> str:
    """trip, aligns, keeps, leaves or open: how the summary groups an area's call (the
    target first; without one, what the trust leaves to its schools)."""
    t = m.assessment.target_for(rp.referent.id)
    if t is not None and t.return_trip:
        return "trip"
    if t is not None and t.practice >= BORDERLINE:
        return "aligns"
    if t is not None and t.practice <= -BORDERLINE:
        return "keeps"
    ref = m.assessment.trust.reference_for(rp.referent.id)
    if (ref is not None and ref.school_decides.strip()) or m.trust_open(rp):
        return "leaves"
    return "open"


def not_settled(m: BriefModel, short: bool = False) -> str:
    """Who must settle an area's call, and by when (from the decision's dates)."""
    if m.decide_by:
        when = f"by {formats.date(m.decide_by)}"
    elif m.inputs.joining_on:
        when = f"before joining ({formats.date(m.inputs.joining_on)})"
    else:
        when = "before the board decides"
    if short:
        return f"Not yet settled: head and trust to agree {when}."
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
