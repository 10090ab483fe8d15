"""A later release's migrations, for tests of upgrading: this release's, then one more."""

from __future__ import annotations

from sqlite_utils.migrations import Migrations

from ddwizard.storage import schema
from ddwizard.storage.identity import MIGRATION_NAMES

# `PRAGMA user_version` of a file the later release has upgraded.
LATER_VERSION = len(MIGRATION_NAMES) + 1


def ours_then(fn, name: str = "") -> Migrations:
    """Every migration of this release, then `fn` (named `name`, else after the function)."""
    later = Migrations(schema.MIGRATION_SET)
    for known in MIGRATION_NAMES:
        later(name=known)(getattr(schema, known))
    later(name=name or None)(fn)
    return later
