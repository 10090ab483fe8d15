"""Reading questionnaire files: values, and every rule reported at its line in plain words."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from ddwizard.core import qfile, yamlsource
from ddwizard.core.qfile import (
    Problem,
    QuestionnaireError,
    check_questionnaire,
    load_questionnaire,
    parse_questionnaire,
    questionnaire_from_dict,
    questionnaire_from_json,
    questionnaire_to_dict,
)
from ddwizard.core.questionnaire import Axis, Option

EXAMPLE = Path(__file__).parent / "fixtures" / "example_questionnaire.yaml"

# Line numbers matter in these tests: MINIMAL's lines are numbered on the right.
MINIMAL = """\
format: ddwizard.questionnaire
format_version: 1
id: mini
version: 1
title: Minimal
scales:
  agree:
    options:
      - {key: "yes", label: "Yes", score: 1}
      - {key: "no", label: "No", score: -1}
      - {key: unknown, label: "Don't know", score: null}
referents:
  - id: behaviour
    title: Behaviour
    group: Culture
    questions:
      - {id: b-routines, axis: practice, text: Routines, scale: agree}
      - {id: b-aim, axis: purpose, text: Aims, scale: agree}
"""
#  1 format   2 format_version   3 id   4 version   5 title   6 scales   7 agree   8 options
#  9-11 the three options   12 referents   13 "- id: behaviour"   14 title   15 group
# 16 questions   17 b-routines   18 b-aim


def edit(old: str, new: str, text: str = MINIMAL) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def problems(text: str | bytes) -> list[Problem]:
    with pytest.raises(QuestionnaireError) as caught:
        parse_questionnaire(text, "q.yaml")
    found = caught.value.problems
    assert not any("internal error" in p.message for p in found), found
    return found


def only(text: str | bytes) -> Problem:
    found = problems(text)
    assert len(found) == 1, "\n".join(map(str, found))
    return found[0]


@pytest.fixture(params=["libyaml", "python"])
def parser(request, monkeypatch):
    """Run a test with each YAML parser: messages and lines must not depend on it."""
    if request.param == "libyaml":
        if not yaml.__with_libyaml__:
            pytest.skip("PyYAML without libyaml")
        monkeypatch.setattr(yamlsource, "Loader", yaml.CSafeLoader)
    else:
        monkeypatch.setattr(yamlsource, "Loader", yaml.SafeLoader)


# --- valid files ----------------------------------------------------------------------------


@pytest.mark.usefixtures("parser")
def test_minimal_file_gives_the_right_values():
    q = parse_questionnaire(MINIMAL)
    assert (q.id, q.version, q.title, q.description) == ("mini", "1", "Minimal", "")
    [behaviour] = q.referents
    assert (behaviour.id, behaviour.title, behaviour.group) == ("behaviour", "Behaviour", "Culture")
    assert behaviour.weight == 1.0
    routines, aim = behaviour.questions
    assert routines.axis is Axis.PRACTICE and aim.axis is Axis.PURPOSE
    assert routines.options == (
        Option("yes", "Yes", 1.0),
        Option("no", "No", -1.0),
        Option("unknown", "Don't know", None),
    )
    assert aim.options == routines.options
    assert (routines.weight, routines.help, routines.evidence) == (1.0, "", ())
    assert q.due_diligence == ()


@pytest.mark.usefixtures("parser")
def test_example_fixture_loads():
    q = load_questionnaire(EXAMPLE)
    assert [r.id for r in q.referents] == ["early-reading", "behaviour"]
    assert q.groups == ["Teaching and learning", "Culture"]
    programme = q.question("early-reading-programme")
    assert [o.key for o in programme.options] == [
        "own",
        "close",
        "mixed",
        "different",
        "other",
        "unknown",
    ]
    assert programme.evidence == ("documents", "observation", "staff")
    assert programme.text.endswith("taught in the trust's way?")  # folded, no trailing newline
    aim = q.question("behaviour-aim")
    assert aim.weight == 2.0 and aim.option("belonging").score == 1.0
    assert q.referent("behaviour").weight == 1.5
    assert [i.id for i in q.due_diligence[0].items] == [
        "finance-accounts",
        "finance-forecast",
        "finance-deficit",
    ]
    assert check_questionnaire(EXAMPLE) == []


@pytest.mark.parametrize(
    ("written", "read"), [("1", "1"), ("1.0", "1.0"), ('"2024-09"', "2024-09")]
)
def test_version_is_read_as_its_text(written, read):
    q = parse_questionnaire(edit("\nversion: 1\n", f"\nversion: {written}\n"))
    assert q.version == read


def test_optional_keys_and_empty_sections():
    text = edit("title: Minimal\n", "title: Minimal\ndescription:\ndue_diligence:\n")
    text = edit("{id: b-aim,", "{id: b-aim, help: ~, evidence: [staff, staff],", text)
    q = parse_questionnaire(text)
    assert q.description == "" and q.due_diligence == ()
    assert q.question("b-aim").help == "" and q.question("b-aim").evidence == ("staff",)


def test_a_byte_order_mark_is_fine(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.encode())
    assert load_questionnaire(path).id == "mini"
    assert parse_questionnaire("\ufeff" + MINIMAL).id == "mini"


# --- the file itself ------------------------------------------------------------------------


def test_missing_file(tmp_path):
    [problem] = check_questionnaire(tmp_path / "nope.yaml")
    assert problem == Problem(str(tmp_path / "nope.yaml"), 0, "there is no such file")


def test_a_folder_is_not_a_file(tmp_path):
    [problem] = check_questionnaire(tmp_path)
    assert "folder" in problem.message


def test_not_utf8_gives_the_line_of_the_first_bad_byte(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes(MINIMAL.replace("Behaviour", "Comportement \xe9l\xe8ve").encode("latin-1"))
    [problem] = check_questionnaire(path)
    assert problem.line == 14
    assert "not UTF-8" in problem.message


def test_utf16_is_named():
    assert "UTF-16" in only(MINIMAL.encode("utf-16")).message


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n# and another\n"])
def test_empty_file(text, tmp_path):
    path = tmp_path / "empty.yaml"
    path.write_text(text)
    [problem] = check_questionnaire(path)
    assert problem.line == 1 and "empty" in problem.message


@pytest.mark.parametrize(
    ("text", "found"), [("- a\n- b\n", "a list"), ("hello\n", "a single value")]
)
def test_top_level_must_be_a_mapping(text, found):
    problem = only(text)
    assert problem.line == 1 and found in problem.message and "key: value" in problem.message


def test_huge_file_is_refused_quickly():
    start = time.perf_counter()
    problem = only(b"# padding\n" * 600_000)
    assert time.perf_counter() - start < 0.5
    assert "larger than 5 MB" in problem.message


def test_control_characters_are_refused():
    problem = only(edit("title: Minimal", "title: Min\x07imal"))
    assert problem.line == 5 and "U+0007" in problem.message


# --- YAML syntax ----------------------------------------------------------------------------


@pytest.mark.usefixtures("parser")
@pytest.mark.parametrize(
    ("old", "new", "line", "words"),
    [
        ("    group: Culture", "\tgroup: Culture", 15, "tab character"),
        ("title: Minimal", "title: Minimal: the sequel", 5, "put the whole text in quotes"),
        ("text: Aims", 'text: "Aims', 18, "never closed"),
        ("    group: Culture", "     group: Culture", 15, "indented more than the line above"),
        ("    group: Culture", "   group: Culture", 15, "indentation"),
        ("    questions:", "    - questions:", 16, "indentation"),
        ("title: Minimal", "title: @home", 5, "put it in quotes"),
        ("title: Minimal", 'title: "C:\\q"', 5, "backslash"),
    ],
)
def test_yaml_syntax_errors_in_words(old, new, line, words):
    problem = only(edit(old, new))
    assert problem.line == line
    assert problem.message.startswith("the YAML could not be read here: ")
    assert words in problem.message


@pytest.mark.usefixtures("parser")
def test_alias_bomb_is_refused_fast():
    """Nine levels of nine aliases would expand to 9**9 strings; it is refused as fast as
    the same lines with each alias written out as one string are read (timed in this run,
    the best of a few, so a busy machine slows both alike)."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    plain = [lines[0].replace("&a ", "")]
    for this, previous in zip("bcdefghi", "abcdefgh", strict=True):
        lines.append(f"{this}: &{this} [" + ",".join([f"*{previous}"] * 9) + "]")
        plain.append(f"{this}: [" + ",".join(['"lol"'] * 9) + "]")
    problem = only("\n".join(lines) + "\n")
    assert problem.line == 2 and "alias (*a)" in problem.message
    bomb = fastest(lambda: problems("\n".join(lines) + "\n"))
    baseline = fastest(lambda: problems("\n".join(plain) + "\n"))
    assert bomb < 3 * baseline


def fastest(run, times: int = 5) -> float:
    """The shortest of a few runs, in seconds: the least disturbed by other work."""
    spent = []
    for _ in range(times):
        start = time.perf_counter()
        run()
        spent.append(time.perf_counter() - start)
    return min(spent)


def test_any_alias_is_refused():
    text = edit("title: Minimal", "title: &t Minimal\ndescription: *t")
    problem = only(text)
    assert problem.line == 6 and "write the text out in full" in problem.message


@pytest.mark.usefixtures("parser")
@pytest.mark.parametrize("text", ["a: " + "[" * 10_000 + "]" * 10_000, "a:" + " {b:" * 500])
def test_deep_nesting_is_refused(text):
    assert "nested too deeply" in only(text).message


@pytest.mark.parametrize("tag", ["!!python/object:os.system", "!!binary", "!custom"])
def test_tags_are_refused(tag):
    problem = only(edit("title: Minimal", f"title: {tag} aGVsbG8="))
    assert problem.line == 5 and "tag" in problem.message


def test_a_second_document_is_refused():
    problem = only(MINIMAL + "---\nid: other\n")
    assert problem.line == 19 and "second YAML document" in problem.message


def test_duplicate_keys_are_found():
    problem = only(edit("    group: Culture\n", "    group: Culture\n    group: People\n"))
    assert problem.line == 16
    assert "`group` appears twice" in problem.message and "line 15" in problem.message


@pytest.mark.parametrize(("key", "words"), [("1", "as a number"), ("yes", "as a yes/no value")])
def test_keys_that_are_not_words(key, words):
    problem = only(edit("title: Minimal\n", f"title: Minimal\n{key}: x\n"))
    assert problem.line == 6 and words in problem.message and f'("{key}")' in problem.message


def test_a_list_as_a_key():
    assert "a key here is a list" in only(edit("title: Minimal", "? [a, b]\n: x\ntitle: M")).message


# --- format and format_version --------------------------------------------------------------


def test_newer_format_version_says_so_and_nothing_else():
    problem = only(edit("format_version: 1", "format_version: 3\nfuture_key: 1"))
    assert problem.line == 2
    assert "written for a newer version of ddwizard (format_version 3)" in problem.message
    assert "this version reads format_version 1 to 2" in problem.message


def test_format_version_must_be_a_number():
    problem = only(edit("format_version: 1", 'format_version: "1"'))
    assert problem.line == 2 and "`format_version` should be the number 1 or 2" in problem.message


def test_another_format_is_not_a_questionnaire():
    problem = only(edit("format: ddwizard.questionnaire", "format: something.else"))
    assert problem.line == 1 and "not a ddwizard questionnaire" in problem.message
    problem = only(edit("format: ddwizard.questionnaire", "format: ddwizard.assessment"))
    assert "assessment file" in problem.message


def test_missing_format():
    problem = only(edit("format: ddwizard.questionnaire\n", ""))
    assert problem.line == 1 and "no `format`" in problem.message


# --- keys and types -------------------------------------------------------------------------


def test_wrong_type_names_the_key_the_rule_and_the_value():
    problem = only(edit("    group: Culture", "    group: Culture\n    weight: heavy"))
    assert problem.line == 16
    assert "`weight` of referent 'behaviour' should be a number greater than 0, not 'heavy'" in (
        problem.message
    )


@pytest.mark.parametrize("weight", ["0", "-1", ".inf", "true"])
def test_weight_must_be_a_positive_number(weight):
    text = edit("{id: b-aim,", f"{{id: b-aim, weight: {weight},")
    problem = only(text)
    assert problem.line == 18 and "a number greater than 0" in problem.message


def test_missing_required_key():
    problem = only(edit("    title: Behaviour\n", ""))
    assert problem == Problem("q.yaml", 13, "referent 'behaviour' has no `title`")


def test_missing_top_level_keys_are_all_reported():
    text = edit("id: mini\nversion: 1\ntitle: Minimal\n", "")
    assert [(p.line, p.message) for p in problems(text)] == [
        (1, "the questionnaire has no `id`"),
        (1, "the questionnaire has no `version`"),
        (1, "the questionnaire has no `title`"),
    ]


def test_empty_text_is_refused():
    problem = only(edit("    title: Behaviour", '    title: "  "'))
    assert problem.line == 14 and problem.message == "`title` of referent 'behaviour' is empty"


def test_unknown_key_suggests_the_close_one():
    problem = only(edit("{id: b-aim,", "{id: b-aim, halp: Look around,"))
    assert problem.line == 18
    assert problem.message == "unknown key `halp` in question 'b-aim'; did you mean `help`?"


def test_a_misspelt_required_key_is_one_problem():
    problem = only(edit("    title: Behaviour", "    titel: Behaviour"))
    assert problem.line == 14
    assert problem.message == "unknown key `titel` in referent 'behaviour'; did you mean `title`?"


def test_unknown_key_lists_the_allowed_ones():
    problem = only(edit("    title: Behaviour", "    title: Behaviour\n    colour: red"))
    assert problem.line == 15 and "unknown key `colour`" in problem.message
    assert "`id`, `title`, `group`" in problem.message


def test_wrong_kind_of_list_entry():
    problem = only(edit("questions:\n", "questions:\n      - just some text\n"))
    assert problem.line == 17
    assert "the 1st entry in `questions` of referent 'behaviour' should be a mapping" in (
        problem.message
    )


# --- ids and option keys --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "hint"),
    [("yes", 'key: "yes"'), ("1", 'key: "1"'), ("null", "")],
)
def test_option_keys_yaml_reads_as_something_else(written, hint):
    problem = only(edit('{key: "yes",', f"{{key: {written},"))
    assert problem.line == 9 and "`key` of the 1st option of scale 'agree'" in problem.message
    assert f"put it in quotes: {hint}" in problem.message if hint else "empty" in problem.message


def test_ids_yaml_reads_as_numbers():
    problem = only(edit("  - id: behaviour", "  - id: 12"))
    assert problem.line == 13
    assert "`id` of the 1st referent should be a short name without spaces, not the number 12" in (
        problem.message
    )
    assert 'put it in quotes: id: "12"' in problem.message


def test_ids_have_no_spaces():
    problem = only(edit("  - id: behaviour", "  - id: Early reading"))
    assert problem.line == 13 and "try 'early-reading'" in problem.message


def test_scale_ids_have_no_spaces():
    text = edit("  agree:", "  my scale:").replace("scale: agree", "scale: my scale")
    found = problems(text)
    assert found[0].line == 7 and "the scale id 'my scale' has spaces" in found[0].message


@pytest.mark.parametrize(
    ("old", "new", "line", "words"),
    [
        (
            "  - id: behaviour\n    title: Behaviour\n    group: Culture\n",
            "  - id: behaviour\n    title: B\n    group: C\n    questions: []\n"
            "  - id: behaviour\n    title: Behaviour\n    group: Culture\n",
            17,
            "the referent id 'behaviour' is used twice (first at line 13)",
        ),
        (
            "{id: b-aim,",
            "{id: b-routines,",
            18,
            "the question id 'b-routines' is used twice (first at line 17)",
        ),
        (
            '{key: "no",',
            '{key: "yes",',
            10,
            "the option key 'yes' is used twice (first at line 9); each option in scale 'agree'",
        ),
    ],
)
def test_duplicate_ids(old, new, line, words):
    found = [p for p in problems(edit(old, new)) if "twice" in p.message]
    assert [p.line for p in found] == [line]
    assert words in found[0].message


def test_question_ids_are_unique_across_referents():
    second = (
        "  - id: reading\n    title: Reading\n    group: Teaching\n    questions:\n"
        "      - {id: b-aim, axis: practice, text: T, scale: agree}\n"
        "      - {id: r-aim, axis: purpose, text: T, scale: agree}\n"
    )
    problem = only(MINIMAL + second)
    assert problem.line == 23 and "the question id 'b-aim' is used twice" in problem.message


def test_duplicate_option_keys_in_inline_options():
    text = edit(
        "scale: agree}\n      - {id: b-aim",
        "options: [{key: a, label: A, score: 1}, {key: a, label: B, score: 0}]}\n"
        "      - {id: b-aim",
    )
    problem = only(text)
    assert problem.line == 17 and "each option in question 'b-routines'" in problem.message


def test_duplicate_checklist_ids():
    text = MINIMAL + (
        "due_diligence:\n"
        "  - id: finance\n    title: Finance\n    items:\n      - {id: accounts, text: A}\n"
        "  - id: finance\n    title: HR\n    items:\n      - {id: accounts, text: B}\n"
    )
    assert [(p.line, p.message.split(" is used")[0]) for p in problems(text)] == [
        (24, "the due-diligence area id 'finance'"),
        (27, "the checklist item id 'accounts'"),
    ]


def test_duplicate_scale_ids_are_duplicate_keys():
    text = edit("referents:", "  agree:\n    options: [{key: a, label: A, score: 1}]\nreferents:")
    problem = only(text)
    assert problem.line == 12 and "`agree` appears twice" in problem.message


# --- scales, axes, scores, evidence ---------------------------------------------------------


def test_unresolved_scale_suggests_a_defined_one():
    problem = only(edit("text: Aims, scale: agree", "text: Aims, scale: agre"))
    assert problem.line == 18
    assert "uses the scale 'agre', which is not defined under `scales`" in problem.message
    assert "did you mean 'agree'?" in problem.message


def test_question_with_both_scale_and_options():
    problem = only(
        edit("scale: agree}\n", "scale: agree, options: [{key: a, label: A, score: 1}]}\n")
    )
    assert problem.line == 17 and "has both `scale` and `options`" in problem.message


def test_question_with_neither_scale_nor_options():
    problem = only(edit("text: Aims, scale: agree", "text: Aims"))
    assert problem.line == 18 and "question 'b-aim' has no answers" in problem.message


def test_referent_needs_a_question_on_each_axis():
    problem = only(edit("axis: purpose", "axis: practice"))
    assert problem.line == 13
    assert problem.message == (
        "referent 'behaviour' has no purpose questions; every area needs at least one on "
        "each axis (practice and purpose)"
    )


def test_axis_typo_suggests_the_axis():
    problem = only(edit("axis: purpose", "axis: purpse"))
    assert problem.line == 18
    assert "should be practice or purpose, not 'purpse'; did you mean `purpose`?" in (
        problem.message
    )


@pytest.mark.parametrize(
    ("score", "words"),
    [
        ("2", "not the number 2"),
        ("-1.5", "not the number -1.5"),
        ("high", "not 'high'"),
        ("true", "not true (which YAML reads as a yes/no value)"),
    ],
)
def test_scores_are_numbers_from_minus_one_to_one(score, words):
    problem = only(edit("score: -1}", f"score: {score}}}"))
    assert problem.line == 10
    assert "`score` of option 'no' of scale 'agree' should be a number from -1 to 1" in (
        problem.message
    )
    assert words in problem.message


def test_score_must_be_present():
    problem = only(edit(", score: -1}", "}"))
    assert problem.line == 10 and "option 'no' of scale 'agree' has no `score`" in problem.message


def test_a_scale_needs_one_option_that_counts():
    text = edit("score: 1}", "score: null}", edit("score: -1}", "score: null}"))
    problem = only(text)
    assert problem.line == 9 and "scale 'agree' has no option with a score" in problem.message


def test_evidence_comes_from_the_allowed_sources():
    problem = only(edit("{id: b-aim,", "{id: b-aim, evidence: [staff, teachers],"))
    assert problem.line == 18
    assert "the 2nd entry in `evidence` of question 'b-aim'" in problem.message
    assert "documents, published_data, leaders, governors, staff" in problem.message
    assert "trust_colleagues, observation, not 'teachers'" in problem.message


def test_dates_are_named():
    problem = only(edit("title: Minimal", "title: 2024-09-01"))
    assert "not the date 2024-09-01" in problem.message and 'title: "2024-09-01"' in problem.message


# --- many problems at once ------------------------------------------------------------------


@pytest.mark.usefixtures("parser")
def test_all_problems_are_reported_together_in_line_order():
    text = edit("\nversion: 1", "\nversion: [1]")
    text = edit('{key: "no",', '{key: "yes",', text)
    text = edit("    title: Behaviour\n", "", text)
    text = edit("{id: b-aim,", "{id: b-aim, weight: heavy,", text)
    text = edit(
        "axis: practice, text: Routines, scale: agree", "axis: practise, text: R, scale: ag", text
    )
    found = problems(text)
    assert [p.line for p in found] == sorted(p.line for p in found)
    assert [p.line for p in found] == [4, 10, 13, 16, 16, 17]
    assert all(str(p).startswith(f"q.yaml:{p.line}: ") for p in found)


def test_error_text_is_the_problems_one_a_line():
    with pytest.raises(QuestionnaireError) as caught:
        parse_questionnaire(
            edit("    title: Behaviour\n", "").replace("\nversion: 1", "\nversion:")
        )
    error = caught.value
    assert str(error) == "\n".join(str(p) for p in error.problems)
    assert len(error.problems) == 2


def test_internal_errors_still_come_out_as_problems(monkeypatch):
    def broken(*args):
        raise RuntimeError("oops")

    monkeypatch.setattr(qfile.qschema, "validate", broken)
    with pytest.raises(QuestionnaireError) as caught:
        parse_questionnaire(MINIMAL, "q.yaml")
    assert "internal error" in str(caught.value) and "oops" in str(caught.value)
    assert isinstance(caught.value.__cause__, RuntimeError)


# --- the stored copy ------------------------------------------------------------------------


def test_round_trip_through_dict_and_json():
    q = load_questionnaire(EXAMPLE)
    data = questionnaire_to_dict(q)
    assert "scales" not in data
    assert data["referents"][0]["questions"][0]["options"][0] == {
        "key": "own",
        "label": "The trust's own",
        "score": 1.0,
        "hint": "",
        "means": None,
    }
    assert questionnaire_from_dict(data) == q
    assert questionnaire_from_json(json.dumps(data)) == q
    assert questionnaire_to_dict(questionnaire_from_json(json.dumps(data))) == data


def test_the_dict_is_itself_a_valid_file():
    q = parse_questionnaire(MINIMAL)
    text = yaml.safe_dump(questionnaire_to_dict(q), sort_keys=False)
    assert parse_questionnaire(text) == q


def test_a_broken_stored_copy_is_a_questionnaire_error():
    data = questionnaire_to_dict(parse_questionnaire(MINIMAL))
    data["referents"][0]["weight"] = -1
    with pytest.raises(QuestionnaireError, match="`weight` of referent 'behaviour'"):
        questionnaire_from_dict(data)
    with pytest.raises(QuestionnaireError, match="not valid JSON"):
        questionnaire_from_json("{")
    with pytest.raises(QuestionnaireError):
        questionnaire_from_json("[1, 2]")


# --- never anything but a QuestionnaireError ------------------------------------------------


def _reads_or_refuses(text: str | bytes) -> None:
    try:
        parse_questionnaire(text, "fuzz.yaml")
    except QuestionnaireError as error:
        assert error.problems
        assert not any("internal error" in p.message for p in error.problems), error


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(":-[]{}&*!|>'\"#%@`,? \n\tayn1.~")), max_size=80))
def test_yaml_like_text_never_escapes(text):
    _reads_or_refuses(text)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_never_escape(data):
    _reads_or_refuses(data)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, len(MINIMAL) - 1), st.integers(0, 3), st.text(max_size=3))
def test_damaged_questionnaires_never_escape(position, cut, insert):
    _reads_or_refuses(MINIMAL[:position] + insert + MINIMAL[position + cut :])
