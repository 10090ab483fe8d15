"""The Compare view: several assessments side by side, area by area.

The small planes (one per area, one series per assessment, told apart by shape and number)
are the same drawing as `ddwizard compare -o`; beside them, a table of every area, largest
difference first, with each assessment's position in words and the gap. It holds no
assessment and writes nothing: it shows a core `Comparison`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ddwizard.compare_text import conversation_lines, gap_text, portfolio_summary, signed
from ddwizard.core.compare import Comparison, Kind, point_words
from ddwizard.core.compare_plane import ComparisonFigure, build_figure
from ddwizard.core.compare_portfolio import sets, target_distances
from ddwizard.ui import theme
from ddwizard.ui.compare_layout import FigureLayout
from ddwizard.ui.compare_paint import paint_figure
from ddwizard.ui.pages.base import MARGIN, em, named
from ddwizard.ui.plane.style import PlaneStyle

PICTURES = "PNG image (*.png);;SVG image (*.svg)"
PAPERS = "PDF files (*.pdf);;Word documents (*.docx)"


class FigureCanvas(QWidget):
    """The comparison's small planes, drawn at the width it is given (it grows downwards)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figure: ComparisonFigure | None = None
        self.layout_: FigureLayout | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        named(self, "Comparison planes", "One small plane per area.")

    def set_figure(self, figure: ComparisonFigure) -> None:
        from ddwizard.ui.compare_export import describe

        self.figure = figure
        self.setAccessibleDescription(describe(figure))
        self._relayout()

    def _relayout(self) -> None:
        if self.figure is None or self.width() < 50:
            return
        style = PlaneStyle.from_palette(self.palette(), self.font())
        self.layout_ = FigureLayout(self.figure, self.width(), style)
        self.setFixedHeight(round(self.layout_.height))
        self.update()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.layout_ is None or abs(self.layout_.width - self.width()) > 0.5:
            self._relayout()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.layout_ is None:
            return
        painter = QPainter(self)
        try:
            paint_figure(painter, self.layout_)
        finally:
            painter.end()


class CompareView(QWidget):
    backRequested = Signal()
    message = Signal(str)  # said in passing ("Options paper saved to …")
    busy = Signal(str)  # work under way in the background ("" when done)

    def __init__(self, dialogs, runner=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dialogs = dialogs
        self.runner = runner  # slow work (the options paper) off the UI thread
        self.comparison: Comparison | None = None
        self.figure: ComparisonFigure | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN // 2, MARGIN, MARGIN // 2)
        self.title = theme.label("", size=1.4, bold=True)
        self.about = theme.label("", "muted")
        layout.addWidget(self.title)
        layout.addWidget(self.about)
        layout.addWidget(self._body(), 1)
        layout.addLayout(self._buttons())
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        back.activated.connect(self.backRequested)

    def _body(self) -> QSplitter:
        split = QSplitter(Qt.Orientation.Horizontal)
        self.canvas = FigureCanvas()
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.canvas)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrow keys scroll it
        named(self.scroll, "Comparison planes, one per area")
        split.addWidget(self.scroll)
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        self.conversation = theme.label("")
        self.conversation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.conversation)
        self.table = QTableWidget(0, 2)
        named(self.table, "Areas, largest difference first")
        self.table.setHorizontalHeaderLabels(["Assessment", "Position"])
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)  # whole names and positions, on two lines if need be
        self.table.setShowGrid(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.table.currentCellChanged.connect(lambda row, *_: self.show_area_of_row(row))
        self._row_area: list[str] = []  # the referent of each row of the table
        column.addWidget(self.table, 1)
        split.addWidget(side)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        self.scroll.setMinimumWidth(24 * em(self))  # two small planes across
        split.setSizes([1100, 900])  # the planes a little wider than the table
        self.split = split
        return split

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.back_button = QPushButton("Back to assessments")
        named(self.back_button, "Back to the assessments (Escape)")
        self.back_button.clicked.connect(self.backRequested)
        self.export_button = QPushButton("Export picture…")
        named(self.export_button, "Export the comparison as a picture (PNG or SVG)")
        self.export_button.clicked.connect(self.export_picture)
        self.paper_button = QPushButton("Options paper…")
        named(
            self.paper_button,
            "Export the options paper for the school's governing board (PDF or Word)",
        )
        self.paper_button.clicked.connect(self.export_paper)
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.paper_button)
        row.addWidget(self.export_button)
        return row

    # --- what it shows ---------------------------------------------------------------------

    def set_comparison(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self.figure = build_figure(comparison)
        self.title.setText(self.figure.title)
        about = f"Comparing {comparison.kind.words}: {len(comparison.members)} assessments."
        self.about.setText(" ".join([about, *comparison.notes]))
        self._talk = {}  # referent -> the axes its views differ on by 0.5 or more
        self.canvas.set_figure(self.figure)
        self.paper_button.setVisible(comparison.kind == Kind.TRUSTS)
        self._far = []  # a portfolio's areas, most schools far from their targets first
        self._joining: set[int] = set()
        self.conversation.setVisible(comparison.kind in (Kind.PERSPECTIVES, Kind.SCHOOLS))
        if comparison.kind == Kind.SCHOOLS:
            self.conversation.setText(portfolio_summary(comparison))
            self._far = target_distances(comparison)
            self._joining = set(sets(comparison).joining)
        if comparison.kind == Kind.PERSPECTIVES:
            points = comparison.conversation_points()
            for cp in points:
                self._talk.setdefault(cp.referent, []).append(cp.axis)
            self.conversation.setText(
                f"Conversation points: {len(self._talk)} areas where views are 0.5 or more apart "
                "on an axis, marked “talk about” in the table. Each view is kept; none is "
                "averaged."
                if points
                else conversation_lines(comparison)[0]
            )
        self._fill_table(comparison)

    def _fill_table(self, c: Comparison) -> None:
        rows: list[tuple[str, str, str]] = []  # (assessment, position, numbers); "" heads
        self._row_area = []
        # A portfolio lists first the areas where most schools sit far from their targets.
        areas = {a.referent: a for a in c.areas}
        order = [areas[d.referent] for d in self._far] if self._far else c.by_gap()
        far = {d.referent: d for d in self._far}
        for area in order:
            self._row_area += [area.referent] * (len(area.points) + 1)
            gaps = f"gap: purpose {gap_text(area.gap_purpose)}, practice "
            talk = " and ".join(self._talk.get(area.referent, []))
            talk = f"; talk about: {talk}" if talk else ""
            d = far.get(area.referent)
            if d is not None and d.with_target:
                talk += f"; far from target: {len(d.far)} of {d.with_target}"
            heading = f"{area.title}  ({gaps}{gap_text(area.gap_practice)}{talk})"
            rows.append((heading, "", ""))
            for p in area.points:
                series = self.figure.series[p.member] if c.kind != Kind.SCHOOLS else None
                tag = f"{series.tag}  " if series is not None else ""
                where = point_words(p) if p.placed else "Not placed yet"
                if d is not None and p.member in d.far:
                    where += "; 0.5 or more from its target"
                numbers = f"Purpose {signed(p.purpose)}, practice {signed(p.practice)}"
                joining = " (joining)" if p.member in self._joining else ""
                rows.append((f"{tag}{c.name(p.member)}{joining}", where, numbers))
        if not rows:
            rows.append(("These assessments have no area in common.", "", ""))
        self.table.clearSpans()
        self.table.setRowCount(len(rows))
        bold = self.table.font()
        bold.setBold(True)
        for r, (who, where, numbers) in enumerate(rows):
            first = QTableWidgetItem(who)
            self.table.setItem(r, 0, first)
            if not where:  # an area's heading, across both columns
                first.setFont(bold)
                self.table.setSpan(r, 0, 1, 2)
                continue
            second = QTableWidgetItem(where)
            second.setToolTip(numbers)  # words first, as governors read them; numbers on hover
            self.table.setItem(r, 1, second)
        self.table.setColumnWidth(0, 13 * em(self))
        self.table.resizeRowsToContents()
        self.table.setCurrentCell(0, 0)

    def show_area_of_row(self, row: int) -> None:
        """Scroll the planes to the area of the table's current row (keyboard or mouse)."""
        layout = self.canvas.layout_
        if layout is None or not 0 <= row < len(self._row_area):
            return
        box = next((b for b in layout.boxes if b.panel.referent == self._row_area[row]), None)
        if box is not None:
            top = box.title_rect.top()
            self.scroll.verticalScrollBar().setValue(round(top - layout.em * 0.5))

    def rows(self) -> list[tuple[str, str]]:
        """The table's text, row by row (an area's heading has an empty second cell)."""
        t = self.table
        return [
            tuple(t.item(r, c).text() if t.item(r, c) else "" for c in range(2))
            for r in range(t.rowCount())
        ]

    def focus_default(self) -> None:
        self.table.setFocus()

    # --- export ----------------------------------------------------------------------------

    def export_picture(self) -> Path | None:
        """The comparison as PNG or SVG, drawn by the same routine as `compare -o`."""
        if self.figure is None:
            return None
        from ddwizard.ui.actions import error_text, file_name
        from ddwizard.ui.compare_export import write_figure

        suggested = file_name(self.figure.title) + ".png"
        path = self.dialogs.get_save_path("Export the comparison", suggested, PICTURES)
        if not path:
            return None
        if Path(path).suffix.lower() not in (".png", ".svg"):
            path += ".png"
        try:
            return write_figure(self.figure, path)
        except Exception as e:  # noqa: BLE001 - reported in words
            self.dialogs.error("Export the comparison", error_text(e))
            return None

    def export_paper(self) -> str | None:
        """The options paper for candidate trusts, as PDF or Word (by the name's ending),
        written in the background when there is a runner. Returns the path asked for."""
        if self.comparison is None or self.comparison.kind != Kind.TRUSTS:
            return None
        from ddwizard.ui.actions import error_text, file_name

        school = self.comparison.members[0].assessment.school.name
        suggested = file_name(school, "options paper") + ".pdf"
        path = self.dialogs.get_save_path("Export the options paper", suggested, PAPERS)
        if not path:
            return None
        if Path(path).suffix.lower() not in (".pdf", ".docx"):
            path += ".pdf"
        comparison = self.comparison

        def work() -> str:
            from ddwizard.report.options import write_options  # ReportLab: only when asked

            return str(write_options(path, comparison))

        def done(written: str) -> None:
            self.busy.emit("")
            self.message.emit(f"Options paper saved to {written}.")

        def failed(e: Exception) -> None:
            self.busy.emit("")
            self.dialogs.error("Export the options paper", error_text(e))

        if self.runner is None:
            try:
                done(work())
            except Exception as e:  # noqa: BLE001 - reported in words
                failed(e)
        else:
            self.busy.emit("Writing the options paper…")
            self.runner.run(work, done, failed)
        return path


class CompareChooser(QDialog):
    """ "Compare with…": tick the assessments to set beside the one that is open."""

    def __init__(self, rows, current: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Compare with…")
        layout = QVBoxLayout(self)
        intro = "Tick the assessments to compare with this one, then press Compare."
        layout.addWidget(QLabel(intro, wordWrap=True))
        self.list = QListWidget()
        named(self.list, "Assessments to compare with (Space ticks one)")
        for r in rows:
            if r.id == current:
                continue
            text = " · ".join(
                x for x in (r.school, r.trust, r.label, r.assessed_on, r.assessor) if x
            )
            item = QListWidgetItem(text or f"Assessment {r.id}", self.list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, r.id)
        self.list.setCurrentRow(0)
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.compare_button = buttons.addButton("Compare", QDialogButtonBox.ButtonRole.AcceptRole)
        self.compare_button.setEnabled(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemChanged.connect(self._enable)
        layout.addWidget(buttons)
        self.resize(40 * em(self), 24 * self.fontMetrics().height())

    def chosen(self) -> list[int]:
        items = (self.list.item(i) for i in range(self.list.count()))
        return [
            i.data(Qt.ItemDataRole.UserRole)
            for i in items
            if i.checkState() == Qt.CheckState.Checked
        ]

    def _enable(self, *_) -> None:
        self.compare_button.setEnabled(bool(self.chosen()))
