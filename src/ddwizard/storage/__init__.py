"""Storage: the SQLite database (through sqlite-utils), its migrations, autosave and backups.

Imports `ddwizard.core` only; never the report, the UI or Qt.
"""

from .backups import list_backups
from .database import Database
from .errors import (
    AssessmentReplaced,
    DatabaseDamaged,
    DatabaseInUse,
    DatabaseTooNew,
    DuplicateAssessment,
    NotADatabase,
    NotFound,
    ReadOnlyDatabase,
    StorageError,
)
from .listing import AssessmentInfo
from .restore import restore
from .unset import UNSET

__all__ = [
    "UNSET",
    "AssessmentInfo",
    "AssessmentReplaced",
    "Database",
    "DatabaseDamaged",
    "DatabaseInUse",
    "DatabaseTooNew",
    "DuplicateAssessment",
    "NotADatabase",
    "NotFound",
    "ReadOnlyDatabase",
    "StorageError",
    "list_backups",
    "restore",
]
