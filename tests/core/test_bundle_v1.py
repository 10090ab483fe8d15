"""Format 1 bundles keep importing, read into format 2 by the mapping docs/formats.md states:
one confidence for both axes; a checklist status `concern` becomes `done` with a finding of
level `concern` whose text was the note.

`fixtures/bundle-format1.json` was written by 0.2.0's exporter, for the example
questionnaire (a fixture that does not change when the shipped default does)."""

import json
from pathlib import Path

import pytest

from ddwizard.core.assessment import (
    Confidence,
    Finding,
    FindingLevel,
    ItemStatus,
    ReferentNote,
    TargetStatus,
)
from ddwizard.core.bundle import BundleError, read_bundle, write_bundle
from ddwizard.core.qfile import load_questionnaire

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLE = load_questionnaire(FIXTURES / "example_questionnaire.yaml")


def lookup(qid, version):
    return EXAMPLE if (qid, version) == (EXAMPLE.id, EXAMPLE.version) else None


def format1() -> dict:
    return json.loads((FIXTURES / "bundle-format1.json").read_text(encoding="utf-8"))


def test_a_format_1_bundle_imports_by_the_stated_mapping():
    a, q, had_uid = read_bundle(format1(), lookup, "old.json")
    assert q is EXAMPLE and had_uid
    assert a.note_for("early-reading") == ReferentNote(
        "early-reading", Confidence.MEDIUM, Confidence.MEDIUM, "Seen in two classes"
    )
    assert a.note_for("behaviour") == ReferentNote("behaviour", None, None, "Visit again")
    deficit = a.entry_for("finance-deficit")
    assert deficit.status is ItemStatus.DONE and deficit.owner == "CFO"
    assert deficit.finding == Finding(
        FindingLevel.CONCERN, "A deficit of £40,000 forecast for 2027-28"
    )
    assert deficit.note == deficit.finding.text  # kept, as storage's m003 keeps it
    assert a.entry_for("finance-accounts").finding is None
    assert a.entry_for("finance-forecast").status is ItemStatus.IN_PROGRESS
    assert a.targets[0].status is TargetStatus.NOT_RECORDED
    assert a.decision is None and a.perspective is None and a.trust.reference_as_of == ""
    assert [x.flags for x in a.answers] == [()] * 4


def test_a_format_1_bundle_exports_again_as_format_2_that_reads_the_same():
    a = read_bundle(format1(), lookup)[0]
    doc = write_bundle(a, EXAMPLE)
    assert doc["format_version"] == 2
    assert read_bundle(json.loads(json.dumps(doc)), lookup)[0] == a


@pytest.mark.parametrize(
    ("path", "value", "words"),
    [
        (("answers", 0, "flags"), ["sources_disagree"], "unknown field `answers.0.flags`"),
        (("questionnaire", "definition"), {}, "unknown field `questionnaire.definition`"),
        (("trust", "reference_as_of"), "2026-11-01", "unknown field `trust.reference_as_of`"),
        (("referent_notes", 0, "confidence"), {"purpose": "low"}, "referent_notes.0.confidence"),
        (("due_diligence", 0, "finding"), {"level": "note"}, "unknown field `due_diligence.0."),
        (("due_diligence", 0, "status"), "worrying", "due_diligence.0.status"),
        (("decision",), {}, "unknown field `decision`"),
    ],
)
def test_a_format_1_bundle_is_checked_as_format_1(path, value, words):
    """Format 2's keys in a bundle that says format 1 are refused, as any unknown key is:
    the bundle is not what it says it is."""
    data = format1()
    where = data
    for key in path[:-1]:
        where = where[key]
    where[path[-1]] = value
    with pytest.raises(BundleError) as e:
        read_bundle(data, lookup, "old.json")
    assert words in str(e.value) and str(e.value).startswith("old.json: ")
