"""One page per chosen area: practice questions and purpose questions in two sections, the
trust's reference for the area beside them, a small plane whose point moves as answers
change, and the assessor's confidence and notes for the area.

A page is built in two parts so that moving to it is quick: what fills the window at first
(the heading, the first questions, the reference and the plane) when it is made, and the
rest a few questions at a time once it is shown, each slice short enough that a key press
is never kept waiting (`SLICE_S`). The rest takes its place in the tab order as it comes.
Anything that needs every question (`questions`, `focus_question`) builds the rest first.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from html import escape

from PySide6.QtCore import QEvent, QSignalBlocker, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ddwizard.core.assessment import Confidence
from ddwizard.core.changes import (
    AnswerChosen,
    AnswerCleared,
    AreasSelected,
    Change,
    ConfidenceSet,
    ReferentNoted,
)
from ddwizard.core.placement import Placement, ReferentPlacement
from ddwizard.core.plane import build_scene
from ddwizard.core.questionnaire import Axis, Referent
from ddwizard.ui import theme
from ddwizard.ui.fields import TextBinding, text_box
from ddwizard.ui.pages.base import MARGIN, Page, Scrolling, card, em, heading, named, section
from ddwizard.ui.pages.question import QuestionBox
from ddwizard.ui.plane_view import PlaneView
from ddwizard.ui.readonly import lock
from ddwizard.ui.widgets import one_tab_stop
from ddwizard.ui.words import position_words

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
SLICE_S = 0.012  # the longest a slice of the rest of the page takes to build
FIRST_FRAME_MS = 100  # the rest is built after the first frame, or this long after showing
QUESTION_LINES = 22  # about how tall a question is, in lines of text, to fill the window
CONFIDENCE = [
    ("Not set", None),
    ("Low", Confidence.LOW),
    ("Medium", Confidence.MEDIUM),
    ("High", Confidence.HIGH),
]


class AreaPage(Page):
    name, per_area = "area", True  # one step per chosen area, titled with the area's title

    @classmethod
    def create(cls, model, step, *, dialogs=None, height: int = 0) -> AreaPage:
        return cls(model, model.questionnaire.referent(step.referent), fill=height)

    def __init__(
        self, model, referent: Referent, parent: QWidget | None = None, fill: int | None = None
    ) -> None:
        """`fill`: the height the page will be shown at (else the screen's)."""
        super().__init__(model, parent)
        self.referent = referent
        self.title = referent.title
        self._ids = {q.id for q in referent.questions}
        self._boxes: dict[str, QuestionBox] = {}
        self.side: QWidget | None = None  # the reference and the plane (see _aside)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.scroll = Scrolling(self, max_em=52)
        self._rest = self._parts(self.scroll.body)
        self._build_first(fill or self.screen().availableGeometry().height())
        row.addWidget(self.scroll, 1)
        row.addWidget(self._aside())
        model.changed.connect(self._on_changed)

    @property
    def questions(self) -> dict[str, QuestionBox]:
        """Every question's box, in order (the page is finished first if need be)."""
        self.build_rest()
        return self._boxes

    # --- building ----------------------------------------------------------------------------

    def _parts(self, body: QVBoxLayout) -> list[Callable[[], None]]:
        """The page from top to bottom, as steps that each add one part to `body`."""
        r = self.referent
        parts = [
            lambda: body.addWidget(heading(r.title, r.description, kicker=r.group)),
            lambda: body.addWidget(theme.label(KEYS_HINT, "muted")),
        ]
        number = 1
        for axis, title, intro in (
            (Axis.PRACTICE, "Practice", PRACTICE_INTRO),
            (Axis.PURPOSE, "Purpose", PURPOSE_INTRO),
        ):
            parts.append(lambda title=title, intro=intro: self._add(section(title, intro)))
            for question in r.on_axis(axis):
                parts.append(lambda q=question, n=number: self._add_question(q, n))
                number += 1
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

    def _build_first(self, height: int) -> None:
        """The heading and as many questions as fill `height`; the rest once shown."""
        lines = height / max(1, self.fontMetrics().lineSpacing())
        wanted = max(1, math.ceil(lines / QUESTION_LINES))
        self._last_made: QWidget | None = None  # see _chain
        self._slicing = False
        while self._rest and len(self._boxes) < wanted:
            self._rest.pop(0)()
        self.scroll.finish()
        if self._rest:
            self.scroll.viewport().installEventFilter(self)
        if self._boxes:  # made in tab order so far; from here on, chained explicitly
            self._last_made = list(self._boxes.values())[-1].controls()[-1]

    def _add(self, widget: QWidget) -> None:
        body = self.scroll.body
        if self.scroll.finished:  # above the reference when it is below, else the stretch
            side = body.indexOf(self.side) if self.side is not None else -1
            body.insertWidget(side if side >= 0 else body.count() - 1, widget)
        else:
            body.addWidget(widget)

    def _chain(self, controls: list[QWidget]) -> None:
        """Put controls made after the first part in the tab order, after those before."""
        if self._last_made is None:
            return
        for control in controls:
            QWidget.setTabOrder(self._last_made, control)
            self._last_made = control

    def _add_question(self, question, number: int) -> None:
        box = QuestionBox(question, number, self.model)
        box.answeredByKey.connect(self._answered_by_key)
        self._boxes[question.id] = box
        self._add(box)
        if self.model.is_open():
            box.load(self.model.assessment.answer(question.id))
        if self.locked:  # built after the page was locked: locked as it comes
            lock(box, True)
        self._chain(box.controls())

    def _add_view(self) -> None:
        r = self.referent
        row = self._confidence()
        holder = QWidget()
        holder.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        self._add(holder)
        self.note = text_box(f"Notes on {r.title}", "Notes on this area (optional)", lines=4)
        self._add(self.note)
        self._note = TextBinding(
            self.note, self.model, lambda t: self.model.apply(ReferentNoted(r.id, t))
        )
        self._chain([*self.confidence.buttons(), self.note])
        if self.model.is_open():
            self._load_view()
        if self.locked:
            lock(holder, True)
            self.note.setReadOnly(True)

    def _slice(self) -> None:
        """Build the next parts of the page, for at most SLICE_S; again later if need be."""
        self._slicing = False
        if not self.isVisible():  # moved on before it was done: carry on when shown again
            return
        end = time.perf_counter() + SLICE_S
        while self._rest and time.perf_counter() < end:
            self._rest.pop(0)()
        if self._rest:
            self._slice_soon()
        else:
            self.scroll.viewport().removeEventFilter(self)

    def _slice_soon(self) -> None:
        if self._rest and not self._slicing:
            self._slicing = True
            QTimer.singleShot(0, self, self._slice)

    def build_rest(self) -> None:
        """Build whatever of the page is still to come, now."""
        while self._rest:
            self._rest.pop(0)()
        self.scroll.viewport().removeEventFilter(self)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._rest:  # after the page's first frame (see eventFilter), or soon at most
            QTimer.singleShot(FIRST_FRAME_MS, self, self._slice_soon)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and self._rest:
            self._slice_soon()  # the questions are on screen: build the rest
        return False

    def _confidence(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(theme.label("Confidence:", wrap=False))
        self.confidence = QButtonGroup(self)
        for i, (text, _) in enumerate(CONFIDENCE):
            radio = QRadioButton(text)
            named(radio, f"{text} confidence", f"How sure you are of {self.referent.title}")
            self.confidence.addButton(radio, i)
            row.addWidget(radio)
        row.addStretch(1)
        self.confidence.idToggled.connect(self._save_confidence)
        one_tab_stop(self.confidence)
        return row

    def _aside(self) -> QWidget:
        """The trust's reference and the plane: a column on the right when the window is
        wide, or below the questions when it is narrow (large text, small screens)."""
        self.side = QWidget()
        column = QVBoxLayout(self.side)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        frame, layout = card("aside")
        layout.addWidget(theme.label("The trust's reference", size=1.1, bold=True))
        self.reference = theme.label("")
        self.reference.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.reference)
        column.addWidget(frame)
        frame, layout = card("aside")
        layout.addWidget(theme.label("Where this area sits", size=1.1, bold=True))
        self.plane = PlaneView(frame)  # the plane colleague's widget, in its small form
        self.plane.set_compact(True)
        self.plane.setAccessibleName(f"Where {self.referent.title} sits on the plane")
        self.plane.setMinimumHeight(22 * em(self))
        self.plane.setMaximumHeight(28 * em(self))
        layout.addWidget(self.plane)
        self.position = theme.label("")
        layout.addWidget(self.position)
        column.addWidget(frame)
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
            self._load_view()
        self._show_reference()
        self._show_position()

    def _load_view(self) -> None:
        note = self.model.assessment.note_for(self.referent.id)
        with QSignalBlocker(self.confidence):
            level = note.confidence if note else None
            index = [c for _, c in CONFIDENCE].index(level)
            self.confidence.button(index).setChecked(True)
        self._note.set_text(note.note if note else "")

    def first_field(self) -> QWidget | None:
        """The first question without an answer (else the first question): its chosen
        option, or its first."""
        chosen = self.model.assessment.chosen()
        ids = [q.id for q in self.referent.questions]
        qid = next((i for i in ids if i not in chosen), ids[0] if ids else None)
        if qid is None:
            return super().first_field()
        box = self.questions[qid] if qid not in self._boxes else self._boxes[qid]
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
        a = self.model.assessment
        ref = a.trust.reference_for(self.referent.id)
        trust = a.trust.name or "the trust"
        if ref is None or not (ref.practice or ref.purpose):
            self.reference.setText(
                escape(
                    f"{trust[0].upper()}{trust[1:]} has not written its "
                    "reference for this area yet (see the Trust "
                    "reference step)."
                )
            )
            return
        self.reference.setText(
            f"<p><b>What {escape(trust)} does</b><br>{_html(ref.practice)}</p>"
            f"<p><b>What it does it for</b><br>{_html(ref.purpose)}</p>"
        )

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
        if rp is None:  # the area is no longer chosen
            self.position.setText("This area is not among those chosen for this school.")
            return
        self.position.setText(position_words(rp))
        self.plane.set_scene(_scene(rp, self.model))

    def _save_confidence(self, index: int, checked: bool) -> None:
        if checked:
            self.model.apply(ConfidenceSet(self.referent.id, CONFIDENCE[index][1]))


def _html(text: str) -> str:
    return escape(text).replace("\n", "<br>") if text else "<i>not written yet</i>"


def _scene(rp: ReferentPlacement, model):
    """This area alone on the plane, with its target and route when it has one."""
    target = model.assessment.target_for(rp.referent.id)
    only = Placement(referents=(rp,), overall=rp.position)
    return build_scene(only, targets=[target] if target else [], only=[rp.referent.id])
