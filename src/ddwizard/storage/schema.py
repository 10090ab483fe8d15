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


def known_names(migrations: Migrations) -> list[str]:
    """Every migration name in the set, in order (all are pending on an empty database)."""
    empty = SqlDatabase(memory=True, execute_plugins=False)
    try:
        return [m.name for m in migrations.pending(empty)]
    finally:
        empty.close()
