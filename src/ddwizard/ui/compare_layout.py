"""A comparison figure laid out at one width: the title, the key, and a grid of small planes,
one per area. Sizes follow the font (its height is `em`), so the Compare view and a
1600-pixel export keep the same proportions. Plane units become pixels here only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF

from ddwizard.core.compare_plane import ComparisonFigure, Panel, label_panel
from ddwizard.core.labels import Rect
from ddwizard.ui.plane.frame import scaled
from ddwizard.ui.plane.style import PlaneStyle
from ddwizard.ui.shorten import whole_words

PANEL_EMS = 12  # a small plane is at least this many ems wide, so its labels stay readable
KEY_LINE = (
    "Each small plane is one area: purpose runs across (→ the trust's), "
    "practice up (↑ the trust's)."
)


NAMED = 3  # names at most under a small plane; a portfolio's list would not fit


def and_list(items: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def gap_words(panel: Panel) -> str:
    """The line under a small plane's title: for a portfolio, how many schools sit in each
    quadrant (what a trust plans support from); else the gap on each axis."""
    if panel.quadrants:
        parts = [f"{q} {n}" if q != "axis" else f"on an axis {n}" for q, n in panel.quadrants]
        return "Schools: " + " · ".join(parts)

    def one(v):
        return "—" if v is None else f"{v:.2f}"

    return f"Gap: purpose {one(panel.gap_purpose)}, practice {one(panel.gap_practice)}"


@dataclass
class PanelBox:
    panel: Panel
    title_lines: list[str]
    title_rect: QRectF
    gap_rect: QRectF
    plot: QRectF
    note_rect: QRectF  # who is not placed in this area
    note: str

    def to_px(self, x: float, y: float) -> QPointF:
        c = self.plot.center()
        half = self.plot.width() / 2
        return QPointF(c.x() + x * half, c.y() - y * half)

    def rect_px(self, r: Rect) -> QRectF:
        half = self.plot.width() / 2
        tl = self.to_px(r.x, r.top)
        return QRectF(tl.x(), tl.y(), r.w * half, r.h * half)


class FigureLayout:
    def __init__(self, figure: ComparisonFigure, width: float, style: PlaneStyle) -> None:
        self.figure, self.style, self.width = figure, style, float(width)
        self.font = QFont(style.font)
        self.small = scaled(self.font, 0.85)
        self.bold = scaled(self.font, 1.0, bold=True)
        self.title_font = scaled(self.font, 1.3, bold=True)
        self.fm, self.sfm = QFontMetricsF(self.font), QFontMetricsF(self.small)
        self.bfm, self.tfm = QFontMetricsF(self.bold), QFontMetricsF(self.title_font)
        self.em = self.fm.height()
        self.line = max(1.0, self.em / 15)
        self.pad = self.em * 0.8
        # Many schools to a plane: smaller points, so fewer of them touch.
        portfolio = figure.kind.value == "schools"
        self.radius = max(3.0, self.em * (0.24 if portfolio else 0.34))
        inner = self.width - 2 * self.pad
        self.title_rect = QRectF(self.pad, self.pad, inner, self.tfm.height())
        y = self.title_rect.bottom() + self.em * 0.4
        self.key_rows, y = self._key(y, inner)
        self.notes = [*figure.notes, KEY_LINE]
        self.notes_rect = QRectF(self.pad, y, inner, self._text_height(self.notes, inner))
        y = self.notes_rect.bottom() + self.em * 0.6
        self.boxes = self._grid(y, inner)
        bottom = max((b.note_rect.bottom() for b in self.boxes), default=y)
        self.height = bottom + self.pad

    # --- the key: one entry per series, its shape and its name -----------------------------

    def _key(self, y: float, inner: float) -> tuple[list[list[tuple[int, QPointF, str]]], float]:
        rows: list[list[tuple[int, QPointF, str]]] = [[]]
        x, h = 0.0, self.fm.height() * 1.25
        for s in self.figure.series:
            text = f"{s.tag}  {s.name}" if s.tag else s.name
            text = whole_words(self.fm, text, inner * 0.9)
            w = self.radius * 3 + self.fm.horizontalAdvance(text) + self.em * 1.2
            if x > 0 and x + w > inner:
                rows.append([])
                x = 0.0
            row_y = y + (len(rows) - 1) * h
            rows[-1].append((s.index, QPointF(self.pad + x, row_y), text))
            x += w
        return rows, y + len(rows) * h

    def _text_height(self, lines: list[str], width: float) -> float:
        flags = int(Qt.TextFlag.TextWordWrap)
        return sum(
            self.sfm.boundingRect(QRectF(0, 0, width, 1e6), flags, t).height() for t in lines
        )

    # --- the grid of small planes ----------------------------------------------------------

    def _grid(self, top: float, inner: float) -> list[PanelBox]:
        n = len(self.figure.panels)
        if n == 0:
            return []
        gutter = self.em * 1.2
        cols = max(1, min(n, int((inner + gutter) // (PANEL_EMS * self.em + gutter))))
        pw = (inner - gutter * (cols - 1)) / cols
        title_h = self.bfm.height() * 2
        row_h = title_h + self.sfm.height() * 1.2 + pw + self.sfm.height() * 2.4 + gutter
        boxes = []
        for i, panel in enumerate(self.figure.panels):
            r, c = divmod(i, cols)
            x, y = self.pad + c * (pw + gutter), top + r * row_h
            boxes.append(self._box(panel, x, y, pw, title_h))
        return boxes

    def _box(self, panel: Panel, x: float, y: float, pw: float, title_h: float) -> PanelBox:
        lines = self._wrap(panel.title, pw, self.bfm, 2)
        title = QRectF(x, y, pw, title_h)
        gap = QRectF(x, title.bottom(), pw, self.sfm.height() * 1.2)
        plot = QRectF(x, gap.bottom(), pw, pw)
        notes = []
        if panel.far is not None and panel.far[1]:
            notes.append(f"Far from target: {panel.far[0]} of {panel.far[1]}")
        note_rect = QRectF(x, plot.bottom() + self.em * 0.2, pw, self.sfm.height() * 2.2)
        if panel.unplaced:
            notes.append(self._unplaced(panel.unplaced, notes, note_rect))
        note = "\n".join(notes)
        box = PanelBox(panel, lines, title, gap, plot, note_rect, note)
        box.panel = self._labelled(box)
        return box

    def _unplaced(self, names: tuple[str, ...], above: list[str], rect: QRectF) -> str:
        """Who is not placed in an area, as a whole sentence that fits under its small plane
        (below the notes `above`): as many names as fit, the rest counted (every one is in
        the table). A list cut off by the edge of the picture would end mid-list."""
        for shown in range(min(len(names), NAMED), 0, -1):
            rest = len(names) - shown
            listed = [*names[:shown], *([f"{rest} more (see the table)"] if rest else [])]
            text = f"Not placed here: {and_list(listed)}"
            if self._text_height([*above, text], rect.width()) <= rect.height():
                return text
        return f"Not placed here: {len(names)} (see the table)"

    def _wrap(self, text: str, width: float, fm: QFontMetricsF, most: int) -> list[str]:
        words, lines, line = text.split(), [], ""
        for w in words:
            trial = f"{line} {w}".strip()
            if fm.horizontalAdvance(trial) <= width or not line:
                line = trial
            else:
                lines.append(line)
                line = w
        lines.append(line)
        if len(lines) > most:
            rest = " ".join(lines[most - 1 :])
            lines = [*lines[: most - 1], whole_words(fm, rest, width)]
        return lines

    def label_text(self, text: str, plot_width: float) -> str:
        return whole_words(self.sfm, text, plot_width * 0.45)

    def _labelled(self, box: PanelBox) -> Panel:
        half = box.plot.width() / 2
        pad_x, pad_y = self.em * 0.2, self.em * 0.04

        def measure(text: str) -> tuple[float, float]:
            w = self.sfm.horizontalAdvance(self.label_text(text, box.plot.width()))
            return (w + 2 * pad_x) / half, (self.sfm.height() + 2 * pad_y) / half

        biggest = max((self.mark_radius(m.count) for m in box.panel.marks), default=self.radius)
        # Among many schools, a name far from its point would be read as another's: keep
        # names close, and leave out those that do not fit near.
        rings = 2 if self.figure.kind.value == "schools" else 4
        corner = (self.em * 0.25 + self.sfm.height()) / half  # the quadrant letters
        corners = [Rect(x, y, corner, corner) for x in (-1, 1 - corner) for y in (-1, 1 - corner)]
        return label_panel(box.panel, measure, biggest / half, corners, rings=rings)

    def mark_radius(self, count: int, series: int = 0) -> float:
        """Stacked points draw bigger, so the count inside them stays legible."""
        r = self.radius * (1 + 0.3 * math.log2(count)) if count > 1 else self.radius
        if count > 1:
            r = max(r, self.sfm.horizontalAdvance(str(count)) * 0.62 + self.line * 2)
        return r
