"""The papers of a dossier: ticked when received (or, for an identity paper, when shown), with
originals and copies; extras can be added.

The procedure's list comes with each paper's kind (models.catalog): the required papers are
ticked, the situational ones ("trường hợp …") wait for a tick, and a paper only shown at the
counter (xuất trình) is ticked as shown, never as handed in. Long names wrap instead of being
cut. Keyboard: Space ticks the paper of the current row; + and − change its originals,
Ctrl with them its copies.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, QTimer, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLineEdit, QPushButton, QSpinBox, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from models.catalog import REQUIRED, SHOWN, SITUATIONAL

RECEIVED, NAME, KIND, ORIGINALS, COPIES = range(5)
KIND_ROLE = Qt.UserRole + 1
KIND_NAMES = {
    REQUIRED: QT_TRANSLATE_NOOP("DocumentsChecklist", "required"),
    SITUATIONAL: QT_TRANSLATE_NOOP("DocumentsChecklist", "if the case applies"),
    SHOWN: QT_TRANSLATE_NOOP("DocumentsChecklist", "shown only"),
}
MAX_VISIBLE_HEIGHT = 300  # px; a longer list scrolls inside the table


class _PaperTable(QTableWidget):
    def keyPressEvent(self, event) -> None:
        row = self.currentRow()
        if row >= 0 and event.key() == Qt.Key_Space:
            item = self.item(row, RECEIVED)
            item.setCheckState(Qt.Unchecked if item.checkState() == Qt.Checked else Qt.Checked)
            return
        if row >= 0 and event.key() in (Qt.Key_Plus, Qt.Key_Minus):
            column = COPIES if event.modifiers() & Qt.ControlModifier else ORIGINALS
            spin = self.cellWidget(row, column)
            spin.setValue(spin.value() + (1 if event.key() == Qt.Key_Plus else -1))
            return
        super().keyPressEvent(event)


class DocumentsChecklist(QWidget):
    """``edited()`` whenever a tick, a count or the list changes."""

    edited = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.table = _PaperTable(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Received"), self.tr("Document"), self.tr("Kind"), self.tr("Originals"),
             self.tr("Copies")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.Stretch)
        for column in (RECEIVED, KIND, ORIGINALS, COPIES):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.ElideNone)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.table.setToolTip(self.tr("Space ticks the paper received (or shown); + and − change "
                                      "the originals, Ctrl++ and Ctrl+− the copies"))
        self.table.itemChanged.connect(lambda _item: self.edited.emit())
        # Rows take their height as their names wrap, when the view is laid out: fit then.
        self._fit_timer = QTimer(self, singleShot=True, interval=0)
        self._fit_timer.timeout.connect(self._fit_height)
        self.table.verticalHeader().sectionResized.connect(lambda *_a: self._fit_timer.start())
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
        self._fit_height()

    def set_documents(self, documents) -> None:
        """``documents``: DocumentSpec-like (name, originals, copies, kind)."""
        self.table.setRowCount(0)
        for doc in documents:
            kind = getattr(doc, "kind", REQUIRED)
            self.add_row(doc.name, doc.originals, doc.copies, kind == REQUIRED, kind)
        if self.table.rowCount():
            self.table.setCurrentCell(0, RECEIVED)
        self.edited.emit()

    def add_row(self, name: str, originals: int = 1, copies: int = 0, ticked: bool = True,
                kind: str = REQUIRED) -> None:
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        tick = QTableWidgetItem()
        tick.setFlags(Qt.ItemIsUserCheckable | Qt.ItemIsEnabled | Qt.ItemIsSelectable)
        tick.setCheckState(Qt.Checked if ticked else Qt.Unchecked)
        tick.setData(KIND_ROLE, kind)
        self.table.setItem(row, RECEIVED, tick)
        paper = QTableWidgetItem(name)
        paper.setToolTip(name)
        self.table.setItem(row, NAME, paper)
        label = QTableWidgetItem(QCoreApplication.translate("DocumentsChecklist", KIND_NAMES[kind]))
        if kind == SHOWN:
            label.setToolTip(self.tr("Shown at the counter to be checked, not handed in: "
                                     "the receipt lists it apart"))
        self.table.setItem(row, KIND, label)
        for column, value in ((ORIGINALS, originals), (COPIES, copies)):
            spin = QSpinBox()
            spin.setRange(0, 99)
            spin.setValue(value)
            spin.setFrame(False)
            spin.setFocusPolicy(Qt.ClickFocus)  # Tab leaves the list; + and − change the counts
            spin.valueChanged.connect(lambda _v: self.edited.emit())
            self.table.setCellWidget(row, column, spin)
        self.table.blockSignals(False)
        self._fit_height()

    def _fit_height(self) -> None:
        """Show every paper without a scroll bar, up to MAX_VISIBLE_HEIGHT."""
        rows = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        frame = self.table.frameWidth() * 2 + self.table.horizontalHeader().sizeHint().height()
        self.table.setFixedHeight(min(MAX_VISIBLE_HEIGHT, max(rows, 48) + frame))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_timer.start()  # rows grow or shrink as the names wrap to the new width

    def _add_extra(self) -> None:
        name = self.extra.text().strip()
        if name:
            self.add_row(name, 1, 0, True)
            self.extra.clear()
            self.edited.emit()

    def received(self) -> list[dict]:
        """The ticked papers: {"name", "originals", "copies", "shown"}."""
        result = []
        for row in range(self.table.rowCount()):
            tick = self.table.item(row, RECEIVED)
            if tick.checkState() != Qt.Checked:
                continue
            result.append({
                "name": self.table.item(row, NAME).text(),
                "originals": self.table.cellWidget(row, ORIGINALS).value(),
                "copies": self.table.cellWidget(row, COPIES).value(),
                "shown": tick.data(KIND_ROLE) == SHOWN,
            })
        return result

    def clear(self) -> None:
        self.table.setRowCount(0)
        self.extra.clear()
        self._fit_height()
