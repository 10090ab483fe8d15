"""The plane as a vector figure: a thin renderer of core's :class:`PlaneScene`.

All positions, arrows and label boxes come from the scene, in plane units; this module only
maps them onto the page and chooses how each kind of mark looks.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from ddwizard.core.labels import Measure
from ddwizard.core.placement import Quadrant
from ddwizard.core.plane import ArrowKind, PlanePoint, PlaneScene, PointKind
from ddwizard.report import fonts, text
from ddwizard.report.styles import (
    ACCENT,
    GREY,
    GREY_DARK,
    GREY_LIGHT,
    GREY_RULE,
    INK,
    WHITE,
)

LABEL_SIZE = 6.6
LABEL_PAD = 1.6  # points of room either side of a label's text
MARK = 3.4  # radius of an area's point, in points
SPREAD = colors.HexColor("#A7AFB6")  # spread bars: present, but quieter than the points
LEFT, RIGHT, TOP, BOTTOM = 34, 14, 24, 56  # room around the plot for titles and axes


class Mode(Enum):
    PLANE = "plane"  # where each area sits
    ROUTES = "routes"  # from now, through the steps, to the targets
    MOVEMENT = "movement"  # from an earlier assessment to now


@dataclass(frozen=True)
class Box:
    """The plot square on the drawing: plane (-1..1) to points."""

    x0: float
    y0: float
    size: float

    @property
    def scale(self) -> float:
        return self.size / 2

    def x(self, px: float) -> float:
        return self.x0 + (px + 1) * self.scale

    def y(self, py: float) -> float:
        return self.y0 + (py + 1) * self.scale


def measure(plot_size: float) -> Measure:
    """Label sizes in plane units, as :func:`plane` will draw them at this plot size."""
    scale = plot_size / 2

    def size(title: str) -> tuple[float, float]:
        width = sum(stringWidth(s, f, LABEL_SIZE) for f, s in text.runs(title))
        return ((width + 2 * LABEL_PAD) / scale, LABEL_SIZE * 1.3 / scale)

    return size


def plane(scene: PlaneScene, width: float, plot_size: float, mode: Mode = Mode.PLANE) -> Drawing:
    """The whole figure: the frame, then arrows, spread bars, points and labels."""
    height = plot_size + TOP + BOTTOM
    box = Box(LEFT + (width - LEFT - RIGHT - plot_size) / 2, BOTTOM, plot_size)
    d = drawing(width, height)
    _background(d, box, scene.borderline)
    _frame_text(d, box)
    arrows = Group()
    for arrow in scene.arrows:
        _arrow(arrows, box, arrow.x1, arrow.y1, arrow.x2, arrow.y2, arrow.kind)
    d.add(arrows)
    for p in scene.points:
        if p.kind == PointKind.CURRENT and mode == Mode.PLANE:
            _spread(d, box, p)
    for p in sorted(scene.points, key=lambda p: _order[p.kind]):
        _point(d, box, p)
    for key, label in scene.labels.items():
        p = scene.point(key)
        if p is not None:
            _label(d, box, p, label)
    return d


def drawing(width: float, height: float) -> Drawing:
    # Our font from the start, so the PDF never refers to an unembedded standard font.
    return Drawing(width, height, initialFontName=fonts.REGULAR)


_order = {PointKind.EARLIER: 0, PointKind.STEP: 1, PointKind.TARGET: 2, PointKind.CURRENT: 3}


def _background(d: Drawing, box: Box, band: float) -> None:
    s = box.scale
    d.add(
        Rect(box.x(-band), box.y0, 2 * band * s, box.size, fillColor=GREY_LIGHT, strokeColor=None)
    )
    d.add(
        Rect(box.x0, box.y(-band), box.size, 2 * band * s, fillColor=GREY_LIGHT, strokeColor=None)
    )
    for v in (-0.5, 0.5):
        d.add(
            Line(
                box.x(v),
                box.y0,
                box.x(v),
                box.y0 + box.size,
                strokeColor=GREY_RULE,
                strokeWidth=0.3,
                strokeDashArray=[1, 2],
            )
        )
        d.add(
            Line(
                box.x0,
                box.y(v),
                box.x0 + box.size,
                box.y(v),
                strokeColor=GREY_RULE,
                strokeWidth=0.3,
                strokeDashArray=[1, 2],
            )
        )
    d.add(Line(box.x(0), box.y0, box.x(0), box.y0 + box.size, strokeColor=GREY, strokeWidth=0.7))
    d.add(Line(box.x0, box.y(0), box.x0 + box.size, box.y(0), strokeColor=GREY, strokeWidth=0.7))
    d.add(
        Rect(
            box.x0,
            box.y0,
            box.size,
            box.size,
            fillColor=None,
            strokeColor=GREY_RULE,
            strokeWidth=0.6,
        )
    )


def _frame_text(d: Drawing, box: Box) -> None:
    """Quadrant letters and names outside the corners; ticks; the two axes in words."""
    right = box.x0 + box.size
    top = box.y0 + box.size
    for v in (-1, -0.5, 0, 0.5, 1):
        label = {-1: "\u22121", -0.5: "\u22120.5", 0: "0", 0.5: "+0.5", 1: "+1"}[v]
        _text(d, box.x(v), box.y0 - 9, label, 5.8, GREY, "middle")
        _text(d, box.x0 - 4, box.y(v) - 2, label, 5.8, GREY, "end")
    corners = (
        ("C", box.x0, top + 9, "start"),
        ("A", right, top + 9, "end"),
        ("D", box.x0, box.y0 - 24, "start"),
        ("B", right, box.y0 - 24, "end"),
    )
    for letter, x, y, anchor in corners:
        title = Quadrant(letter).title
        _quadrant_title(d, x, y, letter, title, anchor)
    _axis_words(d, box.x0, right, box.y0 - 46, "purpose")
    g = Group()
    _axis_words(g, 0, box.size, 0, "practice")
    g.transform = (0, 1, -1, 0, box.x0 - 22, box.y0)  # turned to run up the left side
    d.add(g)


def _axis_words(g, start: float, end: float, y: float, axis: str) -> None:
    """An axis in words: the name in the middle, "other" and "the trust's" at the ends."""
    _text(g, start, y, f"\u2190 other {axis}", 7.4, GREY_DARK, "start")
    _text(g, end, y, f"the trust\u2019s {axis} \u2192", 7.4, GREY_DARK, "end")
    _text(g, (start + end) / 2, y, axis.capitalize(), 8, INK, "middle", fonts.BOLD)


def _quadrant_title(d: Drawing, x: float, y: float, letter: str, title: str, anchor: str) -> None:
    letter_w = stringWidth(letter, fonts.BOLD, 11)
    title_w = stringWidth(title, fonts.REGULAR, 7.4)
    gap = 5
    start = x if anchor == "start" else x - letter_w - gap - title_w
    d.add(String(start, y, letter, fontName=fonts.BOLD, fontSize=11, fillColor=ACCENT))
    d.add(
        String(
            start + letter_w + gap,
            y + 0.6,
            title,
            fontName=fonts.REGULAR,
            fontSize=7.4,
            fillColor=GREY_DARK,
        )
    )


def _text(
    g,
    x: float,
    y: float,
    value: str,
    size: float,
    color,
    anchor: str = "start",
    font: str = fonts.REGULAR,
) -> float:
    """Draw one line of text in font runs (so fallback fonts work); returns its width."""
    parts = [(font if f == fonts.REGULAR else f, s) for f, s in text.runs(value)]
    width = sum(stringWidth(s, f, size) for f, s in parts)
    x -= {"start": 0, "middle": width / 2, "end": width}[anchor]
    for f, s in parts:
        g.add(String(x, y, s, fontName=f, fontSize=size, fillColor=color))
        x += stringWidth(s, f, size)
    return width


def _spread(d: Drawing, box: Box, p: PlanePoint) -> None:
    ends = p.spread_ends()
    if ends is None:
        return
    (left, right), (bottom, top) = ends
    x, y = box.x(p.x), box.y(p.y)
    cap = 1.6
    if left != right:
        x1, x2 = box.x(left), box.x(right)
        d.add(Line(x1, y, x2, y, strokeColor=SPREAD, strokeWidth=0.45))
        for xe in (x1, x2):
            d.add(Line(xe, y - cap, xe, y + cap, strokeColor=SPREAD, strokeWidth=0.45))
    if bottom != top:
        y1, y2 = box.y(bottom), box.y(top)
        d.add(Line(x, y1, x, y2, strokeColor=SPREAD, strokeWidth=0.45))
        for ye in (y1, y2):
            d.add(Line(x - cap, ye, x + cap, ye, strokeColor=SPREAD, strokeWidth=0.45))


def _point(d: Drawing, box: Box, p: PlanePoint) -> None:
    kind = p.kind.value if p.kind != PointKind.CURRENT else (p.confidence or "none")
    for shape in marks(kind, box.x(p.x), box.y(p.y)):
        d.add(shape)


def marks(kind: str, x: float, y: float) -> list:
    """The shapes of one kind of point: an area now (by confidence: high, medium, low,
    none), an earlier position, a step or a target."""
    if kind in ("high", "medium", "low", "none"):
        return [confidence_mark(x, y, None if kind == "none" else kind)]
    if kind == PointKind.EARLIER.value:
        return [
            Circle(
                x,
                y,
                MARK * 0.8,
                fillColor=WHITE,
                strokeColor=GREY,
                strokeWidth=0.6,
                strokeDashArray=[1.2, 1],
            )
        ]
    if kind == PointKind.STEP.value:
        r = MARK * 0.7
        return [
            Rect(x - r, y - r, 2 * r, 2 * r, fillColor=WHITE, strokeColor=ACCENT, strokeWidth=0.8)
        ]
    if kind == PointKind.TARGET.value:
        return [
            Circle(x, y, MARK * 1.35, fillColor=WHITE, strokeColor=ACCENT, strokeWidth=1.1),
            Circle(x, y, MARK * 0.45, fillColor=ACCENT, strokeColor=None),
        ]
    raise ValueError(f"no mark for {kind!r}")


def confidence_mark(x: float, y: float, confidence: str | None, colour=ACCENT) -> Circle:
    """Filled for high confidence, half-tone for medium, open for low; grey when unstated."""
    if confidence == "high":
        return Circle(x, y, MARK, fillColor=colour, strokeColor=colour, strokeWidth=0.8)
    if confidence == "medium":
        return Circle(
            x, y, MARK, fillColor=colour, fillOpacity=0.4, strokeColor=colour, strokeWidth=0.8
        )
    if confidence == "low":
        return Circle(x, y, MARK, fillColor=WHITE, strokeColor=colour, strokeWidth=0.9)
    return Circle(
        x, y, MARK, fillColor=WHITE, strokeColor=GREY, strokeWidth=0.9, strokeDashArray=[1.5, 1]
    )


def _arrow(g: Group, box: Box, x1: float, y1: float, x2: float, y2: float, kind: ArrowKind) -> None:
    arrow_shape(g, box.x(x1), box.y(y1), box.x(x2), box.y(y2), kind, trim=MARK + 1)


def arrow_shape(
    g: Group, ax: float, ay: float, bx: float, by: float, kind: ArrowKind, trim: float
) -> None:
    """A straight arrow, trimmed at both ends so it stops short of the marks it joins."""
    length = math.hypot(bx - ax, by - ay)
    if length < 2 * trim + 2:
        return
    ux, uy = (bx - ax) / length, (by - ay) / length
    ax, ay = ax + ux * trim, ay + uy * trim
    bx, by = bx - ux * (trim + 0.5), by - uy * (trim + 0.5)
    colour = GREY if kind == ArrowKind.MOVEMENT else ACCENT
    dash = [3, 2] if kind == ArrowKind.RETURN else None
    width = 0.7 if kind == ArrowKind.MOVEMENT else 1.0
    head, half = 5.0, 2.2
    hx, hy = bx - ux * head, by - uy * head
    g.add(Line(ax, ay, hx, hy, strokeColor=colour, strokeWidth=width, strokeDashArray=dash))
    g.add(
        Polygon(
            [bx, by, hx - uy * half, hy + ux * half, hx + uy * half, hy - ux * half],
            fillColor=colour,
            strokeColor=None,
        )
    )


def _label(d: Drawing, box: Box, p: PlanePoint, label) -> None:
    r = label.rect
    x, y = box.x(r.x), box.y(r.y)
    w, h = r.w * box.scale, r.h * box.scale
    if label.leader:
        d.add(
            Line(
                box.x(p.x),
                box.y(p.y),
                box.x(label.anchor_x),
                box.y(label.anchor_y),
                strokeColor=GREY_DARK,
                strokeWidth=0.45,
            )
        )
    d.add(Rect(x, y, w, h, fillColor=WHITE, fillOpacity=0.85, strokeColor=None))
    _text(d, x + LABEL_PAD, y + h * 0.27, text.plain(p.title), LABEL_SIZE, INK)
