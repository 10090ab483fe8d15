"""The practice–purpose plane as a widget: a thin renderer of the core's `PlaneScene`.

Positions, labels and routes come from `ddwizard.core.plane`; this widget maps plane units to
pixels (through `ui.plane.frame.Frame`), draws (through `ui.plane.paint`, the same routine
the PNG and SVG exports use) and turns mouse and keyboard input into signals. It holds no
assessment and writes nothing: the page listens and writes through the model.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPixmap,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from ddwizard.core.plane import PlanePoint, PlaneScene, PointKind
from ddwizard.ui.plane.describe import point_text, title_of
from ddwizard.ui.plane.frame import Frame
from ddwizard.ui.plane.paint import PaintState, paint_frame
from ddwizard.ui.plane.style import PlaneStyle

KEY_STEP = 0.05  # arrow keys move a target this far; with Shift, SMALL_STEP
SMALL_STEP = 0.01
EMPTY = PlaneScene(points=())


def target_key(referent: str) -> str:
    return f"{referent}@target"


def clamp(v: float) -> float:
    return round(max(-1.0, min(1.0, v)), 2)


class PlaneView(QWidget):
    hovered = Signal(str)  # referent id under the mouse ("" when none)
    selected = Signal(str)  # an area was clicked or reached with the keyboard
    activated = Signal(str)  # double-click or Enter: open its questions
    targetMoved = Signal(str, float, float)  # referent, purpose, practice: a move to keep
    targetDragging = Signal(str, float, float)  # while the mouse drags: show, don't keep

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scene = EMPTY
        self._compact = False
        self._selected: str | None = None
        self._focus: str | None = None
        self._hover: str | None = None
        self._drag: tuple[str, float, float] | None = None  # referent, purpose, practice
        self._frame: Frame | None = None
        self._labels: dict | None = None  # kept while a target is dragged: no relabelling
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Practice and purpose plane")
        self.setAccessibleDescription("No areas placed yet.")

    # --- what it shows ---------------------------------------------------------------------

    def scene(self) -> PlaneScene:
        return self._scene

    def set_scene(self, scene: PlaneScene) -> None:
        self._scene = scene
        if self._focus and scene.point(self._focus) is None:
            self._focus = None
        self._drag = None
        self._changed()

    def set_compact(self, compact: bool) -> None:
        """The small plane of the area pages: small type, only the selected area labelled."""
        self._compact = compact
        self.updateGeometry()
        self._changed()

    def is_compact(self) -> bool:
        return self._compact

    def set_selected(self, referent: str | None) -> None:
        self._selected = referent or None
        focused = self._scene.point(self._focus) if self._focus else None
        # Keep the focus on the area's target if it is there (arrow keys are moving it).
        on_it = focused is not None and focused.referent == referent
        if referent and self._scene.point(referent) is not None and not on_it:
            self._focus = referent
        self._changed()

    def selected_referent(self) -> str | None:
        return self._selected

    def focus_key(self) -> str | None:
        return self._focus

    def sizeHint(self) -> QSize:
        return QSize(220, 240) if self._compact else QSize(620, 700)

    def minimumSizeHint(self) -> QSize:
        return QSize(140, 150) if self._compact else QSize(320, 360)

    # --- geometry, for the page and for tests ----------------------------------------------

    def frame(self) -> Frame:
        if self._frame is None:
            style = PlaneStyle.from_palette(self.palette(), self.font(), self._compact)
            labels = self._labels if self._drag is not None else None
            self._frame = Frame(
                self._shown_scene(),
                QRectF(self.rect()),
                style,
                selected=self._selected,
                labels=labels,
            )
            self._labels = self._frame.scene.labels
        return self._frame

    def to_pixels(self, x: float, y: float) -> QPointF:
        return self.frame().to_px(x, y)

    def to_plane(self, pos: QPointF) -> tuple[float, float]:
        return self.frame().to_plane(pos)

    def label_rects(self) -> dict[str, QRectF]:
        """The labels as drawn, in widget pixels, by point key."""
        return dict(self.frame().label_rects)

    def _shown_scene(self) -> PlaneScene:
        """The scene, with the target being dragged where the mouse has it (a preview)."""
        if self._drag is None:
            return self._scene
        return moved_target(self._scene, *self._drag)

    def _changed(self) -> None:
        self._frame = None
        self._describe()
        self.update()

    # --- painting --------------------------------------------------------------------------

    _drawn: tuple[Frame, PaintState, float, QPixmap] | None = None

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Drawn once into a picture for each layout and state, then copied: showing a page
        again, or uncovering the plane, costs no drawing."""
        frame, dpr = self.frame(), self.devicePixelRatioF()
        state = PaintState(self._selected, self._focus if self.hasFocus() else None, self._hover)
        drawn = self._drawn
        if drawn is None or drawn[0] is not frame or drawn[1] != state or drawn[2] != dpr:
            picture = QPixmap(self.size() * dpr)
            picture.setDevicePixelRatio(dpr)
            picture.fill(Qt.GlobalColor.transparent)
            painter = QPainter(picture)
            try:
                paint_frame(painter, frame, state)
            finally:
                painter.end()
            self._drawn = drawn = (frame, state, dpr, picture)
        painter = QPainter(self)
        painter.drawPixmap(0, 0, drawn[3])
        painter.end()

    def resizeEvent(self, event) -> None:  # noqa: N802
        self._frame = None
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() in (
            QEvent.Type.PaletteChange,
            QEvent.Type.FontChange,
            QEvent.Type.StyleChange,
        ):
            self._frame = None
            self.update()
        super().changeEvent(event)

    # --- hit testing -----------------------------------------------------------------------

    def item_at(self, pos: QPointF) -> PlanePoint | None:
        """The selected area's target (it can be dragged), else the nearest area's point,
        else a step or target marker, within a few pixels of `pos`."""
        f = self.frame()
        slack = max(4.0, f.em * 0.25)
        if self._selected:
            t = self._scene.point(target_key(self._selected))
            if (
                t is not None
                and _distance(f.to_px(t.x, t.y), pos) <= f.marker_radius(PointKind.TARGET) + slack
            ):
                return t
        x, y = f.to_plane(pos)
        near = self._scene.nearest(x, y, (f.radius + slack) / f.ppu)
        if near is not None:
            return near
        for p in self._scene.points:
            if (
                p.kind in (PointKind.STEP, PointKind.TARGET)
                and _distance(f.to_px(p.x, p.y), pos) <= f.marker_radius(p.kind) + slack
            ):
                return p
        return None

    # --- mouse -----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        item = self.item_at(event.position())
        if item is None:
            return
        if item.kind == PointKind.TARGET and item.referent == self._selected:
            self._drag = (item.referent, item.x, item.y)
            self._focus = item.key
        elif item.kind == PointKind.CURRENT:
            self._choose(item.referent, item.key)
        self._changed()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._drag is not None:
            x, y = self.frame().to_plane(event.position())
            self._drag = (self._drag[0], clamp(x), clamp(y))
            self._frame = None
            self.targetDragging.emit(*self._drag)
            self.update()
            return
        self._set_hover(self.item_at(event.position()))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._drag is None or event.button() != Qt.MouseButton.LeftButton:
            return super().mouseReleaseEvent(event)
        referent, x, y = self._drag
        before = self._scene.point(target_key(referent))
        self._drag = None
        self._changed()
        if before is None or (before.x, before.y) != (x, y):
            self.targetMoved.emit(referent, x, y)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        item = self.item_at(event.position())
        if item is not None and item.kind == PointKind.CURRENT:
            self.activated.emit(item.referent)

    def leaveEvent(self, event) -> None:  # noqa: N802
        self._set_hover(None)
        super().leaveEvent(event)

    def _set_hover(self, item: PlanePoint | None) -> None:
        key = item.key if item is not None else None
        if key == self._hover:
            return
        self._hover = key
        self.setToolTip(self._text(item) if item is not None else "")
        self.hovered.emit(item.referent if item is not None else "")
        self.update()

    # --- keyboard --------------------------------------------------------------------------

    def focus_order(self) -> list[str]:
        """Areas in scene order; the selected area's target right after it."""
        keys = []
        for p in self._scene.current_points():
            keys.append(p.key)
            if p.referent == self._selected and self._scene.point(target_key(p.referent)):
                keys.append(target_key(p.referent))
        return keys

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802
        """Tab walks through the points; past the last one it leaves the plane."""
        if self.hasFocus() and self._step_focus(1 if forward else -1, wrap=False):
            return True
        return super().focusNextPrevChild(forward)

    def focusInEvent(self, event) -> None:  # noqa: N802
        order = self.focus_order()
        if self._focus is None and order:
            backwards = event.reason() == Qt.FocusReason.BacktabFocusReason
            self._move_focus(order[-1] if backwards else order[0])
        self._describe()
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        self.update()
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        arrows = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, 1),
            Qt.Key.Key_Down: (0, -1),
        }
        point = self._scene.point(self._focus) if self._focus else None
        if key in arrows and point is not None and point.kind == PointKind.TARGET:
            step = SMALL_STEP if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else KEY_STEP
            dx, dy = arrows[key]
            self.targetMoved.emit(
                point.referent, clamp(point.x + dx * step), clamp(point.y + dy * step)
            )
        elif key in arrows:
            dx, dy = arrows[key]
            self._step_focus(1 if dx + dy > 0 else -1, wrap=True)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and point is not None:
            self.activated.emit(point.referent)
        elif key == Qt.Key.Key_Escape and self._drag is not None:
            self._drag = None
            self._changed()
        else:
            super().keyPressEvent(event)

    def _step_focus(self, delta: int, wrap: bool) -> bool:
        order = self.focus_order()
        if not order:
            return False
        if self._focus not in order:
            self._move_focus(order[0] if delta > 0 else order[-1])
            return True
        i = order.index(self._focus) + delta
        if not 0 <= i < len(order):
            if not wrap:
                return False
            i %= len(order)
        self._move_focus(order[i])
        return True

    def _move_focus(self, key: str) -> None:
        point = self._scene.point(key)
        if point is None:
            return
        if point.kind == PointKind.CURRENT:
            self._choose(point.referent, key)
        else:
            self._focus = key
        self._changed()

    def _choose(self, referent: str, key: str) -> None:
        self._focus = key
        if referent != self._selected:
            self._selected = referent
            self._frame = None
            self.selected.emit(referent)

    # --- words -----------------------------------------------------------------------------

    def _text(self, p: PlanePoint) -> str:
        return point_text(p, self._scene, title_of(self._scene, p.referent))

    def _describe(self) -> None:
        point = self._scene.point(self._focus) if self._focus else None
        if point is not None:
            text = self._text(point).replace("\n", ". ")
        else:
            n, u = len(self._scene.current_points()), len(self._scene.unplaced)
            text = f"{n} areas placed, {u} not placed. Tab to go through them."
        if text != self.accessibleDescription():
            self.setAccessibleDescription(text)
            if QAccessible.isActive():
                QAccessible.updateAccessibility(
                    QAccessibleEvent(self, QAccessible.Event.DescriptionChanged)
                )


def moved_target(scene: PlaneScene, referent: str, x: float, y: float) -> PlaneScene:
    """`scene` with one area's target at (x, y): its marker and the route leg ending there."""
    old = scene.point(target_key(referent))
    if old is None:
        return scene
    points = tuple(dataclasses.replace(p, x=x, y=y) if p is old else p for p in scene.points)
    arrows = tuple(
        dataclasses.replace(a, x2=x, y2=y)
        if a.referent == referent and (a.x2, a.y2) == (old.x, old.y)
        else a
        for a in scene.arrows
    )
    return dataclasses.replace(scene, points=points, arrows=arrows)


def _distance(a: QPointF, b: QPointF) -> float:
    return ((a.x() - b.x()) ** 2 + (a.y() - b.y()) ** 2) ** 0.5
