"""The placement arithmetic of DESIGN.md, checked against an independent computation
(exact fractions, written from the text of the contract, not from the code)."""

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ddwizard.core.placement import (
    Quadrant,
    is_borderline,
    place,
    placement_json,
    quadrant_of,
)
from ddwizard.core.questionnaire import Axis, Option, Question, Questionnaire, Referent

from .builders import questionnaire, referent

scores = st.one_of(
    st.none(),
    st.sampled_from([-1, -0.5, -0.25, 0, 0.25, 0.5, 1]),
    st.floats(-1, 1, allow_nan=False),
)
weights = st.sampled_from([0.5, 1, 2, 3]) | st.floats(0.01, 10)


@st.composite
def questionnaires_and_answers(draw):
    referents = []
    chosen = {}
    for r in range(draw(st.integers(1, 5))):
        questions = []
        for axis in (Axis.PRACTICE, Axis.PURPOSE):
            for i in range(draw(st.integers(1, 4))):
                opts = tuple(
                    Option(f"o{k}", f"Option {k}", s)
                    for k, s in enumerate(draw(st.lists(scores, min_size=1, max_size=5)))
                )
                qid = f"r{r}_{axis.value}_{i}"
                questions.append(Question(qid, axis, "?", opts, weight=draw(weights)))
                pick = draw(st.none() | st.integers(0, len(opts) - 1))
                if pick is not None:
                    chosen[qid] = opts[pick].key
        referents.append(
            Referent(f"r{r}", f"Area {r}", "G", tuple(questions), weight=draw(weights))
        )
    return Questionnaire("q", "1", "Q", tuple(referents)), chosen


def expected_axis(ref: Referent, axis: Axis, chosen: dict):
    counted = []
    for q in ref.questions:
        if q.axis != axis or q.id not in chosen:
            continue
        score = next(o.score for o in q.options if o.key == chosen[q.id])
        if score is not None:
            counted.append((Fraction(q.weight), Fraction(score)))
    if not counted:
        return None, None
    value = sum(w * s for w, s in counted) / sum(w for w, _ in counted)
    mean = sum(s for _, s in counted) / len(counted)
    var = sum((s - mean) ** 2 for _, s in counted) / len(counted)
    return float(value), float(var) ** 0.5


@settings(max_examples=200, deadline=None)
@given(questionnaires_and_answers())
def test_axis_values_follow_the_contract(data):
    q, chosen = data
    placement = place(q, chosen)
    for rp in placement.referents:
        for axis, got in ((Axis.PURPOSE, rp.purpose), (Axis.PRACTICE, rp.practice)):
            value, spread = expected_axis(rp.referent, axis, chosen)
            if value is None:
                assert got.value is None and got.spread is None
            else:
                assert got.value == pytest.approx(value, abs=1e-9)
                assert got.spread == pytest.approx(spread, abs=1e-9)
                assert -1 <= got.value <= 1


@settings(max_examples=200, deadline=None)
@given(questionnaires_and_answers())
def test_an_axis_without_a_counted_answer_never_places(data):
    q, chosen = data
    for rp in place(q, chosen).referents:
        if rp.purpose.counted == 0 or rp.practice.counted == 0:
            assert not rp.placed and rp.quadrant is None and not rp.borderline
            assert rp.unplaced_reason()
        else:
            assert rp.placed


@settings(max_examples=100, deadline=None)
@given(questionnaires_and_answers(), st.randoms())
def test_the_order_of_answers_changes_nothing(data, rnd):
    q, chosen = data
    items = list(chosen.items())
    rnd.shuffle(items)
    assert placement_json(1, place(q, dict(items))) == placement_json(1, place(q, chosen))


@settings(max_examples=100, deadline=None)
@given(questionnaires_and_answers())
def test_overall_is_the_weighted_mean_of_placed_referents(data):
    q, chosen = data
    placement = place(q, chosen)
    placed = [rp for rp in placement.referents if rp.placed]
    if not placed:
        assert placement.overall.purpose is None and placement.overall.practice is None
        return
    total = sum(Fraction(rp.referent.weight) for rp in placed)
    for attr in ("purpose", "practice"):
        want = (
            sum(Fraction(rp.referent.weight) * Fraction(getattr(rp, attr).value) for rp in placed)
            / total
        )
        assert getattr(placement.overall, attr) == pytest.approx(float(want), abs=1e-9)


@given(st.floats(0.01, 100), st.floats(0.01, 100))
def test_weights_behave_as_weights(w1, w2):
    # Scaling every weight by the same factor changes nothing; a heavier question pulls
    # the axis towards its own score.
    def ref(a, b):
        return questionnaire(
            Referent(
                "r",
                "R",
                "G",
                (
                    Question("p1", Axis.PRACTICE, "?", (Option("x", "x", 1.0),), weight=a),
                    Question("p2", Axis.PRACTICE, "?", (Option("y", "y", -1.0),), weight=b),
                    Question("u1", Axis.PURPOSE, "?", (Option("x", "x", 1.0),)),
                ),
            )
        )

    chosen = {"p1": "x", "p2": "y", "u1": "x"}
    one = place(ref(w1, w2), chosen).referents[0].practice.value
    scaled = place(ref(w1 * 3, w2 * 3), chosen).referents[0].practice.value
    assert one == pytest.approx(scaled, abs=1e-9)
    assert one == pytest.approx((w1 - w2) / (w1 + w2), abs=1e-9)


def test_worked_example():
    q = questionnaire(referent("curriculum", 3, 3))
    chosen = {
        "curriculum_pr0": "own",
        "curriculum_pr1": "other",
        "curriculum_pr2": "unknown",
        "curriculum_pu0": "mostly",
        "curriculum_pu1": "mostly",
        "curriculum_pu2": "mix",
    }
    doc = placement_json(7, place(q, chosen))
    r = doc["referents"][0]
    assert r["practice"] == pytest.approx(0.25)  # (1 - 0.5) / 2; "don't know" not counted
    assert r["purpose"] == pytest.approx(1 / 3)  # (0.5 + 0.5 + 0) / 3
    assert r["quadrant"] == "A" and r["borderline"] is False
    assert r["answered"] == 6 and r["questions"] == 6
    assert r["spread"]["practice"] == pytest.approx(0.75)
    assert doc["assessment"] == 7 and doc["overall"]["quadrant"] == "A"


@pytest.mark.parametrize(
    ("x", "y", "quadrant"),
    [
        (0.5, 0.5, Quadrant.A),
        (0.5, -0.5, Quadrant.B),
        (-0.5, 0.5, Quadrant.C),
        (-0.5, -0.5, Quadrant.D),
        (0, 0.5, None),
        (0.5, 0, None),
        (None, 0.5, None),
    ],
)
def test_quadrants_by_sign(x, y, quadrant):
    assert quadrant_of(x, y) == quadrant


def test_borderline_band():
    assert is_borderline(0.09, 0.9) and is_borderline(0.9, -0.05)
    assert not is_borderline(0.1, 0.1) and not is_borderline(None, 0.0)


def test_selected_referents_only_and_in_questionnaire_order():
    q = questionnaire(referent("a"), referent("b"), referent("c"))
    placement = place(q, {}, ["c", "a"])
    assert [rp.referent.id for rp in placement.referents] == ["a", "c"]
    assert [rp.referent.id for rp in place(q, {}, []).referents] == ["a", "b", "c"]


def test_quadrant_names_are_neutral():
    words = " ".join(q.title.lower() for q in Quadrant)
    for verdict in ("good", "bad", "fail", "poor", "score", "weak", "strong"):
        assert verdict not in words
