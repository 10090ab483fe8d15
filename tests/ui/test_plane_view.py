"""The plane widget: a thin renderer of the core scene that turns clicks, drags and keys into
signals. Points are found by mapping their plane coordinates to pixels, as a person sees them."""

from __future__ import annotations

import itertools
import sys

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPalette

from ddwizard.core.assessment import Step, Target
from ddwizard.core.plane import PlanePoint, PlaneScene, PointKind, build_scene
from ddwizard.ui.plane_view import PlaneView, target_key

from .test_plane_samples import AREAS, ROUTE_AREAS, crowded_scene, placement_of


@pytest.fixture
def view(qtbot):
    v = PlaneView()
    qtbot.addWidget(v)
    v.resize(700, 760)
    v.show()
    v.activateWindow()
    qtbot.waitActive(v)
    return v


def px(view: PlaneView, x: float, y: float) -> QPoint:
    return view.to_pixels(x, y).toPoint()


def route_scene(return_trip=False):
    target = Target(
        "area0",
        0.6,
        0.5,
        "2027-09",
        return_trip=return_trip,
        steps=(Step(0.6, -0.55, "2027-01", "Agree purpose"),),
    )
    return build_scene(placement_of(ROUTE_AREAS), targets=[target])


def test_click_on_a_point_selects_its_area(qtbot, view):
    view.set_scene(crowded_scene())
    with qtbot.waitSignal(view.selected) as sent:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=px(view, 0.35, -0.45))
    assert sent.args == ["area3"]  # Behaviour and relationships
    assert view.selected_referent() == "area3"
    with qtbot.waitSignal(view.activated) as opened:
        qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=px(view, 0.35, -0.45))
    assert opened.args == ["area3"]


def test_a_click_on_empty_ground_selects_nothing(qtbot, view):
    view.set_scene(crowded_scene())
    with qtbot.assertNotEmitted(view.selected):
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=px(view, -0.9, 0.3))


def test_hover_shows_title_position_and_quadrant(qtbot, view):
    view.set_scene(crowded_scene())
    with qtbot.waitSignal(view.hovered) as sent:
        qtbot.mouseMove(view, px(view, -0.7, -0.55))
    assert sent.args == ["area12"]
    tip = view.toolTip()
    assert "Financial practice" in tip
    assert "purpose −0.70, practice −0.55" in tip.lower()
    assert "Quadrant D" in tip
    assert "6 of 7 questions answered" in tip


def test_borderline_points_say_so(qtbot, view):
    view.set_scene(crowded_scene())
    qtbot.mouseMove(view, px(view, 0.05, 0.4))  # SEND: purpose within 0.1 of the axis
    assert "Borderline between A and C" in view.toolTip()


def test_tab_walks_through_the_areas_and_enter_opens_one(qtbot, view):
    view.set_scene(crowded_scene())
    view.clearFocus()
    view.setFocus(Qt.FocusReason.TabFocusReason)  # as when Tab comes in from the page
    qtbot.waitUntil(view.hasFocus)
    first = view.focus_key()
    assert first == "area0"
    with qtbot.waitSignal(view.selected) as sent:
        qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert sent.args == ["area1"]
    assert "Early reading and phonics" in view.accessibleDescription()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.focus_key() == "area2"
    qtbot.keyClick(view, Qt.Key.Key_Backtab)
    assert view.focus_key() == "area1"
    with qtbot.waitSignal(view.activated) as opened:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened.args == ["area1"]


def test_drag_the_selected_areas_target(qtbot, view):
    view.set_scene(route_scene())
    view.set_selected("area0")
    start, end = px(view, 0.6, 0.5), px(view, 0.2, 0.8)
    with qtbot.waitSignal(view.targetMoved) as moved:
        qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start)
        qtbot.mouseMove(view, px(view, 0.4, 0.6))
        qtbot.mouseMove(view, end)
        qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=end)
    referent, x, y = moved.args
    assert referent == "area0"
    assert x == pytest.approx(0.2, abs=0.01) and y == pytest.approx(0.8, abs=0.01)


def test_dragging_shows_the_target_moving_before_it_is_kept(qtbot, view):
    view.set_scene(route_scene())
    view.set_selected("area0")
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=px(view, 0.6, 0.5))
    qtbot.mouseMove(view, px(view, 0.0, 0.9))
    shown = view.frame().scene.point(target_key("area0"))
    assert (shown.x, shown.y) == pytest.approx((0.0, 0.9), abs=0.01)
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=px(view, 0.0, 0.9))


def test_arrow_keys_move_a_focused_target_and_stay_on_the_plane(qtbot, view):
    target = Target("area0", 0.98, 0.5)
    view.set_scene(build_scene(placement_of(ROUTE_AREAS), targets=[target]))
    view.set_selected("area0")
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_Tab)  # from the area to its target
    assert view.focus_key() == "area0@target"
    assert "Target for Behaviour and relationships" in view.accessibleDescription()
    with qtbot.waitSignal(view.targetMoved) as moved:
        qtbot.keyClick(view, Qt.Key.Key_Up)
    assert moved.args == ["area0", 0.98, 0.55]
    with qtbot.waitSignal(view.targetMoved) as moved:
        qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert moved.args == ["area0", 0.97, 0.5]
    with qtbot.waitSignal(view.targetMoved) as moved:
        qtbot.keyClick(view, Qt.Key.Key_Right)
    assert moved.args == ["area0", 1.0, 0.5]  # clamped to the plane


def test_labels_on_a_crowded_plane_never_overlap(qtbot, view):
    view.set_scene(crowded_scene())
    for size in ((700, 760), (420, 460), (1200, 1300)):
        view.resize(*size)
        rects = view.label_rects()
        # too crowded for every label when small: the rest are left out, never overlapped
        assert set(rects) | set(view.frame().hidden) == {f"area{i}" for i in range(len(AREAS))}
        for a, b in itertools.combinations(rects.values(), 2):
            assert not a.intersects(b), (a, b)
        for r in rects.values():
            assert view.rect().toRectF().contains(r)


def test_every_area_is_labelled_at_a_comfortable_size(qtbot, view):
    view.set_scene(crowded_scene())
    view.resize(1000, 1100)
    assert set(view.label_rects()) == {f"area{i}" for i in range(len(AREAS))}


def test_compact_labels_only_the_selected_area(qtbot, view):
    view.set_scene(crowded_scene())
    view.set_compact(True)
    view.resize(240, 260)
    assert view.label_rects() == {}
    view.set_selected("area7")
    assert set(view.label_rects()) == {"area7"}


def test_the_plane_stays_square_and_centred(qtbot, view):
    view.set_scene(crowded_scene())
    for w, h in ((900, 500), (500, 900)):
        view.resize(w, h)
        plot = view.frame().plot
        assert plot.width() == pytest.approx(plot.height())
        assert plot.left() >= 0 and plot.right() <= w
        centre = view.to_pixels(0, 0)
        assert view.to_plane(QPointF(centre)) == pytest.approx((0.0, 0.0))


def test_dark_palette_paints_light_on_dark(qtbot, view):
    palette = view.palette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#1e1f22"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#e4e6ea"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#2e7d32"))  # a green accent
    view.setPalette(palette)
    view.set_scene(route_scene(return_trip=True))
    image = view.grab().toImage()
    assert image.pixelColor(5, 5).lightnessF() < 0.3
    accent = view.frame().style.accent
    hue = accent.hslHueF() * 360
    assert not (70 <= hue <= 170), "a green accent would read as a verdict"


def test_qt_calls_keep_pythons_none_alive(qapp):
    """PySide6 6.12.0 on Python 3.11 drops a reference to None on every call of a method
    returning void; a few repaints of a crowded plane then kill the app ("none_dealloc").
    6.11 is sound (and on Python 3.12+ None is immortal): pin pyside6-essentials<6.12.
    Checked with a hundred calls, few enough not to crash the test run itself."""
    from PySide6.QtGui import QImage, QPainter

    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for _ in range(50):
        painter.save()
        painter.restore()
    after = sys.getrefcount(None)
    painter.end()
    assert after > before - 50, f"None lost {before - after} references in 100 Qt calls"


def test_the_small_plane_draws_a_mark_on_its_edge_whole(qtbot):
    """An area answered "the trust's own" throughout sits on the top and right edges; its
    stated and lived marks there are drawn whole, not cut by the widget's edge."""
    v = PlaneView()
    qtbot.addWidget(v)
    v.set_compact(True)
    v.resize(240, 242)  # as beside an area's questions at 1093×614
    v.set_scene(
        PlaneScene(
            (
                PlanePoint("a", "a", 1.0, 1.0, title="Curriculum"),
                PlanePoint("a@stated", "a", 1.0, 1.0, PointKind.STATED),
                PlanePoint("a@lived", "a", 0.7, 1.0, PointKind.LIVED),
            )
        )
    )
    v.show()
    f = v.frame()
    half = f.facet_half
    for x, y in ((1.0, 1.0), (0.7, 1.0)):
        c = f.to_px(x, y)
        mark = QRectF(c.x() - half, c.y() - half, 2 * half, 2 * half)
        assert QRectF(v.rect()).contains(mark), (x, y, mark, v.rect())


@pytest.mark.parametrize("side", [900, 420])
def test_the_quadrants_are_all_named_or_none_is(qtbot, view, side):
    """One name alone ("Aligned" beside A, the others bare letters) would read as the place
    to be: where the room is short for one, no quadrant is named."""
    view.resize(side, side + 60)
    view.set_scene(build_scene(placement_of(AREAS)))
    names = [c.name for c in view.frame().captions]
    assert [c.letter for c in view.frame().captions] == ["A", "B", "C", "D"]
    assert all(names) if side == 900 else not any(names)
