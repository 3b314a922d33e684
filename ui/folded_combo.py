"""A combo box whose completer ignores diacritics: "tam dao" finds "Xã Tam Đảo".

The completer is attached to the line edit, not through ``QComboBox.setCompleter``: the combo's
own handler maps the completer's index through the completion model it expects, which is not
our filter model (Qt warned "index from wrong model passed to mapToSource" and the choice was
only taken when the field was left). Here a choice — Enter on a typed fragment, or a line of
the popup — is taken at once, and ``chosen`` fires before the focus moves on.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter

from models.text import fold

FOLDED_ROLE = Qt.UserRole + 1


class _FoldedFilter(QSortFilterProxyModel):
    """Rows whose folded text holds every typed word, in any order."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.words: list[str] = []

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self.words = fold(text).split()
        self.endFilterChange()
        # The shortest matching name is the most specific: "khai sinh" puts
        # "Đăng ký khai sinh" before "Đăng ký khai sinh có yếu tố nước ngoài".
        self.sort(0 if self.words else -1)

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:
        return len(left.data(FOLDED_ROLE) or "") < len(right.data(FOLDED_ROLE) or "")

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        key = self.sourceModel().index(row, 0, parent).data(FOLDED_ROLE) or ""
        return all(w in key for w in self.words)


class FoldedCombo(QComboBox):
    """Editable combo: type any part of a name without accents, pick with arrows and Enter.

    ``chosen`` is emitted with the item's data when a real item is selected.
    """

    chosen = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.NoInsert)
        # Long names (a procedure can have 290 characters) must not widen the form.
        self.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        self.items = QStandardItemModel(self)
        self.setModel(self.items)
        self.filter = _FoldedFilter(self)
        self.filter.setSourceModel(self.items)
        self.setCompleter(None)  # the combo's own prefix completer, and its handler, go
        self.completer_ = QCompleter(self.filter, self)
        self.completer_.setCompletionMode(QCompleter.UnfilteredPopupCompletion)
        self.completer_.setCaseSensitivity(Qt.CaseInsensitive)
        self.completer_.setMaxVisibleItems(12)
        self.completer_.setWidget(self.lineEdit())
        self.completer_.activated[QModelIndex].connect(self._picked)
        self.lineEdit().textEdited.connect(self._typed)
        self.lineEdit().returnPressed.connect(self._enter)
        self.currentIndexChanged.connect(lambda _i: self.chosen.emit(self.currentData()))

    def set_items(self, items: Iterable[tuple[str, Any]], extra_key=lambda data: "") -> None:
        self.blockSignals(True)
        self.items.clear()
        for text, data in items:
            item = QStandardItem(text)
            item.setData(data, Qt.UserRole)
            item.setData(text, Qt.ToolTipRole)  # the whole name, when the box shows part of it
            item.setData(fold(f"{text} {extra_key(data)}"), FOLDED_ROLE)
            self.items.appendRow(item)
        self.setCurrentIndex(-1)
        self.blockSignals(False)

    def select_data(self, data: Any) -> None:
        index = self.findData(data) if data is not None else -1
        self.setCurrentIndex(index)
        if index < 0:
            self.lineEdit().clear()

    def _typed(self, text: str) -> None:
        self.filter.set_text(text)
        if text and self.filter.rowCount():
            self.completer_.complete()
        else:
            self.completer_.popup().hide()

    def _enter(self) -> None:
        """Enter on a typed fragment takes the first match (the popup's top line)."""
        text = self.lineEdit().text()
        if self.currentIndex() >= 0 and text == self.currentText():
            return
        self.filter.set_text(text)
        if self.filter.rowCount():
            self._picked(self.filter.index(0, 0))
        self.completer_.popup().hide()

    def _picked(self, index: QModelIndex) -> None:
        completion = self.completer_.completionModel()
        if index.model() is completion:  # Qt versions differ in which model they report
            index = completion.mapToSource(index)
        if index.model() is not self.filter:
            return
        source = self.filter.mapToSource(index)
        self.setCurrentIndex(source.row())
        self.lineEdit().setText(self.itemText(source.row()))
        self.lineEdit().setCursorPosition(0)

    def focusOutEvent(self, event) -> None:
        """Leaving with text that names no item: keep the last real choice shown."""
        super().focusOutEvent(event)
        if self.lineEdit().text() != self.currentText():
            self.lineEdit().setText(self.currentText() if self.currentIndex() >= 0 else "")
