"""One question on an area page: its text, its help (where to look included), every option
as a radio button with its full label, a note, and the evidence sources.

Keys 1 to 9 choose an option while the focus is anywhere in the question except the note
(where digits are typed); Delete or Backspace on an option clears the answer.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ddwizard.core.assessment import Answer, AnswerFlag
from ddwizard.core.changes import (
    AnswerChosen,
    AnswerCleared,
    AnswerFlagsSet,
    AnswerNoted,
    EvidenceSet,
)
from ddwizard.core.questionnaire import EVIDENCE_LABELS, EVIDENCE_SOURCES, Question
from ddwizard.ui import theme
from ddwizard.ui.fields import TextBinding, text_box
from ddwizard.ui.pages.base import named
from ddwizard.ui.widgets import FlowLayout, RovingFocus, WrapRadio, one_tab_stop


def where_to_look(question: Question) -> str:
    if not question.evidence:
        return ""
    return ", ".join(EVIDENCE_LABELS.get(e, e).lower() for e in question.evidence) + "."


def help_html(question: Question) -> str:
    """The question's help, then where to look on a line of its own."""
    parts = [escape(question.help)] if question.help else []
    if question.evidence:
        parts.append(f"<b>Where to look:</b> {escape(where_to_look(question))}")
    return "<br>".join(parts)


FLAG_LABELS = {
    AnswerFlag.BELOW_MINIMUM: "Below a legal or safety minimum",
    AnswerFlag.SOURCES_DISAGREE: "Sources disagree",
}
FINDING_WORDS = (
    "A due-diligence finding, not a difference from the trust: listed on the Due diligence "
    "step under \u201cFound in the areas\u201d, and in the brief with the findings."
)
WHEN_WORDS = {
    "before": "before the visit, from documents",
    "visit": "on the visit",
    "after": "after the visit",
}


def about_line(question: Question, phase: str | None) -> str:
    """ "Core question, on the visit", and whether the school's phase leaves it out."""
    from ddwizard.core.asked import a_school, out_of_phase, phases_words

    words = ["Core question" if question.core else ""]
    if question.when:
        words.append(f"answered {WHEN_WORDS.get(question.when, question.when)}")
    line = ", ".join(w for w in words if w)
    if out_of_phase(question, phase):
        line += (
            f"{'. ' if line else ''}Not asked of {a_school(phase)} (only of "
            f"{phases_words(question.phases)}): shown because something is recorded on it"
        )
    return line[:1].upper() + line[1:] + ("." if line else "")


class QuestionBox(theme.Panel):
    """Writes through the model the moment an option, a source or (debounced) the note changes."""

    chosen = Signal(str)  # option key ("" when cleared)
    answeredByKey = Signal()  # an option chosen with keys 1 to 9

    def __init__(
        self,
        question: Question,
        number: int,
        model,
        parent: QWidget | None = None,
        phase: str | None = None,
    ) -> None:
        """`phase`: the school's (see core.asked), to say when it leaves the question out."""
        super().__init__("card", parent)
        self.question, self.model = question, model
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 14)
        layout.setSpacing(6)
        about = about_line(question, phase)
        if about:
            self.about = theme.label(about, "muted")
            layout.addWidget(self.about)
        self.title = theme.label("", bold=True)
        layout.addWidget(self.title)
        self._add_help(layout)
        self.group = QButtonGroup(self)
        self.radios: list[WrapRadio] = []
        layout.addLayout(self._options())
        self.note = text_box("", "Note: what you saw, heard or read (optional)", lines=2)
        self.note.setAccessibleDescription(question.text)
        layout.addWidget(self.note)
        self.set_number(number)
        layout.addLayout(self._evidence())
        layout.addLayout(self._flags())
        self.finding_words = theme.label(FINDING_WORDS, "help")
        self.finding_words.hide()
        layout.addWidget(self.finding_words)
        self._note = TextBinding(self.note, model, self._save_note)

    def _add_help(self, layout: QVBoxLayout) -> None:
        text = help_html(self.question)
        if text:
            self.help = theme.label(text, "help")
            self.help.setTextFormat(Qt.TextFormat.RichText)
            layout.addWidget(self.help)

    def set_number(self, number: int) -> None:
        """Its number among the questions shown (the core set, or all of them)."""
        self.number = number
        self.title.setText(f"{number}. {self.question.text}")
        self.note.setAccessibleName(f"Note on question {number}")

    def _options(self) -> QVBoxLayout:
        """The options in the file's order, the uncounted ones ("don't know yet") after a
        rule, and "the trust has no set way here" set apart again: an answer of its own,
        neither a place on the scale nor "don't know"."""
        self.choices = column = QVBoxLayout()
        column.setContentsMargins(0, 4, 0, 4)
        column.setSpacing(4)
        counted = True
        for i, option in enumerate(self.question.options):
            if option.trust_open or (counted and option.score is None):
                column.addWidget(_rule())
            counted = counted and option.score is not None
            radio = WrapRadio(option.label, str(i + 1) if i < 9 else "", hint=option.hint)
            answer_to = f"Answer to: {self.question.text}"
            named(radio, radio.shown_text(), f"{option.hint} {answer_to}".strip())
            radio.setToolTip(f"Press {i + 1} to choose" if i < 9 else "")
            self.group.addButton(radio, i)
            self.radios.append(radio)
            column.addWidget(radio)
            if option.trust_open and i + 1 < len(self.question.options):
                column.addWidget(_rule())
        self.group.idToggled.connect(self._toggled)
        one_tab_stop(self.group)  # Tab goes on to the next part; arrows between options
        row = QHBoxLayout()
        self.clear = QPushButton("Clear answer")
        self.clear.setFlat(True)
        named(self.clear, "Clear answer", self.question.text)
        self.clear.clicked.connect(self.clear_answer)
        row.addWidget(self.clear)
        row.addStretch(1)
        column.addLayout(row)
        return column

    def _evidence(self) -> FlowLayout:
        """The sources, onto a second line when narrow; one Tab stop, arrows between them."""
        row = FlowLayout(spacing=14)
        row.addWidget(theme.label("Evidence from:", "muted", wrap=False))
        self.sources: dict[str, QCheckBox] = {}
        for source in EVIDENCE_SOURCES:
            box = QCheckBox(EVIDENCE_LABELS[source])
            named(box, f"{EVIDENCE_LABELS[source]}: evidence from here", self.question.text)
            box.toggled.connect(self._save_evidence)
            self.sources[source] = box
            row.addWidget(box)
        self._roving = RovingFocus(list(self.sources.values()), self)
        return row

    def _flags(self) -> FlowLayout:
        """Below a legal or safety minimum (a due-diligence finding, not a difference from
        the trust), and sources that disagree; one Tab stop, arrows between them."""
        row = FlowLayout(spacing=14)
        row.addWidget(theme.label("Flags:", "muted", wrap=False))
        self.flags: dict[AnswerFlag, QCheckBox] = {}
        for flag, text in FLAG_LABELS.items():
            box = QCheckBox(text)
            named(box, text, self.question.text)
            box.toggled.connect(self._save_flags)
            self.flags[flag] = box
            row.addWidget(box)
        self._flag_focus = RovingFocus(list(self.flags.values()), self)
        return row

    def controls(self) -> list[QWidget]:
        """Its controls in tab order."""
        return [*self.radios, self.clear, self.note, *self.sources.values(), *self.flags.values()]

    # --- load and save -----------------------------------------------------------------------

    def load(self, answer: Answer | None) -> None:
        answer = answer or Answer(self.question.id)
        with QSignalBlocker(self.group):
            self._check(self._index(answer.option))
        for source, box in self.sources.items():
            with QSignalBlocker(box):
                box.setChecked(source in answer.evidence)
        for flag, box in self.flags.items():
            with QSignalBlocker(box):
                box.setChecked(answer.flagged(flag))
        self.finding_words.setVisible(answer.flagged(AnswerFlag.BELOW_MINIMUM))
        self._note.set_text(answer.note)
        self.clear.setEnabled(answer.option is not None)

    def choose(self, index: int) -> None:
        if 0 <= index < len(self.radios) and self.radios[index].isEnabled():  # not when final
            self.radios[index].setChecked(True)  # the group's signal saves it
            self.radios[index].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def clear_answer(self) -> None:
        if self.model.apply(AnswerCleared(self.question.id)):
            with QSignalBlocker(self.group):
                self._check(None)
            self.clear.setEnabled(False)
            self.chosen.emit("")

    def selected(self) -> str | None:
        index = self.group.checkedId()
        return None if index < 0 else self.question.options[index].key

    def _index(self, key: str | None) -> int | None:
        keys = [o.key for o in self.question.options]
        return keys.index(key) if key in keys else None

    def _check(self, index: int | None) -> None:
        self.group.setExclusive(False)
        for i, radio in enumerate(self.radios):
            radio.setChecked(i == index)
        self.group.setExclusive(True)

    def _toggled(self, index: int, checked: bool) -> None:
        if not checked:
            return
        key = self.question.options[index].key
        if self.model.apply(AnswerChosen(self.question.id, key)):
            self.clear.setEnabled(True)
            self.chosen.emit(key)

    def _save_note(self, text: str) -> bool:
        return self.model.apply(AnswerNoted(self.question.id, text))

    def _save_evidence(self, *_) -> None:
        chosen = tuple(s for s, box in self.sources.items() if box.isChecked())
        self.model.apply(EvidenceSet(self.question.id, chosen))

    def _save_flags(self, *_) -> None:
        chosen = tuple(flag for flag, box in self.flags.items() if box.isChecked())
        self.finding_words.setVisible(AnswerFlag.BELOW_MINIMUM in chosen)
        self.model.apply(AnswerFlagsSet(self.question.id, chosen))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if plain and Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            if key - Qt.Key.Key_1 < len(self.radios):
                self.choose(key - Qt.Key.Key_1)
                self.answeredByKey.emit()
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.focusWidget() in self.radios:
            self.clear_answer()
            return
        super().keyPressEvent(event)


def _rule() -> QFrame:
    """A thin line between kinds of answer."""
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line
