"""The assessments on the start screen, as a Qt table model, and a small completion bar."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QDateTime, QModelIndex, QRect, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ddwizard.core.assessment import Status
from ddwizard.storage import AssessmentInfo

COLUMNS = ["School", "Trust", "Label", "Assessor", "Status", "Last changed", "Complete"]
COMPLETE = COLUMNS.index("Complete")
ID_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


def when(stamp: str) -> QDateTime:
    moment = QDateTime.fromString(stamp, Qt.DateFormat.ISODateWithMs)
    return moment.toLocalTime() if moment.isValid() else moment


def percent(info: AssessmentInfo) -> int:
    return round(100 * info.answered / info.questions) if info.questions else 0


class AssessmentTable(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[AssessmentInfo] = []

    def set_rows(self, rows: list[AssessmentInfo]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=None) -> int:  # noqa: N802 - Qt's names
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent=None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        info = self.rows[index.row()]
        if role == ID_ROLE:
            return info.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(info, index.column())
        if role == SORT_ROLE:
            return self._sort_key(info, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COMPLETE:
            return f"{info.answered} of {info.questions} questions answered"
        return None

    def _text(self, info: AssessmentInfo, column: int) -> str:
        if column == COMPLETE:
            return f"{percent(info)}%"
        if column == COLUMNS.index("Last changed"):
            moment = when(info.updated)
            return moment.toString("d MMM yyyy, HH:mm") if moment.isValid() else info.updated
        if column == COLUMNS.index("Status"):
            return "Final" if info.status == Status.FINAL else "Draft"
        school = info.school or "(school not named yet)"
        return [school, info.trust, info.label, info.assessor][column]

    def _sort_key(self, info: AssessmentInfo, column: int):
        if column == COMPLETE:
            return percent(info)
        if column == COLUMNS.index("Last changed"):
            return info.updated
        return self._text(info, column).casefold()


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
