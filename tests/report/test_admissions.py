"""What changes on joining: "Admission authority" says what the assessment records about
admissions (the school's local authority, the checklist item on who the admission authority
is, its status and note, and how far the admissions checklist has got), read back from the
real PDF and Word papers; "nothing recorded" only when nothing is."""

from __future__ import annotations

import re

from ddwizard.core.assessment import ChecklistEntry, ItemStatus, School
from ddwizard.report import render_brief, render_brief_docx

from .conftest import WordPaper, read

NOTHING = "Nothing recorded for this school yet: ask the trust."


def admissions_row(flat: str) -> str:
    """The words of the Admission authority row of What changes on joining."""
    found = re.search(r"Admission authority (Usually: .*?) The local committee's remit", flat)
    assert found, "no Admission authority row"
    return found.group(1)


def both(a, q) -> dict[str, str]:
    return {
        "pdf": admissions_row(read(render_brief(a, q)).flat),
        "docx": admissions_row(WordPaper(render_brief_docx(a, q)).flat),
    }


def test_the_demo_says_what_it_records_about_admissions(demo):
    for row in both(*demo).values():
        assert NOTHING not in row
        assert "Recorded (in progress, due 22 Jan 2027): A voluntary controlled school: " in row
        assert "the local authority is the admission authority until joining" in row
        assert "Local authority: North Yorkshire; 6 of 8 checklist items done." in row
        # The note is cut short here: it says where it is whole, and its sentence ends
        # before the local authority starts the next one.
        assert "the arrangements for\u2026 (Appendix B). Local authority: North" in row


def test_an_item_with_a_status_and_no_note_is_named_and_nothing_recorded_says_so(demo):
    a, q = demo
    others = tuple(e for e in a.due_diligence if not e.item.startswith("adm_"))
    bare = a.with_changes(due_diligence=others, school=School(a.school.name))
    for row in both(bare, q).values():
        assert row.endswith(NOTHING)
    done = ChecklistEntry("adm_authority", ItemStatus.DONE)
    said = bare.with_changes(due_diligence=(*others, done))
    for row in both(said, q).values():
        assert NOTHING not in row
        assert (
            "Recorded (done): Who is the admission authority now and after joining, and which "
            "years' arrangements each will set. 1 of 8 checklist items done."
        ) in row
