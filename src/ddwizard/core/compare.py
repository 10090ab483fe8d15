"""Comparing assessments: what they have in common, what kind of comparison it is, and where
each one places every area they share (DESIGN.md, `compare --json`).

Nothing here averages assessments: every position is kept as it was placed, and a gap is
only ever the distance between the furthest two (DOMAIN.md, "Perspectives").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from ddwizard.core.assessment import Assessment
from ddwizard.core.errors import UserError
from ddwizard.core.placement import Placement, Quadrant, place_assessment
from ddwizard.core.questionnaire import Questionnaire

CONVERSATION_GAP = 0.5  # a disagreement this large on an axis is worth a conversation
_EPSILON = 1e-9  # a gap of 0.5 computed as 0.49999999 is still 0.5


class Kind(StrEnum):
    MOVEMENT = "movement"  # one school and trust, over time
    TRUSTS = "trusts"  # one school, candidate trusts
    PERSPECTIVES = "perspectives"  # one school and trust, several assessors or sides
    SCHOOLS = "schools"  # one trust, several schools
    MIXED = "mixed"

    @property
    def words(self) -> str:
        return KIND_WORDS[self]


KIND_WORDS = {
    Kind.MOVEMENT: "one school and trust over time",
    Kind.TRUSTS: "one school, candidate trusts",
    Kind.PERSPECTIVES: "one school and trust, seen from several sides",
    Kind.SCHOOLS: "one trust, several schools",
    Kind.MIXED: "different schools and trusts",
}


class CompareError(UserError):
    """The assessments cannot be compared as asked; the message says why, in words."""


@dataclass(frozen=True, slots=True)
class Member:
    """One compared assessment, with its questionnaire and placement."""

    id: int | str
    assessment: Assessment
    questionnaire: Questionnaire
    placement: Placement

    @property
    def perspective(self) -> str:
        """The side this view is from, when the assessment records one."""
        return str(self.assessment.perspective or "")

    @property
    def joining(self) -> bool | None:
        """True for a school still joining (its decision's joining date falls after the
        assessment), False for a school already in the trust, None when not recorded."""
        decision = self.assessment.decision
        joining_on = decision.joining_on.strip() if decision is not None else ""
        if not joining_on:
            return None
        return not self.assessment.assessed_on or joining_on > self.assessment.assessed_on


@dataclass(frozen=True, slots=True)
class Point:
    member: int  # index into Comparison.members
    purpose: float | None
    practice: float | None
    quadrant: Quadrant | None
    borderline: bool

    @property
    def placed(self) -> bool:
        return self.purpose is not None and self.practice is not None


@dataclass(frozen=True, slots=True)
class AreaComparison:
    referent: str
    title: str
    points: tuple[Point, ...]  # one per member, in the members' order
    gap_purpose: float | None  # largest minus smallest value on the axis; None below two
    gap_practice: float | None

    @property
    def largest_gap(self) -> float:
        """The bigger of the two gaps (0 when neither can be measured), for ordering."""
        return max(self.gap_purpose or 0.0, self.gap_practice or 0.0)

    def gap(self, axis: str) -> float | None:
        return self.gap_purpose if axis == "purpose" else self.gap_practice


@dataclass(frozen=True, slots=True)
class ConversationPoint:
    """Two or more views of one area that are far apart on one axis."""

    referent: str
    title: str
    axis: str  # purpose | practice
    gap: float
    views: tuple[tuple[int, float], ...]  # (member index, value on the axis), low to high


@dataclass(frozen=True)
class Comparison:
    kind: Kind
    members: tuple[Member, ...]  # for movement, in date order
    areas: tuple[AreaComparison, ...]  # the referents every member has, in the first's order
    notes: tuple[str, ...] = ()  # how the kind was read, when the data left a choice

    def name(self, index: int) -> str:
        """What tells one member from the others in this kind of comparison."""
        return member_name(self.kind, self.members[index])

    def conversation_points(self) -> list[ConversationPoint]:
        """Perspectives that disagree by CONVERSATION_GAP or more on an axis, largest first."""
        out = []
        for area in self.areas:
            for axis in ("purpose", "practice"):
                gap = area.gap(axis)
                if gap is None or gap < CONVERSATION_GAP - _EPSILON:
                    continue
                views = sorted(
                    (
                        (p.member, getattr(p, axis))
                        for p in area.points
                        if getattr(p, axis) is not None
                    ),
                    key=lambda v: v[1],
                )
                out.append(ConversationPoint(area.referent, area.title, axis, gap, tuple(views)))
        return sorted(out, key=lambda c: -c.gap)

    def by_gap(self) -> list[AreaComparison]:
        """The areas, largest difference first (ties keep questionnaire order)."""
        return sorted(self.areas, key=lambda a: -a.largest_gap)


def member_name(kind: Kind, m: Member) -> str:
    a = m.assessment
    when = a.label or a.assessed_on or f"assessment {m.id}"
    if kind == Kind.TRUSTS:
        return a.trust.name or f"assessment {m.id}"
    if kind == Kind.SCHOOLS:
        return a.school.name or f"assessment {m.id}"
    if kind == Kind.PERSPECTIVES:
        side = m.perspective or a.assessor or "unnamed assessor"
        return f"{side} ({when})" if m.perspective and a.assessor else side
    if kind == Kind.MOVEMENT:
        return ", ".join(x for x in (a.label, a.assessed_on) if x) or f"assessment {m.id}"
    return f"{a.school.name or 'unnamed school'} / {a.trust.name or 'unnamed trust'} ({when})"


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def _school_key(a: Assessment, by_urn: bool) -> str:
    return f"urn:{a.school.urn.strip()}" if by_urn else _key(a.school.name)


def classify(members: Sequence[Member]) -> tuple[Kind, tuple[str, ...]]:
    """The kind of comparison, and a note when the data left a choice to make."""
    assessments = [m.assessment for m in members]
    by_urn = all(a.school.urn.strip() for a in assessments)
    schools = {_school_key(a, by_urn) for a in assessments}
    trusts = {_key(a.trust.name) for a in assessments}
    if len(schools) == 1 and len(trusts) > 1:
        return Kind.TRUSTS, ()
    if len(trusts) == 1 and len(schools) > 1:
        return Kind.SCHOOLS, ()
    if len(schools) > 1:
        return Kind.MIXED, ()
    return _same_school_and_trust(members)


def _same_school_and_trust(members: Sequence[Member]) -> tuple[Kind, tuple[str, ...]]:
    views = [(m.perspective, m.assessment.assessor) for m in members]
    if over_time(views):
        return Kind.MOVEMENT, ()
    if any(side for side, _ in views):
        return Kind.PERSPECTIVES, ()
    note = (
        "These assessments record no perspective (whose view each is), so different "
        "assessors are read as different perspectives."
    )
    return Kind.PERSPECTIVES, (note,)


def over_time(views: Sequence[tuple[str | None, str]]) -> bool:
    """Whether assessments of one school and trust, given as (perspective, assessor), are one
    view over time (movement, re-assessments) rather than several views side by side: all
    from the same perspective; where none records one, all by the same assessor."""
    if any(side for side, _ in views):
        return len({_key(side or "") for side, _ in views}) == 1
    return len({_key(assessor) for _, assessor in views}) <= 1


def common_referents(members: Sequence[Member]) -> list[tuple[str, str]]:
    """(id, title) of the referents of every member (as each placed them: its selection, for
    its school's phase), in the first one's order."""
    selected = [[rp.referent for rp in m.placement.referents] for m in members]
    shared = {r.id for r in selected[0]}.intersection(*({r.id for r in s} for s in selected[1:]))
    return [(r.id, r.title) for r in selected[0] if r.id in shared]


def gap(values: Sequence[float | None]) -> float | None:
    """Largest minus smallest of the values given; None when fewer than two are given."""
    placed = [v for v in values if v is not None]
    return max(placed) - min(placed) if len(placed) >= 2 else None


def _area(rid: str, title: str, members: Sequence[Member]) -> AreaComparison:
    points = []
    for i, m in enumerate(members):
        rp = m.placement.get(rid)
        pos = rp.position if rp is not None else None
        purpose = pos.purpose if pos else None
        practice = pos.practice if pos else None
        points.append(
            Point(i, purpose, practice, pos.quadrant if pos else None, bool(pos and pos.borderline))
        )
    return AreaComparison(
        rid,
        title,
        tuple(points),
        gap([p.purpose for p in points]),
        gap([p.practice for p in points]),
    )


def compare(items: Sequence[tuple[int | str, Assessment, Questionnaire]]) -> Comparison:
    """Compare assessments given as (id, assessment, questionnaire)."""
    if len(items) < 2:
        raise CompareError("give two or more assessments to compare")
    ids = [i for i, _, _ in items]
    if len(set(ids)) < len(ids):
        twice = next(i for i in ids if ids.count(i) > 1)
        raise CompareError(f"assessment {twice} is given more than once")
    members = [Member(i, a, q, place_assessment(q, a)) for i, a, q in items]
    kind, notes = classify(members)
    if kind == Kind.MOVEMENT:  # a trajectory runs in date order (stable: same day, as given)
        members.sort(key=lambda m: m.assessment.assessed_on or "")
    areas = tuple(_area(rid, title, members) for rid, title in common_referents(members))
    return Comparison(kind, tuple(members), areas, notes)


def comparison_json(c: Comparison) -> dict:
    """The `compare --json` document of DESIGN.md; a trust's schools add `portfolio`."""
    doc = _json(c)
    if c.kind == Kind.SCHOOLS:
        from ddwizard.core.compare_portfolio import portfolio_json

        doc["portfolio"] = portfolio_json(c)
    return doc


def _json(c: Comparison) -> dict:
    return {
        "kind": c.kind.value,
        "assessments": [
            {
                "id": m.id,
                "school": m.assessment.school.name,
                "trust": m.assessment.trust.name,
                "label": m.assessment.label,
                "assessor": m.assessment.assessor,
                "perspective": m.perspective or None,
                "assessed_on": m.assessment.assessed_on or None,
            }
            for m in c.members
        ],
        "referents": [
            {
                "referent": a.referent,
                "title": a.title,
                "points": [
                    {
                        "assessment": c.members[p.member].id,
                        "purpose": p.purpose,
                        "practice": p.practice,
                        "quadrant": p.quadrant.value if p.quadrant else None,
                    }
                    for p in a.points
                ],
                "gap": {"purpose": a.gap_purpose, "practice": a.gap_practice},
            }
            for a in c.areas
        ],
    }


def _degree(value: float) -> str:
    size = abs(value)
    if size >= 0.6:
        return "largely"
    if size >= 0.3:
        return "partly"
    return "slightly"


def axis_words(axis: str, value: float | None) -> str:
    """One axis in words, e.g. "practice largely the trust's"; neutral, never a verdict."""
    if value is None:
        return f"{axis} not placed"
    if abs(value) < 0.1:
        return f"{axis} borderline"
    side = "the trust's" if value > 0 else "other"
    return f"{axis} {_degree(value)} {side}"


def point_words(p: Point) -> str:
    """A position in words first, then its quadrant: "practice largely the trust's, purpose
    partly other (C)"."""
    text = f"{axis_words('practice', p.practice)}, {axis_words('purpose', p.purpose)}"
    text = text[0].upper() + text[1:]
    if p.quadrant is not None and not p.borderline:
        text += f" ({p.quadrant.value})"
    return text
