"""Step 2, Trust reference: the trust's own account, area by area, of what it does (its
practice) and what for (its purpose). Kept with the trust and shared by every assessment
against it; shown beside the questions it anchors."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QGridLayout, QWidget

from ddwizard.core.assessment import TrustReference
from ddwizard.core.changes import TrustReferenceSet
from ddwizard.core.questionnaire import Referent
from ddwizard.ui import theme
from ddwizard.ui.fields import TextBinding, text_box
from ddwizard.ui.pages.base import ScrollPage, heading, named, section, titled_card


class ReferenceCard(QWidget):
    """One area: the trust's practice and purpose, side by side."""

    def __init__(self, referent: Referent, model) -> None:
        super().__init__()
        self.referent, self.model = referent, model
        layout = titled_card(self, referent.title, referent.description, "muted")
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        self.practice = text_box(
            f"{referent.title}: what the trust does (practice)",
            "What the trust does here: its practice",
        )
        self.purpose = text_box(
            f"{referent.title}: what the trust does it for (purpose)",
            "What it does it for: its purpose",
        )
        grid.addWidget(theme.label("Practice: what the trust does", "muted"), 0, 0)
        grid.addWidget(theme.label("Purpose: what it does it for", "muted"), 0, 1)
        grid.addWidget(self.practice, 1, 0)
        grid.addWidget(self.purpose, 1, 1)
        layout.addLayout(grid)
        self.bindings = [TextBinding(w, model, self._save) for w in (self.practice, self.purpose)]

    def load(self) -> None:
        ref = self.model.assessment.trust.reference_for(self.referent.id)
        self.bindings[0].set_text(ref.practice if ref else "")
        self.bindings[1].set_text(ref.purpose if ref else "")

    def _save(self, _text: str) -> bool:
        practice, purpose = self.practice.toPlainText(), self.purpose.toPlainText()
        reference = TrustReference(self.referent.id, practice, purpose)
        return self.model.apply(TrustReferenceSet(reference))


class TrustPage(ScrollPage):
    name, title = "trust", "Trust reference"

    def __init__(self, model, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        self.intro = theme.label("")
        self.body.addWidget(heading(self.title))
        self.body.addWidget(self.intro)
        self.only_chosen = QCheckBox("Show only the areas chosen for this school")
        named(self.only_chosen, "Show only the areas chosen for this school")
        self.only_chosen.setChecked(True)
        self.only_chosen.toggled.connect(self._filter)
        self.body.addWidget(self.only_chosen)
        self.cards: list[ReferenceCard] = []
        self.groups: dict[str, QWidget] = {}
        for group in model.questionnaire.groups:
            self.groups[group] = section(group)
            self.body.addWidget(self.groups[group])
            for referent in model.questionnaire.referents:
                if referent.group == group:
                    self.cards.append(ReferenceCard(referent, model))
                    self.body.addWidget(self.cards[-1])
        self.scroll.finish()

    def load(self) -> None:
        name = self.model.assessment.trust.name or "the trust"
        self.intro.setText(
            f"In {name}'s own words, for each area: what the trust does (its practice) and "
            "what it does it for (its purpose). This is the trust's side of both axes: it is "
            "kept with the trust, reused by every assessment against it, and shown beside "
            "the questions on each area's page."
        )
        for c in self.cards:
            c.load()
        self._filter()

    def _filter(self) -> None:
        chosen = {r.id for r in self.model.selected_referents()}
        only = self.only_chosen.isChecked()
        visible_groups = set()
        for c in self.cards:
            show = not only or c.referent.id in chosen
            c.setVisible(show)
            if show:
                visible_groups.add(c.referent.group)
        for group, header in self.groups.items():
            header.setVisible(group in visible_groups)
