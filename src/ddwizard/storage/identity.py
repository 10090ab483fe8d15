"""What marks a file as ours, without importing sqlite-utils (opening the app needs no more
than this when the file's schema is up to date; the migrations are in `schema`)."""

from __future__ import annotations

MIGRATION_SET = "ddwizard"
# PRAGMA application_id: "ddwz". Tells our files apart from other programs' SQLite files.
APPLICATION_ID = 0x6464777A

# The names of the migrations in `schema.MIGRATIONS`, in order (a test checks they agree).
# Add the name of each new migration here too.
MIGRATION_NAMES = (
    "m001_initial",
    "m002_question_count",
    "m003_data_v2",
    "m004_checklist_counts",
    "m005_phase_counts",
)


def known() -> list[str]:
    return list(MIGRATION_NAMES)
