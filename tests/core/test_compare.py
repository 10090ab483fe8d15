"""The comparison model and re-assessment in core, with questionnaires built in code."""

import pytest

from ddwizard.core.assessment import (
    Answer,
    Assessment,
    Decision,
    ReferentNote,
    School,
    Target,
    Trust,
)
from ddwizard.core.compare import CompareError, Kind, compare, point_words
from ddwizard.core.compare_plane import build_figure
from ddwizard.core.labels import Rect
from ddwizard.core.questionnaire import Axis, Referent
from ddwizard.core.reassess import newer_than, reassess
from ddwizard.core.statuses import Confidence

from .builders import SCALE, question, questionnaire, referent

Q = questionnaire(referent("reading", 1, 1), referent("behaviour", 1, 1))


def make(
    uid,
    school="Oak",
    trust="Wenmoor",
    *,
    assessor="Sam",
    on="2026-11-01",
    urn="",
    answers=None,
    **kw,
):
    answers = answers or {}
    return Assessment(
        uid,
        School(school, urn=urn),
        Trust(trust),
        "test",
        "1",
        assessor=assessor,
        assessed_on=on,
        answers=tuple(Answer(q, o) for q, o in answers.items()),
        **kw,
    )


def test_kinds_are_read_from_what_the_assessments_share():
    def kind(*assessments):
        return compare([(i, a, Q) for i, a in enumerate(assessments)]).kind

    assert kind(make("1", on="2026-01-01"), make("2", on="2026-06-01")) == Kind.MOVEMENT
    assert kind(make("1"), make("2", trust="Fellside")) == Kind.TRUSTS
    assert kind(make("1"), make("2", school="Ash")) == Kind.SCHOOLS
    assert kind(make("1"), make("2", school="Ash", trust="Fellside")) == Kind.MIXED
    assert kind(make("1"), make("2", assessor="Head")) == Kind.PERSPECTIVES
    # Names are matched without regard to case or spacing; URNs when every school has one.
    assert kind(make("1", school="Oak  primary"), make("2", school="oak Primary")) == Kind.MOVEMENT
    assert kind(make("1", urn="100"), make("2", school="Oak (renamed)", urn="100")) == (
        Kind.MOVEMENT
    )


def test_a_recorded_perspective_decides_over_the_assessor():
    school = make("1", perspective="school", assessor="Sam")
    trust = make("2", perspective="trust", assessor="Sam")
    c = compare([(1, school, Q), (2, trust, Q)])
    assert c.kind == Kind.PERSPECTIVES and c.notes == ()
    same_side = compare([(1, school, Q), (2, make("3", perspective="school", assessor="Kim"), Q)])
    assert same_side.kind == Kind.MOVEMENT
    unrecorded = compare([(1, make("1"), Q), (2, make("2", assessor="Kim"), Q)])
    assert "no perspective" in unrecorded.notes[0]


def test_conversation_points_from_half_a_point_apart_and_never_averaged():
    a = make(
        "1",
        assessor="Head",
        answers={
            "reading_pu0": "own",
            "reading_pr0": "mix",
            "behaviour_pu0": "own",
            "behaviour_pr0": "own",
        },
    )
    b = make(
        "2",
        assessor="Lead",
        answers={"reading_pu0": "mostly", "reading_pr0": "other", "behaviour_pu0": "own"},
    )
    c = compare([(1, a, Q), (2, b, Q)])
    points = c.conversation_points()
    assert [(p.referent, p.axis, p.gap) for p in points] == [
        ("reading", "purpose", 0.5),
        ("reading", "practice", 0.5),
    ]
    assert points[0].views == ((1, 0.5), (0, 1.0))
    behaviour = c.areas[1]
    assert behaviour.gap_purpose == 0.0 and behaviour.gap_practice is None
    assert [p.placed for p in behaviour.points] == [True, False]


def test_movement_runs_in_date_order_and_draws_a_trajectory():
    late = make("1", on="2027-01-01", answers={"reading_pu0": "own", "reading_pr0": "own"})
    early = make("2", on="2026-01-01", answers={"reading_pu0": "other", "reading_pr0": "other"})
    c = compare([(7, late, Q), (8, early, Q)])
    assert [m.id for m in c.members] == [8, 7]
    figure = build_figure(c)
    (link,) = figure.panels[0].links
    assert (link.x1, link.y1, link.x2, link.y2) == (-0.5, -0.5, 1.0, 1.0)
    assert [s.tag for s in figure.series] == ["1", "2"]
    assert len({s.marker for s in figure.series}) == 2  # told apart by shape, not colour


def test_a_portfolio_stacks_schools_on_one_spot_with_a_count():
    same = {"reading_pu0": "own", "reading_pr0": "own"}
    schools = [make(str(i), school=f"School {i}", answers=same) for i in range(5)]
    schools.append(make("9", school="Ash", answers={"reading_pu0": "other", "reading_pr0": "own"}))
    c = compare([(i, a, Q) for i, a in enumerate(schools)])
    assert c.kind == Kind.SCHOOLS
    figure = build_figure(c)
    assert len(figure.series) == 1 and "one set" in figure.notes[-1]
    marks = sorted(figure.panels[0].marks, key=lambda m: m.count)
    assert [(m.count, m.label) for m in marks] == [(1, "Ash"), (5, "")]


def test_compare_needs_two_different_assessments():
    with pytest.raises(CompareError, match="two or more"):
        compare([(1, make("1"), Q)])
    with pytest.raises(CompareError, match="more than once"):
        compare([(1, make("1"), Q), (1, make("1"), Q)])


def test_positions_in_words_are_neutral():
    placed = make("1", answers={"reading_pu0": "other", "reading_pr0": "own"})
    c = compare([(1, placed, Q), (2, make("2", trust="Fellside"), Q)])
    text = point_words(c.areas[0].points[0])
    assert text == "Practice largely the trust's, purpose partly other (C)"


def test_reassess_carries_what_fits_and_names_what_does_not():
    old = make(
        "1",
        label="Pre-join",
        answers={"reading_pu0": "own", "reading_pr0": "mostly", "behaviour_pu0": "mix"},
        referent_notes=(
            ReferentNote.same("reading", Confidence.HIGH, "seen"),
            ReferentNote.same("behaviour", None, "gone"),
        ),
        targets=(Target("reading", 0.8, 0.8),),
    )
    narrower = [o for o in SCALE if o.key != "mostly"]
    reading = Referent(
        "reading",
        "Reading",
        "T",
        (
            question("reading_pu0", Axis.PURPOSE),
            question("reading_pr0", Axis.PRACTICE, options=narrower),
        ),
    )
    new_q = questionnaire(reading, version="2")
    result = reassess(old, new_q, uid="new", assessed_on="2027-01-01")
    new = result.assessment
    assert result.carried == ("reading_pu0",)
    assert result.dropped == ("reading_pr0", "behaviour_pu0")
    assert (new.uid, new.assessed_on) == ("new", "2027-01-01")
    assert new.label == "Re-assessment (Pre-join)"
    assert (new.questionnaire_id, new.questionnaire_version) == ("test", "2")
    assert [n.referent for n in new.referent_notes] == ["reading"]
    assert new.referent_notes[0].confidence == Confidence.HIGH
    assert [t.referent for t in new.targets] == ["reading"]


def test_versions_compare_as_numbers_where_they_are_numbers():
    assert newer_than("10", "9") and newer_than("2.1", "2") and not newer_than("1", "1")


def test_joining_schools_are_set_apart_where_the_assessments_say():
    def school(uid, joining_on):
        return make(
            uid,
            school=f"School {uid}",
            on="2026-11-01",
            decision=Decision(joining_on=joining_on) if joining_on is not None else None,
            answers={"reading_pu0": "own", "reading_pr0": "own"},
        )

    c = compare(
        [
            (1, school("1", "2027-04-01"), Q),
            (2, school("2", "2019-09-01"), Q),
            (3, school("3", None), Q),
        ]
    )
    figure = build_figure(c)
    names = [s.name for s in figure.series]
    assert names == ["Existing schools", "Joining schools", "Not recorded as joining or existing"]
    assert len({s.marker for s in figure.series}) == 3 and figure.series[1].hollow
    marks = figure.panels[0].marks  # the same spot, but different sets: never one stack
    assert sorted((m.series, m.names) for m in marks) == [
        (0, ("School 2",)),
        (1, ("School 1",)),
        (2, ("School 3",)),
    ]


def test_a_hundred_schools_stay_readable():
    import random

    from ddwizard.core.compare_plane import label_panel

    rng = random.Random(4)
    keys = [o.key for o in SCALE]
    schools = [
        make(
            str(i),
            school=f"School number {i}",
            answers={q: rng.choice(keys) for q in ("reading_pu0", "reading_pr0")},
        )
        for i in range(100)
    ]
    c = compare([(i, a, Q) for i, a in enumerate(schools)])
    panel = build_figure(c).panels[0]
    placed = sum(1 for p in c.areas[0].points if p.placed)
    assert sum(m.count for m in panel.marks) == placed  # every school counted, once
    assert any(m.count > 1 for m in panel.marks)  # 25 spots for ~64 schools: stacks
    radius = 0.03
    panel = label_panel(panel, lambda text: (0.012 * len(text), 0.06), radius)
    rects = list(panel.labels.values())
    assert rects, "some schools are named"
    for i, a in enumerate(rects):
        assert all(not a.rect.overlaps(b.rect) for b in rects[i + 1 :])
        for m in panel.marks:
            dot = Rect(m.x - radius, m.y - radius, 2 * radius, 2 * radius)
            assert not a.rect.overlaps(dot), (a.key, m.key)
    assert all(panel.mark(key).count == 1 for key in panel.labels)  # stacks show a count


def test_the_areas_where_many_schools_sit_far_from_their_targets():
    from ddwizard.core.compare import comparison_json
    from ddwizard.core.compare_portfolio import distance_words, far_areas, target_distances

    # Reading: answered "other" (-0.5) on both axes; behaviour: "own" (1.0) on both.
    answers = {q: "other" for q in ("reading_pu0", "reading_pr0")}
    answers |= {q: "own" for q in ("behaviour_pu0", "behaviour_pr0")}
    targets = {
        "Ash": (Target("reading", 1.0, 1.0), Target("behaviour", 1.0, 1.0)),  # far on both
        "Elm": (Target("reading", -0.5, 0.0), Target("behaviour", 0.8, 1.0)),  # 0.5 on practice
        "Oak": (Target("reading", 0.0, -0.5),),  # 0.5 on purpose: far (0.5 is far)
        "Yew": (Target("reading", -0.2, -0.3),),  # near: 0.3 and 0.2
        "Fir": (),  # no target: counted apart
    }
    schools = [make(name, school=name, answers=answers, targets=t) for name, t in targets.items()]
    c = compare([(i + 1, a, Q) for i, a in enumerate(schools)])
    reading, behaviour = target_distances(c)
    assert reading.referent == "reading" and reading.far == (0, 1, 2)  # furthest first
    assert (reading.far_purpose, reading.far_practice) == (2, 2)
    assert (reading.with_target, reading.without_target) == (4, 1)
    assert reading.furthest == 1.5
    assert behaviour.far == () and behaviour.with_target == 2
    assert [d.referent for d in far_areas(c)] == ["reading"]
    assert distance_words(reading) == (
        "Reading: 3 of 4 schools with a target here sit 0.5 or more from it (2 on practice, "
        "2 on purpose); 1 school placed here has no target."
    )
    doc = comparison_json(c)["portfolio"]
    assert doc["far_from_targets"] == [
        {
            "referent": "reading",
            "title": "Reading",
            "far": 3,
            "far_on": {"purpose": 2, "practice": 2},
            "with_target": 4,
            "without_target": 1,
            "assessments": [1, 2, 3],
        }
    ]
    assert doc["joining"] == [] and doc["not_recorded"] == [1, 2, 3, 4, 5]
    # Other kinds keep DESIGN's document as it is.
    two = compare([(1, schools[0], Q), (2, make("x", trust="Fellside"), Q)])
    assert set(comparison_json(two)) == {"kind", "assessments", "referents"}
