"""Lists and tables whose text wraps to its column: each row as tall as its text needs at
the column's width now, measured again whenever a column's width changes. Qt's own views
measure a wrapped row without its column's width, and end the text with "…" instead."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTreeView

TALL = 100_000  # a height no row reaches: only the width bounds the text


class WrapToColumn(QStyledItemDelegate):
    """Set on a tree view: its items' text wraps to the width of their column."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self.view = view
        view.setWordWrap(True)
        view.setUniformRowHeights(False)
        view.setItemDelegate(self)
        view.header().sectionResized.connect(self._resized)

    def _resized(self, *_args) -> None:
        self.view.scheduleDelayedItemsLayout()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802 - Qt's name
        opt = QStyleOptionViewItem(option)
        opt.rect = QRect(0, 0, max(1, self._width(index)), TALL)
        opt.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        return super().sizeHint(opt, index)

    def _width(self, index: QModelIndex) -> int:
        """The width the item is drawn in: its column, less the tree's indent in the first."""
        view = self.view
        if index.column() != view.header().logicalIndex(0):
            return view.columnWidth(index.column())
        depth, parent = int(view.rootIsDecorated()), index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        if view.isFirstColumnSpanned(index.row(), index.parent()):
            return view.viewport().width() - depth * view.indentation()
        return view.columnWidth(index.column()) - depth * view.indentation()
