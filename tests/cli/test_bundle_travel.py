"""A bundle carries its questionnaire: exported with a trust's own questionnaire, it imports
into a database that has never seen it and places identically; a different questionnaire
under the same id and version is refused, naming both; nothing is ever half-imported."""

import json
from pathlib import Path

import pytest

from ddwizard.cli import main

EXAMPLE = Path("tests/core/fixtures/example_questionnaire.yaml")
FORMAT1 = Path("tests/core/fixtures/bundle-format1.json")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def office(tmp_path, capsys):
    """A database with the trust's own questionnaire and one assessment made with it."""
    db = str(tmp_path / "office.db")
    assert run(capsys, "--db", db, "questionnaire", "add", str(EXAMPLE))[0] == 0
    assert run(capsys, "--db", db, "import", str(FORMAT1)) == (0, "1\n", "")
    return db


def exported(capsys, db, path) -> dict:
    code, _, err = run(capsys, "--db", db, "export", "1", "-o", str(path))
    assert code == 0, err
    return json.loads(Path(path).read_text(encoding="utf-8"))


def placed(capsys, db) -> dict:
    code, out, err = run(capsys, "--db", db, "place", "1", "--json")
    assert code == 0, err
    return json.loads(out)


def listed(capsys, db, what) -> list:
    code, out, _ = run(capsys, "--db", db, *what, "--json")
    assert code == 0
    return json.loads(out)


def test_a_bundle_with_a_trusts_own_questionnaire_opens_anywhere_and_places_the_same(
    office, tmp_path, capsys
):
    bundle = exported(capsys, office, tmp_path / "visit.json")
    assert bundle["format_version"] == 2
    assert bundle["questionnaire"]["definition"]["id"] == "example"

    laptop = str(tmp_path / "laptop.db")  # has never seen the example questionnaire
    code, out, err = run(capsys, "--db", laptop, "import", str(tmp_path / "visit.json"))
    assert (code, out, err) == (0, "1\n", "")
    assert placed(capsys, laptop) == placed(capsys, office)
    assert placed(capsys, laptop)["referents"][0]["purpose"] is not None
    added = [q for q in listed(capsys, laptop, ("questionnaire", "list")) if q["id"] == "example"]
    assert [(q["version"], q["referents"], q["questions"]) for q in added] == [("1", 2, 5)]
    # And back again: the same bundle, word for word.
    assert exported(capsys, laptop, tmp_path / "back.json") == bundle


def test_a_different_questionnaire_under_the_same_id_and_version_is_refused(
    office, tmp_path, capsys
):
    exported(capsys, office, tmp_path / "visit.json")
    laptop = str(tmp_path / "laptop.db")
    changed = tmp_path / "changed.yaml"
    text = EXAMPLE.read_text(encoding="utf-8")
    changed.write_text(text.replace("title: Example questionnaire", "title: Weald's own"))
    assert run(capsys, "--db", laptop, "questionnaire", "add", str(changed))[0] == 0

    code, out, err = run(capsys, "--db", laptop, "import", str(tmp_path / "visit.json"))
    assert code == 1 and out == ""
    assert err.startswith(f"ddwizard: error: {tmp_path / 'visit.json'}: questionnaire 'example'")
    assert '"Example questionnaire"' in err and '"Weald\'s own"' in err
    assert "the title or description" in err
    assert listed(capsys, laptop, ("list",)) == []


def test_a_broken_carried_questionnaire_is_refused_and_nothing_is_added(office, tmp_path, capsys):
    bundle = exported(capsys, office, tmp_path / "visit.json")
    bundle["questionnaire"]["definition"]["referents"][0]["questions"][0]["axis"] = "sideways"
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(bundle), encoding="utf-8")
    laptop = str(tmp_path / "laptop.db")

    code, out, err = run(capsys, "--db", laptop, "import", str(broken))
    assert code == 1 and out == ""
    assert f"ddwizard: error: {broken}: questionnaire.definition: `axis` of question" in err
    assert "should be practice or purpose, not 'sideways'" in err
    assert listed(capsys, laptop, ("list",)) == []
    ids = [q["id"] for q in listed(capsys, laptop, ("questionnaire", "list"))]
    assert "example" not in ids


def test_a_format_1_bundle_still_needs_its_questionnaire_here(tmp_path, capsys):
    laptop = str(tmp_path / "laptop.db")
    code, _, err = run(capsys, "--db", laptop, "import", str(FORMAT1))
    assert code == 1
    assert "questionnaire 'example' version '1' is not in this database" in err
    assert "ddwizard questionnaire add FILE.yaml" in err


def test_the_shipped_demo_imports_whatever_its_format(tmp_path, capsys):
    """The demo (format 1 until its rewrite) goes in, and out again as format 2."""
    db = str(tmp_path / "demo.db")
    assert run(capsys, "--db", db, "demo")[:2] == (0, "1\n")
    bundle = exported(capsys, db, tmp_path / "demo.json")
    assert bundle["format_version"] == 2 and bundle["questionnaire"]["definition"]
    other = str(tmp_path / "other.db")
    assert run(capsys, "--db", other, "import", str(tmp_path / "demo.json"))[:2] == (0, "1\n")
    assert placed(capsys, other) == placed(capsys, db)


def every_field():
    """An assessment on the example questionnaire with every field of format 2 set."""
    from ddwizard.core.assessment import (
        Answer,
        AnswerFlag,
        Assessment,
        ChecklistEntry,
        Confidence,
        Cost,
        CostBasis,
        Decision,
        Finding,
        FindingLevel,
        ItemStatus,
        Perspective,
        ReferentNote,
        School,
        Status,
        Step,
        Target,
        TargetStatus,
        Trust,
        TrustReference,
    )

    return Assessment(
        uid="7b6a1f0e-3c2d-4e5f-8a9b-0c1d2e3f4a5b",
        school=School("Ashdown Primary School", "100123", "Primary", "East Sussex"),
        trust=Trust(
            "Weald Learning Trust",
            (TrustReference("early-reading", "Daily phonics", "Fluent by seven", "Library"),),
            "2026-11-01",
        ),
        questionnaire_id="example",
        questionnaire_version="1",
        label="Pre-join visit",
        assessor="Priya Shah",
        assessed_on="2026-11-18",
        status=Status.DRAFT,
        assessor_role="Director of school improvement",
        perspective=Perspective.SCHOOL,
        decision=Decision(
            "Join Weald?", "2027-01-20", "2027-04-01", "Support", "Reach", "Join", ("Deficit plan",)
        ),
        referents=("early-reading", "behaviour"),
        answers=(
            Answer(
                "early-reading-programme",
                "close",
                "Older edition",
                ("documents",),
                (AnswerFlag.SOURCES_DISAGREE,),
            ),
            Answer("early-reading-aim", "own", flags=(AnswerFlag.BELOW_MINIMUM,)),
            Answer("behaviour-routines", "different"),
            Answer("behaviour-aim", "belonging"),
        ),
        referent_notes=(
            ReferentNote("early-reading", Confidence.LOW, Confidence.HIGH, "Two classes seen"),
        ),
        targets=(
            Target(
                "behaviour",
                0.5,
                0.5,
                "2027-09",
                True,
                "Routines first",
                (Step(0.0, 0.25, "2027-01", "Share the policy", "Deputy head", "Staff, by email"),),
                TargetStatus.AGREED,
                "The governing board",
                "2026-12-01",
            ),
        ),
        due_diligence=(
            ChecklistEntry(
                "finance-deficit",
                ItemStatus.DONE,
                "Read",
                "CFO",
                "2026-12-15",
                Finding(FindingLevel.SERIOUS, "A deficit", Cost(40000.0, CostBasis.ESTIMATED)),
            ),
            ChecklistEntry(
                "finance-accounts",
                ItemStatus.IN_PROGRESS,
                finding=Finding(FindingLevel.NOTE, "One year late", Cost()),
            ),
        ),
    )


def test_every_field_of_format_2_travels_and_comes_back_word_for_word(tmp_path, capsys):
    from ddwizard.core.bundle import dumps_bundle
    from ddwizard.core.qfile import load_questionnaire

    source = tmp_path / "every.json"
    source.write_text(dumps_bundle(every_field(), load_questionnaire(EXAMPLE)), encoding="utf-8")
    first, second = str(tmp_path / "first.db"), str(tmp_path / "second.db")
    assert run(capsys, "--db", first, "import", str(source))[:2] == (0, "1\n")
    back = exported(capsys, first, tmp_path / "back.json")
    assert back == json.loads(source.read_text(encoding="utf-8"))
    assert run(capsys, "--db", second, "import", str(tmp_path / "back.json"))[:2] == (0, "1\n")
    assert exported(capsys, second, tmp_path / "again.json") == back
    row = placed(capsys, second)["referents"][0]
    assert row["confidence"] == {"purpose": "low", "practice": "high"}
