"""One page per chosen area: practice questions and purpose questions in two sections, the
trust's reference for the area beside them, a small plane whose point moves as answers
change, and the assessor's confidence and notes for the area."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSignalBlocker, Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ddwizard.core.assessment import Confidence
from ddwizard.core.placement import Placement, ReferentPlacement
from ddwizard.core.plane import build_scene
from ddwizard.core.questionnaire import Axis, Referent
from ddwizard.ui import theme
from ddwizard.ui.fields import TextBinding, text_box
from ddwizard.ui.pages.base import MARGIN, Page, Scrolling, card, em, heading, named, section
from ddwizard.ui.pages.question import QuestionBox
from ddwizard.ui.plane_view import PlaneView
from ddwizard.ui.words import position_words

PRACTICE_INTRO = (
    "How far are the school's knowledge and ways of working in this area the trust's own? "
    "Answers here move the point up (like the trust's practice) or down (other practices)."
)
PURPOSE_INTRO = (
    "How far are those practices turned towards the trust's purposes, stated or lived? "
    "Answers here move the point right (the trust's purpose) or left (other purposes)."
)
KEYS_HINT = "Keys 1 to 9 choose an option in the question you are in. Everything saves as you go."
QUESTIONS_EM, ASIDE_EM = 44, 26  # below both side by side, the reference goes on top
CONFIDENCE = [("Not set", None), ("Low", Confidence.LOW), ("Medium", Confidence.MEDIUM),
              ("High", Confidence.HIGH)]  # fmt: skip


class AreaPage(Page):
    def __init__(self, model, referent: Referent, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        self.referent = referent
        self.title = referent.title
        self.questions: dict[str, QuestionBox] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.scroll = Scrolling(self, max_em=52)
        self._build_questions(self.scroll.body)
        row.addWidget(self.scroll, 1)
        row.addWidget(self._aside())
        model.changed.connect(self._on_changed)

    # --- building ----------------------------------------------------------------------------

    def _build_questions(self, body: QVBoxLayout) -> None:
        r = self.referent
        body.addWidget(heading(r.title, r.description, kicker=r.group))
        body.addWidget(theme.label(KEYS_HINT, "muted"))
        number = 1
        for axis, title, intro in ((Axis.PRACTICE, "Practice", PRACTICE_INTRO),
                                   (Axis.PURPOSE, "Purpose", PURPOSE_INTRO)):  # fmt: skip
            body.addWidget(section(title, intro))
            for question in r.on_axis(axis):
                box = QuestionBox(question, number, self.model)
                self.questions[question.id] = box
                body.addWidget(box)
                number += 1
        body.addWidget(
            section(
                "Your view of this area",
                "How sure you are of these answers, and anything to remember.",
            )
        )
        body.addLayout(self._confidence())
        self.note = text_box(f"Notes on {r.title}", "Notes on this area (optional)", lines=4)
        body.addWidget(self.note)
        self._note = TextBinding(
            self.note, self.model, lambda t: self.model.set_referent_note(r.id, note=t)
        )
        self.scroll.finish()

    def _confidence(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(theme.label("Confidence:", wrap=False))
        self.confidence = QButtonGroup(self)
        for i, (text, _) in enumerate(CONFIDENCE):
            radio = QRadioButton(text)
            named(radio, f"Confidence: {text.lower()}", self.referent.title)
            self.confidence.addButton(radio, i)
            row.addWidget(radio)
        row.addStretch(1)
        self.confidence.idToggled.connect(self._save_confidence)
        return row

    def _aside(self) -> QWidget:
        """The trust's reference and the plane: a column on the right when the window is
        wide, or at the top of the questions when it is narrow (large text, small screens)."""
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

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        wide = self.width() >= (QUESTIONS_EM + ASIDE_EM) * em(self)
        if wide != self._wide:
            self._wide = wide
            target = self.aside.body if wide else self.scroll.body
            target.insertWidget(0 if wide else 1, self.side)
            self.aside.setVisible(wide)

    # --- load and refresh --------------------------------------------------------------------

    def load(self) -> None:
        a = self.model.assessment
        for qid, box in self.questions.items():
            box.load(a.answer(qid))
        note = a.note_for(self.referent.id)
        with QSignalBlocker(self.confidence):
            level = note.confidence if note else None
            index = [c for _, c in CONFIDENCE].index(level)
            self.confidence.button(index).setChecked(True)
        self._note.set_text(note.note if note else "")
        self._show_reference()
        self._show_position()

    def focus_question(self, question_id: str) -> None:
        box = self.questions.get(question_id)
        if box is None:
            return
        self.scroll.ensureWidgetVisible(box, 0, 40)
        target = box.group.checkedButton() or box.radios[0]
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_changed(self, what: str, key: str) -> None:
        mine = what == "answer" and key in self.questions
        if mine or what == "referents" or what == "target" and key == self.referent.id:
            self._position_soon()
        elif what == "trust_reference" and key == self.referent.id or what == "details":
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
            self.model.set_referent_note(self.referent.id, confidence=CONFIDENCE[index][1])


def _html(text: str) -> str:
    return escape(text).replace("\n", "<br>") if text else "<i>not written yet</i>"


def _scene(rp: ReferentPlacement, model):
    """This area alone on the plane, with its target and route when it has one."""
    target = model.assessment.target_for(rp.referent.id)
    only = Placement(referents=(rp,), overall=rp.position)
    return build_scene(only, targets=[target] if target else [], only=[rp.referent.id])
