"""Drawing a laid-out plane with a QPainter: the one paint routine behind the widget, the
PNG and the SVG. It reads positions from the frame (which reads them from the core scene)
and computes none of its own."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter

from ddwizard.core.plane import FACETS, Arrow, ArrowKind, PlanePoint, PointKind
from ddwizard.ui.plane import legend, marks
from ddwizard.ui.plane.frame import TICKS, Frame, tick_text
from ddwizard.ui.shorten import whole_words

ALIGN_CENTRE = Qt.AlignmentFlag.AlignCenter
V_CENTRE = Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class PaintState:
    selected: str | None = None  # referent id
    focus: str | None = None  # point key with the keyboard focus ring
    hover: str | None = None  # point key under the mouse


def paint_frame(p: QPainter, f: Frame, state: PaintState = PaintState()) -> None:
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    p.fillRect(f.rect, f.style.paper())
    _caption(p, f)
    _ground(p, f)
    _axis_titles(p, f)
    _quadrant_captions(p, f)
    _data(p, f, state)
    _labels(p, f, state)
    _focus(p, f, state)
    if f.entries:
        p.setFont(f.small)
        legend.draw(p, f.legend_rows, f.legend_origin, f.sfm, f.style, f.radius, f.line)
    if f.notes:
        p.setFont(f.small)
        p.setPen(f.style.ink(0.8))
        p.drawText(f.notes_rect, int(Qt.TextFlag.TextWordWrap), f.notes)
    p.restore()


def _caption(p: QPainter, f: Frame) -> None:
    if not f.caption:
        return
    p.setFont(f.title_font)
    p.setPen(f.style.ink(0.95))
    text = whole_words(p.fontMetrics(), f.caption, f.caption_rect.width())
    p.drawText(f.caption_rect, int(Qt.AlignmentFlag.AlignLeft | V_CENTRE), text)


def _ground(p: QPainter, f: Frame) -> None:
    """Grid, borderline band, axes and frame: quiet greys, so the areas stand out."""
    s, plot, centre = f.style, f.plot, f.plot.center()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(s.ink(marks.BAND_ALPHA))
    p.drawPath(marks.band_path(plot, centre, f.scene.borderline * f.ppu))
    p.setPen(marks.pen(s.ink(0.09), f.line))
    for v in (-0.5, 0.5):
        a, b = f.to_px(v, -1), f.to_px(v, 1)
        p.drawLine(QLineF(a, b))
        a, b = f.to_px(-1, v), f.to_px(1, v)
        p.drawLine(QLineF(a, b))
    p.setPen(marks.pen(s.ink(0.5), f.line))
    p.drawLine(QLineF(plot.left(), centre.y(), plot.right(), centre.y()))
    p.drawLine(QLineF(centre.x(), plot.top(), centre.x(), plot.bottom()))
    p.setPen(marks.pen(s.ink(0.3), f.line))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(plot)
    if not f.compact:
        _ticks(p, f)


def _ticks(p: QPainter, f: Frame) -> None:
    p.setFont(f.small)
    p.setPen(f.style.ink(0.6))
    h = f.sfm.height()
    for v in TICKS:
        text = tick_text(v)
        w = f.sfm.horizontalAdvance(text) + 2
        x = f.to_px(v, -1)
        p.drawText(QRectF(x.x() - w / 2, f.plot.bottom() + f.em * 0.15, w, h), ALIGN_CENTRE, text)
        y = f.to_px(-1, v)
        p.drawText(
            QRectF(f.plot.left() - f.em * 0.25 - w, y.y() - h / 2, w, h),
            int(Qt.AlignmentFlag.AlignRight | V_CENTRE),
            text,
        )


AXES = (("← other", "Purpose", "the trust's →"), ("← other", "Practice", "the trust's →"))


def _axis_titles(p: QPainter, f: Frame) -> None:
    """Words, not symbols: which way is the trust's own, on each axis."""
    p.setFont(f.small)
    p.setPen(f.style.ink(0.8))
    h = f.sfm.height()
    across = QRectF(
        f.plot.left(), f.plot.bottom() + f.em * 0.2 + f.ticks_h + f.quadrant_row, f.side, h
    )
    _three_part(p, f, across, AXES[0])
    p.save()  # the practice title reads upwards, along its axis
    p.translate(f.plot.left() - f.left + f.pad, f.plot.bottom())
    p.rotate(-90)
    _three_part(p, f, QRectF(0, 0, f.side, h), AXES[1])
    p.restore()


def _three_part(p: QPainter, f: Frame, box: QRectF, words: tuple[str, str, str]) -> None:
    low, name, high = words
    fits = f.sfm.horizontalAdvance(f"{low}  {name}  {high}") * 1.1 < box.width()
    if fits:
        p.drawText(box, int(Qt.AlignmentFlag.AlignLeft | V_CENTRE), low)
        p.drawText(box, int(Qt.AlignmentFlag.AlignRight | V_CENTRE), high)
    bold = p.font()
    bold.setBold(True)
    p.save()
    p.setFont(bold)
    p.drawText(box, ALIGN_CENTRE, name if fits else f"{name} →")
    p.restore()


def _quadrant_captions(p: QPainter, f: Frame) -> None:
    for c in f.captions:
        p.setFont(f.letter_font)
        p.setPen(f.style.ink(0.5 if f.compact else 0.7))
        p.drawText(c.letter_rect, ALIGN_CENTRE, c.letter)
        if c.name:
            p.setFont(f.small)
            p.setPen(f.style.ink(0.75))
            p.drawText(c.name_rect, int(c.align | V_CENTRE), c.name)


def _data(p: QPainter, f: Frame, state: PaintState) -> None:
    s, scene, r = f.style, f.scene, f.radius
    for pt in scene.current_points():
        ends = pt.spread_ends()
        if ends is not None:
            (x1, x2), (y1, y2) = ends
            px = ((f.to_px(x1, pt.y), f.to_px(x2, pt.y)), (f.to_px(pt.x, y1), f.to_px(pt.x, y2)))
            marks.spread_bars(p, px, r * 0.4, s, f.line)
    radii = _marker_radii(f)
    for a in scene.arrows:
        _arrow(p, f, a, radii, state)
    for pt in scene.points:
        if pt.kind == PointKind.EARLIER:
            marks.earlier_point(p, f.to_px(pt.x, pt.y), f.marker_radius(pt.kind), s, f.line)
    _facets(p, f)
    _leaders(p, f)
    for pt in scene.current_points():
        _area(p, f, pt, state)
    for pt in scene.points:
        c, rr = f.to_px(pt.x, pt.y), f.marker_radius(pt.kind)
        if pt.kind == PointKind.STEP:
            marks.step_mark(p, c, rr, s, f.line)
        elif pt.kind == PointKind.TARGET:
            marks.target_mark(p, c, rr, s, f.line, strong=pt.referent == state.selected)


def _facets(p: QPainter, f: Frame) -> None:
    """Each area's stated and lived marks, joined by a dotted line through nothing else."""
    found: dict[str, dict[PointKind, PlanePoint]] = {}
    for pt in f.scene.points:
        if pt.kind in FACETS:
            found.setdefault(pt.referent, {})[pt.kind] = pt
    for pair in found.values():
        if len(pair) == 2:
            a, b = (f.to_px(pt.x, pt.y) for pt in pair.values())
            p.setPen(marks.pen(f.style.ink(0.5), f.line, Qt.PenStyle.DotLine))
            p.drawLine(a, b)
        for kind, pt in pair.items():
            letter = "S" if kind == PointKind.STATED else "L"
            marks.facet_mark(p, f.to_px(pt.x, pt.y), f.facet_half, letter, f.style, f.line, f.small)


def _area(p: QPainter, f: Frame, pt: PlanePoint, state: PaintState) -> None:
    c, r = f.to_px(pt.x, pt.y), f.radius
    p.setPen(Qt.PenStyle.NoPen)
    if pt.referent == state.selected:
        p.setBrush(f.style.tint(0.32))
        p.drawEllipse(c, r * 2.1, r * 2.1)
    elif pt.key == state.hover:
        p.setBrush(f.style.ink(0.12))
        p.drawEllipse(c, r * 1.9, r * 1.9)
    marks.area_point(p, c, r, pt.confidence, f.style, f.line)


def _marker_radii(f: Frame) -> dict[tuple[str, float, float], float]:
    """The biggest mark at each spot of each area, so arrows stop short of it."""
    out: dict[tuple[str, float, float], float] = {}
    for pt in f.scene.points:
        if pt.kind == PointKind.EARLIER:
            continue
        k = (pt.referent, round(pt.x, 6), round(pt.y, 6))
        out[k] = max(out.get(k, 0.0), f.marker_radius(pt.kind))
    return out


def _arrow(p: QPainter, f: Frame, a: Arrow, radii: dict, state: PaintState) -> None:
    s, gap = f.style, f.line * 2.5
    start, end = f.to_px(a.x1, a.y1), f.to_px(a.x2, a.y2)
    head = f.radius * 1.7
    if a.kind == ArrowKind.MOVEMENT:
        trim_start = f.marker_radius(PointKind.EARLIER) + gap
        trim_end = f.radius + gap
        marks.arrow(
            p, start, end, marks.pen(s.ink(0.38), f.line), head * 0.85, trim_start, trim_end
        )
        return
    trim_start = radii.get((a.referent, round(a.x1, 6), round(a.y1, 6)), f.radius) + gap
    trim_end = radii.get((a.referent, round(a.x2, 6), round(a.y2, 6)), f.radius) + gap
    strong = state.selected is None or a.referent == state.selected
    colour = s.accent if strong else s.tint(0.45)
    style = Qt.PenStyle.DashLine if a.kind == ArrowKind.RETURN else Qt.PenStyle.SolidLine
    stroke = marks.pen(colour, f.line * (1.7 if strong else 1.2), style)
    marks.arrow(p, start, end, stroke, head, trim_start, trim_end)


def _leaders(p: QPainter, f: Frame) -> None:
    p.setPen(marks.pen(f.style.ink(0.45), f.line))
    for key in f.label_rects:
        placed = f.scene.labels[key]
        pt = f.scene.point(key)
        if not placed.leader or pt is None:
            continue
        c = f.to_px(pt.x, pt.y)
        anchor = f.to_px(placed.anchor_x, placed.anchor_y)
        length = math.hypot(anchor.x() - c.x(), anchor.y() - c.y())
        if length <= f.radius * 1.5:
            continue
        ux, uy = (anchor.x() - c.x()) / length, (anchor.y() - c.y()) / length
        start = QPointF(c.x() + ux * (f.radius + f.line), c.y() + uy * (f.radius + f.line))
        p.drawLine(QLineF(start, anchor))


def _labels(p: QPainter, f: Frame, state: PaintState) -> None:
    p.setFont(f.font)
    px, _ = f.label_pad
    for key, rect in f.label_rects.items():
        pt = f.scene.point(key)
        if pt is None:
            continue
        selected = pt.referent == state.selected
        p.setPen(marks.pen(f.style.accent, f.line) if selected else Qt.PenStyle.NoPen)
        p.setBrush(f.style.paper(0.86))
        radius = f.em * 0.2
        p.drawRoundedRect(rect, radius, radius)
        p.setPen(f.style.ink(0.95))
        text_box = rect.adjusted(px, 0, -px * 0.5, 0)
        p.drawText(text_box, int(Qt.AlignmentFlag.AlignLeft | V_CENTRE), f.label_text(pt.title))


def _focus(p: QPainter, f: Frame, state: PaintState) -> None:
    pt = f.scene.point(state.focus) if state.focus else None
    if pt is None:
        return
    c = f.to_px(pt.x, pt.y)
    half = f.marker_radius(pt.kind) + f.em * 0.35
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(marks.pen(f.style.ink(0.9), f.line * 1.2, Qt.PenStyle.DashLine))
    p.drawRect(QRectF(c.x() - half, c.y() - half, 2 * half, 2 * half))
