"""Stated and lived answers apart on the plane: an area's two facet points, only when an
axis has both facets answered; each facet's mean where it has one, else the axis's mean."""

from dataclasses import replace

from ddwizard.core.placement import place
from ddwizard.core.plane import PointKind, build_scene, facet_points

from .builders import questionnaire, referent


def faceted():
    r = referent("reading")
    facets = ("stated", "lived", "stated", "lived")  # pr0, pr1, pu0, pu1
    questions = tuple(replace(q, facet=f) for q, f in zip(r.questions, facets, strict=True))
    return questionnaire(replace(r, questions=questions))


def test_stated_and_lived_apart_where_an_axis_has_both():
    chosen = {"reading_pr0": "own", "reading_pu0": "own", "reading_pu1": "entirely"}
    (rp,) = place(faceted(), chosen).referents
    stated, lived = facet_points(rp)
    assert (stated.kind, lived.kind) == (PointKind.STATED, PointKind.LIVED)
    assert (stated.x, lived.x) == (1.0, -1.0)  # purpose: each facet's own mean
    assert stated.y == lived.y == 1.0  # practice: only stated answered, so the whole mean
    scene = build_scene(place(faceted(), chosen), facets=True)
    assert {p.key for p in scene.points} == {"reading", "reading@stated", "reading@lived"}
    assert len(build_scene(place(faceted(), chosen)).points) == 1  # only when asked


def test_no_facet_points_with_one_facet_a_side_or_an_area_not_placed():
    one_each = {"reading_pr0": "own", "reading_pu0": "own"}
    assert facet_points(place(faceted(), one_each).referents[0]) == []
    unplaced = {"reading_pu0": "own", "reading_pu1": "other"}
    assert facet_points(place(faceted(), unplaced).referents[0]) == []
