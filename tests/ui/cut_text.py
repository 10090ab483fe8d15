"""Text cut short in lists and tables: an item whose words do not fit the rectangle it is
drawn in, which Qt's item views end with "…". Measured as the style lays an item out
(its text rectangle less the style's text margin, wrapped when the view wraps)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
)

WRAP = int(Qt.TextFlag.TextWordWrap)


def cut_items(view: QAbstractItemView) -> list[str]:
    """The texts of a view's items that are cut short (in rows scrolled to, too)."""
    delegate = view.itemDelegate()
    if type(delegate) is not QStyledItemDelegate:
        return []  # a delegate of our own draws its text itself (ui.steps)
    found = []
    for index in _shown(view):
        rect = view.visualRect(index)
        if rect.isEmpty():
            continue
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.rect = rect
        if view.wordWrap():
            option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        delegate.initStyleOption(option, index)
        if option.text and not _fits(view, option):
            found.append(f"{view.accessibleName()!r}: {option.text!r} in {rect.getRect()}")
    return found


def _fits(view: QAbstractItemView, option: QStyleOptionViewItem) -> bool:
    style = view.style()
    box = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    width = box.width() - 2 * margin
    metrics = QFontMetrics(option.font)
    text = option.text.replace("\u2028", "\n")
    if "\u2026" in text:
        return False  # cut short before it reached the view
    wraps = bool(option.features & QStyleOptionViewItem.ViewItemFeature.WrapText)
    words = text.split() if wraps else text.splitlines()
    if any(metrics.horizontalAdvance(w) > width for w in words):
        return False  # a word (or, without wrapping, a line) wider than its room
    flags = WRAP if wraps else 0
    needed = metrics.boundingRect(QRect(0, 0, width, 100_000), flags, text).height()
    return needed <= box.height()


def _shown(view: QAbstractItemView):
    """Every index a person could see by scrolling: expanded rows, columns not hidden."""
    model = QAbstractItemView.model(view)  # (some views keep our model as `model`)
    tree = isinstance(view, QTreeView)

    def walk(parent: QModelIndex):
        for row in range(model.rowCount(parent)):
            columns = 1 if isinstance(view, QListView) else model.columnCount(parent)
            for column in range(columns):
                index = model.index(row, column, parent)
                hidden = view.isColumnHidden(column) if tree else False
                if not hidden and not (tree and view.isRowHidden(row, parent)):
                    yield index
            first = model.index(row, 0, parent)
            if tree and model.hasChildren(first) and view.isExpanded(first):
                yield from walk(first)

    yield from walk(QModelIndex())
