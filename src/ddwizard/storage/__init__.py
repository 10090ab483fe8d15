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


def __getattr__(name: str):
    """AuditEntry and QuestionnaireInfo come with modules loaded on first use."""
    if name == "AuditEntry":
        from .autosave import AuditEntry

        return AuditEntry
    if name == "QuestionnaireInfo":
        from .questionnaires import QuestionnaireInfo

        return QuestionnaireInfo
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "UNSET",
    "AssessmentInfo",
    "AuditEntry",
    "Database",
    "DatabaseDamaged",
    "DatabaseInUse",
    "DatabaseTooNew",
    "DuplicateAssessment",
    "NotADatabase",
    "NotFound",
    "QuestionnaireInfo",
    "StorageError",
    "list_backups",
    "restore",
]
