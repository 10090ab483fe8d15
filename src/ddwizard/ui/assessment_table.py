"""The assessments on the start screen, as a Qt table model, and a small completion bar."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QRect, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QStyledItemDelegate

from ddwizard.core.statuses import Status
from ddwizard.storage import AssessmentInfo

COLUMNS = [
    "School",
    "Trust",
    "Label",
    "Assessor",
    "Status",
    "Last changed",
    "Questions",
    "Checklist",
]
COMPLETE = COLUMNS.index("Questions")  # how many answered, as a bar
CHECKLIST = COLUMNS.index("Checklist")  # due-diligence items done, and findings
CHANGED = COLUMNS.index("Last changed")
ID_ROLE = Qt.ItemDataRole.UserRole
PERCENT_ROLE = Qt.ItemDataRole.UserRole + 1  # how complete, 0-100 (the bar's length)
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_DESCENDING = Qt.SortOrder.DescendingOrder


def id_of(index) -> int | None:
    """The assessment id of any cell's row."""
    return index.data(ID_ROLE) if index.isValid() else None


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def changed_text(stamp: str) -> str:
    """A stored time (ISO 8601, UTC) as "22 Nov 2026, 14:05" in local time; the stamp as it
    is when it cannot be read. (Python's datetime, not QDateTime: making QDateTime's Python
    type costs the start screen a few milliseconds.)"""
    try:
        moment = datetime.fromisoformat(stamp).astimezone()
    except ValueError:
        return stamp
    return f"{moment.day} {_MONTHS[moment.month - 1]} {moment.year}, {moment:%H:%M}"


def percent(info: AssessmentInfo) -> int:
    return round(100 * info.answered / info.questions) if info.questions else 0


def checklist_text(info: AssessmentInfo) -> str:
    """ "12 of 40, 2 findings": the checklist's progress, apart from the questions."""
    if not info.checklist_items:
        return ""
    text = f"{info.checklist_done} of {info.checklist_items}"
    if info.findings:
        text += f", {info.findings} finding{'s' if info.findings != 1 else ''}"
    return text


def checklist_tip(info: AssessmentInfo) -> str:
    if not info.checklist_items:
        return "This questionnaire has no due-diligence checklist."
    n = info.findings
    found = f"{n} with a finding" if n else "no findings recorded"
    return (
        f"Due diligence: {info.checklist_done} of {info.checklist_items} items done or "
        f"not applicable; {found}"
    )


def _checklist_share(info: AssessmentInfo) -> tuple[float, int]:
    share = info.checklist_done / info.checklist_items if info.checklist_items else -1.0
    return share, info.findings


def school_text(info: AssessmentInfo) -> str:
    return info.school or "(school not named yet)"


def status_text(info: AssessmentInfo) -> str:
    return "Final" if info.status == Status.FINAL else "Draft"


def _texts(info: AssessmentInfo) -> tuple[str, ...]:
    """The row's text, column by column (COLUMNS)."""
    return (
        school_text(info),
        info.trust,
        info.label,
        info.assessor,
        status_text(info),
        changed_text(info.updated),
        f"{percent(info)}%",
        checklist_text(info),
    )


# How each column sorts: the time as stored, the number done, else the text, ignoring case.
_SORT_KEYS: list[Callable[[AssessmentInfo], object]] = [
    lambda i: school_text(i).casefold(),
    lambda i: i.trust.casefold(),
    lambda i: i.label.casefold(),
    lambda i: i.assessor.casefold(),
    status_text,
    lambda i: i.updated,
    percent,
    _checklist_share,
]


class AssessmentTable(QAbstractTableModel):
    """One row per assessment. Qt asks only for what it draws (the rows on screen; the
    header sizes its columns from those too), and sorting and searching are list operations
    in Python, so the start screen opens as quickly with hundreds of assessments as with
    one. Read-only: the view allows no editing."""

    def __init__(self, rows: Iterable[AssessmentInfo] = (), parent=None) -> None:
        super().__init__(parent)
        self.rows: list[AssessmentInfo] = []  # all of them, as storage lists them
        self.shown: list[AssessmentInfo] = []  # those the search finds, in the sort order
        self._search = ""
        self._order: tuple[int, Qt.SortOrder] | None = None
        self._texts: dict[int, tuple[str, ...]] = {}  # by id, made when first drawn
        self.set_rows(rows)

    # --- what the view asks ---------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name
        return 0 if parent.isValid() else len(self.shown)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index, role=_DISPLAY):
        if role == _DISPLAY:
            return self.texts(self.shown[index.row()])[index.column()]
        if role == ID_ROLE:
            return self.shown[index.row()].id
        if role == PERCENT_ROLE:
            return percent(self.shown[index.row()])
        if role == _TOOLTIP and index.column() == COMPLETE:
            info = self.shown[index.row()]
            return f"{info.answered} of {info.questions} questions answered"
        if role == _TOOLTIP and index.column() == CHECKLIST:
            return checklist_tip(self.shown[index.row()])
        return None

    def headerData(self, section, orientation, role=_DISPLAY):  # noqa: N802 - Qt's name
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column (the view calls this when a header is clicked). Ties keep the
        order storage gave, newest change first. Selections follow their rows."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self.shown[i.row()].id for i in before]
        self._order = (column, order)
        self._arrange()
        row_of = {info.id: row for row, info in enumerate(self.shown)}
        after = [self.index(row_of[i], old.column()) for i, old in zip(ids, before, strict=True)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    # --- what the start screen does -------------------------------------------------------

    def set_rows(self, rows: Iterable[AssessmentInfo]) -> None:
        """The list read again: every row replaced (the search and order are kept)."""
        self.beginResetModel()
        self.rows = list(rows)
        self._texts.clear()
        self._arrange()
        self.endResetModel()

    def search(self, text: str) -> None:
        """Show the rows whose school, trust, label, assessor or status holds `text`,
        ignoring case."""
        self.beginResetModel()
        self._search = text.strip().casefold()
        self._arrange()
        self.endResetModel()

    def row_of(self, assessment_id: int) -> int | None:
        """Where an assessment is shown (None: not shown)."""
        return next((i for i, info in enumerate(self.shown) if info.id == assessment_id), None)

    def texts(self, info: AssessmentInfo) -> tuple[str, ...]:
        found = self._texts.get(info.id)
        if found is None:
            found = self._texts[info.id] = _texts(info)
        return found

    def _arrange(self) -> None:
        found = self.rows
        if self._search:
            words = self._search
            found = [i for i in found if words in _searched(i)]
        if self._order is not None:
            column, order = self._order
            found = sorted(found, key=_SORT_KEYS[column], reverse=order == _DESCENDING)
        self.shown = list(found)


def _searched(info: AssessmentInfo) -> str:
    return "\n".join(
        (school_text(info), info.trust, info.label, info.assessor, status_text(info))
    ).casefold()


class CompletionDelegate(QStyledItemDelegate):
    """How complete an assessment is: a thin bar and the percentage, in palette colours.

    The cell's background (and selection) is the stock delegate's, drawn without its text.
    Nothing here names QStyle: using it from Python makes PySide build its type and enums,
    ~10 ms of the start screen's first paint.
    """

    def initStyleOption(self, option, index) -> None:  # noqa: N802 - Qt's name
        super().initStyleOption(option, index)
        option.text = ""  # drawn below, beside the bar

    def paint(self, painter, opt, index) -> None:
        super().paint(painter, opt, index)
        view = self.parent()
        selected = view is not None and view.selectionModel().isSelected(index)
        ink = opt.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        rect = opt.rect.adjusted(8, 0, -8, 0)
        text_width = opt.fontMetrics.horizontalAdvance("100%")
        height = max(4, opt.fontMetrics.height() // 3)
        bar = QRect(
            rect.left(), rect.center().y() - height // 2, rect.width() - text_width - 8, height
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(opt.palette.color(QPalette.ColorRole.Mid))
        painter.drawRoundedRect(bar, height / 2, height / 2)
        share = (index.data(PERCENT_ROLE) or 0) / 100
        done = QRect(bar.left(), bar.top(), int(bar.width() * share), bar.height())
        painter.setBrush(ink if selected else opt.palette.color(QPalette.ColorRole.Highlight))
        painter.drawRoundedRect(done, height / 2, height / 2)
        painter.setPen(ink)
        painter.drawText(
            rect,
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            index.data(Qt.ItemDataRole.DisplayRole),
        )
        painter.restore()
