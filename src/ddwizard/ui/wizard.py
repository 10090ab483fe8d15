"""The guided flow: a list of steps on the left (any step reachable directly), the current
page on the right, Back and Next below. The steps and their page classes are declared in
one table (`ui.pages.table.PAGES`). Pages are built on first visit and reused, so moving between
steps is instant; every page writes through the model and knows no other.

Building a page of questions takes longer than a step should, so while the person is on a
step, the next step's page is built (and laid out) once they have been there a moment
(`PREFETCH_MS`): by the time they move on it is ready. It is an ordinary page, built early:
nothing else changes (it is loaded from the model when it is shown, as every page is)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ddwizard.core.changes import (
    AnswerChosen,
    AnswerCleared,
    AreasSelected,
    Change,
    QuestionnaireSwitched,
    StatusSet,
)
from ddwizard.ui import theme
from ddwizard.ui.pages.base import MARGIN, Page, em, named
from ddwizard.ui.pagestack import PageStack
from ddwizard.ui.readonly import FinalBanner
from ddwizard.ui.steps import DONE, KEY_ROLE, PROGRESS_ROLE, Step, StepDelegate, steps_for

STEPS_EM = 19
FINAL_BANNER = (
    "This assessment is final, so it is read-only. Reopen it as a draft to "
    "change it (the history records that)."
)
PREFETCH_MS = 120  # on a step this long, the next step's page is built


class Wizard(QWidget):
    stepChanged = Signal(str)
    exportBundle = Signal()
    exportBrief = Signal()
    exportBriefWord = Signal()

    def __init__(self, model, dialogs=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model, self.dialogs = model, dialogs
        self.steps: list[Step] = []
        self._items: dict[str, QTreeWidgetItem] = {}
        self.pages: dict[str, Page] = {}
        self._current = ""
        self._prefetch = QTimer(self, singleShot=True, interval=PREFETCH_MS)
        self._prefetch.timeout.connect(self._build_next)
        self._build()
        self._actions()
        model.loaded.connect(self.reset)
        model.changed.connect(self._on_changed)
        model.reverted.connect(self._show_reverted)
        model.askedChanged.connect(self._asked_changed)
        model.shownChanged.connect(self._shown_changed)

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.tree = QTreeWidget(objectName="steps")
        self.tree.setFrameShape(QFrame.Shape.NoFrame)  # the list sits on the window
        self.tree.viewport().setBackgroundRole(QPalette.ColorRole.Window)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(em(self))
        self.tree.setUniformRowHeights(False)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setItemDelegate(StepDelegate(self.tree))
        self.tree.setFixedWidth(STEPS_EM * em(self))
        named(self.tree, "Steps", "Every step of the assessment; choose one to go to it")
        self.tree.currentItemChanged.connect(self._tree_moved)
        self.tree.itemActivated.connect(lambda *_: self.current_page().focus_first())
        row.addWidget(self.tree)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        self.final = FinalBanner(self)
        right.addWidget(self.final)
        self.stack = PageStack()
        right.addWidget(self.stack, 1)
        right.addWidget(self._nav_bar())
        row.addLayout(right, 1)

    def _nav_bar(self) -> QWidget:
        bar = QWidget()
        row = QHBoxLayout(bar)
        row.setContentsMargins(MARGIN, 8, MARGIN, 12)
        self.back_button = QPushButton("Back")
        named(self.back_button, "Previous step")
        self.back_button.clicked.connect(self.back)
        self.where = theme.muted(QLabel())
        self.next_button = QPushButton("Next")
        named(self.next_button, "Next step")
        self.next_button.setDefault(False)
        self.next_button.clicked.connect(self.next)
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.where)
        row.addStretch(1)
        row.addWidget(self.next_button)
        return bar

    def _actions(self) -> None:
        self.next_action = QAction("&Next step", self)
        self.next_action.setShortcuts([QKeySequence("Ctrl+PgDown"), QKeySequence("Alt+Right")])
        self.next_action.triggered.connect(self.next)
        self.back_action = QAction("&Previous step", self)
        self.back_action.setShortcuts([QKeySequence("Ctrl+PgUp"), QKeySequence("Alt+Left")])
        self.back_action.triggered.connect(self.back)
        self.next_question_action = QAction(self, text="Next &question")
        self.next_question_action.setShortcut(QKeySequence("Ctrl+Down"))
        self.next_question_action.triggered.connect(lambda: self._move_question(+1))
        self.previous_question_action = QAction(self, text="Previous q&uestion")
        self.previous_question_action.setShortcut(QKeySequence("Ctrl+Up"))
        self.previous_question_action.triggered.connect(lambda: self._move_question(-1))
        moves = (self.next_question_action, self.previous_question_action)
        for action in (self.next_action, self.back_action, *moves):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.all_questions_action = QAction(self, text="Show &all questions", checkable=True)
        self.all_questions_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.all_questions_action.toggled.connect(self.model.set_show_all)
        self.addAction(self.all_questions_action)

    # --- steps -------------------------------------------------------------------------------

    def reset(self) -> None:
        """Another assessment: drop every page and list its steps."""
        self._prefetch.stop()
        for key in list(self.pages):
            self._drop(key)
        self._current = ""
        self._fill_tree()
        self.final.refresh()
        self._shown_changed(self.model.shows_all())

    def _asked_changed(self) -> None:
        """The school's phase changed: other areas and questions are asked of it."""
        keep = {s.key for s in steps_for(self.model) if not s.key.startswith("area:")}
        for key in [k for k in self.pages if k not in keep | {self._current}]:
            self._drop(key)
        self._fill_tree()

    def _shown_changed(self, _show_all: bool) -> None:
        """The core set or every question: the menu's tick and each area's progress."""
        action = self.all_questions_action
        action.setEnabled(self.model.offers_core())
        with QSignalBlocker(action):
            action.setChecked(self.model.shows_all())
        self._show_progress()

    def _fill_tree(self) -> None:
        self.steps = steps_for(self.model)
        self.tree.blockSignals(True)
        self.tree.clear()
        items: dict[str, QTreeWidgetItem] = {}
        for step in self.steps:
            parent = items.get(step.parent)
            item = QTreeWidgetItem(parent) if parent else QTreeWidgetItem(self.tree)
            item.setText(0, step.title)
            item.setData(0, KEY_ROLE, step.key)
            items[step.key] = item
        self.tree.expandAll()
        self.tree.blockSignals(False)
        self._items = items
        self._show_progress()
        if self._current in items:
            self._select(self._current)

    def _show_progress(self, only: str | None = None) -> None:
        """Each area's progress in the step list (`only`: just this area's)."""
        referents = self.model.selected_referents()
        if only is not None:
            referents = [r for r in referents if r.id == only]
        for referent in referents:
            item = self._items.get(f"area:{referent.id}")
            if item is None:
                continue
            answered, total = self.model.progress(referent)
            done = answered == total
            words = self.model.progress_words(referent)
            item.setData(0, PROGRESS_ROLE, DONE if done else f"{answered}/{total}")
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{referent.title}, {words}")
            item.setToolTip(0, words.capitalize())

    def _on_changed(self, change: Change) -> None:
        if isinstance(change, AreasSelected | QuestionnaireSwitched):
            keep = {s.key for s in steps_for(self.model)}
            if isinstance(change, QuestionnaireSwitched):  # pages show the old questions
                keep = {self._current}
            for key in [k for k in self.pages if k not in keep]:
                self._drop(key)
            self._fill_tree()
        elif isinstance(change, StatusSet):
            self.final.refresh()
        elif isinstance(change, AnswerChosen | AnswerCleared):
            referent = self.model.questionnaire.referent_of(change.question)
            self._show_progress(referent.id if referent is not None else None)

    def _show_reverted(self, change: Change) -> None:
        """Undo and redo show what they changed: its step, reloaded from the assessment,
        with the question it touched in view."""
        from ddwizard.ui.steps import step_of

        key = step_of(change, self.model.questionnaire)
        if key not in {s.key for s in self.steps}:
            key = self._current
        if key != self._current:
            self.go(key)
        page = self.current_page()
        if page is None:
            return
        page.load()
        question = getattr(change, "question", None)
        if question is not None and hasattr(page, "focus_question"):
            page.focus_question(question)

    def _drop(self, key: str) -> None:
        page = self.pages.pop(key)
        self.stack.removeWidget(page)
        page.deleteLater()

    # --- moving ------------------------------------------------------------------------------

    def current(self) -> str:
        return self._current

    def current_page(self) -> Page | None:
        return self.pages.get(self._current)

    def go(self, key: str, focus: bool = True) -> bool:
        """Show a step; `focus`: with the focus on its first field (or first unanswered
        question), so typing and keys 1 to 9 work at once."""
        if key not in {s.key for s in self.steps}:
            return False
        if key != self._current:
            if self.current_page() is not None:
                self.current_page().save()
            page = self.page(key)
            page.load()
            self.final.apply(page)
            self.stack.setCurrentWidget(page)
            # Laid out now (scroll areas size their contents on a posted request), so the
            # page's first frame is never drawn half-sized.
            for _ in range(4):  # the page, what its layout resized, what that moved...
                QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            self._current = key
            self.stepChanged.emit(key)
            if focus:
                page.focus_first()
        self._select(key)
        self._update_nav()
        self._prefetch.start()
        return True

    def _build_next(self) -> None:
        """Build the next step's page ahead of the move (see the module's note)."""
        keys = [s.key for s in self.steps]
        if not self.model.is_open() or self._current not in keys:
            return
        i = keys.index(self._current) + 1
        if i < len(keys) and keys[i] not in self.pages:
            page = self.page(keys[i])
            page.load()  # and again when it is shown: the model may change meanwhile
            page.setGeometry(self.stack.rect())
            page.ensurePolished()  # styled now, with every widget in it, not when first shown
            if page.layout() is not None:
                page.layout().activate()  # laid out now, while nothing else is happening

    def _move_question(self, delta: int) -> None:
        page = self.current_page()
        if hasattr(page, "move_question"):  # an area page
            page.move_question(delta)

    def next(self) -> None:
        self._move(+1)

    def back(self) -> None:
        self._move(-1)

    def _move(self, delta: int) -> None:
        keys = [s.key for s in self.steps]
        if self._current in keys:
            i = keys.index(self._current) + delta
            if 0 <= i < len(keys):
                self.go(keys[i])

    def _tree_moved(self, item: QTreeWidgetItem | None, _previous) -> None:
        # With no step shown yet (an assessment just opened), a move is the list choosing
        # its first row as it takes the focus, not the person: whoever opened it goes on.
        # Chosen with the mouse, the step takes the focus; with the arrow keys, the list
        # keeps it, so the arrows go on moving through the steps (Tab or Enter goes in).
        if item is not None and self._current:
            by_keys = self.tree.hasFocus() and not QApplication.mouseButtons()
            self.go(item.data(0, KEY_ROLE), focus=not by_keys)

    def _select(self, key: str) -> None:
        item = self._items.get(key)
        if item is not None and self.tree.currentItem() is not item:
            self.tree.blockSignals(True)
            self.tree.setCurrentItem(item)
            self.tree.blockSignals(False)

    def _update_nav(self) -> None:
        keys = [s.key for s in self.steps]
        i = keys.index(self._current)
        self.back_button.setEnabled(i > 0)
        self.next_button.setEnabled(i < len(keys) - 1)
        self._after = self.steps[i + 1].title if i < len(keys) - 1 else ""
        self.where.setText(f"Step {i + 1} of {len(keys)}")
        self._fit_next()

    _after = ""  # the next step's title

    def _fit_next(self) -> None:
        """ "Next: <the next step>" when it fits beside the step count, else "Next" (a long
        title would make the window wider than the screen)."""
        full = f"Next: {self._after}"
        room = (self.stack.width() - self.where.sizeHint().width()) // 2 - MARGIN - 4 * em(self)
        fits = self._after and self.next_button.fontMetrics().horizontalAdvance(full) <= room
        self.next_button.setText(full if fits else "Next")
        self.next_button.setToolTip("" if fits or not self._after else full)
        named(self.next_button, full if self._after else "Next", "Next step")

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self._current:
            self._fit_next()

    def open_question(self, question_id: str) -> None:
        referent = self.model.questionnaire.referent_of(question_id)
        if referent is not None and self.go(f"area:{referent.id}"):
            self.pages[self._current].focus_question(question_id)

    # --- pages -------------------------------------------------------------------------------

    def page(self, key: str) -> Page:
        """The page for a step, built on first use."""
        if key not in self.pages:
            step = next(s for s in self.steps if s.key == key)
            size = self.stack.size()
            page = step.entry.page_class().create(
                self.model, step, dialogs=self.dialogs, height=size.height(), width=size.width()
            )
            page.goTo.connect(self.go)
            page.openQuestion.connect(self.open_question)
            page.exportBundle.connect(self.exportBundle)
            page.exportBrief.connect(self.exportBrief)
            page.exportBriefWord.connect(self.exportBriefWord)
            self.pages[key] = page
            self.stack.addWidget(page)
        return self.pages[key]
