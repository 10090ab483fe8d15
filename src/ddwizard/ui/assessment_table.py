"""The assessments on the start screen, as a Qt table model, and a small completion bar."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QDateTime, QRect, Qt
from PySide6.QtGui import QPainter, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ddwizard.core.statuses import Status
from ddwizard.storage import AssessmentInfo

COLUMNS = ["School", "Trust", "Label", "Assessor", "Status", "Last changed", "Complete"]
COMPLETE = COLUMNS.index("Complete")
CHANGED = COLUMNS.index("Last changed")
STATUS = COLUMNS.index("Status")
ID_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


def id_of(index) -> int | None:
    """The assessment id of any cell's row."""
    return index.siblingAtColumn(0).data(ID_ROLE) if index.isValid() else None


def when(stamp: str) -> QDateTime:
    moment = QDateTime.fromString(stamp, Qt.DateFormat.ISODateWithMs)
    return moment.toLocalTime() if moment.isValid() else moment


def percent(info: AssessmentInfo) -> int:
    return round(100 * info.answered / info.questions) if info.questions else 0


class AssessmentTable(QStandardItemModel):
    """One row per assessment, made once per list (a new model each time the list is read).
    Qt holds every cell's text and sort key, so sorting, filtering and sizing the columns
    call nothing back in Python, however many assessments there are."""

    def __init__(self, rows: Iterable[AssessmentInfo] = (), parent=None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.setHorizontalHeaderLabels(COLUMNS)
        self.rows: list[AssessmentInfo] = list(rows)
        for info in self.rows:
            self.appendRow(self._items(info))

    def _items(self, info: AssessmentInfo) -> list[QStandardItem]:
        """A row's cells: each with its text and sort key; the id on the first only (read
        through `id_of`). Not editable: the view allows no editing. As few calls per cell
        as can be, since this runs for every cell of every assessment each time."""
        texts = _texts(info)
        items = [QStandardItem(text) for text in texts]
        for item, key in zip(items, _sort_keys(info, texts), strict=True):
            item.setData(key, SORT_ROLE)
        items[0].setData(info.id, ID_ROLE)
        items[COMPLETE].setToolTip(f"{info.answered} of {info.questions} questions answered")
        return items

    def row_of(self, assessment_id: int) -> int | None:
        return next((i for i, info in enumerate(self.rows) if info.id == assessment_id), None)


def _texts(info: AssessmentInfo) -> list[str]:
    """The row's text, column by column (COLUMNS)."""
    moment = when(info.updated)
    return [
        info.school or "(school not named yet)",
        info.trust,
        info.label,
        info.assessor,
        "Final" if info.status == Status.FINAL else "Draft",
        moment.toString("d MMM yyyy, HH:mm") if moment.isValid() else info.updated,
        f"{percent(info)}%",
    ]


def _sort_keys(info: AssessmentInfo, texts: list[str]) -> list:
    """How each column sorts: the time as stored, the number done, else the text."""
    keys: list = [text.casefold() for text in texts]
    keys[CHANGED], keys[COMPLETE] = info.updated, percent(info)
    return keys


class CompletionDelegate(QStyledItemDelegate):
    """How complete an assessment is: a thin bar and the percentage, in palette colours."""

    def paint(self, painter, option, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        ink = opt.palette.color(QPalette.ColorRole.HighlightedText if selected
                                else QPalette.ColorRole.Text)  # fmt: skip
        rect = opt.rect.adjusted(8, 0, -8, 0)
        text_width = opt.fontMetrics.horizontalAdvance("100%")
        height = max(4, opt.fontMetrics.height() // 3)
        bar = QRect(rect.left(), rect.center().y() - height // 2,
                    rect.width() - text_width - 8, height)  # fmt: skip
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(opt.palette.color(QPalette.ColorRole.Mid))
        painter.drawRoundedRect(bar, height / 2, height / 2)
        done = QRect(bar.left(), bar.top(), int(bar.width() * (index.data(SORT_ROLE) or 0) / 100),
                     bar.height())  # fmt: skip
        painter.setBrush(ink if selected else opt.palette.color(QPalette.ColorRole.Highlight))
        painter.drawRoundedRect(done, height / 2, height / 2)
        painter.setPen(ink)
        painter.drawText(
            rect,
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            index.data(Qt.ItemDataRole.DisplayRole),
        )
        painter.restore()
