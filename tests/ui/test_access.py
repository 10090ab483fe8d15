"""What a screen reader is told: a control's name starts with the words on it, combo boxes
are named by their label, a step's title is a heading, route steps give their values, and
the save status is announced when it changes."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QComboBox, QFormLayout, QLabel, QWidget

from ddwizard.ui.pages.base import visible_text

from .test_fit import visit


def misnamed(root: QWidget) -> list[str]:
    wrong = []
    for w in root.findChildren(QWidget):
        if isinstance(w, QAbstractButton) and w.isVisibleTo(root):
            shown = visible_text(w)
            if shown and not w.accessibleName().casefold().startswith(shown.casefold()):
                wrong.append(f"{shown!r} named {w.accessibleName()!r}")
    return wrong


def test_names_start_with_the_words_shown(qtbot, window):
    found = {}
    for key, page in visit(qtbot, window):
        if wrong := misnamed(page):
            found[key] = wrong
    for name, root in (("wizard", window.wizard), ("start", window.start)):
        if wrong := misnamed(root):
            found[name] = wrong
    assert found == {}
    assert window.wizard.back_button.accessibleName() == "Back"


def test_combos_by_their_label_titles_as_headings_steps_with_values(qtbot, window):
    pages = dict(visit(qtbot, window, only=lambda key: key in ("about", "plane")))
    about = pages["about"]
    form = about.form
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        if label and field and isinstance(field.widget(), QComboBox):
            words = label.widget().text().replace("&", "")
            assert field.widget().accessibleName().startswith(words)
    title = next(w for w in about.findChildren(QLabel) if w.text() == about.title)
    heading = QAccessible.queryAccessibleInterface(title)
    assert heading.role() == QAccessible.Role.Heading
    assert heading.text(QAccessible.Text.Name) == about.title
    plane = pages["plane"]
    target = window.model.assessment.targets[0]
    plane.select(target.referent)
    spin = plane.editor.steps.field(0, "purpose")
    value = QAccessible.queryAccessibleInterface(spin).valueInterface().currentValue()
    assert value == target.steps[0].purpose
    assert spin.accessibleName() == "Step 1 purpose"


def test_the_save_status_is_announced_when_it_changes(qtbot, window, monkeypatch):
    said = []
    monkeypatch.setattr("ddwizard.ui.status.announce", lambda widget, words: said.append(words))
    window.actions.new_assessment()
    page = window.wizard.current_page()
    qtbot.keyClicks(page.school_name, "Hillside")
    qtbot.waitUntil(lambda: said[-1:] == ["All changes saved"])
    assert "Saving…" in said
    assert window.indicator.accessibleName() == "Save status: All changes saved"
