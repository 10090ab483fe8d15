"""Step 1, About: the school, the trust, who is assessing and when, and the questionnaire."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ddwizard.core.assessment import School, Status
from ddwizard.core.changes import (
    DetailSet,
    QuestionnaireSwitched,
    SchoolSet,
    TrustChosen,
    TrustRenamed,
)
from ddwizard.core.limits import SHORT_MAX
from ddwizard.ui import theme
from ddwizard.ui.dates import far_off, shown
from ddwizard.ui.fields import TextBinding, date_edit, show_date
from ddwizard.ui.pages.base import ScrollPage, em, heading, named, section

PHASES = [
    "Nursery",
    "Primary",
    "Middle",
    "Secondary",
    "All-through",
    "Special",
    "Alternative provision",
    "16 plus",
]

PERSPECTIVES = (  # whose view the assessment gives (core's Perspective; "" not recorded)
    ("Not recorded", ""),
    ("The school's own view", "school"),
    ("The trust's view", "trust"),
    ("Joint: the school and the trust together", "joint"),
    ("Independent", "independent"),
)


class AboutPage(ScrollPage):
    name = "about"  # its row in the wizard's table (ui/pages/table.py)

    @classmethod
    def create(cls, model, step, *, dialogs=None, height: int = 0, width: int = 0) -> AboutPage:
        return cls(model, dialogs=dialogs)

    def __init__(self, model, parent: QWidget | None = None, dialogs=None) -> None:
        super().__init__(model, parent)
        if dialogs is None:
            from ddwizard.ui.dialogs import QtDialogs

            dialogs = QtDialogs(self)
        self.dialogs = dialogs
        self.body.addWidget(
            heading(
                self.title,
                "Which school is being looked at, against which trust, by whom and when. "
                "Everything here is saved as you type.",
            )
        )
        self._make_form()
        self._school_form()
        self._trust_form()
        self._assessment_form()
        self.scroll.finish()

    # --- building ----------------------------------------------------------------------------

    def _form(self, title: str, intro: str = "") -> QFormLayout:
        """The page's one form (so every label lines up), with a heading for a new section."""
        self.form.addRow(section(title, intro))
        return self.form

    def _make_form(self) -> None:
        holder = QWidget()
        holder.setMaximumWidth(44 * em(holder))
        self.form = QFormLayout(holder)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.form.setVerticalSpacing(10)
        self.form.setHorizontalSpacing(16)
        self.body.addWidget(holder)

    def _line(self, form: QFormLayout, label: str, name: str, hint: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(hint)
        named(edit, name)
        form.addRow(label, edit)
        return edit

    def _school_form(self) -> None:
        form = self._form("School")
        self.school_name = self._line(form, "&Name", "School name", "e.g. Hillside Primary")
        self.urn = self._line(form, "&URN", "Unique reference number (URN)", "six digits")
        self.phase = QComboBox(editable=True)
        self.phase.addItems(PHASES)
        named(self.phase, "Phase of education")
        form.addRow("&Phase", self.phase)
        self.local_authority = self._line(form, "&Local authority", "Local authority")
        self._school = [
            TextBinding(w, self.model, self._save_school)
            for w in (self.school_name, self.urn, self.phase, self.local_authority)
        ]

    def _trust_form(self) -> None:
        form = self._form(
            "Trust",
            "The trust the school is looked at against: pick one from the list or type "
            "a new one. Its reference (what it does and why, area by area) is kept with the "
            "trust and shared by every assessment against it. To put right a trust's name, "
            "use Rename trust.",
        )
        self.trust_name = QComboBox(editable=True)
        self.trust_name.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.trust_name.lineEdit().setPlaceholderText("e.g. Riverside Learning Trust")
        self.trust_name.lineEdit().setMaxLength(SHORT_MAX)
        named(self.trust_name, "Trust", "Pick a trust already here, or type a new one")
        self.trust_name.lineEdit().editingFinished.connect(self._trust_entered)
        self.trust_name.activated.connect(lambda _: self._trust_entered())
        self.model.flushRequested.connect(self._trust_entered)  # leaving the step, closing
        self.rename_trust = QPushButton("Rena&me trust…")
        named(self.rename_trust, "Rename trust…", "Renames the trust for every assessment")
        self.rename_trust.clicked.connect(self.rename)
        row = QHBoxLayout()
        row.addWidget(self.trust_name, 1)
        row.addWidget(self.rename_trust)
        label = QLabel("&Trust")
        label.setBuddy(self.trust_name)
        form.addRow(label, row)
        self._asking = False

    def _assessment_form(self) -> None:
        form = self._form("This assessment")
        self.assessor = self._line(form, "&Assessor", "Assessor", "who is assessing")
        self.role = self._line(
            form, "&Role", "Assessor's role", "e.g. Director of school improvement, the trust"
        )
        self.perspective = QComboBox()
        for words, value in PERSPECTIVES:
            self.perspective.addItem(words, value)
        named(self.perspective, "Whose view", "Whose perspective this assessment gives")
        self.perspective.activated.connect(self._perspective_chosen)
        form.addRow("&Whose view", self.perspective)
        self.date = date_edit("Date of the assessment")
        self.date.confirm = self._confirm_far_date
        self.date.dateChanged.connect(lambda iso: self.model.apply(DetailSet("assessed_on", iso)))
        form.addRow("&Date", self.date)
        self.label = self._line(form, "La&bel", "Label", "e.g. Pre-join visit")
        self.questionnaire = QComboBox()
        named(self.questionnaire, "Questionnaire")
        self.questionnaire.activated.connect(self._change_questionnaire)
        form.addRow("&Questionnaire", self.questionnaire)
        self.questionnaire_note = theme.label("", "muted")
        form.addRow("", self.questionnaire_note)
        self._fields = {
            name: TextBinding(field, self.model, lambda t, n=name: self._save_detail(n, t))
            for name, field in (
                ("assessor", self.assessor),
                ("assessor_role", self.role),
                ("label", self.label),
            )
        }

    # --- load and save -----------------------------------------------------------------------

    def load(self) -> None:
        a = self.model.assessment
        for binding, value in zip(
            self._school,
            (a.school.name, a.school.urn, a.school.phase, a.school.local_authority),
            strict=True,
        ):
            binding.set_text(value)
        self._show_trusts()
        self._fields["assessor"].set_text(a.assessor)
        self._fields["assessor_role"].set_text(a.assessor_role)
        self._fields["label"].set_text(a.label)
        with QSignalBlocker(self.perspective):
            self.perspective.setCurrentIndex(self.perspective.findData(str(a.perspective or "")))
        show_date(self.date, a.assessed_on)
        self._load_questionnaires()

    def _load_questionnaires(self) -> None:
        q = self.model.questionnaire
        self.questionnaire.clear()
        for info in self.model.db.questionnaires():
            self.questionnaire.addItem(
                f"{info.title} (version {info.version})", (info.id, info.version)
            )
        current = [self.questionnaire.itemData(i) for i in range(self.questionnaire.count())]
        self.questionnaire.setCurrentIndex(
            current.index((q.id, q.version)) if (q.id, q.version) in current else -1
        )
        fixed = self.model.has_answers()
        self.questionnaire.setEnabled(not fixed)
        self.questionnaire_note.setText(
            "Fixed now that questions have been answered."
            if fixed
            else "Choose before answering: it cannot change once questions are answered."
        )

    # --- the trust: chosen, or renamed -------------------------------------------------------

    def _show_trusts(self) -> None:
        if not self.model.is_open():
            return
        name = self.model.assessment.trust.name
        with QSignalBlocker(self.trust_name):
            self.trust_name.clear()
            self.trust_name.addItems(self.model.trust_names())
            self.trust_name.setCurrentIndex(self.trust_name.findText(name))
            self.trust_name.setEditText(name)
        final = self.model.assessment.status == Status.FINAL  # read-only: see ui/readonly
        self.rename_trust.setEnabled(bool(name) and not final)

    def _trust_entered(self) -> None:
        """A trust picked or typed (Enter, or leaving the field; never halfway through
        typing). A name not yet here asks: a new trust for this assessment, or this
        trust renamed for every assessment against it."""
        if self._asking or not self.model.is_open():
            return
        current = self.model.assessment.trust.name
        name = unicodedata.normalize("NFC", self.trust_name.currentText().strip())
        if not name or name == current:
            self._show_trusts()
            return
        known = {n.casefold(): n for n in self.model.trust_names()}
        if name.casefold() in known or not current:
            self.model.apply(TrustChosen(known.get(name.casefold(), name)))
        else:
            self._asking = True
            try:
                self._new_or_rename(current, name)
            finally:
                self._asking = False
        self._show_trusts()

    def _new_or_rename(self, current: str, name: str) -> None:
        count = self.model.db.trust_use(current)
        them = "this assessment" if count == 1 else f"all {count} assessments"
        choice = self.dialogs.choose(
            "Trust",
            f"“{name}” is not a trust here yet. Is this school now looked at against a "
            f"different trust, or is “{current}” to be renamed “{name}” for {them} "
            "made against it (its reference goes with it)?",
            [f"A different trust: “{name}”", f"Rename “{current}” for {them}"],
        )
        if choice == 0:
            self.model.apply(TrustChosen(name))
        elif choice == 1:
            self.model.apply(TrustRenamed(name))

    def rename(self) -> None:
        """Rename the trust itself: every assessment against it follows."""
        current = self.model.assessment.trust.name
        count = self.model.db.trust_use(current)
        them = "this assessment" if count == 1 else f"all {count} assessments made against it"
        name = self.dialogs.ask_text(
            "Rename trust", f"A new name for “{current}”, for {them}:", current
        )
        name = unicodedata.normalize("NFC", (name or "").strip())[:SHORT_MAX]
        taken = {n.casefold() for n in self.model.trust_names()} - {current.casefold()}
        if name.casefold() in taken:
            self.dialogs.error(
                "Rename trust",
                f"A trust called “{name}” is already here. To look at this school against it, "
                "pick it from the Trust list instead.",
            )
        elif name and name != current:
            self.model.apply(TrustRenamed(name))
        self._show_trusts()
        self.rename_trust.setFocus()

    def _save_detail(self, name: str, text: str) -> bool:
        return self.model.apply(DetailSet(name, text))

    def _perspective_chosen(self, index: int) -> None:
        self.model.apply(DetailSet("perspective", self.perspective.itemData(index)))

    def _confirm_far_date(self, day) -> bool:
        """A visit more than a year from today is more often a slip of the keys: ask."""
        if not far_off(day):
            return True
        return self.dialogs.confirm(
            "Date of the assessment",
            f"{shown(day.isoformat())} is more than a year from today. Keep this date?",
            "Keep this date",
        )

    def _save_school(self, _text: str) -> bool:
        school = School(
            self.school_name.text().strip(),
            self.urn.text().strip(),
            self.phase.currentText().strip(),
            self.local_authority.text().strip(),
        )
        return self.model.apply(SchoolSet(school))

    def _change_questionnaire(self, index: int) -> None:
        qid, version = self.questionnaire.itemData(index)
        q = self.model.questionnaire
        if (qid, version) != (q.id, q.version):
            self.model.apply(QuestionnaireSwitched(self.model.db.get_questionnaire(qid, version)))
        self._load_questionnaires()
