"""The list of assessments shows the checklist's progress apart from the questions: items
done (or not applicable) of the questionnaire's items, and how many carry a finding; read
from stored counts, with no questionnaire read per row."""

from __future__ import annotations

import sqlite3

from ddwizard.core.assessment import ChecklistEntry, Finding, ItemStatus
from ddwizard.core.changes import ChecklistEntrySet
from ddwizard.storage import Database, questionnaires

from .storage_helpers import make_assessment


def test_the_list_counts_items_done_and_findings(db, assessment, questionnaire):
    aid = db.create_assessment(assessment, questionnaire)
    [info] = db.list_assessments()
    # budget: done, serious finding; accounts: done, finding of level none; lease: not an
    # item of this questionnaire's checklist count, in progress, a note.
    assert (info.checklist_items, info.checklist_done, info.findings) == (2, 2, 2)
    db.apply(aid, ChecklistEntrySet(ChecklistEntry("budget", ItemStatus.IN_PROGRESS)))
    db.apply(aid, ChecklistEntrySet(ChecklistEntry("accounts", ItemStatus.NOT_APPLICABLE)))
    info = db.assessment_info(aid)
    assert (info.checklist_done, info.findings) == (1, 1)
    found = Finding("concern", "Deficit")
    db.apply(aid, ChecklistEntrySet(ChecklistEntry("budget", ItemStatus.DONE, finding=found)))
    assert (db.assessment_info(aid).checklist_done, db.assessment_info(aid).findings) == (2, 2)


def test_listing_reads_no_questionnaire_per_row(db_path, questionnaire, monkeypatch):
    with Database(db_path) as db:
        for n in range(30):
            db.create_assessment(make_assessment(uid=f"u-{n}"), questionnaire)
    with Database(db_path) as db:

        def refuse(*args):
            raise AssertionError("a questionnaire was read to list assessments")

        monkeypatch.setattr(db, "_stored", refuse)
        monkeypatch.setattr(questionnaires, "load", refuse)
        infos = db.list_assessments()
    assert len(infos) == 30
    assert {(i.checklist_items, i.checklist_done, i.findings) for i in infos} == {(2, 2, 2)}


def test_listing_reads_no_checklist_entry_and_no_answer(db_path, questionnaire):
    """What listing reads is what SQLite is asked to read (its authorizer sees every table
    a statement names): stored counts, never the entries they count."""
    with Database(db_path) as db:
        for n in range(3):
            db.create_assessment(make_assessment(uid=f"u-{n}"), questionnaire)
    read = set()

    def watch(action, table, *_):
        if action == sqlite3.SQLITE_READ:
            read.add(table)
        return sqlite3.SQLITE_OK

    with Database(db_path) as db:
        db.conn.set_authorizer(watch)
        infos = db.list_assessments()
        db.conn.set_authorizer(None)
    assert [i.checklist_done for i in infos] == [2, 2, 2]
    assert "assessments" in read and not read & {"checklist_entries", "answers"}


def test_a_row_from_before_the_counts_were_stored_is_counted_when_listed(db, questionnaire):
    aid = db.create_assessment(make_assessment(), questionnaire)
    with db.atomic():
        db.conn.execute("UPDATE assessments SET checklist_done = NULL, findings = NULL")
    info = db.assessment_info(aid)
    assert (info.checklist_done, info.findings) == (2, 2)


def test_a_questionnaire_without_a_checklist_lists_none(db, questionnaire):
    q = questionnaire.__class__(
        questionnaire.id, "no-checklist", questionnaire.title, questionnaire.referents
    )
    a = make_assessment(questionnaire_version=q.version, due_diligence=())
    aid = db.create_assessment(a, q)
    info = db.assessment_info(aid)
    assert (info.checklist_items, info.checklist_done, info.findings) == (0, 0, 0)
