"""One description of the practice–purpose plane, in plane units.

The Qt widget and the PDF figure both draw a :class:`PlaneScene`; neither computes any
geometry of its own. Purpose runs across (x), practice up (y), both from -1 to +1.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from ddwizard.core.assessment import Target
from ddwizard.core.labels import RINGS, LabelRequest, Measure, PlacedLabel, Rect, place_labels
from ddwizard.core.placement import BORDERLINE, Placement, Quadrant, ReferentPlacement

EXTENT = 1.0
BOUNDS = Rect(-EXTENT, -EXTENT, 2 * EXTENT, 2 * EXTENT)


class PointKind(StrEnum):
    CURRENT = "current"
    EARLIER = "earlier"  # an earlier assessment's position, drawn faint
    TARGET = "target"
    STEP = "step"
    STATED = "stated"  # an area's stated answers alone: what is written or said officially
    LIVED = "lived"  # its lived answers alone: what happens


FACETS = (PointKind.STATED, PointKind.LIVED)
FACET_GAP = 0.5  # stated and lived this far apart on an axis diverge, and the words say so


class ArrowKind(StrEnum):
    ROUTE = "route"  # from now through the steps to the target
    RETURN = "return"  # a return trip bringing practice home: drawn dashed
    MOVEMENT = "movement"  # from an earlier assessment to now: drawn faint


@dataclass(frozen=True, slots=True)
class PlanePoint:
    key: str  # referent id (with a suffix for targets, steps and earlier points)
    referent: str
    x: float
    y: float
    kind: PointKind = PointKind.CURRENT
    title: str = ""
    quadrant: Quadrant | None = None
    borderline: bool = False
    spread_x: float = 0.0  # half-lengths of the spread bars, in plane units
    spread_y: float = 0.0
    confidence: str | None = None  # low | medium | high | None
    answered: int = 0  # questions answered ("don't know yet" included), for hover text
    questions: int = 0

    def spread_ends(self) -> tuple[tuple[float, float], tuple[float, float]] | None:
        """Where the spread bars end, ((left, right), (bottom, top)), kept inside the plane;
        None when the answers do not spread at all."""
        if not self.spread_x and not self.spread_y:
            return None
        return (
            (_inside(self.x - self.spread_x), _inside(self.x + self.spread_x)),
            (_inside(self.y - self.spread_y), _inside(self.y + self.spread_y)),
        )


def _inside(v: float) -> float:
    return max(-EXTENT, min(EXTENT, v))


@dataclass(frozen=True, slots=True)
class Arrow:
    referent: str
    x1: float
    y1: float
    x2: float
    y2: float
    kind: ArrowKind = ArrowKind.ROUTE


@dataclass(frozen=True, slots=True)
class QuadrantMark:
    quadrant: Quadrant
    x: float  # the outer corner of the quadrant, where its letter goes
    y: float

    @property
    def letter(self) -> str:
        return self.quadrant.value

    @property
    def title(self) -> str:
        return self.quadrant.title


@dataclass(frozen=True, slots=True)
class Unplaced:
    referent: str
    title: str
    reason: str


@dataclass(frozen=True)
class PlaneScene:
    points: tuple[PlanePoint, ...]
    arrows: tuple[Arrow, ...] = ()
    labels: dict[str, PlacedLabel] = field(default_factory=dict)
    unplaced: tuple[Unplaced, ...] = ()
    bounds: Rect = BOUNDS
    borderline: float = BORDERLINE
    quadrants: tuple[QuadrantMark, ...] = (
        QuadrantMark(Quadrant.A, 1.0, 1.0),
        QuadrantMark(Quadrant.B, 1.0, -1.0),
        QuadrantMark(Quadrant.C, -1.0, 1.0),
        QuadrantMark(Quadrant.D, -1.0, -1.0),
    )

    def point(self, key: str) -> PlanePoint | None:
        return next((p for p in self.points if p.key == key), None)

    def current_points(self) -> list[PlanePoint]:
        return [p for p in self.points if p.kind == PointKind.CURRENT]

    def nearest(self, x: float, y: float, within: float) -> PlanePoint | None:
        """The current point nearest (x, y), if it lies within `within` plane units."""
        best = min(
            self.current_points(), key=lambda p: (p.x - x) ** 2 + (p.y - y) ** 2, default=None
        )
        if best is None or (best.x - x) ** 2 + (best.y - y) ** 2 > within**2:
            return None
        return best


def to_point(
    rp: ReferentPlacement, kind: PointKind = PointKind.CURRENT, suffix: str = ""
) -> PlanePoint:
    return PlanePoint(
        key=rp.referent.id + suffix,
        referent=rp.referent.id,
        x=rp.purpose.value,
        y=rp.practice.value,
        kind=kind,
        title=rp.referent.title,
        quadrant=rp.quadrant,
        borderline=rp.borderline,
        spread_x=rp.purpose.spread or 0.0,
        spread_y=rp.practice.spread or 0.0,
        confidence=rp.confidence,
        answered=rp.answered,
        questions=rp.questions,
    )


def facet_points(rp: ReferentPlacement) -> list[PlanePoint]:
    """An area's stated and lived positions apart, when one of its axes has both facets
    answered: each facet's mean on an axis where it has one, else the axis's whole mean."""
    axes = (rp.purpose, rp.practice)
    if not rp.placed or not any(v.stated is not None and v.lived is not None for v in axes):
        return []
    rid = rp.referent.id
    return [
        PlanePoint(
            f"{rid}@{kind.value}",
            rid,
            _either(rp.purpose.facet(kind.value), rp.purpose.value),
            _either(rp.practice.facet(kind.value), rp.practice.value),
            kind,
            title=f"{kind.value.capitalize()} answers alone",
        )
        for kind in FACETS
    ]


def _either(value: float | None, whole: float) -> float:
    return whole if value is None else value


def route_points(target: Target, start: tuple[float, float] | None) -> list[tuple[float, float]]:
    """The route as a list of positions: now (if placed), each step in order, the target."""
    path = [start] if start is not None else []
    path += [(s.purpose, s.practice) for s in target.steps]
    path.append((target.purpose, target.practice))
    return path


def route_arrows(target: Target, start: tuple[float, float] | None) -> list[Arrow]:
    """Arrows along the route; on a return trip, legs that bring practice home are dashed."""
    path = route_points(target, start)
    arrows = []
    for (x1, y1), (x2, y2) in zip(path, path[1:], strict=False):
        if (x1, y1) == (x2, y2):
            continue
        home = target.return_trip and y2 > y1
        kind = ArrowKind.RETURN if home else ArrowKind.ROUTE
        arrows.append(Arrow(target.referent, x1, y1, x2, y2, kind))
    return arrows


def build_scene(
    placement: Placement,
    *,
    targets: Iterable[Target] = (),
    earlier: Placement | None = None,
    measure: Measure | None = None,
    point_radius: float = 0.025,
    only: Sequence[str] | None = None,
    facets: bool = False,
) -> PlaneScene:
    """Everything the plane shows. `measure` (text → plane-unit size) enables labels;
    `only` limits routes to the named referents (e.g. the selected one); `facets` adds
    each area's stated and lived positions where both are answered on an axis."""
    points: list[PlanePoint] = []
    arrows: list[Arrow] = []
    unplaced: list[Unplaced] = []
    current: dict[str, tuple[float, float]] = {}
    for rp in placement.referents:
        if rp.placed:
            points.append(to_point(rp))
            current[rp.referent.id] = (rp.purpose.value, rp.practice.value)
            points += facet_points(rp) if facets else []
        else:
            unplaced.append(Unplaced(rp.referent.id, rp.referent.title, rp.unplaced_reason()))
    if earlier is not None:
        points_e, arrows_e = _movement(earlier, current)
        points += points_e
        arrows += arrows_e
    for target in targets:
        if only is not None and target.referent not in only:
            continue
        points += _target_points(target)
        arrows += route_arrows(target, current.get(target.referent))
    # No whole-school point: each area is placed on its own (DOMAIN.md).
    labels = _labels(points, measure, point_radius, arrows=arrows) if measure else {}
    return PlaneScene(tuple(points), tuple(arrows), labels, tuple(unplaced))


def relabel(
    scene: PlaneScene,
    measure: Measure,
    point_radius: float,
    *,
    keys: Iterable[str] | None = None,
    obstacles: Sequence[Rect] = (),
    rings: int = RINGS,
    leave_out: bool = False,
) -> PlaneScene:
    """The same scene with labels placed for a renderer's own text size and scale.

    A renderer drawn at another size (a resized widget, a 1600-pixel export) measures text
    differently, so it places the labels again here rather than scaling someone else's.
    `keys` limits the labels to those points (the others stay obstacles); `obstacles` are
    areas the renderer draws over the plane itself (the quadrant captions, say). `rings`
    and `leave_out` are those of `place_labels`: how far a label may stray from its point,
    and whether one that fits nowhere near is left out rather than laid over another.
    """
    wanted = None if keys is None else set(keys)
    blocked = list(obstacles)
    labels = _labels(
        list(scene.points),
        measure,
        point_radius,
        wanted,
        blocked,
        scene.arrows,
        rings=rings,
        leave_out=leave_out,
    )
    return replace(scene, labels=labels)


def _movement(earlier: Placement, current: dict[str, tuple[float, float]]):
    points, arrows = [], []
    for rp in earlier.placed():
        rid = rp.referent.id
        points.append(to_point(rp, PointKind.EARLIER, suffix="@earlier"))
        if rid in current and current[rid] != (rp.purpose.value, rp.practice.value):
            x2, y2 = current[rid]
            arrows.append(
                Arrow(rid, rp.purpose.value, rp.practice.value, x2, y2, ArrowKind.MOVEMENT)
            )
    return points, arrows


def _target_points(target: Target) -> list[PlanePoint]:
    points = [
        PlanePoint(
            f"{target.referent}@step{i}",
            target.referent,
            s.purpose,
            s.practice,
            PointKind.STEP,
            title=s.action,
        )
        for i, s in enumerate(target.steps, start=1)
    ]
    points.append(
        PlanePoint(
            f"{target.referent}@target",
            target.referent,
            target.purpose,
            target.practice,
            PointKind.TARGET,
        )
    )
    return points


def _labels(
    points: list[PlanePoint],
    measure: Measure,
    radius: float,
    wanted: set[str] | None = None,
    obstacles: Sequence[Rect] = (),
    arrows: Sequence[Arrow] = (),
    **placing,
) -> dict[str, PlacedLabel]:
    def labelled(p: PlanePoint) -> bool:
        return p.kind == PointKind.CURRENT and (wanted is None or p.key in wanted)

    requests = []
    for p in points:
        if labelled(p):
            w, h = measure(p.title)
            requests.append(LabelRequest(p.key, p.x, p.y, w, h))
    # The other markers are obstacles too, so a label never hides a target or a step.
    others = [
        Rect(p.x - radius, p.y - radius, 2 * radius, 2 * radius) for p in points if not labelled(p)
    ]
    # Labels keep off the routes and movement arrows too, where they can.
    lines = [((a.x1, a.y1), (a.x2, a.y2)) for a in arrows]
    return place_labels(
        requests, BOUNDS, radius, obstacles=others + list(obstacles), lines=lines, **placing
    )
