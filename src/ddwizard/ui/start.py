"""The start screen: the assessments in a searchable table with New, Open, Re-assess,
Delete, Import and Export; on first run, a friendly empty state instead."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ddwizard.ui import theme
from ddwizard.ui.assessment_table import (
    CHANGED,
    COLUMNS,
    COMPLETE,
    AssessmentTable,
    CompletionDelegate,
    id_of,
)
from ddwizard.ui.carry_on import CarryOn
from ddwizard.ui.pages.base import MARGIN, card, em, heading, named

NAMES = tuple(COLUMNS.index(n) for n in ("School", "Trust", "Label"))
NAME_EMS = 8  # the least a column of names keeps, in ems, before other columns give way
# Those give way in this order, the least needed to pick an assessment first.
YIELDING = tuple(COLUMNS.index(n) for n in ("Assessor", "Checklist", "Questions", "Status"))
BAR_EMS = 9  # the completion bar's column

WELCOME = (
    "ddwizard helps you look, area by area, at how a school's practices and purposes "
    "relate to a trust's, and keeps the due-diligence checklist beside that work. "
    "Start an assessment of a school, or open a filled-in example to see how it works."
)


class StartScreen(QWidget):
    openRequested = Signal(int)
    newRequested = Signal()
    reassessRequested = Signal(int)
    deleteRequested = Signal(int)
    exportRequested = Signal(int)
    importRequested = Signal()
    demoRequested = Signal()
    compareRequested = Signal(list)  # two or more assessment ids
    carryOnRequested = Signal(int, str)  # the assessment and step the person left

    def __init__(self, db, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.table_model = AssessmentTable(parent=self)
        self._row_buttons: list[QPushButton] = []
        self.pages = QStackedWidget()
        self.list_page = self._list()
        self.pages.addWidget(self.list_page)
        self.welcome: QWidget | None = None  # the first-run empty state, made when first shown
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

    # --- building ----------------------------------------------------------------------------

    def _button(self, text: str, name: str, signal, needs_row: bool = False) -> QPushButton:
        button = QPushButton(text)
        named(button, name)
        if needs_row:
            button.clicked.connect(lambda: self._with_row(signal))
            self._row_buttons.append(button)
        else:
            button.clicked.connect(signal)
        return button

    def _empty_state(self) -> QWidget:
        holder = QWidget()
        outer = QVBoxLayout(holder)
        outer.addStretch(1)
        frame, layout = card("empty")
        frame.setMaximumWidth(44 * em(self))
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(14)
        layout.addWidget(theme.label("Welcome to ddwizard", size=1.8, bold=True))
        layout.addWidget(theme.label(WELCOME))
        row = QHBoxLayout()
        self.start_button = self._button(
            "Start an assessment", "Start an assessment", self.newRequested
        )
        self.start_button.setDefault(True)
        row.addWidget(self.start_button)
        row.addWidget(self._button("Explore the demo", "Explore the demo", self.demoRequested))
        row.addWidget(self._button("Import a bundle…", "Import a bundle", self.importRequested))
        row.addStretch(1)
        layout.addLayout(row)
        line = QHBoxLayout()
        line.addStretch(1)
        line.addWidget(frame, 4)
        line.addStretch(1)
        outer.addLayout(line)
        outer.addStretch(2)
        return holder

    def _list(self) -> QWidget:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(12)
        layout.addWidget(
            heading(
                "Assessments",
                "Each is one school, looked at against one "
                "trust, at one time. Open one to carry on.",
            )
        )
        self.carry_on = CarryOn()
        self.carry_on.carryOn.connect(self.carryOnRequested)
        layout.addWidget(self.carry_on)
        top = QHBoxLayout()
        self.search = QLineEdit(placeholderText="Search by school, trust, label or assessor")
        self.search.setClearButtonEnabled(True)
        named(self.search, "Search the assessments")
        self.search.textChanged.connect(self._search)
        top.addWidget(self.search, 1)
        top.addWidget(self._button("New assessment", "New assessment", self.newRequested))
        layout.addLayout(top)
        layout.addWidget(self._table(), 1)
        layout.addLayout(self._actions_row())
        return holder

    def _table(self) -> QTableView:
        self.table = QTableView()
        named(self.table, "Assessments")
        self.table.setModel(self.table_model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows may be chosen (Ctrl or Shift with a click or the arrow keys) to compare.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # arrows move in the table; Tab leaves it
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(CHANGED, Qt.SortOrder.DescendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(int(2.2 * self.fontMetrics().height()))
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(0)  # sized to the rows on screen, not all of them
        # The names share what the other columns leave, so a narrow window never scrolls the
        # list sideways (a long name is elided, whole in the search and when opened).
        for column in (COLUMNS.index("School"), COLUMNS.index("Trust"), COLUMNS.index("Label")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COMPLETE, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(COMPLETE, BAR_EMS * em(self))
        self.table.setItemDelegateForColumn(COMPLETE, CompletionDelegate(self.table))
        self.room = NamesKeepRoom(self.table)
        self.table.activated.connect(lambda index: self.openRequested.emit(id_of(index)))
        self.table.selectionModel().selectionChanged.connect(self._enable)
        return self.table

    def _actions_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        buttons = [  # text, accessible name, signal, needs a selected row
            ("Open", "Open the selected assessment", self.openRequested, True),
            (
                "Re-assess",
                "Re-assess: a new assessment of the same school and trust, starting from this one",
                self.reassessRequested,
                True,
            ),
            ("Delete…", "Delete the selected assessment", self.deleteRequested, True),
            None,
            (
                "Compare",
                "Compare the selected assessments (choose two or more with Ctrl or Shift)",
                None,
                False,
            ),
            ("Import bundle…", "Import a bundle", self.importRequested, False),
            ("Export bundle…", "Export the selected assessment", self.exportRequested, True),
        ]
        for spec in buttons:
            if spec is None:
                row.addStretch(1)
            elif spec[2] is None:
                self.compare_button = QPushButton(spec[0])
                named(self.compare_button, spec[1])
                self.compare_button.clicked.connect(self._compare)
                row.addWidget(self.compare_button)
            else:
                row.addWidget(self._button(*spec))
        return row

    # --- behaviour ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the list again (after anything that adds, changes or removes one)."""
        selected = self.selected_id()
        self.table_model.set_rows(self.db.list_assessments())
        empty = not self.table_model.rows
        if empty and self.welcome is None:
            self.welcome = self._empty_state()
            self.pages.addWidget(self.welcome)
        self.pages.setCurrentWidget(self.welcome if empty else self.list_page)
        offered = self.carry_on.place
        if offered is not None and self.table_model.row_of(offered[0]) is None:
            self.carry_on.withdraw()  # deleted since
        if selected is not None:
            self.select(selected)
        elif not empty:
            self.table.selectRow(0)
        self._enable()

    def _search(self, text: str) -> None:
        """Show the assessments that match; the one selected stays selected if shown."""
        selected = self.selected_id()
        self.table_model.search(text)
        if selected is not None:
            self.select(selected)
        self._enable()

    def select(self, assessment_id: int) -> None:
        row = self.table_model.row_of(assessment_id)
        if row is not None:
            self.table.selectRow(row)

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return id_of(rows[0]) if rows else None

    def selected_ids(self) -> list[int]:
        rows = sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())
        return [id_of(i) for i in rows]

    def _compare(self) -> None:
        ids = self.selected_ids()
        if len(ids) >= 2:
            self.compareRequested.emit(ids)

    def showing_welcome(self) -> bool:
        return self.welcome is not None and self.pages.currentWidget() is self.welcome

    def focus_search(self) -> None:
        if self.showing_welcome():
            self.focus_default()  # nothing to search yet
            return
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def focus_default(self) -> None:
        if self.carry_on.isVisibleTo(self) and not self.showing_welcome():
            self.carry_on.button.setFocus()  # Enter carries on
            return
        (self.start_button if self.showing_welcome() else self.table).setFocus()

    def offer_carry_on(self, assessment_id: int, step: str, title: str) -> bool:
        """Offer to carry on with an assessment in the list, at a step; False when it is
        not in the list (deleted since)."""
        info = next((i for i in self.table_model.rows if i.id == assessment_id), None)
        if info is None:
            self.carry_on.withdraw()
            return False
        self.carry_on.offer(info, step, title)
        self.select(assessment_id)
        return True

    def withdraw_carry_on(self) -> None:
        self.carry_on.withdraw()

    def _with_row(self, signal) -> None:
        selected = self.selected_id()
        if selected is not None:
            signal.emit(selected)

    def _enable(self, *_) -> None:
        has_row = self.selected_id() is not None
        for button in self._row_buttons:
            button.setEnabled(has_row)
        self.compare_button.setEnabled(len(self.selected_ids()) >= 2)


class NamesKeepRoom(QObject):
    """In a narrow window the school, trust and label keep room to be read: the other
    columns give way, the least needed first (YIELDING), and come back as it widens."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        # The table's own resizes, not its viewport's: asking PySide for the viewport (a
        # widget made by Qt, not here) makes it load every kind of widget to find its type.
        table.installEventFilter(self)
        table.model().modelReset.connect(self.fit)  # other rows, other widths

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        table, header = self.table, self.table.horizontalHeader()
        others = [c for c in range(len(COLUMNS)) if c not in NAMES]
        wants = {c: max(header.sectionSizeHint(c), table.sizeHintForColumn(c)) for c in others}
        wants[COMPLETE] = BAR_EMS * em(table)
        room = table.maximumViewportSize().width() - len(NAMES) * NAME_EMS * em(table)
        hidden: set[int] = set()
        for column in YIELDING:
            if sum(w for c, w in wants.items() if c not in hidden) <= room:
                break
            hidden.add(column)
        for column in others:
            table.setColumnHidden(column, column in hidden)
