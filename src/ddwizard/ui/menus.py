"""The Assessment menu: what can be done to an assessment, each with its shortcut shown (the
open assessment, else the one chosen in the start screen's list); and the Go menu's choice
of moving on after answering with a number key."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

REVIEW = [
    ("Mark as &final…", "mark_final", "Ctrl+Shift+F"),
    ("Re&open as a draft", "reopen", "Ctrl+Shift+D"),
]
PLANE = [
    ("Set a &target", "create_target", "Ctrl+T"),
    ("Add a route &step", "add_step", "Ctrl+Shift+T"),
]


class EditMenu(QObject):
    """Edit: undo and redo, saying what they would change, and the assessment's history.
    The window's `undo_action`, `redo_action` and `history_action` are these."""

    def __init__(self, window) -> None:
        super().__init__(window)
        w, model = window, window.model
        edit = w.menuBar().addMenu("&Edit")
        w.undo_action = w._action(edit, "&Undo", model.undo, "Ctrl+Z")
        w.redo_action = w._action(edit, "&Redo", model.redo, "Ctrl+Shift+Z")
        w.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit.addSeparator()
        w.history_action = w._action(edit, "&History…", self.show_history, "Ctrl+H")
        model.undoChanged.connect(self._words)
        model.loaded.connect(self._words)
        self._words()

    @property
    def window(self):
        return self.parent()

    def _words(self) -> None:
        """Undo and redo say what they would change; neither is offered when there is
        nothing to put back."""
        w = self.window
        for action, verb, change in (
            (w.undo_action, "&Undo", w.model.next_undo()),
            (w.redo_action, "&Redo", w.model.next_redo()),
        ):
            words = "" if change is None else _undo_words(change)
            action.setText(f"{verb} {words}".strip())
            action.setEnabled(change is not None)
        w.history_action.setEnabled(w.model.is_open())

    def show_history(self) -> None:
        """The open assessment's history, in words, newest first."""
        w = self.window
        if not w.model.is_open():
            return
        from ddwizard.ui.history_view import HistoryView

        w.model.flush()
        w.history_view = view = HistoryView(w.db, w.model.assessment_id, w)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.open()


class AssessmentMenu(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        w, a = window, window.actions
        menu = w.menuBar().addMenu("&Assessment")
        w._action(menu, "&Re-assess…", lambda: self._with_id(a.reassess), "Ctrl+R")
        w._action(menu, "&Delete…", lambda: self._with_id(a.delete), "Ctrl+Delete")
        menu.addSeparator()
        self.in_wizard = [
            w._action(menu, text, partial(self._on_review, name), keys)
            for text, name, keys in REVIEW
        ]
        menu.addSeparator()
        self.in_wizard += [
            w._action(menu, text, partial(self._on_plane, name), keys) for text, name, keys in PLANE
        ]

    def view_menu(self, before) -> None:
        """View > Theme: System, Light, Dark (remembered)."""
        from PySide6.QtGui import QActionGroup

        from ddwizard.ui import theme

        w = self.window
        view = QMenu("&View", w)
        w.menuBar().insertMenu(before, view)
        themes = view.addMenu("&Theme")
        group = QActionGroup(w)
        current = theme.chosen_theme()
        for name in theme.THEMES:
            action = themes.addAction(f"&{name.capitalize()}")
            action.setCheckable(True)
            action.setChecked(name == current)
            action.triggered.connect(partial(self._theme, name))
            group.addAction(action)
        self.theme_actions = group.actions()

    def _theme(self, name: str, *_) -> None:
        from PySide6.QtWidgets import QApplication

        from ddwizard.ui import theme

        theme.choose(QApplication.instance(), name)

    @property
    def window(self):
        return self.parent()  # asked of Qt, not held: the window may go first

    def _with_id(self, act) -> None:
        w = self.window
        chosen = w.model.assessment_id or w.start.selected_id()
        if chosen is not None:
            act(chosen)

    def _on_review(self, what: str, *_) -> None:
        """Mark final or reopen, from the review step (which lists what is still open)."""
        w = self.window
        if w.model.is_open() and w.wizard.go("review"):
            getattr(w.wizard.current_page(), what)()

    def _on_plane(self, what: str, *_) -> None:
        """Set a target or add a step for the area chosen on the plane step."""
        w = self.window
        if w.model.is_open() and w.wizard.go("plane", focus=False):
            w.wizard.current_page().editor_action(what)

    def move_on_action(self) -> QAction:
        from ddwizard.ui.settings import move_on_after_key, set_move_on_after_key

        action = QAction(self.window, text="&Move on after answering with 1 to 9", checkable=True)
        action.setChecked(move_on_after_key())
        action.toggled.connect(set_move_on_after_key)
        return action


def _undo_words(change) -> str:
    """What a change is called in the Edit menu. The words live beside the wizard's steps,
    which load every page: they are loaded with the first change, not with the window."""
    from ddwizard.ui.steps import UNDO_WORDS

    return UNDO_WORDS.get(type(change).__name__, "")
