"""Cells for the read-only tables of the screens."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidgetItem


def table_item(text: str, number: bool = False) -> QTableWidgetItem:
    """A cell; numbers are aligned right, as in the printed forms."""
    item = QTableWidgetItem(text)
    if number:
        item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
    return item
