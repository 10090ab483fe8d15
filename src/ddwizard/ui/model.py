"""The open assessment, as the pages see it. Model announces, widgets listen.

Every setter writes through storage (one committed transaction each), then applies the same
change to the in-memory snapshot (no reload per keystroke), then announces `changed(what,
key)` and `saved()`. When storage refuses, `saveFailed(message)` says why in words and the
snapshot keeps the last stored value; the widget keeps what the person typed, so nothing
shown is lost and the next edit (or flush) tries again.

`what` is one of: answer (key: question id), referent_note (referent id), referents,
target (referent id), checklist (item id), details (field name), trust_reference
(referent id), questionnaire.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ddwizard.core.errors import UserError
from ddwizard.lazy import lazy_module
from ddwizard.storage import UNSET, AssessmentInfo, Database

# The model opens assessments; the start screen, shown before any is open, needs none of
# the core's data classes, so these load when an assessment first does.
snapshot = lazy_module("ddwizard.ui.snapshot")

if TYPE_CHECKING:
    from ddwizard.core.assessment import Assessment, ChecklistEntry, Target, TrustReference
    from ddwizard.core.placement import Placement, ReferentPlacement
    from ddwizard.core.questionnaire import Questionnaire, Referent

PLACEMENT_CHANGES = {"answer", "referent_note", "referents", "questionnaire"}


class AssessmentModel(QObject):
    loaded = Signal()  # a different assessment (or a fresh copy of it) is now the snapshot
    changed = Signal(str, str)  # what, key
    saved = Signal()
    saveFailed = Signal(str)
    editing = Signal()  # a text field holds an edit not yet written
    flushRequested = Signal()  # text fields: write what you hold now

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.assessment_id: int | None = None
        self.assessment: Assessment | None = None
        self.questionnaire: Questionnaire | None = None
        self._placement: Placement | None = None
        self._pending: set[int] = set()  # text fields holding an edit not yet written
        self._failed: dict[tuple, tuple] = {}  # changes storage refused, to try again

    # --- opening ---------------------------------------------------------------------------

    def open(self, assessment_id: int) -> None:
        """Load an assessment (StorageError propagates: the caller reports it)."""
        self.flush()
        assessment = self.db.load_assessment(assessment_id)
        self._pending.clear()
        self._failed.clear()
        self.questionnaire = self.db.questionnaire_for(assessment_id)
        self.assessment_id, self.assessment = assessment_id, assessment
        self._placement = None
        self.loaded.emit()

    def close(self) -> None:
        self.flush()
        self._pending.clear()
        self._failed.clear()
        self.assessment_id = self.assessment = self.questionnaire = None
        self._placement = None

    def is_open(self) -> bool:
        return self.assessment is not None

    def flush(self) -> None:
        """Try refused changes again, then ask every text field with a pending edit to
        write it now (page change, close)."""
        if self.assessment is not None:
            self._retry()
        self.flushRequested.emit()

    def edit_started(self, field: int) -> None:
        """A text field (by its id) holds an edit it will write after a pause."""
        self._pending.add(field)
        self.editing.emit()

    def edit_finished(self, field: int) -> None:
        self._pending.discard(field)

    def has_pending_edits(self) -> bool:
        """True while something typed is not yet stored: not "All changes saved" yet."""
        return bool(self._pending or self._failed)

    # --- reading ---------------------------------------------------------------------------

    def selected_referents(self) -> list[Referent]:
        q, a = self.questionnaire, self.assessment
        ids = set(a.selected_referents([r.id for r in q.referents]))
        return [r for r in q.referents if r.id in ids]

    def placement(self) -> Placement:
        if self._placement is None:
            from ddwizard.core.placement import place_assessment

            self._placement = place_assessment(self.questionnaire, self.assessment)
        return self._placement

    def referent_placement(self, referent_id: str) -> ReferentPlacement | None:
        """Where one area sits (None when it is not among those chosen), without working out
        every area's placement when only this one is wanted (an answer on its page)."""
        if self._placement is not None:
            return self._placement.get(referent_id)
        if referent_id not in {r.id for r in self.selected_referents()}:
            return None
        from ddwizard.core.placement import place_referent

        note = self.assessment.note_for(referent_id)
        confidence = note.confidence.value if note and note.confidence else None
        referent = self.questionnaire.referent(referent_id)
        return place_referent(referent, self.assessment.chosen(), confidence)

    def progress(self, referent: Referent) -> tuple[int, int]:
        """(questions answered, questions) for one area; "don't know yet" counts as answered."""
        chosen = self.assessment.chosen()
        return sum(1 for q in referent.questions if q.id in chosen), len(referent.questions)

    def has_answers(self) -> bool:
        return any(a.option is not None for a in self.assessment.answers)

    def earlier_assessments(self) -> list[AssessmentInfo]:
        """Earlier assessments of the same school against the same trust, newest first."""
        return self.db.previous_assessments(self.assessment_id)

    def load_other(self, assessment_id: int) -> tuple[Assessment, Questionnaire]:
        return self.db.load_assessment(assessment_id), self.db.questionnaire_for(assessment_id)

    def trust_names(self) -> list[str]:
        return self.db.trust_names()

    # --- writing ---------------------------------------------------------------------------

    def set_answer(self, question_id: str, *, option=UNSET, note=UNSET, evidence=UNSET) -> bool:
        return self._write(
            "answer", question_id,
            lambda: self.db.set_answer(self.assessment_id, question_id, option=option,
                                       note=note, evidence=evidence),
            lambda a: snapshot.with_answer(a, question_id, option, note, evidence),
            _given(option=option, note=note, evidence=evidence),
        )  # fmt: skip

    def set_referent_note(self, referent_id: str, *, confidence=UNSET, note=UNSET) -> bool:
        return self._write(
            "referent_note", referent_id,
            lambda: self.db.set_referent_note(self.assessment_id, referent_id,
                                              confidence=confidence, note=note),
            lambda a: snapshot.with_referent_note(a, referent_id, confidence, note),
            _given(confidence=confidence, note=note),
        )  # fmt: skip

    def set_selected_referents(self, referent_ids: list[str]) -> bool:
        ids = tuple(referent_ids)
        return self._write(
            "referents", "",
            lambda: self.db.set_selected_referents(self.assessment_id, list(ids)),
            lambda a: a.with_changes(referents=ids),
        )  # fmt: skip

    def set_target(self, target: Target) -> bool:
        return self._write(
            "target", target.referent,
            lambda: self.db.set_target(self.assessment_id, target),
            lambda a: snapshot.with_target(a, target),
        )  # fmt: skip

    def delete_target(self, referent_id: str) -> bool:
        return self._write(
            "target", referent_id,
            lambda: self.db.delete_target(self.assessment_id, referent_id),
            lambda a: snapshot.without_target(a, referent_id),
        )  # fmt: skip

    def set_checklist_entry(self, entry: ChecklistEntry) -> bool:
        return self._write(
            "checklist", entry.item,
            lambda: self.db.set_checklist_entry(self.assessment_id, entry),
            lambda a: snapshot.with_entry(a, entry),
        )  # fmt: skip

    def set_details(self, **fields) -> bool:
        """Any of label, assessor, assessed_on, status, school (a School), trust_name."""
        write = lambda: self.db.set_details(self.assessment_id, **fields)  # noqa: E731
        if "trust_name" in fields:  # another trust: its reference comes with it
            update = lambda a: self.db.load_assessment(self.assessment_id)  # noqa: E731
        else:
            update = lambda a: snapshot.with_details(a, **fields)  # noqa: E731
        return self._write("details", ",".join(fields), write, update, tuple(sorted(fields)))

    def set_trust_reference(self, ref: TrustReference) -> bool:
        trust = self.assessment.trust.name
        return self._write(
            "trust_reference", ref.referent,
            lambda: self.db.set_trust_reference(trust, ref),
            lambda a: snapshot.with_reference(a, ref),
        )  # fmt: skip

    def change_questionnaire(self, q: Questionnaire) -> bool:
        """Only while nothing is answered: the assessment is stored again on `q`."""
        if self.has_answers():
            return False
        a = self.assessment.with_changes(
            questionnaire_id=q.id, questionnaire_version=q.version, referents=(),
            answers=(), referent_notes=(), targets=(), due_diligence=())  # fmt: skip

        def write():
            self.db.replace_assessment(self.assessment_id, a, q)
            self.questionnaire = q

        return self._write("questionnaire", q.id, write, lambda _: a)

    def _write(self, what: str, key: str, write: Callable[[], None],
               update: Callable[[Assessment], Assessment], fields: tuple = ()) -> bool:  # fmt: skip
        """Store one change. A refused change is kept and tried again before the next one
        (older first, so newer values win), and "All changes saved" waits for it."""
        if self.assessment is None:
            return False
        self._retry()
        if self._attempt(what, key, write, update):
            return True
        self._failed[(what, key, fields)] = (what, key, write, update)
        return False

    def _retry(self) -> None:
        for attempt, args in list(self._failed.items()):
            if self._attempt(*args):
                del self._failed[attempt]

    def _attempt(self, what: str, key: str, write, update) -> bool:
        try:
            write()
            self.assessment = update(self.assessment)
        except UserError as e:
            self.saveFailed.emit(str(e))
            return False
        if what in PLACEMENT_CHANGES:
            self._placement = None
        self.changed.emit(what, key)
        self.saved.emit()
        return True

    def has_failed_writes(self) -> bool:
        return bool(self._failed)


def _given(**values) -> tuple[str, ...]:
    """Which fields a change sets: changes to different fields are retried separately."""
    return tuple(name for name, value in values.items() if value is not UNSET)
