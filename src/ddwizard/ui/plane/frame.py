"""One plane scene laid out in one rectangle: where the square plot goes, how big things
are, where the quadrant captions and the legend sit, and the labels placed for this size.

Sizes come from the font (its height is `em`), so a plane drawn at 200% or exported at 1600
pixels keeps its proportions. Plane units become pixels here and nowhere else.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF

from ddwizard.core.labels import Rect
from ddwizard.core.plane import PlaneScene, PointKind, relabel
from ddwizard.ui.plane import legend
from ddwizard.ui.plane.style import PlaneStyle
from ddwizard.ui.shorten import whole_words

TICKS = (-1.0, -0.5, 0.0, 0.5, 1.0)
# A label may sit this many rings out from its point (about four ems at most); one that fits
# nowhere nearer is left out, and its area shows its title on hover and in the list.
LABEL_RINGS = 4


def scaled(font: QFont, factor: float, bold: bool = False) -> QFont:
    f = QFont(font)
    if f.pixelSize() > 0:
        f.setPixelSize(max(6, round(f.pixelSize() * factor)))
    else:
        f.setPointSizeF(max(5.0, f.pointSizeF() * factor))
    f.setBold(bold)
    return f


def tick_text(v: float) -> str:
    return "0" if v == 0 else f"{v:+g}".replace("-", "−")


@dataclasses.dataclass(frozen=True)
class Caption:
    """A quadrant's letter and name, in a corner of the plot."""

    letter: str
    name: str
    letter_rect: QRectF
    name_rect: QRectF
    align: Qt.AlignmentFlag

    @property
    def bounds(self) -> QRectF:
        return self.letter_rect.united(self.name_rect) if self.name else self.letter_rect


class Frame:
    def __init__(
        self,
        scene: PlaneScene,
        rect: QRectF,
        style: PlaneStyle,
        *,
        selected: str | None = None,
        caption: str = "",
        labels: dict | None = None,
    ) -> None:
        self.style = style
        self.rect = QRectF(rect)
        self.caption = caption
        self.compact = style.compact
        self.font = scaled(style.font, 0.85) if self.compact else QFont(style.font)
        self.small = scaled(self.font, 0.85)
        self.letter_font = scaled(self.font, 1.25, bold=True)
        self.title_font = scaled(self.font, 1.1, bold=True)
        self.fm = QFontMetricsF(self.font)
        self.sfm = QFontMetricsF(self.small)
        self.letter_fm = QFontMetricsF(self.letter_font)
        self.em = self.fm.height()
        self.line = max(1.0, self.em / 15)
        self.radius = max(3.0, self.em * (0.26 if self.compact else 0.3))
        self.pad = self.em * (0.4 if self.compact else 0.6)
        self.entries = [] if self.compact else legend.entries(scene)
        self.notes = "" if self.compact else legend.notes(scene)
        self._layout()
        self.captions = self._captions(scene)
        keys = None
        self.selected = selected
        if self.compact:
            keys = [selected] if selected and scene.point(selected) else []
        if labels is None:
            inside = [c for c in self.captions if self.plot.contains(c.bounds)]
            scene = relabel(
                scene,
                self.measure,
                self.radius / self.ppu,
                keys=keys,
                obstacles=[self.to_plane_rect(c.bounds) for c in inside],
                rings=LABEL_RINGS,
                leave_out=True,
            )
        else:
            scene = dataclasses.replace(scene, labels=labels)
        self.scene = scene
        self.label_rects, self.hidden = self._visible_labels()

    # --- layout ----------------------------------------------------------------------------

    def _layout(self) -> None:
        r, pad, em = self.rect, self.pad, self.em
        caption_h = self.fm.height() * 1.1 + pad if self.caption else 0.0
        tick_w = 0.0 if self.compact else self.sfm.horizontalAdvance("−0.5")
        ticks_h = 0.0 if self.compact else self.sfm.height() + em * 0.15
        # Outside the plot (the full-size plane), the quadrant captions take a row above it
        # (C, A) and one below the ticks (D, B): inside, they would crowd the corners, where
        # areas answered "the trust's own" throughout all sit.
        self.quadrant_row = 0.0 if self.compact else self.letter_fm.height() + em * 0.1
        # A mark on the plot's right or top edge (an area answered "the trust's own"
        # throughout) is drawn whole: the small plane leaves it room past the edge too.
        edge = max(self.facet_half, self.radius * 2.1) + self.line
        self.left = pad + self.sfm.height() + em * 0.3 + tick_w + em * 0.25
        self.right = max(pad + tick_w / 2, edge)
        self.top = max(pad + caption_h + self.quadrant_row, edge)
        self.bottom = em * 0.2 + ticks_h + self.quadrant_row + self.sfm.height() + pad
        width = r.width() - self.left - self.right
        side = width
        for _ in range(3):  # the legend's height depends on its width, which follows the plot
            extra_w = max(0.0, min(r.width(), side + self.left + self.right) - 2 * pad)
            self.legend_rows = legend.layout(self.entries, self.sfm, extra_w, self.radius)
            self.legend_h = legend.height(self.legend_rows, self.sfm, pad)
            self.notes_h = legend.notes_height(self.notes, self.sfm, extra_w, pad)
            tall = r.height() - self.top - self.bottom - self.legend_h - self.notes_h
            side = max(10.0, min(width, tall))
        self.side = side
        used_w = self.left + side + self.right
        used_h = self.top + side + self.bottom + self.legend_h + self.notes_h
        x0 = r.left() + (r.width() - used_w) / 2 + self.left
        y0 = r.top() + (r.height() - used_h) / 2 + self.top
        self.plot = QRectF(x0, y0, side, side)
        self.ppu = side / 2  # pixels per plane unit
        self.ticks_h = ticks_h
        below = self.plot.bottom() + self.bottom
        inner_left = x0 - self.left + pad
        self.extra_width = extra_w
        self.legend_origin = QPointF(inner_left, below)
        self.notes_rect = QRectF(inner_left, below + self.legend_h, extra_w, self.notes_h)
        self.caption_rect = QRectF(inner_left, y0 - self.top + pad, extra_w, self.fm.height())

    @staticmethod
    def preferred_height(
        width: float, scene: PlaneScene, style: PlaneStyle, caption: str = ""
    ) -> float:
        """The height that fits a plane `width` wide without spare room (for exports)."""
        probe = Frame(scene, QRectF(0, 0, width, width * 10), style, caption=caption, labels={})
        return probe.top + probe.side + probe.bottom + probe.legend_h + probe.notes_h

    def _captions(self, scene: PlaneScene) -> list[Caption]:
        out = []
        inset = self.em * 0.35
        lfm = self.letter_fm

        def room(mark) -> float:
            return self.side / 2 - lfm.horizontalAdvance(mark.letter) - 3 * inset

        # Every quadrant named, or none: one name alone ("Aligned") would read as the place
        # to be. The list of areas beside the plane names each quadrant.
        named = not self.compact and all(
            self._fit(mark.title, room(mark), self.sfm) for mark in scene.quadrants
        )
        for mark in scene.quadrants:
            corner = self.to_px(mark.x, mark.y)
            right, top = mark.x > 0, mark.y > 0
            lw, lh = lfm.horizontalAdvance(mark.letter), lfm.height()
            if self.compact:  # small, inside the corner
                lx = corner.x() - inset - lw if right else corner.x() + inset
                ly = corner.y() + inset if top else corner.y() - inset - lh
            else:  # in the rows above and below the plot, level with its edges
                shift = self.radius * 1.4  # clear of a point sitting in the very corner
                lx = corner.x() - lw - shift if right else corner.x() + shift
                below = self.plot.bottom() + self.em * 0.2 + self.ticks_h
                ly = self.plot.top() - self.quadrant_row if top else below
            letter = QRectF(lx, ly, lw, lh)
            name = mark.title if named else ""
            nw = self.sfm.horizontalAdvance(name)
            nx = lx - inset - nw if right else lx + lw + inset
            name_rect = QRectF(nx, ly + (lh - self.sfm.height()) / 2, nw, self.sfm.height())
            align = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
            out.append(Caption(mark.letter, name, letter, name_rect, align))
        return out

    @staticmethod
    def _fit(text: str, room: float, fm: QFontMetricsF) -> str:
        return text if fm.horizontalAdvance(text) <= room else ""

    # --- plane units and pixels ------------------------------------------------------------

    def to_px(self, x: float, y: float) -> QPointF:
        c = self.plot.center()
        return QPointF(c.x() + x * self.ppu, c.y() - y * self.ppu)

    def to_plane(self, p: QPointF) -> tuple[float, float]:
        c = self.plot.center()
        return ((p.x() - c.x()) / self.ppu, (c.y() - p.y()) / self.ppu)

    def rect_px(self, r: Rect) -> QRectF:
        top_left = self.to_px(r.x, r.top)
        return QRectF(top_left.x(), top_left.y(), r.w * self.ppu, r.h * self.ppu)

    def to_plane_rect(self, r: QRectF) -> Rect:
        x1, y1 = self.to_plane(r.bottomLeft())
        return Rect(x1, y1, r.width() / self.ppu, r.height() / self.ppu)

    # --- labels ----------------------------------------------------------------------------

    @property
    def label_pad(self) -> tuple[float, float]:
        return self.em * 0.3, self.em * 0.06

    def label_text(self, title: str) -> str:
        room = min(self.em * 16, self.side * (0.75 if self.compact else 0.42))
        return whole_words(self.fm, title, room)

    def measure(self, title: str) -> tuple[float, float]:
        px, py = self.label_pad
        w = self.fm.horizontalAdvance(self.label_text(title)) + 2 * px
        h = self.fm.height() + 2 * py
        return w / self.ppu, h / self.ppu

    def _visible_labels(self) -> tuple[dict[str, QRectF], list[str]]:
        """Labels in pixels, and the areas left without one (too crowded at this size)."""
        shown = {key: self.rect_px(placed.rect) for key, placed in self.scene.labels.items()}
        hidden = [
            p.key
            for p in self.scene.current_points()
            if p.key not in shown and (not self.compact or p.key == self.selected)
        ]
        return shown, hidden

    # --- markers ---------------------------------------------------------------------------

    def marker_radius(self, kind: PointKind) -> float:
        return {
            PointKind.CURRENT: self.radius,
            PointKind.EARLIER: self.radius * 0.8,
            PointKind.TARGET: self.radius * 1.45,
            PointKind.STEP: self.radius * 1.05,
            PointKind.STATED: self.facet_half,
            PointKind.LIVED: self.facet_half,
        }[kind]

    @property
    def facet_half(self) -> float:
        """Half the side of a stated or lived mark: room for its letter."""
        return self.sfm.height() * 0.55
