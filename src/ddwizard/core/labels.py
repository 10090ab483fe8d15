"""Label placement for points on the plane: no label overlaps another label or a point.

A greedy placer over candidate positions (the classic "point-feature label placement"
approach): each label may sit at one of eight compass positions around its point, at
growing distances; a label placed away from its point gets a leader line. Labels are
placed most-crowded first, and each takes the cheapest candidate that overlaps nothing
already placed. Everything is in plane units, so the Qt widget and the PDF share it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rect:
    x: float  # left
    y: float  # bottom
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def top(self) -> float:
        return self.y + self.h

    def overlaps(self, other: Rect, pad: float = 0.0) -> bool:
        return (
            self.x < other.right + pad
            and other.x < self.right + pad
            and self.y < other.top + pad
            and other.y < self.top + pad
        )

    def inside(self, bounds: Rect) -> bool:
        return (
            self.x >= bounds.x
            and self.y >= bounds.y
            and self.right <= bounds.right
            and self.top <= bounds.top
        )


@dataclass(frozen=True, slots=True)
class LabelRequest:
    key: str
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True, slots=True)
class PlacedLabel:
    key: str
    rect: Rect
    anchor_x: float  # where a leader line leaves the point
    anchor_y: float
    leader: bool  # True when the label sits away from its point

    @property
    def centre(self) -> tuple[float, float]:
        return (self.rect.x + self.rect.w / 2, self.rect.y + self.rect.h / 2)


Segment = tuple[tuple[float, float], tuple[float, float]]

# Compass directions, preferred first (right, left, above, below, then the diagonals).
_DIRECTIONS = ((1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, 1), (1, -1), (-1, -1))


def _candidate(req: LabelRequest, dx: int, dy: int, gap: float) -> Rect:
    if dx > 0:
        x = req.x + gap
    elif dx < 0:
        x = req.x - gap - req.width
    else:
        x = req.x - req.width / 2
    if dy > 0:
        y = req.y + gap
    elif dy < 0:
        y = req.y - gap - req.height
    else:
        y = req.y - req.height / 2
    return Rect(x, y, req.width, req.height)


def _candidates(req: LabelRequest, radius: float, rings: int):
    for ring in range(rings):
        gap = radius * (1.5 + ring * 2.2)
        for i, (dx, dy) in enumerate(_DIRECTIONS):
            yield ring * 10 + i * 0.1, _candidate(req, dx, dy, gap), ring > 0


# How far out a label may go from its point, in rings of candidates. A printed plane has no
# hover to show a name another way, so a label rather goes further out, with a leader, than
# over another label: the demo's crowded corner needs more than twelve.
RINGS = 24


def place_labels(
    requests: Sequence[LabelRequest],
    bounds: Rect,
    point_radius: float,
    obstacles: Sequence[Rect] = (),
    rings: int = RINGS,
    lines: Sequence[Segment] = (),
    leave_out: bool = False,
) -> dict[str, PlacedLabel]:
    """Place every label; a label that cannot be placed without overlap takes the least bad spot.

    ``obstacles`` are areas labels must avoid besides the points (the quadrant letters, say);
    ``lines`` are segments (routes, movement arrows) a label should rather not sit on.
    With ``leave_out``, a label that fits nowhere within ``rings`` is left out instead (the
    renderer shows the title another way, on hover say): a small plane stays legible.
    """
    points = [
        Rect(r.x - point_radius, r.y - point_radius, 2 * point_radius, 2 * point_radius)
        for r in requests
    ]
    taken: list[Rect] = list(obstacles) + points
    leaders: list[Segment] = list(lines)
    placed: dict[str, PlacedLabel] = {}
    pad = point_radius * 0.3
    for req in _most_crowded_first(requests, point_radius):
        best: tuple[float, Rect, bool] | None = None
        for cost, rect, leader in _candidates(req, point_radius, rings):
            if best is not None and best[0] <= cost:
                break  # candidates come cheapest first: none further on can do better
            if not rect.inside(bounds):
                continue
            total = cost + _clashes(rect, taken, pad) * 1000
            if best is not None and total >= best[0]:
                continue  # crossings only add: this one cannot win
            total += _crossings(req, rect, leader, taken, leaders) * CROSSING_COST
            if best is None or total < best[0]:
                best = (total, rect, leader)
        if best is None:  # nothing fits inside the bounds: clamp the first candidate
            rect = _clamp_into(_candidate(req, 1, 0, point_radius * 1.5), bounds)
            best = (0.0, rect, False)
        if leave_out and best[0] >= 1000:
            continue
        _, rect, leader = best
        taken.append(rect)
        ax, ay = _anchor(req, rect)
        if leader:
            leaders.append(((req.x, req.y), (ax, ay)))
        placed[req.key] = PlacedLabel(req.key, rect, ax, ay, leader)
    return placed


def _clashes(rect: Rect, taken: list[Rect], pad: float) -> int:
    """How many of `taken` the rectangle overlaps (Rect.overlaps with `pad`, inlined: this
    runs for every candidate against every label placed so far)."""
    x, y = rect.x, rect.y
    right, top = x + rect.w + pad, y + rect.h + pad
    return sum(
        1
        for t in taken
        if x < t.x + t.w + pad and t.x < right and y < t.y + t.h + pad and t.y < top
    )


# A leader line crossing another leader, or running through a label or a point, costs as
# much as moving a few rings further out: tangled leaders are hard to follow.
CROSSING_COST = 25.0


def _crossings(
    req: LabelRequest, rect: Rect, leader: bool, taken: list[Rect], leaders: list[Segment]
) -> int:
    count = sum(1 for seg in leaders if _segment_meets_rect(seg, rect))
    if leader:
        own: Segment = ((req.x, req.y), _anchor(req, rect))
        count += sum(1 for seg in leaders if _segments_cross(own, seg))
        count += sum(
            1 for t in taken if not _contains(t, req.x, req.y) and _segment_meets_rect(own, t)
        )
    return count


def _contains(r: Rect, x: float, y: float) -> bool:
    return r.x <= x <= r.right and r.y <= y <= r.top


def _segments_cross(s: Segment, t: Segment) -> bool:
    def orient(a, b, c) -> float:
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    (a, b), (c, d) = s, t
    return (orient(a, b, c) * orient(a, b, d) < 0) and (orient(c, d, a) * orient(c, d, b) < 0)


def _segment_meets_rect(seg: Segment, r: Rect) -> bool:
    """Whether the segment passes through the rectangle."""
    (x0, y0), (x1, y1) = seg
    right, top = r.x + r.w, r.y + r.h
    if (
        (x0 < r.x and x1 < r.x)
        or (x0 > right and x1 > right)
        or (y0 < r.y and y1 < r.y)
        or (y0 > top and y1 > top)
    ):
        return False  # wholly to one side: it cannot meet the rectangle
    return _clips(seg, r)


def _clips(seg: Segment, r: Rect) -> bool:
    """Liang–Barsky clipping: whether some length of the segment lies in the rectangle."""
    (x0, y0), (x1, y1) = seg
    dx, dy = x1 - x0, y1 - y0
    lo, hi = 0.0, 1.0
    for p, q in ((-dx, x0 - r.x), (dx, r.right - x0), (-dy, y0 - r.y), (dy, r.top - y0)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            lo = max(lo, t)
        else:
            hi = min(hi, t)
        if lo > hi:
            return False
    return hi - lo > 1e-9


def _most_crowded_first(requests: Sequence[LabelRequest], radius: float) -> list[LabelRequest]:
    reach = radius * 8

    def neighbours(r: LabelRequest) -> int:
        return sum(1 for o in requests if math.hypot(o.x - r.x, o.y - r.y) < reach)

    return sorted(requests, key=lambda r: (-neighbours(r), r.key))


def _anchor(req: LabelRequest, rect: Rect) -> tuple[float, float]:
    """The nearest point of the label's box to its point: where a leader line ends."""
    return (min(max(req.x, rect.x), rect.right), min(max(req.y, rect.y), rect.top))


def _clamp_into(rect: Rect, bounds: Rect) -> Rect:
    x = min(max(rect.x, bounds.x), bounds.right - rect.w)
    y = min(max(rect.y, bounds.y), bounds.top - rect.h)
    return Rect(x, y, rect.w, rect.h)


Measure = Callable[[str], tuple[float, float]]
"""Width and height of a label's text, in plane units, as the renderer will draw it."""
