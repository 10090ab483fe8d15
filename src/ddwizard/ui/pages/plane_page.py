"""The wizard step "Plane and route map": every area on the practice–purpose plane, and for
the chosen area its target, route map and return trip. Movement since an earlier
assessment of the same school and trust can be shown beside it, and the plane exported.

The page listens to the model and writes through it; the plane widget only draws and
reports clicks, drags and keys.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ddwizard.core.changes import Change, RouteSet, TargetRemoved, TargetSet
from ddwizard.core.errors import UserError
from ddwizard.core.placement import Placement, ReferentPlacement, place_assessment
from ddwizard.core.plane import PlaneScene, build_scene
from ddwizard.ui import theme
from ddwizard.ui.pages.base import MARGIN, Page, Scrolling, em, named
from ddwizard.ui.plane.target_editor import TargetEditor
from ddwizard.ui.plane_view import PlaneView
from ddwizard.ui.readonly import keep_working
from ddwizard.ui.settings import read_bytes, write
from ddwizard.ui.words import quadrant_words, signed

REFERENT_ROLE = Qt.ItemDataRole.UserRole
PANEL_EM = 30  # the side panel's least width, in ems: the steps table needs it
PLANE_EM = 26  # the plane's height when the panel is below it, in ems
SPLITTER_KEY = "plane/splitter"  # in the user's settings (see ui.settings)
EXPORT_FILTERS = "PNG image (*.png);;SVG drawing (*.svg)"
INTRO = (
    "Each area (a referent) sits where its answers put it: across, how far its work is "
    "aimed at what the trust does it for; up, how far its practice is the trust's own. "
    "Neither end is good or bad. Each area stands on its own: there is no whole-school "
    "point. Choose an area to agree its target and the route there."
)


def area_line(rp: ReferentPlacement) -> str:
    if not rp.placed:
        return f"{rp.referent.title}: not placed ({rp.unplaced_reason()})"
    return f"{rp.referent.title}: {quadrant_words(rp.position)}"


class PlanePage(Page):
    name = "plane"  # its row in the wizard's table (ui/pages/table.py)
    openArea = Signal(str)  # an area's questions, by referent id

    @classmethod
    def create(cls, model, step, *, dialogs=None, height: int = 0, width: int = 0) -> PlanePage:
        return cls(model, dialogs=dialogs)

    def __init__(self, model, parent: QWidget | None = None, dialogs=None) -> None:
        super().__init__(model, parent)
        if dialogs is None:
            from ddwizard.ui.dialogs import QtDialogs

            dialogs = QtDialogs(self)
        self.dialogs = dialogs
        self.selected: str | None = None
        self._earlier: Placement | None = None
        self._earlier_info = None
        self._build()
        self.openArea.connect(lambda rid: self.goTo.emit(f"area:{rid}"))
        model.changed.connect(self._on_changed)
        model.loaded.connect(self.load)

    # --- building --------------------------------------------------------------------------

    def _build(self) -> None:
        """The plane and the panel side by side; when the window is too narrow for both,
        the panel goes below the plane and the whole page scrolls up and down."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.page_scroll = Scrolling(self, max_em=None)
        layout.addWidget(self.page_scroll)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        self.page_scroll.body.addWidget(splitter, 1)
        self.plane_side = self._plane_side()
        splitter.addWidget(self.plane_side)
        splitter.addWidget(self._panel())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        self.splitter = splitter
        self._sized = False

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if not self._sized:  # where the person left it, else half each: the route needs room
            self._sized = True
            state = read_bytes(SPLITTER_KEY)
            if state is None or not self.splitter.restoreState(state):
                width = self.splitter.width()
                self.splitter.setSizes([width // 2, width - width // 2])
            self.splitter.setOrientation(Qt.Orientation.Horizontal)  # the state holds one
            self.splitter.splitterMoved.connect(self._splitter_moved)
            QApplication.instance().focusChanged.connect(self._focus_moved)
            self._fit()
        super().showEvent(event)

    def _focus_moved(self, _old, new) -> None:
        """Below the plane, the panel does not scroll: the page does, to what has the focus
        (the panel's own scroll area would take the request and do nothing)."""
        if new is not None and not self.is_wide() and self.panel.isAncestorOf(new):
            self.page_scroll.ensureWidgetVisible(new)

    def _splitter_moved(self, *_) -> None:
        if self.is_wide():
            write(SPLITTER_KEY, self.splitter.saveState())

    def is_wide(self) -> bool:
        return self.splitter.orientation() == Qt.Orientation.Horizontal

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Side by side when both fit across the page, else one above the other."""
        handle = self.splitter.handleWidth()
        needed = (
            self.plane_side.minimumSizeHint().width()
            + self.panel.minimumWidth()
            + handle
            + 2 * MARGIN
        )
        wide = self.width() >= needed
        if wide != self.is_wide():
            self.splitter.setOrientation(
                Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
            )
        # Below the plane, the panel is as tall as its contents: the page scrolls instead.
        panel = self.panel.widget()
        self.panel.setMinimumHeight(0 if wide else panel.minimumSizeHint().height())
        self.plane_side.setMinimumHeight(0 if wide else PLANE_EM * em(self))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LayoutRequest and not self.is_wide():
            self._fit()  # the panel's contents changed height (a target set, a step added)
        return False

    def _plane_side(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.compare = QComboBox()
        named(
            self.compare,
            "Compare with",
            "Show movement since an earlier assessment of this school and trust",
        )
        self.compare.activated.connect(self._compare_chosen)
        keep_working(self.compare)
        bar.addWidget(QLabel("Compare with:"))
        bar.addWidget(self.compare, 1)
        self.export_button = QPushButton("Export plane…")
        named(self.export_button, "Export plane", "Save the plane as a PNG image or SVG drawing")
        self.export_button.clicked.connect(self.export)
        keep_working(self.export_button)
        bar.addWidget(self.export_button)
        column.addLayout(bar)
        self.view = PlaneView()
        self.view.selected.connect(self.select)
        self.view.activated.connect(self.openArea)
        self.view.targetMoved.connect(self._target_moved)
        self.view.targetDragging.connect(lambda rid, x, y: self.editor.show_position(x, y))
        column.addWidget(self.view, 1)
        self.status = theme.label("", "muted")
        column.addWidget(self.status)
        return box

    def _panel(self) -> QWidget:
        scroll = QScrollArea()
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop of its own
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(PANEL_EM * em(self))
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(MARGIN // 2, 0, 0, 0)
        column.addWidget(theme.label(self.title, size=1.4, bold=True))
        column.addWidget(theme.label(INTRO, "muted"))
        column.addWidget(theme.label("Areas", bold=True))
        self.areas = QListWidget()
        named(self.areas, "Areas", "Every area chosen for this school, with where it sits")
        self.areas.currentItemChanged.connect(self._list_moved)
        self.areas.itemActivated.connect(lambda item: self.openArea.emit(item.data(REFERENT_ROLE)))
        self.areas.setMinimumHeight(10 * em(self))
        self.areas.setWordWrap(True)  # long titles wrap rather than scroll sideways
        self.areas.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        column.addWidget(self.areas)
        self.area_title = theme.label("", size=1.15, bold=True)
        self.area_where = theme.label("")
        self.area_where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton("Open its questions")
        named(self.open_button, "Open its questions", "Go to this area's questions")
        keep_working(self.open_button)
        self.open_button.clicked.connect(
            lambda: self.selected and self.openArea.emit(self.selected)
        )
        column.addWidget(self.area_title)
        column.addWidget(self.area_where)
        column.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(theme.label("Target", bold=True))
        self.editor = TargetEditor(self.model, self.dialogs)
        self.editor.note.connect(self.status.setText)
        column.addWidget(self.editor)
        column.addStretch(1)
        scroll.setWidget(inner)
        inner.installEventFilter(self)
        self.panel = scroll
        return scroll

    # --- load and save ---------------------------------------------------------------------

    def load(self) -> None:
        if not self.model.is_open():
            return
        self._fill_compare()
        self._fill_areas()
        ids = [rp.referent.id for rp in self.model.placement().referents]
        if self.selected not in ids:
            self.selected = None
        self.select(self.selected or (ids[0] if ids else ""))

    def editor_action(self, what: str) -> None:
        """Set a target ("create_target") or add a step ("add_step") for the chosen area,
        from the menu: the focus goes to what was made, to be typed into."""
        if self.selected is None:
            self.status.setText("Choose an area first, in the list or on the plane.")
            self.areas.setFocus()
            return
        if self.editor.target() is None:
            self.editor.create_target()
        if what == "add_step":
            self.editor.add_step(focus=True)
        else:
            self.editor.purpose.setFocus()

    def first_field(self) -> QWidget | None:
        return self.areas  # the areas, chosen with the arrow keys

    def save(self) -> None:
        self.editor.flush()
        super().save()

    def _on_changed(self, change: Change) -> None:
        if not self.model.is_open() or not self.isVisibleTo(self.window()):
            return  # not showing: `load()` reads everything afresh when it is shown again
        if change.moves_placement:
            self._fill_areas()
            self._show_area()
        if change.key == ("target", self.selected):
            self.editor.refresh()
        if change.moves_placement or isinstance(change, TargetSet | TargetRemoved | RouteSet):
            self.refresh_plane()

    # --- the plane -------------------------------------------------------------------------

    def scene(self, *, every_route: bool = False) -> PlaneScene:
        """The plane as shown: the chosen area's route (every route for export)."""
        only = None if every_route or not self.selected else [self.selected]
        return build_scene(
            self.model.placement(),
            targets=self.model.assessment.targets,
            earlier=self._earlier,
            only=only,
        )

    def refresh_plane(self) -> None:
        self.view.set_scene(self.scene())
        self.view.set_selected(self.selected)

    # --- choosing an area ------------------------------------------------------------------

    def _fill_areas(self) -> None:
        with QSignalBlocker(self.areas):
            self.areas.clear()
            for rp in self.model.placement().referents:
                item = QListWidgetItem(area_line(rp))
                item.setData(REFERENT_ROLE, rp.referent.id)
                item.setToolTip(area_line(rp))
                self.areas.addItem(item)
        self._sync_list()

    def select(self, referent: str) -> None:
        """Choose an area (from the plane, the list or the page's caller)."""
        self.selected = referent or None
        self._sync_list()
        self._show_area()
        self.refresh_plane()

    def _list_moved(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is not None and item.data(REFERENT_ROLE) != self.selected:
            self.select(item.data(REFERENT_ROLE))

    def _sync_list(self) -> None:
        with QSignalBlocker(self.areas):
            for row in range(self.areas.count()):
                if self.areas.item(row).data(REFERENT_ROLE) == self.selected:
                    self.areas.setCurrentRow(row)
                    return
            self.areas.setCurrentRow(-1)

    def _show_area(self) -> None:
        rp = self.model.placement().get(self.selected) if self.selected else None
        self.open_button.setEnabled(rp is not None)
        if rp is None:
            self.area_title.setText("No area chosen")
            self.area_where.setText("Choose an area on the plane or in the list.")
            self.editor.show_area(None)
            return
        self.area_title.setText(rp.referent.title)
        self.area_where.setText(self._where(rp))
        start = (rp.purpose.value, rp.practice.value) if rp.placed else None
        self.editor.show_area(rp.referent.id, start)

    def _where(self, rp: ReferentPlacement) -> str:
        answered = f"{rp.answered} of {rp.questions} questions answered."
        if not rp.placed:
            return f"Not placed yet: {rp.unplaced_reason()}. {answered}"
        p = rp.position
        return (
            f"Now: {quadrant_words(p)}; purpose {signed(p.purpose)}, "
            f"practice {signed(p.practice)}. {answered}"
        )

    def _target_moved(self, referent: str, purpose: float, practice: float) -> None:
        if self.locked:  # final: the target stays where it is
            self.refresh_plane()
            return
        if referent != self.selected:
            self.select(referent)
        self.editor.move_target(purpose, practice)

    # --- movement --------------------------------------------------------------------------

    def _fill_compare(self) -> None:
        chosen = self._earlier_info.id if self._earlier_info else None
        with QSignalBlocker(self.compare):
            self.compare.clear()
            self.compare.addItem("(none)", None)
            for info in self.model.earlier_assessments():
                words = ", ".join(x for x in (info.label, info.assessed_on, info.assessor) if x)
                self.compare.addItem(words or f"Assessment {info.id}", info)
                if info.id == chosen:
                    self.compare.setCurrentIndex(self.compare.count() - 1)
        if chosen is not None and self.compare.currentIndex() == 0:
            self._earlier = self._earlier_info = None

    def _compare_chosen(self, index: int) -> None:
        info = self.compare.itemData(index)
        self._earlier_info, self._earlier = info, None
        if info is not None:
            assessment, questionnaire = self.model.load_other(info.id)
            self._earlier = place_assessment(questionnaire, assessment)
        self.refresh_plane()

    # --- export ----------------------------------------------------------------------------

    def export(self) -> None:
        path = self.dialogs.get_save_path(
            "Export the plane", self._suggested_name(), EXPORT_FILTERS
        )
        if not path:
            return
        if not path.lower().endswith((".png", ".svg")):
            path += ".png"
        from ddwizard.ui.plane_export import plane_caption, render_file

        earlier = None
        if self._earlier_info is not None:
            earlier = self.model.load_other(self._earlier_info.id)[0]
        caption = plane_caption(self.model.assessment, earlier)
        try:
            written = render_file(self.scene(every_route=True), path, caption=caption)
        except UserError as e:
            self.dialogs.error("Export the plane", str(e))
            return
        self.status.setText(f"Plane saved to {written}")

    def _suggested_name(self) -> str:
        school = self.model.assessment.school.name or "plane"
        return "".join(c if c.isalnum() else "-" for c in school).strip("-") + "-plane.png"
