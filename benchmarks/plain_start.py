"""The start screen as a person sees it, built with PySide alone in this one file: no module
of ddwizard is imported. Run by `app_driver.py plain DB` for the start-up figures.

It has what the real start screen shows at its first frame (the Fusion style, a palette
and the font size, the menus with their actions and shortcuts, the heading, the search box,
the table of assessments read from the database with `sqlite3`, the drawn completion bar,
the buttons, the status bar, the size the window was left at) and none of what ddwizard
does around it (its modules, storage checks, accessibility, focus ring, autosave). Against
the bare window it is what Qt and PySide themselves cost for this screen; against the app,
what ddwizard's own code costs.
"""

from __future__ import annotations

import sqlite3
import sys

import platformdirs
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QRect, QSettings, Qt
from PySide6.QtGui import QActionGroup, QColor, QFont, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

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
COMPLETE = COLUMNS.index("Questions")
ROWS = """SELECT s.name, t.name, a.label, a.assessor, a.status, a.updated,
    (SELECT count(*) FROM answers n WHERE n.assessment = a.id),
    (SELECT count(*) FROM checklist_entries c WHERE c.assessment = a.id)
    FROM assessments a JOIN schools s ON s.id = a.school JOIN trusts t ON t.id = a.trust
    ORDER BY a.updated DESC"""
# One menu each: its actions, and the shortcuts of the first of them (as many as the app's).
MENUS = {"&File": (12, 8), "&Edit": (3, 3), "&Assessment": (6, 6)}
PALETTE = {
    QPalette.ColorRole.Window: "#efefef",
    QPalette.ColorRole.Base: "#ffffff",
    QPalette.ColorRole.Text: "#000000",
    QPalette.ColorRole.Highlight: "#308cc6",
    QPalette.ColorRole.PlaceholderText: "#80000000",
}


class Rows(QAbstractTableModel):
    def __init__(self, rows: list[tuple]) -> None:
        super().__init__()
        self.rows = rows

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return str(self.rows[index.row()][index.column()])
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None


class Bar(QStyledItemDelegate):
    """A thin bar and a number, as the start screen draws how complete an assessment is."""

    def initStyleOption(self, option, index) -> None:  # noqa: N802 - Qt's name
        super().initStyleOption(option, index)
        option.text = ""  # drawn beside the bar

    def paint(self, painter, option, index) -> None:
        super().paint(painter, option, index)
        rect = option.rect.adjusted(8, 0, -8, 0)
        bar = QRect(rect.left(), rect.center().y() - 2, rect.width() - 48, 4)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(option.palette.color(QPalette.ColorRole.Highlight))
        painter.drawRoundedRect(bar, 2, 2)
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(rect, align, index.data())
        painter.restore()


def window(db: str) -> QMainWindow:
    app = QApplication(sys.argv[:1] + ["-style", "Fusion"])
    palette = QPalette()
    for role, colour in PALETTE.items():
        palette.setColor(role, QColor.fromString(colour))
    app.setPalette(palette)
    settings = QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "ddwizard", "ddwizard"
    )
    settings.value("view/theme")
    platformdirs.user_cache_dir("ddwizard", appauthor=False)
    with sqlite3.connect(db) as conn:
        rows = conn.execute(ROWS).fetchall()

    main = QMainWindow()
    main.setWindowTitle("ddwizard")
    for title, (count, with_keys) in MENUS.items():
        menu = main.menuBar().addMenu(title)
        for i in range(count):
            action = menu.addAction(f"&Action {i + 1}")
            if i < with_keys:
                action.setShortcut(QKeySequence(f"Ctrl+Shift+{i + 1}"))
            action.triggered.connect(main.close)
    themes = main.menuBar().addMenu("&View").addMenu("&Theme")
    group = QActionGroup(main)
    for name in ("&System", "&Light", "&Dark"):
        action = themes.addAction(name)
        action.setCheckable(True)
        group.addAction(action)
    themes.actions()[0].setChecked(True)
    help_menu = main.menuBar().addMenu("&Help")
    help_menu.addAction("About the &framework").setShortcut(QKeySequence("F1"))
    help_menu.addAction("&About ddwizard")
    saved = QLabel("All changes saved")
    busy = QProgressBar(maximumWidth=120, textVisible=False)
    busy.hide()
    main.statusBar().addPermanentWidget(saved)
    main.statusBar().addPermanentWidget(busy)

    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(24, 24, 24, 24)
    title = QLabel("Assessments")
    font = QFont(title.font())
    font.setPointSizeF(font.pointSizeF() * 1.6)
    font.setWeight(QFont.Weight.DemiBold)
    title.setFont(font)
    layout.addWidget(title)
    intro = QLabel("Each is one school, looked at against one trust, at one time.")
    intro.setWordWrap(True)
    layout.addWidget(intro)
    top = QHBoxLayout()
    search = QLineEdit(placeholderText="Search by school, trust, label or assessor")
    search.setClearButtonEnabled(True)
    top.addWidget(search, 1)
    top.addWidget(QPushButton("New assessment"))
    layout.addLayout(top)
    table = QTableView()
    table.setModel(Rows(rows))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSortingEnabled(True)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column in range(3):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    table.setItemDelegateForColumn(COMPLETE, Bar(table))
    layout.addWidget(table, 1)
    buttons = QHBoxLayout()
    for text in ("Open", "Re-assess", "Delete…", "Compare", "Import bundle…", "Export bundle…"):
        buttons.addWidget(QPushButton(text))
    layout.addLayout(buttons)
    views = QStackedWidget()
    views.addWidget(page)
    main.setCentralWidget(views)
    geometry = settings.value("window/geometry")
    if geometry is None or not main.restoreGeometry(geometry):
        main.resize(1093, 614)
    table.selectRow(0)
    search.setFocus()
    main.app = app  # kept for the run
    return main
