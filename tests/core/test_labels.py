"""Labels on the plane never overlap each other or a point, even when crowded."""

import itertools
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ddwizard.core.labels import LabelRequest, Rect, place_labels
from ddwizard.core.plane import BOUNDS

RADIUS = 0.025


def check(requests, placed):
    assert set(placed) == {r.key for r in requests}
    rects = [placed[r.key].rect for r in requests]
    for a, b in itertools.combinations(rects, 2):
        assert not a.overlaps(b), (a, b)
    for rect in rects:
        assert rect.inside(BOUNDS)
        for r in requests:
            dot = Rect(r.x - RADIUS, r.y - RADIUS, 2 * RADIUS, 2 * RADIUS)
            assert not rect.overlaps(dot), (rect, r)


def width(title: str) -> float:
    return 0.022 * len(title)  # about 10 pt text on a plane drawn 9 cm wide


TITLES = [
    "Curriculum intent",
    "Early reading",
    "Behaviour",
    "SEND",
    "Assessment",
    "Pedagogy",
    "CPD",
    "Attendance",
    "Safeguarding",
    "Pastoral care",
    "HR practice",
    "Workload",
    "Finance",
    "Estates",
    "ICT and data",
    "Governance",
    "Ethos",
    "Parents",
    "Faith",
    "Sequencing",
    "Enrichment",
    "Careers",
]


def requests_at(points):
    return [
        LabelRequest(f"r{i}", x, y, width(TITLES[i % len(TITLES)]), 0.06)
        for i, (x, y) in enumerate(points)
    ]


def test_twenty_two_points_on_top_of_each_other():
    reqs = requests_at([(0.3, 0.3)] * 22)
    check(reqs, place_labels(reqs, BOUNDS, RADIUS))


def test_points_on_the_axes_and_corners():
    pts = [(0, y / 10) for y in range(-9, 10, 2)] + [(x / 10, 0) for x in range(-9, 10, 2)]
    pts += [(1, 1), (-1, -1), (1, -1), (-1, 1)]
    reqs = requests_at(pts)
    check(reqs, place_labels(reqs, BOUNDS, RADIUS))


@pytest.mark.parametrize("seed", range(5))
def test_crowded_random_planes(seed):
    rnd = random.Random(seed)
    reqs = requests_at([(rnd.uniform(-0.3, 0.8), rnd.uniform(-0.2, 0.7)) for _ in range(24)])
    check(reqs, place_labels(reqs, BOUNDS, RADIUS))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.floats(-1, 1), st.floats(-1, 1)), min_size=1, max_size=20))
def test_any_plane_of_up_to_twenty_points(points):
    reqs = requests_at(points)
    check(reqs, place_labels(reqs, BOUNDS, RADIUS))


def test_a_label_placed_away_from_its_point_has_a_leader():
    reqs = requests_at([(0.5, 0.5)] * 6)
    placed = place_labels(reqs, BOUNDS, RADIUS)
    assert any(p.leader for p in placed.values())
    assert not placed["r0"].leader or not placed["r1"].leader


def test_obstacles_are_avoided():
    reqs = requests_at([(0.5, 0.5)])
    block = Rect(0.5, 0.4, 0.4, 0.2)
    placed = place_labels(reqs, BOUNDS, RADIUS, obstacles=[block])
    assert not placed["r0"].rect.overlaps(block)


# --- the placer's quick tests agree with the plain ones --------------------------------------

coord = st.floats(-0.5, 1.5, allow_nan=False, allow_infinity=False)
size = st.floats(0, 0.6, allow_nan=False, allow_infinity=False)
rects = st.builds(Rect, coord, coord, size, size)


@settings(max_examples=400, deadline=None)
@given(coord, coord, coord, coord, rects)
def test_a_segment_meets_a_rectangle_as_plain_clipping_says(x0, y0, x1, y1, r):
    """The early answer for a segment wholly to one side never differs from clipping."""
    from ddwizard.core.labels import _clips, _segment_meets_rect

    seg = ((x0, y0), (x1, y1))
    assert _segment_meets_rect(seg, r) == _clips(seg, r)


@settings(max_examples=200, deadline=None)
@given(rects, st.lists(rects, max_size=12), st.floats(0, 0.05))
def test_clashes_count_overlaps_as_rect_overlaps_does(rect, taken, pad):
    from ddwizard.core.labels import _clashes

    assert _clashes(rect, taken, pad) == sum(1 for t in taken if rect.overlaps(t, pad=pad))
