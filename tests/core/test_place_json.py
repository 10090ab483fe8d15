"""`place --json`'s per-area keys of DESIGN.md (`borderline_on`, `facets`, per-axis
`confidence`, `trust_open`), checked against an independent computation written from the
text of the contract: exact fractions, no code shared with `placement`."""

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ddwizard.core.assessment import Answer, Assessment, Confidence, ReferentNote, School, Trust
from ddwizard.core.placement import place, place_assessment, placement_json
from ddwizard.core.questionnaire import Axis, Means, Option, Question, Questionnaire, Referent

AXES = ("purpose", "practice")
scores = st.sampled_from([-1, -0.5, -0.25, -0.05, 0, 0.05, 0.25, 0.5, 1]) | st.floats(-1, 1)
uncounted = st.sampled_from([Means.UNKNOWN, Means.TRUST_OPEN, Means.NOT_APPLICABLE])
confidences = st.sampled_from([None, *Confidence])


@st.composite
def options(draw):
    made = []
    for k in range(draw(st.integers(1, 4))):
        if draw(st.booleans()):
            made.append(Option(f"o{k}", "?", draw(scores)))
        else:
            made.append(Option(f"o{k}", "?", None, means=draw(uncounted)))
    return tuple(made)


@st.composite
def cases(draw):
    referents, chosen, notes = [], {}, {}
    for r in range(draw(st.integers(1, 4))):
        questions = []
        for axis in Axis:
            for i in range(draw(st.integers(1, 4))):
                opts = draw(options())
                qid = f"r{r}_{axis.value}_{i}"
                facet = draw(st.sampled_from([None, "stated", "lived"]))
                weight = draw(st.sampled_from([0.5, 1, 2, 3]))
                questions.append(Question(qid, axis, "?", opts, weight=weight, facet=facet))
                pick = draw(st.none() | st.integers(0, len(opts) - 1))
                if pick is not None:
                    chosen[qid] = opts[pick].key
        referents.append(Referent(f"r{r}", f"Area {r}", "G", tuple(questions)))
        if draw(st.booleans()):
            notes[f"r{r}"] = ReferentNote(f"r{r}", draw(confidences), draw(confidences))
    return Questionnaire("q", "1", "Q", tuple(referents)), chosen, notes


def counted_mean(ref: Referent, axis: str, chosen: dict, facet=None):
    pairs = []
    for q in ref.questions:
        if q.axis.value != axis or q.id not in chosen or (facet and q.facet != facet):
            continue
        score = next(o.score for o in q.options if o.key == chosen[q.id])
        if score is not None:
            pairs.append((Fraction(q.weight), Fraction(score)))
    if not pairs:
        return None
    return sum(w * s for w, s in pairs) / sum(w for w, _ in pairs)


def only_trust_open(ref: Referent, axis: str, chosen: dict) -> bool:
    picked = [
        next(o for o in q.options if o.key == chosen[q.id])
        for q in ref.questions
        if q.axis.value == axis and q.id in chosen
    ]
    return bool(picked) and all(o.score is None and o.means == "trust_open" for o in picked)


def expected(ref: Referent, chosen: dict, note: ReferentNote | None) -> dict:
    value = {a: counted_mean(ref, a, chosen) for a in AXES}
    placed = None not in value.values()
    near = [a for a in AXES if placed and abs(value[a]) < Fraction(1, 10)]
    # On the edge of the band itself, floating-point rounding decides; either is right.
    edge = [a for a in AXES if placed and abs(abs(value[a]) - Fraction(1, 10)) < 1e-12]
    return {
        "borderline_on": near,
        "edge": edge,
        "facets": {
            a: {f: counted_mean(ref, a, chosen, f) for f in ("stated", "lived")} for a in AXES
        },
        "confidence": {
            "purpose": note.purpose_confidence if note else None,
            "practice": note.practice_confidence if note else None,
        },
        "trust_open": {a: only_trust_open(ref, a, chosen) for a in AXES},
    }


def close(got, want) -> bool:
    if want is None or got is None:
        return got is want
    return got == pytest.approx(float(want), abs=1e-9)


@settings(max_examples=200, deadline=None)
@given(cases())
def test_the_new_keys_follow_the_contract(case):
    q, chosen, notes = case
    doc = placement_json(3, place(q, chosen, notes=notes))
    for ref, got in zip(q.referents, doc["referents"], strict=True):
        want = expected(ref, chosen, notes.get(ref.id))
        edge = set(want["edge"])
        assert [a for a in got["borderline_on"] if a not in edge] == [
            a for a in want["borderline_on"] if a not in edge
        ]
        assert got["borderline"] == bool(got["borderline_on"])
        for a in AXES:
            for f in ("stated", "lived"):
                assert close(got["facets"][a][f], want["facets"][a][f])
        assert got["confidence"] == want["confidence"]
        assert got["trust_open"] == want["trust_open"]


def test_a_worked_example_as_a_script_reads_it():
    """One area, by hand: purpose is stated +1 and lived −0.5 (weight 2), so the axis is 0
    and borderline; practice is answered only with "the trust has no set way here"."""
    scale = (
        Option("own", "Own", 1.0),
        Option("other", "Other", -0.5),
        Option("open", "No set way", None, means=Means.TRUST_OPEN),
        Option("unknown", "Don't know", None),
    )
    questions = (
        Question("said", Axis.PURPOSE, "?", scale, facet="stated"),
        Question("seen", Axis.PURPOSE, "?", scale, weight=2, facet="lived"),
        Question("how", Axis.PRACTICE, "?", scale, facet="lived"),
        Question("how2", Axis.PRACTICE, "?", scale),
    )
    q = Questionnaire("q", "1", "Q", (Referent("r", "Area", "G", questions),))
    a = Assessment(
        "5d0c7a52-8f3e-4b8e-9a51-0c6d2f7b3e19",
        School("S"),
        Trust("T"),
        "q",
        "1",
        answers=(Answer("said", "own"), Answer("seen", "other"), Answer("how", "open")),
        referent_notes=(ReferentNote("r", Confidence.MEDIUM, Confidence.HIGH),),
    )
    r = placement_json(1, place_assessment(q, a))["referents"][0]
    assert r["purpose"] == 0 and r["practice"] is None and r["quadrant"] is None
    assert r["borderline"] is False and r["borderline_on"] == []  # not placed
    assert r["facets"] == {
        "purpose": {"stated": 1.0, "lived": -0.5},
        "practice": {"stated": None, "lived": None},
    }
    assert r["confidence"] == {"purpose": "medium", "practice": "high"}
    assert r["trust_open"] == {"purpose": False, "practice": True}
    assert list(r) == [
        "referent",
        "title",
        "purpose",
        "practice",
        "quadrant",
        "borderline",
        "borderline_on",
        "answered",
        "questions",
        "spread",
        "facets",
        "confidence",
        "trust_open",
    ]  # the order DESIGN.md lists


def test_trust_open_is_false_once_any_other_answer_is_given():
    scale = (Option("own", "Own", 1.0), Option("open", "No set way", None, means="trust_open"))
    questions = (
        Question("a", Axis.PRACTICE, "?", scale),
        Question("b", Axis.PRACTICE, "?", scale),
        Question("c", Axis.PURPOSE, "?", scale),
    )
    q = Questionnaire("q", "1", "Q", (Referent("r", "Area", "G", questions),))
    open_only = placement_json(1, place(q, {"a": "open", "b": "open"}))["referents"][0]
    mixed = placement_json(1, place(q, {"a": "open", "b": "own"}))["referents"][0]
    assert open_only["trust_open"] == {"purpose": False, "practice": True}  # purpose unanswered
    assert mixed["trust_open"]["practice"] is False and mixed["practice"] == 1.0
