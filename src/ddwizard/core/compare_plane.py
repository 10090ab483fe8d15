"""The plane description of a comparison: one small plane per area, several series on each.

It sits beside :mod:`ddwizard.core.plane` (one assessment's plane) and, like it, holds
everything in plane units: the app's Compare view and the PNG and SVG exports are thin
renderers of a :class:`ComparisonFigure` and compute no positions of their own.

A series is one assessment, told apart by its marker's shape and its number, never by
colour alone. Comparing a trust's schools (the portfolio) there are too many for a shape
each: the series are then the sets of schools (joining, existing) and each point is named.
Points that stack on one spot are drawn once, with a count.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from ddwizard.core.compare import AreaComparison, Comparison, Kind
from ddwizard.core.labels import LabelRequest, PlacedLabel, Rect, place_labels

BOUNDS = Rect(-1.0, -1.0, 2.0, 2.0)
# The shapes, in the order series take them: each reads apart from the others in grey.
MARKERS = ("circle", "square", "triangle", "diamond", "triangle_down", "cross")
STACK = 0.1  # points of one series this close (a marker across) are drawn as one, counted


@dataclass(frozen=True, slots=True)
class Series:
    index: int
    name: str  # in the legend
    tag: str  # beside each point: the series number (a portfolio names the school instead)
    marker: str
    hollow: bool = False


@dataclass(frozen=True, slots=True)
class Mark:
    key: str
    series: int
    x: float
    y: float
    names: tuple[str, ...]  # who sits here (one unless stacked)
    label: str  # the text drawn beside it

    @property
    def count(self) -> int:
        return len(self.names)


@dataclass(frozen=True, slots=True)
class Link:
    """A leg of a trajectory: one assessment's position to the next one's, in date order."""

    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True)
class Panel:
    referent: str
    title: str
    marks: tuple[Mark, ...]
    links: tuple[Link, ...] = ()
    unplaced: tuple[str, ...] = ()  # names of the members not placed in this area
    gap_purpose: float | None = None
    gap_practice: float | None = None
    labels: dict[str, PlacedLabel] = field(default_factory=dict)
    quadrants: tuple[tuple[str, int], ...] = ()  # (A-D or "axis", how many) for a portfolio
    far: tuple[int, int] | None = None  # a portfolio's (far from target, with a target)

    def mark(self, key: str) -> Mark | None:
        return next((m for m in self.marks if m.key == key), None)


@dataclass(frozen=True)
class ComparisonFigure:
    title: str
    kind: Kind
    series: tuple[Series, ...]
    panels: tuple[Panel, ...]
    notes: tuple[str, ...] = ()


def figure_title(c: Comparison) -> str:
    first = c.members[0].assessment
    if c.kind == Kind.TRUSTS:
        return f"{first.school.name}: candidate trusts compared"
    if c.kind == Kind.SCHOOLS:
        return f"{first.trust.name}: {len(c.members)} schools compared"
    if c.kind == Kind.PERSPECTIVES:
        return f"{first.school.name} and {first.trust.name}: perspectives compared"
    if c.kind == Kind.MOVEMENT:
        return f"{first.school.name} and {first.trust.name}: movement over time"
    return f"{len(c.members)} assessments compared"


def build_figure(c: Comparison) -> ComparisonFigure:
    """The figure for a comparison, areas in questionnaire order, without labels (a renderer
    places them for its own text size with :func:`label_panel`)."""
    if c.kind == Kind.SCHOOLS:
        series, member_series = _school_sets(c)
    else:
        series = tuple(
            Series(i, c.name(i), str(i + 1), MARKERS[i % len(MARKERS)], hollow=i >= len(MARKERS))
            for i in range(len(c.members))
        )
        member_series = list(range(len(c.members)))
    panels = tuple(_panel(c, area, series, member_series) for area in c.areas)
    notes = list(c.notes)
    if c.kind == Kind.SCHOOLS:
        panels, said = _portfolio(c, panels, len(series) > 1)
        notes += said
    return ComparisonFigure(figure_title(c), c.kind, series, panels, tuple(notes))


def _portfolio(c: Comparison, panels, apart: bool) -> tuple[tuple[Panel, ...], list[str]]:
    """Each panel with how many schools sit far from their targets, and the figure's notes:
    joining and existing counted, and the areas where most schools are far from target."""
    from ddwizard.core.compare_portfolio import FAR, far_areas, sets, target_distances

    by_area = {d.referent: d for d in target_distances(c)}
    panels = tuple(
        replace(p, far=(len(by_area[p.referent].far), by_area[p.referent].with_target))
        for p in panels
    )
    s = sets(c)
    if apart:
        counts = [
            f"{what} {len(which)}"
            for what, which in (
                ("joining", s.joining),
                ("existing", s.existing),
                ("not recorded", s.not_recorded),
            )
            if which
        ]
        notes = ["Schools: " + ", ".join(counts) + "."]
    else:
        notes = ["The assessments do not say which schools are joining: shown as one set."]
    far = far_areas(c)[:3]
    if far:
        most = "; ".join(f"{d.title} ({len(d.far)} of {d.with_target})" for d in far)
        notes.append(f"Most schools {FAR} or more from their target on an axis: {most}.")
    return panels, notes


def _school_sets(c: Comparison) -> tuple[tuple[Series, ...], list[int]]:
    """Joining schools apart from existing ones where the assessments say which is which."""
    known = [m.joining for m in c.members]
    if all(j is None for j in known):
        return (Series(0, "Schools", "", "circle"),), [0] * len(c.members)
    sets = [("Existing schools", False, "circle"), ("Joining schools", True, "triangle")]
    if any(j is None for j in known):
        sets.append(("Not recorded as joining or existing", None, "square"))
    series = tuple(
        Series(i, name, "", marker, hollow=flag is True)
        for i, (name, flag, marker) in enumerate(sets)
    )
    index = {flag: i for i, (_, flag, _) in enumerate(sets)}
    return series, [index[j] for j in known]


def _panel(c: Comparison, area: AreaComparison, series, member_series) -> Panel:
    portfolio = c.kind == Kind.SCHOOLS
    stacks: list[tuple[int, float, float, list[str]]] = []  # series, where drawn, who
    unplaced = []
    for p in area.points:
        name = c.name(p.member)
        if not p.placed:
            unplaced.append(name)
            continue
        s = member_series[p.member]
        stack = next((k for k in stacks if k[0] == s and _near(k[1], k[2], p)), None)
        if stack is None:
            stacks.append((s, p.purpose, p.practice, [name]))
        else:
            stack[3].append(name)
    marks = []
    for n, (s, x, y, names) in enumerate(stacks):
        # A stack is drawn where its first member sits: a real position, not an average.
        label = _label(tuple(names), series[s], portfolio)
        marks.append(Mark(f"{area.referent}#{n}", s, x, y, tuple(names), label))
    links = _trajectory(area) if c.kind == Kind.MOVEMENT else ()
    quadrants = _quadrant_counts(area) if portfolio else ()
    return Panel(
        area.referent,
        area.title,
        tuple(marks),
        links,
        tuple(unplaced),
        area.gap_purpose,
        area.gap_practice,
        quadrants=quadrants,
    )


def _quadrant_counts(area: AreaComparison) -> tuple[tuple[str, int], ...]:
    """How many schools sit in each quadrant of this area (those on an axis apart)."""
    placed = [p for p in area.points if p.placed]
    counts = [(q, sum(1 for p in placed if p.quadrant and p.quadrant.value == q)) for q in "ABCD"]
    on_axis = sum(1 for p in placed if p.quadrant is None)
    return tuple(counts) + ((("axis", on_axis),) if on_axis else ())


def _near(x: float, y: float, p) -> bool:
    return abs(p.purpose - x) < STACK and abs(p.practice - y) < STACK


def _label(names: tuple[str, ...], series: Series, portfolio: bool) -> str:
    if not portfolio:
        return series.tag
    # A stack shows its count inside the marker; naming it again would only crowd the names
    # of the schools that sit alone.
    return names[0] if len(names) == 1 else ""


def _trajectory(area: AreaComparison) -> tuple[Link, ...]:
    placed = [p for p in area.points if p.placed]
    return tuple(
        Link(a.purpose, a.practice, b.purpose, b.practice)
        for a, b in zip(placed, placed[1:], strict=False)
        if (a.purpose, a.practice) != (b.purpose, b.practice)
    )


Measure = Callable[[str], tuple[float, float]]


def label_panel(
    panel: Panel, measure: Measure, radius: float, obstacles: Sequence[Rect] = (), rings: int = 4
) -> Panel:
    """The panel with its labels placed for a renderer's text size (plane units). A label
    that fits nowhere near its point is left out rather than laid over another; the point
    keeps its marker (and its count, when stacked)."""
    requests = []
    for m in panel.marks:
        if m.label:
            w, h = measure(m.label)
            requests.append(LabelRequest(m.key, m.x, m.y, w, h))
    # Points without a label (the stacks) are obstacles too: no name is laid over them.
    r = radius
    quiet = [Rect(m.x - r, m.y - r, 2 * r, 2 * r) for m in panel.marks if not m.label]
    obstacles = [*obstacles, *quiet]
    lines = [((k.x1, k.y1), (k.x2, k.y2)) for k in panel.links]
    labels = place_labels(
        requests, BOUNDS, radius, obstacles=obstacles, rings=rings, lines=lines, leave_out=True
    )
    return replace(panel, labels=labels)
