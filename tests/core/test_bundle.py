"""The assessment bundle: every problem named in words, and write → read gives it back."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
from ddwizard.core.bundle import BundleError, parse_json, read_bundle, write_bundle
from ddwizard.core.bundle_checks import nfc
from ddwizard.core.questionnaire import ChecklistArea, ChecklistItem, Questionnaire

from .builders import questionnaire, referent

Q = questionnaire(referent("reading"), referent("behaviour"))
Q = Questionnaire(
    Q.id,
    Q.version,
    Q.title,
    Q.referents,
    (
        ChecklistArea(
            "finance",
            "Finance",
            (ChecklistItem("accounts", "Audited accounts"), ChecklistItem("pay", "Pay policy")),
        ),
    ),
)
HOSTILE = "<b>bold?</b> & \"quotes\" 'single' Zoë Łódź Siân 🎒 مرحبا " + "x" * 10_000


def lookup(qid, version):
    return Q if (qid, version) == (Q.id, Q.version) else None


def rich() -> Assessment:
    """An assessment with every field of format 2 set to something other than its default."""
    return Assessment(
        uid="0b3c6f8e-2d1a-4c5e-9f7a-1b2c3d4e5f60",
        school=School("St Hilda's C of E Primary", "123456", "Primary", "Kent"),
        trust=Trust(
            "Oak & Ash Trust",
            (TrustReference("reading", "SSP daily", HOSTILE, "Which books to read aloud"),),
            "2026-11-01",
        ),
        questionnaire_id=Q.id,
        questionnaire_version=Q.version,
        label="Pre-join visit",
        assessor="Sam Okafor",
        assessed_on="2026-11-22",
        status=Status.FINAL,
        assessor_role="Director of school improvement, Oak & Ash Trust",
        perspective=Perspective.JOINT,
        decision=Decision(
            "Should St Hilda's join Oak & Ash?",
            "2027-01-20",
            "2027-04-01",
            "Shared services",
            "A second primary nearby",
            "Join, with conditions",
            ("The deficit plan is agreed", "The head stays for two years"),
        ),
        referents=("reading",),
        answers=(
            Answer(
                "reading_pr0",
                "own",
                HOSTILE,
                ("documents", "staff", "parents"),
                (AnswerFlag.BELOW_MINIMUM, AnswerFlag.SOURCES_DISAGREE),
            ),
            Answer("reading_pu0", "unknown", flags=(AnswerFlag.SOURCES_DISAGREE,)),
            Answer("reading_pu1", None, "no answer yet"),
        ),
        referent_notes=(
            ReferentNote("reading", Confidence.MEDIUM, Confidence.HIGH, "Clear"),
            ReferentNote("behaviour", None, Confidence.LOW),
        ),
        targets=(
            Target(
                "reading",
                0.8,
                0.7,
                "2027-09",
                True,
                "Bring it home",
                (
                    Step(
                        0.8,
                        -0.3,
                        "2027-01",
                        "Share the approach",
                        "Head of English",
                        "Staff, by email",
                    ),
                ),
                TargetStatus.AGREED,
                "The governing board and the trust's CEO",
                "2026-12-01",
            ),
            Target("behaviour", -0.2, 0.1, status=TargetStatus.PROPOSED),
        ),
        due_diligence=(
            ChecklistEntry(
                "accounts",
                ItemStatus.DONE,
                "Read",
                "CFO",
                "2026-12-15",
                Finding(FindingLevel.SERIOUS, "A deficit", Cost(412000.0, CostBasis.ESTIMATED)),
            ),
            ChecklistEntry("pay", ItemStatus.IN_PROGRESS, finding=Finding(FindingLevel.NOTE, "?")),
        ),
    )


def roundtrip(a: Assessment) -> Assessment:
    text = json.dumps(write_bundle(a, Q), ensure_ascii=False)
    got, q, had_uid = read_bundle(parse_json(text.encode()), lookup)
    assert q is Q and had_uid
    return got


def test_write_then_read_gives_the_same_assessment():
    assert roundtrip(rich()) == rich()


def test_an_assessment_with_nothing_recorded_comes_back_the_same():
    bare = Assessment("0b3c6f8e-2d1a-4c5e-9f7a-1b2c3d4e5f61", School("S"), Trust("T"), "test", "1")
    assert roundtrip(bare) == bare
    assert roundtrip(bare.with_changes(decision=Decision())).decision == Decision()


def test_export_writes_format_2_with_every_field():
    """The keys of docs/formats.md, every one written, empty ones included."""
    doc = write_bundle(rich(), Q)
    assert doc["format_version"] == 2
    assert set(doc["questionnaire"]) == {"id", "version", "definition"}
    assert set(doc["trust"]) == {"name", "reference_as_of", "reference"}
    assert set(doc["trust"]["reference"][0]) == {
        "referent",
        "practice",
        "purpose",
        "school_decides",
    }
    assert set(doc["assessment"]) == {
        "uid",
        "label",
        "assessor",
        "assessor_role",
        "perspective",
        "assessed_on",
        "status",
    }
    assert doc["decision"]["conditions"] == [
        "The deficit plan is agreed",
        "The head stays for two years",
    ]
    assert doc["answers"][0]["flags"] == ["below_minimum", "sources_disagree"]
    assert doc["referent_notes"][0]["confidence"] == {"purpose": "medium", "practice": "high"}
    assert doc["referent_notes"][1]["confidence"] == {"purpose": None, "practice": "low"}
    target = doc["targets"][0]
    assert (target["status"], target["agreed_on"]) == ("agreed", "2026-12-01")
    assert set(target["steps"][0]) == {"purpose", "practice", "by", "action", "owner", "tell"}
    entry = doc["due_diligence"][0]
    assert entry["status"] == "done"  # the finding is apart from the progress
    assert entry["finding"] == {
        "level": "serious",
        "text": "A deficit",
        "cost": {"amount": 412000.0, "basis": "estimated"},
    }
    assert doc["due_diligence"][1]["finding"]["cost"] is None


def test_the_file_says_which_program_wrote_it():
    from ddwizard import written_by
    from ddwizard.core.bundle import dumps_bundle

    doc = json.loads(dumps_bundle(rich(), Q))
    assert doc["written_by"] == written_by() and doc["format_version"] == 2
    assert read_bundle(doc, lookup)[0] == rich()


def test_export_refuses_a_questionnaire_the_assessment_was_not_made_with():
    with pytest.raises(ValueError):
        write_bundle(rich(), questionnaire(referent("reading"), version="9"))


def texts(**size):
    """Any text a bundle can hold: no NUL (nor lone surrogates), within the limits."""
    return st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), **size)


@settings(max_examples=50, deadline=None)
@given(texts(max_size=2000), texts(max_size=150), texts(min_size=1, max_size=150).map(nfc))
def test_any_text_survives_the_round_trip(note, label, name):
    """(A name comes back as NFC, the one spelling names are stored in.)"""
    a = rich().with_changes(
        label=label,
        school=School(name),
        assessor_role=label,
        answers=(Answer("reading_pr0", "mix", note, flags=(AnswerFlag.SOURCES_DISAGREE,)),),
        due_diligence=(ChecklistEntry("accounts", finding=Finding(FindingLevel.CONCERN, note)),),
    )
    assert roundtrip(a) == a


def minimal(version=2, **extra):
    return {
        "format": "ddwizard.assessment",
        "format_version": version,
        "questionnaire": {"id": "test", "version": "1"},
        "school": {"name": "A school"},
        "trust": {"name": "A trust"},
        **extra,
    }


@pytest.mark.parametrize("version", [1, 2])
def test_minimal_bundle_is_a_new_assessment_with_all_areas(version):
    a, _, had_uid = read_bundle(minimal(version), lookup)
    assert not had_uid and len(a.uid) == 36 and a.referents == () and a.status == Status.DRAFT
    assert a.decision is None and a.perspective is None


def problems(data) -> str:
    with pytest.raises(BundleError) as e:
        read_bundle(data, lookup, "visit.json")
    assert all(p.startswith("visit.json: ") for p in e.value.problems)
    return str(e.value)


@pytest.mark.parametrize("version", [1, 2])
@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"format": "something.else"}, "not a ddwizard assessment bundle"),
        ({"format_version": 3}, "newer version of ddwizard"),
        ({"format_version": "2"}, "`format_version` should be the number 1 or 2"),
        ({"format_version": 0}, "`format_version` should be the number 1 or 2"),
        ({"questionnaire": {"id": "nope", "version": "1"}}, "questionnaire 'nope'"),
        ({"school": {}}, "school.name` is required"),
        ({"colour": "blue"}, "unknown field `colour`"),
        ({"answers": [{"question": "ghost", "option": "own"}]}, "question 'ghost'"),
        ({"answers": [{"question": "reading_pr0", "option": "maybe"}]}, "'maybe' is not an answer"),
        (
            {"answers": [{"question": "reading_pr0", "option": "own", "evidence": ["rumour"]}]},
            "answers.0.evidence.0",
        ),
        ({"referents": ["astrology"]}, "area 'astrology'"),
        ({"targets": [{"referent": "reading", "purpose": 3, "practice": 0}]}, "targets.0.purpose"),
        ({"due_diligence": [{"item": "ghost"}]}, "checklist item 'ghost'"),
        ({"due_diligence": [{"item": "accounts", "status": "panic"}]}, "due_diligence.0.status"),
        ({"assessment": {"uid": "../../etc/passwd"}}, "not a valid uid"),
        ({"assessment": {"assessed_on": "yesterday"}}, "should be a date"),
        ({"answers": [{"question": "reading_pr0"}, {"question": "reading_pr0"}]}, "more than once"),
        ({"assessment": {"assessor": "x" * 201}}, "`assessment.assessor` is longer than 200"),
    ],
)
def test_bad_bundles_are_refused_in_words(version, change, words):
    assert words in problems(minimal(version, **change))


def entry(**finding):
    return {"due_diligence": [{"item": "accounts", "status": "done", "finding": finding}]}


def note(**confidence):
    return {"referent_notes": [{"referent": "reading", "confidence": confidence}]}


TARGET = {"referent": "reading", "purpose": 0.5, "practice": 0.5}


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (entry(level="dire"), "`due_diligence.0.finding.level`: input should be 'none', 'note'"),
        (entry(level="note", cost={"amount": -5}), "finding.cost.amount`: input should be greater"),
        (entry(cost={"amount": "412000"}), "finding.cost.amount`: input should be a valid number"),
        (entry(cost={"amount": True}), "finding.cost.amount`: input should be a valid number"),
        (entry(cost={"amount": float("nan")}), "finding.cost.amount`: input should be a finite"),
        (entry(cost={"amount": 5, "basis": "guessed"}), "finding.cost.basis`: input should be"),
        (
            entry(cost={"amount": 5, "currency": "GBP"}),
            "unknown field `due_diligence.0.finding.cost.currency`",
        ),
        (entry(text="x" * 20_001), "`due_diligence.0.finding.text` is longer than 20,000"),
        ({"due_diligence": [{"item": "accounts", "status": "concern"}]}, "due_diligence.0.status"),
        (note(purpose="certain"), "`referent_notes.0.confidence.purpose`: input should be 'low'"),
        (note(both="high"), "unknown field `referent_notes.0.confidence.both`"),
        (
            {"referent_notes": [{"referent": "reading", "confidence": "high"}]},
            "`referent_notes.0.confidence` should be a JSON object, one for each axis",
        ),
        (
            {"answers": [{"question": "reading_pr0", "flags": ["urgent"]}]},
            "`answers.0.flags.0`: input should be",
        ),
        (
            {"assessment": {"perspective": "board"}},
            "`assessment.perspective`: input should be 'school'",
        ),
        (
            {"assessment": {"assessor_role": "x" * 201}},
            "`assessment.assessor_role` is longer than 200",
        ),
        (
            {"trust": {"name": "T", "reference_as_of": "2026-13-01"}},
            "`trust.reference_as_of`: '2026-13-01' is not a real date",
        ),
        (
            {"decision": {"decide_by": "2027-02-30"}},
            "`decision.decide_by`: '2027-02-30' is not a real date",
        ),
        (
            {"decision": {"joining_on": "2027-04"}},
            "`decision.joining_on`: it should be a date like 2026-11-22",
        ),
        (
            {"decision": {"conditions": "one"}},
            "`decision.conditions`: input should be a valid list",
        ),
        ({"decision": {"verdict": "yes"}}, "unknown field `decision.verdict`"),
        (
            {"targets": [{**TARGET, "agreed_on": "1st December"}]},
            "`targets.0.agreed_on`: it should be a date",
        ),
        ({"targets": [{**TARGET, "status": "imposed"}]}, "`targets.0.status`: input should be"),
        (
            {"targets": [{**TARGET, "agreed_by": "x" * 201}]},
            "`targets.0.agreed_by` is longer than 200",
        ),
        (
            {"targets": [{**TARGET, "steps": [{"purpose": 0, "practice": 0, "owner": "x" * 201}]}]},
            "`targets.0.steps.0.owner` is longer than 200",
        ),
        (
            {"trust": {"name": "T", "reference": [{"referent": "reading"}] * 2}},
            "trust.reference.1: the area 'reading' appears more than once",
        ),
        (
            {"questionnaire": {"id": "test", "version": "1", "definition": []}},
            "`questionnaire.definition`: input should be a valid dictionary",
        ),
    ],
)
def test_bad_format_2_fields_are_refused_in_words(change, words):
    assert words in problems(minimal(2, **change))


def test_format_2_accepts_what_a_script_may_leave_out_or_write_as_null():
    data = minimal(
        2,
        decision={"question": "Join?"},
        referent_notes=[{"referent": "reading", "confidence": None}, {"referent": "behaviour"}],
        targets=[{**TARGET, "status": None}],
        due_diligence=[{"item": "accounts", "finding": {"level": "note", "cost": {"amount": 0}}}],
    )
    a = read_bundle(data, lookup)[0]
    assert a.decision == Decision("Join?")
    assert a.referent_notes == (ReferentNote("reading"), ReferentNote("behaviour"))
    assert a.targets[0].status is TargetStatus.NOT_RECORDED
    assert a.due_diligence[0].finding == Finding(FindingLevel.NOTE, "", Cost(0.0))
    assert a.due_diligence[0].finding.cost.basis is CostBasis.UNKNOWN


def test_every_problem_is_reported_at_once():
    data = minimal(
        2,
        assessment={"perspective": "board"},
        decision={"decide_by": "soon"},
        due_diligence=[{"item": "accounts", "finding": {"cost": {"amount": -1}}}],
    )
    said = problems(data)
    for where in ("assessment.perspective", "decision.decide_by", "finding.cost.amount"):
        assert where in said


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (b"\xff\xfe not utf8", "not UTF-8"),
        (b"{not json", "not valid JSON at line 1"),
        (b"[1, 2]", "a bundle is a JSON object"),
        (b"[" * 100_000 + b"]" * 100_000, "JSON"),
    ],
)
def test_undecodable_files_are_refused_in_words(raw, words):
    with pytest.raises(BundleError) as e:
        parse_json(raw, "visit.json")
    assert words in str(e.value)


def test_without_its_questionnaire_a_bundle_names_it_only():
    doc = write_bundle(rich())
    assert doc["questionnaire"] == {"id": "test", "version": "1"}
    assert read_bundle(doc, lookup)[0] == rich()
