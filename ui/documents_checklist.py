"""The papers of a dossier: ticked when received, with originals and copies; extras can be added."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLineEdit, QPushButton, QSpinBox, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

RECEIVED, NAME, ORIGINALS, COPIES = range(4)


class DocumentsChecklist(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Received"), self.tr("Document"), self.tr("Originals"), self.tr("Copies")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.Stretch)
        for column in (RECEIVED, ORIGINALS, COPIES):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.setToolTip(self.tr("Space ticks or unticks the selected paper"))
        self.extra = QLineEdit()
        self.extra.setPlaceholderText(self.tr("Another paper handed in…"))
        self.add = QPushButton(self.tr("Add paper"))
        self.add.setToolTip(self.tr("Add the paper typed on the left (Enter)"))
        self.add.clicked.connect(self._add_extra)
        self.extra.returnPressed.connect(self._add_extra)
        row = QHBoxLayout()
        row.addWidget(self.extra, 1)
        row.addWidget(self.add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(row)

    def set_documents(self, documents) -> None:
        """``documents``: DocumentSpec-like (name, originals, copies, required)."""
        self.table.setRowCount(0)
        for doc in documents:
            self.add_row(doc.name, doc.originals, doc.copies, getattr(doc, "required", True))

    def add_row(self, name: str, originals: int = 1, copies: int = 0, ticked: bool = True) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        tick = QTableWidgetItem()
        tick.setFlags(Qt.ItemIsUserCheckable | Qt.ItemIsEnabled | Qt.ItemIsSelectable)
        tick.setCheckState(Qt.Checked if ticked else Qt.Unchecked)
        self.table.setItem(row, RECEIVED, tick)
        self.table.setItem(row, NAME, QTableWidgetItem(name))
        for column, value in ((ORIGINALS, originals), (COPIES, copies)):
            spin = QSpinBox()
            spin.setRange(0, 99)
            spin.setValue(value)
            spin.setFrame(False)
            self.table.setCellWidget(row, column, spin)

    def _add_extra(self) -> None:
        name = self.extra.text().strip()
        if name:
            self.add_row(name, 1, 0, True)
            self.extra.clear()

    def received(self) -> list[dict]:
        result = []
        for row in range(self.table.rowCount()):
            if self.table.item(row, RECEIVED).checkState() != Qt.Checked:
                continue
            result.append({
                "name": self.table.item(row, NAME).text(),
                "originals": self.table.cellWidget(row, ORIGINALS).value(),
                "copies": self.table.cellWidget(row, COPIES).value(),
            })
        return result

    def clear(self) -> None:
        self.table.setRowCount(0)
        self.extra.clear()
