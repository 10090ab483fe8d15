"""The one plane description both renderers draw: points, routes, movement, unplaced."""

import pytest

from ddwizard.core.assessment import Step, Target
from ddwizard.core.placement import place
from ddwizard.core.plane import ArrowKind, PointKind, build_scene, route_arrows
from ddwizard.core.routes import suggest_route

from .builders import questionnaire, referent

Q = questionnaire(referent("reading"), referent("behaviour"), referent("finance"))


def measure(text):
    return 0.02 * len(text), 0.06


def test_placed_points_and_unplaced_list():
    chosen = {"reading_pr0": "own", "reading_pu0": "other", "behaviour_pr0": "mix"}
    scene = build_scene(place(Q, chosen), measure=measure)
    assert [p.referent for p in scene.current_points()] == ["reading"]
    p = scene.point("reading")
    assert (p.x, p.y, p.quadrant.value) == (-0.5, 1.0, "C")
    assert {u.referent for u in scene.unplaced} == {"behaviour", "finance"}
    behaviour = next(u for u in scene.unplaced if u.referent == "behaviour")
    assert "purpose" in behaviour.reason
    assert set(scene.labels) == {"reading"}
    assert not hasattr(scene, "overall")  # no whole-school point, ever


def test_route_arrows_go_through_the_steps_and_dash_the_return_leg():
    target = Target(
        "reading",
        0.8,
        0.8,
        "2027-09",
        return_trip=True,
        steps=(Step(0.8, -0.5, "2027-01", "Agree purpose"),),
    )
    arrows = route_arrows(target, (-0.5, -0.5))
    assert [(a.x1, a.y1, a.x2, a.y2) for a in arrows] == [
        (-0.5, -0.5, 0.8, -0.5),
        (0.8, -0.5, 0.8, 0.8),
    ]
    assert [a.kind for a in arrows] == [ArrowKind.ROUTE, ArrowKind.RETURN]


def test_movement_from_an_earlier_assessment():
    before = place(Q, {"reading_pr0": "entirely", "reading_pu0": "entirely"})
    now = place(Q, {"reading_pr0": "own", "reading_pu0": "own"})
    scene = build_scene(now, earlier=before)
    earlier = [p for p in scene.points if p.kind == PointKind.EARLIER]
    assert [(p.x, p.y) for p in earlier] == [(-1.0, -1.0)]
    (arrow,) = [a for a in scene.arrows if a.kind == ArrowKind.MOVEMENT]
    assert (arrow.x1, arrow.y1, arrow.x2, arrow.y2) == (-1.0, -1.0, 1.0, 1.0)


def test_suggested_route_from_d_sets_purpose_before_practice():
    steps = suggest_route((-0.6, -0.6), Target("reading", 0.8, 0.8, "2027-09"))
    assert [(s.purpose, s.practice) for s in steps] == [(0.8, -0.6), (0.8, 0.8)]
    assert "purpose" in steps[0].action.lower()
    assert steps[-1].by == "2027-09"


def test_no_suggested_route_for_an_unplaced_area_or_a_short_move():
    assert suggest_route(None, Target("reading", 0.8, 0.8)) == ()
    assert suggest_route((0.7, 0.7), Target("reading", 0.8, 0.8)) == ()


def test_spread_bars_stay_inside_the_plane():
    q = questionnaire(referent("x", 3, 3))
    chosen = {
        "x_pr0": "own",
        "x_pr1": "own",
        "x_pr2": "entirely",
        "x_pu0": "own",
        "x_pu1": "own",
        "x_pu2": "entirely",
    }
    (p,) = build_scene(place(q, chosen)).current_points()
    assert p.x + p.spread_x > 1 and p.y + p.spread_y > 1  # the raw bars would leave the plane
    (left, right), (bottom, top) = p.spread_ends()
    assert (right, top) == (1.0, 1.0)
    assert left == pytest.approx(p.x - p.spread_x) and bottom == pytest.approx(p.y - p.spread_y)
    one = {"x_pr0": "own", "x_pu0": "own"}
    assert build_scene(place(q, one)).current_points()[0].spread_ends() is None
