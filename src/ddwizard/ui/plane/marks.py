"""The plane's marks, drawn the same way on the plot and in the legend."""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPainterPath, QPen, QPolygonF

from ddwizard.ui.plane.style import PlaneStyle

# How sure the assessor is, as the fill's opacity; None (not recorded) is hollow and dotted.
CONFIDENCE_FILL = {"high": 0.9, "medium": 0.5, "low": 0.18}


def pen(colour, width: float, style=Qt.PenStyle.SolidLine) -> QPen:
    p = QPen(colour, width, style)
    p.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return p


def area_point(
    p: QPainter, c: QPointF, r: float, confidence: str | None, s: PlaneStyle, line: float
) -> None:
    """An area's current position: filled by confidence, always with a crisp outline."""
    # A paper-coloured disc underneath keeps points legible over arrows and the band.
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(s.paper())
    p.drawEllipse(c, r, r)
    fill = CONFIDENCE_FILL.get(confidence or "")
    outline = Qt.PenStyle.SolidLine if fill is not None else Qt.PenStyle.DotLine
    p.setPen(pen(s.ink(0.95), line * 1.2, outline))
    p.setBrush(s.ink(fill) if fill is not None else Qt.BrushStyle.NoBrush)
    p.drawEllipse(c, r, r)


def earlier_point(p: QPainter, c: QPointF, r: float, s: PlaneStyle, line: float) -> None:
    p.setPen(pen(s.ink(0.45), line))
    p.setBrush(s.ink(0.08))
    p.drawEllipse(c, r, r)


def facet_mark(
    p: QPainter, c: QPointF, half: float, letter: str, s: PlaneStyle, line: float, font
) -> None:
    """A stated (S) or lived (L) position: a small lettered square, unlike an area's disc."""
    box = QRectF(c.x() - half, c.y() - half, 2 * half, 2 * half)
    p.setPen(pen(s.ink(0.8), line))
    p.setBrush(s.paper())
    p.drawRect(box)
    p.setFont(font)
    p.setPen(s.ink(0.95))
    p.drawText(box, int(Qt.AlignmentFlag.AlignCenter), letter)


def target_mark(
    p: QPainter, c: QPointF, r: float, s: PlaneStyle, line: float, strong: bool = False
) -> None:
    """A hollow ring with a dot at its centre: where the area is meant to be."""
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(pen(s.paper(0.9), line * 4.2))
    p.drawEllipse(c, r, r)
    p.setPen(pen(s.accent, line * (2.4 if strong else 1.8)))
    p.drawEllipse(c, r, r)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(s.accent)
    p.drawEllipse(c, line * 1.3, line * 1.3)


def step_mark(p: QPainter, c: QPointF, r: float, s: PlaneStyle, line: float) -> None:
    diamond = QPolygonF(
        [c + QPointF(0, -r), c + QPointF(r, 0), c + QPointF(0, r), c + QPointF(-r, 0)]
    )
    p.setPen(pen(s.paper(), line))
    p.setBrush(s.accent)
    p.drawPolygon(diamond)


def arrow(
    p: QPainter,
    a: QPointF,
    b: QPointF,
    stroke: QPen,
    head: float,
    trim_start: float = 0.0,
    trim_end: float = 0.0,
) -> None:
    """A line from a to b, trimmed short of the marks at both ends, with a filled head."""
    length = math.hypot(b.x() - a.x(), b.y() - a.y())
    if length <= trim_start + trim_end + head * 0.5:
        return
    ux, uy = (b.x() - a.x()) / length, (b.y() - a.y()) / length
    start = QPointF(a.x() + ux * trim_start, a.y() + uy * trim_start)
    tip = QPointF(b.x() - ux * trim_end, b.y() - uy * trim_end)
    neck = QPointF(tip.x() - ux * head, tip.y() - uy * head)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(stroke)
    p.drawLine(QLineF(start, neck))
    wing = head * 0.45
    head_poly = QPolygonF(
        [
            tip,
            QPointF(neck.x() - uy * wing, neck.y() + ux * wing),
            QPointF(neck.x() + uy * wing, neck.y() - ux * wing),
        ]
    )
    solid = QPen(stroke)
    solid.setStyle(Qt.PenStyle.SolidLine)
    p.setPen(solid)
    p.setBrush(QBrush(stroke.color()))
    p.drawPolygon(head_poly)


def spread_bars(
    p: QPainter,
    ends: tuple[tuple[QPointF, QPointF], tuple[QPointF, QPointF]],
    cap: float,
    s: PlaneStyle,
    line: float,
) -> None:
    """Thin bars across the spread of the answers on each axis, with small end caps.
    `ends` are the pixel ends of the horizontal and the vertical bar (equal: no bar)."""
    p.setPen(pen(s.ink(0.32), line))
    (left, right), (bottom, top) = ends
    if left != right:
        p.drawLine(QLineF(left, right))
        for e in (left, right):
            p.drawLine(QLineF(e.x(), e.y() - cap, e.x(), e.y() + cap))
    if bottom != top:
        p.drawLine(QLineF(bottom, top))
        for e in (bottom, top):
            p.drawLine(QLineF(e.x() - cap, e.y(), e.x() + cap, e.y()))


def band_path(plot: QRectF, centre: QPointF, half_w: float) -> QPainterPath:
    """The borderline band along both axes, as one shape (so the crossing isn't darker)."""
    vertical = QPainterPath()
    vertical.addRect(QRectF(centre.x() - half_w, plot.top(), 2 * half_w, plot.height()))
    horizontal = QPainterPath()
    horizontal.addRect(QRectF(plot.left(), centre.y() - half_w, plot.width(), 2 * half_w))
    return vertical.united(horizontal)


BAND_ALPHA = 0.07
