"""The schema, as named migrations (sqlite-utils `Migrations`).

Add a change as a new function decorated with `@MIGRATIONS()` *after* the others, and its
name to `identity.MIGRATION_NAMES`; never edit one that has shipped. `PRAGMA user_version`
mirrors how many of ours are applied, so an older ddwizard can tell that a file is too new
for it without reading any table. Imported only when a file has migrations to apply.
"""

from __future__ import annotations

from sqlite_utils import Database as SqlDatabase
from sqlite_utils.migrations import Migrations

from .identity import APPLICATION_ID, MIGRATION_SET

MIGRATIONS = Migrations(MIGRATION_SET)

_INITIAL = """
CREATE TABLE schools (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    urn TEXT NOT NULL DEFAULT '',
    phase TEXT NOT NULL DEFAULT '',
    local_authority TEXT NOT NULL DEFAULT '',
    UNIQUE (name, urn)
);
CREATE TABLE trusts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE trust_references (
    trust INTEGER NOT NULL REFERENCES trusts(id) ON DELETE CASCADE,
    referent TEXT NOT NULL,
    practice TEXT NOT NULL DEFAULT '',
    purpose TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL,
    updated TEXT NOT NULL,
    PRIMARY KEY (trust, referent)
);
CREATE TABLE questionnaires (
    id INTEGER PRIMARY KEY,
    qid TEXT NOT NULL,
    version TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    referents INTEGER NOT NULL,
    questions INTEGER NOT NULL,
    added TEXT NOT NULL,
    UNIQUE (qid, version)
);
CREATE TABLE assessments (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    school INTEGER NOT NULL REFERENCES schools(id),
    trust INTEGER NOT NULL REFERENCES trusts(id),
    questionnaire INTEGER NOT NULL REFERENCES questionnaires(id),
    label TEXT NOT NULL DEFAULT '',
    assessor TEXT NOT NULL DEFAULT '',
    assessed_on TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
    referents TEXT NOT NULL DEFAULT '[]',
    -- questions answered over the selected referents, kept up to date by every write that
    -- can change it, so listing many assessments never reads their answers (NULL: count)
    answered INTEGER,
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE INDEX assessments_school_trust ON assessments (school, trust);
CREATE TABLE answers (
    assessment INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    question TEXT NOT NULL,
    option TEXT,
    note TEXT NOT NULL DEFAULT '',
    evidence TEXT NOT NULL DEFAULT '[]',
    position INTEGER NOT NULL,
    updated TEXT NOT NULL,
    PRIMARY KEY (assessment, question)
);
CREATE TABLE referent_notes (
    assessment INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    referent TEXT NOT NULL,
    confidence TEXT CHECK (confidence IN ('low', 'medium', 'high')),
    note TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL,
    updated TEXT NOT NULL,
    PRIMARY KEY (assessment, referent)
);
CREATE TABLE targets (
    assessment INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    referent TEXT NOT NULL,
    purpose REAL NOT NULL,
    practice REAL NOT NULL,
    by_when TEXT NOT NULL DEFAULT '',
    return_trip INTEGER NOT NULL DEFAULT 0,
    rationale TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL,
    updated TEXT NOT NULL,
    PRIMARY KEY (assessment, referent)
);
CREATE TABLE steps (
    assessment INTEGER NOT NULL,
    referent TEXT NOT NULL,
    position INTEGER NOT NULL,
    purpose REAL NOT NULL,
    practice REAL NOT NULL,
    by_when TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (assessment, referent, position),
    FOREIGN KEY (assessment, referent)
        REFERENCES targets(assessment, referent) ON DELETE CASCADE
);
CREATE TABLE checklist_entries (
    assessment INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    item TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'not_started' CHECK (status IN
        ('not_started', 'in_progress', 'done', 'concern', 'not_applicable')),
    note TEXT NOT NULL DEFAULT '',
    owner TEXT NOT NULL DEFAULT '',
    due TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL,
    updated TEXT NOT NULL,
    PRIMARY KEY (assessment, item)
);
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    assessment INTEGER REFERENCES assessments(id) ON DELETE CASCADE,
    what TEXT NOT NULL,
    old TEXT,
    new TEXT,
    at TEXT NOT NULL
);
CREATE INDEX audit_assessment ON audit (assessment, id);
CREATE TABLE state (
    key TEXT PRIMARY KEY,
    value TEXT
);
-- Internal bookkeeping: 'revision' goes up with every change to the data, and
-- 'backup.revision' records the revision the last backup saw.
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT
);
INSERT INTO meta (key, value) VALUES ('revision', '0'), ('backup.revision', '0');
"""


@MIGRATIONS()
def m001_initial(db: SqlDatabase) -> None:
    db.executescript(_INITIAL)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


@MIGRATIONS()
def m002_question_count(db: SqlDatabase) -> None:
    # How many questions an assessment's selection holds, kept beside `answered` by the same
    # writes, so listing assessments reads no questionnaire. NULL (rows from before this):
    # counted when listed, as a NULL `answered` is.
    db.execute("ALTER TABLE assessments ADD COLUMN questions INTEGER")


_DATA_V2 = """
ALTER TABLE answers ADD COLUMN flags TEXT NOT NULL DEFAULT '[]';

-- Confidence per axis: the one confidence recorded before applies to both.
CREATE TABLE referent_notes_v2 (
    assessment INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    referent TEXT NOT NULL,
    purpose_confidence TEXT CHECK (purpose_confidence IN ('low', 'medium', 'high')),
    practice_confidence TEXT CHECK (practice_confidence IN ('low', 'medium', 'high')),
    note TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL,
    updated TEXT NOT NULL,
    PRIMARY KEY (assessment, referent)
);
INSERT INTO referent_notes_v2
    SELECT assessment, referent, confidence, confidence, note, position, updated
    FROM referent_notes;
DROP TABLE referent_notes;
ALTER TABLE referent_notes_v2 RENAME TO referent_notes;

ALTER TABLE targets ADD COLUMN status TEXT NOT NULL DEFAULT ''
    CHECK (status IN ('', 'proposed', 'agreed'));
ALTER TABLE targets ADD COLUMN agreed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE targets ADD COLUMN agreed_on TEXT NOT NULL DEFAULT '';
ALTER TABLE steps ADD COLUMN owner TEXT NOT NULL DEFAULT '';
ALTER TABLE steps ADD COLUMN tell TEXT NOT NULL DEFAULT '';

-- A finding apart from the status: NULL finding_level is no finding, NULL cost_basis no
-- cost. An item marked 'concern' before is done, with a finding of that level whose text
-- is its note (the note stays too: nothing is lost).
CREATE TABLE checklist_entries_v2 (
    assessment INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    item TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'not_started' CHECK (status IN
        ('not_started', 'in_progress', 'done', 'not_applicable')),
    note TEXT NOT NULL DEFAULT '',
    owner TEXT NOT NULL DEFAULT '',
    due TEXT NOT NULL DEFAULT '',
    finding_level TEXT CHECK (finding_level IN ('none', 'note', 'concern', 'serious')),
    finding_text TEXT NOT NULL DEFAULT '',
    cost_amount REAL,
    cost_basis TEXT CHECK (cost_basis IN ('known', 'estimated', 'unknown')),
    position INTEGER NOT NULL,
    updated TEXT NOT NULL,
    PRIMARY KEY (assessment, item)
);
INSERT INTO checklist_entries_v2 (assessment, item, status, note, owner, due, finding_level,
        finding_text, position, updated)
    SELECT assessment, item, CASE status WHEN 'concern' THEN 'done' ELSE status END, note,
        owner, due, CASE status WHEN 'concern' THEN 'concern' END,
        CASE status WHEN 'concern' THEN note ELSE '' END, position, updated
    FROM checklist_entries;
DROP TABLE checklist_entries;
ALTER TABLE checklist_entries_v2 RENAME TO checklist_entries;

ALTER TABLE assessments ADD COLUMN assessor_role TEXT NOT NULL DEFAULT '';
ALTER TABLE assessments ADD COLUMN perspective TEXT
    CHECK (perspective IN ('school', 'trust', 'joint', 'independent'));
-- The decision put to the board, as a JSON object (NULL: none recorded).
ALTER TABLE assessments ADD COLUMN decision TEXT;
-- The date of this assessment's copy of the trust's reference (assessment_references).
ALTER TABLE assessments ADD COLUMN reference_as_of TEXT NOT NULL DEFAULT '';

ALTER TABLE trust_references ADD COLUMN school_decides TEXT NOT NULL DEFAULT '';

-- Each assessment keeps the trust's reference as it stood when it was made: a trust that
-- later changes its own account (trust_references) does not move earlier assessments.
CREATE TABLE assessment_references (
    assessment INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    referent TEXT NOT NULL,
    practice TEXT NOT NULL DEFAULT '',
    purpose TEXT NOT NULL DEFAULT '',
    school_decides TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL,
    PRIMARY KEY (assessment, referent)
);
INSERT INTO assessment_references (assessment, referent, practice, purpose, position)
    SELECT a.id, r.referent, r.practice, r.purpose, r.position
    FROM assessments a JOIN trust_references r ON r.trust = a.trust;
UPDATE assessments SET reference_as_of = substr(created, 1, 10)
    WHERE id IN (SELECT assessment FROM assessment_references);

-- How many due-diligence items a questionnaire has, so listing assessments can show
-- checklist progress without reading a questionnaire (NULL: a body that is not JSON).
ALTER TABLE questionnaires ADD COLUMN checklist_items INTEGER;
UPDATE questionnaires SET checklist_items = (
    SELECT coalesce(sum(json_array_length(d.value, '$.items')), 0)
    FROM json_each(questionnaires.body, '$.due_diligence') d)
    WHERE json_valid(body);
"""


@MIGRATIONS()
def m003_data_v2(db: SqlDatabase) -> None:
    # Tables whose CHECK constraints change are made anew and copied (sqlite-utils'
    # `transform` would not keep their CHECK constraints). One statement at a time:
    # `executescript` would commit the transaction the migrations run in.
    for statement in _statements(_DATA_V2):
        db.execute(statement)


def _statements(script: str) -> list[str]:
    """A script's statements (each ends with ';' at the end of a line)."""
    lines = [line for line in script.splitlines() if not line.lstrip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";\n") if s.strip().rstrip(";")]


_CHECKLIST_COUNTS = """
-- Due-diligence items done (or not applicable) and items with a finding the board is told
-- of, kept beside `answered` by every write that can change them, so listing assessments
-- reads no checklist entry (NULL: counted when listed).
ALTER TABLE assessments ADD COLUMN checklist_done INTEGER;
ALTER TABLE assessments ADD COLUMN findings INTEGER;
UPDATE assessments SET
    checklist_done = (SELECT count(*) FROM checklist_entries c WHERE c.assessment = assessments.id
        AND c.status IN ('done', 'not_applicable')),
    findings = (SELECT count(*) FROM checklist_entries c WHERE c.assessment = assessments.id
        AND c.finding_level IN ('note', 'concern', 'serious'));
"""


@MIGRATIONS()
def m004_checklist_counts(db: SqlDatabase) -> None:
    for statement in _statements(_CHECKLIST_COUNTS):
        db.execute(statement)


@MIGRATIONS()
def m005_phase_counts(db: SqlDatabase) -> None:
    # The questions an assessment counts follow the school's phase now (`core.asked`), where
    # they were every question of the selected areas: count every assessment again.
    from . import counting, questionnaires

    loaded = {}

    def load(row: int, _added: str):
        if row not in loaded:
            loaded[row] = questionnaires.load(db.conn, row)
        return loaded[row]

    for (assessment,) in db.execute("SELECT id FROM assessments").fetchall():
        counting.store_progress(db.conn, load, assessment)


def known_names(migrations: Migrations) -> list[str]:
    """Every migration name in the set, in order (all are pending on an empty database)."""
    empty = SqlDatabase(memory=True, execute_plugins=False)
    try:
        return [m.name for m in migrations.pending(empty)]
    finally:
        empty.close()
