"""What a `Database` holds, read and written: questionnaires, whole assessments, and each
change (one committed transaction with its audit rows). A mixin of `Database`, which owns
the connection, its transactions and the file."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from ddwizard.lazy import lazy_module

from . import counting, listing, rows
from .errors import AssessmentReplaced, DuplicateAssessment, NotFound

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


class Records:
    """The stored records, through `Database`'s connection (`conn`, `atomic`, `_guarded`)."""

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
        return self._stored(row, found.fetchone()[0])

    def _stored(self, row: int, added: str) -> Questionnaire:
        """A stored copy by its row and the time it was stored (for counting questions),
        parsed once per version of the row: `added` changes whenever the row is stored again."""
        key = (row, added)
        if key not in self._questionnaire_cache:
            self._questionnaire_cache[key] = questionnaires.load(self.conn, row)
        return self._questionnaire_cache[key]

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
            counting.store_progress(self.conn, self._stored, new_id)
            listing.store_checklist(self.conn, new_id)
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
            counting.store_progress(self.conn, self._stored, assessment_id)
            listing.store_checklist(self.conn, assessment_id)

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
            return listing.list_all(self.conn, self._stored)

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
                "trust = t.id AND (practice != '' OR purpose != '' OR school_decides != ''))"
            ).fetchall()
        return sorted(name for (name,) in found if name)

    def _info(self, assessment_id: int) -> AssessmentInfo:
        found = listing.summaries(self.conn, self._stored, "WHERE a.id = ?", [assessment_id])
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
            return listing.previous(self.conn, self._stored, assessment_id)

    # --- changes: each is one committed transaction with its audit rows -----------------

    def apply(self, assessment_id: int, change: Change) -> None:
        """Store one change (a value from `ddwizard.core.changes`) in one transaction, with
        its audit rows; a change that changes nothing writes nothing."""
        from ddwizard.core.changes import AreasSelected, ChecklistEntrySet, QuestionnaireSwitched
        from ddwizard.core.detail_changes import SchoolSet

        if isinstance(change, QuestionnaireSwitched):  # everything kept for the old one goes
            self.require_current(assessment_id)
            before = self.load_assessment(assessment_id)
            self.replace_assessment(assessment_id, change.apply(before), change.questionnaire)
            return
        with self._editing(assessment_id):
            moved = autosave.apply(self.conn, assessment_id, change, self._now())
            if question := getattr(change, "question", None):  # an answer's option, note...
                delta = (moved[1] is not None) - (moved[0] is not None) if moved else 0
                counting.answer_moved(self.conn, self._stored, assessment_id, question, delta)
            elif isinstance(change, AreasSelected | SchoolSet):  # the selection, the phase
                counting.store_progress(self.conn, self._stored, assessment_id)
            elif isinstance(change, ChecklistEntrySet):
                listing.store_checklist(self.conn, assessment_id)

    def trust_reference(self, trust_name: str) -> tuple[TrustReference, ...]:
        """The trust's current account of its referents (none for a new name)."""
        return self.current_trust_reference(trust_name)[0]

    def current_trust_reference(self, trust_name: str) -> tuple[tuple[TrustReference, ...], str]:
        """The trust's current reference and the day it last changed ("" for a trust with
        none). An assessment keeps its own copy (`Assessment.trust.reference`, as of
        `trust.reference_as_of`); `ReferenceTaken(refs, as_of)` puts this one in its place."""
        from . import references

        with self._guarded():
            return references.current_by_name(self.conn, trust_name)

    def newer_trust_reference(
        self, assessment_id: int
    ) -> tuple[tuple[TrustReference, ...], str] | None:
        """The trust's current reference and its date when it says something other than
        this assessment's copy (for "the trust's reference has changed since; take it?");
        None when they agree."""
        from . import references

        with self._guarded():
            return references.newer(self.conn, assessment_id)

    def trust_use(self, trust_name: str) -> int:
        """How many assessments are made against the trust of this name."""
        from . import trusts

        with self._guarded():
            return trusts.assessments_of(self.conn, trust_name)

    def audit(self, assessment_id: int) -> list[AuditEntry]:
        """What changed in an assessment, oldest first."""
        with self._guarded():
            return autosave.audit_entries(self.conn, assessment_id)


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
