"""A bundle carries the questionnaire its assessment was made with (`questionnaire.definition`):
it opens where that questionnaire has never been seen, checked by `validate`'s rules, and is
refused, naming both, where a different questionnaire has the same id and version."""

import copy
import dataclasses
import json
import re
from pathlib import Path

import pytest
import yaml

from ddwizard.core.assessment import Answer, Assessment, School, Trust
from ddwizard.core.bundle import BundleError, read_bundle, write_bundle
from ddwizard.core.bundle_definition import differences
from ddwizard.core.qfile import check_questionnaire, load_questionnaire, questionnaire_to_dict

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLE = load_questionnaire(FIXTURES / "example_questionnaire.yaml")


def assessment() -> Assessment:
    return Assessment(
        "5d0c7a52-8f3e-4b8e-9a51-0c6d2f7b3e19",
        School("Ashdown Primary School"),
        Trust("Weald Learning Trust"),
        EXAMPLE.id,
        EXAMPLE.version,
        answers=(Answer("early-reading-programme", "close"), Answer("behaviour-aim", "belonging")),
    )


def bundle() -> dict:
    return json.loads(json.dumps(write_bundle(assessment(), EXAMPLE)))


def nothing_here(qid, version):
    return None


def holding(q):
    return lambda qid, version: q if (qid, version) == (q.id, q.version) else None


def refused(data, lookup) -> str:
    with pytest.raises(BundleError) as e:
        read_bundle(data, lookup, "visit.json")
    assert all(p.startswith("visit.json: ") for p in e.value.problems)
    return str(e.value)


def test_export_embeds_the_whole_questionnaire_in_its_canonical_form():
    assert bundle()["questionnaire"]["definition"] == questionnaire_to_dict(EXAMPLE)


def test_a_bundle_opens_where_its_questionnaire_has_never_been_seen():
    a, q, _ = read_bundle(bundle(), nothing_here)
    assert q == EXAMPLE and a == assessment()


def test_the_same_questionnaire_already_held_is_used_as_it_is():
    a, q, _ = read_bundle(bundle(), holding(EXAMPLE))
    assert q is EXAMPLE and a == assessment()


def changed_example():
    """The example with one question reworded and one checklist item more, same version."""
    reading = EXAMPLE.referents[0]
    first = dataclasses.replace(reading.questions[0], text="Which phonics programme?")
    reading = dataclasses.replace(reading, questions=(first, *reading.questions[1:]))
    area = EXAMPLE.due_diligence[0]
    extra = dataclasses.replace(area.items[0], id="finance-reserves", text="Reserves")
    area = dataclasses.replace(area, items=(*area.items, extra))
    return dataclasses.replace(
        EXAMPLE,
        title="Weald's own questions",
        referents=(reading, *EXAMPLE.referents[1:]),
        due_diligence=(area,),
    )


def test_a_different_questionnaire_under_the_same_id_and_version_is_refused_naming_both():
    said = refused(bundle(), holding(changed_example()))
    assert "questionnaire 'example' version '1'" in said
    assert '"Example questionnaire"' in said and '"Weald\'s own questions"' in said
    assert "1 question worded or scored differently ('early-reading-programme')" in said
    assert "1 checklist item only here ('finance-reserves')" in said
    assert "a new `version`" in said


def test_differences_are_said_in_a_few_words():
    ours, theirs = EXAMPLE, changed_example()
    assert differences(ours, theirs) == (
        "the title or description; 1 question worded or scored differently "
        "('early-reading-programme'); 1 checklist item only here ('finance-reserves')"
    )
    many = dataclasses.replace(EXAMPLE, referents=EXAMPLE.referents[:1])
    assert "1 area only in the bundle ('behaviour')" in differences(EXAMPLE, many)
    assert "2 questions only in the bundle ('behaviour-routines', 'behaviour-aim')" in (
        differences(EXAMPLE, many)
    )
    reordered = dataclasses.replace(EXAMPLE, referents=EXAMPLE.referents[::-1])
    assert differences(EXAMPLE, reordered) == "the order of areas or checklist sections"


def broken(definition: dict) -> dict:
    data = bundle()
    data["questionnaire"]["definition"] = definition
    return data


def _breakages():
    no_purpose = copy.deepcopy(questionnaire_to_dict(EXAMPLE))
    no_purpose["referents"][1]["questions"] = no_purpose["referents"][1]["questions"][:1]
    typo = copy.deepcopy(questionnaire_to_dict(EXAMPLE))
    typo["referents"][0]["questions"][0]["wieght"] = 2
    score = copy.deepcopy(questionnaire_to_dict(EXAMPLE))
    score["referents"][0]["questions"][0]["options"][0]["score"] = 5
    twice = copy.deepcopy(questionnaire_to_dict(EXAMPLE))
    twice["due_diligence"][0]["items"][1]["id"] = "finance-accounts"
    return [no_purpose, typo, score, twice]


@pytest.mark.parametrize("definition", _breakages())
def test_a_carried_questionnaire_is_checked_by_the_rules_of_validate(definition, tmp_path):
    """The problems are `validate`'s own, for the same questionnaire written as a file (less
    the line numbers, which a bundle's copy does not have)."""
    file = tmp_path / "same.yaml"
    file.write_text(yaml.safe_dump(definition, sort_keys=False), encoding="utf-8")
    expected = [re.sub(r" \(first at line \d+\)", "", p.message) for p in check_questionnaire(file)]
    assert expected  # the breakage is one validate finds
    said = refused(broken(definition), nothing_here)
    assert said.splitlines() == [f"visit.json: questionnaire.definition: {m}" for m in expected]


def test_a_carried_questionnaire_must_be_the_one_the_bundle_names():
    other = dict(questionnaire_to_dict(EXAMPLE), version="7")
    said = refused(broken(other), nothing_here)
    assert "questionnaire.definition is questionnaire 'example' version '7'" in said
    assert "names 'example' version '1'" in said


def test_answers_are_checked_against_the_carried_questionnaire():
    data = bundle()
    data["answers"].append({"question": "astrology", "option": "own"})
    assert "answers.2: question 'astrology' is not in questionnaire 'example'" in refused(
        data, nothing_here
    )


def test_a_bundle_without_a_definition_needs_the_questionnaire_here():
    data = bundle()
    del data["questionnaire"]["definition"]
    assert read_bundle(data, holding(EXAMPLE))[1] is EXAMPLE
    assert "add it first with 'ddwizard questionnaire add FILE.yaml'" in refused(data, nothing_here)
