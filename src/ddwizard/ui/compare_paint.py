"""Drawing a laid-out comparison with a QPainter: the one routine behind the Compare view,
the PNG and the SVG. Positions come from the layout (which reads them from the core figure).

Series are told apart by shape and by number first; each also has its own calm colour
(never red or green: `+` and `−` are not verdicts), which helps but is never needed.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPolygonF

from ddwizard.ui.compare_layout import FigureLayout, PanelBox, gap_words
from ddwizard.ui.plane import marks
from ddwizard.ui.plane.style import STEEL_DARK, STEEL_LIGHT, faded
from ddwizard.ui.shorten import whole_words

LIGHT_INKS = (STEEL_LIGHT, QColor("#1f2328"), QColor("#6b4a86"), QColor("#7a5c1e"))
DARK_INKS = (STEEL_DARK, QColor("#e4e6ea"), QColor("#c4a5dc"), QColor("#d8bd7a"))
V_CENTRE = Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft


def series_ink(layout: FigureLayout, index: int) -> QColor:
    inks = DARK_INKS if layout.style.dark_scheme else LIGHT_INKS
    if layout.figure.kind.value == "schools":  # sets of schools: one ink, shapes tell them
        return QColor(layout.style.text)
    return QColor(inks[index % len(inks)])


def shape_path(shape: str, c: QPointF, r: float) -> QPainterPath:
    path = QPainterPath()
    x, y = c.x(), c.y()
    if shape == "square":
        s = r * 0.88
        path.addRect(QRectF(x - s, y - s, 2 * s, 2 * s))
    elif shape in ("triangle", "triangle_down"):
        d = 1 if shape == "triangle" else -1
        k = r * 1.2
        pts = [
            QPointF(x, y - d * k),
            QPointF(x + k * 0.95, y + d * k * 0.7),
            QPointF(x - k * 0.95, y + d * k * 0.7),
        ]
        path.addPolygon(QPolygonF(pts))
        path.closeSubpath()
    elif shape == "diamond":
        k = r * 1.2
        path.addPolygon(
            QPolygonF([QPointF(x, y - k), QPointF(x + k, y), QPointF(x, y + k), QPointF(x - k, y)])
        )
        path.closeSubpath()
    elif shape == "cross":
        k = r * 0.95
        path.moveTo(x - k, y - k)
        path.lineTo(x + k, y + k)
        path.moveTo(x + k, y - k)
        path.lineTo(x - k, y + k)
    else:
        path.addEllipse(c, r, r)
    return path


def draw_marker(
    p: QPainter, layout: FigureLayout, series: int, c: QPointF, r: float, count: int = 1
) -> None:
    s = layout.figure.series[series]
    ink = series_ink(layout, series)
    path = shape_path(s.marker, c, r)
    portfolio = layout.figure.kind.value == "schools"
    if portfolio:  # a paper disc under each school keeps it clear of its neighbours
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(layout.style.paper(0.9))
        p.drawPath(path)
    # Other kinds draw no paper under a shape: two assessments at one spot both show.
    fill = 0.0 if s.hollow else (0.75 if portfolio else 0.22)
    p.setBrush(faded(ink, fill) if fill else Qt.BrushStyle.NoBrush)
    p.setPen(marks.pen(ink, layout.line * 1.6))
    p.drawPath(path)
    if count > 1:
        p.setFont(layout.small)
        p.setPen(layout.style.paper() if fill >= 0.5 else ink)
        box = QRectF(c.x() - r * 1.5, c.y() - r, r * 3, r * 2)
        p.drawText(box, int(Qt.AlignmentFlag.AlignCenter), str(count))


def paint_figure(p: QPainter, layout: FigureLayout) -> None:
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(layout.style.paper())
    p.drawRect(QRectF(0, 0, layout.width, layout.height))
    _header(p, layout)
    for box in layout.boxes:
        _panel(p, layout, box)
    p.restore()


def _header(p: QPainter, f: FigureLayout) -> None:
    p.setFont(f.title_font)
    p.setPen(f.style.ink(0.95))
    title = whole_words(f.tfm, f.figure.title, f.title_rect.width())
    p.drawText(f.title_rect, int(LEFT | V_CENTRE), title)
    h = f.fm.height()
    for row in f.key_rows:
        for index, origin, text in row:
            c = QPointF(origin.x() + f.radius * 1.3, origin.y() + h / 2)
            draw_marker(p, f, index, c, f.radius)
            p.setFont(f.font)
            p.setPen(f.style.ink(0.95))
            p.drawText(
                QRectF(origin.x() + f.radius * 3, origin.y(), f.width, h),
                int(LEFT | V_CENTRE),
                text,
            )
    p.setFont(f.small)
    p.setPen(f.style.ink(0.8))
    p.drawText(f.notes_rect, int(LEFT | Qt.TextFlag.TextWordWrap), "\n".join(f.notes))


def _panel(p: QPainter, f: FigureLayout, box: PanelBox) -> None:
    p.setFont(f.bold)
    p.setPen(f.style.ink(0.95))
    lh = f.bfm.height()
    for i, line in enumerate(box.title_lines):
        p.drawText(
            QRectF(box.title_rect.x(), box.title_rect.y() + i * lh, box.title_rect.width(), lh),
            int(LEFT | V_CENTRE),
            line,
        )
    p.setFont(f.small)
    p.setPen(f.style.ink(0.75))
    p.drawText(box.gap_rect, int(LEFT | V_CENTRE), gap_words(box.panel))
    _ground(p, f, box)
    _links(p, f, box)
    _marks(p, f, box)
    _labels(p, f, box)
    if box.note:
        p.setFont(f.small)
        p.setPen(f.style.ink(0.75))
        p.drawText(box.note_rect, int(LEFT | Qt.TextFlag.TextWordWrap), box.note)


def _ground(p: QPainter, f: FigureLayout, box: PanelBox) -> None:
    plot, c, s = box.plot, box.plot.center(), f.style
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(s.ink(marks.BAND_ALPHA))
    p.drawPath(marks.band_path(plot, c, 0.1 * plot.width() / 2))
    p.setPen(marks.pen(s.ink(0.45), f.line))
    p.drawLine(QLineF(plot.left(), c.y(), plot.right(), c.y()))
    p.drawLine(QLineF(c.x(), plot.top(), c.x(), plot.bottom()))
    p.setPen(marks.pen(s.ink(0.3), f.line))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(plot)
    p.setFont(f.small)
    p.setPen(s.ink(0.45))
    inset, w, h = f.em * 0.25, f.sfm.horizontalAdvance("M"), f.sfm.height()
    for letter, right, top in (("A", 1, 1), ("B", 1, 0), ("C", 0, 1), ("D", 0, 0)):
        x = plot.right() - inset - w if right else plot.left() + inset
        y = plot.top() + inset if top else plot.bottom() - inset - h
        p.drawText(QRectF(x, y, w, h), int(Qt.AlignmentFlag.AlignCenter), letter)


def _links(p: QPainter, f: FigureLayout, box: PanelBox) -> None:
    """The trajectory, earliest to latest, each leg an arrow stopping short of the marks."""
    stroke = marks.pen(f.style.ink(0.55), f.line * 1.4)
    trim = f.radius * 1.6
    for k in box.panel.links:
        marks.arrow(
            p, box.to_px(k.x1, k.y1), box.to_px(k.x2, k.y2), stroke, f.radius * 1.6, trim, trim
        )


def _marks(p: QPainter, f: FigureLayout, box: PanelBox) -> None:
    # Singles first, stacks last: a count is never hidden under a single point.
    for m in sorted(box.panel.marks, key=lambda m: m.count):
        draw_marker(p, f, m.series, box.to_px(m.x, m.y), f.mark_radius(m.count), m.count)


def _labels(p: QPainter, f: FigureLayout, box: PanelBox) -> None:
    p.setFont(f.small)
    for key, placed in box.panel.labels.items():
        mark = box.panel.mark(key)
        if mark is None:
            continue
        rect = box.rect_px(placed.rect)
        if placed.leader:
            c = box.to_px(mark.x, mark.y)
            anchor = box.to_px(placed.anchor_x, placed.anchor_y)
            if math.hypot(anchor.x() - c.x(), anchor.y() - c.y()) > f.radius * 1.5:
                p.setPen(marks.pen(f.style.ink(0.4), f.line))
                p.drawLine(QLineF(c, anchor))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(f.style.paper(0.85))
        p.drawRoundedRect(rect, f.em * 0.15, f.em * 0.15)
        p.setPen(series_ink(f, mark.series))
        text = f.label_text(mark.label, box.plot.width())
        p.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)
