"""Step 2, Trust reference: the trust's own account, area by area, of what it does (its
practice), what for (its purpose), and what its schools decide for themselves. Kept with the
trust and shared by every assessment against it; shown beside the questions it anchors.

Each assessment keeps the reference as it stood on its day, so a trust that later changes
its own account does not silently move earlier assessments: when the trust's current
reference differs from this assessment's copy, a banner says so and offers to take it
(undone with Edit > Undo, like any edit)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QGridLayout, QHBoxLayout, QPushButton, QWidget

from ddwizard.core.assessment import TrustReference
from ddwizard.core.changes import Change, ReferenceTaken, TrustReferenceSet
from ddwizard.core.questionnaire import Referent
from ddwizard.ui import theme
from ddwizard.ui.dates import shown
from ddwizard.ui.fields import TextBinding, text_box
from ddwizard.ui.pages.base import ScrollPage, card, heading, named, section, titled_card

DECIDES = "What its schools decide for themselves here"


class ReferenceCard(QWidget):
    """One area: the trust's practice and purpose side by side, and what its schools decide
    for themselves below them."""

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
        self.decides = text_box(
            f"{referent.title}: what its schools decide for themselves here",
            "What the trust leaves to each school here (optional)",
            lines=2,
        )
        grid.addWidget(theme.label("Practice: what the trust does", "muted"), 0, 0)
        grid.addWidget(theme.label("Purpose: what it does it for", "muted"), 0, 1)
        grid.addWidget(self.practice, 1, 0)
        grid.addWidget(self.purpose, 1, 1)
        grid.addWidget(theme.label(DECIDES, "muted"), 2, 0, 1, 2)
        grid.addWidget(self.decides, 3, 0, 1, 2)
        layout.addLayout(grid)
        boxes = (self.practice, self.purpose, self.decides)
        self.bindings = [TextBinding(w, model, self._save) for w in boxes]

    def load(self) -> None:
        ref = self.model.assessment.trust.reference_for(self.referent.id)
        ref = ref or TrustReference(self.referent.id)
        for binding, text in zip(
            self.bindings, (ref.practice, ref.purpose, ref.school_decides), strict=True
        ):
            binding.set_text(text)

    def _save(self, _text: str) -> bool:
        texts = (w.toPlainText() for w in (self.practice, self.purpose, self.decides))
        return self.model.apply(TrustReferenceSet(TrustReference(self.referent.id, *texts)))


class ReferenceChanged(QWidget):
    """A calm note, when the trust's current reference differs from this assessment's copy,
    with the offer to take the current one."""

    def __init__(self, model) -> None:
        super().__init__()
        self.model = model
        self.current: tuple[tuple[TrustReference, ...], str] | None = None
        frame, layout = card("aside")
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)
        self.words = theme.label("")
        layout.addWidget(self.words)
        row = QHBoxLayout()
        self.take = QPushButton("Take the trust's current reference")
        named(self.take, "Take the trust's current reference", "Edit > Undo puts this one back")
        self.take.clicked.connect(self.take_current)
        row.addWidget(self.take)
        row.addStretch(1)
        layout.addLayout(row)
        self.hide()

    def load(self) -> None:
        self.current = self.model.newer_trust_reference()
        self.setVisible(self.current is not None)
        if self.current is not None:
            self.words.setText(self._words(*self.current))

    def _words(self, refs: tuple[TrustReference, ...], as_of: str) -> str:
        a = self.model.assessment
        trust = a.trust.name or "The trust"
        day = a.trust.reference_as_of
        kept = f" (as it stood on {shown(day)})" if day else ""
        when = f" The trust's was last changed on {shown(as_of)}." if as_of else ""
        areas = _differing(a.trust.reference, refs, self.model.questionnaire)
        where = f" It differs in: {areas}." if areas else ""
        return (
            f"{trust}'s reference differs from the copy this assessment keeps{kept}.{when}"
            f"{where} The answers here are read against this assessment's copy; take the "
            "current one to read them against what the trust says now."
        )

    def take_current(self) -> None:
        if self.current is not None and self.model.apply(ReferenceTaken(*self.current)):
            self.model.notice.emit(
                "The trust's current reference is now this assessment's. Edit > Undo puts "
                "the earlier one back."
            )


def _differing(mine, theirs, questionnaire) -> str:
    before = {r.referent: r for r in mine}
    after = {r.referent: r for r in theirs}
    ids = [
        rid
        for rid in dict.fromkeys([*after, *before])
        if _said(before.get(rid)) != _said(after.get(rid))
    ]
    titles = [
        (questionnaire.referent(rid).title if questionnaire.referent(rid) else rid) for rid in ids
    ]
    return ", ".join(titles)


def _said(ref: TrustReference | None) -> TrustReference | None:
    return None if ref is None or ref == TrustReference(ref.referent) else ref


class TrustPage(ScrollPage):
    name = "trust"  # its row in the wizard's table (ui/pages/table.py)

    def __init__(self, model, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        self.intro = theme.label("")
        self.body.addWidget(heading(self.title))
        self.changed_banner = ReferenceChanged(model)
        self.body.addWidget(self.changed_banner)
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
        model.changed.connect(self._on_changed)

    def load(self) -> None:
        name = self.model.assessment.trust.name or "the trust"
        self.intro.setText(
            f"In {name}'s own words, for each area: what the trust does (its practice), "
            "what it does it for (its purpose), and what its schools decide for themselves. "
            "This is the trust's side of both axes: it is kept with the trust, reused by "
            "every assessment against it, and shown beside the questions on each area's page."
        )
        if self.isVisible():  # else when shown: built ahead, it asks the database nothing
            self.changed_banner.load()
        for c in self.cards:
            c.load()
        self._filter()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.changed_banner.load()

    def _on_changed(self, change: Change) -> None:
        if isinstance(change, ReferenceTaken) and self.isVisible():
            self.load()

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
