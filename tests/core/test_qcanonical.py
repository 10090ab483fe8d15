"""The quick reading of a stored questionnaire never accepts what the strict reading would
refuse, and reads what it accepts exactly as the strict reading does."""

from __future__ import annotations

import contextlib
import copy
import math
import random
from pathlib import Path

import pytest

from ddwizard.core.qcanonical import read_canonical
from ddwizard.core.qfile import (
    QuestionnaireError,
    load_questionnaire,
    questionnaire_from_dict,
    questionnaire_to_dict,
)
from ddwizard.resources import default_questionnaire_path

EXAMPLE = Path(__file__).parent / "fixtures" / "example_questionnaire.yaml"


def strict(data):
    try:
        return questionnaire_from_dict(data)
    except QuestionnaireError:
        return None


def agree(data) -> None:
    quick = read_canonical(data)
    if quick is not None:
        assert quick == strict(copy.deepcopy(data))


@pytest.fixture(scope="module", params=["shipped", "example"])
def canonical(request):
    path = default_questionnaire_path() if request.param == "shipped" else EXAMPLE
    return questionnaire_to_dict(load_questionnaire(path))


def test_the_stored_form_reads_quickly_as_it_reads_strictly(canonical):
    quick = read_canonical(copy.deepcopy(canonical))
    assert quick is not None
    assert quick == strict(copy.deepcopy(canonical))


def _leaves(value, path=()):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _leaves(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _leaves(v, (*path, i))
    yield path


def _set(data, path, value):
    target = data
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value


ODD = [
    "",
    " ",
    " x",
    "x y",
    "x\n",
    0,
    1,
    1.0,
    -1.5,
    2.0,
    0.0,
    -0.0,
    None,
    True,
    False,
    [],
    {},
    math.nan,
    math.inf,
    "practice",
    "purpose",
    "documents",
    "x",
    [{}],
    {"x": 1},
]


def test_no_change_makes_the_quick_reading_accept_what_the_strict_one_refuses(canonical):
    rng = random.Random(11)
    paths = [p for p in _leaves(canonical) if p]
    for _ in range(600):
        data = copy.deepcopy(canonical)
        for path in rng.sample(paths, rng.choice([1, 1, 2])):
            with contextlib.suppress(KeyError, IndexError, TypeError):  # gone with a change
                _set(data, path, copy.deepcopy(rng.choice(ODD)))
        agree(data)


def test_structural_changes_agree_too(canonical):
    def referents(d):
        return d["referents"]

    changes = [
        lambda d: referents(d).append(copy.deepcopy(referents(d)[0])),  # ids twice
        lambda d: referents(d)[0]["questions"].append(
            copy.deepcopy(referents(d)[1]["questions"][0])
        ),
        lambda d: referents(d)[0].update(
            questions=[q for q in referents(d)[0]["questions"] if q["axis"] == "practice"]
        ),
        lambda d: referents(d)[0]["questions"][0]["options"].append(
            copy.deepcopy(referents(d)[0]["questions"][0]["options"][0])
        ),
        lambda d: [o.update(score=None) for o in referents(d)[0]["questions"][0]["options"]],
        lambda d: referents(d)[0]["questions"][0].update(scale="x"),
        lambda d: referents(d)[0]["questions"][0].pop("help"),
        lambda d: referents(d)[0]["questions"][0]["evidence"].append("documents"),
        lambda d: d.update(scales={}),
        lambda d: d.update(due_diligence=[]),
        lambda d: d.update(referents=[]),
        lambda d: d["due_diligence"] and d["due_diligence"][0].update(items=[]),
        lambda d: d["due_diligence"] and d["due_diligence"].append(d["due_diligence"][0]),
        lambda d: d.update(format_version=3),
        lambda d: d.update(format_version=1),
        lambda d: d.update(format="ddwizard.assessment"),
    ]
    for change in changes:
        data = copy.deepcopy(canonical)
        change(data)
        agree(data)
