"""The main window: the start screen or the wizard, the menus, and the autosave indicator.
Reopening the app returns to the same assessment and step (kept with `db.set_state`)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QProgressBar, QStackedWidget

from ddwizard.core.errors import UserError
from ddwizard.storage import DatabaseDamaged, StorageError
from ddwizard.ui.actions import FileActions
from ddwizard.ui.dialogs import Dialogs, QtDialogs
from ddwizard.ui.model import AssessmentModel
from ddwizard.ui.start import StartScreen
from ddwizard.ui.status import SaveIndicator
from ddwizard.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from ddwizard.ui.wizard import Wizard

STATE_KEY = "ui.last"  # {"assessment": id, "step": key}
GEOMETRY_KEY = "window/geometry"  # in the user's settings (see ui.settings)
REMEMBER_MS = 1000
AUTO_BACKUP_MS = 1500  # the start-up backup waits until the window is up and drawn


class MainWindow(QMainWindow):
    def __init__(self, db, dialogs: Dialogs | None = None, restore_backup=None) -> None:
        super().__init__()
        self.db = db
        self.dialogs = dialogs or QtDialogs(self)
        self.restore_backup = restore_backup  # app-level: closes, restores, reopens
        self.setWindowTitle("ddwizard")
        self.runner = TaskRunner(self)
        self.model = AssessmentModel(db, self)
        self.actions = FileActions(db, self.model, self.runner, self.dialogs, self)
        self.start = StartScreen(db)
        self._wizard: Wizard | None = None  # made when an assessment is first opened
        self._compare = None  # the Compare view, made when first shown
        self.views = QStackedWidget()
        self.views.addWidget(self.start)
        self.setCentralWidget(self.views)
        self._help = None  # the framework's help, made when first asked for
        self._remember_timer = QTimer(self, singleShot=True, interval=REMEMBER_MS)
        self._remember_timer.timeout.connect(self._write_where)
        self._backup_timer = QTimer(self, singleShot=True, interval=AUTO_BACKUP_MS)
        self._backup_timer.timeout.connect(self.actions.auto_backup)
        from ddwizard.ui.access import install
        from ddwizard.ui.focusring import FocusRings

        install()  # a step's title read as a heading

        self.focus_rings = FocusRings(self)
        self._status_bar()
        self._menus()
        self._connect()
        self._resize()

    # --- building ----------------------------------------------------------------------------

    def _status_bar(self) -> None:
        self.indicator = SaveIndicator(self.model)
        self.busy = QProgressBar(maximumWidth=120, textVisible=False)
        self.busy.setRange(0, 0)
        self.busy.setAccessibleName("Working in the background")
        self.busy.hide()
        self.busy_text = QLabel()
        # Permanent (at the right), so a passing message ("Backup taken.") never covers it.
        self.statusBar().addPermanentWidget(self.indicator)
        self.statusBar().addPermanentWidget(self.busy_text)
        self.statusBar().addPermanentWidget(self.busy)

    def _action(self, menu, text: str, slot, shortcut: str | QKeySequence.StandardKey = ""):
        action = menu.addAction(text)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _menus(self) -> None:
        a = self.actions
        file = self.menuBar().addMenu("&File")
        self._action(file, "&New assessment", a.new_assessment, QKeySequence.StandardKey.New)
        self._action(file, "&Open start screen", self.show_start, QKeySequence.StandardKey.Open)
        self._action(file, "&Find an assessment", self.find, QKeySequence.StandardKey.Find)
        offer = self.start.carry_on
        self.carry_on_action = self._action(file, "&Carry on where you left off", offer.carry_on)
        self.carry_on_action.setEnabled(False)
        offer.offered.connect(self.carry_on_action.setEnabled)
        file.addSeparator()
        self._action(file, "&Import bundle…", lambda: a.import_bundle(), "Ctrl+I")
        self.export_action = self._action(file, "&Export bundle…", self._export_bundle, "Ctrl+E")
        self.brief_action = self._action(
            file, "Export &brief (PDF)…", a.export_brief, "Ctrl+Shift+E"
        )
        self.brief_word_action = self._action(
            file, "Export brief as &Word…", a.export_brief_word, "Ctrl+Shift+W"
        )
        self.visit_pack_action = self._action(
            file, "Print &visit pack (PDF or Word)…", a.print_visit_pack, "Ctrl+P"
        )
        self.compare_action = self._action(file, "&Compare with…", self.compare_with)
        file.addSeparator()
        if self.restore_backup is not None:
            self._action(file, "&Restore a backup…", self.restore_backup)
            file.addSeparator()
        self._action(file, "&Quit", self.close, QKeySequence.StandardKey.Quit)
        from ddwizard.ui.menus import AssessmentMenu, EditMenu

        self.edit_menu = EditMenu(self)
        self.assessment_menu = AssessmentMenu(self)
        help_menu = self.help_menu = self.menuBar().addMenu("&Help")
        self.assessment_menu.view_menu(help_menu.menuAction())
        self._action(
            help_menu,
            "About the &framework",
            self.show_framework_help,
            QKeySequence.StandardKey.HelpContents,
        )
        self._action(
            help_menu,
            "&About ddwizard",
            self._about,
        )

    def find(self) -> None:
        """The start screen, with the focus in its search box."""
        if self.views.currentWidget() is not self.start or not self.start.isVisible():
            self.show_start()
        self.start.focus_search()

    def _connect(self) -> None:
        s, a = self.start, self.actions
        s.openRequested.connect(lambda i: self.open_assessment(i))
        s.newRequested.connect(a.new_assessment)
        s.reassessRequested.connect(a.reassess)
        s.deleteRequested.connect(a.delete)
        s.exportRequested.connect(a.export_bundle)
        s.importRequested.connect(lambda: a.import_bundle())
        s.demoRequested.connect(a.demo)
        s.compareRequested.connect(self.show_compare)
        s.carryOnRequested.connect(self.open_assessment)
        a.opened.connect(self.open_assessment)
        a.listChanged.connect(self._list_changed)
        a.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        a.aside.connect(self._aside)
        self.model.notice.connect(lambda text: self.statusBar().showMessage(text, 8000))
        a.busy.connect(self._busy)
        self.model.changed.connect(self._title)

    @property
    def wizard(self) -> Wizard:
        """The guided flow, made the first time it is needed (the start screen needs none
        of it), with its Go menu."""
        if self._wizard is None:
            from ddwizard.ui.wizard import Wizard

            self._wizard = wizard = Wizard(self.model, self.dialogs)
            self.views.addWidget(wizard)
            a = self.actions
            wizard.stepChanged.connect(self._remember)
            wizard.exportBundle.connect(lambda: a.export_bundle(self.model.assessment_id))
            wizard.exportBrief.connect(a.export_brief)
            wizard.exportBriefWord.connect(a.export_brief_word)
            go = QMenu("&Go", self)
            go.addAction(wizard.next_action)
            go.addAction(wizard.back_action)
            go.addSeparator()
            go.addAction(wizard.next_question_action)
            go.addAction(wizard.previous_question_action)
            go.addAction(self.assessment_menu.move_on_action())
            go.addSeparator()
            go.addAction(wizard.all_questions_action)
            self.menuBar().insertMenu(self.help_menu.menuAction(), go)
            if self.model.is_open():
                wizard.reset()
            self._enable()
        return self._wizard

    def _resize(self) -> None:
        """Where and how big the window was last time, else most of the screen."""
        from ddwizard.ui.settings import read_bytes

        geometry = read_bytes(GEOMETRY_KEY)
        if geometry is not None and self.restoreGeometry(geometry):
            return
        m = self.fontMetrics()
        want = QSize(100 * m.horizontalAdvance("M"), 50 * m.height())
        screen = self.screen().availableGeometry().size() * 0.9
        self.resize(want.boundedTo(screen))

    # --- showing -------------------------------------------------------------------------------

    def start_up(self) -> None:
        """The start screen, offering to carry on where the person left off (never straight
        into an assessment: see ui/carry_on.py); then a backup."""
        last = self._last()
        self.show_start(forget=False)
        try:
            place = int(last.get("assessment")), str(last.get("step", ""))
        except (TypeError, ValueError):  # nothing left open, or not ours to read
            place = None
        if place is not None and self.start.offer_carry_on(*place, str(last.get("title", ""))):
            self.start.focus_default()
        self._backup_timer.start()

    def open_assessment(self, assessment_id, step: str = "") -> bool:
        """Show an assessment at a step (the review when there is no plane page, else the
        first step)."""
        try:
            self.model.open(int(assessment_id))
        except (UserError, TypeError, ValueError) as e:
            if not isinstance(e, DatabaseDamaged):  # the app offers a backup
                self.dialogs.error("Open assessment", str(e))
            return False
        self.start.withdraw_carry_on()
        self.views.setCurrentWidget(self.wizard)
        fallback = "review" if step == "plane" else "about"
        if not (step and self.wizard.go(step)):
            self.wizard.go(fallback)
        self._enable()
        self._title()
        return True

    def show_start(self, forget: bool = True) -> None:
        """The list of assessments; `forget`: where the person was is no longer offered."""
        self.model.flush()
        self.model.close()
        if forget:
            self.start.withdraw_carry_on()
        self.start.refresh()
        self.views.setCurrentWidget(self.start)
        self.start.focus_default()
        if forget:
            self._remember("")
        self._enable()
        self._title()

    def show_compare(self, ids: list[int]) -> bool:
        """The Compare view of these assessments (see ui/compare_view.py)."""
        from ddwizard import services
        from ddwizard.ui.actions import error_text
        from ddwizard.ui.compare_view import CompareView

        self.model.flush()
        try:
            comparison = services.compare_assessments(self.db, ids)
        except Exception as e:  # noqa: BLE001 - reported in words
            self.dialogs.error("Compare", error_text(e))
            return False
        if self._compare is None:
            self._compare = CompareView(self.dialogs, self.runner)
            self._compare.backRequested.connect(self.show_start)
            self._compare.message.connect(lambda t: self.statusBar().showMessage(t, 8000))
            self._compare.busy.connect(self._busy)
            self.views.addWidget(self._compare)
        self.model.close()
        self._compare.set_comparison(comparison)
        self.views.setCurrentWidget(self._compare)
        self._compare.focus_default()
        self._remember("")
        self._enable()
        self.setWindowTitle(f"{self._compare.figure.title} — ddwizard")
        return True

    def compare_with(self):
        """Ask which assessments to set beside the open one, then compare them."""
        from ddwizard.ui.compare_view import CompareChooser

        current = self.model.assessment_id
        if current is None:
            return None
        chooser = CompareChooser(self.db.list_assessments(), current, self)
        chooser.accepted.connect(lambda: self.show_compare([current, *chooser.chosen()]))
        chooser.finished.connect(chooser.deleteLater)
        chooser.open()
        return chooser

    def show_framework_help(self) -> None:
        if self._help is None:
            from ddwizard.ui.help import FrameworkHelp

            self._help = FrameworkHelp(self)
        self._help.show()
        self._help.raise_()

    def _about(self) -> None:
        from ddwizard.ui.help import ABOUT_DDWIZARD

        self.dialogs.inform("About ddwizard", ABOUT_DDWIZARD)

    def _enable(self) -> None:
        in_wizard = self.model.is_open()
        self.indicator.setVisible(in_wizard)
        self.brief_action.setEnabled(in_wizard)
        self.brief_word_action.setEnabled(in_wizard)
        self.visit_pack_action.setEnabled(in_wizard)
        self.compare_action.setEnabled(in_wizard)
        for action in self.assessment_menu.in_wizard:
            action.setEnabled(in_wizard)
        if self._wizard is not None:
            self._wizard.next_action.setEnabled(in_wizard)
            self._wizard.back_action.setEnabled(in_wizard)

    def _title(self, *_) -> None:
        a = self.model.assessment
        if a is None:
            self.setWindowTitle("ddwizard")
            return
        school = a.school.name or "New assessment"
        self.setWindowTitle(f"{school}{' · ' + a.label if a.label else ''} — ddwizard")

    def _export_bundle(self) -> None:
        self.actions.export_bundle(self.model.assessment_id or self.start.selected_id())

    def _list_changed(self) -> None:
        self.start.refresh()
        if not self.model.is_open() and self._wizard and self.views.currentWidget() is self._wizard:
            self.show_start()  # the open assessment has gone

    def _aside(self, text: str) -> None:
        """A passing note (a backup taken) never covers what the person was just told."""
        if not self.statusBar().currentMessage():
            self.statusBar().showMessage(text, 8000)

    def _busy(self, text: str) -> None:
        self.busy.setVisible(bool(text))
        self.busy_text.setText(text)
        review = self._wizard.pages.get("review") if self._wizard else None
        if review is not None:
            review.show_busy(text)

    # --- remembering where we were -------------------------------------------------------------

    _remembered: str | None = None  # what the state holds, so an unchanged one is not written
    _where: str | None = None  # where the person is, when not yet written
    _writes_stopped = False  # see stop_writing

    def _remember(self, step: str) -> None:
        """Note where the person is; written once they stay a moment (REMEMBER_MS), or on
        closing. Unlike an answer, a step not written is no loss: it is only where to
        reopen, so moving through the steps costs no write to the disk each time."""
        if self._writes_stopped:
            return
        value = {}
        if step:
            title = next((s.title for s in self.wizard.steps if s.key == step), "")
            value = {"assessment": self.model.assessment_id, "step": step, "title": title}
        self._where = json.dumps(value)
        if self._where == self._remembered:
            self._where = None
            self._remember_timer.stop()
        else:
            self._remember_timer.start()

    def _write_where(self) -> None:
        self._remember_timer.stop()
        text, self._where = self._where, None
        if text is None or text == self._remembered:
            return
        try:
            self.db.set_state(STATE_KEY, text)
            self._remembered = text
        except StorageError as e:
            self.statusBar().showMessage(str(e), 8000)

    def _last(self) -> dict:
        try:
            self._remembered = self.db.get_state(STATE_KEY) or json.dumps({})
            return json.loads(self._remembered)
        except (StorageError, ValueError):
            return {}

    def stop_writing(self) -> None:
        """The file has been found damaged: no start-up backup, and nothing written on
        closing (not even where the person was)."""
        self._backup_timer.stop()
        self._remember_timer.stop()
        self._where = None
        self._writes_stopped = True

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self._backup_timer.stop()  # closed within the first moments: no start-up backup
        self._write_where()
        from ddwizard.ui.settings import write

        write(GEOMETRY_KEY, self.saveGeometry())
        self.model.flush()
        if self._wizard is not None and self._wizard.current_page() is not None:
            self._wizard.current_page().save()
        self.runner.wait()
        if self._help is not None:
            self._help.close()
        super().closeEvent(event)
