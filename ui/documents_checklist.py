"""The papers of a dossier: ticked when received (or, for an identity paper, when shown), with
originals and copies; extras can be added.

The procedure's list comes with each paper's kind (models.catalog): the required papers are
ticked, the situational ones ("trường hợp …") wait for a tick, and a paper only shown at the
counter (xuất trình) is ticked as shown, never as handed in. Long names wrap instead of being
cut. Keyboard: Space ticks the paper of the current row; + and − change its originals,
Ctrl with them its copies.

Each paper can also get its electronic copy here (số hóa at reception): from files, from the
newest scans of the scanner's folder, from a camera, or — for a returning citizen — by reusing
the copy of the same paper digitised before. The copies are converted and checked before the
dossier is saved and attached to it in the same step (ui/intake_screen.py).
"""
from __future__ import annotations

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.attachments import PendingCopy
from models.catalog import REQUIRED, SHOWN, SITUATIONAL
from models.text import fold

from . import preload

RECEIVED, NAME, KIND, ORIGINALS, COPIES, DIGITAL = range(6)
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
    """``edited()`` whenever a tick, a count or the list changes; ``copy_problem(message)`` when
    a source of copies cannot be used (no scanner folder …)."""

    edited = Signal()
    copy_problem = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.offers: dict[str, object] = {}  # folded paper name → ReuseOffer of a returning citizen
        self._copies: dict[int, dict | None] = {}  # row → the copy chosen for that paper
        self.table = _PaperTable(0, 6)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Received"), self.tr("Document"), self.tr("Kind"), self.tr("Originals"),
             self.tr("Copies"), self.tr("Electronic copy")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.Stretch)
        for column in (RECEIVED, KIND, ORIGINALS, COPIES, DIGITAL):
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
        self.copy_from_files = QPushButton(self.tr("Files…"))
        self.copy_from_scanner = QPushButton(self.tr("Scanner…"))
        self.copy_from_camera = QPushButton(self.tr("Camera…"))
        self.copy_reuse = QPushButton(self.tr("Reuse"))
        self.copy_reuse.setToolTip(self.tr("Reuse the copy of this paper digitised for the citizen before"))
        self.copy_remove = QPushButton(self.tr("No copy"))
        self.copy_from_files.clicked.connect(self._from_files)
        self.copy_from_scanner.clicked.connect(self._from_scanner)
        self.copy_from_camera.clicked.connect(self._from_camera)
        self.copy_reuse.clicked.connect(lambda: self.reuse_copy(self.table.currentRow()))
        self.copy_remove.clicked.connect(lambda: self.clear_copy(self.table.currentRow()))
        # Whether a camera is there: Qt Multimedia (and its FFmpeg back end on Windows) loads
        # to answer, so not before the first paint; the button shows once it has answered.
        self.copy_from_camera.setVisible(False)
        preload.when_ready((preload.DATA,), self._show_camera_if_any)
        copies = QHBoxLayout()
        copies.addWidget(QLabel(self.tr("Electronic copy of the selected paper:")))
        for button in (self.copy_from_files, self.copy_from_scanner, self.copy_from_camera, self.copy_reuse,
                       self.copy_remove):
            copies.addWidget(button)
        copies.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(copies)
        layout.addLayout(row)
        self._fit_height()

    def _show_camera_if_any(self) -> None:
        if shiboken6.isValid(self):
            from .copy_sources import camera_available

            self.copy_from_camera.setVisible(camera_available())

    def set_documents(self, documents) -> None:
        """``documents``: DocumentSpec-like (name, originals, copies, kind)."""
        self.table.setRowCount(0)
        self._copies = {}
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
        self.table.setItem(row, DIGITAL, QTableWidgetItem())
        self.clear_copy(row)
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
        self.offers = {}
        self._copies = {}
        self._fit_height()

    # -- electronic copies ----------------------------------------------------------------------
    def _set_copy(self, row: int, copy: dict | None, text: str) -> None:
        item = self.table.item(row, DIGITAL)
        self._copies[row] = copy  # kept on the Python side: Qt would turn bytes and tuples into its own types
        item.setText(text)
        item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable)

    def set_copy_files(self, row: int, files: list[str], source: str = "file") -> None:
        if 0 <= row < self.table.rowCount() and files:
            self._set_copy(row, {"files": tuple(files), "source": source},
                           self.tr("%1 files to attach").replace("%1", str(len(files))))

    def set_copy_data(self, row: int, pages: list[bytes]) -> None:
        """Camera captures (JPEG bytes): one copy of the paper, a page each."""
        if 0 <= row < self.table.rowCount() and pages:
            self._set_copy(row, {"pages": list(pages), "source": "camera"},
                           self.tr("%1 pages captured").replace("%1", str(len(pages))))

    def reuse_copy(self, row: int) -> bool:
        """Take the citizen's earlier copy of this paper (True when there was one)."""
        if not 0 <= row < self.table.rowCount():
            return False
        offer = self.offers.get(fold(self.table.item(row, NAME).text()))
        if offer is None:
            return False
        self._set_copy(row, {"reuse": offer.sha256}, self.tr("reuse (dossier %1)").replace("%1", offer.from_code))
        return True

    def clear_copy(self, row: int) -> None:
        if not 0 <= row < self.table.rowCount():
            return
        offer = self.offers.get(fold(self.table.item(row, NAME).text()))
        self._set_copy(row, None, self.tr("digitised before – Reuse") if offer else "")

    def set_offers(self, offers: list) -> None:
        """A returning citizen's digitised papers (models.attachments.reuse_candidates)."""
        self.offers = {fold(o.name): o for o in offers}
        for row in range(self.table.rowCount()):
            if self._copies.get(row) is None:
                self.clear_copy(row)

    def pending_copies(self) -> list[PendingCopy]:
        """The copies chosen, numbered as the papers are on the receipt: the ticked papers
        handed in from 1, then those only shown (models.intake.in_receipt_order)."""
        ticked = [row for row in range(self.table.rowCount())
                  if self.table.item(row, RECEIVED).checkState() == Qt.Checked]
        shown = {row for row in ticked if self.table.item(row, RECEIVED).data(KIND_ROLE) == SHOWN}
        result = []
        for number, row in enumerate([r for r in ticked if r not in shown] + [r for r in ticked if r in shown],
                                     start=1):
            copy = self._copies.get(row)
            if not copy:
                continue
            result.append(PendingCopy(number, files=copy.get("files", ()), reuse=copy.get("reuse", ""),
                                      source=copy.get("source", "file"), pages=tuple(copy.get("pages", ()))))
        return result

    def _from_files(self) -> None:
        from .copy_sources import pick_files

        self.set_copy_files(self.table.currentRow(), pick_files(self))

    def _from_scanner(self) -> None:
        from models.attachments import scan_folder_files
        from models.errors import ValidationError

        from .copy_sources import ScanFolderDialog

        try:
            files = scan_folder_files()
        except ValidationError as exc:
            self.copy_problem.emit(str(exc))
            return
        dialog = ScanFolderDialog(files, self)
        if dialog.exec() == ScanFolderDialog.Accepted:
            self.set_copy_files(self.table.currentRow(), dialog.chosen(), "scan_folder")

    def _from_camera(self) -> None:
        from .copy_sources import CameraDialog

        dialog = CameraDialog(self)
        if dialog.exec() == CameraDialog.Accepted:
            self.set_copy_data(self.table.currentRow(), dialog.pages)
