"""Labels placed again by a renderer at its own size, keeping off routes, leaving tangled
leaders out, and leaving out (rather than overlapping) a label that fits nowhere near."""

import itertools
import random

from ddwizard.core import labels
from ddwizard.core.assessment import Step, Target
from ddwizard.core.labels import LabelRequest, Rect, _segments_cross, place_labels
from ddwizard.core.placement import place
from ddwizard.core.plane import BOUNDS, build_scene, relabel

from .builders import questionnaire, referent

Q = questionnaire(referent("reading"), referent("behaviour"), referent("finance"))
CHOSEN = {
    "reading_pr0": "own",
    "reading_pu0": "other",
    "behaviour_pr0": "other",
    "behaviour_pu0": "own",
    "finance_pr0": "mix",
    "finance_pu0": "mix",
}


def measure(text):
    return 0.02 * len(text), 0.06


def test_relabel_places_labels_for_another_size():
    scene = build_scene(place(Q, CHOSEN))
    assert scene.labels == {}
    big = relabel(scene, lambda t: (0.04 * len(t), 0.12), 0.03)
    assert set(big.labels) == {"reading", "behaviour", "finance"}
    assert big.labels["reading"].rect.w == 0.04 * len("Reading")
    assert big.points == scene.points


def test_relabel_only_some_keys_keeps_the_others_as_obstacles():
    scene = relabel(build_scene(place(Q, CHOSEN)), measure, 0.025, keys=["reading"])
    assert set(scene.labels) == {"reading"}


def test_points_carry_their_answered_counts():
    scene = build_scene(place(Q, CHOSEN))
    p = scene.point("reading")
    assert (p.answered, p.questions) == (2, 4)


def test_labels_keep_off_a_route_where_they_can():
    target = Target("behaviour", 0.9, -0.5, steps=(Step(0.9, -0.5),))
    scene = build_scene(place(Q, CHOSEN), targets=[target], measure=measure)
    rect = scene.labels["behaviour"].rect
    (arrow,) = scene.arrows
    # the route runs right from the point; the label goes elsewhere
    assert not (rect.x < arrow.x2 and rect.right > arrow.x1 and rect.y < arrow.y1 < rect.top)


def crossings(reqs, placed) -> int:
    leaders = [
        ((r.x, r.y), (placed[r.key].anchor_x, placed[r.key].anchor_y))
        for r in reqs
        if placed[r.key].leader
    ]
    return sum(1 for a, b in itertools.combinations(leaders, 2) if _segments_cross(a, b))


def test_leaders_cross_less_than_they_would_without_the_cost(monkeypatch):
    rnd = random.Random(1)  # a crowded plane where the cheapest spots tangle two leaders
    reqs = [
        LabelRequest(
            f"r{i}",
            rnd.uniform(-0.3, 0.8),
            rnd.uniform(-0.2, 0.7),
            0.022 * rnd.randint(6, 20),
            0.06,
        )
        for i in range(24)
    ]
    with_cost = crossings(reqs, place_labels(reqs, BOUNDS, 0.025))
    monkeypatch.setattr(labels, "CROSSING_COST", 0.0)
    without = crossings(reqs, place_labels(reqs, BOUNDS, 0.025))
    assert with_cost == 0 < without


def test_a_label_that_fits_nowhere_near_is_left_out():
    reqs = [LabelRequest(f"r{i}", 0.0, 0.0, 1.5, 0.3) for i in range(6)]
    placed = place_labels(reqs, BOUNDS, 0.025, rings=2, leave_out=True)
    assert 0 < len(placed) < len(reqs)
    rects = [p.rect for p in placed.values()]
    for a, b in itertools.combinations(rects, 2):
        assert not a.overlaps(b)
    assert all(r.inside(BOUNDS) for r in rects)
    assert isinstance(rects[0], Rect)
