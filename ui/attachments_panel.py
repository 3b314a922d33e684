"""The dossier window's "Electronic copies" tab (số hóa): each paper and the result with its
copy, the history of replaced copies, and what can be done — attach from files, from the
scanner's folder or a camera, reuse the citizen's earlier copy, view (QtPdf), print.

Attaching to a paper that already has a copy replaces it; the old copy stays in the list
(marked replaced) and can still be viewed and printed: nothing is silently lost.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from models import attachments as service
from models.attachments import SOURCE_NAMES

from .field_errors import ERROR_STYLE
from .i18n import fmt_datetime
from .runner import Op
from .table_items import table_item

RESULT = "result"


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.2f}".replace(".", ",") + " MB"


def load_state(code: str) -> tuple:
    """(papers with their copies, every copy with the history, reuse offers) in one worker job."""
    return (service.paper_states(code), service.list_attachments(code, history=True),
            service.reuse_offers(code))


class AttachmentsPanel(QWidget):
    """``changed()`` after a copy was attached (the dossier's sync state changed)."""

    changed = Signal()
    loaded = Signal()

    def __init__(self, officer, parent=None):
        super().__init__(parent)
        self.officer = officer
        self.code = ""
        self.status = 0
        self._result_wanted = False
        self.copies: list = []
        self.offers: list = []
        self.preview = None
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([self.tr("Paper"), self.tr("Pages"), self.tr("Size"),
                                              self.tr("Source"), self.tr("Attached"), self.tr("State")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        for column in range(1, 6):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        self.table.cellDoubleClicked.connect(lambda row, _c: self.view_selected())
        self.summary = QLabel()
        self.summary.setObjectName("copies_summary")
        self.summary.setWordWrap(True)
        self.target = QComboBox()
        self.target.setToolTip(self.tr("The paper (or the result) the new copy is for"))
        # Paper names are long: the list opens wide, the box itself stays narrow.
        self.target.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.target.setMinimumContentsLength(24)
        self.from_file = QPushButton(self.tr("From files…"))
        self.from_scanner = QPushButton(self.tr("From the scanner's folder…"))
        self.from_camera = QPushButton(self.tr("Camera…"))
        self.reuse = QPushButton(self.tr("Reuse the earlier copy"))
        self.reuse.setToolTip(self.tr("The citizen brought this paper before and it was digitised: "
                                      "reuse that copy instead of a new scan"))
        self.view_button = QPushButton(self.tr("View"))
        self.print_button = QPushButton(self.tr("Print a copy"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        target_row = QHBoxLayout()
        target_row.addWidget(QLabel(self.tr("Attach to")))
        target_row.addWidget(self.target, 1)
        sources_row = QHBoxLayout()
        for button in (self.view_button, self.print_button):
            sources_row.addWidget(button)
        sources_row.addSpacing(24)
        for button in (self.from_file, self.from_scanner, self.from_camera, self.reuse):
            sources_row.addWidget(button)
        sources_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(target_row)
        layout.addLayout(sources_row)
        layout.addWidget(self.message)
        self.from_file.clicked.connect(self._from_files)
        self.from_scanner.clicked.connect(self._from_scanner)
        self.from_camera.clicked.connect(self._from_camera)
        self.reuse.clicked.connect(self._reuse)
        self.view_button.clicked.connect(self.view_selected)
        self.print_button.clicked.connect(self.print_selected)
        self.target.currentIndexChanged.connect(self._target_changed)
        from .copy_sources import camera_available

        self.from_camera.setVisible(camera_available())

    # -- loading ------------------------------------------------------------------------------
    def ask_for_result(self) -> None:
        """After the dossier was finished: the next load chooses the result and says why."""
        self._result_wanted = True

    def show_dossier(self, view) -> None:
        self.code, self.status = view.code, view.status
        self.reload()

    def reload(self) -> None:
        code = self.code
        Op(self, lambda: load_state(code)).success(self._show).run_in_background()

    def _show(self, state) -> None:
        papers, copies, offers = state
        self.copies, self.offers = copies, offers
        self.table.setRowCount(len(copies))
        for row, c in enumerate(copies):
            state_text = self.tr("current") if c.current else \
                self.tr("replaced %1").replace("%1", fmt_datetime(c.replaced_at))
            if c.reused:
                state_text += " · " + self.tr("reused")
            values = [c.label, str(c.pages), _megabytes(c.bytes), SOURCE_NAMES.get(c.source, c.source),
                      f"{fmt_datetime(c.attached_at)} {c.officer_name}", state_text]
            for column, value in enumerate(values):
                self.table.setItem(row, column, table_item(value, number=column in (1, 2)))
        if copies:
            self.table.selectRow(0)
        done = sum(1 for p in papers if p.copy is not None)
        text = self.tr("%1 of %2 papers digitised").replace("%1", str(done)).replace("%2", str(len(papers)))
        if any(c.kind == RESULT and c.current for c in copies):
            text += " · " + self.tr("electronic result attached")
        self.summary.setText(text)
        current = self.target.currentData()
        self.target.blockSignals(True)
        self.target.clear()
        for p in papers:
            mark = " ✓" if p.copy is not None else ""
            self.target.addItem(f"{p.number}. {p.name}{mark}", p.number)
        if self.status in service.RESULT_STATUSES:
            self.target.addItem(self.tr("Result of the dossier"), RESULT)
        first_missing = next((p.number for p in papers if p.copy is None), None)
        wanted = current if current is not None and self.target.findData(current) >= 0 else first_missing
        asked, self._result_wanted = self._result_wanted, False
        if asked and self.target.findData(RESULT) >= 0:
            wanted = RESULT
        self.target.setCurrentIndex(max(0, self.target.findData(wanted)))
        self.target.blockSignals(False)
        self._target_changed()
        if asked:
            self._say(self.tr("The result is issued: attach its electronic copy (scan or PDF) here."))
        has_copy = bool(copies)
        self.view_button.setEnabled(has_copy)
        self.print_button.setEnabled(has_copy)
        self.loaded.emit()

    def _target_changed(self) -> None:
        target = self.target.currentData()
        self.reuse.setVisible(any(o.paper == target for o in self.offers))
        replaces = any(c.current and ((c.kind == RESULT and target == RESULT) or c.paper == target)
                       for c in self.copies)
        self._say(self.tr("This paper has a copy: a new one replaces it, the old one is kept in the list.")
                  if replaces else "")

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    # -- attaching ------------------------------------------------------------------------------
    def attach_files(self, files: list[str], *, source: str = "file", data: list[bytes] | None = None) -> None:
        """Attach ``files`` (or captured images ``data``) to the chosen paper or the result."""
        target = self.target.currentData()
        if target is None or not (files or data):
            return
        code, officer = self.code, self.officer
        parts = [(f"trang-{i}.jpg", d) for i, d in enumerate(data or [], start=1)] or None

        def work():
            return service.attach(code, None if parts else files, officer, data=parts, source=source,
                                  paper=None if target == RESULT else target, result=target == RESULT)
        self._say(self.tr("Converting and storing the copy…"))
        Op(self, work).success(self._attached).failure(self._failed).run_in_background()

    def _attached(self, copy) -> None:
        self._say(self.tr("Attached: %1 (%2 pages).").replace("%1", copy.label).replace("%2", str(copy.pages)))
        self.changed.emit()  # the dossier window reloads, and this tab with it

    def _failed(self, exc: Exception) -> None:
        self._say(getattr(exc, "message", None) or str(exc), error=True)

    def _from_files(self) -> None:
        from .copy_sources import pick_files

        self.attach_files(pick_files(self))

    def _from_scanner(self) -> None:
        from .copy_sources import ScanFolderDialog

        try:
            files = service.scan_folder_files()
        except service.ValidationError as exc:
            self._say(str(exc), error=True)
            return
        dialog = ScanFolderDialog(files, self)
        if dialog.exec() == ScanFolderDialog.Accepted:
            self.attach_files(dialog.chosen(), source="scan_folder")

    def _from_camera(self) -> None:
        from .copy_sources import CameraDialog

        dialog = CameraDialog(self)
        if dialog.exec() == CameraDialog.Accepted and dialog.pages:
            self.attach_files([], source="camera", data=dialog.pages)

    def _reuse(self) -> None:
        target = self.target.currentData()
        offer = next((o for o in self.offers if o.paper == target), None)
        if offer is None:
            return
        code, officer = self.code, self.officer
        Op(self, lambda: service.attach(code, None, officer, paper=target, reuse=offer.sha256)) \
            .success(self._attached).failure(self._failed).run_in_background()

    # -- viewing and printing ----------------------------------------------------------------------
    def _selected(self):
        row = self.table.currentRow()
        return self.copies[row] if 0 <= row < len(self.copies) else None

    def view_selected(self) -> None:
        copy = self._selected()
        if copy is None:
            return
        code = self.code

        def show(pdf: bytes) -> None:
            from .pdf_preview import PdfPreview

            if self.preview is None:
                self.preview = PdfPreview(self)
            self.preview.show_pdf(pdf, f"{copy.label} – {code}", reprint=self.print_selected)
        Op(self, lambda: service.read_copy(code, copy.sha256)).success(show).failure(self._failed) \
            .run_in_background()

    def print_selected(self) -> None:
        copy = self._selected()
        if copy is None:
            return
        code = self.code
        self._say(self.tr("Printing…"))
        Op(self, lambda: service.print_copy(code, copy.sha256)) \
            .success(lambda pages: self._say(self.tr("Sent to the printer: %1 pages.").replace("%1", str(pages)))) \
            .failure(self._failed).run_in_background()
