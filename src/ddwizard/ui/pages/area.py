"""One page per chosen area: practice questions and purpose questions in two sections, the
trust's reference for the area beside them, a small plane whose point moves as answers
change, and the assessor's confidence and notes for the area. A first visit shows the
core set only, with every question a click (or Ctrl+Shift+A) away (`model.set_show_all`).

A page is built in parts so that moving to it is quick (see `SlicedPage`): what fills the
window at first (the heading, the first questions, the reference and the plane) when it is
made, and the rest once it is shown. The focus going to a question further down builds the
page down to it first; anything that needs every question (`questions`, `focus_question`)
builds the rest.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ddwizard.core.asked import a_school, out_of_phase, phases_words, recorded, school_phase
from ddwizard.core.changes import (
    AnswerChosen,
    AnswerCleared,
    AreasSelected,
    Change,
)
from ddwizard.core.questionnaire import Axis, Referent
from ddwizard.ui import theme
from ddwizard.ui.pages.area_aside import AreaAside
from ddwizard.ui.pages.area_view import CONFIDENCE, AreaView  # noqa: F401 - named here too
from ddwizard.ui.pages.base import MARGIN, Scrolling, em, heading, named, section
from ddwizard.ui.pages.question import QuestionBox
from ddwizard.ui.pages.sliced import SlicedPage
from ddwizard.ui.readonly import keep_working, lock

PRACTICE_INTRO = (
    "How far are the school's knowledge and ways of working in this area the trust's own? "
    "Answers here move the point up (like the trust's practice) or down (other practices)."
)
PURPOSE_INTRO = (
    "How far are those practices aimed at what the trust does them for, stated or lived? "
    "Answers here move the point right (the trust's purpose) or left (other purposes)."
)
KEYS_HINT = "Keys 1 to 9 choose an option in the question you are in. Everything saves as you go."
QUESTIONS_EM, ASIDE_EM = 44, 26  # below both side by side, the reference goes on top


class AreaPage(SlicedPage):
    name = "area"  # one step per chosen area (ui/pages/table.py)

    @classmethod
    def create(cls, model, step, *, dialogs=None, height: int = 0, width: int = 0) -> AreaPage:
        return cls(model, model.referent(step.referent), fill=QSize(width, height))

    def __init__(
        self, model, referent: Referent, parent: QWidget | None = None, fill: QSize | None = None
    ) -> None:
        """`referent`: the area as asked of this school (`model.referent`); `fill`: the
        size the page will be shown at (else the screen's)."""
        super().__init__(model, parent)
        self.referent = referent
        self._ids = {q.id for q in referent.questions}
        self._boxes: dict[str, QuestionBox] = {}
        self._phase = school_phase(model.assessment) if model.is_open() else None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.scroll = Scrolling(self, max_em=52)
        if fill is None or fill.isEmpty():
            fill = self.screen().availableGeometry().size()
        self.build_first(self._parts(self.scroll.body), fill, self._column_width(fill.width()))
        if self._boxes:  # made in tab order so far; from here on, chained explicitly
            self._last_made = list(self._boxes.values())[-1].controls()[-1]
        row.addWidget(self.scroll, 1)
        row.addWidget(self._aside())
        model.changed.connect(self._on_changed)
        model.shownChanged.connect(self._shown_changed)

    @property
    def title(self) -> str:
        return self.referent.title

    @property
    def questions(self) -> dict[str, QuestionBox]:
        """The boxes of the questions shown (the core set, or all), in order; the page is
        finished first if need be."""
        self.build_rest()
        return {qid: box for qid, box in self._boxes.items() if self._shows(qid)}

    def _shows(self, question_id: str) -> bool:
        return question_id in self._shown

    @property
    def _shown(self) -> set[str]:
        return {q.id for q in self.model.shown_questions(self.referent)}

    # --- building ----------------------------------------------------------------------------

    def _parts(self, body: QVBoxLayout) -> list[Callable[[], None]]:
        """The page from top to bottom, as steps that each add one part to `body`."""
        r = self.referent
        parts = [
            lambda: body.addWidget(heading(r.title, r.description, kicker=r.group)),
            self._add_phase_note,
            self._add_shown_bar,
            lambda: body.addWidget(theme.label(KEYS_HINT, "muted")),
        ]
        for axis, title, intro in (
            (Axis.PRACTICE, "Practice", PRACTICE_INTRO),
            (Axis.PURPOSE, "Purpose", PURPOSE_INTRO),
        ):
            parts.append(lambda title=title, intro=intro: self._add(section(title, intro)))
            parts += [lambda q=question: self._add_question(q) for question in r.on_axis(axis)]
        parts += [
            lambda: self._add(
                section(
                    "Your view of this area",
                    "How sure you are of these answers, and anything to remember.",
                )
            ),
            self._add_view,
        ]
        return parts

    def _add_phase_note(self) -> None:
        """An area the school's phase leaves out is shown only when something is recorded
        in it: say so, rather than hide those answers."""
        whole = self.model.questionnaire.referent(self.referent.id)
        if whole is not None and out_of_phase(whole, self._phase):
            self.scroll.body.addWidget(
                theme.label(
                    f"This area is not asked of {a_school(self._phase)} (only of "
                    f"{phases_words(whole.phases)}). It is shown because answers are "
                    "recorded in it.",
                    "help",
                )
            )

    def _add_shown_bar(self) -> None:
        """How many questions are shown and answered, and the switch between the core set
        and every question (also Go > Show all questions, Ctrl+Shift+A)."""
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12)
        self.shown_words = theme.label("", "muted")
        self.show_all = keep_working(QPushButton())  # a way of looking: works when final
        self.show_all.clicked.connect(self._toggle_all)
        row.addWidget(self.shown_words, 1)
        row.addWidget(self.show_all, 0, Qt.AlignmentFlag.AlignTop)
        self.scroll.body.addWidget(holder)
        holder.setVisible(self.model.offers_core())  # in the page first: never a window
        self._show_shown()

    def _show_shown(self) -> None:
        if not hasattr(self, "shown_words") or not self.model.is_open():
            return
        all_ids = [q.id for q in self.referent.questions]
        hidden = [qid for qid in all_ids if not self._shows(qid)]
        words = f"{self.model.progress_words(self.referent)}."
        if hidden:
            noted = sum(recorded(self.model.assessment.answer(qid)) for qid in hidden)
            words += (
                f" Showing the core set for a first visit; {len(hidden)} more "
                f"question{'s' if len(hidden) > 1 else ''} in this area not shown"
                + (f", {noted} of them with answers or notes." if noted else ".")
            )
        self.shown_words.setText(words)
        text = "Show the core set only" if self.model.shows_all() else "Show all questions"
        self.show_all.setText(text)
        named(self.show_all, text, "Ctrl+Shift+A")

    def _toggle_all(self) -> None:
        self.model.set_show_all(not self.model.shows_all())

    def _shown_changed(self, _show_all: bool) -> None:
        """The core set or every question: show those, numbered in order, keeping the focus
        on the switch when it was on a question now hidden."""
        focus = self.focusWidget()
        for box in self._boxes.values():
            box.setVisible(self._shows(box.question.id))
        for _ in range(3):  # laid out now, so a question just shown can be scrolled to
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self._renumber()
        self._show_shown()
        self._show_position()
        if focus is not None and not focus.isVisibleTo(self):
            self.show_all.setFocus(Qt.FocusReason.OtherFocusReason)

    def _renumber(self) -> None:
        shown = [b for qid, b in self._boxes.items() if self._shows(qid)]
        for n, box in enumerate(shown, start=1):
            box.set_number(n)

    def _column_width(self, page_width: int) -> int:
        """The width the questions will have on a page `page_width` wide (see Scrolling,
        and resizeEvent for where the reference goes)."""
        if page_width >= (QUESTIONS_EM + ASIDE_EM) * em(self):
            page_width -= ASIDE_EM * em(self) + 2 * MARGIN
        room = page_width - self.scroll.verticalScrollBar().sizeHint().width() - 2 * MARGIN
        return min(room, self.scroll.body.parentWidget().maximumWidth())

    def _build_to(self, question_id: str) -> None:
        """Build the page down to a question, and a window's height below it."""
        if question_id not in self._boxes:
            self.build_while(lambda: question_id not in self._boxes)
            self.build_window_below()
            self.lay_out()

    def _add(self, widget: QWidget, shown: bool = True) -> None:
        body = self.scroll.body
        if self.scroll.finished:  # above the reference when it is below, else the stretch
            side = body.indexOf(self.side) if self.side is not None else -1
            body.insertWidget(side if side >= 0 else body.count() - 1, widget)
            # Shown with the page now, not on the event loop's next turn as Qt would: the
            # focus may be going to it.
            widget.setVisible(shown)
        else:
            body.addWidget(widget)

    def _add_question(self, question) -> None:
        number = sum(map(self._shows, self._boxes)) + 1
        box = QuestionBox(question, number, self.model, phase=self._phase)
        box.answeredByKey.connect(self._answered_by_key)
        self._boxes[question.id] = box
        if not self._shows(question.id):
            box.hide()  # hidden before it has a parent (showing one then would make a window)
        self._add(box, self._shows(question.id))
        if self.model.is_open():
            box.load(self.model.assessment.answer(question.id))
        if self.locked:  # built after the page was locked: locked as it comes
            lock(box, True)
        self.chain(box.controls())

    def _add_view(self) -> None:
        self.view = AreaView(self.model, self.referent)
        self.confidence = self.view.confidences[Axis.PRACTICE]  # the first, after the questions
        self.confidences, self.note = self.view.confidences, self.view.note
        self._add(self.view)
        self.chain(self.view.controls())
        if self.model.is_open():
            self.view.load()
        if self.locked:
            lock(self.view, True)

    def _aside(self) -> QWidget:
        """The trust's reference and the plane: a column on the right when the window is
        wide, or below the questions when it is narrow (large text, small screens)."""
        self.side = AreaAside(self.referent.title)
        self.reference, self.plane = self.side.reference, self.side.plane
        self.position = self.side.position
        self.aside = Scrolling(self, max_em=None)
        self.aside.setFixedWidth(ASIDE_EM * em(self) + 2 * MARGIN)
        self.aside.body.addWidget(self.side)
        self.aside.finish()
        self._wide = True
        return self.aside

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """The questions' alone: narrower than the reference beside them, the page puts
        the reference below them (resizeEvent) rather than making the window wider."""
        return self.scroll.minimumSizeHint()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        wide = self.width() >= (QUESTIONS_EM + ASIDE_EM) * em(self)
        if wide != self._wide:
            self._wide = wide
            target = self.aside.body if wide else self.scroll.body
            target.insertWidget(0 if wide else target.count() - 1, self.side)
            self.aside.setVisible(wide)

    # --- load and refresh --------------------------------------------------------------------

    def load(self) -> None:
        a = self.model.assessment
        for qid, box in self._boxes.items():  # those still to come load when made
            box.load(a.answer(qid))
        if not self._rest:
            self.view.load()
        self._show_reference()
        self._show_position()

    def first_field(self) -> QWidget | None:
        """The first question shown without an answer (else the first shown): its chosen
        option, or its first."""
        chosen = self.model.assessment.chosen()
        ids = [q.id for q in self.model.shown_questions(self.referent)]
        qid = next((i for i in ids if i not in chosen), ids[0] if ids else None)
        if qid is None:
            return super().first_field()
        self._build_to(qid)
        box = self._boxes[qid]
        return box.group.checkedButton() or box.radios[0]

    def _answered_by_key(self) -> None:
        from ddwizard.ui.settings import move_on_after_key

        if move_on_after_key():
            self.move_question(+1)

    def move_question(self, delta: int) -> None:
        """To the next (+1) or previous (-1) question, from the one with the focus, without
        answering; past the last question, to the area's confidence."""
        boxes = list(self.questions.values())
        focus = self.focusWidget()
        here = next((i for i, b in enumerate(boxes) if focus and b.isAncestorOf(focus)), None)
        target = (0 if delta > 0 else len(boxes) - 1) if here is None else here + delta
        if 0 <= target < len(boxes):
            self.focus_question(boxes[target].question.id)
        elif target >= len(boxes):
            button = self.confidence.checkedButton() or self.confidence.button(0)
            button.setFocus(Qt.FocusReason.OtherFocusReason)
            self.scroll.ensureWidgetVisible(button, 0, 40)

    def focus_question(self, question_id: str) -> None:
        """To a question, showing every question first when it is outside the core set."""
        if question_id in self._ids and not self._shows(question_id):
            self.model.set_show_all(True)
        box = self.questions.get(question_id)
        if box is None:
            return
        self.scroll.ensureWidgetVisible(box, 0, 40)
        target = box.group.checkedButton() or box.radios[0]
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_changed(self, change: Change) -> None:
        rid = self.referent.id
        mine = isinstance(change, AnswerChosen | AnswerCleared) and change.question in self._ids
        if mine or isinstance(change, AreasSelected) or change.key == ("target", rid):
            self._position_soon()
        elif change.key in (("trust",), ("trust_reference", rid)):  # chosen or renamed
            self._show_reference()

    def _show_reference(self) -> None:
        self.side.show_reference(self.model.assessment, self.referent.id)

    def _position_soon(self) -> None:
        """Show the new position once the change is stored and announced: on the next turn of
        the event loop (before the window is painted), once however many changes came."""
        if not self._position_due:
            self._position_due = True
            QTimer.singleShot(0, self, self._show_position)

    _position_due = False

    def _show_position(self) -> None:
        self._position_due = False
        rp = self.model.referent_placement(self.referent.id)
        self.side.show_position(rp, self.model, self.model.progress_words(self.referent))
        self._show_shown()
