"""A trust's portfolio: its schools, joining apart from existing, and the areas where many
of them sit far from the targets agreed with each (DOMAIN.md, "Portfolio": where the
trust's central support will be needed).

A school's distance from its target is measured on each axis apart, |target − position|,
for that school's own target in that area; nothing is averaged across schools. The areas
are counted and listed by how many schools sit far from their targets, most first.
"""

from __future__ import annotations

from dataclasses import dataclass

from ddwizard.core.compare import Comparison

FAR = 0.5  # this far from its target on an axis, a school has a long way to go there
_EPSILON = 1e-9  # 0.5 computed as 0.49999999 is still 0.5


@dataclass(frozen=True, slots=True)
class TargetDistance:
    """How far the schools sit from their own targets in one area."""

    referent: str
    title: str
    far: tuple[int, ...]  # members FAR or more from their target on an axis, furthest first
    far_purpose: int  # of them, how many on the purpose axis
    far_practice: int
    with_target: int  # members placed here with a target here
    without_target: int  # members placed here without one
    furthest: float  # the largest distance on an axis of any member (0 with no target)


@dataclass(frozen=True, slots=True)
class Sets:
    """Member indexes: schools joining, schools already in the trust, and neither recorded."""

    joining: tuple[int, ...]
    existing: tuple[int, ...]
    not_recorded: tuple[int, ...]


def sets(c: Comparison) -> Sets:
    by = {True: [], False: [], None: []}
    for i, m in enumerate(c.members):
        by[m.joining].append(i)
    return Sets(tuple(by[True]), tuple(by[False]), tuple(by[None]))


def target_distances(c: Comparison) -> list[TargetDistance]:
    """Every area, the one with most schools far from their targets first (then the one
    with the furthest school; ties keep questionnaire order)."""
    out = [_area(c, area) for area in c.areas]
    return sorted(out, key=lambda d: (-len(d.far), -d.furthest))


def _area(c: Comparison, area) -> TargetDistance:
    far: list[tuple[float, int]] = []
    on = {"purpose": 0, "practice": 0}
    with_target = without = 0
    furthest = 0.0
    for p in area.points:
        if not p.placed:
            continue
        target = c.members[p.member].assessment.target_for(area.referent)
        if target is None:
            without += 1
            continue
        with_target += 1
        apart = {
            "purpose": abs(target.purpose - p.purpose),
            "practice": abs(target.practice - p.practice),
        }
        most = max(apart.values())
        furthest = max(furthest, most)
        if most >= FAR - _EPSILON:
            far.append((most, p.member))
            for axis, d in apart.items():
                on[axis] += d >= FAR - _EPSILON
    far.sort(key=lambda f: -f[0])
    return TargetDistance(
        area.referent,
        area.title,
        tuple(i for _, i in far),
        on["purpose"],
        on["practice"],
        with_target,
        without,
        furthest,
    )


def distance_words(d: TargetDistance) -> str:
    """One area in words: "Financial management: 14 of 60 schools with a target here sit
    0.5 or more from it (12 on practice, 5 on purpose); 30 have no target here.\""""
    axes = ", ".join(
        f"{n} on {axis}" for axis, n in (("practice", d.far_practice), ("purpose", d.far_purpose))
    )
    text = (
        f"{d.title}: {len(d.far)} of {_schools(d.with_target)} with a target here sit "
        f"{FAR} or more from it ({axes})"
    )
    if d.without_target:
        text += f"; {_schools(d.without_target)} placed here {_have(d.without_target)} no target"
    return text + "."


def _schools(n: int) -> str:
    return f"{n} school" if n == 1 else f"{n} schools"


def _have(n: int) -> str:
    return "has" if n == 1 else "have"


def far_areas(c: Comparison) -> list[TargetDistance]:
    """The areas where at least one school sits far from its target, most schools first."""
    return [d for d in target_distances(c) if d.far]


def portfolio_json(c: Comparison) -> dict:
    """The portfolio's part of `compare --json` (for a trust's schools): which schools are
    joining, and the areas where schools sit far from their targets, most first."""
    s = sets(c)

    def ids(indexes) -> list:
        return [c.members[i].id for i in indexes]

    return {
        "joining": ids(s.joining),
        "existing": ids(s.existing),
        "not_recorded": ids(s.not_recorded),
        "far_from_targets": [
            {
                "referent": d.referent,
                "title": d.title,
                "far": len(d.far),
                "far_on": {"purpose": d.far_purpose, "practice": d.far_practice},
                "with_target": d.with_target,
                "without_target": d.without_target,
                "assessments": ids(d.far),
            }
            for d in far_areas(c)
        ],
    }
