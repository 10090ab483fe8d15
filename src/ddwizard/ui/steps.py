"""The wizard's steps, and how the step list draws them: titles wrap instead of being cut
short, and an area's progress ("3/7", or a tick when every question is answered) sits at
the right. Drawn with the palette's text colours only."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QTreeView

from ddwizard.ui.pages.table import PAGES, PageEntry

KEY_ROLE = Qt.ItemDataRole.UserRole
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 1
DONE = "\u2713"  # a tick: a shape, not a colour
PAD = 6


@dataclass(frozen=True, slots=True)
class Step:
    key: str
    title: str
    entry: PageEntry
    parent: str = ""  # the key of the step it sits under in the list
    referent: str = ""  # the area of a per-area step


def steps_for(model) -> list[Step]:
    steps: list[Step] = []
    for entry in PAGES:
        if not entry.per_area:
            steps.append(Step(entry.name, entry.title, entry))
            continue
        parent = steps[-1].key
        areas = model.selected_referents()
        steps += [Step(f"{entry.name}:{r.id}", r.title, entry, parent, r.id) for r in areas]
    return steps


class StepDelegate(QStyledItemDelegate):
    """A step's row: its title, wrapped, and its progress at the right, over the style's
    own row background and selection (the stock delegate's, drawn without its text).
    Nothing here names QStyle: using it from Python makes PySide build its type and enums,
    which slowed the first frame of the steps."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self.view = view

    def _reserve(self, option) -> int:
        return option.fontMetrics.horizontalAdvance("00/00")

    def _text_width(self, option, index) -> int:
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        # The width the text will have with the scroll bar showing, whether it shows yet or
        # not: row heights are measured once, and must not be too short when it appears.
        view = self.view
        bar = view.verticalScrollBar().sizeHint().width()
        width = view.width() - 2 * view.frameWidth() - bar - depth * view.indentation()
        return max(40, width - 3 * PAD - self._reserve(option))

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt's name
        bounds = QRect(0, 0, self._text_width(option, index), 10_000)
        text = option.fontMetrics.boundingRect(bounds, Qt.TextFlag.TextWordWrap, index.data() or "")
        return QSize(bounds.width(), text.height() + 2 * PAD + 2)

    def initStyleOption(self, option, index) -> None:  # noqa: N802 - Qt's name
        super().initStyleOption(option, index)
        option.text = ""  # drawn below, wrapped, beside the progress

    def paint(self, painter, opt, index) -> None:
        super().paint(painter, opt, index)
        selected = self.view.selectionModel().isSelected(index)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        title = index.data() or ""
        painter.save()
        painter.setPen(opt.palette.color(role))
        rect = opt.rect.adjusted(PAD, PAD, -PAD, -PAD)
        reserve = self._reserve(opt)
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(
            rect.adjusted(0, 0, -reserve - PAD, 0), int(left) | int(Qt.TextFlag.TextWordWrap), title
        )
        painter.drawText(
            rect,
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            index.data(PROGRESS_ROLE) or "",
        )
        painter.restore()


def step_of(change, questionnaire) -> str:
    """The key of the step that shows what a change changed ("" when none does)."""
    from ddwizard.core import changes as c

    answer = c.AnswerChosen | c.AnswerCleared | c.AnswerNoted | c.EvidenceSet | c.AnswerFlagsSet
    if isinstance(change, answer):
        referent = questionnaire.referent_of(change.question)
        return f"area:{referent.id}" if referent is not None else ""
    if isinstance(change, c.ConfidenceSet | c.ConfidencesSet | c.ReferentNoted):
        return f"area:{change.referent}"
    if isinstance(change, c.TargetSet | c.TargetRemoved | c.RouteSet):
        return "plane"
    if isinstance(change, c.ChecklistEntrySet):
        return "checklist"
    if isinstance(change, c.DecisionSet):
        return "decision"
    if isinstance(change, c.TrustReferenceSet | c.ReferenceTaken):
        return "trust"
    if isinstance(change, c.AreasSelected):
        return "areas"
    if isinstance(change, c.StatusSet):
        return "review"
    return "about"


UNDO_WORDS = {
    "AnswerChosen": "answer",
    "AnswerCleared": "answer",
    "AnswerNoted": "note",
    "EvidenceSet": "evidence sources",
    "AnswerFlagsSet": "flags",
    "ConfidencesSet": "confidence",
    "ReferenceTaken": "trust reference",
    "ConfidenceSet": "confidence",
    "ReferentNoted": "area note",
    "TargetSet": "target",
    "TargetRemoved": "target",
    "RouteSet": "route",
    "ChecklistEntrySet": "due-diligence item",
    "DetailSet": "details",
    "StatusSet": "status",
    "SchoolSet": "school",
    "TrustChosen": "trust",
    "TrustRenamed": "trust's name",
    "TrustReferenceSet": "trust reference",
    "AreasSelected": "areas",
    "DecisionSet": "decision",
}
