"""What the open assessment asks of its school, for the model (`ui.model`): the areas and
questions for the school's phase (`core.asked`), and whether the pages show every question
or the core set for a first visit. Which of the two is remembered per assessment, on this
computer (it is a way of working through the questions, not part of the assessment)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ddwizard.lazy import lazy_module

changes = lazy_module("ddwizard.core.changes")

if TYPE_CHECKING:
    from ddwizard.core.assessment import Assessment
    from ddwizard.core.changes import Change
    from ddwizard.core.questionnaire import Questionnaire, Referent


class AskedView:
    """Mixed into the model, which holds `questionnaire`, `assessment`, `_asked`,
    `_show_all`, `_placement` and the signals `shownChanged` and `askedChanged`."""

    @property
    def asked(self) -> Questionnaire:
        """The questionnaire as asked of this school: its phase's areas and questions, and
        any other with something recorded on it (`core.asked.for_school`)."""
        if self._asked is None:
            from ddwizard.core.asked import for_school

            self._asked = for_school(self.questionnaire, self.assessment)
        return self._asked

    def referent(self, referent_id: str) -> Referent | None:
        """An area as asked of this school (its phase's questions)."""
        return self.asked.referent(referent_id) or self.questionnaire.referent(referent_id)

    def progress(self, referent: Referent) -> tuple[int, int]:
        """(questions answered, questions shown) for one area: its core set while only that
        is shown; "don't know yet" counts as answered."""
        chosen = self.assessment.chosen()
        shown = self.shown_questions(referent)
        return sum(1 for q in shown if q.option(chosen.get(q.id, "")) is not None), len(shown)

    def progress_words(self, referent: Referent) -> str:
        """ "3 of 5 core questions answered", or "3 of 7 questions answered"."""
        answered, total = self.progress(referent)
        core = "core " if self.core_only() and any(q.core for q in referent.questions) else ""
        return f"{answered} of {total} {core}question{'' if total == 1 else 's'} answered"

    def offers_core(self) -> bool:
        """Whether the questionnaire marks a core set to show on its own."""
        from ddwizard.core.asked import has_core

        return self.questionnaire is not None and has_core(self.questionnaire)

    def core_only(self) -> bool:
        return self.offers_core() and not self._show_all

    def shows_all(self) -> bool:
        return not self.core_only()

    def shown_questions(self, referent: Referent) -> tuple:
        """An area's questions as the pages show them now: its core set, or all of them."""
        from ddwizard.core.asked import core_of

        referent = self.referent(referent.id) or referent
        return core_of(referent) if self.core_only() else referent.questions

    def set_show_all(self, show_all: bool) -> None:
        """Show every question (True) or the core set only; remembered for this assessment."""
        if self.assessment is None or show_all == self._show_all:
            return
        from ddwizard.ui.settings import write

        self._show_all = show_all
        write(self._show_all_key(), "true" if show_all else "false")
        self.shownChanged.emit(show_all)

    def _show_all_key(self) -> str:
        return f"questions_shown/{self.assessment.uid}"

    def _remembered_show_all(self) -> bool:
        """As last chosen for this assessment; else the core set for a first visit (nothing
        recorded outside it yet), and every question otherwise."""
        from ddwizard.core.asked import starts_with_core
        from ddwizard.ui.settings import settings

        said = settings().value(self._show_all_key())
        if said is not None:
            return str(said).lower() == "true"
        return not starts_with_core(self.questionnaire, self.assessment)

    def _asked_moved(self, change: Change, before: Assessment) -> bool:
        """Forget what is asked of the school when its phase or the questionnaire changed;
        True when that may change which areas and questions are shown."""
        if isinstance(change, changes.QuestionnaireSwitched) or (
            isinstance(change, changes.SchoolSet) and change.school.phase != before.school.phase
        ):
            self._asked = self._placement = None
            return True
        return False
