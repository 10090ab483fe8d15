"""Storage: the SQLite database (through sqlite-utils), its migrations, autosave and backups.

Imports `ddwizard.core` only; never the report, the UI or Qt.
"""

from .backups import list_backups, restore
from .database import Database
from .errors import (
    DatabaseDamaged,
    DatabaseInUse,
    DatabaseTooNew,
    DuplicateAssessment,
    NotADatabase,
    NotFound,
    StorageError,
)
from .listing import AssessmentInfo
from .unset import UNSET

__all__ = [
    "UNSET",
    "AssessmentInfo",
    "Database",
    "DatabaseDamaged",
    "DatabaseInUse",
    "DatabaseTooNew",
    "DuplicateAssessment",
    "NotADatabase",
    "NotFound",
    "StorageError",
    "list_backups",
    "restore",
]
