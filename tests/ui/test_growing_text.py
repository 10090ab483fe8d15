"""A note that grows with its text is shown whole at whatever width its window gives it:
as tall as its lines, with no scroll bar beside it until it reaches its most lines."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ddwizard.ui.fields import GrowingText

LONG = "The share of the pension fund's deficit is agreed in writing with the fund. " * 3


def test_a_growing_note_is_shown_whole_at_any_width(qtbot):
    holder = QWidget()
    qtbot.addWidget(holder)
    box = GrowingText(min_lines=1, max_lines=12)
    QVBoxLayout(holder).addWidget(box)
    holder.resize(900, 300)
    holder.show()
    qtbot.waitExposed(holder)
    box.setPlainText(LONG)
    for width in (900, 320, 900, 240):
        holder.resize(width, 300)
        holder.layout().activate()
        lines = box.lines()
        assert lines > 1
        assert box.height() >= lines * box.fontMetrics().lineSpacing(), width
        assert not box.verticalScrollBar().isVisible(), width


def test_past_its_most_lines_it_scrolls(qtbot):
    box = GrowingText(min_lines=1, max_lines=3)
    qtbot.addWidget(box)
    box.resize(300, 50)
    box.show()
    box.setPlainText("\n".join(f"line {n}" for n in range(10)))
    assert box.lines() == 10
    assert box.height() < 10 * box.fontMetrics().lineSpacing()
    qtbot.waitUntil(box.verticalScrollBar().isVisible)


def test_a_stored_note_shown_without_signals_is_shown_whole(qtbot):
    """A note loaded from the assessment (or put back by undo) is set with the box's signals
    blocked, so that it is not written back: it still grows to its lines."""
    from PySide6.QtCore import QSignalBlocker

    holder = QWidget()
    qtbot.addWidget(holder)
    box = GrowingText(min_lines=2, max_lines=12)
    QVBoxLayout(holder).addWidget(box)
    holder.resize(320, 300)
    holder.show()
    qtbot.waitExposed(holder)
    with QSignalBlocker(box):
        box.setPlainText(LONG)
    lines = box.lines()
    assert lines > 2
    assert box.height() >= lines * box.fontMetrics().lineSpacing()
