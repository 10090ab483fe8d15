"""The open assessment, as the pages see it. Model announces, widgets listen.

A page writes one change, a value from `ddwizard.core.changes`, through `apply`: storage
stores it (one committed transaction with its audit rows), the same value is applied to the
assessment in memory (no reload per keystroke), and `changed(change)` announces it, typed:
a widget checks the change's type and fields. When storage refuses, `saveFailed(message)`
says why in words and the assessment in memory keeps the last stored value; the widget
keeps what the person typed, so nothing shown is lost and the next edit (or flush) tries
again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ddwizard.core.errors import UserError
from ddwizard.core.statuses import Status
from ddwizard.lazy import lazy_module
from ddwizard.storage import AssessmentInfo, AssessmentReplaced, Database
from ddwizard.ui.model_asked import AskedView

# The model opens assessments; the start screen, shown before any is open, needs none of
# the core's data classes, so these load when an assessment first does.
changes = lazy_module("ddwizard.core.changes")

if TYPE_CHECKING:
    from ddwizard.core.assessment import Assessment
    from ddwizard.core.changes import Change
    from ddwizard.core.placement import Placement, ReferentPlacement
    from ddwizard.core.questionnaire import Questionnaire, Referent


class AssessmentModel(AskedView, QObject):
    loaded = Signal()  # a different assessment (or a fresh copy of it) is now the one in memory
    changed = Signal(object)  # the change (ddwizard.core.changes) just applied
    saved = Signal()
    saveFailed = Signal(str)
    editing = Signal()  # a text field holds an edit not yet written
    flushRequested = Signal()  # text fields: write what you hold now
    reverted = Signal(object)  # a change undo or redo just made (show where it is)
    undoChanged = Signal()  # what undo and redo can do has changed
    notice = Signal(str)  # something the person should know, in words (shown for a while)
    askedChanged = Signal()  # the areas and questions asked of the school (its phase) changed
    shownChanged = Signal(bool)  # all questions shown (True), or the core set only

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.assessment_id: int | None = None
        self.assessment: Assessment | None = None
        self.questionnaire: Questionnaire | None = None
        self._placement: Placement | None = None
        self._asked: Questionnaire | None = None  # as asked of this school (core.asked)
        self._show_all = True
        self._pending: set[int] = set()  # text fields holding an edit not yet written
        self._failed: dict[tuple, Change] = {}  # changes storage refused, by key, to retry
        self._undo: list[Change] = []  # the changes that put back earlier edits, newest last
        self._redo: list[Change] = []

    # --- opening ---------------------------------------------------------------------------

    def open(self, assessment_id: int) -> None:
        """Load an assessment (StorageError propagates: the caller reports it)."""
        self.flush()
        assessment = self.db.load_assessment(assessment_id)
        self._pending.clear()
        self._failed.clear()
        self.questionnaire = self.db.questionnaire_for(assessment_id)
        self.assessment_id, self.assessment = assessment_id, assessment
        self._placement = self._asked = None
        self._show_all = self._remembered_show_all()
        self._forget_undo()
        self.loaded.emit()

    def close(self) -> None:
        self.flush()
        self._pending.clear()
        self._failed.clear()
        self.assessment_id = self.assessment = self.questionnaire = None
        self._placement = self._asked = None
        self._forget_undo()

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
        """The chosen areas asked of this school, as asked of it, in order."""
        from ddwizard.core.asked import of_assessment

        return list(of_assessment(self.asked, self.assessment).referents)

    def placement(self) -> Placement:
        if self._placement is None:
            from ddwizard.core.placement import place_assessment

            self._placement = place_assessment(self.asked, self.assessment)
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
        referent = self.referent(referent_id)
        return place_referent(referent, self.assessment.chosen(), note=note)

    def newer_trust_reference(self):
        """The trust's current reference and its date, when it differs from the copy this
        assessment keeps (None when they agree)."""
        return self.db.newer_trust_reference(self.assessment_id)

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

    def apply(self, change: Change) -> bool:
        """Store one change (a value from `ddwizard.core.changes`), apply the same value to
        the assessment in memory and announce it. A refused change is kept and tried again
        before the next one (older first, so newer values win); "All changes saved" waits
        for it."""
        if self.assessment is None:
            return False
        if isinstance(change, changes.QuestionnaireSwitched) and self.has_answers():
            return False  # only while nothing is answered
        self._retry()
        ok, inverse = self._attempt(change)
        if ok is None:  # replaced from outside and reloaded: nothing to try again
            return False
        if ok:
            self._failed.pop(change.key, None)
            self._remember(inverse)
            return True
        self._failed[change.key] = change
        return False

    def _retry(self) -> None:
        for key, change in list(self._failed.items()):
            ok, inverse = self._attempt(change)
            if ok is None:
                return
            if ok:
                del self._failed[key]
                self._remember(inverse)

    def _attempt(self, change: Change) -> tuple[bool | None, Change | None]:
        """Store and apply one change: (stored?, the change that would put back what it
        replaced, or None when it changed nothing or cannot be put back). Stored? is None
        when the assessment was replaced from outside: it is reloaded, nothing is kept."""
        if isinstance(change, changes.TrustChosen):  # that trust's own reference comes too
            change = changes.TrustChosen(change.name, *self.db.current_trust_reference(change.name))
        before = self.assessment
        try:
            self.db.apply(self.assessment_id, change)
        except AssessmentReplaced as e:
            self._reload_replaced(e)
            return None, None
        except UserError as e:
            self.saveFailed.emit(str(e))
            return False, None
        self.assessment = change.apply(before)
        inverse = _inverse(change, before) if self.assessment != before else None
        if isinstance(change, changes.QuestionnaireSwitched):
            self.questionnaire = change.questionnaire
        if change.moves_placement:
            self._placement = None
        asked_moved = self._asked_moved(change, before)
        self.changed.emit(change)
        if asked_moved:
            self.askedChanged.emit()
        self.saved.emit()
        return True, inverse

    def has_failed_writes(self) -> bool:
        return bool(self._failed)

    def ensure_current(self) -> bool:
        """False, after reloading and saying so, when the open assessment was replaced from
        outside (an import) since it was read: nothing is to be exported from the old copy."""
        try:
            self.db.require_current(self.assessment_id)
        except AssessmentReplaced as e:
            self._reload_replaced(e)
            return False
        return True

    def _reload_replaced(self, e: AssessmentReplaced) -> None:
        """The stored assessment is the one to show: edits to the old copy are dropped."""
        self._failed.clear()
        self._pending.clear()
        self._undo.clear()  # they would put back values of the copy that was replaced
        self._redo.clear()
        self.undoChanged.emit()
        self.assessment = self.db.load_assessment(self.assessment_id)
        self.questionnaire = self.db.questionnaire_for(self.assessment_id)
        self._placement = self._asked = None
        self.loaded.emit()
        self.saveFailed.emit(str(e))

    # --- undo and redo -----------------------------------------------------------------------

    def can_undo(self) -> bool:
        return self.next_undo() is not None

    def can_redo(self) -> bool:
        return self.next_redo() is not None

    def next_undo(self) -> Change | None:
        """The change undo would make now (for the menu's words); None when there is none,
        or when the assessment is final and the change would not reopen it."""
        return self._usable(self._undo)

    def next_redo(self) -> Change | None:
        return self._usable(self._redo)

    def _usable(self, stack: list[Change]) -> Change | None:
        if not stack or self.assessment is None:
            return None
        change = stack[-1]
        final = self.assessment.status == Status.FINAL
        if final and not isinstance(change, changes.StatusSet):
            return None  # a final assessment is read-only; only reopening changes it
        return change

    def undo(self) -> bool:
        """Put back what the latest edit replaced: stored at once and recorded in the
        history, like any edit. Anything typed but not yet stored is stored first."""
        return self._step(self._undo, self._redo)

    def redo(self) -> bool:
        return self._step(self._redo, self._undo)

    def _step(self, source: list[Change], dest: list[Change]) -> bool:
        if self.assessment is None:
            return False
        self.flush()
        if self._usable(source) is None:
            return False
        change = source.pop()
        ok, inverse = self._attempt(change)
        if ok is None:  # replaced from outside: the lists were emptied on reloading
            return False
        if not ok:
            source.append(change)
            return False
        if inverse is not None and inverse is not _CANNOT:
            dest.append(inverse)
        self.reverted.emit(change)
        self.undoChanged.emit()
        return True

    def _remember(self, inverse: Change | None) -> None:
        """A new edit: what puts it back goes on the undo list, and redo starts again.
        A change that cannot be put back (another questionnaire) ends the undo list."""
        if inverse is None:
            return
        if inverse is _CANNOT:
            self._undo.clear()
        else:
            self._undo.append(inverse)
        self._redo.clear()
        self.undoChanged.emit()

    def _forget_undo(self) -> None:
        self._undo.clear()
        self._redo.clear()
        self.undoChanged.emit()


class _Cannot:
    """Marks a change that cannot be undone."""


_CANNOT = _Cannot()


def _inverse(change: Change, before: Assessment):
    try:
        return change.inverse(before)
    except NotImplementedError:
        return _CANNOT
