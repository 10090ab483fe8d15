"""The assessment bundle: every problem named in words, and write → read gives it back."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ddwizard.core.assessment import (
    Answer,
    Assessment,
    ChecklistEntry,
    Confidence,
    Finding,
    FindingLevel,
    ItemStatus,
    ReferentNote,
    School,
    Status,
    Step,
    Target,
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
    (ChecklistArea("finance", "Finance", (ChecklistItem("accounts", "Audited accounts"),)),),
)
HOSTILE = "<b>bold?</b> & \"quotes\" 'single' Zoë Łódź Siân 🎒 مرحبا " + "x" * 10_000


def lookup(qid, version):
    return Q if (qid, version) == (Q.id, Q.version) else None


def rich() -> Assessment:
    return Assessment(
        uid="0b3c6f8e-2d1a-4c5e-9f7a-1b2c3d4e5f60",
        school=School("St Hilda's C of E Primary", "123456", "Primary", "Kent"),
        trust=Trust("Oak & Ash Trust", (TrustReference("reading", "SSP daily", HOSTILE),)),
        questionnaire_id=Q.id,
        questionnaire_version=Q.version,
        label="Pre-join visit",
        assessor="Sam Okafor",
        assessed_on="2026-11-22",
        status=Status.FINAL,
        referents=("reading",),
        answers=(
            Answer("reading_pr0", "own", HOSTILE, ("documents", "staff")),
            Answer("reading_pu0", "unknown"),
            Answer("reading_pu1", None, "no answer yet"),
        ),
        referent_notes=(ReferentNote.same("reading", Confidence.HIGH, "Clear"),),
        targets=(
            Target(
                "reading",
                0.8,
                0.7,
                "2027-09",
                True,
                "Bring it home",
                (Step(0.8, -0.3, "2027-01", "Share the approach"),),
            ),
        ),
        due_diligence=(
            ChecklistEntry("accounts", ItemStatus.IN_PROGRESS, "Deficit", "CFO", "2026-12-15"),
        ),
    )


def roundtrip(a: Assessment) -> Assessment:
    text = json.dumps(write_bundle(a), ensure_ascii=False)
    got, q, had_uid = read_bundle(parse_json(text.encode()), lookup)
    assert q is Q and had_uid
    return got


def test_write_then_read_gives_the_same_assessment():
    assert roundtrip(rich()) == rich()


def test_a_format_1_concern_reads_as_done_with_a_finding():
    doc = write_bundle(rich())
    doc["due_diligence"][0]["status"] = "concern"
    entry = read_bundle(doc, lookup)[0].entry_for("accounts")
    finding = Finding(FindingLevel.CONCERN, "Deficit")
    done = ChecklistEntry("accounts", ItemStatus.DONE, "Deficit", "CFO", "2026-12-15", finding)
    assert entry == done


def texts(**size):
    """Any text a bundle can hold: no NUL (nor lone surrogates), within the limits."""
    return st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), **size)


@settings(max_examples=50, deadline=None)
@given(texts(max_size=2000), texts(max_size=150), texts(min_size=1, max_size=150).map(nfc))
def test_any_text_survives_the_round_trip(note, label, name):
    """(A name comes back as NFC, the one spelling names are stored in.)"""
    a = rich().with_changes(
        label=label, school=School(name), answers=(Answer("reading_pr0", "mix", note),)
    )
    assert roundtrip(a) == a


def minimal(**extra):
    return {
        "format": "ddwizard.assessment",
        "format_version": 1,
        "questionnaire": {"id": "test", "version": "1"},
        "school": {"name": "A school"},
        "trust": {"name": "A trust"},
        **extra,
    }


def test_minimal_bundle_is_a_new_assessment_with_all_areas():
    a, _, had_uid = read_bundle(minimal(), lookup)
    assert not had_uid and len(a.uid) == 36 and a.referents == () and a.status == Status.DRAFT


def problems(data) -> str:
    with pytest.raises(BundleError) as e:
        read_bundle(data, lookup, "visit.json")
    assert all(p.startswith("visit.json: ") for p in e.value.problems)
    return str(e.value)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"format": "something.else"}, "not a ddwizard assessment bundle"),
        ({"format_version": 2}, "newer version of ddwizard"),
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
    ],
)
def test_bad_bundles_are_refused_in_words(change, words):
    assert words in problems(minimal(**change))


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
