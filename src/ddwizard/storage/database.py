"""`Database`: the one object the app and the command line talk to for anything stored."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from ddwizard.lazy import lazy_module

from . import backups, identity, listing, opening, places, rows
from .errors import (
    AssessmentReplaced,
    DatabaseDamaged,
    DuplicateAssessment,
    NotADatabase,
    NotFound,
    ReadOnlyDatabase,
    StorageError,
    file_problem,
    translated,
    with_backup,
)

# Reading and writing assessments and questionnaires needs the core's data classes, which
# the start screen does not: these load on first use.
assessments = lazy_module("ddwizard.storage.assessments")
autosave = lazy_module("ddwizard.storage.autosave")
questionnaires = lazy_module("ddwizard.storage.questionnaires")

if TYPE_CHECKING:
    from ddwizard.core.assessment import Assessment, TrustReference
    from ddwizard.core.changes import Change
    from ddwizard.core.questionnaire import Questionnaire

    from .autosave import AuditEntry
    from .listing import AssessmentInfo
    from .questionnaires import QuestionnaireInfo

if TYPE_CHECKING:  # sqlite-utils is imported only when there are migrations to apply
    from sqlite_utils import Database as SqlDatabase
    from sqlite_utils.migrations import Migrations


class Database:
    """A ddwizard database file (or an in-memory one, with `path=None`).

    Opening checks an existing file read-only before anything writes to it, then applies
    pending migrations after taking a backup. Each `set_*` call is committed when it
    returns; wrap several in `atomic()` to make them one transaction.
    """

    def __init__(
        self,
        path: str | os.PathLike | None,
        *,
        backup_dir: str | os.PathLike | None = None,
        clock: opening.Clock = opening.utc_now,
        busy_timeout: float = 5.0,
        migrations: Migrations | None = None,  # None: ours (schema.MIGRATIONS)
        check_later: bool = False,
    ) -> None:
        """Open (creating, checking and migrating as needed) the database at `path`.

        `check_later`: an existing file is opened without its integrity check (which reads
        the whole file); `check_integrity()` runs it afterwards, and the first write runs it
        if nothing has yet. Everything else is still checked here. No check is remembered
        from one opening to the next: damage can keep a file's size and times."""
        self.path = None if path is None else Path(path).expanduser().absolute()
        self.backup_dir = self._backup_dir(backup_dir)
        self._clock = clock
        self._timeout = busy_timeout
        self._migrations = migrations
        if migrations is None:
            self._known = identity.known()
        else:
            from .schema import known_names

            self._known = known_names(migrations)
        self._questionnaire_cache: dict[tuple[int, str], Questionnaire] = {}
        self._question_ids_cache: dict[tuple[int, str], listing.QuestionIds] = {}
        self._sql_db: SqlDatabase | None = None
        # True while the integrity check is put off (see check_later); the damage found.
        self.unchecked: bool | None = None
        self._damage: StorageError | None = None
        self._seen: dict[int, str] = {}  # assessment id -> its replaced mark when last read
        applied = self._prepare_file(check_later)
        # Made read-only by its owner: read, never written, its mode never changed.
        self.read_only = opening.made_read_only(self.path)
        try:
            self.conn = opening.connect(self.path, busy_timeout, unchecked=bool(self.unchecked),
                                        read_only=self.read_only)  # fmt: skip
        except DatabaseDamaged as e:
            raise self._with_way_back(e) from e
        try:
            self._migrate(applied)
        except BaseException:
            self.close()
            raise

    def _backup_dir(self, given: str | os.PathLike | None) -> Path | None:
        if given is not None:
            return Path(given).expanduser().absolute()
        return None if self.path is None else backups.default_dir(self.path)

    def _prepare_file(self, check_later: bool) -> list[str]:
        """Create a new file privately, or check an existing one without writing to it."""
        if self.path is None:
            return []
        try:
            if opening.is_new(self.path):
                opening.make_private_dir(self.path.parent)
                opening.make_private_file(self.path)
                return []
            applied = opening.check_file(self.path, self._known, self._timeout,
                                         integrity=not check_later)  # fmt: skip
            if check_later and applied != self._known:  # migrations write: check first
                opening.check_file(self.path, self._known, self._timeout)
            elif check_later:
                self.unchecked = True
        except OSError as e:
            raise file_problem(self.path, e) from e
        except (DatabaseDamaged, NotADatabase) as e:
            raise self._with_way_back(e) from e
        opening.tighten(self.path)
        return applied

    def _with_way_back(self, error: StorageError) -> StorageError:
        backup = self._newest_good_backup()
        return error if backup is None else with_backup(error, self.path, backup)

    def check_integrity(self) -> None:
        """The integrity check put off when opening (`check_later`), if it was, on this
        connection. It runs before the first write at the latest; damage raises
        DatabaseDamaged, naming the newest good backup, and nothing is written after."""
        if self._damage is not None:
            raise self._damage
        if self.unchecked is None or self.path is None:
            return
        with self._guarded():
            opening.check_integrity(self.conn, self.path)
        self.unchecked = None

    def _newest_good_backup(self) -> Path | None:
        if self.backup_dir is None:
            return None
        return backups.newest_good(self.backup_dir, self._known, self._timeout,
                                   backups.backup_name(self.path))  # fmt: skip

    @property
    def db(self) -> SqlDatabase:
        """The sqlite-utils view of the connection (for migrations), made when first used."""
        if self._sql_db is None:
            from sqlite_utils import Database as SqlDatabase

            self._sql_db = SqlDatabase(self.conn, execute_plugins=False)
        return self._sql_db

    def _migrate(self, applied: list[str]) -> None:
        if self.path is not None and self._migrations is None and applied == self._known:
            # Up to date (the read-only check listed every migration as applied): nothing
            # to apply, so sqlite-utils and the migrations are not even imported.
            with translated(self.path):
                self._set_user_version()
            opening.tighten(self.path)
            return
        if self._migrations is None:
            from .schema import MIGRATIONS

            self._migrations = MIGRATIONS
        with translated(self.path):
            pending = self._migrations.pending(self.db)
            if pending and self.read_only:
                raise self._read_only_error()
            if pending and applied and self.path is not None:
                self._copy_to(self._new_backup_path())
            if pending and all(m.transactional for m in pending):
                # All or nothing: a crash (or another process creating the same new file)
                # never leaves a half-made schema, which would read as a foreign database.
                with self.atomic():
                    self._migrations.apply(self.db)
                    self._set_user_version()
            else:
                if pending:  # one of them cannot run inside a transaction (e.g. VACUUM)
                    self._migrations.apply(self.db)
                self._set_user_version()
        if self.path is not None:
            opening.tighten(self.path)

    def _read_only_error(self) -> ReadOnlyDatabase:
        return ReadOnlyDatabase(
            f"The database '{self.path}' is read-only (its owner made it so), so nothing can "
            "be changed in it; ddwizard leaves it that way. Nothing was written."
        )

    def _set_user_version(self) -> None:
        if self.read_only:
            return
        if self.conn.execute("PRAGMA user_version").fetchone()[0] != len(self._known):
            self.conn.execute(f"PRAGMA user_version = {len(self._known)}")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- transactions --------------------------------------------------------------------

    @contextmanager
    def atomic(self) -> Iterator[Database]:
        """One transaction (a savepoint when nested). Takes the write lock at the start, so a
        busy database is reported before any work is done. Once damage is met, nothing more
        is written through this connection."""
        if self.conn.in_transaction:
            with self._guarded(), self._savepoint():
                yield self
            return
        if self.read_only:
            raise self._read_only_error()
        self.check_integrity()  # a file not yet checked, or found damaged, is not written
        with self._guarded():
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:  # an error may already have ended it
                    self.conn.execute("ROLLBACK")
                raise

    @contextmanager
    def _guarded(self) -> Iterator[None]:
        """SQLite's errors in words; damage met here stops every later write."""
        try:
            with translated(self.path):
                yield
        except DatabaseDamaged as e:
            self._damage = self._damage or self._with_way_back(e)
            if self._damage is e:
                raise
            raise self._damage from e

    @contextmanager
    def _savepoint(self) -> Iterator[None]:
        """A nested transaction (as sqlite-utils' `atomic()` makes one)."""
        name = f"ddwizard_{next(_SAVEPOINTS)}"
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            if self.conn.in_transaction:  # a RAISE(ROLLBACK) ends savepoints too
                self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                self.conn.execute(f"RELEASE SAVEPOINT {name}")
            raise
        else:
            self.conn.execute(f"RELEASE SAVEPOINT {name}")

    def _now(self) -> str:
        return opening.stamp(self._clock())

    def _write(self, fn, *args) -> None:
        with self.atomic():
            fn(self.conn, *args, self._now())

    def _edit(self, fn, assessment_id: int, *args) -> None:
        with self._editing(assessment_id):
            fn(self.conn, assessment_id, *args, self._now())

    @contextmanager
    def _editing(self, assessment_id: int) -> Iterator[None]:
        """A write to an assessment this connection has read: refused, with nothing
        written, when it was replaced meanwhile (see `require_current`)."""
        with self.atomic():
            self._require_current(assessment_id)
            yield

    def require_current(self, assessment_id: int) -> None:
        """Raise AssessmentReplaced when the assessment was replaced as a whole (an
        `import --replace`, here or in another process) since this connection last read it:
        what was read is stale, and is neither to be written back nor exported."""
        with self._guarded():
            self._require_current(assessment_id)

    def _require_current(self, assessment_id: int) -> None:
        seen = self._seen.get(assessment_id)
        if seen is not None and seen != rows.replaced_mark(self.conn, assessment_id):
            raise AssessmentReplaced(
                f"Assessment number {assessment_id} was replaced from outside this window "
                "(by an import) since it was opened. It has been reloaded as it is now; the "
                "last change made here was not written over it."
            )

    # --- questionnaires ------------------------------------------------------------------

    def add_questionnaire(self, q: Questionnaire, source_text: str = "") -> int:
        """Store a copy (replacing one with the same id and version). Returns its row id."""
        with self.atomic():
            row = questionnaires.store(self.conn, q, source_text, self._now())
            rows.bump_revision(self.conn)
        return row

    def questionnaires(self) -> list[QuestionnaireInfo]:
        with self._guarded():
            return questionnaires.infos(self.conn)

    def get_questionnaire(self, qid: str, version: str) -> Questionnaire:
        with self._guarded():
            row = questionnaires.row_id(self.conn, qid, version)
            if row is None:
                raise NotFound(f"The questionnaire '{qid}' version {version} is not stored.")
            return self._questionnaire(row)

    def _questionnaire(self, row: int) -> Questionnaire:
        """A stored copy, parsed once per version of the row."""
        found = self.conn.execute("SELECT added FROM questionnaires WHERE id = ?", [row])
        key = (row, found.fetchone()[0])
        if key not in self._questionnaire_cache:
            self._questionnaire_cache[key] = questionnaires.load(self.conn, row)
        return self._questionnaire_cache[key]

    def _question_ids(self, row: int, added: str) -> listing.QuestionIds:
        """Each referent's question ids in a stored copy (for counting), once per version of
        the row: `added` changes whenever the row is stored again."""
        key = (row, added)
        found = self._question_ids_cache.get(key)
        if found is None:
            q = self._questionnaire_cache.get(key)
            found = self._question_ids_cache[key] = (
                questionnaires.question_ids(self.conn, row)
                if q is None
                else questionnaires.question_ids_of(q)
            )
        return found

    # --- whole assessments ---------------------------------------------------------------

    def create_assessment(self, a: Assessment, q: Questionnaire) -> int:
        """Add an assessment in one transaction; returns its local id.

        A blank uid is replaced by a new one. The questionnaire copy is stored if missing
        (an existing copy with the same id and version is kept).
        """
        _check_matches(a, q)
        if not a.uid:
            from ddwizard.core.assessment import new_uid

            a = a.with_changes(uid=new_uid())
        with self.atomic():
            self._refuse_duplicate(a.uid, None)
            now = self._now()
            qrow = questionnaires.ensure(self.conn, q, now)
            new_id = assessments.insert(self.conn, a, qrow, now)
            listing.store_progress(self.conn, self._question_ids, new_id)
            return new_id

    def replace_assessment(self, assessment_id: int, a: Assessment, q: Questionnaire) -> None:
        """Replace everything an assessment holds, in one transaction (id and created stay)."""
        _check_matches(a, q)
        with self.atomic():
            rows.require_assessment(self.conn, assessment_id)
            self._refuse_duplicate(a.uid, assessment_id)
            now = self._now()
            qrow = questionnaires.ensure(self.conn, q, now)
            assessments.replace(self.conn, assessment_id, a, qrow, now)
            rows.mark_replaced(self.conn, assessment_id)
            # Who replaced it here knows what it now holds; other connections do not.
            self._seen[assessment_id] = rows.replaced_mark(self.conn, assessment_id)
            listing.store_progress(self.conn, self._question_ids, assessment_id)

    def _refuse_duplicate(self, uid: str, allowed: int | None) -> None:
        existing = self.find_uid(uid)
        if existing is None or existing == allowed:
            return
        label = describe(self._info(existing))
        raise DuplicateAssessment(
            f"This database already has that assessment: {label} (number {existing}).",
            existing,
            label,
        )

    def load_assessment(self, assessment_id: int) -> Assessment:
        """The assessment as stored; later writes to it are checked against this reading."""
        with self._guarded(), self._snapshot():
            found = assessments.read(self.conn, assessment_id)
            self._seen[assessment_id] = rows.replaced_mark(self.conn, assessment_id)
            return found

    @contextmanager
    def _snapshot(self) -> Iterator[None]:
        """Several reads that see one state of the file (a read transaction)."""
        if self.conn.in_transaction:
            yield
            return
        self.conn.execute("BEGIN")
        try:
            yield
        finally:
            if self.conn.in_transaction:
                self.conn.execute("COMMIT")

    def questionnaire_for(self, assessment_id: int) -> Questionnaire:
        with self._guarded():
            head = rows.require_assessment(self.conn, assessment_id)
            return self._questionnaire(head["questionnaire"])

    def find_uid(self, uid: str) -> int | None:
        with self._guarded():
            found = self.conn.execute("SELECT id FROM assessments WHERE uid = ?", [uid])
            row = found.fetchone()
        return row[0] if row else None

    def list_assessments(self) -> list[AssessmentInfo]:
        """Every assessment, most recently changed first."""
        with self._guarded():
            return listing.list_all(self.conn, self._question_ids)

    def list_json(self) -> list[str] | None:
        """Every assessment as the text of a JSON object (`list --json`), most recently
        changed first; None when some are not counted yet (use `list_assessments`)."""
        with self._guarded():
            return listing.json_rows(self.conn)

    def trust_names(self) -> list[str]:
        """The trusts to choose from, by name, sorted: those assessments are made against,
        and those whose reference someone wrote."""
        with self._guarded():
            found = self.conn.execute(
                "SELECT name FROM trusts t WHERE EXISTS (SELECT 1 FROM assessments "
                "WHERE trust = t.id) OR EXISTS (SELECT 1 FROM trust_references WHERE "
                "trust = t.id AND (practice != '' OR purpose != ''))"
            ).fetchall()
        return sorted(name for (name,) in found if name)

    def _info(self, assessment_id: int) -> AssessmentInfo:
        found = listing.summaries(self.conn, self._question_ids, "WHERE a.id = ?", [assessment_id])
        if not found:
            raise NotFound(f"There is no assessment number {assessment_id} in this database.")
        return found[0]

    def assessment_info(self, assessment_id: int) -> AssessmentInfo:
        with self._guarded():
            return self._info(assessment_id)

    def delete_assessment(self, assessment_id: int) -> None:
        with self.atomic():
            rows.require_assessment(self.conn, assessment_id)
            self.conn.execute("DELETE FROM assessments WHERE id = ?", [assessment_id])
            rows.bump_revision(self.conn)

    def previous_assessments(self, assessment_id: int) -> list[AssessmentInfo]:
        """Earlier assessments of the same school against the same trust, newest first."""
        with self._guarded():
            rows.require_assessment(self.conn, assessment_id)
            return listing.previous(self.conn, self._question_ids, assessment_id)

    # --- changes: each is one committed transaction with its audit rows -----------------

    def apply(self, assessment_id: int, change: Change) -> None:
        """Store one change (a value from `ddwizard.core.changes`) in one transaction, with
        its audit rows; a change that changes nothing writes nothing."""
        from ddwizard.core.changes import AreasSelected, QuestionnaireSwitched

        if isinstance(change, QuestionnaireSwitched):  # everything kept for the old one goes
            self.require_current(assessment_id)
            before = self.load_assessment(assessment_id)
            self.replace_assessment(assessment_id, change.apply(before), change.questionnaire)
            return
        with self._editing(assessment_id):
            moved = autosave.apply(self.conn, assessment_id, change, self._now())
            if moved is not None:
                listing.progress_moved(
                    self.conn, self._question_ids, assessment_id, change.question, *moved
                )
            elif isinstance(change, AreasSelected):
                listing.store_progress(self.conn, self._question_ids, assessment_id)

    def trust_reference(self, trust_name: str) -> tuple[TrustReference, ...]:
        """The trust's own account of its referents, as stored (none for a new name)."""
        with self._guarded():
            found = self.conn.execute("SELECT id FROM trusts WHERE name = ?", [trust_name])
            row = found.fetchone()
            return rows.trust_references(self.conn, row[0]) if row else ()

    def trust_use(self, trust_name: str) -> int:
        """How many assessments are made against the trust of this name."""
        from . import trusts

        with translated(self.path):
            return trusts.assessments_of(self.conn, trust_name)

    def audit(self, assessment_id: int) -> list[AuditEntry]:
        """What changed in an assessment, oldest first."""
        with self._guarded():
            return autosave.audit_entries(self.conn, assessment_id)

    # --- app state -----------------------------------------------------------------------

    def get_state(self, key: str, default: str | None = None) -> str | None:
        with self._guarded():
            row = self.conn.execute("SELECT value FROM state WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set_state(self, key: str, value: str) -> None:
        with self.atomic():
            self.conn.execute(
                "INSERT INTO state (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value],
            )

    # --- backups -------------------------------------------------------------------------

    def backup(self, dest: str | os.PathLike | None = None) -> Path:
        """Take a backup now (into the backup folder unless `dest` is given)."""
        if self.conn.in_transaction:
            raise StorageError("A backup cannot be taken in the middle of a change.")
        with self._guarded():
            revision = rows.get_meta(self.conn, "revision")
        if dest is None:
            dest = self._new_backup_path()
        taken = self._copy_to(Path(dest))
        if not self.read_only:  # a backup only reads: a read-only file is backed up too
            with self.atomic():
                rows.set_meta(self.conn, "backup.revision", revision or "0")
        return taken

    def _copy_to(self, dest: Path) -> Path:
        with self._guarded():
            return backups.copy_database(self.conn, dest)

    def _new_backup_path(self) -> Path:
        """A new name in the backup folder, once the folder is known to be the user's own,
        private and not a link; unfinished copies no process owns are removed from it."""
        folder = self._require_backup_dir()
        try:
            places.secure_dir(folder)
        except OSError as e:
            raise file_problem(folder, e) from e
        for part in places.unowned_parts(folder):
            backups.discard(part)
        return backups.new_backup_path(folder, self._clock(), backups.backup_name(self.path))

    def _require_backup_dir(self) -> Path:
        if self.backup_dir is None:
            raise StorageError("An in-memory database has no backup folder; give one.")
        return self.backup_dir

    def changed_since_last_backup(self) -> bool:
        with self._guarded():
            revision = rows.get_meta(self.conn, "revision")
            return revision != rows.get_meta(self.conn, "backup.revision")

    def auto_backup(self) -> Path | None:
        """Back up if anything changed since the last backup, then prune old backups
        (keeping the newest of each of 7 days, 4 weeks and 6 months) and remove unfinished
        copies a crash left behind."""
        taken = self.backup() if self.changed_since_last_backup() else None
        if self.backup_dir is not None:
            backups.prune(self.backup_dir, keep=[taken] if taken else [])
        if self.path is not None:  # a restore's unfinished copy, cut off, beside the file
            for part in places.unowned_parts(self.path.parent, f".{self.path.name}."):
                backups.discard(part)
        return taken


_SAVEPOINTS = itertools.count(1)  # names unique in the process (savepoints nest by name)


def describe(info: AssessmentInfo) -> str:
    """How a person would recognise an assessment: label, school and date."""
    parts = [f"'{info.label}'" if info.label else "assessment", f"of {info.school}"]
    if info.assessed_on:
        parts.append(f"on {info.assessed_on}")
    return " ".join(parts)


def _check_matches(a: Assessment, q: Questionnaire) -> None:
    if (a.questionnaire_id, a.questionnaire_version) != (q.id, q.version):
        raise ValueError(
            f"assessment is for questionnaire {a.questionnaire_id} v{a.questionnaire_version}, "
            f"given {q.id} v{q.version}"
        )
