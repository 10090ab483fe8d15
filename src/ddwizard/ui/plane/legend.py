"""The key below the plane: only the marks this plane shows, each drawn by the same code as
on the plot, then a line naming the areas that are not placed yet."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter

from ddwizard.core.plane import ArrowKind, PlaneScene, PointKind
from ddwizard.ui.plane import marks
from ddwizard.ui.plane.style import PlaneStyle

Entry = tuple[str, str]  # (mark, words)
Row = list[tuple[Entry, float]]  # entries with their x offsets


def entries(scene: PlaneScene) -> list[Entry]:
    kinds = {p.kind for p in scene.points}
    arrows = {a.kind for a in scene.arrows}
    out: list[Entry] = []
    if PointKind.CURRENT in kinds:
        out += [
            ("high", "Area: high confidence"),
            ("medium", "medium"),
            ("low", "low"),
            ("none", "not recorded"),
        ]
    if any(p.spread_x or p.spread_y for p in scene.current_points()):
        out.append(("spread", "Spread of answers"))
    out.append(("band", f"Borderline: within {scene.borderline:g} of an axis"))
    if PointKind.EARLIER in kinds:
        out.append(("earlier", "Earlier assessment"))
    if ArrowKind.MOVEMENT in arrows:
        out.append(("movement", "Movement since then"))
    if PointKind.TARGET in kinds:
        out.append(("target", "Target"))
    if PointKind.STEP in kinds:
        out.append(("step", "Step"))
    if PointKind.STATED in kinds:
        out += [("stated", "Stated answers alone"), ("lived", "Lived answers alone")]
    if ArrowKind.ROUTE in arrows:
        out.append(("route", "Route"))
    if ArrowKind.RETURN in arrows:
        out.append(("return", "Return trip: practice brought home"))
    return out


def notes(scene: PlaneScene) -> str:
    if not scene.unplaced:
        return ""
    names = ", ".join(u.title for u in scene.unplaced)
    return f"Not placed yet (no counted answers on an axis): {names}."


def _swatch(fm: QFontMetricsF) -> float:
    return fm.height() * 1.5


def layout(items: list[Entry], fm: QFontMetricsF, width: float, radius: float) -> list[Row]:
    """Flow the entries into rows no wider than `width`."""
    rows: list[Row] = []
    row: Row = []
    x = 0.0
    gap = fm.height() * 0.9
    for entry in items:
        w = _swatch(fm) + fm.height() * 0.3 + fm.horizontalAdvance(entry[1])
        if row and x + w > width:
            rows.append(row)
            row, x = [], 0.0
        row.append((entry, x))
        x += w + gap
    if row:
        rows.append(row)
    return rows


def height(rows: list[Row], fm: QFontMetricsF, pad: float) -> float:
    return len(rows) * fm.height() * 1.45 + (pad if rows else 0.0)


def notes_height(text: str, fm: QFontMetricsF, width: float, pad: float) -> float:
    if not text or width <= 0:
        return 0.0
    flags = int(Qt.TextFlag.TextWordWrap)
    return fm.boundingRect(QRectF(0, 0, width, 1e6), flags, text).height() + pad * 0.5


def draw(
    p: QPainter,
    rows: list[Row],
    origin: QPointF,
    fm: QFontMetricsF,
    s: PlaneStyle,
    radius: float,
    line: float,
) -> None:
    row_h = fm.height() * 1.45
    sw = _swatch(fm)
    for i, row in enumerate(rows):
        y = origin.y() + i * row_h + row_h / 2
        for (mark, words), x in row:
            left = origin.x() + x
            _symbol(p, mark, QRectF(left, y - row_h / 2, sw, row_h), s, radius, line)
            p.setPen(s.ink(0.85))
            text_rect = QRectF(left + sw + fm.height() * 0.3, y - row_h / 2, 1e4, row_h)
            p.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter), words)


def _symbol(p: QPainter, mark: str, box: QRectF, s: PlaneStyle, r: float, line: float) -> None:
    c = box.center()
    left = QPointF(box.left() + line, c.y())
    right = QPointF(box.right() - line, c.y())
    if mark in marks.CONFIDENCE_FILL or mark == "none":
        marks.area_point(p, c, r, None if mark == "none" else mark, s, line)
    elif mark == "spread":
        marks.spread_bars(p, ((left, right), (c, c)), r * 0.6, s, line)
        marks.area_point(p, c, r * 0.7, "high", s, line)
    elif mark == "band":
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(s.ink(marks.BAND_ALPHA * 1.6))
        p.drawRect(QRectF(box.left(), c.y() - r * 1.2, box.width(), r * 2.4))
    elif mark == "earlier":
        marks.earlier_point(p, c, r * 0.8, s, line)
    elif mark == "movement":
        marks.arrow(p, left, right, marks.pen(s.ink(0.4), line), r * 1.6)
    elif mark == "target":
        marks.target_mark(p, c, r * 1.45, s, line)
    elif mark == "step":
        marks.step_mark(p, c, r * 1.05, s, line)
    elif mark in ("stated", "lived"):
        marks.facet_mark(p, c, r * 1.6, mark[0].upper(), s, line, p.font())
    elif mark in ("route", "return"):
        style = Qt.PenStyle.DashLine if mark == "return" else Qt.PenStyle.SolidLine
        marks.arrow(p, left, right, marks.pen(s.accent, line * 1.6, style), r * 1.8)
