"""Gói dữ liệu của tỉnh: import the province's packages from a USB drive or a file, and the
history of packages received (sync.package_apply does the work, off the GUI thread)."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QVBoxLayout,
)

from models.audit import now as clock
from sync.package_apply import APPLIED, REFUSED, apply_packages, package_history

from .i18n import fmt_datetime
from .runner import Op, show_error
from .table_items import table_item

SEQUENCE, FILE, MADE, SEEN, RESULT = range(5)


class PackagePanel(QGroupBox):
    """``applied(outcomes)`` after an import (whatever became of each package)."""

    applied = Signal(object)
    shown = Signal(object)  # the history just shown (tests wait on it)

    def __init__(self, officer, parent=None, *, now: Callable[[], datetime] = clock):
        super().__init__(parent)
        self.officer, self.now = officer, now
        self.folder = Path.home()
        self.setTitle(self.tr("Province packages: catalog, calendar, online dossiers"))
        self.folder_button = QPushButton(self.tr("Import from a USB drive / folder…"))
        self.folder_button.setToolTip(self.tr("Apply every package of this agency found in the folder, oldest first"))
        self.folder_button.clicked.connect(self.choose_folder)
        self.file_button = QPushButton(self.tr("Import a package file…"))
        self.file_button.clicked.connect(self.choose_file)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.notice.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        report = QScrollArea()  # a long report (many dossiers) scrolls instead of pushing the rest away
        report.setWidget(self.notice)
        report.setWidgetResizable(True)
        report.setFrameShape(QFrame.NoFrame)
        report.setMinimumHeight(130)
        report.setMaximumHeight(170)
        self.report = report
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("No."), self.tr("File"), self.tr("Made by the province"),
                                              self.tr("Applied at"), self.tr("Result")])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(RESULT, QHeaderView.Stretch)
        self.table.setMaximumHeight(110)
        buttons = QHBoxLayout()
        buttons.addWidget(self.folder_button)
        buttons.addWidget(self.file_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(report)
        layout.addWidget(self.table)

    def load(self) -> None:
        Op(self, package_history).success(self._show).run_in_background()

    def _show(self, history: list) -> None:
        self.table.setRowCount(len(history))
        for row, record in enumerate(history):
            if record.status == APPLIED:
                result = self.tr("Applied")
                if record.ack_confirmed:
                    result += " – " + self.tr("the province has the acknowledgement")
            else:
                result = self.tr("Not applied: %1").replace("%1", record.message)
            cells = {SEQUENCE: table_item(str(record.sequence), True), FILE: table_item(record.file_name),
                     MADE: table_item(fmt_datetime(record.created_at)), SEEN: table_item(fmt_datetime(record.seen_at)),
                     RESULT: table_item(result)}
            for column, item in cells.items():
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(RESULT, QHeaderView.Stretch)
        self.shown.emit(history)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the USB drive or folder with the "
                                                                "province's packages"), str(self.folder))
        if folder:
            self.import_paths([folder])

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose the province's package"), str(self.folder),
                                                    self.tr("Province packages (motcua-province_*.zip)"))
        if path:
            self.import_paths([path])

    def import_paths(self, paths: list[str]) -> None:
        self.folder = Path(paths[0]) if Path(paths[0]).is_dir() else Path(paths[0]).parent
        officer, moment = self.officer, self.now()
        self._set_busy(True)
        Op(self, lambda: apply_packages(paths, by=officer, now=moment)).success(self._applied) \
            .failure(self._failed).with_progress(self.tr("Applying the province's package…")).run_in_background()

    def _applied(self, outcomes: list) -> None:
        self._set_busy(False)
        lines: list[str] = []
        for outcome in outcomes:
            lines += outcome.lines()
        self.notice.setText("\n".join(lines))
        colour = "#b00020" if any(o.status == REFUSED for o in outcomes) else "#333"
        self.notice.setStyleSheet(f"color: {colour};")
        self.load()
        self.applied.emit(outcomes)

    def _failed(self, exc: Exception) -> None:
        self._set_busy(False)
        message = str(exc)
        if isinstance(exc, OSError):
            message = self.tr("Could not read %1. Check the drive or folder and try again.") \
                .replace("%1", str(exc.filename or ""))
        self.notice.setText(message)
        show_error(self, message)

    def _set_busy(self, busy: bool) -> None:
        for button in (self.folder_button, self.file_button):
            button.setEnabled(not busy)
